/* The working-day calendar against the 2025 and 2026 notices: counting across Spring
 * Festival, National Day and Mid-Autumn, make-up Saturdays and Sundays, rest-day starts,
 * a year without a file, and every loader error the fixture directories hold. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/paths.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "testcal.h"
#include "core/xalloc.h"

static calendar *cal;

static qdate day(const char *s)
{
	return testcal_day(s);
}

static int setup(void **state)
{
	(void)state;
	cal = testcal_load();
	return cal ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	return cal == NULL ? 0 : -1;
}

static void test_add(void **state)
{
	(void)state;
	static const struct { const char *from; int n; const char *want; } t[] = {
		/* Spring Festival 2026: off 02-15..02-23, make-up Saturdays 02-14 and 02-28 */
		{ "2026-02-13", 1, "2026-02-14" },
		{ "2026-02-14", 1, "2026-02-24" },
		{ "2026-02-13", 2, "2026-02-24" },
		{ "2026-02-12", 3, "2026-02-24" },
		{ "2026-02-15", 1, "2026-02-24" }, /* from a holiday Sunday */
		{ "2026-02-21", 3, "2026-02-26" }, /* from a holiday Saturday */
		{ "2026-02-27", 1, "2026-02-28" },
		{ "2026-02-27", 2, "2026-03-02" },
		{ "2026-02-24", 0, "2026-02-24" },
		{ "2026-02-15", 0, "2026-02-15" },
		/* Mid-Autumn 09-25..27, National Day 10-01..07, make-up Sun 09-20, Sat 10-10 */
		{ "2026-09-18", 1, "2026-09-20" },
		{ "2026-09-19", 1, "2026-09-20" },
		{ "2026-09-24", 1, "2026-09-28" },
		{ "2026-09-30", 1, "2026-10-08" },
		{ "2026-09-30", 2, "2026-10-09" },
		{ "2026-09-30", 3, "2026-10-10" },
		{ "2026-09-30", 4, "2026-10-12" },
		{ "2026-09-22", 7, "2026-10-09" }, /* a 7-working-day filing window */
		{ "2026-10-03", 1, "2026-10-08" },
		/* New Year across the year boundary: the make-up Sunday 01-04 is day 1 */
		{ "2025-12-31", 1, "2026-01-04" },
		{ "2025-12-31", 2, "2026-01-05" },
		/* Labour Day and its make-up Saturday */
		{ "2026-04-30", 1, "2026-05-06" },
		{ "2026-05-08", 1, "2026-05-09" },
		{ "2026-05-08", 2, "2026-05-11" },
		/* an ordinary weekend, from Friday and from Saturday */
		{ "2026-03-06", 1, "2026-03-09" },
		{ "2026-03-07", 1, "2026-03-09" },
		{ "2026-03-08", 5, "2026-03-13" },
		/* 2025: Spring Festival 01-28..02-04, make-up 01-26 (Sun) and 02-08 (Sat) */
		{ "2025-01-24", 1, "2025-01-26" },
		{ "2025-01-26", 1, "2025-01-27" },
		{ "2025-01-27", 1, "2025-02-05" },
		{ "2025-09-30", 1, "2025-10-09" },
		{ "2025-10-10", 1, "2025-10-11" },
		/* into 2027, which has no file: 2027-01-01 is a plain Friday */
		{ "2026-12-31", 1, "2027-01-01" },
		{ "2026-12-31", 2, "2027-01-04" },
		/* a whole year: 2026 has 248 working days */
		{ "2025-12-31", 248, "2026-12-31" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char buf[11];
		const char *got = date_format(calendar_add(cal, day(t[i].from), t[i].n), buf);
		if (strcmp(got, t[i].want) != 0)
			fail_msg("add(%s, %d) = %s, want %s", t[i].from, t[i].n, got, t[i].want);
	}
}

static void test_between(void **state)
{
	(void)state;
	static const struct { const char *from, *to; int want; } t[] = {
		{ "2026-02-13", "2026-02-24", 2 },
		{ "2026-02-24", "2026-02-13", -2 },
		{ "2026-02-14", "2026-02-14", 0 },
		{ "2026-02-15", "2026-02-23", 0 },   /* all rest days */
		{ "2026-02-23", "2026-02-15", 0 },
		{ "2026-02-14", "2026-02-15", 0 },   /* the start is never counted */
		{ "2026-02-13", "2026-02-14", 1 },
		{ "2026-02-14", "2026-02-13", -1 },  /* -(working days in (02-13, 02-14]) */
		{ "2026-09-30", "2026-10-10", 3 },
		{ "2026-09-19", "2026-09-20", 1 },
		{ "2026-10-10", "2026-09-30", -3 },
		{ "2025-12-31", "2026-12-31", 248 },
		{ "2024-12-31", "2025-12-31", 248 },
		{ "2026-12-31", "2024-12-31", -496 },
		{ "2026-12-31", "2027-12-31", 261 }, /* 2027 by weekends alone */
		{ "2026-03-06", "2026-03-09", 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int got = calendar_between(cal, day(t[i].from), day(t[i].to));
		if (got != t[i].want)
			fail_msg("between(%s, %s) = %d, want %d", t[i].from, t[i].to, got, t[i].want);
	}
}

static void test_day_kind(void **state)
{
	(void)state;
	static const struct { const char *d; day_kind kind; const char *name; } t[] = {
		{ "2026-02-16", DAY_HOLIDAY, "春节" },
		{ "2026-02-15", DAY_HOLIDAY, "春节" },       /* a holiday that is a Sunday */
		{ "2026-02-14", DAY_MAKEUP_WORKDAY, "春节" },
		{ "2026-02-28", DAY_MAKEUP_WORKDAY, "春节" },
		{ "2026-01-04", DAY_MAKEUP_WORKDAY, "元旦" },
		{ "2026-09-20", DAY_MAKEUP_WORKDAY, "国庆节" },
		{ "2026-10-10", DAY_MAKEUP_WORKDAY, "国庆节" },
		{ "2026-09-26", DAY_HOLIDAY, "中秋节" },
		{ "2026-06-19", DAY_HOLIDAY, "端午节" },
		{ "2026-04-06", DAY_HOLIDAY, "清明节" },
		{ "2026-05-05", DAY_HOLIDAY, "劳动节" },
		{ "2025-10-08", DAY_HOLIDAY, "国庆节、中秋节" },
		{ "2025-06-02", DAY_HOLIDAY, "端午节" },
		{ "2025-04-27", DAY_MAKEUP_WORKDAY, "劳动节" },
		{ "2026-03-07", DAY_WEEKEND, NULL },
		{ "2026-03-09", DAY_WORKDAY, NULL },
		{ "2026-10-08", DAY_WORKDAY, NULL },
		{ "2026-02-21", DAY_HOLIDAY, "春节" },
		{ "2027-01-01", DAY_WORKDAY, NULL },         /* no 2027 file */
		{ "2027-01-02", DAY_WEEKEND, NULL },
		{ "2024-10-01", DAY_WORKDAY, NULL },         /* no 2024 file */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *name = "unset";
		day_kind k = calendar_day(cal, day(t[i].d), &name);
		if (k != t[i].kind)
			fail_msg("%s: kind %d, want %d", t[i].d, (int)k, (int)t[i].kind);
		if (t[i].name)
			assert_string_equal(name, t[i].name);
		else
			assert_null(name);
		bool work = t[i].kind == DAY_WORKDAY || t[i].kind == DAY_MAKEUP_WORKDAY;
		assert_int_equal(calendar_is_workday(cal, day(t[i].d)), work);
		assert_int_equal(calendar_day(cal, day(t[i].d), NULL), k);
	}
}

static void test_years(void **state)
{
	(void)state;
	assert_true(calendar_has_year(cal, 2025));
	assert_true(calendar_has_year(cal, 2026));
	assert_false(calendar_has_year(cal, 2027));
	assert_false(calendar_has_year(cal, 2024));
	assert_non_null(strstr(calendar_notice(cal, 2026), "2026年部分节假日安排"));
	assert_non_null(strstr(calendar_notice(cal, 2025), "国办发明电〔2024〕12号"));
	assert_null(calendar_notice(cal, 2027));
	assert_int_equal(calendar_missing_year(cal, day("2026-12-01"), day("2027-01-10")), 2027);
	assert_int_equal(calendar_missing_year(cal, day("2027-01-10"), day("2026-12-01")), 2027);
	assert_int_equal(calendar_missing_year(cal, day("2025-01-01"), day("2026-12-31")), 0);
	assert_int_equal(calendar_missing_year(cal, day("2026-05-01"), day("2026-05-01")), 0);
	assert_int_equal(calendar_missing_year(cal, day("2024-12-31"), day("2026-01-01")), 2024);
	assert_int_equal(calendar_missing_year(cal, day("2027-06-01"), day("2029-01-01")), 2027);
}

/* the day-by-day meaning of DOMAIN §3, to hold the fast formulas against */
static int slow_between(const calendar *c, qdate from, qdate to)
{
	int n = 0;
	for (qdate d = from + 1; d <= to; d++)
		n += calendar_is_workday(c, d);
	for (qdate d = to + 1; d <= from; d++)
		n -= calendar_is_workday(c, d);
	return n;
}

static qdate slow_add(const calendar *c, qdate d, int n)
{
	while (n > 0)
		if (calendar_is_workday(c, ++d))
			n--;
	return d;
}

static void check_against_slow(const calendar *c, qdate lo, qdate hi, int step)
{
	for (qdate a = lo; a <= hi; a += step) {
		for (int n = 0; n <= 300; n += 7)
			assert_int_equal(calendar_add(c, a, n), slow_add(c, a, n));
		for (qdate b = lo; b <= hi; b += step + 6)
			assert_int_equal(calendar_between(c, a, b), slow_between(c, a, b));
	}
}

static void test_fast_equals_slow(void **state)
{
	(void)state;
	check_against_slow(cal, day("2024-10-01"), day("2027-03-31"), 5);
	calendar *empty = calendar_new_empty();
	/* before 1970 the day numbers are negative: the weekday formula must still hold */
	check_against_slow(empty, day("1969-11-01"), day("1970-03-01"), 3);
	assert_int_equal(calendar_between(empty, day("1900-01-01"), day("2100-01-01")),
		slow_between(empty, day("1900-01-01"), day("2100-01-01")));
	assert_int_equal(calendar_between(cal, day("1900-01-01"), day("9999-12-31")),
		slow_between(cal, day("1900-01-01"), day("9999-12-31")));
	calendar_free(&empty);
	assert_null(empty);
}

static void test_empty(void **state)
{
	(void)state;
	calendar *e = calendar_new_empty();
	assert_false(calendar_has_year(e, 2026));
	assert_null(calendar_notice(e, 2026));
	assert_int_equal(calendar_missing_year(e, day("2026-01-01"), day("2026-12-31")), 2026);
	assert_int_equal(calendar_day(e, day("2026-02-16"), NULL), DAY_WORKDAY);
	assert_int_equal(calendar_day(e, day("2026-02-14"), NULL), DAY_WEEKEND);
	assert_int_equal(calendar_add(e, day("2026-02-13"), 1), day("2026-02-16"));
	assert_int_equal(calendar_between(e, day("2025-12-31"), day("2026-12-31")), 261);
	calendar_free(&e);
	calendar_free(&e); /* freeing twice through the same pointer is harmless */
}

static void test_loader_errors(void **state)
{
	(void)state;
	static const struct { const char *dir, *where, *reason; } t[] = {
		{ "holidays-bad-syntax", "2026.txt:3: ", "must start with 'notice:', 'holiday' or 'workday'" },
		{ "holidays-bad-shape", "2026.txt:3: ", "'2026-1-1' is not a date of the form YYYY-MM-DD" },
		{ "holidays-bad-date", "2026.txt:3: ", "2026-02-30 is not a real calendar date" },
		{ "holidays-bad-year", "2026.txt:3: ", "2025-12-31 lies outside 2026" },
		{ "holidays-bad-makeup", "2026.txt:3: ", "2026-02-16 is not a Saturday or Sunday" },
		{ "holidays-bad-range", "2026.txt:3: ", "the range ends before it starts" },
		{ "holidays-bad-name", "2026.txt:3: ", "the holiday name is missing" },
		{ "holidays-bad-twice", "2026.txt:4: ", "2026-02-15 is listed twice" },
		{ "holidays-bad-utf8", "2026.txt:3: ", "not valid UTF-8" },
	};
	const char *base = getenv("QIFU_TEST_DATA");
	assert_non_null(base);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *dir = xasprintf("%s/%s", base, t[i].dir);
		strbuf err = STRBUF_INIT;
		calendar *c = calendar_load(dir, &err);
		if (c)
			fail_msg("%s loaded although broken", t[i].dir);
		char *where = xasprintf("%s/%s", dir, t[i].where);
		if (strncmp(sb_str(&err), where, strlen(where)) != 0 || !strstr(sb_str(&err), t[i].reason))
			fail_msg("%s: message '%s', want '%s…%s'", t[i].dir, sb_str(&err), where, t[i].reason);
		free(where);
		free(dir);
		sb_free(&err);
	}
	strbuf err = STRBUF_INIT;
	assert_null(calendar_load("/nonexistent/qifu-holidays", &err));
	assert_non_null(strstr(sb_str(&err), "/nonexistent/qifu-holidays"));
	sb_free(&err);
}

/* a byte order mark, CRLF, tabs, trailing blanks; other files in the directory ignored */
static void test_loader_tolerates(void **state)
{
	(void)state;
	char *dir = xasprintf("%s/holidays-extra", getenv("QIFU_TEST_DATA"));
	strbuf err = STRBUF_INIT;
	calendar *c = calendar_load(dir, &err);
	if (!c)
		fail_msg("%s", sb_str(&err));
	const char *name;
	assert_int_equal(calendar_day(c, day("2030-01-01"), &name), DAY_HOLIDAY);
	assert_string_equal(name, "元旦");
	assert_int_equal(calendar_day(c, day("2030-01-05"), &name), DAY_MAKEUP_WORKDAY);
	assert_string_equal(name, "元旦");
	assert_null(calendar_notice(c, 2030));
	assert_true(calendar_has_year(c, 2030));
	assert_false(calendar_has_year(c, 2345));
	assert_int_equal(calendar_missing_year(c, day("2030-01-01"), day("2030-12-31")), 0);
	calendar_free(&c);
	sb_free(&err);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_between),
		cmocka_unit_test(test_day_kind),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_fast_equals_slow),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_loader_errors),
		cmocka_unit_test(test_loader_tolerates),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
