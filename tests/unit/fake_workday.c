/* Test-only stand-in for src/core/workday.c while that lands on main: the 2026 State
 * Council holidays compiled in, every other year by weekends alone. Linked into the
 * inspection and month tests only; delete it once the real calendar is merged. */
#include "core/workday.h"

#include "core/xalloc.h"

struct calendar {
	bool with_2026;
};

static const struct { int m1, d1, m2, d2; } fake_off[] = {
	{ 1, 1, 1, 3 }, { 2, 15, 2, 23 }, { 4, 4, 4, 6 }, { 5, 1, 5, 5 },
	{ 6, 19, 6, 21 }, { 9, 25, 9, 27 }, { 10, 1, 10, 7 },
};
static const struct { int m, d; } fake_on[] = {
	{ 1, 4 }, { 2, 14 }, { 2, 28 }, { 5, 9 }, { 9, 20 }, { 10, 10 },
};

calendar *calendar_load(const char *dir, strbuf *err)
{
	calendar *cal = xcalloc(1, sizeof *cal);
	cal->with_2026 = true;
	return cal;
}

calendar *calendar_new_empty(void)
{
	return xcalloc(1, sizeof(calendar));
}

void calendar_free(calendar **cal)
{
	xfree(cal);
}

day_kind calendar_day(const calendar *cal, qdate d, const char **name)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	if (name)
		*name = NULL;
	if (cal->with_2026 && y == 2026) {
		for (size_t i = 0; i < sizeof fake_off / sizeof fake_off[0]; i++)
			if (d >= date_from_ymd(y, fake_off[i].m1, fake_off[i].d1) &&
			    d <= date_from_ymd(y, fake_off[i].m2, fake_off[i].d2))
				return DAY_HOLIDAY;
		for (size_t i = 0; i < sizeof fake_on / sizeof fake_on[0]; i++)
			if (d == date_from_ymd(y, fake_on[i].m, fake_on[i].d))
				return DAY_MAKEUP_WORKDAY;
	}
	return date_weekday(d) >= 6 ? DAY_WEEKEND : DAY_WORKDAY;
}

bool calendar_is_workday(const calendar *cal, qdate d)
{
	day_kind k = calendar_day(cal, d, NULL);
	return k == DAY_WORKDAY || k == DAY_MAKEUP_WORKDAY;
}

bool calendar_has_year(const calendar *cal, int y)
{
	return cal->with_2026 && y == 2026;
}

const char *calendar_notice(const calendar *cal, int y)
{
	return NULL;
}

qdate calendar_add(const calendar *cal, qdate d, int n)
{
	while (n > 0)
		if (calendar_is_workday(cal, ++d))
			n--;
	return d;
}

int calendar_between(const calendar *cal, qdate from, qdate to)
{
	int n = 0;
	for (qdate d = from + 1; d <= to; d++)
		n += calendar_is_workday(cal, d);
	for (qdate d = to + 1; d <= from; d++)
		n -= calendar_is_workday(cal, d);
	return n;
}

int calendar_missing_year(const calendar *cal, qdate from, qdate to)
{
	int a, b, m, d;
	date_to_ymd(from, &a, &m, &d);
	date_to_ymd(to, &b, &m, &d);
	for (int y = a; y <= b; y++)
		if (!calendar_has_year(cal, y))
			return y;
	return 0;
}
