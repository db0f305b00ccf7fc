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

/* up to limit enterprises of f still in the zone, by area then name, after enterprise
 * from (0: from the first), into out (*n of them; free each with coverage_row_clear),
 * read by key (store/rows.h, rows_list_from) so that the register is read a chunk at
 * a time: 0, 1 when enterprise from is gone, or -1 with err (nothing to clear) */
int coverage_store_list_from(db *d, const coverage_filter *f, int64_t from, int limit,
                             coverage_row *out, int *n, store_err *err);
void coverage_row_clear(coverage_row *r);

#endif
