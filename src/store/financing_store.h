/* Financing needs. Every write is one transaction with its event row (entity
 * "enterprise", the enterprise's id); status moves are checked against the stored
 * status inside that transaction. */
#ifndef QIFU_FINANCING_STORE_H
#define QIFU_FINANCING_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/financing.h"
#include "store/db.h"

/* which needs a list shows; zero fields do not filter */
typedef struct fin_filter {
	int64_t enterprise_id;
	int status;             /* a fin_status, or -1 for any */
	const char *scope_area; /* set for area officers */
	const char *area;       /* the area asked for, or NULL */
	bool open_only;         /* need, matching and matched (status -1 only) */
} fin_filter;

/* store a fin_validate()d need; refuses (1, reason in err) a status a new need cannot
 * have; *id gets the new id. 0, 1 or -1. */
int fin_store_add(db *d, const char *actor, const fin_rec *f, int64_t *id, store_err *err);
/* one need: 0 found, 1 none, -1 error */
int fin_store_get(db *d, int64_t id, fin_rec *f, store_err *err);
/* the change c of need id (fin_change_clean()ed): its status move checked against the
 * stored status, its step in the history and its event row in one transaction;
 * 0 done, 1 refused or no such need (reason in err), -1 error */
int fin_store_update(db *d, const char *actor, int64_t id, const fin_change *c, store_err *err);
/* fin_store_update inside the caller's db_begin transaction (an import's): 0 done,
 * 1 refused (nothing written), -1 error (the caller rolls back) */
int fin_store_update_in(db *d, const char *actor, int64_t id, const fin_change *c,
                        store_err *err);
/* needs [offset, offset+limit), newest first */
int fin_store_list(db *d, const fin_filter *f, long offset, int limit, fin_rec *out, int *n,
                   store_err *err);
/* the same list read by key (store/rows.h, rows_list_from): up to limit rows next
 * to need from (0: an end of the list), after it or (back) before it: 0, 1 when
 * that need is gone, or -1 with err */
int fin_store_list_from(db *d, const fin_filter *f, int64_t from, bool back, int limit,
                        fin_rec *out, int *n, store_err *err);
/* the coordination desk's list, oldest first: its count up to limit (limit + 1 when
 * there are more; limit < 0 counts all), a window by offset, and up to limit needs
 * after (or, back, before) need from (0: an end of the list) in list order */
int fin_store_count_upto(db *d, const fin_filter *f, long limit, long *n, store_err *err);
int fin_store_window(db *d, const fin_filter *f, long offset, int limit, fin_rec *out, int *n,
                     store_err *err);
int fin_store_window_from(db *d, const fin_filter *f, int64_t from, bool back, int limit,
                          fin_rec *out, int *n, store_err *err);
/* need id's steps, first to last, into a new array *steps of *n (the caller frees
 * each with fin_step_clear, then the array) */
int fin_store_history(db *d, int64_t id, fin_step **steps, int *n, store_err *err);

#endif
