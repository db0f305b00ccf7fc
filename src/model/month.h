/* The month grid that the Calendar pane and `qifu calendar` both draw: weeks from
 * Monday to Sunday, each cell with its date, kind of day (holiday 休, make-up working
 * day 班), quiet-day flag, today flag and number of inspections. Pure. */
#ifndef QIFU_MONTH_H
#define QIFU_MONTH_H
#include <stdbool.h>

#include "core/date.h"
#include "core/workday.h"
#include "model/inspection.h"

enum { MONTH_WEEKS_MAX = 6, MONTH_DAYS_A_WEEK = 7 };

typedef struct month_cell {
	qdate date;          /* DATE_NONE for a cell before the 1st or after the last day */
	int day;             /* day of the month, 0 for an empty cell */
	day_kind kind;
	bool quiet;          /* inside the quiet window */
	bool today;
	bool provisional;    /* a rest day of the statutory table: no notice yet (暂定) */
	int inspections;
} month_cell;

typedef struct month_grid {
	int year, month;
	int weeks;           /* rows in use: 4 to 6 */
	bool has_holidays;   /* a notice or the statutory table covers the year */
	bool provisional;    /* the year has no notice yet: its rest days are provisional */
	month_cell cell[MONTH_WEEKS_MAX][MONTH_DAYS_A_WEEK];
} month_grid;

/* fill g for year-month (1..12); counts[day - 1] (NULL: none) are the day's inspections */
void month_build(month_grid *g, int year, int month, const calendar *cal,
		 const inspection_params *p, qdate today, const int *counts);
/* the cell's day mark, translated: "off" (休) a rest day, "off?" (暂) a provisional
 * one, "work" (班) a make-up working day, "" any other day */
const char *month_cell_mark(const month_cell *c);
/* the widest of the translated day marks, in columns */
int month_mark_width(void);
/* strict YYYY-MM with a year in 1900..9999 */
bool month_parse(const char *s, int *year, int *month);
/* move *year-*month by delta months (PgUp/PgDn) */
void month_shift(int *year, int *month, int delta);

#endif
