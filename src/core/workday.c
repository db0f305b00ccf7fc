/* The working-day calendar: loads one holiday file per year and answers day kinds and
 * working-day counts. Counting goes through W(x), the number of working days before day
 * x, as a closed weekday formula plus a per-year prefix of the notice's corrections, so
 * between() is O(1) per call and add() a short binary search, whatever the span. */
#include "core/workday.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/i18n.h"
#include "core/xalloc.h"

/* a day's name index is one byte; index 0 means "no name" */
enum { CAL_MAX_NAMES = 255, CAL_LINE_MAX = 1024 };

typedef struct cal_year {
	int year;
	int ndays;
	qdate jan1;
	uint8_t kind[366];     /* DAY_HOLIDAY, DAY_MAKEUP_WORKDAY, or 0 for "not in the notice" */
	uint8_t name[366];     /* index into names, 0 for plain weekdays and weekends */
	int32_t before[367];   /* sum of corrections of the days before each day of the year */
	char *names[CAL_MAX_NAMES + 1];
	int nnames;
	char *notice;
} cal_year;

struct calendar {
	int first;           /* year of slot 0 */
	int nslots;          /* slots first .. first+nslots-1; a slot may be NULL */
	cal_year **years;
	int64_t *carry;      /* carry[i]: corrections of all slots before slot i (nslots+1) */
};

static bool is_weekend(qdate d)
{
	return date_weekday(d) >= 6;
}

static int year_of(qdate d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y;
}

static const cal_year *year_get(const calendar *cal, int y)
{
	if (!cal || y < cal->first || y >= cal->first + cal->nslots)
		return NULL;
	return cal->years[y - cal->first];
}

/* Mon–Fri days in [-3, x): day -3 (1969-12-29) is a Monday, so weeks start at multiples
 * of 7 from there. Floor division keeps the formula valid for days before 1970. */
static int64_t weekdays_before(qdate x)
{
	int64_t k = (int64_t)x + 3;
	int64_t q = k >= 0 ? k / 7 : -((-k + 6) / 7);
	int64_t r = k - 7 * q;
	return 5 * q + (r < 5 ? r : 5);
}

/* the notice's corrections (-1 a weekday holiday, +1 a make-up day) before day x */
static int64_t corrections_before(const calendar *cal, qdate x)
{
	if (!cal || cal->nslots == 0)
		return 0;
	int y = year_of(x);
	if (y < cal->first)
		return 0;
	if (y >= cal->first + cal->nslots)
		return cal->carry[cal->nslots];
	const cal_year *cy = cal->years[y - cal->first];
	int64_t c = cal->carry[y - cal->first];
	if (cy)
		c += cy->before[x - cy->jan1];
	return c;
}

/* working days in [-3, x): the difference of two of these counts any interval */
static int64_t workdays_before(const calendar *cal, qdate x)
{
	return weekdays_before(x) + corrections_before(cal, x);
}

day_kind calendar_day(const calendar *cal, qdate d, const char **name)
{
	const cal_year *cy = year_get(cal, year_of(d));
	if (name)
		*name = NULL;
	if (cy) {
		int i = d - cy->jan1;
		if (cy->kind[i] == DAY_HOLIDAY || cy->kind[i] == DAY_MAKEUP_WORKDAY) {
			if (name)
				*name = cy->names[cy->name[i]];
			return (day_kind)cy->kind[i];
		}
	}
	return is_weekend(d) ? DAY_WEEKEND : DAY_WORKDAY;
}

bool calendar_is_workday(const calendar *cal, qdate d)
{
	day_kind k = calendar_day(cal, d, NULL);
	return k == DAY_WORKDAY || k == DAY_MAKEUP_WORKDAY;
}

bool calendar_has_year(const calendar *cal, int y)
{
	return year_get(cal, y) != NULL;
}

const char *calendar_notice(const calendar *cal, int y)
{
	const cal_year *cy = year_get(cal, y);
	return cy ? cy->notice : NULL;
}

int calendar_between(const calendar *cal, qdate from, qdate to)
{
	/* (from, to] is [from+1, to+1); for to < from the same difference is negative */
	return (int)(workdays_before(cal, to + 1) - workdays_before(cal, from + 1));
}

qdate calendar_add(const calendar *cal, qdate d, int n)
{
	if (n <= 0)
		return d;
	int64_t base = workdays_before(cal, d + 1);
	/* the answer is the first x > d with n working days in (d, x]; a file can make at
	 * most one year all rest days, so doubling the span always reaches it */
	int64_t lo = d, hi = (int64_t)d + 2 * (int64_t)n + 14;
	while (workdays_before(cal, (qdate)(hi + 1)) - base < n) {
		lo = hi;
		hi = d + 2 * (hi - d);
	}
	/* invariant: count(lo) < n <= count(hi) */
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (workdays_before(cal, (qdate)(mid + 1)) - base >= n)
			hi = mid;
		else
			lo = mid;
	}
	return (qdate)hi;
}

int calendar_missing_year(const calendar *cal, qdate from, qdate to)
{
	int a = year_of(from), b = year_of(to);
	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	for (int y = a; y <= b; y++)
		if (!calendar_has_year(cal, y))
			return y;
	return 0;
}

calendar *calendar_new_empty(void)
{
	return xcalloc(1, sizeof(calendar));
}

static void year_free(cal_year *cy)
{
	if (!cy)
		return;
	for (int i = 1; i <= cy->nnames; i++)
		xfree(&cy->names[i]);
	xfree(&cy->notice);
	free(cy);
}

void calendar_free(calendar **cal)
{
	if (!cal || !*cal)
		return;
	for (int i = 0; i < (*cal)->nslots; i++)
		year_free((*cal)->years[i]);
	xfree(&(*cal)->years);
	xfree(&(*cal)->carry);
	xfree(cal);
}

/* ---- loading ---- */

/* "YYYY.txt" with a year date_parse would accept; 0 for any other name */
static int file_year(const char *fname)
{
	if (strlen(fname) != 8 || strcmp(fname + 4, ".txt") != 0)
		return 0;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (fname[i] < '0' || fname[i] > '9')
			return 0;
		y = y * 10 + (fname[i] - '0');
	}
	return y >= 1900 ? y : 0;
}

typedef struct parse_ctx {
	const char *path;
	int line;
	strbuf *err;
	cal_year *cy;
} parse_ctx;

static int parse_fail(parse_ctx *p, const char *reason)
{
	sb_reset(p->err);
	sb_addf(p->err, "%s:%d: %s", p->path, p->line, reason);
	return -1;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* one whitespace-delimited token of s into tok (NUL-terminated, at most cap-1 bytes);
 * returns what follows it, or NULL when the token does not fit */
static const char *take_token(const char *s, char *tok, size_t cap)
{
	size_t n = 0;
	s = skip_space(s);
	while (*s && *s != ' ' && *s != '\t') {
		if (n + 1 >= cap)
			return NULL;
		tok[n++] = *s++;
	}
	tok[n] = '\0';
	return s;
}

/* a date of the file's year, telling a bad shape from a date that does not exist */
static int parse_day(parse_ctx *p, const char *s, qdate *out)
{
	bool shape = strlen(s) == 10 && s[4] == '-' && s[7] == '-';
	for (int i = 0; shape && i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			shape = false;
	if (!shape) {
		char *m = xasprintf(_("'%s' is not a date of the form YYYY-MM-DD"), s);
		parse_fail(p, m);
		free(m);
		return -1;
	}
	if (!date_parse(s, out)) {
		char *m = xasprintf(_("%s is not a real calendar date"), s);
		parse_fail(p, m);
		free(m);
		return -1;
	}
	if (year_of(*out) != p->cy->year) {
		char *m = xasprintf(_("%s lies outside %d, the year this file is named for"),
			s, p->cy->year);
		parse_fail(p, m);
		free(m);
		return -1;
	}
	return 0;
}

/* the index of name in the year's table, adding it on first use */
static int name_index(parse_ctx *p, const char *name)
{
	cal_year *cy = p->cy;
	for (int i = 1; i <= cy->nnames; i++)
		if (strcmp(cy->names[i], name) == 0)
			return i;
	if (cy->nnames == CAL_MAX_NAMES)
		return parse_fail(p, _("too many different holiday names in one file"));
	cy->names[++cy->nnames] = xstrdup(name);
	return cy->nnames;
}

/* the rest of the line, trimmed, as the day's name: it is shown to users, so it must
 * be there and be valid UTF-8 */
static int parse_name(parse_ctx *p, const char *s, int *idx)
{
	s = skip_space(s);
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return parse_fail(p, _("the holiday name is missing after the date"));
	if (u8_check((const uint8_t *)s, n))
		return parse_fail(p, _("the holiday name is not valid UTF-8"));
	char *name = xstrndup(s, n);
	*idx = name_index(p, name);
	free(name);
	return *idx < 0 ? -1 : 0;
}

static int mark_day(parse_ctx *p, qdate d, day_kind kind, int idx)
{
	cal_year *cy = p->cy;
	int i = d - cy->jan1;
	if (cy->kind[i]) {
		char buf[11];
		char *m = xasprintf(_("%s is listed twice"), date_format(d, buf));
		parse_fail(p, m);
		free(m);
		return -1;
	}
	cy->kind[i] = (uint8_t)kind;
	cy->name[i] = (uint8_t)idx;
	return 0;
}

static int parse_holiday(parse_ctx *p, const char *rest)
{
	char tok[32];
	rest = take_token(rest, tok, sizeof tok);
	if (!rest || !tok[0])
		return parse_fail(p, _("expected 'holiday YYYY-MM-DD[..YYYY-MM-DD] NAME'"));
	qdate a, b;
	char *dots = strstr(tok, "..");
	if (dots) {
		*dots = '\0';
		if (parse_day(p, tok, &a) < 0 || parse_day(p, dots + 2, &b) < 0)
			return -1;
		if (b < a)
			return parse_fail(p, _("the range ends before it starts"));
	} else {
		if (parse_day(p, tok, &a) < 0)
			return -1;
		b = a;
	}
	int idx;
	if (parse_name(p, rest, &idx) < 0)
		return -1;
	for (qdate d = a; d <= b; d++)
		if (mark_day(p, d, DAY_HOLIDAY, idx) < 0)
			return -1;
	return 0;
}

static int parse_workday(parse_ctx *p, const char *rest)
{
	char tok[32];
	rest = take_token(rest, tok, sizeof tok);
	if (!rest || !tok[0])
		return parse_fail(p, _("expected 'workday YYYY-MM-DD NAME'"));
	qdate d;
	if (parse_day(p, tok, &d) < 0)
		return -1;
	if (!is_weekend(d)) {
		char *m = xasprintf(_("make-up working day %s is not a Saturday or Sunday"), tok);
		parse_fail(p, m);
		free(m);
		return -1;
	}
	int idx;
	if (parse_name(p, rest, &idx) < 0)
		return -1;
	return mark_day(p, d, DAY_MAKEUP_WORKDAY, idx);
}

static int parse_line(parse_ctx *p, char *line)
{
	size_t n = strlen(line);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	/* a file saved by Notepad starts with a byte order mark */
	if (p->line == 1 && strncmp(line, "\xEF\xBB\xBF", 3) == 0)
		line += 3;
	const char *s = skip_space(line);
	if (*s == '\0' || *s == '#')
		return 0;
	if (strncmp(s, "notice:", 7) == 0) {
		const char *t = skip_space(s + 7);
		if (p->cy->notice)
			return parse_fail(p, _("a second 'notice:' line"));
		if (*t == '\0')
			return parse_fail(p, _("the notice text is missing after 'notice:'"));
		if (u8_check((const uint8_t *)t, strlen(t)))
			return parse_fail(p, _("the notice is not valid UTF-8"));
		p->cy->notice = xstrdup(t);
		return 0;
	}
	char kw[16];
	const char *rest = take_token(s, kw, sizeof kw);
	if (rest && strcmp(kw, "holiday") == 0)
		return parse_holiday(p, rest);
	if (rest && strcmp(kw, "workday") == 0)
		return parse_workday(p, rest);
	return parse_fail(p, _("a line must start with 'notice:', 'holiday' or 'workday'"));
}

/* the correction each day makes to the plain weekday count, summed as a prefix */
static void year_prefix(cal_year *cy)
{
	int32_t c = 0;
	for (int i = 0; i < cy->ndays; i++) {
		cy->before[i] = c;
		qdate d = cy->jan1 + i;
		if (cy->kind[i] == DAY_HOLIDAY && !is_weekend(d))
			c--;
		else if (cy->kind[i] == DAY_MAKEUP_WORKDAY)
			c++;
	}
	cy->before[cy->ndays] = c;
}

static cal_year *year_load(const char *path, int y, strbuf *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		sb_reset(err);
		sb_addf(err, _("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	cal_year *cy = xcalloc(1, sizeof *cy);
	cy->year = y;
	cy->jan1 = date_from_ymd(y, 1, 1);
	cy->ndays = date_from_ymd(y + 1, 1, 1) - cy->jan1;
	parse_ctx p = { path, 0, err, cy };
	char line[CAL_LINE_MAX];
	int rc = -1;
	while (fgets(line, sizeof line, f)) {
		p.line++;
		if (!strchr(line, '\n')) {
			int c = getc(f);
			if (c != EOF) {
				parse_fail(&p, _("line is too long"));
				goto out;
			}
		}
		if (parse_line(&p, line) < 0)
			goto out;
	}
	if (ferror(f)) {
		sb_reset(err);
		sb_addf(err, _("%s: read error: %s"), path, strerror(errno));
		goto out;
	}
	year_prefix(cy);
	rc = 0;
out:
	fclose(f);
	if (rc < 0) {
		year_free(cy);
		return NULL;
	}
	return cy;
}

/* slots from the smallest to the largest year found, and the running carry */
static void calendar_place(calendar *cal, cal_year **found, int n)
{
	int lo = found[0]->year, hi = found[0]->year;
	for (int i = 1; i < n; i++) {
		if (found[i]->year < lo)
			lo = found[i]->year;
		if (found[i]->year > hi)
			hi = found[i]->year;
	}
	cal->first = lo;
	cal->nslots = hi - lo + 1;
	cal->years = xcalloc((size_t)cal->nslots, sizeof *cal->years);
	for (int i = 0; i < n; i++)
		cal->years[found[i]->year - lo] = found[i];
	cal->carry = xcalloc((size_t)cal->nslots + 1, sizeof *cal->carry);
	for (int i = 0; i < cal->nslots; i++)
		cal->carry[i + 1] = cal->carry[i] + (cal->years[i] ? cal->years[i]->before[cal->years[i]->ndays] : 0);
}

calendar *calendar_load(const char *dir, strbuf *err)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		sb_reset(err);
		sb_addf(err, _("cannot open the holiday directory %s: %s"), dir, strerror(errno));
		return NULL;
	}
	cal_year **found = NULL;
	int n = 0, cap = 0;
	calendar *cal = NULL;
	struct dirent *de;
	while ((de = readdir(dh))) {
		int y = file_year(de->d_name);
		if (!y)
			continue;
		char *path = xasprintf("%s/%s", dir, de->d_name);
		cal_year *cy = year_load(path, y, err);
		free(path);
		if (!cy)
			goto out;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			found = xrealloc(found, (size_t)cap * sizeof *found);
		}
		found[n++] = cy;
	}
	cal = calendar_new_empty();
	if (n > 0)
		calendar_place(cal, found, n);
	n = 0; /* the calendar owns them now */
out:
	closedir(dh);
	for (int i = 0; i < n; i++)
		year_free(found[i]);
	free(found);
	return cal;
}
