/* The tabs, in order: one line a pane (its id, its tab title as a msgid, its ops), from
 * which the shell's pane array, PANE_COUNT and the tab line come. A new tab is one line
 * here plus its folder under src/ui/ that defines the ops. */
#ifndef QIFU_PANES_H
#define QIFU_PANES_H

#include "config/keymap.h"
#include "core/i18n.h"
#include "ui/pane.h"

#define PANES(X) \
	X(PANE_ENTERPRISES, N_("Enterprises"), pane_enterprises) \
	X(PANE_APPEALS, N_("Appeals"), pane_appeals) \
	X(PANE_ESCALATION, N_("Escalation"), pane_escalation) \
	X(PANE_CALENDAR, N_("Calendar"), pane_calendar) \
	X(PANE_PROJECTS, N_("Projects"), pane_projects) \
	X(PANE_SERVICES, N_("Services"), pane_services)

#define PANE_ID(id, title, ops) id,
typedef enum pane_id { PANES(PANE_ID) PANE_COUNT } pane_id;
#undef PANE_ID

/* the tab's title, a msgid */
const char *pane_title(pane_id id);

/* the tab a direct-tab action (ACT_TAB_1…) goes to; -1 for another action or a
 * number with no tab */
static inline int pane_of_tab_action(action a)
{
	int i = a >= ACT_TAB_1 && a <= ACT_TAB_9 ? (int)(a - ACT_TAB_1) : -1;
	return i < PANE_COUNT ? i : -1;
}

/* an action's F-key bar label and its help text, translated: the tab keys are worded
 * from their pane's title, the rest as the keymap says; the help text is allocated */
const char *pane_action_label(action a);
char *pane_action_help(action a);

#define PANE_OPS_DECL(id, title, ops) extern const pane_ops ops;
PANES(PANE_OPS_DECL)
#undef PANE_OPS_DECL

#endif
