/* The reports' pictures (issue 19), once for the command, the Escalation pane's report
 * views and the workbooks: in the supervision report, per unit, the appeals received
 * per week (a sparkline with the total and the busiest week beside) and the share
 * answered on time per month (a bar and the rate per month); in the quarterly and
 * annual assessments, each unit's tier per quarter of the year and a sparkline of its
 * quarterly means. The buckets and scales are model/chart.h's; the counts are two
 * grouped queries (store/chart_store.h) and the quarters' own rows. */
#ifndef QIFU_APP_REPORT_CHART_H
#define QIFU_APP_REPORT_CHART_H
#include <stdbool.h>

#include "app/app.h"
#include "core/strbuf.h"
#include "core/xlsx.h"
#include "model/assessment.h"
#include "model/chart.h"

/* per unit (units.tsv order, then the others by name) and bucket, a count and a part */
typedef struct report_grid {
	int nunits, nb;
	char **units;
	int *n, *part;          /* [unit * nb + bucket] */
} report_grid;

/* the appeals dispatched from..to per unit and week (*w: the weeks) */
int report_weekly_grid(app_ctx *ctx, qdate from, qdate to, chart_weeks *w, report_grid *g,
		strbuf *err);
/* of the appeals dispatched from..to, per unit and month of dispatch, those answered (n)
 * and answered on time (part) (*m: the months) */
int report_monthly_grid(app_ctx *ctx, qdate from, qdate to, chart_months *m, report_grid *g,
		strbuf *err);
void report_grid_free(report_grid *g);

/* whether the charts may draw block characters: the locale's encoding is UTF-8 */
bool report_chart_utf8(void);

/* the supervision report's two charts, lines at most width columns: 0, -1 with err */
int report_units_charts(app_ctx *ctx, qdate from, qdate to, int width, bool utf8,
		strbuf *out, strbuf *err);
/* the same as two sheets of t, each with its native chart: the weekly volumes (a
 * column chart) and the monthly on-time rates in percent (a line chart). false with
 * the reason in err */
bool report_units_chart_sheets(app_ctx *ctx, qdate from, qdate to, xlsx_table *t,
		strbuf *err);

/* a unit's quarters of one year, q[0] the first */
typedef struct report_trend {
	char *unit;
	assessment_unit q[4];
} report_trend;

/* the quarters 1..q.q of q's year per unit (those that serve enterprises, then
 * any other rated): -1 with err */
int report_quarter_trend(app_ctx *ctx, assessment_quarter q, report_trend **rows, int *n,
		strbuf *err);
void report_trend_free(report_trend **rows, int n);
/* the tier trend of nq quarters of year as text at most width columns, a row per unit
 * rated in one of them (the means beside when they fit) */
void report_trend_text(const report_trend *rows, int n, int nq, int year,
		const assessment_tiers *tiers, int width, bool utf8, strbuf *out);
/* the trend as a sheet of t: the rated units' quarterly means (a line chart) and tiers */
bool report_trend_sheet(xlsx_table *t, const report_trend *rows, int n, int nq, int year,
		strbuf *err);

#endif
