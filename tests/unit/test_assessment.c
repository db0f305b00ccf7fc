/* The quarterly assessment: quarter codes and their dates, scores, one-decimal means
 * computed from whole scores and the tiers at their boundaries (the tier follows the
 * mean as shown), units without ratings, the freeze, and rating rows from a
 * spreadsheet with the real unit table. */
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
#include "model/assessment.h"
#include "model/unit.h"
#include "policy/policy.h"
#include "testcal.h"

static unit_table units;

static qdate day(const char *s)
{
	return testcal_day(s);
}

static int setup(void **state)
{
	(void)state;
	char *path = paths_data_file("units.tsv");
	strbuf err = STRBUF_INIT;
	int rc = policy_units_load(&units, path, &err);
	if (rc < 0)
		fprintf(stderr, "%s\n", sb_str(&err));
	sb_free(&err);
	free(path);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	units_free(&units);
	return 0;
}

static void assert_contains(const char *s, const char *part)
{
	if (!strstr(s, part))
		fail_msg("\"%s\" does not contain \"%s\"", s, part);
}

/* ---- quarters ------------------------------------------------------------------ */

static void test_quarter_parse(void **state)
{
	(void)state;
	static const struct { const char *s; bool ok; int year, q; } t[] = {
		{ "2026Q4", true, 2026, 4 },
		{ "2026Q1", true, 2026, 1 },
		{ "2027q2", true, 2027, 2 },
		{ "1900Q3", true, 1900, 3 },
		{ "9999Q4", true, 9999, 4 },
		{ "2026Q0", false, 0, 0 },
		{ "2026Q5", false, 0, 0 },
		{ "2026Q", false, 0, 0 },
		{ "2026Q44", false, 0, 0 },
		{ "2026Q4 ", false, 0, 0 },
		{ " 2026Q4", false, 0, 0 },
		{ "2026 Q4", false, 0, 0 },
		{ "2026-Q4", false, 0, 0 },
		{ "26Q4", false, 0, 0 },
		{ "1899Q4", false, 0, 0 },
		{ "2026S4", false, 0, 0 },
		{ "2026年第四季度", false, 0, 0 },
		{ "", false, 0, 0 },
		{ NULL, false, 0, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_quarter q = { -1, -1 };
		bool ok = assessment_quarter_parse(t[i].s, &q);
		if (ok != t[i].ok)
			fail_msg("\"%s\": got %d", t[i].s ? t[i].s : "(null)", ok);
		if (ok) {
			char buf[ASSESS_QUARTER_SIZE];
			assert_int_equal(q.year, t[i].year);
			assert_int_equal(q.q, t[i].q);
			/* the code written back is the canonical upper-case one */
			char want[ASSESS_QUARTER_SIZE];
			snprintf(want, sizeof want, "%dQ%d", t[i].year, t[i].q);
			assert_string_equal(assessment_quarter_format(q, buf), want);
		} else {
			assert_int_equal(q.year, -1);
		}
	}
}

static void test_quarter_range(void **state)
{
	(void)state;
	static const struct { const char *q, *first, *last; } t[] = {
		{ "2026Q1", "2026-01-01", "2026-03-31" },
		{ "2026Q2", "2026-04-01", "2026-06-30" },
		{ "2026Q3", "2026-07-01", "2026-09-30" },
		{ "2026Q4", "2026-10-01", "2026-12-31" },
		{ "2024Q1", "2024-01-01", "2024-03-31" },
		{ "2000Q4", "2000-10-01", "2000-12-31" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_quarter q;
		assert_true(assessment_quarter_parse(t[i].q, &q));
		qdate first, last;
		assessment_quarter_range(q, &first, &last);
		assert_int_equal(first, day(t[i].first));
		assert_int_equal(last, day(t[i].last));
		/* every day of the range lies in the quarter, the days beside it do not */
		assert_int_equal(assessment_quarter_cmp(assessment_quarter_of(first), q), 0);
		assert_int_equal(assessment_quarter_cmp(assessment_quarter_of(last), q), 0);
		assert_true(assessment_quarter_cmp(assessment_quarter_of(first - 1), q) < 0);
		assert_true(assessment_quarter_cmp(assessment_quarter_of(last + 1), q) > 0);
	}
	qdate only;
	assessment_quarter q4 = { 2026, 4 };
	assessment_quarter_range(q4, NULL, &only);
	assert_int_equal(only, day("2026-12-31"));
	assessment_quarter y25 = { 2025, 4 }, y26 = { 2026, 1 };
	assert_true(assessment_quarter_cmp(y25, y26) < 0);
	assert_true(assessment_quarter_cmp(y26, y25) > 0);
}

/* ---- scores, means, tiers -------------------------------------------------------- */

static void test_score_parse(void **state)
{
	(void)state;
	static const struct { const char *s; int rc; int score; const char *msg; } t[] = {
		{ "0", 0, 0, NULL },
		{ "100", 0, 100, NULL },
		{ "85", 0, 85, NULL },
		{ " 85\t", 0, 85, NULL },
		{ "\xe3\x80\x80" "90" "\xe3\x80\x80", 0, 90, NULL },  /* full-width spaces */
		{ "085", 0, 85, NULL },
		{ "101", -1, 0, "The score 101 is not from 0 to 100." },
		{ "999", -1, 0, "not from 0 to 100" },
		{ "0100", -1, 0, "is not a whole number" },
		{ "-1", -1, 0, "'-1' is not a whole number from 0 to 100." },
		{ "85.5", -1, 0, "is not a whole number" },
		{ "八十五", -1, 0, "is not a whole number" },
		{ "", -1, 0, "The score is missing." },
		{ "  ", -1, 0, "The score is missing." },
		{ NULL, -1, 0, "The score is missing." },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		int score = -7;
		int rc = assessment_score_parse(t[i].s, &score, &err);
		if (rc != t[i].rc)
			fail_msg("\"%s\": rc %d (%s)", t[i].s ? t[i].s : "(null)", rc, sb_str(&err));
		if (rc == 0) {
			assert_int_equal(score, t[i].score);
			assert_string_equal(sb_str(&err), "");
		} else {
			assert_int_equal(score, -7);
			assert_contains(sb_str(&err), t[i].msg);
		}
		sb_free(&err);
	}
	assert_true(assessment_score_valid(0));
	assert_true(assessment_score_valid(100));
	assert_false(assessment_score_valid(-1));
	assert_false(assessment_score_valid(101));
}

/* means in tenths, rounded half up, each worked out by hand */
static void test_mean(void **state)
{
	(void)state;
	static const struct { long sum; int count; int mean10; const char *shown; } t[] = {
		{ 799, 10, 799, "79.9" },
		{ 800, 10, 800, "80.0" },
		{ 899, 10, 899, "89.9" },
		{ 900, 10, 900, "90.0" },
		{ 1599, 20, 800, "80.0" },  /* 79.95 exactly: half up */
		{ 3997, 50, 799, "79.9" },  /* 79.94 */
		{ 1799, 20, 900, "90.0" },  /* 89.95 */
		{ 4497, 50, 899, "89.9" },  /* 89.94 */
		{ 2, 3, 7, "0.7" },         /* 0.666… */
		{ 1, 3, 3, "0.3" },         /* 0.333… */
		{ 1, 20, 1, "0.1" },        /* 0.05: half up */
		{ 5, 2, 25, "2.5" },
		{ 100, 1, 1000, "100.0" },
		{ 0, 4, 0, "0.0" },
		{ 0, 0, 0, "0.0" },         /* no ratings: no mean (the tier says so) */
		{ 100000L * 100, 100000, 1000, "100.0" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char buf[ASSESS_MEAN_SIZE];
		int m = assessment_mean10(t[i].sum, t[i].count);
		if (m != t[i].mean10)
			fail_msg("%ld/%d: mean10 %d, want %d", t[i].sum, t[i].count, m, t[i].mean10);
		assert_string_equal(assessment_mean_format(m, buf), t[i].shown);
	}
}

static int sum_of(const int *v, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* Tiers at 79.9 / 80 / 89.9 / 90 with means computed from whole scores. Decision:
 * the tier follows the mean as shown, so 79.95 (shown 80.0) is tier 2, not 3. */
static void test_tier_boundaries(void **state)
{
	(void)state;
	const assessment_tiers def = assessment_tiers_default();
	assert_int_equal(def.tier1_min, 90);
	assert_int_equal(def.tier2_min, 80);

	/* ten scores: nine 80s and one 79 make 799 / 10 = 79.9 */
	static const int s799[] = { 80, 80, 80, 80, 80, 80, 80, 80, 80, 79 };
	static const int s800[] = { 80, 80, 80, 80, 80, 80, 80, 80, 80, 80 };
	static const int s899[] = { 90, 90, 90, 90, 90, 90, 90, 90, 90, 89 };
	static const int s900[] = { 100, 80 };                  /* 90.0 */
	static const int s795[] = { 80, 79 };                   /* 79.5: tier 3 */
	static const int s895[] = { 90, 89 };                   /* 89.5: tier 2 */
	static int s7995[20], s7994[50], s8995[20];
	for (int i = 0; i < 20; i++)
		s7995[i] = i == 0 ? 79 : 80;                    /* 1599 / 20 = 79.95 */
	for (int i = 0; i < 50; i++)
		s7994[i] = i < 3 ? 79 : 80;                     /* 3997 / 50 = 79.94 */
	for (int i = 0; i < 20; i++)
		s8995[i] = i == 0 ? 89 : 90;                    /* 1799 / 20 = 89.95 */
	static const int s100[] = { 100 };
	static const int s0[] = { 0, 0, 0 };
	const struct { const int *v; int n; const char *shown; int tier; } t[] = {
		{ s799, 10, "79.9", 3 },
		{ s800, 10, "80.0", 2 },
		{ s899, 10, "89.9", 2 },
		{ s900, 2, "90.0", 1 },
		{ s795, 2, "79.5", 3 },
		{ s895, 2, "89.5", 2 },
		{ s7995, 20, "80.0", 2 },
		{ s7994, 50, "79.9", 3 },
		{ s8995, 20, "90.0", 1 },
		{ s100, 1, "100.0", 1 },
		{ s0, 3, "0.0", 3 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_unit u;
		char buf[ASSESS_MEAN_SIZE];
		assessment_unit_stats("区科经局", sum_of(t[i].v, t[i].n), t[i].n, &def, &u);
		assert_int_equal(u.count, t[i].n);
		assert_string_equal(assessment_mean_format(u.mean10, buf), t[i].shown);
		if (u.tier != t[i].tier)
			fail_msg("mean %s: tier %d, want %d", t[i].shown, u.tier, t[i].tier);
	}
}

static void test_tier_thresholds(void **state)
{
	(void)state;
	static const assessment_tiers strict = { 95, 85 }, flat = { 60, 60 };
	static const struct { int mean10, count; const assessment_tiers *t; int tier; } t[] = {
		{ 950, 5, &strict, 1 }, { 949, 5, &strict, 2 }, { 850, 5, &strict, 2 },
		{ 849, 5, &strict, 3 }, { 600, 1, &flat, 1 }, { 599, 1, &flat, 3 },
		{ 1000, 0, &strict, 0 }, { 0, 0, &flat, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(assessment_tier(t[i].mean10, t[i].count, t[i].t), t[i].tier);
	assert_string_equal(assessment_tier_label(0), "no ratings");
	assert_string_equal(assessment_tier_label(1), "tier 1");
	assert_string_equal(assessment_tier_label(3), "tier 3");
	assert_string_equal(assessment_tier_label(4), "?");
	assert_string_equal(assessment_tier_label(-1), "?");
}

/* per unit, in the order of the unit list; by hand:
 * 区科经局 92 + 88 + 95 = 275 / 3 = 91.67 -> 91.7, tier 1
 * 区投促局 80 + 79 = 159 / 2 = 79.5, tier 3
 * 昌东镇   no ratings: count 0, no tier
 * 区建管局 85, tier 2
 * one rating names 区外单位, which is not in the list */
static void test_aggregate(void **state)
{
	(void)state;
	static const assessment_rating rows[] = {
		{ "区科经局", 92 }, { "区投促局", 80 }, { "区外单位", 100 }, { "区科经局", 88 },
		{ "区建管局", 85 }, { "区投促局", 79 }, { "区科经局", 95 }, { NULL, 50 },
	};
	static const char *const list[] = { "区科经局", "区投促局", "昌东镇", "区建管局" };
	static const struct { int count; long sum; const char *mean; int tier; } want[] = {
		{ 3, 275, "91.7", 1 }, { 2, 159, "79.5", 3 }, { 0, 0, "0.0", 0 }, { 1, 85, "85.0", 2 },
	};
	const assessment_tiers def = assessment_tiers_default();
	assessment_unit out[4];
	assert_int_equal(assessment_aggregate(rows, 8, list, 4, &def, out), 2);
	for (int i = 0; i < 4; i++) {
		char buf[ASSESS_MEAN_SIZE];
		assert_ptr_equal(out[i].unit, list[i]);
		assert_int_equal(out[i].count, want[i].count);
		assert_int_equal(out[i].sum, want[i].sum);
		assert_string_equal(assessment_mean_format(out[i].mean10, buf), want[i].mean);
		assert_int_equal(out[i].tier, want[i].tier);
	}
	/* no ratings at all: every unit listed, none with a tier */
	assert_int_equal(assessment_aggregate(NULL, 0, list, 4, &def, out), 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(out[i].count, 0);
		assert_int_equal(out[i].tier, 0);
	}
	/* an empty unit list counts every rating as unknown */
	assert_int_equal(assessment_aggregate(rows, 8, NULL, 0, &def, NULL), 8);
}

/* ---- freeze ---------------------------------------------------------------------- */

static void test_freeze(void **state)
{
	(void)state;
	const qdate today = day("2026-12-01");
	static const struct {
		const char *q;
		bool frozen;
		const char *rate_msg;            /* NULL: a rating may be added */
		const char *freeze_msg;          /* NULL: the quarter may be frozen */
	} t[] = {
		{ "2026Q4", false, NULL, NULL },
		{ "2026Q3", false, NULL, NULL },
		{ "2025Q1", false, NULL, NULL },
		{ "2026Q4", true, "Quarter 2026Q4 is frozen: its ratings are final and no rating "
			"may be added.", "Quarter 2026Q4 is already frozen." },
		{ "2026Q3", true, "is frozen", "already frozen" },
		{ "2027Q1", false, "Quarter 2027Q1 has not begun (it starts on 2027-01-01)",
			"Quarter 2027Q1 has not begun (it starts on 2027-01-01); there is nothing to "
			"freeze." },
		/* frozen and in the future cannot happen; the freeze is named first */
		{ "2027Q1", true, "is frozen", "already frozen" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_quarter q;
		assert_true(assessment_quarter_parse(t[i].q, &q));
		strbuf err = STRBUF_INIT;
		int rc = assessment_rating_allowed(q, t[i].frozen, today, &err);
		assert_int_equal(rc, t[i].rate_msg ? -1 : 0);
		if (t[i].rate_msg)
			assert_contains(sb_str(&err), t[i].rate_msg);
		sb_reset(&err);
		rc = assessment_freeze_allowed(q, t[i].frozen, today, &err);
		assert_int_equal(rc, t[i].freeze_msg ? -1 : 0);
		if (t[i].freeze_msg)
			assert_contains(sb_str(&err), t[i].freeze_msg);
		else
			assert_string_equal(sb_str(&err), "");
		sb_free(&err);
	}
	/* the first day of a quarter belongs to it */
	assessment_quarter q1 = { 2027, 1 };
	strbuf err = STRBUF_INIT;
	assert_int_equal(assessment_rating_allowed(q1, false, day("2027-01-01"), &err), 0);
	assert_int_equal(assessment_rating_allowed(q1, false, day("2026-12-31"), &err), -1);
	sb_free(&err);
}

/* ---- who may be rated: the units that serve the enterprise ------------------------ */

static void test_served(void **state)
{
	(void)state;
	static const char *const handled[] = { "区建管局", "区科经局" };
	static const struct {
		const char *lead, *coop;
		int nappeal;                     /* of handled[] */
		const char *unit;
		assessment_tie tie;
		const char *msg;                 /* part of the refusal */
	} t[] = {
		{ "区科经局", "区投促局", 0, "区科经局", ASSESS_TIE_LEAD, NULL },
		{ "区科经局", "区投促局", 0, "区投促局", ASSESS_TIE_COOP, NULL },
		{ "区投促局", "区科经局|区党政办", 0, "区党政办", ASSESS_TIE_COOP, NULL },
		/* a prefix of a cooperating unit is not that unit */
		{ "区投促局", "区科经局|区党政办", 0, "区党政", ASSESS_TIE_NONE,
			"the enterprise rates 区投促局、区科经局、区党政办." },
		{ "区科经局", "区投促局", 1, "区建管局", ASSESS_TIE_APPEAL, NULL },
		{ "区科经局", "", 2, "区科经局", ASSESS_TIE_LEAD, NULL },
		{ "区科经局", "区投促局", 0, "区建管局", ASSESS_TIE_NONE,
			"区建管局 does not serve 甲公司: it is neither its lead unit nor a cooperating "
			"unit, and handled none of its appeals in 2026Q4; the enterprise rates "
			"区科经局、区投促局." },
		/* the appeal units are named once, after lead and cooperating units */
		{ "区科经局", "", 2, "区社发局", ASSESS_TIE_NONE,
			"the enterprise rates 区科经局、区建管局." },
		{ "", "", 0, "区社发局", ASSESS_TIE_NONE, "the enterprise has no unit to rate." },
		{ NULL, NULL, 1, "区建管局", ASSESS_TIE_APPEAL, NULL },
	};
	assessment_quarter q = { 2026, 4 };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_served_by s = { "甲公司", t[i].lead, t[i].coop, handled, t[i].nappeal };
		strbuf err = STRBUF_INIT;
		assert_int_equal(assessment_served(&s, t[i].unit, q, &err), t[i].tie);
		if (t[i].msg)
			assert_contains(sb_str(&err), t[i].msg);
		else
			assert_string_equal(sb_str(&err), "");
		sb_free(&err);
	}
}

/* ---- import rows ----------------------------------------------------------------- */

static void test_import_header(void **state)
{
	(void)state;
	static const struct {
		const char *h[7];
		int n;
		int rc;
		int col[ASSESS_F__COUNT];        /* uscc unit quarter score comment */
		const char *msg;                 /* err on failure, ignored columns on success */
	} t[] = {
		{ { "企业统一社会信用代码", "单位", "季度", "得分", "意见" }, 5, 0,
			{ 0, 1, 2, 3, 4 }, "" },
		{ { "得分", " 单位 ", "USCC", "季度" }, 4, 0, { 2, 1, 3, 0, -1 }, "" },
		{ { "uscc", "单位", "季度", "得分", "企业名称", "备注" }, 6, 0, { 0, 1, 2, 3, -1 },
			"企业名称、备注" },
		{ { "统一社会信用代码", "单位", "季度", "得分" }, 4, 0, { 0, 1, 2, 3, -1 }, "" },
		{ { "\xe3\x80\x80" "意见", "单位", "季度", "得分", "USCC" }, 5, 0, { 4, 1, 2, 3, 0 },
			"" },
		{ { "企业统一社会信用代码", "单位", "季度" }, 3, -1, { 0 },
			"Required columns are missing: 得分" },
		{ { "意见" }, 1, -1, { 0 },
			"Required columns are missing: 企业统一社会信用代码、单位、季度、得分" },
		{ { "USCC", "单位", "季度", "得分", "统一社会信用代码" }, 5, -1, { 0 },
			"The column 统一社会信用代码 appears twice (columns 1 and 5)." },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_import_map m;
		strbuf err = STRBUF_INIT, ignored = STRBUF_INIT;
		int rc = assessment_import_header(&m, t[i].h, t[i].n, &err, &ignored);
		if (rc != t[i].rc)
			fail_msg("header %zu: rc %d (%s)", i, rc, sb_str(&err));
		if (rc == 0) {
			assert_int_equal(m.ncols, t[i].n);
			for (int f = 0; f < ASSESS_F__COUNT; f++)
				assert_int_equal(m.col[f], t[i].col[f]);
			assert_string_equal(sb_str(&ignored), t[i].msg);
		} else {
			assert_string_equal(sb_str(&err), t[i].msg);
		}
		sb_free(&err);
		sb_free(&ignored);
	}
	assert_string_equal(assessment_field_header(ASSESS_F_SCORE), "得分");
	assert_string_equal(assessment_field_header(ASSESS_F_USCC), "企业统一社会信用代码");
	assert_null(assessment_field_header(ASSESS_F_NONE));
}

static void test_import_row(void **state)
{
	(void)state;
	static const char *const header[] = { "USCC", "单位", "季度", "得分", "意见" };
	assessment_import_map m;
	strbuf err = STRBUF_INIT;
	assert_int_equal(assessment_import_header(&m, header, 5, &err, NULL), 0);
	static const struct {
		const char *f[6];
		int n;
		const char *uscc, *unit;         /* expected when valid */
		int year, q, score;
		const char *comment;
		assessment_field bad;            /* ASSESS_F__COUNT: valid */
		const char *msg;
	} t[] = {
		{ { "914403001922038216", "区科经局", "2026Q4", "92", "服务周到" }, 5,
			"914403001922038216", "区科经局", 2026, 4, 92, "服务周到", ASSESS_F__COUNT, NULL },
		/* typed codes are normalised; cells are trimmed; the comment may be empty */
		{ { " 9144 0300 7084 6113 6t ", "　昌东镇　", "2026q3", " 100 ", "" }, 5,
			"91440300708461136T", "昌东镇", 2026, 3, 100, "", ASSESS_F__COUNT, NULL },
		/* a code failing only its check character may be in the register by override */
		{ { "914403001922038217", "区投促局", "2026Q4", "0", "差" }, 5,
			"914403001922038217", "区投促局", 2026, 4, 0, "差", ASSESS_F__COUNT, NULL },
		{ { "", "区科经局", "2026Q4", "90", "" }, 5, NULL, NULL, 0, 0, 0, NULL, ASSESS_F_USCC,
			"The unified social credit code is missing." },
		{ { "91440300I922038216", "区科经局", "2026Q4", "90", "" }, 5, NULL, NULL, 0, 0, 0,
			NULL, ASSESS_F_USCC, "91440300I922038216: " },
		{ { "9144030019220382", "区科经局", "2026Q4", "90", "" }, 5, NULL, NULL, 0, 0, 0,
			NULL, ASSESS_F_USCC, "9144030019220382: " },
		{ { "914403001922038216", "", "2026Q4", "90", "" }, 5, NULL, NULL, 0, 0, 0, NULL,
			ASSESS_F_UNIT, "The unit is missing." },
		{ { "914403001922038216", "科经局", "2026Q4", "90", "" }, 5, NULL, NULL, 0, 0, 0,
			NULL, ASSESS_F_UNIT, "Unknown unit 科经局; the units are: 区科经局" },
		{ { "914403001922038216", "区科经局", "2026 Q4", "90", "" }, 5, NULL, NULL, 0, 0, 0,
			NULL, ASSESS_F_QUARTER, "'2026 Q4' is not a quarter like 2026Q4." },
		{ { "914403001922038216", "区科经局", "", "90", "" }, 5, NULL, NULL, 0, 0, 0, NULL,
			ASSESS_F_QUARTER, "'' is not a quarter like 2026Q4." },
		{ { "914403001922038216", "区科经局", "2026Q4", "90.5", "" }, 5, NULL, NULL, 0, 0, 0,
			NULL, ASSESS_F_SCORE, "'90.5' is not a whole number from 0 to 100." },
		{ { "914403001922038216", "区科经局", "2026Q4", "120", "" }, 5, NULL, NULL, 0, 0, 0,
			NULL, ASSESS_F_SCORE, "The score 120 is not from 0 to 100." },
		{ { "914403001922038216", "区科经局", "2026Q4", "" }, 4, NULL, NULL, 0, 0, 0, NULL,
			ASSESS_F_NONE, "The row has 4 fields but the header has 5." },
		{ { "914403001922038216", "区科经局", "2026Q4", "90", "", "" }, 6, NULL, NULL, 0, 0,
			0, NULL, ASSESS_F_NONE, "The row has 6 fields but the header has 5." },
	};
	assessment_row r = { 0 };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		assessment_field bad = ASSESS_F__COUNT;
		sb_reset(&err);
		int rc = assessment_import_row(&m, t[i].f, t[i].n, &units, &r, &bad, &err);
		bool valid = t[i].bad == ASSESS_F__COUNT;
		if (rc != (valid ? 0 : -1))
			fail_msg("row %zu: rc %d (%s)", i, rc, sb_str(&err));
		if (valid) {
			assert_int_equal(bad, ASSESS_F_NONE);
			assert_string_equal(r.uscc, t[i].uscc);
			assert_string_equal(r.unit, t[i].unit);
			assert_int_equal(r.quarter.year, t[i].year);
			assert_int_equal(r.quarter.q, t[i].q);
			assert_int_equal(r.score, t[i].score);
			assert_string_equal(r.comment, t[i].comment);
		} else {
			assert_int_equal(bad, t[i].bad);
			assert_contains(sb_str(&err), t[i].msg);
			/* a refused row leaves nothing behind */
			assert_null(r.uscc);
			assert_null(r.unit);
			assert_null(r.comment);
		}
	}
	/* without a unit table any unit name passes here; the store decides */
	const char *const row[] = { "914403001922038216", "科经局", "2026Q4", "90", "" };
	assessment_field bad;
	assert_int_equal(assessment_import_row(&m, row, 5, NULL, &r, &bad, &err), 0);
	assert_string_equal(r.unit, "科经局");
	assessment_row_clear(&r);
	assert_null(r.unit);
	sb_free(&err);
}

static void test_import_comment_limit(void **state)
{
	(void)state;
	static const char *const header[] = { "USCC", "单位", "季度", "得分", "意见" };
	assessment_import_map m;
	strbuf err = STRBUF_INIT;
	assert_int_equal(assessment_import_header(&m, header, 5, &err, NULL), 0);
	static char comment[3 * ASSESS_COMMENT_MAX + 4];
	comment[0] = '\0';
	for (int i = 0; i < ASSESS_COMMENT_MAX; i++)
		strcat(comment, "好");
	const char *row[] = { "914403001922038216", "区科经局", "2026Q4", "90", comment };
	assessment_row r = { 0 };
	assessment_field bad;
	assert_int_equal(assessment_import_row(&m, row, 5, &units, &r, &bad, &err), 0);
	strcat(comment, "好");
	assert_int_equal(assessment_import_row(&m, row, 5, &units, &r, &bad, &err), -1);
	assert_int_equal(bad, ASSESS_F_COMMENT);
	assert_contains(sb_str(&err), "The comment is longer than 500 characters.");
	assessment_row_clear(&r);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quarter_parse),
		cmocka_unit_test(test_quarter_range),
		cmocka_unit_test(test_score_parse),
		cmocka_unit_test(test_mean),
		cmocka_unit_test(test_tier_boundaries),
		cmocka_unit_test(test_tier_thresholds),
		cmocka_unit_test(test_aggregate),
		cmocka_unit_test(test_freeze),
		cmocka_unit_test(test_served),
		cmocka_unit_test(test_import_header),
		cmocka_unit_test(test_import_row),
		cmocka_unit_test(test_import_comment_limit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
