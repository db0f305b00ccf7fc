/* The Appeals pane's list decisions, kept apart from the drawing so that they are
 * unit-tested: columns, sort order, the light cell, tab wrapping and the start tab. */
#include "ui/appeals/list.h"

#include "core/i18n.h"
#include "core/text.h"

/* 80 columns keep number, enterprise, title, state and light; unit from 100, kind
 * from 120 (UX.md: more columns from 100) */
const app_column applist_columns[APPLIST__COUNT] = {
	[APPLIST_NUMBER] = { NULL, N_("Number"), COL_STR, 11, false, TEXT_LEFT, 0 },
	[APPLIST_ENTERPRISE] = { NULL, N_("Enterprise"), COL_STR, 16, false, TEXT_LEFT, 0 },
	[APPLIST_TITLE] = { NULL, N_("Title"), COL_STR, 12, true, TEXT_LEFT, 0 },
	[APPLIST_KIND] = { NULL, N_("Kind"), COL_STR, 8, false, TEXT_LEFT, 120 },
	[APPLIST_UNIT] = { NULL, N_("Unit"), COL_STR, 12, false, TEXT_LEFT, 100 },
	[APPLIST_STATE] = { NULL, N_("State"), COL_STR, 8, false, TEXT_LEFT, 0 },
	[APPLIST_LIGHT] = { NULL, N_("Deadline"), COL_STR, 20, false, TEXT_LEFT, 0 },
};

static const struct {
	appeal_sort sort;
	int col;
} sort_cols[] = {
	{ APPEAL_SORT_NUMBER, APPLIST_NUMBER },
	{ APPEAL_SORT_ENTERPRISE, APPLIST_ENTERPRISE },
	{ APPEAL_SORT_UNIT, APPLIST_UNIT },
	{ APPEAL_SORT_STATE, APPLIST_STATE },
	{ APPEAL_SORT_DUE, APPLIST_LIGHT },
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
