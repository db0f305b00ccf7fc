/* The life of an inspection plan: every state × move (with the date against today
 * and the after-the-fact exemption), what a code is worth at the door in each state,
 * 首违不罚 on every outcome, codes and labels round-tripping, evaluation scores. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/inspection_plan.h"
#include "model/perm.h"

enum { TODAY = 20000 };

/* one row per state × move × date relation: want NULL (allowed) or the refusal */
static void test_moves(void **state)
{
	(void)state;
	static const struct {
		inspection_plan_state from;
		inspection_plan_move move;
		int date_offset;     /* plan date minus today */
		bool after_fact;
		bool allowed;
		inspection_plan_state next;     /* when allowed */
	} t[] = {
		{ INSPECTION_REGISTERED, INSPECTION_MOVE_APPROVE, 5, false, true, INSPECTION_APPROVED },
		{ INSPECTION_REGISTERED, INSPECTION_MOVE_APPROVE, 0, false, true, INSPECTION_APPROVED },
		{ INSPECTION_REGISTERED, INSPECTION_MOVE_APPROVE, -1, false, false, 0 },
		{ INSPECTION_REGISTERED, INSPECTION_MOVE_APPROVE, -3, true, true, INSPECTION_APPROVED },
		{ INSPECTION_APPROVED, INSPECTION_MOVE_APPROVE, 5, false, false, 0 },
		{ INSPECTION_DONE, INSPECTION_MOVE_APPROVE, 5, false, false, 0 },
		{ INSPECTION_EVALUATED, INSPECTION_MOVE_APPROVE, 5, false, false, 0 },
		{ INSPECTION_CANCELLED, INSPECTION_MOVE_APPROVE, 5, false, false, 0 },

		{ INSPECTION_REGISTERED, INSPECTION_MOVE_DONE, 0, false, false, 0 },
		{ INSPECTION_APPROVED, INSPECTION_MOVE_DONE, 0, false, true, INSPECTION_DONE },
		{ INSPECTION_APPROVED, INSPECTION_MOVE_DONE, -10, false, true, INSPECTION_DONE },
		{ INSPECTION_APPROVED, INSPECTION_MOVE_DONE, 1, false, false, 0 },
		{ INSPECTION_APPROVED, INSPECTION_MOVE_DONE, 1, true, false, 0 },
		{ INSPECTION_DONE, INSPECTION_MOVE_DONE, 0, false, false, 0 },
		{ INSPECTION_EVALUATED, INSPECTION_MOVE_DONE, 0, false, false, 0 },
		{ INSPECTION_CANCELLED, INSPECTION_MOVE_DONE, 0, false, false, 0 },

		{ INSPECTION_REGISTERED, INSPECTION_MOVE_EVALUATE, -1, false, false, 0 },
		{ INSPECTION_APPROVED, INSPECTION_MOVE_EVALUATE, -1, false, false, 0 },
		{ INSPECTION_DONE, INSPECTION_MOVE_EVALUATE, -1, false, true, INSPECTION_EVALUATED },
		{ INSPECTION_EVALUATED, INSPECTION_MOVE_EVALUATE, -1, false, true, INSPECTION_EVALUATED },
		{ INSPECTION_CANCELLED, INSPECTION_MOVE_EVALUATE, -1, false, false, 0 },

		{ INSPECTION_REGISTERED, INSPECTION_MOVE_CANCEL, 3, false, true, INSPECTION_CANCELLED },
		{ INSPECTION_REGISTERED, INSPECTION_MOVE_CANCEL, -3, false, true, INSPECTION_CANCELLED },
		{ INSPECTION_APPROVED, INSPECTION_MOVE_CANCEL, 3, false, true, INSPECTION_CANCELLED },
		{ INSPECTION_DONE, INSPECTION_MOVE_CANCEL, 3, false, false, 0 },
		{ INSPECTION_EVALUATED, INSPECTION_MOVE_CANCEL, 3, false, false, 0 },
		{ INSPECTION_CANCELLED, INSPECTION_MOVE_CANCEL, 3, false, false, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *why = inspection_plan_move_refused(t[i].from, t[i].move,
							 TODAY + t[i].date_offset, TODAY, t[i].after_fact);
		if ((why == NULL) != t[i].allowed)
			fail_msg("row %zu: %s: got %s", i, inspection_plan_state_code(t[i].from),
				 why ? why : "allowed");
		if (t[i].allowed)
			assert_int_equal(inspection_plan_move_next(t[i].from, t[i].move), t[i].next);
	}
	/* the refusal names what is wrong: the state first, then the date */
	assert_string_equal(inspection_plan_move_refused(INSPECTION_DONE, INSPECTION_MOVE_APPROVE, TODAY - 5, TODAY, false),
			    "only a registered plan can be approved");
	assert_non_null(strstr(inspection_plan_move_refused(INSPECTION_REGISTERED, INSPECTION_MOVE_APPROVE,
						      TODAY - 1, TODAY, false), "date has passed"));
	assert_string_equal(inspection_plan_move_refused(INSPECTION_APPROVED, INSPECTION_MOVE_DONE, TODAY + 1, TODAY, false),
			    "its date has not come yet");
	assert_non_null(inspection_plan_move_refused(INSPECTION_STATE__COUNT, INSPECTION_MOVE_DONE, TODAY, TODAY, false));
	assert_non_null(inspection_plan_move_refused(INSPECTION_APPROVED, INSPECTION_MOVE__COUNT, TODAY, TODAY, false));
}

static void test_verify(void **state)
{
	(void)state;
	static const struct { inspection_plan_state s; bool covers; const char *why; } t[] = {
		{ INSPECTION_REGISTERED, false, "not approved" },
		{ INSPECTION_APPROVED, true, NULL },
		{ INSPECTION_DONE, true, NULL },
		{ INSPECTION_EVALUATED, true, NULL },
		{ INSPECTION_CANCELLED, false, "cancelled" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *why = inspection_plan_verify_refused(t[i].s);
		assert_int_equal(why == NULL, t[i].covers);
		if (t[i].why)
			assert_non_null(strstr(why, t[i].why));
	}
}

static void test_first_violation(void **state)
{
	(void)state;
	static const struct { inspection_plan_outcome o; bool first; inspection_fv want; } t[] = {
		{ INSPECTION_OUTCOME_NONE, true, INSPECTION_FV_NOT_VIOLATION },
		{ INSPECTION_OUTCOME_NONE, false, INSPECTION_FV_NOT_VIOLATION },
		{ INSPECTION_OUTCOME_ADVICE, true, INSPECTION_FV_NOT_VIOLATION },
		{ INSPECTION_OUTCOME_ADVICE, false, INSPECTION_FV_NOT_VIOLATION },
		{ INSPECTION_OUTCOME_FIRST_VIOLATION, true, INSPECTION_FV_FIRST },
		{ INSPECTION_OUTCOME_FIRST_VIOLATION, false, INSPECTION_FV_NOT_FIRST },
		{ INSPECTION_OUTCOME_PENALTY, true, INSPECTION_FV_SUGGEST },
		{ INSPECTION_OUTCOME_PENALTY, false, INSPECTION_FV_REPEAT },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(inspection_plan_first_violation(t[i].o, t[i].first), t[i].want);
	assert_false(inspection_plan_outcome_is_violation(INSPECTION_OUTCOME_NONE));
	assert_false(inspection_plan_outcome_is_violation(INSPECTION_OUTCOME_ADVICE));
	assert_true(inspection_plan_outcome_is_violation(INSPECTION_OUTCOME_FIRST_VIOLATION));
	assert_true(inspection_plan_outcome_is_violation(INSPECTION_OUTCOME_PENALTY));
}

static void test_codes(void **state)
{
	(void)state;
	static const char *const state_codes[] = { "registered", "approved", "done", "evaluated",
						   "cancelled" };
	static const char *const outcome_codes[] = { "none", "advice", "first_violation", "penalty" };
	assert_int_equal(sizeof state_codes / sizeof state_codes[0], INSPECTION_STATE__COUNT);
	assert_int_equal(sizeof outcome_codes / sizeof outcome_codes[0], INSPECTION_OUTCOME__COUNT);
	for (int i = 0; i < INSPECTION_STATE__COUNT; i++) {
		inspection_plan_state s;
		assert_string_equal(inspection_plan_state_code((inspection_plan_state)i), state_codes[i]);
		assert_true(inspection_plan_state_parse(state_codes[i], &s));
		assert_int_equal(s, i);
		assert_non_null(inspection_plan_state_label((inspection_plan_state)i));
	}
	for (int i = 0; i < INSPECTION_OUTCOME__COUNT; i++) {
		inspection_plan_outcome o;
		assert_string_equal(inspection_plan_outcome_code((inspection_plan_outcome)i), outcome_codes[i]);
		assert_true(inspection_plan_outcome_parse(outcome_codes[i], &o));
		assert_int_equal(o, i);
	}
	inspection_plan_state s;
	inspection_plan_outcome o;
	assert_false(inspection_plan_state_parse("Approved", &s));
	assert_false(inspection_plan_state_parse(NULL, &s));
	assert_false(inspection_plan_outcome_parse("fine", &o));
	assert_false(inspection_plan_outcome_parse("", &o));
}

static void test_scores(void **state)
{
	(void)state;
	static const struct { int score; bool valid; } t[] = {
		{ -1, false }, { 0, false }, { 1, true }, { 3, true }, { 5, true }, { 6, false }, { 10, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(inspection_plan_score_valid(t[i].score), t[i].valid);
}

/* 法码同行: who approves a plan of 高新市场监管局, whose heads are asked first, then the
 * centre's; each row also asks the permission function for a supervisor or leader of
 * each unit and for unit staff of the plan's unit */
static void test_approver(void **state)
{
	(void)state;
	static const char unit[] = "高新市场监管局", centre[] = "区企服中心", other[] = "区科经局";
	static const struct {
		bool unit_head, centre_head;
		const char *centre;
		const char *want;            /* the approving unit, NULL: nobody */
	} t[] = {
		{ true, true, centre, unit },
		{ true, false, centre, unit },
		{ false, true, centre, centre },
		{ false, false, centre, NULL },
		/* no centre in the unit table: nobody */
		{ false, true, "", NULL },
		{ false, true, NULL, NULL },
		{ true, true, NULL, unit },
	};
	static const struct { role_t role; const char *of; } actors[] = {
		{ ROLE_SUPERVISOR, unit }, { ROLE_LEADER, unit }, { ROLE_SUPERVISOR, centre },
		{ ROLE_LEADER, centre }, { ROLE_SUPERVISOR, other }, { ROLE_UNIT_STAFF, unit },
		{ ROLE_FRONTDESK, centre }, { ROLE_ADMIN, centre },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *got = inspection_plan_approving_unit(unit, t[i].unit_head, t[i].centre,
		                                                 t[i].centre_head);
		if (!t[i].want)
			assert_null(got);
		else
			assert_string_equal(got, t[i].want);
		for (size_t k = 0; got && k < sizeof actors / sizeof actors[0]; k++) {
			perm_actor a = { actors[k].role, actors[k].of, NULL, 0, NULL, false };
			perm_object o = { NULL, got };
			bool head = actors[k].role == ROLE_SUPERVISOR || actors[k].role == ROLE_LEADER;
			bool want = head && strcmp(actors[k].of, got) == 0;
			if (perm_check(&a, PERM_INSP_APPROVE, &o).allow != want)
				fail_msg("row %zu, actor %zu: %s of %s %s approve for %s", i, k,
				         role_code(actors[k].role), actors[k].of, want ? "may" : "may not", got);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_verify),
		cmocka_unit_test(test_first_violation),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_approver),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
