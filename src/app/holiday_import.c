/* holiday import: preview and apply (see holiday_import.h). */
#include "app/holiday_import.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "policy/policy.h"
#include "store/db.h"
#include "store/holiday_store.h"

static int plans_on_changed_days(db *d, holiday_preview *pv, strbuf *err)
{
	for (int i = 0; i < pv->nchanged; i++) {
		inspection_record *recs;
		int n;
		store_err se = { 0 };
		if (inspection_store_day(d, pv->changed[i], NULL, &recs, &n, &se) < 0)
			return app_store_rc(-1, &se, err);
		for (int j = 0; j < n; j++) {
			if (recs[j].state == INSPECTION_REGISTERED || recs[j].state == INSPECTION_APPROVED) {
				pv->plans = xrealloc(pv->plans, (size_t)(pv->nplans + 1) * sizeof *pv->plans);
				pv->plans[pv->nplans++] = recs[j];
			} else {
				inspection_record_clear(&recs[j]);
			}
		}
		free(recs);
	}
	return 0;
}

int holiday_import_preview(app_ctx *ctx, const char *path, holiday_preview *pv, strbuf *err)
{
	memset(pv, 0, sizeof *pv);
	FILE *f = fopen(path, "r");
	if (!f) {
		sb_reset(err);
		sb_addf(err, _("%s: cannot open: %s"), path, strerror(errno));
		return 2;
	}
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	/* named YYYY.txt like the shipped files: the name fixes the year */
	int year = 0;
	if (strlen(base) == 8 && strcmp(base + 4, ".txt") == 0)
		year = atoi(base);
	int rc = policy_holiday_parse(f, path, year >= 1900 ? year : 0, &pv->notice, err);
	fclose(f);
	if (rc < 0)
		return 2;
	pv->source = xstrdup(base);
	if (app_need(ctx, APP_NEED_DB | APP_NEED_CALENDAR, err) != APP_OK)
		return -1;
	calendar *before = ctx->cal;
	pv->was = calendar_source(before, pv->notice.year);
	if (!(pv->after = app_calendar_with(ctx, ctx->db, &pv->notice, err)))
		return -1;
	pv->nchanged = calendar_year_diff(before, pv->after, pv->notice.year, pv->changed);
	db *d = ctx->db;
	qdate from = pv->nchanged ? pv->changed[0] : date_from_ymd(pv->notice.year + 1, 1, 1);
	store_err se = { 0 };
	if (appeal_store_due_moves(d, NULL, pv->after, from, false, NULL, &pv->moves, &se) < 0)
		return app_store_rc(-1, &se, err);
	return plans_on_changed_days(d, pv, err);
}

int holiday_import_apply(app_ctx *ctx, holiday_preview *pv, strbuf *err)
{
	if (app_need(ctx, APP_NEED_DB | APP_NEED_CALENDAR, err) != APP_OK)
		return -1;
	db *d = ctx->db;
	const char *actor = app_os_login();
	char *sum = xasprintf("%s: %d days changed (before: %s); %s", pv->source, pv->nchanged,
		pv->was == CAL_SOURCE_NOTICE ? "notice" : pv->was == CAL_SOURCE_PROVISIONAL
		? "provisional" : "weekends only", pv->notice.notice ? pv->notice.notice : "");
	char *reason = xasprintf("holiday notice %d (%s)", pv->notice.year, pv->source);
	qdate from = pv->nchanged ? pv->changed[0] : date_from_ymd(pv->notice.year + 1, 1, 1);
	appeal_due_moves_clear(&pv->moves);
	int rc = -1;
	store_err se = { 0 };
	if (db_begin(d, &se) < 0)
		goto out;
	if (holiday_store_put(d, actor, "import", &pv->notice, pv->source, sum, &se) < 0 ||
	    appeal_store_due_moves(d, actor, pv->after, from, true, reason, &pv->moves, &se) < 0) {
		db_rollback(d);
		goto out;
	}
	if (db_commit(d, &se) < 0)
		goto out;
	rc = app_calendar_reload(ctx, d, err);
out:
	app_store_text(&se, err);
	free(reason);
	free(sum);
	return rc;
}

void holiday_preview_clear(holiday_preview *pv)
{
	holiday_year_clear(&pv->notice);
	free(pv->source);
	calendar_free(&pv->after);
	appeal_due_moves_clear(&pv->moves);
	for (int i = 0; i < pv->nplans; i++)
		inspection_record_clear(&pv->plans[i]);
	free(pv->plans);
	memset(pv, 0, sizeof *pv);
}

const char *holiday_preview_was(const holiday_preview *pv)
{
	switch (pv->was) {
	case CAL_SOURCE_NOTICE: return _("the notice in force");
	case CAL_SOURCE_PROVISIONAL: return _("the provisional statutory days (暂定)");
	case CAL_SOURCE_NONE: break;
	}
	return _("weekends only");
}

/* a day's kind in the preview, for people */
static const char *kind_label(day_kind k)
{
	switch (k) {
	case DAY_WORKDAY: return _("working day");
	case DAY_WEEKEND: return _("weekend");
	case DAY_HOLIDAY: return _("public holiday");
	case DAY_MAKEUP_WORKDAY: return _("make-up working day");
	}
	return "";
}

void holiday_preview_day(const app_ctx *ctx, const holiday_preview *pv, int i, strbuf *out)
{
	char a[11];
	qdate d = pv->changed[i];
	const char *on, *nn;
	day_kind ko = calendar_day(ctx->cal, d, &on);
	day_kind kn = calendar_day(pv->after, d, &nn);
	sb_addf(out, "%s %s  %s%s%s -> %s%s%s", date_format(d, a), _(date_weekday_name(d)),
	        kind_label(ko), on ? " " : "", on ? on : "", kind_label(kn), nn ? " " : "",
	        nn ? nn : "");
}

void holiday_preview_move(const holiday_preview *pv, int i, strbuf *out)
{
	char a[11], b[11];
	const appeal_due_move *m = &pv->moves.m[i];
	sb_addf(out, "%s  %s  %s  %s -> %s", m->number, m->enterprise,
	        _(ticket_timer_label(m->which)), date_format(m->old_due, a),
	        date_format(m->new_due, b));
}

void holiday_preview_plan(const holiday_preview *pv, int i, strbuf *out)
{
	char a[11];
	const inspection_record *r = &pv->plans[i];
	sb_addf(out, "%s  %s  %s", r->code ? r->code : _("(not approved)"), r->unit,
	        date_format(r->date, a));
}
