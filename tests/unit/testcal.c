/* The unit tests' working-day calendar and date literals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/paths.h"
#include "core/strbuf.h"
#include "policy/policy.h"
#include "testcal.h"

calendar *testcal_load(void)
{
	char *dir = paths_data_file("holidays");
	strbuf err = STRBUF_INIT;
	calendar *cal = policy_calendar_load(dir, &err);
	if (!cal)
		fprintf(stderr, "%s\n", sb_str(&err));
	sb_free(&err);
	free(dir);
	return cal;
}

qdate testcal_day(const char *s)
{
	qdate d = 0;
	if (!date_parse(s, &d))
		fail_msg("bad date in test table: %s", s);
	return d;
}

qdate testcal_day_opt(const char *s)
{
	return s ? testcal_day(s) : DATE_NONE;
}
