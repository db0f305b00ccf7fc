/* Shared by the unit tests: the real holiday files for those that count working days,
 * and the one way every test reads its date literals (a mistyped one fails the test). */
#ifndef QIFU_TESTCAL_H
#define QIFU_TESTCAL_H
#include "core/date.h"
#include "core/workday.h"

/* the calendar of data/holidays; NULL with the reason on stderr */
calendar *testcal_load(void);
/* YYYY-MM-DD as a day number; a malformed literal fails the running test */
qdate testcal_day(const char *s);
/* the same, NULL as DATE_NONE (a table's day left out) */
qdate testcal_day_opt(const char *s);

#endif
