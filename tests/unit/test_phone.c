/* The work phone rule (model/phone.c): what is a mobile or a landline with its area
 * code, and the one way each is written. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/phone.h"

static void test_work_phone(void **state)
{
	(void)state;
	/* want: the spelling kept, or NULL with a word of the reason in says */
	static const struct { const char *in, *want, *says; } t[] = {
		{ "", "", NULL },
		{ "   ", "", NULL },
		{ NULL, "", NULL },
		{ "13812345678", "13812345678", NULL },
		{ "138 1234 5678", "13812345678", NULL },
		{ "138-1234-5678", "13812345678", NULL },
		{ "+86 138 1234 5678", "13812345678", NULL },
		{ "8613812345678", "13812345678", NULL },
		{ "19912345678", "19912345678", NULL },
		{ "1381234567", NULL, "11 digits" },
		{ "138123456789", NULL, "11 digits" },
		{ "12812345678", NULL, "second digit" },
		{ "13812345678转8", NULL, "no extension" },
		{ "+1 650 555 1234", NULL, "foreign" },
		{ "0791-88881234", "0791-88881234", NULL },
		{ "079188881234", "0791-88881234", NULL },
		{ "(0791) 8888 1234", "0791-88881234", NULL },
		{ "0791 8888 1234", "0791-88881234", NULL },
		{ "0791-8888123", "0791-8888123", NULL },
		{ "010-62345678", "010-62345678", NULL },
		{ "02187654321", "021-87654321", NULL },
		{ "0791-88881234-801", "0791-88881234-801", NULL },
		{ "0791-88881234转801", "0791-88881234-801", NULL },
		{ "0791-88881234 转 801", "0791-88881234-801", NULL },
		{ "(0791) 8888 1234 转 801", "0791-88881234-801", NULL },
		{ "0791 88 1234 转 801", NULL, "one number" },
		{ "+86 791 ...", NULL, "only digits" },
		{ "88881234", NULL, "area code" },
		{ "0791-888812", NULL, "7 or 8 digits" },
		{ "0791-888812345", NULL, "7 or 8 digits" },
		{ "0791-08881234", NULL, "start with 0 or 1" },
		{ "0791-88881234转1234567", NULL, "6 digits" },
		{ "07", NULL, "too short" },
		{ "0791-8888-1234-801", NULL, "one number" },
		{ "tel 0791", NULL, "only digits" },
		{ "０７９１", NULL, "only digits" },
		{ "-", NULL, "no digits" },
		{ "1234567890123456789012345", NULL, "too many" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf out = STRBUF_INIT;
		sb_add(&out, "");
		const char *why = phone_work_check(t[i].in, &out);
		if (t[i].want) {
			if (why)
				fail_msg("row %zu (%s): refused: %s", i, t[i].in, why);
			if (strcmp(sb_str(&out), t[i].want) != 0)
				fail_msg("row %zu (%s): got %s, want %s", i, t[i].in, sb_str(&out),
				         t[i].want);
		} else {
			if (!why)
				fail_msg("row %zu (%s): accepted as %s", i, t[i].in, sb_str(&out));
			if (!strstr(why, t[i].says))
				fail_msg("row %zu (%s): reason '%s' lacks '%s'", i, t[i].in, why,
				         t[i].says);
			assert_string_equal(sb_str(&out), "");
		}
		sb_free(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_work_phone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
