/* Work-order import rules (model/order_import.h): the column map's rows, the header
 * match, one row read into an order, and the matching decision: by USCC, else by
 * exact name, else held with the reason nearest the trouble. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "model/appeal.h"
#include "model/order_import.h"

static order_map_row add(order_colmap *m, const char *a, const char *b, const char *c)
{
	char *v[3] = { (char *)a, (char *)b, (char *)c };
	return order_colmap_add(m, v, c ? 3 : b ? 2 : 1);
}

/* the map of data/import/12345.tsv, in short */
static void map_12345(order_colmap *m)
{
	memset(m, 0, sizeof *m);
	assert_int_equal(add(m, "channel", "hotline", NULL), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "number", "工单编号|工单号"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "received_at", "来电时间"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "caller", "来电人"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "phone", "联系电话"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "content", "诉求内容"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "enterprise", "企业名称"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "uscc", "统一社会信用代码"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "kind", "诉求类型"), ORDER_MAP_OK);
	assert_int_equal(add(m, "column", "due", "办理时限"), ORDER_MAP_OK);
	assert_int_equal(add(m, "kind", "咨询", "simple"), ORDER_MAP_OK);
	assert_int_equal(add(m, "kind", "投诉", "complex"), ORDER_MAP_OK);
	assert_int_equal(add(m, "kind", "*", "general"), ORDER_MAP_OK);
}

static void test_map_rows(void **state)
{
	(void)state;
	static const struct {
		const char *a, *b, *c;
		order_map_row want;
	} t[] = {
		{ "channel", "online", NULL, ORDER_MAP_TWICE },     /* the map has one already */
		{ "channel", "phone", NULL, ORDER_MAP_CHANNEL },    /* not a channel of orders */
		{ "channel", "hotline", "x", ORDER_MAP_SHAPE },
		{ "column", "number", "编号", ORDER_MAP_TWICE },      /* the field again */
		{ "column", "phone2", "电话", ORDER_MAP_FIELD },
		{ "column", "number", NULL, ORDER_MAP_SHAPE },
		{ "kind", "求助", "urgent", ORDER_MAP_KIND },
		{ "kind", "咨询", "general", ORDER_MAP_TWICE },
		{ "kind", "*", "simple", ORDER_MAP_TWICE },
		{ "kind", "求助", "general", ORDER_MAP_OK },
		{ "columns", "number", "x", ORDER_MAP_WHAT },
		{ "callback", "satisfied", "满意", ORDER_MAP_OK },
		{ "callback", "satisfied", "很满意", ORDER_MAP_TWICE },
		{ "callback", "none", "未回访", ORDER_MAP_CALLBACK },
		{ "callback", "dissatisfied", NULL, ORDER_MAP_SHAPE },
	};
	order_colmap m;
	map_12345(&m);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (add(&m, t[i].a, t[i].b, t[i].c) != t[i].want)
			fail_msg("row %zu (%s %s): want %d", i, t[i].a, t[i].b, t[i].want);
	assert_int_equal(m.cols.nheaders[ORDER_F_NUMBER], 2);
	order_colmap_free(&m);

	/* a header names one field only: a column must not be read for two */
	memset(&m, 0, sizeof m);
	assert_int_equal(add(&m, "column", "enterprise", "企业"), ORDER_MAP_OK);
	assert_int_equal(add(&m, "column", "uscc", "代码| 企业 "), ORDER_MAP_TWICE);
	assert_int_equal(add(&m, "column", "content", " | "), ORDER_MAP_SHAPE);
	order_colmap_free(&m);

	/* a whole map: a channel, number, content, and the enterprise's name or code */
	strbuf err = STRBUF_INIT;
	memset(&m, 0, sizeof m);
	assert_int_equal(order_colmap_check(&m, &err), -1);
	assert_string_equal(sb_str(&err), "no channel row (channel hotline or channel online); "
	                    "no column row for the field number; no column row for the field "
	                    "content; no column row for the field enterprise or uscc");
	add(&m, "channel", "online", NULL);
	add(&m, "column", "number", "编号");
	add(&m, "column", "content", "内容");
	add(&m, "column", "uscc", "代码");
	sb_reset(&err);
	assert_int_equal(order_colmap_check(&m, &err), 0);
	assert_int_equal(m.channel, APPEAL_CH_ONLINE);
	order_colmap_free(&m);
	sb_free(&err);
}

static void test_header(void **state)
{
	(void)state;
	order_colmap m;
	map_12345(&m);
	order_cols c;
	strbuf err = STRBUF_INIT, ignored = STRBUF_INIT;
	const char *h1[] = { "备注", " 工单号 ", "诉求内容", "统一社会信用代码" };
	assert_int_equal(order_cols_match(&m, h1, 4, &c, &err, &ignored), 0);
	assert_int_equal(c.col[ORDER_F_NUMBER], 1);
	assert_int_equal(c.col[ORDER_F_CONTENT], 2);
	assert_int_equal(c.col[ORDER_F_USCC], 3);
	assert_int_equal(c.col[ORDER_F_ENTERPRISE], -1);
	assert_string_equal(sb_str(&ignored), "备注");
	/* two spellings of one field are one column twice */
	const char *h2[] = { "工单编号", "诉求内容", "企业名称", "工单号" };
	assert_int_equal(order_cols_match(&m, h2, 4, &c, &err, NULL), -1);
	assert_string_equal(sb_str(&err), "column 工单号 appears twice (columns 1 and 4)");
	sb_reset(&err);
	const char *h3[] = { "来电时间", "诉求类型" };
	assert_int_equal(order_cols_match(&m, h3, 2, &c, &err, NULL), -1);
	assert_string_equal(sb_str(&err),
	                    "missing required columns: 工单编号、诉求内容、企业名称 or 统一社会信用代码");
	order_colmap_free(&m);
	sb_free(&err);
	sb_free(&ignored);
}

static void test_rows(void **state)
{
	(void)state;
	order_colmap m;
	map_12345(&m);
	order_cols c;
	strbuf err = STRBUF_INIT;
	const char *head[] = { "工单编号", "来电时间", "来电人", "联系电话", "诉求内容", "企业名称",
		"统一社会信用代码", "诉求类型", "办理时限" };
	assert_int_equal(order_cols_match(&m, head, 9, &c, &err, NULL), 0);
	static const struct {
		const char *cells[9];
		order_field bad;     /* ORDER_F__COUNT: the row is good */
		const char *received, *due, *name, *uscc;
		bool valid;
		ticket_kind kind;
	} t[] = {
		{ { "A1", "2026-03-06 09:30:00", "张三", "138", "路灯", "华勤", "914403001922038216", "咨询",
		    "2026-03-13" }, ORDER_F__COUNT, "2026-03-06 09:30:00", "2026-03-13", "华勤",
		  "914403001922038216", true, TICKET_KIND_SIMPLE },
		/* other spellings of a time; a deadline's time is dropped */
		{ { "A2", "2026/3/6 9:05", "", "", "x", "某公司", "", "投诉", "2026年3月13日 18:00" },
		  ORDER_F__COUNT, "2026-03-06 09:05:00", "2026-03-13", "某公司", "", false,
		  TICKET_KIND_COMPLEX },
		/* a code in the name column is read as the code; a type not listed: '*' */
		{ { "A3", "2026-03-06", "", "", "x", "91110000600037341L", "", "其他", "" },
		  ORDER_F__COUNT, "2026-03-06", "", "", "91110000600037341L", true,
		  TICKET_KIND_GENERAL },
		/* a code that fails its check is kept as typed, for the person matching */
		{ { "A4", "", "", "", "x", "某公司", "91440300708461136x", "", "" },
		  ORDER_F__COUNT, "", "", "某公司", "91440300708461136X", false, TICKET_KIND_GENERAL },
		{ { " ", "", "", "", "x", "某公司", "", "", "" }, ORDER_F_NUMBER, NULL, NULL, NULL, NULL, false, 0 },
		{ { "A6", "", "", "", "  ", "某公司", "", "", "" }, ORDER_F_CONTENT, NULL, NULL, NULL, NULL, false, 0 },
		{ { "A7", "昨天", "", "", "x", "某公司", "", "", "" }, ORDER_F_RECEIVED, NULL, NULL, NULL, NULL, false, 0 },
		{ { "A8", "2026-03-06 25:00", "", "", "x", "某公司", "", "", "" }, ORDER_F_RECEIVED, NULL, NULL, NULL, NULL, false, 0 },
		{ { "A9", "2026-03-06 9:5:", "", "", "x", "某公司", "", "", "" }, ORDER_F_RECEIVED, NULL, NULL, NULL, NULL, false, 0 },
		{ { "A10", "", "", "", "x", "某公司", "", "", "三个工作日" }, ORDER_F_DUE, NULL, NULL, NULL, NULL, false, 0 },
		{ { "A11", "", "", "", "x", "某公司", "", "", "2026-02-30" }, ORDER_F_DUE, NULL, NULL, NULL, NULL, false, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		order_in o = { 0 };
		order_field bad;
		sb_reset(&err);
		int rc = order_row_read(&m, &c, t[i].cells, 9, &o, &bad, &err);
		if (t[i].bad != ORDER_F__COUNT) {
			if (rc != -1 || bad != t[i].bad)
				fail_msg("row %zu: want field %d refused, got rc %d field %d", i, t[i].bad, rc,
				         bad);
			assert_true(err.len > 0);
		} else {
			if (rc != 0)
				fail_msg("row %zu: %s", i, sb_str(&err));
			assert_string_equal(o.received_at, t[i].received);
			assert_string_equal(o.due, t[i].due);
			assert_string_equal(o.enterprise, t[i].name);
			assert_string_equal(o.uscc, t[i].uscc);
			assert_int_equal(o.uscc_valid, t[i].valid);
			assert_int_equal(o.kind, t[i].kind);
		}
		order_in_clear(&o);
	}
	/* a ragged row is refused as a whole */
	order_in o = { 0 };
	order_field bad;
	assert_int_equal(order_row_read(&m, &c, head, 3, &o, &bad, &err), -1);
	assert_int_equal(bad, ORDER_F_NONE);
	order_in_clear(&o);
	/* without a '*' row an unlisted type is refused, naming it */
	order_colmap strict;
	memset(&strict, 0, sizeof strict);
	add(&strict, "channel", "hotline", NULL);
	add(&strict, "column", "number", "工单编号");
	add(&strict, "column", "content", "诉求内容");
	add(&strict, "column", "enterprise", "企业名称");
	add(&strict, "column", "kind", "诉求类型");
	add(&strict, "kind", "咨询", "simple");
	const char *h[] = { "工单编号", "诉求内容", "企业名称", "诉求类型" };
	const char *r[] = { "B1", "x", "某公司", "表扬" };
	assert_int_equal(order_cols_match(&strict, h, 4, &c, &err, NULL), 0);
	sb_reset(&err);
	assert_int_equal(order_row_read(&strict, &c, r, 4, &o, &bad, &err), -1);
	assert_int_equal(bad, ORDER_F_KIND);
	assert_string_equal(sb_str(&err),
	                    "the type '表扬' is not in the column map, which has no '*' kind row");
	order_in_clear(&o);
	order_colmap_free(&strict);
	order_colmap_free(&m);
	sb_free(&err);
}

static void test_match(void **state)
{
	(void)state;
	/* uscc given, valid, found; name given, hits */
	static const struct {
		bool ug, uv, uf, ng;
		int hits;
		order_match want;
	} t[] = {
		{ true, true, true, false, 0, ORDER_MATCH_USCC },
		/* the code decides even where the name names another enterprise */
		{ true, true, true, true, 1, ORDER_MATCH_USCC },
		{ true, true, true, true, 2, ORDER_MATCH_USCC },
		/* an early pilot code in the register is found as it is */
		{ true, false, true, false, 0, ORDER_MATCH_USCC },
		{ false, false, false, true, 1, ORDER_MATCH_NAME },
		{ true, true, false, true, 1, ORDER_MATCH_NAME },
		{ true, false, false, true, 1, ORDER_MATCH_NAME },
		{ false, false, false, true, 2, ORDER_HOLD_NAME_AMBIGUOUS },
		{ true, true, false, true, 2, ORDER_HOLD_NAME_AMBIGUOUS },
		{ true, false, false, false, 0, ORDER_HOLD_USCC_INVALID },
		{ true, false, false, true, 0, ORDER_HOLD_USCC_INVALID },
		{ true, true, false, false, 0, ORDER_HOLD_USCC_UNKNOWN },
		{ true, true, false, true, 0, ORDER_HOLD_USCC_UNKNOWN },
		{ false, false, false, true, 0, ORDER_HOLD_NAME_UNKNOWN },
		{ false, false, false, false, 0, ORDER_HOLD_NO_ENTERPRISE },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		order_lookup l = { t[i].ug, t[i].uv, t[i].uf, t[i].ng, t[i].hits };
		order_match got = order_match_decide(&l);
		if (got != t[i].want)
			fail_msg("case %zu: got %d, want %d", i, got, t[i].want);
	}
	/* a hold's code comes back; a match has none */
	for (int m = 0; m < ORDER_MATCH__COUNT; m++) {
		order_match back;
		bool held = order_match_held((order_match)m);
		assert_int_equal(held, m != ORDER_MATCH_USCC && m != ORDER_MATCH_NAME);
		assert_int_equal(order_match_parse(order_match_code((order_match)m), &back), held);
		if (held)
			assert_int_equal(back, m);
	}
}

/* the export writes the map's fields in field order; results, answer time and the
 * callback as the map words it */
static void test_export(void **state)
{
	(void)state;
	order_colmap m;
	map_12345(&m);
	add(&m, "column", "callback", "回访结果");
	add(&m, "column", "result", "办理结果");
	add(&m, "callback", "dissatisfied", "不满意");
	order_field f[ORDER_F__COUNT];
	int n = order_export_fields(&m, f);
	assert_int_equal(n, 11);
	assert_int_equal(f[0], ORDER_F_NUMBER);
	assert_int_equal(f[8], ORDER_F_DUE);
	assert_int_equal(f[9], ORDER_F_RESULT);      /* field order, not the map's */
	assert_int_equal(f[10], ORDER_F_CALLBACK);
	order_out o = { .result = "已修复", .answered_at = "2026-03-10 09:00:00",
		.callback = ORDER_CB_DISSATISFIED, .callback_reason = "太慢" };
	o.field[ORDER_F_NUMBER] = "A1";
	static const struct {
		order_field f;
		order_callback cb;
		const char *reason, *want;
	} t[] = {
		{ ORDER_F_NUMBER, ORDER_CB_NONE, "", "A1" },
		{ ORDER_F_CALLER, ORDER_CB_NONE, "", "" },   /* not given: empty, not NULL */
		{ ORDER_F_RESULT, ORDER_CB_NONE, "", "已修复" },
		{ ORDER_F_ANSWERED_AT, ORDER_CB_NONE, "", "2026-03-10 09:00:00" },
		{ ORDER_F_CALLBACK, ORDER_CB_NONE, "", "" },
		{ ORDER_F_CALLBACK, ORDER_CB_DISSATISFIED, "太慢", "不满意：太慢" },
		{ ORDER_F_CALLBACK, ORDER_CB_DISSATISFIED, "", "不满意" },
		/* no words in the map for it: the code */
		{ ORDER_F_CALLBACK, ORDER_CB_SATISFIED, "", "satisfied" },
	};
	strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		o.callback = t[i].cb;
		o.callback_reason = t[i].reason;
		order_export_cell(&m, &o, t[i].f, &out);
		if (strcmp(sb_str(&out), t[i].want) != 0)
			fail_msg("case %zu: \"%s\", want \"%s\"", i, sb_str(&out), t[i].want);
	}
	sb_free(&out);
	order_colmap_free(&m);
}

static void test_title(void **state)
{
	(void)state;
	char *t = appeal_title_of("  多行\n诉求\t内容  ", 100);
	assert_string_equal(t, "多行 诉求 内容");
	free(t);
	t = appeal_title_of("路灯不亮晚上不安全", 4);
	assert_string_equal(t, "路灯不亮");
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_rows),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_title),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
