/* The Appeals pane's pure decisions: which of the queue's columns show at 80, 100 and
 * 120 columns (every width sums to the pane, the command line's own never show), the
 * sort cycle and its columns, the light cell's text, where the saved-view tabs wrap
 * and which tab each role opens on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/text.h"
#include "app/appeal.h"
#include "app/appeal_list.h"
#include "ui/appeals/list.h"
#include "ui/layout.h"

static void test_columns_by_width(void **state)
{
	(void)state;
	static const struct {
		int w;
		bool kind, unit;
	} cases[] = {
		{ 80, false, false },
		{ 99, false, false },
		{ 100, false, true },
		{ 119, false, true },
		{ 120, true, true },
		{ 200, true, true },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int width[APPEAL_COL__COUNT];
		layout_columns(app_appeal_columns, APPEAL_COL__COUNT, cases[i].w, width);
		assert_int_equal(width[APPEAL_COL_KIND] > 0, cases[i].kind);
		assert_int_equal(width[APPEAL_COL_UNIT] > 0, cases[i].unit);
		int sum = 0, shown = 0;
		for (int c = 0; c < APPEAL_COL__COUNT; c++) {
			if (app_appeal_columns[c].width == 0)
				assert_int_equal(width[c], 0);
			if (width[c] > 0) {
				sum += width[c];
				shown++;
			}
		}
		/* one space between columns, and the row fills the pane exactly */
		assert_int_equal(sum + shown - 1, cases[i].w);
		assert_true(width[APPEAL_COL_NUMBER] == 11);
		assert_true(width[APPEAL_COL_TITLE] >= 12);
		assert_true(width[APPEAL_COL_DEADLINE] == 20);
	}
}

static void test_sort_cycle(void **state)
{
	(void)state;
	static const struct {
		appeal_sort from, next;
		int col;
	} cases[] = {
		{ APPEAL_SORT_NUMBER, APPEAL_SORT_ENTERPRISE, APPEAL_COL_NUMBER },
		{ APPEAL_SORT_ENTERPRISE, APPEAL_SORT_UNIT, APPEAL_COL_ENTERPRISE },
		{ APPEAL_SORT_UNIT, APPEAL_SORT_STATE, APPEAL_COL_UNIT },
		{ APPEAL_SORT_STATE, APPEAL_SORT_DUE, APPEAL_COL_STATE },
		{ APPEAL_SORT_DUE, APPEAL_SORT_NUMBER, APPEAL_COL_DEADLINE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(applist_next_sort(cases[i].from), cases[i].next);
		assert_int_equal(applist_sort_column(cases[i].from), cases[i].col);
	}
}

static void test_light_text(void **state)
{
	(void)state;
	/* untranslated (no locale): the light's word is always there, never colour alone */
	static const struct {
		ticket_light_t l;
		int days;
		const char *want_in;
	} cases[] = {
		{ TICKET_LIGHT_RED, 3, "3" },
		{ TICKET_LIGHT_YELLOW, 0, "today" },
		{ TICKET_LIGHT_GREEN, 5, "5" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf s = STRBUF_INIT;
		app_light_text(cases[i].l, cases[i].days, &s);
		assert_non_null(strstr(sb_str(&s), cases[i].want_in));
		if (cases[i].l != TICKET_LIGHT_RED)
			assert_non_null(strstr(sb_str(&s), ticket_light_label(cases[i].l)));
		else
			assert_non_null(strstr(sb_str(&s), "overdue"));
		sb_free(&s);
	}
	strbuf none = STRBUF_INIT;
	app_light_text(TICKET_LIGHT_NONE, 4, &none);
	assert_string_equal(sb_str(&none), "");
	sb_free(&none);
}

static void test_tab_lines(void **state)
{
	(void)state;
	static const struct {
		int w;
		int n;
		int widths[4];
		int lines;
		int line[4];
	} cases[] = {
		{ 80, 4, { 10, 10, 10, 10 }, 1, { 0, 0, 0, 0 } },
		{ 21, 4, { 10, 10, 10, 10 }, 2, { 0, 0, 1, 1 } },
		{ 20, 4, { 10, 10, 10, 10 }, 4, { 0, 1, 2, 3 } },
		{ 5, 2, { 10, 3, 0, 0 }, 2, { 0, 1, 0, 0 } },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int line[4] = { 0 };
		assert_int_equal(applist_tab_lines(cases[i].widths, cases[i].n, cases[i].w, line),
		                 cases[i].lines);
		for (int t = 0; t < cases[i].n; t++)
			assert_int_equal(line[t], cases[i].line[t]);
	}
}

static void test_start_view(void **state)
{
	(void)state;
	static const struct {
		role_t role;
		appeal_view v;
	} cases[] = {
		{ ROLE_SUPERVISOR, APPEAL_VIEW_RED },
		{ ROLE_LEADER, APPEAL_VIEW_RED },
		{ ROLE_UNIT_STAFF, APPEAL_VIEW_MINE },
		{ ROLE_FRONTDESK, APPEAL_VIEW_TO_DISPATCH },
		{ ROLE_AREA_OFFICER, APPEAL_VIEW_TO_DISPATCH },
		{ ROLE_ADMIN, APPEAL_VIEW_TO_DISPATCH },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(applist_start_view(cases[i].role), cases[i].v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_by_width),
		cmocka_unit_test(test_sort_cycle),
		cmocka_unit_test(test_light_text),
		cmocka_unit_test(test_tab_lines),
		cmocka_unit_test(test_start_view),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
