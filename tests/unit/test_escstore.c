/* The Escalation board in store/escalation_store.h: 建议升级 on the real 2026
 * calendar, the board's states and filters, then a small database written through
 * the stores: counts and windows per level by lead unit and overseeing leader, the
 * overdue list's order, dispatch records, the version check and the unit counts.
 * The shared ladder moves (store/esc_move.h) run a table of moves on that database.
 * The commands and the report's figures are tested in test_escalation_cli.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/ladder.h"
#include "app/store_text.h"
#include "model/appeal.h"
#include "model/escalation.h"
#include "store/appeal_store.h"
#include "store/db_internal.h"
#include "store/enterprise_store.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"
#include "store/supervision_store.h"
#include "testcal.h"
#include "testdb.h"

static calendar *cal;

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

/* Due Tue 2026-03-24 (a working day). Mar 25 is 1 working day over; Sat Mar 28 is
 * still 3; Fri Apr 3 is 8; Tue Apr 7 is 9, as Apr 4-6 (Qingming) do not count. */
static void test_suggested(void **state)
{
	(void)state;
	static const struct {
		const char *due;       /* NULL: no handling timer runs */
		int level;
		const char *today;
		int after;
		bool want;
	} rows[] = {
		{ "2026-03-24", 3, "2026-03-23", 1, false },   /* yellow, a day left */
		{ "2026-03-24", 3, "2026-03-24", 1, false },   /* due today: yellow */
		{ "2026-03-24", 3, "2026-03-25", 1, true },    /* red, 1 over */
		{ "2026-03-24", 2, "2026-03-25", 1, true },    /* level 2 may still go up */
		{ "2026-03-24", 1, "2026-04-30", 1, false },   /* level 1: nowhere higher */
		{ "2026-03-24", 0, "2026-04-30", 1, false },   /* never dispatched */
		{ "2026-03-24", 3, "2026-03-25", 0, true },    /* below 1 counts as 1 */
		{ "2026-03-24", 3, "2026-03-25", 2, false },
		{ "2026-03-24", 3, "2026-03-28", 3, true },    /* Saturday: 3 working days */
		{ "2026-03-24", 3, "2026-03-28", 4, false },
		{ "2026-03-24", 3, "2026-04-03", 8, true },
		{ "2026-03-24", 3, "2026-04-06", 9, false },   /* the holiday adds nothing */
		{ "2026-03-24", 3, "2026-04-07", 9, true },
		{ NULL, 3, "2026-04-07", 1, false },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		qdate due = rows[i].due ? testcal_day(rows[i].due) : DATE_NONE;
		bool got = esc_suggested(due, rows[i].level, cal, testcal_day(rows[i].today),
		                         rows[i].after);
		if (got != rows[i].want)
			fail_msg("row %zu: due %s level %d today %s after %d: got %d", i,
			         rows[i].due ? rows[i].due : "none", rows[i].level, rows[i].today,
			         rows[i].after, got);
	}
}

static void test_board_states(void **state)
{
	(void)state;
	static const ticket_state shown[] = {
		TICKET_ST_DISPATCHED, TICKET_ST_IN_PROGRESS, TICKET_ST_EXTENDED,
		TICKET_ST_ANSWERED, TICKET_ST_REPORTED, TICKET_ST_CALLBACK_SATISFIED,
		TICKET_ST_CALLBACK_DISSATISFIED, TICKET_ST_FED_BACK, TICKET_ST_EXPLAINED,
		TICKET_ST_CLOSE_REQUESTED,
	};
	unsigned want = 0;
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
		want |= appeal_state_bit(shown[i]);
	assert_int_equal(esc_board_states(), want);
	/* before dispatch there is no level; after closing, nothing to dispatch */
	assert_false(esc_board_states() & appeal_state_bit(TICKET_ST_SUBMITTED));
	assert_false(esc_board_states() & appeal_state_bit(TICKET_ST_CLOSED));
}

static void test_board_filter(void **state)
{
	(void)state;
	unsigned board = esc_board_states();
	unsigned red = appeal_light_bit(TICKET_LIGHT_RED);
	unsigned green = appeal_light_bit(TICKET_LIGHT_GREEN);
	unsigned in_progress = appeal_state_bit(TICKET_ST_IN_PROGRESS);
	unsigned closed = appeal_state_bit(TICKET_ST_CLOSED);
	static const char unit[] = "区科经局", leader[] = "l2a";
	const struct {
		appeal_filter base;
		int level;
		unsigned states;
		unsigned lights;
		int want_level;
		bool nothing;
	} rows[] = {
		{ { 0 }, 3, board, 0, 3, false },
		{ { 0 }, 1, board, 0, 1, false },
		{ { 0 }, 0, board, red, 0, false },                        /* the overdue list */
		{ { .states = in_progress }, 2, in_progress, 0, 2, false }, /* stays narrower */
		{ { .states = closed }, 2, 0, 0, 2, true },                 /* contradiction */
		{ { .level = 2 }, 3, board, 0, 3, true },
		{ { .level = 2 }, 2, board, 0, 2, false },
		{ { .lights = green }, 0, board, red, 0, true },
		{ { .lights = green }, 3, board, green, 3, false },
		{ { .lead_unit = unit, .overseen_by = leader }, 2, board, 0, 2, false },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		appeal_filter f;
		esc_board_filter(&rows[i].base, rows[i].level, &f);
		if (f.states != rows[i].states || f.lights != rows[i].lights ||
		    f.level != rows[i].want_level || f.nothing != rows[i].nothing)
			fail_msg("row %zu: states %#x lights %#x level %d nothing %d", i, f.states,
			         f.lights, f.level, f.nothing);
		/* what the board does not decide passes through */
		assert_ptr_equal(f.lead_unit, rows[i].base.lead_unit);
		assert_ptr_equal(f.overseen_by, rows[i].base.overseen_by);
	}
}

/* ---- a small database ------------------------------------------------------ */

static const char centre[] = "区企服中心", kj[] = "区科经局", tc[] = "区投促局";
static const char uscc[] = "914403001922038216";

static void ok(int rc, const store_err *err)
{
	strbuf b = STRBUF_INIT;
	if (rc != 0)
		fail_msg("store call returned %d: %s", rc, app_store_text(err, &b));
	sb_free(&b);
}

static void add_staff(db *d, const char *login, const char *unit, role_t role, int level,
		const char *oversees)
{
	store_err err = { 0 };
	char *ov[2] = { (char *)oversees, NULL };
	staff s = { 0, (char *)login, (char *)login, (char *)unit, role, NULL, level,
		oversees ? ov : NULL, NULL, NULL };
	ok(staff_store_add(d, "test", &s, &err), &err);
}

static void add_enterprise(db *d)
{
	store_err err = { 0 };
	char e_[] = "";
	ent_record e = { 0, (char *)"华勤技术股份有限公司", (char *)uscc, NULL, e_,
		(char *)"昌东镇", (char *)"industry", e_, false, e_, e_, e_, e_, 0, NULL,
		(char *)"operating", (char *)kj, e_, NULL, NULL, 0, false };
	int64_t id;
	ok(db_begin(d, &err), &err);
	ok(ent_store_insert(d, "test", &e, &id, &err), &err);
	ok(db_commit(d, &err), &err);
}

/* t's new database (testdb_create) with the centre's front desk fd and 区科经局's kj */
static db *open_test_db(testdb *t, const char *tag)
{
	assert_int_equal(testdb_create(t, tag, NULL), 0);
	add_staff(t->d, "fd", centre, ROLE_FRONTDESK, 0, NULL);
	add_staff(t->d, "kj", kj, ROLE_UNIT_STAFF, 0, NULL);
	return t->d;
}

/* login registers a general appeal for first_unit on day; its number into number */
static void reg_by(db *d, const char *day, const char *login, const char *first_unit,
		char number[TICKET_NUMBER_SIZE])
{
	qdate today = testcal_day(day);
	store_err err = { 0 };
	staff *fd = NULL;
	assert_int_equal(staff_store_get(d, "fd", &fd, &err), 0);
	db_set_today(d, today);
	ticket_actor who = { ROLE_FRONTDESK, centre, centre };
	ticket_view v = { NULL, uscc, TICKET_ST_NEW, TICKET_KIND_GENERAL, centre, NULL, NULL, 0 };
	ticket_move m;
	assert_true(ticket_decide(&v, TICKET_ACT_REGISTER, &who, &m));
	ticket_params p = ticket_params_default();
	ticket_timers tm;
	ticket_timers_init(&tm);
	ticket_timers_apply(&tm, &m, &v, NULL, &p, cal, today);
	appeal_new an = { .uscc = uscc, .title = "诉求", .kind = TICKET_KIND_GENERAL,
		.channel = APPEAL_CH_PHONE, .first_unit = first_unit, .first_person = fd->id,
		.state = m.to, .timers = &tm };
	ok(appeal_store_create(d, login, &an, number, &err), &err);
	staff_free(&fd);
}

/* the centre registers a general appeal on day; its number into number */
static void reg(db *d, const char *day, char number[TICKET_NUMBER_SIZE])
{
	reg_by(d, day, "fd", centre, number);
}

/* move a of the appeal on day by a member of unit (to_unit: dispatch's lead unit) */
static void move(db *d, const char *number, ticket_action a, const char *login, role_t role,
		const char *unit, const char *to_unit, const char *day)
{
	qdate today = testcal_day(day);
	store_err err = { 0 };
	appeal_record rec;
	assert_int_equal(appeal_store_get(d, number, false, &rec, &err), 0);
	db_set_today(d, today);
	ticket_actor who = { role, unit, centre };
	ticket_view v = appeal_record_view(&rec);
	ticket_move m;
	assert_true(ticket_decide(&v, a, &who, &m));
	ticket_input in = { .text = "已办理", .unit = to_unit, .until = DATE_NONE,
		.how = TICKET_HOW_PHONE, .by = login, .on = today };
	ticket_params p = ticket_params_default();
	ticket_timers after = rec.timers;
	ticket_timers_apply(&after, &m, &v, &in, &p, cal, today);
	ok(appeal_store_move(d, login, &rec, &m, &in, &after, &err), &err);
	appeal_record_clear(&rec);
}

static escalation_actor leader2(const char *const *oversees)
{
	escalation_actor a = { ROLE_LEADER, "区党工委", centre, 2, oversees };
	return a;
}

/* escalate the appeal on day as who; the record as it was seen before */
static void escalate(db *d, const char *number, const escalation_actor *who, const char *login,
		const char *day, appeal_record *seen)
{
	store_err err = { 0 };
	assert_int_equal(appeal_store_get(d, number, false, seen, &err), 0);
	db_set_today(d, testcal_day(day));
	ticket_view v = appeal_record_view(seen);
	escalation_verdict vd;
	assert_true(escalation_decide(&v, seen->level, ESC_ACT_ESCALATE, who, &vd));
	ok(esc_store_escalate(d, login, seen, &vd, "无法解决", &err), &err);
}

static void window_numbers(db *d, const appeal_filter *base, int level, char *out, size_t size)
{
	store_err err = { 0 };
	appeal_row rows[10];
	int n;
	ok(esc_store_board_window(d, base, level, 0, 10, rows, &n, &err), &err);
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		snprintf(out + strlen(out), size - strlen(out), "%s%s:%d%s", i ? " " : "",
		         rows[i].number + 5, rows[i].level,
		         esc_suggested(rows[i].handle_due, rows[i].level, cal,
		                       testcal_day("2026-03-11"), 1) ? "!" : "");
		appeal_row_clear(&rows[i]);
	}
}

/* As of Mar 11: X1 (区科经局, due Mar 5) raised to level 2; X2 (区投促局, due Mar 5);
 * X3 (区科经局, due Mar 12); X4 never dispatched; X5 (区科经局) answered. Numbers
 * follow registration: X1 000001, X2 000002, X5 000003, X3 000004, X4 000005. */
static void test_board_store(void **state)
{
	(void)state;
	testdb t;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	db *d = open_test_db(&t, "escstore");
	add_staff(d, "tc", tc, ROLE_UNIT_STAFF, 0, NULL);
	add_staff(d, "l2a", "区党工委", ROLE_LEADER, 2, kj);
	add_enterprise(d);
	char x1[TICKET_NUMBER_SIZE], x2[TICKET_NUMBER_SIZE], x3[TICKET_NUMBER_SIZE];
	char x4[TICKET_NUMBER_SIZE], x5[TICKET_NUMBER_SIZE];
	reg(d, "2026-03-02", x1);
	reg(d, "2026-03-02", x2);
	reg(d, "2026-03-02", x5);
	reg(d, "2026-03-09", x3);
	reg(d, "2026-03-09", x4);
	move(d, x1, TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, kj, "2026-03-02");
	move(d, x2, TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, tc, "2026-03-02");
	move(d, x5, TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, kj, "2026-03-03");
	move(d, x5, TICKET_ACT_SIGN, "kj", ROLE_UNIT_STAFF, kj, NULL, "2026-03-03");
	move(d, x5, TICKET_ACT_ANSWER, "kj", ROLE_UNIT_STAFF, kj, NULL, "2026-03-04");
	/* the centre registered it, so it tells the enterprise: no deadline runs after */
	move(d, x5, TICKET_ACT_REPORT, "fd", ROLE_FRONTDESK, centre, NULL, "2026-03-05");
	move(d, x3, TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, kj, "2026-03-09");
	escalation_actor unit_staff = { ROLE_UNIT_STAFF, kj, centre, 0, NULL };
	appeal_record seen;
	escalate(d, x1, &unit_staff, "kj", "2026-03-03", &seen);
	appeal_record_clear(&seen);

	appeal_filter base = { 0 };
	appeal_filter_set_today(&base, cal, testcal_day("2026-03-11"), 1);
	esc_board_counts c;
	ok(esc_store_board_counts(d, &base, &c, &se), &se);
	assert_int_equal(c.level[3], 3);
	assert_int_equal(c.level[2], 1);
	assert_int_equal(c.level[1], 0);
	assert_int_equal(c.overdue, 2);
	char got[200];
	/* due order, the reported one (no deadline) last; ! marks 建议升级 */
	window_numbers(d, &base, 3, got, sizeof got);
	assert_string_equal(got, "000002:3! 000004:3 000003:3");
	window_numbers(d, &base, 2, got, sizeof got);
	assert_string_equal(got, "000001:2!");
	window_numbers(d, &base, 0, got, sizeof got);
	assert_string_equal(got, "000001:2! 000002:3!");

	appeal_filter by_unit = base;
	by_unit.lead_unit = tc;
	ok(esc_store_board_counts(d, &by_unit, &c, &se), &se);
	assert_int_equal(c.level[3], 1);
	assert_int_equal(c.level[2], 0);
	assert_int_equal(c.overdue, 1);
	appeal_filter by_leader = base;
	by_leader.overseen_by = "l2a";
	ok(esc_store_board_counts(d, &by_leader, &c, &se), &se);
	assert_int_equal(c.level[3], 2);
	assert_int_equal(c.level[2], 1);
	assert_int_equal(c.overdue, 1);

	/* the level-2 leader's meeting moves X1's handling due date to Mar 20 */
	const char *const ov[] = { kj, NULL };
	escalation_actor l2 = leader2(ov);
	const char *const other[] = { tc, NULL };
	escalation_actor l2b = leader2(other);
	appeal_record r1;
	assert_int_equal(appeal_store_get(d, x1, false, &r1, &se), 0);
	assert_int_equal(r1.level, 2);
	ticket_view v1 = appeal_record_view(&r1);
	escalation_verdict vd;
	assert_true(escalation_decide(&v1, r1.level, ESC_ACT_SCHEDULE, &l2, &vd));
	assert_false(escalation_decide(&v1, r1.level, ESC_ACT_SCHEDULE, &l2b, &vd));
	db_set_today(d, testcal_day("2026-03-11"));
	escalation_record rec = { 2, ESC_MODE_MEETING, testcal_day("2026-03-11"), "会议室", "",
		"研究", testcal_day("2026-03-20"), NULL };
	assert_int_equal(escalation_record_check(&rec, cal, testcal_day("2026-03-11"),
	                                         r1.timers.t[TICKET_TIMER_HANDLE].start, &err), 0);
	ticket_timers after = r1.timers;
	escalation_timers_apply(&after, &rec, cal, testcal_day("2026-03-11"));
	int64_t id;
	ok(esc_store_schedule(d, "l2a", &r1, &rec, &after, &id, &se), &se);
	/* the same seen record again is stale now */
	assert_int_equal(esc_store_outcome(d, "l2a", &r1, "已协调", &id, &se), 1);
	assert_int_equal(se.code, STORE_E_APPEAL_CHANGED);
	assert_non_null(strstr(app_store_text(&se, &err), "changed by l2a"));
	sb_reset(&err);
	appeal_record_clear(&r1);
	assert_int_equal(appeal_store_get(d, x1, false, &r1, &se), 0);
	assert_int_equal(r1.timers.t[TICKET_TIMER_HANDLE].due, testcal_day("2026-03-20"));
	assert_int_equal(r1.next_due, testcal_day("2026-03-20"));
	ok(esc_store_outcome(d, "l2a", &r1, "已协调", &id, &se), &se);
	esc_dispatch *x = NULL;
	int nx = 0;
	ok(esc_store_dispatches(d, r1.id, &x, &nx, &se), &se);
	assert_int_equal(nx, 1);
	assert_int_equal(x[0].level, 2);
	assert_int_equal(x[0].new_due, testcal_day("2026-03-20"));
	assert_string_equal(x[0].outcome, "已协调");
	assert_string_equal(x[0].by, "l2a");
	esc_dispatches_free(&x, nx);
	appeal_record_clear(&r1);
	ok(esc_store_board_counts(d, &base, &c, &se), &se);
	assert_int_equal(c.overdue, 1);
	/* a verdict for another level is not written */
	escalate(d, x3, &unit_staff, "kj", "2026-03-11", &seen);
	escalation_verdict stale_v = { .allowed = true, .action = ESC_ACT_ESCALATE, .level = 2,
		.next = 1 };
	assert_int_equal(esc_store_escalate(d, "kj", &seen, &stale_v, "再提", &se), 1);
	assert_int_equal(se.code, STORE_E_LADDER_NOT_ALLOWED);
	appeal_record_clear(&seen);

	/* the unit counts of March as of Mar 11 (store order: by unit name) */
	supervision_counts *rows = NULL;
	int n = 0;
	/* in chunks of one dispatch, each after the last one's (day, id) */
	sup_key keys[1];
	int counted = 1;
	for (int i = 0; counted == 1; i++) {
		sup_key last = keys[0];
		ok(sup_store_count_dispatches(d, testcal_day("2026-03-01"), testcal_day("2026-03-31"),
		                              cal, 1, i ? &last : NULL, 1, keys, &counted, &rows, &n, &se),
		   &se);
		assert_true(i < 10);
	}
	ok(sup_store_count_overdue(d, testcal_day("2026-03-11"), &rows, &n, &se), &se);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].unit, tc);
	assert_int_equal(rows[0].received, 1);
	assert_int_equal(rows[0].dispatched_on_time, 1);
	assert_int_equal(rows[0].signed_on_time, 0);
	assert_int_equal(rows[0].overdue_now, 1);
	assert_string_equal(rows[1].unit, kj);
	assert_int_equal(rows[1].received, 3);
	assert_int_equal(rows[1].dispatched_on_time, 3);
	assert_int_equal(rows[1].signed_on_time, 1);
	assert_int_equal(rows[1].answered, 1);
	assert_int_equal(rows[1].answered_on_time, 1);
	assert_int_equal(rows[1].escalated2, 2);
	assert_int_equal(rows[1].escalated1, 0);
	assert_int_equal(rows[1].overdue_now, 0);
	for (int i = 0; i < n; i++)
		assert_int_equal(supervision_counts_check(&rows[i], &err), 0);
	sup_store_counts_free(&rows, n);
	assert_null(rows);

	(void)x4;
	assert_int_equal(testdb_close(&t), 0);
	sb_free(&err);
}

/* The shared ladder moves, in order on one appeal dispatched to 区科经局: each row is
 * decided on the appeal as stored now (or, stale, as read before the first move). */
static void test_moves(void **state)
{
	(void)state;
	testdb t;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	db *d = open_test_db(&t, "escmove");
	add_staff(d, "l2a", "区党工委", ROLE_LEADER, 2, kj);
	add_enterprise(d);
	char x1[TICKET_NUMBER_SIZE];
	reg(d, "2026-03-02", x1);
	move(d, x1, TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, kj, "2026-03-02");
	appeal_record old;
	assert_int_equal(appeal_store_get(d, x1, false, &old, &se), 0);

	const char *const ov[] = { kj, NULL };
	const escalation_actor sup = { ROLE_SUPERVISOR, "区科经局", centre, 0, NULL };
	const escalation_actor other = { ROLE_UNIT_STAFF, tc, centre, 0, NULL };
	const escalation_actor lead = { ROLE_UNIT_STAFF, kj, centre, 0, NULL };
	const escalation_actor l2 = leader2(ov);
	static const char *const decided = "限期办结";
	const struct {
		escalation_action act;
		const escalation_actor *who;
		const char *login;
		const char *text;      /* reason, outcome or the record's decision */
		bool stale;
		esc_move_result want;
		int level;             /* the appeal's level after the row */
	} rows[] = {
		{ ESC_ACT_ESCALATE, &sup, "sv", "无法解决", false, ESC_MOVE_REFUSED, 3 },
		{ ESC_ACT_ESCALATE, &other, "tc", "无法解决", false, ESC_MOVE_REFUSED, 3 },
		{ ESC_ACT_ESCALATE, &lead, "kj", "", false, ESC_MOVE_INVALID, 3 },
		{ ESC_ACT_ESCALATE, &lead, "kj", "无法解决", false, ESC_MOVE_DONE, 2 },
		{ ESC_ACT_ESCALATE, &lead, "kj", "无法解决", false, ESC_MOVE_REFUSED, 2 },
		{ ESC_ACT_OUTCOME, &l2, "l2a", "已协调", false, ESC_MOVE_REFUSED, 2 },
		{ ESC_ACT_SCHEDULE, &l2, "l2a", "", false, ESC_MOVE_INVALID, 2 },
		{ ESC_ACT_SCHEDULE, &l2, "l2a", decided, false, ESC_MOVE_DONE, 2 },
		{ ESC_ACT_OUTCOME, &l2, "l2a", "已协调", false, ESC_MOVE_DONE, 2 },
		{ ESC_ACT_OUTCOME, &l2, "l2a", "", false, ESC_MOVE_INVALID, 2 },
		/* the lead unit may hold a level-3 dispatch on what it saw: the store refuses */
		{ ESC_ACT_SCHEDULE, &lead, "kj", decided, true, ESC_MOVE_REFUSED, 2 },
	};
	qdate today = testcal_day("2026-03-11");
	db_set_today(d, today);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		appeal_record now;
		assert_int_equal(appeal_store_get(d, x1, false, &now, &se), 0);
		esc_mover m = { d, rows[i].login, rows[i].who, cal, today };
		escalation_verdict v;
		escalation_record r = { 0, ESC_MODE_MEETING, today, "会议室", NULL, rows[i].text,
			testcal_day("2026-03-20"), NULL };
		ticket_timers after;
		int64_t id = 0;
		sb_reset(&err);
		const appeal_record *seen = rows[i].stale ? &old : &now;
		esc_move_result got = rows[i].act == ESC_ACT_ESCALATE
			? esc_move_escalate(&m, seen, rows[i].text, &v, &err)
			: rows[i].act == ESC_ACT_SCHEDULE
			? esc_move_schedule(&m, seen, &r, &after, &id, &err)
			: esc_move_outcome(&m, seen, rows[i].text, &id, &err);
		if (got != rows[i].want)
			fail_msg("row %zu: got %d, want %d: %s", i, got, rows[i].want, sb_str(&err));
		/* every result but DONE says why */
		if ((got == ESC_MOVE_DONE) != (sb_str(&err)[0] == '\0'))
			fail_msg("row %zu: message '%s'", i, sb_str(&err));
		if (rows[i].stale && !strstr(sb_str(&err), "changed"))
			fail_msg("row %zu: not refused as stale: %s", i, sb_str(&err));
		if (rows[i].act == ESC_ACT_SCHEDULE && got == ESC_MOVE_DONE) {
			assert_int_equal(r.level, 2);
			assert_int_equal(after.t[TICKET_TIMER_HANDLE].due, testcal_day("2026-03-20"));
		}
		appeal_record_clear(&now);
		assert_int_equal(appeal_store_get(d, x1, false, &now, &se), 0);
		if (now.level != rows[i].level)
			fail_msg("row %zu: level %d, want %d", i, now.level, rows[i].level);
		appeal_record_clear(&now);
	}
	esc_dispatch *x = NULL;
	int n = 0;
	ok(esc_store_dispatches(d, old.id, &x, &n, &se), &se);
	assert_int_equal(n, 1);
	assert_string_equal(x[0].decision, decided);
	assert_string_equal(x[0].outcome, "已协调");
	esc_dispatches_free(&x, n);
	appeal_record_clear(&old);
	assert_int_equal(testdb_close(&t), 0);
	sb_free(&err);
}

/* the fields a move changes, alike in a and b */
static void same_after_moves(const appeal_record *a, const appeal_record *b, const char *what)
{
	if (a->state != b->state || a->version != b->version || a->next_due != b->next_due ||
	    a->level != b->level || a->callback != b->callback ||
	    a->extended_until != b->extended_until || a->nrelated != b->nrelated)
		fail_msg("%s: state %d/%d version %d/%d due %d/%d level %d/%d", what, a->state,
		         b->state, a->version, b->version, a->next_due, b->next_due, a->level,
		         b->level);
	assert_string_equal(a->lead_unit ? a->lead_unit : "-", b->lead_unit ? b->lead_unit : "-");
	assert_string_equal(a->result, b->result);
	assert_string_equal(a->callback_reason, b->callback_reason);
	assert_string_equal(a->extension_reason, b->extension_reason);
	if (a->reported_on != b->reported_on || a->report_how != b->report_how)
		fail_msg("%s: reported on %d/%d, how %d/%d", what, a->reported_on, b->reported_on,
		         a->report_how, b->report_how);
	assert_string_equal(a->report_by, b->report_by);
	assert_string_equal(a->report_text, b->report_text);
	for (int i = 0; i < a->nrelated; i++)
		assert_string_equal(a->related[i], b->related[i]);
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *x = &a->timers.t[i], *y = &b->timers.t[i];
		if (x->start != y->start || x->days != y->days || x->due != y->due ||
		    x->done != y->done)
			fail_msg("%s: timer %d differs", what, i);
	}
}

static const char *const held_related[] = { "区财政局", tc };
static const struct held_step {
	ticket_action a;
	const char *login;
	role_t role;
	const char *unit, *to_unit, *day, *until;
} held_steps[] = {
	{ TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, kj, "2026-03-02", NULL },
	{ TICKET_ACT_RETURN, "kj", ROLE_UNIT_STAFF, kj, NULL, "2026-03-03", NULL },
	{ TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, tc, "2026-03-03", NULL },
	{ TICKET_ACT_SIGN, "tc", ROLE_UNIT_STAFF, tc, NULL, "2026-03-04", NULL },
	{ TICKET_ACT_EXTEND, "tc", ROLE_UNIT_STAFF, tc, NULL, "2026-03-05", "2026-03-31" },
	{ TICKET_ACT_ANSWER, "tc", ROLE_UNIT_STAFF, tc, NULL, "2026-03-10", NULL },
	{ TICKET_ACT_REPORT, "fd", ROLE_FRONTDESK, centre, NULL, "2026-03-11", NULL },
	{ TICKET_ACT_CALLBACK_DISSATISFIED, "fd", ROLE_FRONTDESK, centre, NULL,
	  "2026-03-11", NULL },
};

/* decide step i of held_steps on rec as its person would, with today set on d */
static void held_step(db *d, size_t i, const appeal_record *rec, ticket_move *m,
		ticket_input *in, ticket_timers *after)
{
	const struct held_step *st = &held_steps[i];
	qdate today = testcal_day(st->day);
	ticket_actor who = { st->role, st->unit, centre };
	*in = (ticket_input){ .text = "已办理", .unit = st->to_unit,
		.until = st->until ? testcal_day(st->until) : DATE_NONE, .on = DATE_NONE };
	if (st->a == TICKET_ACT_REPORT) {
		in->on = today;
		in->how = TICKET_HOW_PHONE;
		in->by = "付强";
	}
	if (st->to_unit && i == 0) {
		in->related = held_related;
		in->nrelated = 2;
	}
	ticket_params p = ticket_params_default();
	ticket_view v = appeal_record_view(rec);
	if (!ticket_decide(&v, st->a, &who, m))
		fail_msg("step %zu: not allowed", i);
	*after = rec->timers;
	ticket_timers_apply(after, m, &v, in, &p, cal, today);
	db_set_today(d, today);
}

/* The demo's bulk path: moves on a record held inside one transaction
 * (appeal_store_apply_held) leave it as a fresh read would, and write what the one
 * move path writes. Two appeals live the same moves: x through appeal_store_move,
 * y held, its row written once at the end. */
static void test_held_moves(void **state)
{
	(void)state;
	testdb t;
	store_err se = { 0 };
	db *d = open_test_db(&t, "eschold");
	add_staff(d, "tc", tc, ROLE_UNIT_STAFF, 0, NULL);
	add_enterprise(d);
	char x[TICKET_NUMBER_SIZE], y[TICKET_NUMBER_SIZE];
	reg(d, "2026-03-02", x);
	reg(d, "2026-03-02", y);
	appeal_record held;
	ok(db_begin(d, &se), &se);
	assert_int_equal(appeal_store_get(d, y, false, &held, &se), 0);
	int stored = held.version;
	ticket_timers stored_timers = held.timers;
	for (size_t i = 0; i < sizeof held_steps / sizeof held_steps[0]; i++) {
		ticket_move m;
		ticket_input in;
		ticket_timers after;
		held_step(d, i, &held, &m, &in, &after);
		ok(appeal_store_apply_held(d, held_steps[i].login, &held, &m, &in, &after, &se), &se);
	}
	ok(appeal_store_write_held(d, &held, stored, &stored_timers, &se), &se);
	ok(db_commit(d, &se), &se);
	appeal_record read;
	assert_int_equal(appeal_store_get(d, y, true, &read, &se), 0);
	same_after_moves(&held, &read, "held against its fresh read");
	assert_string_equal(held.updated_at, read.updated_at);
	assert_int_equal(read.nevents, 1 + (int)(sizeof held_steps / sizeof held_steps[0]));

	/* the same moves through the one move path (related units only where given) */
	for (size_t i = 0; i < sizeof held_steps / sizeof held_steps[0]; i++) {
		appeal_record rec;
		assert_int_equal(appeal_store_get(d, x, false, &rec, &se), 0);
		ticket_move m;
		ticket_input in;
		ticket_timers after;
		held_step(d, i, &rec, &m, &in, &after);
		ok(appeal_store_move(d, held_steps[i].login, &rec, &m, &in, &after, &se), &se);
		appeal_record_clear(&rec);
	}
	appeal_record moved;
	assert_int_equal(appeal_store_get(d, x, true, &moved, &se), 0);
	same_after_moves(&moved, &read, "the two paths");
	assert_int_equal(moved.nevents, read.nevents);
	for (int i = 0; i < moved.nevents; i++) {
		assert_string_equal(moved.events[i].action, read.events[i].action);
		assert_string_equal(moved.events[i].summary, read.events[i].summary);
		assert_string_equal(moved.events[i].reason, read.events[i].reason);
	}
	appeal_record_clear(&moved);
	appeal_record_clear(&read);
	appeal_record_clear(&held);

	/* a screen counts up to what it shows: limit + 1 says "more" */
	static const struct { long limit, want; } upto[] = {
		{ -1, 2 }, { 0, 1 }, { 1, 2 }, { 2, 2 }, { 1000, 2 },
	};
	appeal_filter all = { 0 };
	for (size_t i = 0; i < sizeof upto / sizeof upto[0]; i++) {
		long n = -1;
		ok(appeal_store_count_upto(d, &all, upto[i].limit, &n, &se), &se);
		if (n != upto[i].want)
			fail_msg("count up to %ld: %ld, want %ld", upto[i].limit, n, upto[i].want);
	}
	/* pages by key in number order, both ways */
	appeal_row page[2];
	int n = 0;
	ok(appeal_store_window_after(d, &all, APPEAL_SORT_NUMBER, false, NULL, 1, page, &n, &se),
	   &se);
	assert_int_equal(n, 1);
	assert_string_equal(page[0].number, x);
	appeal_row first = page[0];
	ok(appeal_store_window_after(d, &all, APPEAL_SORT_NUMBER, false, &first, 2, page, &n, &se),
	   &se);
	assert_int_equal(n, 1);
	assert_string_equal(page[0].number, y);
	appeal_row second = page[0];
	ok(appeal_store_window_after(d, &all, APPEAL_SORT_NUMBER, false, &second, 2, page, &n,
	                             &se), &se);
	assert_int_equal(n, 0);
	ok(appeal_store_window_after(d, &all, APPEAL_SORT_NUMBER, true, &second, 2, page, &n, &se),
	   &se);
	assert_int_equal(n, 1);
	assert_string_equal(page[0].number, x);
	appeal_row_clear(&page[0]);
	appeal_row_clear(&first);
	appeal_row_clear(&second);
	long views[APPEAL_VIEW__COUNT];
	ok(appeal_store_view_counts(d, &all, kj, 0, views, &se), &se);
	assert_int_equal(views[APPEAL_VIEW_DISSATISFIED], 1);   /* 1 + 1: there are more */
	assert_int_equal(views[APPEAL_VIEW_CLOSED], 0);
	assert_int_equal(testdb_close(&t), 0);
}

/* Every order read by key a chunk at a time gives the rows the whole ordered list
 * gives, in its order, each once, whatever the chunk's size: with ties in every
 * order column, NULL lead units and NULL deadlines (which sort first, or last when
 * descending), both directions. No chunk leaves a read transaction open. */
static void test_keyset_orders(void **state)
{
	(void)state;
	testdb t;
	store_err se = { 0 };
	db *d = open_test_db(&t, "keyset");
	add_enterprise(d);
	enum { N = 14 };
	char num[N][TICKET_NUMBER_SIZE];
	for (int i = 0; i < N; i++)
		reg(d, "2026-03-02", num[i]);
	/* scatter the order columns: states, lead units (NULL for some), deadlines
	 * (NULL for some, ties for others) */
	static const char *const states[] = { "dispatched", "in_progress", "answered", "closed" };
	static const char *const units[] = { NULL, "区科经局", "区税务局", NULL, "区科经局" };
	static const char *const dues[] = { NULL, "2026-03-10", "2026-03-10", "2026-03-05", NULL,
		"2026-04-01" };
	for (int i = 0; i < N; i++) {
		char *sql = sqlite3_mprintf("UPDATE appeal SET state = %Q, lead_unit = %Q,"
		                            " next_due = %Q WHERE number = %Q", states[i % 4],
		                            units[i % 5], dues[(i * 7) % 6], num[i]);
		assert_int_equal(sqlite3_exec(db_handle(d), sql, NULL, NULL, NULL), SQLITE_OK);
		sqlite3_free(sql);
	}
	appeal_filter all = { 0 };
	appeal_row whole[N + 1], chunk[5], last;
	for (int sort = 0; sort < APPEAL_SORT__COUNT; sort++) {
		for (int desc = 0; desc < 2; desc++) {
			int nwhole = 0;
			ok(appeal_store_window(d, &all, (appeal_sort)sort, desc, 0, N + 1, whole, &nwhole,
			                       &se), &se);
			assert_int_equal(nwhole, N);
			for (int size = 1; size <= 5; size++) {
				int at = 0, n;
				bool have = false;
				do {
					ok(appeal_store_window_after(d, &all, (appeal_sort)sort, desc,
					                             have ? &last : NULL, size, chunk, &n, &se),
					   &se);
					assert_false(db_in_transaction(d));
					if (have)
						appeal_row_clear(&last);
					have = false;
					for (int i = 0; i < n; i++, at++) {
						if (at >= N || chunk[i].id != whole[at].id)
							fail_msg("sort %d desc %d chunks of %d: row %d is %s, want %s",
							         sort, desc, size, at, chunk[i].number,
							         at < N ? whole[at].number : "none");
						if (i == n - 1) {
							last = chunk[i];
							have = true;
						} else {
							appeal_row_clear(&chunk[i]);
						}
					}
				} while (n == size);
				if (have)
					appeal_row_clear(&last);
				if (at != N)
					fail_msg("sort %d desc %d chunks of %d: %d rows, want %d", sort, desc,
					         size, at, N);
			}
			for (int i = 0; i < nwhole; i++)
				appeal_row_clear(&whole[i]);
		}
	}
	assert_int_equal(testdb_close(&t), 0);
}

/* A live desk's look for the appeals given to its unit: registered for it by the
 * centre (not by its own staff), dispatched to it; from the remembered event on, at
 * most cap of them. */
static void test_news(void **state)
{
	(void)state;
	testdb t;
	store_err se = { 0 };
	db *d = open_test_db(&t, "news");
	add_enterprise(d);
	const char *const mine[] = { kj }, *const theirs[] = { tc };
	appeal_news got[4];
	bool more;
	int64_t after = -1, tc_after = -1;
	/* the first look only remembers where the log ends */
	assert_int_equal(appeal_store_news(d, &after, mine, 1, got, 4, &more, &se), 0);
	assert_true(after > 0);
	assert_int_equal(appeal_store_news(d, &tc_after, theirs, 1, got, 4, &more, &se), 0);
	int64_t start = after;

	char x1[TICKET_NUMBER_SIZE], x2[TICKET_NUMBER_SIZE], x3[TICKET_NUMBER_SIZE];
	reg(d, "2026-03-02", x1);                /* the centre's own: nobody's news */
	reg_by(d, "2026-03-02", "fd", kj, x2);   /* the centre registers it for 区科经局 */
	reg_by(d, "2026-03-02", "kj", kj, x3);   /* 区科经局 registers its own: no news */
	move(d, x1, TICKET_ACT_DISPATCH, "fd", ROLE_FRONTDESK, centre, kj, "2026-03-02");
	assert_int_equal(appeal_store_news(d, &after, mine, 1, got, 4, &more, &se), 2);
	assert_false(more);
	assert_string_equal(got[0].number, x2);
	assert_string_equal(got[0].unit, kj);
	assert_string_equal(got[1].number, x1);
	assert_string_equal(got[1].unit, kj);
	assert_true(got[0].event_id < got[1].event_id);
	appeal_news_clear(got, 2);
	/* nothing since: nothing again */
	assert_int_equal(appeal_store_news(d, &after, mine, 1, got, 4, &more, &se), 0);
	/* another unit was given none of them */
	assert_int_equal(appeal_store_news(d, &tc_after, theirs, 1, got, 4, &more, &se), 0);
	/* at most cap, and more says there were others */
	int64_t again = start;
	assert_int_equal(appeal_store_news(d, &again, mine, 1, got, 1, &more, &se), 1);
	assert_true(more);
	assert_string_equal(got[0].number, x2);
	assert_int_equal(again, after);
	appeal_news_clear(got, 1);
	assert_int_equal(testdb_close(&t), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggested),
		cmocka_unit_test(test_board_states),
		cmocka_unit_test(test_board_filter),
		cmocka_unit_test(test_board_store),
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_held_moves),
		cmocka_unit_test(test_news),
		cmocka_unit_test(test_keyset_orders),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
