/* Routing: every category, every precedence pair, and the data file checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "core/paths.h"
#include "core/xalloc.h"
#include "model/category.h"
#include "model/routing.h"
#include "model/unit.h"
#include "policy/policy.h"

static unit_table units;
static routing rt;
static catalog cat;

static int setup(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *u = paths_data_file("units.tsv"), *r = paths_data_file("routing.tsv");
	if (policy_units_load(&units, u, &err) < 0 || policy_routing_load(&rt, r, &units, &err) < 0 ||
	    policy_catalog_load(&cat, paths_data_dir(), &err) < 0) {
		fprintf(stderr, "%s\n", sb_str(&err));
		return -1;
	}
	free(u);
	free(r);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	routing_free(&rt);
	units_free(&units);
	catalog_free(&cat);
	return 0;
}

static const char *coop_str(const route_result *r, char *buf, size_t n)
{
	buf[0] = '\0';
	for (const char *const *u = r->coop; *u; u++) {
		if (buf[0])
			strncat(buf, ",", n - strlen(buf) - 1);
		strncat(buf, *u, n - strlen(buf) - 1);
	}
	return buf;
}

static void test_table(void **state)
{
	(void)state;
	static const struct {
		const char *cat, *grp; int aviation; const char *intro, *area;
		const char *lead, *coop;
	} t[] = {
		/* every category alone (DOMAIN §2 table) */
		{ "industry", "", 0, "", "昌东镇", "区科经局", "区投促局" },
		{ "trade", "", 0, "", "昌东镇", "区投促局", "区科经局,区党政办" },
		{ "services", "", 0, "", "昌东镇", "区科经局", "区建管局,区社发局,区组织部,区党政办" },
		{ "construction", "", 0, "", "麻丘镇", "区建管局", "" },
		{ "real_estate", "", 0, "", "麻丘镇", "区建管局", "" },
		{ "below_scale", "", 0, "", "麻丘镇", "麻丘镇", "区新经济中心,区企服中心" },
		{ "below_scale", "", 0, "", "鲤鱼洲管理处", "鲤鱼洲管理处", "区新经济中心,区企服中心" },
		/* precedence: aviation > group > introduced > sector > below-scale */
		{ "industry", "华勤系", 1, "区项目中心", "昌东镇", "航管委", "" },
		{ "below_scale", "", 1, "", "昌东镇", "航管委", "" },
		{ "industry", "华勤系", 0, "区项目中心", "昌东镇", "区投促局", "" },
		{ "below_scale", "欧菲系", 0, "", "昌东镇", "区投促局", "" },
		{ "industry", "", 0, "区项目中心", "昌东镇", "区项目中心", "" },
		{ "below_scale", "", 0, "高新招商集团", "麻丘镇", "高新招商集团", "" },
		{ "services", "", 1, "", "昌东镇", "航管委", "" },
		{ "construction", "龙旗系", 0, "", "昌东镇", "区投促局", "" },
		{ "real_estate", "", 0, "区投促局", "昌东镇", "区投促局", "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		route_input in = { t[i].cat, t[i].grp, t[i].aviation, t[i].intro, t[i].area };
		route_result r;
		assert_int_equal(routing_decide(&rt, &in, &r), 0);
		char buf[256];
		if (strcmp(r.lead, t[i].lead) != 0 || strcmp(coop_str(&r, buf, sizeof buf), t[i].coop))
			fail_msg("row %zu: got %s [%s], want %s [%s]", i, r.lead, buf, t[i].lead, t[i].coop);
		assert_non_null(r.why);
	}
}

static void test_every_category_routes(void **state)
{
	(void)state;
	for (int i = 0; i < cat.ncats; i++) {
		route_input in = { cat.cats[i].code, "", 0, "", "艾溪湖管理处" };
		route_result r;
		assert_int_equal(routing_decide(&rt, &in, &r), 0);
		assert_non_null(units_find(&units, r.lead));
	}
	route_input none = { "no_such", "", 0, "", "昌东镇" };
	route_result r;
	assert_int_equal(routing_decide(&rt, &none, &r), -1);
}

static void test_bad_files(void **state)
{
	(void)state;
	static const struct { const char *text; const char *msg; } t[] = {
		{ "bogus\t区科经局\t-\tx\n", ":1: unknown condition" },
		{ "aviation\t不存在局\t-\tx\n", ":1: unknown lead unit" },
		{ "# c\naviation\t航管委\t区科经局,外星局\tx\n", ":2: unknown cooperating unit" },
		{ "aviation\t航管委\n", ":1: expected 4 fields" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char path[] = "/tmp/qifu-routing-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, t[i].text, strlen(t[i].text)), (ssize_t)strlen(t[i].text));
		close(fd);
		routing bad;
		strbuf err = STRBUF_INIT;
		assert_int_equal(policy_routing_load(&bad, path, &units, &err), -1);
		if (!strstr(sb_str(&err), t[i].msg))
			fail_msg("case %zu: message '%s' lacks '%s'", i, sb_str(&err), t[i].msg);
		sb_free(&err);
		unlink(path);
	}
}

/* the model checks one rule without a file: a refused rule leaves the table as it was */
static void test_add_rule(void **state)
{
	(void)state;
	static const char *const none[] = { NULL };
	static const char *const coop[] = { "区科经局", "外星局", NULL };
	static const struct { route_row row; route_fault want; int bad; } t[] = {
		{ { "category:trade", "区科经局", none, "x" }, ROUTE_ROW_OK, -1 },
		{ { "@area", "区科经局", none, "x" }, ROUTE_ROW_COND, -1 },
		{ { "category:", "区科经局", none, "x" }, ROUTE_ROW_COND, -1 },
		{ { "group", "不存在局", none, "x" }, ROUTE_ROW_LEAD, -1 },
		{ { "introduced", "@introduced_by", coop, "x" }, ROUTE_ROW_COOP, 1 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		routing r = { 0 };
		int bad = -1;
		route_fault got = routing_add(&r, &t[i].row, &units, &bad);
		if (got != t[i].want || bad != t[i].bad)
			fail_msg("case %zu: fault %d bad %d, want %d and %d", i, got, bad, t[i].want,
			         t[i].bad);
		assert_int_equal(r.n, got == ROUTE_ROW_OK);
		routing_free(&r);
	}
}

static void test_catalog(void **state)
{
	(void)state;
	assert_int_equal(cat.ncats, 6);
	assert_string_equal(catalog_category_any(&cat, "规模以上工业")->code, "industry");
	assert_string_equal(catalog_category_any(&cat, "规限下")->code, "below_scale");
	assert_string_equal(catalog_category_any(&cat, "trade")->code, "trade");
	assert_null(catalog_category_any(&cat, "其他"));
	assert_true(catalog_is_group(&cat, "华勤系"));
	assert_false(catalog_is_group(&cat, "华为系"));
	assert_int_equal(cat.ngroups, 7);
	assert_true(units_is_area(&units, "艾溪湖管理处"));
	assert_false(units_is_area(&units, "区科经局"));
	assert_string_equal(units_centre(&units)->name, "区企服中心");
	assert_non_null(units_find(&units, "区党工委"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_every_category_routes),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_add_rule),
		cmocka_unit_test(test_catalog),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
