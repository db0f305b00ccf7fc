/* Text module: widths of Chinese, ambiguous punctuation, emoji and combining marks in
 * both ambiguous modes, and the wcwidth curses is given; grapheme clusters (emoji ZWJ
 * sequences, flags, variation selectors, skin tones) measured and drawn alike in every
 * terminal, their boundaries held to libunistring's u8_grapheme_breaks; '~' cutting
 * and padding at every width; sanitising of malformed UTF-8 and controls; trimming;
 * caret movement over multi-byte characters and clusters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "core/strbuf.h"
#include "core/text.h"

#define NCOLS 26

static int reset_ambiguous(void **state)
{
	(void)state;
	text_set_ambiguous_width(1);
	return 0;
}

static void test_ambiguous_setting(void **state)
{
	(void)state;
	static const struct { int set, get; } t[] = {
		{ 2, 2 }, { 1, 1 }, { 2, 2 }, { 0, 1 }, { 3, 1 }, { -1, 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_set_ambiguous_width(t[i].set);
		assert_int_equal(text_ambiguous_width(), t[i].get);
	}
}

static void test_cp_width(void **state)
{
	(void)state;
	static const struct { uint32_t c; int narrow, wide; } t[] = {
		{ 'A', 1, 1 }, { ' ', 1, 1 }, { '~', 1, 1 },
		{ 0x534E, 2, 2 },	/* 华 */
		{ 0x3001, 2, 2 },	/* 、 */
		{ 0xFF0C, 2, 2 },	/* ， */
		{ 0x3000, 2, 2 },	/* ideographic space */
		{ 0xFF21, 2, 2 },	/* Ａ */
		{ 0xFF11, 2, 2 },	/* １ */
		{ 0xFF76, 1, 1 },	/* ｶ half-width katakana */
		{ 0x30A2, 2, 2 },	/* ア */
		{ 0xAC00, 2, 2 },	/* 가 */
		{ 0x20000, 2, 2 },	/* 𠀀 Ext B */
		{ 0x1F600, 2, 2 },	/* 😀 */
		{ 0x1F468, 2, 2 },	/* 👨 */
		{ 0x200D, 0, 0 },	/* ZWJ */
		{ 0xFE0F, 0, 0 },	/* VS16 */
		{ 0x0301, 0, 0 },	/* combining acute: ambiguous, yet 0 */
		{ 0x201C, 1, 2 }, { 0x201D, 1, 2 },	/* “ ” */
		{ 0x2026, 1, 2 },	/* … */
		{ 0x2014, 1, 2 },	/* — */
		{ 0x00B7, 1, 2 },	/* · */
		{ 0x00D7, 1, 2 },	/* × */
		{ 0x25CB, 1, 2 }, { 0x25CF, 1, 2 }, { 0x25A0, 1, 2 },	/* ○ ● ■ */
		{ 0x2460, 1, 2 },	/* ① */
		{ 0x2500, 1, 2 }, { 0x2502, 1, 2 }, { 0x250C, 1, 2 },	/* ─ │ ┌ */
		{ 0x00B0, 1, 2 },	/* ° */
		{ 0x20AC, 1, 2 },	/* € */
		{ 0x0414, 1, 2 },	/* Д */
		{ 0xE000, 1, 2 }, { 0x100000, 1, 2 },	/* private use */
		{ 0xFFFD, 1, 2 },
		{ 0x0628, 1, 1 },	/* Arabic: a CJK encoding would widen it, terminals do not */
		{ 0x0E01, 1, 1 },	/* Thai */
		{ 0x00A9, 1, 1 },	/* © is neutral */
		{ 0x09, 0, 0 }, { 0x0A, 0, 0 }, { 0x01, 0, 0 }, { 0x7F, 0, 0 }, { 0x85, 0, 0 },
		{ 0x00, 0, 0 },
		{ 0xD800, 1, 2 }, { 0x110000, 1, 2 },	/* not characters: as U+FFFD */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_set_ambiguous_width(1);
		if (text_cp_width(t[i].c) != t[i].narrow)
			fail_msg("U+%04X narrow: %d", (unsigned)t[i].c, text_cp_width(t[i].c));
		text_set_ambiguous_width(2);
		if (text_cp_width(t[i].c) != t[i].wide)
			fail_msg("U+%04X wide: %d", (unsigned)t[i].c, text_cp_width(t[i].c));
	}
}

static void test_width(void **state)
{
	(void)state;
	static const struct { const char *s; int narrow, wide; } t[] = {
		{ "华勤技术股份有限公司", 20, 20 },
		{ "“引号”", 6, 8 },
		{ "…", 1, 2 },
		{ "①", 1, 2 },
		{ "×·—○●■", 6, 12 },
		{ "┌──┐", 4, 8 },
		{ "😀", 2, 2 },
		{ "👨\u200D👩\u200D👧", 2, 2 },	/* drawn as its first emoji */
		{ "🇨🇳", 2, 2 },	/* two regional indicators, one cell each */
		{ "🇨🇳🇺🇸x", 5, 5 },
		{ "❤\uFE0F", 1, 1 },	/* VS16 not drawn: ❤ is one cell everywhere */
		{ "♥\uFE0F", 1, 2 },	/* ♥ is ambiguous */
		{ "👍🏽", 2, 2 },	/* the skin tone is not drawn */
		{ "1\uFE0F\u20E3", 1, 1 },	/* keycap: 1 and the enclosing mark */
		{ "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", 2, 2 },
		{ "\u0301a", 1, 1 },	/* a mark on nothing is not drawn */
		{ "e\u0301", 1, 1 },
		{ "ＡＢＣ１２", 10, 10 },
		{ "ｶﾀｶﾅ", 4, 4 },
		{ "中文abc", 7, 7 },
		{ "", 0, 0 },
		{ NULL, 0, 0 },
		{ "a\tb", 2, 2 },	/* unsanitised TAB measures 0 */
		{ "a\x01" "b", 2, 2 },
		{ "\xFF", 1, 1 },	/* invalid bytes: one column each */
		{ "\xE4\xB8", 2, 2 },
		{ "a\xF4\x90\x80\x80" "b", 6, 6 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_set_ambiguous_width(1);
		assert_int_equal(text_width(t[i].s), t[i].narrow);
		text_set_ambiguous_width(2);
		assert_int_equal(text_width(t[i].s), t[i].wide);
	}
}

static void test_nwidth(void **state)
{
	(void)state;
	static const struct { const char *s; size_t n; int w; } t[] = {
		{ "中文ab", 0, 0 }, { "中文ab", 3, 2 }, { "中文ab", 6, 4 }, { "中文ab", 7, 5 },
		{ "中文ab", 8, 6 }, { "中文ab", 100, 6 },	/* stops at the NUL */
		{ "ab", SIZE_MAX, 2 },
		{ "e\u0301x", 3, 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(text_nwidth(t[i].s, t[i].n), t[i].w);
}

static void test_controls_sanitised(void **state)
{
	(void)state;
	/* what ncurses draws 8 or 2 cells wide measures 0 until sanitised */
	static const struct { const char *in; int before, after_narrow, after_wide; } t[] = {
		{ "a\tb", 2, 3, 3 },
		{ "a\x01" "b", 2, 3, 4 },
		{ "a\x1b[0m", 4, 5, 6 },
		{ "a\x7f", 1, 2, 3 },
		{ "a\r\nb", 2, 3, 3 },
		{ "\xC2\x9B" "1m", 2, 3, 4 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *s = text_sanitize(t[i].in, strlen(t[i].in), 0);
		text_set_ambiguous_width(1);
		assert_int_equal(text_width(t[i].in), t[i].before);
		assert_int_equal(text_width(s), t[i].after_narrow);
		text_set_ambiguous_width(2);
		assert_int_equal(text_width(s), t[i].after_wide);
		free(s);
	}
}

static void test_chars(void **state)
{
	(void)state;
	static const struct { const char *s; size_t n; } t[] = {
		{ "", 0 }, { NULL, 0 }, { "abc", 3 }, { "华勤技术股份有限公司", 10 },
		{ "e\u0301", 2 }, { "👨\u200D👩\u200D👧", 5 }, { "“引号”", 4 },
		{ "\xFF", 1 }, { "\xE4\xB8", 1 }, { "\xF4\x90\x80\x80", 4 }, { "\xC0\x80", 2 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(text_chars(t[i].s), t[i].n);
}

/* expected text_fit for cols 0..25; ambiguous width 0 means "both" */
static const struct fit_case {
	const char *s;
	int amb;
	const char *fit[NCOLS];
} fit_cases[] = {
	{ "华勤技术abc有限公司", 0, {
		"", "~", "~", "华~", "华~", "华勤~", "华勤~", "华勤技~", "华勤技~", "华勤技术~",
		"华勤技术a~", "华勤技术ab~", "华勤技术abc~", "华勤技术abc~", "华勤技术abc有~",
		"华勤技术abc有~", "华勤技术abc有限~", "华勤技术abc有限~", "华勤技术abc有限公~",
		"华勤技术abc有限公司", "华勤技术abc有限公司", "华勤技术abc有限公司",
		"华勤技术abc有限公司", "华勤技术abc有限公司", "华勤技术abc有限公司",
		"华勤技术abc有限公司" } },
	{ "“引号”…①x", 1, {
		"", "~", "“~", "“~", "“引~", "“引~", "“引号~", "“引号”~", "“引号”…~",
		"“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x",
		"“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x",
		"“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x",
		"“引号”…①x", "“引号”…①x" } },
	{ "“引号”…①x", 2, {
		"", "~", "~", "“~", "“~", "“引~", "“引~", "“引号~", "“引号~", "“引号”~",
		"“引号”~", "“引号”…~", "“引号”…~", "“引号”…①x", "“引号”…①x", "“引号”…①x",
		"“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x",
		"“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x", "“引号”…①x" } },
	{ "ab中e\u0301文😀", 0, {
		"", "~", "a~", "ab~", "ab~", "ab中~", "ab中e\u0301~", "ab中e\u0301~",
		"ab中e\u0301文~", "ab中e\u0301文😀", "ab中e\u0301文😀", "ab中e\u0301文😀",
		"ab中e\u0301文😀", "ab中e\u0301文😀", "ab中e\u0301文😀", "ab中e\u0301文😀",
		"ab中e\u0301文😀", "ab中e\u0301文😀", "ab中e\u0301文😀", "ab中e\u0301文😀",
		"ab中e\u0301文😀", "ab中e\u0301文😀", "ab中e\u0301文😀", "ab中e\u0301文😀",
		"ab中e\u0301文😀", "ab中e\u0301文😀" } },
	{ "Hello, world", 0, {
		"", "~", "H~", "He~", "Hel~", "Hell~", "Hello~", "Hello,~", "Hello, ~",
		"Hello, w~", "Hello, wo~", "Hello, wor~", "Hello, world", "Hello, world",
		"Hello, world", "Hello, world", "Hello, world", "Hello, world", "Hello, world",
		"Hello, world", "Hello, world", "Hello, world", "Hello, world", "Hello, world",
		"Hello, world", "Hello, world" } },
	{ "", 0, {
		"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
		"", "", "", "", "", "" } },
};

static void test_fit_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		const struct fit_case *fc = &fit_cases[i];
		for (int amb = 1; amb <= 2; amb++) {
			if (fc->amb && fc->amb != amb)
				continue;
			text_set_ambiguous_width(amb);
			for (int cols = 0; cols < NCOLS; cols++) {
				char *r = text_fit(fc->s, cols);
				if (strcmp(r, fc->fit[cols]) != 0)
					fail_msg("fit(\"%s\", %d) amb %d = \"%s\", want \"%s\"",
						 fc->s, cols, amb, r, fc->fit[cols]);
				free(r);
			}
		}
	}
}

static void test_fit_pad_all(void **state)
{
	(void)state;
	static const int aligns[] = { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };
	for (size_t i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		const struct fit_case *fc = &fit_cases[i];
		for (int amb = 1; amb <= 2; amb++) {
			text_set_ambiguous_width(amb);
			for (int cols = -1; cols < NCOLS; cols++) {
				char *fit = text_fit(fc->s, cols);
				int fw = text_width(fit);
				assert_true(fw <= (cols > 0 ? cols : 0));
				if (cols <= 0)
					assert_string_equal(fit, "");
				else if (text_width(fc->s) <= cols)
					assert_string_equal(fit, fc->s ? fc->s : "");
				else	/* at most one column lost to a wide character */
					assert_true(fw >= cols - 1 && fit[strlen(fit) - 1] == '~');
				assert_true(text_valid_utf8(fit, strlen(fit)));
				for (size_t a = 0; a < sizeof aligns / sizeof aligns[0]; a++) {
					char *r = text_fit_pad(fc->s, cols, aligns[a]);
					int pad = cols > 0 ? cols - fw : 0;
					int left = aligns[a] == TEXT_LEFT ? 0
						   : aligns[a] == TEXT_RIGHT ? pad : pad / 2;
					assert_int_equal(text_width(r), cols > 0 ? cols : 0);
					assert_int_equal(strlen(r), strlen(fit) + (size_t)pad);
					for (int k = 0; k < left; k++)
						assert_int_equal(r[k], ' ');
					assert_memory_equal(r + left, fit, strlen(fit));
					for (int k = left + (int)strlen(fit); k < (int)strlen(r); k++)
						assert_int_equal(r[k], ' ');

					strbuf sb = STRBUF_INIT;
					sb_add(&sb, "|");
					text_fit_pad_sb(&sb, fc->s, cols, aligns[a]);
					assert_int_equal(sb_str(&sb)[0], '|');
					assert_string_equal(sb_str(&sb) + 1, r);
					sb_free(&sb);
					free(r);
				}
				free(fit);
			}
		}
	}
}

static void test_fit_boundary(void **state)
{
	(void)state;
	static const struct { const char *s; int cols, align; const char *fit, *pad; } t[] = {
		{ "中文", 4, TEXT_LEFT, "中文", "中文" },
		{ "中文", 3, TEXT_LEFT, "中~", "中~" },
		{ "中文", 2, TEXT_LEFT, "~", "~ " },
		{ "中文", 2, TEXT_RIGHT, "~", " ~" },
		{ "中文", 1, TEXT_LEFT, "~", "~" },
		{ "a中b", 3, TEXT_LEFT, "a~", "a~ " },	/* 中 would cross: stop before it */
		{ "a中b", 3, TEXT_RIGHT, "a~", " a~" },
		{ "a中b", 4, TEXT_LEFT, "a中b", "a中b" },
		{ "abc中", 4, TEXT_LEFT, "abc~", "abc~" },
		{ "ab", 6, TEXT_CENTER, "ab", "  ab  " },
		{ "ab", 5, TEXT_CENTER, "ab", " ab  " },
		{ "中", 5, TEXT_CENTER, "中", " 中  " },
		{ "中", 1, TEXT_CENTER, "~", "~" },
		{ NULL, 3, TEXT_LEFT, "", "   " },
		{ "abc", 0, TEXT_LEFT, "", "" },
		{ "abc", -5, TEXT_RIGHT, "", "" },
		{ "华勤技术股份有限公司", 40, TEXT_RIGHT, "华勤技术股份有限公司",
		  "                    华勤技术股份有限公司" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *f = text_fit(t[i].s, t[i].cols);
		char *p = text_fit_pad(t[i].s, t[i].cols, t[i].align);
		assert_string_equal(f, t[i].fit);
		assert_string_equal(p, t[i].pad);
		free(f);
		free(p);
	}
}

static void test_prefix_bytes(void **state)
{
	(void)state;
	static const struct { const char *s; int cols; size_t n; } t[] = {
		{ "中文ab", -1, 0 }, { "中文ab", 0, 0 }, { "中文ab", 1, 0 }, { "中文ab", 2, 3 },
		{ "中文ab", 3, 3 }, { "中文ab", 4, 6 }, { "中文ab", 5, 7 }, { "中文ab", 6, 8 },
		{ "中文ab", 99, 8 }, { "e\u0301x", 1, 3 }, { "\u0301a", 0, 2 }, { "", 5, 0 },
		{ NULL, 5, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(text_prefix_bytes(t[i].s, t[i].cols), t[i].n);
}

struct san_case {
	const char *in;
	size_t len;	/* 0: strlen(in) */
	unsigned flags;
	const char *out;
};

static void check_sanitize(const struct san_case *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = t[i].len ? t[i].len : strlen(t[i].in);
		char *r = text_sanitize(t[i].in, len, t[i].flags);
		if (strcmp(r, t[i].out) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, r, t[i].out);
		assert_true(text_valid_utf8(r, strlen(r)));
		free(r);
	}
}

static void test_sanitize_invalid(void **state)
{
	(void)state;
	static const struct san_case t[] = {
		{ "\xFF", 0, 0, "\xEF\xBF\xBD" },
		{ "ab\xE4\xB8", 0, 0, "ab\xEF\xBF\xBD" },	/* truncated at the end */
		{ "\xF0\x9F\x98", 0, 0, "\xEF\xBF\xBD" },
		{ "\xE4\xB8" "a", 0, 0, "\xEF\xBF\xBD" "a" },
		{ "\xC0\x80", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD" },	/* overlong NUL */
		{ "\xE0\x80\x80", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "\xED\xA0\x80", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },	/* surrogate */
		{ "\xF4\x90\x80\x80", 0, 0,
		  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },	/* > U+10FFFF */
		{ "\xF8\x88\x80\x80\x80", 0, 0,
		  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "\x80\x80" "a", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD" "a" },
		{ "中\x80文", 0, 0, "中\xEF\xBF\xBD文" },
		{ "\xEF\xBF\xBD", 0, 0, "\xEF\xBF\xBD" },	/* a real U+FFFD stays */
		{ "中", 2, 0, "\xEF\xBF\xBD" },	/* len cuts the character */
		{ "abc", 2, 0, "ab" },
		{ "a\0b", 3, 0, "a\xEF\xBF\xBD" "b" },
		{ "", 0, 0, "" },
		{ "华勤“引号”😀e\u0301①\uE000", 0, 0, "华勤“引号”😀e\u0301①\uE000" },
		{ "👨\u200D👩\u200D👧", 0, 0, "👨\u200D👩\u200D👧" },
	};
	check_sanitize(t, sizeof t / sizeof t[0]);
}

static void test_sanitize_controls(void **state)
{
	(void)state;
	static const struct san_case t[] = {
		{ "a\tb", 0, 0, "a b" },
		{ "a\tb", 0, TEXT_KEEP_NEWLINES, "a b" },
		{ "a\r\nb", 0, 0, "a b" },
		{ "a\r\nb", 0, TEXT_KEEP_NEWLINES, "a\nb" },
		{ "a\rb", 0, 0, "a b" },
		{ "a\rb", 0, TEXT_KEEP_NEWLINES, "a\nb" },
		{ "a\nb", 0, 0, "a b" },
		{ "a\n\nb", 0, 0, "a  b" },
		{ "a\n\nb", 0, TEXT_KEEP_NEWLINES, "a\n\nb" },
		{ "a\r\r\nb\n\r", 0, TEXT_KEEP_NEWLINES, "a\n\nb\n\n" },
		{ "a\r", 0, TEXT_KEEP_NEWLINES, "a\n" },
		{ "\x01\x1B[31m", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD[31m" },
		{ "\x0B\x0C", 0, TEXT_KEEP_NEWLINES, "\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "x\x7F", 0, 0, "x\xEF\xBF\xBD" },
		{ "\xC2\x80\xC2\x9B\xC2\x9F", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "a\xC2\x85" "b", 0, 0, "a b" },	/* NEL */
		{ "a\xC2\x85" "b", 0, TEXT_KEEP_NEWLINES, "a\nb" },
		{ "a\u2028b\u2029c", 0, 0, "a b c" },
		{ "a\u2028b\u2029c", 0, TEXT_KEEP_NEWLINES, "a\nb\nc" },
	};
	check_sanitize(t, sizeof t / sizeof t[0]);
}

static void test_sanitize_draw_mismatch(void **state)
{
	(void)state;
	static const struct san_case t[] = {
		{ "soft\xC2\xAD" "hyphen", 0, 0, "soft\xEF\xBF\xBDhyphen" },	/* U+00AD */
		{ "\u4DC0\u4DFF", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD" },	/* hexagrams */
		{ "\u3248\u324F", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "\u0600\u06DD\u070F", 0, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
		{ "\u0CBF", 0, 0, "\xEF\xBF\xBD" },
		{ "\U00011A07", 0, 0, "\xEF\xBF\xBD" },
		{ "\u0378", 0, 0, "\xEF\xBF\xBD" },	/* unassigned */
		{ "\xEF\xBF\xBF", 0, 0, "\xEF\xBF\xBD" },	/* noncharacter U+FFFF */
		{ "\u3247\u3250\u4DBF\u4E00", 0, 0, "\u3247\u3250\u4DBF\u4E00" },	/* neighbours */
		{ "\u00AC\u00AE", 0, 0, "\u00AC\u00AE" },
	};
	check_sanitize(t, sizeof t / sizeof t[0]);
}

static void test_valid_utf8(void **state)
{
	(void)state;
	static const struct { const char *s; size_t len; bool ok; } t[] = {
		{ "", 0, true }, { "abc", 3, true }, { "华勤", 6, true }, { "😀", 4, true },
		{ "\xF4\x8F\xBF\xBF", 4, true }, { "\xEE\x80\x80", 3, true },
		{ "a\0b", 3, true },
		{ "华勤", 5, false }, { "\xFF", 1, false }, { "\xC0\x80", 2, false },
		{ "\xED\xA0\x80", 3, false }, { "\xF4\x90\x80\x80", 4, false },
		{ "\xE0\x9F\xBF", 3, false }, { "\x80", 1, false }, { "\xC2", 1, false },
		{ "\xF5\x80\x80\x80", 4, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(text_valid_utf8(t[i].s, t[i].len), t[i].ok);
}

static void test_trim(void **state)
{
	(void)state;
	static const struct { const char *s, *out; } t[] = {
		{ "  华勤  ", "华勤" },
		{ "\u3000\u3000华 勤\u3000 \t", "华 勤" },
		{ " \t\n\r\v\f", "" },
		{ "\u3000", "" },
		{ "", "" },
		{ NULL, "" },
		{ "a\u3000b", "a\u3000b" },
		{ "\xC2\xA0" "a", "\xC2\xA0" "a" },	/* only ASCII space and U+3000 */
		{ "\u3001x\u3001", "\u3001x\u3001" },	/* 、 shares a lead byte with U+3000 */
		{ "x\xE3\x80", "x\xE3\x80" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *r = text_trim(t[i].s);
		assert_string_equal(r, t[i].out);
		free(r);
	}
}

static void test_cursor_col(void **state)
{
	(void)state;
	/* a 中 e+U+0301 😀 b: bytes 0, 1..3, 4, 5..6, 7..10, 11 */
	static const char s[] = "a中e\u0301😀b";
	static const struct { const char *s; size_t off; int amb, col; } t[] = {
		{ s, 0, 1, 0 }, { s, 1, 1, 1 }, { s, 2, 1, 1 }, { s, 3, 1, 1 }, { s, 4, 1, 3 },
		{ s, 5, 1, 3 }, { s, 6, 1, 3 }, { s, 7, 1, 4 }, { s, 8, 1, 4 }, { s, 11, 1, 6 },
		{ s, 12, 1, 7 }, { s, 99, 1, 7 },
		{ "“a”", 3, 1, 1 }, { "“a”", 3, 2, 2 }, { "“a”", 4, 2, 3 }, { "“a”", 7, 2, 5 },
		/* 爱 family 家: inside the ZWJ sequence the caret stays before it */
		{ "爱👨\u200D👩\u200D👧家", 3, 1, 2 }, { "爱👨\u200D👩\u200D👧家", 10, 1, 2 },
		{ "爱👨\u200D👩\u200D👧家", 21, 1, 4 }, { "爱👨\u200D👩\u200D👧家", 24, 1, 6 },
		{ NULL, 3, 1, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_set_ambiguous_width(t[i].amb);
		assert_int_equal(text_cursor_col(t[i].s, t[i].off), t[i].col);
	}
}

static void test_caret_moves(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t stops[12];	/* every cluster start and the end */
		size_t nstops;
		size_t chars;		/* code points, malformed units one each */
	} t[] = {
		/* a 中 😀 e+U+0301 \xff \x80 b */
		{ "a中😀e\u0301\xFF\x80" "b", { 0, 1, 4, 8, 11, 12, 13, 14 }, 8, 8 },
		{ "\xE4\xB8" "a", { 0, 2, 3 }, 3, 2 },	/* truncated sequence is one unit */
		{ "中\x80\x80\x80\x80", { 0, 3, 4, 5, 6, 7 }, 6, 5 },	/* stray continuations */
		{ "\xF4\x90\x80\x80", { 0, 1, 2, 3, 4 }, 5, 4 },
		{ "", { 0 }, 1, 0 },
		/* a family, then a Chinese character: one step over the whole sequence */
		{ "👨\u200D👩\u200D👧家", { 0, 18, 21 }, 3, 6 },
		/* three regional indicators: a flag, then a lone one */
		{ "🇨🇳🇺x", { 0, 8, 12, 13 }, 4, 4 },
		{ "❤\uFE0F👍🏽", { 0, 6, 14 }, 3, 4 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const size_t *st = t[i].stops;
		size_t last = t[i].nstops - 1;
		for (size_t k = 0; k < last; k++) {
			assert_int_equal(text_next_char(t[i].s, st[k]), st[k + 1]);
			assert_int_equal(text_prev_char(t[i].s, st[k + 1]), st[k]);
		}
		assert_int_equal(text_next_char(t[i].s, st[last]), st[last]);
		assert_int_equal(text_prev_char(t[i].s, 0), 0);
		assert_int_equal(text_chars(t[i].s), t[i].chars);
	}
	/* from inside a character or a cluster, back to its start */
	assert_int_equal(text_prev_char("a中", 2), 1);
	assert_int_equal(text_prev_char("a中", 3), 1);
	assert_int_equal(text_prev_char("😀", 3), 0);
	assert_int_equal(text_prev_char("x👨\u200D👩", 8), 1);
	assert_int_equal(text_prev_char("🇨🇳🇺", 10), 8);
}

static void test_wcwidth(void **state)
{
	(void)state;
	/* what curses measures with: the C library's answers for what is no printable
	 * character, text_cp_width for the rest */
	static const struct { uint32_t c; int narrow, wide; } t[] = {
		{ 0, 0, 0 }, { 0x01, -1, -1 }, { 0x09, -1, -1 }, { 0x1B, -1, -1 },
		{ 0x7F, -1, -1 }, { 0x85, -1, -1 }, { 0x9F, -1, -1 },
		{ 0xD800, -1, -1 }, { 0xDFFF, -1, -1 }, { 0x110000, -1, -1 },
		{ 'a', 1, 1 }, { 0xA0, 1, 1 }, { 0x534E, 2, 2 }, { 0x1F468, 2, 2 },
		{ 0x201C, 1, 2 }, { 0x2026, 1, 2 }, { 0x00B7, 1, 2 }, { 0x2460, 1, 2 },
		{ 0x2500, 1, 2 }, { 0x2502, 1, 2 }, { 0x00B0, 1, 2 }, { 0x00A7, 1, 2 },
		{ 0x203B, 1, 2 }, { 0x03B1, 1, 2 }, { 0xFFFD, 1, 2 },
		{ 0x200D, 0, 0 }, { 0xFE0F, 0, 0 }, { 0x0301, 0, 0 }, { 0x1F1E8, 1, 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_set_ambiguous_width(1);
		if (text_wcwidth(t[i].c) != t[i].narrow)
			fail_msg("U+%04X narrow: %d", (unsigned)t[i].c, text_wcwidth(t[i].c));
		text_set_ambiguous_width(2);
		if (text_wcwidth(t[i].c) != t[i].wide)
			fail_msg("U+%04X wide: %d", (unsigned)t[i].c, text_wcwidth(t[i].c));
	}
}

static void test_cluster(void **state)
{
	(void)state;
	static const struct { const char *s; size_t len; int narrow, wide; } t[] = {
		{ "👨\u200D👩\u200D👧x", 18, 2, 2 },
		{ "👩\u200D💻", 11, 2, 2 },
		{ "🏳\uFE0F\u200D🌈", 14, 1, 1 },	/* 🏳 is one cell, the rainbow not drawn */
		{ "🇨🇳🇺🇸", 8, 2, 2 },
		{ "🇨", 4, 1, 1 },
		{ "❤\uFE0Fx", 6, 1, 1 },
		{ "☺\uFE0E", 6, 1, 1 },	/* VS15 */
		{ "👍🏽!", 8, 2, 2 },
		{ "1\uFE0F\u20E3", 7, 1, 1 },
		{ "e\u0301\u0302x", 5, 1, 1 },
		{ "\u1100\u1161\u11A8", 9, 2, 2 },	/* Hangul L V T */
		{ "a\u200Db", 4, 1, 1 },	/* ZWJ after a letter: joins nothing */
		{ "\u200D", 3, 0, 0 },
		{ "\u0301a", 2, 0, 0 },	/* a mark on nothing, not drawn */
		{ "\u200Ba", 3, 0, 0 },	/* zero-width space: a cluster of its own */
		{ "“”", 3, 1, 2 },
		{ "\u2460\u0301", 5, 1, 2 },	/* ① with a mark */
		{ "\xFF\xFE", 1, 1, 1 },	/* malformed: a byte, a column */
		{ "\xE4\xB8" "a", 2, 2, 2 },
		{ "\r\n", 2, 0, 0 },
		{ "", 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		for (int amb = 1; amb <= 2; amb++) {
			int w = -1;
			text_set_ambiguous_width(amb);
			size_t len = text_cluster(t[i].s, SIZE_MAX, &w);
			if (len != t[i].len || w != (amb == 1 ? t[i].narrow : t[i].wide))
				fail_msg("case %zu amb %d: %zu bytes %d columns", i, amb, len, w);
		}
	}
	/* n bytes at most, and nothing at all */
	int w = -1;
	assert_int_equal(text_cluster("👨\u200D👩", 4, &w), 4);
	assert_int_equal(w, 2);
	assert_int_equal(text_cluster(NULL, 9, &w), 0);
	assert_int_equal(w, 0);
}

/* the code points where clusters are made and broken */
static const uint32_t gb_pool[] = {
	'a', 'Z', '1', ' ', '\r', '\n', 0x0301, 0x0308, 0x20E3, 0x200D, 0x200C, 0xFE0F, 0xFE0E,
	0x1F3FD, 0x1F3FB, 0x1F1E8, 0x1F1F3, 0x1F1FA, 0x1F468, 0x1F469, 0x1F467, 0x1F44D, 0x2764,
	0x00A9, 0x1F3F3, 0x1F308, 0xE0067, 0xE007F, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,
	0x0915, 0x094D, 0x093E, 0x0E33, 0x534E, 0x201C, 0xFFFD, 0x0600, 0x200B,
};

static uint32_t gb_rand(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7FFF;
}

static void test_cluster_breaks(void **state)
{
	(void)state;
	/* 20000 random strings of the pool: text_next_char steps exactly from one
	 * boundary of libunistring's full UAX #29 segmentation to the next */
	uint32_t seed = 7;
	for (int round = 0; round < 20000; round++) {
		uint8_t buf[8 * 4 + 1];
		size_t n = 0;
		int len = 1 + (int)(gb_rand(&seed) % 8);
		for (int k = 0; k < len; k++) {
			uint32_t c = gb_pool[gb_rand(&seed) % (sizeof gb_pool / sizeof gb_pool[0])];
			n += (size_t)u8_uctomb(buf + n, c, 4);
		}
		buf[n] = 0;
		char brk[sizeof buf];
		u8_grapheme_breaks(buf, n, brk);
		const char *s = (const char *)buf;
		size_t off = 0;
		for (size_t i = 1; i <= n; i++) {
			if (i < n && !brk[i])
				continue;
			size_t next = text_next_char(s, off);
			if (next != i) {
				char hex[128] = "";
				for (size_t b = 0; b < n; b++)
					snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%02X", buf[b]);
				fail_msg("%s: a cluster from byte %zu ends at %zu, libunistring says %zu",
					 hex, off, next, i);
			}
			off = i;
		}
	}
}

static void test_fit_clusters(void **state)
{
	(void)state;
	/* what is drawn: the first emoji of a ZWJ sequence, no VS or skin tone; never a
	 * cluster cut in two */
	static const struct { const char *s; int cols, amb; const char *fit, *pad; } t[] = {
		{ "爱👨\u200D👩\u200D👧家", 9, 1, "爱👨家", "爱👨家   " },
		{ "爱👨\u200D👩\u200D👧家", 5, 1, "爱👨~", "爱👨~" },
		{ "爱👨\u200D👩\u200D👧家", 4, 1, "爱~", "爱~ " },
		{ "🇨🇳中华", 6, 1, "🇨🇳中华", "🇨🇳中华" },
		{ "🇨🇳中华", 5, 1, "🇨🇳中~", "🇨🇳中~" },
		{ "🇨🇳中华", 2, 1, "~", "~ " },	/* the flag is not split */
		{ "爱❤\uFE0F心", 5, 1, "爱❤心", "爱❤心" },
		{ "爱♥\uFE0F心", 6, 2, "爱♥心", "爱♥心" },
		{ "安👍🏽点赞", 8, 1, "安👍点赞", "安👍点赞" },
		{ "安👍🏽点赞", 7, 1, "安👍点~", "安👍点~" },
		{ "\u0301x", 3, 1, "x", "x  " },
		{ "“①”…·─│°§※α\uFFFD", 24, 2, "“①”…·─│°§※α\uFFFD", "“①”…·─│°§※α\uFFFD" },
		{ "“①”…·─│°§※α\uFFFD", 12, 2, "“①”…·~", "“①”…·~ " },
		{ "“①”…·─│°§※α\uFFFD", 12, 1, "“①”…·─│°§※α\uFFFD", "“①”…·─│°§※α\uFFFD" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_set_ambiguous_width(t[i].amb);
		char *f = text_fit(t[i].s, t[i].cols);
		char *p = text_fit_pad(t[i].s, t[i].cols, TEXT_LEFT);
		if (strcmp(f, t[i].fit) != 0 || strcmp(p, t[i].pad) != 0)
			fail_msg("case %zu: fit \"%s\" pad \"%s\"", i, f, p);
		assert_int_equal(text_width(p), t[i].cols);
		free(f);
		free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_ambiguous_setting, reset_ambiguous),
		cmocka_unit_test_teardown(test_cp_width, reset_ambiguous),
		cmocka_unit_test_teardown(test_width, reset_ambiguous),
		cmocka_unit_test_teardown(test_nwidth, reset_ambiguous),
		cmocka_unit_test_teardown(test_controls_sanitised, reset_ambiguous),
		cmocka_unit_test_teardown(test_chars, reset_ambiguous),
		cmocka_unit_test_teardown(test_fit_table, reset_ambiguous),
		cmocka_unit_test_teardown(test_fit_pad_all, reset_ambiguous),
		cmocka_unit_test_teardown(test_fit_boundary, reset_ambiguous),
		cmocka_unit_test_teardown(test_prefix_bytes, reset_ambiguous),
		cmocka_unit_test_teardown(test_sanitize_invalid, reset_ambiguous),
		cmocka_unit_test_teardown(test_sanitize_controls, reset_ambiguous),
		cmocka_unit_test_teardown(test_sanitize_draw_mismatch, reset_ambiguous),
		cmocka_unit_test_teardown(test_valid_utf8, reset_ambiguous),
		cmocka_unit_test_teardown(test_trim, reset_ambiguous),
		cmocka_unit_test_teardown(test_cursor_col, reset_ambiguous),
		cmocka_unit_test_teardown(test_caret_moves, reset_ambiguous),
		cmocka_unit_test_teardown(test_wcwidth, reset_ambiguous),
		cmocka_unit_test_teardown(test_cluster, reset_ambiguous),
		cmocka_unit_test_teardown(test_cluster_breaks, reset_ambiguous),
		cmocka_unit_test_teardown(test_fit_clusters, reset_ambiguous),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
