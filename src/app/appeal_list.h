/* The appeal queue as a list, once for both faces: its columns (what the Appeals pane
 * draws and what qifu appeal list prints) and the text of each cell. A new column is
 * one row of app_appeal_columns and its case in app_appeal_cell (HACKING.md). */
#ifndef QIFU_APP_APPEAL_LIST_H
#define QIFU_APP_APPEAL_LIST_H
#include "app/app.h"
#include "app/column.h"
#include "model/ticket.h"
#include "store/appeal_store.h"

/* the columns, in the order both faces show them */
enum app_appeal_col {
	APPEAL_COL_NUMBER,
	APPEAL_COL_USCC,       /* the command line only */
	APPEAL_COL_ENTERPRISE,
	APPEAL_COL_TITLE,
	APPEAL_COL_KIND,
	APPEAL_COL_UNIT,
	APPEAL_COL_STATE,
	APPEAL_COL_DEADLINE,   /* the screen only: light and days in one cell */
	APPEAL_COL_DUE,        /* the command line only from here on */
	APPEAL_COL_LIGHT,
	APPEAL_COL_DUE_TEXT,
	APPEAL_COL_VERSION,
	APPEAL_COL_LEVEL,
	APPEAL_COL_SUGGEST,
	APPEAL_COL_CHANNEL,
	APPEAL_COL_EXTERNAL_NO, /* the channel's work-order number (12345 …) */
	APPEAL_COL__COUNT
};
extern const app_column app_appeal_columns[APPEAL_COL__COUNT];

/* the light of r's next deadline today, and its working days (left, or overdue) */
ticket_light_t app_appeal_row_light(app_ctx *ctx, const appeal_row *r, int *days);
/* the text of column col of r, in form, appended to out */
void app_appeal_cell(app_ctx *ctx, const appeal_row *r, int col, app_cell_form form,
                     strbuf *out);

/* row(r, arg, err) on every appeal f selects, in the order sort (desc), a chunk at a
 * time by key (app/chunk.h): the database is never held while row runs, which may
 * keep nothing of r (it is cleared after) and returns -1 to stop. 0, or -1 with err */
int app_appeal_each(app_ctx *ctx, const appeal_filter *f, appeal_sort sort, bool desc,
                    int (*row)(appeal_row *r, void *arg, strbuf *err), void *arg,
                    strbuf *err);

#endif
