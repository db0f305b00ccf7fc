/* SQLite's page cache in a region of huge pages (store/pagecache.h): the plan for
 * every setting of the kernel and odd sizes, and that a real connection reads its
 * pages into the region exactly when the plan says so. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "store/db_internal.h"
#include "store/pagecache.h"
#include "testdb.h"

#define MIB ((size_t)1 << 20)

static void test_plan(void **state)
{
	(void)state;
	static const struct {
		const char *thp;
		int page, hdr, kib;
		bool yes;
		size_t slot;
		int slots;
		size_t bytes;
	} cases[] = {
		/* the kernel's three settings, as the file shows them */
		{ "always [madvise] never\n", 4096, 136, 8192, true, 4232, 1982, 8 * MIB },
		{ "[always] madvise never\n", 4096, 136, 8192, true, 4232, 1982, 8 * MIB },
		{ "always madvise [never]\n", 4096, 136, 8192, false, 0, 0, 0 },
		/* no such file (a kernel without huge pages), or one not understood */
		{ NULL, 4096, 136, 8192, false, 0, 0, 0 },
		{ "", 4096, 136, 8192, false, 0, 0, 0 },
		{ "madvise", 4096, 136, 8192, false, 0, 0, 0 },
		/* the header rounds the slot up to 8 bytes */
		{ "[madvise]", 4096, 133, 8192, true, 4232, 1982, 8 * MIB },
		{ "[madvise]", 4096, 0, 8192, true, 4096, 2048, 8 * MIB },
		/* the region is whole huge pages: up from a cache between two */
		{ "[madvise]", 4096, 136, 2049, true, 4232, 991, 4 * MIB },
		{ "[madvise]", 4096, 136, 1, true, 4232, 495, 2 * MIB },
		{ "[madvise]", 65536, 136, 8192, true, 65672, 127, 8 * MIB },
		/* nonsense sizes */
		{ "[madvise]", 0, 136, 8192, false, 0, 0, 0 },
		{ "[madvise]", 4096, -1, 8192, false, 0, 0, 0 },
		{ "[madvise]", 4096, 136, 0, false, 0, 0, 0 },
		{ "[madvise]", 4096, 136, -8192, false, 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pagecache_plan p = { 1, 1, 1 };
		bool yes = pagecache_plan_for(cases[i].thp, cases[i].page, cases[i].hdr,
		                              cases[i].kib, &p);
		if (yes != cases[i].yes || p.slot != cases[i].slot || p.slots != cases[i].slots ||
		    p.bytes != cases[i].bytes)
			fail_msg("case %zu (%s, %d, %d, %d): %d %zu %d %zu", i,
			         cases[i].thp ? cases[i].thp : "NULL", cases[i].page, cases[i].hdr,
			         cases[i].kib, yes, p.slot, p.slots, p.bytes);
		if (yes)
			assert_true((size_t)p.slots * p.slot <= p.bytes);
	}
}

/* the kernel's setting on this machine, as db_open reads it */
static bool huge_here(void)
{
	char buf[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	pagecache_plan p;
	return pagecache_plan_for(n ? buf : NULL, 4096, 0, 8192, &p);
}

/* the first connection of the process sets the region up; pages read afterwards are
 * in it when the kernel gives huge pages, and malloc'd when not */
static void test_connection(void **state)
{
	(void)state;
	testdb t;
	assert_int_equal(testdb_open(&t, "pagecache", "2026-12-07"), 0);
	store_err se = { 0 };
	assert_int_equal(db_exec(t.d, "SELECT count(*) FROM enterprise", &se), 0);
	sqlite3_int64 used = 0, top = 0, spill = 0, spill_top = 0;
	assert_int_equal(sqlite3_status64(SQLITE_STATUS_PAGECACHE_USED, &used, &top, 0),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_status64(SQLITE_STATUS_PAGECACHE_OVERFLOW, &spill, &spill_top, 0),
	                 SQLITE_OK);
	if (huge_here()) {
		assert_true(used > 0);
		assert_int_equal(spill_top, 0);
	} else {
		assert_int_equal(top, 0);
		assert_true(spill_top > 0);
	}
	assert_int_equal(testdb_close(&t), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_connection),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
