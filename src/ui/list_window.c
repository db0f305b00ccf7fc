/* A store list's visible window for the list widget (ui/list_window.h): one copy of
 * the count, the fetch into a reused buffer and the lookup of loaded rows that every
 * pane listing the store needs. */
#include "ui/list_window.h"

#include "core/xalloc.h"

static void clear_rows(list_window *w)
{
	for (int i = 0; i < w->n; i++)
		w->ops->clear((char *)w->rows + (size_t)i * w->ops->size);
	w->n = 0;
}

static long count(void *arg)
{
	list_window *w = arg;
	long n = 0;
	store_err err = { 0 };
	if (shell_store_rc(w->sh, w->ops->count(w->owner, &n, &err), &err) < 0)
		n = -1;
	return n;
}

static int fetch(void *arg, long offset, int limit)
{
	list_window *w = arg;
	clear_rows(w);
	lv_reserve(&w->rows, &w->cap, limit, w->ops->size);
	store_err err = { 0 };
	int n = 0;
	if (shell_store_rc(w->sh, w->ops->read(w->owner, offset, limit, w->rows, &n, &err),
	                   &err) < 0)
		n = -1;
	w->n = n > 0 ? n : 0;
	w->offset = offset;
	return n;
}

const void *list_window_at(const list_window *w, long row)
{
	long i = row - w->offset;
	return i >= 0 && i < w->n ? (const char *)w->rows + (size_t)i * w->ops->size : NULL;
}

static const char *cell(void *arg, long row, int col)
{
	list_window *w = arg;
	const void *r = list_window_at(w, row);
	return r ? w->ops->cell(w->owner, r, col) : "";
}

static ui_style style(void *arg, long row, int col)
{
	list_window *w = arg;
	const void *r = list_window_at(w, row);
	return r ? w->ops->style(w->owner, r, col) : STYLE_NORMAL;
}

listview *list_window_view(list_window *w, const list_window_ops *ops, void *owner, shell *sh,
                           const app_column *cols, int ncols)
{
	*w = (list_window){ .ops = ops, .owner = owner, .sh = sh };
	lv_source src = { count, fetch, cell, w };
	listview *lv = lv_new(cols, ncols, &src);
	if (ops->style)
		lv_set_style(lv, style);
	return lv;
}

const void *list_window_cursor(const list_window *w, const listview *lv)
{
	return lv_count(lv) > 0 ? list_window_at(w, lv_cursor(lv)) : NULL;
}

void list_window_free(list_window *w)
{
	if (w->ops)
		clear_rows(w);
	xfree(&w->rows);
	w->cap = 0;
}
