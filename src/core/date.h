/* Calendar dates as a day number (days since 1970-01-01, proleptic Gregorian), so
 * that date arithmetic is integer arithmetic. Pure; no time zones involved. */
#ifndef QIFU_DATE_H
#define QIFU_DATE_H
#include <stdbool.h>
#include <stdint.h>

typedef int32_t qdate;
#define DATE_NONE INT32_MIN

/* days in month m (1..12) of year y */
int date_days_in_month(int y, int m);
/* day number of y-m-d; the caller has checked the date is real */
qdate date_from_ymd(int y, int m, int d);
void date_to_ymd(qdate d, int *y, int *m, int *day);
/* the year of d */
int date_year(qdate d);
/* 1 = Monday … 7 = Sunday */
int date_weekday(qdate d);
/* Saturday or Sunday */
bool date_is_weekend(qdate d);
/* d's weekday as an untranslated msgid ("Mon" … "Sun"); the caller translates it */
const char *date_weekday_name(qdate d);
/* strict YYYY-MM-DD, a real calendar date in 1900..9999; false otherwise */
bool date_parse(const char *s, qdate *out);
/* YYYY-MM-DD into buf (at least 11 bytes); returns buf */
char *date_format(qdate d, char *buf);
/* today's date from the system clock, local time */
qdate date_system_today(void);

#endif
