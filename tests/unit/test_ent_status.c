/* The operating status (经营状态): codes and words, which statuses leave the default
 * list, and which changes may be made. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/enterprise.h"

static void test_codes(void **state)
{
	(void)state;
	static const struct { const char *code; ent_status s; bool gone; } t[] = {
		{ "operating", ENT_ST_OPERATING, false },
		{ "moved_out", ENT_ST_MOVED_OUT, true },
		{ "deregistered", ENT_ST_DEREGISTERED, true },
		{ "suspended", ENT_ST_SUSPENDED, false },
	};
	assert_int_equal(sizeof t / sizeof t[0], ENT_ST__COUNT);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ent_status s;
		assert_true(ent_status_parse(t[i].code, &s));
		assert_int_equal(s, t[i].s);
		assert_string_equal(ent_status_code(s), t[i].code);
		assert_int_equal(ent_status_gone(s), t[i].gone);
		assert_true(strlen(ent_status_label(s)) > 0);
	}
	ent_status s;
	assert_false(ent_status_parse("closed", &s));
	assert_false(ent_status_parse(NULL, &s));
	assert_string_equal(ent_status_code(ENT_ST__COUNT), "?");
}

static void test_changes(void **state)
{
	(void)state;
	static const struct { ent_status from, to; bool ok; const char *why; } t[] = {
		{ ENT_ST_OPERATING, ENT_ST_MOVED_OUT, true, "" },
		{ ENT_ST_OPERATING, ENT_ST_SUSPENDED, true, "" },
		{ ENT_ST_SUSPENDED, ENT_ST_OPERATING, true, "" },
		{ ENT_ST_MOVED_OUT, ENT_ST_OPERATING, true, "" },  /* it came back */
		{ ENT_ST_OPERATING, ENT_ST_OPERATING, false, "already operating" },
		{ ENT_ST_DEREGISTERED, ENT_ST_OPERATING, false, "register the new enterprise" },
		{ ENT_ST_DEREGISTERED, ENT_ST_MOVED_OUT, false, "cannot change" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf why = STRBUF_INIT;
		assert_int_equal(ent_status_change_ok(t[i].from, t[i].to, &why), t[i].ok);
		if (!strstr(sb_str(&why), t[i].why))
			fail_msg("%s -> %s: '%s' lacks '%s'", ent_status_code(t[i].from),
			         ent_status_code(t[i].to), sb_str(&why), t[i].why);
		assert_int_equal(why.len == 0, t[i].ok);
		sb_free(&why);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_changes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
