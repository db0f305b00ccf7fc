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
	{ PERM_STAFF_DISABLE, "a" },
	{ PERM_STAFF_EDIT, "a" },
	{ PERM_ACT_AS, "a" },
	{ PERM_DB_BACKUP, "sa" },
	{ PERM_DB_CHECK, "fousla" },
	{ PERM_HOLIDAY_IMPORT, "a" },
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
	{ PERM_INSP_VIEW, "fousla" },
	{ PERM_INSP_REGISTER, "ous" },
	{ PERM_INSP_APPROVE, "sl" },
	{ PERM_INSP_DONE, "ous" },
	{ PERM_INSP_CANCEL, "ous" },
	{ PERM_INSP_EVALUATE, "fos" },
	{ PERM_INSP_EVAL_VIEW, "fsla" },
	{ PERM_INSP_REFUSAL, "fos" },
	{ PERM_INSP_REPORT, "sla" },
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
			perm_actor a = { (role_t)r, "区科经局", r == ROLE_AREA_OFFICER ? "昌东镇" : NULL, 0, NULL, false };
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
		perm_actor a = { t[i].role, "x", t[i].my_area, 0, NULL, false };
		perm_object o = { t[i].obj_area, NULL };
		assert_int_equal(perm_check(&a, t[i].act, &o).allow, t[i].allow);
	}
}

/* Unit scoping of the inspection actions: the actor belongs to 区科经局 (昌东镇 for the
 * area officer); the object is a plan of object_unit (NULL: a unit without a
 * supervisor of its own, for approval) on an enterprise of 昌东镇. */
static void test_unit_scoping(void **state)
{
	(void)state;
	static const struct {
		role_t role; perm_action act; const char *obj_unit; bool allow;
	} t[] = {
		/* units register, record and cancel their own plans */
		{ ROLE_UNIT_STAFF, PERM_INSP_REGISTER, "区科经局", true },
		{ ROLE_UNIT_STAFF, PERM_INSP_REGISTER, "区投促局", false },
		{ ROLE_AREA_OFFICER, PERM_INSP_REGISTER, "昌东镇", true },
		{ ROLE_AREA_OFFICER, PERM_INSP_REGISTER, "麻丘镇", false },
		{ ROLE_SUPERVISOR, PERM_INSP_REGISTER, "区投促局", true },
		{ ROLE_UNIT_STAFF, PERM_INSP_DONE, "区科经局", true },
		{ ROLE_UNIT_STAFF, PERM_INSP_DONE, "区投促局", false },
		{ ROLE_SUPERVISOR, PERM_INSP_DONE, "区投促局", false },
		{ ROLE_UNIT_STAFF, PERM_INSP_CANCEL, "区投促局", false },
		{ ROLE_SUPERVISOR, PERM_INSP_CANCEL, "区投促局", true },
		/* a head (supervisor or leader) of the approving unit approves, no one else */
		{ ROLE_SUPERVISOR, PERM_INSP_APPROVE, "区科经局", true },
		{ ROLE_SUPERVISOR, PERM_INSP_APPROVE, "区投促局", false },
		{ ROLE_LEADER, PERM_INSP_APPROVE, "区科经局", true },
		{ ROLE_LEADER, PERM_INSP_APPROVE, "区投促局", false },
		{ ROLE_UNIT_STAFF, PERM_INSP_APPROVE, "区科经局", false },
		{ ROLE_ADMIN, PERM_INSP_APPROVE, "区科经局", false },
		/* evaluations: hidden from the inspected unit, visible to supervisors */
		{ ROLE_UNIT_STAFF, PERM_INSP_EVAL_VIEW, "区科经局", false },
		{ ROLE_UNIT_STAFF, PERM_INSP_EVAL_VIEW, "区投促局", false },
		{ ROLE_AREA_OFFICER, PERM_INSP_EVAL_VIEW, "昌东镇", false },
		{ ROLE_SUPERVISOR, PERM_INSP_EVAL_VIEW, "区科经局", true },
		{ ROLE_SUPERVISOR, PERM_INSP_EVAL_VIEW, "区投促局", true },
		{ ROLE_FRONTDESK, PERM_INSP_EVAL_VIEW, "区投促局", true },
		{ ROLE_FRONTDESK, PERM_INSP_EVAL_VIEW, "区科经局", false },
		{ ROLE_LEADER, PERM_INSP_EVAL_VIEW, "区投促局", true },
		{ ROLE_LEADER, PERM_INSP_EVAL_VIEW, "区科经局", false },
		{ ROLE_ADMIN, PERM_INSP_EVAL_VIEW, "区投促局", true },
		/* and never recorded by the unit it judges */
		{ ROLE_FRONTDESK, PERM_INSP_EVALUATE, "区投促局", true },
		{ ROLE_SUPERVISOR, PERM_INSP_EVALUATE, "区科经局", false },
		{ ROLE_AREA_OFFICER, PERM_INSP_EVALUATE, "昌东镇", false },
		{ ROLE_AREA_OFFICER, PERM_INSP_EVALUATE, "区科经局", true },
		/* actions without unit rules ignore the unit */
		{ ROLE_UNIT_STAFF, PERM_INSP_VIEW, "区投促局", true },
		{ ROLE_FRONTDESK, PERM_INSP_REFUSAL, "区投促局", true },
		{ ROLE_FRONTDESK, PERM_ENT_EDIT, "区投促局", true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		bool officer = t[i].role == ROLE_AREA_OFFICER;
		perm_actor a = { t[i].role, officer ? "昌东镇" : "区科经局", officer ? "昌东镇" : NULL, 0, NULL, false };
		perm_object o = { "昌东镇", t[i].obj_unit };
		perm_verdict v = perm_check(&a, t[i].act, &o);
		if (v.allow != t[i].allow)
			fail_msg("row %zu: %s for %s on %s: got %d want %d", i,
			         perm_action_code(t[i].act), role_code(t[i].role),
			         t[i].obj_unit ? t[i].obj_unit : "(no unit)", v.allow, t[i].allow);
		if (!v.allow)
			assert_non_null(v.reason);
	}
	/* an area officer's evaluation and refusal records stay in their own area */
	perm_actor officer = { ROLE_AREA_OFFICER, "昌东镇", "昌东镇", 0, NULL, false };
	perm_object elsewhere = { "麻丘镇", "区科经局" };
	assert_false(perm_check(&officer, PERM_INSP_EVALUATE, &elsewhere).allow);
	assert_false(perm_check(&officer, PERM_INSP_REFUSAL, &elsewhere).allow);
	assert_false(perm_check(&officer, PERM_INSP_REGISTER, &elsewhere).allow);
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

/* who sees which appeal or inspection: an appeal of an enterprise in 昌东镇 where
 * 区科经局 is first-responsible, 区住建局 leads and 区应急局 is related */
static void test_sight(void **state)
{
	(void)state;
	static char *const oversees_zj[] = { (char *)"区住建局", NULL };
	static char *const oversees_other[] = { (char *)"区投促局", NULL };
	static const char *const units[] = { "区科经局", "区住建局", "区应急局" };
	static const struct {
		role_t role;
		const char *unit, *area;
		char *const *oversees;
		bool centre;
		perm_sight sight;
		bool sees;
	} t[] = {
		{ ROLE_SUPERVISOR, "区督查室", NULL, NULL, false, PERM_SEE_ALL, true },
		{ ROLE_ADMIN, "区科经局", NULL, NULL, false, PERM_SEE_ALL, true },
		{ ROLE_FRONTDESK, "区企服中心", NULL, NULL, true, PERM_SEE_ALL, true },
		/* the centre's own unit staff work every appeal */
		{ ROLE_UNIT_STAFF, "区企服中心", NULL, NULL, true, PERM_SEE_ALL, true },
		{ ROLE_AREA_OFFICER, "昌东镇", "昌东镇", NULL, false, PERM_SEE_AREA, true },
		{ ROLE_AREA_OFFICER, "麻丘镇", "麻丘镇", NULL, false, PERM_SEE_AREA, false },
		{ ROLE_AREA_OFFICER, "麻丘镇", NULL, NULL, false, PERM_SEE_AREA, false },
		/* first-responsible, lead and related units each see it; others do not */
		{ ROLE_UNIT_STAFF, "区科经局", NULL, NULL, false, PERM_SEE_UNITS, true },
		{ ROLE_UNIT_STAFF, "区住建局", NULL, NULL, false, PERM_SEE_UNITS, true },
		{ ROLE_UNIT_STAFF, "区应急局", NULL, NULL, false, PERM_SEE_UNITS, true },
		{ ROLE_UNIT_STAFF, "区投促局", NULL, NULL, false, PERM_SEE_UNITS, false },
		{ ROLE_UNIT_STAFF, NULL, NULL, NULL, false, PERM_SEE_UNITS, false },
		/* leaders through the units they oversee */
		{ ROLE_LEADER, "区党工委", NULL, oversees_zj, false, PERM_SEE_UNITS, true },
		{ ROLE_LEADER, "区党工委", NULL, oversees_other, false, PERM_SEE_UNITS, false },
		{ ROLE_LEADER, "区党工委", NULL, NULL, false, PERM_SEE_UNITS, false },
	};
	/* the principal leader sees the whole zone */
	perm_actor l1 = { ROLE_LEADER, "区党工委", NULL, 1, NULL, false };
	assert_int_equal(perm_sight_of(&l1), PERM_SEE_ALL);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		perm_actor a = { t[i].role, t[i].unit, t[i].area, 0, t[i].oversees, t[i].centre };
		assert_int_equal(perm_sight_of(&a), t[i].sight);
		if (perm_sees(&a, "昌东镇", units, 3) != t[i].sees)
			fail_msg("row %zu: sees %d", i, !t[i].sees);
	}
	/* a plan: one unit; nobody sees through a list without units */
	perm_actor kj = { ROLE_UNIT_STAFF, "区科经局", NULL, 0, NULL, false };
	const char *plan[] = { "区科经局" };
	assert_true(perm_sees(&kj, "麻丘镇", plan, 1));
	assert_false(perm_sees(&kj, "麻丘镇", NULL, 0));
	/* a leader sees through their own unit and each overseen one */
	perm_actor ld = { ROLE_LEADER, "区党工委", NULL, 2, oversees_zj, false };
	const char *got[4];
	assert_int_equal(perm_sight_units(&ld, got, 4), 2);
	assert_string_equal(got[0], "区党工委");
	assert_string_equal(got[1], "区住建局");
	assert_int_equal(perm_sight_units(&ld, got, 1), 1);
	perm_actor sup = { ROLE_SUPERVISOR, "区督查室", NULL, 0, NULL, false };
	assert_int_equal(perm_sight_units(&sup, got, 4), 0);
}

/* disabling, enabling and demoting a login: never one's own disabled, never twice the
 * same way, never the last active administrator disabled or demoted */
static void test_staff_change(void **state)
{
	(void)state;
	enum { D = PERM_STAFF_CHANGE_DISABLE, E = PERM_STAFF_CHANGE_ENABLE,
	       M = PERM_STAFF_CHANGE_DEMOTE, O = PERM_STAFF_CHANGE_OTHER };
	static const struct {
		const char *actor, *target; bool admin, disabled; long others; int change;
		bool allow; const char *says;
	} t[] = {
		{ "admin", "kj", false, false, 0, D, true, NULL },
		{ "admin", "kj", false, true, 0, E, true, NULL },
		{ "admin", "admin", true, false, 1, D, false, "your own" },
		{ "admin", "kj", false, true, 1, D, false, "already disabled" },
		{ "admin", "kj", false, false, 1, E, false, "not disabled" },
		/* enabling one's own login is moot (a disabled login cannot act), not refused */
		{ "admin", "admin", true, true, 1, E, true, NULL },
		/* another administrator: disabled or demoted while one more remains */
		{ "admin", "ad2", true, false, 1, D, true, NULL },
		{ "admin", "ad2", true, false, 1, M, true, NULL },
		{ "admin", "admin", true, false, 1, M, true, NULL },
		/* the last active administrator (a session acting without a staff row, or the
		 * others all disabled) */
		{ NULL, "ad2", true, false, 0, D, false, "last active administrator" },
		{ "admin", "admin", true, false, 0, M, false, "last active administrator" },
		{ "admin", "ad2", true, false, 0, M, false, "last active administrator" },
		/* a disabled administrator is not the last active one */
		{ "admin", "ad2", true, true, 0, M, true, NULL },
		{ "admin", "ad2", true, true, 0, E, true, NULL },
		/* name, unit, phone: always */
		{ "admin", "admin", true, false, 0, O, true, NULL },
		{ "admin", "kj", false, true, 0, O, true, NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		perm_staff_target tg = { t[i].target, t[i].admin, t[i].disabled, t[i].others };
		const char *why = perm_staff_change(t[i].actor, &tg,
		                                    (perm_staff_change_t)t[i].change);
		if ((why == NULL) != t[i].allow)
			fail_msg("row %zu: got %s", i, why ? why : "allowed");
		if (why)
			assert_non_null(strstr(why, t[i].says));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_action_every_role),
		cmocka_unit_test(test_area_scoping),
		cmocka_unit_test(test_unit_scoping),
		cmocka_unit_test(test_roles_parse),
		cmocka_unit_test(test_sight),
		cmocka_unit_test(test_staff_change),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
