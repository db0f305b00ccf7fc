/* The check-a-date form: three fields of the one form widget and, below them, the
 * answer of inspection_check_decide and inspection_verdict_text from cmd_inspect.c, which
 * `qifu inspect check` prints; a year without a holiday file is said with it, as the
 * command warns. A refusal is drawn in the error style, its words say it all without. */
#include "ui/calendar/check_form.h"

#include "app/inspection.h"
#include "core/i18n.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "ui/form.h"
#include "ui/layout.h"
#include "ui/shell.h"

struct calcheck {
	shell *sh;
	const inspection_reason_table *reasons;
	form *form;
	int f_date, f_reason, f_reg;
	strbuf answer;
	bool allowed;
	ui_rect form_r, answer_r;
};

calcheck *calcheck_new(shell *sh, const inspection_reason_table *t, qdate date)
{
	calcheck *c = xcalloc(1, sizeof *c);
	c->sh = sh;
	c->reasons = t;
	c->form = form_new(sh, _("Check a date: may an inspection take place?"));
	form_option *opts = xcalloc(t->n ? t->n : 1, sizeof *opts);
	for (size_t i = 0; i < t->n; i++) {
		opts[i].value = t->v[i].code;
		opts[i].label = t->v[i].name;
	}
	c->f_date = form_add_date(c->form, _("Inspection date"), date, true);
	c->f_reason = form_add_choice(c->form, _("Reason"), opts, (int)t->n,
	                              t->n ? t->v[0].code : "", true);
	c->f_reg = form_add_date(c->form, _("Registered on"), shell_ctx(sh)->today, true);
	xfree(&opts);
	const char *buttons[] = { _("Check"), _("Close") };
	form_set_buttons(c->form, buttons, 2, 1);
	/* nothing typed here is lost by leaving */
	form_set_confirm(c->form, false);
	form_focus(c->form, c->f_reason);
	return c;
}

void calcheck_free(calcheck **c)
{
	if (!*c)
		return;
	form_free(&(*c)->form);
	sb_free(&(*c)->answer);
	xfree(c);
}

/* "2026-12-10 (Thu), 一般性检查, registered on 2026-12-01: refused: …" */
static void answer(calcheck *c)
{
	app_ctx *ctx = shell_ctx(c->sh);
	qdate date = form_date(c->form, c->f_date), reg = form_date(c->form, c->f_reg);
	const inspection_reason *reason = inspection_reason_find(c->reasons,
	                                                   form_choice(c->form, c->f_reason));
	sb_reset(&c->answer);
	if (!reason || date == DATE_NONE || reg == DATE_NONE)
		return;
	qdate lo, hi;
	inspection_verdict v = inspection_check_decide(ctx, date, reason, reg, &lo, &hi);
	char day[11];
	strbuf when = STRBUF_INIT;
	sb_addf(&c->answer, _("%s, %s, registered on %s: "), inspection_date_weekday(date, &when),
	        reason->name, date_format(reg, day));
	sb_free(&when);
	inspection_verdict_text(&v, &c->answer);
	c->allowed = v.outcome == INSPECTION_ALLOWED;
	strbuf caveat = STRBUF_INIT;
	if (app_calendar_caveat(ctx, lo, hi, &caveat))
		sb_addf(&c->answer, "  %s", sb_str(&caveat));
	sb_free(&caveat);
}

unsigned calcheck_key(calcheck *c, const pane_event *ev)
{
	switch (form_key(c->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		return REACT_CLOSE;
	case FORM_PRESSED:
		answer(c);
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

void calcheck_recalc(calcheck *c, ui_rect r)
{
	/* the answer right under the form, close enough to be read together; the form
	 * keeps room for its fields, its buttons and an error under a field */
	enum { FORM_ROWS = 12, ANSWER_MIN = 4 };
	int fh = r.h - ANSWER_MIN < FORM_ROWS ? r.h - ANSWER_MIN : FORM_ROWS;
	c->form_r = (ui_rect){ r.y, r.x, fh, r.w };
	c->answer_r = (ui_rect){ r.y + fh, r.x, r.h - fh, r.w };
	form_recalc(c->form, c->form_r);
}

void calcheck_repaint(calcheck *c, ui_rect r)
{
	enum { MAX_WRAP = 6 };
	size_t starts[MAX_WRAP], lens[MAX_WRAP];
	(void)r;
	form_repaint(c->form, c->form_r);
	ui_rect a = c->answer_r;
	int row = 0;
	if (a.h > 0)
		draw_text(a.y + row++, a.x, a.w, c->answer.len ? _("Answer") : "", TEXT_LEFT,
		          STYLE_HEADER);
	const char *s = sb_str(&c->answer);
	int n = c->answer.len ? layout_wrap(s, a.w - 2, starts, lens, MAX_WRAP) : 0;
	for (int k = 0; k < n && row < a.h; k++) {
		char *piece = xstrndup(s + starts[k], lens[k]);
		draw_textf(a.y + row++, a.x, a.w, TEXT_LEFT, c->allowed ? STYLE_NORMAL : STYLE_ERROR,
		           "  %s", piece);
		xfree(&piece);
	}
	while (row < a.h)
		draw_text(a.y + row++, a.x, a.w, "", TEXT_LEFT, STYLE_NORMAL);
}

bool calcheck_caret(const calcheck *c, int *y, int *x)
{
	return form_caret(c->form, y, x);
}

const char *calcheck_hint(calcheck *c)
{
	return form_hint(c->form);
}
