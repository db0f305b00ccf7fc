/* Talent services: the programme kinds, the request states and their one move rule,
 * the responsible units, and the checks of what was typed (model/talent.h). */
#include "model/talent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/field.h"

/* the policy's own word for each, which is accepted whatever the language */
static const struct { const char *code, *label, *policy; } progs[TALENT_PROG__COUNT] = {
	[TALENT_PROG_ORDER] = { "order", N_("order class (订单班)"), "订单班" },
	[TALENT_PROG_NAMED] = { "named", N_("named class (冠名班)"), "冠名班" },
	[TALENT_PROG_FACTORY] = { "factory_school", N_("school in the factory (厂中校)"), "厂中校" },
};

static const struct { const char *code, *label; } states[TALENT_STATE__COUNT] = {
	[TALENT_RECEIVED] = { "received", N_("received") },
	[TALENT_HANDLING] = { "handling", N_("being handled") },
	[TALENT_DONE] = { "done", N_("done") },
	[TALENT_DECLINED] = { "declined", N_("declined") },
};

const char *talent_prog_code(talent_prog_kind k)
{
	return k < TALENT_PROG__COUNT ? progs[k].code : "?";
}

const char *talent_prog_label(talent_prog_kind k)
{
	return k < TALENT_PROG__COUNT ? progs[k].label : "?";
}

bool talent_prog_parse(const char *s, talent_prog_kind *out)
{
	for (int i = 0; s && i < TALENT_PROG__COUNT; i++) {
		if (strcmp(s, progs[i].code) == 0 || strcmp(s, progs[i].policy) == 0 ||
		    strcmp(s, progs[i].label) == 0 || strcmp(s, _(progs[i].label)) == 0) {
			*out = (talent_prog_kind)i;
			return true;
		}
	}
	return false;
}

const char *talent_state_code(talent_state s)
{
	return s < TALENT_STATE__COUNT ? states[s].code : "?";
}

const char *talent_state_label(talent_state s)
{
	return s < TALENT_STATE__COUNT ? states[s].label : "?";
}

bool talent_state_parse(const char *s, talent_state *out)
{
	for (int i = 0; s && i < TALENT_STATE__COUNT; i++) {
		if (strcmp(s, states[i].code) == 0 || strcmp(s, _(states[i].label)) == 0) {
			*out = (talent_state)i;
			return true;
		}
	}
	return false;
}

talent_verdict talent_move_check(talent_state from, talent_state to, const char *note)
{
	if (from == to)
		return TALENT_MOVE_SAME;
	if (from == TALENT_DONE || from == TALENT_DECLINED)
		return TALENT_MOVE_FINAL;
	if (to == TALENT_RECEIVED)
		return TALENT_MOVE_BACK;
	if (to == TALENT_DECLINED && (!note || !*note))
		return TALENT_MOVE_NEEDS_NOTE;
	return TALENT_MOVE_OK;
}

void talent_verdict_text(talent_verdict v, talent_state from, talent_state to, strbuf *err)
{
	switch (v) {
	case TALENT_MOVE_OK:
		break;
	case TALENT_MOVE_SAME:
		sb_addf(err, _("the request is %s already"), _(talent_state_label(to)));
		break;
	case TALENT_MOVE_FINAL:
		sb_addf(err, _("the request is %s: it moves no more"), _(talent_state_label(from)));
		break;
	case TALENT_MOVE_BACK:
		sb_add(err, _("a request goes back to received no more once it is handled"));
		break;
	case TALENT_MOVE_NEEDS_NOTE:
		sb_add(err, _("say why the request is declined (--note)"));
		break;
	}
}

talent_units_fault talent_units_add(talent_units *t, const unit_table *units, const char *role,
		const char *unit)
{
	bool lead = strcmp(role, "lead") == 0;
	if (!lead && strcmp(role, "cooperating") != 0)
		return TALENT_UNITS_ROLE;
	if (!units_find(units, unit))
		return TALENT_UNITS_UNKNOWN;
	if (talent_unit_ok(t, unit) || (lead && t->lead))
		return TALENT_UNITS_TWICE;
	if (lead) {
		t->lead = xstrdup(unit);
	} else {
		t->coop = xrealloc(t->coop, sizeof *t->coop * (size_t)(t->ncoop + 1));
		t->coop[t->ncoop++] = xstrdup(unit);
	}
	return TALENT_UNITS_OK;
}

void talent_units_free(talent_units *t)
{
	free(t->lead);
	for (int i = 0; i < t->ncoop; i++)
		free(t->coop[i]);
	free(t->coop);
	memset(t, 0, sizeof *t);
}

bool talent_unit_ok(const talent_units *t, const char *unit)
{
	if (!unit)
		return false;
	if (t->lead && strcmp(t->lead, unit) == 0)
		return true;
	for (int i = 0; i < t->ncoop; i++)
		if (strcmp(t->coop[i], unit) == 0)
			return true;
	return false;
}

void talent_programme_clear(talent_programme *p)
{
	free(p->enterprise);
	free(p->uscc);
	free(p->area);
	free(p->school);
	free(p->name);
	free(p->created_by);
	free(p->created_at);
	memset(p, 0, sizeof *p);
}

void talent_request_clear(talent_request *r)
{
	free(r->enterprise);
	free(r->uscc);
	free(r->area);
	free(r->kind);
	free(r->person);
	free(r->detail);
	free(r->unit);
	free(r->note);
	free(r->appeal_number);
	free(r->created_by);
	free(r->created_at);
	free(r->updated_at);
	memset(r, 0, sizeof *r);
}

int talent_programme_validate(talent_programme *p, strbuf *err)
{
	if (field_clean(&p->school, N_("school"), 100, true, err) < 0 ||
	    field_clean(&p->name, N_("programme"), 100, true, err) < 0)
		return -1;
	if (p->places < 1 || p->places > TALENT_PLACES_MAX) {
		sb_addf(err, _("places must be 1 to %d, not %d"), TALENT_PLACES_MAX, p->places);
		return -1;
	}
	if (p->start == DATE_NONE) {
		sb_addf(err, _("%s must not be empty"), _("programme start"));
		return -1;
	}
	if (p->end != DATE_NONE && p->end < p->start) {
		char s[11], e[11];
		sb_addf(err, _("the programme ends (%s) before it starts (%s)"),
		        date_format(p->end, e), date_format(p->start, s));
		return -1;
	}
	return 0;
}

bool talent_places_parse(const char *s, int *out)
{
	while (*s == ' ')
		s++;
	long n = 0;
	int digits = 0;
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		n = n * 10 + (*s - '0');
		if (n > TALENT_PLACES_MAX)
			return false;
	}
	while (*s == ' ')
		s++;
	if (*s || digits == 0 || n < 1)
		return false;
	*out = (int)n;
	return true;
}

static void change_text(int *n, strbuf *out, const char *field, const char *was,
                        const char *now)
{
	if (strcmp(was ? was : "", now ? now : "") == 0)
		return;
	sb_addf(out, "%s%s=%s→%s", (*n)++ ? " " : "", field, was ? was : "", now ? now : "");
}

static const char *day_text(qdate d, char *buf)
{
	return d == DATE_NONE ? "" : date_format(d, buf);
}

int talent_programme_changes(const talent_programme *was, const talent_programme *now,
		strbuf *out)
{
	int n = 0;
	char a[16], b[16];
	change_text(&n, out, "kind", talent_prog_code(was->kind), talent_prog_code(now->kind));
	change_text(&n, out, "school", was->school, now->school);
	change_text(&n, out, "name", was->name, now->name);
	snprintf(a, sizeof a, "%d", was->places);
	snprintf(b, sizeof b, "%d", now->places);
	change_text(&n, out, "places", a, b);
	change_text(&n, out, "start", day_text(was->start, a), day_text(now->start, b));
	change_text(&n, out, "end", day_text(was->end, a), day_text(now->end, b));
	return n;
}

int talent_request_validate(const code_table *kinds, const talent_units *t,
		talent_request *r, strbuf *err)
{
	if (field_clean(&r->kind, N_("talent service"), CODE_MAX, true, err) < 0)
		return -1;
	const code_def *k = codes_find(kinds, r->kind);
	if (!k) {
		sb_addf(err, _("unknown talent service '%s'; allowed: "), r->kind);
		codes_list(kinds, err);
		return -1;
	}
	free(r->kind);
	r->kind = xstrdup(k->code);
	if (field_clean(&r->person, N_("talent served"), 50, true, err) < 0 ||
	    field_clean(&r->detail, N_("request detail"), 500, false, err) < 0 ||
	    field_clean(&r->unit, N_("responsible unit"), 40, false, err) < 0)
		return -1;
	if (!*r->unit && t->lead) {
		free(r->unit);
		r->unit = xstrdup(t->lead);
	}
	if (!talent_unit_ok(t, r->unit)) {
		sb_addf(err, _("%s is not a unit responsible for talent services; allowed: %s"),
		        r->unit, t->lead ? t->lead : "");
		for (int i = 0; i < t->ncoop; i++)
			sb_addf(err, "、%s", t->coop[i]);
		return -1;
	}
	return 0;
}
