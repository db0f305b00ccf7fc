/* The event log in words: each clause shape the store writes is worded, states,
 * timers, kinds, channels, modes and levels by their labels, and a clause of another
 * shape is kept as written (run in the C locale, so the labels are the msgids). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "app/event_text.h"

static void test_summaries(void **state)
{
	(void)state;
	static const struct { const char *summary, *words; } t[] = {
		{ "", "" },
		{ "dispatched -> in_progress", "dispatched -> in progress" },
		{ "submitted; enterprise=913601210030197193 kind=complex channel=phone "
		  "first_unit=区科经局; dispatch due 2025-10-28",
		  "submitted to the centre; enterprise: 913601210030197193  kind: complex matter  "
		  "channel: phone call  first-responsible unit: 区科经局; dispatch deadline due "
		  "2025-10-28" },
		{ "submitted -> dispatched; lead=区科经局; dispatch stopped; handle due 2025-11-18",
		  "submitted to the centre -> dispatched; lead unit: 区科经局; dispatch deadline "
		  "stopped; handling deadline due 2025-11-18" },
		{ "level 3 -> 2; lead=区投促局", "level 3 -> level 2; lead unit: 区投促局" },
		{ "level=1 mode=meeting date=2026-12-01 dispatch=3",
		  "level: level 1  mode: meeting dispatch  date: 2026-12-01  dispatch record: 3" },
		{ "answered -> reported; on=2026-03-09; how=visit; by=王芳; report stopped",
		  "answered -> reported to the enterprise; told on: 2026-03-09; how: in person; "
		  "told by: 王芳; report deadline stopped" },
		{ "answered -> reported; on=2026-03-09; upgrade",
		  "answered -> reported to the enterprise; told on: 2026-03-09; answered before the "
		  "report step: how it was told was not recorded" },
		{ "how=fax", "how: fax" },
		{ "handle due 2027-02-12 -> 2027-02-16",
		  "handling deadline due 2027-02-12 -> 2027-02-16" },
		/* shapes it does not know, and codes that are not codes, stay as written */
		{ "moved by hand", "moved by hand" },
		{ "colour=blue", "colour=blue" },
		{ "kind=unheard-of", "kind: unheard-of" },
		{ "nothing -> nowhere", "nothing -> nowhere" },
		{ "handle due", "handle due" },
		{ "a; b", "a; b" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf out = STRBUF_INIT;
		app_event_summary_text(t[i].summary, &out);
		if (strcmp(sb_str(&out), t[i].words) != 0)
			fail_msg("%s\n  got  %s\n  want %s", t[i].summary, sb_str(&out), t[i].words);
		sb_free(&out);
	}
}

static void test_actions(void **state)
{
	(void)state;
	assert_string_equal(app_event_action_text("dispatch"), "dispatch");
	assert_string_equal(app_event_action_text("escalate"), "escalate to the next level");
	assert_string_equal(app_event_action_text("recompute"), "deadlines recomputed");
	assert_string_equal(app_event_action_text("report"), "report to the enterprise");
	assert_string_equal(app_event_action_text("unheard-of"), "unheard-of");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summaries),
		cmocka_unit_test(test_actions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
