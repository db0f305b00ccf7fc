/* The appeal state machine: every state x action x role x relation against an
 * expected table written out here, independently of src/model/ticket.c; whole
 * lives of appeals through the moves with their timers; refusal texts; input checks;
 * appeal numbers. */
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
#include "core/paths.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "testcal.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/ticket.h"
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

/* ---- the expected table ------------------------------------------------------ */

/* who: F first-responsible unit, L lead unit, C the centre's front desk, A any login
 * with a unit. timers: d h e f r (dispatch, handle, explain, feedback, report), each
 * followed by
 * + start, ^ start counted from dispatch, = due set to the extension date, - stop. */
static const struct cell {
	ticket_state from;
	ticket_action action;
	const char *who;
	ticket_state to;
	const char *timers;
} expect[] = {
	{ TICKET_ST_NEW, TICKET_ACT_REGISTER, "A", TICKET_ST_REGISTERED, "" },

	{ TICKET_ST_REGISTERED, TICKET_ACT_SELF_HANDLE, "F", TICKET_ST_SELF_HANDLING, "d-h+" },
	{ TICKET_ST_REGISTERED, TICKET_ACT_SUBMIT, "F", TICKET_ST_SUBMITTED, "d+" },
	{ TICKET_ST_REGISTERED, TICKET_ACT_WITHDRAW, "FC", TICKET_ST_WITHDRAWN, "d-h-e-f-r-" },
	{ TICKET_ST_REGISTERED, TICKET_ACT_MERGE, "FC", TICKET_ST_MERGED, "d-h-e-f-r-" },

	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_SUBMIT, "F", TICKET_ST_SUBMITTED, "d+h-" },
	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_ANSWER, "F", TICKET_ST_ANSWERED, "h-r+" },
	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_WITHDRAW, "FC", TICKET_ST_WITHDRAWN, "d-h-e-f-r-" },
	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_MERGE, "FC", TICKET_ST_MERGED, "d-h-e-f-r-" },

	{ TICKET_ST_SUBMITTED, TICKET_ACT_DISPATCH, "C", TICKET_ST_DISPATCHED, "d-h+" },
	{ TICKET_ST_SUBMITTED, TICKET_ACT_WITHDRAW, "FC", TICKET_ST_WITHDRAWN, "d-h-e-f-r-" },
	{ TICKET_ST_SUBMITTED, TICKET_ACT_MERGE, "FC", TICKET_ST_MERGED, "d-h-e-f-r-" },

	{ TICKET_ST_DISPATCHED, TICKET_ACT_SIGN, "L", TICKET_ST_IN_PROGRESS, "" },
	{ TICKET_ST_DISPATCHED, TICKET_ACT_RETURN, "L", TICKET_ST_SUBMITTED, "d+h-" },
	{ TICKET_ST_DISPATCHED, TICKET_ACT_WITHDRAW, "FC", TICKET_ST_WITHDRAWN, "d-h-e-f-r-" },
	{ TICKET_ST_DISPATCHED, TICKET_ACT_MERGE, "FC", TICKET_ST_MERGED, "d-h-e-f-r-" },

	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_RETURN, "L", TICKET_ST_SUBMITTED, "d+h-" },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_EXTEND, "L", TICKET_ST_EXTENDED, "h=e^" },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_ANSWER, "L", TICKET_ST_ANSWERED, "h-r+" },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_WITHDRAW, "FC", TICKET_ST_WITHDRAWN, "d-h-e-f-r-" },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_MERGE, "FC", TICKET_ST_MERGED, "d-h-e-f-r-" },

	{ TICKET_ST_EXTENDED, TICKET_ACT_EXTEND, "L", TICKET_ST_EXTENDED, "h=" },
	{ TICKET_ST_EXTENDED, TICKET_ACT_EXPLAIN, "L", TICKET_ST_EXTENDED, "e-" },
	{ TICKET_ST_EXTENDED, TICKET_ACT_ANSWER, "L", TICKET_ST_ANSWERED, "h-e-r+" },
	{ TICKET_ST_EXTENDED, TICKET_ACT_WITHDRAW, "FC", TICKET_ST_WITHDRAWN, "d-h-e-f-r-" },
	{ TICKET_ST_EXTENDED, TICKET_ACT_MERGE, "FC", TICKET_ST_MERGED, "d-h-e-f-r-" },

	/* the first-responsible unit tells the enterprise; only then the callback */
	{ TICKET_ST_ANSWERED, TICKET_ACT_REPORT, "F", TICKET_ST_REPORTED, "r-" },
	{ TICKET_ST_REPORTED, TICKET_ACT_CALLBACK_SATISFIED, "C", TICKET_ST_CALLBACK_SATISFIED,
		"" },
	{ TICKET_ST_REPORTED, TICKET_ACT_CALLBACK_DISSATISFIED, "C",
		TICKET_ST_CALLBACK_DISSATISFIED, "f+" },
	{ TICKET_ST_CALLBACK_SATISFIED, TICKET_ACT_CLOSE, "FC", TICKET_ST_CLOSED, "d-h-e-f-r-" },
	{ TICKET_ST_CALLBACK_DISSATISFIED, TICKET_ACT_FEEDBACK, "C", TICKET_ST_FED_BACK, "f-" },
	{ TICKET_ST_FED_BACK, TICKET_ACT_CLARIFY, "L", TICKET_ST_EXPLAINED, "" },
	{ TICKET_ST_EXPLAINED, TICKET_ACT_REQUEST_CLOSE, "L", TICKET_ST_CLOSE_REQUESTED, "" },
	{ TICKET_ST_CLOSE_REQUESTED, TICKET_ACT_CLOSE, "F", TICKET_ST_CLOSED, "d-h-e-f-r-" },
};

/* per action: what the input must hold, whether the UI confirms, what happens to
 * the lead unit (k keep, i from input, f the first unit, c cleared) */
static const struct action_expect {
	unsigned needs;
	bool irreversible;
	char lead;
} expect_action[TICKET_ACT__COUNT] = {
	[TICKET_ACT_REGISTER] = { 0, false, 'k' },
	[TICKET_ACT_SELF_HANDLE] = { 0, false, 'f' },
	[TICKET_ACT_SUBMIT] = { 0, false, 'c' },
	[TICKET_ACT_DISPATCH] = { TICKET_NEEDS_UNIT, false, 'i' },
	[TICKET_ACT_SIGN] = { 0, false, 'k' },
	[TICKET_ACT_RETURN] = { TICKET_NEEDS_TEXT, false, 'c' },
	[TICKET_ACT_EXTEND] = { TICKET_NEEDS_TEXT | TICKET_NEEDS_DATE, false, 'k' },
	[TICKET_ACT_EXPLAIN] = { TICKET_NEEDS_TEXT, false, 'k' },
	[TICKET_ACT_ANSWER] = { TICKET_NEEDS_TEXT, false, 'k' },
	[TICKET_ACT_REPORT] = { TICKET_NEEDS_TEXT | TICKET_NEEDS_REPORT, false, 'k' },
	[TICKET_ACT_CALLBACK_SATISFIED] = { 0, false, 'k' },
	[TICKET_ACT_CALLBACK_DISSATISFIED] = { TICKET_NEEDS_TEXT, false, 'k' },
	[TICKET_ACT_FEEDBACK] = { TICKET_NEEDS_TEXT, false, 'k' },
	[TICKET_ACT_CLARIFY] = { TICKET_NEEDS_TEXT, false, 'k' },
	[TICKET_ACT_REQUEST_CLOSE] = { 0, false, 'k' },
	[TICKET_ACT_CLOSE] = { 0, true, 'k' },
	[TICKET_ACT_WITHDRAW] = { TICKET_NEEDS_TEXT, true, 'k' },
	[TICKET_ACT_MERGE] = { TICKET_NEEDS_TARGET, true, 'k' },
};

static const struct cell *cell_of(ticket_state s, ticket_action a)
{
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		if (expect[i].from == s && expect[i].action == a)
			return &expect[i];
	return NULL;
}

static bool unit_role(role_t r)
{
	return r == ROLE_FRONTDESK || r == ROLE_AREA_OFFICER || r == ROLE_UNIT_STAFF;
}

/* the expected verdict for an actor with a unit and relation bits rel */
static bool expect_allowed(const struct cell *c, role_t role, unsigned rel)
{
	if (!c)
		return false;
	if (strchr(c->who, 'A'))
		return true;
	if (strchr(c->who, 'C') && role == ROLE_FRONTDESK && (rel & TICKET_REL_CENTRE))
		return true;
	if (!unit_role(role))
		return false;
	return (strchr(c->who, 'F') && (rel & TICKET_REL_FIRST)) ||
		(strchr(c->who, 'L') && (rel & TICKET_REL_LEAD));
}

/* the relation bits a cell's who letters stand for */
static unsigned who_bits(const struct cell *c)
{
	unsigned w = 0;
	if (!c)
		return 0;
	w |= strchr(c->who, 'F') ? TICKET_REL_FIRST : 0;
	w |= strchr(c->who, 'L') ? TICKET_REL_LEAD : 0;
	w |= strchr(c->who, 'C') ? TICKET_REL_CENTRE : 0;
	w |= strchr(c->who, 'A') ? TICKET_REL_ANY : 0;
	return w;
}

static void timers_string(const ticket_move *m, char *buf)
{
	static const char names[] = "dhefr";
	char *p = buf;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		char op = 0;
		switch (m->timer[i]) {
		case TICKET_TIMER_KEEP: break;
		case TICKET_TIMER_START: op = '+'; break;
		case TICKET_TIMER_START_AT_DISPATCH: op = '^'; break;
		case TICKET_TIMER_SET_UNTIL: op = '='; break;
		case TICKET_TIMER_STOP: op = '-'; break;
		}
		if (op) {
			*p++ = names[i];
			*p++ = op;
		}
	}
	*p = '\0';
}

static char lead_letter(ticket_lead_op op)
{
	switch (op) {
	case TICKET_LEAD_KEEP: return 'k';
	case TICKET_LEAD_SET_INPUT: return 'i';
	case TICKET_LEAD_SET_FIRST: return 'f';
	case TICKET_LEAD_CLEAR: return 'c';
	}
	return '?';
}

/* a ticket and an actor standing in relations rel to it */
struct fixture {
	const char *related[2];
	ticket_view view;
	ticket_actor actor;
};

static void fixture_make(struct fixture *f, ticket_state s, role_t role, unsigned rel,
		const char *unit)
{
	memset(f, 0, sizeof *f);
	f->related[0] = "区社发局";
	f->related[1] = (rel & TICKET_REL_RELATED) ? unit : "区党政办";
	f->view.number = "2026-000042";
	f->view.enterprise = "914403001922038216";
	f->view.state = s;
	f->view.kind = TICKET_KIND_GENERAL;
	f->view.first_unit = (rel & TICKET_REL_FIRST) ? unit : "麻丘镇";
	f->view.lead_unit = (rel & TICKET_REL_LEAD) ? unit : "区科经局";
	f->view.related = f->related;
	f->view.nrelated = 2;
	f->actor.role = role;
	f->actor.unit = unit;
	f->actor.centre = (rel & TICKET_REL_CENTRE) ? unit : "区企服中心";
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("\"%s\" lacks \"%s\"", hay, needle);
}

static int expected_possible(ticket_state s, role_t role, unsigned rel, bool with_unit,
		ticket_action out[TICKET_ACT__COUNT])
{
	int n = 0;
	if (!with_unit)
		return 0;
	for (int a = 0; a < TICKET_ACT__COUNT; a++)
		if (expect_allowed(cell_of(s, (ticket_action)a), role, rel))
			out[n++] = (ticket_action)a;
	return n;
}

static void check_one(ticket_state s, ticket_action a, role_t role, unsigned rel,
		const char *unit)
{
	struct fixture f;
	fixture_make(&f, s, role, rel, unit);
	bool with_unit = unit && *unit;
	const struct cell *c = cell_of(s, a);
	bool want = with_unit && expect_allowed(c, role, rel);
	ticket_move m;
	bool got = ticket_decide(&f.view, a, &f.actor, &m);
	if (got != want)
		fail_msg("%s x %s by %s rel %u unit %s: got %d, want %d", ticket_state_code(s),
			ticket_action_code(a), role_code(role), rel, unit ? unit : "(none)", got,
			want);
	assert_int_equal(m.allowed, got);
	assert_int_equal(m.action, a);
	assert_int_equal(m.from, s);
	assert_int_equal(m.who, who_bits(c));
	if (with_unit)
		assert_int_equal(ticket_relations(&f.view, &f.actor), rel);

	if (got) {
		ticket_state to = c->to;
		const char *timers = c->timers;
		/* the centre's registration reaches the centre at once: its day runs */
		if (a == TICKET_ACT_REGISTER && (rel & TICKET_REL_CENTRE)) {
			to = TICKET_ST_SUBMITTED;
			timers = "d+";
		}
		assert_int_equal(m.to, to);
		assert_int_equal(m.refusal, TICKET_OK);
		char tbuf[16];
		timers_string(&m, tbuf);
		assert_string_equal(tbuf, timers);
		assert_int_equal(m.needs, expect_action[a].needs);
		assert_int_equal(m.irreversible, expect_action[a].irreversible);
		assert_int_equal(lead_letter(m.lead), expect_action[a].lead);
		return;
	}

	assert_int_equal(m.to, s);
	ticket_refusal why;
	if (!c)
		why = TICKET_REFUSED_STATE;
	else if (!strchr(c->who, 'A') && !unit_role(role))
		why = TICKET_REFUSED_ROLE;
	else if (!with_unit)
		why = TICKET_REFUSED_NO_UNIT;
	else
		why = TICKET_REFUSED_ACTOR;
	assert_int_equal(m.refusal, why);

	ticket_action poss[TICKET_ACT__COUNT];
	int np = expected_possible(s, role, rel, with_unit, poss);
	assert_int_equal(m.npossible, np);
	for (int i = 0; i < np; i++)
		assert_int_equal(m.possible[i], poss[i]);

	/* the text names the state, the move, the role and what is possible instead */
	strbuf text = STRBUF_INIT;
	ticket_refusal_text(&f.view, &f.actor, &m, &text);
	const char *t = sb_str(&text);
	assert_contains(t, ticket_state_label(s));
	assert_contains(t, ticket_action_label(a));
	assert_contains(t, role_label(role));
	for (int i = 0; i < np; i++)
		assert_contains(t, ticket_action_label(poss[i]));
	if (np == 0)
		assert_contains(t, "nothing you may do");
	if (why == TICKET_REFUSED_ACTOR) {
		if (strchr(c->who, 'F'))
			assert_contains(t, f.view.first_unit);
		if (strchr(c->who, 'L'))
			assert_contains(t, f.view.lead_unit);
		if (strchr(c->who, 'C'))
			assert_contains(t, f.actor.centre);
	}
	sb_free(&text);
}

/* every state x action x role x relation set, and every one again without a unit */
static void test_table_exhaustive(void **state)
{
	(void)state;
	int checked = 0;
	for (int s = 0; s < TICKET_ST__COUNT; s++)
		for (int a = 0; a < TICKET_ACT__COUNT; a++)
			for (int r = 0; r < ROLE__COUNT; r++) {
				for (unsigned rel = 0; rel < 16; rel++, checked++)
					check_one((ticket_state)s, (ticket_action)a, (role_t)r, rel,
						"区投促局");
				check_one((ticket_state)s, (ticket_action)a, (role_t)r, 0, NULL);
				check_one((ticket_state)s, (ticket_action)a, (role_t)r, 0, "");
			}
	assert_int_equal(checked, TICKET_ST__COUNT * TICKET_ACT__COUNT * ROLE__COUNT * 16);
	assert_int_equal(checked, 17 * 18 * 6 * 16);
}

/* ticket_allowed_actions agrees with the expected table for every actor */
static void test_allowed_actions(void **state)
{
	(void)state;
	for (int s = 0; s < TICKET_ST__COUNT; s++)
		for (int r = 0; r < ROLE__COUNT; r++)
			for (unsigned rel = 0; rel < 16; rel++) {
				struct fixture f;
				fixture_make(&f, (ticket_state)s, (role_t)r, rel, "昌东镇");
				ticket_action got[TICKET_ACT__COUNT], want[TICKET_ACT__COUNT];
				int n = ticket_allowed_actions(&f.view, &f.actor, got);
				int wn = expected_possible((ticket_state)s, (role_t)r, rel, true, want);
				assert_int_equal(n, wn);
				for (int i = 0; i < n; i++)
					assert_int_equal(got[i], want[i]);
			}
}

/* an illegal pair in the expected table would make the exhaustive test vacuous */
static void test_expected_table_sane(void **state)
{
	(void)state;
	int open_with_moves = 0;
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		for (size_t j = 0; j < i; j++)
			assert_false(expect[i].from == expect[j].from &&
				expect[i].action == expect[j].action);
		assert_true(expect[i].from < TICKET_ST_CLOSED);
	}
	for (int s = TICKET_ST_REGISTERED; s < TICKET_ST_CLOSED; s++) {
		bool any = false;
		for (int a = 0; a < TICKET_ACT__COUNT; a++)
			any |= cell_of((ticket_state)s, (ticket_action)a) != NULL;
		open_with_moves += any;
	}
	/* every open state has a way out */
	assert_int_equal(open_with_moves, TICKET_ST_CLOSED - TICKET_ST_REGISTERED);
}

static void test_codes(void **state)
{
	(void)state;
	static const char *const states[] = {
		"new", "registered", "self_handling", "submitted", "dispatched", "in_progress",
		"extended", "answered", "reported", "callback_satisfied", "callback_dissatisfied",
		"fed_back", "explained", "close_requested", "closed", "withdrawn", "merged",
	};
	static const char *const acts[] = {
		"register", "self_handle", "submit", "dispatch", "sign", "return", "extend",
		"explain", "answer", "report", "callback_satisfied", "callback_dissatisfied",
		"feedback", "clarify", "request_close", "close", "withdraw", "merge",
	};
	static const char *const kinds[] = { "simple", "general", "complex" };
	assert_int_equal(sizeof states / sizeof states[0], TICKET_ST__COUNT);
	assert_int_equal(sizeof acts / sizeof acts[0], TICKET_ACT__COUNT);
	for (int i = 0; i < TICKET_ST__COUNT; i++) {
		ticket_state s;
		assert_string_equal(ticket_state_code((ticket_state)i), states[i]);
		assert_true(ticket_state_parse(states[i], &s));
		assert_int_equal(s, i);
		assert_non_null(ticket_state_label((ticket_state)i));
		assert_int_equal(ticket_state_is_open((ticket_state)i),
			i >= TICKET_ST_REGISTERED && i <= TICKET_ST_CLOSE_REQUESTED);
	}
	for (int i = 0; i < TICKET_ACT__COUNT; i++) {
		ticket_action a;
		assert_string_equal(ticket_action_code((ticket_action)i), acts[i]);
		assert_true(ticket_action_parse(acts[i], &a));
		assert_int_equal(a, i);
		/* a text label exactly where a text is needed */
		assert_int_equal(ticket_action_text_label((ticket_action)i) != NULL,
			(expect_action[i].needs & TICKET_NEEDS_TEXT) != 0);
	}
	for (int i = 0; i < TICKET_KIND__COUNT; i++) {
		ticket_kind k;
		assert_string_equal(ticket_kind_code((ticket_kind)i), kinds[i]);
		assert_true(ticket_kind_parse(kinds[i], &k));
		assert_int_equal(k, i);
	}
	ticket_state s;
	ticket_action a;
	ticket_kind k;
	assert_false(ticket_state_parse("open", &s));
	assert_false(ticket_state_parse(NULL, &s));
	assert_false(ticket_action_parse("request-close", &a));
	assert_false(ticket_kind_parse("Simple", &k));
	assert_string_equal(ticket_state_code(TICKET_ST__COUNT), "?");
	assert_string_equal(ticket_action_code(TICKET_ACT__COUNT), "?");
}

/* ---- whole lives ------------------------------------------------------------- */

/* what the store would keep of a ticket, enough to replay moves */
struct life {
	ticket_state state;
	ticket_kind kind;
	const char *number;
	const char *first;
	const char *lead;
	const char *const *related;
	int nrelated;
	ticket_timers tm;
	ticket_params p;
};

static void life_start(struct life *l, ticket_kind kind)
{
	memset(l, 0, sizeof *l);
	l->state = TICKET_ST_NEW;
	l->kind = kind;
	l->number = "2026-000123";
	ticket_timers_init(&l->tm);
	l->p = ticket_params_default();
}

static ticket_view life_view(const struct life *l)
{
	return (ticket_view){
		.number = l->number, .enterprise = "91360117914177769G", .state = l->state,
		.kind = l->kind, .first_unit = l->first, .lead_unit = l->lead,
		.related = l->related, .nrelated = l->nrelated,
	};
}

static ticket_actor staff(role_t role, const char *unit)
{
	return (ticket_actor){ role, unit, "区企服中心" };
}

static const ticket_input no_input = { .until = DATE_NONE };

/* make the move as the store would: decide, check the input, apply everything */
static void step(struct life *l, ticket_action a, ticket_actor who, const ticket_input *in,
		const char *today)
{
	ticket_view v = life_view(l);
	ticket_move m;
	if (!ticket_decide(&v, a, &who, &m)) {
		strbuf t = STRBUF_INIT;
		ticket_refusal_text(&v, &who, &m, &t);
		fail_msg("%s refused: %s", ticket_action_code(a), sb_str(&t));
	}
	strbuf err = STRBUF_INIT;
	if (ticket_input_check(&v, &l->tm, &m, in ? in : &no_input, cal, day(today), &err) < 0)
		fail_msg("%s input refused: %s", ticket_action_code(a), sb_str(&err));
	sb_free(&err);
	ticket_timers_apply(&l->tm, &m, &v, in, &l->p, cal, day(today));
	if (a == TICKET_ACT_REGISTER)
		l->first = who.unit;
	switch (m.lead) {
	case TICKET_LEAD_KEEP:
		break;
	case TICKET_LEAD_SET_INPUT:
		l->lead = in->unit;
		l->related = in->related;
		l->nrelated = in->nrelated;
		break;
	case TICKET_LEAD_SET_FIRST:
		l->lead = l->first;
		break;
	case TICKET_LEAD_CLEAR:
		l->lead = NULL;
		l->related = NULL;
		l->nrelated = 0;
		break;
	}
	l->state = m.to;
}

static void refused(const struct life *l, ticket_action a, ticket_actor who,
		ticket_refusal why)
{
	ticket_view v = life_view(l);
	ticket_move m;
	assert_false(ticket_decide(&v, a, &who, &m));
	assert_int_equal(m.refusal, why);
}

/* start "", due date, done date ("" for none) */
static void timer_is(const struct life *l, ticket_timer which, const char *start,
		const char *due, const char *done)
{
	const ticket_timer_state *ts = &l->tm.t[which];
	char a[16], b[16], c[16];
	const char *got_start = ts->start == DATE_NONE ? "" : date_format(ts->start, a);
	const char *got_due = ts->due == DATE_NONE ? "" : date_format(ts->due, b);
	const char *got_done = ts->done == DATE_NONE ? "" : date_format(ts->done, c);
	if (strcmp(got_start, start) || strcmp(got_due, due) || strcmp(got_done, done))
		fail_msg("timer %s: start %s due %s done %s; want %s %s %s",
			ticket_timer_code(which), got_start, got_due, got_done, start, due, done);
}

static void test_life_satisfied(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_GENERAL);
	ticket_actor kejing = staff(ROLE_UNIT_STAFF, "区科经局");
	ticket_actor touzu = staff(ROLE_UNIT_STAFF, "区投促局");
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");

	/* Monday 2026-03-02: 区科经局 takes the appeal on a visit */
	step(&l, TICKET_ACT_REGISTER, kejing, NULL, "2026-03-02");
	assert_int_equal(l.state, TICKET_ST_REGISTERED);
	assert_string_equal(l.first, "区科经局");
	/* the centre's day runs from when the appeal reaches it, not from here */
	timer_is(&l, TICKET_TIMER_DISPATCH, "", "", "");
	refused(&l, TICKET_ACT_DISPATCH, desk, TICKET_REFUSED_STATE);

	/* it cannot solve it: to the centre on Tuesday, which then has its full day */
	step(&l, TICKET_ACT_SUBMIT, kejing, NULL, "2026-03-03");
	assert_int_equal(l.state, TICKET_ST_SUBMITTED);
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-03-03", "2026-03-04", "");
	refused(&l, TICKET_ACT_DISPATCH, kejing, TICKET_REFUSED_ACTOR);

	ticket_input to_touzu = { .unit = "区投促局", .until = DATE_NONE };
	step(&l, TICKET_ACT_DISPATCH, desk, &to_touzu, "2026-03-04");
	assert_int_equal(l.state, TICKET_ST_DISPATCHED);
	assert_string_equal(l.lead, "区投促局");
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-03-03", "2026-03-04", "2026-03-04");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-03-04", "2026-03-09", "");

	refused(&l, TICKET_ACT_SIGN, kejing, TICKET_REFUSED_ACTOR);
	step(&l, TICKET_ACT_SIGN, touzu, NULL, "2026-03-05");
	assert_int_equal(l.state, TICKET_ST_IN_PROGRESS);

	ticket_input result = { .text = "已协调供电公司增容", .until = DATE_NONE };
	step(&l, TICKET_ACT_ANSWER, touzu, &result, "2026-03-06");
	assert_int_equal(l.state, TICKET_ST_ANSWERED);
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-03-04", "2026-03-09", "2026-03-06");

	/* the answer starts the first unit's day to tell the enterprise (Friday: Monday) */
	timer_is(&l, TICKET_TIMER_REPORT, "2026-03-06", "2026-03-09", "");
	/* no callback before the enterprise was told, and the lead unit does not tell it */
	refused(&l, TICKET_ACT_CALLBACK_SATISFIED, desk, TICKET_REFUSED_STATE);
	refused(&l, TICKET_ACT_REPORT, touzu, TICKET_REFUSED_ACTOR);
	refused(&l, TICKET_ACT_REPORT, desk, TICKET_REFUSED_ACTOR);
	/* told on Monday, typed in on Tuesday: the timer stops on the day it was told */
	ticket_input told = { .text = "已电话告知企业负责人", .until = DATE_NONE,
		.how = TICKET_HOW_PHONE, .by = "王芳", .on = day("2026-03-09") };
	step(&l, TICKET_ACT_REPORT, kejing, &told, "2026-03-10");
	assert_int_equal(l.state, TICKET_ST_REPORTED);
	timer_is(&l, TICKET_TIMER_REPORT, "2026-03-06", "2026-03-09", "2026-03-09");

	refused(&l, TICKET_ACT_CALLBACK_SATISFIED, touzu, TICKET_REFUSED_ACTOR);
	step(&l, TICKET_ACT_CALLBACK_SATISFIED, desk, NULL, "2026-03-10");
	assert_int_equal(l.state, TICKET_ST_CALLBACK_SATISFIED);

	/* the lead unit does not close; the first unit or the centre does */
	refused(&l, TICKET_ACT_CLOSE, touzu, TICKET_REFUSED_ACTOR);
	step(&l, TICKET_ACT_CLOSE, kejing, NULL, "2026-03-10");
	assert_int_equal(l.state, TICKET_ST_CLOSED);
	for (int i = 0; i < TICKET_TIMER__COUNT; i++)
		assert_false(ticket_timer_running(&l.tm.t[i]));

	ticket_view v = life_view(&l);
	ticket_action none[TICKET_ACT__COUNT];
	assert_int_equal(ticket_allowed_actions(&v, &desk, none), 0);
	assert_int_equal(ticket_allowed_actions(&v, &kejing, none), 0);
	assert_int_equal(ticket_allowed_actions(&v, &touzu, none), 0);
}

static void test_life_dissatisfied(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_SIMPLE);
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");
	ticket_actor town = staff(ROLE_AREA_OFFICER, "昌东镇");

	/* the centre registers a 12345 call itself: no submission step */
	step(&l, TICKET_ACT_REGISTER, desk, NULL, "2026-09-24");
	assert_int_equal(l.state, TICKET_ST_SUBMITTED);
	assert_string_equal(l.first, "区企服中心");
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-09-24", "2026-09-28", "");

	ticket_input to_town = { .unit = "昌东镇", .until = DATE_NONE };
	step(&l, TICKET_ACT_DISPATCH, desk, &to_town, "2026-09-28");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-09-28", "2026-09-29", "");
	step(&l, TICKET_ACT_SIGN, town, NULL, "2026-09-28");
	ticket_input result = { .text = "已答复", .until = DATE_NONE };
	step(&l, TICKET_ACT_ANSWER, town, &result, "2026-09-29");
	/* the centre registered it, so the centre is the unit that tells the enterprise */
	ticket_input told = { .text = "已上门说明", .until = DATE_NONE, .how = TICKET_HOW_VISIT,
		.by = "李强", .on = day("2026-09-29") };
	refused(&l, TICKET_ACT_REPORT, town, TICKET_REFUSED_ACTOR);
	step(&l, TICKET_ACT_REPORT, desk, &told, "2026-09-29");

	/* a dissatisfied callback needs its reason */
	ticket_view v = life_view(&l);
	ticket_move m;
	assert_true(ticket_decide(&v, TICKET_ACT_CALLBACK_DISSATISFIED, &desk, &m));
	strbuf err = STRBUF_INIT;
	ticket_input blank = { .text = " \t\xe3\x80\x80 ", .until = DATE_NONE };
	assert_int_equal(ticket_input_check(&v, &l.tm, &m, &blank, cal, day("2026-09-30"), &err),
		-1);
	assert_string_equal(sb_str(&err),
		"\"callback: dissatisfied\" needs the reason for the dissatisfaction.");
	sb_free(&err);

	/* Wednesday before National Day: the feedback is due on the Thursday after it */
	ticket_input why = { .text = "企业认为答复未解决实际问题", .until = DATE_NONE };
	step(&l, TICKET_ACT_CALLBACK_DISSATISFIED, desk, &why, "2026-09-30");
	assert_int_equal(l.state, TICKET_ST_CALLBACK_DISSATISFIED);
	timer_is(&l, TICKET_TIMER_FEEDBACK, "2026-09-30", "2026-10-08", "");

	refused(&l, TICKET_ACT_CLARIFY, town, TICKET_REFUSED_STATE);
	refused(&l, TICKET_ACT_FEEDBACK, town, TICKET_REFUSED_ACTOR);
	ticket_input fb = { .text = "已反馈首问及牵头单位", .until = DATE_NONE };
	step(&l, TICKET_ACT_FEEDBACK, desk, &fb, "2026-10-08");
	assert_int_equal(l.state, TICKET_ST_FED_BACK);
	timer_is(&l, TICKET_TIMER_FEEDBACK, "2026-09-30", "2026-10-08", "2026-10-08");

	refused(&l, TICKET_ACT_CLARIFY, desk, TICKET_REFUSED_ACTOR);
	ticket_input expl = { .text = "已当面向企业说明政策依据", .until = DATE_NONE };
	step(&l, TICKET_ACT_CLARIFY, town, &expl, "2026-10-09");
	assert_int_equal(l.state, TICKET_ST_EXPLAINED);
	step(&l, TICKET_ACT_REQUEST_CLOSE, town, NULL, "2026-10-09");
	assert_int_equal(l.state, TICKET_ST_CLOSE_REQUESTED);

	/* only the first-responsible unit closes after a dissatisfied loop */
	refused(&l, TICKET_ACT_CLOSE, town, TICKET_REFUSED_ACTOR);
	refused(&l, TICKET_ACT_CLOSE, staff(ROLE_SUPERVISOR, "区企服中心"), TICKET_REFUSED_ROLE);
	step(&l, TICKET_ACT_CLOSE, desk, NULL, "2026-10-10");
	assert_int_equal(l.state, TICKET_ST_CLOSED);
}

static void test_life_self_handled(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_SIMPLE);
	ticket_actor town = staff(ROLE_AREA_OFFICER, "麻丘镇");
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");

	/* registered on a Saturday by the town itself */
	step(&l, TICKET_ACT_REGISTER, town, NULL, "2026-03-07");
	timer_is(&l, TICKET_TIMER_DISPATCH, "", "", "");
	step(&l, TICKET_ACT_SELF_HANDLE, town, NULL, "2026-03-09");
	assert_int_equal(l.state, TICKET_ST_SELF_HANDLING);
	assert_string_equal(l.lead, "麻丘镇");
	/* it never reached the centre: the centre's day never ran */
	timer_is(&l, TICKET_TIMER_DISPATCH, "", "", "");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-03-09", "2026-03-10", "");
	refused(&l, TICKET_ACT_DISPATCH, desk, TICKET_REFUSED_STATE);
	refused(&l, TICKET_ACT_EXTEND, town, TICKET_REFUSED_STATE);

	ticket_input result = { .text = "已办理", .until = DATE_NONE };
	step(&l, TICKET_ACT_ANSWER, town, &result, "2026-03-10");
	ticket_input told = { .text = "已短信告知", .until = DATE_NONE, .how = TICKET_HOW_MESSAGE,
		.by = "赵敏", .on = day("2026-03-10") };
	step(&l, TICKET_ACT_REPORT, town, &told, "2026-03-10");
	ticket_input why = { .text = "不满意", .until = DATE_NONE };
	step(&l, TICKET_ACT_CALLBACK_DISSATISFIED, desk, &why, "2026-03-11");
	ticket_input fb = { .text = "反馈", .until = DATE_NONE };
	step(&l, TICKET_ACT_FEEDBACK, desk, &fb, "2026-03-11");
	/* the first unit hosts its own appeal, so it explains and asks itself to close */
	step(&l, TICKET_ACT_CLARIFY, town, &fb, "2026-03-12");
	step(&l, TICKET_ACT_REQUEST_CLOSE, town, NULL, "2026-03-12");
	step(&l, TICKET_ACT_CLOSE, town, NULL, "2026-03-12");
	assert_int_equal(l.state, TICKET_ST_CLOSED);
}

static void test_self_handling_gives_up(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_COMPLEX);
	ticket_actor unit = staff(ROLE_UNIT_STAFF, "区建管局");
	step(&l, TICKET_ACT_REGISTER, unit, NULL, "2026-04-01");
	step(&l, TICKET_ACT_SELF_HANDLE, unit, NULL, "2026-04-01");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-04-01", "2026-04-13", "");
	step(&l, TICKET_ACT_SUBMIT, unit, NULL, "2026-04-03");
	assert_int_equal(l.state, TICKET_ST_SUBMITTED);
	assert_null(l.lead);
	/* Qingming 04-04..06: the centre's day is Tuesday */
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-04-03", "2026-04-07", "");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-04-01", "2026-04-13", "2026-04-03");
}

static void test_return_and_redispatch(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_SIMPLE);
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");
	ticket_actor wrong = staff(ROLE_UNIT_STAFF, "区社发局");
	ticket_actor right = staff(ROLE_UNIT_STAFF, "区建管局");

	step(&l, TICKET_ACT_REGISTER, desk, NULL, "2026-02-12");
	ticket_input to_wrong = { .unit = "区社发局", .until = DATE_NONE };
	step(&l, TICKET_ACT_DISPATCH, desk, &to_wrong, "2026-02-13");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-02-13", "2026-02-14", "");

	/* a return needs its reason; related units and others may not return */
	ticket_view v = life_view(&l);
	ticket_move m;
	assert_true(ticket_decide(&v, TICKET_ACT_RETURN, &wrong, &m));
	strbuf err = STRBUF_INIT;
	assert_int_equal(ticket_input_check(&v, &l.tm, &m, &no_input, cal, day("2026-02-14"), &err),
		-1);
	assert_string_equal(sb_str(&err), "\"return\" needs the reason for the return.");
	sb_free(&err);
	refused(&l, TICKET_ACT_RETURN, right, TICKET_REFUSED_ACTOR);

	ticket_input reason = { .text = "wrong_unit", .until = DATE_NONE };
	step(&l, TICKET_ACT_RETURN, wrong, &reason, "2026-02-14");
	assert_int_equal(l.state, TICKET_ST_SUBMITTED);
	assert_null(l.lead);
	/* the make-up Saturday 02-14 counts; the centre's day is after the festival */
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-02-14", "2026-02-24", "");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-02-13", "2026-02-14", "2026-02-14");
	refused(&l, TICKET_ACT_SIGN, wrong, TICKET_REFUSED_STATE);

	/* re-dispatch with a related unit: handling restarts, at the multi-unit limit */
	static const char *const rel[] = { "区社发局" };
	ticket_input to_right = { .unit = "区建管局", .related = rel, .nrelated = 1,
		.until = DATE_NONE };
	step(&l, TICKET_ACT_DISPATCH, desk, &to_right, "2026-02-24");
	assert_string_equal(l.lead, "区建管局");
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-02-14", "2026-02-24", "2026-02-24");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-02-24", "2026-03-04", "");
	/* the related unit cooperates but makes no move */
	refused(&l, TICKET_ACT_SIGN, wrong, TICKET_REFUSED_ACTOR);
	step(&l, TICKET_ACT_SIGN, right, NULL, "2026-02-25");
	/* once signed, still returnable */
	step(&l, TICKET_ACT_RETURN, right, &reason, "2026-02-26");
	assert_int_equal(l.state, TICKET_ST_SUBMITTED);
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-02-26", "2026-02-27", "");
}

static void test_extension(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_GENERAL);
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");
	ticket_actor lead = staff(ROLE_UNIT_STAFF, "区科经局");

	step(&l, TICKET_ACT_REGISTER, desk, NULL, "2026-09-22");
	ticket_input to_lead = { .unit = "区科经局", .until = DATE_NONE };
	step(&l, TICKET_ACT_DISPATCH, desk, &to_lead, "2026-09-23");
	/* 09-24 is day 1, the Mid-Autumn 09-25..27 rest, 09-28 and 09-29 are days 2 and 3 */
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-09-23", "2026-09-29", "");
	refused(&l, TICKET_ACT_EXTEND, lead, TICKET_REFUSED_STATE);
	step(&l, TICKET_ACT_SIGN, lead, NULL, "2026-09-24");

	/* the new date must be a working day after today and after the current due date */
	ticket_view v = life_view(&l);
	ticket_move m;
	assert_true(ticket_decide(&v, TICKET_ACT_EXTEND, &lead, &m));
	static const struct { const char *text; const char *until; const char *err; } bad[] = {
		{ "等待省厅批复", NULL, "\"extend\" needs the new due date." },
		{ "", "2026-10-12", "\"extend\" needs the reason for the extension." },
		{ "等待省厅批复", "2026-09-24",
			"The new due date 2026-09-24 is not after today (2026-09-24)." },
		{ "等待省厅批复", "2026-10-03", "The new due date 2026-10-03 is not a working day." },
		{ "等待省厅批复", "2026-09-29",
			"The new due date 2026-09-29 is not after the current one (2026-09-29)." },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ticket_input in = { .text = bad[i].text,
			.until = bad[i].until ? day(bad[i].until) : DATE_NONE };
		strbuf err = STRBUF_INIT;
		assert_int_equal(ticket_input_check(&v, &l.tm, &m, &in, cal, day("2026-09-24"),
			&err), -1);
		assert_string_equal(sb_str(&err), bad[i].err);
		sb_free(&err);
	}

	/* extended on 09-25 (a holiday; the tool does not care): the explanatory reply is
	 * due 3 working days after the dispatch of 09-23, i.e. 09-29 */
	ticket_input ext = { .text = "等待省厅批复", .until = day("2026-10-10") };
	step(&l, TICKET_ACT_EXTEND, lead, &ext, "2026-09-25");
	assert_int_equal(l.state, TICKET_ST_EXTENDED);
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-09-23", "2026-10-10", "");
	assert_int_equal(l.tm.t[TICKET_TIMER_HANDLE].days, -1);
	timer_is(&l, TICKET_TIMER_EXPLAIN, "2026-09-23", "2026-09-29", "");

	/* a second extension moves the date, the reply timer keeps its due date */
	ticket_input ext2 = { .text = "批复推迟", .until = day("2026-10-12") };
	step(&l, TICKET_ACT_EXTEND, lead, &ext2, "2026-09-28");
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-09-23", "2026-10-12", "");
	timer_is(&l, TICKET_TIMER_EXPLAIN, "2026-09-23", "2026-09-29", "");

	ticket_input reply = { .text = "已向企业说明延期原因", .until = DATE_NONE };
	step(&l, TICKET_ACT_EXPLAIN, lead, &reply, "2026-09-29");
	assert_int_equal(l.state, TICKET_ST_EXTENDED);
	timer_is(&l, TICKET_TIMER_EXPLAIN, "2026-09-23", "2026-09-29", "2026-09-29");
	/* an extended appeal is not returned: the enterprise was told this unit handles it */
	refused(&l, TICKET_ACT_RETURN, lead, TICKET_REFUSED_STATE);

	ticket_input result = { .text = "已办结", .until = DATE_NONE };
	step(&l, TICKET_ACT_ANSWER, lead, &result, "2026-10-09");
	assert_int_equal(l.state, TICKET_ST_ANSWERED);
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-09-23", "2026-10-12", "2026-10-09");
}

static void test_late_extension_is_red(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_COMPLEX);
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");
	ticket_actor lead = staff(ROLE_UNIT_STAFF, "区科经局");
	step(&l, TICKET_ACT_REGISTER, desk, NULL, "2026-03-02");
	ticket_input to_lead = { .unit = "区科经局", .until = DATE_NONE };
	step(&l, TICKET_ACT_DISPATCH, desk, &to_lead, "2026-03-02");
	step(&l, TICKET_ACT_SIGN, lead, NULL, "2026-03-02");
	ticket_input ext = { .text = "需要现场调度", .until = day("2026-03-20") };
	step(&l, TICKET_ACT_EXTEND, lead, &ext, "2026-03-09");
	timer_is(&l, TICKET_TIMER_EXPLAIN, "2026-03-02", "2026-03-05", "");
	int n;
	ticket_timer which;
	assert_int_equal(ticket_worst_light(&l.tm, day("2026-03-09"), cal, 1, &n, &which),
		TICKET_LIGHT_RED);
	assert_int_equal(which, TICKET_TIMER_EXPLAIN);
	assert_int_equal(n, 2);
}

static void test_withdraw(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_GENERAL);
	ticket_actor first = staff(ROLE_UNIT_STAFF, "区投促局");
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");
	ticket_actor lead = staff(ROLE_UNIT_STAFF, "航管委");
	step(&l, TICKET_ACT_REGISTER, first, NULL, "2026-05-06");
	step(&l, TICKET_ACT_SUBMIT, first, NULL, "2026-05-06");
	ticket_input to_lead = { .unit = "航管委", .until = DATE_NONE };
	step(&l, TICKET_ACT_DISPATCH, desk, &to_lead, "2026-05-07");
	step(&l, TICKET_ACT_SIGN, lead, NULL, "2026-05-07");

	/* the lead unit does not withdraw for the enterprise; the first unit does */
	refused(&l, TICKET_ACT_WITHDRAW, lead, TICKET_REFUSED_ACTOR);
	ticket_view v = life_view(&l);
	ticket_move m;
	assert_true(ticket_decide(&v, TICKET_ACT_WITHDRAW, &first, &m));
	assert_true(m.irreversible);
	ticket_input why = { .text = "企业已自行解决", .until = DATE_NONE };
	step(&l, TICKET_ACT_WITHDRAW, first, &why, "2026-05-08");
	assert_int_equal(l.state, TICKET_ST_WITHDRAWN);
	timer_is(&l, TICKET_TIMER_HANDLE, "2026-05-07", "2026-05-11", "2026-05-08");
	assert_false(ticket_state_is_open(l.state));
	for (int a = 0; a < TICKET_ACT__COUNT; a++)
		refused(&l, (ticket_action)a, desk, TICKET_REFUSED_STATE);
}

static void test_merge(void **state)
{
	(void)state;
	struct life l;
	life_start(&l, TICKET_KIND_GENERAL);
	ticket_actor desk = staff(ROLE_FRONTDESK, "区企服中心");
	step(&l, TICKET_ACT_REGISTER, desk, NULL, "2026-06-01");

	ticket_view v = life_view(&l);
	ticket_move m;
	assert_true(ticket_decide(&v, TICKET_ACT_MERGE, &desk, &m));
	static const struct { const char *into; const char *err; } bad[] = {
		{ NULL, "\"merge\" needs the number of the appeal to merge into." },
		{ "2026-123", "2026-123 is not an appeal number (like 2026-000123)." },
		{ "2026-000123", "An appeal cannot be merged into itself." },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ticket_input in = { .into = bad[i].into, .until = DATE_NONE };
		strbuf err = STRBUF_INIT;
		assert_int_equal(ticket_input_check(&v, &l.tm, &m, &in, cal, day("2026-06-01"), &err),
			-1);
		assert_string_equal(sb_str(&err), bad[i].err);
		sb_free(&err);
	}

	/* the kept appeal: open, another one, the same enterprise */
	ticket_view into = v;
	into.number = "2026-000100";
	into.state = TICKET_ST_IN_PROGRESS;
	strbuf err = STRBUF_INIT;
	assert_int_equal(ticket_merge_check(&v, &into, &err), 0);
	assert_string_equal(sb_str(&err), "");
	into.state = TICKET_ST_CLOSED;
	assert_int_equal(ticket_merge_check(&v, &into, &err), -1);
	assert_string_equal(sb_str(&err), "Appeal 2026-000100 is closed; merge into an open appeal.");
	sb_reset(&err);
	into.state = TICKET_ST_MERGED;
	assert_int_equal(ticket_merge_check(&v, &into, &err), -1);
	sb_reset(&err);
	into.state = TICKET_ST_ANSWERED;
	into.enterprise = "91440300708461136T";
	assert_int_equal(ticket_merge_check(&v, &into, &err), -1);
	assert_string_equal(sb_str(&err), "Appeal 2026-000100 concerns another enterprise; only "
		"duplicates of one enterprise's appeal are merged.");
	sb_reset(&err);
	into = v;
	assert_int_equal(ticket_merge_check(&v, &into, &err), -1);
	assert_string_equal(sb_str(&err), "An appeal cannot be merged into itself.");
	sb_free(&err);

	ticket_input in = { .into = "2026-000100", .until = DATE_NONE };
	step(&l, TICKET_ACT_MERGE, desk, &in, "2026-06-02");
	assert_int_equal(l.state, TICKET_ST_MERGED);
	timer_is(&l, TICKET_TIMER_DISPATCH, "2026-06-01", "2026-06-02", "2026-06-02");

	/* after the answer it is too late to merge or withdraw */
	struct fixture f;
	fixture_make(&f, TICKET_ST_ANSWERED, ROLE_FRONTDESK, TICKET_REL_CENTRE, "区企服中心");
	assert_false(ticket_decide(&f.view, TICKET_ACT_MERGE, &f.actor, &m));
	assert_int_equal(m.refusal, TICKET_REFUSED_STATE);
}

/* the report to the enterprise: how, by whom, and a day from the answer to today */
static void test_report_input(void **state)
{
	(void)state;
	struct fixture f;
	fixture_make(&f, TICKET_ST_ANSWERED, ROLE_UNIT_STAFF, TICKET_REL_FIRST, "麻丘镇");
	ticket_move m;
	assert_true(ticket_decide(&f.view, TICKET_ACT_REPORT, &f.actor, &m));
	assert_true(m.needs & TICKET_NEEDS_REPORT);
	ticket_timers tm;
	ticket_timers_init(&tm);
	/* answered on Tuesday 2026-03-10 */
	tm.t[TICKET_TIMER_REPORT] = (ticket_timer_state){ day("2026-03-10"), 1, day("2026-03-11"),
		DATE_NONE };
	static const struct {
		const char *text, *by, *on;
		ticket_how how;
		const char *error;             /* NULL: accepted */
	} cases[] = {
		{ "已电话告知", "王芳", "2026-03-11", TICKET_HOW_PHONE, NULL },
		{ "已告知", "王芳", "2026-03-10", TICKET_HOW_LETTER, NULL },
		{ " \t", "王芳", "2026-03-11", TICKET_HOW_PHONE,
		  "\"report to the enterprise\" needs the text of the report." },
		{ "已告知", "王芳", "2026-03-11", TICKET_HOW_NONE,
		  "\"report to the enterprise\" needs how the enterprise was told (by phone, in "
		  "person, by text message or by letter)." },
		{ "已告知", "  ", "2026-03-11", TICKET_HOW_VISIT,
		  "\"report to the enterprise\" needs who told the enterprise." },
		{ "已告知", NULL, "2026-03-11", TICKET_HOW_VISIT,
		  "\"report to the enterprise\" needs who told the enterprise." },
		{ "已告知", "王芳", NULL, TICKET_HOW_MESSAGE,
		  "\"report to the enterprise\" needs the day the enterprise was told." },
		{ "已告知", "王芳", "2026-03-12", TICKET_HOW_PHONE,
		  "The day the enterprise was told (2026-03-12) is after today (2026-03-11)." },
		{ "已告知", "王芳", "2026-03-09", TICKET_HOW_PHONE,
		  "The day the enterprise was told (2026-03-09) is before the answer (2026-03-10)." },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ticket_input in = { .text = cases[i].text, .until = DATE_NONE, .how = cases[i].how,
			.by = cases[i].by, .on = cases[i].on ? day(cases[i].on) : DATE_NONE };
		strbuf err = STRBUF_INIT;
		int rc = ticket_input_check(&f.view, &tm, &m, &in, cal, day("2026-03-11"), &err);
		if (cases[i].error) {
			assert_int_equal(rc, -1);
			assert_string_equal(sb_str(&err), cases[i].error);
		} else if (rc != 0) {
			fail_msg("case %zu refused: %s", i, sb_str(&err));
		}
		sb_free(&err);
	}
	/* the report timer's light: due the next working day, yellow at the default */
	int n;
	assert_int_equal(ticket_timer_light(&tm.t[TICKET_TIMER_REPORT], day("2026-03-10"), cal, 1,
		&n), TICKET_LIGHT_YELLOW);
	assert_int_equal(n, 1);
	assert_int_equal(ticket_timer_light(&tm.t[TICKET_TIMER_REPORT], day("2026-03-12"), cal, 1,
		&n), TICKET_LIGHT_RED);
	assert_int_equal(n, 1);
	/* the codes of how it was told: four, and "" names none */
	static const char *const hows[] = { "phone", "visit", "message", "letter" };
	for (int i = TICKET_HOW_PHONE; i < TICKET_HOW__COUNT; i++) {
		ticket_how h;
		assert_string_equal(ticket_how_code((ticket_how)i), hows[i - 1]);
		assert_true(ticket_how_parse(hows[i - 1], &h));
		assert_int_equal(h, i);
	}
	ticket_how h;
	assert_false(ticket_how_parse("", &h));
	assert_false(ticket_how_parse("sms", &h));
	assert_false(ticket_how_parse(NULL, &h));
}

static void test_dispatch_input(void **state)
{
	(void)state;
	struct fixture f;
	fixture_make(&f, TICKET_ST_SUBMITTED, ROLE_FRONTDESK, TICKET_REL_CENTRE, "区企服中心");
	ticket_move m;
	assert_true(ticket_decide(&f.view, TICKET_ACT_DISPATCH, &f.actor, &m));
	static const char *const twice[] = { "区社发局", "区社发局" };
	static const char *const self[] = { "区建管局" };
	static const char *const empty[] = { "" };
	static const char *const fine[] = { "区社发局", "区党政办" };
	static const struct {
		const char *unit;
		const char *const *rel;
		int n;
		const char *err;
	} t[] = {
		{ NULL, NULL, 0, "\"dispatch\" needs the lead or host unit." },
		{ "  ", NULL, 0, "\"dispatch\" needs the lead or host unit." },
		{ "区建管局", twice, 2, "Related unit 区社发局 is listed twice." },
		{ "区建管局", self, 1, "区建管局 cannot be both the lead unit and a related unit." },
		{ "区建管局", empty, 1, "A related unit has no name." },
		{ "区建管局", fine, 2, "" },
		{ "区建管局", NULL, 0, "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ticket_input in = { .unit = t[i].unit, .related = t[i].rel, .nrelated = t[i].n,
			.until = DATE_NONE };
		strbuf err = STRBUF_INIT;
		int rc = ticket_input_check(&f.view, NULL, &m, &in, cal, day("2026-06-01"), &err);
		assert_int_equal(rc, *t[i].err ? -1 : 0);
		assert_string_equal(sb_str(&err), t[i].err);
		sb_free(&err);
	}
}

/* ---- refusal texts ----------------------------------------------------------- */

static void refusal_is(ticket_state s, ticket_action a, ticket_actor who, const char *lead,
		const char *want)
{
	ticket_view v = {
		.number = "2026-000007", .state = s, .kind = TICKET_KIND_GENERAL,
		.first_unit = "麻丘镇", .lead_unit = lead,
	};
	ticket_move m;
	assert_false(ticket_decide(&v, a, &who, &m));
	strbuf t = STRBUF_INIT;
	ticket_refusal_text(&v, &who, &m, &t);
	assert_string_equal(sb_str(&t), want);
	sb_free(&t);
}

static void test_refusal_texts(void **state)
{
	(void)state;
	refusal_is(TICKET_ST_DISPATCHED, TICKET_ACT_SIGN, staff(ROLE_UNIT_STAFF, "区社发局"),
		"区建管局",
		"\"sign for\" is not possible: the appeal is dispatched and you are unit staff "
		"(区社发局). Only the lead unit (区建管局) may do that. "
		"There is nothing you may do on this appeal now.");
	refusal_is(TICKET_ST_IN_PROGRESS, TICKET_ACT_CLOSE, staff(ROLE_UNIT_STAFF, "区建管局"),
		"区建管局",
		"\"close\" is not possible: the appeal is in progress and you are unit staff "
		"(区建管局). No one may do that in this state. "
		"You may now: return, extend, answer.");
	refusal_is(TICKET_ST_CALLBACK_SATISFIED, TICKET_ACT_CLOSE, staff(ROLE_UNIT_STAFF, "区建管局"),
		"区建管局",
		"\"close\" is not possible: the appeal is callback satisfied and you are unit staff "
		"(区建管局). Only the first-responsible unit (麻丘镇) or the front desk of 区企服中心 "
		"may do that. There is nothing you may do on this appeal now.");
	refusal_is(TICKET_ST_SUBMITTED, TICKET_ACT_DISPATCH, staff(ROLE_UNIT_STAFF, "区企服中心"),
		NULL,
		"\"dispatch\" is not possible: the appeal is submitted to the centre and you are "
		"unit staff (区企服中心). Only the front desk of 区企服中心 may do that. "
		"There is nothing you may do on this appeal now.");
	refusal_is(TICKET_ST_DISPATCHED, TICKET_ACT_RETURN, staff(ROLE_FRONTDESK, "区企服中心"),
		NULL,
		"\"return\" is not possible: the appeal is dispatched and you are front desk "
		"(区企服中心). Only the lead unit may do that. You may now: withdraw, merge.");
	refusal_is(TICKET_ST_REPORTED, TICKET_ACT_CALLBACK_SATISFIED,
		staff(ROLE_LEADER, "区企服中心"), "区建管局",
		"\"callback: satisfied\" is not possible: the appeal is reported to the enterprise "
		"and you are leader "
		"(区企服中心). The role leader may register appeals and follow them, but not move "
		"them. There is nothing you may do on this appeal now.");
	refusal_is(TICKET_ST_NEW, TICKET_ACT_REGISTER, staff(ROLE_ADMIN, NULL), NULL,
		"\"register\" is not possible: the appeal is not registered and you are "
		"administrator. Your login belongs to no unit; ask an administrator to set one. "
		"There is nothing you may do on this appeal now.");
}

/* the Chinese catalogue carries the model's msgids (the .mo built from po/) */
static void test_refusal_chinese(void **state)
{
	(void)state;
	testlang_chinese();

	ticket_view v = {
		.state = TICKET_ST_IN_PROGRESS, .first_unit = "麻丘镇", .lead_unit = "区建管局",
	};
	ticket_actor who = staff(ROLE_UNIT_STAFF, "麻丘镇");
	ticket_move m;
	assert_false(ticket_decide(&v, TICKET_ACT_ANSWER, &who, &m));
	strbuf t = STRBUF_INIT;
	ticket_refusal_text(&v, &who, &m, &t);
	assert_contains(sb_str(&t), "无法执行“办结”：诉求当前为“办理中”");
	assert_contains(sb_str(&t), "只有牵头单位（区建管局）可以执行该操作。");
	assert_contains(sb_str(&t), "您现在可以：撤回、合并。");
	sb_free(&t);

	strbuf d = STRBUF_INIT;
	ticket_due_text(TICKET_LIGHT_GREEN, 3, &d);
	assert_string_equal(sb_str(&d), "剩余 3 个工作日");
	sb_reset(&d);
	ticket_due_text(TICKET_LIGHT_YELLOW, 0, &d);
	assert_string_equal(sb_str(&d), "今日到期");
	sb_reset(&d);
	ticket_due_text(TICKET_LIGHT_RED, 1, &d);
	assert_string_equal(sb_str(&d), "超期 1 个工作日");
	sb_free(&d);

	testlang_english();
}

/* ---- appeal numbers ---------------------------------------------------------- */

static void test_numbers(void **state)
{
	(void)state;
	static const struct { int y; long seq; const char *s; } fmt[] = {
		{ 2026, 123, "2026-000123" }, { 2026, 1, "2026-000001" },
		{ 2025, 999999, "2025-999999" }, { 2026, 1000000, "2026-1000000" },
		{ 2027, 123456789, "2027-123456789" },
	};
	for (size_t i = 0; i < sizeof fmt / sizeof fmt[0]; i++) {
		char buf[TICKET_NUMBER_SIZE];
		assert_string_equal(ticket_number_format(fmt[i].y, fmt[i].seq, buf), fmt[i].s);
		int y;
		long seq;
		assert_true(ticket_number_parse(fmt[i].s, &y, &seq));
		assert_int_equal(y, fmt[i].y);
		assert_int_equal(seq, fmt[i].seq);
	}
	static const char *const bad[] = {
		"", "2026", "2026-", "2026-00012", "2026-000000", "2026-0001234", "2026-00012a",
		"2026/000123", "26-000123", "2026-000123 ", " 2026-000123", "1899-000001",
		"2026-1234567890", "２０２６-000123", "2026--00123", "abcd-000123",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int y = -1;
		long seq = -1;
		if (ticket_number_parse(bad[i], &y, &seq))
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(y, -1);
	}
	int y;
	long seq;
	assert_false(ticket_number_parse(NULL, &y, &seq));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expected_table_sane),
		cmocka_unit_test(test_table_exhaustive),
		cmocka_unit_test(test_allowed_actions),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_life_satisfied),
		cmocka_unit_test(test_life_dissatisfied),
		cmocka_unit_test(test_life_self_handled),
		cmocka_unit_test(test_self_handling_gives_up),
		cmocka_unit_test(test_return_and_redispatch),
		cmocka_unit_test(test_extension),
		cmocka_unit_test(test_late_extension_is_red),
		cmocka_unit_test(test_withdraw),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_report_input),
		cmocka_unit_test(test_dispatch_input),
		cmocka_unit_test(test_refusal_texts),
		cmocka_unit_test(test_refusal_chinese),
		cmocka_unit_test(test_numbers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
