/* The life of an inspection plan, pure: its states and outcomes, which move each
 * state allows (registered -> approved -> done -> evaluated; cancelled), what a code
 * checked at the door means in each state, and what 首违不罚 makes of an outcome.
 * The verdict on the date itself is model/inspection.h's. */
#ifndef QIFU_INSP_PLAN_H
#define QIFU_INSP_PLAN_H
#include <stdbool.h>

#include "core/date.h"

typedef enum insp_state {
	INSP_REGISTERED,
	INSP_APPROVED,   /* the code is issued */
	INSP_DONE,       /* findings and outcome recorded */
	INSP_EVALUATED,  /* an enterprise has evaluated it */
	INSP_CANCELLED,
	INSP_STATE__COUNT
} insp_state;

typedef enum insp_outcome {
	INSP_OUTCOME_NONE,            /* no issue found */
	INSP_OUTCOME_ADVICE,          /* guidance or a request to put things right */
	INSP_OUTCOME_FIRST_VIOLATION, /* a violation, first of its item: not penalised */
	INSP_OUTCOME_PENALTY,
	INSP_OUTCOME__COUNT
} insp_outcome;

typedef enum insp_move {
	INSP_MOVE_APPROVE,
	INSP_MOVE_DONE,
	INSP_MOVE_EVALUATE,
	INSP_MOVE_CANCEL,
	INSP_MOVE__COUNT
} insp_move;

/* What 首违不罚 makes of an outcome once the earlier violations are known. */
typedef enum insp_fv {
	INSP_FV_NOT_VIOLATION, /* none or advice: nothing to recognise */
	INSP_FV_FIRST,         /* recorded as a first violation, and it is one */
	INSP_FV_SUGGEST,       /* a penalty on a first violation: marked, no penalty suggested */
	INSP_FV_REPEAT,        /* a penalty on a repeated violation */
	INSP_FV_NOT_FIRST,     /* recorded as a first violation but an earlier one exists: refused */
} insp_fv;

/* "registered", … as stored */
const char *insp_plan_state_code(insp_state s);
/* the state's label as an untranslated msgid */
const char *insp_plan_state_label(insp_state s);
/* the state of a stored or typed code; false for an unknown one */
bool insp_plan_state_parse(const char *code, insp_state *out);
/* "none", "advice", "first_violation", "penalty" as stored and typed */
const char *insp_plan_outcome_code(insp_outcome o);
/* the outcome's label as an untranslated msgid */
const char *insp_plan_outcome_label(insp_outcome o);
/* the outcome of a stored or typed code; false for an unknown one */
bool insp_plan_outcome_parse(const char *code, insp_outcome *out);
/* whether the outcome records a violation of an item (kept for 首违不罚) */
bool insp_plan_outcome_is_violation(insp_outcome o);

/* why move m may not be made on a plan in state from dated date (an untranslated
 * msgid), or NULL when it may; after_fact: the reason may be registered after the
 * inspection (emergencies), so its plan may also be approved after its date */
const char *insp_plan_move_refused(insp_state from, insp_move m, qdate date, qdate today,
				   bool after_fact);
/* the state a permitted move leads to */
insp_state insp_plan_move_next(insp_state from, insp_move m);

/* what a code shown at the door is worth in state s: NULL when it covers an
 * inspection, else why not (an untranslated msgid) */
const char *insp_plan_verify_refused(insp_state s);

/* 首违不罚 on outcome o, given whether the enterprise's earlier violations leave it a
 * first violation (model/inspection.h's inspection_first_violation) */
insp_fv insp_plan_first_violation(insp_outcome o, bool first);

/* whether a typed evaluation score is one of 1..5 */
bool insp_plan_score_valid(int score);

#endif
