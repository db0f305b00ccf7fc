/* Shared by the unit tests that count working days: the real holiday files and
 * date literals that fail the test when mistyped. */
#ifndef QIFU_TESTCAL_H
#define QIFU_TESTCAL_H
#include "core/date.h"
#include "core/workday.h"

/* the calendar of data/holidays; NULL with the reason on stderr */
calendar *testcal_load(void);
/* YYYY-MM-DD as a day number; a malformed literal fails the running test */
qdate testcal_day(const char *s);

#endif
