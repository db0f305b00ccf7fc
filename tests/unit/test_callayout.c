/* The Calendar pane's layout without curses: where grid, text and the day's list go
 * at 80 and 120 columns and beyond, what a day's cell says in the columns it gets
 * (one-row and two-row cells, today, 休/班, counts, the squeeze of a long mark), and
 * the legend wrapped by its items. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/calendar/layout.h"

static void test_columns(void **state)
{
	(void)state;
	static const struct {
		int w, mark_w;
		bool wide, two_row;
		int cw, left, info_w, list_x, list_w, sep_x;
	} t[] = {
		/* 80 columns: the list below, one-row cells of 11 */
		{ 80, 2, false, false, 11, 1, 80, 0, 80, -1 },
		{ 80, 4, false, false, 11, 1, 80, 0, 80, -1 },
		{ 100, 2, false, false, 14, 1, 100, 0, 100, -1 },
		{ 119, 2, false, false, 16, 3, 119, 0, 119, -1 },
		/* 120: beside, two-row cells as narrow as the marks allow */
		{ 120, 2, true, true, 6, 1, 44, 46, 74, 44 },
		{ 120, 4, true, true, 7, 1, 51, 53, 67, 51 },
		{ 160, 2, true, true, 12, 1, 86, 88, 72, 86 },
		/* very wide: the cells stop growing and the list takes the rest */
		{ 240, 2, true, true, 16, 1, 114, 116, 124, 114 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		cal_layout L;
		ui_rect r = { 1, 0, 21, t[i].w };
		callayout_columns(&L, r, t[i].mark_w);
		assert_int_equal(L.wide, t[i].wide);
		assert_int_equal(L.two_row, t[i].two_row);
		assert_int_equal(L.cw, t[i].cw);
		assert_int_equal(L.left, t[i].left);
		assert_int_equal(L.info.w, t[i].info_w);
		assert_int_equal(L.list.x, t[i].list_x);
		assert_int_equal(L.list.w, t[i].list_w);
		assert_int_equal(L.sep_x, t[i].sep_x);
		/* nothing sticks out of the pane */
		assert_true(L.left + MONTH_DAYS_A_WEEK * L.cw <= t[i].w);
		assert_true(L.list.x + L.list.w <= t[i].w);
	}
}

static void test_rows(void **state)
{
	(void)state;
	static const struct {
		int w, h, weeks, ninfo, essential;
		int rpw, grid_h, keep, info_y, list_y, list_h;
	} t[] = {
		/* 80x24 (21 pane rows): weeks without spacing, the whole legend, the list
		 * below with what is left */
		{ 80, 21, 5, 3, 1, 1, 7, 3, 8, 11, 11 },
		{ 80, 21, 6, 6, 2, 1, 8, 6, 9, 15, 7 },
		/* a long English description and legend: the legend goes before the list
		 * falls under five rows */
		{ 80, 21, 6, 10, 2, 1, 8, 8, 9, 17, 5 },
		/* taller: a spacing row under each week */
		{ 80, 37, 6, 3, 1, 2, 14, 3, 15, 18, 20 },
		/* too short for everything: the day's description stays */
		{ 80, 12, 6, 4, 1, 1, 8, 1, 9, 10, 3 },
		/* 120x40: three rows a week beside the list, the list the full height */
		{ 120, 37, 6, 4, 1, 3, 20, 4, 21, 1, 37 },
		{ 120, 21, 6, 5, 2, 2, 14, 5, 15, 1, 21 },
		{ 120, 21, 6, 9, 2, 2, 14, 6, 15, 1, 21 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		cal_layout L;
		ui_rect r = { 1, 0, t[i].h, t[i].w };
		callayout_columns(&L, r, 2);
		int keep = callayout_rows(&L, r, t[i].weeks, t[i].ninfo, t[i].essential);
		assert_int_equal(L.rpw, t[i].rpw);
		assert_int_equal(L.grid.h, t[i].grid_h);
		assert_int_equal(keep, t[i].keep);
		assert_int_equal(L.info.y, t[i].info_y);
		assert_int_equal(L.list.y, t[i].list_y);
		assert_int_equal(L.list.h, t[i].list_h);
		assert_true(keep >= (t[i].essential < t[i].h - t[i].grid_h ? t[i].essential : 0));
		if (!L.wide)
			assert_int_equal(L.list.y + L.list.h, r.y + r.h);
	}
}

static void test_cells(void **state)
{
	(void)state;
	static const struct {
		int cw;
		bool two_row;
		int day, inspections;
		bool quiet, today, selected;
		const char *mark;
		int line;
		const char *want;
	} t[] = {
		/* one row of 11 (80 columns) */
		{ 11, false, 1, 0, true, true, true, "", 0, ">[ 1*     ]" },
		{ 11, false, 9, 0, true, false, false, "", 0, "   9*      " },
		{ 11, false, 14, 1, true, false, false, "班", 0, "  14*班 #1 " },
		{ 11, false, 15, 0, true, false, true, "休", 0, "> 15*休    " },
		{ 11, false, 26, 12, false, false, false, "", 0, "  26   #12 " },
		/* English: "work" and a count take the column kept for "]" */
		{ 11, false, 14, 1, true, false, false, "work", 0, "  14*work#1" },
		{ 11, false, 1, 0, true, false, false, "off", 0, "   1*off   " },
		/* today keeps its "]": the mark gives way to the count */
		{ 11, false, 14, 1, true, true, false, "work", 0, " [14*wo~#1]" },
		/* two rows of 6 (120 columns, Chinese) */
		{ 6, true, 28, 1, false, false, false, "班", 0, "  28  " },
		{ 6, true, 28, 1, false, false, false, "班", 1, " 班 #1" },
		{ 6, true, 1, 0, true, true, true, "", 0, ">[ 1*]" },
		{ 6, true, 1, 0, true, true, true, "", 1, "      " },
		{ 7, true, 10, 3, false, false, false, "work", 1, " work#3" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		cal_layout L = { .cw = t[i].cw, .two_row = t[i].two_row };
		month_cell c = {
			.date = 0, .day = t[i].day, .kind = DAY_WORKDAY, .quiet = t[i].quiet,
			.today = t[i].today, .inspections = t[i].inspections,
		};
		strbuf out = STRBUF_INIT;
		callayout_cell(&L, &c, t[i].mark, t[i].selected, t[i].line, &out);
		if (strcmp(sb_str(&out), t[i].want) != 0)
			fail_msg("case %zu: '%s', want '%s'", i, sb_str(&out), t[i].want);
		assert_int_equal(text_width(sb_str(&out)), t[i].cw);
		sb_free(&out);
	}
}

static void test_items(void **state)
{
	(void)state;
	static const char en[] = "off holiday  work make-up working day  * quiet day (days 1-23)  "
	                         "[ ] today  #N inspections that day";
	static const char zh[] = "休 节假日  班 调休上班  * 企业安静日（每月 1-23 日）  [ ] 今天  "
	                         "#N 当天检查数";
	static const struct {
		const char *s;
		int room;
		int n;
		const char *rows[5];
	} t[] = {
		{ en, 77, 2, { "off holiday  work make-up working day  * quiet day (days 1-23)  [ ] today",
		               "#N inspections that day" } },
		{ en, 40, 3, { "off holiday  work make-up working day",
		               "* quiet day (days 1-23)  [ ] today", "#N inspections that day" } },
		{ zh, 77, 1, { "休 节假日  班 调休上班  * 企业安静日（每月 1-23 日）  [ ] 今天  #N 当天检查数" } },
		{ zh, 41, 3, { "休 节假日  班 调休上班", "* 企业安静日（每月 1-23 日）  [ ] 今天",
		               "#N 当天检查数" } },
		/* an item wider than the row wraps at its words; its tail shares a row */
		{ "a  make-up working day  b", 10, 4, { "a", "make-up", "working", "day  b" } },
		{ "a  make-up working day  b", 14, 3, { "a", "make-up", "working day  b" } },
		{ "", 10, 0, { NULL } },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *rows[8];
		int n = callayout_items(t[i].s, t[i].room, rows, 8);
		assert_int_equal(n, t[i].n);
		for (int k = 0; k < n; k++) {
			assert_string_equal(rows[k], t[i].rows[k]);
			assert_true(text_width(rows[k]) <= t[i].room);
			free(rows[k]);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_items),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
