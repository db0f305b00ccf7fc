/* Reading a list by key (store/rows.h, rows_list_from) gives the rows that reading it
 * by offset gives: every order the stores use (one or several columns, ascending,
 * descending and mixed, expressions, NULLs first and last, ties on every column but
 * the last), forward and backward, from every row, and a chunk of 1 to 5 rows at a
 * time the way an export walks a list (issue 14). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/chunk.h"
#include "store/db_internal.h"
#include "store/access_store.h"
#include "store/coverage_store.h"
#include "store/rows.h"

#include "testdb.h"

enum { NROWS = 23, MAX_KEYS = 4 };

static testdb tdb;

static int setup(void **state)
{
	(void)state;
	if (testdb_open(&tdb, "rowskeyset", "2026-12-01") < 0)
		return -1;
	/* a text and a number, each with ties and NULLs, in an order unlike the ids */
	if (sqlite3_exec(db_handle(tdb.d),
	                 "CREATE TABLE kt (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, g INTEGER);",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	for (int i = 1; i <= NROWS; i++) {
		char sql[160];
		int a = (i * 7) % 5, b = (i * 5) % 4;
		snprintf(sql, sizeof sql, "INSERT INTO kt VALUES (%d, %s%c%s, %s%d, %d)", i,
		         a == 4 ? "NULL" : "'", a == 4 ? ' ' : (char)('p' + a), a == 4 ? "" : "'",
		         b == 3 ? "NULL + " : "", b, i % 2);
		if (sqlite3_exec(db_handle(tdb.d), sql, NULL, NULL, NULL) != SQLITE_OK)
			return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	testdb_close(&tdb);
	return 0;
}

static void id_row(sqlite3_stmt *st, void *rec)
{
	*(int64_t *)rec = sqlite3_column_int64(st, 0);
}

static const char cols_from[] = "k.id FROM kt k";

typedef struct order {
	int nk;
	rows_key k[MAX_KEYS];
} order;

static const order orders[] = {
	{ 1, { { "k.id", false, true, false } } },
	{ 1, { { "k.id", true, true, false } } },
	{ 2, { { "k.a", false, false, true }, { "k.id", false, true, false } } },
	{ 2, { { "k.a", true, false, true }, { "k.id", true, true, false } } },
	{ 3, { { "k.b", false, true, true }, { "k.a", true, false, true },
	       { "k.id", false, true, false } } },
	/* the warnings' and whistles' shapes: a flag, an expression that is NULL for
	 * some rows, mixed directions */
	{ 4, { { "k.b IS NOT NULL", false, true, false }, { "k.g", true, true, false },
	       { "k.a", false, false, true }, { "k.id", true, true, false } } },
	{ 3, { { "k.g", false, true, false },
	       { "CASE WHEN k.b IS NULL THEN k.a END", false, false, true },
	       { "k.id", true, true, false } } },
};

/* the list by offset, whole: the reference */
static int by_offset(const rows_where *w, const order *o, int64_t *ids)
{
	strbuf ob = STRBUF_INIT;
	for (int i = 0; i < o->nk; i++)
		sb_addf(&ob, "%s(%s)%s", i ? ", " : "", o->k[i].col, o->k[i].desc ? " DESC" : "");
	int n = 0;
	store_err se = { 0 };
	assert_int_equal(rows_list(tdb.d, cols_from, w, sb_str(&ob), 0, NROWS + 1, ids,
	                           sizeof *ids, id_row, &n, "test", &se), 0);
	sb_free(&ob);
	return n;
}

static void check_order(const order *o, const rows_where *w)
{
	int64_t all[NROWS + 1], got[NROWS + 1];
	int total = by_offset(w, o, all);
	store_err se = { 0 };
	int n;
	/* from each row (and from each end), both ways, as far as the list goes */
	for (int at = -1; at < total; at++) {
		int64_t from = at < 0 ? 0 : all[at];
		assert_int_equal(rows_list_from(tdb.d, cols_from, w, o->k, o->nk, "k.id", from, false,
		                                NROWS, got, sizeof *got, id_row, &n, "test", &se), 0);
		assert_int_equal(n, total - (at + 1));
		assert_memory_equal(got, all + (at + 1), sizeof *got * (size_t)n);
		int end = at < 0 ? total : at;
		assert_int_equal(rows_list_from(tdb.d, cols_from, w, o->k, o->nk, "k.id", from, true,
		                                NROWS, got, sizeof *got, id_row, &n, "test", &se), 0);
		assert_int_equal(n, end);
		assert_memory_equal(got, all, sizeof *got * (size_t)n);
	}
	/* in chunks, as an export reads it: the chunk after the last row of the one before */
	for (int chunk = 1; chunk <= 5; chunk++) {
		int seen = 0;
		int64_t last = 0;
		do {
			assert_int_equal(rows_list_from(tdb.d, cols_from, w, o->k, o->nk, "k.id", last,
			                                false, chunk, got, sizeof *got, id_row, &n,
			                                "test", &se), 0);
			assert_true(seen + n <= total);
			assert_memory_equal(got, all + seen, sizeof *got * (size_t)n);
			seen += n;
			if (n)
				last = got[n - 1];
		} while (n == chunk);
		assert_int_equal(seen, total);
		/* and backwards, a window before the first row of the one after */
		int left = total;
		last = 0;
		do {
			assert_int_equal(rows_list_from(tdb.d, cols_from, w, o->k, o->nk, "k.id", last,
			                                true, chunk, got, sizeof *got, id_row, &n, "test",
			                                &se), 0);
			assert_true(n <= left);
			assert_memory_equal(got, all + left - n, sizeof *got * (size_t)n);
			left -= n;
			if (n)
				last = got[0];
		} while (n == chunk);
		assert_int_equal(left, 0);
	}
}

static void test_keyed_as_offset(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++) {
		rows_where w;
		rows_where_init(&w);
		check_order(&orders[i], &w);
		/* with a filter bound before the key's values */
		rows_where_int(&w, "k.g = ?", 1);
		check_order(&orders[i], &w);
		rows_where_free(&w);
	}
}

/* a row that is gone cannot be read after: 1, for the caller to read by offset */
static void test_gone_row(void **state)
{
	(void)state;
	rows_where w;
	rows_where_init(&w);
	int64_t got[4];
	int n;
	store_err se = { 0 };
	assert_int_equal(rows_list_from(tdb.d, cols_from, &w, orders[2].k, orders[2].nk, "k.id",
	                                NROWS + 50, false, 4, got, sizeof *got, id_row, &n,
	                                "test", &se), 1);
	assert_int_equal(n, 0);
	rows_where_free(&w);
}

/* an export's walk (app_each_chunk) over the list by key */
static int chunk_read(db *d, void *query, const void *last, long offset, int limit, void *out,
                      int *n, store_err *err)
{
	(void)offset;
	const order *o = query;
	rows_where w;
	rows_where_init(&w);
	int rc = rows_list_from(d, cols_from, &w, o->k, o->nk, "k.id",
	                        last ? *(const int64_t *)last : 0, false, limit, out, sizeof(int64_t),
	                        id_row, n, "test", err);
	rows_where_free(&w);
	return rc;
}

static void id_clear(void *rec)
{
	(void)rec;
}

typedef struct walked {
	int64_t ids[NROWS + 2];
	int n;
	int wrote;
} walked;

/* each row as the export writes it; at the third, another session writes (a row
 * that sorts last) and must commit at once: the walk holds no read between chunks */
static int walk_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	walked *wk = arg;
	wk->ids[wk->n++] = *(int64_t *)rec;
	if (wk->n == 3) {
		store_err se = { 0 };
		db *other = db_open_wait(tdb.path, DB_OPEN_EXISTING, 0, &se);
		assert_non_null(other);
		assert_int_equal(db_begin(other, &se), 0);
		assert_int_equal(sqlite3_exec(db_handle(other),
		                              "INSERT INTO kt VALUES (1000, 'zz', 9, 1)", NULL, NULL,
		                              NULL), SQLITE_OK);
		assert_int_equal(db_commit(other, &se), 0);
		db_close(&other);
		wk->wrote++;
	}
	return 0;
}

static void test_export_lets_writers_commit(void **state)
{
	(void)state;
	const order *o = &orders[2];  /* a, id: the new row ('zz') comes last */
	for (int chunk = 1; chunk <= 5; chunk++) {
		rows_where w;
		rows_where_init(&w);
		int64_t before[NROWS + 1];
		int total = by_offset(&w, o, before);
		rows_where_free(&w);
		walked wk = { .n = 0 };
		app_chunked c = { chunk_read, (void *)o, sizeof(int64_t), id_clear, chunk };
		strbuf err = STRBUF_INIT;
		assert_int_equal(app_each_chunk_db(tdb.d, &c, walk_row, &wk, &err), 0);
		sb_free(&err);
		assert_int_equal(wk.wrote, 1);
		/* every row that was there, in its place, and the one written after */
		assert_int_equal(wk.n, total + 1);
		assert_memory_equal(wk.ids, before, sizeof *before * (size_t)total);
		assert_int_equal(wk.ids[total], 1000);
		assert_int_equal(sqlite3_exec(db_handle(tdb.d), "DELETE FROM kt WHERE id = 1000", NULL,
		                              NULL, NULL), SQLITE_OK);
	}
}

/* the coverage register read a chunk of 1 to 5 enterprises at a time: the rows of the
 * one ordered read, names tied inside an area included */
static void test_coverage_chunks(void **state)
{
	(void)state;
	static const char *const area[] = { "麻丘镇", "罗亭镇", "蒋巷镇" };
	store_err se = { 0 };
	assert_int_equal(db_begin(tdb.d, &se), 0);
	for (int i = 0; i < 14; i++) {
		char name[64], uscc[24], a[32], cat[] = "industry", lead[] = "区科经局";
		snprintf(name, sizeof name, "%s公司", i % 4 == 0 ? "同名" : i % 2 ? "华勤" : "星火");
		snprintf(uscc, sizeof uscc, "91440300000000%04d", 100 + i);
		snprintf(a, sizeof a, "%s", area[i % 3]);
		ent_record e = { .name = name, .uscc = uscc, .area = a, .category = cat,
		                 .lead_unit = lead };
		int64_t id;
		assert_int_equal(ent_store_insert(tdb.d, "test", &e, &id, &se), 0);
	}
	assert_int_equal(db_commit(tdb.d, &se), 0);
	int64_t all[32];
	int total = 0;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_handle(tdb.d), "SELECT id FROM enterprise"
	                                    " ORDER BY area, sort_key, id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		all[total++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	assert_int_equal(total, 15);
	for (int chunk = 1; chunk <= 5; chunk++) {
		coverage_row rows[5];
		int n, seen = 0;
		int64_t last = 0;
		do {
			assert_int_equal(coverage_store_list_from(tdb.d, NULL, last, false, chunk, rows, &n, &se),
			                 0);
			for (int i = 0; i < n; i++) {
				assert_true(seen < total);
				assert_int_equal(rows[i].id, all[seen++]);
				last = rows[i].id;
				coverage_row_clear(&rows[i]);
			}
		} while (n == chunk);
		assert_int_equal(seen, total);
	}
}

/* The gap rule in SQL (coverage_store_list_from with f.gaps, coverage_store_sum) and
 * in C (coverage_gaps) agree on every combination: a commissioner or none; no card, a
 * card delivered or one handed on a visit; no other visit, one the day before the
 * window, on its first day or today. Read forward and back by key, and by offset. */
static void test_coverage_gaps_sql(void **state)
{
	(void)state;
	static const char *const visit[] = { NULL, "2026-09-01", "2026-09-02", "2026-12-01" };
	const qdate today = date_from_ymd(2026, 12, 1);
	const int days = 90;   /* the window's first day: 2026-09-02 */
	sqlite3 *h = db_handle(tdb.d);
	assert_int_equal(sqlite3_exec(h, "INSERT INTO staff (id, login, name, unit, role,"
	                              " created_at) VALUES (77, 'cm', '徐杰', '昌东镇', 'area_officer',"
	                              " '2026-03-01 09:00:00')", NULL, NULL, NULL), SQLITE_OK);
	int ne = 0;
	for (int c = 0; c < 2; c++)
		for (int k = 0; k < 3; k++)
			for (int v = 0; v < 4; v++) {
				char *sql = sqlite3_mprintf(
					"INSERT INTO enterprise (id, name, uscc, area, category, lead_unit,"
					" sort_key, commissioner_id, created_at, updated_at) VALUES (%d,"
					" '覆盖%d', '91440300000009%04d', '覆盖镇', 'industry', '区科经局',"
					" 'fu gai %02d', %s, '2026-03-01', '2026-03-01');", 900 + ne, ne,
					ne, 24 - ne, c ? "77" : "NULL");
				assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
				sqlite3_free(sql);
				if (k == 1) {
					sql = sqlite3_mprintf("INSERT INTO card_delivery (enterprise_id,"
					                      " delivered_on, delivered_by, created_by, created_at)"
					                      " VALUES (%d, '2026-01-05', 'cm', 'cm', '2026-01-05')",
					                      900 + ne);
					assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
					sqlite3_free(sql);
				}
				/* k 2: the card handed on an old visit; then the visit of v */
				for (int j = 0; j < 2; j++) {
					const char *on = j == 0 ? (k == 2 ? "2026-06-01" : NULL) : visit[v];
					if (!on)
						continue;
					sql = sqlite3_mprintf("INSERT INTO visit (enterprise_id, visited_on, unit,"
					                      " people, card_handed, created_by, created_at)"
					                      " VALUES (%d, '%s', '昌东镇', '徐杰', %d, 'cm',"
					                      " '2026-01-05')", 900 + ne, on, j == 0);
					assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
					sqlite3_free(sql);
				}
				ne++;
			}
	store_err se = { 0 };
	/* every enterprise of the area, its gaps by the C rule */
	coverage_filter f = { .area = "覆盖镇", .visit_cut = today - days };
	coverage_row all[32];
	int n;
	assert_int_equal(coverage_store_list_from(tdb.d, &f, 0, false, 32, all, &n, &se), 0);
	assert_int_equal(n, ne);
	long want_gap[COV_GAP__COUNT] = { 0 };
	unsigned seen_or = 0, seen_and = COV_ALL;
	for (int i = 0; i < n; i++) {
		all[i].gaps = coverage_gaps(all[i].commissioner_id != 0, all[i].card_on,
		                            all[i].visit_on, today, days);
		seen_or |= all[i].gaps;
		seen_and &= all[i].gaps;
		for (int g = 0; g < COV_GAP__COUNT; g++)
			want_gap[g] += (all[i].gaps & COV_BIT(g)) != 0;
	}
	/* each gap both present and absent somewhere: the comparison can fail */
	assert_int_equal(seen_or, COV_ALL);
	assert_int_equal(seen_and, 0);
	for (unsigned want = 1; want <= COV_ALL; want++) {
		f.gaps = want;
		int64_t ids[32];
		int nw = 0;
		for (int i = 0; i < n; i++)
			if (all[i].gaps & want)
				ids[nw++] = all[i].id;
		coverage_row rows[32];
		int got;
		/* forward from the first, a row at a time */
		int64_t last = 0;
		int seen = 0;
		do {
			assert_int_equal(coverage_store_list_from(tdb.d, &f, last, false, 1, rows, &got,
			                                          &se), 0);
			if (got) {
				assert_true(seen < nw);
				if (rows[0].id != ids[seen])
					fail_msg("gaps %#x: row %d is %lld, want %lld", want, seen,
					         (long long)rows[0].id, (long long)ids[seen]);
				seen++;
				last = rows[0].id;
				coverage_row_clear(&rows[0]);
			}
		} while (got);
		assert_int_equal(seen, nw);
		/* back from the end, and by offset */
		assert_int_equal(coverage_store_list_from(tdb.d, &f, 0, true, 32, rows, &got, &se), 0);
		assert_int_equal(got, nw);
		for (int i = 0; i < got; i++) {
			assert_int_equal(rows[i].id, ids[i]);
			coverage_row_clear(&rows[i]);
		}
		assert_int_equal(coverage_store_list(tdb.d, &f, 1, 32, rows, &got, &se), 0);
		assert_int_equal(got, nw - 1);
		for (int i = 0; i < got; i++) {
			assert_int_equal(rows[i].id, ids[i + 1]);
			coverage_row_clear(&rows[i]);
		}
		coverage_sum sum;
		assert_int_equal(coverage_store_sum(tdb.d, &f, &sum, &se), 0);
		assert_int_equal(sum.enterprises, ne);
		assert_int_equal(sum.listed, nw);
		for (int g = 0; g < COV_GAP__COUNT; g++)
			assert_int_equal(sum.gap[g], want_gap[g]);
	}
	for (int i = 0; i < n; i++)
		coverage_row_clear(&all[i]);
}

/* the access events read a chunk of 1 to 5 at a time: those of one read, subjects
 * tied, a login's filter bound before the key */
static void test_access_chunks(void **state)
{
	(void)state;
	for (int i = 0; i < 13; i++) {
		char sql[256];
		snprintf(sql, sizeof sql, "INSERT INTO event (at, actor, entity, entity_id, action,"
		         " summary, reason) VALUES ('2026-12-01 09:%02d:00', 'u%d', 'access', %d,"
		         " 'view', 'kind=enterprise; fields=phone', '')", i, i % 2, (i * 3) % 4);
		assert_int_equal(sqlite3_exec(db_handle(tdb.d), sql, NULL, NULL, NULL), SQLITE_OK);
	}
	static const char *const logins[] = { NULL, "u1" };
	for (int l = 0; l < 2; l++) {
		access_row all[32];
		int total;
		store_err se = { 0 };
		assert_int_equal(access_store_read(tdb.d, logins[l], NULL, NULL, 0, 32, all, &total,
		                                   &se), 0);
		assert_int_equal(total, l ? 6 : 13);
		for (int chunk = 1; chunk <= 5; chunk++) {
			access_row r[5];
			int n, seen = 0;
			int64_t last = 0;
			do {
				assert_int_equal(access_store_read(tdb.d, logins[l], NULL, NULL, last, chunk, r,
				                                   &n, &se), 0);
				for (int i = 0; i < n; i++) {
					assert_true(seen < total);
					assert_int_equal(r[i].id, all[seen++].id);
					last = r[i].id;
					access_row_clear(&r[i]);
				}
			} while (n == chunk);
			assert_int_equal(seen, total);
		}
		for (int i = 0; i < total; i++)
			access_row_clear(&all[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyed_as_offset),
		cmocka_unit_test(test_gone_row),
		cmocka_unit_test(test_export_lets_writers_commit),
		cmocka_unit_test(test_coverage_chunks),
		cmocka_unit_test(test_coverage_gaps_sql),
		cmocka_unit_test(test_access_chunks),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
