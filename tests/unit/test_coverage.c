/* The coverage gaps (全面覆盖): no commissioner, no card delivered, no visit within
 * visit_days natural days (the day visit_days back still covers), and the gap codes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/coverage.h"

#define C COV_BIT(COV_GAP_COMMISSIONER)
#define K COV_BIT(COV_GAP_CARD)
#define V COV_BIT(COV_GAP_VISIT)

static void test_gaps(void **state)
{
	(void)state;
	qdate today = date_from_ymd(2026, 12, 7);
	qdate sep8 = date_from_ymd(2026, 9, 8);   /* 90 days before today */
	qdate sep7 = date_from_ymd(2026, 9, 7);   /* 91 days before */
	static const struct {
		bool comm;
		int card, visit; /* days before today; -1: never; -2: after today */
		int days;
		unsigned want;
	} rows[] = {
		{ true, 10, 10, 90, 0 },
		{ false, 10, 10, 90, C },
		{ true, -1, 10, 90, K },
		{ true, 10, -1, 90, V },
		{ false, -1, -1, 90, C | K | V },
		{ true, 10, 90, 90, 0 },       /* exactly visit_days back: still covered */
		{ true, 10, 91, 90, V },       /* one day more: a gap */
		{ true, 10, 0, 1, 0 },         /* visited today */
		{ true, 10, 1, 1, 0 },
		{ true, 10, 2, 1, V },
		{ true, 400, -2, 90, 0 },      /* a visit dated ahead covers; an old card counts */
		{ false, -1, 200, 365, C | K },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		qdate card = rows[i].card == -1 ? DATE_NONE : today - rows[i].card;
		qdate visit = rows[i].visit == -1 ? DATE_NONE
		            : rows[i].visit == -2 ? today + 3 : today - rows[i].visit;
		unsigned got = coverage_gaps(rows[i].comm, card, visit, today, rows[i].days);
		if (got != rows[i].want)
			fail_msg("row %zu: got %#x, want %#x", i, got, rows[i].want);
	}
	assert_int_equal(coverage_gaps(true, sep8, sep8, today, 90), 0);
	assert_int_equal(coverage_gaps(true, sep7, sep7, today, 90), V);
}

static void test_codes(void **state)
{
	(void)state;
	coverage_gap g;
	for (int i = 0; i < COV_GAP__COUNT; i++) {
		assert_true(coverage_gap_parse(coverage_gap_code((coverage_gap)i), &g));
		assert_int_equal(g, i);
	}
	assert_string_equal(coverage_gap_code(COV_GAP_CARD), "card");
	assert_false(coverage_gap_parse("visits", &g));
	assert_false(coverage_gap_parse("", &g));
	assert_false(coverage_gap_parse(NULL, &g));
	assert_string_equal(coverage_gap_code(COV_GAP__COUNT), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
