/* Live desks: the decision when an idle screen refreshes (see ui/live.h). */
#include "ui/live.h"

#include <string.h>

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

/* whether v[i]'s appeal came earlier in v */
static bool seen_before(const live_news *v, int i)
{
	for (int k = 0; k < i; k++)
		if (strcmp(v[k].number, v[i].number) == 0)
			return true;
	return false;
}

live_notice live_notice_of(const live_news *v, int n, bool more, bool bell_on)
{
	live_notice out = { .kind = LIVE_NOTICE_NONE };
	int first = -1;
	for (int i = 0; i < n; i++) {
		if (seen_before(v, i))
			continue;
		if (first < 0)
			first = i;
		out.count++;
	}
	out.more = more;
	if (out.count == 0)
		return out;
	if (out.count == 1 && !more) {
		out.kind = LIVE_NOTICE_ONE;
		out.number = v[first].number;
		out.unit = v[first].unit;
	} else {
		out.kind = LIVE_NOTICE_MANY;
	}
	out.bell = bell_on;
	return out;
}
