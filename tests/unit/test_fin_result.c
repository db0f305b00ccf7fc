/* The financing platform's matching results (model/fin_result.h): the map's rows, a
 * row read, whether a need already reads as a result says, and which of an
 * enterprise's needs a result without the need's number goes to. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "model/fin_result.h"

static fin_res_map_row add(fin_res_map *m, const char *a, const char *b, const char *c)
{
	char *v[3] = { (char *)a, (char *)b, (char *)c };
	return fin_res_map_add(m, v, c ? 3 : 2);
}

static void small_map(fin_res_map *m)
{
	*m = (fin_res_map){ 0 };
	assert_int_equal(add(m, "state", "matched", "已对接|已授信"), FRES_MAP_OK);
	assert_int_equal(add(m, "state", "funded", "已放款"), FRES_MAP_OK);
	assert_int_equal(add(m, "state", "closed", "未通过"), FRES_MAP_OK);
	assert_int_equal(add(m, "column", "uscc", "统一社会信用代码"), FRES_MAP_OK);
	assert_int_equal(add(m, "column", "need", "需求编号"), FRES_MAP_OK);
	assert_int_equal(add(m, "column", "institution", "金融机构"), FRES_MAP_OK);
	assert_int_equal(add(m, "column", "amount", "金额|金额（元）"), FRES_MAP_OK);
	assert_int_equal(add(m, "column", "state", "状态"), FRES_MAP_OK);
}

static void test_map(void **state)
{
	(void)state;
	fin_res_map m;
	small_map(&m);
	strbuf err = STRBUF_INIT;
	assert_int_equal(fin_res_map_check(&m, &err), 0);
	static const struct { const char *v[3]; fin_res_map_row want; } cases[] = {
		{ { "kind", "matched", "x" }, FRES_MAP_WHAT },
		{ { "state", "matched", NULL }, FRES_MAP_SHAPE },
		{ { "state", "approved", "批准" }, FRES_MAP_STATUS },
		/* a label is not a code: a translation must not change a site's file */
		{ { "state", "financing obtained", "到账" }, FRES_MAP_STATUS },
		{ { "state", "matching", "已对接" }, FRES_MAP_TWICE },
		{ { "state", "matching", " | " }, FRES_MAP_SHAPE },
		{ { "column", "bank", "银行" }, FRES_MAP_FIELD },
		{ { "column", "state", "对接状态" }, FRES_MAP_TWICE },
		{ { "column", "note", "金额" }, FRES_MAP_TWICE },
		{ { "column", "note", "备注|说明" }, FRES_MAP_OK },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(add(&m, cases[i].v[0], cases[i].v[1], cases[i].v[2]), cases[i].want);
	fin_res_map_free(&m);
	/* a map without a state, or without the columns a result needs */
	static const char *const lacks[] = { "state", "institution", "uscc or need" };
	for (int k = 0; k < 3; k++) {
		m = (fin_res_map){ 0 };
		if (k != 0)
			add(&m, "state", "matched", "已对接");
		if (k != 1)
			add(&m, "column", "institution", "金融机构");
		add(&m, "column", "state", "状态");
		if (k != 2)
			add(&m, "column", "uscc", "统一社会信用代码");
		sb_reset(&err);
		assert_int_equal(fin_res_map_check(&m, &err), -1);
		assert_non_null(strstr(sb_str(&err), lacks[k]));
		fin_res_map_free(&m);
	}
	sb_free(&err);
}

static void test_cols(void **state)
{
	(void)state;
	fin_res_map m;
	small_map(&m);
	fin_res_cols c;
	strbuf err = STRBUF_INIT, ignored = STRBUF_INIT;
	const char *need_only[] = { "需求编号", "金融机构", "状态", "联系人" };
	assert_int_equal(fin_res_cols_match(&m, need_only, 4, &c, &err, &ignored), 0);
	assert_int_equal(c.col[FRF_NEED], 0);
	assert_int_equal(c.col[FRF_USCC], -1);
	assert_string_equal(sb_str(&ignored), "联系人");
	const char *neither[] = { "企业", "金额（元）" };
	assert_int_equal(fin_res_cols_match(&m, neither, 2, &c, &err, NULL), -1);
	assert_string_equal(sb_str(&err),
	                    "missing required columns: 统一社会信用代码 (or 需求编号)、金融机构、状态");
	sb_reset(&err);
	const char *twice[] = { "金额", "统一社会信用代码", "金额（元）" };
	assert_int_equal(fin_res_cols_match(&m, twice, 3, &c, &err, NULL), -1);
	assert_non_null(strstr(sb_str(&err), "appears twice (columns 1 and 3)"));
	sb_free(&err);
	sb_free(&ignored);
	fin_res_map_free(&m);
}

static void test_row(void **state)
{
	(void)state;
	fin_res_map m;
	small_map(&m);
	fin_res_cols c;
	strbuf err = STRBUF_INIT;
	const char *head[] = { "统一社会信用代码", "需求编号", "金融机构", "金额", "状态" };
	assert_int_equal(fin_res_cols_match(&m, head, 5, &c, &err, NULL), 0);
	static const struct {
		const char *uscc, *need, *inst, *amount, *state;
		fin_res_field bad;
		int64_t need_id, fen;
		fin_status status;
	} cases[] = {
		{ "914403001922038216", "", "江西银行", "500万", "已对接", FRF_NONE, 0, 500000000,
		  FIN_MATCHED },
		{ "", "#12", "江西银行", "", "已授信", FRF_NONE, 12, 0, FIN_MATCHED },
		{ " 914403001922038216 ", "3", "", "", "未通过", FRF_NONE, 3, 0, FIN_CLOSED },
		{ "", "", "江西银行", "", "已对接", FRF_USCC, 0, 0, 0 },
		{ "91440300708461136X", "", "江西银行", "", "已对接", FRF_USCC, 0, 0, 0 },
		{ "", "十二", "江西银行", "", "已对接", FRF_NEED, 0, 0, 0 },
		{ "", "0", "江西银行", "", "已对接", FRF_NEED, 0, 0, 0 },
		{ "914403001922038216", "", "江西银行", "", "审核中", FRF_STATE, 0, 0, 0 },
		{ "914403001922038216", "", "江西银行", "", "", FRF_STATE, 0, 0, 0 },
		/* matched and funded name the institution */
		{ "914403001922038216", "", "", "", "已对接", FRF_INSTITUTION, 0, 0, 0 },
		/* funded says how much arrived */
		{ "914403001922038216", "", "江西银行", "", "已放款", FRF_AMOUNT, 0, 0, 0 },
		{ "914403001922038216", "", "江西银行", "很多", "已放款", FRF_AMOUNT, 0, 0, 0 },
		{ "914403001922038216", "", "江西银行", "1,000,000.50", "已放款", FRF_NONE, 0, 100000050,
		  FIN_FUNDED },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *row[] = { cases[i].uscc, cases[i].need, cases[i].inst, cases[i].amount,
		                      cases[i].state };
		fin_res_in r;
		fin_res_field bad = FRF_NONE;
		sb_reset(&err);
		int got = fin_res_row_read(&m, &c, row, 5, &r, &bad, &err);
		assert_int_equal(got, cases[i].bad == FRF_NONE ? 0 : -1);
		assert_int_equal(bad, cases[i].bad);
		if (got == 0) {
			assert_int_equal(r.need_id, cases[i].need_id);
			assert_int_equal(r.amount_fen, cases[i].fen);
			assert_int_equal(r.state->status, cases[i].status);
		} else {
			assert_true(err.len > 0);
		}
		fin_res_in_clear(&r);
	}
	sb_free(&err);
	fin_res_map_free(&m);
}

static fin_res_state st_matched = { .status = FIN_MATCHED };
static fin_res_state st_funded = { .status = FIN_FUNDED };
static fin_res_state st_closed = { .status = FIN_CLOSED };

static void test_known(void **state)
{
	(void)state;
	static const struct {
		fin_status status;
		const char *inst;
		int64_t funded;
		const fin_res_state *to;
		const char *r_inst;
		int64_t r_amount;
		bool want;
	} cases[] = {
		{ FIN_MATCHED, "江西银行", 0, &st_matched, "江西银行", 500, true },
		{ FIN_MATCHED, "江西银行", 0, &st_matched, "赣州银行", 0, false },
		{ FIN_NEED, "", 0, &st_matched, "江西银行", 0, false },
		/* funded: the same money too */
		{ FIN_FUNDED, "江西银行", 900, &st_funded, "江西银行", 900, true },
		{ FIN_FUNDED, "江西银行", 900, &st_funded, "江西银行", 800, false },
		/* a result that names no institution leaves the need's as it is */
		{ FIN_CLOSED, "江西银行", 0, &st_closed, "", 0, true },
		{ FIN_FUNDED, "江西银行", 900, &st_closed, "江西银行", 0, false },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fin_rec f = { .status = cases[i].status, .institution = (char *)cases[i].inst,
		              .funded_fen = cases[i].funded };
		fin_res_in r = { .institution = (char *)cases[i].r_inst,
		                 .amount_fen = cases[i].r_amount, .state = cases[i].to };
		assert_int_equal(fin_res_known(&f, &r), cases[i].want);
	}
}

static void test_pick(void **state)
{
	(void)state;
	enum { N = 4 };
	static const struct {
		fin_status status[N];
		int64_t amount[N];
		const char *inst[N];
		bool taken[N];
		int n;
		int64_t r_amount;
		fin_res_pick_rc want;
		int index;
	} cases[] = {
		/* the one open need */
		{ { FIN_NEED }, { 500 }, { "" }, { false }, 1, 0, FRES_PICKED, 0 },
		{ { FIN_FUNDED, FIN_MATCHING, FIN_CLOSED }, { 1, 2, 3 }, { "工行", "", "" }, { 0 }, 3,
		  999, FRES_PICKED, 1 },
		/* none open */
		{ { FIN_FUNDED, FIN_CLOSED }, { 1, 2 }, { "工行", "" }, { 0 }, 2, 0, FRES_NO_OPEN, 0 },
		{ { FIN_NEED }, { 500 }, { "" }, { true }, 1, 0, FRES_NO_OPEN, 0 },
		{ { FIN_NEED }, { 500 }, { "" }, { false }, 0, 0, FRES_NO_OPEN, 0 },
		/* several open: the one of the result's amount */
		{ { FIN_NEED, FIN_MATCHING }, { 500, 200 }, { "", "" }, { 0 }, 2, 200, FRES_PICKED, 1 },
		{ { FIN_NEED, FIN_MATCHING }, { 500, 200 }, { "", "" }, { 0 }, 2, 300, FRES_MANY, 0 },
		{ { FIN_NEED, FIN_MATCHING }, { 500, 200 }, { "", "" }, { 0 }, 2, 0, FRES_MANY, 0 },
		{ { FIN_NEED, FIN_NEED }, { 500, 500 }, { "", "" }, { 0 }, 2, 500, FRES_MANY, 0 },
		/* …not counting one an earlier line took */
		{ { FIN_NEED, FIN_NEED }, { 500, 500 }, { "", "" }, { true, false }, 2, 500,
		  FRES_PICKED, 1 },
		/* a need already as the result says comes first: a second import finds it */
		{ { FIN_NEED, FIN_MATCHED }, { 500, 200 }, { "", "江西银行" }, { 0 }, 2, 500,
		  FRES_PICKED, 1 },
		{ { FIN_NEED, FIN_MATCHED }, { 500, 200 }, { "", "江西银行" }, { false, true }, 2, 500,
		  FRES_PICKED, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fin_rec v[N] = { 0 };
		for (int k = 0; k < N; k++) {
			v[k].status = cases[i].status[k];
			v[k].amount_fen = cases[i].amount[k];
			v[k].institution = (char *)(cases[i].inst[k] ? cases[i].inst[k] : "");
		}
		fin_res_in r = { .institution = (char *)"江西银行", .amount_fen = cases[i].r_amount,
		                 .state = &st_matched };
		int index = -1;
		fin_res_pick_rc got = fin_res_pick(v, cases[i].n, cases[i].taken, &r, &index);
		assert_int_equal(got, cases[i].want);
		if (got == FRES_PICKED)
			assert_int_equal(index, cases[i].index);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_cols),
		cmocka_unit_test(test_row),
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_pick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
