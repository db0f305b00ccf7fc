/* Masking of personal fields, and who sees them in full. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "model/mask.h"
#include "model/perm.h"

static void test_mask(void **state)
{
	(void)state;
	static const struct { mask_kind kind; const char *in, *want; } t[] = {
		{ MASK_PHONE, "13812344392", "138****4392" },
		{ MASK_PHONE, "+8613812344392", "+86*******4392" },
		{ MASK_PHONE, "0791-88886666", "079******6666" },
		{ MASK_PHONE, "12345678", "123*5678" },
		{ MASK_PHONE, "1234567", "*****67" },
		{ MASK_PHONE, "12345", "***45" },
		{ MASK_PHONE, "1234", "****" },
		{ MASK_PHONE, "", "" },
		{ MASK_PHONE, NULL, "" },
		{ MASK_NAME, "王芳", "王*" },
		{ MASK_NAME, "欧阳娜娜", "欧***" },
		{ MASK_NAME, "王", "*" },
		{ MASK_NAME, "Li Lei", "L*****" },
		{ MASK_NAME, "", "" },
		/* a stray byte counts as one character and is hidden like one */
		{ MASK_NAME, "王\xff芳", "王**" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *got = mask_personal(t[i].kind, t[i].in);
		if (strcmp(got, t[i].want) != 0)
			fail_msg("row %zu: '%s' -> '%s', want '%s'", i, t[i].in ? t[i].in : "(null)",
			         got, t[i].want);
		free(got);
	}
}

static void test_who_sees_in_full(void **state)
{
	(void)state;
	static const struct { role_t role; bool centre, working_on, full; } t[] = {
		{ ROLE_FRONTDESK, true, true, true },
		{ ROLE_FRONTDESK, true, false, false },     /* a list */
		{ ROLE_FRONTDESK, false, true, true },
		{ ROLE_UNIT_STAFF, true, true, true },      /* the centre's callback desk */
		{ ROLE_UNIT_STAFF, true, false, false },
		{ ROLE_UNIT_STAFF, false, true, false },    /* the lead unit */
		{ ROLE_AREA_OFFICER, false, true, false },
		{ ROLE_SUPERVISOR, false, true, false },
		{ ROLE_LEADER, false, true, false },
		{ ROLE_ADMIN, false, true, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		perm_actor a = { t[i].role, "x", NULL, 0, NULL, t[i].centre };
		if (perm_sees_personal(&a, t[i].working_on) != t[i].full)
			fail_msg("row %zu", i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_who_sees_in_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
