/* Visits and the problems found on them. Every write is one transaction with its
 * event row (entity "enterprise", the visited enterprise's id). */
#ifndef QIFU_VISIT_STORE_H
#define QIFU_VISIT_STORE_H
#include <stdint.h>

#include "model/visit.h"
#include "store/db.h"

/* which visits a list shows; zero fields do not filter */
typedef struct visit_filter {
	int64_t enterprise_id;
	const char *unit;       /* visiting unit */
	const char *from;       /* YYYY-MM-DD, inclusive */
	const char *to;         /* YYYY-MM-DD, inclusive */
	const char *scope_area; /* set for area officers: other areas are invisible */
} visit_filter;

/* store a visit_validate()d v with its problems; *id gets the new visit's id */
int visit_store_add(db *d, const char *actor, const visit_rec *v, int64_t *id, store_err *err);
/* one visit with its problems: 0 found, 1 none, -1 error */
int visit_store_get(db *d, int64_t id, visit_rec *v, store_err *err);
/* visits [offset, offset+limit), newest first, with nproblems but no problems[] */
int visit_store_list(db *d, const visit_filter *f, long offset, int limit, visit_rec *out,
                     int *n, store_err *err);
/* the same list read by key (store/rows.h, rows_list_from): up to limit rows next
 * to row from (its id; 0: an end of the list), after it or (back) before it:
 * 0, 1 when that row is gone, or -1 with err */
int visit_store_list_from(db *d, const visit_filter *f, int64_t from, bool back, int limit,
                          visit_rec *out, int *n, store_err *err);

/* Inside the caller's transaction: link the problem problem_id to the appeal number,
 * which the same transaction registered. 0 linked, 1 refused because the problem
 * already became an appeal (err names it), -1 error. */
int visit_store_link_appeal(db *d, int64_t problem_id, const char *number, store_err *err);

#endif
