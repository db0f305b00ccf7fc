/* Who may do what. One table of (action, roles allowed, scoping rule) and one
 * function over it, so that the CLI and every pane ask the same question. */
#include "model/perm.h"

#include <string.h>

#include "core/i18n.h"

static const char *const role_codes[ROLE__COUNT] = {
	[ROLE_FRONTDESK] = "frontdesk",
	[ROLE_AREA_OFFICER] = "area_officer",
	[ROLE_UNIT_STAFF] = "unit_staff",
	[ROLE_SUPERVISOR] = "supervisor",
	[ROLE_LEADER] = "leader",
	[ROLE_ADMIN] = "admin",
};

static const char *const role_labels[ROLE__COUNT] = {
	[ROLE_FRONTDESK] = N_("front desk"),
	[ROLE_AREA_OFFICER] = N_("area officer"),
	[ROLE_UNIT_STAFF] = N_("unit staff"),
	[ROLE_SUPERVISOR] = N_("supervisor"),
	[ROLE_LEADER] = N_("leader"),
	[ROLE_ADMIN] = N_("administrator"),
};

const char *role_code(role_t r)
{
	return r < ROLE__COUNT ? role_codes[r] : "?";
}

const char *role_label(role_t r)
{
	return r < ROLE__COUNT ? role_labels[r] : "?";
}

bool role_parse(const char *code, role_t *out)
{
	for (int r = 0; r < ROLE__COUNT; r++)
		if (code && strcmp(code, role_codes[r]) == 0) {
			*out = (role_t)r;
			return true;
		}
	return false;
}

#define R(x) (1u << (x))
#define ALL_ROLES (R(ROLE__COUNT) - 1)

/* AREA_SCOPED: an area officer may act only on objects of their own area */
enum { AREA_SCOPED = 1 };

static const struct rule {
	const char *code;
	unsigned roles;
	unsigned flags;
	const char *denied; /* why, when the role is not in roles */
} rules[PERM__COUNT] = {
	[PERM_STAFF_ADD] = { "staff.add", R(ROLE_ADMIN), 0,
		N_("only an administrator may add staff") },
	[PERM_STAFF_LIST] = { "staff.list", ALL_ROLES, 0, NULL },
	[PERM_STAFF_DISABLE] = { "staff.disable", R(ROLE_ADMIN), 0,
		N_("only an administrator may disable or enable a login") },
	[PERM_STAFF_EDIT] = { "staff.edit", R(ROLE_ADMIN), 0,
		N_("only an administrator may change a login's name, unit, role or work phone") },
	[PERM_ACT_AS] = { "act-as", R(ROLE_ADMIN), 0,
		N_("only an administrator may act as another login (--as)") },
	[PERM_DB_BACKUP] = { "db.backup", R(ROLE_ADMIN) | R(ROLE_SUPERVISOR), 0,
		N_("only an administrator or a supervisor may back up the database") },
	[PERM_DB_CHECK] = { "db.check", ALL_ROLES, 0, NULL },
	[PERM_HOLIDAY_IMPORT] = { "holiday.import", R(ROLE_ADMIN), 0,
		N_("only an administrator may import a holiday notice") },
	[PERM_ENT_VIEW] = { "enterprise.view", ALL_ROLES, AREA_SCOPED, NULL },
	[PERM_ENT_ADD] = { "enterprise.add",
		ALL_ROLES & ~R(ROLE_LEADER), AREA_SCOPED,
		N_("leaders do not maintain the enterprise register") },
	[PERM_ENT_EDIT] = { "enterprise.edit",
		ALL_ROLES & ~R(ROLE_LEADER), AREA_SCOPED,
		N_("leaders do not maintain the enterprise register") },
	[PERM_ENT_IMPORT] = { "enterprise.import",
		R(ROLE_FRONTDESK) | R(ROLE_SUPERVISOR) | R(ROLE_ADMIN), 0,
		N_("only the service centre's front desk, supervisors and administrators may "
		   "import enterprises") },
	[PERM_ENT_EXPORT] = { "enterprise.export", ALL_ROLES, AREA_SCOPED, NULL },
	[PERM_ROUTING_OVERRIDE] = { "routing.override", R(ROLE_SUPERVISOR), 0,
		N_("only a supervisor may override the routed lead unit") },
	[PERM_USCC_OVERRIDE] = { "uscc.override", R(ROLE_SUPERVISOR), 0,
		N_("only a supervisor may accept a code that fails the check") },
	[PERM_RATING_ADD] = { "rating.add", R(ROLE_FRONTDESK) | R(ROLE_SUPERVISOR) | R(ROLE_ADMIN), 0,
		N_("only the service centre's front desk, supervisors and administrators record "
		   "ratings") },
	[PERM_QUARTER_FREEZE] = { "quarter.freeze", R(ROLE_SUPERVISOR), 0,
		N_("only a supervisor may freeze a quarter's ratings") },
	[PERM_REPORT_VIEW] = { "report.view", R(ROLE_SUPERVISOR) | R(ROLE_LEADER) | R(ROLE_ADMIN), 0,
		N_("reports are for supervisors, leaders and administrators") },
	[PERM_VISIT_ADD] = { "visit.add", ALL_ROLES & ~R(ROLE_LEADER), AREA_SCOPED,
		N_("leaders do not log visits") },
	[PERM_FINANCING_EDIT] = { "financing.edit", ALL_ROLES & ~R(ROLE_LEADER), AREA_SCOPED,
		N_("leaders do not record financing needs") },
	/* admitting an enterprise to a pool is the lead units' and areas' decision, not the
	 * front desk's, which registers appeals */
	[PERM_POOL_EDIT] = { "pool.edit",
		R(ROLE_AREA_OFFICER) | R(ROLE_UNIT_STAFF) | R(ROLE_SUPERVISOR) | R(ROLE_ADMIN),
		AREA_SCOPED,
		N_("only unit staff, area officers, supervisors and administrators move enterprises "
		   "in and out of the cultivation pools") },
	[PERM_WARNING_EDIT] = { "warning.edit", ALL_ROLES & ~R(ROLE_LEADER), AREA_SCOPED,
		N_("leaders do not record relocation warnings") },
	/* plans are no secret: the enterprise at the door and every desk may ask */
	[PERM_INSP_VIEW] = { "inspection.view", ALL_ROLES, 0, NULL },
	[PERM_INSP_REGISTER] = { "inspection.register",
		R(ROLE_UNIT_STAFF) | R(ROLE_AREA_OFFICER) | R(ROLE_SUPERVISOR), AREA_SCOPED,
		N_("only unit staff, area officers and supervisors register inspections") },
	/* 法码同行: the unit's head (its supervisor or leader) approves before a code is issued */
	[PERM_INSP_APPROVE] = { "inspection.approve", R(ROLE_SUPERVISOR) | R(ROLE_LEADER), 0,
		N_("only a unit's head (a supervisor or leader) approves an inspection plan") },
	[PERM_INSP_DONE] = { "inspection.done",
		R(ROLE_UNIT_STAFF) | R(ROLE_AREA_OFFICER) | R(ROLE_SUPERVISOR), 0,
		N_("only unit staff, area officers and supervisors record an inspection's outcome") },
	[PERM_INSP_CANCEL] = { "inspection.cancel",
		R(ROLE_UNIT_STAFF) | R(ROLE_AREA_OFFICER) | R(ROLE_SUPERVISOR), 0,
		N_("only unit staff, area officers and supervisors cancel an inspection") },
	/* the enterprise's evaluation reaches qifu through the service centre, its area
	 * or a supervisor, never through the unit it judges */
	[PERM_INSP_EVALUATE] = { "inspection.evaluate",
		R(ROLE_FRONTDESK) | R(ROLE_AREA_OFFICER) | R(ROLE_SUPERVISOR), AREA_SCOPED,
		N_("only the front desk, area officers and supervisors record an enterprise's "
		   "evaluation") },
	/* hidden from the inspected unit (Shenzhen 龙华); unit staff and area officers have
	 * no business with other units' evaluations either */
	[PERM_INSP_EVAL_VIEW] = { "inspection.evaluation.view",
		R(ROLE_FRONTDESK) | R(ROLE_SUPERVISOR) | R(ROLE_LEADER) | R(ROLE_ADMIN), 0,
		N_("evaluations are shown to supervisors, leaders, the front desk and "
		   "administrators") },
	[PERM_INSP_REFUSAL] = { "inspection.refusal",
		R(ROLE_FRONTDESK) | R(ROLE_AREA_OFFICER) | R(ROLE_SUPERVISOR), AREA_SCOPED,
		N_("only the front desk, area officers and supervisors record refused entries") },
	[PERM_INSP_REPORT] = { "inspection.report",
		R(ROLE_SUPERVISOR) | R(ROLE_LEADER) | R(ROLE_ADMIN), 0,
		N_("only supervisors, leaders and administrators read the inspection report") },
};

/* Unit scoping, apart from the table above so that its rows stay short: own_unit
 * roles act only for the object's unit, not_own_unit roles never for their own. An
 * object without a unit is not unit-scoped. */
static const struct unit_rule {
	unsigned own_unit;
	unsigned not_own_unit;
	const char *denied;
} unit_rules[PERM__COUNT] = {
	/* a supervisor may register for any unit: an override of a refusal is given at
	 * registration (DOMAIN §4), and 区应急局 leads the quiet-day rule zone-wide */
	[PERM_INSP_REGISTER] = { .own_unit = R(ROLE_UNIT_STAFF) | R(ROLE_AREA_OFFICER),
		.denied = N_("staff register inspections only for their own unit") },
	[PERM_INSP_APPROVE] = { .own_unit = R(ROLE_SUPERVISOR) | R(ROLE_LEADER),
		.denied = N_("only a head of the plan's unit approves it, or a head of the service "
		             "centre when the unit has none") },
	[PERM_INSP_DONE] = {
		.own_unit = R(ROLE_UNIT_STAFF) | R(ROLE_AREA_OFFICER) | R(ROLE_SUPERVISOR),
		.denied = N_("only the inspecting unit records an inspection's outcome") },
	/* a supervisor may cancel any unit's plan: a duplicate, or one that must not go ahead */
	[PERM_INSP_CANCEL] = { .own_unit = R(ROLE_UNIT_STAFF) | R(ROLE_AREA_OFFICER),
		.denied = N_("only the plan's unit cancels an inspection") },
	[PERM_INSP_EVALUATE] = {
		.not_own_unit = R(ROLE_FRONTDESK) | R(ROLE_AREA_OFFICER) | R(ROLE_SUPERVISOR),
		.denied = N_("the inspected unit does not record its own evaluation") },
	/* supervisors see every evaluation, their own unit's included */
	[PERM_INSP_EVAL_VIEW] = {
		.not_own_unit = R(ROLE_FRONTDESK) | R(ROLE_LEADER) | R(ROLE_ADMIN),
		.denied = N_("an evaluation is hidden from the inspected unit") },
};

const char *perm_action_code(perm_action act)
{
	return act < PERM__COUNT ? rules[act].code : "?";
}

perm_verdict perm_check(const perm_actor *a, perm_action act, const perm_object *o)
{
	perm_verdict v = { false, NULL };
	if (!a || act >= PERM__COUNT || a->role >= ROLE__COUNT) {
		v.reason = N_("unknown user or action");
		return v;
	}
	const struct rule *r = &rules[act];
	if (!(r->roles & R(a->role))) {
		v.reason = r->denied;
		return v;
	}
	if ((r->flags & AREA_SCOPED) && a->role == ROLE_AREA_OFFICER && o && o->area) {
		if (!a->area || strcmp(a->area, o->area) != 0) {
			v.reason = N_("area officers see and change only enterprises of their own area");
			return v;
		}
	}
	const struct unit_rule *u = &unit_rules[act];
	if (o && o->unit) {
		bool mine = a->unit && strcmp(a->unit, o->unit) == 0;
		if (((u->own_unit & R(a->role)) && !mine) || ((u->not_own_unit & R(a->role)) && mine)) {
			v.reason = u->denied;
			return v;
		}
	}
	v.allow = true;
	return v;
}

bool perm_sees_personal(const perm_actor *a, bool working_on)
{
	return working_on && (a->role == ROLE_FRONTDESK || a->centre);
}

perm_sight perm_sight_of(const perm_actor *a)
{
	switch (a->role) {
	case ROLE_AREA_OFFICER:
		return PERM_SEE_AREA;
	case ROLE_LEADER:
		/* the principal leader (level 1) oversees the whole zone */
		return a->centre || a->level == 1 ? PERM_SEE_ALL : PERM_SEE_UNITS;
	case ROLE_UNIT_STAFF:
		return a->centre ? PERM_SEE_ALL : PERM_SEE_UNITS;
	case ROLE_FRONTDESK:
	case ROLE_SUPERVISOR:
	case ROLE_ADMIN:
	case ROLE__COUNT:
		break;
	}
	return PERM_SEE_ALL;
}

size_t perm_sight_units(const perm_actor *a, const char **out, size_t cap)
{
	size_t n = 0;
	if (perm_sight_of(a) != PERM_SEE_UNITS)
		return 0;
	if (a->unit && *a->unit && n < cap)
		out[n++] = a->unit;
	for (char *const *u = a->role == ROLE_LEADER ? a->oversees : NULL; u && *u && n < cap; u++)
		out[n++] = *u;
	return n;
}

bool perm_sees(const perm_actor *a, const char *area, const char *const *units, size_t n)
{
	switch (perm_sight_of(a)) {
	case PERM_SEE_ALL:
		return true;
	case PERM_SEE_AREA:
		return a->area && area && strcmp(a->area, area) == 0;
	case PERM_SEE_UNITS:
		break;
	}
	const char *mine[64];
	size_t m = perm_sight_units(a, mine, sizeof mine / sizeof *mine);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; units[i] && k < m; k++)
			if (strcmp(units[i], mine[k]) == 0)
				return true;
	return false;
}

const char *perm_staff_change(const char *actor, const perm_staff_target *t,
		perm_staff_change_t change)
{
	bool last_admin = t->admin && !t->disabled && t->other_admins <= 0;
	switch (change) {
	case PERM_STAFF_CHANGE_DISABLE:
		if (actor && t->login && strcmp(actor, t->login) == 0)
			return N_("it is your own login: another administrator must disable it");
		if (t->disabled)
			return N_("it is already disabled");
		if (last_admin)
			return N_("it is the last active administrator: make another login "
			          "administrator first");
		return NULL;
	case PERM_STAFF_CHANGE_ENABLE:
		return t->disabled ? NULL : N_("it is not disabled");
	case PERM_STAFF_CHANGE_DEMOTE:
		if (last_admin)
			return N_("it is the last active administrator: make another login "
			          "administrator before giving it another role");
		return NULL;
	case PERM_STAFF_CHANGE_OTHER:
		return NULL;
	}
	return NULL;
}
