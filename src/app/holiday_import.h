/* Importing a State Council holiday notice: the preview of what it changes (the days
 * whose kind moves, the open appeals whose due dates move, the plans on those days)
 * and the import itself, notice and recomputed due dates in one transaction. No
 * printing: the command line and the Calendar pane word the preview themselves. */
#ifndef QIFU_HOLIDAY_IMPORT_H
#define QIFU_HOLIDAY_IMPORT_H
#include "app/app.h"
#include "core/workday.h"
#include "store/appeal_store.h"
#include "store/inspection_store.h"

typedef struct holiday_preview {
	holiday_year notice;       /* the file, parsed */
	char *source;              /* its base name */
	cal_source was;            /* what the year was counted with before */
	qdate changed[366];        /* the days whose kind or name change */
	int nchanged;
	calendar *after;           /* the calendar with the notice in force */
	appeal_due_moves moves;    /* running timers whose due dates move */
	inspection_record *plans;        /* registered or approved plans on a changed day */
	int nplans;
} holiday_preview;

/* parse path and work out what importing it would change, writing nothing: 0, 2 a bad
 * file (err names file:line), -1 a database error */
int holiday_import_preview(app_ctx *ctx, const char *path, holiday_preview *pv, strbuf *err);
/* import what pv previewed: the notice, its days, every moved due date with their
 * events, in one BEGIN IMMEDIATE transaction; pv->moves is recounted inside it. The
 * context's calendar is rebuilt. 0 or -1 */
int holiday_import_apply(app_ctx *ctx, holiday_preview *pv, strbuf *err);
void holiday_preview_clear(holiday_preview *pv);

/* the preview's words, one line each, for the command line and the Calendar pane alike:
 * what the year was counted with; changed day i ("2027-02-05 Fri  public holiday 春节 ->
 * working day", before the import is applied); move i ("2026-000123  企业  deadline
 * 2027-02-10 -> 2027-02-14"); plan i ("JC27-000001-X  unit  2027-02-09") */
const char *holiday_preview_was(const holiday_preview *pv);
void holiday_preview_day(const app_ctx *ctx, const holiday_preview *pv, int i, strbuf *out);
void holiday_preview_move(const holiday_preview *pv, int i, strbuf *out);
void holiday_preview_plan(const holiday_preview *pv, int i, strbuf *out);

#endif
