/* The register's search in SQLite agrees with the matching rule in memory
 * (core/search.h): for every query, the count, the count up to a limit, the windows
 * read by key forwards and backwards and those read by offset hold exactly the
 * enterprises search_match_name or search_match_uscc accepts, in the list's order,
 * whether the store reads the index's candidates or walks the order testing rows;
 * and the first window a typed search is counted from begins the whole list. */
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
#include "core/date.h"
#include "core/search.h"
#include "core/xalloc.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "ui/list_keyset.h"

static char dir[] = "/tmp/qifu-entsearch-XXXXXX";
static char path[96];
static db *d;

/* the names of test_search.c's rule table, and a crowd that makes some queries match
 * hundreds of rows, so that both ways of running a search are taken */
static const char *const names[] = {
	"华勤技术", "润文科技", "兆衡电子", "南网能源", "重庆钢铁", "长沙银行", "乐山", "西安",
	"先进制造", "ABC科技", "ＡＢＣ科技", "华勤（南昌）有限公司", "58同城", "A1物流",
	"“引号”科技①", "绿地集团", "龘", "华华华", "IBM", "行长乐重",
};
enum { NNAMED = sizeof names / sizeof names[0], NCROWD = 400, NALL = NNAMED + NCROWD };
static const char *const first[] = { "华", "润", "兆", "南", "重", "长", "银", "科", "乐", "绿" };
static const char *const second[] = { "勤", "文", "衡", "网", "庆", "沙", "行", "技", "山", "地" };

static char *name_of[NALL], *uscc_of[NALL];
static int64_t id_of[NALL];

static int setup(void **state)
{
	(void)state;
	store_err se = { 0 };
	strbuf err = STRBUF_INIT;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	d = db_open(path, DB_OPEN_CREATE, &se);
	if (!d || db_begin(d, &se) < 0) {
		fprintf(stderr, "%s\n", app_store_text(&se, &err));
		return -1;
	}
	for (int i = 0; i < NALL; i++) {
		name_of[i] = i < NNAMED ? xstrdup(names[i])
		                        : xasprintf("%s%s%s有限公司", first[i % 10], second[(i / 10) % 10],
		                                    i % 3 ? "" : "科技");
		/* the crowd shares a region code: 9136 has hundreds of rows */
		uscc_of[i] = xasprintf("%s%012d", i < NNAMED ? "914403" : "913601", i);
		char area[] = "昌东镇", cat[] = "industry", lead[] = "区科经局";
		ent_record e = { .name = name_of[i], .uscc = uscc_of[i], .area = area,
		                 .category = cat, .lead_unit = lead };
		if (ent_store_insert(d, "test", &e, &id_of[i], &se) < 0) {
			fprintf(stderr, "%s\n", app_store_text(&se, &err));
			return -1;
		}
	}
	sb_free(&err);
	return db_commit(d, &se);
}

static int teardown(void **state)
{
	(void)state;
	db_close(&d);
	db_unlink(path);
	rmdir(dir);
	for (int i = 0; i < NALL; i++) {
		free(name_of[i]);
		free(uscc_of[i]);
	}
	return 0;
}

static const char *const queries[] = {
	"华勤", "勤", "华", "有限", "有限公司", "(南昌)", "龘龘", "”",
	"hqjs", "huaqin", "huaqjs", "nw", "haoheng", "rw", "h", "yx", "yxgs", "gs", "zq", "cq",
	"kj", "xian", "abc", "bc", "9136", "91440300000000000", "58", "a1", "",
};

/* whether row i matches q */
static bool expected(int i, const char *q)
{
	char *f = search_fold(q);
	bool hit = search_match_name(name_of[i], f) || search_match_uscc(uscc_of[i], f);
	free(f);
	return hit;
}

static int index_of(int64_t id)
{
	for (int i = 0; i < NALL; i++)
		if (id_of[i] == id)
			return i;
	return -1;
}

/* the whole list read by key in pages of `page`, forwards or backwards; returns how
 * many rows, ids into ids (list order) */
static int walk(const ent_filter *f, ent_sort sort, bool desc, bool back, int page,
                int64_t *ids)
{
	ent_record *rows = xcalloc((size_t)page, sizeof *rows);
	int total = 0, n;
	int64_t from = 0;
	store_err se = { 0 };
	for (;;) {
		assert_int_equal(ent_store_window_from(d, f, sort, desc, from, back, page, rows, &n,
		                                       &se), 0);
		assert_true(total + n <= NALL);
		if (back) {
			/* each page goes before what was read so far */
			memmove(ids + n, ids, (size_t)total * sizeof *ids);
			for (int i = 0; i < n; i++)
				ids[i] = rows[i].id;
		} else {
			for (int i = 0; i < n; i++)
				ids[total + i] = rows[i].id;
		}
		total += n;
		if (n > 0)
			from = rows[back ? 0 : n - 1].id;
		for (int i = 0; i < n; i++)
			ent_record_clear(&rows[i]);
		if (n < page)
			break;
	}
	free(rows);
	return total;
}

static void test_search_agrees(void **state)
{
	(void)state;
	static const struct { ent_sort sort; bool desc; } orders[] = {
		{ ENT_SORT_NAME, false }, { ENT_SORT_NAME, true }, { ENT_SORT_USCC, false },
		{ ENT_SORT_AREA, true },
	};
	int64_t *fwd = xcalloc(NALL, sizeof *fwd), *bwd = xcalloc(NALL, sizeof *bwd);
	ent_record *rows = xcalloc(NALL, sizeof *rows);
	store_err se = { 0 };
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		ent_filter f = { .search = queries[q] };
		long want = 0, n;
		for (int i = 0; i < NALL; i++)
			want += expected(i, queries[q]);
		assert_int_equal(ent_store_count(d, &f, &n, &se), 0);
		if (n != want)
			fail_msg("\"%s\": count %ld, want %ld", queries[q], n, want);
		/* up to a limit; without a search the count is whole (it is cheap) */
		assert_int_equal(ent_store_count_upto(d, &f, 5, &n, &se), 0);
		assert_int_equal(n, want > 5 && *queries[q] ? 6 : want);
		for (size_t o = 0; o < sizeof orders / sizeof orders[0]; o++) {
			int nf = walk(&f, orders[o].sort, orders[o].desc, false, 7, fwd);
			int nb = walk(&f, orders[o].sort, orders[o].desc, true, 9, bwd);
			if (nf != want || nb != want)
				fail_msg("\"%s\" order %zu: %d forwards, %d backwards, want %ld", queries[q],
				         o, nf, nb, want);
			for (int i = 0; i < nf; i++) {
				int k = index_of(fwd[i]);
				if (k < 0 || !expected(k, queries[q]) || fwd[i] != bwd[i])
					fail_msg("\"%s\" order %zu: row %d is %s", queries[q], o, i,
					         k < 0 ? "unknown" : name_of[k]);
			}
			/* the count while the search is typed (ui/list_keyset.h): the first
			 * window of a page and one row more, the rows the whole list begins
			 * with, gives the count up to the page and whether there are more */
			for (int page = 1; page <= 20; page += 19) {
				int got;
				long count;
				bool more;
				assert_int_equal(ent_store_window_from(d, &f, orders[o].sort, orders[o].desc, 0,
				                                       false, page + 1, rows, &got, &se), 0);
				lk_window_count(got, page, &count, &more);
				if (count != (want < page ? want : page) || more != (want > page))
					fail_msg("\"%s\" order %zu page %d: %ld%s, want %ld", queries[q], o, page,
					         count, more ? "+" : "", want);
				for (int i = 0; i < got; i++) {
					assert_int_equal(rows[i].id, fwd[i]);
					ent_record_clear(&rows[i]);
				}
			}
			/* by offset: the same rows in the same order */
			int got;
			assert_int_equal(ent_store_window(d, &f, orders[o].sort, orders[o].desc, 0, NALL,
			                                  rows, &got, &se), 0);
			assert_int_equal(got, want);
			for (int i = 0; i < got; i++) {
				assert_int_equal(rows[i].id, fwd[i]);
				ent_record_clear(&rows[i]);
			}
		}
	}
	free(rows);
	free(fwd);
	free(bwd);
}

/* when a whole count is the list with the gone ones less those (a search is counted
 * through its index; a capped count stops early) */
static void test_count_subtract_gone(void **state)
{
	(void)state;
	static const struct {
		const char *search, *area;
		bool include_gone;
		long limit;
		bool subtract;
	} cases[] = {
		{ NULL, NULL, false, -1, true },
		{ "", NULL, false, -1, true },
		{ NULL, "昌东镇", false, -1, true },
		{ NULL, NULL, true, -1, false },
		{ "华勤", NULL, false, -1, false },
		{ NULL, NULL, false, 1000, false },
	};
	assert_false(ent_count_subtract_gone(NULL, -1));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ent_filter f = { .search = cases[i].search, .area = cases[i].area,
		                 .include_gone = cases[i].include_gone };
		if (ent_count_subtract_gone(&f, cases[i].limit) != cases[i].subtract)
			fail_msg("case %zu", i);
	}
}

/* rows gone from the zone leave every count of the default list, whichever way it is
 * counted (whole, up to a limit, through the index or by rows), and stay in --all's */
static void test_gone_counts(void **state)
{
	(void)state;
	store_err se = { 0 };
	bool gone[NALL] = { false };
	/* every seventh row: some of the named ones and some of the crowd */
	for (int i = 0; i < NALL; i += 7) {
		assert_int_equal(ent_store_set_status(d, "test", id_of[i], name_of[i], "operating",
		                                      i % 2 ? "moved_out" : "deregistered",
		                                      date_from_ymd(2026, 1, 5), "test", &se), 0);
		gone[i] = true;
	}
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		for (int all = 0; all < 2; all++) {
			ent_filter f = { .search = queries[q], .include_gone = all };
			long want = 0, n;
			for (int i = 0; i < NALL; i++)
				want += expected(i, queries[q]) && (all || !gone[i]);
			assert_int_equal(ent_store_count(d, &f, &n, &se), 0);
			if (n != want)
				fail_msg("\"%s\" all=%d: count %ld, want %ld", queries[q], all, n, want);
			static const long limits[] = { 0, 5, 60, 1000 };
			for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
				long cap = limits[l];
				assert_int_equal(ent_store_count_upto(d, &f, cap, &n, &se), 0);
				long w = *queries[q] && want > cap ? cap + 1 : want;
				if (n != w)
					fail_msg("\"%s\" all=%d up to %ld: %ld, want %ld", queries[q], all, cap,
					         n, w);
			}
			int64_t *ids = xcalloc(NALL, sizeof *ids);
			int got = walk(&f, ENT_SORT_NAME, false, false, 50, ids);
			free(ids);
			assert_int_equal(got, want);
		}
	}
}

/* the commissioner's order has no key (a commissioner may be missing): read by offset */
static void test_commissioner_by_offset(void **state)
{
	(void)state;
	ent_record rows[3];
	int n = -1;
	store_err se = { 0 };
	assert_int_equal(ent_store_window_from(d, NULL, ENT_SORT_COMMISSIONER, false, 0, false, 3,
	                                       rows, &n, &se), 1);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_agrees),
		cmocka_unit_test(test_commissioner_by_offset),
		cmocka_unit_test(test_count_subtract_gone),
		/* last: it takes rows out of the zone */
		cmocka_unit_test(test_gone_counts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
