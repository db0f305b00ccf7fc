/* Relocation early warnings and the responses taken. Every write is one transaction
 * with its event row (entity "enterprise"); enterprise.open_warnings follows the open
 * warnings through triggers, so lists filter on it without a join. */
#ifndef QIFU_WARNING_STORE_H
#define QIFU_WARNING_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/warning.h"
#include "store/db.h"

/* which warnings a list shows; zero fields do not filter */
typedef struct warn_filter {
	int64_t enterprise_id;
	bool open_only;
	const char *scope_area; /* set for area officers */
} warn_filter;

/* store a warn_validate()d warning opened on w->opened_on; 0, 1 refused (a date after
 * today), -1 error; *id gets the new id */
int warn_store_add(db *d, const char *actor, const warn_rec *w, int64_t *id, store_err *err);
/* record a response (cleaned text) on day on: 0, 1 refused (closed, no such warning,
 * date before it opened), -1 error */
int warn_store_respond(db *d, const char *actor, int64_t id, qdate on, const char *text,
                       store_err *err);
/* close it on day on, with an optional closing note (NULL or ""): 0, 1 refused, -1 */
int warn_store_close(db *d, const char *actor, int64_t id, qdate on, const char *text,
                     store_err *err);
/* one warning with its responses: 0 found, 1 none, -1 error */
int warn_store_get(db *d, int64_t id, warn_rec *w, store_err *err);
/* warnings [offset, offset+limit): open before closed, then the most serious and the
 * newest first; latest is filled, responses are not */
int warn_store_list(db *d, const warn_filter *f, long offset, int limit, warn_rec *out,
                    int *n, store_err *err);
/* the same list read by key (store/rows.h, rows_list_from): up to limit rows next
 * to row from (its id; 0: an end of the list), after it or (back) before it:
 * 0, 1 when that row is gone, or -1 with err */
int warn_store_list_from(db *d, const warn_filter *f, int64_t from, bool back, int limit,
                         warn_rec *out, int *n, store_err *err);

/* what the store holds about one enterprise and signal kind, read inside the
 * caller's transaction: whether the signal of day on was recorded before (*seen),
 * and the open warning of the kind (*open_id, 0 none) with its level */
int warn_store_signal_state(db *d, int64_t enterprise_id, const char *kind, qdate on,
                            bool *seen, int64_t *open_id, warn_level *level, store_err *err);

/* one signal from a bureau's list; strings borrowed */
typedef struct warn_signal {
	int64_t enterprise_id;
	const char *kind;       /* the signal kind's code */
	warn_source source;
	qdate on;               /* the signal's day */
	warn_level level;       /* the warning's level after it */
	const char *signal;     /* the warning's signal text, when one opens */
	const char *detail;     /* what the bureau said, "" none */
	const char *from;       /* FILE:LINE it came from */
} warn_signal;

/* inside the caller's db_begin transaction: open a warning of the signal's kind
 * (*id 0 on entry; *id gets the new one) or set warning *id to the signal's level,
 * record the signal, and write the event row. 0, -1 failed (the caller rolls back) */
int warn_store_signal_add(db *d, const char *actor, const warn_signal *s, int64_t *id,
                          store_err *err);

#endif
