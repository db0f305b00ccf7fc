/* Month grid model: lays out one month in Monday-first weeks and marks every day,
 * so the pane and the command print the same calendar. */
#include "model/month.h"

#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

void month_build(month_grid *g, int year, int month, const calendar *cal,
		 const inspection_params *p, qdate today, const int *counts)
{
	memset(g, 0, sizeof *g);
	g->year = year;
	g->month = month;
	g->has_holidays = calendar_has_year(cal, year);
	g->provisional = calendar_source(cal, year) == CAL_SOURCE_PROVISIONAL;
	for (int w = 0; w < MONTH_WEEKS_MAX; w++)
		for (int i = 0; i < MONTH_DAYS_A_WEEK; i++)
			g->cell[w][i].date = DATE_NONE;

	qdate first = date_from_ymd(year, month, 1);
	int lead = date_weekday(first) - 1;       /* empty cells before the 1st */
	int days = date_days_in_month(year, month);
	for (int day = 1; day <= days; day++) {
		int slot = lead + day - 1;
		month_cell *c = &g->cell[slot / MONTH_DAYS_A_WEEK][slot % MONTH_DAYS_A_WEEK];
		c->date = first + day - 1;
		c->day = day;
		c->kind = calendar_day(cal, c->date, NULL);
		c->provisional = g->provisional && c->kind == DAY_HOLIDAY;
		c->quiet = inspection_quiet_day(c->date, p);
		c->today = c->date == today;
		c->inspections = counts ? counts[day - 1] : 0;
	}
	g->weeks = (lead + days + MONTH_DAYS_A_WEEK - 1) / MONTH_DAYS_A_WEEK;
}

const char *month_cell_mark(const month_cell *c)
{
	if (c->kind == DAY_HOLIDAY)
		/* TRANSLATORS: the mark of a provisional rest day (暂定), as wide as "off" */
		return c->provisional ? _("off?") : _("off");
	return c->kind == DAY_MAKEUP_WORKDAY ? _("work") : "";
}

int month_mark_width(void)
{
	static const char *const marks[] = { N_("off"), N_("off?"), N_("work") };
	int w = 0;
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (text_width(_(marks[i])) > w)
			w = text_width(_(marks[i]));
	return w;
}

bool month_parse(const char *s, int *year, int *month)
{
	for (int i = 0; i < 7; i++)
		if (i == 4 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	if (s[7] != '\0')
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1900 || m < 1 || m > 12)
		return false;
	*year = y;
	*month = m;
	return true;
}

void month_shift(int *year, int *month, int delta)
{
	/* stay inside the years a qdate can be parsed from, 1900 to 9999 */
	long idx = (long)*year * 12 + (*month - 1) + delta;
	if (idx < 1900L * 12)
		idx = 1900L * 12;
	if (idx > 9999L * 12 + 11)
		idx = 9999L * 12 + 11;
	*year = (int)(idx / 12);
	*month = (int)(idx % 12) + 1;
}
