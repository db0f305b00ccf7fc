/* The rows of the supervision and assessment reports as `qifu report units|quarter`
 * and the Escalation tab's report views both show them: fetched, checked and in the
 * order of data/units.tsv, so that the command and the screen cannot disagree. */
#ifndef QIFU_REPORT_DATA_H
#define QIFU_REPORT_DATA_H
#include "app/app.h"
#include "core/strbuf.h"
#include "model/assessment.h"
#include "model/supervision.h"

/* per unit, the figures of the appeals dispatched from..to, followed up to today, in
 * units.tsv order; a count beyond its whole is an error. *rows for
 * sup_store_counts_free; -1 with the message in err */
int report_units_rows(app_ctx *ctx, qdate from, qdate to, supervision_counts **rows, int *n,
		strbuf *err);
struct whistle_counts;
/* per commissioner, the whistles called on from..to as they stand today (report-ins
 * on time, late, overdue now, appeals), by unit in units.tsv order then login; a
 * count beyond the whistles is an error. *rows for whistle_counts_free; -1 with err */
int report_whistle_rows(app_ctx *ctx, qdate from, qdate to, struct whistle_counts **rows,
		int *n, strbuf *err);
/* per unit that serves enterprises (rated or not, then any other unit rated), the
 * quarter's count, mean and tier; *frozen 1 when the quarter is frozen. -1 with err */
int report_quarter_rows(app_ctx *ctx, assessment_quarter q, assessment_unit **rows, int *n,
		int *frozen, strbuf *err);
/* free the rows of report_quarter_rows and set *rows to NULL */
void report_quarter_rows_free(app_ctx *ctx, assessment_unit **rows, int n);

struct outreach_quarter_count;
/* per organising unit (in units.tsv order) and quarter, the outreach events held
 * from..to, their attendances, problems raised and those that became appeals; *rows
 * for outreach_quarter_counts_free. -1 with the message in err */
int report_outreach_rows(app_ctx *ctx, qdate from, qdate to,
		struct outreach_quarter_count **rows, int *n, strbuf *err);

#endif
