/* The working-day calendar: weekends, the State Council's holidays and make-up
 * working days (one notice per year), and for a year without a notice the statutory
 * rest days of the law, marked provisional. Counting follows DOMAIN §3 (民法典 201): the
 * starting day is not counted, and from a rest day the first working day is day 1.
 * Pure: the holiday files are read by policy/holidays.c. */
#ifndef QIFU_WORKDAY_H
#define QIFU_WORKDAY_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"

typedef struct calendar calendar;

typedef enum day_kind {
	DAY_WORKDAY,        /* an ordinary Monday–Friday */
	DAY_WEEKEND,        /* Saturday or Sunday, no notice entry */
	DAY_HOLIDAY,        /* a rest day of the notice (or of the statutory table) */
	DAY_MAKEUP_WORKDAY, /* a weekend day the notice makes a working day (调休上班) */
} day_kind;

/* where a year's rest days come from */
typedef enum cal_source {
	CAL_SOURCE_NONE,        /* nothing: weekends only */
	CAL_SOURCE_NOTICE,      /* the State Council's notice for the year */
	CAL_SOURCE_PROVISIONAL, /* no notice yet: the statutory days of the law (暂定) */
} cal_source;

/* one day a notice names */
typedef struct holiday_entry {
	qdate day;
	day_kind kind;          /* DAY_HOLIDAY or DAY_MAKEUP_WORKDAY */
	char *name;
} holiday_entry;

/* one year's notice as its file lists it (or the statutory days of a year) */
typedef struct holiday_year {
	int year;
	char *notice;           /* the 'notice:' line, or NULL */
	holiday_entry *days;    /* in date order */
	int n;
} holiday_year;

/* free what hy owns and zero it */
void holiday_year_clear(holiday_year *hy);
void holiday_years_free(holiday_year *hy, int n);

/* a calendar of the notices, and of the statutory years for every year without one */
calendar *calendar_build(const holiday_year *notices, int nn, const holiday_year *statutory,
		int ns);
/* a calendar that knows no holidays (weekends only); for tests and fallbacks */
calendar *calendar_new_empty(void);
void calendar_free(calendar **cal);

/* kind of day d; *name (may be NULL) gets the holiday's name for the two notice kinds */
day_kind calendar_day(const calendar *cal, qdate d, const char **name);
bool calendar_is_workday(const calendar *cal, qdate d);
/* where year y's rest days come from */
cal_source calendar_source(const calendar *cal, int y);
/* whether d's year is counted with the provisional statutory days */
bool calendar_day_provisional(const calendar *cal, qdate d);
/* whether a notice or the statutory table covers year y */
bool calendar_has_year(const calendar *cal, int y);
/* the notice that year y's file names ("国办发明电〔2025〕7号 …"), or NULL */
const char *calendar_notice(const calendar *cal, int y);
/* the date n (>= 0) working days after d; 0 gives d itself */
qdate calendar_add(const calendar *cal, qdate d, int n);
/* working days after from up to and including to; negative when to < from */
int calendar_between(const calendar *cal, qdate from, qdate to);
/* first year in [from, to] with neither a notice nor statutory days, or 0 */
int calendar_missing_year(const calendar *cal, qdate from, qdate to);
/* whether next year's notice is due and not in: from 1 December of today's year, when
 * the next year has no notice (administrators are reminded to import it) */
bool calendar_notice_due(const calendar *cal, qdate today);
/* whether a provisional rest day lies in (from, to]: a deadline counted across it */
bool calendar_span_provisional(const calendar *cal, qdate from, qdate to);
/* first year in [from, to] counted with provisional statutory days, or 0 */
int calendar_provisional_year(const calendar *cal, qdate from, qdate to);
/* the days of year y whose kind or name differ between a and b, into out (at most
 * 366); returns how many */
int calendar_year_diff(const calendar *a, const calendar *b, int y, qdate out[366]);

#endif
