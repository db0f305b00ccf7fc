/* The Appeals tab (诉求). Appeals are registered from a later issue on; until then the
 * pane says what it will hold and that there are none, and shows no invented rows. */
#include "core/i18n.h"
#include "ui/notice.h"

static const char *const lines[] = {
	N_("Appeals"),
	"",
	N_("This tab will list enterprise appeals: registration, dispatch to the lead unit, "
	   "working-day time limits with their lights (overdue, due soon, on time), callbacks "
	   "and close-out."),
	"",
	N_("No appeals are registered yet."),
};

static void *create(shell *sh)
{
	(void)sh;
	return notice_new(lines, (int)(sizeof lines / sizeof lines[0]));
}

const pane_ops pane_appeals = {
	N_("Appeals"), create, notice_destroy, notice_recalc, notice_repaint, notice_handle,
	NULL, NULL, NULL, /* every F-key shown, no caret, the shell's hint */
};
