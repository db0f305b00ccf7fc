/* A store list's visible window for the list widget (ui/list_window.h): one copy of
 * the count, the fetch into a fresh buffer and the lookup of loaded rows that every
 * pane listing the store needs; a window next to the one loaded is read by key from
 * its neighbour row, and a read that a waiting key makes stale stops. */
#include "ui/list_window.h"

#include "app/app.h"
#include "core/xalloc.h"
#include "store/db.h"
#include "ui/list_keyset.h"
#include "ui/term.h"

static void clear_rows(list_window *w)
{
	for (int i = 0; i < w->n; i++)
		w->ops->clear((char *)w->rows + (size_t)i * w->ops->size);
	w->n = 0;
}

static bool key_waiting(void *arg)
{
	(void)arg;
	return term_input_pending();
}

void list_window_watch_keys(shell *sh, bool on)
{
	db_set_interrupt(app_db(shell_ctx(sh)), on ? key_waiting : NULL, NULL);
}

/* a store read stops when a key waits: that key changes what the list should show */
static void watch_keys(list_window *w, bool on)
{
	list_window_watch_keys(w->sh, on);
}

/* rc of a store call as the list widget takes it: a stopped read is LV_STALE (the
 * pane is drawn again once the key is handled), a failure -1 on the status line */
static int store_result(list_window *w, int rc, store_err *err)
{
	if (rc < 0 && err->code == STORE_E_INTERRUPTED) {
		shell_dirty_pane(w->sh);
		return LV_STALE;
	}
	return shell_store_rc(w->sh, rc, err) < 0 ? -1 : rc;
}

static long count(void *arg)
{
	list_window *w = arg;
	long n = 0;
	store_err err = { 0 };
	watch_keys(w, true);
	int rc = store_result(w, w->ops->count(w->owner, &n, &err), &err);
	watch_keys(w, false);
	return rc < 0 ? rc : n;
}

static long count_upto(void *arg, long limit)
{
	list_window *w = arg;
	long n = 0;
	store_err err = { 0 };
	watch_keys(w, true);
	int rc = store_result(w, w->keyed->count_upto(w->owner, limit, &n, &err), &err);
	watch_keys(w, false);
	return rc < 0 ? rc : n;
}

/* the loaded row at list position row, or NULL */
static const void *row_at(const list_window *w, long row)
{
	long i = row - w->offset;
	return i >= 0 && i < w->n ? (const char *)w->rows + (size_t)i * w->ops->size : NULL;
}

/* Rows [offset, offset + limit) into rows (ui/list_keyset.h says how); 0 or -1
 * with err */
static int read_window(list_window *w, long offset, int limit, void *rows, int *n,
                       store_err *err)
{
	const list_window_keyed *k = w->keyed;
	if (k && k->read_from) {
		lk_plan p = lk_plan_read(offset, limit, w->offset, w->n, lv_count(w->lv),
		                         lv_count_more(w->lv));
		if (p.how != LK_OFFSET) {
			const void *from = p.how == LK_AFTER || p.how == LK_BEFORE ? row_at(w, p.row)
			                                                          : NULL;
			bool back = p.how == LK_BEFORE || p.how == LK_LAST;
			int rc = k->read_from(w->owner, from, back, p.limit, rows, n, err);
			if (rc <= 0)
				return rc;
			*n = 0; /* this order has no key: by offset after all */
		}
	}
	return w->ops->read(w->owner, offset, limit, rows, n, err);
}

static int fetch(void *arg, long offset, int limit)
{
	list_window *w = arg;
	/* a fresh buffer: the loaded rows may be the key to read from, and they stay
	 * on screen when the read stops */
	void *rows = xcalloc(limit > 0 ? (size_t)limit : 1, w->ops->size);
	store_err err = { 0 };
	int n = 0;
	watch_keys(w, true);
	int rc = store_result(w, read_window(w, offset, limit, rows, &n, &err), &err);
	watch_keys(w, false);
	if (rc == LV_STALE) {
		xfree(&rows);
		return LV_STALE;
	}
	clear_rows(w);
	xfree(&w->rows);
	w->rows = rows;
	w->n = rc < 0 ? 0 : n;
	w->offset = offset;
	return rc < 0 ? -1 : n;
}

const void *list_window_at(const list_window *w, long row)
{
	return row_at(w, row);
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
	w->lv = lv;
	return lv;
}

void list_window_set_keyed(list_window *w, const list_window_keyed *k)
{
	w->keyed = k;
	lv_set_count_upto(w->lv, k && k->count_upto ? count_upto : NULL);
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
}
