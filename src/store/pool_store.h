/* Membership of the cultivation pools as periods (entered on, left on). Entering and
 * leaving are each one transaction with an event row (entity "enterprise"), and are
 * checked against the stored periods inside it. */
#ifndef QIFU_POOL_STORE_H
#define QIFU_POOL_STORE_H
#include <stdint.h>

#include "model/pool.h"
#include "store/db.h"

/* enter the pool on day on (not after the store's today) with a cleaned reason ("" for
 * none): 0 done, 1 refused (already a member, overlap; reason in err), -1 error */
int pool_store_enter(db *d, const char *actor, int64_t enterprise_id, const pool_def *pool,
                     qdate on, const char *reason, store_err *err);
/* leave it on day on with a cleaned reason: 0 done, 1 refused (not a member, before
 * entry), -1 error */
int pool_store_leave(db *d, const char *actor, int64_t enterprise_id, const pool_def *pool,
                     qdate on, const char *reason, store_err *err);
/* the periods of one enterprise [offset, offset+limit), oldest first */
int pool_store_history(db *d, int64_t enterprise_id, long offset, int limit,
                       pool_period *out, int *n, store_err *err);
/* the current members of pool (NULL: every pool) [offset, offset+limit), by pool and
 * enterprise name; scope_area set for area officers */
int pool_store_members(db *d, const char *pool, const char *scope_area, long offset, int limit,
                       pool_period *out, int *n, store_err *err);
/* the history and the members read by key (store/rows.h, rows_list_from): up to limit
 * rows next to period from (0: an end), after it or (back) before it: 0, 1 when
 * that period is gone, or -1 with err */
int pool_store_history_from(db *d, int64_t enterprise_id, int64_t from, bool back, int limit,
                            pool_period *out, int *n, store_err *err);
int pool_store_members_from(db *d, const char *pool, const char *scope_area, int64_t from,
                            bool back, int limit, pool_period *out, int *n, store_err *err);

#endif
