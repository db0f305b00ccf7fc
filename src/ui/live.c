/* Live desks: the decision when an idle screen refreshes (see ui/live.h). */
#include "ui/live.h"

void live_init(live *l, long long version, qdate day)
{
	l->version = version;
	l->day = day;
	l->pending = false;
	l->day_pending = false;
}

unsigned live_look(live *l, bool typing, long long version, qdate day)
{
	if (version >= 0 && version != l->version) {
		l->version = version;
		l->pending = true;
	}
	if (day != l->day) {
		l->day = day;
		l->day_pending = true;
	}
	if (typing)
		return LIVE_NOTHING;
	unsigned out = LIVE_NOTHING;
	if (l->pending)
		out |= LIVE_REFRESH;
	/* a new day changes every deadline's light: the rows are refetched too */
	if (l->day_pending)
		out |= LIVE_NEW_DAY | LIVE_REFRESH;
	l->pending = false;
	l->day_pending = false;
	return out;
}
