/* Cells of an xlsx sheet as Excel shows them (core/xlsx_value.h): the number text
 * a workbook stores read as decimal digits, never through a double where digits
 * matter, and date serials through the day numbers of core/date.c. */
#include "core/xlsx_value.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"

/* the built-in formats that show dates or times: 14-22 and 45-47 everywhere, and
 * the East Asian ones (27-36, 50-58) that Chinese Excel and WPS write as
 * yyyy"年"m"月"d"日", h"时"mm"分" and 上午/下午 */
static xlsx_numfmt builtin(int id)
{
	xlsx_numfmt f = { XLSX_FMT_GENERAL, false, 0 };
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 ||
		(id >= 50 && id <= 54) || id == 57 || id == 58) {
		f.kind = XLSX_FMT_DATE;
	} else if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) ||
		id == 55 || id == 56) {
		f.kind = XLSX_FMT_TIME;
		f.seconds = id == 19 || id == 21 || id == 33 || id == 35 || id == 45 || id == 46 ||
			id == 47 || id == 56;
	} else if (id == 22) {
		f.kind = XLSX_FMT_DATETIME;
	}
	return f;
}

xlsx_numfmt xlsx_numfmt_of(int id, const char *code)
{
	if (!code)
		return builtin(id);
	xlsx_numfmt f = { XLSX_FMT_GENERAL, false, 0 };
	bool date = false, time = false, month = false, zeros_only = true;
	int zeros = 0;
	/* the first section (positive numbers) decides; quoted text, escaped and
	 * repeated characters and bracketed colours, locales and conditions are not
	 * tokens, but [h] [m] [s] (elapsed time) are */
	for (const char *p = code; *p && *p != ';'; p++) {
		char c = (char)tolower((unsigned char)*p);
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			if (!q)
				break;
			p = q;
			zeros_only = false;
			continue;
		}
		if (*p == '\\' || *p == '_' || *p == '*') {
			if (!p[1])
				break;
			p++;
			zeros_only = false;
			continue;
		}
		if (*p == '[') {
			const char *q = strchr(p, ']');
			if (!q)
				break;
			if (strspn(p + 1, "hHmMsS") == (size_t)(q - p - 1) && q > p + 1) {
				time = true;
				f.seconds = f.seconds || tolower((unsigned char)p[1]) == 's';
			}
			p = q;
			zeros_only = false;
			continue;
		}
		if (strncasecmp(p, "general", 7) == 0) {
			p += 6;
			zeros_only = false;
			continue;
		}
		if (strncasecmp(p, "am/pm", 5) == 0 || strncasecmp(p, "a/p", 3) == 0) {
			time = true;
			p += strncasecmp(p, "am/pm", 5) == 0 ? 4 : 2;
			zeros_only = false;
			continue;
		}
		if (*p == '0')
			zeros++;
		else
			zeros_only = false;
		if (c == 'e' && (p[1] == '+' || p[1] == '-')) /* 0.00E+00: scientific */
			continue;
		if (c == 'y' || c == 'd' || c == 'e' || c == 'g' || c == 'b')
			date = true;
		else if (c == 'h')
			time = true;
		else if (c == 's')
			time = f.seconds = true;
		else if (c == 'm')
			month = true;
	}
	/* m is the month unless the format shows hours or seconds */
	if (month && !time)
		date = true;
	f.kind = date && time ? XLSX_FMT_DATETIME
		: date        ? XLSX_FMT_DATE
		: time        ? XLSX_FMT_TIME
			      : XLSX_FMT_GENERAL;
	if (f.kind == XLSX_FMT_GENERAL && zeros_only && zeros >= 2)
		f.zero_pad = zeros;
	return f;
}

/* 2^53: past it a double, which every spreadsheet keeps numbers in, no longer
 * holds every integer, so the digits a person typed may not be the ones stored */
static const char max_exact[] = "9007199254740992";

/* a decimal number split into its significant digits and a power of ten */
typedef struct decimal {
	bool negative;
	char digits[64]; /* significant digits, no leading or trailing zeros; "" for 0 */
	int ndigits;
	long exp10; /* value = digits × 10^exp10 */
} decimal;

static bool parse_decimal(const char *v, decimal *d)
{
	memset(d, 0, sizeof *d);
	const char *p = v;
	while (*p == ' ')
		p++;
	if (*p == '-' || *p == '+')
		d->negative = *p++ == '-';
	bool any = false, point = false;
	long frac = 0;
	for (; isdigit((unsigned char)*p) || (*p == '.' && !point); p++) {
		if (*p == '.') {
			point = true;
			continue;
		}
		any = true;
		if (*p == '0' && d->ndigits == 0) {
			frac += point;
			continue;
		}
		if (d->ndigits == (int)sizeof d->digits - 1) {
			/* digits past 63 are dropped (such a number is lost anyway): before the
			 * point each one is a power of ten */
			d->exp10 += !point;
			continue;
		}
		d->digits[d->ndigits++] = *p;
		frac += point;
	}
	if (!any)
		return false;
	long exp = 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		bool neg = false;
		if (*p == '-' || *p == '+')
			neg = *p++ == '-';
		if (!isdigit((unsigned char)*p))
			return false;
		for (; isdigit((unsigned char)*p); p++)
			if (exp < 100000)
				exp = exp * 10 + (*p - '0');
		if (neg)
			exp = -exp;
	}
	while (*p == ' ')
		p++;
	if (*p)
		return false;
	if (d->ndigits == 0) {
		d->negative = false;
		return true;
	}
	d->exp10 += exp - frac;
	while (d->ndigits > 0 && d->digits[d->ndigits - 1] == '0') {
		d->digits[--d->ndigits] = '\0';
		d->exp10++;
	}
	return true;
}

/* an integer's digits beyond 2^53 */
static bool past_exact(const decimal *d)
{
	long n = d->ndigits + d->exp10;
	long m = (long)sizeof max_exact - 1;
	if (n != m)
		return n > m;
	for (long i = 0; i < m; i++) {
		char c = i < d->ndigits ? d->digits[i] : '0';
		if (c != max_exact[i])
			return c > max_exact[i];
	}
	return false;
}

/* the serial's day as Excel counts it: 1 is 1900-01-01 and 60 the 29 February 1900
 * that never was (Lotus's leap-year bug, kept by Excel); 0 is 1904-01-01 in the
 * 1904 system of old Mac workbooks. false when Excel shows no date for it. */
static bool serial_day(long days, bool date1904, strbuf *out)
{
	char buf[16];
	if (date1904) {
		date_format(date_from_ymd(1904, 1, 1) + (qdate)days, buf);
	} else if (days == 60) {
		snprintf(buf, sizeof buf, "1900-02-29");
	} else if (days >= 1) {
		date_format(date_from_ymd(1899, 12, days < 60 ? 31 : 30) + (qdate)days, buf);
	} else {
		return false;
	}
	sb_add(out, buf);
	return true;
}

/* a date or time serial as its format shows it; false when out of Excel's range */
static bool serial_text(double v, const xlsx_numfmt *fmt, bool date1904, strbuf *out)
{
	/* 9999-12-31 is the last day Excel shows */
	if (!(v >= 0 && v < (date1904 ? 2957004.0 : 2958466.0)))
		return false;
	long days = (long)floor(v);
	long secs = lround((v - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (fmt->kind != XLSX_FMT_TIME && !serial_day(days, date1904, out))
		return false;
	if (fmt->kind == XLSX_FMT_DATE)
		return true;
	if (fmt->kind == XLSX_FMT_DATETIME)
		sb_addc(out, ' ');
	sb_addf(out, "%02ld:%02ld", secs / 3600, secs / 60 % 60);
	if (fmt->seconds)
		sb_addf(out, ":%02ld", secs % 60);
	return true;
}

int xlsx_value_number(const char *v, const xlsx_numfmt *fmt, bool date1904, strbuf *out)
{
	sb_reset(out);
	decimal d;
	if (!parse_decimal(v, &d))
		return -1;
	if (fmt->kind != XLSX_FMT_GENERAL && serial_text(strtod(v, NULL), fmt, date1904, out))
		return XLSX_CELL_DATE;
	sb_reset(out);
	if (d.ndigits == 0) {
		sb_add(out, "0");
		return XLSX_CELL_NUMBER;
	}
	if (d.exp10 >= 0) {
		long n = d.ndigits + d.exp10;
		if (d.negative)
			sb_addc(out, '-');
		if (n > 40) {
			/* too long to spell out: as Excel shows it in General */
			sb_reset(out);
			char buf[40];
			snprintf(buf, sizeof buf, "%.15G", strtod(v, NULL));
			sb_add(out, buf);
			return XLSX_CELL_LOST;
		}
		bool lost = past_exact(&d);
		for (long i = n; !lost && !d.negative && i < fmt->zero_pad; i++)
			sb_addc(out, '0');
		sb_add(out, d.digits);
		for (long i = 0; i < d.exp10; i++)
			sb_addc(out, '0');
		return lost ? XLSX_CELL_LOST : XLSX_CELL_NUMBER;
	}
	/* a fraction: Excel shows at most 15 significant digits, so 0.1+0.2 stored as
	 * 0.30000000000000004 reads 0.3 */
	char buf[40];
	snprintf(buf, sizeof buf, "%.15G", strtod(v, NULL));
	sb_add(out, buf);
	return XLSX_CELL_NUMBER;
}

bool xlsx_value_iso_date(const char *v, strbuf *out)
{
	sb_reset(out);
	int y, mo, da, h = 0, mi = 0, s = 0, n = 0;
	if (sscanf(v, "%4d-%2d-%2d%n", &y, &mo, &da, &n) != 3 || n != 10 || mo < 1 || mo > 12 ||
		da < 1 || da > date_days_in_month(y, mo))
		return false;
	const char *p = v + 10;
	if (*p == 'T') {
		int m = 0;
		if (sscanf(p + 1, "%2d:%2d:%2d%n", &h, &mi, &s, &m) != 3 || m != 8 || h > 23 ||
			mi > 59 || s > 59)
			return false;
		p += 9;
		if (*p == '.')
			for (p++; isdigit((unsigned char)*p); p++)
				;
		if (*p == 'Z')
			p++;
	}
	if (*p)
		return false;
	sb_addf(out, "%04d-%02d-%02d", y, mo, da);
	if (h || mi || s)
		sb_addf(out, " %02d:%02d:%02d", h, mi, s);
	return true;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

void xlsx_unescape(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		unsigned cp = 0;
		/* read no further than the string: a NUL is no hex digit */
		bool esc = r[0] == '_' && r[1] == 'x';
		for (int i = 2; esc && i < 6; i++) {
			int h = hexval(r[i]);
			esc = h >= 0;
			cp = cp * 16 + (unsigned)(h < 0 ? 0 : h);
		}
		esc = esc && r[6] == '_';
		/* a NUL or half a surrogate pair cannot be text: left as written */
		if (!esc || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
			*w++ = *r++;
			continue;
		}
		if (cp < 0x80) {
			*w++ = (char)cp;
		} else if (cp < 0x800) {
			*w++ = (char)(0xC0 | cp >> 6);
			*w++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*w++ = (char)(0xE0 | cp >> 12);
			*w++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*w++ = (char)(0x80 | (cp & 0x3F));
		}
		r += 7;
	}
	*w = '\0';
}

void xlsx_col_name(int col, char out[4])
{
	char rev[4];
	int n = 0;
	for (col++; col > 0 && n < 3; col = (col - 1) / 26)
		rev[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
}

bool xlsx_parse_ref(const char *ref, int *col, long *row)
{
	const char *p = ref;
	long c = 0, r = 0;
	for (; isalpha((unsigned char)*p); p++) {
		c = c * 26 + (toupper((unsigned char)*p) - 'A' + 1);
		if (c > XLSX_MAX_COLS)
			return false;
	}
	if (c == 0)
		return false;
	for (; isdigit((unsigned char)*p); p++) {
		r = r * 10 + (*p - '0');
		if (r > XLSX_MAX_ROWS)
			return false;
	}
	if (*p || (r == 0 && p[-1] == '0'))
		return false;
	*col = (int)c - 1;
	*row = r;
	return true;
}
