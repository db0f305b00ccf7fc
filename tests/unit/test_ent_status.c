/* The enterprise's standing: the plan's three classes (三大类) from its marks and its
 * category's class, and the operating status (经营状态): codes and words, which
 * statuses leave the default list, and which changes may be made. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/category.h"
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

static void test_classes(void **state)
{
	(void)state;
	static const struct { ent_class cat; bool aviation; const char *group, *intro;
		ent_class want; } t[] = {
		{ ENT_CLASS_ABOVE, false, "", "", ENT_CLASS_ABOVE },       /* 规上工业 */
		{ ENT_CLASS_BELOW, false, "", "", ENT_CLASS_BELOW },       /* 规限下 */
		{ ENT_CLASS_BELOW, false, NULL, NULL, ENT_CLASS_BELOW },
		{ ENT_CLASS_ABOVE, true, "", "", ENT_CLASS_OTHER },        /* aviation */
		{ ENT_CLASS_BELOW, false, "华勤系", "", ENT_CLASS_OTHER },  /* a named group */
		{ ENT_CLASS_ABOVE, false, "", "区投促局", ENT_CLASS_OTHER }, /* newly introduced */
		{ ENT_CLASS_OTHER, false, "", "", ENT_CLASS_ABOVE },       /* no such category class */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(ent_class_decide(t[i].cat, t[i].aviation, t[i].group, t[i].intro),
		                 t[i].want);
	static const char *const codes[ENT_CLASS__COUNT] = { "above_scale", "below_scale", "other" };
	for (int c = 0; c < ENT_CLASS__COUNT; c++) {
		ent_class got;
		assert_string_equal(ent_class_code((ent_class)c), codes[c]);
		assert_true(ent_class_parse(codes[c], &got));
		assert_int_equal(got, c);
		assert_true(*ent_class_label((ent_class)c) && *ent_class_short((ent_class)c));
	}
	ent_class got;
	assert_false(ent_class_parse("five_up", &got));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_classes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
