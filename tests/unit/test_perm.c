/* The permission function: every action for every role, and area scoping. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/perm.h"

/* expected[action] = roles allowed, as a string of initials:
 * f frontdesk, o area officer, u unit staff, s supervisor, l leader, a admin */
static const struct { perm_action act; const char *roles; } expected[] = {
	{ PERM_STAFF_ADD, "a" },
	{ PERM_STAFF_LIST, "fousla" },
	{ PERM_ACT_AS, "a" },
	{ PERM_DB_BACKUP, "sa" },
	{ PERM_DB_CHECK, "fousla" },
	{ PERM_ENT_VIEW, "fousla" },
	{ PERM_ENT_ADD, "fousa" },
	{ PERM_ENT_EDIT, "fousa" },
	{ PERM_ENT_IMPORT, "fsa" },
	{ PERM_ENT_EXPORT, "fousla" },
	{ PERM_ROUTING_OVERRIDE, "s" },
	{ PERM_USCC_OVERRIDE, "s" },
	{ PERM_VISIT_ADD, "fousa" },
	{ PERM_RATING_ADD, "fsa" },
	{ PERM_QUARTER_FREEZE, "s" },
	{ PERM_REPORT_VIEW, "sla" },
	{ PERM_FINANCING_EDIT, "fousa" },
	{ PERM_POOL_EDIT, "ousa" },
	{ PERM_WARNING_EDIT, "fousa" },
};

static const char role_initial[ROLE__COUNT] = {
	[ROLE_FRONTDESK] = 'f', [ROLE_AREA_OFFICER] = 'o', [ROLE_UNIT_STAFF] = 'u',
	[ROLE_SUPERVISOR] = 's', [ROLE_LEADER] = 'l', [ROLE_ADMIN] = 'a',
};

static void test_every_action_every_role(void **state)
{
	(void)state;
	assert_int_equal(sizeof expected / sizeof expected[0], PERM__COUNT);
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
		for (int r = 0; r < ROLE__COUNT; r++) {
			perm_actor a = { (role_t)r, "区科经局", r == ROLE_AREA_OFFICER ? "昌东镇" : NULL, 0 };
			perm_object o = { "昌东镇", NULL };
			perm_verdict v = perm_check(&a, expected[i].act, &o);
			bool want = strchr(expected[i].roles, role_initial[r]) != NULL;
			if (v.allow != want)
				fail_msg("%s for %s: got %d want %d", perm_action_code(expected[i].act),
				         role_code((role_t)r), v.allow, want);
			if (!v.allow)
				assert_non_null(v.reason);
			else
				assert_null(v.reason);
		}
}

static void test_area_scoping(void **state)
{
	(void)state;
	static const struct {
		role_t role; const char *my_area; const char *obj_area; perm_action act; bool allow;
	} t[] = {
		{ ROLE_AREA_OFFICER, "昌东镇", "昌东镇", PERM_ENT_VIEW, true },
		{ ROLE_AREA_OFFICER, "昌东镇", "麻丘镇", PERM_ENT_VIEW, false },
		{ ROLE_AREA_OFFICER, "昌东镇", "麻丘镇", PERM_ENT_EDIT, false },
		{ ROLE_AREA_OFFICER, "昌东镇", "麻丘镇", PERM_VISIT_ADD, false },
		{ ROLE_AREA_OFFICER, "昌东镇", "麻丘镇", PERM_FINANCING_EDIT, false },
		{ ROLE_AREA_OFFICER, "昌东镇", "麻丘镇", PERM_POOL_EDIT, false },
		{ ROLE_AREA_OFFICER, "昌东镇", "麻丘镇", PERM_WARNING_EDIT, false },
		{ ROLE_AREA_OFFICER, "昌东镇", "昌东镇", PERM_POOL_EDIT, true },
		{ ROLE_AREA_OFFICER, "昌东镇", "昌东镇", PERM_WARNING_EDIT, true },
		{ ROLE_AREA_OFFICER, NULL, "麻丘镇", PERM_ENT_VIEW, false },
		{ ROLE_AREA_OFFICER, "昌东镇", NULL, PERM_ENT_VIEW, true },
		{ ROLE_FRONTDESK, NULL, "麻丘镇", PERM_ENT_EDIT, true },
		{ ROLE_SUPERVISOR, NULL, "鲤鱼洲管理处", PERM_ENT_VIEW, true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		perm_actor a = { t[i].role, "x", t[i].my_area, 0 };
		perm_object o = { t[i].obj_area, NULL };
		assert_int_equal(perm_check(&a, t[i].act, &o).allow, t[i].allow);
	}
}

static void test_roles_parse(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__COUNT; r++) {
		role_t got;
		assert_true(role_parse(role_code((role_t)r), &got));
		assert_int_equal(got, r);
	}
	role_t x;
	assert_false(role_parse("boss", &x));
	assert_false(role_parse(NULL, &x));
	assert_false(role_parse("Admin", &x));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_action_every_role),
		cmocka_unit_test(test_area_scoping),
		cmocka_unit_test(test_roles_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
