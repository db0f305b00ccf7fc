/* The readers of the policy data files under data/ (units, routing, categories and
 * groups, pools, inspection reasons, the holiday notices and the statutory table):
 * each reads its file, hands the rows to the pure table of src/model or core/workday,
 * and reports the first bad row as file:line: reason. The only place those files
 * are read. */
#ifndef QIFU_POLICY_H
#define QIFU_POLICY_H

#include <stdio.h>

#include "core/strbuf.h"
#include "core/workday.h"
#include "model/category.h"
#include "model/fin_platform.h"
#include "model/fin_result.h"
#include "model/codes.h"
#include "model/inspection_reason.h"
#include "model/order_import.h"
#include "model/signal.h"
#include "model/pool.h"
#include "model/project.h"
#include "model/routing.h"
#include "model/talent.h"
#include "model/unit.h"

/* data/units.tsv (name TAB full name TAB kind); -1 with file:line in err */
int policy_units_load(unit_table *t, const char *path, strbuf *err);
/* data/routing.tsv, checked against the units; -1 with file:line in err */
int policy_routing_load(routing *r, const char *path, const unit_table *units, strbuf *err);
/* categories.tsv and groups.txt of the data directory dir; -1 with file:line in err */
int policy_catalog_load(catalog *c, const char *dir, strbuf *err);
/* data/pools.tsv (code TAB name); -1 with file:line in err */
int policy_pools_load(pool_table *t, const char *path, strbuf *err);
/* data/project_units.tsv (role TAB unit) and data/project_items.tsv (code TAB group TAB
 * name TAB unit TAB days), checked against the units; -1 with file:line in err */
int policy_project_load(project_rules *r, const char *units_path, const char *items_path,
                        const unit_table *units, strbuf *err);
/* data/outreach_kinds.tsv (code TAB name); -1 with file:line in err */
int policy_outreach_kinds_load(code_table *t, const char *path, strbuf *err);
/* data/talent_kinds.tsv (code TAB name); -1 with file:line in err */
int policy_talent_kinds_load(code_table *t, const char *path, strbuf *err);
/* data/talent_units.tsv (lead|cooperating TAB unit), checked against the units;
 * -1 with file:line in err */
int policy_talent_units_load(talent_units *t, const char *path, const unit_table *units,
		strbuf *err);
/* data/inspection_reasons.tsv; NULL with "path:line: message" in err */
inspection_reason_table *policy_reasons_load(const char *path, strbuf *err);

/* a work-order column map (data/import/NAME.tsv: channel, column and kind rows,
 * model/order_import.h); -1 with file:line in err */
int policy_order_map_load(order_colmap *m, const char *path, strbuf *err);
/* the financing platform's column map (data/export/financing_platform.tsv,
 * model/fin_platform.h) into m; -1 with file:line in err */
int policy_fin_pf_map_load(fin_pf_map *m, const char *path, strbuf *err);
/* the financing platform's results map (data/import/financing_results.tsv, state and
 * column rows, model/fin_result.h) into m; -1 with file:line in err */
int policy_fin_res_map_load(fin_res_map *m, const char *path, strbuf *err);
/* the signal kinds and column map (data/import/signals.tsv: kind and column rows,
 * model/signal.h); -1 with file:line in err */
int policy_signal_map_load(signal_map *m, const char *path, strbuf *err);

/* parse one notice in the YYYY.txt format from f; year is the year the file is named
 * for, or 0 to take it from the first date. Errors name path:line. */
int policy_holiday_parse(FILE *f, const char *path, int year, holiday_year *out, strbuf *err);
/* every YYYY.txt under dir, in year order */
int policy_holiday_dir_load(const char *dir, holiday_year **out, int *n, strbuf *err);
/* the statutory table (year<TAB>holiday<TAB>date rows, see data/holidays/statutory.tsv)
 * as one holiday_year per year; two holidays on one date are one rest day named
 * "A、B". A missing file is no error: *n is 0. */
int policy_statutory_load(const char *path, holiday_year **out, int *n, strbuf *err);
/* calendar_build of notices and dir/statutory.tsv; NULL with file:line in err */
calendar *policy_calendar_with_statutory(const holiday_year *notices, int nn, const char *dir,
		strbuf *err);
/* calendar_build of dir's YYYY.txt files and dir/statutory.tsv; NULL with a message
 * naming file:line in err */
calendar *policy_calendar_load(const char *dir, strbuf *err);

#endif
