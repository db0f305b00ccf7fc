/* The check-a-date form: three fields of the one form widget and, below them, the
 * answer of inspection_check_decide and inspection_verdict_text from cmd_inspect.c, which
 * `qifu inspect check` prints; a year without a holiday file is said with it, as the
 * command warns. A refusal is drawn in the error style, its words say it all without. */
#include "ui/calendar/check_form.h"

#include <string.h>

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
	qdate date = form_date(c->form, c->f_date), reg = form_date(c->form, c->f_reg);
	const inspection_reason *reason = inspection_reason_find(c->reasons,
	                                                   form_choice(c->form, c->f_reason));
	sb_reset(&c->answer);
	if (!reason || date == DATE_NONE || reg == DATE_NONE)
		return;
	c->allowed = calcheck_answer_text(shell_ctx(c->sh), date, reason, reg, &c->answer);
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

void calcheck_draw_answer(ui_rect a, const char *heading, const char *text, ui_style st)
{
	enum { MAX_WRAP = 8 };
	size_t starts[MAX_WRAP], lens[MAX_WRAP];
	int row = 0;
	if (a.h > 0)
		draw_text(a.y + row++, a.x, a.w, *text ? heading : "", TEXT_LEFT, STYLE_HEADER);
	/* each line of text wraps on its own */
	for (const char *p = text; *p && row < a.h; ) {
		size_t len = strcspn(p, "\n");
		char *para = xstrndup(p, len);
		int n = layout_wrap(para, a.w - 2, starts, lens, MAX_WRAP);
		for (int k = 0; k < n && row < a.h; k++) {
			char *piece = xstrndup(para + starts[k], lens[k]);
			draw_textf(a.y + row++, a.x, a.w, TEXT_LEFT, st, "  %s", piece);
			xfree(&piece);
		}
		xfree(&para);
		p += len + (p[len] == '\n');
	}
	while (row < a.h)
		draw_text(a.y + row++, a.x, a.w, "", TEXT_LEFT, STYLE_NORMAL);
}

void calcheck_repaint(calcheck *c, ui_rect r)
{
	(void)r;
	form_repaint(c->form, c->form_r);
	calcheck_draw_answer(c->answer_r, _("Answer"), sb_str(&c->answer),
	                     c->allowed ? STYLE_NORMAL : STYLE_ERROR);
}

bool calcheck_caret(const calcheck *c, int *y, int *x)
{
	return form_caret(c->form, y, x);
}

const char *calcheck_hint(calcheck *c)
{
	return form_hint(c->form);
}
