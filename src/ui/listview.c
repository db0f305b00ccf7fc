/* The generic list: column layout for the pane width (one column stretches, columns
 * that need a wider pane drop out), cursor and scrolling, and a cache of exactly the
 * visible window of rows that is refetched only when the view leaves it. A source
 * that can count up to a limit is counted to LV_COUNT_CAP rows until the cursor goes
 * past them, and while a search is typed from its first window alone; a count or
 * fetch that a newer key stopped leaves the screen as it was. */
#include "ui/listview.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/layout.h"
#include "ui/list_keyset.h"

struct listview {
	const app_column *cols;
	int ncols;
	lv_source src;
	int *width;          /* per column; 0 = hidden at this width */
	long count;
	bool counted;
	bool more;           /* count is LV_COUNT_CAP (or the page: from_window) and there
	                      * are more rows */
	bool typing;         /* a search is typed: count from the first window */
	bool from_window;    /* the count is the first window's */
	bool recount;        /* counted again, the rows unchanged (the search accepted) */
	long top, cursor;
	int page;            /* data rows on screen */
	long cache_off;
	int cache_n;
	bool cached;
	int sort_col;
	bool sort_desc;
	strbuf row;
	lv_style_fn style;
	lv_count_upto_fn count_upto;
};

listview *lv_new(const app_column *cols, int ncols, const lv_source *src)
{
	listview *lv = xcalloc(1, sizeof *lv);
	lv->cols = cols;
	lv->ncols = ncols;
	lv->src = *src;
	lv->width = xcalloc((size_t)ncols, sizeof *lv->width);
	lv->sort_col = -1;
	return lv;
}

void lv_free(listview **lv)
{
	if (!*lv)
		return;
	xfree(&(*lv)->width);
	sb_free(&(*lv)->row);
	xfree(lv);
}

void lv_set_sort(listview *lv, int col, bool desc)
{
	lv->sort_col = col;
	lv->sort_desc = desc;
}

void lv_set_style(listview *lv, lv_style_fn style)
{
	lv->style = style;
}

void lv_set_count_upto(listview *lv, lv_count_upto_fn fn)
{
	lv->count_upto = fn;
}

void lv_set_typing(listview *lv, bool on)
{
	/* the search accepted: the count the window gave is made up to the cap, and the
	 * rows read stay */
	if (!on && lv->typing && lv->from_window && lv->counted) {
		lv->counted = false;
		lv->recount = true;
	}
	lv->typing = on;
}

void lv_invalidate(listview *lv)
{
	lv->counted = false;
	lv->recount = false;
	lv->cached = false;
}

long lv_cursor(const listview *lv)
{
	return lv->cursor;
}

void lv_set_cursor(listview *lv, long row)
{
	lv->cursor = row;
}

void *lv_reserve(void *rows, int *cap, int limit, size_t size)
{
	void **r = rows;
	if (limit > *cap) {
		*r = xrealloc(*r, (size_t)limit * size);
		*cap = limit;
	}
	if (limit > 0)
		memset(*r, 0, (size_t)limit * size);
	return *r;
}

long lv_count(const listview *lv)
{
	return lv->count;
}

bool lv_count_more(const listview *lv)
{
	return lv->more;
}

/* count the rows, up to LV_COUNT_CAP when the source can; the count, -1 or LV_STALE */
static long count_rows(listview *lv, bool *more)
{
	*more = false;
	if (!lv->count_upto)
		return lv->src.count(lv->src.arg);
	long n = lv->count_upto(lv->src.arg, LV_COUNT_CAP);
	if (n > LV_COUNT_CAP) {
		*more = true;
		n = LV_COUNT_CAP;
	}
	return n;
}

/* a count further, when the cursor goes where the count does not reach: the
 * first window's up to LV_COUNT_CAP, a capped one whole */
static void count_all(listview *lv)
{
	bool more = false;
	long n = lv->from_window ? count_rows(lv, &more) : lv->src.count(lv->src.arg);
	if (n >= 0) {
		lv->count = n;
		lv->more = more;
		lv->from_window = false;
	}
}

/* The count from the first window while a search is typed (ui/list_keyset.h): the
 * page and one row more are read, and no count is made. False when the read
 * stopped for a newer key (the list stays as it was). */
static bool count_from_window(listview *lv)
{
	int n = lv->src.fetch(lv->src.arg, 0, lv->page + 1);
	if (n == LV_STALE)
		return false;
	lv->counted = true;
	lv->from_window = false;
	if (n < 0) {
		lv->count = -1;
		lv->more = false;
		lv->cached = false;
		return true;
	}
	lk_window_count(n, lv->page, &lv->count, &lv->more);
	lv->from_window = lv->more;
	lv->cache_off = 0;
	lv->cache_n = n;
	lv->cached = true;
	return true;
}

bool lv_settle(listview *lv)
{
	if (!lv->typing || !lv->from_window || !lv->counted || !lv->count_upto)
		return false;
	bool more;
	long n = count_rows(lv, &more);
	if (n < 0)
		return false; /* stopped by a key, or failed (said on the status line) */
	lv->count = n;
	lv->more = more;
	lv->from_window = false;
	return true;
}

static void clamp(listview *lv)
{
	long n = lv->count > 0 ? lv->count : 0;
	if (lv->cursor >= n)
		lv->cursor = n - 1;
	if (lv->cursor < 0)
		lv->cursor = 0;
	long page = lv->page > 0 ? lv->page : 1;
	if (lv->top > n - page)
		lv->top = n - page;
	if (lv->top < 0)
		lv->top = 0;
	if (lv->cursor < lv->top)
		lv->top = lv->cursor;
	if (lv->cursor >= lv->top + page)
		lv->top = lv->cursor - page + 1;
}

void lv_recalc(listview *lv, ui_rect r)
{
	layout_columns(lv->cols, lv->ncols, r.w, lv->width);
	lv->page = r.h > 1 ? r.h - 1 : 0;
	long was_count = lv->count;
	bool was_more = lv->more, was_cached = lv->cached;
	if (!lv->counted &&
	    lk_count_plan(lv->count_upto != NULL, lv->typing, lv->top, lv->page) == LK_COUNT_WINDOW) {
		if (!count_from_window(lv))
			return; /* a newer key: the screen stays as it was until it is handled */
	} else if (!lv->counted) {
		bool more;
		long n = count_rows(lv, &more);
		if (n == LV_STALE)
			return; /* a newer key: the screen stays as it was until it is handled */
		lv->count = n;
		lv->more = more;
		lv->from_window = false;
		lv->counted = true;
		lv->cached = lv->cached && lv->recount;
		lv->recount = false;
	}
	clamp(lv);
	long vis = lv->count - lv->top;
	if (vis > lv->page)
		vis = lv->page;
	if (vis <= 0)
		return;
	if (lv->cached && lv->top >= lv->cache_off && lv->top + vis <= lv->cache_off + lv->cache_n)
		return;
	int n = lv->src.fetch(lv->src.arg, lv->top, (int)vis);
	if (n == LV_STALE) {
		/* the source kept the rows on screen: keep their count, ask again next time */
		lv->count = was_count;
		lv->more = was_more;
		lv->cached = was_cached;
		lv->counted = false;
		clamp(lv);
		return;
	}
	lv->cache_off = lv->top;
	lv->cache_n = n > 0 ? n : 0;
	lv->cached = n >= 0;
}

static void add_separator(listview *lv, bool *first)
{
	if (!*first)
		sb_addc(&lv->row, ' ');
	*first = false;
}

/* cells with a style of their own (a light) drawn again over the plain row */
static void restyle(listview *lv, ui_rect r, int y, long row)
{
	int x = 0;
	bool first = true;
	for (int i = 0; i < lv->ncols; i++) {
		if (lv->width[i] <= 0)
			continue;
		x += first ? 0 : 1;
		first = false;
		ui_style st = lv->style(lv->src.arg, row, i);
		if (st != STYLE_NORMAL && x + lv->width[i] <= r.w)
			draw_text(r.y + y, r.x + x, lv->width[i], lv->src.cell(lv->src.arg, row, i),
			          lv->cols[i].align, st);
		x += lv->width[i];
	}
}

void lv_repaint(listview *lv, ui_rect r)
{
	if (r.h <= 0 || r.w <= 0)
		return;
	sb_reset(&lv->row);
	bool first = true;
	for (int i = 0; i < lv->ncols; i++) {
		if (lv->width[i] <= 0)
			continue;
		add_separator(lv, &first);
		const char *h = _(lv->cols[i].header);
		if (i == lv->sort_col) {
			char *marked = xasprintf("%s%s", h, lv->sort_desc ? "v" : "^");
			text_fit_pad_sb(&lv->row, marked, lv->width[i], lv->cols[i].align);
			xfree(&marked);
		} else {
			text_fit_pad_sb(&lv->row, h, lv->width[i], lv->cols[i].align);
		}
	}
	draw_text(r.y, r.x, r.w, sb_str(&lv->row), TEXT_LEFT, STYLE_HEADER);
	for (int y = 1; y < r.h; y++) {
		long row = lv->top + y - 1;
		bool have = lv->cached && row < lv->count && row >= lv->cache_off &&
		            row < lv->cache_off + lv->cache_n;
		sb_reset(&lv->row);
		first = true;
		for (int i = 0; have && i < lv->ncols; i++) {
			if (lv->width[i] <= 0)
				continue;
			add_separator(lv, &first);
			text_fit_pad_sb(&lv->row, lv->src.cell(lv->src.arg, row, i), lv->width[i],
			                lv->cols[i].align);
		}
		draw_text(r.y + y, r.x, r.w, sb_str(&lv->row), TEXT_LEFT,
		          have && row == lv->cursor ? STYLE_CURSOR : STYLE_NORMAL);
		if (have && lv->style)
			restyle(lv, r, y, row);
	}
}

unsigned lv_handle(listview *lv, action a)
{
	long page = lv->page > 0 ? lv->page : 1;
	switch (a) {
	case ACT_UP:
		lv->cursor--;
		break;
	case ACT_DOWN:
		lv->cursor++;
		break;
	case ACT_PAGE_UP:
		lv->cursor -= page;
		lv->top -= page;
		break;
	case ACT_PAGE_DOWN:
		lv->cursor += page;
		lv->top += page;
		break;
	case ACT_FIRST:
		lv->cursor = 0;
		break;
	case ACT_LAST:
		/* from the first window's count through the capped one to the whole */
		for (int i = 0; i < 2 && lv->more; i++)
			count_all(lv);
		lv->cursor = lv->count - 1;
		break;
	default:
		return REACT_UNHANDLED;
	}
	for (int i = 0; i < 2 && lk_count_all(lv->more, lv->cursor, lv->top, page, lv->count); i++)
		count_all(lv);
	clamp(lv);
	return REACT_RECALC;
}

void lv_summary_line(ui_rect r, const char *text, listview *lv)
{
	long n = lv_count(lv);
	char pos[48] = "";
	if (n > 0)
		snprintf(pos, sizeof pos, "%ld/%ld%s", lv_cursor(lv) + 1, n, lv_count_more(lv) ? "+" : "");
	int pw = text_width(pos);
	if (pw + 1 >= r.w)
		pw = 0;
	draw_text(r.y, r.x, r.w - pw, text, TEXT_LEFT, STYLE_NORMAL);
	if (pw)
		draw_text(r.y, r.x + r.w - pw, pw, pos, TEXT_RIGHT, STYLE_NORMAL);
}
