/* Whistles (吹哨) and their report-ins (报到). Every write is one transaction with its
 * event row (entity "enterprise", the enterprise's id). */
#ifndef QIFU_WHISTLE_STORE_H
#define QIFU_WHISTLE_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/whistle.h"
#include "store/db.h"

/* which whistles a list shows; zero fields do not filter */
typedef struct whistle_filter {
	int64_t enterprise_id;
	const char *unit;         /* the commissioner's unit, or (with lead_too) the lead unit */
	bool lead_too;            /* unit matches the enterprise's lead unit as well */
	const char *commissioner; /* login */
	bool open_only;           /* not reported in */
	const char *overdue_on;   /* YYYY-MM-DD: not reported in and due before it */
	const char *from;         /* called on or after, YYYY-MM-DD */
	const char *to;           /* called on or before */
	const char *scope_area;   /* set for area officers: other areas are invisible */
} whistle_filter;

/* Log a whistle_validate()d w (enterprise_id, called_on, via, caller, text, due) to
 * the enterprise's commissioner as the register knows them now; the commissioner,
 * their unit and the enterprise's lead unit are kept on the whistle. 0 with *id, 1
 * when the enterprise has no commissioner (err), -1 error. */
int whistle_store_add(db *d, const char *actor, const whistle_rec *w, int64_t *id,
                      store_err *err);
/* the commissioner's report-in on whistle id on day on: 0, 1 refused (no such
 * whistle, already reported in: err), -1 error */
int whistle_store_report(db *d, const char *actor, int64_t id, qdate on, const char *report,
                         store_err *err);
/* one whistle: 0 found, 1 none, -1 error */
int whistle_store_get(db *d, int64_t id, whistle_rec *w, store_err *err);
/* whistles [offset, offset+limit): those not reported in first, the earliest deadline
 * first, then the others, newest first */
int whistle_store_list(db *d, const whistle_filter *f, long offset, int limit,
                       whistle_rec *out, int *n, store_err *err);
/* the same list read by key (store/rows.h, rows_list_from): up to limit rows next
 * to row from (its id; 0: an end of the list), after it or (back) before it:
 * 0, 1 when that row is gone, or -1 with err */
int whistle_store_list_from(db *d, const whistle_filter *f, int64_t from, bool back, int limit,
                            whistle_rec *out, int *n, store_err *err);
int whistle_store_count(db *d, const whistle_filter *f, long *n, store_err *err);

/* Inside the caller's transaction: link whistle id to the appeal number the same
 * transaction registered, with its event row. 0 linked, 1 refused because the whistle
 * already became an appeal or is gone (err), -1 error. */
int whistle_store_link_appeal(db *d, const char *actor, int64_t id, const char *number,
                              store_err *err);

/* a commissioner's whistles blown in a period, each followed up to today */
typedef struct whistle_counts {
	char *login;
	char *name;
	char *unit;               /* the unit of their latest whistle in the period */
	int whistles;
	int reported;             /* reported in by the deadline */
	int late;                 /* reported in after it */
	int overdue;              /* not reported in, the deadline passed */
	int appeals;              /* became appeals */
} whistle_counts;

/* per commissioner, the whistles called on from..to, as they stand on today, ordered
 * by unit then login; *rows for whistle_counts_free */
int whistle_store_counts(db *d, qdate from, qdate to, qdate today, whistle_counts **rows,
                         int *n, store_err *err);
void whistle_counts_free(whistle_counts **rows, int n);

#endif
