/* Reader of data/pools.tsv: code and name of each cultivation pool, into the pool
 * table (model/pool.h). */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

static int add_pool(void *table, const tsv_file *f, char **v, strbuf *err)
{
	switch (pools_add(table, v[0], v[1])) {
	case POOL_ROW_OK:
		return 0;
	case POOL_ROW_CODE:
		sb_addf(err, _("%s:%d: pool code '%s' is not 1 to %d of a-z, 0-9 and _"), tsv_path(f),
		        tsv_line(f), v[0], POOL_CODE_MAX - 1);
		break;
	case POOL_ROW_TWICE:
		sb_addf(err, _("%s:%d: pool '%s' is listed twice"), tsv_path(f), tsv_line(f), v[0]);
		break;
	}
	return -1;
}

int policy_pools_load(pool_table *t, const char *path, strbuf *err)
{
	memset(t, 0, sizeof *t);
	int n = tsv_load(path, 2, add_pool, t, err);
	if (n == 0)
		sb_addf(err, _("%s: no pools listed"), path);
	if (n <= 0)
		pools_free(t);
	return n > 0 ? 0 : -1;
}
