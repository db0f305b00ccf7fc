/* The frame of a form with an answer under it (calendar/answer.h). */
#include "ui/calendar/answer.h"

#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/layout.h"

/* what the answer keeps at least, its heading included */
enum { ANSWER_MIN = 4 };

void calanswer_recalc(calanswer *a, ui_rect r)
{
	int most = r.h - ANSWER_MIN > 1 ? r.h - ANSWER_MIN : r.h;
	a->form_r = (ui_rect){ r.y, r.x, a->rows > 0 && a->rows < most ? a->rows : most, r.w };
	form_recalc(a->form, a->form_r);
	/* the answer right under the form, close enough to be read together */
	int need = form_rows(a->form) + 1;
	if (a->rows == 0 && need < a->form_r.h) {
		a->form_r.h = need;
		form_recalc(a->form, a->form_r);
	}
	a->answer_r = (ui_rect){ r.y + a->form_r.h, r.x, r.h - a->form_r.h, r.w };
}

void calanswer_repaint(calanswer *a)
{
	enum { MAX_WRAP = 8 };
	size_t starts[MAX_WRAP], lens[MAX_WRAP];
	const char *text = sb_str(&a->text);
	ui_style st = a->ok ? STYLE_NORMAL : STYLE_ERROR;
	ui_rect r = a->answer_r;
	int row = 0;
	form_repaint(a->form, a->form_r);
	if (r.h > 0)
		draw_text(r.y + row++, r.x, r.w, *text ? _(a->heading) : "", TEXT_LEFT, STYLE_HEADER);
	/* each line of the answer wraps on its own */
	for (const char *p = text; *p && row < r.h; ) {
		size_t len = strcspn(p, "\n");
		char *para = xstrndup(p, len);
		int n = layout_wrap(para, r.w - 2, starts, lens, MAX_WRAP);
		for (int k = 0; k < n && row < r.h; k++) {
			char *piece = xstrndup(para + starts[k], lens[k]);
			draw_textf(r.y + row++, r.x, r.w, TEXT_LEFT, st, "  %s", piece);
			xfree(&piece);
		}
		xfree(&para);
		p += len + (p[len] == '\n');
	}
	while (row < r.h)
		draw_text(r.y + row++, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
}

unsigned calanswer_key(calanswer *a, const pane_event *ev, bool *pressed)
{
	*pressed = false;
	switch (form_key(a->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		return REACT_CLOSE;
	case FORM_PRESSED:
		/* the last button leaves: it is the form's cancel, so form_key says so */
		*pressed = form_button(a->form) == 0;
		return *pressed ? REACT_RECALC : REACT_CLOSE;
	default:
		return REACT_RECALC;
	}
}

void calanswer_clear(calanswer *a)
{
	form_free(&a->form);
	sb_free(&a->text);
}

int calanswer_add_reasons(form *f, const char *label, const inspection_reason_table *t)
{
	form_option *opts = xcalloc(t->n ? t->n : 1, sizeof *opts);
	for (size_t i = 0; i < t->n; i++)
		opts[i] = (form_option){ t->v[i].code, t->v[i].name };
	int field = form_add_choice(f, label, opts, (int)t->n, t->n ? t->v[0].code : "", true);
	xfree(&opts);
	return field;
}
