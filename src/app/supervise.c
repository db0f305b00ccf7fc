/* Supervision requests and accountability; see supervise.h. The appeal a request
 * comes from is read here and judged by the model: overdue when its most urgent
 * running deadline is red today, dissatisfied by its callback. */
#include "app/supervise.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/ticket.h"
#include "store/appeal_store.h"
#include "store/staff_store.h"

app_status app_supv_add(app_ctx *ctx, const app_supv_new *in, int64_t *id, strbuf *why)
{
	if (!app_allowed(ctx, PERM_SUPERVISE, NULL, NULL, why))
		return APP_NO;
	supervise_new chk = { .unit = in->unit, .source = in->source, .what = in->what,
		.due = in->due };
	appeal_record a = { 0 };
	int64_t appeal_id = 0;
	store_err se = { 0 };
	app_status rc = APP_NO;
	if (in->appeal && *in->appeal) {
		int got = app_store_rc(appeal_store_get(app_db(ctx), in->appeal, false, &a, &se), &se,
		                       why);
		if (got < 0)
			return APP_BAD;
		/* one the actor may not see is as good as none */
		if (got == 1 || !app_appeal_visible(ctx, &a)) {
			sb_addf(why, _("no appeal %s"), in->appeal);
			goto out;
		}
		ticket_params p = app_ticket_params(ctx);
		chk.has_appeal = true;
		chk.appeal_overdue = ticket_worst_light(&a.timers, ctx->today, app_calendar(ctx),
		                                        p.yellow_days, NULL, NULL) == TICKET_LIGHT_RED;
		chk.appeal_dissatisfied = a.callback == APPEAL_CALLBACK_DISSATISFIED;
		if (!chk.unit || !*chk.unit)
			chk.unit = a.lead_unit;
		appeal_id = a.id;
	}
	char *what = text_trim(in->what ? in->what : "");
	chk.what = what;
	if (supervise_new_check(&chk, app_units(ctx), ctx->today, why) == 0) {
		rc = supv_store_add(app_db(ctx), app_actor(ctx)->login, chk.unit, in->source, appeal_id,
		                    what, in->due, id, &se) < 0 ? APP_BAD : APP_OK;
		if (rc != APP_OK)
			app_store_text(&se, why);
	}
	free(what);
out:
	appeal_record_clear(&a);
	return rc;
}

app_status app_supv_outcome(app_ctx *ctx, int64_t id, supervise_outcome outcome,
		const char *note, strbuf *why)
{
	if (!app_allowed(ctx, PERM_SUPERVISE, NULL, NULL, why))
		return APP_NO;
	supv_row r;
	store_err se = { 0 };
	int got = app_store_rc(supv_store_get(app_db(ctx), id, &r, &se), &se, why);
	if (got != 0)
		return got == 1 ? APP_NO : APP_BAD;
	char *t = text_trim(note ? note : "");
	app_status rc = APP_NO;
	if (supervise_outcome_allowed(id, r.outcome, outcome, t, why) == 0) {
		rc = APP_OK;
		if (supv_store_outcome(app_db(ctx), app_actor(ctx)->login, id, outcome, t, &se) < 0) {
			app_store_text(&se, why);
			rc = APP_NO;
		}
	}
	free(t);
	supv_row_clear(&r);
	return rc;
}

app_status app_supv_list(app_ctx *ctx, const char *unit, int year, supv_row **rows, int *n,
		strbuf *why)
{
	*rows = NULL;
	*n = 0;
	if (!app_allowed(ctx, PERM_SUPERVISE, NULL, NULL, why))
		return APP_NO;
	store_err se = { 0 };
	return app_store_rc(supv_store_list(app_db(ctx), unit, year, rows, n, &se), &se, why) < 0
		? APP_BAD : APP_OK;
}

app_status app_acc_add(app_ctx *ctx, int64_t request, const char *body, const char *person,
		const char *measure, int64_t *id, strbuf *why)
{
	if (!app_allowed(ctx, PERM_SUPERVISE, NULL, NULL, why))
		return APP_NO;
	supv_row r;
	store_err se = { 0 };
	int got = app_store_rc(supv_store_get(app_db(ctx), request, &r, &se), &se, why);
	if (got != 0)
		return got == 1 ? APP_NO : APP_BAD;
	char *b = text_trim(body ? body : ""), *p = text_trim(person ? person : "");
	char *m = text_trim(measure ? measure : "");
	app_status rc = APP_NO;
	if (supervise_accountability_allowed(request, r.outcome, b, app_accountability_bodies(ctx),
	                                     p, m, why) == 0) {
		rc = APP_OK;
		if (acc_store_add(app_db(ctx), app_actor(ctx)->login, request, b, p, m, id, &se) < 0) {
			app_store_text(&se, why);
			rc = APP_NO;
		}
	}
	free(b);
	free(p);
	free(m);
	supv_row_clear(&r);
	return rc;
}

app_status app_acc_list(app_ctx *ctx, const char *unit, int year, acc_row **rows, int *n,
		strbuf *why)
{
	*rows = NULL;
	*n = 0;
	if (!app_allowed(ctx, PERM_SUPERVISE, NULL, NULL, why))
		return APP_NO;
	store_err se = { 0 };
	return app_store_rc(acc_store_list(app_db(ctx), unit, year, rows, n, &se), &se, why) < 0
		? APP_BAD : APP_OK;
}

const app_column app_supv_columns[SUPV_COL__COUNT] = {
	[SUPV_COL_ID] = { .key = "id", .header = N_("No."), .kind = COL_INT, .width = 4,
		.align = TEXT_RIGHT },
	[SUPV_COL_UNIT] = { .key = "unit", .header = N_("Unit"), .kind = COL_STR, .width = 14 },
	[SUPV_COL_SOURCE] = { .key = "source", .header = N_("Source"), .kind = COL_STR,
		.width = 12 },
	[SUPV_COL_APPEAL] = { .key = "appeal", .header = N_("Appeal"), .kind = COL_STR,
		.width = 14, .min_pane_cols = 100 },
	[SUPV_COL_WHAT] = { .key = "what", .header = N_("Required"), .kind = COL_STR,
		.width = 12, .stretch = true },
	[SUPV_COL_DUE] = { .key = "due", .header = N_("Due"), .kind = COL_STR, .width = 10 },
	[SUPV_COL_OUTCOME] = { .key = "outcome", .header = N_("Outcome"), .kind = COL_STR,
		.width = 10 },
	[SUPV_COL_NOTE] = { .key = "outcome_note", .header = N_("Note"), .kind = COL_STR },
	[SUPV_COL_ACC] = { .key = "accountability", .header = N_("Accountability"),
		.kind = COL_INT, .width = 6, .align = TEXT_RIGHT },
	[SUPV_COL_BY] = { .key = "filed_by", .header = N_("Filed by"), .kind = COL_STR },
	[SUPV_COL_AT] = { .key = "filed_at", .header = N_("Filed at"), .kind = COL_STR },
};

const app_column app_acc_columns[ACC_COL__COUNT] = {
	[ACC_COL_ID] = { .key = "id", .header = N_("No."), .kind = COL_INT },
	[ACC_COL_REQUEST] = { .key = "request", .header = N_("Request"), .kind = COL_INT },
	[ACC_COL_UNIT] = { .key = "unit", .header = N_("Unit"), .kind = COL_STR },
	[ACC_COL_BODY] = { .key = "body", .header = N_("Body"), .kind = COL_STR },
	[ACC_COL_PERSON] = { .key = "person", .header = N_("Person"), .kind = COL_STR },
	[ACC_COL_MEASURE] = { .key = "measure", .header = N_("Measure"), .kind = COL_STR },
	[ACC_COL_BY] = { .key = "recorded_by", .header = N_("Recorded by"), .kind = COL_STR },
	[ACC_COL_AT] = { .key = "recorded_at", .header = N_("Recorded at"), .kind = COL_STR },
};

const char *app_supv_cell(const supv_row *r, int col, app_cell_form form, char *buf)
{
	switch (col) {
	case SUPV_COL_ID:
		snprintf(buf, 32, "%" PRId64, r->id);
		return buf;
	case SUPV_COL_UNIT: return r->unit;
	case SUPV_COL_SOURCE:
		return form == CELL_WORDS ? _(supervise_source_label(r->source))
			: supervise_source_code(r->source);
	case SUPV_COL_APPEAL: return r->appeal;
	case SUPV_COL_WHAT: return r->what;
	case SUPV_COL_DUE: return date_format(r->due, buf);
	case SUPV_COL_OUTCOME:
		return form == CELL_WORDS ? _(supervise_outcome_label(r->outcome))
			: supervise_outcome_code(r->outcome);
	case SUPV_COL_NOTE: return r->outcome_note;
	case SUPV_COL_ACC:
		snprintf(buf, 32, "%d", r->accountability);
		return buf;
	case SUPV_COL_BY: return r->created_by;
	case SUPV_COL_AT: return r->created_at;
	}
	return "";
}

const char *app_acc_cell(const acc_row *r, int col, char *buf)
{
	switch (col) {
	case ACC_COL_ID:
		snprintf(buf, 32, "%" PRId64, r->id);
		return buf;
	case ACC_COL_REQUEST:
		snprintf(buf, 32, "%" PRId64, r->request);
		return buf;
	case ACC_COL_UNIT: return r->unit;
	case ACC_COL_BODY: return r->body;
	case ACC_COL_PERSON: return r->person;
	case ACC_COL_MEASURE: return r->measure;
	case ACC_COL_BY: return r->created_by;
	case ACC_COL_AT: return r->created_at;
	}
	return "";
}
