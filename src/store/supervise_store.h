/* 督办要求 (supervision requests) and 问责 (accountability records) in the database;
 * each write is one transaction with its event row. The checks are the caller's
 * (model/supervise.h); a write finds what it checked or refuses with
 * STORE_E_SUPV_CHANGED. */
#ifndef QIFU_SUPERVISE_STORE_H
#define QIFU_SUPERVISE_STORE_H
#include <stdint.h>

#include "model/supervise.h"
#include "store/db.h"

/* a request as stored; strings owned (supv_row_clear) */
typedef struct supv_row {
	int64_t id;
	char *unit;
	supervise_source source;
	char *appeal;                    /* the appeal's number, "" for none */
	char *what;
	qdate due;
	char *created_by;
	char *created_at;
	supervise_outcome outcome;
	char *outcome_note;              /* "" before */
	char *outcome_by;                /* "" before */
	char *outcome_at;                /* "" before */
	int accountability;              /* accountability records that follow it */
} supv_row;

/* an accountability record with its request's unit; strings owned (acc_row_clear) */
typedef struct acc_row {
	int64_t id;
	int64_t request;
	char *unit;
	char *body;
	char *person;
	char *measure;
	char *created_by;
	char *created_at;
} acc_row;

/* file a request (appeal_id 0: none); *id gets its id */
int supv_store_add(db *d, const char *actor, const char *unit, supervise_source source,
                   int64_t appeal_id, const char *what, qdate due, int64_t *id,
                   store_err *err);
/* request id: 0 found, 1 none (STORE_E_NO_SUPV), -1 error */
int supv_store_get(db *d, int64_t id, supv_row *out, store_err *err);
/* record the outcome of an open request */
int supv_store_outcome(db *d, const char *actor, int64_t id, supervise_outcome outcome,
                       const char *note, store_err *err);
/* the requests (unit NULL: every unit; year 0: every year, else filed that year), by
 * unit in units' name order then id, into *rows (supv_rows_free) */
int supv_store_list(db *d, const char *unit, int year, supv_row **rows, int *n,
                    store_err *err);
void supv_row_clear(supv_row *r);
void supv_rows_free(supv_row **rows, int n);

/* an accountability record after an unresolved request; *id gets its id */
int acc_store_add(db *d, const char *actor, int64_t request, const char *body,
                  const char *person, const char *measure, int64_t *id, store_err *err);
/* the records (filters as supv_store_list, by the request's unit and its own year) */
int acc_store_list(db *d, const char *unit, int year, acc_row **rows, int *n,
                   store_err *err);
void acc_rows_free(acc_row **rows, int n);

#endif
