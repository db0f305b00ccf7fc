/* Outreach events, their attending enterprises and the problems raised. Every write
 * is one BEGIN IMMEDIATE transaction with its event row (entity "outreach", the
 * event's id). */
#ifndef QIFU_OUTREACH_STORE_H
#define QIFU_OUTREACH_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/outreach.h"
#include "store/db.h"

/* which events a list shows; zero fields do not filter */
typedef struct outreach_filter {
	int64_t enterprise_id;  /* events it attended or raised a problem at */
	const char *unit;       /* organising unit */
	const char *kind;       /* kind code */
	const char *from;       /* YYYY-MM-DD, inclusive */
	const char *to;         /* YYYY-MM-DD, inclusive */
} outreach_filter;

/* store an outreach_validate()d r with its attendees (enterprise ids; no problems);
 * *id gets the new event's id */
int outreach_store_add(db *d, const char *actor, const outreach_rec *r, int64_t *id,
                       store_err *err);
/* one event with its attendees and problems: 0 found, 1 none, -1 error */
int outreach_store_get(db *d, int64_t id, outreach_rec *r, store_err *err);
/* events [offset, offset+limit), newest first, with the counts but no arrays */
int outreach_store_list(db *d, const outreach_filter *f, long offset, int limit,
                        outreach_rec *out, int *n, store_err *err);

/* the same list read by key (store/rows.h, rows_list_from): up to limit rows next
 * to row from (its id; 0: an end of the list), after it or (back) before it:
 * 0, 1 when that row is gone, or -1 with err */
int outreach_store_list_from(db *d, const outreach_filter *f, int64_t from, bool back, int limit,
		outreach_rec *out, int *n, store_err *err);
/* how many events the list of f holds: 0 or -1 */
int outreach_store_count(db *d, const outreach_filter *f, long *n, store_err *err);
/* record enterprises ids[0..n) as attending event id, those already recorded left as
 * they were, in one transaction: *added gets how many are new (no event row, nothing
 * written, when none). 0 or -1 */
int outreach_store_attend(db *d, const char *actor, int64_t id, const int64_t *ids, int n,
                          int *added, store_err *err);
/* record problem text raised by enterprise_id at event id (which also records the
 * enterprise as attending); *seq gets its number within the event. 0 or -1 */
int outreach_store_problem(db *d, const char *actor, int64_t id, int64_t enterprise_id,
                           const char *text, int *seq, store_err *err);
/* Inside the caller's transaction: link the problem problem_id to the appeal number,
 * as visit_store_link_appeal does. 0, 1 refused (taken or gone, err says), -1 */
int outreach_store_link_appeal(db *d, int64_t problem_id, const char *number,
                               store_err *err);
/* the enterprise a sign-in sheet or an option names: by credit code when by_uscc,
 * else by exact name. *count gets how many match (0, 1, or 2 meaning "more than
 * one"), and when one, *id and *name (fresh) its id and name. 0 or -1 */
int outreach_store_find_enterprise(db *d, const char *key, bool by_uscc, int *count,
                                   int64_t *id, char **name, store_err *err);

/* one row of the report: a unit's events of one quarter */
typedef struct outreach_quarter_count {
	char *unit;
	int year, quarter;      /* quarter 1..4 */
	int events;
	int attendances;        /* enterprise attendances, summed over the events */
	int problems;
	int appeals;            /* problems that became appeals */
} outreach_quarter_count;

/* per organising unit and calendar quarter, the events held from..to (inclusive), in
 * unit, then quarter order; *rows for outreach_quarter_counts_free. 0 or -1 */
int outreach_store_quarter_counts(db *d, qdate from, qdate to, outreach_quarter_count **rows,
                                  int *n, store_err *err);
void outreach_quarter_counts_free(outreach_quarter_count **rows, int n);

#endif
