/* Financing needs. Every write is one transaction with its event row (entity
 * "enterprise", the enterprise's id); status moves are checked against the stored
 * status inside that transaction. */
#ifndef QIFU_FINANCING_STORE_H
#define QIFU_FINANCING_STORE_H
#include <stdint.h>

#include "model/financing.h"
#include "store/db.h"

/* which needs a list shows; zero fields do not filter */
typedef struct fin_filter {
	int64_t enterprise_id;
	int status;             /* a fin_status, or -1 for any */
	const char *scope_area; /* set for area officers */
} fin_filter;

/* store a fin_validate()d need; refuses (1, reason in err) a status a new need cannot
 * have; *id gets the new id. 0, 1 or -1. */
int fin_store_add(db *d, const char *actor, const fin_rec *f, int64_t *id, store_err *err);
/* one need: 0 found, 1 none, -1 error */
int fin_store_get(db *d, int64_t id, fin_rec *f, store_err *err);
/* change status (-1 keeps it) and institution (NULL keeps it, cleaned by the caller);
 * 0 done, 1 refused or no such need (reason in err), -1 error */
int fin_store_update(db *d, const char *actor, int64_t id, int status, const char *institution,
                     store_err *err);
/* needs [offset, offset+limit), newest first */
int fin_store_list(db *d, const fin_filter *f, long offset, int limit, fin_rec *out, int *n,
                   store_err *err);

#endif
