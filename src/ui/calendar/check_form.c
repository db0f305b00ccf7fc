/* The check-a-date form: three fields of the one form widget and, below them, the
 * answer of inspection_check_decide and inspection_verdict_text (app/inspection.c), which
 * `qifu inspect check` prints; a year without a holiday file is said with it, as the
 * command warns. A refusal is drawn in the error style, its words say it all without. */
#include "ui/calendar/check_form.h"

#include "app/inspection.h"
#include "core/i18n.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "ui/form.h"
#include "ui/shell.h"

struct calcheck {
	calanswer a;            /* the form and its answer */
	shell *sh;
	const inspection_reason_table *reasons;
	int f_date, f_reason, f_reg;
};

calcheck *calcheck_new(shell *sh, const inspection_reason_table *t, qdate date)
{
	calcheck *c = xcalloc(1, sizeof *c);
	c->sh = sh;
	c->reasons = t;
	/* room for the fields, the buttons and an error under a field */
	c->a.rows = 12;
	c->a.heading = N_("Answer");
	c->a.form = form_new(sh, _("Check a date: may an inspection take place?"));
	c->f_date = form_add_date(c->a.form, _("Inspection date"), date, true);
	c->f_reason = calanswer_add_reasons(c->a.form, _("Reason"), t);
	c->f_reg = form_add_date(c->a.form, _("Registered on"), shell_ctx(sh)->today, true);
	const char *buttons[] = { _("Check"), _("Close") };
	form_set_buttons(c->a.form, buttons, 2, 1);
	/* nothing typed here is lost by leaving */
	form_set_confirm(c->a.form, false);
	form_focus(c->a.form, c->f_reason);
	return c;
}

void calcheck_free(calcheck **c)
{
	if (!*c)
		return;
	calanswer_clear(&(*c)->a);
	xfree(c);
}

calanswer *calcheck_frame(calcheck *c)
{
	return &c->a;
}

bool calcheck_answer_text(app_ctx *ctx, qdate date, const inspection_reason *reason, qdate reg,
		strbuf *out)
{
	qdate lo, hi;
	inspection_verdict v = inspection_check_decide(ctx, date, reason, reg, &lo, &hi);
	char day[11];
	strbuf when = STRBUF_INIT;
	sb_addf(out, _("%s, %s, registered on %s: "), inspection_date_weekday(date, &when),
	        reason->name, date_format(reg, day));
	sb_free(&when);
	inspection_verdict_text(&v, out);
	strbuf caveat = STRBUF_INIT;
	if (app_calendar_caveat(ctx, lo, hi, &caveat))
		sb_addf(out, "  %s", sb_str(&caveat));
	sb_free(&caveat);
	return v.outcome == INSPECTION_ALLOWED;
}

/* "2026-12-10 (Thu), 一般性检查, registered on 2026-12-01: refused: …" */
static void answer(calcheck *c)
{
	form *f = c->a.form;
	qdate date = form_date(f, c->f_date), reg = form_date(f, c->f_reg);
	const inspection_reason *reason = inspection_reason_find(c->reasons, form_choice(f, c->f_reason));
	sb_reset(&c->a.text);
	if (!reason || date == DATE_NONE || reg == DATE_NONE)
		return;
	c->a.ok = calcheck_answer_text(shell_ctx(c->sh), date, reason, reg, &c->a.text);
}

unsigned calcheck_key(calcheck *c, const pane_event *ev)
{
	bool pressed;
	unsigned rc = calanswer_key(&c->a, ev, &pressed);
	if (pressed)
		answer(c);
	return rc;
}
