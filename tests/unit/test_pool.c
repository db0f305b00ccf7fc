/* Cultivation pools: the shipped data file, broken data files, and the entry and
 * exit rules at every boundary. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/paths.h"
#include "model/pool.h"
#include "policy/policy.h"
#include "testcal.h"

static void test_shipped_table(void **state)
{
	(void)state;
	pool_table t;
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("pools.tsv");
	if (policy_pools_load(&t, path, &err) < 0)
		fail_msg("%s", sb_str(&err));
	free(path);
	assert_int_equal(t.n, 2);
	assert_string_equal(pools_find(&t, "tech")->name, "科技型企业培育库");
	assert_string_equal(pools_find(&t, "upscale")->name, "五上企业培育库");
	assert_string_equal(pools_find(&t, "五上企业培育库")->code, "upscale");
	assert_null(pools_find(&t, "Tech"));
	assert_null(pools_find(&t, NULL));
	assert_string_equal(pools_name(&t, "tech"), "科技型企业培育库");
	assert_string_equal(pools_name(&t, "gone"), "gone");
	strbuf b = STRBUF_INIT;
	pools_list(&t, &b);
	assert_string_equal(sb_str(&b), "tech (科技型企业培育库), upscale (五上企业培育库)");
	sb_free(&b);
	pools_free(&t);
	assert_int_equal(t.n, 0);
}

static void test_broken_tables(void **state)
{
	(void)state;
	static const struct { const char *text; const char *err; } t[] = {
		{ "tech\t科技型企业培育库\ntech\t另一个库\n", ":3: pool 'tech' is listed twice" },
		{ "# only a comment\n", "no pools listed" },
		{ "tech\n", ":1:" },
		{ "tech\t科技\textra\n", ":1:" },
		{ "Tech\t科技\n", ":1: pool code 'Tech' is not" },
		{ "科技\t科技\n", ":1: pool code" },
		{ "abcdefghijabcdefghijabcdefghijab\t长\n", ":1: pool code" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char path[] = "/tmp/qifu-pools-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		FILE *fp = fdopen(fd, "w");
		fputs(i == 0 ? "# header\n" : "", fp);
		fputs(t[i].text, fp);
		fclose(fp);
		pool_table p;
		strbuf err = STRBUF_INIT;
		int rc = policy_pools_load(&p, path, &err);
		unlink(path);
		if (rc != -1 || !strstr(sb_str(&err), t[i].err))
			fail_msg("case %zu: rc %d err '%s', want '%s'", i, rc, sb_str(&err), t[i].err);
		sb_free(&err);
	}
}

static void test_enter_rules(void **state)
{
	(void)state;
	static const struct {
		bool member; const char *last_left; const char *on; pool_verdict v;
	} t[] = {
		{ false, NULL, "2026-12-01", POOL_OK },
		{ false, NULL, "2020-01-01", POOL_OK },
		{ true, NULL, "2026-12-01", POOL_ALREADY_MEMBER },
		{ true, "2026-01-01", "2026-12-01", POOL_ALREADY_MEMBER },
		{ false, NULL, "2026-12-02", POOL_FUTURE },
		{ true, NULL, "2026-12-02", POOL_ALREADY_MEMBER },
		{ false, "2026-06-30", "2026-06-30", POOL_OK },
		{ false, "2026-06-30", "2026-07-01", POOL_OK },
		{ false, "2026-06-30", "2026-06-29", POOL_BEFORE_LAST_EXIT },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		pool_verdict v = pool_enter_check(t[i].member,
		                                  testcal_day_opt(t[i].last_left),
		                                  testcal_day(t[i].on), testcal_day("2026-12-01"));
		if (v != t[i].v)
			fail_msg("case %zu: got %d want %d", i, v, t[i].v);
	}
}

static void test_leave_rules(void **state)
{
	(void)state;
	static const struct {
		bool member; const char *entered; const char *on; pool_verdict v;
	} t[] = {
		{ true, "2026-03-01", "2026-12-01", POOL_OK },
		{ true, "2026-03-01", "2026-03-01", POOL_OK },
		{ true, "2026-03-01", "2026-02-28", POOL_BEFORE_ENTRY },
		{ true, "2026-03-01", "2026-12-02", POOL_FUTURE },
		{ false, "2026-03-01", "2026-12-01", POOL_NOT_MEMBER },
		{ false, NULL, "2026-12-01", POOL_NOT_MEMBER },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		pool_verdict v = pool_leave_check(t[i].member,
		                                  testcal_day_opt(t[i].entered),
		                                  testcal_day(t[i].on), testcal_day("2026-12-01"));
		if (v != t[i].v)
			fail_msg("case %zu: got %d want %d", i, v, t[i].v);
	}
}

static void test_reason(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *r = NULL;
	assert_int_equal(pool_validate_reason(&r, false, &err), 0);
	assert_string_equal(r, "");
	free(r);
	r = strdup(" ");
	assert_int_equal(pool_validate_reason(&r, true, &err), -1);
	assert_non_null(strstr(sb_str(&err), "must not be empty"));
	free(r);
	r = strdup(" 已升规\n");
	assert_int_equal(pool_validate_reason(&r, true, &err), 0);
	assert_string_equal(r, "已升规");
	free(r);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_table),
		cmocka_unit_test(test_broken_tables),
		cmocka_unit_test(test_enter_rules),
		cmocka_unit_test(test_leave_rules),
		cmocka_unit_test(test_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
