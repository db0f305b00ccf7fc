/* Coverage (全面覆盖): every enterprise still in the zone with what coverage is judged
 * on, its commissioner, its latest card delivery and its latest visit, read in one
 * statement (the latest dates from the indexes card_delivery_enterprise and
 * visit_enterprise, no query per row). The gaps are model/coverage.h's to decide; a
 * list of the enterprises with gaps decides them in SQL by the same rule, so that a
 * window is read by key. */
#ifndef QIFU_COVERAGE_STORE_H
#define QIFU_COVERAGE_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "model/coverage.h"
#include "store/db.h"

typedef struct coverage_row {
	int64_t id;
	char *name, *uscc, *area, *lead_unit;
	int64_t commissioner_id;   /* 0: none */
	char *commissioner;        /* the commissioner's name, "" when none */
	char *commissioner_login;  /* "" when none */
	qdate card_on;             /* the latest card delivered (or handed on a visit) */
	qdate visit_on;            /* the latest visit; DATE_NONE: never */
	unsigned gaps;             /* filled by the caller (coverage_gaps) */
} coverage_row;

/* which enterprises: scope_area (the actor's sight), area, lead unit (NULL: any);
 * gaps: only those with one of these gap bits (model/coverage.h's COV_BIT; 0: every
 * one), judged with visit_cut, the first day a visit still covers (today minus
 * [coverage] visit_days) */
typedef struct coverage_filter {
	const char *scope_area;
	const char *area;
	const char *unit;
	unsigned gaps;
	qdate visit_cut;
} coverage_filter;

/* up to limit enterprises of f still in the zone, by area then name, after enterprise
 * from or (back) before it (0: from an end), into out in list order (*n of them; free
 * each with coverage_row_clear), read by key (store/rows.h, rows_list_from) so that a
 * window or a chunk costs its rows: 0, 1 when enterprise from is gone, or -1 with err
 * (nothing to clear). The gaps of f are decided in SQL as coverage_gaps does in C. */
int coverage_store_list_from(db *d, const coverage_filter *f, int64_t from, bool back,
                             int limit, coverage_row *out, int *n, store_err *err);
/* the same list from position offset (a jump, not a walk: the list reads by key) */
int coverage_store_list(db *d, const coverage_filter *f, long offset, int limit,
                        coverage_row *out, int *n, store_err *err);

/* the counts of f's enterprises without regard to f->gaps, in one pass */
typedef struct coverage_sum {
	long enterprises;              /* still in the zone */
	long gap[COV_GAP__COUNT];      /* with each gap */
	long listed;                   /* with one of f->gaps (any gap when 0) */
} coverage_sum;
int coverage_store_sum(db *d, const coverage_filter *f, coverage_sum *s, store_err *err);
void coverage_row_clear(coverage_row *r);

#endif
