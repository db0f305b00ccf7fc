/* The import's progress line on a terminal: the bar, the share, the rows, their
 * rate and the time left, from what was read in how long. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cli/progress.h"

static void test_clock(void **state)
{
	(void)state;
	static const struct {
		double s;
		const char *want;
	} t[] = {
		{ 0, "0:00" }, { 0.4, "0:00" }, { 0.6, "0:01" }, { 59, "0:59" }, { 61, "1:01" },
		{ 3599, "59:59" }, { 3600, "1:00:00" }, { 3725, "1:02:05" }, { -5, "0:00" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf b = STRBUF_INIT;
		progress_clock(&b, t[i].s);
		assert_string_equal(sb_str(&b), t[i].want);
		sb_free(&b);
	}
}

static void test_line(void **state)
{
	(void)state;
	static const struct {
		long rows;
		double done, total, elapsed;
		const char *want;
	} t[] = {
		/* at the start: no rate, no time left yet */
		{ 0, 0, 1000, 0, "importing [....................]   0%  0 rows  -- rows/s  -- left" },
		{ 1000, 100, 1000, 0.05, "importing [##..................]  10%  1000 rows  -- rows/s  -- left" },
		/* a quarter in 2 s: 6 s left */
		{ 25000, 250, 1000, 2, "importing [#####...............]  25%  25000 rows  12500 rows/s  0:06 left" },
		{ 50000, 500, 1000, 1, "importing [##########..........]  50%  50000 rows  50000 rows/s  0:01 left" },
		{ 100000, 1000, 1000, 2.5, "importing [####################] 100%  100000 rows  40000 rows/s  0:00 left" },
		/* more read than the size said (the file grew): never past the end */
		{ 10, 2000, 1000, 1, "importing [####################] 100%  10 rows  10 rows/s  0:00 left" },
		/* an hour to go */
		{ 1000, 1, 3601, 1, "importing [....................]   0%  1000 rows  1000 rows/s  1:00:00 left" },
		/* no size known: done at once */
		{ 5, 10, 0, 1, "importing [####################] 100%  5 rows  5 rows/s  0:00 left" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf b = STRBUF_INIT;
		progress_line(&b, "importing", t[i].rows, t[i].done, t[i].total, t[i].elapsed);
		assert_string_equal(sb_str(&b), t[i].want);
		sb_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
