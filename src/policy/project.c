/* Reader of data/project_units.tsv (the responsible units of a pre-investment project)
 * and data/project_items.tsv (the kinds of item with their default unit and time
 * limit), checked against the units, into project_rules (model/project.h). */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

typedef struct loading {
	project_rules *rules;
	const unit_table *units;
} loading;

/* the reason a row was refused, naming file:line */
static int refuse(const tsv_file *f, project_fault fault, char **v, strbuf *err)
{
	const char *where = tsv_path(f);
	int line = tsv_line(f);
	switch (fault) {
	case PROJ_ROW_OK:
		return 0;
	case PROJ_ROW_ROLE:
		sb_addf(err, _("%s:%d: unknown role '%s' (allowed: lead, member)"), where, line, v[0]);
		break;
	case PROJ_ROW_UNIT:
		sb_addf(err, _("%s:%d: unit '%s' is not in units.tsv (nor %s)"), where, line,
		        v[1], PROJECT_LOCAL_UNIT);
		break;
	case PROJ_ROW_TWICE:
		sb_addf(err, _("%s:%d: '%s' is listed twice"), where, line, v[1]);
		break;
	case PROJ_ROW_LEAD:
		sb_addf(err, _("%s:%d: a project has one lead unit, a unit of units.tsv"), where,
		        line);
		break;
	case PROJ_ROW_CODE:
		sb_addf(err, _("%s:%d: item code '%s' is not 1 to %d of a-z, 0-9 and _"), where,
		        line, v[0], PROJECT_CODE_MAX - 1);
		break;
	case PROJ_ROW_GROUP:
		sb_addf(err, _("%s:%d: unknown item group '%s' (allowed: permit, factor, hookup)"),
		        where, line, v[1]);
		break;
	case PROJ_ROW_DAYS:
		sb_addf(err, _("%s:%d: time limit '%s' is not 1 to %d working days"), where, line,
		        v[4], PROJECT_DAYS_MAX);
		break;
	}
	return -1;
}

static int add_unit(void *arg, const tsv_file *f, char **v, strbuf *err)
{
	loading *l = arg;
	return refuse(f, project_rules_add_unit(l->rules, l->units, v[0], v[1]), v, err);
}

static int add_kind(void *arg, const tsv_file *f, char **v, strbuf *err)
{
	loading *l = arg;
	project_fault fault = project_rules_add_kind(l->rules, l->units, v[0], v[1], v[2], v[3],
	                                             v[4]);
	/* refuse() quotes the second column: the unit's row there names what is at
	 * fault, a kind's row names it in another column */
	char *named = fault == PROJ_ROW_UNIT ? v[3] : fault == PROJ_ROW_TWICE ? v[0] : v[1];
	char *shown[] = { v[0], named, v[2], v[3], v[4] };
	return refuse(f, fault, shown, err);
}

int policy_project_load(project_rules *r, const char *units_path, const char *items_path,
                        const unit_table *units, strbuf *err)
{
	memset(r, 0, sizeof *r);
	loading l = { r, units };
	int rc = -1;
	int n = tsv_load(units_path, 2, add_unit, &l, err);
	if (n < 0)
		goto out;
	if (!r->lead) {
		sb_addf(err, _("%s: no lead unit listed"), units_path);
		goto out;
	}
	n = tsv_load(items_path, 5, add_kind, &l, err);
	if (n == 0)
		sb_addf(err, _("%s: no items listed"), items_path);
	if (n <= 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		project_rules_free(r);
	return rc;
}
