/* Live desks: when an idle screen refreshes. A change by another session or a new
 * day refreshes at once when nothing is being typed, waits while a form or prompt is
 * open and comes once it closes, and an unreadable version changes nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/live.h"

static void test_look(void **state)
{
	(void)state;
	/* each row: one look after live_init(5, day 100), then a second look */
	static const struct {
		bool typing1; long long v1; qdate d1; unsigned want1;
		bool typing2; long long v2; qdate d2; unsigned want2;
	} t[] = {
		/* nothing changed */
		{ false, 5, 100, LIVE_NOTHING, false, 5, 100, LIVE_NOTHING },
		/* another session committed: refresh once, not again */
		{ false, 6, 100, LIVE_REFRESH, false, 6, 100, LIVE_NOTHING },
		/* committed while a form is open: wait, then refresh when it closes */
		{ true, 6, 100, LIVE_NOTHING, false, 6, 100, LIVE_REFRESH },
		/* still typing: still waiting */
		{ true, 6, 100, LIVE_NOTHING, true, 7, 100, LIVE_NOTHING },
		/* the version could not be read: no change */
		{ false, -1, 100, LIVE_NOTHING, false, 5, 100, LIVE_NOTHING },
		/* midnight: a new day refetches the rows too (the lights change) */
		{ false, 5, 101, LIVE_NEW_DAY | LIVE_REFRESH, false, 5, 101, LIVE_NOTHING },
		/* midnight while typing: after the form closes */
		{ true, 5, 101, LIVE_NOTHING, false, 5, 101, LIVE_NEW_DAY | LIVE_REFRESH },
		/* a commit, then midnight while typing: both at the close */
		{ false, 6, 100, LIVE_REFRESH, false, 7, 101, LIVE_NEW_DAY | LIVE_REFRESH },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		live l;
		live_init(&l, 5, 100);
		assert_int_equal(live_look(&l, t[i].typing1, t[i].v1, t[i].d1), t[i].want1);
		assert_int_equal(live_look(&l, t[i].typing2, t[i].v2, t[i].d2), t[i].want2);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_look),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
