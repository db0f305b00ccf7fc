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

int units_load(unit_table *t, const char *path, strbuf *err)
{
	memset(t, 0, sizeof *t);
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return -1;
	char **v;
	int n, rc;
	while ((rc = tsv_next(f, 3, &v, &n, err)) == 1) {
		int kind = -1;
		for (size_t k = 0; k < sizeof kind_codes / sizeof kind_codes[0]; k++)
			if (strcmp(v[2], kind_codes[k]) == 0)
				kind = (int)k;
		if (kind < 0) {
			sb_addf(err, _("%s:%d: unknown unit kind '%s' (allowed: dept, area, centre, "
			        "enforcement, oversight, other)"), path, tsv_line(f), v[2]);
			rc = -1;
			break;
		}
		if (units_find(t, v[0])) {
			sb_addf(err, _("%s:%d: unit '%s' is listed twice"), path, tsv_line(f), v[0]);
			rc = -1;
			break;
		}
		t->v = xrealloc(t->v, sizeof *t->v * (size_t)(t->n + 1));
		t->v[t->n].name = xstrdup(v[0]);
		t->v[t->n].full_name = xstrdup(v[1]);
		t->v[t->n].kind = (unit_kind)kind;
		t->n++;
	}
	tsv_close(&f);
	if (rc < 0) {
		units_free(t);
		return -1;
	}
	if (t->n == 0) {
		sb_addf(err, _("%s: no units listed"), path);
		return -1;
	}
	return 0;
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
