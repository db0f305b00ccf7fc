/* The appeal state machine: one transition table of (state, action) -> next state,
 * who may make the move and what it does to the timers, one table of per-action
 * properties, and ticket_decide over them. Refusals carry enough structure for
 * ticket_refusal_text to say what is possible instead. */
#include "model/ticket.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

static const char *const state_codes[TICKET_ST__COUNT] = {
	[TICKET_ST_NEW] = "new",
	[TICKET_ST_REGISTERED] = "registered",
	[TICKET_ST_SELF_HANDLING] = "self_handling",
	[TICKET_ST_SUBMITTED] = "submitted",
	[TICKET_ST_DISPATCHED] = "dispatched",
	[TICKET_ST_IN_PROGRESS] = "in_progress",
	[TICKET_ST_EXTENDED] = "extended",
	[TICKET_ST_ANSWERED] = "answered",
	[TICKET_ST_REPORTED] = "reported",
	[TICKET_ST_CALLBACK_SATISFIED] = "callback_satisfied",
	[TICKET_ST_CALLBACK_DISSATISFIED] = "callback_dissatisfied",
	[TICKET_ST_FED_BACK] = "fed_back",
	[TICKET_ST_EXPLAINED] = "explained",
	[TICKET_ST_CLOSE_REQUESTED] = "close_requested",
	[TICKET_ST_CLOSED] = "closed",
	[TICKET_ST_WITHDRAWN] = "withdrawn",
	[TICKET_ST_MERGED] = "merged",
};

/* read as "the appeal is %s" in refusals, and alone in list columns */
static const char *const state_labels[TICKET_ST__COUNT] = {
	[TICKET_ST_NEW] = N_("not registered"),
	[TICKET_ST_REGISTERED] = N_("registered"),
	[TICKET_ST_SELF_HANDLING] = N_("handled by its first unit"),
	[TICKET_ST_SUBMITTED] = N_("submitted to the centre"),
	[TICKET_ST_DISPATCHED] = N_("dispatched"),
	[TICKET_ST_IN_PROGRESS] = N_("in progress"),
	[TICKET_ST_EXTENDED] = N_("extended"),
	[TICKET_ST_ANSWERED] = N_("answered"),
	[TICKET_ST_REPORTED] = N_("reported to the enterprise"),
	[TICKET_ST_CALLBACK_SATISFIED] = N_("callback satisfied"),
	[TICKET_ST_CALLBACK_DISSATISFIED] = N_("callback dissatisfied"),
	[TICKET_ST_FED_BACK] = N_("fed back"),
	[TICKET_ST_EXPLAINED] = N_("explained"),
	[TICKET_ST_CLOSE_REQUESTED] = N_("close requested"),
	[TICKET_ST_CLOSED] = N_("closed"),
	[TICKET_ST_WITHDRAWN] = N_("withdrawn"),
	[TICKET_ST_MERGED] = N_("merged"),
};

static const char *const how_codes[TICKET_HOW__COUNT] = {
	[TICKET_HOW_NONE] = "",
	[TICKET_HOW_PHONE] = "phone",
	[TICKET_HOW_VISIT] = "visit",
	[TICKET_HOW_MESSAGE] = "message",
	[TICKET_HOW_LETTER] = "letter",
};

static const char *const how_labels[TICKET_HOW__COUNT] = {
	[TICKET_HOW_NONE] = N_("not recorded"),
	[TICKET_HOW_PHONE] = N_("by phone"),
	[TICKET_HOW_VISIT] = N_("in person"),
	[TICKET_HOW_MESSAGE] = N_("by text message"),
	[TICKET_HOW_LETTER] = N_("by letter"),
};

static const char *const kind_codes[TICKET_KIND__COUNT] = {
	[TICKET_KIND_SIMPLE] = "simple",
	[TICKET_KIND_GENERAL] = "general",
	[TICKET_KIND_COMPLEX] = "complex",
};

static const char *const kind_labels[TICKET_KIND__COUNT] = {
	[TICKET_KIND_SIMPLE] = N_("simple matter"),
	[TICKET_KIND_GENERAL] = N_("general matter"),
	[TICKET_KIND_COMPLEX] = N_("complex matter"),
};

/* Per-action properties that do not depend on the state: TICKET_ACTIONS */
static const struct action_def {
	const char *code;
	const char *verb;
	const char *label;
	const char *text_label;  /* what the required text is, for forms and errors */
	unsigned needs;
	bool irreversible;
	ticket_lead_op lead;
	unsigned opts;
} actions[TICKET_ACT__COUNT] = {
#define ACTION_ROW(id, code, verb, label, text, needs, irrev, lead, opts) \
	[TICKET_ACT_##id] = { code, verb, label, text, needs, irrev, TICKET_LEAD_##lead, opts },
	TICKET_ACTIONS(ACTION_ROW)
#undef ACTION_ROW
};

/* Who may make a move: the units in a relation to the ticket (acting through a
 * unit-staff, area-officer or front-desk login), the centre's front desk, or any
 * login with a unit (registration only). */
enum {
	W_F = TICKET_REL_FIRST,    /* the first-responsible unit */
	W_L = TICKET_REL_LEAD,     /* the lead or host unit */
	W_C = TICKET_REL_CENTRE,   /* the front desk of 区企服中心 */
	W_ANY = TICKET_REL_ANY,    /* any login that belongs to a unit */
};

/* Timer operations, short so each row reads as one line; order is
 * dispatch, handle, explain, feedback, report. */
enum {
	K_ = TICKET_TIMER_KEEP,
	ST = TICKET_TIMER_START,
	SD = TICKET_TIMER_START_AT_DISPATCH,
	UN = TICKET_TIMER_SET_UNTIL,
	SP = TICKET_TIMER_STOP,
};

/* THE transition table. A (state, action) pair absent from it is impossible for
 * everyone. Withdraw and merge stay possible until the answer: after it the callback
 * decides the outcome, and a withdrawal would hide a dissatisfied enterprise from
 * the assessment. Return is refused once extended: the extension told the
 * enterprise this unit is handling it. */
static const struct rule {
	ticket_state from;
	ticket_action action;
	ticket_state to;
	unsigned who;
	unsigned char timer[TICKET_TIMER__COUNT];
} rules[] = {
	/* registration by the centre itself lands in SUBMITTED with the dispatch timer
	 * running (see ticket_decide); a unit's registration starts no timer: the centre's
	 * one day counts from the submit that brings the appeal to it (DOMAIN §3) */
	{ TICKET_ST_NEW, TICKET_ACT_REGISTER, TICKET_ST_REGISTERED, W_ANY, { K_, K_, K_, K_ } },

	{ TICKET_ST_REGISTERED, TICKET_ACT_SELF_HANDLE, TICKET_ST_SELF_HANDLING, W_F,
		{ SP, ST, K_, K_ } },
	{ TICKET_ST_REGISTERED, TICKET_ACT_SUBMIT, TICKET_ST_SUBMITTED, W_F, { ST, K_, K_, K_ } },
	{ TICKET_ST_REGISTERED, TICKET_ACT_WITHDRAW, TICKET_ST_WITHDRAWN, W_F | W_C,
		{ SP, SP, SP, SP, SP } },
	{ TICKET_ST_REGISTERED, TICKET_ACT_MERGE, TICKET_ST_MERGED, W_F | W_C, { SP, SP, SP, SP, SP } },

	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_SUBMIT, TICKET_ST_SUBMITTED, W_F,
		{ ST, SP, K_, K_ } },
	/* the answer starts the first-responsible unit's report to the enterprise */
	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_ANSWER, TICKET_ST_ANSWERED, W_F,
		{ K_, SP, K_, K_, ST } },
	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_WITHDRAW, TICKET_ST_WITHDRAWN, W_F | W_C,
		{ SP, SP, SP, SP, SP } },
	{ TICKET_ST_SELF_HANDLING, TICKET_ACT_MERGE, TICKET_ST_MERGED, W_F | W_C,
		{ SP, SP, SP, SP, SP } },

	/* a dispatch after a return restarts handling: the new unit gets its full limit */
	{ TICKET_ST_SUBMITTED, TICKET_ACT_DISPATCH, TICKET_ST_DISPATCHED, W_C, { SP, ST, K_, K_ } },
	{ TICKET_ST_SUBMITTED, TICKET_ACT_WITHDRAW, TICKET_ST_WITHDRAWN, W_F | W_C,
		{ SP, SP, SP, SP, SP } },
	{ TICKET_ST_SUBMITTED, TICKET_ACT_MERGE, TICKET_ST_MERGED, W_F | W_C, { SP, SP, SP, SP, SP } },

	{ TICKET_ST_DISPATCHED, TICKET_ACT_SIGN, TICKET_ST_IN_PROGRESS, W_L, { K_, K_, K_, K_ } },
	{ TICKET_ST_DISPATCHED, TICKET_ACT_RETURN, TICKET_ST_SUBMITTED, W_L, { ST, SP, K_, K_ } },
	{ TICKET_ST_DISPATCHED, TICKET_ACT_WITHDRAW, TICKET_ST_WITHDRAWN, W_F | W_C,
		{ SP, SP, SP, SP, SP } },
	{ TICKET_ST_DISPATCHED, TICKET_ACT_MERGE, TICKET_ST_MERGED, W_F | W_C, { SP, SP, SP, SP, SP } },

	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_RETURN, TICKET_ST_SUBMITTED, W_L, { ST, SP, K_, K_ } },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_EXTEND, TICKET_ST_EXTENDED, W_L, { K_, UN, SD, K_ } },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_ANSWER, TICKET_ST_ANSWERED, W_L,
		{ K_, SP, K_, K_, ST } },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_WITHDRAW, TICKET_ST_WITHDRAWN, W_F | W_C,
		{ SP, SP, SP, SP, SP } },
	{ TICKET_ST_IN_PROGRESS, TICKET_ACT_MERGE, TICKET_ST_MERGED, W_F | W_C,
		{ SP, SP, SP, SP, SP } },

	/* a second extension moves the date again; the reply timer keeps running */
	{ TICKET_ST_EXTENDED, TICKET_ACT_EXTEND, TICKET_ST_EXTENDED, W_L, { K_, UN, K_, K_ } },
	{ TICKET_ST_EXTENDED, TICKET_ACT_EXPLAIN, TICKET_ST_EXTENDED, W_L, { K_, K_, SP, K_ } },
	/* the answer itself reaches the enterprise, so it also settles the reply */
	{ TICKET_ST_EXTENDED, TICKET_ACT_ANSWER, TICKET_ST_ANSWERED, W_L,
		{ K_, SP, SP, K_, ST } },
	{ TICKET_ST_EXTENDED, TICKET_ACT_WITHDRAW, TICKET_ST_WITHDRAWN, W_F | W_C,
		{ SP, SP, SP, SP, SP } },
	{ TICKET_ST_EXTENDED, TICKET_ACT_MERGE, TICKET_ST_MERGED, W_F | W_C, { SP, SP, SP, SP, SP } },

	/* 跟踪回访销号: the first-responsible unit tells the enterprise the result, and only
	 * then does the centre call back */
	{ TICKET_ST_ANSWERED, TICKET_ACT_REPORT, TICKET_ST_REPORTED, W_F, { K_, K_, K_, K_, SP } },
	{ TICKET_ST_REPORTED, TICKET_ACT_CALLBACK_SATISFIED, TICKET_ST_CALLBACK_SATISFIED, W_C,
		{ K_, K_, K_, K_, K_ } },
	{ TICKET_ST_REPORTED, TICKET_ACT_CALLBACK_DISSATISFIED, TICKET_ST_CALLBACK_DISSATISFIED,
		W_C, { K_, K_, K_, ST, K_ } },

	{ TICKET_ST_CALLBACK_SATISFIED, TICKET_ACT_CLOSE, TICKET_ST_CLOSED, W_F | W_C,
		{ SP, SP, SP, SP, SP } },

	{ TICKET_ST_CALLBACK_DISSATISFIED, TICKET_ACT_FEEDBACK, TICKET_ST_FED_BACK, W_C,
		{ K_, K_, K_, SP } },
	{ TICKET_ST_FED_BACK, TICKET_ACT_CLARIFY, TICKET_ST_EXPLAINED, W_L, { K_, K_, K_, K_ } },
	{ TICKET_ST_EXPLAINED, TICKET_ACT_REQUEST_CLOSE, TICKET_ST_CLOSE_REQUESTED, W_L,
		{ K_, K_, K_, K_ } },
	{ TICKET_ST_CLOSE_REQUESTED, TICKET_ACT_CLOSE, TICKET_ST_CLOSED, W_F, { SP, SP, SP, SP, SP } },
};

const char *ticket_state_code(ticket_state s)
{
	return s < TICKET_ST__COUNT ? state_codes[s] : "?";
}

const char *ticket_state_label(ticket_state s)
{
	return s < TICKET_ST__COUNT ? state_labels[s] : "?";
}

bool ticket_state_parse(const char *code, ticket_state *out)
{
	for (int i = 0; code && i < TICKET_ST__COUNT; i++)
		if (strcmp(code, state_codes[i]) == 0) {
			*out = (ticket_state)i;
			return true;
		}
	return false;
}

bool ticket_state_is_open(ticket_state s)
{
	return s > TICKET_ST_NEW && s < TICKET_ST_CLOSED;
}

const char *ticket_action_verb(ticket_action a)
{
	return a < TICKET_ACT__COUNT ? actions[a].verb : NULL;
}

unsigned ticket_action_opts(ticket_action a)
{
	return a < TICKET_ACT__COUNT ? actions[a].opts : 0;
}

const char *ticket_action_code(ticket_action a)
{
	return a < TICKET_ACT__COUNT ? actions[a].code : "?";
}

const char *ticket_action_label(ticket_action a)
{
	return a < TICKET_ACT__COUNT ? actions[a].label : "?";
}

const char *ticket_action_text_label(ticket_action a)
{
	return a < TICKET_ACT__COUNT ? actions[a].text_label : NULL;
}

bool ticket_action_parse(const char *code, ticket_action *out)
{
	for (int i = 0; code && i < TICKET_ACT__COUNT; i++)
		if (strcmp(code, actions[i].code) == 0) {
			*out = (ticket_action)i;
			return true;
		}
	return false;
}

const char *ticket_how_code(ticket_how h)
{
	return h < TICKET_HOW__COUNT ? how_codes[h] : "?";
}

const char *ticket_how_label(ticket_how h)
{
	return h < TICKET_HOW__COUNT ? how_labels[h] : "?";
}

bool ticket_how_parse(const char *code, ticket_how *out)
{
	for (int i = TICKET_HOW_NONE + 1; code && i < TICKET_HOW__COUNT; i++)
		if (strcmp(code, how_codes[i]) == 0) {
			*out = (ticket_how)i;
			return true;
		}
	return false;
}

const char *ticket_kind_code(ticket_kind k)
{
	return k < TICKET_KIND__COUNT ? kind_codes[k] : "?";
}

const char *ticket_kind_label(ticket_kind k)
{
	return k < TICKET_KIND__COUNT ? kind_labels[k] : "?";
}

bool ticket_kind_parse(const char *code, ticket_kind *out)
{
	for (int i = 0; code && i < TICKET_KIND__COUNT; i++)
		if (strcmp(code, kind_codes[i]) == 0) {
			*out = (ticket_kind)i;
			return true;
		}
	return false;
}

/* an empty unit name is no unit: it must not match another empty one */
static bool same_unit(const char *a, const char *b)
{
	return a && b && *a && strcmp(a, b) == 0;
}

unsigned ticket_relations(const ticket_view *t, const ticket_actor *who)
{
	unsigned rel = 0;
	if (same_unit(who->unit, t->first_unit))
		rel |= TICKET_REL_FIRST;
	if (same_unit(who->unit, t->lead_unit))
		rel |= TICKET_REL_LEAD;
	for (int i = 0; i < t->nrelated; i++)
		if (same_unit(who->unit, t->related[i]))
			rel |= TICKET_REL_RELATED;
	if (same_unit(who->unit, who->centre))
		rel |= TICKET_REL_CENTRE;
	return rel;
}

/* roles that act for their unit; supervisors, leaders and administrators follow
 * appeals (and may register one) but make no other move */
static bool role_acts_for_unit(role_t r)
{
	return r == ROLE_FRONTDESK || r == ROLE_AREA_OFFICER || r == ROLE_UNIT_STAFF;
}

static const struct rule *rule_find(ticket_state s, ticket_action a)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (rules[i].from == s && rules[i].action == a)
			return &rules[i];
	return NULL;
}

static bool has_unit(const ticket_actor *who)
{
	return who->unit && *who->unit;
}

static bool actor_fits(const struct rule *r, const ticket_view *t, const ticket_actor *who)
{
	if (r->who & W_ANY)
		return has_unit(who);
	unsigned rel = ticket_relations(t, who);
	if ((r->who & W_C) && who->role == ROLE_FRONTDESK && (rel & TICKET_REL_CENTRE))
		return true;
	if (!role_acts_for_unit(who->role))
		return false;
	return ((r->who & W_F) && (rel & TICKET_REL_FIRST)) ||
		((r->who & W_L) && (rel & TICKET_REL_LEAD));
}

bool ticket_may_register_for(const ticket_actor *who, const char *unit)
{
	if (!has_unit(who) || !unit || !*unit)
		return false;
	if (same_unit(who->unit, unit))
		return true;
	return same_unit(who->unit, who->centre) &&
		(who->role == ROLE_FRONTDESK || who->role == ROLE_SUPERVISOR);
}

int ticket_allowed_actions(const ticket_view *t, const ticket_actor *who,
		ticket_action out[TICKET_ACT__COUNT])
{
	int n = 0;
	for (int a = 0; a < TICKET_ACT__COUNT; a++) {
		const struct rule *r = rule_find(t->state, (ticket_action)a);
		if (r && actor_fits(r, t, who))
			out[n++] = (ticket_action)a;
	}
	return n;
}

bool ticket_decide(const ticket_view *t, ticket_action a, const ticket_actor *who,
		ticket_move *out)
{
	memset(out, 0, sizeof *out);
	out->action = a;
	out->from = out->to = t->state;
	const struct rule *r = a < TICKET_ACT__COUNT ? rule_find(t->state, a) : NULL;
	if (!r) {
		out->refusal = TICKET_REFUSED_STATE;
	} else if (!actor_fits(r, t, who)) {
		out->who = r->who;
		if (!(r->who & W_ANY) && !role_acts_for_unit(who->role))
			out->refusal = TICKET_REFUSED_ROLE;
		else if (!has_unit(who))
			out->refusal = TICKET_REFUSED_NO_UNIT;
		else
			out->refusal = TICKET_REFUSED_ACTOR;
	} else {
		out->allowed = true;
		out->refusal = TICKET_OK;
		out->who = r->who;
		out->to = r->to;
		/* the centre registering an appeal already holds it: straight to dispatch */
		for (int i = 0; i < TICKET_TIMER__COUNT; i++)
			out->timer[i] = (ticket_timer_op)r->timer[i];
		if (a == TICKET_ACT_REGISTER && same_unit(who->unit, who->centre)) {
			out->to = TICKET_ST_SUBMITTED;
			out->timer[TICKET_TIMER_DISPATCH] = TICKET_TIMER_START;
		}
		out->lead = actions[a].lead;
		out->needs = actions[a].needs;
		out->irreversible = actions[a].irreversible;
		return true;
	}
	out->npossible = ticket_allowed_actions(t, who, out->possible);
	return false;
}

/* one more "who may" of a refusal: named (already worded with the name) or bare */
static void add_who(strbuf *out, int *n, char *named, const char *bare)
{
	if ((*n)++)
		sb_add(out, _(" or "));
	sb_add(out, named ? named : _(bare));
	free(named);
}

void ticket_refusal_text(const ticket_view *t, const ticket_actor *who, const ticket_move *m,
		strbuf *out)
{
	const char *act = _(ticket_action_label(m->action));
	const char *st = _(ticket_state_label(m->from));
	const char *role = _(role_label(who->role));
	if (has_unit(who))
		sb_addf(out, _("\"%s\" is not possible: the appeal is %s and you are %s (%s)."),
			act, st, role, who->unit);
	else
		sb_addf(out, _("\"%s\" is not possible: the appeal is %s and you are %s."),
			act, st, role);

	switch (m->refusal) {
	case TICKET_REFUSED_STATE:
		sb_add(out, _(" No one may do that in this state."));
		break;
	case TICKET_REFUSED_NO_UNIT:
		sb_add(out, _(" Your login belongs to no unit; ask an administrator to set one."));
		break;
	case TICKET_REFUSED_ROLE:
		sb_addf(out, _(" The role %s may register appeals and follow them, but not move "
			"them."), role);
		break;
	case TICKET_REFUSED_ACTOR: {
		strbuf w = STRBUF_INIT;
		int n = 0;
		if (m->who & W_F)
			add_who(&w, &n, t->first_unit && *t->first_unit ? xasprintf(_("the first-responsible unit (%s)"), t->first_unit) : NULL,
				N_("the first-responsible unit"));
		if (m->who & W_L)
			add_who(&w, &n, t->lead_unit && *t->lead_unit ? xasprintf(_("the lead unit (%s)"), t->lead_unit) : NULL,
				N_("the lead unit"));
		if (m->who & W_C)
			add_who(&w, &n, who->centre && *who->centre ? xasprintf(_("the front desk of %s"), who->centre) : NULL,
				N_("the centre's front desk"));
		sb_addf(out, _(" Only %s may do that."), sb_str(&w));
		sb_free(&w);
		break;
	}
	case TICKET_OK:
		break;
	}

	if (m->npossible == 0) {
		sb_add(out, _(" There is nothing you may do on this appeal now."));
		return;
	}
	strbuf list = STRBUF_INIT;
	for (int i = 0; i < m->npossible; i++) {
		if (i)
			sb_add(&list, _(", "));
		sb_add(&list, _(ticket_action_label(m->possible[i])));
	}
	sb_addf(out, _(" You may now: %s."), sb_str(&list));
	sb_free(&list);
}

/* true when s has something besides ASCII blanks and full-width spaces */
static bool has_text(const char *s)
{
	if (!s)
		return false;
	char *trimmed = text_trim(s);
	bool any = *trimmed != '\0';
	free(trimmed);
	return any;
}

static int check_dispatch(const ticket_input *in, strbuf *err)
{
	if (!has_text(in->unit)) {
		sb_addf(err, _("\"%s\" needs the lead or host unit."),
			_(ticket_action_label(TICKET_ACT_DISPATCH)));
		return -1;
	}
	for (int i = 0; i < in->nrelated; i++) {
		const char *u = in->related[i];
		if (!has_text(u)) {
			sb_add(err, _("A related unit has no name."));
			return -1;
		}
		if (strcmp(u, in->unit) == 0) {
			sb_addf(err, _("%s cannot be both the lead unit and a related unit."), u);
			return -1;
		}
		for (int j = 0; j < i; j++)
			if (strcmp(u, in->related[j]) == 0) {
				sb_addf(err, _("Related unit %s is listed twice."), u);
				return -1;
			}
	}
	return 0;
}

static int check_until(const ticket_timers *tm, const ticket_input *in, const calendar *cal,
		qdate today, strbuf *err)
{
	char a[16], b[16];
	if (in->until == DATE_NONE) {
		sb_addf(err, _("\"%s\" needs the new due date."),
			_(ticket_action_label(TICKET_ACT_EXTEND)));
		return -1;
	}
	if (in->until <= today) {
		sb_addf(err, _("The new due date %s is not after today (%s)."),
			date_format(in->until, a), date_format(today, b));
		return -1;
	}
	if (!calendar_is_workday(cal, in->until)) {
		sb_addf(err, _("The new due date %s is not a working day."), date_format(in->until, a));
		return -1;
	}
	const ticket_timer_state *h = tm ? &tm->t[TICKET_TIMER_HANDLE] : NULL;
	if (h && ticket_timer_running(h) && in->until <= h->due) {
		sb_addf(err, _("The new due date %s is not after the current one (%s)."),
			date_format(in->until, a), date_format(h->due, b));
		return -1;
	}
	return 0;
}

/* the report to the enterprise: how, by whom, and a day between the answer and today */
static int check_report(const ticket_timers *tm, const ticket_input *in, qdate today,
		strbuf *err)
{
	char a[16], b[16];
	const char *act = _(ticket_action_label(TICKET_ACT_REPORT));
	if (in->how <= TICKET_HOW_NONE || in->how >= TICKET_HOW__COUNT) {
		sb_addf(err, _("\"%s\" needs how the enterprise was told (%s, %s, %s or %s)."), act,
			_(how_labels[TICKET_HOW_PHONE]), _(how_labels[TICKET_HOW_VISIT]),
			_(how_labels[TICKET_HOW_MESSAGE]), _(how_labels[TICKET_HOW_LETTER]));
		return -1;
	}
	if (!has_text(in->by)) {
		sb_addf(err, _("\"%s\" needs who told the enterprise."), act);
		return -1;
	}
	if (in->on == DATE_NONE) {
		sb_addf(err, _("\"%s\" needs the day the enterprise was told."), act);
		return -1;
	}
	if (in->on > today) {
		sb_addf(err, _("The day the enterprise was told (%s) is after today (%s)."),
			date_format(in->on, a), date_format(today, b));
		return -1;
	}
	/* the report timer started with the answer: nothing was told before it */
	const ticket_timer_state *r = tm ? &tm->t[TICKET_TIMER_REPORT] : NULL;
	if (r && r->start != DATE_NONE && in->on < r->start) {
		sb_addf(err, _("The day the enterprise was told (%s) is before the answer (%s)."),
			date_format(in->on, a), date_format(r->start, b));
		return -1;
	}
	return 0;
}

int ticket_input_check(const ticket_view *t, const ticket_timers *tm, const ticket_move *m,
		const ticket_input *in, const calendar *cal, qdate today, strbuf *err)
{
	static const ticket_input none = { .until = DATE_NONE, .on = DATE_NONE };
	if (!in)
		in = &none;
	if ((m->needs & TICKET_NEEDS_TEXT) && !has_text(in->text)) {
		sb_addf(err, _("\"%s\" needs the %s."), _(ticket_action_label(m->action)),
			_(ticket_action_text_label(m->action)));
		return -1;
	}
	if ((m->needs & TICKET_NEEDS_UNIT) && check_dispatch(in, err) < 0)
		return -1;
	if ((m->needs & TICKET_NEEDS_DATE) && check_until(tm, in, cal, today, err) < 0)
		return -1;
	if ((m->needs & TICKET_NEEDS_REPORT) && check_report(tm, in, today, err) < 0)
		return -1;
	if (m->needs & TICKET_NEEDS_TARGET) {
		int y;
		long seq;
		if (!has_text(in->into)) {
			sb_addf(err, _("\"%s\" needs the number of the appeal to merge into."),
				_(ticket_action_label(TICKET_ACT_MERGE)));
			return -1;
		}
		if (!ticket_number_parse(in->into, &y, &seq)) {
			sb_addf(err, _("%s is not an appeal number (like 2026-000123)."), in->into);
			return -1;
		}
		if (t->number && strcmp(t->number, in->into) == 0) {
			sb_add(err, _("An appeal cannot be merged into itself."));
			return -1;
		}
	}
	return 0;
}

int ticket_merge_check(const ticket_view *src, const ticket_view *into, strbuf *err)
{
	if (src->number && into->number && strcmp(src->number, into->number) == 0) {
		sb_add(err, _("An appeal cannot be merged into itself."));
		return -1;
	}
	if (!ticket_state_is_open(into->state)) {
		sb_addf(err, _("Appeal %s is %s; merge into an open appeal."),
			into->number ? into->number : "?", _(ticket_state_label(into->state)));
		return -1;
	}
	if (src->enterprise && into->enterprise && strcmp(src->enterprise, into->enterprise) != 0) {
		sb_addf(err, _("Appeal %s concerns another enterprise; only duplicates of one "
			"enterprise's appeal are merged."), into->number ? into->number : "?");
		return -1;
	}
	return 0;
}

char *ticket_number_format(int year, long seq, char *out)
{
	snprintf(out, TICKET_NUMBER_SIZE, "%04d-%06ld", year, seq);
	return out;
}

bool ticket_number_parse(const char *s, int *year, long *seq)
{
	if (!s)
		return false;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		y = y * 10 + (s[i] - '0');
	}
	if (s[4] != '-')
		return false;
	const char *d = s + 5;
	size_t n = strspn(d, "0123456789");
	/* six digits at least; beyond six no leading zero, so each number has one spelling;
	 * at most nine, which a 32-bit long holds */
	if (d[n] != '\0' || n < 6 || n > 9 || (n > 6 && d[0] == '0'))
		return false;
	long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (d[i] - '0');
	if (y < 1900 || v < 1)
		return false;
	*year = y;
	*seq = v;
	return true;
}
