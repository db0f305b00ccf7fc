/* The charts' arithmetic as tables: week and month buckets of periods across a year's
 * end and a leap February, cells shared when buckets do not fit, scaling at its
 * rounding edges, sparkline levels, and bars in eighths and in ASCII, measured in
 * display columns. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "model/chart.h"

static qdate d(const char *s)
{
	qdate v;
	assert_true(date_parse(s, &v));
	return v;
}

static void test_weeks(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to, *monday;
		int n;
	} cases[] = {
		{ "2026-10-01", "2026-12-01", "2026-09-28", 10 },  /* Thursday to Tuesday */
		{ "2026-09-28", "2026-10-04", "2026-09-28", 1 },   /* one whole week */
		{ "2026-10-04", "2026-10-05", "2026-09-28", 2 },   /* Sunday, then Monday */
		{ "2026-12-28", "2027-01-10", "2026-12-28", 2 },   /* across the year's end */
		{ "2026-01-01", "2026-12-31", "2025-12-29", 53 },  /* a year: 53 weeks touched */
		{ "2026-10-05", "2026-10-05", "2026-10-05", 1 },   /* one Monday */
		{ "2026-10-06", "2026-10-05", "2026-10-05", 0 },   /* from after to */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		chart_weeks w = chart_weeks_of(d(cases[i].from), d(cases[i].to));
		char buf[16];
		assert_string_equal(date_format(w.first, buf), cases[i].monday);
		assert_int_equal(w.n, cases[i].n);
	}
	chart_weeks w = chart_weeks_of(d("2026-10-01"), d("2026-12-01"));
	static const struct {
		const char *day;
		int week;
	} idx[] = {
		{ "2026-09-27", -1 }, { "2026-09-28", 0 }, { "2026-10-04", 0 }, { "2026-10-05", 1 },
		{ "2026-11-29", 8 }, { "2026-11-30", 9 }, { "2026-12-06", 9 }, { "2026-12-07", -1 },
	};
	for (size_t i = 0; i < sizeof idx / sizeof idx[0]; i++)
		assert_int_equal(chart_week_index(&w, d(idx[i].day)), idx[i].week);
	char buf[16];
	assert_string_equal(date_format(chart_week_start(&w, 9), buf), "2026-11-30");
}

static void test_months(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to;
		int year, month, n;
	} cases[] = {
		{ "2026-10-01", "2026-12-01", 2026, 10, 3 },
		{ "2026-10-31", "2026-11-01", 2026, 10, 2 },
		{ "2026-11-15", "2027-02-28", 2026, 11, 4 },
		{ "2026-01-01", "2026-12-31", 2026, 1, 12 },
		{ "2028-02-29", "2028-02-29", 2028, 2, 1 },
		{ "2026-12-02", "2026-12-01", 2026, 12, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		chart_months m = chart_months_of(d(cases[i].from), d(cases[i].to));
		assert_int_equal(m.year, cases[i].year);
		assert_int_equal(m.month, cases[i].month);
		assert_int_equal(m.n, cases[i].n);
	}
	chart_months m = chart_months_of(d("2026-11-15"), d("2027-02-28"));
	assert_int_equal(chart_month_index(&m, 2026, 10), -1);
	assert_int_equal(chart_month_index(&m, 2026, 11), 0);
	assert_int_equal(chart_month_index(&m, 2027, 1), 2);
	assert_int_equal(chart_month_index(&m, 2027, 2), 3);
	assert_int_equal(chart_month_index(&m, 2027, 3), -1);
	int y, mo;
	chart_month_at(&m, 1, &y, &mo);
	assert_int_equal(y, 2026);
	assert_int_equal(mo, 12);
	chart_month_at(&m, 2, &y, &mo);
	assert_int_equal(y, 2027);
	assert_int_equal(mo, 1);
}

static void test_per_cell(void **state)
{
	(void)state;
	static const int cases[][3] = {
		/* n, cells, per cell */
		{ 10, 40, 1 }, { 40, 40, 1 }, { 41, 40, 2 }, { 53, 40, 2 }, { 53, 26, 3 },
		{ 53, 1, 53 }, { 5, 0, 1 }, { 0, 10, 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(chart_per_cell(cases[i][0], cases[i][1]), cases[i][2]);
}

static void test_window(void **state)
{
	(void)state;
	static const int cases[][4] = {
		/* n, fit, last with data, first shown */
		{ 3, 5, 2, 0 }, { 5, 5, 4, 0 },  /* all fit */
		{ 12, 5, 11, 7 },                /* data to the end: the last five */
		{ 12, 5, -1, 7 },                /* no data at all: the last five */
		{ 12, 5, 3, 0 },                 /* data to April: January to May */
		{ 12, 5, 6, 2 },                 /* to July: March to July */
		{ 12, 5, 20, 7 },                /* a last beyond the buckets: the end */
		{ 12, 0, 6, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(chart_window(cases[i][0], cases[i][1], cases[i][2]), cases[i][3]);
}

static void test_scale(void **state)
{
	(void)state;
	static const long cases[][4] = {
		/* value, max, steps, want */
		{ 0, 10, 8, 0 }, { -3, 10, 8, 0 }, { 5, 0, 8, 0 }, { 10, 10, 8, 8 }, { 12, 10, 8, 8 },
		{ 1, 100, 8, 1 },          /* 0.08 rounds to 0 but a figure above 0 shows */
		{ 5, 10, 8, 4 }, { 1, 16, 8, 1 }, /* 0.5 rounds half up */
		{ 3, 16, 8, 2 },           /* 1.5 -> 2 */
		{ 935, 1000, 480, 449 },   /* 448.8 -> 449 eighths */
		{ 1000, 1000, 60, 60 }, { 125, 1000, 8, 1 }, { 0, 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(chart_scale(cases[i][0], cases[i][1], (int)cases[i][2]),
		                 (int)cases[i][3]);
}

static void test_spark_level(void **state)
{
	(void)state;
	static const long cases[][4] = {
		/* value, lo, hi, level */
		{ -1, 0, 100, 0 },         /* no value */
		{ 0, 0, 100, 1 }, { 100, 0, 100, 8 }, { 150, 0, 100, 8 },
		{ 50, 0, 100, 5 },         /* 1 + 3.5 -> 1 + 4 */
		{ 7, 0, 100, 1 },          /* 0.49 -> 0 */
		{ 8, 0, 100, 2 },          /* 0.56 -> 1 */
		{ 800, 800, 1000, 1 }, { 750, 800, 1000, 1 }, { 900, 800, 1000, 5 },
		{ 5, 5, 5, 1 }, { 6, 5, 5, 8 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(chart_spark_level(cases[i][0], cases[i][1], cases[i][2]),
		                 (int)cases[i][3]);
	assert_string_equal(chart_spark_glyph(0, true), " ");
	assert_string_equal(chart_spark_glyph(1, true), "▁");
	assert_string_equal(chart_spark_glyph(8, true), "█");
	assert_string_equal(chart_spark_glyph(8, false), "#");
	assert_string_equal(chart_spark_glyph(1, false), "_");
	assert_string_equal(chart_spark_glyph(9, false), " ");
	strbuf out = STRBUF_INIT;
	for (int level = 0; level <= 8; level++)
		chart_spark_cell(level, true, &out);
	assert_string_equal(sb_str(&out), " ▁▂▃▄▅▆▇█");
	assert_int_equal(text_width(sb_str(&out)), 9);
	sb_free(&out);
}

static void test_bar(void **state)
{
	(void)state;
	static const struct {
		long value, max;
		int width;
		bool utf8;
		const char *want;
	} cases[] = {
		{ 0, 10, 4, true, "    " },
		{ 10, 10, 4, true, "████" },
		{ 5, 10, 4, true, "██  " },
		{ 1, 10, 4, true, "▍   " },    /* 3.2 eighths -> 3 */
		{ 1, 1000, 4, true, "▏   " },  /* above 0: one eighth at least */
		{ 9, 10, 2, true, "█▊" },      /* 14.4 -> 14 eighths */
		{ 0, 10, 4, false, "    " },
		{ 5, 10, 4, false, "##  " },
		{ 1, 100, 4, false, "#   " },
		{ 10, 10, 3, false, "###" },
		{ 3, 10, 0, true, "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf out = STRBUF_INIT;
		chart_bar(cases[i].value, cases[i].max, cases[i].width, cases[i].utf8, &out);
		assert_string_equal(sb_str(&out), cases[i].want);
		assert_int_equal(text_width(sb_str(&out)), cases[i].width);
		sb_free(&out);
	}
}

/* where ambiguous characters are two columns wide, blocks are too: bars count whole
 * blocks of two columns and a blank sparkline cell is two blanks */
static void test_wide_blocks(void **state)
{
	(void)state;
	text_set_ambiguous_width(2);
	static const struct {
		long value, max;
		int width;
		const char *want;
	} cases[] = {
		{ 10, 10, 8, "████" },
		{ 5, 10, 8, "██    " },
		{ 5, 10, 7, "█▌   " },       /* 3 blocks in 7 columns: 12 eighths of 24 */
		{ 1, 10, 4, "▎  " },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf out = STRBUF_INIT;
		chart_bar(cases[i].value, cases[i].max, cases[i].width, true, &out);
		assert_string_equal(sb_str(&out), cases[i].want);
		assert_int_equal(text_width(sb_str(&out)), cases[i].width);
		sb_free(&out);
	}
	strbuf out = STRBUF_INIT;
	chart_spark_cell(0, true, &out);
	chart_spark_cell(8, true, &out);
	assert_string_equal(sb_str(&out), "  █");
	assert_int_equal(text_width(sb_str(&out)), 4);
	sb_free(&out);
	text_set_ambiguous_width(1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weeks),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_per_cell),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_spark_level),
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_wide_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
