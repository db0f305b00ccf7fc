/* The lists both faces show, worded once: the cells of the appeal queue and of the
 * enterprise register for a few rows, in the words people read (the screen, the
 * command's table) and in the codes scripts read (CSV, JSON), and the shape of the
 * two column tables (a printed column has a key, a drawn one a width). Untranslated:
 * the tests run without a catalogue, so words are the English msgids. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal_list.h"
#include "app/enterprise_list.h"
#include "config/settings.h"
#include "core/paths.h"
#include "model/escalation.h"
#include "policy/policy.h"
#include "testcal.h"

static void check_table(const app_column *cols, int n)
{
	for (int c = 0; c < n; c++) {
		/* every column is printed, drawn, or both, and has a header */
		assert_true(cols[c].key || cols[c].width > 0);
		assert_non_null(cols[c].header);
		for (int d = 0; d < c; d++)
			if (cols[c].key && cols[d].key)
				assert_string_not_equal(cols[c].key, cols[d].key);
	}
}

static void test_tables(void **state)
{
	(void)state;
	check_table(app_appeal_columns, APPEAL_COL__COUNT);
	check_table(app_ent_columns, ENT_COL__COUNT);
}

/* the cell of col, in form */
static char *appeal_cell(app_ctx *ctx, const appeal_row *r, int col, app_cell_form form)
{
	strbuf b = STRBUF_INIT;
	app_appeal_cell(ctx, r, col, form, &b);
	return sb_steal(&b);
}

static void test_appeal_cells(void **state)
{
	(void)state;
	app_ctx ctx = { .cfg = settings_new(), .today = testcal_day("2026-12-01") };
	ctx.cal = testcal_load();
	assert_non_null(ctx.cal);
	char uscc[] = "91360103015087460F", name[] = "明光供应链管理股份有限公司";
	char title[] = "公交线路调整建议", lead[] = "区建管局", first[] = "昌东镇";
	char order[] = "GD2026120100017", none[] = "";
	/* closed: no deadline runs; due soon: the next working day (yellow_days 1),
	 * handled by its first unit; overdue: since Friday, at the leader's level, and
	 * its handling deadline is as late, so escalation is suggested */
	appeal_row rows[] = {
		{ .number = "2025-000001", .uscc = uscc, .enterprise_name = name, .title = title,
		  .kind = TICKET_KIND_GENERAL, .state = TICKET_ST_CLOSED, .first_unit = first,
		  .lead_unit = lead, .next_due = DATE_NONE, .version = 10,
		  .level = ESC_LEVEL_LEAD_UNIT, .handle_due = DATE_NONE,
		  .channel = APPEAL_CH_HOTLINE, .external_no = order },
		{ .number = "2026-000002", .uscc = uscc, .enterprise_name = name, .title = title,
		  .kind = TICKET_KIND_SIMPLE, .state = TICKET_ST_SELF_HANDLING,
		  .first_unit = first, .next_due = testcal_day("2026-12-02"), .version = 3,
		  .handle_due = DATE_NONE, .channel = APPEAL_CH_VISIT, .external_no = none },
		{ .number = "2026-000003", .uscc = uscc, .enterprise_name = name, .title = title,
		  .kind = TICKET_KIND_COMPLEX, .state = TICKET_ST_IN_PROGRESS, .first_unit = first,
		  .lead_unit = lead, .next_due = testcal_day("2026-11-27"), .version = 7,
		  .level = ESC_LEVEL_LEADER, .handle_due = testcal_day("2026-11-27") },
	};
	static const struct {
		int row, col;
		const char *words, *code;
	} t[] = {
		{ 0, APPEAL_COL_NUMBER, "2025-000001", "2025-000001" },
		{ 0, APPEAL_COL_USCC, "91360103015087460F", "91360103015087460F" },
		{ 0, APPEAL_COL_KIND, "general matter", "general" },
		{ 0, APPEAL_COL_UNIT, "区建管局", "区建管局" },
		{ 0, APPEAL_COL_STATE, "closed", "closed" },
		/* no running deadline: every deadline cell empty, in words too */
		{ 0, APPEAL_COL_DEADLINE, "", "" },
		{ 0, APPEAL_COL_DUE, "", "" },
		{ 0, APPEAL_COL_LIGHT, "", "" },
		{ 0, APPEAL_COL_DUE_TEXT, "", "" },
		{ 0, APPEAL_COL_VERSION, "10", "10" },
		{ 0, APPEAL_COL_LEVEL, "level 3", "3" },
		{ 0, APPEAL_COL_SUGGEST, "0", "0" },
		{ 1, APPEAL_COL_KIND, "simple matter", "simple" },
		{ 1, APPEAL_COL_UNIT, "昌东镇", "昌东镇" },
		{ 1, APPEAL_COL_STATE, "handled by its first unit", "self_handling" },
		{ 1, APPEAL_COL_DEADLINE, "due soon 1 working day left", "due soon 1 working day left" },
		{ 1, APPEAL_COL_DUE, "2026-12-02", "2026-12-02" },
		{ 1, APPEAL_COL_LIGHT, "due soon", "yellow" },
		{ 1, APPEAL_COL_DUE_TEXT, "1 working day left", "1 working day left" },
		{ 1, APPEAL_COL_LEVEL, "", "" },
		{ 2, APPEAL_COL_STATE, "in progress", "in_progress" },
		/* overdue names itself: no light word before it */
		{ 2, APPEAL_COL_DEADLINE, "2 working days overdue", "2 working days overdue" },
		{ 2, APPEAL_COL_LIGHT, "overdue", "red" },
		{ 2, APPEAL_COL_DUE_TEXT, "2 working days overdue", "2 working days overdue" },
		{ 2, APPEAL_COL_LEVEL, "level 2", "2" },
		{ 2, APPEAL_COL_SUGGEST, "1", "1" },
		/* the channel's work-order number, for those that came with one */
		{ 0, APPEAL_COL_CHANNEL, "12345 hotline", "hotline" },
		{ 0, APPEAL_COL_EXTERNAL_NO, "GD2026120100017", "GD2026120100017" },
		{ 1, APPEAL_COL_CHANNEL, "enterprise visit", "visit" },
		{ 1, APPEAL_COL_EXTERNAL_NO, "", "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *w = appeal_cell(&ctx, &rows[t[i].row], t[i].col, CELL_WORDS);
		char *c = appeal_cell(&ctx, &rows[t[i].row], t[i].col, CELL_CODE);
		if (strcmp(w, t[i].words) != 0 || strcmp(c, t[i].code) != 0)
			fail_msg("row %d column %s: \"%s\" / \"%s\", want \"%s\" / \"%s\"", t[i].row,
			         app_appeal_columns[t[i].col].header, w, c, t[i].words, t[i].code);
		free(w);
		free(c);
	}
	calendar_free(&ctx.cal);
	settings_free(&ctx.cfg);
}

static char *ent_cell(const ent_record *e, int col, app_cell_form form, const catalog *cat)
{
	strbuf b = STRBUF_INIT;
	app_ent_cell(e, col, form, cat, &b);
	return sb_steal(&b);
}

static void test_ent_cells(void **state)
{
	(void)state;
	catalog cat;
	strbuf err = STRBUF_INIT;
	if (policy_catalog_load(&cat, paths_data_dir(), &err) < 0)
		fail_msg("%s", sb_str(&err));
	sb_free(&err);
	char name[] = "华勤技术股份有限公司", uscc[] = "91360100001571585A", trade[] = "trade";
	char area[] = "昌东镇", coop[] = "区建管局|区科经局", login[] = "maqiu", person[] = "邓洋";
	char empty[] = "", unknown[] = "mining";
	ent_record rows[] = {
		{ .name = name, .uscc = uscc, .category = trade, .area = area, .aviation = true,
		  .coop_units = coop, .commissioner = login, .commissioner_name = person,
		  .open_appeals = 3, .warning = true },
		/* no commissioner; a code the catalogue does not know */
		{ .name = name, .category = unknown, .commissioner = empty,
		  .commissioner_name = empty },
		/* a record read without the list's extras: the login stands for the name */
		{ .name = name, .category = trade, .commissioner = login },
	};
	static const struct {
		int row, col;
		bool no_catalog;
		const char *words, *code;
	} t[] = {
		{ 0, ENT_COL_NAME, false, "华勤技术股份有限公司", "华勤技术股份有限公司" },
		{ 0, ENT_COL_WARNING, false, "!", "!" },
		/* the list's short label; the code for scripts */
		{ 0, ENT_COL_CATEGORY, false, "限上批零", "trade" },
		{ 0, ENT_COL_CATEGORY, true, "trade", "trade" },
		{ 0, ENT_COL_AVIATION, false, "1", "1" },
		{ 0, ENT_COL_COOP, false, "区建管局|区科经局", "区建管局|区科经局" },
		{ 0, ENT_COL_COMMISSIONER, false, "邓洋", "maqiu" },
		{ 0, ENT_COL_APPEALS, false, "3", "3" },
		{ 1, ENT_COL_WARNING, false, "", "" },
		{ 1, ENT_COL_USCC, false, "", "" },
		{ 1, ENT_COL_CATEGORY, false, "mining", "mining" },
		{ 1, ENT_COL_AVIATION, false, "0", "0" },
		{ 1, ENT_COL_COMMISSIONER, false, "", "" },
		{ 1, ENT_COL_APPEALS, false, "0", "0" },
		{ 2, ENT_COL_COMMISSIONER, false, "maqiu", "maqiu" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const catalog *c = t[i].no_catalog ? NULL : &cat;
		char *w = ent_cell(&rows[t[i].row], t[i].col, CELL_WORDS, c);
		char *k = ent_cell(&rows[t[i].row], t[i].col, CELL_CODE, c);
		if (strcmp(w, t[i].words) != 0 || strcmp(k, t[i].code) != 0)
			fail_msg("row %d column %s: \"%s\" / \"%s\", want \"%s\" / \"%s\"", t[i].row,
			         app_ent_columns[t[i].col].header, w, k, t[i].words, t[i].code);
		free(w);
		free(k);
	}
	catalog_free(&cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_appeal_cells),
		cmocka_unit_test(test_ent_cells),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
