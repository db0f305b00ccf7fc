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
#include <unistd.h>

#include "core/date.h"
#include "core/paths.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "testcal.h"
#include "core/xalloc.h"
#include "policy/policy.h"

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
		/* into 2027, which has no notice: 2027-01-01 (元旦) is a provisional rest day */
		{ "2026-12-31", 1, "2027-01-04" },
		{ "2026-12-31", 2, "2027-01-05" },
		{ "2026-12-30", 3, "2027-01-05" },
		{ "2026-12-25", 7, "2027-01-06" },
		/* Spring Festival 2027, provisional: 除夕 02-05 (Fri) to 初三 02-08 (Mon) */
		{ "2027-02-04", 1, "2027-02-09" },
		{ "2027-02-03", 2, "2027-02-09" },
		{ "2027-02-04", 3, "2027-02-11" },
		{ "2027-02-05", 1, "2027-02-09" },
		{ "2027-02-01", 5, "2027-02-10" },
		/* 2031: 中秋 falls on 国庆 10-01; one rest day, so 10-01..03 and the weekend */
		{ "2031-09-30", 1, "2031-10-06" },
		{ "2031-09-29", 2, "2031-10-06" },
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
		/* 2027 provisional: 261 weekdays less 7 statutory days on weekdays */
		{ "2026-12-31", "2027-12-31", 254 },
		{ "2031-09-30", "2031-10-31", 20 }, /* 23 weekdays less 10-01..03 */
		{ "2040-12-31", "2041-12-31", 261 }, /* past the table: weekends alone */
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
		{ "2027-01-01", DAY_HOLIDAY, "元旦" },       /* provisional: no 2027 notice */
		{ "2027-01-02", DAY_WEEKEND, NULL },          /* no make-up or bridge days */
		{ "2027-02-05", DAY_HOLIDAY, "春节" },        /* 除夕 */
		{ "2027-02-08", DAY_HOLIDAY, "春节" },        /* 初三 */
		{ "2027-02-09", DAY_WORKDAY, NULL },
		{ "2027-04-05", DAY_HOLIDAY, "清明节" },
		{ "2027-05-02", DAY_HOLIDAY, "劳动节" },
		{ "2027-05-03", DAY_WORKDAY, NULL },
		{ "2027-06-09", DAY_HOLIDAY, "端午节" },
		{ "2027-09-15", DAY_HOLIDAY, "中秋节" },
		{ "2027-10-03", DAY_HOLIDAY, "国庆节" },
		{ "2027-10-04", DAY_WORKDAY, NULL },
		{ "2031-10-01", DAY_HOLIDAY, "中秋节、国庆节" }, /* two holidays, one rest day */
		{ "2031-10-02", DAY_HOLIDAY, "国庆节" },
		{ "2034-02-18", DAY_HOLIDAY, "春节" },        /* 除夕 after 2033's 闰十一月 */
		{ "2041-01-01", DAY_WORKDAY, NULL },         /* beyond the table */
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
	assert_true(calendar_has_year(cal, 2027));
	assert_false(calendar_has_year(cal, 2024));
	assert_int_equal(calendar_source(cal, 2026), CAL_SOURCE_NOTICE);
	assert_int_equal(calendar_source(cal, 2027), CAL_SOURCE_PROVISIONAL);
	assert_int_equal(calendar_source(cal, 2040), CAL_SOURCE_PROVISIONAL);
	assert_int_equal(calendar_source(cal, 2041), CAL_SOURCE_NONE);
	assert_int_equal(calendar_source(cal, 2024), CAL_SOURCE_NONE);
	assert_true(calendar_day_provisional(cal, day("2027-07-01")));
	assert_false(calendar_day_provisional(cal, day("2026-07-01")));
	assert_int_equal(calendar_provisional_year(cal, day("2026-12-01"), day("2027-01-10")), 2027);
	assert_int_equal(calendar_provisional_year(cal, day("2026-01-01"), day("2026-12-31")), 0);
	assert_non_null(strstr(calendar_notice(cal, 2026), "2026年部分节假日安排"));
	assert_non_null(strstr(calendar_notice(cal, 2025), "国办发明电〔2024〕12号"));
	assert_null(calendar_notice(cal, 2027));
	assert_int_equal(calendar_missing_year(cal, day("2026-12-01"), day("2027-01-10")), 0);
	assert_int_equal(calendar_missing_year(cal, day("2040-12-01"), day("2041-01-10")), 2041);
	assert_int_equal(calendar_missing_year(cal, day("2041-01-10"), day("2040-12-01")), 2041);
	assert_int_equal(calendar_missing_year(cal, day("2025-01-01"), day("2026-12-31")), 0);
	assert_int_equal(calendar_missing_year(cal, day("2026-05-01"), day("2026-05-01")), 0);
	assert_int_equal(calendar_missing_year(cal, day("2024-12-31"), day("2026-01-01")), 2024);
	assert_int_equal(calendar_missing_year(cal, day("2027-06-01"), day("2029-01-01")), 0);
}

/* a notice in force replaces the year's statutory days; the diff names what moves */
static void test_notice_over_provisional(void **state)
{
	(void)state;
	static const char text[] = "notice: 测试\n"
		"holiday 2027-02-06..2027-02-13 春节\nworkday 2027-02-14 春节\n";
	FILE *f = fmemopen((void *)text, sizeof text - 1, "r");
	holiday_year hy;
	strbuf err = STRBUF_INIT;
	if (policy_holiday_parse(f, "2027-notice", 0, &hy, &err) < 0)
		fail_msg("%s", sb_str(&err));
	fclose(f);
	assert_int_equal(hy.year, 2027);
	assert_int_equal(hy.n, 9);
	calendar *c = calendar_build(&hy, 1, NULL, 0);
	assert_int_equal(calendar_source(c, 2027), CAL_SOURCE_NOTICE);
	assert_int_equal(calendar_day(c, day("2027-02-05"), NULL), DAY_WORKDAY);
	assert_int_equal(calendar_day(c, day("2027-02-14"), NULL), DAY_MAKEUP_WORKDAY);
	qdate changed[366];
	int n = calendar_year_diff(cal, c, 2027, changed);
	/* from the provisional year: 01-01 … are no longer rest days, 02-05 works, 02-09..13
	 * rest, 02-14 works; the rest of the statutory days go too */
	assert_true(n > 0);
	assert_int_equal(changed[0], day("2027-01-01"));
	bool saw_0205 = false, saw_0214 = false;
	for (int i = 0; i < n; i++) {
		saw_0205 |= changed[i] == day("2027-02-05");
		saw_0214 |= changed[i] == day("2027-02-14");
	}
	assert_true(saw_0205 && saw_0214);
	assert_int_equal(calendar_year_diff(cal, cal, 2027, changed), 0);
	calendar_free(&c);
	holiday_year_clear(&hy);
	sb_free(&err);
	/* a notice's date outside the year of its first date */
	static const char bad[] = "holiday 2027-12-31 元旦\nholiday 2028-01-01 元旦\n";
	f = fmemopen((void *)bad, sizeof bad - 1, "r");
	assert_int_equal(policy_holiday_parse(f, "x.txt", 0, &hy, &err), -1);
	fclose(f);
	assert_non_null(strstr(sb_str(&err), "x.txt:2: 2028-01-01 lies outside 2027"));
	sb_free(&err);
	/* found by tests/fuzz/fuzz_policy: a file named for its year with no day in it
	 * (only comments, or a notice line) is refused, not a year without holidays */
	static const char *const empty[] = { "# 2027\n", "notice: 国办发明电〔2026〕1号\n" };
	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		f = fmemopen((void *)empty[i], strlen(empty[i]), "r");
		assert_int_equal(policy_holiday_parse(f, "2027.txt", 2027, &hy, &err), -1);
		fclose(f);
		assert_non_null(strstr(sb_str(&err), "2027.txt: no 'holiday' or 'workday' line"));
		assert_null(hy.days);
		sb_free(&err);
	}
}

/* the administrator's reminder: from 1 December, while next year has no notice */
static void test_notice_due(void **state)
{
	(void)state;
	static const struct { const char *today; bool due; } t[] = {
		{ "2026-11-30", false },   /* not before December */
		{ "2026-12-01", true },    /* 2027 is provisional */
		{ "2026-12-31", true },
		{ "2027-01-01", false },   /* January: the year has begun */
		{ "2025-12-15", false },   /* 2026's notice is in */
		{ "2040-12-01", true },    /* 2041: nothing at all */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (calendar_notice_due(cal, day(t[i].today)) != t[i].due)
			fail_msg("notice due on %s: want %d", t[i].today, t[i].due);
	/* spans counted across a provisional rest day */
	assert_true(calendar_span_provisional(cal, day("2026-12-30"), day("2027-01-05")));
	assert_false(calendar_span_provisional(cal, day("2027-01-01"), day("2027-01-05")));
	assert_false(calendar_span_provisional(cal, day("2026-12-01"), day("2026-12-31")));
	assert_true(calendar_span_provisional(cal, day("2027-02-01"), day("2027-02-10")));
}

/* the statutory table's own errors name file:line */
static void test_statutory_errors(void **state)
{
	(void)state;
	static const struct { const char *row, *reason; } t[] = {
		{ "2027\t元旦\n", "expected three columns" },
		{ "2027\t元旦\t2027-02-30\n", "not a real date" },
		{ "2027\t元旦\t2028-01-01\n", "outside the row's year" },
		{ "27\t元旦\t2027-01-01\n", "not a year" },
		{ "2027\t\t2027-01-01\n", "holiday name is missing" },
	};
	char *path = xasprintf("%s/qifu-statutory-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		FILE *f = fopen(path, "w");
		fprintf(f, "# comment\nyear\tholiday\tdate\n%s", t[i].row);
		fclose(f);
		holiday_year *ys;
		int n;
		strbuf err = STRBUF_INIT;
		assert_int_equal(policy_statutory_load(path, &ys, &n, &err), -1);
		char *where = xasprintf("%s:3: ", path);
		if (strncmp(sb_str(&err), where, strlen(where)) != 0 || !strstr(sb_str(&err), t[i].reason))
			fail_msg("row %zu: message '%s', want '%s…%s'", i, sb_str(&err), where, t[i].reason);
		free(where);
		sb_free(&err);
	}
	unlink(path);
	holiday_year *ys;
	int n;
	strbuf err = STRBUF_INIT;
	assert_int_equal(policy_statutory_load(path, &ys, &n, &err), 0); /* missing: none */
	assert_int_equal(n, 0);
	sb_free(&err);
	free(path);
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
		calendar *c = policy_calendar_load(dir, &err);
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
	assert_null(policy_calendar_load("/nonexistent/qifu-holidays", &err));
	assert_non_null(strstr(sb_str(&err), "/nonexistent/qifu-holidays"));
	sb_free(&err);
}

/* a byte order mark, CRLF, tabs, trailing blanks; other files in the directory ignored */
static void test_loader_tolerates(void **state)
{
	(void)state;
	char *dir = xasprintf("%s/holidays-extra", getenv("QIFU_TEST_DATA"));
	strbuf err = STRBUF_INIT;
	calendar *c = policy_calendar_load(dir, &err);
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
		cmocka_unit_test(test_notice_over_provisional),
		cmocka_unit_test(test_statutory_errors),
		cmocka_unit_test(test_notice_due),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
