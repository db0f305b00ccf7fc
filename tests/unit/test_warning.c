/* Relocation warnings: source and level spellings, and when a warning may be opened,
 * answered and closed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/warning.h"
#include "testcal.h"

static void test_sources(void **state)
{
	(void)state;
	static const struct { const char *in; bool ok; warn_source s; } t[] = {
		{ "tax", true, WARN_TAX },
		{ "market", true, WARN_MARKET },
		{ "visit", true, WARN_VISIT },
		{ "other", true, WARN_OTHER },
		{ "tax authority", true, WARN_TAX },
		{ "market supervision", true, WARN_MARKET },
		{ "Tax", false, WARN_TAX },
		{ "税", false, WARN_TAX },
		{ "", false, WARN_TAX },
		{ NULL, false, WARN_TAX },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		warn_source s = WARN_OTHER;
		bool ok = warn_source_parse(t[i].in, &s);
		if (ok != t[i].ok || (ok && s != t[i].s))
			fail_msg("'%s': ok %d source %d", t[i].in ? t[i].in : "(null)", ok, s);
	}
	for (int i = 0; i < WARN_SOURCE__COUNT; i++) {
		warn_source s;
		assert_true(warn_source_parse(warn_source_code((warn_source)i), &s));
		assert_int_equal(s, i);
	}
	strbuf b = STRBUF_INIT;
	warn_source_list(&b);
	assert_string_equal(sb_str(&b), "tax, market, visit, other");
	sb_free(&b);
}

static void test_levels(void **state)
{
	(void)state;
	static const struct { const char *in; bool ok; warn_level l; } t[] = {
		{ "low", true, WARN_LOW },
		{ "medium", true, WARN_MEDIUM },
		{ "high", true, WARN_HIGH },
		{ "低", true, WARN_LOW },
		{ "中", true, WARN_MEDIUM },
		{ "高", true, WARN_HIGH },
		{ "high level", true, WARN_HIGH },
		{ "1", false, WARN_LOW },
		{ "3", false, WARN_LOW },
		{ "一级", false, WARN_LOW },
		{ "HIGH", false, WARN_LOW },
		{ "", false, WARN_LOW },
		{ NULL, false, WARN_LOW },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		warn_level l = WARN_LOW;
		bool ok = warn_level_parse(t[i].in, &l);
		if (ok != t[i].ok || (ok && l != t[i].l))
			fail_msg("'%s': ok %d level %d", t[i].in ? t[i].in : "(null)", ok, l);
	}
	assert_string_equal(warn_level_code(WARN_HIGH), "high");
	assert_string_equal(warn_level_code(WARN_LOW), "low");
	assert_string_equal(warn_level_code((warn_level)7), "?");
	assert_true(WARN_HIGH > WARN_MEDIUM && WARN_MEDIUM > WARN_LOW);
}

static void test_changes(void **state)
{
	(void)state;
	static const struct {
		const char *opened; const char *closed; const char *on; warn_verdict v;
	} t[] = {
		{ "2026-11-01", NULL, "2026-12-01", WARN_OK },
		{ "2026-11-01", NULL, "2026-11-01", WARN_OK },
		{ "2026-11-01", NULL, "2026-10-31", WARN_BEFORE_OPENED },
		{ "2026-11-01", NULL, "2026-12-02", WARN_FUTURE },
		{ "2026-11-01", "2026-11-20", "2026-12-01", WARN_IS_CLOSED },
		{ "2026-11-01", "2026-11-20", "2026-10-01", WARN_IS_CLOSED },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		warn_verdict v = warn_change_check(testcal_day(t[i].opened),
		                                   testcal_day_opt(t[i].closed),
		                                   testcal_day(t[i].on), testcal_day("2026-12-01"));
		if (v != t[i].v)
			fail_msg("case %zu: got %d want %d", i, v, t[i].v);
	}
	qdate today = testcal_day("2026-12-01");
	assert_int_equal(warn_open_check(testcal_day("2026-12-01"), today), WARN_OK);
	assert_int_equal(warn_open_check(testcal_day("2025-01-01"), today), WARN_OK);
	assert_int_equal(warn_open_check(testcal_day("2026-12-02"), today), WARN_FUTURE);
}

static void test_validate(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	warn_rec w = { 0 };
	w.source = WARN_TAX;
	w.level = WARN_HIGH;
	w.signal = strdup("  连续三个月零申报 ");
	assert_int_equal(warn_validate(&w, &err), 0);
	assert_string_equal(w.signal, "连续三个月零申报");
	w.level = (warn_level)0;
	assert_int_equal(warn_validate(&w, &err), -1);
	assert_non_null(strstr(sb_str(&err), "low, medium, high"));
	sb_reset(&err);
	w.level = WARN_LOW;
	w.source = WARN_SOURCE__COUNT;
	assert_int_equal(warn_validate(&w, &err), -1);
	assert_non_null(strstr(sb_str(&err), "tax, market, visit, other"));
	sb_reset(&err);
	w.source = WARN_OTHER;
	free(w.signal);
	w.signal = NULL;
	assert_int_equal(warn_validate(&w, &err), -1);
	warn_rec_clear(&w);
	char *text = NULL;
	assert_int_equal(warn_validate_response(&text, false, &err), 0);
	assert_string_equal(text, "");
	assert_int_equal(warn_validate_response(&text, true, &err), -1);
	free(text);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_validate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
