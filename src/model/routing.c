/* The routing table and the decision over it. */
#include "model/routing.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"
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
	else if (strncmp(s, "category:", 9) == 0 && s[9]) {
		rule->cond = ROUTE_CATEGORY;
		rule->category = xstrdup(s + 9);
	} else
		return -1;
	return 0;
}

int routing_load(routing *r, const char *path, const unit_table *units, strbuf *err)
{
	memset(r, 0, sizeof *r);
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return -1;
	char **v;
	int n, rc;
	while ((rc = tsv_next(f, 4, &v, &n, err)) == 1) {
		r->v = xrealloc(r->v, sizeof *r->v * (size_t)(r->n + 1));
		route_rule *rule = &r->v[r->n];
		memset(rule, 0, sizeof *rule);
		r->n++;
		rule->coop = xcalloc(1, sizeof *rule->coop);
		if (parse_cond(v[0], rule) < 0) {
			sb_addf(err, _("%s:%d: unknown condition '%s' (aviation, group, introduced, "
			        "category:CODE)"), path, tsv_line(f), v[0]);
			rc = -1;
			break;
		}
		if (strcmp(v[1], "@introduced_by") != 0 && strcmp(v[1], "@area") != 0 &&
		    !units_find(units, v[1])) {
			sb_addf(err, _("%s:%d: unknown lead unit '%s'"), path, tsv_line(f), v[1]);
			rc = -1;
			break;
		}
		rule->lead = xstrdup(v[1]);
		rule->why = xstrdup(v[3]);
		int k = 0;
		for (const char *p = strcmp(v[2], "-") == 0 ? "" : v[2]; *p;) {
			size_t len = strcspn(p, ",");
			char *u = xstrndup(p, len);
			if (!units_find(units, u)) {
				sb_addf(err, _("%s:%d: unknown cooperating unit '%s'"), path, tsv_line(f), u);
				free(u);
				rc = -1;
				break;
			}
			rule->coop = xrealloc(rule->coop, sizeof *rule->coop * (size_t)(k + 2));
			rule->coop[k++] = u;
			rule->coop[k] = NULL;
			p += len + (p[len] == ',');
		}
		if (rc < 0)
			break;
	}
	tsv_close(&f);
	if (rc < 0) {
		routing_free(r);
		return -1;
	}
	return 0;
}

void routing_free(routing *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->v[i].category);
		free(r->v[i].lead);
		free(r->v[i].why);
		for (char **c = r->v[i].coop; c && *c; c++)
			free(*c);
		free(r->v[i].coop);
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
