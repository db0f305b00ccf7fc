/* Visits: cleaning, the unit check, the date rule and the problems found. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/paths.h"
#include "model/visit.h"
#include "policy/policy.h"
#include "testcal.h"

static unit_table units;

static int setup(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("units.tsv");
	int rc = policy_units_load(&units, path, &err);
	if (rc < 0)
		fprintf(stderr, "%s\n", sb_str(&err));
	free(path);
	sb_free(&err);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	units_free(&units);
	return 0;
}

static void fill(visit_rec *v, const char *unit, const char *people, const char *topics,
                 const char *date)
{
	memset(v, 0, sizeof *v);
	v->unit = unit ? strdup(unit) : NULL;
	v->people = people ? strdup(people) : NULL;
	v->topics = topics ? strdup(topics) : NULL;
	v->date = testcal_day_opt(date);
}

static void test_validate_table(void **state)
{
	(void)state;
	static const struct {
		const char *unit, *people, *topics, *date, *err;
	} t[] = {
		{ "区科经局", "张三、李四", "政策宣讲", "2026-12-01", NULL },
		{ " 昌东镇 ", " 陈东 ", " 项目申报 ", "2020-02-29", NULL },
		{ "外星局", "张三", "政策宣讲", "2026-12-01", "unknown visiting unit '外星局'" },
		{ "区科经局", "  ", "政策宣讲", "2026-12-01", "visitors must not be empty" },
		{ "区科经局", NULL, "政策宣讲", "2026-12-01", "visitors must not be empty" },
		{ "区科经局", "张三", "", "2026-12-01", "visit topics must not be empty" },
		{ NULL, "张三", "政策宣讲", "2026-12-01", "visiting unit must not be empty" },
		{ "区科经局", "张三", "政策宣讲", "2026-12-02", "lies after today (2026-12-01)" },
		{ "区科经局", "张三", "政策宣讲", NULL, "visit date must not be empty" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		visit_rec v;
		strbuf err = STRBUF_INIT;
		fill(&v, t[i].unit, t[i].people, t[i].topics, t[i].date);
		int rc = visit_validate(&units, &v, testcal_day("2026-12-01"), &err);
		if (t[i].err ? rc != -1 || !strstr(sb_str(&err), t[i].err) : rc != 0)
			fail_msg("case %zu: rc %d err '%s'", i, rc, sb_str(&err));
		if (!t[i].err)
			assert_null(strchr(v.people, ' '));
		visit_rec_clear(&v);
		sb_free(&err);
	}
}

static void test_problems(void **state)
{
	(void)state;
	visit_rec v;
	strbuf err = STRBUF_INIT;
	fill(&v, "区科经局", "张三", "走访", "2026-11-30");
	visit_add_problem(&v, " 用电报装慢 ");
	visit_add_problem(&v, "厂房漏水");
	assert_int_equal(visit_validate(&units, &v, testcal_day("2026-12-01"), &err), 0);
	assert_int_equal(v.nproblems, 2);
	assert_string_equal(v.problems[0].text, "用电报装慢");
	assert_int_equal(v.problems[0].seq, 1);
	assert_int_equal(v.problems[1].seq, 2);
	assert_int_equal(v.problems[1].appeal_id, 0);
	visit_add_problem(&v, "  ");
	assert_int_equal(visit_validate(&units, &v, testcal_day("2026-12-01"), &err), -1);
	assert_non_null(strstr(sb_str(&err), "(problem 3)"));
	visit_rec_clear(&v);
	assert_null(v.problems);

	fill(&v, "区科经局", "张三", "走访", "2026-11-30");
	for (int i = 0; i <= VISIT_MAX_PROBLEMS; i++)
		visit_add_problem(&v, "问题");
	sb_reset(&err);
	assert_int_equal(visit_validate(&units, &v, testcal_day("2026-12-01"), &err), -1);
	assert_non_null(strstr(sb_str(&err), "at most 50 problems"));
	visit_rec_clear(&v);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate_table),
		cmocka_unit_test(test_problems),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
