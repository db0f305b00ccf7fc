/* The annual assessment (年度综合考核), once for both faces: a year's four frozen
 * quarters combined per unit by the [assessment] year_rule, beside the units'
 * supervision figures of the year, and the freeze that keeps the year as it was
 * reported. A frozen year is read back from what was stored then. */
#ifndef QIFU_APP_ANNUAL_H
#define QIFU_APP_ANNUAL_H
#include <stdbool.h>

#include "app/app.h"
#include "model/annual.h"
#include "store/supervise_store.h"

typedef struct annual_report {
	int year;
	bool frozen;
	char *frozen_by;                 /* when frozen: who and when */
	char *frozen_at;
	annual_rule rule;                /* the rule and thresholds it was made with */
	assessment_tiers tiers;
	annual_row *rows;                /* units.tsv order; unit names owned */
	int n;
	supv_row *supv;                  /* the supervision requests filed in the year, */
	int nsupv;
	acc_row *acc;                    /* and the accountability, by unit, as they are now */
	int nacc;
} annual_report;

/* the report of year: APP_OK with out filled (annual_report_free); APP_NO when the
 * actor may not see reports or a quarter of the year is not frozen (the message
 * names it); APP_BAD with a store failure */
app_status app_year_report(app_ctx *ctx, int year, annual_report *out, strbuf *why);
void annual_report_free(annual_report *r);
/* freeze year as it reads now: APP_OK with "year … frozen" in msg, or why not */
app_status app_year_freeze(app_ctx *ctx, int year, strbuf *msg);

#endif
