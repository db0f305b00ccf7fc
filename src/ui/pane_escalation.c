/* The Escalation tab (调度): the three-level dispatch of appeals a lead unit cannot
 * solve alone. There are no appeals yet, so the pane says so instead of inventing rows. */
#include "core/i18n.h"
#include "ui/notice.h"

static const char *const lines[] = {
	N_("Escalation"),
	"",
	N_("This tab will list the three-level dispatch of appeals: the lead unit's own "
	   "dispatch (level 3), the committee leader in charge (level 2) and the principal "
	   "leader (level 1), each by meeting or on site, with date, attendees, decision and "
	   "outcome."),
	"",
	N_("No appeals are registered yet, so nothing has been escalated."),
};

static void *create(shell *sh)
{
	(void)sh;
	return notice_new(lines, (int)(sizeof lines / sizeof lines[0]));
}

const pane_ops pane_escalation = {
	N_("Escalation"), create, notice_destroy, notice_recalc, notice_repaint, notice_handle,
	NULL, NULL, NULL, /* every F-key shown, no caret, the shell's hint */
};
