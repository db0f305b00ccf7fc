/* Reader of data/categories.tsv (code, label, short label, aliases, class) and
 * data/groups.txt (one group a line) into the catalog (model/category.h). */
#include "policy/policy.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"
#include "core/xalloc.h"
#include "policy/private.h"

static int add_category(void *table, const tsv_file *f, char **v, strbuf *err)
{
	ent_class cls;
	if (!ent_class_parse(v[4], &cls) || cls == ENT_CLASS_OTHER) {
		sb_addf(err, _("%s:%d: class '%s' is neither above_scale nor below_scale"),
		        tsv_path(f), tsv_line(f), v[4]);
		return -1;
	}
	char **aliases = policy_split(v[3], false);
	bool added = catalog_add_category(table, v[0], v[1], v[2], (const char *const *)aliases,
	                                  cls);
	xstrvfree(&aliases);
	if (!added) {
		sb_addf(err, _("%s:%d: category '%s' is listed twice"), tsv_path(f), tsv_line(f),
		        v[0]);
		return -1;
	}
	return 0;
}

static int add_group(void *table, const tsv_file *f, char **v, strbuf *err)
{
	catalog_add_group(table, v[0]);
	return 0;
}

/* every row of dir/name, each of want fields, into c: 0 or -1 with err */
static int load_file(catalog *c, const char *dir, const char *name, int want,
                     tsv_add_fn *add, strbuf *err)
{
	char *path = xasprintf("%s/%s", dir, name);
	int n = tsv_load(path, want, add, c, err);
	free(path);
	return n < 0 ? -1 : 0;
}

int policy_catalog_load(catalog *c, const char *dir, strbuf *err)
{
	memset(c, 0, sizeof *c);
	if (load_file(c, dir, "categories.tsv", 5, add_category, err) < 0 ||
	    load_file(c, dir, "groups.txt", 1, add_group, err) < 0) {
		catalog_free(c);
		return -1;
	}
	return 0;
}
