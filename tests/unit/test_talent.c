/* Talent services: the one move rule of a request (every state to every state), the
 * programme and request checks, and the responsible units' file. */
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
#include "model/talent.h"
#include "policy/policy.h"
#include "testcal.h"

static unit_table units;
static code_table kinds;
static talent_units tunits;

static int setup(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *u = paths_data_file("units.tsv"), *k = paths_data_file("talent_kinds.tsv"),
	     *t = paths_data_file("talent_units.tsv");
	int rc = policy_units_load(&units, u, &err);
	if (rc == 0)
		rc = policy_talent_kinds_load(&kinds, k, &err);
	if (rc == 0)
		rc = policy_talent_units_load(&tunits, t, &units, &err);
	if (rc < 0)
		fprintf(stderr, "%s\n", sb_str(&err));
	free(u);
	free(k);
	free(t);
	sb_free(&err);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	units_free(&units);
	codes_free(&kinds);
	talent_units_free(&tunits);
	return 0;
}

static void test_move_table(void **state)
{
	(void)state;
#define R TALENT_RECEIVED
#define H TALENT_HANDLING
#define D TALENT_DONE
#define X TALENT_DECLINED
	static const struct {
		talent_state from, to;
		const char *note;
		talent_verdict want;
	} t[] = {
		{ R, R, "", TALENT_MOVE_SAME },
		{ R, H, "", TALENT_MOVE_OK },
		{ R, D, "", TALENT_MOVE_OK },
		{ R, X, "", TALENT_MOVE_NEEDS_NOTE },
		{ R, X, "不符合条件", TALENT_MOVE_OK },
		{ H, R, "", TALENT_MOVE_BACK },
		{ H, H, "", TALENT_MOVE_SAME },
		{ H, D, "", TALENT_MOVE_OK },
		{ H, X, NULL, TALENT_MOVE_NEEDS_NOTE },
		{ H, X, "已在别处解决", TALENT_MOVE_OK },
		{ D, R, "", TALENT_MOVE_FINAL },
		{ D, H, "", TALENT_MOVE_FINAL },
		{ D, D, "", TALENT_MOVE_SAME },
		{ D, X, "x", TALENT_MOVE_FINAL },
		{ X, R, "", TALENT_MOVE_FINAL },
		{ X, H, "", TALENT_MOVE_FINAL },
		{ X, D, "", TALENT_MOVE_FINAL },
		{ X, X, "x", TALENT_MOVE_SAME },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		talent_verdict v = talent_move_check(t[i].from, t[i].to, t[i].note);
		if (v != t[i].want)
			fail_msg("case %zu: %s → %s gives %d, want %d", i, talent_state_code(t[i].from),
			         talent_state_code(t[i].to), (int)v, (int)t[i].want);
		strbuf err = STRBUF_INIT;
		talent_verdict_text(v, t[i].from, t[i].to, &err);
		assert_true((v == TALENT_MOVE_OK) == (sb_str(&err)[0] == '\0'));
		sb_free(&err);
	}
#undef R
#undef H
#undef D
#undef X
}

static void test_codes(void **state)
{
	(void)state;
	for (int i = 0; i < TALENT_STATE__COUNT; i++) {
		talent_state s;
		assert_true(talent_state_parse(talent_state_code((talent_state)i), &s));
		assert_int_equal(s, i);
	}
	talent_prog_kind k;
	assert_true(talent_prog_parse("factory_school", &k));
	assert_int_equal(k, TALENT_PROG_FACTORY);
	assert_true(talent_prog_parse("冠名班", &k));
	assert_int_equal(k, TALENT_PROG_NAMED);
	assert_false(talent_prog_parse("evening", &k));
	talent_state s;
	assert_false(talent_state_parse("closed", &s));
}

static void test_programme_table(void **state)
{
	(void)state;
	static const struct {
		const char *school, *name;
		int places;
		const char *start, *end, *err;
	} t[] = {
		{ " 南昌职业大学 ", "电子装配订单班", 40, "2026-09-01", "2027-06-30", NULL },
		{ "南昌高新技工学校", "数控厂中校", 1, "2026-09-01", NULL, NULL },
		{ "南昌高新技工学校", "数控厂中校", 10000, "2026-09-01", "2026-09-01", NULL },
		{ "", "电子装配订单班", 40, "2026-09-01", NULL, "school must not be empty" },
		{ "南昌职业大学", NULL, 40, "2026-09-01", NULL, "programme must not be empty" },
		{ "南昌职业大学", "订单班", 0, "2026-09-01", NULL, "places must be 1 to 10000, not 0" },
		{ "南昌职业大学", "订单班", 10001, "2026-09-01", NULL, "not 10001" },
		{ "南昌职业大学", "订单班", 40, NULL, NULL, "programme start must not be empty" },
		{ "南昌职业大学", "订单班", 40, "2026-09-01", "2026-08-31",
		  "the programme ends (2026-08-31) before it starts (2026-09-01)" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		talent_programme p = { 0 };
		p.school = t[i].school ? strdup(t[i].school) : NULL;
		p.name = t[i].name ? strdup(t[i].name) : NULL;
		p.places = t[i].places;
		p.start = testcal_day_opt(t[i].start);
		p.end = testcal_day_opt(t[i].end);
		strbuf err = STRBUF_INIT;
		int rc = talent_programme_validate(&p, &err);
		if (t[i].err ? rc != -1 || !strstr(sb_str(&err), t[i].err) : rc != 0)
			fail_msg("case %zu: rc %d err '%s'", i, rc, sb_str(&err));
		talent_programme_clear(&p);
		sb_free(&err);
	}
}

static void test_places_table(void **state)
{
	(void)state;
	static const struct { const char *s; bool ok; int n; } t[] = {
		{ "40", true, 40 }, { " 40 ", true, 40 }, { "1", true, 1 }, { "10000", true, 10000 },
		{ "007", true, 7 }, { "0", false, 0 }, { "10001", false, 0 },
		{ "99999999999999999999", false, 0 }, { "", false, 0 }, { " ", false, 0 },
		{ "-3", false, 0 }, { "+3", false, 0 }, { "4.5", false, 0 }, { "40人", false, 0 },
		{ "4 0", false, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int n = -1;
		bool ok = talent_places_parse(t[i].s, &n);
		if (ok != t[i].ok || (ok && n != t[i].n) || (!ok && n != -1))
			fail_msg("case %zu '%s': %d %d", i, t[i].s, ok, n);
	}
}

/* an edit's changes: each field that differs once, in order, nothing when equal */
static void test_programme_changes_table(void **state)
{
	(void)state;
	static const struct {
		talent_prog_kind kind;
		const char *school, *name;
		int places;
		const char *start, *end;
		int n;
		const char *text;
	} t[] = {
		{ TALENT_PROG_ORDER, "南昌职业大学", "电子装配订单班", 40, "2026-09-01", NULL, 0, "" },
		{ TALENT_PROG_NAMED, "南昌职业大学", "电子装配订单班", 40, "2026-09-01", NULL, 1,
		  "kind=order→named" },
		{ TALENT_PROG_ORDER, "南昌高新技工学校", "电子装配订单班", 45, "2026-09-01", NULL, 2,
		  "school=南昌职业大学→南昌高新技工学校 places=40→45" },
		{ TALENT_PROG_ORDER, "南昌职业大学", "数控订单班", 40, "2026-09-01", NULL, 1,
		  "name=电子装配订单班→数控订单班" },
		{ TALENT_PROG_ORDER, "南昌职业大学", "电子装配订单班", 40, "2026-10-08", "2027-06-30",
		  2, "start=2026-09-01→2026-10-08 end=→2027-06-30" },
		{ TALENT_PROG_FACTORY, "甲", "乙", 1, "2026-01-01", "2026-01-01", 6,
		  "kind=order→factory_school school=南昌职业大学→甲 name=电子装配订单班→乙 "
		  "places=40→1 start=2026-09-01→2026-01-01 end=→2026-01-01" },
	};
	talent_programme was = { .kind = TALENT_PROG_ORDER, .school = (char *)"南昌职业大学",
		.name = (char *)"电子装配订单班", .places = 40,
		.start = testcal_day("2026-09-01"), .end = DATE_NONE };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		talent_programme now = { .kind = t[i].kind, .school = (char *)t[i].school,
			.name = (char *)t[i].name, .places = t[i].places,
			.start = testcal_day(t[i].start), .end = testcal_day_opt(t[i].end) };
		strbuf out = STRBUF_INIT;
		int n = talent_programme_changes(&was, &now, &out);
		if (n != t[i].n || strcmp(sb_str(&out), t[i].text) != 0)
			fail_msg("case %zu: %d '%s'", i, n, sb_str(&out));
		/* and back: as many changes the other way */
		sb_reset(&out);
		if (talent_programme_changes(&now, &was, &out) != t[i].n)
			fail_msg("case %zu back: '%s'", i, sb_str(&out));
		sb_free(&out);
	}
	/* an end taken away is a change too */
	talent_programme open = was, closed = was;
	closed.end = testcal_day("2027-06-30");
	strbuf out = STRBUF_INIT;
	assert_int_equal(talent_programme_changes(&closed, &open, &out), 1);
	assert_string_equal(sb_str(&out), "end=2027-06-30→");
	sb_free(&out);
}

static void test_request_table(void **state)
{
	(void)state;
	static const struct {
		const char *kind, *person, *unit, *err, *code, *unit_after;
	} t[] = {
		{ "housing", "张伟", NULL, NULL, "housing", "区组织部" },
		{ "子女入学", " 李娜 ", "区社发局", NULL, "schooling", "区社发局" },
		{ "subsidy", "王磊", " ", NULL, "subsidy", "区组织部" },
		{ "subsidy", "王磊", "麻丘镇", NULL, "subsidy", "麻丘镇" },
		{ "visa", "王磊", NULL, "unknown talent service 'visa'; allowed: housing (人才住房)",
		  NULL, NULL },
		{ "housing", "", NULL, "talent served must not be empty", NULL, NULL },
		{ "housing", "张伟", "区应急局",
		  "区应急局 is not a unit responsible for talent services; allowed: 区组织部、区党政办",
		  NULL, NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		talent_request r = { 0 };
		r.kind = strdup(t[i].kind);
		r.person = strdup(t[i].person);
		r.unit = t[i].unit ? strdup(t[i].unit) : NULL;
		strbuf err = STRBUF_INIT;
		int rc = talent_request_validate(&kinds, &tunits, &r, &err);
		if (t[i].err ? rc != -1 || !strstr(sb_str(&err), t[i].err) : rc != 0)
			fail_msg("case %zu: rc %d err '%s'", i, rc, sb_str(&err));
		if (t[i].code) {
			assert_string_equal(r.kind, t[i].code);
			assert_string_equal(r.unit, t[i].unit_after);
			assert_string_equal(r.detail, "");
		}
		talent_request_clear(&r);
		sb_free(&err);
	}
}

static void test_units_file(void **state)
{
	(void)state;
	assert_string_equal(tunits.lead, "区组织部");
	assert_true(talent_unit_ok(&tunits, "区投促局"));
	assert_false(talent_unit_ok(&tunits, "区应急局"));
	static const struct { const char *text; const char *err; } t[] = {
		{ "lead\t区组织部\nlead\t区科经局\n", ":2: '区科经局' is listed twice, or a second lead" },
		{ "lead\t区组织部\ncooperating\t区组织部\n", ":2: '区组织部' is listed twice" },
		{ "head\t区组织部\n", ":1: 'head' is neither lead nor cooperating" },
		{ "lead\t外星局\n", ":1: unknown unit '外星局'" },
		{ "cooperating\t区科经局\n", "no lead unit" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char path[] = "/tmp/qifu-tunits-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		FILE *fp = fdopen(fd, "w");
		fputs(t[i].text, fp);
		fclose(fp);
		talent_units tu;
		strbuf err = STRBUF_INIT;
		int rc = policy_talent_units_load(&tu, path, &units, &err);
		unlink(path);
		if (rc != -1 || !strstr(sb_str(&err), t[i].err))
			fail_msg("case %zu: rc %d err '%s', want '%s'", i, rc, sb_str(&err), t[i].err);
		assert_null(tu.lead);
		sb_free(&err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move_table),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_programme_table),
		cmocka_unit_test(test_programme_changes_table),
		cmocka_unit_test(test_places_table),
		cmocka_unit_test(test_request_table),
		cmocka_unit_test(test_units_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
