/* Reader of the holiday files into holiday_year (core/workday.h): one State Council
 * notice per year in the YYYY.txt format, a directory of them (data/holidays/), and
 * the statutory table of the law's rest days that stands in for a year without a
 * notice; and the calendar built from them. Errors name FILE:LINE; building the
 * calendar from what was read is core/workday.c's, which stays pure. */
#include "policy/policy.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/i18n.h"
#include "core/workday.h"
#include "core/xalloc.h"

enum { CAL_LINE_MAX = 1024 };

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

/* ---- the notice file format ---------------------------------------------------- */

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
		p->hy->year = date_year(*out);
	if (date_year(*out) != p->hy->year) {
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
	if (!date_is_weekend(d)) {
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

int policy_holiday_parse(FILE *f, const char *path, int year, holiday_year *out, strbuf *err)
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
	/* a file named for its year but naming no day (empty, comments only) is no
	 * notice: taken as one, it would make the year a year without holidays */
	if (out->n == 0) {
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

int policy_holiday_dir_load(const char *dir, holiday_year **out, int *n, strbuf *err)
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
		rc = policy_holiday_parse(f, path, y, &found[nf], err);
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

/* ---- the statutory table ------------------------------------------------------- */

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
	else if (date_year(d) != y)
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

int policy_statutory_load(const char *path, holiday_year **out, int *n, strbuf *err)
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

/* ---- the calendar of the files ------------------------------------------------ */

calendar *policy_calendar_with_statutory(const holiday_year *notices, int nn, const char *dir,
		strbuf *err)
{
	holiday_year *statutory;
	int ns;
	char *path = xasprintf("%s/statutory.tsv", dir);
	int rc = policy_statutory_load(path, &statutory, &ns, err);
	free(path);
	if (rc < 0)
		return NULL;
	calendar *cal = calendar_build(notices, nn, statutory, ns);
	holiday_years_free(statutory, ns);
	return cal;
}

calendar *policy_calendar_load(const char *dir, strbuf *err)
{
	holiday_year *notices;
	int nn;
	if (policy_holiday_dir_load(dir, &notices, &nn, err) < 0)
		return NULL;
	calendar *cal = policy_calendar_with_statutory(notices, nn, dir, err);
	holiday_years_free(notices, nn);
	return cal;
}
