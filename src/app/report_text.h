/* The supervision figures and the quarterly assessment as people read them, once for
 * the command (`qifu report units|quarter`), the Escalation pane's report views and
 * their exports: the text (charts as wide as asked) and the one-sheet workbook. */
#ifndef QIFU_APP_REPORT_TEXT_H
#define QIFU_APP_REPORT_TEXT_H
#include <stdbool.h>

#include "app/app.h"
#include "app/column.h"
#include "model/annual.h"
#include "model/assessment.h"

typedef enum report_kind {
	REPORT_UNITS,               /* the supervision figures of a period */
	REPORT_QUARTER,             /* the quarterly assessment */
	REPORT_YEAR,                /* the annual assessment (app/annual.h) */
} report_kind;

typedef struct report_spec {
	report_kind kind;
	qdate from, to;             /* REPORT_UNITS */
	assessment_quarter quarter; /* REPORT_QUARTER */
	int year;                   /* REPORT_YEAR */
} report_spec;

/* the charts' width of the printed report: an 80-column page with room to spare */
enum { REPORT_PRINT_WIDTH = 72 };

/* the report as text, bars and charts width columns wide: 0, or -1 with err */
int report_text(app_ctx *ctx, const report_spec *r, int width, strbuf *out, strbuf *err);
/* write the report to path, a workbook when xlsx, else the text at the printed width:
 * APP_OK with "wrote the … to PATH" in msg; APP_NO when the actor may not see
 * reports or a year has a quarter not frozen; APP_BAD with what went wrong (nothing
 * half-written is left as the file) */
app_status report_write(app_ctx *ctx, const report_spec *r, bool xlsx, const char *path,
		strbuf *msg);
struct annual_report;

/* The annual report's columns: the scores, then the year's supervision figures. */
typedef enum report_year_col {
	YEAR_COL_UNIT,
	YEAR_COL_Q1, YEAR_COL_Q2, YEAR_COL_Q3, YEAR_COL_Q4,  /* the quarters' means */
	YEAR_COL_COUNT,              /* ratings of the year */
	YEAR_COL_SCORE,              /* the year's score */
	YEAR_COL_TIER,
	YEAR_COL_RECEIVED,           /* appeals dispatched to the unit in the year */
	YEAR_COL_SIGNED,             /* on-time signing rate */
	YEAR_COL_RETURNED,           /* return rate */
	YEAR_COL_ANSWERED,           /* on-time answer (close) rate */
	YEAR_COL_SATISFIED,          /* satisfaction rate at callback */
	YEAR_COL_SUPERVISED,         /* supervision requests filed in the year */
	YEAR_COL_ACCOUNTABLE,        /* accountability records of the year */
	YEAR_COL__COUNT
} report_year_col;

/* the columns' keys (CSV, JSON), headers and kinds, in report_year_col order */
extern const app_column report_year_columns[YEAR_COL__COUNT];
/* a row's cell (buf: SUP_CELL_SIZE bytes): words ("二档", "-" for nothing) or codes
 * (the tier's digit, "" for nothing) */
const char *report_year_cell(const annual_row *r, report_year_col col, app_cell_form form,
		char *buf);
/* the annual report's title: the year, frozen when and by whom (fresh) */
char *report_year_title(const struct annual_report *r);
/* the sentence of its rule and tier thresholds (fresh) */
char *report_year_rule(const struct annual_report *r);
/* the annual report as text (the tier trend at most width columns): its scores, the
 * tier trend, the supervision figures of the year (as of
 * the freeze, or of today), then per unit the year's supervision requests and the
 * accountability that followed */
void report_year_text(app_ctx *ctx, const struct annual_report *r, int width, strbuf *out);
/* the report's file name in the reader's language ("督办统计-2026-10-01-2026-12-01.txt",
 * "季度考核-2026Q4.xlsx",
 * "年度考核-2026.xlsx"), fresh */
char *report_file_name(const report_spec *r, bool xlsx);

#endif
