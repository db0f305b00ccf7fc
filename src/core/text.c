/* Display width of UTF-8 text over libunistring, measured the way it is drawn: a
 * width per code point (which curses asks for through text_wcwidth), summed over a
 * grapheme cluster's drawn part; '~'-marked cutting that never splits a wide
 * character or a cluster, padding to exact cell counts, caret movement by cluster,
 * and the sanitiser that keeps bytes and characters out of the database that would
 * throw a screen line out of line. */
#include "core/text.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#include <limits.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uniwidth.h>

struct cp_range {
	uint32_t lo, hi;
};

/* East_Asian_Width=A, the characters an "ambiguous = wide" terminal draws in two
 * cells. Generated once from /usr/share/unicode/EastAsianWidth.txt (Unicode 15.0,
 * Debian package unicode-data) by a throwaway script that kept the ';A' entries and
 * merged neighbouring ranges. A table of our own because libunistring has no East
 * Asian Width query and uc_width with a CJK encoding is a different rule: it does
 * not count "GB18030" as CJK at all (answers 1), and with "GBK" it widens every
 * non-ASCII BMP character below U+FF61 (12411 that are not ambiguous, Arabic and
 * Thai among them) yet leaves U+1F100.. and the plane 15/16 private use areas
 * narrow. Combining marks in here stay 0: only 1-column code points are widened. */
static const struct cp_range ambiguous[] = {
	{ 0x00A1, 0x00A1 }, { 0x00A4, 0x00A4 }, { 0x00A7, 0x00A8 }, { 0x00AA, 0x00AA },
	{ 0x00AD, 0x00AE }, { 0x00B0, 0x00B4 }, { 0x00B6, 0x00BA }, { 0x00BC, 0x00BF },
	{ 0x00C6, 0x00C6 }, { 0x00D0, 0x00D0 }, { 0x00D7, 0x00D8 }, { 0x00DE, 0x00E1 },
	{ 0x00E6, 0x00E6 }, { 0x00E8, 0x00EA }, { 0x00EC, 0x00ED }, { 0x00F0, 0x00F0 },
	{ 0x00F2, 0x00F3 }, { 0x00F7, 0x00FA }, { 0x00FC, 0x00FC }, { 0x00FE, 0x00FE },
	{ 0x0101, 0x0101 }, { 0x0111, 0x0111 }, { 0x0113, 0x0113 }, { 0x011B, 0x011B },
	{ 0x0126, 0x0127 }, { 0x012B, 0x012B }, { 0x0131, 0x0133 }, { 0x0138, 0x0138 },
	{ 0x013F, 0x0142 }, { 0x0144, 0x0144 }, { 0x0148, 0x014B }, { 0x014D, 0x014D },
	{ 0x0152, 0x0153 }, { 0x0166, 0x0167 }, { 0x016B, 0x016B }, { 0x01CE, 0x01CE },
	{ 0x01D0, 0x01D0 }, { 0x01D2, 0x01D2 }, { 0x01D4, 0x01D4 }, { 0x01D6, 0x01D6 },
	{ 0x01D8, 0x01D8 }, { 0x01DA, 0x01DA }, { 0x01DC, 0x01DC }, { 0x0251, 0x0251 },
	{ 0x0261, 0x0261 }, { 0x02C4, 0x02C4 }, { 0x02C7, 0x02C7 }, { 0x02C9, 0x02CB },
	{ 0x02CD, 0x02CD }, { 0x02D0, 0x02D0 }, { 0x02D8, 0x02DB }, { 0x02DD, 0x02DD },
	{ 0x02DF, 0x02DF }, { 0x0300, 0x036F }, { 0x0391, 0x03A1 }, { 0x03A3, 0x03A9 },
	{ 0x03B1, 0x03C1 }, { 0x03C3, 0x03C9 }, { 0x0401, 0x0401 }, { 0x0410, 0x044F },
	{ 0x0451, 0x0451 }, { 0x2010, 0x2010 }, { 0x2013, 0x2016 }, { 0x2018, 0x2019 },
	{ 0x201C, 0x201D }, { 0x2020, 0x2022 }, { 0x2024, 0x2027 }, { 0x2030, 0x2030 },
	{ 0x2032, 0x2033 }, { 0x2035, 0x2035 }, { 0x203B, 0x203B }, { 0x203E, 0x203E },
	{ 0x2074, 0x2074 }, { 0x207F, 0x207F }, { 0x2081, 0x2084 }, { 0x20AC, 0x20AC },
	{ 0x2103, 0x2103 }, { 0x2105, 0x2105 }, { 0x2109, 0x2109 }, { 0x2113, 0x2113 },
	{ 0x2116, 0x2116 }, { 0x2121, 0x2122 }, { 0x2126, 0x2126 }, { 0x212B, 0x212B },
	{ 0x2153, 0x2154 }, { 0x215B, 0x215E }, { 0x2160, 0x216B }, { 0x2170, 0x2179 },
	{ 0x2189, 0x2189 }, { 0x2190, 0x2199 }, { 0x21B8, 0x21B9 }, { 0x21D2, 0x21D2 },
	{ 0x21D4, 0x21D4 }, { 0x21E7, 0x21E7 }, { 0x2200, 0x2200 }, { 0x2202, 0x2203 },
	{ 0x2207, 0x2208 }, { 0x220B, 0x220B }, { 0x220F, 0x220F }, { 0x2211, 0x2211 },
	{ 0x2215, 0x2215 }, { 0x221A, 0x221A }, { 0x221D, 0x2220 }, { 0x2223, 0x2223 },
	{ 0x2225, 0x2225 }, { 0x2227, 0x222C }, { 0x222E, 0x222E }, { 0x2234, 0x2237 },
	{ 0x223C, 0x223D }, { 0x2248, 0x2248 }, { 0x224C, 0x224C }, { 0x2252, 0x2252 },
	{ 0x2260, 0x2261 }, { 0x2264, 0x2267 }, { 0x226A, 0x226B }, { 0x226E, 0x226F },
	{ 0x2282, 0x2283 }, { 0x2286, 0x2287 }, { 0x2295, 0x2295 }, { 0x2299, 0x2299 },
	{ 0x22A5, 0x22A5 }, { 0x22BF, 0x22BF }, { 0x2312, 0x2312 }, { 0x2460, 0x24E9 },
	{ 0x24EB, 0x254B }, { 0x2550, 0x2573 }, { 0x2580, 0x258F }, { 0x2592, 0x2595 },
	{ 0x25A0, 0x25A1 }, { 0x25A3, 0x25A9 }, { 0x25B2, 0x25B3 }, { 0x25B6, 0x25B7 },
	{ 0x25BC, 0x25BD }, { 0x25C0, 0x25C1 }, { 0x25C6, 0x25C8 }, { 0x25CB, 0x25CB },
	{ 0x25CE, 0x25D1 }, { 0x25E2, 0x25E5 }, { 0x25EF, 0x25EF }, { 0x2605, 0x2606 },
	{ 0x2609, 0x2609 }, { 0x260E, 0x260F }, { 0x261C, 0x261C }, { 0x261E, 0x261E },
	{ 0x2640, 0x2640 }, { 0x2642, 0x2642 }, { 0x2660, 0x2661 }, { 0x2663, 0x2665 },
	{ 0x2667, 0x266A }, { 0x266C, 0x266D }, { 0x266F, 0x266F }, { 0x269E, 0x269F },
	{ 0x26BF, 0x26BF }, { 0x26C6, 0x26CD }, { 0x26CF, 0x26D3 }, { 0x26D5, 0x26E1 },
	{ 0x26E3, 0x26E3 }, { 0x26E8, 0x26E9 }, { 0x26EB, 0x26F1 }, { 0x26F4, 0x26F4 },
	{ 0x26F6, 0x26F9 }, { 0x26FB, 0x26FC }, { 0x26FE, 0x26FF }, { 0x273D, 0x273D },
	{ 0x2776, 0x277F }, { 0x2B56, 0x2B59 }, { 0x3248, 0x324F }, { 0xE000, 0xF8FF },
	{ 0xFE00, 0xFE0F }, { 0xFFFD, 0xFFFD }, { 0x1F100, 0x1F10A }, { 0x1F110, 0x1F12D },
	{ 0x1F130, 0x1F169 }, { 0x1F170, 0x1F18D }, { 0x1F18F, 0x1F190 }, { 0x1F19B, 0x1F1AC },
	{ 0xE0100, 0xE01EF }, { 0xF0000, 0xFFFFD }, { 0x100000, 0x10FFFD },
};

/* Code points on which glibc 2.36 wcwidth under C.UTF-8 (what ncurses draws with)
 * and libunistring 1.0 uc_width(c, "UTF-8") disagree: the soft hyphen and the
 * prepended number signs of Arabic, Syriac and Kaithi (1 vs 0), Kannada, Zanabazar
 * and Bhaiksuki signs (0 vs 1), U+3248..324F and the Yijing hexagrams (2 vs 1), LS
 * and PS (-1 vs 1); 93 in all.
 * Generated once by a throwaway program that looped over U+0000..U+10FFFF without
 * surrogates and unassigned code points, printed each c with wcwidth(c) !=
 * uc_width(c, "UTF-8") (both negative counting as agreement) and merged neighbours.
 * text_sanitize replaces them with U+FFFD, on which both agree, so that what we
 * measure is what ncurses draws. The same run found every unassigned code point at
 * wcwidth -1 (ncurses advances one cell) against uc_width 1 or 2, and no assigned
 * one there but controls, LS and PS: unassigned code points are replaced as well. */
static const struct cp_range draw_mismatch[] = {
	{ 0x00AD, 0x00AD }, { 0x0600, 0x0605 }, { 0x06DD, 0x06DD }, { 0x070F, 0x070F },
	{ 0x0890, 0x0891 }, { 0x08E2, 0x08E2 }, { 0x0CBF, 0x0CBF }, { 0x0CC6, 0x0CC6 },
	{ 0x2028, 0x2029 }, { 0x3248, 0x324F }, { 0x4DC0, 0x4DFF }, { 0x110BD, 0x110BD },
	{ 0x110CD, 0x110CD }, { 0x11A07, 0x11A08 }, { 0x11C3F, 0x11C3F },
};

/* what utf8_unit reports for a malformed sequence; no code point is this large */
static const uint32_t unit_invalid = 0xFFFFFFFFu;

static const char replacement[] = "\xEF\xBF\xBD";

static int ambiguous_cols = 1;

void text_set_ambiguous_width(int w)
{
	ambiguous_cols = w == 2 ? 2 : 1;
}

int text_ambiguous_width(void)
{
	return ambiguous_cols;
}

static bool in_ranges(const struct cp_range *r, size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < r[mid].lo)
			hi = mid;
		else if (c > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* One unit of at most n bytes: a well-formed character, or one maximal subpart of an
 * ill-formed sequence (Unicode ch. 3, "U+FFFD substitution of maximal subparts", as
 * WHATWG decoders do), which becomes one U+FFFD. Our own decoder because
 * libunistring 1.0's u8_mbtouc swallows F4 90 80 80 or ED A0 80 as a single unit.
 * A NUL never continues a sequence, so n may exceed a NUL-terminated string. */
static size_t utf8_unit(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	unsigned need;
	uint32_t c;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		need = 1;
		c = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		need = 2;
		c = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;	/* overlong below U+0800 */
		else if (b == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3;
		c = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;	/* overlong below U+10000 */
		else if (b == 0xF4)
			hi = 0x8F;	/* beyond U+10FFFF */
	} else {
		*cp = unit_invalid;
		return 1;
	}
	size_t i = 1;
	for (; need > 0; need--, i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*cp = unit_invalid;
			return i;
		}
		c = c << 6 | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = c;
	return i;
}

int text_cp_width(uint32_t c)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return 0;
	/* not a character: measure the U+FFFD that stands for it */
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	int w = uc_width(c, "UTF-8");
	if (w < 0)
		return 0;
	if (w == 1 && ambiguous_cols == 2
	    && in_ranges(ambiguous, sizeof ambiguous / sizeof ambiguous[0], c))
		return 2;
	return w;
}

int text_wcwidth(uint32_t c)
{
	if (c == 0)
		return 0;
	/* curses shows these as ^X or ~X of its own: say so, as the C library does */
	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	return text_cp_width(c);
}

/* ---- grapheme clusters ------------------------------------------------------ */

/* Where a cluster scan stands, for the rules of UAX #29 that look back further than
 * one code point. libunistring 1.0's pairwise uc_is_grapheme_break (and the
 * u8_grapheme_next built on it) breaks between the two regional indicators of a flag
 * and after each ZWJ of an emoji sequence; its u8_grapheme_breaks gets both right but
 * wants the whole string decoded first. So the pair rule comes from libunistring and
 * GB11-GB13 from here; the unit test holds the two to u8_grapheme_breaks. */
struct gstate {
	uint32_t prev;
	bool started;
	bool ri_odd;	/* prev ends an odd-length run of regional indicators */
	bool pict;	/* prev ends Extended_Pictographic Extend* */
	bool pict_zwj;	/* prev is a ZWJ after Extended_Pictographic Extend* */
};

static const uint32_t zwj = 0x200D;

static bool is_regional(uint32_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* true when a new cluster starts at c; st moves past c */
static bool cluster_breaks(struct gstate *st, uint32_t c)
{
	bool brk, pict_c;
	if (c >= 0x20 && c < 0x7F && st->prev >= 0x20 && st->prev < 0x7F) {
		/* printable ASCII after printable ASCII: GB999, no property lookups */
		brk = true;
		pict_c = false;
	} else {
		pict_c = uc_is_property_extended_pictographic(c);
		if (!st->started)
			brk = true;
		else if (is_regional(st->prev) && is_regional(c))
			brk = !st->ri_odd;	/* GB12, GB13 */
		else if (st->pict_zwj && pict_c)
			brk = false;		/* GB11 */
		else
			brk = uc_is_grapheme_break(st->prev, c);
	}
	bool extend = !pict_c && c >= 0x300
		      && uc_graphemeclusterbreak_property(c) == GBP_EXTEND;
	st->ri_odd = is_regional(c) && !(st->started && is_regional(st->prev) && st->ri_odd);
	st->pict_zwj = st->pict && c == zwj;
	st->pict = pict_c || (st->pict && extend);
	st->prev = c;
	st->started = true;
	return brk;
}

/* Code points kept in the text but never sent to the terminal: which of them a
 * terminal joins into the character before, and at what width, differs between
 * tmux 3.3a, xterm and libvterm (a skin tone after 👍 is 4 cells in tmux and 2 in
 * others; VS16 widens ❤ in some). Without them every terminal agrees. */
static bool not_drawn(uint32_t c)
{
	return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)	/* VS */
	       || (c >= 0x1F3FB && c <= 0x1F3FF)	/* emoji skin tones */
	       || (c >= 0xE0020 && c <= 0xE007F);	/* tags */
}

/* The cluster at s, at most n bytes, ending at a NUL: its length in bytes, and the
 * columns of what is drawn of it. When draw is not NULL, the bytes drawn are added. */
static size_t cluster_scan(const unsigned char *s, size_t n, int *width, strbuf *draw)
{
	struct gstate st = { 0 };
	uint32_t cp;
	size_t i = utf8_unit(s, n, &cp), len;
	bool drawn = true;

	if (cp == unit_invalid) {
		/* drawn a cell per byte at worst, so counted so */
		*width = (int)i;
		if (draw)
			sb_addn(draw, (const char *)s, i);
		return i;
	}
	*width = text_cp_width(cp);
	if (*width == 0) {
		/* a mark with nothing to sit on: curses would put it on the cell before,
		 * which belongs to someone else */
		drawn = false;
	} else if (draw) {
		sb_addn(draw, (const char *)s, i);
	}
	cluster_breaks(&st, cp);
	while (i < n && s[i]) {
		len = utf8_unit(s + i, n - i, &cp);
		if (cp == unit_invalid || cluster_breaks(&st, cp))
			break;
		/* of an emoji ZWJ sequence, the first emoji: tmux draws the sequence in two
		 * cells, xterm and libvterm each emoji in two */
		if (cp == zwj)
			drawn = false;
		if (drawn && !not_drawn(cp)) {
			*width += text_cp_width(cp);
			if (draw)
				sb_addn(draw, (const char *)s + i, len);
		}
		i += len;
	}
	return i;
}

size_t text_cluster(const char *s, size_t n, int *width)
{
	*width = 0;
	if (!s || n == 0 || !*s)
		return 0;
	return cluster_scan((const unsigned char *)s, n, width, NULL);
}

/* Bytes of the longest prefix of s (at most n bytes) no wider than cols. Zero-width
 * clusters after the last one that fits stay with it. */
static size_t prefix_scan(const char *s, size_t n, int cols, int *width)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int w = 0;

	while (i < n && u[i]) {
		int cw;
		size_t len = cluster_scan(u + i, n - i, &cw, NULL);
		if (cw > cols - w)
			break;
		w += cw;
		i += len;
	}
	*width = w;
	return i;
}

/* what is drawn of the first n bytes of s, cluster by cluster */
static void add_drawn(strbuf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int w;

	while (i < n && u[i])
		i += cluster_scan(u + i, n - i, &w, out);
}

int text_nwidth(const char *s, size_t nbytes)
{
	int w = 0;
	if (s)
		prefix_scan(s, nbytes, INT_MAX, &w);
	return w;
}

int text_width(const char *s)
{
	return text_nwidth(s, SIZE_MAX);
}

size_t text_chars(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = 0;
	uint32_t cp;

	if (!s)
		return 0;
	while (u[i]) {
		i += utf8_unit(u + i, SIZE_MAX, &cp);
		n++;
	}
	return n;
}

struct fit {
	size_t bytes;	/* of s that are kept */
	int width;	/* of the kept bytes and the marker */
	bool marker;
};

static struct fit fit_measure(const char *s, int cols)
{
	struct fit f = { 0, 0, false };

	if (!s || cols <= 0)
		return f;
	f.bytes = prefix_scan(s, SIZE_MAX, cols, &f.width);
	if (s[f.bytes] == '\0')
		return f;
	/* a wide character that would straddle cols - 1 is left out, so the
	 * result may be one column short; text_fit_pad fills it */
	f.bytes = prefix_scan(s, f.bytes, cols - 1, &f.width);
	f.width++;
	f.marker = true;
	return f;
}

char *text_fit(const char *s, int cols)
{
	struct fit f = fit_measure(s, cols);
	strbuf b = STRBUF_INIT;

	add_drawn(&b, s, f.bytes);
	if (f.marker)
		sb_addc(&b, '~');
	return sb_steal(&b);
}

static void add_spaces(strbuf *out, int n)
{
	static const char spaces[] = "                                ";
	while (n > 0) {
		int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		sb_addn(out, spaces, (size_t)k);
		n -= k;
	}
}

void text_fit_pad_sb(strbuf *out, const char *s, int cols, int align)
{
	struct fit f = fit_measure(s, cols);
	int pad, left;

	if (cols <= 0)
		return;
	pad = cols - f.width;
	left = align == TEXT_RIGHT ? pad : align == TEXT_CENTER ? pad / 2 : 0;
	add_spaces(out, left);
	add_drawn(out, s, f.bytes);
	if (f.marker)
		sb_addc(out, '~');
	add_spaces(out, pad - left);
}

char *text_fit_pad(const char *s, int cols, int align)
{
	strbuf b = STRBUF_INIT;

	text_fit_pad_sb(&b, s, cols, align);
	return sb_steal(&b);
}

size_t text_prefix_bytes(const char *s, int cols)
{
	int w;

	if (!s || cols < 0)
		return 0;
	return prefix_scan(s, SIZE_MAX, cols, &w);
}

int text_cursor_col(const char *s, size_t byte_off)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int w = 0;

	if (!s)
		return 0;
	while (u[i]) {
		int cw;
		size_t len = cluster_scan(u + i, SIZE_MAX, &cw, NULL);
		if (i + len > byte_off)
			break;
		w += cw;
		i += len;
	}
	return w;
}

size_t text_prev_char(const char *s, size_t off)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t p = 0;
	int w;

	/* where clusters start depends on all that comes before (a flag is two regional
	 * indicators, and which two is counted from the first): walk from the start */
	while (p < off && u[p]) {
		size_t next = p + cluster_scan(u + p, SIZE_MAX, &w, NULL);
		if (next >= off)
			return p;
		p = next;
	}
	return p;
}

size_t text_next_char(const char *s, size_t off)
{
	const unsigned char *u = (const unsigned char *)s;
	int w;

	if (!u[off])
		return off;
	return off + cluster_scan(u + off, SIZE_MAX, &w, NULL);
}

static bool is_newline(uint32_t c)
{
	/* LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR (the Unicode Standard, section 5.8) */
	return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

char *text_sanitize(const char *in, size_t len, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)in;
	strbuf b = STRBUF_INIT;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_unit(u + i, len - i, &cp);
		const char *from = in + i;

		i += n;
		if (cp >= 0x20 && cp < 0x7F) {
			sb_addc(&b, (char)cp);
		} else if (cp == '\t') {
			/* ncurses expands a TAB to the next multiple of 8 */
			sb_addc(&b, ' ');
		} else if (is_newline(cp)) {
			if (cp == '\r' && i < len && u[i] == '\n')
				i++;
			sb_addc(&b, flags & TEXT_KEEP_NEWLINES ? '\n' : ' ');
		} else if (cp == unit_invalid || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)
			   || in_ranges(draw_mismatch, sizeof draw_mismatch / sizeof draw_mismatch[0], cp)
			   || uc_is_general_category(cp, UC_CATEGORY_Cn)) {
			sb_add(&b, replacement);
		} else {
			sb_addn(&b, from, n);
		}
	}
	return sb_steal(&b);
}

bool text_valid_utf8(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		i += utf8_unit(u + i, len - i, &cp);
		if (cp == unit_invalid)
			return false;
	}
	return true;
}

static bool is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static const char ideographic_space[] = "\xE3\x80\x80";

char *text_trim(const char *s)
{
	size_t a = 0, e;
	const size_t isp = sizeof ideographic_space - 1;

	if (!s)
		return xstrdup("");
	e = strlen(s);
	for (;;) {
		if (a < e && is_ascii_space(s[a]))
			a++;
		else if (e - a >= isp && memcmp(s + a, ideographic_space, isp) == 0)
			a += isp;
		else
			break;
	}
	for (;;) {
		if (e > a && is_ascii_space(s[e - 1]))
			e--;
		else if (e - a >= isp && memcmp(s + e - isp, ideographic_space, isp) == 0)
			e -= isp;
		else
			break;
	}
	return xstrndup(s + a, e - a);
}

bool text_list_has(const char *list, const char *name)
{
	size_t len = strlen(name);
	for (const char *s = list ? list : ""; *s;) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		if (n == len && strncmp(s, name, len) == 0)
			return true;
		s += n + (bar != NULL);
	}
	return false;
}
