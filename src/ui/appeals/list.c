/* The Appeals pane's list decisions, kept apart from the drawing so that they are
 * unit-tested: sort order, tab wrapping and the start tab. */
#include "ui/appeals/list.h"

#include "app/appeal_list.h"

static const struct {
	appeal_sort sort;
	int col;
} sort_cols[] = {
	{ APPEAL_SORT_NUMBER, APPEAL_COL_NUMBER },
	{ APPEAL_SORT_ENTERPRISE, APPEAL_COL_ENTERPRISE },
	{ APPEAL_SORT_UNIT, APPEAL_COL_UNIT },
	{ APPEAL_SORT_STATE, APPEAL_COL_STATE },
	{ APPEAL_SORT_DUE, APPEAL_COL_DEADLINE },
};
enum { NSORT = sizeof sort_cols / sizeof sort_cols[0] };

int applist_sort_column(appeal_sort s)
{
	for (int i = 0; i < NSORT; i++)
		if (sort_cols[i].sort == s)
			return sort_cols[i].col;
	return -1;
}

appeal_sort applist_next_sort(appeal_sort s)
{
	for (int i = 0; i < NSORT; i++)
		if (sort_cols[i].sort == s)
			return sort_cols[(i + 1) % NSORT].sort;
	return sort_cols[0].sort;
}

int applist_tab_lines(const int *widths, int n, int w, int *line)
{
	int lines = 1, x = 0;
	for (int i = 0; i < n; i++) {
		int need = (x > 0 ? 1 : 0) + widths[i];
		if (x > 0 && x + need > w) {
			lines++;
			x = 0;
			need = widths[i];
		}
		line[i] = lines - 1;
		x += need;
	}
	return lines;
}

appeal_view applist_start_view(role_t role)
{
	switch (role) {
	case ROLE_SUPERVISOR: case ROLE_LEADER:
		return APPEAL_VIEW_RED;
	case ROLE_UNIT_STAFF:
		return APPEAL_VIEW_MINE;
	default:
		return APPEAL_VIEW_TO_DISPATCH;
	}
}
