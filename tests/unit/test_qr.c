/* QR codes against the standard (ISO/IEC 18004), not against a drawing of our own: the
 * version and error correction chosen for a length follow the byte-mode capacity table;
 * finder patterns sit at three corners, timing patterns between them, and the format
 * information names the level chosen; each drawing (plain, inverted, wide, with the slim
 * quiet zone) reads back to the same modules with its quiet zone.
 * tests/cli/test_inspect_notice_cli.sh scans a drawn code with zbarimg. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/qr.h"
#include "core/text.h"
#include "core/xalloc.h"

static const char *const door_text = "执法计划码 JC26-000001-D\n核验：qifu inspect verify JC26-000001-D";

static char *repeat(char c, size_t n)
{
	char *s = xmalloc(n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* ISO/IEC 18004 table 7, byte mode: L M Q H hold 17 14 11 7 (version 1), 32 26 20 14
 * (2), 53 42 32 24 (3), 78 62 46 34 (4), 106 84 60 44 (5) and 2953 at L (40). The
 * smallest version at L wins, then the strongest level that still fits it. */
static void test_version_and_level(void **state)
{
	(void)state;
	static const struct {
		size_t bytes;
		int version;
		char level;
	} t[] = {
		{ 1, 1, 'H' }, { 7, 1, 'H' }, { 8, 1, 'Q' }, { 11, 1, 'Q' }, { 12, 1, 'M' },
		{ 14, 1, 'M' }, { 15, 1, 'L' }, { 17, 1, 'L' },
		{ 18, 2, 'Q' }, { 20, 2, 'Q' }, { 21, 2, 'M' }, { 26, 2, 'M' }, { 27, 2, 'L' },
		{ 32, 2, 'L' }, { 33, 3, 'M' }, { 42, 3, 'M' }, { 53, 3, 'L' }, { 54, 4, 'M' },
		{ 62, 4, 'M' }, { 63, 4, 'L' }, { 78, 4, 'L' }, { 79, 5, 'M' }, { 84, 5, 'M' },
		{ 2953, 40, 'L' },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *text = repeat('a', t[i].bytes);
		qr_code q;
		strbuf err = STRBUF_INIT;
		if (qr_encode(text, &q, &err) != 0)
			fail_msg("%zu bytes: %s", t[i].bytes, sb_str(&err));
		if (q.version != t[i].version || q.level != t[i].level)
			fail_msg("%zu bytes: version %d level %c, want %d %c", t[i].bytes, q.version,
				 q.level, t[i].version, t[i].level);
		assert_int_equal(q.size, 17 + 4 * q.version);
		qr_code_clear(&q);
		sb_free(&err);
		free(text);
	}
	/* the Chinese text of the door is counted in bytes: 72 of them */
	qr_code q;
	strbuf err = STRBUF_INIT;
	assert_int_equal(strlen(door_text), 72);
	assert_int_equal(qr_encode(door_text, &q, &err), 0);
	assert_int_equal(q.version, 4);
	assert_int_equal(q.level, 'L');
	qr_code_clear(&q);
	sb_free(&err);
}

static void test_refused(void **state)
{
	(void)state;
	qr_code q;
	strbuf err = STRBUF_INIT;
	assert_int_equal(qr_encode("", &q, &err), -1);
	assert_non_null(strstr(sb_str(&err), "needs some text"));
	assert_null(q.dark);
	sb_reset(&err);
	assert_int_equal(qr_encode(NULL, &q, &err), -1);
	sb_reset(&err);
	char *text = repeat('a', 2954);
	assert_int_equal(qr_encode(text, &q, &err), -1);
	assert_string_equal(sb_str(&err), "2954 bytes are too many for a QR code (at most 2953)");
	free(text);
	qr_art a;
	sb_reset(&err);
	assert_int_equal(qr_lines("", 0, &a, &err), -1);
	assert_int_equal(a.rows, 0);
	assert_null(a.lines);
	sb_free(&err);
}

/* the 7 × 7 finder pattern with its top-left module at row, col: dark ring, light ring,
 * dark 3 × 3 centre, and the light separator around it (outside the symbol is light) */
static bool finder_at(const qr_code *q, int row, int col)
{
	for (int r = -1; r <= 7; r++)
		for (int c = -1; c <= 7; c++) {
			int ring = r < 0 || c < 0 || r > 6 || c > 6 ? 0
				   : (r == 0 || c == 0 || r == 6 || c == 6) ? 1
				   : (r == 1 || c == 1 || r == 5 || c == 5) ? 2 : 3;
			bool want = ring == 1 || ring == 3;
			if (qr_is_dark(q, row + r, col + c) != want)
				return false;
		}
	return true;
}

/* the format information (15 bits, both copies) of q, unmasked; -1 when the copies differ */
static int format_bits(const qr_code *q)
{
	int a = 0, b = 0, n = q->size;
	for (int i = 0; i <= 5; i++)
		a |= qr_is_dark(q, i, 8) << i;
	a |= qr_is_dark(q, 7, 8) << 6;
	a |= qr_is_dark(q, 8, 8) << 7;
	a |= qr_is_dark(q, 8, 7) << 8;
	for (int i = 9; i < 15; i++)
		a |= qr_is_dark(q, 8, 14 - i) << i;
	for (int i = 0; i < 8; i++)
		b |= qr_is_dark(q, 8, n - 1 - i) << i;
	for (int i = 8; i < 15; i++)
		b |= qr_is_dark(q, n - 15 + i, 8) << i;
	return a == b ? a ^ 0x5412 : -1;
}

static void test_structure(void **state)
{
	(void)state;
	static const char *const texts[] = { "JC26-000001-D", "法码同行", NULL };
	for (int k = 0; k < 3; k++) {
		const char *text = k < 2 ? texts[k] : door_text;
		qr_code q;
		strbuf err = STRBUF_INIT;
		assert_int_equal(qr_encode(text, &q, &err), 0);
		int n = q.size;
		assert_true(finder_at(&q, 0, 0));
		assert_true(finder_at(&q, 0, n - 7));
		assert_true(finder_at(&q, n - 7, 0));
		assert_false(finder_at(&q, n - 7, n - 7));
		/* timing patterns: row 6 and column 6 alternate between the finders */
		for (int i = 8; i < n - 8; i++) {
			assert_int_equal(qr_is_dark(&q, 6, i), i % 2 == 0);
			assert_int_equal(qr_is_dark(&q, i, 6), i % 2 == 0);
		}
		/* the dark module beside the bottom-left finder */
		assert_true(qr_is_dark(&q, n - 8, 8));
		int f = format_bits(&q);
		assert_true(f >= 0);
		/* a BCH(15,5) code word: the 10 low bits are the remainder of the 5 high ones */
		int rem = f >> 10;
		for (int i = 0; i < 10; i++)
			rem = (rem << 1) ^ ((rem >> 9) * 0x537);
		assert_int_equal(f & 0x3FF, rem & 0x3FF);
		static const char level_of[4] = { 'M', 'L', 'H', 'Q' };
		assert_int_equal(level_of[f >> 13], q.level);
		/* the same text makes the same symbol */
		qr_code again;
		assert_int_equal(qr_encode(text, &again, &err), 0);
		assert_int_equal(again.size, n);
		assert_memory_equal(again.dark, q.dark, (size_t)n * (size_t)n);
		qr_code_clear(&again);
		qr_code_clear(&q);
		sb_free(&err);
	}
}

/* the ink of module row, col read back from a drawing (the inverse of qr_draw's
 * glyphs, written out here from the Unicode block elements) */
static bool ink_in(const qr_art *a, unsigned flags, int row, int col)
{
	bool wide = flags & QR_WIDE;
	const char *line = a->lines[wide ? row : row / 2];
	/* every glyph of a drawing is 3 bytes of UTF-8 except the narrow space */
	size_t off = 0;
	for (int c = 0; c < col; c++)
		off += line[off] == ' ' ? 1 : 3;
	if (wide)
		return strncmp(line + off, "█", 3) == 0;
	if (line[off] == ' ')
		return false;
	if (strncmp(line + off, "█", 3) == 0)
		return true;
	bool top = strncmp(line + off, "▀", 3) == 0;
	assert_true(top || strncmp(line + off, "▄", 3) == 0);
	return row % 2 == 0 ? top : !top;
}

static void test_drawing(void **state)
{
	(void)state;
	/* and what each draws of version 4's 33 modules: the quiet zone of 4 makes 41 a side,
	 * 21 lines of two modules; the slim one of 2 makes 37, 19 lines */
	static const struct {
		unsigned flags;
		int quiet, rows, cols;
	} t[] = {
		{ 0, 4, 21, 41 },
		{ QR_INVERT, 4, 21, 41 },
		{ QR_WIDE, 4, 41, 82 },
		{ QR_INVERT | QR_WIDE, 4, 41, 82 },
		{ QR_SLIM, 2, 19, 37 },
		{ QR_SLIM | QR_INVERT, 2, 19, 37 },
		{ QR_SLIM | QR_WIDE, 2, 37, 74 },
	};
	qr_code q;
	strbuf err = STRBUF_INIT;
	assert_int_equal(qr_encode(door_text, &q, &err), 0);
	assert_int_equal(q.size, 33);
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
		unsigned flags = t[k].flags;
		bool inv = flags & QR_INVERT, wide = flags & QR_WIDE;
		int quiet = t[k].quiet, side = q.size + 2 * quiet;
		qr_art a;
		qr_draw(&q, flags, &a);
		assert_int_equal(a.rows, t[k].rows);
		assert_int_equal(a.cols, t[k].cols);
		text_set_ambiguous_width(wide ? 2 : 1);
		for (int r = 0; r < a.rows; r++)
			assert_int_equal(text_width(a.lines[r]), a.cols);
		text_set_ambiguous_width(1);
		for (int r = 0; r < side; r++)
			for (int c = 0; c < side; c++) {
				bool dark = qr_is_dark(&q, r - quiet, c - quiet);
				if (ink_in(&a, flags, r, c) != (dark != inv))
					fail_msg("flags %u: module %d,%d", flags, r, c);
			}
		/* the half line below an odd side belongs to the quiet zone */
		if (!wide) {
			strbuf last = STRBUF_INIT;
			for (int c = 0; c < side; c++)
				sb_add(&last, inv ? "█" : " ");
			assert_string_equal(a.lines[a.rows - 1], sb_str(&last));
			sb_free(&last);
		}
		qr_art_clear(&a);
		assert_null(a.lines);
	}
	qr_code_clear(&q);
	qr_art a;
	assert_int_equal(qr_lines("法码同行", QR_INVERT, &a, &err), 0);
	assert_int_equal(a.rows, (21 + 8 + 1) / 2);
	assert_int_equal(a.cols, 21 + 8);
	assert_string_equal(a.lines[0], "█████████████████████████████");
	qr_art_clear(&a);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_and_level),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_drawing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
