/* The verify form (calendar/verify_form.h): one field of the form widget and, under it,
 * the answer of app_inspection_verify in the lines app_inspection_verify_lines words
 * for `qifu inspect verify` too; a code that is not valid is said in the error style,
 * with why. */
#include "ui/calendar/verify_form.h"

#include "app/inspection_move.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/inspection.h"
#include "ui/calendar/check_form.h"
#include "ui/form.h"
#include "ui/shell.h"

struct calverify {
	shell *sh;
	const inspection_reason_table *reasons;
	form *form;
	int f_code;
	strbuf answer;
	bool valid;
	ui_rect form_r, answer_r;
};

calverify *calverify_new(shell *sh, const inspection_reason_table *t)
{
	calverify *c = xcalloc(1, sizeof *c);
	c->sh = sh;
	c->reasons = t;
	c->form = form_new(sh, _("Verify a plan code: is the inspection at the door registered?"));
	/* room for a code read aloud with spaces or typed in full-width forms */
	c->f_code = form_add_text(c->form, _("Plan code"), NULL, 2 * INSPECTION_CODE_LEN, true);
	const char *buttons[] = { _("Verify"), _("Close") };
	form_set_buttons(c->form, buttons, 2, 1);
	/* nothing typed here is lost by leaving */
	form_set_confirm(c->form, false);
	return c;
}

void calverify_free(calverify **c)
{
	if (!*c)
		return;
	form_free(&(*c)->form);
	sb_free(&(*c)->answer);
	xfree(c);
}

static void add_line(void *arg, const char *line)
{
	strbuf *b = arg;
	sb_addf(b, "%s%s", b->len ? "\n" : "", line);
}

static void answer(calverify *c)
{
	app_ctx *ctx = shell_ctx(c->sh);
	char *code = form_text(c->form, c->f_code);
	inspection_verified v;
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_verify(ctx, code, &v, &err);
	sb_reset(&c->answer);
	c->valid = st == APP_OK;
	if (st == APP_OK) {
		app_inspection_verify_lines(&v, c->reasons, add_line, &c->answer);
		sb_reset(&err);
		if (app_inspection_verify_note(ctx, &v, &err))
			sb_addf(&c->answer, "\n%s", sb_str(&err));
	} else if (st == APP_NO) {
		sb_addf(&c->answer, _("not valid: %s"), sb_str(&err));
	} else {
		shell_error(c->sh, "%s", sb_str(&err));
	}
	inspection_verified_clear(&v);
	sb_free(&err);
	xfree(&code);
}

unsigned calverify_key(calverify *c, const pane_event *ev)
{
	int y, x;
	/* one field: Enter in it verifies, as at the door nobody tabs to a button */
	if (ev->key == QK_ENTER && form_caret(c->form, &y, &x)) {
		answer(c);
		return REACT_RECALC;
	}
	switch (form_key(c->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		return REACT_CLOSE;
	case FORM_PRESSED:
		if (form_button(c->form) != 0)
			return REACT_CLOSE;
		answer(c);
		/* the next code starts in the field */
		form_focus(c->form, c->f_code);
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

void calverify_recalc(calverify *c, ui_rect r)
{
	enum { FORM_ROWS = 6 };
	int fh = r.h < FORM_ROWS ? r.h : FORM_ROWS;
	c->form_r = (ui_rect){ r.y, r.x, fh, r.w };
	c->answer_r = (ui_rect){ r.y + fh, r.x, r.h - fh, r.w };
	form_recalc(c->form, c->form_r);
}

void calverify_repaint(calverify *c, ui_rect r)
{
	(void)r;
	form_repaint(c->form, c->form_r);
	calcheck_draw_answer(c->answer_r, _("Answer"), sb_str(&c->answer),
	                     c->valid ? STYLE_NORMAL : STYLE_ERROR);
}

bool calverify_caret(const calverify *c, int *y, int *x)
{
	return form_caret(c->form, y, x);
}

const char *calverify_hint(calverify *c)
{
	return form_hint(c->form);
}
