/* The annual report and its freeze; see annual.h. The quarters' rows and the
 * supervision counts are report_data.c's, the combination model/annual.c's. */
#include "app/annual.h"

#include <stdlib.h>
#include <string.h>

#include "app/report_data.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/rating_store.h"
#include "store/staff_store.h"
#include "store/supervise_store.h"
#include "store/supervision_store.h"
#include "store/year_store.h"

/* the figures gathered per unit before they are combined */
typedef struct gather {
	char **units;
	assessment_unit (*q)[4];
	supervision_counts *sup;
	int n;
} gather;

static int gather_unit(gather *g, const char *unit)
{
	for (int i = 0; i < g->n; i++)
		if (strcmp(g->units[i], unit) == 0)
			return i;
	int n = g->n++;
	g->units = xrealloc(g->units, sizeof *g->units * (size_t)g->n);
	g->q = xrealloc(g->q, sizeof *g->q * (size_t)g->n);
	g->sup = xrealloc(g->sup, sizeof *g->sup * (size_t)g->n);
	g->units[n] = xstrdup(unit);
	memset(g->q[n], 0, sizeof g->q[n]);
	memset(&g->sup[n], 0, sizeof g->sup[n]);
	return n;
}

static void gather_free(gather *g)
{
	for (int i = 0; i < g->n; i++)
		free(g->units[i]);
	free(g->units);
	free(g->q);
	free(g->sup);
}

/* the four quarters' rows and the year's supervision counts of every unit */
static int gather_year(app_ctx *ctx, int year, gather *g, strbuf *why)
{
	for (int q = 0; q < 4; q++) {
		assessment_unit *rows = NULL;
		int n = 0, frozen = 0;
		if (report_quarter_rows(ctx, (assessment_quarter){ year, q + 1 }, &rows, &n, &frozen,
		                        why) < 0)
			return -1;
		for (int i = 0; i < n; i++) {
			/* gather_unit may move g->q: the index first */
			int u = gather_unit(g, rows[i].unit);
			g->q[u][q] = rows[i];
		}
		report_quarter_rows_free(ctx, &rows, n);
	}
	supervision_counts *sup = NULL;
	int n = 0;
	if (report_units_rows(ctx, date_from_ymd(year, 1, 1), date_from_ymd(year, 12, 31), &sup,
	                      &n, why) < 0) {
		sup_store_counts_free(&sup, n);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		int u = gather_unit(g, sup[i].unit);
		g->sup[u] = sup[i];
	}
	sup_store_counts_free(&sup, n);
	return 0;
}

/* a row for every unit a request of the year went to */
static void gather_requests(gather *g, const annual_report *out)
{
	for (int i = 0; i < out->nsupv; i++)
		gather_unit(g, out->supv[i].unit);
}

/* a year refused by v (open: its quarters not frozen), worded into why with the
 * face's way to freeze a quarter; whether it was */
static bool refused(app_ctx *ctx, int year, annual_verdict v, const char *open, strbuf *why)
{
	switch (v) {
	case ANNUAL_OK:
		return false;
	case ANNUAL_YEAR_FROZEN:
		sb_addf(why, _("The year %d is already frozen."), year);
		break;
	case ANNUAL_QUARTERS_OPEN:
		if (!ctx->how) {
			sb_addf(why, _("The year %d is made of its four frozen quarters; not frozen yet: "
			               "%s."), year, open);
			break;
		}
		strbuf how = STRBUF_INIT;
		ctx->how(APP_STEP_QUARTER_FREEZE, &how);
		sb_addf(why, _("The year %d is made of its four frozen quarters; not frozen yet: %s "
		               "(%s)."), year, open, sb_str(&how));
		sb_free(&how);
		break;
	}
	return true;
}

/* which quarters of year are frozen: 0, or -1 with the store's failure */
static int quarters_frozen(app_ctx *ctx, int year, bool qfrozen[4], strbuf *why)
{
	store_err se = { 0 };
	for (int q = 0; q < 4; q++) {
		int f = app_store_rc(rating_store_frozen(app_db(ctx), (assessment_quarter){ year, q + 1 },
		                                         &se), &se, why);
		if (f < 0)
			return -1;
		qfrozen[q] = f == 1;
	}
	return 0;
}

/* the year's requests and accountability as they are now: 0, or -1 with why */
static int year_records(app_ctx *ctx, int year, annual_report *out, strbuf *why)
{
	store_err se = { 0 };
	if (app_store_rc(supv_store_list(app_db(ctx), NULL, year, &out->supv, &out->nsupv, &se),
	                 &se, why) < 0)
		return -1;
	return app_store_rc(acc_store_list(app_db(ctx), NULL, year, &out->acc, &out->nacc, &se),
	                    &se, why);
}

/* the year combined now from its frozen quarters: APP_NO naming a quarter not frozen */
static app_status year_now(app_ctx *ctx, int year, annual_report *out, strbuf *why)
{
	bool qfrozen[4];
	if (quarters_frozen(ctx, year, qfrozen, why) < 0)
		return APP_BAD;
	strbuf open = STRBUF_INIT;
	annual_verdict v = annual_quarters_check(year, qfrozen, &open);
	bool no = refused(ctx, year, v, sb_str(&open), why);
	sb_free(&open);
	if (no)
		return APP_NO;
	gather g = { 0 };
	if (gather_year(ctx, year, &g, why) < 0 || year_records(ctx, year, out, why) < 0) {
		gather_free(&g);
		return APP_BAD;
	}
	gather_requests(&g, out);
	out->rule = app_annual_rule(ctx);
	out->tiers = app_assessment_tiers(ctx);
	out->rows = xcalloc(g.n ? (size_t)g.n : 1, sizeof *out->rows);
	out->n = g.n;
	for (int i = 0; i < g.n; i++) {
		/* the row takes the name over */
		annual_combine(g.units[i], g.q[i], out->rule, &out->tiers, &out->rows[i].score);
		out->rows[i].sup = g.sup[i];
		out->rows[i].sup.unit = g.units[i];
		g.units[i] = NULL;
	}
	gather_free(&g);
	/* the units met by requests and accountability: their counts beside */
	for (int i = 0; i < out->nsupv; i++)
		for (int k = 0; k < out->n; k++)
			if (strcmp(out->rows[k].score.unit, out->supv[i].unit) == 0)
				out->rows[k].supervised++;
	for (int i = 0; i < out->nacc; i++)
		for (int k = 0; k < out->n; k++)
			if (strcmp(out->rows[k].score.unit, out->acc[i].unit) == 0)
				out->rows[k].accountable++;
	return APP_OK;
}

app_status app_year_report(app_ctx *ctx, int year, annual_report *out, strbuf *why)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	if (!app_allowed(ctx, PERM_REPORT_VIEW, NULL, NULL, why))
		return APP_NO;
	year_freeze_info info;
	store_err se = { 0 };
	int frozen = app_store_rc(year_store_frozen(app_db(ctx), year, &info, &se), &se, why);
	if (frozen < 0)
		return APP_BAD;
	if (frozen == 0)
		return year_now(ctx, year, out, why);
	out->frozen = true;
	out->rule = info.rule;
	out->tiers = info.tiers;
	out->frozen_by = info.frozen_by;
	out->frozen_at = info.frozen_at;
	if (app_store_rc(year_store_rows(app_db(ctx), year, &out->tiers, &out->rows, &out->n, &se),
	                 &se, why) < 0 || year_records(ctx, year, out, why) < 0)
		return APP_BAD;
	return APP_OK;
}

void annual_report_free(annual_report *r)
{
	year_store_rows_free(&r->rows, r->n);
	supv_rows_free(&r->supv, r->nsupv);
	acc_rows_free(&r->acc, r->nacc);
	free(r->frozen_by);
	free(r->frozen_at);
	memset(r, 0, sizeof *r);
}

app_status app_year_freeze(app_ctx *ctx, int year, strbuf *msg)
{
	if (!app_allowed(ctx, PERM_YEAR_FREEZE, NULL, NULL, msg))
		return APP_NO;
	store_err se = { 0 };
	int frozen = app_store_rc(year_store_frozen(app_db(ctx), year, NULL, &se), &se, msg);
	if (frozen < 0)
		return APP_BAD;
	bool qfrozen[4];
	if (quarters_frozen(ctx, year, qfrozen, msg) < 0)
		return APP_BAD;
	strbuf open = STRBUF_INIT;
	annual_verdict v = annual_freeze_allowed(year, frozen == 1, qfrozen, &open);
	bool no = refused(ctx, year, v, sb_str(&open), msg);
	sb_free(&open);
	if (no)
		return APP_NO;
	annual_report r = { .year = year };
	app_status rc = year_now(ctx, year, &r, msg);
	if (rc == APP_OK && year_store_freeze(app_db(ctx), app_actor(ctx)->login, year, r.rule,
	                                      &r.tiers, r.rows, r.n, &se) < 0) {
		app_store_text(&se, msg);
		rc = APP_NO;
	}
	if (rc == APP_OK)
		sb_addf(msg, _("year %d frozen: its scores and tiers can no longer change"), year);
	annual_report_free(&r);
	return rc;
}
