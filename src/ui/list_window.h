/* The window of a store list that the list widget shows (tig's view lines): the
 * count and fetch the listview calls, the cache of the visible rows and their
 * cleanup, the row at a list position and under the cursor, store errors on the
 * status line. A pane describes its store reads and its cells once, in a
 * list_window_ops; the Appeals and Enterprises lists are two such descriptions. A
 * store read stops when a key is waiting (the key makes it stale): the list keeps
 * what it shows and reads again when the key has been handled. */
#ifndef QIFU_UI_LIST_WINDOW_H
#define QIFU_UI_LIST_WINDOW_H
#include <stddef.h>

#include "store/store_err.h"
#include "ui/listview.h"
#include "ui/shell.h"

typedef struct list_window_ops {
	size_t size; /* of one row */
	/* the store's count of the pane's list: 0, or -1 with what failed in err (worded
	 * on the status line by shell_store_rc) */
	int (*count)(void *owner, long *n, store_err *err);
	/* rows [offset, offset + limit) into rows, *n read: 0, or -1 with err */
	int (*read)(void *owner, long offset, int limit, void *rows, int *n, store_err *err);
	/* free what one row owns */
	void (*clear)(void *row);
	/* the text of column col of a loaded row */
	const char *(*cell)(void *owner, const void *row, int col);
	/* the style of one cell (the lights' colours); NULL for none */
	ui_style (*style)(void *owner, const void *row, int col);
} list_window_ops;

/* What a store list may do beyond counting and reading by offset, so that a list
 * of any size costs the rows on screen. */
typedef struct list_window_keyed {
	/* the count up to limit (limit + 1 when there are more): 0, or -1 with err;
	 * NULL: the list is counted whole */
	int (*count_upto)(void *owner, long limit, long *n, store_err *err);
	/* up to limit rows next to row from (a loaded row; NULL: an end of the list),
	 * after it or (back) before it, into rows in list order: 0, 1 when this order
	 * cannot be read by key (read by offset then), or -1 with err */
	int (*read_from)(void *owner, const void *from, bool back, int limit, void *rows,
	                 int *n, store_err *err);
} list_window_keyed;

typedef struct list_window {
	const list_window_ops *ops;
	const list_window_keyed *keyed;
	void *owner;   /* the pane, the argument of every op */
	shell *sh;     /* where store errors are shown */
	listview *lv;
	void *rows;    /* the loaded window: n rows from list position offset */
	int n;
	long offset;
} list_window;

/* a list of cols over the rows w reads; w is set up for the pane owner */
listview *list_window_view(list_window *w, const list_window_ops *ops, void *owner, shell *sh,
                           const app_column *cols, int ncols);
/* count up to a limit and read by key with k (kept, not copied) */
void list_window_set_keyed(list_window *w, const list_window_keyed *k);
/* the loaded row at list position row, or NULL */
const void *list_window_at(const list_window *w, long row);
/* the row under lv's cursor, when the list has rows and it is loaded */
const void *list_window_cursor(const list_window *w, const listview *lv);
/* free the loaded rows */
void list_window_free(list_window *w);

/* while on, a store read on the shell's database stops (STORE_E_INTERRUPTED) when a
 * key waits: for a pane's own reads made while a search is typed */
void list_window_watch_keys(shell *sh, bool on);

#endif
