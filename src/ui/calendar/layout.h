/* The Calendar pane's layout decisions, without curses so the unit tests can check
 * them: where the grid, the text under it and the day's list go for a pane size, what
 * a day's cell says in the columns it gets, and how the legend wraps by its items. */
#ifndef QIFU_UI_CALENDAR_LAYOUT_H
#define QIFU_UI_CALENDAR_LAYOUT_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "model/month.h"
#include "ui/draw.h"

/* the marks of `qifu calendar`, so that the pane and the command read alike */
#define CALLAYOUT_QUIET_MARK "*"
#define CALLAYOUT_COUNT_MARK "#"
/* widest cell a week row gives a day */
#define CALLAYOUT_CELL_MAX 16
/* from this width the day's list stands beside the grid (UX.md: 120 columns) */
#define CALLAYOUT_WIDE_COLS 120
/* the list beside the grid takes this width when it can (the enterprise column then
 * shows about ten Chinese characters); the grid gets the rest */
#define CALLAYOUT_LIST_WANT_W 72
/* rows the list below the grid keeps at least (caption, header and three plans) */
#define CALLAYOUT_LIST_MIN_ROWS 5
/* the list below keeps this many before the weeks get a spacing row */
#define CALLAYOUT_LIST_ROOMY_ROWS 9

typedef struct cal_layout {
	bool wide;          /* the list beside the grid */
	int cw;             /* columns of a day's cell */
	int rpw;            /* screen rows per week */
	bool two_row;       /* the mark and the count on the cell's second row */
	int left;           /* blank columns before the first weekday */
	ui_rect grid;       /* title, weekday heads and weeks */
	ui_rect info;       /* the day described, a missing holiday file, the legend */
	ui_rect list;       /* caption, header and the day's plans */
	int sep_x;          /* the '|' between grid and list when wide; -1 none */
} cal_layout;

/* the columns of pane r, for day marks ("off", 休) at most mark_w wide; the text under
 * the grid is then wrapped to L->info.w */
void callayout_columns(cal_layout *L, ui_rect r, int mark_w);
/* the rows of pane r for a month of weeks weeks and ninfo rows of text under it, of
 * which the first essential must stay (the legend after them may go); returns the
 * rows of text kept */
int callayout_rows(cal_layout *L, ui_rect r, int weeks, int ninfo, int essential);
/* line 0 (or 1 of two-row cells) of day c's cell, exactly L->cw columns, onto out;
 * mark is the day's translated 休/班 mark ("" for none) */
void callayout_cell(const cal_layout *L, const month_cell *c, const char *mark, bool selected,
                    int line, strbuf *out);
/* s wrapped into rows of at most room columns, its items (parts two spaces apart) kept
 * whole where they fit; at most max rows into rows[] (caller frees each); their count */
int callayout_items(const char *s, int room, char **rows, int max);

#endif
