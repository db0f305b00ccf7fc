/* An inspection plan's states, outcomes and moves as tables, so that the command
 * line and the Calendar pane refuse the same moves with the same words. */
#include "model/inspection_plan.h"

#include <string.h>

#include "core/i18n.h"

static const struct {
	const char *code;
	const char *label;
} states[INSPECTION_STATE__COUNT] = {
	[INSPECTION_REGISTERED] = { "registered", N_("registered") },
	[INSPECTION_APPROVED] = { "approved", N_("approved") },
	[INSPECTION_DONE] = { "done", N_("done") },
	[INSPECTION_EVALUATED] = { "evaluated", N_("evaluated") },
	[INSPECTION_CANCELLED] = { "cancelled", N_("cancelled") },
};

static const struct {
	const char *code;
	const char *label;
} outcomes[INSPECTION_OUTCOME__COUNT] = {
	[INSPECTION_OUTCOME_NONE] = { "none", N_("no issue") },
	[INSPECTION_OUTCOME_ADVICE] = { "advice", N_("advice") },
	[INSPECTION_OUTCOME_FIRST_VIOLATION] = { "first_violation", N_("first violation, not penalised") },
	[INSPECTION_OUTCOME_PENALTY] = { "penalty", N_("penalty") },
};

/* one bit per state, for the sets of states a move starts from */
enum {
	FROM_REGISTERED = 1u << INSPECTION_REGISTERED,
	FROM_APPROVED = 1u << INSPECTION_APPROVED,
	FROM_DONE = 1u << INSPECTION_DONE,
	FROM_EVALUATED = 1u << INSPECTION_EVALUATED,
};

/* Which states each move starts from, where it leads and what to say otherwise. */
static const struct {
	unsigned from;
	inspection_plan_state to;
	const char *wrong_state;
} moves[INSPECTION_MOVE__COUNT] = {
	[INSPECTION_MOVE_APPROVE] = { FROM_REGISTERED, INSPECTION_APPROVED,
		N_("only a registered plan can be approved") },
	[INSPECTION_MOVE_DONE] = { FROM_APPROVED, INSPECTION_DONE,
		N_("only an approved plan, which has its code, can be recorded as done") },
	/* several enterprises may evaluate one plan: the first moves it to evaluated */
	[INSPECTION_MOVE_EVALUATE] = { FROM_DONE | FROM_EVALUATED, INSPECTION_EVALUATED,
		N_("only an inspection that has been done can be evaluated") },
	[INSPECTION_MOVE_CANCEL] = { FROM_REGISTERED | FROM_APPROVED, INSPECTION_CANCELLED,
		N_("only a registered or approved plan can be cancelled") },
};

const char *inspection_plan_state_code(inspection_plan_state s)
{
	return s < INSPECTION_STATE__COUNT ? states[s].code : "?";
}

const char *inspection_plan_state_label(inspection_plan_state s)
{
	return s < INSPECTION_STATE__COUNT ? states[s].label : "?";
}

bool inspection_plan_state_parse(const char *code, inspection_plan_state *out)
{
	for (int i = 0; code && i < INSPECTION_STATE__COUNT; i++)
		if (strcmp(code, states[i].code) == 0) {
			*out = (inspection_plan_state)i;
			return true;
		}
	return false;
}

const char *inspection_plan_outcome_code(inspection_plan_outcome o)
{
	return o < INSPECTION_OUTCOME__COUNT ? outcomes[o].code : "?";
}

const char *inspection_plan_outcome_label(inspection_plan_outcome o)
{
	return o < INSPECTION_OUTCOME__COUNT ? outcomes[o].label : "?";
}

bool inspection_plan_outcome_parse(const char *code, inspection_plan_outcome *out)
{
	for (int i = 0; code && i < INSPECTION_OUTCOME__COUNT; i++)
		if (strcmp(code, outcomes[i].code) == 0) {
			*out = (inspection_plan_outcome)i;
			return true;
		}
	return false;
}

bool inspection_plan_outcome_is_violation(inspection_plan_outcome o)
{
	return o == INSPECTION_OUTCOME_FIRST_VIOLATION || o == INSPECTION_OUTCOME_PENALTY;
}

const char *inspection_plan_move_refused(inspection_plan_state from, inspection_plan_move m, qdate date, qdate today,
				   bool after_fact)
{
	if (m >= INSPECTION_MOVE__COUNT || from >= INSPECTION_STATE__COUNT)
		return N_("unknown state or move");
	if (!(moves[m].from & (1u << from)))
		return moves[m].wrong_state;
	/* a code issued after the day helps no one at the door; an emergency is the one
	 * reason registered, and so approved, after the fact */
	if (m == INSPECTION_MOVE_APPROVE && date < today && !after_fact)
		return N_("its date has passed: a plan is approved before the inspection "
			  "(only an emergency is registered after the fact)");
	if (m == INSPECTION_MOVE_DONE && date > today)
		return N_("its date has not come yet");
	return NULL;
}

inspection_plan_state inspection_plan_move_next(inspection_plan_state from, inspection_plan_move m)
{
	return m < INSPECTION_MOVE__COUNT ? moves[m].to : from;
}

const char *inspection_plan_verify_refused(inspection_plan_state s)
{
	switch (s) {
	case INSPECTION_APPROVED:
	case INSPECTION_DONE:
	case INSPECTION_EVALUATED:
		return NULL;
	case INSPECTION_REGISTERED:
		return N_("the plan is not approved yet, so it has no valid code");
	case INSPECTION_CANCELLED:
		return N_("the plan was cancelled");
	case INSPECTION_STATE__COUNT:
		break;
	}
	return N_("unknown state or move");
}

inspection_fv inspection_plan_first_violation(inspection_plan_outcome o, bool first)
{
	if (!inspection_plan_outcome_is_violation(o))
		return INSPECTION_FV_NOT_VIOLATION;
	if (o == INSPECTION_OUTCOME_FIRST_VIOLATION)
		return first ? INSPECTION_FV_FIRST : INSPECTION_FV_NOT_FIRST;
	return first ? INSPECTION_FV_SUGGEST : INSPECTION_FV_REPEAT;
}

const char *inspection_plan_approving_unit(const char *plan_unit, bool unit_has_head,
					   const char *centre, bool centre_has_head)
{
	if (unit_has_head)
		return plan_unit;
	/* a unit nobody heads in qifu (高新消防大队 has no login at all) is not left
	 * without an approver, nor approved by whichever unit's head comes first: the
	 * centre that keeps the register answers for it */
	if (centre_has_head && centre && *centre)
		return centre;
	return NULL;
}

bool inspection_plan_score_valid(int score)
{
	return score >= 1 && score <= 5;
}
