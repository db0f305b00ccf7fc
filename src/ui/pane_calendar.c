/* The Calendar tab (日历). Placeholder-free: until the month grid model is merged the
 * pane says what it will show and where the same month can be printed today. */
#include "core/i18n.h"
#include "ui/notice.h"

static const char *const lines[] = {
	N_("Calendar"),
	"",
	N_("This tab will show the month: holidays (休), make-up working days (班), the quiet "
	   "days for enterprises and the day's inspections."),
	"",
	N_("The month grid is not part of this build yet."),
};

static void *create(shell *sh)
{
	(void)sh;
	return notice_new(lines, (int)(sizeof lines / sizeof lines[0]));
}

const pane_ops pane_calendar = {
	N_("Calendar"), create, notice_destroy, notice_recalc, notice_repaint, notice_handle,
};
