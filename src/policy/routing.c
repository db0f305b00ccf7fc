/* Reader of data/routing.tsv: the ordered routing rules (condition, lead, the
 * cooperating units or "-", why), each checked against the units by the model
 * (model/routing.h). */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"
#include "core/xalloc.h"
#include "policy/private.h"

/* the table being read and the units its rules name */
typedef struct rule_reading {
	routing *r;
	const unit_table *units;
} rule_reading;

/* one rule of the file; 0, or -1 with file:line in err */
static int add_rule(void *reading, const tsv_file *f, char **v, strbuf *err)
{
	const rule_reading *rd = reading;
	char **coop = policy_split(strcmp(v[2], "-") == 0 ? "" : v[2], true);
	route_row row = { v[0], v[1], (const char *const *)coop, v[3] };
	int bad = 0, rc = -1;
	switch (routing_add(rd->r, &row, rd->units, &bad)) {
	case ROUTE_ROW_OK:
		rc = 0;
		break;
	case ROUTE_ROW_COND:
		sb_addf(err, _("%s:%d: unknown condition '%s' (aviation, group, introduced, "
		        "category:CODE)"), tsv_path(f), tsv_line(f), v[0]);
		break;
	case ROUTE_ROW_LEAD:
		sb_addf(err, _("%s:%d: unknown lead unit '%s'"), tsv_path(f), tsv_line(f), v[1]);
		break;
	case ROUTE_ROW_COOP:
		sb_addf(err, _("%s:%d: unknown cooperating unit '%s'"), tsv_path(f), tsv_line(f),
		        coop[bad]);
		break;
	}
	xstrvfree(&coop);
	return rc;
}

int policy_routing_load(routing *r, const char *path, const unit_table *units, strbuf *err)
{
	memset(r, 0, sizeof *r);
	rule_reading rd = { r, units };
	if (tsv_load(path, 4, add_rule, &rd, err) < 0) {
		routing_free(r);
		return -1;
	}
	return 0;
}
