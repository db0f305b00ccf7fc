/* The annual assessment: the year's score from four quarters by either rule (worked
 * out by hand in the table), quarters without ratings, the tier of the year's score
 * at the thresholds, the rule's words, the year's code, and the checks before a year
 * is combined or frozen. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/strbuf.h"
#include "model/annual.h"

/* a quarter of count ratings summing to sum, as report_quarter_rows gives it */
static assessment_unit quarter(int count, long sum)
{
	assessment_tiers t = assessment_tiers_default();
	assessment_unit u;
	assessment_unit_stats("区科经局", sum, count, &t, &u);
	return u;
}

static void test_combine(void **state)
{
	(void)state;
	static const struct {
		const char *what;
		int count[4];
		long sum[4];
		annual_rule rule;
		int quarters, total, mean10, tier;
	} t[] = {
		{ "four alike", { 2, 2, 2, 2 }, { 180, 180, 180, 180 }, ANNUAL_MEAN, 4, 8, 900, 1 },
		{ "four alike, weighted", { 2, 2, 2, 2 }, { 180, 180, 180, 180 }, ANNUAL_WEIGHTED,
		  4, 8, 900, 1 },
		/* quarters 95.0 (1 rating) and 80.0 (3): mean of means 87.5, weighted 83.75 */
		{ "mean of the quarters", { 1, 3, 0, 0 }, { 95, 240, 0, 0 }, ANNUAL_MEAN, 2, 4,
		  875, 2 },
		{ "weighted by ratings", { 1, 3, 0, 0 }, { 95, 240, 0, 0 }, ANNUAL_WEIGHTED, 2, 4,
		  838, 2 },
		/* the quarters as shown: 89.5 + 90.0 = 179.5 / 2 = 89.75 -> 89.8, tier 2 */
		{ "the means as shown, half up", { 2, 1, 0, 0 }, { 179, 90, 0, 0 }, ANNUAL_MEAN, 2,
		  3, 898, 2 },
		/* 89.9 and 90.0: 89.95 rounds up to 90.0, tier 1 */
		{ "half up into tier 1", { 10, 1, 0, 0 }, { 899, 90, 0, 0 }, ANNUAL_MEAN, 2, 11,
		  900, 1 },
		/* weighted the same ratings: 989 / 11 = 89.909 -> 89.9, tier 2 */
		{ "weighted stays in tier 2", { 10, 1, 0, 0 }, { 899, 90, 0, 0 }, ANNUAL_WEIGHTED,
		  2, 11, 899, 2 },
		/* a quarter without ratings does not count as 0 */
		{ "an unrated quarter", { 0, 1, 0, 1 }, { 0, 70, 0, 80 }, ANNUAL_MEAN, 2, 2, 750, 3 },
		{ "never rated", { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, ANNUAL_MEAN, 0, 0, 0, 0 },
		{ "never rated, weighted", { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, ANNUAL_WEIGHTED, 0, 0, 0,
		  0 },
		{ "only Q4", { 0, 0, 0, 3 }, { 0, 0, 0, 240 }, ANNUAL_MEAN, 1, 3, 800, 2 },
		{ "every score 0", { 1, 1, 1, 1 }, { 0, 0, 0, 0 }, ANNUAL_MEAN, 4, 4, 0, 3 },
		{ "every score 100", { 1, 2, 3, 4 }, { 100, 200, 300, 400 }, ANNUAL_WEIGHTED, 4,
		  10, 1000, 1 },
	};
	assessment_tiers tiers = assessment_tiers_default();
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_unit q[4];
		for (int k = 0; k < 4; k++)
			q[k] = quarter(t[i].count[k], t[i].sum[k]);
		annual_unit u;
		annual_combine("区科经局", q, t[i].rule, &tiers, &u);
		if (u.quarters != t[i].quarters || u.count != t[i].total ||
		    u.mean10 != t[i].mean10 || u.tier != t[i].tier)
			fail_msg("%s: quarters %d count %d mean10 %d tier %d, want %d %d %d %d",
			         t[i].what, u.quarters, u.count, u.mean10, u.tier, t[i].quarters,
			         t[i].total, t[i].mean10, t[i].tier);
		assert_string_equal(u.unit, "区科经局");
		for (int k = 0; k < 4; k++)
			assert_int_equal(u.q[k].count, t[i].count[k]);
	}
}

/* the tier of the year follows the settings' thresholds, not the defaults */
static void test_combine_thresholds(void **state)
{
	(void)state;
	assessment_unit q[4] = { quarter(1, 85), quarter(0, 0), quarter(0, 0), quarter(0, 0) };
	static const struct { int t1, t2, tier; } t[] = {
		{ 90, 80, 2 }, { 85, 80, 1 }, { 95, 86, 3 }, { 86, 85, 2 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_tiers tiers = { t[i].t1, t[i].t2 };
		annual_unit u;
		annual_combine("区投促局", q, ANNUAL_MEAN, &tiers, &u);
		assert_int_equal(u.tier, t[i].tier);
	}
}

static void test_rule_words(void **state)
{
	(void)state;
	static const struct { const char *s; bool ok; annual_rule r; } t[] = {
		{ "mean", true, ANNUAL_MEAN }, { "weighted", true, ANNUAL_WEIGHTED },
		{ "Mean", false, ANNUAL_MEAN }, { "", false, ANNUAL_MEAN }, { NULL, false, ANNUAL_MEAN },
		{ "weight", false, ANNUAL_MEAN },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		annual_rule r = ANNUAL_MEAN;
		assert_int_equal(annual_rule_parse(t[i].s, &r), t[i].ok);
		if (t[i].ok) {
			assert_int_equal(r, t[i].r);
			assert_string_equal(annual_rule_code(r), t[i].s);
		}
	}
	assert_string_not_equal(annual_rule_label(ANNUAL_MEAN), annual_rule_label(ANNUAL_WEIGHTED));
}

static void test_year_parse(void **state)
{
	(void)state;
	static const struct { const char *s; bool ok; int y; } t[] = {
		{ "2026", true, 2026 }, { "1900", true, 1900 }, { "9999", true, 9999 },
		{ "1899", false, 0 }, { "226", false, 0 }, { "20266", false, 0 },
		{ "2026Q4", false, 0 }, { " 2026", false, 0 }, { "二〇二六", false, 0 },
		{ "", false, 0 }, { NULL, false, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int y = 0;
		if (annual_year_parse(t[i].s, &y) != t[i].ok)
			fail_msg("'%s': want %s", t[i].s ? t[i].s : "(null)", t[i].ok ? "ok" : "refused");
		if (t[i].ok)
			assert_int_equal(y, t[i].y);
	}
}

static void test_checks(void **state)
{
	(void)state;
	static const struct {
		bool year_frozen;
		bool q[4];
		annual_verdict check, freeze;
		const char *open;       /* the quarters named open */
	} t[] = {
		{ false, { true, true, true, true }, ANNUAL_OK, ANNUAL_OK, "" },
		{ false, { true, true, true, false }, ANNUAL_QUARTERS_OPEN, ANNUAL_QUARTERS_OPEN,
		  "2026Q4" },
		{ false, { true, false, true, false }, ANNUAL_QUARTERS_OPEN, ANNUAL_QUARTERS_OPEN,
		  "2026Q2、2026Q4" },
		{ false, { false, false, false, false }, ANNUAL_QUARTERS_OPEN, ANNUAL_QUARTERS_OPEN,
		  "2026Q1、2026Q2、2026Q3、2026Q4" },
		{ true, { true, true, true, true }, ANNUAL_OK, ANNUAL_YEAR_FROZEN, "" },
		{ true, { true, false, true, true }, ANNUAL_QUARTERS_OPEN, ANNUAL_YEAR_FROZEN,
		  "2026Q2" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf a = STRBUF_INIT, b = STRBUF_INIT;
		assert_int_equal(annual_quarters_check(2026, t[i].q, &a), t[i].check);
		assert_int_equal(annual_freeze_allowed(2026, t[i].year_frozen, t[i].q, &b),
		                 t[i].freeze);
		assert_string_equal(sb_str(&a), t[i].open);
		/* a frozen year is refused before its quarters are looked at */
		assert_string_equal(sb_str(&b), t[i].year_frozen ? "" : t[i].open);
		sb_free(&a);
		sb_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_combine),
		cmocka_unit_test(test_combine_thresholds),
		cmocka_unit_test(test_rule_words),
		cmocka_unit_test(test_year_parse),
		cmocka_unit_test(test_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
