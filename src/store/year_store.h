/* The frozen years of the annual assessment: what each was frozen with and its rows
 * as they were then (issue 19). */
#ifndef QIFU_YEAR_STORE_H
#define QIFU_YEAR_STORE_H
#include "model/annual.h"
#include "store/db.h"

typedef struct year_freeze_info {
	annual_rule rule;
	assessment_tiers tiers;
	char *frozen_by;                 /* login */
	char *frozen_at;                 /* "YYYY-MM-DD HH:MM:SS" */
} year_freeze_info;

/* whether year is frozen: 1 with info filled (fresh strings; info may be NULL), 0 not,
 * -1 error */
int year_store_frozen(db *d, int year, year_freeze_info *info, store_err *err);
void year_freeze_info_clear(year_freeze_info *info);
/* freeze year with its n rows, in their order, and the event row, in one transaction;
 * -1 when already frozen (STORE_E_YEAR_ALREADY_FROZEN) or on error */
int year_store_freeze(db *d, const char *actor, int year, annual_rule rule,
                      const assessment_tiers *t, const annual_row *rows, int n,
                      store_err *err);
/* the rows year was frozen with, in their order, quarters' means and tiers by t (the
 * year's own thresholds); unit names fresh, for year_store_rows_free */
int year_store_rows(db *d, int year, const assessment_tiers *t, annual_row **rows, int *n,
                    store_err *err);
void year_store_rows_free(annual_row **rows, int n);

#endif
