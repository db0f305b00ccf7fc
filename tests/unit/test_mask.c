/* Masking of personal fields, and who sees them in full. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "model/enterprise.h"
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

static void test_mask_enterprise(void **state)
{
	(void)state;
	ent_record e = { 0 };
	e.name = strdup("星火电子");
	e.legal_rep = strdup("欧阳娜娜");
	e.contact = strdup("王芳");
	e.phone = strdup("0791-88886666");
	mask_enterprise(&e);
	assert_string_equal(e.legal_rep, "欧***");
	assert_string_equal(e.contact, "王*");
	assert_string_equal(e.phone, "079******6666");
	assert_string_equal(e.name, "星火电子");   /* not personal */
	free(e.name);
	free(e.legal_rep);
	free(e.contact);
	free(e.phone);
}

/* an edit form shows the masked text: left as shown it keeps the value it hides */
static void test_mask_kept(void **state)
{
	(void)state;
	static const struct { mask_kind kind; const char *old, *typed, *want; } t[] = {
		{ MASK_PHONE, "13812344392", "138****4392", "13812344392" },
		{ MASK_PHONE, "13812344392", "13900001111", "13900001111" },
		{ MASK_PHONE, "13812344392", "", "" },              /* cleared on purpose */
		{ MASK_PHONE, "13812344392", "138****439", "138****439" },
		{ MASK_NAME, "王芳", "王*", "王芳" },
		{ MASK_NAME, "王芳", "王五", "王五" },
		{ MASK_NAME, "", "", "" },
		{ MASK_NAME, NULL, "", "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *got = mask_kept(t[i].kind, t[i].old, t[i].typed);
		if (strcmp(got, t[i].want) != 0)
			fail_msg("row %zu: got '%s', want '%s'", i, got, t[i].want);
	}
}

/* who sees an enterprise's legal representative, contact and phone in full; the
 * enterprise is in area 罗坊片区 with lead unit 区工信局 */
static void test_who_sees_ent_in_full(void **state)
{
	(void)state;
	static const struct {
		role_t role;
		const char *unit, *area;
		bool centre, full;
	} t[] = {
		{ ROLE_FRONTDESK, "区企业服务中心", NULL, true, true },
		{ ROLE_FRONTDESK, "区政务中心", NULL, false, true },
		{ ROLE_UNIT_STAFF, "区企业服务中心", NULL, true, true },    /* callback desk */
		{ ROLE_UNIT_STAFF, "区工信局", NULL, false, true },         /* the lead unit */
		{ ROLE_UNIT_STAFF, "区商务局", NULL, false, false },        /* another unit */
		{ ROLE_UNIT_STAFF, NULL, NULL, false, false },
		{ ROLE_AREA_OFFICER, "罗坊片区", "罗坊片区", false, true },  /* its area */
		{ ROLE_AREA_OFFICER, "水北片区", "水北片区", false, false },
		{ ROLE_AREA_OFFICER, "区工信局", NULL, false, false },
		{ ROLE_SUPERVISOR, "区工信局", NULL, false, false },
		{ ROLE_SUPERVISOR, "区企业服务中心", NULL, true, true },
		{ ROLE_LEADER, "区工信局", NULL, false, false },
		{ ROLE_ADMIN, "区信息中心", NULL, false, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		perm_actor a = { t[i].role, t[i].unit, t[i].area, 0, NULL, t[i].centre };
		if (perm_sees_ent_personal(&a, "罗坊片区", "区工信局") != t[i].full)
			fail_msg("row %zu", i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_who_sees_in_full),
		cmocka_unit_test(test_mask_enterprise),
		cmocka_unit_test(test_mask_kept),
		cmocka_unit_test(test_who_sees_ent_in_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
