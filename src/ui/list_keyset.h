/* The list widget's pure decisions about a long list, without curses so the unit
 * tests link them: how a store list's window is read (by key from a loaded
 * neighbour row, from an end, or by offset), how it is counted, and when a count
 * made up to a cap has to be made whole. */
#ifndef QIFU_UI_LIST_KEYSET_H
#define QIFU_UI_LIST_KEYSET_H
#include <stdbool.h>

typedef enum lk_how {
	LK_OFFSET,  /* by offset: nothing loaded is next to the window */
	LK_FIRST,   /* the first rows */
	LK_AFTER,   /* the rows after loaded row `row` */
	LK_BEFORE,  /* the rows before loaded row `row` */
	LK_LAST,    /* the last rows */
} lk_how;

typedef struct lk_plan {
	lk_how how;
	long row;   /* LK_AFTER, LK_BEFORE: the list position of the loaded row */
	int limit;  /* how many rows to read */
} lk_plan;

/* how to read rows [offset, offset + limit) of a list of total rows (more: at least
 * total, counted up to a cap) when rows [loaded, loaded + nloaded) are loaded */
lk_plan lk_plan_read(long offset, int limit, long loaded, int nloaded, long total, bool more);

/* whether a count made up to a cap (more) must be made whole before the cursor or a
 * page of the list at top goes where it does not reach: the last counted row */
bool lk_count_all(bool more, long cursor, long top, long page, long count);

/* How a list is counted when it has to be: whole (a source that cannot stop at a
 * cap), up to LV_COUNT_CAP, or from its first window while a search is typed: the
 * window is read with one row more than the page, and that row says whether there
 * are more (no count statement at all; the count to the cap when the cursor goes
 * past the window or the search is accepted). */
typedef enum lk_count_how {
	LK_COUNT_WHOLE,
	LK_COUNT_CAPPED,
	LK_COUNT_WINDOW,
} lk_count_how;

/* can_cap: the source counts up to a limit; typing: the list follows a search as it
 * is typed; top: the list's first row on screen (a window but the first is no
 * count); page: the rows on screen (none: nothing to read the count from) */
lk_count_how lk_count_plan(bool can_cap, bool typing, long top, int page);

/* the count of a list from its first window read with page + 1 rows asked: read
 * rows came; *count the rows on the page, *more when the extra row came */
void lk_window_count(int read, int page, long *count, bool *more);

#endif
