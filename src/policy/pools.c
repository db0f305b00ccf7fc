/* Readers of the code tables under data/ (code TAB name rows): the cultivation pools
 * of data/pools.tsv, the kinds of outreach event of data/outreach_kinds.tsv and the
 * talent services of data/talent_kinds.tsv, one
 * reading with each file's own words for a bad row. */
#include "policy/policy.h"

#include <stdbool.h>
#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

/* the code tables read here, each with its own words for a bad row */
typedef enum code_file { CODE_FILE_POOLS, CODE_FILE_OUTREACH_KINDS, CODE_FILE_TALENT_KINDS } code_file;

typedef struct code_reading {
	code_table *t;
	code_file file;
} code_reading;

static int add_code(void *reading, const tsv_file *f, char **v, strbuf *err)
{
	const code_reading *rd = reading;
	const char *path = tsv_path(f);
	int line = tsv_line(f);
	code_fault fault = codes_add(rd->t, v[0], v[1]);
	if (fault == CODE_ROW_OK)
		return 0;
	bool twice = fault == CODE_ROW_TWICE;
	switch (rd->file) {
	case CODE_FILE_POOLS:
		if (twice)
			sb_addf(err, _("%s:%d: pool '%s' is listed twice"), path, line, v[0]);
		else
			sb_addf(err, _("%s:%d: pool code '%s' is not 1 to %d of a-z, 0-9 and _"),
			        path, line, v[0], CODE_MAX - 1);
		break;
	case CODE_FILE_OUTREACH_KINDS:
		if (twice)
			sb_addf(err, _("%s:%d: event kind '%s' is listed twice"), path, line, v[0]);
		else
			sb_addf(err, _("%s:%d: event kind code '%s' is not 1 to %d of a-z, 0-9 and _"),
			        path, line, v[0], CODE_MAX - 1);
		break;
	case CODE_FILE_TALENT_KINDS:
		if (twice)
			sb_addf(err, _("%s:%d: talent service '%s' is listed twice"), path, line, v[0]);
		else
			sb_addf(err, _("%s:%d: talent service code '%s' is not 1 to %d of a-z, 0-9 "
			               "and _"), path, line, v[0], CODE_MAX - 1);
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
	else if (n == 0 && file == CODE_FILE_OUTREACH_KINDS)
		sb_addf(err, _("%s: no kinds of outreach event listed"), path);
	else if (n == 0)
		sb_addf(err, _("%s: no talent services listed"), path);
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

int policy_talent_kinds_load(code_table *t, const char *path, strbuf *err)
{
	return codes_load(t, path, CODE_FILE_TALENT_KINDS, err);
}
