/* Month grid: February 2026 (starts on a Sunday; Spring Festival 15–23 off, Saturdays
 * 14 and 28 worked) and October 2026 (National Day 1–7, Saturday 10 worked) checked
 * cell by cell, plus week counts, counts per day, today, and month arithmetic. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/paths.h"
#include "core/xalloc.h"
#include "model/month.h"
#include "policy/policy.h"

static const inspection_params defaults = { 1, 23, 7, 10 };
static calendar *cal;

static int setup(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *dir = paths_data_file("holidays");
	cal = policy_calendar_load(dir, &err);
	if (!cal)
		fprintf(stderr, "setup: %s\n", sb_str(&err));
	xfree(&dir);
	sb_free(&err);
	return cal ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	return 0;
}

/* One expected row: the day in each column (0 empty) and its kind: W working day,
 * E weekend, H holiday (休), M make-up working day (班), '.' empty. */
typedef struct want_row {
	int day[MONTH_DAYS_A_WEEK];
	const char *kind;
} want_row;

static day_kind kind_of(char c)
{
	switch (c) {
	case 'E': return DAY_WEEKEND;
	case 'H': return DAY_HOLIDAY;
	case 'M': return DAY_MAKEUP_WORKDAY;
	default: return DAY_WORKDAY;
	}
}

static void check_grid(const month_grid *g, int year, int month, const want_row *rows, int weeks,
		       int quiet_last, int today_day)
{
	assert_int_equal(g->year, year);
	assert_int_equal(g->month, month);
	assert_int_equal(g->weeks, weeks);
	for (int w = 0; w < MONTH_WEEKS_MAX; w++)
		for (int i = 0; i < MONTH_DAYS_A_WEEK; i++) {
			const month_cell *c = &g->cell[w][i];
			int day = w < weeks ? rows[w].day[i] : 0;
			if (c->day != day)
				fail_msg("%d-%02d week %d column %d: day %d, want %d", year, month, w, i, c->day, day);
			if (day == 0) {
				assert_int_equal(c->date, DATE_NONE);
				assert_false(c->quiet);
				assert_false(c->today);
				assert_int_equal(c->inspections, 0);
				continue;
			}
			assert_int_equal(c->date, date_from_ymd(year, month, day));
			if (c->kind != kind_of(rows[w].kind[i]))
				fail_msg("%d-%02d-%02d: kind %d, want %c", year, month, day, c->kind, rows[w].kind[i]);
			assert_int_equal(c->quiet, day <= quiet_last);
			assert_int_equal(c->today, day == today_day);
		}
}

static void test_february_2026(void **state)
{
	(void)state;
	static const want_row rows[] = {
		{ { 0, 0, 0, 0, 0, 0, 1 }, "......E" },
		{ { 2, 3, 4, 5, 6, 7, 8 }, "WWWWWEE" },
		{ { 9, 10, 11, 12, 13, 14, 15 }, "WWWWWMH" },
		{ { 16, 17, 18, 19, 20, 21, 22 }, "HHHHHHH" },
		{ { 23, 24, 25, 26, 27, 28, 0 }, "HWWWWM." },
	};
	int counts[28] = { 0 };
	counts[0] = 2;      /* 1st */
	counts[23] = 5;     /* 24th */
	counts[27] = 1;     /* 28th */
	month_grid g;
	month_build(&g, 2026, 2, cal, &defaults, date_from_ymd(2026, 2, 10), counts);
	check_grid(&g, 2026, 2, rows, 5, 23, 10);
	assert_true(g.has_holidays);
	assert_int_equal(g.cell[0][6].inspections, 2);
	assert_int_equal(g.cell[4][1].inspections, 5);
	assert_int_equal(g.cell[4][5].inspections, 1);
	assert_int_equal(g.cell[2][0].inspections, 0);
}

static void test_october_2026(void **state)
{
	(void)state;
	static const want_row rows[] = {
		{ { 0, 0, 0, 1, 2, 3, 4 }, "...HHHH" },
		{ { 5, 6, 7, 8, 9, 10, 11 }, "HHHWWME" },
		{ { 12, 13, 14, 15, 16, 17, 18 }, "WWWWWEE" },
		{ { 19, 20, 21, 22, 23, 24, 25 }, "WWWWWEE" },
		{ { 26, 27, 28, 29, 30, 31, 0 }, "WWWWWE." },
	};
	month_grid g;
	/* today outside the month marks no cell; no counts means zeros */
	month_build(&g, 2026, 10, cal, &defaults, date_from_ymd(2026, 12, 1), NULL);
	check_grid(&g, 2026, 10, rows, 5, 23, 0);
	for (int w = 0; w < g.weeks; w++)
		for (int i = 0; i < MONTH_DAYS_A_WEEK; i++)
			assert_int_equal(g.cell[w][i].inspections, 0);
}

static void test_week_counts_and_windows(void **state)
{
	(void)state;
	month_grid g;
	/* February 2021 starts on a Monday: exactly four rows; no holiday file */
	month_build(&g, 2021, 2, cal, &defaults, DATE_NONE, NULL);
	assert_int_equal(g.weeks, 4);
	assert_false(g.has_holidays);
	assert_int_equal(g.cell[0][0].day, 1);
	assert_int_equal(g.cell[3][6].day, 28);
	assert_int_equal(g.cell[0][5].kind, DAY_WEEKEND);
	/* August 2026 starts on a Saturday and has 31 days: six rows */
	month_build(&g, 2026, 8, cal, &defaults, DATE_NONE, NULL);
	assert_int_equal(g.weeks, 6);
	assert_int_equal(g.cell[0][5].day, 1);
	assert_int_equal(g.cell[5][0].day, 31);
	assert_int_equal(g.cell[5][1].day, 0);
	/* the quiet window follows the settings */
	inspection_params narrow = { 5, 15, 7, 10 };
	month_build(&g, 2026, 8, cal, &narrow, DATE_NONE, NULL);
	assert_false(g.cell[1][0].quiet);   /* the 3rd */
	assert_true(g.cell[1][2].quiet);    /* the 5th */
	assert_true(g.cell[2][5].quiet);    /* the 15th */
	assert_false(g.cell[3][0].quiet);   /* the 17th */
}

static void test_month_parse_and_shift(void **state)
{
	(void)state;
	static const struct { const char *s; bool ok; int y, m; } t[] = {
		{ "2026-02", true, 2026, 2 }, { "1900-01", true, 1900, 1 }, { "9999-12", true, 9999, 12 },
		{ "2026-13", false, 0, 0 }, { "2026-00", false, 0, 0 }, { "2026-2", false, 0, 0 },
		{ "2026/02", false, 0, 0 }, { "2026-02-01", false, 0, 0 }, { "", false, 0, 0 },
		{ "1899-12", false, 0, 0 }, { "2026-02 ", false, 0, 0 }, { "20260", false, 0, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int y = 0, m = 0;
		if (month_parse(t[i].s, &y, &m) != t[i].ok)
			fail_msg("\"%s\"", t[i].s);
		if (t[i].ok) {
			assert_int_equal(y, t[i].y);
			assert_int_equal(m, t[i].m);
		}
	}
	static const struct { int y, m, delta, y2, m2; } s[] = {
		{ 2026, 2, 1, 2026, 3 }, { 2026, 12, 1, 2027, 1 }, { 2026, 1, -1, 2025, 12 },
		{ 2026, 2, -14, 2024, 12 }, { 2026, 2, 0, 2026, 2 }, { 2026, 2, 24, 2028, 2 },
		{ 1900, 1, -1, 1900, 1 }, { 9999, 12, 1, 9999, 12 },
	};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		int y = s[i].y, m = s[i].m;
		month_shift(&y, &m, s[i].delta);
		assert_int_equal(y, s[i].y2);
		assert_int_equal(m, s[i].m2);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_february_2026),
		cmocka_unit_test(test_october_2026),
		cmocka_unit_test(test_week_counts_and_windows),
		cmocka_unit_test(test_month_parse_and_shift),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
