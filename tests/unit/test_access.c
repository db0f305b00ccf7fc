/* Access to personal data (PIPL): which views need an event, and the summary per
 * login of the events. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "model/access.h"

static void test_needs_event(void **state)
{
	(void)state;
	static const access_field ent[] = { ACCESS_LEGAL_REP, ACCESS_CONTACT, ACCESS_PHONE };
	static const struct {
		bool full;
		const char *legal, *contact, *phone;
		bool logged, want;
		const char *fields;
	} t[] = {
		{ true, "张三", "王芳", "13812344392", false, true, "legal_rep,contact,phone" },
		{ true, "", "", "13812344392", false, true, "phone" },
		{ true, "张三", "", "", false, true, "legal_rep" },
		{ true, "", "", "", false, false, "" },          /* nothing personal recorded */
		{ true, NULL, NULL, NULL, false, false, "" },
		{ false, "张三", "王芳", "13812344392", false, false, "legal_rep,contact,phone" },
		{ true, "张三", "王芳", "13812344392", true, false, "legal_rep,contact,phone" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *v[] = { t[i].legal, t[i].contact, t[i].phone };
		unsigned f = access_fields_shown(ent, v, 3);
		strbuf b = STRBUF_INIT;
		sb_add(&b, "");
		access_fields_codes(f, &b);
		if (strcmp(sb_str(&b), t[i].fields) != 0)
			fail_msg("row %zu: fields '%s', want '%s'", i, sb_str(&b), t[i].fields);
		sb_free(&b);
		if (access_needs_event(t[i].full, f, t[i].logged) != t[i].want)
			fail_msg("row %zu", i);
	}
	static const access_field app[] = { ACCESS_CALLER_NAME, ACCESS_CALLER_PHONE };
	const char *v[] = { "李四", "" };
	assert_int_equal(access_fields_shown(app, v, 2), 1u << ACCESS_CALLER_NAME);
	assert_false(access_export_needs_event(0));
	assert_true(access_export_needs_event(1));
}

static void test_parse(void **state)
{
	(void)state;
	static const struct { const char *summary, *kind; long rows; } t[] = {
		{ "kind=enterprise; fields=phone", "enterprise", 0 },
		{ "kind=enterprise; rows=12; fields=legal_rep,contact,phone; to=/tmp/a.csv",
		  "enterprise", 12 },
		{ "kind=appeal; fields=caller_phone", "appeal", 0 },
		{ "", "", 0 },
		{ NULL, "", 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		access_event ev = { 0 };
		access_event_parse(t[i].summary, &ev);
		if (strcmp(ev.kind, t[i].kind) != 0 || ev.rows != t[i].rows)
			fail_msg("row %zu: kind '%s' rows %ld", i, ev.kind, ev.rows);
		free((char *)ev.kind);
	}
}

static void test_summary(void **state)
{
	(void)state;
	access_event ev[] = {
		{ "wang", "2026-12-01 09:00:00", false, "enterprise", 3, 0 },
		{ "li", "2026-12-01 10:00:00", true, "enterprise", 0, 40 },
		{ "wang", "2026-12-02 08:00:00", false, "enterprise", 3, 0 },  /* same subject */
		{ "wang", "2026-12-01 11:00:00", false, "appeal", 3, 0 },      /* another kind */
		{ "li", "2026-12-03 10:00:00", true, "enterprise", 0, 2 },
		{ "wang", "2026-12-01 12:00:00", false, "enterprise", 7, 0 },
		{ "li", "2026-12-02 10:00:00", false, "enterprise", 7, 0 },
	};
	access_summary *s = NULL;
	int n = access_summarise(ev, (int)(sizeof ev / sizeof ev[0]), &s);
	static const struct {
		const char *login;
		long views, exports, subjects, rows;
		const char *last;
	} want[] = {
		{ "li", 1, 2, 1, 42, "2026-12-03 10:00:00" },
		{ "wang", 4, 0, 3, 0, "2026-12-02 08:00:00" },
	};
	assert_int_equal(n, 2);
	for (int i = 0; i < n; i++) {
		assert_string_equal(s[i].login, want[i].login);
		assert_int_equal(s[i].views, want[i].views);
		assert_int_equal(s[i].exports, want[i].exports);
		assert_int_equal(s[i].subjects, want[i].subjects);
		assert_int_equal(s[i].rows, want[i].rows);
		assert_string_equal(s[i].last, want[i].last);
	}
	access_summary_free(s, n);
	assert_int_equal(access_summarise(ev, 0, &s), 0);
	assert_null(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_needs_event),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_summary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
