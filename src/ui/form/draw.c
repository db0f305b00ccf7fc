/* The form's layout and drawing: recalc is a pure pass over the fields into screen
 * rows (fields, open pick lists, the picker's live list, wrapped errors, buttons),
 * scrolled so that the focus always stays on screen under the title; repaint draws
 * every cell of those rows. */
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/form/private.h"
#include "ui/layout.h"

static void add_row(form *f, row_kind kind, int fi, int idx)
{
	if (f->nrows == f->rcap) {
		f->rcap = f->rcap ? f->rcap * 2 : 64;
		f->rows = xrealloc(f->rows, (size_t)f->rcap * sizeof *f->rows);
	}
	f->rows[f->nrows++] = (frow){ kind, fi, idx };
}

/* an error wraps under its field, at most FORM_ERROR_ROWS rows of it */
static int wrap_error(const form *f, const char *error, size_t *starts, size_t *lens)
{
	char *msg = xasprintf("%s%s", _("Error: "), error);
	int w = f->r.x + f->r.w - form_value_x(f);
	int n = layout_wrap(msg, w > 8 ? w : 8, starts, lens, FORM_ERROR_ROWS);
	xfree(&msg);
	return n;
}

static int error_rows(const form *f, const char *error)
{
	size_t starts[FORM_ERROR_ROWS], lens[FORM_ERROR_ROWS];
	return error ? wrap_error(f, error, starts, lens) : 0;
}

void form_recalc(form *f, ui_rect r)
{
	f->r = r;
	f->nrows = 0;
	int lw = 0;
	for (int i = 0; i < f->n; i++) {
		int w = text_width(f->v[i].label) + (f->v[i].required ? 1 : 0);
		if (w > lw)
			lw = w;
	}
	if (lw > r.w / FORM_LABEL_MAX_DIV)
		lw = r.w / FORM_LABEL_MAX_DIV;
	f->label_w = lw;
	add_row(f, ROW_TITLE, -1, 0);
	int focus_first = 0, focus_last = 0;
	for (int i = 0; i < f->n; i++) {
		field *fl = &f->v[i];
		int first = f->nrows;
		for (int k = 0; k < (fl->kind == FK_LINES ? fl->rows : 1); k++)
			add_row(f, ROW_FIELD, i, k);
		if (fl->kind == FK_CHOICE && fl->open) {
			int n = fl->nopts < FORM_PICK_ROWS ? fl->nopts : FORM_PICK_ROWS;
			if (fl->pick < fl->pick_top)
				fl->pick_top = fl->pick;
			if (fl->pick >= fl->pick_top + n)
				fl->pick_top = fl->pick - n + 1;
			for (int k = 0; k < n; k++)
				add_row(f, ROW_PICK, i, fl->pick_top + k);
		}
		if (form_picker_shows(f, i)) {
			form_picker_fetch(f, fl);
			for (int k = 0; k < (fl->nhits ? fl->nhits : 1); k++)
				add_row(f, ROW_HIT, i, k);
		}
		for (int k = 0; fl->multi && k < fl->npicked; k++)
			add_row(f, ROW_PICKED, i, k);
		for (int k = 0; k < error_rows(f, fl->error); k++)
			add_row(f, ROW_ERROR, i, k);
		if (i == f->focus) {
			focus_first = first;
			focus_last = f->nrows - 1;
		}
	}
	add_row(f, ROW_BLANK, -1, 0);
	int form_errors = f->nrows;
	for (int k = 0; k < error_rows(f, f->error); k++)
		add_row(f, ROW_ERROR, -1, k);
	add_row(f, ROW_BUTTONS, -1, 0);
	if (f->focus == f->n) {
		focus_first = form_errors;
		focus_last = f->nrows - 1;
	}
	/* the title stays on the first row; the rest scrolls under it */
	int body = r.h - 1;
	if (body < 1)
		body = 1;
	if (focus_last - f->top >= body)
		f->top = focus_last - body + 1;
	if (focus_first - f->top < 1)
		f->top = focus_first - 1;
	if (f->top > f->nrows - 1 - body)
		f->top = f->nrows - 1 - body;
	if (f->top < 0)
		f->top = 0;
}

int form_rows(const form *f)
{
	return f->nrows;
}

/* x where values start: two cells of focus marker, the label, one space */
int form_value_x(const form *f)
{
	return f->r.x + 2 + f->label_w + 1;
}

/* a bracketed text field: "[" editor "]"; inner width from the limit when short */
static void draw_edit(form *f, field *fl, int y, bool focus, const char *text)
{
	int x = form_value_x(f), avail = f->r.x + f->r.w - x - 2;
	int inner = fl->max_chars > 0 && fl->max_chars <= 40 && fl->max_chars + 1 < avail ?
		fl->max_chars + 1 : avail;
	if (inner < 1)
		inner = 1;
	draw_text(y, x, 1, "[", TEXT_LEFT, STYLE_NORMAL);
	if (text) {
		draw_text(y, x + 1, inner, text, TEXT_LEFT, STYLE_NORMAL);
	} else {
		int cx;
		prompt_draw_field(fl->ed, y, x + 1, inner, STYLE_NORMAL, &cx);
		if (focus) {
			f->have_caret = true;
			f->caret_y = y;
			f->caret_x = cx;
		}
	}
	draw_text(y, x + 1 + inner, 1, "]", TEXT_LEFT, STYLE_NORMAL);
	int after = x + 2 + inner, rest = f->r.x + f->r.w - after;
	const char *hint = "";
	if (fl->kind == FK_DATE)
		hint = " YYYY-MM-DD";
	else if (fl->kind == FK_ENTERPRISE && fl->ent_id)
		hint = _(" (picked)");
	if (rest > 0)
		draw_text(y, after, rest, hint, TEXT_LEFT, STYLE_DIM);
}

static void draw_field_row(form *f, const frow *row, int y)
{
	field *fl = &f->v[row->field];
	bool focus = row->field == f->focus;
	int x = f->r.x;
	if (row->idx == 0) {
		draw_text(y, x, 2, focus ? ">" : "", TEXT_LEFT, focus ? STYLE_CURSOR : STYLE_NORMAL);
		char *label = xasprintf("%s%s", fl->label, fl->required ? "*" : "");
		draw_text(y, x + 2, f->label_w + 1, label, TEXT_LEFT, STYLE_NORMAL);
		xfree(&label);
	} else {
		draw_text(y, x, 2 + f->label_w + 1, "", TEXT_LEFT, STYLE_NORMAL);
	}
	int vx = form_value_x(f), vw = f->r.x + f->r.w - vx;
	switch (fl->kind) {
	case FK_CHOICE: case FK_YESNO: {
		const char *v = fl->kind == FK_YESNO ? (fl->yes ? _("yes") : _("no")) :
			fl->nopts ? fl->opts[fl->sel].label : "";
		draw_textf(y, vx, vw, TEXT_LEFT, focus ? STYLE_CURSOR : STYLE_NORMAL, "< %s >", v);
		break;
	}
	case FK_NOTE:
		draw_text(y, vx, vw, fl->note, TEXT_LEFT, STYLE_NORMAL);
		break;
	case FK_LINES: {
		/* keep the current line on screen */
		if (fl->cur < fl->top)
			fl->top = fl->cur;
		if (fl->cur >= fl->top + fl->rows)
			fl->top = fl->cur - fl->rows + 1;
		int line = fl->top + row->idx;
		if (line == fl->cur)
			draw_edit(f, fl, y, focus, NULL);
		else
			draw_edit(f, fl, y, false, line < fl->nlines ? fl->lines[line] : "");
		break;
	}
	default:
		draw_edit(f, fl, y, focus, NULL);
		break;
	}
}

static void draw_pick_row(form *f, const frow *row, int y)
{
	field *fl = &f->v[row->field];
	int vx = form_value_x(f);
	draw_text(y, f->r.x, vx - f->r.x, "", TEXT_LEFT, STYLE_NORMAL);
	bool on = row->idx == fl->pick;
	draw_textf(y, vx, f->r.x + f->r.w - vx, TEXT_LEFT, on ? STYLE_CURSOR : STYLE_NORMAL,
	           "%s %s", on ? ">" : " ", fl->opts[row->idx].label);
}

static void draw_buttons(form *f, int y)
{
	int x = form_value_x(f);
	draw_text(y, f->r.x, x - f->r.x, f->focus == f->n ? ">" : "", TEXT_LEFT,
	          f->focus == f->n ? STYLE_CURSOR : STYLE_NORMAL);
	for (int i = 0; i < f->nbuttons && x < f->r.x + f->r.w; i++) {
		bool on = f->focus == f->n && i == f->button;
		char *b = xasprintf(on ? ">[ %s ]" : " [ %s ]", f->buttons[i]);
		int w = text_width(b) + 1;
		if (w > f->r.x + f->r.w - x)
			w = f->r.x + f->r.w - x;
		draw_text(y, x, w, b, TEXT_LEFT, on ? STYLE_CURSOR : STYLE_NORMAL);
		x += w;
		xfree(&b);
	}
	if (x < f->r.x + f->r.w)
		draw_text(y, x, f->r.x + f->r.w - x, "", TEXT_LEFT, STYLE_NORMAL);
}

void form_repaint(form *f, ui_rect r)
{
	f->r = r;
	f->have_caret = false;
	if (r.h <= 0)
		return;
	/* "标题", and "(more below)" when rows are hidden, on the title row */
	int body = r.h - 1;
	bool more = f->top + body < f->nrows - 1;
	const char *marks = f->top > 0 && more ? _("(more above and below)") :
		f->top > 0 ? _("(more above)") : more ? _("(more below)") : "";
	int mw = text_width(marks);
	if (mw > r.w / 2)
		mw = 0;
	draw_text(r.y, r.x, r.w - mw, f->title, TEXT_LEFT, STYLE_HEADER);
	if (mw)
		draw_text(r.y, r.x + r.w - mw, mw, marks, TEXT_RIGHT, STYLE_DIM);
	for (int k = 0; k < body; k++) {
		int y = r.y + 1 + k, i = f->top + 1 + k;
		if (i >= f->nrows) {
			draw_text(y, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
			continue;
		}
		const frow *row = &f->rows[i];
		switch (row->kind) {
		case ROW_FIELD:
			draw_field_row(f, row, y);
			break;
		case ROW_PICK:
			draw_pick_row(f, row, y);
			break;
		case ROW_HIT:
			form_picker_draw(f, row, y);
			break;
		case ROW_PICKED:
			form_picker_draw_picked(f, row, y);
			break;
		case ROW_ERROR: {
			int vx = form_value_x(f);
			size_t starts[FORM_ERROR_ROWS], lens[FORM_ERROR_ROWS];
			const char *error = row->field < 0 ? f->error : f->v[row->field].error;
			wrap_error(f, error, starts, lens);
			char *msg = xasprintf("%s%s", _("Error: "), error);
			char *piece = xstrndup(msg + starts[row->idx], lens[row->idx]);
			draw_text(y, r.x, vx - r.x, "", TEXT_LEFT, STYLE_NORMAL);
			draw_text(y, vx, r.x + r.w - vx, piece, TEXT_LEFT, STYLE_ERROR);
			xfree(&piece);
			xfree(&msg);
			break;
		}
		case ROW_BUTTONS:
			draw_buttons(f, y);
			break;
		default:
			draw_text(y, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
			break;
		}
	}
}

bool form_caret(const form *f, int *y, int *x)
{
	if (!f->have_caret || f->asking)
		return false;
	*y = f->caret_y;
	*x = f->caret_x;
	return true;
}
