/* What db_open reads and refuses, and how a lock wait ends (store/db.c): an empty
 * file, a file that is not SQLite and another program's SQLite database are refused
 * for reading with their own codes and left byte for byte as they were, while the
 * creating mode may start a database in an empty file; a write that meets another
 * connection's lock gives up after the wait allowed, reporting the wait it made. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/db.h"

static char dir[] = "/tmp/qifu-test-dbopen-XXXXXX";

static char *in_dir(const char *name)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* the whole file, to compare before and after */
static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 16);
	*n = fread(buf, 1, 1 << 16, f);
	fclose(f);
	return buf;
}

static void test_refused_unwritten(void **state)
{
	(void)state;
	sqlite3 *h;
	assert_int_equal(sqlite3_open(in_dir("other.db"), &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE customer (id INTEGER);"
	                              "CREATE TABLE staff (id INTEGER);", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(h);
	write_file(in_dir("empty.db"), "", 0);
	write_file(in_dir("list.csv"), "name,uscc\n华勤,914403001922038216\n", 37);
	static const struct { const char *file; store_code code; int64_t tables; } t[] = {
		{ "empty.db", STORE_E_EMPTY_FILE, 0 },
		{ "list.csv", STORE_E_NOT_SQLITE, 0 },
		/* a table named like one of qifu's is not qifu's schema */
		{ "other.db", STORE_E_NOT_QIFU, 2 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t n0, n1;
		char *before = slurp(in_dir(t[i].file), &n0);
		store_err e;
		assert_null(db_open(in_dir(t[i].file), DB_OPEN_EXISTING, &e));
		if (e.code != t[i].code)
			fail_msg("%s: code %d, want %d", t[i].file, e.code, t[i].code);
		assert_string_equal(e.path, in_dir(t[i].file));
		assert_int_equal(e.num[0], t[i].tables);
		char *after = slurp(in_dir(t[i].file), &n1);
		assert_int_equal(n0, n1);
		assert_memory_equal(before, after, n0);
		free(before);
		free(after);
		char journal[4200];
		snprintf(journal, sizeof journal, "%s-journal", in_dir(t[i].file));
		assert_int_not_equal(access(journal, F_OK), 0);
	}
	/* the creating mode may use the empty file, and then it reads as qifu's */
	store_err e;
	db *d = db_open(in_dir("empty.db"), DB_OPEN_CREATE, &e);
	assert_non_null(d);
	db_close(&d);
	d = db_open(in_dir("empty.db"), DB_OPEN_EXISTING, &e);
	assert_non_null(d);
	db_close(&d);
}

static void test_busy_wait(void **state)
{
	(void)state;
	store_err e;
	db *a = db_open(in_dir("busy.db"), DB_OPEN_CREATE, &e);
	assert_non_null(a);
	db *b = db_open_wait(in_dir("busy.db"), DB_OPEN_EXISTING, 150, &e);
	assert_non_null(b);
	assert_int_equal(db_busy_gave_up(), -1);
	assert_int_equal(db_begin(a, &e), 0);
	assert_int_equal(db_begin(b, &e), -1);
	assert_int_equal(e.code, STORE_E_LOCKED);
	/* the wait reported is the one made: at least what was allowed */
	assert_true(e.num[0] >= 150);
	assert_int_equal(e.num[1], 150);
	assert_true(db_busy_gave_up() >= 150);
	db_rollback(a);
	assert_int_equal(db_begin(b, &e), 0);
	db_rollback(b);
	db_close(&a);
	db_close(&b);
}

/* the page cache narrowed for a walk and given back: each call returns the size
 * before it, in PRAGMA cache_size's terms (8 MB on open) */
static void test_cache_size(void **state)
{
	(void)state;
	store_err e;
	db *d = db_open(in_dir("cache.db"), DB_OPEN_CREATE, &e);
	assert_non_null(d);
	int was = db_cache_size(d, -1024);
	assert_int_equal(was, -8192);
	assert_int_equal(db_cache_size(d, was), -1024);
	assert_int_equal(db_cache_size(d, was), -8192);
	/* 0 changes nothing: what a size that could not be read gives back */
	assert_int_equal(db_cache_size(d, 0), 0);
	assert_int_equal(db_cache_size(d, -8192), -8192);
	db_close(&d);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused_unwritten),
		cmocka_unit_test(test_busy_wait),
		cmocka_unit_test(test_cache_size),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return rc;
}
