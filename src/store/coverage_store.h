/* Coverage (全面覆盖): every enterprise still in the zone with what coverage is judged
 * on, its commissioner, its latest card delivery and its latest visit, read in one
 * statement (the latest dates from the indexes card_delivery_enterprise and
 * visit_enterprise, no query per row). The gaps are model/coverage.h's to decide. */
#ifndef QIFU_COVERAGE_STORE_H
#define QIFU_COVERAGE_STORE_H
#include <stdint.h>

#include "core/date.h"
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

/* which enterprises: scope_area (the actor's sight), area, lead unit; NULL: any */
typedef struct coverage_filter {
	const char *scope_area;
	const char *area;
	const char *unit;
} coverage_filter;

/* the enterprises of f still in the zone, by area then name, into *rows (*n of them;
 * free with coverage_rows_free): 0, or -1 with err */
int coverage_store_list(db *d, const coverage_filter *f, coverage_row **rows, int *n,
                        store_err *err);
void coverage_row_clear(coverage_row *r);
void coverage_rows_free(coverage_row **rows, int n);

#endif
