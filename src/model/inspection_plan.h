/* The life of an inspection plan, pure: its states and outcomes, which move each
 * state allows (registered -> approved -> done -> evaluated; cancelled), what a code
 * checked at the door means in each state, and what 首违不罚 makes of an outcome.
 * The verdict on the date itself is model/inspection.h's. */
#ifndef QIFU_INSPECTION_PLAN_H
#define QIFU_INSPECTION_PLAN_H
#include <stdbool.h>

#include "core/date.h"

typedef enum inspection_plan_state {
	INSPECTION_REGISTERED,
	INSPECTION_APPROVED,   /* the code is issued */
	INSPECTION_DONE,       /* findings and outcome recorded */
	INSPECTION_EVALUATED,  /* an enterprise has evaluated it */
	INSPECTION_CANCELLED,
	INSPECTION_STATE__COUNT
} inspection_plan_state;

typedef enum inspection_plan_outcome {
	INSPECTION_OUTCOME_NONE,            /* no issue found */
	INSPECTION_OUTCOME_ADVICE,          /* guidance or a request to put things right */
	INSPECTION_OUTCOME_FIRST_VIOLATION, /* a violation, first of its item: not penalised */
	INSPECTION_OUTCOME_PENALTY,
	INSPECTION_OUTCOME__COUNT
} inspection_plan_outcome;

typedef enum inspection_plan_move {
	INSPECTION_MOVE_APPROVE,
	INSPECTION_MOVE_DONE,
	INSPECTION_MOVE_EVALUATE,
	INSPECTION_MOVE_CANCEL,
	INSPECTION_MOVE__COUNT
} inspection_plan_move;

/* What 首违不罚 makes of an outcome once the earlier violations are known. */
typedef enum inspection_fv {
	INSPECTION_FV_NOT_VIOLATION, /* none or advice: nothing to recognise */
	INSPECTION_FV_FIRST,         /* recorded as a first violation, and it is one */
	INSPECTION_FV_SUGGEST,       /* a penalty on a first violation: marked, no penalty suggested */
	INSPECTION_FV_REPEAT,        /* a penalty on a repeated violation */
	INSPECTION_FV_NOT_FIRST,     /* recorded as a first violation but an earlier one exists: refused */
} inspection_fv;

/* "registered", … as stored */
const char *inspection_plan_state_code(inspection_plan_state s);
/* the state's label as an untranslated msgid */
const char *inspection_plan_state_label(inspection_plan_state s);
/* the state of a stored or typed code; false for an unknown one */
bool inspection_plan_state_parse(const char *code, inspection_plan_state *out);
/* "none", "advice", "first_violation", "penalty" as stored and typed */
const char *inspection_plan_outcome_code(inspection_plan_outcome o);
/* the outcome's label as an untranslated msgid */
const char *inspection_plan_outcome_label(inspection_plan_outcome o);
/* the outcome of a stored or typed code; false for an unknown one */
bool inspection_plan_outcome_parse(const char *code, inspection_plan_outcome *out);
/* whether the outcome records a violation of an item (kept for 首违不罚) */
bool inspection_plan_outcome_is_violation(inspection_plan_outcome o);

/* why move m may not be made on a plan in state from dated date (an untranslated
 * msgid), or NULL when it may; after_fact: the reason may be registered after the
 * inspection (emergencies), so its plan may also be approved after its date */
const char *inspection_plan_move_refused(inspection_plan_state from, inspection_plan_move m, qdate date, qdate today,
				   bool after_fact);
/* the state a permitted move leads to */
inspection_plan_state inspection_plan_move_next(inspection_plan_state from, inspection_plan_move m);

/* what a code shown at the door is worth in state s: NULL when it covers an
 * inspection, else why not (an untranslated msgid) */
const char *inspection_plan_verify_refused(inspection_plan_state s);

/* 首违不罚 on outcome o, given whether the enterprise's earlier violations leave it a
 * first violation (model/inspection.h's inspection_first_violation) */
inspection_fv inspection_plan_first_violation(inspection_plan_outcome o, bool first);

/* 法码同行: the head of the inspecting unit approves its plans before a code is
 * issued. Whose heads (its supervisor and leader logins, PERM_INSP_APPROVE's roles)
 * approve a plan of plan_unit: the unit's own when it has a head login; else the
 * service centre's (centre), which keeps the zone's register of plans, when it has
 * one; else NULL: nobody, until an administrator adds a head login. */
const char *inspection_plan_approving_unit(const char *plan_unit, bool unit_has_head,
					   const char *centre, bool centre_has_head);

/* whether a typed evaluation score is one of 1..5 */
bool inspection_plan_score_valid(int score);

#endif
