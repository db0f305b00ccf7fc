/* How a long list's window is read (ui/list_keyset.c): by key from the loaded row
 * next to it (below it going down, above it going up), from either end, by offset
 * only for a jump; and when a capped count is made whole. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/list_keyset.h"

static void test_plan_read(void **state)
{
	(void)state;
	static const struct {
		long offset;
		int limit;
		long loaded;
		int nloaded;
		long total;
		bool more;
		lk_how how;
		long row;
		int want_limit;
	} t[] = {
		{ 0, 20, 0, 0, 100000, false, LK_FIRST, 0, 20 },        /* the first screen */
		{ 0, 20, 500, 20, 1000, true, LK_FIRST, 0, 20 },         /* Home */
		{ 1, 20, 0, 20, 100000, false, LK_AFTER, 0, 20 },        /* Down past the bottom */
		{ 20, 20, 0, 20, 100000, false, LK_AFTER, 19, 20 },      /* PgDn */
		{ 19, 20, 20, 20, 100000, false, LK_BEFORE, 39, 20 },    /* Up past the top */
		{ 0, 20, 20, 20, 100000, false, LK_FIRST, 0, 20 },       /* PgUp to the top */
		{ 80, 20, 100, 20, 100000, false, LK_BEFORE, 100, 20 },  /* PgUp */
		{ 99980, 20, 0, 20, 100000, false, LK_LAST, 0, 20 },     /* End */
		{ 99990, 20, 0, 20, 100000, false, LK_LAST, 0, 10 },     /* a short last page */
		{ 99980, 20, 0, 20, 1000, true, LK_OFFSET, 0, 20 },      /* no end known */
		{ 5000, 20, 0, 20, 100000, false, LK_OFFSET, 0, 20 },    /* a jump */
		{ 60, 20, 0, 20, 100000, false, LK_OFFSET, 0, 20 },      /* a gap of one page */
		{ 40, 20, 20, 20, 100000, false, LK_AFTER, 39, 20 },     /* the next page */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		lk_plan p = lk_plan_read(t[i].offset, t[i].limit, t[i].loaded, t[i].nloaded,
		                         t[i].total, t[i].more);
		if (p.how != t[i].how || (p.how == LK_AFTER || p.how == LK_BEFORE ? p.row != t[i].row : 0) ||
		    p.limit != t[i].want_limit)
			fail_msg("row %zu: how %d row %ld limit %d, want %d %ld %d", i, p.how, p.row,
			         p.limit, t[i].how, t[i].row, t[i].want_limit);
	}
}

static void test_count_all(void **state)
{
	(void)state;
	static const struct {
		bool more;
		long cursor, top, page, count;
		bool all;
	} t[] = {
		{ true, 0, 0, 20, 1000, false },
		{ true, 998, 979, 20, 1000, false },
		{ true, 999, 980, 20, 1000, true },     /* the last counted row */
		{ true, 990, 981, 20, 1000, true },     /* a page past it */
		{ false, 999, 980, 20, 1000, false },   /* counted whole already */
		{ true, 5000, 0, 20, 1000, true },      /* End */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(lk_count_all(t[i].more, t[i].cursor, t[i].top, t[i].page, t[i].count),
		                 t[i].all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_read),
		cmocka_unit_test(test_count_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
