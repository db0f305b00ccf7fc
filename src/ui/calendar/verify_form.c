/* The verify form (calendar/verify_form.h): one field of the form widget and, under it,
 * the answer of app_inspection_verify in the lines app_inspection_verify_lines words
 * for `qifu inspect verify` too; a code that is not valid is said in the error style,
 * with why. */
#include "ui/calendar/verify_form.h"

#include "app/inspection_move.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/inspection.h"
#include "ui/calendar/answer.h"
#include "ui/form.h"
#include "ui/shell.h"

struct calverify {
	calanswer a;            /* the form and its answer */
	shell *sh;
	const inspection_reason_table *reasons;
	int f_code;
};

calverify *calverify_new(shell *sh, const inspection_reason_table *t)
{
	calverify *c = xcalloc(1, sizeof *c);
	c->sh = sh;
	c->reasons = t;
	c->a.rows = 6;
	c->a.heading = N_("Answer");
	c->a.form = form_new(sh, _("Verify a plan code: is the inspection at the door registered?"));
	/* room for a code read aloud with spaces or typed in full-width forms */
	c->f_code = form_add_text(c->a.form, _("Plan code"), NULL, 2 * INSPECTION_CODE_LEN, true);
	const char *buttons[] = { _("Verify"), _("Close") };
	form_set_buttons(c->a.form, buttons, 2, 1);
	/* nothing typed here is lost by leaving */
	form_set_confirm(c->a.form, false);
	return c;
}

void calverify_free(calverify **c)
{
	if (!*c)
		return;
	calanswer_clear(&(*c)->a);
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
	char *code = form_text(c->a.form, c->f_code);
	inspection_verified v;
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_verify(ctx, code, &v, &err);
	sb_reset(&c->a.text);
	c->a.ok = st == APP_OK;
	if (st == APP_OK) {
		app_inspection_verify_lines(&v, c->reasons, add_line, &c->a.text);
		sb_reset(&err);
		if (app_inspection_verify_note(ctx, &v, &err))
			sb_addf(&c->a.text, "\n%s", sb_str(&err));
	} else if (st == APP_NO) {
		sb_addf(&c->a.text, _("not valid: %s"), sb_str(&err));
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
	if (ev->key == QK_ENTER && form_caret(c->a.form, &y, &x)) {
		answer(c);
		return REACT_RECALC;
	}
	bool pressed;
	unsigned rc = calanswer_key(&c->a, ev, &pressed);
	if (pressed) {
		answer(c);
		/* the next code starts in the field */
		form_focus(c->a.form, c->f_code);
	}
	return rc;
}

calanswer *calverify_frame(calverify *c)
{
	return &c->a;
}
