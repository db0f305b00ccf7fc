/* 督办要求 and 问责: the codes and their round trip, the checks of a new request (the
 * unit, the appeal its source needs and what the appeal is, the text, the due day),
 * of an outcome (once, resolved or unresolved) and of an accountability record (after
 * an unresolved request, by a body of the setting, with a person and a measure). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "core/strbuf.h"
#include "model/supervise.h"
#include "model/unit.h"
#include "policy/policy.h"
#include "testcal.h"

static unit_table units;

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

static void assert_says(const strbuf *b, const char *part)
{
	if (!part) {
		if (b->len)
			fail_msg("unexpected message \"%s\"", sb_str(b));
		return;
	}
	if (!strstr(sb_str(b), part))
		fail_msg("\"%s\" does not contain \"%s\"", sb_str(b), part);
}

static void test_codes(void **state)
{
	(void)state;
	for (int i = 0; i < SUPV_SRC__COUNT; i++) {
		supervise_source s;
		assert_true(supervise_source_parse(supervise_source_code((supervise_source)i), &s));
		assert_int_equal(s, i);
	}
	for (int i = 0; i < SUPV_OUT__COUNT; i++) {
		supervise_outcome o;
		assert_true(supervise_outcome_parse(supervise_outcome_code((supervise_outcome)i), &o));
		assert_int_equal(o, i);
	}
	supervise_source s;
	supervise_outcome o;
	assert_false(supervise_source_parse("Overdue", &s));
	assert_false(supervise_source_parse(NULL, &s));
	assert_false(supervise_outcome_parse("done", &o));
	assert_string_equal(supervise_source_code(SUPV_SRC_FIGURES), "figures");
	assert_string_equal(supervise_outcome_code(SUPV_UNRESOLVED), "unresolved");
}

static void test_new(void **state)
{
	(void)state;
	char long_text[SUPV_TEXT_MAX * 3 + 8];
	memset(long_text, 0, sizeof long_text);
	for (int i = 0; i <= SUPV_TEXT_MAX; i++)
		strcat(long_text, "办");
	qdate today = testcal_day("2026-12-01");
	qdate due = testcal_day("2026-12-04");
	const struct {
		const char *what_case;
		supervise_new in;
		int rc;
		const char *says;
	} t[] = {
		{ "overdue appeal", { "区建管局", SUPV_SRC_OVERDUE, true, true, false, "三日内办结", due },
		  0, NULL },
		{ "dissatisfied appeal", { "区科经局", SUPV_SRC_DISSATISFIED, true, false, true, "重新办理",
		  due }, 0, NULL },
		{ "figures", { "区社发局", SUPV_SRC_FIGURES, false, false, false, "限期整改", due }, 0,
		  NULL },
		{ "due today", { "区社发局", SUPV_SRC_FIGURES, false, false, false, "限期整改", today }, 0,
		  NULL },
		{ "unknown unit", { "外星局", SUPV_SRC_FIGURES, false, false, false, "x", due }, -1,
		  "Unknown unit 外星局" },
		{ "no unit", { NULL, SUPV_SRC_FIGURES, false, false, false, "x", due }, -1,
		  "Unknown unit" },
		{ "appeal source without an appeal", { "区建管局", SUPV_SRC_OVERDUE, false, false, false,
		  "x", due }, -1, "names the appeal" },
		{ "appeal source, no appeal and so no unit", { NULL, SUPV_SRC_DISSATISFIED, false,
		  false, false, "x", due }, -1, "names the appeal" },
		{ "not overdue", { "区建管局", SUPV_SRC_OVERDUE, true, false, true, "x", due }, -1,
		  "is not overdue" },
		{ "not dissatisfied", { "区建管局", SUPV_SRC_DISSATISFIED, true, true, false, "x", due },
		  -1, "not dissatisfied" },
		{ "figures with an appeal", { "区建管局", SUPV_SRC_FIGURES, true, true, true, "x", due },
		  -1, "names no appeal" },
		{ "no text", { "区建管局", SUPV_SRC_FIGURES, false, false, false, "  ", due }, -1,
		  "is missing" },
		{ "long text", { "区建管局", SUPV_SRC_FIGURES, false, false, false, long_text, due }, -1,
		  "longer than 500 characters" },
		{ "no due day", { "区建管局", SUPV_SRC_FIGURES, false, false, false, "x", DATE_NONE }, -1,
		  "due by is missing" },
		{ "due yesterday", { "区建管局", SUPV_SRC_FIGURES, false, false, false, "x",
		  testcal_day("2026-11-30") }, -1, "The due day 2026-11-30 is before today (2026-12-01)" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		int rc = supervise_new_check(&t[i].in, &units, today, &err);
		if (rc != t[i].rc)
			fail_msg("%s: rc %d (%s)", t[i].what_case, rc, sb_str(&err));
		assert_says(&err, t[i].says);
		sb_free(&err);
	}
}

static void test_outcome(void **state)
{
	(void)state;
	static const struct {
		supervise_outcome cur, next;
		const char *note;
		int rc;
		const char *says;
	} t[] = {
		{ SUPV_OPEN, SUPV_RESOLVED, NULL, 0, NULL },
		{ SUPV_OPEN, SUPV_UNRESOLVED, "逾期仍未办结", 0, NULL },
		{ SUPV_OPEN, SUPV_OPEN, NULL, -1, "resolved or unresolved" },
		{ SUPV_RESOLVED, SUPV_UNRESOLVED, NULL, -1, "request 7 already has its outcome" },
		{ SUPV_UNRESOLVED, SUPV_RESOLVED, NULL, -1, "already has its outcome" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		assert_int_equal(supervise_outcome_allowed(7, t[i].cur, t[i].next, t[i].note, &err),
		                 t[i].rc);
		assert_says(&err, t[i].says);
		sb_free(&err);
	}
}

static void test_accountability(void **state)
{
	(void)state;
	const char *bodies = "区党政办|区纪检监察工委";
	static const struct {
		supervise_outcome cur;
		const char *body, *bodies, *person, *measure;
		int rc;
		const char *says;
	} t[] = {
		{ SUPV_UNRESOLVED, "区纪检监察工委", NULL, "张三", "诫勉谈话", 0, NULL },
		{ SUPV_UNRESOLVED, "区党政办", NULL, "李四", "通报批评", 0, NULL },
		{ SUPV_OPEN, "区党政办", NULL, "李四", "通报批评", -1, "is open: accountability follows" },
		{ SUPV_RESOLVED, "区党政办", NULL, "李四", "通报批评", -1, "is resolved" },
		{ SUPV_UNRESOLVED, "区科经局", NULL, "李四", "通报批评", -1,
		  "区科经局 does not hold to account; the bodies that do are: 区党政办、区纪检监察工委." },
		{ SUPV_UNRESOLVED, "区党政", NULL, "李四", "通报批评", -1, "does not hold to account" },
		{ SUPV_UNRESOLVED, "", NULL, "李四", "通报批评", -1, "'' does not hold to account" },
		/* the bodies are the setting's: a site may name others */
		{ SUPV_UNRESOLVED, "区党工委", "区党工委", "李四", "约谈", 0, NULL },
		{ SUPV_UNRESOLVED, "区党政办", "区党工委", "李四", "约谈", -1, "are: 区党工委." },
		{ SUPV_UNRESOLVED, "区党政办", NULL, "", "约谈", -1, "person held to account is missing" },
		{ SUPV_UNRESOLVED, "区党政办", NULL, "李四", " ", -1, "measure is missing" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		int rc = supervise_accountability_allowed(3, t[i].cur, t[i].body,
		                                          t[i].bodies ? t[i].bodies : bodies,
		                                          t[i].person, t[i].measure, &err);
		if (rc != t[i].rc)
			fail_msg("row %zu: rc %d (%s)", i, rc, sb_str(&err));
		assert_says(&err, t[i].says);
		sb_free(&err);
	}
}

/* whether the accountability form opens at all: after an unresolved request only */
static void test_may_follow(void **state)
{
	(void)state;
	static const struct {
		supervise_outcome cur;
		int rc;
		const char *says;
	} t[] = {
		{ SUPV_UNRESOLVED, 0, NULL },
		{ SUPV_OPEN, -1, "unresolved request" },
		{ SUPV_RESOLVED, -1, "Supervision request 7 is resolved" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		int rc = supervise_accountability_may_follow(7, t[i].cur, &err);
		if (rc != t[i].rc)
			fail_msg("row %zu: rc %d (%s)", i, rc, sb_str(&err));
		assert_says(&err, t[i].says);
		sb_free(&err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_new),
		cmocka_unit_test(test_outcome),
		cmocka_unit_test(test_accountability),
		cmocka_unit_test(test_may_follow),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
