/* The Appeals list read by key (appeal_store_window_from) is the list read by
 * offset (appeal_store_window), page by page, forwards from the first row and
 * backwards from the last, in every order both ways, over appeals with and without
 * a deadline and a lead unit, with ties, and within a unit's view (its terms read
 * in the list's order). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "core/date.h"
#include "store/appeal_store.h"
#include "store/db.h"
#include "store/db_internal.h"

/* 40 appeals over three enterprises: every third without a deadline, every fourth
 * without a lead unit, deadlines over seven days (ties), four states */
static const char fixture_sql[] =
	"INSERT INTO staff (id, login, name, unit, role, created_at)"
	"  VALUES (1, 'fd', '王芳', '区企服中心', 'frontdesk', '2026-03-01 09:00:00');"
	"INSERT INTO enterprise (id, name, uscc, area, category, lead_unit, sort_key,"
	"  created_at, updated_at) VALUES"
	"  (1, '华勤技术', '914403001922038216', '昌东镇', 'industry', '区科经局', 'hua qin',"
	"   '2026-03-01', '2026-03-01'),"
	"  (2, '阿里', '914403001922038224', '昌东镇', 'industry', '区科经局', 'a li',"
	"   '2026-03-01', '2026-03-01'),"
	"  (3, '中兴', '914403001922038232', '昌东镇', 'industry', '区科经局', 'zhong xing',"
	"   '2026-03-01', '2026-03-01');"
	"WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 40)"
	" INSERT INTO appeal (id, number, year, seq, enterprise_id, title, kind, channel, state,"
	"  first_unit, first_person, lead_unit, next_due, created_at, updated_at)"
	" SELECT n, printf('2026-%06d', n), 2026, n, 1 + n % 3, 'title', 'simple', 'phone',"
	"  CASE n % 4 WHEN 0 THEN 'submitted' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'closed'"
	"   ELSE 'answered' END,"
	"  CASE WHEN n % 5 = 0 THEN '区科经局' ELSE '区企服中心' END, 1,"
	"  CASE n % 4 WHEN 0 THEN NULL WHEN 1 THEN '区科经局' WHEN 2 THEN '区投促局'"
	"   ELSE '区建管局' END,"
	"  CASE WHEN n % 3 = 0 THEN NULL ELSE printf('2026-03-%02d', 10 + n % 7) END,"
	"  '2026-03-02 09:00:00', '2026-03-02 09:00:00' FROM i;"
	"INSERT INTO appeal_related (appeal_id, unit) VALUES (7, '区科经局'), (8, '区科经局');";

enum { ALL = 100, PAGE = 4 };

/* the ids of rows[0, n), cleared */
static void take(appeal_row *rows, int n, int64_t *ids)
{
	for (int i = 0; i < n; i++) {
		ids[i] = rows[i].id;
		appeal_row_clear(&rows[i]);
	}
}

static void check_order(db *d, const appeal_filter *f, appeal_sort sort, bool desc)
{
	store_err se = { 0 };
	appeal_row rows[ALL];
	int64_t want[ALL], got[ALL];
	int n = 0;
	assert_int_equal(appeal_store_window(d, f, sort, desc, 0, ALL, rows, &n, &se), 0);
	assert_true(n > PAGE);
	take(rows, n, want);

	/* forwards from the first row, a page at a time from the last row read */
	int have = 0, k = 0;
	int64_t from = 0;
	do {
		assert_int_equal(appeal_store_window_from(d, f, sort, desc, from, false, PAGE, rows,
		                                          &k, &se), 0);
		assert_true(have + k <= n);
		take(rows, k, got + have);
		have += k;
		from = have ? got[have - 1] : 0;
	} while (k == PAGE);
	for (int i = 0; i < n; i++)
		if (have != n || got[i] != want[i])
			fail_msg("sort %d desc %d forwards: row %d is %lld of %d, want %lld of %d", sort,
			         desc, i, (long long)got[i], have, (long long)want[i], n);

	/* backwards from the last row */
	have = 0;
	from = 0;
	do {
		assert_int_equal(appeal_store_window_from(d, f, sort, desc, from, true, PAGE, rows,
		                                          &k, &se), 0);
		assert_true(have + k <= n);
		/* a page before the rows read so far, in list order */
		memmove(got + k, got, (size_t)have * sizeof *got);
		take(rows, k, got);
		have += k;
		from = got[0];
	} while (k == PAGE);
	for (int i = 0; i < n; i++)
		if (have != n || got[i] != want[i])
			fail_msg("sort %d desc %d backwards: row %d is %lld of %d, want %lld of %d", sort,
			         desc, i, (long long)got[i], have, (long long)want[i], n);
}

/* the number order of f, read a page at a time by key, is the ids where says in
 * the order of the table */
static void check_plain(db *d, const char *path, const appeal_filter *f, const char *where,
		bool desc)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT id FROM appeal WHERE %s ORDER BY id%s", where,
	         desc ? " DESC" : "");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	int64_t want[ALL];
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < ALL)
		want[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_true(n > PAGE);

	store_err se = { 0 };
	appeal_row rows[PAGE];
	int64_t got[ALL];
	int have = 0, k = 0;
	int64_t from = 0;
	do {
		assert_int_equal(appeal_store_window_from(d, f, APPEAL_SORT_NUMBER, desc, from, false,
		                                          PAGE, rows, &k, &se), 0);
		assert_true(have + k <= n);
		take(rows, k, got + have);
		have += k;
		from = have ? got[have - 1] : 0;
	} while (k == PAGE);
	assert_int_equal(have, n);
	for (int i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("%s desc %d: row %d is %lld, want %lld", where, desc, i,
			         (long long)got[i], (long long)want[i]);
}

static void test_by_key(void **state)
{
	(void)state;
	char dir[] = "/tmp/qifu-akey-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	store_err se = { 0 };
	db *d = db_open(path, DB_OPEN_CREATE, &se);
	assert_non_null(d);
	db_close(&d);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(h, fixture_sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("fixture: %s", msg);
	sqlite3_close(h);
	d = db_open(path, DB_OPEN_EXISTING, &se);
	assert_non_null(d);

	/* the register's search text as the store keeps it, and 70 enterprises more whose
	 * names hold 华 and who have no appeal: a search for 华 then names more
	 * enterprises than the store writes into a statement as numbers, 华勤 one */
	if (db_exec(d, "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 70)"
	               " INSERT INTO enterprise (id, name, uscc, area, category, lead_unit, sort_key,"
	               "  created_at, updated_at)"
	               " SELECT 100 + n, '华新' || n, printf('9144030019%08d', n), '昌东镇',"
	               "  'industry', '区科经局', 'hua xin ' || n, '2026-03-01', '2026-03-01' FROM i;"
	               "UPDATE enterprise SET search_text = qifu_search_text(name);"
	               "INSERT INTO enterprise_fts (enterprise_fts) VALUES ('rebuild');", &se) < 0)
		fail_msg("search fixture: %s", se.detail);
	appeal_filter all = { 0 }, mine = { .unit = "区科经局" }, open = { 0 }, red = { 0 },
		closed = { 0 }, red_or_none = { 0 }, one = { .search = "华勤" },
		many = { .search = "华" }, mine_one = { .unit = "区科经局", .search = "华勤" };
	open.states = appeal_state_bit(TICKET_ST_SUBMITTED) | appeal_state_bit(TICKET_ST_IN_PROGRESS);
	/* the number order of a light or of open states is read through their index
	 * (+a.id), of closed appeals or of no deadline by the rowid */
	closed.states = appeal_state_bit(TICKET_ST_CLOSED);
	red.lights = appeal_light_bit(TICKET_LIGHT_RED);
	red_or_none.lights = red.lights | appeal_light_bit(TICKET_LIGHT_NONE);
	appeal_filter *dated[] = { &red, &red_or_none };
	for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++) {
		dated[i]->today = date_from_ymd(2026, 3, 13);
		dated[i]->yellow_last = date_from_ymd(2026, 3, 14);
	}
	const appeal_filter *filters[] = { &all, &mine, &open, &closed, &red, &red_or_none, &one,
	                                   &many, &mine_one };
	for (size_t fi = 0; fi < sizeof filters / sizeof filters[0]; fi++)
		for (int s = 0; s < APPEAL_SORT__COUNT; s++)
			for (int desc = 0; desc < 2; desc++)
				check_order(d, filters[fi], (appeal_sort)s, desc);

	/* and the number order is the table's: ids by the fixture's own rules */
	const struct {
		const appeal_filter *f;
		const char *where;
	} plain[] = {
		{ &open, "state IN ('submitted', 'in_progress')" },
		{ &closed, "state = 'closed'" },
		{ &red, "next_due < '2026-03-13'" },
		{ &red_or_none, "next_due < '2026-03-13' OR next_due IS NULL" },
		/* an enterprise search: its few enterprises as numbers, its many tested */
		{ &one, "enterprise_id = 1" },
		{ &many, "enterprise_id = 1" },
	};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		for (int desc = 0; desc < 2; desc++)
			check_plain(d, path, plain[i].f, plain[i].where, desc);

	/* counted alike both ways: the fixture gives enterprise 1 every third appeal */
	long n_one = 0, n_many = 0;
	assert_int_equal(appeal_store_count_upto(d, &one, 1000, &n_one, &se), 0);
	assert_int_equal(appeal_store_count_upto(d, &many, 1000, &n_many, &se), 0);
	assert_int_equal(n_one, 13);
	assert_int_equal(n_many, 13);

	/* a row that is gone cannot be read from: by offset then */
	appeal_row rows[PAGE];
	int k = 0;
	assert_int_equal(appeal_store_window_from(d, &all, APPEAL_SORT_DUE, false, 999, false, PAGE,
	                                          rows, &k, &se), 1);
	assert_int_equal(k, 0);

	db_close(&d);
	db_unlink(path);
	char journal[80];
	snprintf(journal, sizeof journal, "%s-journal", path);
	unlink(journal);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
