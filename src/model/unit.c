/* Unit table loaded from the policy data. */
#include "model/unit.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"
#include "core/xalloc.h"

static const char *const kind_codes[] = {
	[UNIT_DEPT] = "dept", [UNIT_AREA] = "area", [UNIT_CENTRE] = "centre",
	[UNIT_ENFORCEMENT] = "enforcement", [UNIT_OVERSIGHT] = "oversight",
	[UNIT_OTHER] = "other",
};

static int add_unit(void *table, const tsv_file *f, char **v, strbuf *err)
{
	unit_table *t = table;
	int kind = -1;
	for (size_t k = 0; k < sizeof kind_codes / sizeof kind_codes[0]; k++)
		if (strcmp(v[2], kind_codes[k]) == 0)
			kind = (int)k;
	if (kind < 0) {
		sb_addf(err, _("%s:%d: unknown unit kind '%s' (allowed: dept, area, centre, "
		        "enforcement, oversight, other)"), tsv_path(f), tsv_line(f), v[2]);
		return -1;
	}
	if (units_find(t, v[0])) {
		sb_addf(err, _("%s:%d: unit '%s' is listed twice"), tsv_path(f), tsv_line(f), v[0]);
		return -1;
	}
	t->v = xrealloc(t->v, sizeof *t->v * (size_t)(t->n + 1));
	t->v[t->n].name = xstrdup(v[0]);
	t->v[t->n].full_name = xstrdup(v[1]);
	t->v[t->n].kind = (unit_kind)kind;
	t->n++;
	return 0;
}

int units_load(unit_table *t, const char *path, strbuf *err)
{
	memset(t, 0, sizeof *t);
	int n = tsv_load(path, 3, add_unit, t, err);
	if (n == 0)
		sb_addf(err, _("%s: no units listed"), path);
	if (n <= 0)
		units_free(t);
	return n > 0 ? 0 : -1;
}

void units_free(unit_table *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].full_name);
	}
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

const unit_def *units_find(const unit_table *t, const char *name)
{
	for (int i = 0; name && i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return &t->v[i];
	return NULL;
}

bool units_is_area(const unit_table *t, const char *name)
{
	const unit_def *u = units_find(t, name);
	return u && u->kind == UNIT_AREA;
}

const unit_def *units_centre(const unit_table *t)
{
	for (int i = 0; i < t->n; i++)
		if (t->v[i].kind == UNIT_CENTRE)
			return &t->v[i];
	return NULL;
}

void units_list(const unit_table *t, int kind, strbuf *out)
{
	bool first = true;
	for (int i = 0; i < t->n; i++) {
		if (kind >= 0 && (int)t->v[i].kind != kind)
			continue;
		sb_addf(out, "%s%s", first ? "" : ", ", t->v[i].name);
		first = false;
	}
}
