/* The appeal helpers of model/appeal.h: title similarity against a table of real
 * pairs, which unit an appeal waits for in every state, the saved views' state sets
 * and the channel and view codes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/appeal.h"
#include "model/ticket.h"

static const struct sim_case {
	const char *a, *b;
	int score;          /* exact: the arithmetic is part of the contract */
	bool similar;       /* >= APPEAL_SIMILAR_MIN */
} sim_cases[] = {
	/* identical, and identical after folding width, case and punctuation */
	{ "厂区门口道路积水", "厂区门口道路积水", 100, true },
	{ "ＡＢＣ公司用电报装", "abc公司用电报装", 100, true },
	{ "厂区门口道路积水！", "厂区门口，道路积水", 100, true },
	/* a longer wording of the same problem: 7 shared of 7 + 9 bigrams */
	{ "厂区门口道路积水", "厂区门口道路积水严重", 88, true },
	/* the same words reordered: 5 shared of 6 + 8 bigrams */
	{ "办理施工许可证", "施工许可证办理进度", 71, true },
	/* one shared word is not a duplicate: 1 of 5 + 5 */
	{ "申请人才公寓", "申请融资贴息", 20, false },
	/* the same characters in another order share no bigram */
	{ "人才公寓", "寓公才人", 0, false },
	{ "停电", "水电费", 0, false },
	/* one shared bigram of three each */
	{ "用电报装", "用电申请", 33, false },
	{ "园区道路维修", "园区道路照明", 60, true },
	/* empty and one-character titles */
	{ "", "厂区积水", 0, false },
	{ "！？", "！？", 0, false },
	{ "水", "水", 100, true },
	{ "水", "水电", 0, false },
	/* each bigram of the other title is matched once only */
	{ "积水积水", "积水", 50, true },
};

static void test_similarity(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof sim_cases / sizeof sim_cases[0]; i++) {
		const struct sim_case *c = &sim_cases[i];
		int got = appeal_title_similarity(c->a, c->b);
		if (got != c->score)
			fail_msg("similarity(%s, %s) = %d, want %d", c->a, c->b, got, c->score);
		if ((got >= APPEAL_SIMILAR_MIN) != c->similar)
			fail_msg("similar(%s, %s) = %d, want %d", c->a, c->b, got >= APPEAL_SIMILAR_MIN,
			         c->similar);
		/* symmetric */
		assert_int_equal(appeal_title_similarity(c->b, c->a), got);
	}
	assert_int_equal(appeal_title_similarity(NULL, "厂区积水"), 0);
}

#define FIRST "区科经局"
#define LEAD "区投促局"
#define CENTRE "区企服中心"

/* who holds an appeal in each state, first unit 区科经局, lead 区投促局 once dispatched */
static const struct holder_case {
	ticket_state state;
	bool dispatched;
	const char *holder;
} holder_cases[] = {
	{ TICKET_ST_REGISTERED, false, FIRST },
	{ TICKET_ST_SELF_HANDLING, false, FIRST },
	{ TICKET_ST_SUBMITTED, false, CENTRE },
	{ TICKET_ST_DISPATCHED, true, LEAD },
	{ TICKET_ST_IN_PROGRESS, true, LEAD },
	{ TICKET_ST_EXTENDED, true, LEAD },
	/* answered: the first-responsible unit tells the enterprise, then the centre calls */
	{ TICKET_ST_ANSWERED, true, FIRST },
	{ TICKET_ST_REPORTED, true, CENTRE },
	{ TICKET_ST_CALLBACK_SATISFIED, true, FIRST },
	{ TICKET_ST_CALLBACK_DISSATISFIED, true, CENTRE },
	{ TICKET_ST_FED_BACK, true, LEAD },
	{ TICKET_ST_EXPLAINED, true, LEAD },
	{ TICKET_ST_CLOSE_REQUESTED, true, FIRST },
	{ TICKET_ST_CLOSED, true, NULL },
	{ TICKET_ST_WITHDRAWN, false, NULL },
	{ TICKET_ST_MERGED, false, NULL },
};

static void test_holder(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof holder_cases / sizeof holder_cases[0]; i++) {
		const struct holder_case *c = &holder_cases[i];
		ticket_view t = { "2026-000001", "914403001922038216", c->state, TICKET_KIND_GENERAL,
			FIRST, c->dispatched ? LEAD : NULL, NULL, 0 };
		if (c->state == TICKET_ST_SELF_HANDLING)
			t.lead_unit = FIRST;
		const char *got = appeal_holder(&t, CENTRE);
		if ((got == NULL) != (c->holder == NULL) || (got && strcmp(got, c->holder) != 0))
			fail_msg("holder in %s: %s, want %s", ticket_state_code(c->state),
			         got ? got : "(none)", c->holder ? c->holder : "(none)");
	}
	/* registered by the centre itself: it lands at the centre for dispatch */
	ticket_view t = { "2026-000002", "914403001922038216", TICKET_ST_SUBMITTED,
		TICKET_KIND_SIMPLE, CENTRE, NULL, NULL, 0 };
	assert_string_equal(appeal_holder(&t, CENTRE), CENTRE);
}

static void test_views(void **state)
{
	(void)state;
	static const struct {
		appeal_view v;
		const char *code;
		unsigned states;
		unsigned lights;
		bool today, mine;
	} want[] = {
		{ APPEAL_VIEW_TO_DISPATCH, "to_dispatch", 1u << TICKET_ST_SUBMITTED, 0, false, false },
		{ APPEAL_VIEW_TO_SIGN, "to_sign", 1u << TICKET_ST_DISPATCHED, 0, false, false },
		{ APPEAL_VIEW_IN_PROGRESS, "in_progress", 1u << TICKET_ST_IN_PROGRESS |
		  1u << TICKET_ST_EXTENDED | 1u << TICKET_ST_SELF_HANDLING, 0, false, false },
		{ APPEAL_VIEW_DUE_TODAY, "due_today", 0, 0, true, false },
		{ APPEAL_VIEW_YELLOW, "yellow", 0, 1u << TICKET_LIGHT_YELLOW, false, false },
		{ APPEAL_VIEW_RED, "red", 0, 1u << TICKET_LIGHT_RED, false, false },
		{ APPEAL_VIEW_CALLBACK, "callback", 1u << TICKET_ST_REPORTED, 0, false, false },
		{ APPEAL_VIEW_DISSATISFIED, "dissatisfied", 1u << TICKET_ST_CALLBACK_DISSATISFIED |
		  1u << TICKET_ST_FED_BACK | 1u << TICKET_ST_EXPLAINED |
		  1u << TICKET_ST_CLOSE_REQUESTED, 0, false, false },
		{ APPEAL_VIEW_CLOSED, "closed", 1u << TICKET_ST_CLOSED, 0, false, false },
		{ APPEAL_VIEW_MINE, "mine", 0, 0, false, true },
	};
	assert_int_equal(sizeof want / sizeof want[0], APPEAL_VIEW__COUNT);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		appeal_view_def d = appeal_view_definition(want[i].v);
		assert_string_equal(appeal_view_code(want[i].v), want[i].code);
		assert_int_equal(d.states, want[i].states);
		assert_int_equal(d.lights, want[i].lights);
		assert_int_equal(d.due_today, want[i].today);
		assert_int_equal(d.mine, want[i].mine);
		appeal_view back;
		assert_true(appeal_view_parse(want[i].code, &back));
		assert_int_equal(back, want[i].v);
		assert_non_null(appeal_view_label(want[i].v));
	}
	appeal_view v;
	assert_false(appeal_view_parse("red_light", &v));
	assert_false(appeal_view_parse(NULL, &v));
	assert_string_equal(appeal_view_code(APPEAL_VIEW__COUNT), "?");
	/* the bits are the filter's: one per state or light, none out of range */
	assert_int_equal(appeal_state_bit(TICKET_ST_CLOSED), 1u << TICKET_ST_CLOSED);
	assert_int_equal(appeal_state_bit(TICKET_ST__COUNT), 0);
	assert_int_equal(appeal_light_bit(TICKET_LIGHT_RED), 1u << TICKET_LIGHT_RED);
}

static void test_channels(void **state)
{
	(void)state;
	static const char *const codes[] = { "visit", "phone", "hotline", "online", "letter",
		"meeting" };
	assert_int_equal(sizeof codes / sizeof codes[0], APPEAL_CH__COUNT);
	for (int i = 0; i < APPEAL_CH__COUNT; i++) {
		appeal_channel c;
		assert_string_equal(appeal_channel_code((appeal_channel)i), codes[i]);
		assert_true(appeal_channel_parse(codes[i], &c));
		assert_int_equal(c, i);
	}
	appeal_channel c;
	assert_false(appeal_channel_parse("12345", &c));
	assert_false(appeal_channel_parse("Phone", &c));
	assert_string_equal(appeal_channel_code(APPEAL_CH__COUNT), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_holder),
		cmocka_unit_test(test_views),
		cmocka_unit_test(test_channels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
