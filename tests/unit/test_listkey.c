/* How a long list's window is read (ui/list_keyset.c): by key from the loaded row
 * next to it (below it going down, above it going up), from either end, by offset
 * only for a jump; how a list is counted (from its first window while a search is
 * typed) and when a capped count is made whole. */
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

static void test_count_plan(void **state)
{
	(void)state;
	static const struct {
		bool can_cap, typing;
		long top;
		int page;
		lk_count_how how;
	} t[] = {
		{ false, false, 0, 20, LK_COUNT_WHOLE },   /* a source that cannot stop */
		{ false, true, 0, 20, LK_COUNT_WHOLE },
		{ true, false, 0, 20, LK_COUNT_CAPPED },   /* the list, no search typed */
		{ true, true, 0, 20, LK_COUNT_WINDOW },    /* a key of a search */
		{ true, true, 40, 20, LK_COUNT_CAPPED },   /* scrolled: no first window */
		{ true, true, 0, 0, LK_COUNT_CAPPED },     /* no room for a row */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (lk_count_plan(t[i].can_cap, t[i].typing, t[i].top, t[i].page) != t[i].how)
			fail_msg("row %zu: %d, want %d", i,
			         lk_count_plan(t[i].can_cap, t[i].typing, t[i].top, t[i].page), t[i].how);
}

static void test_window_count(void **state)
{
	(void)state;
	static const struct {
		int read, page;
		long count;
		bool more;
	} t[] = {
		{ 0, 19, 0, false },    /* nothing matches */
		{ 7, 19, 7, false },    /* fewer than a page: the exact count */
		{ 19, 19, 19, false },  /* exactly a page */
		{ 20, 19, 19, true },   /* the row more: "19+" */
		{ 1, 1, 1, false },
		{ 2, 1, 1, true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		long count = -5;
		bool more = !t[i].more;
		lk_window_count(t[i].read, t[i].page, &count, &more);
		if (count != t[i].count || more != t[i].more)
			fail_msg("row %zu: %ld%s, want %ld%s", i, count, more ? "+" : "", t[i].count,
			         t[i].more ? "+" : "");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_read),
		cmocka_unit_test(test_count_all),
		cmocka_unit_test(test_count_plan),
		cmocka_unit_test(test_window_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
