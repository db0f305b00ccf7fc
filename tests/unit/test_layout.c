/* Screen layout without curses: the Enterprises columns at every width that matters
 * (which columns show, how wide the name gets, every row exactly the pane width), word
 * wrapping of Chinese, English and mixed text by display width, and which drawing of a
 * QR code a view has room for. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "ui/layout.h"

/* a column table like the register's (test_entlist checks the real one), with a
 * column only the command line prints (width 0): it never shows and takes no space */
static const app_column ent_cols[] = {
	{ "name", "Name", COL_STR, 16, true, TEXT_LEFT, 0 },
	{ "uscc", "USCC", COL_STR, 18, false, TEXT_LEFT, 0 },
	{ "category", "Category", COL_STR, 8, false, TEXT_LEFT, 0 },
	{ "area", "Area", COL_STR, 12, false, TEXT_LEFT, 0 },
	{ "phone", "Phone", COL_STR, 0, false, TEXT_LEFT, 0 },
	{ "lead_unit", "Lead unit", COL_STR, 12, false, TEXT_LEFT, 0 },
	{ "commissioner", "Commissioner", COL_STR, 12, false, TEXT_LEFT, 100 },
};
enum { NCOLS = sizeof ent_cols / sizeof ent_cols[0] };

static void test_columns(void **state)
{
	(void)state;
	static const struct { int w; int want[NCOLS]; } t[] = {
		{ 80, { 26, 18, 8, 12, 0, 12, 0 } },    /* UX.md's 80-column layout */
		{ 99, { 45, 18, 8, 12, 0, 12, 0 } },
		{ 100, { 33, 18, 8, 12, 0, 12, 12 } },  /* the commissioner from 100 columns */
		{ 120, { 53, 18, 8, 12, 0, 12, 12 } },
		{ 70, { 16, 18, 8, 12, 0, 12, 0 } },    /* the name at its minimum */
		{ 69, { 28, 18, 8, 12, 0, 0, 0 } },     /* narrower: the rightmost columns go first */
		{ 56, { 28, 18, 8, 0, 0, 0, 0 } },
		{ 44, { 16, 18, 8, 0, 0, 0, 0 } },
		{ 43, { 24, 18, 0, 0, 0, 0, 0 } },
		{ 42, { 23, 18, 0, 0, 0, 0, 0 } },
		{ 30, { 30, 0, 0, 0, 0, 0, 0 } },
		{ 1, { 1, 0, 0, 0, 0, 0, 0 } },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int width[NCOLS];
		layout_columns(ent_cols, NCOLS, t[i].w, width);
		int total = 0, shown = 0;
		for (int c = 0; c < NCOLS; c++) {
			assert_int_equal(width[c], t[i].want[c]);
			if (width[c] > 0) {
				total += width[c];
				shown++;
			}
		}
		/* the row, with one separator between shown columns, fills the pane exactly */
		assert_int_equal(total + shown - 1, t[i].w);
	}
}

/* rows of cells built the way the list draws them are exactly the pane width,
 * whatever the text: cut wide characters leave a space, never half a glyph */
static void test_rows_exact(void **state)
{
	(void)state;
	static const char *const names[] = {
		"华勤技术股份有限公司", "Café Société 咖啡（南昌）有限公司", "“老字号”餐饮管理有限公司",
		"南昌开心果😀食品有限公司", "ＡＢＣ（南昌）电子科技有限公司", "", "x",
		"南昌高新技术产业开发区艾溪湖管理处服务中心有限公司",
	};
	for (int w = 20; w <= 160; w++) {
		int width[NCOLS];
		layout_columns(ent_cols, NCOLS, w, width);
		for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
			strbuf row = STRBUF_INIT;
			bool first = true;
			for (int c = 0; c < NCOLS; c++) {
				if (!width[c])
					continue;
				if (!first)
					sb_addc(&row, ' ');
				first = false;
				text_fit_pad_sb(&row, c == 0 ? names[n] : "鲤鱼洲管理处", width[c],
				                TEXT_LEFT);
			}
			assert_int_equal(text_width(sb_str(&row)), w);
			sb_free(&row);
		}
	}
}

static void check_wrap(const char *s, int w, const char *const *want)
{
	size_t starts[16], lens[16];
	int n = layout_wrap(s, w, starts, lens, 16);
	int k = 0;
	for (; want[k]; k++) {
		assert_true(k < n);
		char *line = xstrndup(s + starts[k], lens[k]);
		assert_string_equal(line, want[k]);
		assert_true(text_width(line) <= w || text_chars(line) == 1);
		xfree(&line);
	}
	assert_int_equal(n, k);
}

static void test_wrap(void **state)
{
	(void)state;
	/* Chinese breaks between any two characters */
	check_wrap("这里将列出企业诉求", 8, (const char *const[]){ "这里将列", "出企业诉", "求", NULL });
	/* an odd width leaves the last column empty rather than split a character */
	check_wrap("这里将列出企业诉求", 7, (const char *const[]){ "这里将", "列出企", "业诉求", NULL });
	/* English breaks at spaces; the spaces at a break are dropped */
	check_wrap("the quick brown fox", 10, (const char *const[]){ "the quick ", "brown fox", NULL });
	/* a Latin word inside Chinese stays whole */
	check_wrap("请执行 export LANG=zh_CN.UTF-8 命令", 20,
	           (const char *const[]){ "请执行 export ", "LANG=zh_CN.UTF-8 命", "令", NULL });
	/* a word longer than the line is cut, as it must be */
	check_wrap("abcdefghij", 4, (const char *const[]){ "abcd", "efgh", "ij", NULL });
	/* a wide character in a one-column line still makes progress */
	check_wrap("中文", 1, (const char *const[]){ "中", "文", NULL });
	check_wrap("", 10, (const char *const[]){ NULL });
	check_wrap("短", 10, (const char *const[]){ "短", NULL });
}

/* the QR code's drawings, the standard quiet zone first: which one a view shows */
static void test_pick_fit(void **state)
{
	(void)state;
	/* version 4 drawn with the quiet zone of 4, then of 2; then the same one module a
	 * cell (ambiguous width 2) */
	static const int cols[] = { 41, 37, 82, 74 }, rows[] = { 21, 19, 41, 37 };
	static const struct {
		int n, w, h, want;
	} t[] = {
		{ 2, 118, 36, 0 },  /* 120x40: the standard one */
		{ 2, 78, 20, 1 },   /* 80x24: only the slim one is whole on the page */
		{ 2, 78, 21, 0 },   /* one line taller: the standard one again */
		{ 2, 78, 18, -1 },  /* shorter than either */
		{ 2, 40, 36, 1 },   /* narrower than the standard one, not than the slim */
		{ 2, 36, 36, -1 },
		{ 2, 41, 21, 0 },   /* exactly the size counts as fitting */
		{ 2, 0, 0, -1 },
		{ 0, 118, 36, -1 }, /* nothing to draw */
		{ 2, 200, 60, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (layout_pick_fit(cols, rows, t[i].n, t[i].w, t[i].h) != t[i].want)
			fail_msg("%d pictures in %dx%d: %d, want %d", t[i].n, t[i].w, t[i].h,
			         layout_pick_fit(cols, rows, t[i].n, t[i].w, t[i].h), t[i].want);
	/* wide: 78x36 (120x40 less the title and indent) holds neither, 118x40 the slim one */
	assert_int_equal(layout_pick_fit(cols + 2, rows + 2, 2, 118, 36), -1);
	assert_int_equal(layout_pick_fit(cols + 2, rows + 2, 2, 118, 40), 1);
	assert_int_equal(layout_pick_fit(cols + 2, rows + 2, 2, 118, 41), 0);
}

/* the title bar's tabs: cut alike, the current one whole, only when they do not fit */
static void test_tab_cap(void **state)
{
	(void)state;
	/* Enterprises Appeals Escalation Calendar Projects Services; 企业 诉求 … 服务 */
	static const int en[] = { 11, 7, 10, 8, 8, 8 }, zh[] = { 4, 4, 4, 4, 4, 4 };
	static const struct { const int *w; int n, cur, room, want; } t[] = {
		{ zh, 6, 5, 36, -1 },     /* 6 × (4 + 2): fits exactly */
		{ en, 5, 4, 54, -1 },     /* five English tabs fit whole */
		{ en, 6, 5, 63, 10 },     /* one column short: the widest loses one */
		{ en, 6, 5, 49, 5 },      /* 80 columns less the rest: Ente~ Appe~ … [Services] */
		{ en, 6, 0, 49, 5 },      /* the current one, the widest, stays whole */
		{ en, 6, 5, 10, 4 },      /* no room: never below the minimum */
		{ zh, 6, 0, 30, 4 },      /* too narrow even whole: the minimum, nothing cut */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (layout_tab_cap(t[i].w, t[i].n, t[i].cur, t[i].room, 4) != t[i].want)
			fail_msg("row %zu: cap %d, want %d", i,
			         layout_tab_cap(t[i].w, t[i].n, t[i].cur, t[i].room, 4), t[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_rows_exact),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_pick_fit),
		cmocka_unit_test(test_tab_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
