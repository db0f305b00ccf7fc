/* The working-day calendar: built from the holiday files (read in policy/holidays.c), it
 * answers day kinds and working-day counts. Counting goes through W(x), the number of
 * working days before day x, as a closed weekday formula plus a per-year prefix of the
 * notice's corrections, so between() is O(1) per call and add() a short binary search,
 * whatever the span. */
#include "core/workday.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* a day's name index is one byte; index 0 means "no name" */
enum { CAL_MAX_NAMES = 255 };

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
	int y = date_year(x);
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
	const cal_year *cy = year_get(cal, date_year(d));
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
	return date_is_weekend(d) ? DAY_WEEKEND : DAY_WORKDAY;
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
	return calendar_source(cal, date_year(d)) == CAL_SOURCE_PROVISIONAL;
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
	int a = date_year(from), b = date_year(to);
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

/* ---- building ---- */

/* the correction each day makes to the plain weekday count, summed as a prefix */
static void year_prefix(cal_year *cy)
{
	int32_t c = 0;
	for (int i = 0; i < cy->ndays; i++) {
		cy->before[i] = c;
		qdate d = cy->jan1 + i;
		if (cy->kind[i] == DAY_HOLIDAY && !date_is_weekend(d))
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
