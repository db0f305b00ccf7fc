/* Reader of the financing platform's results map (data/import/financing_results.tsv,
 * model/fin_result.h): state and column rows into the map, the first bad row named
 * file:line. */
#include "policy/policy.h"

#include "core/i18n.h"
#include "policy/private.h"

static void row_fault(fin_res_map_row r, char **v, int n, strbuf *err)
{
	switch (r) {
	case FRES_MAP_OK:
		break;
	case FRES_MAP_WHAT:
		sb_addf(err, _("'%s' is neither state nor column"), v[0]);
		break;
	case FRES_MAP_SHAPE:
		sb_addf(err, _("a %s row has %d fields, not %d"), v[0], n, 3);
		break;
	case FRES_MAP_STATUS:
		sb_addf(err, _("'%s' is not a status of a financing need (need, matching, matched, "
		               "funded, closed)"), v[1]);
		break;
	case FRES_MAP_FIELD:
		sb_addf(err, _("'%s' is not a field (uscc, need, name, institution, amount, state, "
		               "note)"), v[1]);
		break;
	case FRES_MAP_TWICE:
		sb_addf(err, _("'%s' or one of '%s' is given twice"), v[1], v[2]);
		break;
	case FRES_MAP_FULL:
		sb_addf(err, _("more states, words or headers than the map holds (%s)"), v[1]);
		break;
	}
}

/* one row of the map (policy_map_row_fn) */
static int res_row(void *map, char **v, int n, strbuf *why)
{
	fin_res_map_row r = fin_res_map_add(map, v, n);
	if (r == FRES_MAP_OK)
		return 0;
	row_fault(r, v, n, why);
	return -1;
}

static int res_check(const void *map, strbuf *why)
{
	return fin_res_map_check(map, why);
}

int policy_fin_res_map_load(fin_res_map *m, const char *path, strbuf *err)
{
	*m = (fin_res_map){ 0 };
	if (policy_map_read(path, m, res_row, res_check, err) == 0)
		return 0;
	fin_res_map_free(m);
	return -1;
}
