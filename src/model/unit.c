/* The unit table: adding a checked row, finding, listing. */
#include "model/unit.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static const char *const kind_codes[] = {
	[UNIT_DEPT] = "dept", [UNIT_AREA] = "area", [UNIT_CENTRE] = "centre",
	[UNIT_ENFORCEMENT] = "enforcement", [UNIT_OVERSIGHT] = "oversight",
	[UNIT_OTHER] = "other",
};

unit_fault units_add(unit_table *t, const char *name, const char *full_name, const char *kind)
{
	int k = -1;
	for (size_t i = 0; i < sizeof kind_codes / sizeof kind_codes[0]; i++)
		if (strcmp(kind, kind_codes[i]) == 0)
			k = (int)i;
	if (k < 0)
		return UNIT_ROW_KIND;
	if (units_find(t, name))
		return UNIT_ROW_TWICE;
	t->v = xrealloc(t->v, sizeof *t->v * (size_t)(t->n + 1));
	t->v[t->n].name = xstrdup(name);
	t->v[t->n].full_name = xstrdup(full_name);
	t->v[t->n].kind = (unit_kind)k;
	t->n++;
	return UNIT_ROW_OK;
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
