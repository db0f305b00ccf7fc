/* The working-day calendar: weekends, the State Council's holidays and make-up
 * working days, one data file per year. Counting follows DOMAIN §3 (民法典 201): the
 * starting day is not counted, and from a rest day the first working day is day 1.
 * Everything but calendar_load is pure. */
#ifndef QIFU_WORKDAY_H
#define QIFU_WORKDAY_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"

typedef struct calendar calendar;

typedef enum day_kind {
	DAY_WORKDAY,        /* an ordinary Monday–Friday */
	DAY_WEEKEND,        /* Saturday or Sunday, no notice entry */
	DAY_HOLIDAY,        /* a rest day of the notice */
	DAY_MAKEUP_WORKDAY, /* a weekend day the notice makes a working day (调休上班) */
} day_kind;

/* load every YYYY.txt under dir; NULL with a message naming file:line in err */
calendar *calendar_load(const char *dir, strbuf *err);
/* a calendar that knows no holidays (weekends only); for tests and fallbacks */
calendar *calendar_new_empty(void);
void calendar_free(calendar **cal);

/* kind of day d; *name (may be NULL) gets the holiday's name for the two notice kinds */
day_kind calendar_day(const calendar *cal, qdate d, const char **name);
bool calendar_is_workday(const calendar *cal, qdate d);
/* whether a holiday file covers year y */
bool calendar_has_year(const calendar *cal, int y);
/* the notice that year y's file names ("国办发明电〔2025〕7号 …"), or NULL */
const char *calendar_notice(const calendar *cal, int y);
/* the date n (>= 0) working days after d; 0 gives d itself */
qdate calendar_add(const calendar *cal, qdate d, int n);
/* working days after from up to and including to; negative when to < from */
int calendar_between(const calendar *cal, qdate from, qdate to);
/* first year in [from, to] with no holiday file, or 0 when every year is covered */
int calendar_missing_year(const calendar *cal, qdate from, qdate to);

#endif
