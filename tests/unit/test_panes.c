/* The tab table's words: the direct tab keys reach exactly the tabs PANES lists, in
 * order, and are worded from the tab titles, so a new tab needs no key row. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "ui/panes.h"

static void test_tab_actions(void **state)
{
	(void)state;
	static const struct { action a; int tab; } t[] = {
		{ ACT_TAB_1, 0 },
		{ ACT_TAB_1 + PANE_COUNT - 1, PANE_COUNT - 1 },
		{ ACT_HELP, -1 },
		{ ACT_NEXT_TAB, -1 },
		{ ACT_NONE, -1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(pane_of_tab_action(t[i].a), t[i].tab);
	/* a number beyond the last tab reaches nothing */
	for (int a = ACT_TAB_1 + PANE_COUNT; a <= ACT_TAB_9; a++)
		assert_int_equal(pane_of_tab_action((action)a), -1);
}

static void test_tab_words(void **state)
{
	(void)state;
	for (int i = 0; i < PANE_COUNT; i++) {
		action a = (action)(ACT_TAB_1 + i);
		assert_string_equal(pane_action_label(a), pane_title((pane_id)i));
		char *help = pane_action_help(a);
		char *want = xasprintf("go to the %s tab", pane_title((pane_id)i));
		assert_string_equal(help, want);
		xfree(&help);
		xfree(&want);
	}
	assert_string_equal(pane_title(PANE_ENTERPRISES), "Enterprises");
	assert_string_equal(pane_title(PANE_CALENDAR), "Calendar");
	assert_string_equal(pane_action_label(ACT_HELP), "Help");
	char *help = pane_action_help(ACT_QUIT);
	assert_string_equal(help, "quit qifu");
	xfree(&help);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tab_actions),
		cmocka_unit_test(test_tab_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
