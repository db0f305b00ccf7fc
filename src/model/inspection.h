/* The inspection rules of DOMAIN §4, pure: the verdict on an inspection date
 * (quiet days, advance filing, emergencies registered after the fact, supervisor
 * overrides), the plan code (执法计划码) with its check character, and the small
 * judgements made on registration and outcome (first violation, too frequent). */
#ifndef QIFU_INSPECTION_H
#define QIFU_INSPECTION_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "model/inspection_reason.h"
#include "model/perm.h"

/* The tunable numbers of the rules; the settings table fills them. */
typedef struct inspection_params {
	int quiet_first_day;     /* first day of the month's quiet window (1) */
	int quiet_last_day;      /* last day of the quiet window (23) */
	int filing_workdays;     /* plan filed this many working days ahead (7) */
	int emergency_late_days; /* an emergency registered at most this many days late (10) */
} inspection_params;

/* The rules a date can break, in the order a refusal names them. */
typedef enum inspection_rule {
	INSPECTION_PAST_DATE,      /* a reason that cannot be registered after the fact, dated before its registration */
	INSPECTION_LATE_EMERGENCY, /* an emergency registered more than emergency_late_days after it */
	INSPECTION_QUIET_DAY,      /* inside the quiet window, reason not exempt */
	INSPECTION_FILING_MARGIN,  /* before the filing_workdays-th working day after registration */
	INSPECTION_RULE__COUNT
} inspection_rule;

/* How one rule judged the date, for the "which rules passed" display. */
typedef enum inspection_check {
	INSPECTION_CHECK_PASSED,   /* the rule applies and the date meets it */
	INSPECTION_CHECK_EXEMPT,   /* the rule would refuse, but the reason is exempt from it */
	INSPECTION_CHECK_NOT_APPLICABLE, /* the rule is about other reasons */
	INSPECTION_CHECK_FAILED,
} inspection_check;

typedef enum inspection_outcome {
	INSPECTION_ALLOWED,
	INSPECTION_ALLOWED_BY_OVERRIDE, /* refused, then overridden by a supervisor */
	INSPECTION_REFUSED,
} inspection_outcome;

typedef enum inspection_override {
	INSPECTION_OVERRIDE_NONE,        /* not asked for */
	INSPECTION_OVERRIDE_APPLIED,
	INSPECTION_OVERRIDE_NOT_NEEDED,  /* asked for, but the date is allowed anyway */
	INSPECTION_OVERRIDE_DENIED,      /* asked for and refused: see override_denied */
} inspection_override;

typedef struct inspection_request {
	qdate date;                      /* the day of the inspection */
	const inspection_reason *reason;
	qdate registered;                /* the day the plan is (or was) registered; today for a new one */
	role_t role;                     /* of the person asking */
	const char *override_reason;     /* written reason of an override, NULL when none is asked for */
} inspection_request;

typedef struct inspection_verdict {
	inspection_outcome outcome;
	inspection_rule rule;            /* first rule that refused; kept after an override */
	unsigned refused;                /* bit (1u << rule) for every rule that refused */
	inspection_check checks[INSPECTION_RULE__COUNT];
	qdate earliest;                  /* first allowed date on or after the asked one for the same reason and
					  * registration; DATE_NONE when allowed or none within a year */
	bool exempt_would_allow;         /* only the quiet day refused: a quiet-day exempt reason allows this date */
	qdate filing_from;               /* the filing_workdays-th working day after registration */
	qdate late_from;                 /* first date an after-the-fact registration still covers, or DATE_NONE */
	inspection_override override;
	const char *override_denied;     /* untranslated msgid when the override was denied */
} inspection_verdict;

/* whether someone of role may override a refused date (a supervisor, with a reason) */
bool inspection_may_override(role_t role);
/* whether d lies in the month's quiet window */
bool inspection_quiet_day(qdate d, const inspection_params *p);
/* the verdict on one inspection date; pure */
inspection_verdict inspection_decide(const inspection_request *rq, const calendar *cal,
				     const inspection_params *p);
/* "quiet_day", … as stored in event rows */
const char *inspection_rule_code(inspection_rule r);
/* the rule's label as an untranslated msgid; the caller translates */
const char *inspection_rule_label(inspection_rule r);
/* the rule of a stored code; false for an unknown one */
bool inspection_rule_parse(const char *code, inspection_rule *out);

/* Plan codes (执法计划码): "JC26-000123-G", year 2000–2099, sequence 1–999999, check
 * character from the USCC alphabet (no I O S V Z). */
enum { INSPECTION_CODE_LEN = 13, INSPECTION_SEQ_MAX = 999999 };
/* the code of the seq-th plan of year into out; -1 when year or seq is out of range */
int inspection_code_make(int year, long seq, char out[INSPECTION_CODE_LEN + 1]);
/* check a code as typed or read aloud (any case, spaces, full-width forms); on success
 * canon (may be NULL) gets the canonical form and year, seq (may be NULL) its parts;
 * -1 with a message naming the wrong position or the expected check character */
int inspection_code_check(const char *code, char canon[INSPECTION_CODE_LEN + 1],
			  int *year, long *seq, strbuf *err);

/* 首违不罚: an outcome on day outcome is a first violation when the same enterprise's last
 * earlier violation of the same item (DATE_NONE for none) lies more than years years back */
bool inspection_first_violation(qdate outcome, qdate last_violation, int years);
/* whether count inspections within frequent_days reach frequent_count (too often) */
bool inspection_too_frequent(int count, int frequent_count);
/* whether two plans fall in the same Monday-to-Sunday week (offer a joint inspection) */
bool inspection_same_week(qdate a, qdate b);

#endif
