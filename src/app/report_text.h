/* The supervision figures and the quarterly assessment as people read them, once for
 * the command (`qifu report units|quarter`), the Escalation pane's report views and
 * their exports: the text (charts as wide as asked) and the one-sheet workbook. */
#ifndef QIFU_APP_REPORT_TEXT_H
#define QIFU_APP_REPORT_TEXT_H
#include <stdbool.h>

#include "app/app.h"
#include "model/assessment.h"

typedef enum report_kind {
	REPORT_UNITS,               /* the supervision figures of a period */
	REPORT_QUARTER,             /* the quarterly assessment */
} report_kind;

typedef struct report_spec {
	report_kind kind;
	qdate from, to;             /* REPORT_UNITS */
	assessment_quarter quarter; /* REPORT_QUARTER */
} report_spec;

/* the charts' width of the printed report: an 80-column page with room to spare */
enum { REPORT_PRINT_WIDTH = 72 };

/* the report as text, bars and charts width columns wide: 0, or -1 with err */
int report_text(app_ctx *ctx, const report_spec *r, int width, strbuf *out, strbuf *err);
/* write the report to path, a workbook when xlsx, else the text at the printed width:
 * APP_OK with "wrote the … to PATH" in msg; APP_NO when the actor may not see
 * reports; APP_BAD with what went wrong (nothing half-written is left as the file) */
app_status report_write(app_ctx *ctx, const report_spec *r, bool xlsx, const char *path,
		strbuf *msg);
/* the report's file name in the reader's language ("督办统计-2026-10-01-2026-12-01.txt",
 * "季度考核-2026Q4.xlsx"), fresh */
char *report_file_name(const report_spec *r, bool xlsx);

#endif
