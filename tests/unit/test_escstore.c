/* The Escalation board's pure parts in store/escalation_store.h: 建议升级 from a
 * handling due date, a level and the setting on the real 2026 calendar; the states
 * the board shows; and how a list filter becomes a board list (a level, or the
 * overdue list) without losing what the caller asked for. The store's writes and
 * the figures are tested end to end in tests/cli/test_escalation_cli.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

#include "model/appeal.h"
#include "model/escalation.h"
#include "store/escalation_store.h"
#include "testcal.h"

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
		TICKET_ST_ANSWERED, TICKET_ST_CALLBACK_SATISFIED,
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggested),
		cmocka_unit_test(test_board_states),
		cmocka_unit_test(test_board_filter),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
