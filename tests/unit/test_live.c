/* Live desks: when an idle screen refreshes. A change by another session or a new
 * day refreshes at once when nothing is being typed, waits while a form or prompt is
 * open and comes once it closes, and an unreadable version changes nothing. What a
 * look that found appeals given to the desk's unit says, and when the bell rings. */
#include <string.h>
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

static void test_notice(void **state)
{
	(void)state;
	static const live_news a = { "2026-000123", "华勤技术" }, b = { "2026-000124", "区科经局" },
		c = { "2026-000125", "区科经局" };
	/* automatic: its rows are made of the three news above */
	const struct {
		live_news v[4];
		int n;
		bool more, bell_on;
		live_notice_kind kind;
		int count;
		const char *number, *unit;
		bool bell;
	} t[] = {
		/* nothing new: no notice, no bell even when it is on */
		{ { { 0 } }, 0, false, true, LIVE_NOTICE_NONE, 0, NULL, NULL, false },
		/* one appeal: its number and unit; the bell as the setting says */
		{ { a }, 1, false, false, LIVE_NOTICE_ONE, 1, "2026-000123", "华勤技术", false },
		{ { a }, 1, false, true, LIVE_NOTICE_ONE, 1, "2026-000123", "华勤技术", true },
		/* registered for the unit and dispatched to it in one look: one appeal */
		{ { a, a }, 2, false, true, LIVE_NOTICE_ONE, 1, "2026-000123", "华勤技术", true },
		/* several: the count of distinct appeals, the bell once */
		{ { a, b, c }, 3, false, true, LIVE_NOTICE_MANY, 3, NULL, NULL, true },
		{ { b, a, b, c }, 4, false, false, LIVE_NOTICE_MANY, 3, NULL, NULL, false },
		/* the look read its most and there were more: never "one" */
		{ { a }, 1, true, false, LIVE_NOTICE_MANY, 1, NULL, NULL, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		live_notice got = live_notice_of(t[i].v, t[i].n, t[i].more, t[i].bell_on);
		assert_int_equal(got.kind, t[i].kind);
		assert_int_equal(got.count, t[i].count);
		assert_int_equal(got.more, t[i].more);
		assert_int_equal(got.bell, t[i].bell);
		if (t[i].number) {
			assert_string_equal(got.number, t[i].number);
			assert_string_equal(got.unit, t[i].unit);
		} else {
			assert_null(got.number);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_look),
		cmocka_unit_test(test_notice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
