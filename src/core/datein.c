/* Typed dates: the input is first reduced to ASCII digits and '-' (full-width forms
 * and 年 月 日 folded in), then read as one run of 8 or 6 digits or as 2 or 3 groups;
 * only then are the numbers judged, so that the message can say which one is wrong. */
#include "core/datein.h"

#include <string.h>
#include <unistr.h>

/* longest input worth reading: "２０２６年１２月３１日" with spaces is far shorter */
enum { DATEIN_MAX = 64 };

/* the ASCII a code point stands for in a date: a digit, '-' for a separator, ' ' for
 * a space, 'd' for 日 (allowed only at the end), or 0 for anything else */
static char fold(ucs4_t c)
{
	if (c >= '0' && c <= '9')
		return (char)c;
	if (c >= 0xFF10 && c <= 0xFF19)
		return (char)('0' + (c - 0xFF10));
	switch (c) {
	case '-': case '/': case '.':
	case 0xFF0D: case 0xFF0F: case 0xFF0E: /* －／． */
	case 0x5E74: case 0x6708:               /* 年 月 */
		return '-';
	case 0x65E5:                            /* 日 */
		return 'd';
	case ' ': case '\t': case 0x3000:
		return ' ';
	default:
		return 0;
	}
}

/* the digits of a group as a number; -1 when the group is empty or too long */
static int number(const char *s, size_t n, size_t max)
{
	if (n == 0 || n > max)
		return -1;
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* s reduced to digits and '-', spaces at the ends dropped; false when something else
 * is in it */
static bool reduce(const char *s, char *out)
{
	size_t len = strlen(s), n = 0;
	const uint8_t *p = (const uint8_t *)s;
	bool day_mark = false;
	for (size_t off = 0; off < len;) {
		ucs4_t c;
		int k = u8_mbtoucr(&c, p + off, len - off);
		if (k <= 0)
			return false;
		off += (size_t)k;
		char a = fold(c);
		if (a == 0 || n + 1 >= DATEIN_MAX)
			return false;
		if (a == ' ') {
			if (n == 0)
				continue;
			/* a space is only allowed after the end */
			out[n] = '\0';
			for (; off < len; off += (size_t)k) {
				k = u8_mbtoucr(&c, p + off, len - off);
				if (k <= 0 || fold(c) != ' ')
					return false;
			}
			break;
		}
		if (day_mark)
			return false;
		if (a == 'd') {
			day_mark = true;
			continue;
		}
		out[n++] = a;
	}
	/* 2026年2月 leaves a separator at the end */
	if (n && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	return true;
}

datein_status datein_parse(const char *s, qdate *out, int *y, int *m, int *d)
{
	char buf[DATEIN_MAX];
	*y = *m = *d = 0;
	if (!reduce(s ? s : "", buf))
		return DATEIN_SHAPE;
	size_t len = strlen(buf);
	if (len == 0)
		return DATEIN_EMPTY;
	const char *g[3];
	size_t gl[3];
	int ng = 0;
	for (const char *p = buf;; ng++) {
		if (ng == 3)
			return DATEIN_SHAPE;
		size_t k = strcspn(p, "-");
		g[ng] = p;
		gl[ng] = k;
		if (p[k] == '\0') {
			ng++;
			break;
		}
		p += k + 1;
	}
	int yy, mm, dd = 0;
	if (ng == 1 && (gl[0] == 8 || gl[0] == 6)) {
		yy = number(g[0], 4, 4);
		mm = number(g[0] + 4, 2, 2);
		if (gl[0] == 8)
			dd = number(g[0] + 6, 2, 2);
	} else if (ng >= 2) {
		yy = number(g[0], gl[0], 4);
		mm = number(g[1], gl[1], 2);
		if (ng == 3)
			dd = number(g[2], gl[2], 2);
		if (gl[0] != 4 || mm < 0 || dd < 0)
			return DATEIN_SHAPE;
	} else {
		return DATEIN_SHAPE;
	}
	bool whole = (ng == 1 && gl[0] == 8) || ng == 3;
	*y = yy;
	*m = mm;
	*d = dd;
	if (yy < DATEIN_YEAR_MIN || yy > DATEIN_YEAR_MAX)
		return DATEIN_BAD_YEAR;
	if (mm < 1 || mm > 12)
		return DATEIN_BAD_MONTH;
	if (whole && (dd < 1 || dd > date_days_in_month(yy, mm)))
		return DATEIN_BAD_DAY;
	*out = date_from_ymd(yy, mm, whole ? dd : 1);
	return whole ? DATEIN_DAY : DATEIN_MONTH;
}
