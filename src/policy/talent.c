/* Reader of data/talent_units.tsv: the lead unit of talent services and its
 * cooperating units (model/talent.h), each a unit of data/units.tsv. */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

typedef struct units_reading {
	talent_units *t;
	const unit_table *units;
} units_reading;

static int add_unit(void *reading, const tsv_file *f, char **v, strbuf *err)
{
	const units_reading *rd = reading;
	const char *path = tsv_path(f);
	int line = tsv_line(f);
	switch (talent_units_add(rd->t, rd->units, v[0], v[1])) {
	case TALENT_UNITS_OK:
		return 0;
	case TALENT_UNITS_ROLE:
		sb_addf(err, _("%s:%d: '%s' is neither lead nor cooperating"), path, line, v[0]);
		break;
	case TALENT_UNITS_UNKNOWN:
		sb_addf(err, _("%s:%d: unknown unit '%s'"), path, line, v[1]);
		break;
	case TALENT_UNITS_TWICE:
		sb_addf(err, _("%s:%d: '%s' is listed twice, or a second lead"), path, line, v[1]);
		break;
	}
	return -1;
}

int policy_talent_units_load(talent_units *t, const char *path, const unit_table *units,
		strbuf *err)
{
	memset(t, 0, sizeof *t);
	units_reading rd = { t, units };
	int n = tsv_load(path, 2, add_unit, &rd, err);
	if (n >= 0 && !t->lead) {
		sb_addf(err, _("%s: no lead unit (a row: lead TAB unit)"), path);
		n = -1;
	}
	if (n < 0)
		talent_units_free(t);
	return n < 0 ? -1 : 0;
}
