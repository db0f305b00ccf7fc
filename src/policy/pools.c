/* Readers of the code tables under data/ (code TAB name rows): the cultivation pools
 * of data/pools.tsv and the kinds of outreach event of data/outreach_kinds.tsv, one
 * reading with each file's own words for a bad row. */
#include "policy/policy.h"

#include <stdbool.h>
#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

/* the code tables read here, each with its own words for a bad row */
typedef enum code_file { CODE_FILE_POOLS, CODE_FILE_OUTREACH_KINDS } code_file;

typedef struct code_reading {
	code_table *t;
	code_file file;
} code_reading;

static int add_code(void *reading, const tsv_file *f, char **v, strbuf *err)
{
	const code_reading *rd = reading;
	const char *path = tsv_path(f);
	int line = tsv_line(f);
	bool pools = rd->file == CODE_FILE_POOLS;
	switch (codes_add(rd->t, v[0], v[1])) {
	case CODE_ROW_OK:
		return 0;
	case CODE_ROW_CODE:
		if (pools)
			sb_addf(err, _("%s:%d: pool code '%s' is not 1 to %d of a-z, 0-9 and _"),
			        path, line, v[0], CODE_MAX - 1);
		else
			sb_addf(err, _("%s:%d: event kind code '%s' is not 1 to %d of a-z, 0-9 and _"),
			        path, line, v[0], CODE_MAX - 1);
		break;
	case CODE_ROW_TWICE:
		if (pools)
			sb_addf(err, _("%s:%d: pool '%s' is listed twice"), path, line, v[0]);
		else
			sb_addf(err, _("%s:%d: event kind '%s' is listed twice"), path, line, v[0]);
		break;
	}
	return -1;
}

static int codes_load(code_table *t, const char *path, code_file file, strbuf *err)
{
	memset(t, 0, sizeof *t);
	code_reading rd = { t, file };
	int n = tsv_load(path, 2, add_code, &rd, err);
	if (n == 0 && file == CODE_FILE_POOLS)
		sb_addf(err, _("%s: no pools listed"), path);
	else if (n == 0)
		sb_addf(err, _("%s: no kinds of outreach event listed"), path);
	if (n <= 0)
		codes_free(t);
	return n > 0 ? 0 : -1;
}

int policy_pools_load(pool_table *t, const char *path, strbuf *err)
{
	return codes_load(t, path, CODE_FILE_POOLS, err);
}

int policy_outreach_kinds_load(code_table *t, const char *path, strbuf *err)
{
	return codes_load(t, path, CODE_FILE_OUTREACH_KINDS, err);
}
