/* Reader of data/units.tsv: name, full name and kind of each unit of the zone, into
 * the unit table (model/unit.h). */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

static int add_unit(void *table, const tsv_file *f, char **v, strbuf *err)
{
	switch (units_add(table, v[0], v[1], v[2])) {
	case UNIT_ROW_OK:
		return 0;
	case UNIT_ROW_KIND:
		sb_addf(err, _("%s:%d: unknown unit kind '%s' (allowed: dept, area, centre, "
		        "enforcement, oversight, other)"), tsv_path(f), tsv_line(f), v[2]);
		break;
	case UNIT_ROW_TWICE:
		sb_addf(err, _("%s:%d: unit '%s' is listed twice"), tsv_path(f), tsv_line(f), v[0]);
		break;
	}
	return -1;
}

int policy_units_load(unit_table *t, const char *path, strbuf *err)
{
	memset(t, 0, sizeof *t);
	int n = tsv_load(path, 3, add_unit, t, err);
	if (n == 0)
		sb_addf(err, _("%s: no units listed"), path);
	if (n <= 0)
		units_free(t);
	return n > 0 ? 0 : -1;
}
