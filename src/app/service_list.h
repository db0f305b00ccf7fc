/* The lists of the service duties, once for both faces (htop's one field table): the
 * outreach events (qifu outreach list, the Services tab's 宣讲活动 view) and the talent
 * service requests (qifu talent list, its 人才服务 view). Each list is a column table
 * (the command's keys, the screen's widths) and one function that words a cell. */
#ifndef QIFU_APP_SERVICE_LIST_H
#define QIFU_APP_SERVICE_LIST_H

#include "app/app.h"
#include "app/column.h"
#include "core/strbuf.h"
#include "model/outreach.h"
#include "model/talent.h"

/* the columns of an outreach event list, in the command's order */
typedef enum outreach_col {
	OUT_COL_ID, OUT_COL_KIND, OUT_COL_DATE, OUT_COL_UNIT, OUT_COL_TOPIC, OUT_COL_ATTENDEES,
	OUT_COL_PLACE, OUT_COL_PROBLEMS, OUT_COL__COUNT
} outreach_col;
extern const app_column app_outreach_columns[OUT_COL__COUNT];
/* the text of column col of event r into out: the kind's name for CELL_WORDS, its
 * code for CELL_CODE */
void app_outreach_cell(app_ctx *ctx, const outreach_rec *r, int col, app_cell_form form,
		strbuf *out);

/* the columns of a talent request list, in the command's order */
typedef enum talent_col {
	TAL_COL_ID, TAL_COL_ENTERPRISE, TAL_COL_KIND, TAL_COL_STATE, TAL_COL_USCC, TAL_COL_PERSON,
	TAL_COL_UNIT, TAL_COL_APPEAL, TAL_COL__COUNT
} talent_col;
extern const app_column app_talent_columns[TAL_COL__COUNT];
/* the text of column col of request r into out: the kind's and the state's names for
 * CELL_WORDS, their codes for CELL_CODE */
void app_talent_cell(app_ctx *ctx, const talent_request *r, int col, app_cell_form form,
		strbuf *out);

/* the columns of a school–enterprise programme list (qifu talent programmes, the
 * Services tab's 校企合作 view), in the command's order */
typedef enum programme_col {
	PROG_COL_ID, PROG_COL_ENTERPRISE, PROG_COL_KIND, PROG_COL_SCHOOL, PROG_COL_NAME,
	PROG_COL_PLACES, PROG_COL_START, PROG_COL_END, PROG_COL__COUNT
} programme_col;
extern const app_column app_programme_columns[PROG_COL__COUNT];
/* the text of column col of programme p into out: the kind's label for CELL_WORDS, its
 * code for CELL_CODE; an open end is "" */
void app_programme_cell(const talent_programme *p, int col, app_cell_form form, strbuf *out);

#endif
