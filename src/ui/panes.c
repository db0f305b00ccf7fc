/* The tab table's words: titles, and the direct tab keys worded from them. Kept apart
 * from the shell so it is tested without a terminal. */
#include "ui/panes.h"

#include "core/xalloc.h"

#define PANE_TABLE_TITLE(id, title, ops) [id] = title,
static const char *const pane_titles[PANE_COUNT] = { PANES(PANE_TABLE_TITLE) };
#undef PANE_TABLE_TITLE

const char *pane_title(pane_id id)
{
	return id >= 0 && id < PANE_COUNT ? pane_titles[id] : "";
}

const char *pane_action_label(action a)
{
	int tab = pane_of_tab_action(a);
	return tab >= 0 ? _(pane_titles[tab]) : _(action_label(a));
}

char *pane_action_help(action a)
{
	int tab = pane_of_tab_action(a);
	if (tab >= 0)
		return xasprintf(_("go to the %s tab"), _(pane_titles[tab]));
	return xstrdup(_(action_help(a)));
}
