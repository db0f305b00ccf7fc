/* The detail view. Content is logical lines (heading, field, item, note, block,
 * picture) kept as given; recalc wraps them for the width through layout_wrap, so that
 * Chinese breaks between characters and Latin words stay whole, picks the drawing of a
 * picture that is whole on a page (layout_pick_fit), and repaint draws the visible
 * window, every row exactly the rectangle's width. */
#include "ui/detail.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/layout.h"
#include "ui/prompt.h"

/* the label column never takes more than this share of the width */
#define DETAIL_LABEL_MAX_DIV 3
/* the most rows one logical line wraps into */
#define DETAIL_MAX_WRAP 64

typedef enum dkind { DK_HEADING, DK_FIELD, DK_ITEM, DK_SUBITEM, DK_NOTE, DK_BLOCK, DK_PICTURE, DK_BLANK } dkind;

/* a picture's drawings, owned */
typedef struct dpicture {
	int n;
	char ***lines;
	int *rows, *cols;
	ui_style st;
} dpicture;

typedef struct dline {
	dkind kind;
	char *label;
	char *text;          /* a picture's: what is said when none of its drawings fits */
	dpicture *pic;
	size_t span_from, span_len; /* bytes of text drawn in span_st (span_len 0: none) */
	ui_style span_st;
} dline;

/* one screen row: a piece of a logical line, or row start of a picture's drawing art */
typedef struct drow {
	int line;
	size_t start, len;
	bool first;
	int art;             /* the drawing a picture's row is of; -1: text */
} drow;

struct detail {
	char *title;
	dline *v;
	int n, cap;
	drow *rows;
	int nrows, rcap;
	int top, page, label_w;
};

static void picture_free(dpicture **p)
{
	if (!*p)
		return;
	for (int k = 0; k < (*p)->n; k++) {
		for (int j = 0; j < (*p)->rows[k]; j++)
			free((*p)->lines[k][j]);
		free((*p)->lines[k]);
	}
	free((*p)->lines);
	free((*p)->rows);
	free((*p)->cols);
	xfree(p);
}

detail *detail_new(void)
{
	return xcalloc(1, sizeof(detail));
}

void detail_clear(detail *d, bool keep_scroll)
{
	for (int i = 0; i < d->n; i++) {
		xfree(&d->v[i].label);
		xfree(&d->v[i].text);
		picture_free(&d->v[i].pic);
	}
	d->n = 0;
	d->nrows = 0;
	xfree(&d->title);
	if (!keep_scroll)
		d->top = 0;
}

void detail_free(detail **d)
{
	if (!*d)
		return;
	detail_clear(*d, false);
	xfree(&(*d)->v);
	xfree(&(*d)->rows);
	xfree(d);
}

static void add(detail *d, dkind kind, const char *label, const char *text)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->v = xrealloc(d->v, (size_t)d->cap * sizeof *d->v);
	}
	dline *l = &d->v[d->n++];
	l->kind = kind;
	l->label = label ? xstrdup(label) : NULL;
	l->pic = NULL;
	l->span_from = l->span_len = 0;
	l->span_st = STYLE_NORMAL;
	/* stored text may hold line breaks (a multi-line note): the rows show them as spaces */
	l->text = xstrdup(text ? text : "");
	for (char *p = l->text; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
}

void detail_title(detail *d, const char *title)
{
	xfree(&d->title);
	d->title = xstrdup(title);
}

void detail_section(detail *d, const char *heading)
{
	if (d->n > 0)
		add(d, DK_BLANK, NULL, "");
	add(d, DK_HEADING, NULL, heading);
}

void detail_field(detail *d, const char *label, const char *value)
{
	add(d, DK_FIELD, label, value);
}

void detail_item(detail *d, const char *text)
{
	add(d, DK_ITEM, NULL, text);
}

void detail_item_span(detail *d, const char *text, size_t from, size_t len, ui_style st)
{
	add(d, DK_ITEM, NULL, text);
	dline *l = &d->v[d->n - 1];
	size_t n = strlen(l->text);
	l->span_from = from < n ? from : n;
	l->span_len = len < n - l->span_from ? len : n - l->span_from;
	l->span_st = st;
}

void detail_subitem(detail *d, const char *text)
{
	add(d, DK_SUBITEM, NULL, text);
}

void detail_note(detail *d, const char *text)
{
	add(d, DK_NOTE, NULL, text);
}

void detail_items_more(detail *d, const char *lines, long total, long shown)
{
	const char *s = lines;
	while (*s) {
		const char *nl = strchr(s, '\n');
		char *line = xstrndup(s, nl ? (size_t)(nl - s) : strlen(s));
		detail_item(d, line);
		xfree(&line);
		s = nl ? nl + 1 : s + strlen(s);
	}
	if (total > shown) {
		char *more = xasprintf(_("… and %ld more"), total - shown);
		detail_note(d, more);
		xfree(&more);
	}
}

void detail_block(detail *d, const char *const *lines, int n)
{
	for (int i = 0; i < n; i++)
		add(d, DK_BLOCK, NULL, lines[i]);
}

void detail_picture(detail *d, const detail_art *arts, int n, ui_style st, const char *too_small)
{
	add(d, DK_PICTURE, NULL, too_small);
	dpicture *p = xcalloc(1, sizeof *p);
	p->n = n;
	p->st = st;
	p->lines = xcalloc((size_t)(n ? n : 1), sizeof *p->lines);
	p->rows = xcalloc((size_t)(n ? n : 1), sizeof *p->rows);
	p->cols = xcalloc((size_t)(n ? n : 1), sizeof *p->cols);
	for (int k = 0; k < n; k++) {
		p->rows[k] = arts[k].rows;
		p->cols[k] = arts[k].cols;
		p->lines[k] = xcalloc((size_t)(arts[k].rows ? arts[k].rows : 1), sizeof **p->lines);
		for (int j = 0; j < arts[k].rows; j++)
			p->lines[k][j] = xstrdup(arts[k].lines[j]);
	}
	d->v[d->n - 1].pic = p;
}

bool detail_picture_shown(const detail *d)
{
	for (int i = 0; i < d->nrows; i++)
		if (d->rows[i].art >= 0)
			return true;
	return false;
}

/* row's piece of line l in w cells from x: the part inside the line's span in its
 * style, the rest plain */
static void draw_piece(const dline *l, const drow *row, int y, int x, int w)
{
	size_t a = row->start, b = row->start + row->len;
	size_t s0 = l->span_from, s1 = l->span_from + l->span_len;
	if (l->span_len == 0 || s1 <= a || s0 >= b) {
		char *piece = xstrndup(l->text + a, row->len);
		draw_text(y, x, w, piece, TEXT_LEFT, STYLE_NORMAL);
		xfree(&piece);
		return;
	}
	size_t cut[4] = { a, s0 > a ? s0 : a, s1 < b ? s1 : b, b };
	for (int k = 0; k < 3 && w > 0; k++) {
		const char *p = l->text + cut[k];
		size_t len = cut[k + 1] - cut[k];
		int cw = k == 2 ? w : text_nwidth(p, len);
		if (cw > w)
			cw = w;
		char *part = xstrndup(p, len);
		draw_text(y, x, cw, part, TEXT_LEFT, k == 1 ? l->span_st : STYLE_NORMAL);
		xfree(&part);
		x += cw;
		w -= cw;
	}
}

static void add_row(detail *d, int line, size_t start, size_t len, bool first)
{
	if (d->nrows == d->rcap) {
		d->rcap = d->rcap ? d->rcap * 2 : 64;
		d->rows = xrealloc(d->rows, (size_t)d->rcap * sizeof *d->rows);
	}
	d->rows[d->nrows++] = (drow){ line, start, len, first, -1 };
}

/* where the text of a line starts, from the rectangle's left edge */
static int indent_of(const detail *d, const dline *l)
{
	switch (l->kind) {
	case DK_FIELD: return 2 + d->label_w + 2;
	case DK_ITEM: return 4;
	case DK_SUBITEM: return 6;
	case DK_NOTE: case DK_BLOCK: case DK_PICTURE: return 2;
	default: return 0;
	}
}

void detail_recalc(detail *d, ui_rect r)
{
	d->nrows = 0;
	d->page = r.h > 1 ? r.h - 1 : 1;
	int lw = 0;
	for (int i = 0; i < d->n; i++)
		if (d->v[i].kind == DK_FIELD && text_width(d->v[i].label) > lw)
			lw = text_width(d->v[i].label);
	if (lw > r.w / DETAIL_LABEL_MAX_DIV)
		lw = r.w / DETAIL_LABEL_MAX_DIV;
	d->label_w = lw;
	for (int i = 0; i < d->n; i++) {
		const dline *l = &d->v[i];
		int w = r.w - indent_of(d, l);
		/* a picture: the drawing that is whole on a page, a row of the view a line */
		int art = l->pic ? layout_pick_fit(l->pic->cols, l->pic->rows, l->pic->n, w, d->page) : -1;
		for (int j = 0; art >= 0 && j < l->pic->rows[art]; j++) {
			add_row(d, i, (size_t)j, 0, j == 0);
			d->rows[d->nrows - 1].art = art;
		}
		if (art >= 0)
			continue;
		/* a block keeps its lines as drawn: one row each, never wrapped */
		if (!*l->text || w < 1 || l->kind == DK_BLOCK) {
			add_row(d, i, 0, l->kind == DK_BLOCK ? strlen(l->text) : 0, true);
			continue;
		}
		size_t starts[DETAIL_MAX_WRAP], lens[DETAIL_MAX_WRAP];
		int k = layout_wrap(l->text, w, starts, lens, DETAIL_MAX_WRAP);
		for (int j = 0; j < k; j++)
			add_row(d, i, starts[j], lens[j], j == 0);
	}
	if (d->top > d->nrows - d->page)
		d->top = d->nrows - d->page;
	if (d->top < 0)
		d->top = 0;
}

void detail_repaint(detail *d, ui_rect r, bool focus)
{
	if (r.h <= 0 || r.w <= 0)
		return;
	int body = r.h - 1;
	/* "(3/40)" on the title row once the content is longer than the screen */
	char pos[40] = "";
	if (d->nrows > body) {
		int last = d->top + body < d->nrows ? d->top + body : d->nrows;
		snprintf(pos, sizeof pos, "(%d-%d/%d)", d->top + 1, last, d->nrows);
	}
	int pw = text_width(pos);
	if (pw >= r.w / 2)
		pw = 0;
	draw_textf(r.y, r.x, r.w - pw, TEXT_LEFT, focus ? STYLE_TAB : STYLE_HEADER, "%s%s",
	           focus ? ">" : "", d->title ? d->title : "");
	if (pw)
		draw_text(r.y, r.x + r.w - pw, pw, pos, TEXT_RIGHT, STYLE_DIM);
	for (int k = 0; k < body; k++) {
		int y = r.y + 1 + k, i = d->top + k;
		if (i >= d->nrows) {
			draw_text(y, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
			continue;
		}
		const drow *row = &d->rows[i];
		const dline *l = &d->v[row->line];
		/* a picture's row draws its drawing's line, not a piece of the text */
		char *piece = row->art >= 0 ? xstrdup("") : xstrndup(l->text + row->start, row->len);
		int ind = indent_of(d, l);
		if (ind > r.w)
			ind = r.w;
		switch (l->kind) {
		case DK_HEADING:
			draw_textf(y, r.x, r.w, TEXT_LEFT, STYLE_HEADER, "[%s]", piece);
			break;
		case DK_FIELD:
			draw_text(y, r.x, 2, "", TEXT_LEFT, STYLE_NORMAL);
			draw_text(y, r.x + 2, ind - 2, row->first ? l->label : "", TEXT_LEFT, STYLE_NORMAL);
			draw_text(y, r.x + ind, r.w - ind, piece, TEXT_LEFT, STYLE_NORMAL);
			break;
		case DK_ITEM: case DK_SUBITEM:
			draw_text(y, r.x, ind, !row->first ? "" : l->kind == DK_ITEM ? "  -" : "    -",
			          TEXT_LEFT, STYLE_NORMAL);
			draw_piece(l, row, y, r.x + ind, r.w - ind);
			break;
		case DK_PICTURE:
			if (row->art >= 0) {
				/* recalc chose a drawing that fits: its own style, the rest plain */
				int cols = l->pic->cols[row->art];
				draw_text(y, r.x, ind, "", TEXT_LEFT, STYLE_NORMAL);
				draw_text(y, r.x + ind, cols, l->pic->lines[row->art][row->start], TEXT_LEFT,
				          l->pic->st);
				draw_text(y, r.x + ind + cols, r.w - ind - cols, "", TEXT_LEFT, STYLE_NORMAL);
				break;
			}
			draw_text(y, r.x, ind, "", TEXT_LEFT, STYLE_NORMAL);
			draw_text(y, r.x + ind, r.w - ind, piece, TEXT_LEFT, STYLE_DIM);
			break;
		default:
			draw_text(y, r.x, ind, "", TEXT_LEFT, STYLE_NORMAL);
			draw_text(y, r.x + ind, r.w - ind, piece, TEXT_LEFT,
			          l->kind == DK_NOTE ? STYLE_DIM : STYLE_NORMAL);
			break;
		}
		xfree(&piece);
	}
}

unsigned detail_handle(detail *d, action a)
{
	switch (a) {
	case ACT_UP: d->top--; break;
	case ACT_DOWN: d->top++; break;
	case ACT_PAGE_UP: d->top -= d->page; break;
	case ACT_PAGE_DOWN: d->top += d->page; break;
	case ACT_FIRST: d->top = 0; break;
	/* past any end: recalc clamps it to the last page of what is there then */
	case ACT_LAST: d->top = INT_MAX / 2; break;
	default: return REACT_UNHANDLED;
	}
	/* recalc clamps to the content */
	return REACT_RECALC;
}

unsigned detail_question_key(detail *d, const pane_event *ev, bool *yes)
{
	if (ev->act == ACT_HELP || ev->act == ACT_MENU || ev->act == ACT_QUIT)
		return REACT_UNHANDLED;
	if (detail_handle(d, ev->act) != REACT_UNHANDLED)
		return REACT_RECALC;
	/* y says yes; anything else is no (UX.md) */
	*yes = prompt_yes(ev->key);
	return REACT_CLOSE;
}
