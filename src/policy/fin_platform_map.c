/* Reader of the financing platform's column map (data/export/financing_platform.tsv,
 * model/fin_platform.h): column rows into the map, the first bad row named file:line. */
#include "policy/policy.h"

#include "core/i18n.h"
#include "policy/private.h"

static void row_fault(fin_pf_map_row r, char **v, int n, strbuf *err)
{
	switch (r) {
	case FPF_MAP_OK:
		break;
	case FPF_MAP_WHAT:
		sb_addf(err, _("'%s' is not column"), v[0]);
		break;
	case FPF_MAP_SHAPE:
		sb_addf(err, _("a %s row has %d fields, not %d"), v[0], n, 3);
		break;
	case FPF_MAP_FIELD:
		sb_addf(err, _("'%s' is not a field (enterprise, uscc, amount, term, purpose, "
		               "guarantee, contact, phone)"), v[1]);
		break;
	case FPF_MAP_TWICE:
		sb_addf(err, _("'%s' or '%s' is given twice"), v[1], v[2]);
		break;
	case FPF_MAP_EMPTY:
		sb_addf(err, _("the header of %s is empty"), v[1]);
		break;
	}
}

/* one row of the map (policy_map_row_fn) */
static int pf_row(void *map, char **v, int n, strbuf *why)
{
	fin_pf_map_row r = fin_pf_map_add(map, v, n);
	if (r == FPF_MAP_OK)
		return 0;
	row_fault(r, v, n, why);
	return -1;
}

static int pf_check(const void *map, strbuf *why)
{
	return fin_pf_map_check(map, why);
}

int policy_fin_pf_map_load(fin_pf_map *m, const char *path, strbuf *err)
{
	*m = (fin_pf_map){ 0 };
	if (policy_map_read(path, m, pf_row, pf_check, err) == 0)
		return 0;
	fin_pf_map_free(m);
	return -1;
}
