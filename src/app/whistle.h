/* The whistle (企业吹哨、专员报到), once for both faces: logging an enterprise's call
 * to its commissioner with the report-in deadline of [whistle] report_days, the
 * commissioner's report-in, and the list's columns and words, which qifu whistle
 * list and the Enterprises tab's whistle list both read. Turning a whistle into an
 * appeal is appeal_move_from_whistle (app/appeal_move.h). */
#ifndef QIFU_APP_WHISTLE_H
#define QIFU_APP_WHISTLE_H
#include <stdint.h>

#include "app/column.h"
#include "app/records.h"
#include "model/whistle.h"

/* the report-in limit of the settings, in working days */
int app_whistle_report_days(const app_ctx *ctx);
/* log w (enterprise_id, called_on, via, caller, text; cleaned in place) to the
 * enterprise's commissioner: who may record a visit to the enterprise may; w->due is
 * set from the calendar. REFUSED when the enterprise has no commissioner. */
app_record_rc app_whistle_add(app_ctx *ctx, whistle_rec *w, int64_t *id, strbuf *err);
/* the report-in on whistle id on day on with what was done (*report, cleaned in
 * place): whistle_may_report decides who; *state (may be NULL) gets how it stands
 * after it (reported or late) */
app_record_rc app_whistle_report(app_ctx *ctx, int64_t id, qdate on, char **report,
		whistle_state *state, strbuf *err);
/* whistle id as the actor may see it: 0, 1 none or not theirs to see (err), -1 error */
int app_whistle_get(app_ctx *ctx, int64_t id, whistle_rec *w, strbuf *err);
/* where w stands today */
whistle_state app_whistle_state(app_ctx *ctx, const whistle_rec *w);

/* the light of w's report-in deadline while it waits (red: overdue), as the appeal
 * deadlines are lit; TICKET_LIGHT_NONE once reported in. *workdays (may be NULL)
 * gets the working days left or overdue */
ticket_light_t app_whistle_light(app_ctx *ctx, const whistle_rec *w, int *workdays);

/* the columns of a list of whistles: the screen (those with a width) and qifu whistle
 * list (those with a key, in this order) */
typedef enum app_whistle_col {
	WH_COL_ID, WH_COL_CALLED_ON, WH_COL_ENTERPRISE, WH_COL_USCC, WH_COL_AREA,
	WH_COL_VIA, WH_COL_CALLER, WH_COL_TEXT, WH_COL_COMMISSIONER, WH_COL_UNIT,
	WH_COL_LEAD_UNIT, WH_COL_DUE, WH_COL_STATE, WH_COL_REPORTED_ON, WH_COL_REPORT,
	WH_COL_APPEAL,
	WH_COL__COUNT
} app_whistle_col;

extern const app_column app_whistle_columns[WH_COL__COUNT];
/* the text of column col of w into out: words (the state with its working days, the
 * commissioner's name) for CELL_WORDS, codes (the state's, the login) for CELL_CODE */
void app_whistle_cell(app_ctx *ctx, const whistle_rec *w, int col, app_cell_form form,
		strbuf *out);

#endif
