/* Outreach events: cleaning and checking an event, the kinds file, and the sign-in
 * sheet's header and lines. */
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
#include "model/outreach.h"
#include "policy/policy.h"
#include "testcal.h"

static unit_table units;
static code_table kinds;

static int setup(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("units.tsv");
	char *kpath = paths_data_file("outreach_kinds.tsv");
	int rc = policy_units_load(&units, path, &err);
	if (rc == 0)
		rc = policy_outreach_kinds_load(&kinds, kpath, &err);
	if (rc < 0)
		fprintf(stderr, "%s\n", sb_str(&err));
	free(path);
	free(kpath);
	sb_free(&err);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	units_free(&units);
	codes_free(&kinds);
	return 0;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void test_validate_table(void **state)
{
	(void)state;
	static const struct {
		const char *kind, *unit, *place, *topic, *policies, *date, *err, *code;
	} t[] = {
		{ "briefing", "区科经局", "管委会", "惠企政策", "加计扣除", "2026-12-01", NULL, "briefing" },
		{ " 企业座谈会 ", " 区企服中心 ", " 会议室 ", " 座谈 ", NULL, "2020-02-29", NULL, "forum" },
		{ "融资对接", "区科经局", "二楼", "对接会", "", "2026-01-01", NULL, "financing" },
		{ "party", "区科经局", "管委会", "惠企政策", NULL, "2026-12-01",
		  "unknown event kind 'party'; allowed: briefing (政策宣讲会), forum", NULL },
		{ NULL, "区科经局", "管委会", "惠企政策", NULL, "2026-12-01",
		  "event kind must not be empty", NULL },
		{ "training", "外星局", "管委会", "培训", NULL, "2026-12-01",
		  "unknown organising unit '外星局'", NULL },
		{ "training", NULL, "管委会", "培训", NULL, "2026-12-01",
		  "organising unit must not be empty", NULL },
		{ "training", "区科经局", "  ", "培训", NULL, "2026-12-01",
		  "event place must not be empty", NULL },
		{ "training", "区科经局", "管委会", "", NULL, "2026-12-01",
		  "event topic must not be empty", NULL },
		{ "training", "区科经局", "管委会", "培训", NULL, "2026-12-02",
		  "event date 2026-12-02 lies after today (2026-12-01)", NULL },
		{ "training", "区科经局", "管委会", "培训", NULL, NULL,
		  "event date must not be empty", NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		outreach_rec r = { 0 };
		r.kind = dup_or_null(t[i].kind);
		r.unit = dup_or_null(t[i].unit);
		r.place = dup_or_null(t[i].place);
		r.topic = dup_or_null(t[i].topic);
		r.policies = dup_or_null(t[i].policies);
		r.date = testcal_day_opt(t[i].date);
		strbuf err = STRBUF_INIT;
		int rc = outreach_validate(&kinds, &units, &r, testcal_day("2026-12-01"), &err);
		if (t[i].err ? rc != -1 || !strstr(sb_str(&err), t[i].err) : rc != 0)
			fail_msg("case %zu: rc %d err '%s'", i, rc, sb_str(&err));
		if (t[i].code) {
			assert_string_equal(r.kind, t[i].code);
			assert_null(strchr(r.place, ' '));
			assert_null(strchr(r.unit, ' '));
			assert_non_null(r.policies);
		}
		outreach_rec_clear(&r);
		sb_free(&err);
	}
}

static void test_problem_clean(void **state)
{
	(void)state;
	char *text = strdup("  门前道路积水 ");
	strbuf err = STRBUF_INIT;
	assert_int_equal(outreach_problem_clean(&text, &err), 0);
	assert_string_equal(text, "门前道路积水");
	free(text);
	text = strdup(" \t");
	assert_int_equal(outreach_problem_clean(&text, &err), -1);
	assert_non_null(strstr(sb_str(&err), "problem raised must not be empty"));
	free(text);
	sb_free(&err);
}

static void test_kinds_file(void **state)
{
	(void)state;
	assert_int_equal(kinds.n, 5);
	assert_string_equal(codes_name(&kinds, "research"), "产研对接");
	assert_string_equal(codes_find(&kinds, "培训")->code, "training");
	static const struct { const char *text; const char *err; } t[] = {
		{ "forum\t企业座谈会\nforum\t座谈\n", ":2: event kind 'forum' is listed twice" },
		{ "# nothing\n", "no kinds of outreach event listed" },
		{ "Forum\t座谈\n", ":1: event kind code 'Forum' is not 1 to 31" },
		{ "forum\n", ":1:" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char path[] = "/tmp/qifu-kinds-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		FILE *fp = fdopen(fd, "w");
		fputs(t[i].text, fp);
		fclose(fp);
		code_table k;
		strbuf err = STRBUF_INIT;
		int rc = policy_outreach_kinds_load(&k, path, &err);
		unlink(path);
		if (rc != -1 || !strstr(sb_str(&err), t[i].err))
			fail_msg("case %zu: rc %d err '%s', want '%s'", i, rc, sb_str(&err), t[i].err);
		sb_free(&err);
	}
}

static void test_sheet_header(void **state)
{
	(void)state;
	static const struct {
		const char *fields[5];
		int n;
		bool header;
		int uscc, name;
	} t[] = {
		{ { "序号", "企业名称", "统一社会信用代码", "参会人" }, 4, true, 2, 1 },
		{ { " 单位名称 ", "联系人" }, 2, true, -1, 0 },
		{ { "USCC", "Name" }, 2, true, 0, 1 },
		{ { "信用代码" }, 1, true, 0, -1 },
		{ { "高新区政策宣讲会签到表" }, 1, false, -1, -1 },
		{ { "1", "华勤技术股份有限公司", "914403001922038216" }, 3, false, -1, -1 },
		/* the first of two name columns is the one */
		{ { "企业", "名称" }, 2, true, -1, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		outreach_sheet_cols c;
		bool h = outreach_sheet_header(t[i].fields, t[i].n, &c);
		if (h != t[i].header || c.uscc != t[i].uscc || c.name != t[i].name)
			fail_msg("case %zu: header %d uscc %d name %d", i, h, c.uscc, c.name);
	}
}

static void test_sheet_line(void **state)
{
	(void)state;
	const outreach_sheet_cols cols = { 2, 1 };
	static const struct {
		const char *fields[3];
		int n;
		outreach_sheet_key key;
		const char *text;
	} t[] = {
		{ { "1", "华勤", "914403001922038216" }, 3, OUTREACH_SHEET_USCC, "914403001922038216" },
		/* spaces, hyphens and full-width forms are normalised; the code wins */
		{ { "1", "华勤", " 9144 0300-1922 0382 16 " }, 3, OUTREACH_SHEET_USCC,
		  "914403001922038216" },
		{ { "1", "华勤", "91110000600037341l" }, 3, OUTREACH_SHEET_USCC, "91110000600037341L" },
		{ { "2", " 昌东小超市 ", "" }, 3, OUTREACH_SHEET_NAME, "昌东小超市" },
		/* a short line has no code column */
		{ { "2", "昌东小超市" }, 2, OUTREACH_SHEET_NAME, "昌东小超市" },
		{ { "3", "华勤", "12345" }, 3, OUTREACH_SHEET_BAD_USCC, "12345" },
		{ { "4", " ", " " }, 3, OUTREACH_SHEET_EMPTY, "" },
		{ { "5" }, 1, OUTREACH_SHEET_EMPTY, "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *key = NULL;
		outreach_sheet_key k = outreach_sheet_line(t[i].fields, t[i].n, &cols, &key);
		if (k != t[i].key || strcmp(key, t[i].text) != 0)
			fail_msg("case %zu: kind %d key '%s'", i, (int)k, key);
		free(key);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate_table),
		cmocka_unit_test(test_problem_clean),
		cmocka_unit_test(test_kinds_file),
		cmocka_unit_test(test_sheet_header),
		cmocka_unit_test(test_sheet_line),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
