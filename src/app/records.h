/* The enterprise's records, once for both faces: a visit, a financing need, a step in
 * or out of a cultivation pool, a relocation warning opened, answered or closed. Each
 * checks what was typed (cleaning it in place), then writes it with its event row. */
#ifndef QIFU_APP_RECORDS_H
#define QIFU_APP_RECORDS_H
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "model/enterprise.h"
#include "model/financing.h"
#include "model/pool.h"
#include "model/visit.h"
#include "model/warning.h"

/* how saving a record ended; err says why for all but SAVED */
typedef enum app_record_rc {
	APP_RECORD_SAVED = 0,
	APP_RECORD_BAD_INPUT,   /* what was typed does not pass the checks */
	APP_RECORD_REFUSED,     /* a rule on what is stored said no (closed, twice, too early) */
	APP_RECORD_FAILED,      /* the database failed */
} app_record_rc;

/* the command line's exit code for rc */
int app_record_exit(app_record_rc rc);
struct store_err;
/* a store's 0 written, 1 refused by a rule, -1 failed, its refusal or failure se worded
 * into err */
app_record_rc app_record_stored(int rc, const struct store_err *se, strbuf *err);

app_record_rc app_visit_add(app_ctx *ctx, visit_rec *v, int64_t *id, strbuf *err);
app_record_rc app_financing_add(app_ctx *ctx, fin_rec *f, int64_t *id, strbuf *err);
/* enter (or leave) pool on day on; *reason is cleaned, and required to leave */
app_record_rc app_pool_move(app_ctx *ctx, int64_t enterprise_id, const pool_def *pool,
		bool leaving, qdate on, char **reason, strbuf *err);
app_record_rc app_warning_open(app_ctx *ctx, warn_rec *w, int64_t *id, strbuf *err);
/* a response to warning id (text required) or its closing (text optional) on day on */
app_record_rc app_warning_answer(app_ctx *ctx, int64_t id, bool closing, qdate on, char **text,
		strbuf *err);
/* the operating status of e (as read) becomes `to` since the day given, with a
 * reason (required, cleaned in place): who may edit the enterprise may; a day after
 * today, no change, a deregistered one or a status changed meanwhile are refused */
app_record_rc app_ent_status_set(app_ctx *ctx, const ent_record *e, ent_status to,
		qdate since, char **reason, strbuf *err);

#endif
