/* Appeal timers and lights on the real 2026 calendar: due dates across the Spring
 * Festival (02-15..23 off, make-up Saturdays 02-14 and 02-28) and Mid-Autumn with
 * National Day (09-25..27 and 10-01..07 off, make-up 09-20 Sunday and 10-10
 * Saturday), rest-day starts, each kind, and the yellow/green/red boundaries. */
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
#include "core/workday.h"
#include "testcal.h"
#include "core/xalloc.h"
#include "model/ticket.h"

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

static void due_is(const char *start, int days, const char *want)
{
	char buf[16];
	qdate got = ticket_timer_due(cal, day(start), days);
	if (got != day(want))
		fail_msg("%s + %d: got %s, want %s", start, days, date_format(got, buf), want);
}

static void test_params(void **state)
{
	(void)state;
	ticket_params p = ticket_params_default();
	assert_int_equal(p.dispatch_days, 1);
	assert_int_equal(p.simple_days, 1);
	assert_int_equal(p.general_days, 3);
	assert_int_equal(p.complex_days, 7);
	assert_int_equal(p.explain_days, 3);
	assert_int_equal(p.feedback_days, 1);
	assert_int_equal(p.report_days, 1);
	assert_int_equal(p.yellow_days, 1);

	static const struct { ticket_kind k; int nrel; int want; } t[] = {
		{ TICKET_KIND_SIMPLE, 0, 1 }, { TICKET_KIND_GENERAL, 0, 3 },
		{ TICKET_KIND_COMPLEX, 0, 7 }, { TICKET_KIND_SIMPLE, 1, 7 },
		{ TICKET_KIND_GENERAL, 2, 7 }, { TICKET_KIND_COMPLEX, 3, 7 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(ticket_handle_days(&p, t[i].k, t[i].nrel), t[i].want);
	p.simple_days = 2;
	p.general_days = 5;
	p.complex_days = 10;
	assert_int_equal(ticket_handle_days(&p, TICKET_KIND_SIMPLE, 0), 2);
	assert_int_equal(ticket_handle_days(&p, TICKET_KIND_GENERAL, 0), 5);
	assert_int_equal(ticket_handle_days(&p, TICKET_KIND_GENERAL, 1), 10);
}

static void test_due_spring_festival(void **state)
{
	(void)state;
	static const struct { const char *start; int days; const char *want; } t[] = {
		{ "2026-02-13", 1, "2026-02-14" }, /* Friday: the make-up Saturday is day 1 */
		{ "2026-02-14", 1, "2026-02-24" }, /* from the make-up Saturday over the festival */
		{ "2026-02-13", 3, "2026-02-25" },
		{ "2026-02-12", 7, "2026-02-28" }, /* ends on the second make-up Saturday */
		{ "2026-02-11", 3, "2026-02-14" },
		{ "2026-02-20", 1, "2026-02-24" }, /* from inside the holiday */
		{ "2026-02-27", 1, "2026-02-28" },
		{ "2026-02-28", 1, "2026-03-02" },
		{ "2026-02-21", 7, "2026-03-03" },
		{ "2026-03-02", 0, "2026-03-02" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		due_is(t[i].start, t[i].days, t[i].want);
}

static void test_due_national_day(void **state)
{
	(void)state;
	static const struct { const char *start; int days; const char *want; } t[] = {
		{ "2026-09-18", 1, "2026-09-20" }, /* the make-up Sunday */
		{ "2026-09-19", 1, "2026-09-20" },
		{ "2026-09-20", 1, "2026-09-21" },
		{ "2026-09-24", 1, "2026-09-28" }, /* over Mid-Autumn 09-25..27 */
		{ "2026-09-24", 3, "2026-09-30" },
		{ "2026-09-24", 7, "2026-10-12" }, /* over National Day, via Saturday 10-10 */
		{ "2026-09-30", 1, "2026-10-08" },
		{ "2026-09-30", 7, "2026-10-15" },
		{ "2026-10-01", 3, "2026-10-10" },
		{ "2026-10-09", 1, "2026-10-10" },
		{ "2026-10-10", 1, "2026-10-12" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		due_is(t[i].start, t[i].days, t[i].want);
}

/* an event on a rest day: the first working day after it is day 1 */
static void test_due_rest_day_start(void **state)
{
	(void)state;
	static const struct { const char *start; int days; const char *want; } t[] = {
		{ "2026-03-07", 1, "2026-03-09" }, /* Saturday */
		{ "2026-03-08", 1, "2026-03-09" }, /* Sunday */
		{ "2026-03-08", 3, "2026-03-11" },
		{ "2026-10-03", 1, "2026-10-08" }, /* a National Day Saturday */
		{ "2026-10-07", 7, "2026-10-15" }, /* the last day of National Day */
		{ "2026-02-15", 3, "2026-02-26" }, /* a Spring Festival Sunday */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		due_is(t[i].start, t[i].days, t[i].want);
}

/* the handling timer a dispatch starts, by kind and by related units */
static void test_each_kind(void **state)
{
	(void)state;
	static const char *const two[] = { "区社发局", "区组织部" };
	static const struct {
		ticket_kind kind;
		int nrel;
		const char *on;
		int simple_days;
		const char *want;
	} t[] = {
		{ TICKET_KIND_SIMPLE, 0, "2026-02-13", 1, "2026-02-14" },
		{ TICKET_KIND_GENERAL, 0, "2026-02-13", 1, "2026-02-25" },
		{ TICKET_KIND_COMPLEX, 0, "2026-02-13", 1, "2026-03-02" },
		{ TICKET_KIND_SIMPLE, 0, "2026-09-24", 1, "2026-09-28" },
		{ TICKET_KIND_GENERAL, 0, "2026-09-24", 1, "2026-09-30" },
		{ TICKET_KIND_COMPLEX, 0, "2026-09-24", 1, "2026-10-12" },
		{ TICKET_KIND_SIMPLE, 2, "2026-09-24", 1, "2026-10-12" }, /* several units */
		{ TICKET_KIND_SIMPLE, 0, "2026-09-24", 2, "2026-09-29" }, /* simple_days = 2 */
		{ TICKET_KIND_GENERAL, 0, "2026-10-03", 1, "2026-10-10" }, /* dispatched on a holiday */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ticket_view v = {
			.number = "2026-000001", .state = TICKET_ST_SUBMITTED, .kind = t[i].kind,
			.first_unit = "区企服中心",
		};
		ticket_actor desk = { ROLE_FRONTDESK, "区企服中心", "区企服中心" };
		ticket_move m;
		assert_true(ticket_decide(&v, TICKET_ACT_DISPATCH, &desk, &m));
		ticket_input in = { .unit = "区科经局", .related = two, .nrelated = t[i].nrel,
			.until = DATE_NONE };
		ticket_params p = ticket_params_default();
		p.simple_days = t[i].simple_days;
		ticket_timers tm;
		ticket_timers_init(&tm);
		ticket_timers_apply(&tm, &m, &v, &in, &p, cal, day(t[i].on));
		char buf[16];
		const ticket_timer_state *h = &tm.t[TICKET_TIMER_HANDLE];
		if (h->due != day(t[i].want))
			fail_msg("row %zu: due %s, want %s", i, date_format(h->due, buf), t[i].want);
		assert_int_equal(h->start, day(t[i].on));
		assert_true(ticket_timer_running(h));
		assert_false(ticket_timer_running(&tm.t[TICKET_TIMER_DISPATCH]));
	}
}

static void test_lights(void **state)
{
	(void)state;
	static const struct {
		const char *due, *today;
		int yellow;
		ticket_light_t want;
		int n;
	} t[] = {
		/* due on the first working day after the Spring Festival */
		{ "2026-02-24", "2026-02-24", 1, TICKET_LIGHT_YELLOW, 0 },
		{ "2026-02-24", "2026-02-23", 1, TICKET_LIGHT_YELLOW, 1 },
		{ "2026-02-24", "2026-02-14", 1, TICKET_LIGHT_YELLOW, 1 },
		{ "2026-02-24", "2026-02-13", 1, TICKET_LIGHT_GREEN, 2 },
		{ "2026-02-24", "2026-02-13", 2, TICKET_LIGHT_YELLOW, 2 },
		{ "2026-02-24", "2026-02-12", 2, TICKET_LIGHT_GREEN, 3 },
		{ "2026-02-24", "2026-02-25", 1, TICKET_LIGHT_RED, 1 },
		{ "2026-02-24", "2026-02-28", 1, TICKET_LIGHT_RED, 4 },
		{ "2026-02-24", "2026-03-01", 1, TICKET_LIGHT_RED, 4 },
		{ "2026-02-24", "2026-03-02", 2, TICKET_LIGHT_RED, 5 },
		/* due on the make-up Saturday: the festival days after it are overdue by one */
		{ "2026-02-14", "2026-02-14", 1, TICKET_LIGHT_YELLOW, 0 },
		{ "2026-02-14", "2026-02-15", 1, TICKET_LIGHT_RED, 1 },
		{ "2026-02-14", "2026-02-23", 1, TICKET_LIGHT_RED, 1 },
		{ "2026-02-14", "2026-02-24", 1, TICKET_LIGHT_RED, 1 },
		{ "2026-02-14", "2026-02-25", 1, TICKET_LIGHT_RED, 2 },
		/* National Day */
		{ "2026-09-30", "2026-10-01", 1, TICKET_LIGHT_RED, 1 },
		{ "2026-09-30", "2026-10-08", 1, TICKET_LIGHT_RED, 1 },
		{ "2026-09-30", "2026-10-09", 1, TICKET_LIGHT_RED, 2 },
		{ "2026-09-30", "2026-10-10", 1, TICKET_LIGHT_RED, 3 },
		{ "2026-09-30", "2026-10-11", 1, TICKET_LIGHT_RED, 3 },
		{ "2026-09-30", "2026-10-12", 1, TICKET_LIGHT_RED, 4 },
		{ "2026-10-08", "2026-09-30", 1, TICKET_LIGHT_YELLOW, 1 },
		{ "2026-10-08", "2026-10-03", 1, TICKET_LIGHT_YELLOW, 1 },
		{ "2026-10-08", "2026-09-29", 1, TICKET_LIGHT_GREEN, 2 },
		{ "2026-10-08", "2026-09-29", 2, TICKET_LIGHT_YELLOW, 2 },
		{ "2026-10-08", "2026-09-28", 2, TICKET_LIGHT_GREEN, 3 },
		{ "2026-10-08", "2026-09-24", 2, TICKET_LIGHT_GREEN, 4 },
		{ "2026-10-12", "2026-10-09", 1, TICKET_LIGHT_GREEN, 2 },
		{ "2026-10-12", "2026-10-09", 2, TICKET_LIGHT_YELLOW, 2 },
		{ "2026-10-12", "2026-10-10", 1, TICKET_LIGHT_YELLOW, 1 },
		{ "2026-10-12", "2026-10-11", 1, TICKET_LIGHT_YELLOW, 1 },
		/* the make-up Sunday 09-20 */
		{ "2026-09-20", "2026-09-19", 1, TICKET_LIGHT_YELLOW, 1 },
		{ "2026-09-20", "2026-09-18", 1, TICKET_LIGHT_YELLOW, 1 },
		{ "2026-09-20", "2026-09-17", 1, TICKET_LIGHT_GREEN, 2 },
		{ "2026-09-20", "2026-09-21", 1, TICKET_LIGHT_RED, 1 },
		/* yellow_days 0: only the due day itself; a negative setting acts as 0 */
		{ "2026-10-12", "2026-10-10", 0, TICKET_LIGHT_GREEN, 1 },
		{ "2026-10-12", "2026-10-12", 0, TICKET_LIGHT_YELLOW, 0 },
		{ "2026-10-12", "2026-10-12", -1, TICKET_LIGHT_YELLOW, 0 },
		{ "2026-10-12", "2026-10-10", -1, TICKET_LIGHT_GREEN, 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int n = -99;
		ticket_light_t l = ticket_light(day(t[i].due), day(t[i].today), cal, t[i].yellow, &n);
		if (l != t[i].want || n != t[i].n)
			fail_msg("due %s today %s yellow %d: light %s %d, want %s %d", t[i].due,
				t[i].today, t[i].yellow, ticket_light_code(l), n,
				ticket_light_code(t[i].want), t[i].n);
	}
	int n = -1;
	assert_int_equal(ticket_light(DATE_NONE, day("2026-03-02"), cal, 1, &n), TICKET_LIGHT_NONE);
	assert_int_equal(n, 0);
	assert_int_equal(ticket_light(day("2026-03-02"), day("2026-03-02"), cal, 1, NULL),
		TICKET_LIGHT_YELLOW);
}

static void test_due_text(void **state)
{
	(void)state;
	static const struct { ticket_light_t l; int n; const char *want; } t[] = {
		{ TICKET_LIGHT_GREEN, 5, "5 working days left" },
		{ TICKET_LIGHT_GREEN, 2, "2 working days left" },
		{ TICKET_LIGHT_YELLOW, 1, "1 working day left" },
		{ TICKET_LIGHT_YELLOW, 0, "due today" },
		{ TICKET_LIGHT_RED, 1, "1 working day overdue" },
		{ TICKET_LIGHT_RED, 12, "12 working days overdue" },
		{ TICKET_LIGHT_NONE, 0, "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf b = STRBUF_INIT;
		ticket_due_text(t[i].l, t[i].n, &b);
		assert_string_equal(sb_str(&b), t[i].want);
		sb_free(&b);
	}
}

static void test_light_codes(void **state)
{
	(void)state;
	static const char *const codes[] = { "", "green", "yellow", "red" };
	static const char *const labels[] = { "", "on track", "due soon", "overdue" };
	for (int i = 0; i < TICKET_LIGHT__COUNT; i++) {
		assert_string_equal(ticket_light_code((ticket_light_t)i), codes[i]);
		assert_string_equal(ticket_light_label((ticket_light_t)i), labels[i]);
		ticket_light_t l;
		assert_int_equal(ticket_light_parse(codes[i], &l), i != TICKET_LIGHT_NONE);
		if (i != TICKET_LIGHT_NONE)
			assert_int_equal(l, i);
	}
	ticket_light_t l;
	assert_false(ticket_light_parse("amber", &l));
	assert_false(ticket_light_parse(NULL, &l));
	static const char *const timers[] = { "dispatch", "handle", "explain", "feedback",
		"report" };
	assert_int_equal(sizeof timers / sizeof timers[0], TICKET_TIMER__COUNT);
	for (int i = 0; i < TICKET_TIMER__COUNT; i++)
		assert_string_equal(ticket_timer_code((ticket_timer)i), timers[i]);
}

static ticket_timer_state running(const char *start, int days, const char *due)
{
	return (ticket_timer_state){ day(start), days, day(due), DATE_NONE };
}

static void test_timer_and_worst_light(void **state)
{
	(void)state;
	ticket_timers tm;
	ticket_timers_init(&tm);
	int n = -1;
	ticket_timer which = TICKET_TIMER_FEEDBACK;
	assert_int_equal(ticket_worst_light(&tm, day("2026-02-13"), cal, 1, &n, &which),
		TICKET_LIGHT_NONE);
	assert_int_equal(n, 0);

	/* a stopped timer has no light even when its due date is long past */
	tm.t[TICKET_TIMER_DISPATCH] = running("2026-02-10", 1, "2026-02-11");
	tm.t[TICKET_TIMER_DISPATCH].done = day("2026-02-12");
	assert_int_equal(ticket_timer_light(&tm.t[TICKET_TIMER_DISPATCH], day("2026-02-13"), cal, 1,
		&n), TICKET_LIGHT_NONE);

	tm.t[TICKET_TIMER_HANDLE] = running("2026-02-12", 7, "2026-02-28");
	tm.t[TICKET_TIMER_EXPLAIN] = running("2026-02-12", 3, "2026-02-24");
	assert_int_equal(ticket_worst_light(&tm, day("2026-02-13"), cal, 1, &n, &which),
		TICKET_LIGHT_GREEN);
	assert_int_equal(which, TICKET_TIMER_EXPLAIN);
	assert_int_equal(n, 2);
	assert_int_equal(ticket_worst_light(&tm, day("2026-02-14"), cal, 1, &n, &which),
		TICKET_LIGHT_YELLOW);
	assert_int_equal(which, TICKET_TIMER_EXPLAIN);
	assert_int_equal(n, 1);

	/* among reds the most overdue wins */
	tm.t[TICKET_TIMER_FEEDBACK] = running("2026-02-11", 1, "2026-02-12");
	assert_int_equal(ticket_worst_light(&tm, day("2026-02-26"), cal, 1, &n, &which),
		TICKET_LIGHT_RED);
	assert_int_equal(which, TICKET_TIMER_FEEDBACK);
	assert_int_equal(n, 5); /* 02-13, 02-14, 02-24, 02-25, 02-26 */
	assert_int_equal(ticket_worst_light(&tm, day("2026-02-26"), cal, 1, NULL, NULL),
		TICKET_LIGHT_RED);
}

/* a holiday file that changes moves running counted timers, nothing else */
static void test_recompute(void **state)
{
	(void)state;
	calendar *plain = calendar_new_empty();
	ticket_timer_state ts = running("2026-02-13", 3, "2026-02-13");
	ts.due = ticket_timer_due(plain, ts.start, ts.days);
	assert_int_equal(ts.due, day("2026-02-18"));
	assert_true(ticket_timer_recompute(&ts, cal));
	assert_int_equal(ts.due, day("2026-02-25"));
	assert_false(ticket_timer_recompute(&ts, cal));

	ticket_timer_state fixed = running("2026-02-13", -1, "2026-03-31");
	assert_false(ticket_timer_recompute(&fixed, plain));
	assert_int_equal(fixed.due, day("2026-03-31"));

	ticket_timer_state stopped = running("2026-02-13", 3, "2026-02-18");
	stopped.done = day("2026-02-14");
	assert_false(ticket_timer_recompute(&stopped, cal));
	assert_int_equal(stopped.due, day("2026-02-18"));

	ticket_timer_state never = { DATE_NONE, 0, DATE_NONE, DATE_NONE };
	assert_false(ticket_timer_recompute(&never, cal));
	calendar_free(&plain);
}

/* a refused move leaves the timers alone */
static void test_refused_move_keeps_timers(void **state)
{
	(void)state;
	ticket_view v = { .state = TICKET_ST_SUBMITTED, .first_unit = "区企服中心" };
	ticket_actor clerk = { ROLE_UNIT_STAFF, "区科经局", "区企服中心" };
	ticket_move m;
	assert_false(ticket_decide(&v, TICKET_ACT_DISPATCH, &clerk, &m));
	ticket_timers tm;
	ticket_timers_init(&tm);
	tm.t[TICKET_TIMER_DISPATCH] = running("2026-03-02", 1, "2026-03-03");
	ticket_timers before = tm;
	ticket_params p = ticket_params_default();
	ticket_input in = { .unit = "区科经局", .until = DATE_NONE };
	ticket_timers_apply(&tm, &m, &v, &in, &p, cal, day("2026-03-03"));
	assert_memory_equal(&tm, &before, sizeof tm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_params),
		cmocka_unit_test(test_due_spring_festival),
		cmocka_unit_test(test_due_national_day),
		cmocka_unit_test(test_due_rest_day_start),
		cmocka_unit_test(test_each_kind),
		cmocka_unit_test(test_lights),
		cmocka_unit_test(test_due_text),
		cmocka_unit_test(test_light_codes),
		cmocka_unit_test(test_timer_and_worst_light),
		cmocka_unit_test(test_recompute),
		cmocka_unit_test(test_refused_move_keeps_timers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
