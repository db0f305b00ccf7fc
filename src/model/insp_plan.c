/* An inspection plan's states, outcomes and moves as tables, so that the command
 * line and the Calendar pane refuse the same moves with the same words. */
#include "model/insp_plan.h"

#include <string.h>

#include "core/i18n.h"

static const struct {
	const char *code;
	const char *label;
} states[INSP_STATE__COUNT] = {
	[INSP_REGISTERED] = { "registered", N_("registered") },
	[INSP_APPROVED] = { "approved", N_("approved") },
	[INSP_DONE] = { "done", N_("done") },
	[INSP_EVALUATED] = { "evaluated", N_("evaluated") },
	[INSP_CANCELLED] = { "cancelled", N_("cancelled") },
};

static const struct {
	const char *code;
	const char *label;
} outcomes[INSP_OUTCOME__COUNT] = {
	[INSP_OUTCOME_NONE] = { "none", N_("no issue") },
	[INSP_OUTCOME_ADVICE] = { "advice", N_("advice") },
	[INSP_OUTCOME_FIRST_VIOLATION] = { "first_violation", N_("first violation, not penalised") },
	[INSP_OUTCOME_PENALTY] = { "penalty", N_("penalty") },
};

/* one bit per state, for the sets of states a move starts from */
enum {
	FROM_REGISTERED = 1u << INSP_REGISTERED,
	FROM_APPROVED = 1u << INSP_APPROVED,
	FROM_DONE = 1u << INSP_DONE,
	FROM_EVALUATED = 1u << INSP_EVALUATED,
};

/* Which states each move starts from, where it leads and what to say otherwise. */
static const struct {
	unsigned from;
	insp_state to;
	const char *wrong_state;
} moves[INSP_MOVE__COUNT] = {
	[INSP_MOVE_APPROVE] = { FROM_REGISTERED, INSP_APPROVED,
		N_("only a registered plan can be approved") },
	[INSP_MOVE_DONE] = { FROM_APPROVED, INSP_DONE,
		N_("only an approved plan, which has its code, can be recorded as done") },
	/* several enterprises may evaluate one plan: the first moves it to evaluated */
	[INSP_MOVE_EVALUATE] = { FROM_DONE | FROM_EVALUATED, INSP_EVALUATED,
		N_("only an inspection that has been done can be evaluated") },
	[INSP_MOVE_CANCEL] = { FROM_REGISTERED | FROM_APPROVED, INSP_CANCELLED,
		N_("only a registered or approved plan can be cancelled") },
};

const char *insp_plan_state_code(insp_state s)
{
	return s < INSP_STATE__COUNT ? states[s].code : "?";
}

const char *insp_plan_state_label(insp_state s)
{
	return s < INSP_STATE__COUNT ? states[s].label : "?";
}

bool insp_plan_state_parse(const char *code, insp_state *out)
{
	for (int i = 0; code && i < INSP_STATE__COUNT; i++)
		if (strcmp(code, states[i].code) == 0) {
			*out = (insp_state)i;
			return true;
		}
	return false;
}

const char *insp_plan_outcome_code(insp_outcome o)
{
	return o < INSP_OUTCOME__COUNT ? outcomes[o].code : "?";
}

const char *insp_plan_outcome_label(insp_outcome o)
{
	return o < INSP_OUTCOME__COUNT ? outcomes[o].label : "?";
}

bool insp_plan_outcome_parse(const char *code, insp_outcome *out)
{
	for (int i = 0; code && i < INSP_OUTCOME__COUNT; i++)
		if (strcmp(code, outcomes[i].code) == 0) {
			*out = (insp_outcome)i;
			return true;
		}
	return false;
}

bool insp_plan_outcome_is_violation(insp_outcome o)
{
	return o == INSP_OUTCOME_FIRST_VIOLATION || o == INSP_OUTCOME_PENALTY;
}

const char *insp_plan_move_refused(insp_state from, insp_move m, qdate date, qdate today,
				   bool after_fact)
{
	if (m >= INSP_MOVE__COUNT || from >= INSP_STATE__COUNT)
		return N_("unknown state or move");
	if (!(moves[m].from & (1u << from)))
		return moves[m].wrong_state;
	/* a code issued after the day helps no one at the door; an emergency is the one
	 * reason registered, and so approved, after the fact */
	if (m == INSP_MOVE_APPROVE && date < today && !after_fact)
		return N_("its date has passed: a plan is approved before the inspection "
			  "(only an emergency is registered after the fact)");
	if (m == INSP_MOVE_DONE && date > today)
		return N_("its date has not come yet");
	return NULL;
}

insp_state insp_plan_move_next(insp_state from, insp_move m)
{
	return m < INSP_MOVE__COUNT ? moves[m].to : from;
}

const char *insp_plan_verify_refused(insp_state s)
{
	switch (s) {
	case INSP_APPROVED:
	case INSP_DONE:
	case INSP_EVALUATED:
		return NULL;
	case INSP_REGISTERED:
		return N_("the plan is not approved yet, so it has no valid code");
	case INSP_CANCELLED:
		return N_("the plan was cancelled");
	case INSP_STATE__COUNT:
		break;
	}
	return N_("unknown state or move");
}

insp_fv insp_plan_first_violation(insp_outcome o, bool first)
{
	if (!insp_plan_outcome_is_violation(o))
		return INSP_FV_NOT_VIOLATION;
	if (o == INSP_OUTCOME_FIRST_VIOLATION)
		return first ? INSP_FV_FIRST : INSP_FV_NOT_FIRST;
	return first ? INSP_FV_SUGGEST : INSP_FV_REPEAT;
}

bool insp_plan_score_valid(int score)
{
	return score >= 1 && score <= 5;
}
