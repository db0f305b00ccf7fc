/* Pure decisions of the Appeals pane, without curses so the unit tests link them:
 * the sort keys in the order of the columns (app/appeal_list.h, shared with the
 * command line), where the saved-view tabs wrap, and which tab a role starts on. */
#ifndef QIFU_UI_APPEALS_LIST_H
#define QIFU_UI_APPEALS_LIST_H
#include <stdbool.h>

#include "model/appeal.h"
#include "model/perm.h"
#include "store/appeal_store.h"

/* the column a sort key orders (the ^ or v goes there) */
int applist_sort_column(appeal_sort s);
/* the sort key after s, in screen order of the columns */
appeal_sort applist_next_sort(appeal_sort s);
/* Lay n tabs of the given widths into lines of w cells, one cell between tabs:
 * line[i] gets tab i's line; returns the number of lines (at least 1). */
int applist_tab_lines(const int *widths, int n, int w, int *line);
/* the saved view a role opens on: supervisors and leaders on the red lights (most
 * overdue first), unit staff on their own unit's appeals, the rest on 待分办 */
appeal_view applist_start_view(role_t role);

#endif
