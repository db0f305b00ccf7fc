/* Typed dates for the Calendar's jump prompt: every accepted spelling (ASCII,
 * full-width, 年月日, compact), months alone, and each kind of mistake with the
 * numbers the message names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/datein.h"

typedef struct datein_case {
	const char *in;
	datein_status want;
	int y, m, d;     /* the numbers read */
	int oy, om, od;  /* the date for DATEIN_DAY and DATEIN_MONTH */
} datein_case;

static const datein_case cases[] = {
	{ "2026-02-14", DATEIN_DAY, 2026, 2, 14, 2026, 2, 14 },
	{ "2026/2/14", DATEIN_DAY, 2026, 2, 14, 2026, 2, 14 },
	{ "2026.10.1", DATEIN_DAY, 2026, 10, 1, 2026, 10, 1 },
	{ "20261001", DATEIN_DAY, 2026, 10, 1, 2026, 10, 1 },
	{ "2026年2月14日", DATEIN_DAY, 2026, 2, 14, 2026, 2, 14 },
	{ "２０２６－０２－１４", DATEIN_DAY, 2026, 2, 14, 2026, 2, 14 },
	{ "２０２６年１０月８日", DATEIN_DAY, 2026, 10, 8, 2026, 10, 8 },
	{ "  2024-02-29\u3000", DATEIN_DAY, 2024, 2, 29, 2024, 2, 29 },
	{ "2026-02", DATEIN_MONTH, 2026, 2, 0, 2026, 2, 1 },
	{ "2026年10月", DATEIN_MONTH, 2026, 10, 0, 2026, 10, 1 },
	{ "202610", DATEIN_MONTH, 2026, 10, 0, 2026, 10, 1 },
	{ "", DATEIN_EMPTY, 0, 0, 0, 0, 0, 0 },
	{ "\u3000 ", DATEIN_EMPTY, 0, 0, 0, 0, 0, 0 },
	{ "tomorrow", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "2026", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "26-02-14", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "2026-02-14-1", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "2026--14", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "2026-02-140", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "2026-02 14", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "2026-02-14日日", DATEIN_SHAPE, 0, 0, 0, 0, 0, 0 },
	{ "2026-02-30", DATEIN_BAD_DAY, 2026, 2, 30, 0, 0, 0 },
	{ "2025-02-29", DATEIN_BAD_DAY, 2025, 2, 29, 0, 0, 0 },
	{ "2026-04-00", DATEIN_BAD_DAY, 2026, 4, 0, 0, 0, 0 },
	{ "2026-13-01", DATEIN_BAD_MONTH, 2026, 13, 1, 0, 0, 0 },
	{ "2026-00", DATEIN_BAD_MONTH, 2026, 0, 0, 0, 0, 0 },
	{ "1899-12-31", DATEIN_BAD_YEAR, 1899, 12, 31, 0, 0, 0 },
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const datein_case *c = &cases[i];
		qdate got = DATE_NONE;
		int y, m, d;
		datein_status st = datein_parse(c->in, &got, &y, &m, &d);
		if (st != c->want)
			fail_msg("'%s': status %d, want %d", c->in, (int)st, (int)c->want);
		if (c->want == DATEIN_SHAPE || c->want == DATEIN_EMPTY)
			continue;
		assert_int_equal(y, c->y);
		assert_int_equal(m, c->m);
		assert_int_equal(d, c->d);
		if (c->want == DATEIN_DAY || c->want == DATEIN_MONTH)
			assert_int_equal(got, date_from_ymd(c->oy, c->om, c->od));
		else
			assert_int_equal(got, DATE_NONE);
	}
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	qdate got = DATE_NONE;
	int y, m, d;
	assert_int_equal(datein_parse("2026-02-1\xff", &got, &y, &m, &d), DATEIN_SHAPE);
	assert_int_equal(datein_parse(NULL, &got, &y, &m, &d), DATEIN_EMPTY);
	assert_int_equal(got, DATE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_invalid_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
