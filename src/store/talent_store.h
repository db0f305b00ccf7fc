/* Talent services: school–enterprise programmes and service requests. Every write is
 * one BEGIN IMMEDIATE transaction with its event row (entity "enterprise", the
 * enterprise's id, as its other records). */
#ifndef QIFU_TALENT_STORE_H
#define QIFU_TALENT_STORE_H
#include <stdint.h>

#include "model/talent.h"
#include "store/db.h"

/* which requests a list shows; zero fields do not filter (state -1: every state) */
typedef struct talent_filter {
	int64_t enterprise_id;
	const char *unit;
	const char *kind;
	int state;
	const char *scope_area; /* set for area officers: other areas are invisible */
} talent_filter;

/* which programmes a list shows; zero fields do not filter */
typedef struct talent_prog_filter {
	int64_t enterprise_id;
	const char *scope_area; /* set for area officers: other areas are invisible */
} talent_prog_filter;

/* store a validated programme; *id gets its id */
int talent_store_add_programme(db *d, const char *actor, const talent_programme *p,
                               int64_t *id, store_err *err);
/* store a validated request (state received); *id gets its id */
int talent_store_add_request(db *d, const char *actor, const talent_request *r, int64_t *id,
                             store_err *err);
/* move request id from state from (as read) to to with note: 0, 1 refused because it
 * changed meanwhile (STORE_E_TALENT_CHANGED), -1 error */
int talent_store_move(db *d, const char *actor, int64_t id, talent_state from,
                      talent_state to, const char *note, store_err *err);
/* one request: 0 found, 1 none, -1 error */
int talent_store_get(db *d, int64_t id, talent_request *r, store_err *err);
/* requests [offset, offset+limit), newest first */
int talent_store_list(db *d, const talent_filter *f, long offset, int limit,
                      talent_request *out, int *n, store_err *err);

/* the same list read by key (store/rows.h, rows_list_from): up to limit rows next
 * to row from (its id; 0: an end of the list), after it or (back) before it:
 * 0, 1 when that row is gone, or -1 with err */
int talent_store_list_from(db *d, const talent_filter *f, int64_t from, bool back, int limit,
		talent_request *out, int *n, store_err *err);
/* how many requests the list of f holds: 0 or -1 */
int talent_store_count(db *d, const talent_filter *f, long *n, store_err *err);
/* the programmes of f [offset, offset+limit), newest start first */
int talent_store_programmes(db *d, const talent_prog_filter *f, long offset, int limit,
                            talent_programme *out, int *n, store_err *err);

/* the same list read by key (store/rows.h, rows_list_from): up to limit rows next
 * to row from (its id; 0: an end of the list), after it or (back) before it:
 * 0, 1 when that row is gone, or -1 with err */
int talent_store_programmes_from(db *d, const talent_prog_filter *f, int64_t from, bool back, int limit,
		talent_programme *out, int *n, store_err *err);
/* how many programmes the list of f holds: 0 or -1 */
int talent_store_prog_count(db *d, const talent_prog_filter *f, long *n, store_err *err);
/* one programme: 0 found, 1 none, -1 error */
int talent_store_get_programme(db *d, int64_t id, talent_programme *p, store_err *err);
/* write the validated fields of programme now over the row that held was (as read:
 * the same id), the event row's summary changes (talent_programme_changes): 0, 1
 * refused because it changed meanwhile (STORE_E_PROGRAMME_CHANGED), -1 error */
int talent_store_edit_programme(db *d, const char *actor, const talent_programme *was,
                                const talent_programme *now, const char *changes,
                                store_err *err);
/* Inside the caller's transaction: link request id to the appeal number, as
 * visit_store_link_appeal does: 0, 1 refused (taken or gone, err says), -1 */
int talent_store_link_appeal(db *d, int64_t id, const char *number, store_err *err);

#endif
