/* Financing needs out to the provincial financing credit platform: the column map's
 * rows, the map as a whole, each field's cell, the blank fields a need goes out with,
 * and a term as people write it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/fin_platform.h"

static void test_map_rows(void **state)
{
	(void)state;
	static const struct { const char *v[4]; int n; fin_pf_map_row want; } t[] = {
		{ { "column", "uscc", "统一社会信用代码" }, 3, FPF_MAP_OK },
		{ { "column", "amount", "融资金额" }, 3, FPF_MAP_OK },
		/* the field again, under another header */
		{ { "column", "uscc", "信用代码" }, 3, FPF_MAP_TWICE },
		/* another field under a header already used */
		{ { "column", "term", "融资金额" }, 3, FPF_MAP_TWICE },
		{ { "column", "rate", "利率" }, 3, FPF_MAP_FIELD },
		{ { "column", "term" }, 2, FPF_MAP_SHAPE },
		{ { "column", "term", "融资期限", "x" }, 4, FPF_MAP_SHAPE },
		{ { "kind", "term", "融资期限" }, 3, FPF_MAP_WHAT },
		{ { "column", "term", "" }, 3, FPF_MAP_EMPTY },
		{ { "column", "term", "融资期限" }, 3, FPF_MAP_OK },
	};
	fin_pf_map m = { 0 };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *v[4];
		for (int j = 0; j < 4; j++)
			v[j] = (char *)t[i].v[j];
		if (fin_pf_map_add(&m, v, t[i].n) != t[i].want)
			fail_msg("row %zu: not %d", i, (int)t[i].want);
	}
	/* the good rows only, in their order */
	assert_int_equal(m.n, 3);
	assert_int_equal(m.field[0], FPF_USCC);
	assert_int_equal(m.field[1], FPF_AMOUNT);
	assert_int_equal(m.field[2], FPF_TERM);
	assert_string_equal(m.header[2], "融资期限");
	fin_pf_map_free(&m);
	assert_int_equal(m.n, 0);
}

/* a map of the fields in list, each headed by its code */
static void map_of(fin_pf_map *m, const char *list)
{
	char *copy = strdup(list), *save = NULL;
	*m = (fin_pf_map){ 0 };
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *v[3] = { (char *)"column", w, w };
		assert_int_equal(fin_pf_map_add(m, v, 3), FPF_MAP_OK);
	}
	free(copy);
}

static void test_map_check(void **state)
{
	(void)state;
	static const struct { const char *fields; bool ok; const char *why; } t[] = {
		{ "uscc amount", true, NULL },
		{ "enterprise uscc amount term purpose guarantee contact phone", true, NULL },
		{ "enterprise amount", false, "uscc" },
		{ "uscc term", false, "amount" },
		{ "", false, "uscc" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		fin_pf_map m;
		map_of(&m, t[i].fields);
		strbuf why = STRBUF_INIT;
		int rc = fin_pf_map_check(&m, &why);
		if ((rc == 0) != t[i].ok)
			fail_msg("'%s': check gave %d", t[i].fields, rc);
		if (t[i].why && !strstr(sb_str(&why), t[i].why))
			fail_msg("'%s': '%s' does not name %s", t[i].fields, sb_str(&why), t[i].why);
		sb_free(&why);
		fin_pf_map_free(&m);
	}
}

static void test_cells_and_gaps(void **state)
{
	(void)state;
	fin_rec whole = { .enterprise = (char *)"华勤技术股份有限公司",
		.uscc = (char *)"914403001922038216", .amount_fen = INT64_C(500000000),
		.term_months = 36, .purpose = (char *)"购置设备", .guarantee = (char *)"抵押" };
	fin_rec bare = { .enterprise = (char *)"麻丘商贸有限公司",
		.uscc = (char *)"91440300708461136T", .amount_fen = INT64_C(345678),
		.purpose = (char *)"流动资金", .guarantee = (char *)"" };
	fin_pf_contact who = { "张三", "13800000001" };
	fin_pf_contact nobody = { NULL, "" };
	static const struct { int need; int contact; fin_pf_field f; const char *cell; } t[] = {
		{ 0, 0, FPF_ENTERPRISE, "华勤技术股份有限公司" },
		{ 0, 0, FPF_USCC, "914403001922038216" },
		{ 0, 0, FPF_AMOUNT, "5000000.00" },
		{ 0, 0, FPF_TERM, "36" },
		{ 0, 0, FPF_PURPOSE, "购置设备" },
		{ 0, 0, FPF_GUARANTEE, "抵押" },
		{ 0, 0, FPF_CONTACT, "张三" },
		{ 0, 0, FPF_PHONE, "13800000001" },
		{ 1, 1, FPF_AMOUNT, "3456.78" },
		/* unknown: blank, never 0 */
		{ 1, 1, FPF_TERM, "" },
		{ 1, 1, FPF_GUARANTEE, "" },
		{ 1, 1, FPF_CONTACT, "" },
		{ 1, 1, FPF_PHONE, "" },
	};
	const fin_rec *needs[] = { &whole, &bare };
	const fin_pf_contact *contacts[] = { &who, &nobody };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf out = STRBUF_INIT;
		fin_pf_cell(t[i].f, needs[t[i].need], contacts[t[i].contact], &out);
		if (strcmp(sb_str(&out), t[i].cell) != 0)
			fail_msg("row %zu: '%s', want '%s'", i, sb_str(&out), t[i].cell);
		sb_free(&out);
	}
	static const struct { const char *fields; int need; int contact; unsigned missing; } g[] = {
		{ "enterprise uscc amount term purpose guarantee contact phone", 0, 0, 0 },
		{ "enterprise uscc amount term purpose guarantee contact phone", 1, 1,
		  1u << FPF_TERM | 1u << FPF_GUARANTEE | 1u << FPF_CONTACT | 1u << FPF_PHONE },
		/* a field the map leaves out is not asked for */
		{ "uscc amount purpose", 1, 1, 0 },
		{ "uscc amount term", 1, 0, 1u << FPF_TERM },
		{ "uscc amount contact", 0, 1, 1u << FPF_CONTACT },
	};
	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
		fin_pf_map m;
		map_of(&m, g[i].fields);
		unsigned got = fin_pf_missing(&m, needs[g[i].need], contacts[g[i].contact]);
		if (got != g[i].missing)
			fail_msg("gap row %zu: %#x, want %#x", i, got, g[i].missing);
		fin_pf_map_free(&m);
	}
}

static void test_field_codes(void **state)
{
	(void)state;
	for (int f = 0; f < FPF__COUNT; f++) {
		fin_pf_field back;
		assert_true(fin_pf_field_parse(fin_pf_field_code((fin_pf_field)f), &back));
		assert_int_equal(back, f);
	}
	fin_pf_field x;
	assert_false(fin_pf_field_parse("Uscc", &x));
	assert_false(fin_pf_field_parse("", &x));
}

static void test_term_parse(void **state)
{
	(void)state;
	static const struct { const char *in; int months; const char *err; } t[] = {
		{ "12", 12, NULL },
		{ "12个月", 12, NULL },
		{ "12 个月", 12, NULL },
		{ "18月", 18, NULL },
		{ "18 months", 18, NULL },
		{ "1 month", 1, NULL },
		{ "3年", 36, NULL },
		{ "2 years", 24, NULL },
		{ "１２个月", 12, NULL },
		{ " 6 ", 6, NULL },
		{ "50年", 600, NULL },
		{ "600", 600, NULL },
		{ "601", 0, "outside" },
		{ "51年", 0, "outside" },
		{ "0", 0, "outside" },
		{ "", 0, "not a term" },
		{ "年", 0, "not a term" },
		{ "一年", 0, "not a term" },
		{ "12天", 0, "not a term" },
		{ "1.5年", 0, "not a term" },
		{ "-3", 0, "not a term" },
		{ "9999999", 0, "not a term" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int months = -1;
		strbuf err = STRBUF_INIT;
		int rc = fin_term_parse(t[i].in, &months, &err);
		if (t[i].err) {
			if (rc == 0 || !strstr(sb_str(&err), t[i].err))
				fail_msg("'%s': rc %d, '%s', want '%s'", t[i].in, rc, sb_str(&err),
				         t[i].err);
		} else if (rc != 0 || months != t[i].months) {
			fail_msg("'%s': rc %d, %d months, want %d (%s)", t[i].in, rc, months,
			         t[i].months, sb_str(&err));
		}
		sb_free(&err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_rows),
		cmocka_unit_test(test_map_check),
		cmocka_unit_test(test_cells_and_gaps),
		cmocka_unit_test(test_field_codes),
		cmocka_unit_test(test_term_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
