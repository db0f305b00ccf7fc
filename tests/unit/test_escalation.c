/* The three-level dispatch ladder: every level x action x kind of actor against a
 * table written out here, independently of src/model/escalation.c; the appeal states
 * each action needs; refusal texts in English and Chinese; dispatch records; the
 * new due date on the handling timer; the 建议升级 rule. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "model/escalation.h"
#include "model/perm.h"
#include "model/ticket.h"
#include "testcal.h"
#include "testlang.h"

static calendar *cal;

static qdate day(const char *s)
{
	return testcal_day(s);
}

static int setup(void **state)
{
	(void)state;
	cal = testcal_load();
	return cal ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	return 0;
}

static void assert_contains(const char *s, const char *part)
{
	if (!strstr(s, part))
		fail_msg("\"%s\" does not contain \"%s\"", s, part);
}

/* ---- the ladder ---------------------------------------------------------------- */

/* The appeal of every ladder test: first received by 昌东镇, led by 区科经局, with
 * 区投促局 as a related unit. */
static const char *const related[] = { "区投促局" };
static const ticket_view appeal = {
	.number = "2026-000042", .enterprise = "914403001922038216",
	.state = TICKET_ST_IN_PROGRESS, .kind = TICKET_KIND_GENERAL,
	.first_unit = "昌东镇", .lead_unit = "区科经局", .related = related, .nrelated = 1,
};

static const char *const charge_lead[] = { "区投促局", "区科经局", NULL };
static const char *const charge_other[] = { "区建管局", NULL };
static const char *const charge_social[] = { "区社发局", NULL };

/* Each kind of actor with what it may do at level 3, 2 and 1, one letter per action
 * in the order escalate, schedule, outcome, view: Y allowed, A refused (not this
 * actor), S refused (supervisors only see), T refused (no level above 1). */
static const struct actor_case {
	const char *name;
	escalation_actor who;
	const char *at[4];               /* indexed by level; [0] unused */
} actors[] = {
	{ "lead unit's staff",
		{ ROLE_UNIT_STAFF, "区科经局", "区企服中心", 0, NULL },
		{ NULL, "TAAY", "AAAY", "YYYY" } },
	{ "first unit's area officer",
		{ ROLE_AREA_OFFICER, "昌东镇", "区企服中心", 0, NULL },
		{ NULL, "TAAY", "AAAY", "AAAY" } },
	{ "related unit's staff",
		{ ROLE_UNIT_STAFF, "区投促局", "区企服中心", 0, NULL },
		{ NULL, "TAAY", "AAAY", "AAAY" } },
	{ "centre's front desk",
		{ ROLE_FRONTDESK, "区企服中心", "区企服中心", 0, NULL },
		{ NULL, "TAAY", "AAAY", "AAAY" } },
	{ "unrelated unit's staff",
		{ ROLE_UNIT_STAFF, "区建管局", "区企服中心", 0, NULL },
		{ NULL, "TAAA", "AAAA", "AAAA" } },
	{ "staff without a unit",
		{ ROLE_UNIT_STAFF, NULL, "区企服中心", 0, NULL },
		{ NULL, "TAAA", "AAAA", "AAAA" } },
	{ "level-2 leader in charge of the lead unit",
		{ ROLE_LEADER, "管委会", "区企服中心", 2, charge_lead },
		{ NULL, "TAAY", "YYYY", "AAAY" } },
	{ "level-2 leader in charge of other units",
		{ ROLE_LEADER, "管委会", "区企服中心", 2, charge_other },
		{ NULL, "TAAA", "AAAA", "AAAA" } },
	/* a leader's own unit being the lead unit makes them no lead-unit staff */
	{ "level-2 leader whose own unit leads",
		{ ROLE_LEADER, "区科经局", "区企服中心", 2, charge_social },
		{ NULL, "TAAA", "AAAA", "AAAA" } },
	{ "level-2 leader in charge of nothing",
		{ ROLE_LEADER, "管委会", "区企服中心", 2, NULL },
		{ NULL, "TAAA", "AAAA", "AAAA" } },
	{ "principal leader",
		{ ROLE_LEADER, "管委会", "区企服中心", 1, NULL },
		{ NULL, "TYYY", "AAAY", "AAAY" } },
	{ "leader without a level",
		{ ROLE_LEADER, "管委会", "区企服中心", 0, charge_lead },
		{ NULL, "TAAA", "AAAA", "AAAA" } },
	/* a supervisor in the lead unit is still a supervisor: sees, does not move */
	{ "supervisor of the lead unit",
		{ ROLE_SUPERVISOR, "区科经局", "区企服中心", 0, NULL },
		{ NULL, "TSSY", "SSSY", "SSSY" } },
	{ "administrator",
		{ ROLE_ADMIN, NULL, "区企服中心", 0, NULL },
		{ NULL, "TSSY", "SSSY", "SSSY" } },
};

/* who may, per level and action, as the verdict reports it */
static unsigned expected_who(int level, escalation_action a)
{
	const unsigned holder[4] = { 0, ESC_WHO_LEADER1, ESC_WHO_LEADER2, ESC_WHO_LEAD_UNIT };
	if (a == ESC_ACT_VIEW)
		return ESC_WHO_LEAD_UNIT | ESC_WHO_LEADER2 | ESC_WHO_LEADER1 | ESC_WHO_SUPERVISOR |
			ESC_WHO_UNITS;
	if (a == ESC_ACT_ESCALATE && level == 1)
		return 0;
	return holder[level];
}

static const unsigned expected_needs[ESC_ACT__COUNT] = {
	[ESC_ACT_ESCALATE] = ESC_NEEDS_REASON,
	[ESC_ACT_SCHEDULE] = ESC_NEEDS_RECORD,
	[ESC_ACT_OUTCOME] = ESC_NEEDS_OUTCOME,
	[ESC_ACT_VIEW] = 0,
};

/* one cell of the table: actor c, at level, doing a */
static void check_cell(const struct actor_case *c, int level, escalation_action a)
{
	const char *act = escalation_action_code(a);
	char want = c->at[level][a];
	escalation_verdict v;
	bool got = escalation_decide(&appeal, level, a, &c->who, &v);
	if (got != (want == 'Y'))
		fail_msg("%s, level %d, %s: got %s, want %c", c->name, level, act,
			got ? "allowed" : "refused", want);
	assert_int_equal(v.allowed, got);
	assert_int_equal(v.action, a);
	assert_int_equal(v.level, level);
	int next = got && a == ESC_ACT_ESCALATE ? level - 1 : level;
	if (v.next != next)
		fail_msg("%s, level %d, %s: next level %d, want %d", c->name, level, act, v.next,
			next);
	escalation_refusal r = want == 'Y' ? ESC_OK : want == 'A' ? ESC_REFUSED_ACTOR
		: want == 'S' ? ESC_REFUSED_SUPERVISOR : ESC_REFUSED_TOP;
	if (v.refusal != r)
		fail_msg("%s, level %d, %s: refusal %d, want %d", c->name, level, act, v.refusal,
			r);
	assert_int_equal(v.who, expected_who(level, a));
	assert_int_equal(v.needs, got ? expected_needs[a] : 0);
}

static void test_ladder_every_level_action_actor(void **state)
{
	(void)state;
	int checked = 0;
	for (size_t i = 0; i < sizeof actors / sizeof actors[0]; i++)
		for (int level = 1; level <= 3; level++)
			for (int a = 0; a < ESC_ACT__COUNT; a++, checked++)
				check_cell(&actors[i], level, (escalation_action)a);
	assert_int_equal(checked, 14 * 3 * 4);
}

/* the same for the list of allowed moves the pane shows */
static void test_allowed_actions(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof actors / sizeof actors[0]; i++)
		for (int level = 1; level <= 3; level++) {
			escalation_action out[ESC_ACT__COUNT];
			int n = escalation_allowed_actions(&appeal, level, &actors[i].who, out);
			int k = 0;
			for (int a = 0; a < ESC_ACT__COUNT; a++)
				if (actors[i].at[level][a] == 'Y') {
					assert_true(k < n);
					assert_int_equal(out[k], a);
					k++;
				}
			assert_int_equal(n, k);
		}
}

/* per state, the actions that state allows (E S O V); written from the rule "the
 * ladder moves from dispatch to the answer, outcomes until close, view always" */
static void test_states(void **state)
{
	(void)state;
	static const char *const allow[TICKET_ST__COUNT] = {
		[TICKET_ST_NEW] = "---V",
		[TICKET_ST_REGISTERED] = "---V",
		[TICKET_ST_SELF_HANDLING] = "---V",
		[TICKET_ST_SUBMITTED] = "---V",
		[TICKET_ST_DISPATCHED] = "ESOV",
		[TICKET_ST_IN_PROGRESS] = "ESOV",
		[TICKET_ST_EXTENDED] = "ESOV",
		[TICKET_ST_ANSWERED] = "--OV",
		[TICKET_ST_REPORTED] = "--OV",
		[TICKET_ST_CALLBACK_SATISFIED] = "--OV",
		[TICKET_ST_CALLBACK_DISSATISFIED] = "--OV",
		[TICKET_ST_FED_BACK] = "--OV",
		[TICKET_ST_EXPLAINED] = "--OV",
		[TICKET_ST_CLOSE_REQUESTED] = "--OV",
		[TICKET_ST_CLOSED] = "---V",
		[TICKET_ST_WITHDRAWN] = "---V",
		[TICKET_ST_MERGED] = "---V",
	};
	/* the holder of each level, who would be allowed in a handling state */
	const escalation_actor *holder[4] = {
		NULL, &actors[10].who, &actors[6].who, &actors[0].who,
	};
	for (int s = 0; s < TICKET_ST__COUNT; s++)
		for (int level = 1; level <= 3; level++)
			for (int a = 0; a < ESC_ACT__COUNT; a++) {
				ticket_view v = appeal;
				v.state = (ticket_state)s;
				bool want = allow[s][a] != '-' && !(level == 1 && a == ESC_ACT_ESCALATE);
				assert_int_equal(escalation_state_allows((ticket_state)s,
					(escalation_action)a), allow[s][a] != '-');
				escalation_verdict vd;
				bool got = escalation_decide(&v, level, (escalation_action)a, holder[level],
					&vd);
				if (got != want)
					fail_msg("state %s, level %d, %s: got %d want %d",
						ticket_state_code((ticket_state)s), level,
						escalation_action_code((escalation_action)a), got, want);
				if (allow[s][a] == '-')
					assert_int_equal(vd.refusal, ESC_REFUSED_STATE);
			}
}

static void test_bad_level(void **state)
{
	(void)state;
	static const int levels[] = { 0, 4, -1, 99 };
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		for (int a = 0; a < ESC_ACT__COUNT; a++) {
			escalation_verdict v;
			assert_false(escalation_decide(&appeal, levels[i], (escalation_action)a,
				&actors[13].who, &v));
			assert_int_equal(v.refusal, ESC_REFUSED_LEVEL);
			assert_int_equal(v.next, levels[i]);
		}
	escalation_verdict v;
	assert_false(escalation_decide(&appeal, 3, ESC_ACT__COUNT, &actors[0].who, &v));
	assert_int_equal(v.refusal, ESC_REFUSED_LEVEL);
}

static void test_level_after_ticket_moves(void **state)
{
	(void)state;
	for (int a = 0; a < TICKET_ACT__COUNT; a++)
		for (int level = 1; level <= 3; level++) {
			int want = a == TICKET_ACT_DISPATCH || a == TICKET_ACT_RETURN ? 3 : level;
			assert_int_equal(escalation_level_after((ticket_action)a, level), want);
		}
	assert_int_equal(ESC_LEVEL_START, 3);
}

static void test_codes(void **state)
{
	(void)state;
	static const char *const acts[] = { "escalate", "schedule", "outcome", "view" };
	for (int a = 0; a < ESC_ACT__COUNT; a++) {
		escalation_action back;
		assert_string_equal(escalation_action_code((escalation_action)a), acts[a]);
		assert_true(escalation_action_parse(acts[a], &back));
		assert_int_equal(back, a);
	}
	escalation_action act;
	assert_false(escalation_action_parse("raise", &act));
	assert_false(escalation_action_parse(NULL, &act));
	assert_string_equal(escalation_action_code(ESC_ACT__COUNT), "?");

	escalation_mode m;
	assert_true(escalation_mode_parse("meeting", &m));
	assert_int_equal(m, ESC_MODE_MEETING);
	assert_true(escalation_mode_parse("onsite", &m));
	assert_int_equal(m, ESC_MODE_ONSITE);
	assert_false(escalation_mode_parse("on-site", &m));
	assert_false(escalation_mode_parse("", &m));
	assert_string_equal(escalation_mode_code(ESC_MODE_ONSITE), "onsite");
	assert_string_equal(escalation_mode_label(ESC_MODE_MEETING), "meeting dispatch");

	assert_string_equal(escalation_level_label(3), "level 3 (lead unit)");
	assert_string_equal(escalation_level_label(2), "level 2 (leader in charge)");
	assert_string_equal(escalation_level_label(1), "level 1 (principal leader)");
	assert_string_equal(escalation_level_label(0), "?");
	assert_string_equal(escalation_level_short(4), "?");
	assert_string_equal(escalation_level_short(2), "level 2");
	assert_false(escalation_level_valid(0));
	assert_true(escalation_level_valid(1));
	assert_true(escalation_level_valid(3));
	assert_false(escalation_level_valid(4));
}

/* ---- refusal texts --------------------------------------------------------------- */

static void refusal_is(ticket_state s, int level, escalation_action a, const escalation_actor *who,
		const char *want)
{
	ticket_view v = appeal;
	v.state = s;
	escalation_verdict vd;
	assert_false(escalation_decide(&v, level, a, who, &vd));
	strbuf t = STRBUF_INIT;
	escalation_refusal_text(&v, who, &vd, &t);
	assert_string_equal(sb_str(&t), want);
	sb_free(&t);
}

static void test_refusal_text(void **state)
{
	(void)state;
	refusal_is(TICKET_ST_IN_PROGRESS, 3, ESC_ACT_ESCALATE, &actors[4].who,
		"\"escalate to the next level\" is not possible: the appeal is at level 3 (lead "
		"unit) and you are unit staff (区建管局). Only the lead unit (区科经局) may do that.");
	refusal_is(TICKET_ST_IN_PROGRESS, 2, ESC_ACT_ESCALATE, &actors[7].who,
		"\"escalate to the next level\" is not possible: the appeal is at level 2 (leader in "
		"charge) and you are a level-2 leader in charge of 区建管局. Only the level-2 leader "
		"in charge of 区科经局 may do that.");
	refusal_is(TICKET_ST_IN_PROGRESS, 1, ESC_ACT_ESCALATE, &actors[10].who,
		"\"escalate to the next level\" is not possible: the appeal is at level 1 (principal "
		"leader) and you are the principal leader. Level 1 is the highest; the principal "
		"leader holds the dispatch there.");
	refusal_is(TICKET_ST_EXTENDED, 2, ESC_ACT_SCHEDULE, &actors[12].who,
		"\"record a dispatch\" is not possible: the appeal is at level 2 (leader in charge) "
		"and you are supervisor (区科经局). Supervisors follow every level but do not move "
		"the ladder; only the level-2 leader in charge of 区科经局 may do that.");
	refusal_is(TICKET_ST_ANSWERED, 3, ESC_ACT_ESCALATE, &actors[0].who,
		"\"escalate to the next level\" is not possible: the appeal is at level 3 (lead "
		"unit) and you are unit staff (区科经局). The appeal is answered; the levels move "
		"only while it is being handled (dispatched, in progress or extended).");
	refusal_is(TICKET_ST_CLOSED, 1, ESC_ACT_OUTCOME, &actors[10].who,
		"\"record the outcome of a dispatch\" is not possible: the appeal is at level 1 "
		"(principal leader) and you are the principal leader. The appeal is closed; "
		"outcomes are recorded from dispatch until it is closed.");
	refusal_is(TICKET_ST_IN_PROGRESS, 3, ESC_ACT_VIEW, &actors[9].who,
		"\"view the dispatch levels\" is not possible: the appeal is at level 3 (lead unit) "
		"and you are a level-2 leader in charge of no unit. Only supervisors, the leaders "
		"in charge and the appeal's own units may do that.");
	refusal_is(TICKET_ST_IN_PROGRESS, 3, ESC_ACT_SCHEDULE, &actors[5].who,
		"\"record a dispatch\" is not possible: the appeal is at level 3 (lead unit) and you "
		"are unit staff. Only the lead unit (区科经局) may do that.");
	refusal_is(TICKET_ST_IN_PROGRESS, 5, ESC_ACT_VIEW, &actors[0].who,
		"\"view the dispatch levels\" is not possible: 5 is not a dispatch level (3, 2 or "
		"1).");
}

/* the Chinese catalogue carries the model's msgids (the .mo built from po/) */
static void test_refusal_chinese(void **state)
{
	(void)state;
	testlang_chinese();

	ticket_view v = appeal;
	escalation_verdict vd;
	assert_false(escalation_decide(&v, 2, ESC_ACT_ESCALATE, &actors[7].who, &vd));
	strbuf t = STRBUF_INIT;
	escalation_refusal_text(&v, &actors[7].who, &vd, &t);
	assert_contains(sb_str(&t), "无法执行“升级调度”：诉求当前处于二级调度（分管委领导），");
	assert_contains(sb_str(&t), "您是分管区建管局的分管委领导");
	assert_contains(sb_str(&t), "只有分管区科经局的分管委领导可以执行该操作。");
	sb_free(&t);
	assert_string_equal(_(escalation_level_label(3)), "三级调度（牵头部门）");
	assert_string_equal(_(escalation_level_short(1)), "一级");
	assert_string_equal(_(escalation_mode_label(ESC_MODE_MEETING)), "会议调度");
	assert_string_equal(_(escalation_mode_label(ESC_MODE_ONSITE)), "现场调度");
	assert_string_equal(_(escalation_suggest_label()), "建议升级");

	testlang_english();
}

/* ---- texts and dispatch records -------------------------------------------------- */

static void test_text_check(void **state)
{
	(void)state;
	char long_text[3 * ESC_TEXT_MAX + 4];
	long_text[0] = '\0';
	for (int i = 0; i < ESC_TEXT_MAX; i++)
		strcat(long_text, "中");
	static const struct {
		escalation_action a;
		const char *text;
		int rc;
		const char *msg;
	} t[] = {
		{ ESC_ACT_ESCALATE, "涉及规划调整，牵头部门无法协调", 0, NULL },
		{ ESC_ACT_ESCALATE, NULL, -1, "needs the reason for the escalation" },
		{ ESC_ACT_ESCALATE, " \t　", -1, "needs the reason for the escalation" },
		{ ESC_ACT_OUTCOME, "已协调供电公司于月底前接电", 0, NULL },
		{ ESC_ACT_OUTCOME, "", -1, "needs the outcome of the dispatch" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		assert_int_equal(escalation_text_check(t[i].a, t[i].text, &err), t[i].rc);
		if (t[i].msg)
			assert_contains(sb_str(&err), t[i].msg);
		else
			assert_string_equal(sb_str(&err), "");
		sb_free(&err);
	}
	strbuf err = STRBUF_INIT;
	assert_int_equal(escalation_text_check(ESC_ACT_OUTCOME, long_text, &err), 0);
	strcat(long_text, "中");
	assert_int_equal(escalation_text_check(ESC_ACT_OUTCOME, long_text, &err), -1);
	assert_contains(sb_str(&err), "longer than 1000 characters");
	sb_free(&err);
}

/* today is Monday 2026-09-28; 10-01..10-07 are the National Day holiday and Saturday
 * 10-10 a make-up working day; the appeal was dispatched on 2026-09-21 */
static void test_record_check(void **state)
{
	(void)state;
	static char place_long[3 * ESC_PLACE_MAX + 4], attendees_long[3 * ESC_ATTENDEES_MAX + 4];
	place_long[0] = attendees_long[0] = '\0';
	for (int i = 0; i <= ESC_PLACE_MAX; i++)
		strcat(place_long, "厅");
	for (int i = 0; i <= ESC_ATTENDEES_MAX; i++)
		strcat(attendees_long, "人");
	const qdate today = day("2026-09-28"), dispatched = day("2026-09-21");
	const struct {
		const char *what;
		int level;
		escalation_mode mode;
		const char *date;            /* NULL: DATE_NONE */
		const char *place, *attendees, *decision;
		const char *due;             /* NULL: none */
		const char *msg;             /* NULL: valid */
	} t[] = {
		{ "meeting, no new date", 3, ESC_MODE_MEETING, "2026-09-28", "科经局三楼会议室",
			"张三、李四", "由供电公司三日内报送接电方案", NULL, NULL },
		{ "on site, optional fields empty", 2, ESC_MODE_ONSITE, "2026-09-29", NULL, "",
			"现场协调", NULL, NULL },
		{ "a future meeting may be recorded", 1, ESC_MODE_MEETING, "2026-10-12", NULL, NULL,
			"主任办公会研究", NULL, NULL },
		{ "new date on a working day", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL,
			"限期办结", "2026-09-30", NULL },
		{ "new date on a make-up Saturday", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL,
			"限期办结", "2026-10-10", NULL },
		{ "new date on the dispatch's own day", 3, ESC_MODE_MEETING, "2026-09-30", NULL, NULL,
			"限期办结", "2026-09-30", NULL },
		{ "on the dispatch day of the appeal", 3, ESC_MODE_MEETING, "2026-09-21", NULL, NULL,
			"限期办结", NULL, NULL },
		{ "level 0", 0, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, "x", NULL,
			"0 is not a dispatch level" },
		{ "level 4", 4, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, "x", NULL,
			"4 is not a dispatch level" },
		{ "bad mode", 3, ESC_MODE__COUNT, "2026-09-28", NULL, NULL, "x", NULL,
			"meeting (meeting) or on site (onsite)" },
		{ "no date", 3, ESC_MODE_MEETING, NULL, NULL, NULL, "x", NULL,
			"needs the date of the dispatch" },
		{ "before the appeal was dispatched", 3, ESC_MODE_MEETING, "2026-09-18", NULL, NULL,
			"x", NULL, "The dispatch date 2026-09-18 is before the appeal was dispatched "
			"(2026-09-21)." },
		{ "no decision", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, NULL, NULL,
			"needs its decision" },
		{ "blank decision", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, "　 ", NULL,
			"needs its decision" },
		{ "place too long", 3, ESC_MODE_MEETING, "2026-09-28", place_long, NULL, "x", NULL,
			"The place of the dispatch is longer than 100 characters." },
		{ "attendees too long", 3, ESC_MODE_MEETING, "2026-09-28", NULL, attendees_long, "x",
			NULL, "The attendee list of the dispatch is longer than 500 characters." },
		{ "new date today", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, "x", "2026-09-28",
			"The new due date 2026-09-28 is not after today (2026-09-28)." },
		{ "new date in the past", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, "x",
			"2026-09-25", "is not after today" },
		{ "new date on a holiday", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, "x",
			"2026-10-02", "The new due date 2026-10-02 is not a working day." },
		{ "new date on a Sunday", 3, ESC_MODE_MEETING, "2026-09-28", NULL, NULL, "x",
			"2026-10-11", "is not a working day" },
		{ "new date before the dispatch", 3, ESC_MODE_MEETING, "2026-10-12", NULL, NULL, "x",
			"2026-09-30", "The new due date 2026-09-30 is before the dispatch itself "
			"(2026-10-12)." },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		escalation_record r = {
			.level = t[i].level, .mode = t[i].mode,
			.date = t[i].date ? day(t[i].date) : DATE_NONE,
			.place = t[i].place, .attendees = t[i].attendees, .decision = t[i].decision,
			.new_due = t[i].due ? day(t[i].due) : DATE_NONE,
		};
		strbuf err = STRBUF_INIT;
		int rc = escalation_record_check(&r, cal, today, dispatched, &err);
		if (rc != (t[i].msg ? -1 : 0))
			fail_msg("%s: rc %d (%s)", t[i].what, rc, sb_str(&err));
		if (t[i].msg)
			assert_contains(sb_str(&err), t[i].msg);
		else
			assert_string_equal(sb_str(&err), "");
		sb_free(&err);
	}
	/* an unknown dispatch day skips that check only */
	escalation_record r = { .level = 3, .mode = ESC_MODE_MEETING, .date = day("2020-01-02"),
		.decision = "x", .new_due = DATE_NONE };
	strbuf err = STRBUF_INIT;
	assert_int_equal(escalation_record_check(&r, cal, today, DATE_NONE, &err), 0);
	sb_free(&err);
}

/* the new due date replaces the handling timer's, fixed like an extension's */
static void test_timers_apply(void **state)
{
	(void)state;
	ticket_timers tm;
	ticket_timers_init(&tm);
	ticket_timer_state *h = &tm.t[TICKET_TIMER_HANDLE];
	h->start = day("2026-09-21");
	h->days = 3;
	h->due = day("2026-09-24");
	h->done = DATE_NONE;
	ticket_timers before = tm;

	escalation_record none = { .level = 3, .date = day("2026-09-28"), .decision = "x",
		.new_due = DATE_NONE };
	escalation_timers_apply(&tm, &none, cal, day("2026-09-28"));
	assert_memory_equal(&tm, &before, sizeof tm);

	escalation_record r = none;
	r.new_due = day("2026-10-12");
	escalation_timers_apply(&tm, &r, cal, day("2026-09-28"));
	assert_int_equal(h->due, day("2026-10-12"));
	assert_int_equal(h->days, -1);
	assert_int_equal(h->start, day("2026-09-21"));
	assert_int_equal(h->done, DATE_NONE);
	for (int i = 0; i < TICKET_TIMER__COUNT; i++)
		if (i != TICKET_TIMER_HANDLE)
			assert_memory_equal(&tm.t[i], &before.t[i], sizeof tm.t[i]);
	/* a calendar change does not move a date a dispatch fixed */
	assert_false(ticket_timer_recompute(h, cal));

	/* a stopped handling timer stays stopped */
	h->done = day("2026-10-09");
	before = tm;
	r.new_due = day("2026-10-20");
	escalation_timers_apply(&tm, &r, cal, day("2026-10-12"));
	assert_memory_equal(&tm, &before, sizeof tm);
}

/* ---- 建议升级 ------------------------------------------------------------------ */

static void test_suggestion(void **state)
{
	(void)state;
	static const struct {
		ticket_light_t light;
		int overdue, level, after;
		bool want;
	} t[] = {
		{ TICKET_LIGHT_RED, 1, 3, 1, true },   /* the default: one day late at level 3 */
		{ TICKET_LIGHT_RED, 1, 2, 1, true },
		{ TICKET_LIGHT_RED, 9, 1, 1, false },  /* nothing above level 1 */
		{ TICKET_LIGHT_RED, 0, 3, 1, false },
		{ TICKET_LIGHT_RED, 1, 3, 2, false },  /* N = 2: one day is not yet enough */
		{ TICKET_LIGHT_RED, 2, 3, 2, true },
		{ TICKET_LIGHT_RED, 3, 2, 2, true },
		{ TICKET_LIGHT_RED, 59, 3, 60, false },
		{ TICKET_LIGHT_RED, 60, 3, 60, true },
		{ TICKET_LIGHT_RED, 1, 3, 0, true },   /* N below 1 counts as 1 */
		{ TICKET_LIGHT_RED, 0, 3, 0, false },
		{ TICKET_LIGHT_RED, 1, 3, -5, true },
		{ TICKET_LIGHT_YELLOW, 5, 3, 1, false },
		{ TICKET_LIGHT_GREEN, 5, 3, 1, false },
		{ TICKET_LIGHT_NONE, 5, 3, 1, false },
		{ TICKET_LIGHT_RED, 5, 0, 1, false },  /* not a level */
		{ TICKET_LIGHT_RED, 5, 4, 1, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (escalation_suggested(t[i].light, t[i].overdue, t[i].level, t[i].after) !=
				t[i].want)
			fail_msg("row %zu: light %d, overdue %d, level %d, N %d: want %d", i,
				t[i].light, t[i].overdue, t[i].level, t[i].after, t[i].want);
	assert_string_equal(escalation_suggest_label(), "suggest escalation");
}

/* the rule on a real timer: handling due Thursday 2026-09-24, just before the
 * Mid-Autumn holiday (25-27 September) and National Day (1-7 October); overdue in
 * working days as ticket_timer_light counts them */
static void test_suggestion_on_timer(void **state)
{
	(void)state;
	ticket_timer_state h = { day("2026-09-21"), 3, day("2026-09-24"), DATE_NONE };
	static const struct { const char *today; int level; int after; bool want; } t[] = {
		{ "2026-09-24", 3, 1, false },         /* due today: yellow */
		{ "2026-09-25", 3, 1, true },          /* a holiday, but late: counted as one */
		{ "2026-09-28", 3, 1, true },          /* Monday: the first working day late */
		{ "2026-09-28", 3, 2, false },
		{ "2026-09-29", 3, 2, true },          /* 28 and 29: two */
		{ "2026-09-29", 1, 1, false },
		{ "2026-10-08", 2, 4, true },          /* 28, 29, 30 September, 8 October: four */
		{ "2026-10-08", 2, 5, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int n = 0;
		ticket_light_t l = ticket_timer_light(&h, day(t[i].today), cal, 1, &n);
		if (escalation_suggested(l, n, t[i].level, t[i].after) != t[i].want)
			fail_msg("%s level %d N %d: light %d overdue %d", t[i].today, t[i].level,
				t[i].after, l, n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ladder_every_level_action_actor),
		cmocka_unit_test(test_allowed_actions),
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_bad_level),
		cmocka_unit_test(test_level_after_ticket_moves),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_refusal_text),
		cmocka_unit_test(test_refusal_chinese),
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_record_check),
		cmocka_unit_test(test_timers_apply),
		cmocka_unit_test(test_suggestion),
		cmocka_unit_test(test_suggestion_on_timer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
