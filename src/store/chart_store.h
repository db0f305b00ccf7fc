/* The counts behind the supervision report's charts, one grouped query each over the
 * assignment rows of supervision_store.c (one per dispatch to a lead unit): per unit
 * and week of dispatch, and per unit and month of dispatch. The same cohort as
 * sup_store_unit_counts, so a unit's buckets add up to its row of the report. */
#ifndef QIFU_CHART_STORE_H
#define QIFU_CHART_STORE_H
#include "core/date.h"
#include "store/db.h"

/* one unit's bucket */
typedef struct chart_count {
	char *unit;
	int bucket;             /* weekly: weeks since the Monday given; monthly: year*12+month-1 */
	int n;                  /* weekly: dispatched; monthly: answered */
	int part;               /* monthly: answered by the handling due date then in force */
} chart_count;

/* per lead unit and week (Monday to Sunday, counted from monday) the appeals
 * dispatched from..to; rows ordered by unit, then bucket; *rows for
 * chart_counts_free. 0 or -1 */
int chart_store_weekly(db *d, qdate from, qdate to, qdate monday, chart_count **rows, int *n,
		store_err *err);
/* per lead unit and month of dispatch, of the appeals dispatched from..to those
 * answered and those answered on time; ordered by unit, then bucket. 0 or -1 */
int chart_store_monthly(db *d, qdate from, qdate to, chart_count **rows, int *n,
		store_err *err);
void chart_counts_free(chart_count **rows, int n);

#endif
