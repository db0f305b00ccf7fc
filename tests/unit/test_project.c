/* Pre-investment projects: the shipped data files and broken ones, the stage ladder,
 * the item states, an item's light and its time on the real 2026 calendar (National
 * Day 10-01..07 off, make-up Saturday 10-10), the "项目少跑路" spans and the numbers. */
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
#include "model/project.h"
#include "policy/policy.h"
#include "testcal.h"

static calendar *cal;
static unit_table units;

static int setup(void **state)
{
	(void)state;
	cal = testcal_load();
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("units.tsv");
	int rc = policy_units_load(&units, path, &err);
	free(path);
	if (rc < 0)
		fprintf(stderr, "%s\n", sb_str(&err));
	sb_free(&err);
	return cal && rc == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	units_free(&units);
	return 0;
}

static int load(project_rules *r, strbuf *err)
{
	char *u = paths_data_file("project_units.tsv");
	char *i = paths_data_file("project_items.tsv");
	int rc = policy_project_load(r, u, i, &units, err);
	free(u);
	free(i);
	return rc;
}

static void test_shipped_data(void **state)
{
	(void)state;
	project_rules r;
	strbuf err = STRBUF_INIT;
	if (load(&r, &err) < 0)
		fail_msg("%s", sb_str(&err));
	assert_string_equal(r.lead, "区项目中心");
	/* the policy's responsible units, the area (属地) among them */
	static const char *members[] = { "区投促局", "区建管局", "区社发局", "区行审中心",
	                                 "高新招商集团", PROJECT_LOCAL_UNIT };
	assert_int_equal(r.nmembers, 6);
	for (int i = 0; i < 6; i++)
		assert_string_equal(r.members[i], members[i]);
	/* every item the policy names, in its group */
	static const struct { const char *name; project_group g; } kinds[] = {
		{ "项目备案", PROJ_GROUP_PERMIT }, { "规划许可", PROJ_GROUP_PERMIT },
		{ "施工许可", PROJ_GROUP_PERMIT }, { "土地", PROJ_GROUP_FACTOR },
		{ "资金", PROJ_GROUP_FACTOR }, { "用能", PROJ_GROUP_FACTOR },
		{ "供电", PROJ_GROUP_HOOKUP }, { "供气", PROJ_GROUP_HOOKUP },
		{ "供水", PROJ_GROUP_HOOKUP }, { "排水", PROJ_GROUP_HOOKUP },
		{ "网络接线", PROJ_GROUP_HOOKUP },
	};
	assert_int_equal(r.nkinds, 11);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const project_kind *k = project_kind_find(&r, kinds[i].name);
		if (!k || k->group != kinds[i].g || k->days < 1)
			fail_msg("kind %s missing or wrong", kinds[i].name);
		assert_ptr_equal(project_kind_find(&r, k->code), k);
	}
	assert_string_equal(project_kind_name(&r, "record"), "项目备案");
	assert_string_equal(project_kind_name(&r, "gone"), "gone");
	assert_null(project_kind_find(&r, NULL));
	/* the units of a project: the lead first, 属地 made its area, or left out */
	const char *out[PROJECT_UNITS_MAX];
	int n = project_units_of(&r, "麻丘镇", out, PROJECT_UNITS_MAX);
	assert_int_equal(n, 7);
	assert_string_equal(out[0], "区项目中心");
	assert_string_equal(out[6], "麻丘镇");
	assert_int_equal(project_units_of(&r, "", out, PROJECT_UNITS_MAX), 6);
	assert_int_equal(project_units_of(&r, "麻丘镇", out, 3), 3);
	assert_string_equal(project_unit_of(&r, PROJECT_LOCAL_UNIT, "昌东镇"), "昌东镇");
	assert_string_equal(project_unit_of(&r, PROJECT_LOCAL_UNIT, ""), "区项目中心");
	assert_string_equal(project_unit_of(&r, "区建管局", "昌东镇"), "区建管局");
	/* a new project's checklist: every kind, 属地 made its town, targets in working
	 * days from the signing across National Day (10-01..07, make-up 10-10) */
	project_item items[11];
	project_default_items(&r, "昌东镇", testcal_day("2026-09-30"), cal, items);
	assert_int_equal(items[0].seq, 1);
	assert_string_equal(items[0].kind, "record");
	assert_string_equal(items[0].unit, "区行审中心");
	assert_int_equal(items[0].target, testcal_day("2026-10-20"));
	assert_int_equal(items[0].state, PITEM_OPEN);
	assert_int_equal(items[0].done_on, DATE_NONE);
	assert_string_equal(items[6].kind, "power");
	assert_string_equal(items[6].unit, "昌东镇");
	project_default_items(&r, "", testcal_day("2026-09-30"), cal, items);
	assert_string_equal(items[6].unit, "区项目中心");
	strbuf b = STRBUF_INIT;
	project_kind_list(&r, &b);
	assert_non_null(strstr(sb_str(&b), "record (项目备案), planning (规划许可)"));
	sb_free(&b);
	project_rules_free(&r);
	assert_null(r.lead);
	sb_free(&err);
}

/* write text to a temporary file; returns its path (caller unlinks and frees) */
static char *temp_file(const char *text)
{
	char *path = strdup("/tmp/qifu-project-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void test_broken_data(void **state)
{
	(void)state;
	static const char good_units[] = "lead\t区项目中心\nmember\t属地\n";
	static const char good_items[] = "record\tpermit\t项目备案\t区行审中心\t10\n";
	static const struct { const char *units, *items, *err; } t[] = {
		{ "boss\t区项目中心\n", good_items, ":1: unknown role 'boss'" },
		{ "lead\t区项目中心\nlead\t区投促局\n", good_items, ":2: a project has one lead" },
		{ "lead\t属地\n", good_items, ":1: a project has one lead" },
		{ "lead\t区项目中心\nmember\t无此局\n", good_items, ":2: unit '无此局' is not in" },
		{ "lead\t区项目中心\nmember\t区项目中心\n", good_items, ":2: '区项目中心' is listed twice" },
		{ "member\t区投促局\n", good_items, "no lead unit listed" },
		{ good_units, "# nothing\n", "no items listed" },
		{ good_units, "Record\tpermit\t项目备案\t区行审中心\t10\n", ":1: item code 'Record'" },
		{ good_units, "record\tpaper\t项目备案\t区行审中心\t10\n", ":1: unknown item group 'paper'" },
		{ good_units, "record\tpermit\t项目备案\t无此局\t10\n", ":1: unit '无此局' is not in" },
		{ good_units, "record\tpermit\t项目备案\t区行审中心\t0\n", ":1: time limit '0'" },
		{ good_units, "record\tpermit\t项目备案\t区行审中心\t251\n", ":1: time limit '251'" },
		{ good_units, "record\tpermit\t项目备案\t区行审中心\t1O\n", ":1: time limit '1O'" },
		{ good_units, "record\tpermit\t项目备案\t区行审中心\t10\nrecord\tpermit\t备案\t属地\t5\n",
		  ":2: 'record' is listed twice" },
		{ good_units, "record\tpermit\t项目备案\t区行审中心\n", ":1:" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *u = temp_file(t[i].units), *it = temp_file(t[i].items);
		project_rules r;
		strbuf err = STRBUF_INIT;
		int rc = policy_project_load(&r, u, it, &units, &err);
		unlink(u);
		unlink(it);
		free(u);
		free(it);
		if (rc != -1 || !strstr(sb_str(&err), t[i].err))
			fail_msg("case %zu: rc %d err '%s', want '%s'", i, rc, sb_str(&err), t[i].err);
		assert_null(r.lead);
		assert_int_equal(r.nkinds, 0);
		sb_free(&err);
	}
}

static void test_codes(void **state)
{
	(void)state;
	for (int i = 0; i < PROJ_STAGE__COUNT; i++) {
		project_stage s;
		assert_true(project_stage_parse(project_stage_code((project_stage)i), &s));
		assert_int_equal(s, i);
		assert_true(project_stage_parse(project_stage_label((project_stage)i), &s));
		assert_int_equal(s, i);
	}
	for (int i = 0; i < PITEM__COUNT; i++) {
		project_item_state s;
		assert_true(project_item_state_parse(project_item_state_code(
				(project_item_state)i), &s));
		assert_int_equal(s, i);
	}
	project_stage s;
	project_group g;
	assert_false(project_stage_parse("Signed", &s));
	assert_false(project_stage_parse(NULL, &s));
	assert_true(project_group_parse("hookup", &g));
	assert_int_equal(g, PROJ_GROUP_HOOKUP);
	strbuf b = STRBUF_INIT;
	project_stage_list(&b);
	assert_string_equal(sb_str(&b), "signed, filed, planning, permitted, started, producing");
	sb_free(&b);
}

static void test_move(void **state)
{
	(void)state;
	static const struct {
		project_stage from;
		const char *from_on;
		project_stage to;
		const char *on, *today;
		project_verdict want;
	} t[] = {
		{ PROJ_SIGNED, "2026-03-01", PROJ_FILED, "2026-03-10", "2026-12-01", PROJ_OK },
		{ PROJ_SIGNED, "2026-03-01", PROJ_FILED, "2026-03-01", "2026-12-01", PROJ_OK },
		{ PROJ_SIGNED, "2026-03-01", PROJ_FILED, "2026-02-28", "2026-12-01", PROJ_BEFORE_LAST },
		{ PROJ_SIGNED, "2026-03-01", PROJ_FILED, "2026-12-02", "2026-12-01", PROJ_FUTURE },
		{ PROJ_SIGNED, "2026-03-01", PROJ_FILED, "2026-12-01", "2026-12-01", PROJ_OK },
		{ PROJ_SIGNED, "2026-03-01", PROJ_SIGNED, "2026-03-10", "2026-12-01", PROJ_SAME },
		{ PROJ_SIGNED, "2026-03-01", PROJ_PLANNING, "2026-03-10", "2026-12-01", PROJ_NOT_NEXT },
		{ PROJ_STARTED, "2026-03-01", PROJ_PERMITTED, "2026-03-10", "2026-12-01", PROJ_NOT_NEXT },
		{ PROJ_STARTED, "2026-03-01", PROJ_PRODUCING, "2026-03-10", "2026-12-01", PROJ_OK },
		{ PROJ_STARTED, NULL, PROJ_PRODUCING, "2020-01-01", "2026-12-01", PROJ_OK },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		project_verdict v = project_move_check(t[i].from, testcal_day_opt(t[i].from_on),
		                                       t[i].to, testcal_day_opt(t[i].on),
		                                       testcal_day_opt(t[i].today));
		if (v != t[i].want)
			fail_msg("case %zu: got %d, want %d", i, v, t[i].want);
	}
}

static void test_item_states(void **state)
{
	(void)state;
	static const struct {
		project_item_state from, to;
		const char *note;
		project_verdict want;
	} t[] = {
		{ PITEM_OPEN, PITEM_DONE, NULL, PROJ_OK },
		{ PITEM_OPEN, PITEM_STUCK, "土地指标未下达", PROJ_OK },
		{ PITEM_OPEN, PITEM_STUCK, "", PROJ_NEEDS_NOTE },
		{ PITEM_OPEN, PITEM_STUCK, NULL, PROJ_NEEDS_NOTE },
		{ PITEM_STUCK, PITEM_OPEN, NULL, PROJ_OK },
		{ PITEM_STUCK, PITEM_DONE, "", PROJ_OK },
		{ PITEM_DONE, PITEM_OPEN, "重新办理", PROJ_OK },
		{ PITEM_DONE, PITEM_DONE, NULL, PROJ_SAME },
		{ PITEM_STUCK, PITEM_STUCK, "又卡住", PROJ_SAME },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (project_item_check(t[i].from, t[i].to, t[i].note) != t[i].want)
			fail_msg("case %zu", i);
	assert_int_equal(project_appeal_check(PITEM_STUCK, 0), PROJ_OK);
	assert_int_equal(project_appeal_check(PITEM_OPEN, 0), PROJ_APPEAL_STUCK);
	assert_int_equal(project_appeal_check(PITEM_DONE, 0), PROJ_APPEAL_STUCK);
	assert_int_equal(project_appeal_check(PITEM_STUCK, 9), PROJ_APPEAL_TWICE);
}

static void test_lights(void **state)
{
	(void)state;
	static const struct {
		project_item_state st;
		const char *target, *today;
		int yellow;
		ticket_light_t want;
		int n;
	} t[] = {
		/* 10-08 and 10-09 are the working days after 09-30 up to the target */
		{ PITEM_OPEN, "2026-10-09", "2026-09-30", 2, TICKET_LIGHT_YELLOW, 2 },
		{ PITEM_OPEN, "2026-10-09", "2026-09-30", 1, TICKET_LIGHT_GREEN, 2 },
		{ PITEM_STUCK, "2026-10-09", "2026-09-30", 1, TICKET_LIGHT_GREEN, 2 },
		{ PITEM_OPEN, "2026-10-09", "2026-10-09", 0, TICKET_LIGHT_YELLOW, 0 },
		/* the holidays after the target count as one day late */
		{ PITEM_OPEN, "2026-09-30", "2026-10-05", 2, TICKET_LIGHT_RED, 1 },
		{ PITEM_OPEN, "2026-09-30", "2026-10-10", 2, TICKET_LIGHT_RED, 3 },
		{ PITEM_DONE, "2026-09-30", "2026-10-10", 2, TICKET_LIGHT_NONE, 0 },
		{ PITEM_OPEN, NULL, "2026-10-10", 2, TICKET_LIGHT_NONE, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int n = -7;
		ticket_light_t l = project_item_light(t[i].st, testcal_day_opt(t[i].target),
		                                      testcal_day_opt(t[i].today), cal, t[i].yellow,
		                                      &n);
		if (l != t[i].want || n != t[i].n)
			fail_msg("case %zu: got %d/%d, want %d/%d", i, l, n, t[i].want, t[i].n);
	}
	/* the order of a list: reds by days overdue, then the fewest days left */
	assert_true(ticket_light_worse(TICKET_LIGHT_RED, 1, TICKET_LIGHT_YELLOW, 0));
	assert_true(ticket_light_worse(TICKET_LIGHT_RED, 5, TICKET_LIGHT_RED, 2));
	assert_false(ticket_light_worse(TICKET_LIGHT_RED, 2, TICKET_LIGHT_RED, 5));
	assert_true(ticket_light_worse(TICKET_LIGHT_GREEN, 3, TICKET_LIGHT_GREEN, 9));
	assert_false(ticket_light_worse(TICKET_LIGHT_NONE, 0, TICKET_LIGHT_GREEN, 9));
	/* on time: done by the target */
	assert_true(project_item_on_time(PITEM_DONE, testcal_day("2026-10-09"),
	                                 testcal_day("2026-10-09")));
	assert_false(project_item_on_time(PITEM_DONE, testcal_day("2026-10-09"),
	                                  testcal_day("2026-10-10")));
	assert_false(project_item_on_time(PITEM_OPEN, testcal_day("2026-10-09"), DATE_NONE));
	assert_false(project_item_on_time(PITEM_DONE, testcal_day("2026-10-09"), DATE_NONE));
}

static void test_spans(void **state)
{
	(void)state;
	qdate on[PROJ_STAGE__COUNT];
	for (int i = 0; i < PROJ_STAGE__COUNT; i++)
		on[i] = DATE_NONE;
	project_span sp = project_span_to(on, PROJ_STARTED, cal);
	assert_int_equal(sp.days, -1);
	assert_int_equal(sp.workdays, -1);
	on[PROJ_SIGNED] = testcal_day("2026-09-30");
	on[PROJ_STARTED] = testcal_day("2026-10-12");
	sp = project_span_to(on, PROJ_STARTED, cal);
	assert_int_equal(sp.days, 12);
	/* 10-08, 10-09, 10-10 (make-up Saturday), 10-12 */
	assert_int_equal(sp.workdays, 4);
	sp = project_span_to(on, PROJ_PRODUCING, cal);
	assert_int_equal(sp.days, -1);
	sp = project_span_to(on, PROJ_SIGNED, cal);
	assert_int_equal(sp.days, 0);
	assert_int_equal(sp.workdays, 0);
}

/* a project of items (state, target, done on) signed 2026-09-01 */
static project_rec with_items(project_item *v, int n)
{
	project_rec p = { .items = v, .nitems = n };
	for (int i = 0; i < PROJ_STAGE__COUNT; i++)
		p.on[i] = DATE_NONE;
	p.on[PROJ_SIGNED] = testcal_day("2026-09-01");
	return p;
}

static void test_summary(void **state)
{
	(void)state;
	project_item v[] = {
		{ .state = PITEM_DONE, .target = testcal_day("2026-09-10"),
		  .done_on = testcal_day("2026-09-09") },
		{ .state = PITEM_DONE, .target = testcal_day("2026-09-10"),
		  .done_on = testcal_day("2026-09-11") },
		{ .state = PITEM_OPEN, .target = testcal_day("2026-10-09") },
		{ .state = PITEM_STUCK, .target = testcal_day("2026-09-29") },
		{ .state = PITEM_OPEN, .target = testcal_day("2026-09-28") },
	};
	project_rec p = with_items(v, 5);
	project_summary s;
	/* on 09-30: item 5 is two working days late (09-29, 09-30), item 4 one */
	project_summarize(&p, testcal_day("2026-09-30"), cal, 2, &s);
	assert_int_equal(s.light, TICKET_LIGHT_RED);
	assert_int_equal(s.workdays, 2);
	assert_int_equal(s.open, 2);
	assert_int_equal(s.stuck, 1);
	assert_int_equal(s.done, 2);
	assert_int_equal(s.on_time, 1);
	assert_int_equal(s.red, 2);
	assert_int_equal(s.to_started.days, -1);
	/* before any target: the nearest one decides, 09-28 from 09-24 across the
	 * Mid-Autumn days off (09-25..27): one working day */
	project_summarize(&p, testcal_day("2026-09-24"), cal, 2, &s);
	assert_int_equal(s.light, TICKET_LIGHT_YELLOW);
	assert_int_equal(s.workdays, 1);
	assert_int_equal(s.red, 0);
	/* all done: no light */
	project_rec q = with_items(v, 2);
	q.on[PROJ_STARTED] = testcal_day("2026-09-08");
	q.on[PROJ_PRODUCING] = testcal_day("2026-10-08");
	project_summarize(&q, testcal_day("2026-12-01"), cal, 2, &s);
	assert_int_equal(s.light, TICKET_LIGHT_NONE);
	assert_int_equal(s.to_started.days, 7);
	assert_int_equal(s.to_started.workdays, 5);
	assert_int_equal(s.to_producing.days, 37);
	/* 09-02..09-30 has 21 working days (with make-up Sunday 09-20, without
	 * 09-25), 10-08 is the first after National Day */
	assert_int_equal(s.to_producing.workdays, 22);
	/* the list's order: the most overdue first, then the number */
	project_summary red3 = { .light = TICKET_LIGHT_RED, .workdays = 3 };
	project_summary red1 = { .light = TICKET_LIGHT_RED, .workdays = 1 };
	project_summary yel = { .light = TICKET_LIGHT_YELLOW, .workdays = 0 };
	project_summary none = { .light = TICKET_LIGHT_NONE };
	assert_true(project_summary_cmp(&red3, "XM2026-000009", &red1, "XM2026-000001") < 0);
	assert_true(project_summary_cmp(&red1, "XM2026-000001", &yel, "XM2026-000001") < 0);
	assert_true(project_summary_cmp(&none, "XM2026-000001", &yel, "XM2026-000002") > 0);
	assert_true(project_summary_cmp(&none, "XM2026-000001", &none, "XM2026-000002") < 0);
	assert_int_equal(project_summary_cmp(&red1, "XM2026-000001", &red1, "XM2026-000001"), 0);
}

static void test_numbers(void **state)
{
	(void)state;
	char buf[PROJECT_NUMBER_SIZE];
	assert_string_equal(project_number_format(2026, 12, buf), "XM2026-000012");
	assert_true(project_number_valid("XM2026-000012"));
	static const char *bad[] = { "2026-000012", "XM2026-00001", "XM2026-0000123", "xm2026-000012",
	                             "XM2026_000012", "XM202a-000012", " XM2026-000012", NULL };
	for (int i = 0; bad[i]; i++)
		if (project_number_valid(bad[i]))
			fail_msg("'%s' taken", bad[i]);
	assert_false(project_number_valid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_data),
		cmocka_unit_test(test_broken_data),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_item_states),
		cmocka_unit_test(test_lights),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_numbers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
