/* Roles and the one permission function every command and pane goes through:
 * (actor, action, object) -> allow, or deny with a reason. Pure. */
#ifndef QIFU_PERM_H
#define QIFU_PERM_H
#include <stdbool.h>
#include <stddef.h>

typedef enum role_t {
	ROLE_FRONTDESK,
	ROLE_AREA_OFFICER,
	ROLE_UNIT_STAFF,
	ROLE_SUPERVISOR,
	ROLE_LEADER,
	ROLE_ADMIN,
	ROLE__COUNT
} role_t;

/* "frontdesk", "area_officer", … */
const char *role_code(role_t r);
/* translated-later label: N_("front desk") … */
const char *role_label(role_t r);
bool role_parse(const char *code, role_t *out);

typedef enum perm_action {
	PERM_STAFF_ADD,
	PERM_STAFF_LIST,
	PERM_STAFF_DISABLE,    /* disable or enable a login (never delete: history keeps it) */
	PERM_STAFF_EDIT,       /* change a login's name, unit, role or work phone */
	PERM_ACT_AS,           /* --as another login */
	PERM_DB_BACKUP,
	PERM_DB_CHECK,
	PERM_ENT_VIEW,
	PERM_ENT_ADD,
	PERM_ENT_EDIT,
	PERM_ENT_IMPORT,
	PERM_ENT_EXPORT,
	PERM_ROUTING_OVERRIDE, /* set a lead unit other than the routed one */
	PERM_USCC_OVERRIDE,    /* accept a code that fails the check */
	PERM_VISIT_ADD,
	PERM_RATING_ADD,       /* record an enterprise's quarterly rating of a unit */
	PERM_QUARTER_FREEZE,
	PERM_REPORT_VIEW,      /* supervision and assessment reports */
	PERM_FINANCING_EDIT,   /* add and update financing needs */
	PERM_POOL_EDIT,        /* enter and leave the cultivation pools */
	PERM_WARNING_EDIT,     /* open, respond to and close relocation warnings */
	PERM_INSP_VIEW,        /* inspection plans: show, list, verify a code */
	PERM_INSP_REGISTER,    /* register a plan; object: the plan's unit, the enterprise's area */
	PERM_INSP_APPROVE,     /* approve a plan, which issues its code; object unit: the unit
	                        * whose heads approve it (inspection_plan_approving_unit) */
	PERM_INSP_DONE,        /* record findings and outcome; object unit: the plan's */
	PERM_INSP_CANCEL,      /* object unit: the plan's */
	PERM_INSP_EVALUATE,    /* record an enterprise's evaluation on its behalf; object: the
	                        * plan's unit, the enterprise's area */
	PERM_INSP_EVAL_VIEW,   /* see an evaluation's score and comment; object unit: the plan's */
	PERM_INSP_REFUSAL,     /* record an unregistered entry an enterprise refused */
	PERM_INSP_REPORT,      /* overrides and refusals per unit */
	PERM_HOLIDAY_IMPORT,   /* bring in a State Council holiday notice */
	PERM__COUNT
} perm_action;

typedef struct perm_actor {
	role_t role;
	const char *unit;
	const char *area;      /* area officers */
	int level;             /* leaders */
	char *const *oversees; /* leaders: the units they oversee, NULL-terminated, or NULL */
	bool centre;           /* their unit is the service centre */
} perm_actor;

/* what the action touches; fields not relevant to the action are NULL */
typedef struct perm_object {
	const char *area;      /* the enterprise's grid area */
	const char *unit;      /* the unit an action is done for */
} perm_object;

typedef struct perm_verdict {
	bool allow;
	const char *reason;    /* N_() msgid when denied, NULL when allowed */
} perm_verdict;

perm_verdict perm_check(const perm_actor *a, perm_action act, const perm_object *o);

/* a change of a staff login that the rule below weighs */
typedef enum perm_staff_change_t {
	PERM_STAFF_CHANGE_DISABLE,
	PERM_STAFF_CHANGE_ENABLE,
	PERM_STAFF_CHANGE_DEMOTE,  /* its role from administrator to another */
	PERM_STAFF_CHANGE_OTHER,   /* its name, unit, phone, or a role that is not a demotion */
} perm_staff_change_t;

/* the login target as it is now */
typedef struct perm_staff_target {
	const char *login;
	bool admin;          /* its role is administrator */
	bool disabled;       /* it is disabled now */
	long other_admins;   /* active administrators besides it */
} perm_staff_target;

/* whether the login actor may make change to target: NULL when it may, else the
 * untranslated reason (of "it", the login). Nobody disables their own login, and the
 * last active administrator is neither disabled nor demoted: either would lock
 * everyone out of staff administration. */
const char *perm_staff_change(const char *actor, const perm_staff_target *target,
		perm_staff_change_t change);

/* whether a sees personal fields (a caller's name and phone) in full: the front desk
 * and the service centre, which calls back, on the one appeal they are working on
 * (working_on); everyone else, and every list, sees them masked (model/mask.h) */
bool perm_sees_personal(const perm_actor *a, bool working_on);

/* How much of the appeals and inspections a staff member sees. */
typedef enum perm_sight {
	PERM_SEE_ALL,          /* supervisors, administrators, the service centre, the
	                        * principal (level-1) leader */
	PERM_SEE_AREA,         /* area officers: the enterprises of their area */
	PERM_SEE_UNITS,        /* unit staff: where their unit takes part; leaders: where a
	                        * unit they oversee (or their own) takes part */
} perm_sight;
perm_sight perm_sight_of(const perm_actor *a);
/* the units a PERM_SEE_UNITS actor sees through, into out (at most cap); how many */
size_t perm_sight_units(const perm_actor *a, const char **out, size_t cap);
/* whether a sees an appeal or inspection of an enterprise in area in which units take
 * part (an appeal's first-responsible, lead or host and related units; a plan's unit) */
bool perm_sees(const perm_actor *a, const char *area, const char *const *units, size_t n);
/* "staff.add", … for messages and tests */
const char *perm_action_code(perm_action act);

#endif
