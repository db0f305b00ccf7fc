/* Project rules: the data tables of units and item kinds, the stage ladder, the item
 * states, lights and the days a project took. A stage is reached once and forward
 * only, so that the dates of the stages tell how long the project ran. */
#include "model/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

typedef struct code_label {
	const char *code, *label;
} code_label;

static const code_label stages[PROJ_STAGE__COUNT] = {
	[PROJ_SIGNED] = { "signed", N_("signed") },
	[PROJ_FILED] = { "filed", N_("filed") },
	[PROJ_PLANNING] = { "planning", N_("planning permit") },
	[PROJ_PERMITTED] = { "permitted", N_("construction permit") },
	[PROJ_STARTED] = { "started", N_("construction started") },
	[PROJ_PRODUCING] = { "producing", N_("in production") },
};

static const code_label groups[PROJ_GROUP__COUNT] = {
	[PROJ_GROUP_PERMIT] = { "permit", N_("permit") },
	[PROJ_GROUP_FACTOR] = { "factor", N_("factor guarantee") },
	[PROJ_GROUP_HOOKUP] = { "hookup", N_("utility hook-up") },
};

static const code_label item_states[PITEM__COUNT] = {
	[PITEM_OPEN] = { "open", N_("open") },
	[PITEM_DONE] = { "done", N_("done") },
	[PITEM_STUCK] = { "stuck", N_("stuck") },
};

/* the row of n whose code, English label or its translation is s, or -1 */
static int parse_rows(const code_label *rows, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, rows[i].code) == 0 || strcmp(s, rows[i].label) == 0 ||
		    strcmp(s, _(rows[i].label)) == 0)
			return i;
	return -1;
}

const char *project_stage_code(project_stage s)
{
	return s < PROJ_STAGE__COUNT ? stages[s].code : "?";
}

const char *project_stage_label(project_stage s)
{
	return s < PROJ_STAGE__COUNT ? stages[s].label : "?";
}

bool project_stage_parse(const char *s, project_stage *out)
{
	int i = parse_rows(stages, PROJ_STAGE__COUNT, s);
	if (i >= 0)
		*out = (project_stage)i;
	return i >= 0;
}

void project_stage_list(strbuf *out)
{
	for (int i = 0; i < PROJ_STAGE__COUNT; i++)
		sb_addf(out, "%s%s", i ? ", " : "", stages[i].code);
}

const char *project_group_code(project_group g)
{
	return g < PROJ_GROUP__COUNT ? groups[g].code : "?";
}

const char *project_group_label(project_group g)
{
	return g < PROJ_GROUP__COUNT ? groups[g].label : "?";
}

bool project_group_parse(const char *s, project_group *out)
{
	int i = parse_rows(groups, PROJ_GROUP__COUNT, s);
	if (i >= 0)
		*out = (project_group)i;
	return i >= 0;
}

const char *project_item_state_code(project_item_state s)
{
	return s < PITEM__COUNT ? item_states[s].code : "?";
}

const char *project_item_state_label(project_item_state s)
{
	return s < PITEM__COUNT ? item_states[s].label : "?";
}

bool project_item_state_parse(const char *s, project_item_state *out)
{
	int i = parse_rows(item_states, PITEM__COUNT, s);
	if (i >= 0)
		*out = (project_item_state)i;
	return i >= 0;
}

static bool is_local(const char *unit)
{
	return strcmp(unit, PROJECT_LOCAL_UNIT) == 0;
}

/* a unit of units.tsv, or 属地 */
static bool unit_known(const unit_table *units, const char *unit)
{
	return is_local(unit) || units_find(units, unit);
}

project_fault project_rules_add_unit(project_rules *r, const unit_table *units,
		const char *role, const char *unit)
{
	bool lead = strcmp(role, "lead") == 0;
	if (!lead && strcmp(role, "member") != 0)
		return PROJ_ROW_ROLE;
	if (!unit_known(units, unit))
		return PROJ_ROW_UNIT;
	if (lead && (r->lead || is_local(unit)))
		return PROJ_ROW_LEAD;
	if (r->lead && strcmp(r->lead, unit) == 0)
		return PROJ_ROW_TWICE;
	for (int i = 0; i < r->nmembers; i++)
		if (strcmp(r->members[i], unit) == 0)
			return PROJ_ROW_TWICE;
	if (!lead && r->nmembers + 1 >= PROJECT_UNITS_MAX)
		return PROJ_ROW_TWICE;
	if (lead) {
		r->lead = xstrdup(unit);
	} else {
		r->members = xrealloc(r->members, sizeof *r->members * (size_t)(r->nmembers + 1));
		r->members[r->nmembers++] = xstrdup(unit);
	}
	return PROJ_ROW_OK;
}

static bool code_ok(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
	return n > 0 && n < PROJECT_CODE_MAX && s[n] == '\0';
}

/* 1 to PROJECT_DAYS_MAX in ASCII digits, else -1 */
static int days_of(const char *s)
{
	size_t n = strspn(s, "0123456789");
	if (n == 0 || n > 3 || s[n] != '\0')
		return -1;
	int d = atoi(s);
	return d >= 1 && d <= PROJECT_DAYS_MAX ? d : -1;
}

project_fault project_rules_add_kind(project_rules *r, const unit_table *units,
		const char *code, const char *group, const char *name, const char *unit,
		const char *days)
{
	project_group g;
	if (!code_ok(code))
		return PROJ_ROW_CODE;
	if (!project_group_parse(group, &g) || strcmp(group, groups[g].code) != 0)
		return PROJ_ROW_GROUP;
	if (!*name || project_kind_find(r, code) || project_kind_find(r, name))
		return PROJ_ROW_TWICE;
	if (!unit_known(units, unit))
		return PROJ_ROW_UNIT;
	int d = days_of(days);
	if (d < 0)
		return PROJ_ROW_DAYS;
	r->kinds = xrealloc(r->kinds, sizeof *r->kinds * (size_t)(r->nkinds + 1));
	r->kinds[r->nkinds++] = (project_kind){
		.code = xstrdup(code), .group = g, .name = xstrdup(name), .unit = xstrdup(unit),
		.days = d,
	};
	return PROJ_ROW_OK;
}

void project_rules_free(project_rules *r)
{
	free(r->lead);
	for (int i = 0; i < r->nmembers; i++)
		free(r->members[i]);
	free(r->members);
	for (int i = 0; i < r->nkinds; i++) {
		free(r->kinds[i].code);
		free(r->kinds[i].name);
		free(r->kinds[i].unit);
	}
	free(r->kinds);
	memset(r, 0, sizeof *r);
}

const project_kind *project_kind_find(const project_rules *r, const char *s)
{
	for (int i = 0; s && i < r->nkinds; i++)
		if (strcmp(r->kinds[i].code, s) == 0 || strcmp(r->kinds[i].name, s) == 0)
			return &r->kinds[i];
	return NULL;
}

const char *project_kind_name(const project_rules *r, const char *code)
{
	const project_kind *k = project_kind_find(r, code);
	return k ? k->name : code;
}

void project_kind_list(const project_rules *r, strbuf *out)
{
	for (int i = 0; i < r->nkinds; i++)
		sb_addf(out, "%s%s (%s)", i ? ", " : "", r->kinds[i].code, r->kinds[i].name);
}

const char *project_unit_of(const project_rules *r, const char *unit, const char *area)
{
	if (!is_local(unit))
		return unit;
	return area && *area ? area : r->lead;
}

int project_units_of(const project_rules *r, const char *area, const char **out, int max)
{
	int n = 0;
	if (r->lead && n < max)
		out[n++] = r->lead;
	for (int i = 0; i < r->nmembers && n < max; i++) {
		if (is_local(r->members[i]) && !(area && *area))
			continue;
		const char *u = project_unit_of(r, r->members[i], area);
		bool seen = false;
		for (int j = 0; j < n && !seen; j++)
			seen = strcmp(out[j], u) == 0;
		if (!seen)
			out[n++] = u;
	}
	return n;
}

project_verdict project_move_check(project_stage from, qdate from_on, project_stage to,
		qdate on, qdate today)
{
	if (to == from)
		return PROJ_SAME;
	if (to != from + 1)
		return PROJ_NOT_NEXT;
	if (on > today)
		return PROJ_FUTURE;
	if (from_on != DATE_NONE && on < from_on)
		return PROJ_BEFORE_LAST;
	return PROJ_OK;
}

project_verdict project_item_check(project_item_state from, project_item_state to,
		const char *note)
{
	if (from == to)
		return PROJ_SAME;
	if (to == PITEM_STUCK && !(note && *note))
		return PROJ_NEEDS_NOTE;
	return PROJ_OK;
}

project_verdict project_appeal_check(project_item_state state, int64_t appeal_id)
{
	if (appeal_id)
		return PROJ_APPEAL_TWICE;
	return state == PITEM_STUCK ? PROJ_OK : PROJ_APPEAL_STUCK;
}

ticket_light_t project_item_light(project_item_state state, qdate target, qdate today,
		const calendar *cal, int yellow_days, int *workdays)
{
	if (state == PITEM_DONE) {
		if (workdays)
			*workdays = 0;
		return TICKET_LIGHT_NONE;
	}
	return ticket_light(target, today, cal, yellow_days, workdays);
}

bool project_item_on_time(project_item_state state, qdate target, qdate done_on)
{
	return state == PITEM_DONE && done_on != DATE_NONE &&
	       (target == DATE_NONE || done_on <= target);
}

project_span project_span_to(const qdate on[PROJ_STAGE__COUNT], project_stage s,
		const calendar *cal)
{
	project_span sp = { -1, -1 };
	if (s >= PROJ_STAGE__COUNT || on[PROJ_SIGNED] == DATE_NONE || on[s] == DATE_NONE ||
	    on[s] < on[PROJ_SIGNED])
		return sp;
	sp.days = (int)(on[s] - on[PROJ_SIGNED]);
	sp.workdays = calendar_between(cal, on[PROJ_SIGNED], on[s]);
	return sp;
}

void project_item_clear(project_item *it)
{
	free(it->kind);
	free(it->unit);
	free(it->note);
	free(it->appeal);
	memset(it, 0, sizeof *it);
}

void project_rec_clear(project_rec *p)
{
	free(p->name);
	free(p->investor);
	free(p->uscc);
	free(p->introducer);
	free(p->site);
	free(p->area);
	free(p->created_by);
	free(p->created_at);
	free(p->updated_at);
	for (int i = 0; i < p->nitems; i++)
		project_item_clear(&p->items[i]);
	free(p->items);
	memset(p, 0, sizeof *p);
}

void project_default_items(const project_rules *r, const char *area, qdate signed_on,
		const calendar *cal, project_item *out)
{
	for (int i = 0; i < r->nkinds; i++)
		out[i] = (project_item){
			.seq = i + 1,
			.kind = r->kinds[i].code,
			.unit = (char *)project_unit_of(r, r->kinds[i].unit, area),
			.start = signed_on,
			.target = calendar_add(cal, signed_on, r->kinds[i].days),
			.state = PITEM_OPEN,
			.done_on = DATE_NONE,
		};
}

void project_summarize(const project_rec *p, qdate today, const calendar *cal,
		int yellow_days, project_summary *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < p->nitems; i++) {
		const project_item *it = &p->items[i];
		int n;
		ticket_light_t l = project_item_light(it->state, it->target, today, cal,
		                                      yellow_days, &n);
		if (ticket_light_worse(l, n, out->light, out->workdays)) {
			out->light = l;
			out->workdays = n;
		}
		out->open += it->state == PITEM_OPEN;
		out->stuck += it->state == PITEM_STUCK;
		out->done += it->state == PITEM_DONE;
		out->on_time += project_item_on_time(it->state, it->target, it->done_on);
		out->red += l == TICKET_LIGHT_RED;
	}
	out->to_started = project_span_to(p->on, PROJ_STARTED, cal);
	out->to_producing = project_span_to(p->on, PROJ_PRODUCING, cal);
}

int project_summary_cmp(const project_summary *a, const char *a_number,
		const project_summary *b, const char *b_number)
{
	if (ticket_light_worse(a->light, a->workdays, b->light, b->workdays))
		return -1;
	if (ticket_light_worse(b->light, b->workdays, a->light, a->workdays))
		return 1;
	return strcmp(a_number, b_number);
}

char *project_number_format(int year, long seq, char *out)
{
	snprintf(out, PROJECT_NUMBER_SIZE, "XM%04d-%06ld", year, seq);
	return out;
}

bool project_number_valid(const char *s)
{
	if (!s || strlen(s) != 13 || strncmp(s, "XM", 2) != 0 || s[6] != '-')
		return false;
	for (int i = 2; i < 13; i++)
		if (i != 6 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}
