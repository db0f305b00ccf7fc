/* Supervision figures on a small fixture whose rates are worked out by hand below;
 * permille rounding; the consistency check of store counts; ASCII bars at their
 * rounding edges; the chart and the report table in English and Chinese, every line
 * measured in display columns. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "model/supervision.h"
#include "testlang.h"

/* The fixture, one period, three units.
 *
 * 区科经局: 20 received; 19 dispatched on time = 95.0%; 18 signed on time = 90.0%;
 *   1 returned = 5.0%; 16 answered, 14 of them on time = 87.5%; 3 extended;
 *   15 callbacks, 13 satisfied = 86.67 -> 86.7%; 2 to level 2, 1 on to level 1;
 *   2 overdue now.
 * 区投促局: 7 received; 7 on time = 100.0%; 6 signed = 85.71 -> 85.7%; 0 returned =
 *   0.0%; 6 answered, 5 on time = 83.33 -> 83.3%; 1 extended; 6 callbacks, 6
 *   satisfied = 100.0%; no escalation; 1 overdue now.
 * 昌东镇: nothing received in the period (every rate "-"), but 1 older appeal
 *   overdue now.
 * Total: 27 received; 26 on time = 96.30 -> 96.3%; 24 signed = 88.89 -> 88.9%;
 *   1 returned = 3.70 -> 3.7%; 22 answered, 19 on time = 86.36 -> 86.4%; 4 extended
 *   = 14.81 -> 14.8%; 21 callbacks, 19 satisfied = 90.48 -> 90.5%; 2 to level 2,
 *   1 to level 1; 4 overdue now. */
static const supervision_counts fixture[] = {
	{ .unit = "区科经局", .received = 20, .dispatched_on_time = 19, .signed_on_time = 18,
		.returned = 1, .answered = 16, .answered_on_time = 14, .extended = 3,
		.callbacks = 15, .satisfied = 13, .escalated2 = 2, .escalated1 = 1,
		.overdue_now = 2 },
	{ .unit = "区投促局", .received = 7, .dispatched_on_time = 7, .signed_on_time = 6,
		.returned = 0, .answered = 6, .answered_on_time = 5, .extended = 1,
		.callbacks = 6, .satisfied = 6, .escalated2 = 0, .escalated1 = 0,
		.overdue_now = 1 },
	{ .unit = "昌东镇", .overdue_now = 1 },
};
enum { NFIX = sizeof fixture / sizeof fixture[0] };

static void assert_line_widths(const char *text, int width)
{
	char *copy = strdup(text);
	int lines = 0;
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (text_width(l) != width)
			fail_msg("line \"%s\" is %d columns, want %d", l, text_width(l), width);
		lines++;
	}
	assert_true(lines > 0);
	free(copy);
}

static void test_permille(void **state)
{
	(void)state;
	static const struct { int part, whole, pm; const char *shown; } t[] = {
		{ 19, 20, 950, "95.0%" },
		{ 13, 15, 867, "86.7%" },   /* 866.67 */
		{ 6, 7, 857, "85.7%" },     /* 857.14 */
		{ 26, 27, 963, "96.3%" },   /* 962.96 */
		{ 1, 27, 37, "3.7%" },      /* 37.04 */
		{ 1, 8, 125, "12.5%" },     /* exactly */
		{ 1, 16, 63, "6.3%" },      /* 62.5: half up */
		{ 1, 2000, 1, "0.1%" },     /* 0.5: half up */
		{ 1, 2001, 0, "0.0%" },     /* 0.49975 */
		{ 0, 5, 0, "0.0%" },
		{ 5, 5, 1000, "100.0%" },
		{ 0, 0, SUP_NO_RATE, "-" },
		{ 3, 0, SUP_NO_RATE, "-" },
		{ 2000000000, 2000000000, 1000, "100.0%" },  /* no overflow */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char buf[SUP_CELL_SIZE];
		int pm = supervision_permille(t[i].part, t[i].whole);
		if (pm != t[i].pm)
			fail_msg("%d/%d: %d, want %d", t[i].part, t[i].whole, pm, t[i].pm);
		assert_string_equal(supervision_rate_format(pm, buf), t[i].shown);
	}
}

static void test_figures_on_fixture(void **state)
{
	(void)state;
	/* per row: dispatched, signed, returned, answered on time, extended, satisfied */
	static const int want[NFIX + 1][SUP_FIGURE__COUNT] = {
		{ 950, 900, 50, 875, 150, 867 },
		{ 1000, 857, 0, 833, 143, 1000 },
		{ SUP_NO_RATE, SUP_NO_RATE, SUP_NO_RATE, SUP_NO_RATE, SUP_NO_RATE, SUP_NO_RATE },
		{ 963, 889, 37, 864, 148, 905 },
	};
	supervision_counts total;
	supervision_total(fixture, NFIX, "合计", &total);
	assert_string_equal(total.unit, "合计");
	assert_int_equal(total.received, 27);
	assert_int_equal(total.dispatched_on_time, 26);
	assert_int_equal(total.signed_on_time, 24);
	assert_int_equal(total.returned, 1);
	assert_int_equal(total.answered, 22);
	assert_int_equal(total.answered_on_time, 19);
	assert_int_equal(total.extended, 4);
	assert_int_equal(total.callbacks, 21);
	assert_int_equal(total.satisfied, 19);
	assert_int_equal(total.escalated2, 2);
	assert_int_equal(total.escalated1, 1);
	assert_int_equal(total.overdue_now, 4);
	for (int i = 0; i <= NFIX; i++) {
		const supervision_counts *c = i < NFIX ? &fixture[i] : &total;
		strbuf err = STRBUF_INIT;
		assert_int_equal(supervision_counts_check(c, &err), 0);
		sb_free(&err);
		for (int f = 0; f < SUP_FIGURE__COUNT; f++)
			if (supervision_rate(c, (supervision_figure)f) != want[i][f])
				fail_msg("%s %s: %d, want %d", c->unit,
					supervision_figure_code((supervision_figure)f),
					supervision_rate(c, (supervision_figure)f), want[i][f]);
	}
	assert_int_equal(supervision_rate(&fixture[0], SUP_FIGURE__COUNT), SUP_NO_RATE);
}

static void test_cells(void **state)
{
	(void)state;
	static const char *const want[SUP_COL__COUNT] = {
		"区科经局", "20", "95.0%", "90.0%", "5.0%", "87.5%", "3", "2", "86.7%", "2", "1",
	};
	for (int col = 0; col < SUP_COL__COUNT; col++) {
		char buf[SUP_CELL_SIZE];
		assert_string_equal(supervision_cell(&fixture[0], (supervision_col)col, buf),
			want[col]);
		assert_int_equal(supervision_col_numeric((supervision_col)col), col != SUP_COL_UNIT);
	}
	char buf[SUP_CELL_SIZE];
	/* the unit is the caller's string, not a copy cut to the buffer */
	assert_ptr_equal(supervision_cell(&fixture[0], SUP_COL_UNIT, buf), fixture[0].unit);
	assert_string_equal(supervision_cell(&fixture[2], SUP_COL_SATISFIED, buf), "-");
	assert_string_equal(supervision_cell(&fixture[2], SUP_COL_OVERDUE, buf), "1");
	assert_string_equal(supervision_col_header(SUP_COL_RETURNED), "Return rate");
	assert_string_equal(supervision_col_header(SUP_COL__COUNT), "?");
}

static void test_codes(void **state)
{
	(void)state;
	static const char *const codes[SUP_FIGURE__COUNT] = {
		"dispatched_on_time", "signed_on_time", "returned", "answered_on_time", "extended",
		"satisfied",
	};
	for (int f = 0; f < SUP_FIGURE__COUNT; f++) {
		supervision_figure back;
		assert_string_equal(supervision_figure_code((supervision_figure)f), codes[f]);
		assert_true(supervision_figure_parse(codes[f], &back));
		assert_int_equal(back, f);
	}
	supervision_figure f;
	assert_false(supervision_figure_parse("overdue", &f));
	assert_false(supervision_figure_parse(NULL, &f));
	assert_string_equal(supervision_figure_code(SUP_FIGURE__COUNT), "?");
}

static void test_counts_check(void **state)
{
	(void)state;
	static const struct { const char *what; supervision_counts c; const char *msg; } t[] = {
		{ "on time above received", { .unit = "甲", .received = 3, .dispatched_on_time = 4 },
			"甲: dispatched_on_time (4) is more than received (3)." },
		{ "answered above received", { .unit = "甲", .received = 3, .answered = 4 },
			"answered (4) is more than received (3)" },
		{ "on time above answered", { .unit = "甲", .received = 9, .answered = 4,
			.answered_on_time = 5 }, "answered_on_time (5) is more than answered (4)" },
		{ "callbacks above answered", { .unit = "甲", .received = 9, .answered = 4,
			.callbacks = 5 }, "callbacks (5) is more than answered (4)" },
		{ "satisfied above callbacks", { .unit = "甲", .received = 9, .answered = 4,
			.callbacks = 3, .satisfied = 4 }, "satisfied (4) is more than callbacks (3)" },
		{ "level 1 above level 2", { .unit = "甲", .received = 9, .escalated2 = 1,
			.escalated1 = 2 }, "escalated1 (2) is more than escalated2 (1)" },
		{ "negative", { .unit = "甲", .received = 9, .returned = -1 },
			"甲: a count is negative (returned)." },
		{ "negative received", { .unit = "甲", .received = -1 }, "negative (received)" },
		{ "negative overdue", { .unit = NULL, .overdue_now = -2 },
			"?: a count is negative (overdue_now)." },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		if (supervision_counts_check(&t[i].c, &err) != -1)
			fail_msg("%s: accepted", t[i].what);
		if (!strstr(sb_str(&err), t[i].msg))
			fail_msg("%s: \"%s\"", t[i].what, sb_str(&err));
		sb_free(&err);
	}
	/* overdue now is not part of the period's cohort: more than received is fine */
	supervision_counts c = { .unit = "甲", .received = 1, .overdue_now = 5 };
	strbuf err = STRBUF_INIT;
	assert_int_equal(supervision_counts_check(&c, &err), 0);
	sb_free(&err);
}

static void test_bar(void **state)
{
	(void)state;
	static const struct { double rate; int width; const char *want; } t[] = {
		{ 0.0, 10, ".........." },
		{ 1.0, 10, "##########" },
		{ 0.5, 10, "#####....." },
		{ 0.25, 10, "###......." },    /* 2.5 cells: half up */
		{ 0.24, 10, "##........" },
		{ 0.05, 10, "#........." },    /* 0.5 cell: half up */
		{ 0.04, 10, ".........." },
		{ 0.949, 10, "#########." },
		{ 0.95, 10, "##########" },
		{ 0.867, 24, "#####################..." },
		{ 1.5, 4, "####" },            /* clamped */
		{ -0.2, 4, "...." },
		{ 0.5, 1, "#" },
		{ 0.49, 1, "." },
		{ 0.3, 0, "" },
		{ 0.3, -3, "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf b = STRBUF_INIT;
		supervision_bar(t[i].rate, t[i].width, &b);
		if (strcmp(sb_str(&b), t[i].want) != 0)
			fail_msg("%g x %d: \"%s\", want \"%s\"", t[i].rate, t[i].width, sb_str(&b),
				t[i].want);
		sb_free(&b);
	}
	strbuf b = STRBUF_INIT;
	supervision_bar(NAN, 5, &b);
	assert_string_equal(sb_str(&b), ".....");
	sb_free(&b);
	/* every width from 1 to 200 at every tenth: exactly width columns */
	for (int w = 1; w <= 200; w++)
		for (int r = 0; r <= 10; r++) {
			strbuf s = STRBUF_INIT;
			supervision_bar(r / 10.0, w, &s);
			assert_int_equal(text_width(sb_str(&s)), w);
			assert_int_equal((int)s.len, w);
			sb_free(&s);
		}
}

static void test_chart(void **state)
{
	(void)state;
	strbuf out = STRBUF_INIT;
	supervision_chart(fixture, NFIX, SUP_SATISFIED, 40, &out);
	/* unit 8 columns, a space, a bar of 40 - 8 - 2 - 6 = 24, a space, the rate in 6;
	 * 86.7% of 24 is 20.8 -> 21 cells */
	assert_string_equal(sb_str(&out),
		"satisfaction rate at callback           \n"
		"区科经局 #####################...  86.7%\n"
		"区投促局 ######################## 100.0%\n"
		"昌东镇   ........................      -\n");
	assert_line_widths(sb_str(&out), 40);
	/* narrow: the unit gives way to a bar of at least 8, every line still exact */
	for (int w = 20; w <= 30; w++) {
		sb_reset(&out);
		supervision_chart(fixture, NFIX, SUP_RETURNED, w, &out);
		assert_line_widths(sb_str(&out), w);
	}
	sb_free(&out);
}

static void test_table(void **state)
{
	(void)state;
	strbuf out = STRBUF_INIT, want = STRBUF_INIT;
	supervision_table(fixture, NFIX, &out);
	/* every column as wide as its English header; units padded by hand */
#define fmt "%s  %8s  %18s  %14s  %11s  %16s  %8s  %11s  %9s  %10s  %10s\n"
	sb_addf(&want, fmt, "Unit    ", "Received", "Dispatched on time", "Signed on time",
		"Return rate", "Answered on time", "Extended", "Overdue now", "Satisfied",
		"To level 2", "To level 1");
	for (int i = 0; i < 143; i++)
		sb_addc(&want, '-');
	sb_addc(&want, '\n');
	sb_addf(&want, fmt, "区科经局", "20", "95.0%", "90.0%", "5.0%", "87.5%", "3", "2",
		"86.7%", "2", "1");
	sb_addf(&want, fmt, "区投促局", "7", "100.0%", "85.7%", "0.0%", "83.3%", "1", "1",
		"100.0%", "0", "0");
	sb_addf(&want, fmt, "昌东镇  ", "0", "-", "-", "-", "-", "0", "1", "-", "0", "0");
	sb_addf(&want, fmt, "Total   ", "27", "96.3%", "88.9%", "3.7%", "86.4%", "4", "4",
		"90.5%", "2", "1");
	assert_string_equal(sb_str(&out), sb_str(&want));
#undef fmt
	assert_line_widths(sb_str(&out), 143);

	/* one row: no total line; a long unit name widens its column */
	supervision_counts one = fixture[1];
	one.unit = "高新市场监管局";
	sb_reset(&out);
	supervision_table(&one, 1, &out);
	assert_line_widths(sb_str(&out), 143 + 14 - 8);
	assert_null(strstr(sb_str(&out), "Total"));
	sb_free(&out);
	sb_free(&want);
}

/* the headers are Chinese in use: the columns follow the translated widths */
static void test_table_chinese(void **state)
{
	(void)state;
	testlang_chinese();

	strbuf out = STRBUF_INIT;
	supervision_table(fixture, NFIX, &out);
	/* 单位 8 (widest unit), then 受理数 6, 按时分办 8, 按时签收 8, 退单率 6, 按时办结 8,
	 * 延期数 6, 当前超期 8, 回访满意 8, 升二级 6, 升一级 6, ten gaps of 2: 98 */
	assert_line_widths(sb_str(&out), 98);
	assert_non_null(strstr(sb_str(&out),
		"单位      受理数  按时分办  按时签收  退单率  按时办结  延期数  当前超期  回访满意"
		"  升二级  升一级\n"));
	assert_non_null(strstr(sb_str(&out), "\n合计          27     96.3%"));
	sb_reset(&out);
	supervision_chart(fixture, NFIX, SUP_ANSWERED_ON_TIME, 50, &out);
	assert_line_widths(sb_str(&out), 50);
	assert_true(strncmp(sb_str(&out), "按时办结率", strlen("按时办结率")) == 0);
	sb_free(&out);

	testlang_english();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_permille),
		cmocka_unit_test(test_figures_on_fixture),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_counts_check),
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_table_chinese),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
