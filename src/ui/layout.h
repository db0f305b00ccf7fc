/* Pure layout decisions of the screen, without curses: column widths of a list for a
 * pane width and word wrapping by display width. The unit tests link this file. */
#ifndef QIFU_LAYOUT_H
#define QIFU_LAYOUT_H
#include <stddef.h>

#include "ui/listview.h"

/* widths of ncols columns for a pane w cells wide into width[] (0 = hidden); one space
 * separates shown columns and the stretching column takes what is left */
void layout_columns(const app_column *cols, int ncols, int w, int *width);
/* s wrapped to w columns: start and byte length of each line, count returned (at most
 * max); never splits a character or a Latin word that fits, always makes progress */
int layout_wrap(const char *s, int w, size_t *starts, size_t *lens, int max);

/* the first of n pictures, cols[i] × rows[i] and the preferred first, that fits w
 * columns and h rows whole (a QR code is scanned whole or not at all); -1 when none */
int layout_pick_fit(const int *cols, const int *rows, int n, int w, int h);

/* "100x30" into cols and rows (1..1000 each); -1 when malformed */
/* The widest a tab title other than the current one may be drawn so that n tabs fit
 * in room columns: each tab takes its title's width w[i] plus 2 (the spaces, or the
 * current tab's brackets); the current tab cur is never cut, the others are cut to
 * one common cap, the largest that fits, at least min. -1 when every title fits
 * whole. */
int layout_tab_cap(const int *w, int n, int cur, int room, int min);
int layout_parse_size(const char *s, int *cols, int *rows);

#endif
