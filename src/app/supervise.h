/* 督办要求 and 问责 for both faces (model/supervise.h holds the rules): a supervisor or
 * leader files a request to a unit from an overdue or dissatisfied appeal or from the
 * unit's figures, records its outcome, and after an unresolved one the
 * accountability; each write is one transaction with its event row. */
#ifndef QIFU_APP_SUPERVISE_H
#define QIFU_APP_SUPERVISE_H
#include <stdint.h>

#include "app/app.h"
#include "app/column.h"
#include "model/supervise.h"
#include "store/supervise_store.h"

/* What a person asks for; strings borrowed. */
typedef struct app_supv_new {
	const char *unit;                /* NULL: the appeal's lead unit */
	supervise_source source;
	const char *appeal;              /* the appeal's number, NULL for none */
	const char *what;
	qdate due;
} app_supv_new;

/* file the request: APP_OK with *id; APP_NO with the rule's refusal or a permission
 * missing; APP_BAD with a store failure */
app_status app_supv_add(app_ctx *ctx, const app_supv_new *in, int64_t *id, strbuf *why);
/* record request id's outcome (resolved or unresolved) with a note (may be NULL) */
app_status app_supv_outcome(app_ctx *ctx, int64_t id, supervise_outcome outcome,
		const char *note, strbuf *why);
/* the requests (unit NULL: all; year 0: all) for supv_rows_free */
app_status app_supv_list(app_ctx *ctx, const char *unit, int year, supv_row **rows, int *n,
		strbuf *why);
/* an accountability record after unresolved request: by body, person, measure */
app_status app_acc_add(app_ctx *ctx, int64_t request, const char *body, const char *person,
		const char *measure, int64_t *id, strbuf *why);
/* the accountability records (filters as app_supv_list) for acc_rows_free */
app_status app_acc_list(app_ctx *ctx, const char *unit, int year, acc_row **rows, int *n,
		strbuf *why);

/* the lists' columns, for the command's formats and the screen */
enum {
	SUPV_COL_ID, SUPV_COL_UNIT, SUPV_COL_SOURCE, SUPV_COL_APPEAL, SUPV_COL_WHAT,
	SUPV_COL_DUE, SUPV_COL_OUTCOME, SUPV_COL_NOTE, SUPV_COL_ACC, SUPV_COL_BY, SUPV_COL_AT,
	SUPV_COL__COUNT
};
enum {
	ACC_COL_ID, ACC_COL_REQUEST, ACC_COL_UNIT, ACC_COL_BODY, ACC_COL_PERSON,
	ACC_COL_MEASURE, ACC_COL_BY, ACC_COL_AT, ACC_COL__COUNT
};
extern const app_column app_supv_columns[SUPV_COL__COUNT];
extern const app_column app_acc_columns[ACC_COL__COUNT];
/* a request's cell in col: words (the source and outcome in the reader's language) or
 * codes; buf holds numbers and days (32 bytes) */
const char *app_supv_cell(const supv_row *r, int col, app_cell_form form, char *buf);
const char *app_acc_cell(const acc_row *r, int col, char *buf);

#endif
