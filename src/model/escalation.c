/* The three-level dispatch ladder: one table of (level, action) -> who may and the
 * level after, one table of the appeal states each action needs, and
 * escalation_decide over them; then the dispatch record's checks and the rule that
 * marks an appeal 建议升级. */
#include "model/escalation.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

static const struct action_def {
	const char *code;
	const char *label;
	unsigned needs;
} actions[ESC_ACT__COUNT] = {
	[ESC_ACT_ESCALATE] = { "escalate", N_("escalate to the next level"), ESC_NEEDS_REASON },
	[ESC_ACT_SCHEDULE] = { "schedule", N_("record a dispatch"), ESC_NEEDS_RECORD },
	[ESC_ACT_OUTCOME] = { "outcome", N_("record the outcome of a dispatch"),
		ESC_NEEDS_OUTCOME },
	[ESC_ACT_VIEW] = { "view", N_("view the dispatch levels"), 0 },
};

static const struct { const char *code; const char *label; } modes[ESC_MODE__COUNT] = {
	[ESC_MODE_MEETING] = { "meeting", N_("meeting dispatch") },
	[ESC_MODE_ONSITE] = { "onsite", N_("on-site dispatch") },
};

/* indexed by level; 0 is unused so that the policy's numbers index directly */
static const char *const level_labels[4] = {
	NULL,
	N_("level 1 (principal leader)"),
	N_("level 2 (leader in charge)"),
	N_("level 3 (lead unit)"),
};

static const char *const level_shorts[4] = {
	NULL,
	N_("level 1"),
	N_("level 2"),
	N_("level 3"),
};

enum {
	W_LU = ESC_WHO_LEAD_UNIT,
	W_L2 = ESC_WHO_LEADER2,
	W_L1 = ESC_WHO_LEADER1,
	W_SV = ESC_WHO_SUPERVISOR,
	W_UN = ESC_WHO_UNITS,
	/* everyone who follows an appeal: the leaders who may come to hold it included */
	W_SEE = W_LU | W_L2 | W_L1 | W_SV | W_UN,
};

/* THE ladder. The holder of a level records its dispatches and their outcomes; only
 * the holder of level 3 or 2 raises the appeal one level, never past one; nobody
 * raises level 1. Supervisors appear only under view: the policy gives them
 * supervision (督办, a request to 区党工委), not dispatch. A level-2 leader sees the
 * level-3 appeals of the units in their charge, so the ones that will come up are
 * not a surprise; the principal leader sees everything. */
static const struct rule {
	int level;
	escalation_action action;
	unsigned who;
	int next;
} rules[] = {
	{ 3, ESC_ACT_ESCALATE, W_LU, 2 },
	{ 3, ESC_ACT_SCHEDULE, W_LU, 3 },
	{ 3, ESC_ACT_OUTCOME, W_LU, 3 },
	{ 3, ESC_ACT_VIEW, W_SEE, 3 },

	{ 2, ESC_ACT_ESCALATE, W_L2, 1 },
	{ 2, ESC_ACT_SCHEDULE, W_L2, 2 },
	{ 2, ESC_ACT_OUTCOME, W_L2, 2 },
	{ 2, ESC_ACT_VIEW, W_SEE, 2 },

	{ 1, ESC_ACT_SCHEDULE, W_L1, 1 },
	{ 1, ESC_ACT_OUTCOME, W_L1, 1 },
	{ 1, ESC_ACT_VIEW, W_SEE, 1 },
};

enum {
	A_ESC = 1u << ESC_ACT_ESCALATE,
	A_SCH = 1u << ESC_ACT_SCHEDULE,
	A_OUT = 1u << ESC_ACT_OUTCOME,
	A_MOVE = A_ESC | A_SCH | A_OUT,
};

/* The ladder moves while the appeal is being handled: from dispatch to the answer,
 * exactly while the handling timer runs, which is what the suggestion rule watches.
 * An outcome may still be written after the answer (the meeting's result is often
 * typed up later) until the appeal is closed. Before dispatch there is no lead unit,
 * hence no level. */
static const unsigned state_moves[TICKET_ST__COUNT] = {
	[TICKET_ST_DISPATCHED] = A_MOVE,
	[TICKET_ST_IN_PROGRESS] = A_MOVE,
	[TICKET_ST_EXTENDED] = A_MOVE,
	[TICKET_ST_ANSWERED] = A_OUT,
	[TICKET_ST_REPORTED] = A_OUT,
	[TICKET_ST_CALLBACK_SATISFIED] = A_OUT,
	[TICKET_ST_CALLBACK_DISSATISFIED] = A_OUT,
	[TICKET_ST_FED_BACK] = A_OUT,
	[TICKET_ST_EXPLAINED] = A_OUT,
	[TICKET_ST_CLOSE_REQUESTED] = A_OUT,
};

const char *escalation_action_code(escalation_action a)
{
	return a < ESC_ACT__COUNT ? actions[a].code : "?";
}

const char *escalation_action_label(escalation_action a)
{
	return a < ESC_ACT__COUNT ? actions[a].label : "?";
}

bool escalation_action_parse(const char *code, escalation_action *out)
{
	for (int i = 0; code && i < ESC_ACT__COUNT; i++)
		if (strcmp(code, actions[i].code) == 0) {
			*out = (escalation_action)i;
			return true;
		}
	return false;
}

const char *escalation_mode_code(escalation_mode m)
{
	return m < ESC_MODE__COUNT ? modes[m].code : "?";
}

const char *escalation_mode_label(escalation_mode m)
{
	return m < ESC_MODE__COUNT ? modes[m].label : "?";
}

bool escalation_mode_parse(const char *code, escalation_mode *out)
{
	for (int i = 0; code && i < ESC_MODE__COUNT; i++)
		if (strcmp(code, modes[i].code) == 0) {
			*out = (escalation_mode)i;
			return true;
		}
	return false;
}

bool escalation_level_valid(int level)
{
	return level >= ESC_LEVEL_PRINCIPAL && level <= ESC_LEVEL_LEAD_UNIT;
}

const char *escalation_level_label(int level)
{
	return escalation_level_valid(level) ? level_labels[level] : "?";
}

const char *escalation_level_short(int level)
{
	return escalation_level_valid(level) ? level_shorts[level] : "?";
}

int escalation_level_after(ticket_action a, int level)
{
	if (a == TICKET_ACT_DISPATCH || a == TICKET_ACT_RETURN)
		return ESC_LEVEL_START;
	return level;
}

bool escalation_state_allows(ticket_state s, escalation_action a)
{
	if (a == ESC_ACT_VIEW)
		return s < TICKET_ST__COUNT;
	return s < TICKET_ST__COUNT && a < ESC_ACT__COUNT && (state_moves[s] & (1u << a));
}

static const struct rule *rule_find(int level, escalation_action a)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (rules[i].level == level && rules[i].action == a)
			return &rules[i];
	return NULL;
}

/* an empty unit name is no unit: it must not match another empty one */
static bool same_unit(const char *a, const char *b)
{
	return a && b && *a && strcmp(a, b) == 0;
}

static bool oversees(const escalation_actor *who, const char *unit)
{
	for (const char *const *u = who->oversees; u && *u; u++)
		if (same_unit(*u, unit))
			return true;
	return false;
}

/* the ESC_WHO_* bits this actor holds towards t; leaders' own units make them no
 * lead-unit staff, as ticket.c lets only unit roles act for a unit */
static unsigned actor_holds(const ticket_view *t, const escalation_actor *who)
{
	unsigned w = 0;
	if (who->role == ROLE_LEADER && who->leader_level == ESC_LEVEL_PRINCIPAL)
		w |= W_L1;
	if (who->role == ROLE_LEADER && who->leader_level == ESC_LEVEL_LEADER &&
			oversees(who, t->lead_unit))
		w |= W_L2;
	if (who->role == ROLE_SUPERVISOR || who->role == ROLE_ADMIN)
		w |= W_SV;
	const ticket_actor ta = { who->role, who->unit, who->centre };
	unsigned rel = ticket_relations(t, &ta);
	bool unit_role = who->role == ROLE_FRONTDESK || who->role == ROLE_AREA_OFFICER ||
		who->role == ROLE_UNIT_STAFF;
	if (unit_role && (rel & TICKET_REL_LEAD))
		w |= W_LU;
	if (unit_role && rel)
		w |= W_UN;
	return w;
}

bool escalation_decide(const ticket_view *t, int level, escalation_action a,
		const escalation_actor *who, escalation_verdict *out)
{
	memset(out, 0, sizeof *out);
	out->action = a;
	out->level = out->next = level;
	const struct rule *r = NULL;
	if (!escalation_level_valid(level) || a >= ESC_ACT__COUNT) {
		out->refusal = ESC_REFUSED_LEVEL;
		return false;
	}
	if (!escalation_state_allows(t->state, a)) {
		out->refusal = ESC_REFUSED_STATE;
		return false;
	}
	r = rule_find(level, a);
	if (!r) {
		out->refusal = ESC_REFUSED_TOP;
		return false;
	}
	out->who = r->who;
	unsigned holds = actor_holds(t, who);
	if (!(holds & r->who)) {
		out->refusal = (holds & W_SV) ? ESC_REFUSED_SUPERVISOR : ESC_REFUSED_ACTOR;
		return false;
	}
	out->allowed = true;
	out->refusal = ESC_OK;
	out->next = r->next;
	out->needs = actions[a].needs;
	return true;
}

int escalation_allowed_actions(const ticket_view *t, int level, const escalation_actor *who,
		escalation_action out[ESC_ACT__COUNT])
{
	int n = 0;
	for (int a = 0; a < ESC_ACT__COUNT; a++) {
		escalation_verdict v;
		if (escalation_decide(t, level, (escalation_action)a, who, &v))
			out[n++] = (escalation_action)a;
	}
	return n;
}

static void join_units(strbuf *out, const char *const *units)
{
	for (const char *const *u = units; u && *u; u++)
		sb_addf(out, "%s%s", u == units ? "" : "、", *u);
}

/* the actor as the refusal names them: a leader by level and charge, others by role
 * and unit */
static void actor_text(const escalation_actor *who, strbuf *out)
{
	if (who->role == ROLE_LEADER && who->leader_level == ESC_LEVEL_PRINCIPAL) {
		sb_add(out, _("the principal leader"));
	} else if (who->role == ROLE_LEADER && who->leader_level == ESC_LEVEL_LEADER) {
		strbuf u = STRBUF_INIT;
		join_units(&u, who->oversees);
		if (u.len)
			sb_addf(out, _("a level-2 leader in charge of %s"), sb_str(&u));
		else
			sb_add(out, _("a level-2 leader in charge of no unit"));
		sb_free(&u);
	} else if (who->unit && *who->unit) {
		sb_addf(out, _("%s (%s)"), _(role_label(who->role)), who->unit);
	} else {
		sb_add(out, _(role_label(who->role)));
	}
}

static void who_text(const ticket_view *t, unsigned who, strbuf *out)
{
	const char *lead = t->lead_unit && *t->lead_unit ? t->lead_unit : "?";
	if (who == W_LU)
		sb_addf(out, _("the lead unit (%s)"), lead);
	else if (who == W_L2)
		sb_addf(out, _("the level-2 leader in charge of %s"), lead);
	else if (who == W_L1)
		sb_add(out, _("the principal leader"));
	else
		sb_add(out, _("supervisors, the leaders in charge and the appeal's own units"));
}

void escalation_refusal_text(const ticket_view *t, const escalation_actor *who,
		const escalation_verdict *v, strbuf *out)
{
	const char *act = _(escalation_action_label(v->action));
	if (v->refusal == ESC_REFUSED_LEVEL) {
		sb_addf(out, _("\"%s\" is not possible: %d is not a dispatch level (3, 2 or 1)."),
			act, v->level);
		return;
	}
	strbuf actor = STRBUF_INIT;
	actor_text(who, &actor);
	sb_addf(out, _("\"%s\" is not possible: the appeal is at %s and you are %s."), act,
		_(escalation_level_label(v->level)), sb_str(&actor));
	sb_free(&actor);
	switch (v->refusal) {
	case ESC_REFUSED_STATE:
		if (v->action == ESC_ACT_OUTCOME)
			sb_addf(out, _(" The appeal is %s; outcomes are recorded from dispatch "
				"until it is closed."), _(ticket_state_label(t->state)));
		else
			sb_addf(out, _(" The appeal is %s; the levels move only while it is being "
				"handled (dispatched, in progress or extended)."),
				_(ticket_state_label(t->state)));
		break;
	case ESC_REFUSED_TOP:
		sb_add(out, _(" Level 1 is the highest; the principal leader holds the dispatch "
			"there."));
		break;
	case ESC_REFUSED_SUPERVISOR: {
		strbuf w = STRBUF_INIT;
		who_text(t, v->who, &w);
		sb_addf(out, _(" Supervisors follow every level but do not move the ladder; "
			"only %s may do that."), sb_str(&w));
		sb_free(&w);
		break;
	}
	case ESC_REFUSED_ACTOR: {
		strbuf w = STRBUF_INIT;
		who_text(t, v->who, &w);
		sb_addf(out, _(" Only %s may do that."), sb_str(&w));
		sb_free(&w);
		break;
	}
	case ESC_REFUSED_LEVEL:
	case ESC_OK:
		break;
	}
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

/* -1 when s (may be NULL) has more than max characters */
static int check_length(const char *what, const char *s, size_t max, strbuf *err)
{
	if (s && text_chars(s) > max) {
		sb_addf(err, _("The %s is longer than %zu characters."), _(what), max);
		return -1;
	}
	return 0;
}

int escalation_text_check(escalation_action a, const char *text, strbuf *err)
{
	const char *what = a == ESC_ACT_ESCALATE ? N_("reason for the escalation")
		: N_("outcome of the dispatch");
	if (!has_text(text)) {
		sb_addf(err, _("\"%s\" needs the %s."), _(escalation_action_label(a)), _(what));
		return -1;
	}
	return check_length(what, text, ESC_TEXT_MAX, err);
}

int escalation_record_check(const escalation_record *r, const calendar *cal, qdate today,
		qdate dispatched, strbuf *err)
{
	char a[16], b[16];
	if (!escalation_level_valid(r->level)) {
		sb_addf(err, _("%d is not a dispatch level (3, 2 or 1)."), r->level);
		return -1;
	}
	if (r->mode >= ESC_MODE__COUNT) {
		sb_add(err, _("A dispatch is a meeting (meeting) or on site (onsite)."));
		return -1;
	}
	if (r->date == DATE_NONE) {
		sb_add(err, _("A dispatch record needs the date of the dispatch."));
		return -1;
	}
	if (dispatched != DATE_NONE && r->date < dispatched) {
		sb_addf(err, _("The dispatch date %s is before the appeal was dispatched (%s)."),
			date_format(r->date, a), date_format(dispatched, b));
		return -1;
	}
	if (!has_text(r->decision)) {
		sb_add(err, _("A dispatch record needs its decision."));
		return -1;
	}
	const struct { const char *what; const char *text; size_t max; } texts[] = {
		{ N_("decision of the dispatch"), r->decision, ESC_TEXT_MAX },
		{ N_("place of the dispatch"), r->place, ESC_PLACE_MAX },
		{ N_("attendee list of the dispatch"), r->attendees, ESC_ATTENDEES_MAX },
		{ N_("outcome of the dispatch"), r->outcome, ESC_TEXT_MAX },
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (check_length(texts[i].what, texts[i].text, texts[i].max, err) < 0)
			return -1;
	if (r->new_due == DATE_NONE)
		return 0;
	/* the same rules as an extension's date, except that a leader may also bring the
	 * date forward: the new date need not be after the current one */
	if (r->new_due <= today) {
		sb_addf(err, _("The new due date %s is not after today (%s)."),
			date_format(r->new_due, a), date_format(today, b));
		return -1;
	}
	if (!calendar_is_workday(cal, r->new_due)) {
		sb_addf(err, _("The new due date %s is not a working day."),
			date_format(r->new_due, a));
		return -1;
	}
	if (r->new_due < r->date) {
		sb_addf(err, _("The new due date %s is before the dispatch itself (%s)."),
			date_format(r->new_due, a), date_format(r->date, b));
		return -1;
	}
	return 0;
}

void escalation_timers_apply(ticket_timers *tm, const escalation_record *r,
		const calendar *cal, qdate today)
{
	if (r->new_due == DATE_NONE || !ticket_timer_running(&tm->t[TICKET_TIMER_HANDLE]))
		return;
	/* one way to fix a due date: the extension's, through the appeal's own timers */
	ticket_move m = { .allowed = true };
	for (int i = 0; i < TICKET_TIMER__COUNT; i++)
		m.timer[i] = TICKET_TIMER_KEEP;
	m.timer[TICKET_TIMER_HANDLE] = TICKET_TIMER_SET_UNTIL;
	m.lead = TICKET_LEAD_KEEP;
	const ticket_view none = { .state = TICKET_ST_IN_PROGRESS };
	const ticket_input in = { .until = r->new_due };
	const ticket_params p = ticket_params_default();
	ticket_timers_apply(tm, &m, &none, &in, &p, cal, today);
}

bool escalation_suggested(ticket_light_t light, int overdue, int level, int after_days)
{
	if (after_days < 1)
		after_days = 1;
	return light == TICKET_LIGHT_RED && overdue >= after_days &&
		(level == ESC_LEVEL_LEAD_UNIT || level == ESC_LEVEL_LEADER);
}

const char *escalation_suggest_label(void)
{
	return N_("suggest escalation");
}
