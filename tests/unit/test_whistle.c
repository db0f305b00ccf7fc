/* The whistle's rules: the report-in deadline on the real working calendar (weekends,
 * holidays, make-up days), the state of a whistle on a day, who may report in, and
 * the checks of what was typed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/whistle.h"
#include "testcal.h"

static calendar *cal;

static int setup(void **state)
{
	(void)state;
	cal = testcal_load();
	return cal ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(&cal);
	return 0;
}

static void test_report_due(void **state)
{
	(void)state;
	static const struct {
		const char *called;
		int days;
		const char *due;
	} rows[] = {
		{ "2026-12-01", 1, "2026-12-02" },   /* Tuesday: the next working day */
		{ "2026-12-04", 1, "2026-12-07" },   /* Friday: over the weekend */
		{ "2026-12-05", 1, "2026-12-07" },   /* Saturday: Monday's end */
		{ "2026-12-06", 1, "2026-12-07" },   /* Sunday too */
		{ "2026-09-30", 1, "2026-10-08" },   /* before the National Day week */
		{ "2026-10-09", 1, "2026-10-10" },   /* Saturday the 10th is a make-up working day */
		{ "2026-02-13", 1, "2026-02-14" },   /* Saturday the 14th as well (Spring Festival) */
		{ "2026-12-01", 3, "2026-12-04" },
		{ "2026-12-03", 3, "2026-12-08" },
		{ "2026-12-01", 0, "2026-12-01" },   /* no limit: the day itself */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		qdate got = whistle_report_due(cal, testcal_day_opt(rows[i].called), rows[i].days);
		char g[11];
		if (got != testcal_day_opt(rows[i].due))
			fail_msg("row %zu: %s + %d working days: got %s, want %s", i, rows[i].called,
			         rows[i].days, date_format(got, g), rows[i].due);
	}
	assert_int_equal(whistle_report_due(cal, DATE_NONE, 1), DATE_NONE);
}

static void test_state_on(void **state)
{
	(void)state;
	static const struct {
		const char *due, *reported, *today;
		whistle_state want;
	} rows[] = {
		{ "2026-12-02", NULL, "2026-12-01", WHISTLE_ST_WAITING },
		{ "2026-12-02", NULL, "2026-12-02", WHISTLE_ST_WAITING },  /* the whole due day */
		{ "2026-12-02", NULL, "2026-12-03", WHISTLE_ST_OVERDUE },
		{ "2026-12-02", "2026-12-01", "2026-12-09", WHISTLE_ST_REPORTED },
		{ "2026-12-02", "2026-12-02", "2026-12-09", WHISTLE_ST_REPORTED },
		{ "2026-12-02", "2026-12-03", "2026-12-09", WHISTLE_ST_LATE },
		{ "2026-12-02", "2026-12-03", "2026-12-03", WHISTLE_ST_LATE },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		whistle_state got = whistle_state_on(testcal_day_opt(rows[i].due),
		                                     testcal_day_opt(rows[i].reported),
		                                     testcal_day_opt(rows[i].today));
		if (got != rows[i].want)
			fail_msg("row %zu: got %s, want %s", i, whistle_state_code(got),
			         whistle_state_code(rows[i].want));
	}
}

static void test_may_report(void **state)
{
	(void)state;
	static const struct {
		const char *login, *unit;
		role_t role;
		bool may;
	} rows[] = {
		{ "kj", "区科经局", ROLE_UNIT_STAFF, true },       /* the commissioner */
		{ "kj2", "区科经局", ROLE_UNIT_STAFF, true },      /* a colleague standing in */
		{ "tc", "区投促局", ROLE_UNIT_STAFF, false },      /* another unit */
		{ "fd", "区企服中心", ROLE_FRONTDESK, false },
		{ "mq", "麻丘镇", ROLE_AREA_OFFICER, false },
		{ "sup", "区企服中心", ROLE_SUPERVISOR, true },
		{ "root", "区企服中心", ROLE_ADMIN, true },
		{ "ld", "区科经局", ROLE_LEADER, false },          /* leaders do not report in */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *why = whistle_may_report(rows[i].login, rows[i].unit, rows[i].role, "kj",
		                                     "区科经局");
		if ((why == NULL) != rows[i].may)
			fail_msg("row %zu (%s): got %s", i, rows[i].login, why ? why : "may");
	}
}

static void test_codes(void **state)
{
	(void)state;
	for (int v = 0; v < WHISTLE_VIA__COUNT; v++) {
		whistle_via back;
		assert_true(whistle_via_parse(whistle_via_code((whistle_via)v), &back));
		assert_int_equal(back, v);
	}
	for (int s = 0; s < WHISTLE_ST__COUNT; s++) {
		whistle_state back;
		assert_true(whistle_state_parse(whistle_state_code((whistle_state)s), &back));
		assert_int_equal(back, s);
	}
	whistle_via v;
	assert_false(whistle_via_parse("email", &v));
	assert_int_equal(whistle_via_channel(WHISTLE_VIA_PHONE), APPEAL_CH_PHONE);
	assert_int_equal(whistle_via_channel(WHISTLE_VIA_VISIT), APPEAL_CH_VISIT);
	assert_int_equal(whistle_via_channel(WHISTLE_VIA_MESSAGE), APPEAL_CH_ONLINE);
}

static void test_validate(void **state)
{
	(void)state;
	static const struct {
		const char *caller, *text, *date;
		int via;
		const char *err; /* NULL: valid */
	} rows[] = {
		{ " 张经理 ", " 用电报装 ", "2026-12-01", WHISTLE_VIA_PHONE, NULL },
		{ "张经理", "用电", "2026-11-20", WHISTLE_VIA_MESSAGE, NULL },
		{ "", "用电", "2026-12-01", WHISTLE_VIA_PHONE, "who called must not be empty" },
		{ "张经理", "  ", "2026-12-01", WHISTLE_VIA_PHONE,
		  "what the enterprise asked must not be empty" },
		{ "张经理", "用电", "2026-12-02", WHISTLE_VIA_PHONE, "lies after today" },
		{ "张经理", "用电", NULL, WHISTLE_VIA_PHONE, "must not be empty" },
		{ "张经理", "用电", "2026-12-01", WHISTLE_VIA__COUNT, "phone, visit or message" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		whistle_rec w = { 0 };
		w.caller = strdup(rows[i].caller);
		w.text = strdup(rows[i].text);
		w.called_on = testcal_day_opt(rows[i].date);
		w.via = (whistle_via)rows[i].via;
		strbuf err = STRBUF_INIT;
		int rc = whistle_validate(&w, testcal_day("2026-12-01"), &err);
		if (rows[i].err == NULL && rc != 0)
			fail_msg("row %zu: refused: %s", i, sb_str(&err));
		if (rows[i].err && (rc == 0 || !strstr(sb_str(&err), rows[i].err)))
			fail_msg("row %zu: got '%s', want '%s'", i, sb_str(&err), rows[i].err);
		if (i == 0) {
			assert_string_equal(w.caller, "张经理");
			assert_string_equal(w.text, "用电报装");
		}
		sb_free(&err);
		whistle_rec_clear(&w);
	}
}

static void test_validate_report(void **state)
{
	(void)state;
	static const struct {
		const char *text, *on;
		const char *err;
	} rows[] = {
		{ "已上门，协调供电所", "2026-12-01", NULL },
		{ "已电话回复", "2026-11-25", NULL },             /* the whistle's own day */
		{ " ", "2026-12-01", "what was done must not be empty" },
		{ "已回复", "2026-12-02", "lies after today" },
		{ "已回复", "2026-11-24", "lies before the whistle" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *text = strdup(rows[i].text);
		strbuf err = STRBUF_INIT;
		int rc = whistle_validate_report(&text, testcal_day_opt(rows[i].on),
		                                 testcal_day("2026-11-25"),
		                                 testcal_day("2026-12-01"), &err);
		if (rows[i].err == NULL && rc != 0)
			fail_msg("row %zu: refused: %s", i, sb_str(&err));
		if (rows[i].err && (rc == 0 || !strstr(sb_str(&err), rows[i].err)))
			fail_msg("row %zu: got '%s', want '%s'", i, sb_str(&err), rows[i].err);
		sb_free(&err);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_due),
		cmocka_unit_test(test_state_on),
		cmocka_unit_test(test_may_report),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_validate_report),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
