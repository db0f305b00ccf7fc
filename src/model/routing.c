/* The routing table: adding a checked rule, and the decision over the table. */
#include "model/routing.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static bool blank(const char *s)
{
	return !s || !*s;
}

static int parse_cond(const char *s, route_rule *rule)
{
	if (strcmp(s, "aviation") == 0)
		rule->cond = ROUTE_AVIATION;
	else if (strcmp(s, "group") == 0)
		rule->cond = ROUTE_GROUP;
	else if (strcmp(s, "introduced") == 0)
		rule->cond = ROUTE_INTRODUCED;
	else if (strncmp(s, "category:", 9) == 0 && s[9])
		rule->cond = ROUTE_CATEGORY;
	else
		return -1;
	return 0;
}

route_fault routing_add(routing *r, const route_row *row, const unit_table *units, int *bad)
{
	route_rule rule = { 0 };
	if (parse_cond(row->cond, &rule) < 0)
		return ROUTE_ROW_COND;
	if (strcmp(row->lead, "@introduced_by") != 0 && strcmp(row->lead, "@area") != 0 &&
	    !units_find(units, row->lead))
		return ROUTE_ROW_LEAD;
	for (int k = 0; row->coop && row->coop[k]; k++)
		if (!units_find(units, row->coop[k])) {
			*bad = k;
			return ROUTE_ROW_COOP;
		}
	if (rule.cond == ROUTE_CATEGORY)
		rule.category = xstrdup(row->cond + 9);
	rule.lead = xstrdup(row->lead);
	rule.coop = xstrvdup(row->coop);
	rule.why = xstrdup(row->why);
	r->v = xrealloc(r->v, sizeof *r->v * (size_t)(r->n + 1));
	r->v[r->n++] = rule;
	return ROUTE_ROW_OK;
}

void routing_free(routing *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->v[i].category);
		free(r->v[i].lead);
		free(r->v[i].why);
		xstrvfree(&r->v[i].coop);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

static bool rule_matches(const route_rule *rule, const route_input *in)
{
	switch (rule->cond) {
	case ROUTE_AVIATION:
		return in->aviation;
	case ROUTE_GROUP:
		return !blank(in->group);
	case ROUTE_INTRODUCED:
		return !blank(in->introduced_by);
	case ROUTE_CATEGORY:
		return in->category && strcmp(rule->category, in->category) == 0;
	}
	return false;
}

int routing_decide(const routing *r, const route_input *in, route_result *out)
{
	for (int i = 0; i < r->n; i++) {
		const route_rule *rule = &r->v[i];
		if (!rule_matches(rule, in))
			continue;
		if (strcmp(rule->lead, "@introduced_by") == 0)
			out->lead = in->introduced_by;
		else if (strcmp(rule->lead, "@area") == 0)
			out->lead = in->area;
		else
			out->lead = rule->lead;
		if (blank(out->lead))
			continue;
		out->coop = (const char *const *)rule->coop;
		out->why = rule->why;
		out->rule = i;
		return 0;
	}
	return -1;
}
