/* Inspection rules: the reason table as shipped, the verdict for every reason ×
 * quiet/open day × filing margin × override request against a simple-minded oracle,
 * hand-worked edge dates across the 2026 holidays, plan codes and their check
 * character, first violations, frequency and joint-inspection helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/paths.h"
#include "core/xalloc.h"
#include "model/inspection_reason.h"
#include "model/inspection.h"
#include "policy/policy.h"
#include "testcal.h"

static const inspection_params defaults = { 1, 23, 7, 10 };
static calendar *cal;
static inspection_reason_table *reasons;

static const inspection_reason *R(const char *code)
{
	const inspection_reason *r = inspection_reason_find(reasons, code);
	if (!r)
		fail_msg("reason %s missing from data/inspect_reasons.tsv", code);
	return r;
}

static int setup(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *dir = paths_data_file("holidays");
	char *file = paths_data_file("inspect_reasons.tsv");
	cal = policy_calendar_load(dir, &err);
	reasons = policy_reasons_load(file, &err);
	if (!cal || !reasons)
		fprintf(stderr, "setup: %s\n", sb_str(&err));
	xfree(&dir);
	xfree(&file);
	sb_free(&err);
	return cal && reasons ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	inspection_reason_table_free(&reasons);
	return 0;
}

/* ---- the reason table ---- */

static void test_reason_table_as_shipped(void **state)
{
	(void)state;
	/* DOMAIN §4's table, restated here so a slip in the data file shows up */
	static const struct { const char *code, *name; bool quiet, filing, after; } want[] = {
		{ "general", "一般性检查", false, false, false },
		{ "safety", "安全生产", true, true, false },
		{ "food_drug", "食药安全", true, false, false },
		{ "environment", "环境保护", true, false, false },
		{ "emergency", "突发事件", true, true, true },
		{ "complaint", "投诉举报", true, true, false },
		{ "case", "案件查处", true, false, false },
		{ "higher_order", "上级部署", true, false, false },
		{ "assigned", "转办交办", false, true, false },
		{ "data_monitoring", "数据监测", false, true, false },
		{ "unannounced", "突击检查", false, true, false },
	};
	size_t n = sizeof want / sizeof want[0];
	assert_int_equal(reasons->n, n);
	for (size_t i = 0; i < n; i++) {
		const inspection_reason *r = &reasons->v[i];
		assert_string_equal(r->code, want[i].code);
		assert_string_equal(r->name, want[i].name);
		assert_int_equal(r->quiet_exempt, want[i].quiet);
		assert_int_equal(r->filing_exempt, want[i].filing);
		assert_int_equal(r->after_fact, want[i].after);
		assert_ptr_equal(inspection_reason_find(reasons, want[i].code), r);
	}
	assert_null(inspection_reason_find(reasons, "General"));
	assert_null(inspection_reason_find(reasons, ""));
}

/* The loader on text written to a temporary file; NULL or the table, err filled. */
static inspection_reason_table *load_text(const char *text, strbuf *err)
{
	char path[] = "/tmp/qifu-reasons-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	inspection_reason_table *t = policy_reasons_load(path, err);
	unlink(path);
	return t;
}

static void test_reason_table_errors(void **state)
{
	(void)state;
	static const struct { const char *text, *msg; } t[] = {
		{ "# only a comment\n\n", ": no inspection reasons defined" },
		{ "", ": no inspection reasons defined" },
		{ "general\t一般性检查\tno\n", ":1: expected 4 fields" },
		{ "# c\ngeneral\t一般性检查\tno\tno\textra\n", ":2: expected 4 fields" },
		{ "general 一般性检查 no no\n", ":1: expected 4 fields" },
		{ "a\tA\tyes\tno\n\nb\tB\tYes\tno\n", ":3: unknown flag 'Yes' for reason 'b'" },
		{ "a\tA\tyes\tmaybe\n", ":1: unknown flag 'maybe' for reason 'a'" },
		{ "a\tA\tyes\t\n", ":1: unknown flag '' for reason 'a'" },
		{ "a\tA\tno\tno\nb\tB\tno\tno\na\tC\tyes\tyes\n", ":3: duplicate reason code 'a' (first on line 1)" },
		{ "General\tA\tno\tno\n", ":1: reason code 'General'" },
		{ "\tA\tno\tno\n", ":1: reason code ''" },
		{ "a\t\tno\tno\n", ":1: the name of reason 'a' is empty" },
		{ "a\tA\x1b[31m\tno\tno\n", ":1: the name of reason 'a' is empty or holds control characters" },
		{ "a\t\xff\xfe\tno\tno\n", ":1: not valid UTF-8" },
		{ "ok\t好\tno\tno\r\nbad\t坏\tno\tnope\r\n", ":2: unknown flag 'nope'" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		assert_null(load_text(t[i].text, &err));
		if (!strstr(sb_str(&err), t[i].msg))
			fail_msg("row %zu: got \"%s\", want \"%s\"", i, sb_str(&err), t[i].msg);
		sb_free(&err);
	}
}

static void test_reason_table_tolerates(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	/* a BOM and CRLF from a Windows editor, comments, blank lines, no final newline */
	inspection_reason_table *t = load_text(
		"\xEF\xBB\xBF# head\r\n\r\nemergency\t突发\tyes\tno\r\nx_1\t某 理由\tno\tyes", &err);
	assert_non_null(t);
	assert_string_equal(sb_str(&err), "");
	assert_int_equal(t->n, 2);
	assert_string_equal(t->v[0].name, "突发");
	assert_true(t->v[0].after_fact);
	assert_false(t->v[0].filing_exempt);
	assert_string_equal(t->v[1].code, "x_1");
	assert_string_equal(t->v[1].name, "某 理由");
	assert_false(t->v[1].quiet_exempt);
	assert_true(t->v[1].filing_exempt);
	assert_false(t->v[1].after_fact);
	inspection_reason_table_free(&t);
	assert_null(t);

	assert_null(policy_reasons_load("/nonexistent/reasons.tsv", &err));
	assert_non_null(strstr(sb_str(&err), "/nonexistent/reasons.tsv: "));
	sb_free(&err);
}

/* ---- the verdict matrix ---- */

/* The dates of one matrix column, worked out by hand from the 2026 calendar. */
typedef struct matrix_case {
	const char *date, *registered;
	const char *filing_from;   /* 7th working day after registration */
	bool quiet;                /* date within days 1–23 */
	bool margin_met;           /* date on or after filing_from */
} matrix_case;

static const matrix_case matrix[] = {
	{ "2026-03-16", "2026-03-02", "2026-03-11", true, true },
	{ "2026-03-05", "2026-03-02", "2026-03-11", true, false },
	{ "2026-03-24", "2026-03-02", "2026-03-11", false, true },
	{ "2026-03-25", "2026-03-20", "2026-03-31", false, false },
};

/* The oracle reads DOMAIN §4 literally from the data flags and never calls the code
 * under test: allowed = (open day or quiet-exempt) and (filing-exempt or margin met). */
static bool oracle_day_ok(const inspection_reason *r, qdate d, qdate filing_from)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	return (day > 23 || r->quiet_exempt) && (r->filing_exempt || d >= filing_from);
}

static qdate oracle_earliest(const inspection_reason *r, qdate from, qdate filing_from)
{
	for (qdate d = from; d < from + 400; d++)
		if (oracle_day_ok(r, d, filing_from))
			return d;
	return DATE_NONE;
}

typedef enum ask { ASK_NONE, ASK_SUPERVISOR, ASK_OTHER } ask;

static void test_verdict_matrix(void **state)
{
	(void)state;
	int rows = 0;
	for (size_t ri = 0; ri < reasons->n; ri++) {
		const inspection_reason *r = &reasons->v[ri];
		for (size_t ci = 0; ci < sizeof matrix / sizeof matrix[0]; ci++) {
			const matrix_case *c = &matrix[ci];
			bool quiet_fails = c->quiet && !r->quiet_exempt;
			bool filing_fails = !c->margin_met && !r->filing_exempt;
			bool allowed = !quiet_fails && !filing_fails;
			unsigned mask = (quiet_fails ? 1u << INSPECTION_QUIET_DAY : 0) |
					(filing_fails ? 1u << INSPECTION_FILING_MARGIN : 0);
			qdate earliest = allowed ? DATE_NONE
			                         : oracle_earliest(r, testcal_day(c->date),
			                                           testcal_day(c->filing_from));
			for (int role = 0; role < ROLE__COUNT; role++) {
				for (int asked = 0; asked < 2; asked++) {
					ask a = !asked ? ASK_NONE : role == ROLE_SUPERVISOR ? ASK_SUPERVISOR : ASK_OTHER;
					inspection_request rq = {
						.date = testcal_day(c->date), .reason = r,
						.registered = testcal_day(c->registered),
						.role = (role_t)role,
						.override_reason = asked ? "区应急局书面通知要求当日检查" : NULL,
					};
					inspection_verdict v = inspection_decide(&rq, cal, &defaults);
					rows++;

					inspection_outcome want = allowed ? INSPECTION_ALLOWED
						: a == ASK_SUPERVISOR ? INSPECTION_ALLOWED_BY_OVERRIDE : INSPECTION_REFUSED;
					inspection_override want_ov = a == ASK_NONE ? INSPECTION_OVERRIDE_NONE
						: allowed ? INSPECTION_OVERRIDE_NOT_NEEDED
						: a == ASK_SUPERVISOR ? INSPECTION_OVERRIDE_APPLIED : INSPECTION_OVERRIDE_DENIED;
					if (v.outcome != want || v.override != want_ov || v.refused != mask)
						fail_msg("%s on %s (registered %s), role %d, override %d: outcome %d/%d override %d/%d mask %u/%u",
							 r->code, c->date, c->registered, role, asked,
							 v.outcome, want, v.override, want_ov, v.refused, mask);
					if (!allowed)
						assert_int_equal(v.rule, quiet_fails ? INSPECTION_QUIET_DAY : INSPECTION_FILING_MARGIN);
					assert_int_equal(v.earliest, earliest);
					if (want_ov == INSPECTION_OVERRIDE_DENIED)
						assert_string_equal(v.override_denied, "only a supervisor may override a refused inspection");
					else
						assert_null(v.override_denied);
					assert_int_equal(v.filing_from,
					                 testcal_day(c->filing_from));
					assert_int_equal(v.exempt_would_allow, quiet_fails && !filing_fails);

					inspection_check q = !c->quiet ? INSPECTION_CHECK_PASSED
						: r->quiet_exempt ? INSPECTION_CHECK_EXEMPT : INSPECTION_CHECK_FAILED;
					inspection_check f = c->margin_met ? INSPECTION_CHECK_PASSED
						: r->filing_exempt ? INSPECTION_CHECK_EXEMPT : INSPECTION_CHECK_FAILED;
					assert_int_equal(v.checks[INSPECTION_QUIET_DAY], q);
					assert_int_equal(v.checks[INSPECTION_FILING_MARGIN], f);
					assert_int_equal(v.checks[INSPECTION_PAST_DATE],
							 r->after_fact ? INSPECTION_CHECK_NOT_APPLICABLE : INSPECTION_CHECK_PASSED);
					assert_int_equal(v.checks[INSPECTION_LATE_EMERGENCY],
							 r->after_fact ? INSPECTION_CHECK_PASSED : INSPECTION_CHECK_NOT_APPLICABLE);
				}
			}
		}
	}
	assert_int_equal(rows, 11 * 4 * ROLE__COUNT * 2);
}

/* ---- hand-worked edge dates ---- */

enum { P = 1u << INSPECTION_PAST_DATE, L = 1u << INSPECTION_LATE_EMERGENCY,
       Q = 1u << INSPECTION_QUIET_DAY, F = 1u << INSPECTION_FILING_MARGIN };

static const inspection_params narrow = { 5, 15, 3, 2 };
static const inspection_params whole_month = { 1, 31, 7, 10 };
static const inspection_params feb_closed = { 1, 28, 7, 10 };

static void test_verdict_edges(void **state)
{
	(void)state;
	static const struct {
		const char *reason, *registered, *date;
		const inspection_params *p;                      /* NULL: defaults 1/23/7/10 */
		unsigned refused;
		inspection_rule rule;
		const char *earliest;                            /* NULL: none */
		bool exempt_would_allow;
	} t[] = {
		/* the 23rd is the last quiet day, the 24th the first open one */
		{ "general", "2026-03-02", "2026-03-23", NULL, Q, INSPECTION_QUIET_DAY, "2026-03-24", true },
		{ "general", "2026-03-02", "2026-03-24", NULL, 0, 0, NULL, false },
		{ "general", "2026-03-02", "2026-03-01", NULL, P | Q | F, INSPECTION_PAST_DATE, "2026-03-24", false },
		{ "general", "2026-03-02", "2026-03-31", NULL, 0, 0, NULL, false },
		{ "general", "2026-04-01", "2026-04-30", NULL, 0, 0, NULL, false },
		/* National Day: registered Thu 09-24; 09-25..27 and 10-01..07 off, Sat 10-10 worked:
		 * 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 is the 7th working day */
		{ "food_drug", "2026-09-24", "2026-10-12", NULL, 0, 0, NULL, false },
		{ "food_drug", "2026-09-24", "2026-10-11", NULL, F, INSPECTION_FILING_MARGIN, "2026-10-12", false },
		{ "food_drug", "2026-09-24", "2026-10-10", NULL, F, INSPECTION_FILING_MARGIN, "2026-10-12", false },
		{ "general", "2026-09-24", "2026-09-28", NULL, F, INSPECTION_FILING_MARGIN, "2026-10-24", false },
		{ "general", "2026-09-24", "2026-10-12", NULL, Q, INSPECTION_QUIET_DAY, "2026-10-24", true },
		{ "general", "2026-09-24", "2026-10-05", NULL, Q | F, INSPECTION_QUIET_DAY, "2026-10-24", false },
		/* registered on the make-up Sunday 09-20: 21 22 23 24 28 29 30 */
		{ "general", "2026-09-20", "2026-09-30", NULL, 0, 0, NULL, false },
		{ "general", "2026-09-20", "2026-09-29", NULL, F, INSPECTION_FILING_MARGIN, "2026-09-30", false },
		/* Spring Festival: registered Tue 02-10; 11 12 13, Sat 14 worked, 15..23 off, 24 25 26 */
		{ "food_drug", "2026-02-10", "2026-02-26", NULL, 0, 0, NULL, false },
		{ "food_drug", "2026-02-10", "2026-02-25", NULL, F, INSPECTION_FILING_MARGIN, "2026-02-26", false },
		{ "general", "2026-02-10", "2026-02-25", NULL, F, INSPECTION_FILING_MARGIN, "2026-02-26", false },
		{ "general", "2026-02-10", "2026-02-26", NULL, 0, 0, NULL, false },
		{ "general", "2026-02-10", "2026-02-20", NULL, Q | F, INSPECTION_QUIET_DAY, "2026-02-26", false },
		/* registered on a holiday (02-16): 24 25 26 27, Sat 28 worked, 03-02, 03-03 */
		{ "food_drug", "2026-02-16", "2026-03-03", NULL, 0, 0, NULL, false },
		{ "food_drug", "2026-02-16", "2026-03-02", NULL, F, INSPECTION_FILING_MARGIN, "2026-03-03", false },
		{ "general", "2026-02-16", "2026-03-03", NULL, Q, INSPECTION_QUIET_DAY, "2026-03-24", true },
		/* filing-exempt reasons need no margin even inside the quiet window when exempt */
		{ "complaint", "2026-03-20", "2026-03-20", NULL, 0, 0, NULL, false },
		{ "assigned", "2026-03-20", "2026-03-20", NULL, Q, INSPECTION_QUIET_DAY, "2026-03-24", true },
		{ "assigned", "2026-03-20", "2026-03-24", NULL, 0, 0, NULL, false },
		/* an emergency registered 10 natural days after is allowed, 11 is not */
		{ "emergency", "2026-03-20", "2026-03-10", NULL, 0, 0, NULL, false },
		{ "emergency", "2026-03-20", "2026-03-09", NULL, L, INSPECTION_LATE_EMERGENCY, "2026-03-10", false },
		{ "emergency", "2026-10-08", "2026-09-28", NULL, 0, 0, NULL, false },
		{ "emergency", "2026-10-08", "2026-09-27", NULL, L, INSPECTION_LATE_EMERGENCY, "2026-09-28", false },
		{ "emergency", "2026-03-20", "2026-03-21", NULL, 0, 0, NULL, false },
		/* other reasons are never registered after the fact */
		{ "complaint", "2026-03-20", "2026-03-19", NULL, P, INSPECTION_PAST_DATE, "2026-03-20", false },
		{ "safety", "2026-03-20", "2026-03-10", NULL, P, INSPECTION_PAST_DATE, "2026-03-20", false },
		{ "general", "2026-03-20", "2026-03-10", NULL, P | Q | F, INSPECTION_PAST_DATE, "2026-03-31", false },
		/* January: registered Monday the 5th, filing margin met from the 14th */
		{ "general", "2026-01-05", "2026-01-20", NULL, Q, INSPECTION_QUIET_DAY, "2026-01-24", true },
		{ "emergency", "2026-01-20", "2026-01-05", NULL, L, INSPECTION_LATE_EMERGENCY, "2026-01-10", false },
		/* custom window days 5–15, 3 working days, 2 days late */
		{ "general", "2026-03-02", "2026-03-04", &narrow, F, INSPECTION_FILING_MARGIN, "2026-03-16", false },
		{ "general", "2026-03-02", "2026-03-05", &narrow, Q, INSPECTION_QUIET_DAY, "2026-03-16", true },
		{ "general", "2026-03-02", "2026-03-15", &narrow, Q, INSPECTION_QUIET_DAY, "2026-03-16", true },
		{ "general", "2026-03-02", "2026-03-16", &narrow, 0, 0, NULL, false },
		{ "general", "2026-03-05", "2026-03-31", &narrow, 0, 0, NULL, false },
		{ "general", "2026-03-27", "2026-04-01", &narrow, 0, 0, NULL, false },
		{ "general", "2026-03-27", "2026-03-31", &narrow, F, INSPECTION_FILING_MARGIN, "2026-04-01", false },
		{ "emergency", "2026-03-20", "2026-03-18", &narrow, 0, 0, NULL, false },
		{ "emergency", "2026-03-20", "2026-03-17", &narrow, L, INSPECTION_LATE_EMERGENCY, "2026-03-18", false },
		/* a window that never opens: only an exempt reason helps */
		{ "general", "2026-03-02", "2026-03-24", &whole_month, Q, INSPECTION_QUIET_DAY, NULL, true },
		{ "case", "2026-03-02", "2026-03-24", &whole_month, 0, 0, NULL, false },
		/* days 1–28: February 2026 has no open day at all */
		{ "general", "2026-02-02", "2026-02-20", &feb_closed, Q, INSPECTION_QUIET_DAY, "2026-03-29", true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		inspection_request rq = {
			.date = testcal_day(t[i].date), .reason = R(t[i].reason),
			.registered = testcal_day(t[i].registered),
			.role = ROLE_UNIT_STAFF,
		};
		inspection_verdict v = inspection_decide(&rq, cal, t[i].p ? t[i].p : &defaults);
		qdate want = testcal_day_opt(t[i].earliest);
		char got[11] = "none";
		if (v.earliest != DATE_NONE)
			date_format(v.earliest, got);
		if (v.refused != t[i].refused || v.earliest != want ||
		    v.exempt_would_allow != t[i].exempt_would_allow ||
		    (t[i].refused && v.rule != t[i].rule))
			fail_msg("row %zu (%s %s reg %s): mask %u want %u, rule %d want %d, earliest %s want %s, exempt %d",
				 i, t[i].reason, t[i].date, t[i].registered, v.refused, t[i].refused,
				 v.rule, t[i].rule, got, t[i].earliest ? t[i].earliest : "none", v.exempt_would_allow);
		assert_int_equal(v.outcome, t[i].refused ? INSPECTION_REFUSED : INSPECTION_ALLOWED);
		assert_int_equal(v.override, INSPECTION_OVERRIDE_NONE);
	}
}

static void test_filing_and_late_dates(void **state)
{
	(void)state;
	inspection_request rq = { .date = testcal_day("2026-10-12"), .reason = R("emergency"),
				  .registered = testcal_day("2026-09-24") };
	inspection_verdict v = inspection_decide(&rq, cal, &defaults);
	assert_int_equal(v.filing_from, testcal_day("2026-10-12"));
	assert_int_equal(v.late_from, testcal_day("2026-09-14"));
	rq.reason = R("general");
	v = inspection_decide(&rq, cal, &defaults);
	assert_int_equal(v.late_from, DATE_NONE);
	/* no margin at all: the registration day itself */
	inspection_params none = { 1, 23, 0, 10 };
	rq.date = testcal_day("2026-09-24");
	v = inspection_decide(&rq, cal, &none);
	assert_int_equal(v.filing_from, testcal_day("2026-09-24"));
	assert_int_equal(v.refused, 0);
}

static void test_override_details(void **state)
{
	(void)state;
	inspection_request rq = { .date = testcal_day("2026-03-05"), .reason = R("general"),
				  .registered = testcal_day("2026-03-02"),
				  .role = ROLE_SUPERVISOR, .override_reason = " \t\xE3\x80\x80 " };
	inspection_verdict v = inspection_decide(&rq, cal, &defaults);
	assert_int_equal(v.outcome, INSPECTION_REFUSED);
	assert_int_equal(v.override, INSPECTION_OVERRIDE_DENIED);
	assert_string_equal(v.override_denied, "an override needs a written reason");

	rq.override_reason = "";
	v = inspection_decide(&rq, cal, &defaults);
	assert_int_equal(v.override, INSPECTION_OVERRIDE_DENIED);

	/* the original refusal stays in the verdict so it can be recorded and reported */
	rq.override_reason = "市局专项部署";
	v = inspection_decide(&rq, cal, &defaults);
	assert_int_equal(v.outcome, INSPECTION_ALLOWED_BY_OVERRIDE);
	assert_int_equal(v.override, INSPECTION_OVERRIDE_APPLIED);
	assert_int_equal(v.rule, INSPECTION_QUIET_DAY);
	assert_int_equal(v.refused, Q | F);
	assert_int_equal(v.earliest, testcal_day("2026-03-24"));
	assert_null(v.override_denied);

	/* an administrator is not a supervisor */
	rq.role = ROLE_ADMIN;
	v = inspection_decide(&rq, cal, &defaults);
	assert_int_equal(v.outcome, INSPECTION_REFUSED);
	assert_int_equal(v.override, INSPECTION_OVERRIDE_DENIED);

	/* who may override, as the register form asks before offering the field: the
	 * verdict agrees for every role */
	for (int r = 0; r < ROLE__COUNT; r++) {
		rq.role = (role_t)r;
		v = inspection_decide(&rq, cal, &defaults);
		assert_int_equal(inspection_may_override((role_t)r), r == ROLE_SUPERVISOR);
		assert_int_equal(v.override == INSPECTION_OVERRIDE_APPLIED, inspection_may_override((role_t)r));
	}
}

static void test_quiet_day_and_rule_names(void **state)
{
	(void)state;
	assert_true(inspection_quiet_day(testcal_day("2026-02-01"), &defaults));
	assert_true(inspection_quiet_day(testcal_day("2026-02-23"), &defaults));
	assert_false(inspection_quiet_day(testcal_day("2026-02-24"), &defaults));
	assert_false(inspection_quiet_day(testcal_day("2026-01-31"), &defaults));
	assert_false(inspection_quiet_day(testcal_day("2026-03-04"), &narrow));
	assert_true(inspection_quiet_day(testcal_day("2026-03-05"), &narrow));

	static const char *codes[] = { "past_date", "late_emergency", "quiet_day", "filing_margin" };
	for (int r = 0; r < INSPECTION_RULE__COUNT; r++) {
		inspection_rule back;
		assert_string_equal(inspection_rule_code((inspection_rule)r), codes[r]);
		assert_true(inspection_rule_parse(codes[r], &back));
		assert_int_equal(back, r);
		assert_non_null(inspection_rule_label((inspection_rule)r));
	}
	inspection_rule back;
	assert_false(inspection_rule_parse("quiet", &back));
	assert_string_equal(inspection_rule_label(INSPECTION_QUIET_DAY), "quiet day");
}

/* ---- plan codes ---- */

static void test_code_make(void **state)
{
	(void)state;
	char out[INSPECTION_CODE_LEN + 1];
	/* 2·3 + 6·9 + 1·16 + 2·17 + 3·20 = 170; 170 mod 31 = 15; 31 − 15 = 16 → 'G' */
	assert_int_equal(inspection_code_make(2026, 123, out), 0);
	assert_string_equal(out, "JC26-000123-G");
	/* 1·20 = 20; 31 − 20 = 11 → 'B' */
	assert_int_equal(inspection_code_make(2000, 1, out), 0);
	assert_string_equal(out, "JC00-000001-B");
	/* 9 · 137 = 1233 ≡ 24; 31 − 24 = 7 → '7' */
	assert_int_equal(inspection_code_make(2099, 999999, out), 0);
	assert_string_equal(out, "JC99-999999-7");

	static const struct { int year; long seq; } bad[] = {
		{ 2026, 0 }, { 2026, -5 }, { 2026, 1000000 }, { 1999, 1 }, { 2100, 1 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(inspection_code_make(bad[i].year, bad[i].seq, out), -1);
}

static void test_code_normalises(void **state)
{
	(void)state;
	static const char *ok[] = {
		"JC26-000123-G", "jc26-000123-g", " JC26 000123 G ", "JC26000123G",
		"ＪＣ２６－０００１２３－Ｇ", "ｊｃ26—000123–g", "JC26-000123-G\xE3\x80\x80",
		"\tJC 26 - 000 123 - G", "JC26－000123－Ｇ",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		strbuf err = STRBUF_INIT;
		char canon[INSPECTION_CODE_LEN + 1] = "";
		int year = 0;
		long seq = 0;
		if (inspection_code_check(ok[i], canon, &year, &seq, &err) != 0)
			fail_msg("\"%s\" refused: %s", ok[i], sb_str(&err));
		assert_string_equal(canon, "JC26-000123-G");
		assert_int_equal(year, 2026);
		assert_int_equal(seq, 123);
		sb_free(&err);
	}
	assert_int_equal(inspection_code_check("JC26-000123-G", NULL, NULL, NULL, NULL), 0);
}

static void test_code_errors(void **state)
{
	(void)state;
	static const struct { const char *code, *msg; } t[] = {
		{ "", "a plan code has 11 letters and digits" },
		{ "JC26-000123", "a plan code has 11 letters and digits" },
		{ "JC26-000123-GG", "a plan code has 11 letters and digits" },
		{ "JX26-000123-G", "a plan code starts with JC" },
		{ "CJ26-000123-G", "a plan code starts with JC" },
		{ "JC26-0O0123-G", "position 7 of the plan code must be a digit, not 'O'" },
		{ "JC2A-000123-G", "position 4 of the plan code must be a digit, not 'A'" },
		{ "JC26-000123-H", "check character at position 13 is 'H' but 'G' is expected" },
		{ "JC26-000124-G", "is 'G' but 'U' is expected" },
		{ "JC26-000123-O", "'O' is never a check character (position 13)" },
		{ "JC26-000000-2", "sequence numbers start at 000001" },
		{ "JC26-中00123-G", "neither a letter nor a digit" },
		{ "JC26-000123-\xff", "not valid UTF-8" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		assert_int_equal(inspection_code_check(t[i].code, NULL, NULL, NULL, &err), -1);
		if (!strstr(sb_str(&err), t[i].msg))
			fail_msg("\"%s\": got \"%s\", want \"%s\"", t[i].code, sb_str(&err), t[i].msg);
		sb_free(&err);
	}
}

/* Every code from a spread of years and sequences, every position, every character a
 * person could read or type instead, and every swap of neighbours: none may pass. */
static void test_code_catches_slips(void **state)
{
	(void)state;
	static const char typed[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const int years[] = { 2000, 2026, 2027, 2055, 2099 };
	long substitutions = 0, transpositions = 0;
	strbuf err = STRBUF_INIT;
	for (size_t yi = 0; yi < sizeof years / sizeof years[0]; yi++) {
		for (long seq = 1; seq <= INSPECTION_SEQ_MAX; seq += seq < 2000 ? 1 : 7919) {
			char code[INSPECTION_CODE_LEN + 1], slip[INSPECTION_CODE_LEN + 1];
			assert_int_equal(inspection_code_make(years[yi], seq, code), 0);
			for (int i = 0; i < INSPECTION_CODE_LEN; i++) {
				if (code[i] == '-')
					continue;
				for (const char *c = typed; *c; c++) {
					if (*c == code[i])
						continue;
					memcpy(slip, code, sizeof slip);
					slip[i] = *c;
					if (inspection_code_check(slip, NULL, NULL, NULL, &err) == 0)
						fail_msg("substitution %s -> %s passes", code, slip);
					sb_reset(&err);
					substitutions++;
				}
				/* neighbours as read aloud, the hyphens ignored */
				int j = i + 1 < INSPECTION_CODE_LEN && code[i + 1] == '-' ? i + 2 : i + 1;
				if (j >= INSPECTION_CODE_LEN || code[i] == code[j])
					continue;
				memcpy(slip, code, sizeof slip);
				slip[i] = code[j];
				slip[j] = code[i];
				if (inspection_code_check(slip, NULL, NULL, NULL, &err) == 0)
					fail_msg("transposition %s -> %s passes", code, slip);
				sb_reset(&err);
				transpositions++;
			}
		}
	}
	sb_free(&err);
	assert_true(substitutions > 1000000);
	assert_true(transpositions > 50000);
}

/* ---- first violation, frequency, joint inspection ---- */

static void test_first_violation(void **state)
{
	(void)state;
	static const struct { const char *outcome, *last; int years; bool first; } t[] = {
		{ "2026-03-01", NULL, 2, true },
		{ "2026-03-01", "2024-03-01", 2, false },   /* the anniversary is still inside */
		{ "2026-03-02", "2024-03-01", 2, true },
		{ "2026-03-01", "2024-02-29", 2, true },
		{ "2026-03-01", "2025-12-31", 2, false },
		{ "2026-03-01", "2026-03-01", 2, false },   /* the same day counts as earlier */
		{ "2026-03-01", "2026-04-01", 2, true },    /* a later record is not earlier */
		{ "2028-02-29", "2027-02-28", 1, false },   /* 29 February falls back to the 28th */
		{ "2028-02-29", "2027-02-27", 1, true },
		{ "2026-03-01", "2021-03-02", 5, false },
		{ "2026-03-01", "2021-02-28", 5, true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (inspection_first_violation(testcal_day(t[i].outcome),
					       testcal_day_opt(t[i].last),
					       t[i].years) != t[i].first)
			fail_msg("row %zu: %s after %s within %d years", i, t[i].outcome,
				 t[i].last ? t[i].last : "none", t[i].years);
}

static void test_frequency_and_week(void **state)
{
	(void)state;
	/* "an enterprise with this many inspections … is flagged" (inspection.frequent_count) */
	assert_false(inspection_too_frequent(0, 3));
	assert_false(inspection_too_frequent(2, 3));
	assert_true(inspection_too_frequent(3, 3));
	assert_true(inspection_too_frequent(4, 3));

	/* weeks run Monday to Sunday */
	assert_true(inspection_same_week(testcal_day("2026-03-02"), testcal_day("2026-03-08")));
	assert_true(inspection_same_week(testcal_day("2026-03-08"), testcal_day("2026-03-02")));
	assert_false(inspection_same_week(testcal_day("2026-03-08"), testcal_day("2026-03-09")));
	assert_false(inspection_same_week(testcal_day("2026-03-01"), testcal_day("2026-03-02")));
	assert_true(inspection_same_week(testcal_day("2025-12-29"), testcal_day("2026-01-04")));
	assert_true(inspection_same_week(testcal_day("2026-03-05"), testcal_day("2026-03-05")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reason_table_as_shipped),
		cmocka_unit_test(test_reason_table_errors),
		cmocka_unit_test(test_reason_table_tolerates),
		cmocka_unit_test(test_verdict_matrix),
		cmocka_unit_test(test_verdict_edges),
		cmocka_unit_test(test_filing_and_late_dates),
		cmocka_unit_test(test_override_details),
		cmocka_unit_test(test_quiet_day_and_rule_names),
		cmocka_unit_test(test_code_make),
		cmocka_unit_test(test_code_normalises),
		cmocka_unit_test(test_code_errors),
		cmocka_unit_test(test_code_catches_slips),
		cmocka_unit_test(test_first_violation),
		cmocka_unit_test(test_frequency_and_week),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
