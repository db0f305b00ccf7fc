/* Financing needs in the store: the coordination list read by key a page at a time
 * gives the same rows as read by offset, forwards and backwards, with its filters;
 * every accepted change is one step of the need's history and a refused one none. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/store_text.h"
#include "core/xalloc.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/financing_store.h"

#include "testdb.h"

static testdb tdb;
static db *d;
enum { NNEEDS = 23, PAGE = 4 };
static int64_t ent[2];

static int setup(void **state)
{
	(void)state;
	store_err se = { 0 };
	strbuf err = STRBUF_INIT;
	if (testdb_create(&tdb, "finstore", NULL) < 0)
		return -1;
	d = tdb.d;
	static const char *const areas[2] = { "昌东镇", "麻丘镇" };
	for (int i = 0; i < 2; i++) {
		char name[32], uscc[32], cat[] = "industry", lead[] = "区科经局";
		snprintf(name, sizeof name, "企业%d", i);
		snprintf(uscc, sizeof uscc, "91440300%010d", i);
		ent_record e = { .name = name, .uscc = uscc, .area = (char *)areas[i],
		                 .category = cat, .lead_unit = lead };
		if (db_begin(d, &se) < 0 || ent_store_insert(d, "test", &e, &ent[i], &se) < 0 ||
		    db_commit(d, &se) < 0) {
			fprintf(stderr, "%s\n", app_store_text(&se, &err));
			return -1;
		}
	}
	/* need i of enterprise i % 2; every third is funded, every fifth closed */
	for (int i = 1; i <= NNEEDS; i++) {
		char purpose[] = "流动资金", bank[] = "江西银行", none[] = "";
		fin_rec f = { .enterprise_id = ent[i % 2], .amount_fen = 100000 * i,
		              .purpose = purpose, .status = FIN_NEED, .institution = none };
		if (i % 3 == 0) {
			f.status = FIN_FUNDED;
			f.institution = bank;
			f.funded_fen = 100;
		}
		int64_t id;
		if (fin_store_add(d, "test", &f, &id, &se) != 0 || id != i)
			return -1;
		fin_change c = { .status = FIN_CLOSED };
		if (i % 5 == 0 && i % 3 && fin_store_update(d, "test", id, &c, &se) != 0)
			return -1;
	}
	sb_free(&err);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	d = NULL;
	return testdb_close(&tdb);
}

static bool open_need(int i)
{
	return i % 3 != 0 && i % 5 != 0;
}

/* every need the filter lists read by offset, and by key a page at a time both ways */
static void check_walks(const fin_filter *f, const char *what)
{
	store_err se = { 0 };
	fin_rec all[NNEEDS];
	int n = 0;
	assert_int_equal(fin_store_window(d, f, 0, NNEEDS, all, &n, &se), 0);
	int64_t want[NNEEDS];
	int nwant = 0;
	for (int i = 1; i <= NNEEDS; i++)
		if (open_need(i) && (!f->area || strcmp(f->area, i % 2 ? "麻丘镇" : "昌东镇") == 0) &&
		    (f->status < 0 || f->status == FIN_NEED))
			want[nwant++] = i;
	if (n != nwant)
		fail_msg("%s: %d rows by offset, want %d", what, n, nwant);
	for (int i = 0; i < n; i++)
		assert_int_equal(all[i].id, want[i]);
	long count;
	assert_int_equal(fin_store_count_upto(d, f, -1, &count, &se), 0);
	assert_int_equal(count, nwant);
	assert_int_equal(fin_store_count_upto(d, f, 2, &count, &se), 0);
	assert_int_equal(count, nwant > 2 ? 3 : nwant);
	/* forwards: each page after the last row of the one before */
	int seen = 0;
	int64_t from = 0;
	for (;;) {
		fin_rec page[PAGE];
		int got = 0;
		assert_int_equal(fin_store_window_from(d, f, from, false, PAGE, page, &got, &se), 0);
		for (int i = 0; i < got; i++) {
			if (seen >= nwant || page[i].id != want[seen])
				fail_msg("%s: forwards row %d is %lld", what, seen, (long long)page[i].id);
			seen++;
			from = page[i].id;
			fin_rec_clear(&page[i]);
		}
		if (got < PAGE)
			break;
	}
	assert_int_equal(seen, nwant);
	/* backwards from the end: each page before the first row of the one after */
	from = 0;
	for (;;) {
		fin_rec page[PAGE];
		int got = 0;
		assert_int_equal(fin_store_window_from(d, f, from, true, PAGE, page, &got, &se), 0);
		for (int i = got - 1; i >= 0; i--) {
			seen--;
			if (seen < 0 || page[i].id != want[seen])
				fail_msg("%s: backwards row %d is %lld", what, seen, (long long)page[i].id);
		}
		if (got)
			from = page[0].id;
		for (int i = 0; i < got; i++)
			fin_rec_clear(&page[i]);
		if (got < PAGE)
			break;
	}
	assert_int_equal(seen, 0);
	for (int i = 0; i < n; i++)
		fin_rec_clear(&all[i]);
}

static void test_open_list(void **state)
{
	(void)state;
	fin_filter f = { .status = -1, .open_only = true };
	check_walks(&f, "all open");
	f.area = "麻丘镇";
	check_walks(&f, "one area");
	f.area = "昌东镇";
	f.status = FIN_NEED;
	check_walks(&f, "one area, one status");
	/* an area officer's scope narrows the area asked for */
	f.scope_area = "麻丘镇";
	long n;
	store_err se = { 0 };
	assert_int_equal(fin_store_count_upto(d, &f, -1, &n, &se), 0);
	assert_int_equal(n, 0);
}

static int steps(int64_t id)
{
	fin_step *v = NULL;
	int n = 0;
	store_err se = { 0 };
	assert_int_equal(fin_store_history(d, id, &v, &n, &se), 0);
	for (int i = 0; i < n; i++)
		fin_step_clear(&v[i]);
	free(v);
	return n;
}

static void test_history(void **state)
{
	(void)state;
	store_err se = { 0 };
	assert_int_equal(steps(1), 1);
	char bank[] = "南昌银行", note[] = "已受理";
	fin_change c = { .status = FIN_MATCHED, .institution = bank, .note = note };
	assert_int_equal(fin_store_update(d, "test", 1, &c, &se), 0);
	assert_int_equal(steps(1), 2);
	/* refused: funded without the amount, an amount with matching, nothing changed */
	fin_change bad[] = {
		{ .status = FIN_FUNDED },
		{ .status = FIN_MATCHING, .funded_fen = 100 },
		{ .status = -1, .institution = bank },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		store_err e = { 0 };
		assert_int_equal(fin_store_update(d, "test", 1, &bad[i], &e), 1);
		assert_int_not_equal(e.code, STORE_OK);
	}
	assert_int_equal(steps(1), 2);
	fin_change funded = { .status = FIN_FUNDED, .funded_fen = 4500000 };
	assert_int_equal(fin_store_update(d, "test", 1, &funded, &se), 0);
	fin_change closed = { .status = FIN_CLOSED, .note = note };
	assert_int_equal(fin_store_update(d, "test", 1, &closed, &se), 0);
	fin_step *v = NULL;
	int n = 0;
	assert_int_equal(fin_store_history(d, 1, &v, &n, &se), 0);
	assert_int_equal(n, 4);
	static const int from[] = { -1, FIN_NEED, FIN_MATCHED, FIN_FUNDED };
	static const fin_status to[] = { FIN_NEED, FIN_MATCHED, FIN_FUNDED, FIN_CLOSED };
	for (int i = 0; i < n; i++) {
		assert_int_equal(v[i].from, from[i]);
		assert_int_equal(v[i].to, to[i]);
	}
	/* closing keeps the amount funded and the institution */
	assert_int_equal(v[3].funded_fen, 4500000);
	assert_string_equal(v[3].institution, "南昌银行");
	assert_string_equal(v[3].note, "已受理");
	for (int i = 0; i < n; i++)
		fin_step_clear(&v[i]);
	free(v);
	fin_rec r;
	assert_int_equal(fin_store_get(d, 1, &r, &se), 0);
	assert_int_equal(r.status, FIN_CLOSED);
	assert_int_equal(r.funded_fen, 4500000);
	fin_rec_clear(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_list),
		cmocka_unit_test(test_history),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
