/* Relocation-warning signals (model/signal.h): what a signal does to the warning of
 * its kind, the status that follows, the map's rows and one row read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "model/signal.h"

static void test_decide(void **state)
{
	(void)state;
	static const struct {
		bool seen, open;
		warn_level level, kind_level;
		signal_action want;
		warn_level after;
	} cases[] = {
		/* no warning of the kind open: one opens at the kind's level */
		{ false, false, WARN_LOW, WARN_LOW, SIG_OPEN, WARN_LOW },
		{ false, false, WARN_LOW, WARN_MEDIUM, SIG_OPEN, WARN_MEDIUM },
		{ false, false, WARN_LOW, WARN_HIGH, SIG_OPEN, WARN_HIGH },
		/* one open: a new signal raises it one level, whatever the kind's level */
		{ false, true, WARN_LOW, WARN_LOW, SIG_RAISE, WARN_MEDIUM },
		{ false, true, WARN_MEDIUM, WARN_LOW, SIG_RAISE, WARN_HIGH },
		{ false, true, WARN_MEDIUM, WARN_HIGH, SIG_RAISE, WARN_HIGH },
		/* already at the top: noted, not raised */
		{ false, true, WARN_HIGH, WARN_LOW, SIG_AT_TOP, WARN_HIGH },
		/* the same signal again: nothing, open or not */
		{ true, true, WARN_MEDIUM, WARN_LOW, SIG_KNOWN, WARN_MEDIUM },
		{ true, false, WARN_LOW, WARN_HIGH, SIG_KNOWN, WARN_HIGH },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		signal_state s = { cases[i].seen, cases[i].open, cases[i].level };
		warn_level after = 0;
		assert_int_equal(signal_decide(&s, cases[i].kind_level, &after), cases[i].want);
		assert_int_equal(after, cases[i].after);
	}
}

static void test_status_follows(void **state)
{
	(void)state;
	signal_kind dereg = { .has_status = true, .status = ENT_ST_DEREGISTERED };
	signal_kind moved = { .has_status = true, .status = ENT_ST_MOVED_OUT };
	signal_kind zero = { .has_status = false };
	static const struct { int kind; ent_status from; bool changes; ent_status to; } cases[] = {
		{ 0, ENT_ST_OPERATING, true, ENT_ST_DEREGISTERED },
		{ 0, ENT_ST_MOVED_OUT, true, ENT_ST_DEREGISTERED },
		{ 0, ENT_ST_DEREGISTERED, false, 0 },
		{ 1, ENT_ST_OPERATING, true, ENT_ST_MOVED_OUT },
		{ 1, ENT_ST_SUSPENDED, true, ENT_ST_MOVED_OUT },
		{ 1, ENT_ST_MOVED_OUT, false, 0 },
		/* a deregistered enterprise stays so */
		{ 1, ENT_ST_DEREGISTERED, false, 0 },
		{ 2, ENT_ST_OPERATING, false, 0 },
	};
	const signal_kind *kinds[] = { &dereg, &moved, &zero };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ent_status to = 0;
		assert_int_equal(signal_status_follows(kinds[cases[i].kind], cases[i].from, &to),
		                 cases[i].changes);
		if (cases[i].changes)
			assert_int_equal(to, cases[i].to);
	}
}

static signal_map_row add(signal_map *m, const char *a, const char *b, const char *c,
		const char *d, const char *e, const char *f)
{
	char *v[6] = { (char *)a, (char *)b, (char *)c, (char *)d, (char *)e, (char *)f };
	return signal_map_add(m, v, f ? 6 : c ? 3 : 2);
}

static void small_map(signal_map *m)
{
	memset(m, 0, sizeof *m);
	assert_int_equal(add(m, "kind", "zero", "tax", "low", "-", "零申报"), SIG_MAP_OK);
	assert_int_equal(add(m, "kind", "dereg", "market", "high", "deregistered", "注销|注销登记"),
	                 SIG_MAP_OK);
	assert_int_equal(add(m, "column", "uscc", "统一社会信用代码", NULL, NULL, NULL), SIG_MAP_OK);
	assert_int_equal(add(m, "column", "kind", "类型", NULL, NULL, NULL), SIG_MAP_OK);
	assert_int_equal(add(m, "column", "date", "日期|所属期", NULL, NULL, NULL), SIG_MAP_OK);
}

static void test_map(void **state)
{
	(void)state;
	signal_map m;
	small_map(&m);
	strbuf err = STRBUF_INIT;
	assert_int_equal(signal_map_check(&m, &err), 0);
	assert_ptr_equal(signal_kind_find(&m, "注销登记", true), &m.kinds[1]);
	assert_null(signal_kind_find(&m, "注销登记", false));
	assert_int_equal(m.kinds[1].level, WARN_HIGH);
	assert_int_equal(m.kinds[0].source, WARN_TAX);
	static const struct { const char *v[6]; signal_map_row want; } cases[] = {
		{ { "kinds", "x", "tax", "low", "-", "x" }, SIG_MAP_WHAT },
		{ { "kind", "x", "visit", "low", "-", "x" }, SIG_MAP_SOURCE },
		{ { "kind", "x", "tax", "一级", "-", "x" }, SIG_MAP_LEVEL },
		{ { "kind", "x", "tax", "low", "operating", "x" }, SIG_MAP_STATUS },
		{ { "kind", "zero", "tax", "low", "-", "x" }, SIG_MAP_TWICE },
		{ { "kind", "x", "tax", "low", "-", "注销" }, SIG_MAP_TWICE },
		{ { "column", "phone", "电话" }, SIG_MAP_FIELD },
		{ { "column", "uscc", "代码" }, SIG_MAP_TWICE },
		{ { "column", "name", "日期" }, SIG_MAP_TWICE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const *v = cases[i].v;
		assert_int_equal(add(&m, v[0], v[1], v[2], v[3], v[4], v[5]), cases[i].want);
	}
	signal_map_free(&m);
	memset(&m, 0, sizeof m);
	assert_int_equal(add(&m, "kind", "zero", "tax", "low", "-", "零申报"), SIG_MAP_OK);
	assert_int_equal(signal_map_check(&m, &err), -1);
	signal_map_free(&m);
	sb_free(&err);
}

static void test_row(void **state)
{
	(void)state;
	signal_map m;
	small_map(&m);
	strbuf err = STRBUF_INIT;
	signal_cols c;
	const char *head[] = { " 统一社会信用代码 ", "备注", "所属期" };
	/* no kind column: only with a fixed kind */
	assert_int_equal(signal_cols_match(&m, false, head, 3, &c, &err, NULL), -1);
	sb_reset(&err);
	assert_int_equal(signal_cols_match(&m, true, head, 3, &c, &err, NULL), 0);
	qdate today = date_from_ymd(2026, 3, 9);
	static const struct {
		const char *uscc, *date;
		int rc;
		signal_field bad;
	} cases[] = {
		{ "91110000600037341L", "2026-02", 0, SIG_F_NONE },
		{ "91110000600037341l", "2026年3月9日", 0, SIG_F_NONE },
		{ "", "2026-02", -1, SIG_F_USCC },
		{ "91110000600037341X", "2026-02", -1, SIG_F_USCC },
		{ "91110000600037341L", "", -1, SIG_F_DATE },
		{ "91110000600037341L", "上月", -1, SIG_F_DATE },
		{ "91110000600037341L", "2026-03-10", -1, SIG_F_DATE },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *row[] = { cases[i].uscc, "", cases[i].date };
		signal_in s;
		signal_field bad;
		sb_reset(&err);
		assert_int_equal(signal_row_read(&m, &m.kinds[0], &c, row, 3, today, &s, &bad, &err),
		                 cases[i].rc);
		assert_int_equal(bad, cases[i].bad);
		if (cases[i].rc == 0) {
			assert_string_equal(s.uscc, "91110000600037341L");
			assert_ptr_equal(s.kind, &m.kinds[0]);
		}
		signal_in_clear(&s);
	}
	signal_map_free(&m);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_status_follows),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
