/* The readers of the policy data files under data/ (units, routing, categories and
 * groups, pools, inspection reasons): each reads its file through core/tsv, hands
 * the rows to the pure table of src/model, and reports the first bad row as
 * file:line: reason. The only place those files are read. */
#ifndef QIFU_POLICY_H
#define QIFU_POLICY_H

#include "core/strbuf.h"
#include "model/category.h"
#include "model/inspect_reason.h"
#include "model/pool.h"
#include "model/routing.h"
#include "model/unit.h"

/* data/units.tsv (name TAB full name TAB kind); -1 with file:line in err */
int policy_units_load(unit_table *t, const char *path, strbuf *err);
/* data/routing.tsv, checked against the units; -1 with file:line in err */
int policy_routing_load(routing *r, const char *path, const unit_table *units, strbuf *err);
/* categories.tsv and groups.txt of the data directory dir; -1 with file:line in err */
int policy_catalog_load(catalog *c, const char *dir, strbuf *err);
/* data/pools.tsv (code TAB name); -1 with file:line in err */
int policy_pools_load(pool_table *t, const char *path, strbuf *err);
/* data/inspect_reasons.tsv; NULL with "path:line: message" in err */
inspect_reason_table *policy_reasons_load(const char *path, strbuf *err);

#endif
