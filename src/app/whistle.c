/* The whistle for both faces (app/whistle.h): the model's checks and deadline, the
 * permission, then the store write with its event; the list's columns and cells. */
#include "app/whistle.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "model/perm.h"
#include "store/staff_store.h"
#include "store/whistle_store.h"

int app_whistle_report_days(const app_ctx *ctx)
{
	return (int)cfg_int(ctx->cfg, SET_WHISTLE_REPORT_DAYS);
}

static app_record_rc stored(int rc, const store_err *se, strbuf *err)
{
	app_store_text(se, err);
	return rc == 0 ? APP_RECORD_SAVED : rc > 0 ? APP_RECORD_REFUSED : APP_RECORD_FAILED;
}

app_record_rc app_whistle_add(app_ctx *ctx, whistle_rec *w, int64_t *id, strbuf *err)
{
	if (whistle_validate(w, ctx->today, err) < 0)
		return APP_RECORD_BAD_INPUT;
	w->due = whistle_report_due(app_calendar(ctx), w->called_on,
	                            app_whistle_report_days(ctx));
	store_err se = { 0 };
	return stored(whistle_store_add(app_db(ctx), app_actor(ctx)->login, w, id, &se), &se,
	              err);
}

int app_whistle_get(app_ctx *ctx, int64_t id, whistle_rec *w, strbuf *err)
{
	store_err se = { 0 };
	int rc = whistle_store_get(app_db(ctx), id, w, &se);
	if (rc < 0)
		return app_store_rc(rc, &se, err);
	const char *scope = app_scope_area(ctx);
	/* a whistle outside an area officer's area is as good as absent to them */
	if (rc == 0 && scope && strcmp(scope, w->area) != 0) {
		whistle_rec_clear(w);
		rc = 1;
	}
	if (rc == 1)
		sb_addf(err, _("no whistle %lld"), (long long)id);
	return rc;
}

whistle_state app_whistle_state(app_ctx *ctx, const whistle_rec *w)
{
	return whistle_state_on(w->due, w->reported_on, ctx->today);
}

app_record_rc app_whistle_report(app_ctx *ctx, int64_t id, qdate on, char **report,
		whistle_state *state, strbuf *err)
{
	whistle_rec w;
	int got = app_whistle_get(ctx, id, &w, err);
	if (got != 0)
		return got > 0 ? APP_RECORD_REFUSED : APP_RECORD_FAILED;
	app_record_rc rc = APP_RECORD_REFUSED;
	const staff *me = app_actor(ctx);
	const char *why = whistle_may_report(me->login, me->unit, me->role, w.commissioner,
	                                     w.unit);
	if (why) {
		sb_add(err, _(why));
		goto out;
	}
	if (on == DATE_NONE)
		on = ctx->today;
	if (whistle_validate_report(report, on, w.called_on, ctx->today, err) < 0) {
		rc = APP_RECORD_BAD_INPUT;
		goto out;
	}
	store_err se = { 0 };
	rc = stored(whistle_store_report(app_db(ctx), me->login, id, on, *report, &se), &se,
	            err);
	if (state)
		*state = whistle_state_on(w.due, on, ctx->today);
out:
	whistle_rec_clear(&w);
	return rc;
}

const app_column app_whistle_columns[WH_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[WH_COL_ID] = { "id", N_("Whistle"), COL_INT, 4, false, TEXT_RIGHT, 0 },
	[WH_COL_CALLED_ON] = { "date", N_("Called on"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[WH_COL_ENTERPRISE] = { "enterprise", N_("Enterprise"), COL_STR, 14, true, TEXT_LEFT,
		0 },
	[WH_COL_USCC] = { "uscc", N_("Credit code"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[WH_COL_AREA] = { "area", N_("Area"), COL_STR, 12, false, TEXT_LEFT, 140 },
	[WH_COL_VIA] = { "via", N_("Called how"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[WH_COL_CALLER] = { "caller", N_("Who called"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[WH_COL_TEXT] = { "text", N_("What was asked"), COL_STR, 16, false, TEXT_LEFT, 120 },
	[WH_COL_COMMISSIONER] = { "commissioner", N_("Commissioner"), COL_STR, 8, false,
		TEXT_LEFT, 0 },
	[WH_COL_UNIT] = { "unit", N_("Commissioner's unit"), COL_STR, 10, false, TEXT_LEFT,
		100 },
	[WH_COL_LEAD_UNIT] = { "lead_unit", N_("Lead unit"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[WH_COL_DUE] = { "due", N_("Report in by"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[WH_COL_STATE] = { "state", N_("Report-in"), COL_STR, 20, false, TEXT_LEFT, 0 },
	[WH_COL_REPORTED_ON] = { "reported_on", N_("Reported in on"), COL_STR, 0, false,
		TEXT_LEFT, 0 },
	[WH_COL_REPORT] = { "report", N_("What was done"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[WH_COL_APPEAL] = { "appeal", N_("Appeal"), COL_STR, 11, false, TEXT_LEFT, 140 },
};

/* the state in words: a waiting or late one with its working days, as the appeal
 * lights are worded ("剩余 1 个工作日", "超期 2 个工作日") */
ticket_light_t app_whistle_light(app_ctx *ctx, const whistle_rec *w, int *workdays)
{
	if (w->reported_on != DATE_NONE) {
		if (workdays)
			*workdays = 0;
		return TICKET_LIGHT_NONE;
	}
	return ticket_light(w->due, ctx->today, app_calendar(ctx),
	                    app_ticket_params(ctx).yellow_days, workdays);
}

static void state_words(app_ctx *ctx, const whistle_rec *w, strbuf *out)
{
	int n = 0;
	ticket_light_t l = app_whistle_light(ctx, w, &n);
	if (l != TICKET_LIGHT_NONE)
		app_light_text(l, n, out);
	else
		sb_add(out, _(whistle_state_label(app_whistle_state(ctx, w))));
}

void app_whistle_cell(app_ctx *ctx, const whistle_rec *w, int col, app_cell_form form,
		strbuf *out)
{
	char day[11];
	switch ((app_whistle_col)col) {
	case WH_COL_ID: sb_addf(out, "%" PRId64, w->id); break;
	case WH_COL_CALLED_ON: sb_add(out, date_format(w->called_on, day)); break;
	case WH_COL_ENTERPRISE: sb_add(out, w->enterprise ? w->enterprise : ""); break;
	case WH_COL_USCC: sb_add(out, w->uscc ? w->uscc : ""); break;
	case WH_COL_AREA: sb_add(out, w->area ? w->area : ""); break;
	case WH_COL_VIA:
		sb_add(out, form == CELL_WORDS ? _(whistle_via_label(w->via))
		                               : whistle_via_code(w->via));
		break;
	case WH_COL_CALLER: sb_add(out, w->caller ? w->caller : ""); break;
	case WH_COL_TEXT: sb_add(out, w->text ? w->text : ""); break;
	case WH_COL_COMMISSIONER:
		sb_add(out, form == CELL_WORDS ? (w->commissioner_name ? w->commissioner_name : "")
		                               : (w->commissioner ? w->commissioner : ""));
		break;
	case WH_COL_UNIT: sb_add(out, w->unit ? w->unit : ""); break;
	case WH_COL_LEAD_UNIT: sb_add(out, w->lead_unit ? w->lead_unit : ""); break;
	case WH_COL_DUE: sb_add(out, date_format(w->due, day)); break;
	case WH_COL_STATE:
		if (form == CELL_WORDS)
			state_words(ctx, w, out);
		else
			sb_add(out, whistle_state_code(app_whistle_state(ctx, w)));
		break;
	case WH_COL_REPORTED_ON:
		if (w->reported_on != DATE_NONE)
			sb_add(out, date_format(w->reported_on, day));
		break;
	case WH_COL_REPORT: sb_add(out, w->report ? w->report : ""); break;
	case WH_COL_APPEAL: sb_add(out, w->appeal_number ? w->appeal_number : ""); break;
	case WH_COL__COUNT: break;
	}
}
