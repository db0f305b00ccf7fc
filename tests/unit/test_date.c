/* Day-number calendar: round trips, weekdays, strict parsing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"

static void test_roundtrip(void **state)
{
	(void)state;
	for (qdate d = date_from_ymd(1900, 1, 1); d < date_from_ymd(2100, 12, 31); d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), d);
	}
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
}

static void test_weekday(void **state)
{
	(void)state;
	static const struct { int y, m, d, w; } t[] = {
		{ 1970, 1, 1, 4 }, { 2026, 1, 1, 4 }, { 2026, 2, 14, 6 }, { 2026, 2, 28, 6 },
		{ 2026, 10, 10, 6 }, { 2026, 12, 1, 2 }, { 2026, 1, 4, 7 }, { 2000, 2, 29, 2 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(date_weekday(date_from_ymd(t[i].y, t[i].m, t[i].d)), t[i].w);
}

static void test_parse(void **state)
{
	(void)state;
	static const struct { const char *s; int ok; } t[] = {
		{ "2026-02-28", 1 }, { "2026-02-29", 0 }, { "2024-02-29", 1 }, { "2026-02-30", 0 },
		{ "2026-13-01", 0 }, { "2026-00-10", 0 }, { "2026-1-01", 0 }, { "2026/01/01", 0 },
		{ "20260101", 0 }, { "", 0 }, { "2026-01-01x", 0 }, { "1899-12-31", 0 },
		{ "2100-02-29", 0 }, { "2000-02-29", 1 }, { "2026-04-31", 0 }, { "2026-12-31", 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		qdate d;
		assert_int_equal(date_parse(t[i].s, &d), t[i].ok);
		if (t[i].ok) {
			char buf[11];
			assert_string_equal(date_format(d, buf), t[i].s);
		}
	}
}

/* date_format writes the digits itself: the same text as %04d-%02d-%02d on every
 * day of 1900-2199 and on years that need padding */
static void test_format(void **state)
{
	(void)state;
	static const struct { int y, m, d; const char *s; } t[] = {
		{ 999, 1, 5, "0999-01-05" }, { 9, 10, 31, "0009-10-31" }, { 2026, 12, 7, "2026-12-07" },
	};
	char buf[11], want[32];
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_string_equal(date_format(date_from_ymd(t[i].y, t[i].m, t[i].d), buf), t[i].s);
	for (qdate d = date_from_ymd(1900, 1, 1); d < date_from_ymd(2200, 1, 1); d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, dd);
		assert_string_equal(date_format(d, buf), want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
