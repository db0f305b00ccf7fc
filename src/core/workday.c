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
	cal_source source;
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

cal_source calendar_source(const calendar *cal, int y)
{
	const cal_year *cy = year_get(cal, y);
	return cy ? cy->source : CAL_SOURCE_NONE;
}

bool calendar_day_provisional(const calendar *cal, qdate d)
{
	return calendar_source(cal, year_of(d)) == CAL_SOURCE_PROVISIONAL;
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

/* first year in [from, to] (either order) whose source is src */
static int first_year_of(const calendar *cal, qdate from, qdate to, cal_source src)
{
	int a = year_of(from), b = year_of(to);
	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	for (int y = a; y <= b; y++)
		if (calendar_source(cal, y) == src)
			return y;
	return 0;
}

int calendar_missing_year(const calendar *cal, qdate from, qdate to)
{
	return first_year_of(cal, from, to, CAL_SOURCE_NONE);
}

int calendar_provisional_year(const calendar *cal, qdate from, qdate to)
{
	return first_year_of(cal, from, to, CAL_SOURCE_PROVISIONAL);
}

bool calendar_notice_due(const calendar *cal, qdate today)
{
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	return m == 12 && calendar_source(cal, y + 1) != CAL_SOURCE_NOTICE;
}

bool calendar_span_provisional(const calendar *cal, qdate from, qdate to)
{
	if (from == DATE_NONE || to == DATE_NONE || !calendar_provisional_year(cal, from, to))
		return false;
	for (qdate d = from + 1; d <= to; d++)
		if (calendar_day_provisional(cal, d) && calendar_day(cal, d, NULL) == DAY_HOLIDAY)
			return true;
	return false;
}

int calendar_year_diff(const calendar *a, const calendar *b, int y, qdate out[366])
{
	int n = 0;
	qdate end = date_from_ymd(y + 1, 1, 1);
	for (qdate d = date_from_ymd(y, 1, 1); d < end; d++) {
		const char *na, *nb;
		day_kind ka = calendar_day(a, d, &na), kb = calendar_day(b, d, &nb);
		if (ka != kb || ((na || nb) && (!na || !nb || strcmp(na, nb) != 0)))
			out[n++] = d;
	}
	return n;
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

/* ---- notices as data ---- */

void holiday_year_clear(holiday_year *hy)
{
	if (!hy)
		return;
	for (int i = 0; i < hy->n; i++)
		free(hy->days[i].name);
	free(hy->days);
	free(hy->notice);
	memset(hy, 0, sizeof *hy);
}

void holiday_years_free(holiday_year *hy, int n)
{
	for (int i = 0; i < n; i++)
		holiday_year_clear(&hy[i]);
	free(hy);
}

static void year_add_day(holiday_year *hy, qdate d, day_kind kind, const char *name)
{
	hy->days = xrealloc(hy->days, (size_t)(hy->n + 1) * sizeof *hy->days);
	hy->days[hy->n++] = (holiday_entry){ d, kind, xstrdup(name) };
}

static int by_day(const void *pa, const void *pb)
{
	const holiday_entry *a = pa, *b = pb;
	return (a->day > b->day) - (a->day < b->day);
}

/* ---- the notice file format ---- */

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
	holiday_year *hy;
	bool named;             /* the year comes from the file name, not the first date */
	uint8_t seen[366];
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
	if (p->hy->year == 0)
		p->hy->year = year_of(*out);
	if (year_of(*out) != p->hy->year) {
		char *m = p->named
			? xasprintf(_("%s lies outside %d, the year this file is named for"), s, p->hy->year)
			: xasprintf(_("%s lies outside %d, the year of the file's first date"), s, p->hy->year);
		parse_fail(p, m);
		free(m);
		return -1;
	}
	return 0;
}

/* the rest of the line, trimmed, as the day's name: it is shown to users, so it must
 * be there and be valid UTF-8; freshly allocated into *name */
static int parse_name(parse_ctx *p, const char *s, char **name)
{
	s = skip_space(s);
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return parse_fail(p, _("the holiday name is missing after the date"));
	if (u8_check((const uint8_t *)s, n))
		return parse_fail(p, _("the holiday name is not valid UTF-8"));
	*name = xstrndup(s, n);
	return 0;
}

static int mark_day(parse_ctx *p, qdate d, day_kind kind, const char *name)
{
	int i = d - date_from_ymd(p->hy->year, 1, 1);
	if (p->seen[i]) {
		char buf[11];
		char *m = xasprintf(_("%s is listed twice"), date_format(d, buf));
		parse_fail(p, m);
		free(m);
		return -1;
	}
	p->seen[i] = 1;
	year_add_day(p->hy, d, kind, name);
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
	char *name;
	if (parse_name(p, rest, &name) < 0)
		return -1;
	int rc = 0;
	for (qdate d = a; d <= b && rc == 0; d++)
		rc = mark_day(p, d, DAY_HOLIDAY, name);
	free(name);
	return rc;
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
	char *name;
	if (parse_name(p, rest, &name) < 0)
		return -1;
	int rc = mark_day(p, d, DAY_MAKEUP_WORKDAY, name);
	free(name);
	return rc;
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
		if (p->hy->notice)
			return parse_fail(p, _("a second 'notice:' line"));
		if (*t == '\0')
			return parse_fail(p, _("the notice text is missing after 'notice:'"));
		if (u8_check((const uint8_t *)t, strlen(t)))
			return parse_fail(p, _("the notice is not valid UTF-8"));
		p->hy->notice = xstrdup(t);
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

int holiday_year_parse(FILE *f, const char *path, int year, holiday_year *out, strbuf *err)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	parse_ctx *p = xcalloc(1, sizeof *p);
	*p = (parse_ctx){ .path = path, .err = err, .hy = out, .named = year != 0 };
	char line[CAL_LINE_MAX];
	int rc = -1;
	while (fgets(line, sizeof line, f)) {
		p->line++;
		if (!strchr(line, '\n')) {
			int c = getc(f);
			if (c != EOF) {
				parse_fail(p, _("line is too long"));
				goto out;
			}
		}
		if (parse_line(p, line) < 0)
			goto out;
	}
	if (ferror(f)) {
		sb_reset(err);
		sb_addf(err, _("%s: read error: %s"), path, strerror(errno));
		goto out;
	}
	if (out->year == 0) {
		sb_reset(err);
		sb_addf(err, _("%s: no 'holiday' or 'workday' line: the file names no days"), path);
		goto out;
	}
	qsort(out->days, (size_t)out->n, sizeof *out->days, by_day);
	rc = 0;
out:
	free(p);
	if (rc < 0)
		holiday_year_clear(out);
	return rc;
}

static int by_year(const void *pa, const void *pb)
{
	const holiday_year *a = pa, *b = pb;
	return (a->year > b->year) - (a->year < b->year);
}

int holiday_dir_load(const char *dir, holiday_year **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	DIR *dh = opendir(dir);
	if (!dh) {
		sb_reset(err);
		sb_addf(err, _("cannot open the holiday directory %s: %s"), dir, strerror(errno));
		return -1;
	}
	holiday_year *found = NULL;
	int nf = 0, rc = 0;
	struct dirent *de;
	while ((de = readdir(dh))) {
		int y = file_year(de->d_name);
		if (!y)
			continue;
		char *path = xasprintf("%s/%s", dir, de->d_name);
		FILE *f = fopen(path, "r");
		if (!f) {
			sb_reset(err);
			sb_addf(err, _("%s: cannot open: %s"), path, strerror(errno));
			free(path);
			rc = -1;
			break;
		}
		found = xrealloc(found, (size_t)(nf + 1) * sizeof *found);
		rc = holiday_year_parse(f, path, y, &found[nf], err);
		fclose(f);
		free(path);
		if (rc < 0)
			break;
		nf++;
	}
	closedir(dh);
	if (rc < 0) {
		holiday_years_free(found, nf);
		return -1;
	}
	if (nf)
		qsort(found, (size_t)nf, sizeof *found, by_year);
	*out = found;
	*n = nf;
	return 0;
}

/* ---- the statutory table ---- */

/* the holiday_year for y in the table, added in order of first appearance */
static holiday_year *statutory_year(holiday_year **ys, int *n, int y)
{
	for (int i = 0; i < *n; i++)
		if ((*ys)[i].year == y)
			return &(*ys)[i];
	*ys = xrealloc(*ys, (size_t)(*n + 1) * sizeof **ys);
	holiday_year *hy = &(*ys)[(*n)++];
	memset(hy, 0, sizeof *hy);
	hy->year = y;
	return hy;
}

/* one "year<TAB>holiday<TAB>date" row; a second holiday on a date already listed
 * joins its name to that day's ("中秋节、国庆节") */
static int statutory_row(holiday_year **ys, int *n, char *line, const char *path, int lineno,
		strbuf *err)
{
	char *f[3];
	int nf = 0;
	for (char *s = line; nf < 3; nf++) {
		f[nf] = s;
		char *tab = strchr(s, '\t');
		if (!tab) {
			nf++;
			break;
		}
		*tab = '\0';
		s = tab + 1;
	}
	const char *why = NULL;
	qdate d = 0;
	char *end;
	long y = nf == 3 ? strtol(f[0], &end, 10) : 0;
	if (nf != 3 || strchr(f[2], '\t'))
		why = _("expected three columns: year, holiday, date");
	else if (*end || y < 1900 || y > 9999)
		why = _("the year is not a year from 1900 to 9999");
	else if (!f[1][0] || u8_check((const uint8_t *)f[1], strlen(f[1])))
		why = _("the holiday name is missing or not valid UTF-8");
	else if (!date_parse(f[2], &d))
		why = _("the date is not a real date of the form YYYY-MM-DD");
	else if (year_of(d) != y)
		why = _("the date lies outside the row's year");
	if (why) {
		sb_reset(err);
		sb_addf(err, "%s:%d: %s", path, lineno, why);
		return -1;
	}
	holiday_year *hy = statutory_year(ys, n, (int)y);
	for (int i = 0; i < hy->n; i++) {
		if (hy->days[i].day != d)
			continue;
		char *joined = xasprintf("%s、%s", hy->days[i].name, f[1]);
		free(hy->days[i].name);
		hy->days[i].name = joined;
		return 0;
	}
	year_add_day(hy, d, DAY_HOLIDAY, f[1]);
	return 0;
}

int holiday_statutory_load(const char *path, holiday_year **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		sb_reset(err);
		sb_addf(err, _("%s: cannot open: %s"), path, strerror(errno));
		return -1;
	}
	holiday_year *ys = NULL;
	int ny = 0, lineno = 0, rc = 0;
	char line[CAL_LINE_MAX];
	while (rc == 0 && fgets(line, sizeof line, f)) {
		lineno++;
		size_t len = strlen(line);
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (line[0] == '\0' || line[0] == '#' || strncmp(line, "year\t", 5) == 0)
			continue;
		rc = statutory_row(&ys, &ny, line, path, lineno, err);
	}
	fclose(f);
	if (rc < 0) {
		holiday_years_free(ys, ny);
		return -1;
	}
	for (int i = 0; i < ny; i++)
		qsort(ys[i].days, (size_t)ys[i].n, sizeof *ys[i].days, by_day);
	if (ny)
		qsort(ys, (size_t)ny, sizeof *ys, by_year);
	*out = ys;
	*n = ny;
	return 0;
}

/* ---- building ---- */

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

/* the index of name in the year's table, adding it on first use; 0 when full */
static int name_index(cal_year *cy, const char *name)
{
	for (int i = 1; i <= cy->nnames; i++)
		if (strcmp(cy->names[i], name) == 0)
			return i;
	if (cy->nnames == CAL_MAX_NAMES)
		return 0;
	cy->names[++cy->nnames] = xstrdup(name);
	return cy->nnames;
}

static cal_year *year_build(const holiday_year *hy, cal_source source)
{
	cal_year *cy = xcalloc(1, sizeof *cy);
	cy->year = hy->year;
	cy->source = source;
	cy->jan1 = date_from_ymd(hy->year, 1, 1);
	cy->ndays = date_from_ymd(hy->year + 1, 1, 1) - cy->jan1;
	cy->notice = hy->notice ? xstrdup(hy->notice) : NULL;
	for (int i = 0; i < hy->n; i++) {
		int k = hy->days[i].day - cy->jan1;
		if (k < 0 || k >= cy->ndays)
			continue;
		cy->kind[k] = (uint8_t)hy->days[i].kind;
		cy->name[k] = (uint8_t)name_index(cy, hy->days[i].name);
	}
	year_prefix(cy);
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

static bool has_notice(const holiday_year *notices, int nn, int y)
{
	for (int i = 0; i < nn; i++)
		if (notices[i].year == y)
			return true;
	return false;
}

calendar *calendar_build(const holiday_year *notices, int nn, const holiday_year *statutory,
		int ns)
{
	calendar *cal = calendar_new_empty();
	cal_year **found = xcalloc((size_t)(nn + ns) + 1, sizeof *found);
	int n = 0;
	for (int i = 0; i < nn; i++) {
		if (notices[i].year < 1900 || notices[i].year > 9999 || has_notice(notices, i, notices[i].year))
			continue;
		found[n++] = year_build(&notices[i], CAL_SOURCE_NOTICE);
	}
	for (int i = 0; i < ns; i++) {
		int y = statutory[i].year;
		if (y < 1900 || y > 9999 || has_notice(notices, nn, y) || has_notice(statutory, i, y))
			continue;
		found[n++] = year_build(&statutory[i], CAL_SOURCE_PROVISIONAL);
	}
	if (n > 0)
		calendar_place(cal, found, n);
	free(found);
	return cal;
}

calendar *calendar_with_statutory(const holiday_year *notices, int nn, const char *dir,
		strbuf *err)
{
	holiday_year *statutory;
	int ns;
	char *path = xasprintf("%s/statutory.tsv", dir);
	int rc = holiday_statutory_load(path, &statutory, &ns, err);
	free(path);
	if (rc < 0)
		return NULL;
	calendar *cal = calendar_build(notices, nn, statutory, ns);
	holiday_years_free(statutory, ns);
	return cal;
}

calendar *calendar_load(const char *dir, strbuf *err)
{
	holiday_year *notices;
	int nn;
	if (holiday_dir_load(dir, &notices, &nn, err) < 0)
		return NULL;
	calendar *cal = calendar_with_statutory(notices, nn, dir, err);
	holiday_years_free(notices, nn);
	return cal;
}
