/* The one list widget (calcurse's listbox, tmux's mode-tree): columns are data (the
 * app_column a command's output reads too; those of width 0 are not drawn), rows
 * come from callbacks, and only the visible window of rows is ever fetched. Every row
 * is drawn exactly the pane's width, each cell through the text module. */
#ifndef QIFU_LISTVIEW_H
#define QIFU_LISTVIEW_H
#include <stdbool.h>

#include "app/column.h"
#include "ui/pane.h"

/* what count and fetch return when a newer key made them stop: the list keeps
 * what it shows and asks again at the next recalc */
#define LV_STALE (-2)

/* a list whose source counts up to a limit counts this many rows at first; past
 * them it counts all ("1000+" until then) */
#define LV_COUNT_CAP 1000

typedef struct lv_source {
	/* number of rows; -1 on error (the source reports it) or LV_STALE */
	long (*count)(void *arg);
	/* load rows [offset, offset + limit) into the source's window, keeping the rows
	 * it had on failure; rows loaded, -1 or LV_STALE */
	int (*fetch)(void *arg, long offset, int limit);
	/* the text of column col of a loaded row */
	const char *(*cell)(void *arg, long row, int col);
	void *arg;
} lv_source;

/* the number of rows up to limit, limit + 1 when there are more; or what count
 * returns when it fails */
typedef long (*lv_count_upto_fn)(void *arg, long limit);

typedef struct listview listview;

/* the style of one cell of a loaded row; STYLE_NORMAL keeps the row's own */
typedef ui_style (*lv_style_fn)(void *arg, long row, int col);

listview *lv_new(const app_column *cols, int ncols, const lv_source *src);
void lv_free(listview **lv);
/* the sort indicator: column col gets ^ (ascending) or v (descending); -1 none */
void lv_set_sort(listview *lv, int col, bool desc);
/* cells drawn in a style of their own (the lights' colours); NULL for none */
void lv_set_style(listview *lv, lv_style_fn style);
/* count up to LV_COUNT_CAP rows with fn until the cursor goes past them, so that a
 * large list costs its first rows; NULL: count them all */
void lv_set_count_upto(listview *lv, lv_count_upto_fn fn);
/* on: a search is being typed, and a list that counts up to a limit is counted from
 * its first window (the page and one row more: "19+"), at no cost beyond the rows
 * shown; off: counted up to LV_COUNT_CAP again */
void lv_set_typing(listview *lv, bool on);
/* a count from the first window made up to LV_COUNT_CAP (the pane's settle, when no
 * key waits): true when the count changed; a newer key stops it, the count stays */
bool lv_settle(listview *lv);
/* the data changed: recount and refetch on the next recalc; the cursor stays put
 * when the row still exists */
void lv_invalidate(listview *lv);
/* lay out columns for r and fetch the visible window if it is not cached */
void lv_recalc(listview *lv, ui_rect r);
/* header row and r.h - 1 rows, each exactly r.w cells */
void lv_repaint(listview *lv, ui_rect r);
/* movement actions (up, down, pages, first, last); REACT_UNHANDLED for the rest */
unsigned lv_handle(listview *lv, action a);
long lv_cursor(const listview *lv);
/* put the cursor on row (a row just added or changed); kept within the list and
 * scrolled into view at the next recalc */
void lv_set_cursor(listview *lv, long row);
/* rows in the list as last counted; -1 after an error */
long lv_count(const listview *lv);
/* a list's summary text on the first row of r, and the cursor's row number on the
 * right so the position shows without highlighting */
void lv_summary_line(ui_rect r, const char *text, listview *lv);
/* whether there are more rows than lv_count says (counted up to LV_COUNT_CAP) */
bool lv_count_more(const listview *lv);
/* a fetch callback's window buffer: *rows grown to hold limit rows of size bytes
 * (*cap tracks its size) and zeroed; returns *rows */
void *lv_reserve(void *rows, int *cap, int limit, size_t size);

#endif
