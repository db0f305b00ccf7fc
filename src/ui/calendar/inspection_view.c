/* Inspections for the detail view. A plan's fields are the CLI's own (app/inspection.c's
 * inspection_plan_fields), so the screen and `qifu inspect show` never word a plan
 * differently, and its code follows, as text and as the QR code the printed notice
 * carries; the 360 section lists an enterprise's latest plans and refused entries one
 * line each, with the evaluation only where PERM_INSP_EVAL_VIEW allows it. */
#include "ui/calendar/inspection_view.h"

#include <stdlib.h>

#include "app/inspection.h"
#include "app/inspection_move.h"
#include "app/inspection_notice.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/qr.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "store/staff_store.h"

static void add_field(void *arg, const char *label, const char *value)
{
	detail_field(arg, label, value);
}

static bool visible_to(app_ctx *ctx, const inspection_record *r)
{
	return ctx->actor && inspection_eval_visible(ctx->actor, r);
}

/* The plan's code as the enterprise checks it at the door (法码同行): the code as text,
 * then drawn as a QR code to scan (inspection_qr, the notice's own drawing) in the
 * dark-on-light style, last in the section, so that End brings it whole on screen; the
 * slim quiet zone when only that fits (80x24), words when nothing does. A plan without
 * a valid code says why there is no picture. */
static void code_section(detail *d, const inspection_record *r, const char *print_key)
{
	unsigned wide = inspection_qr_width();
	qr_art art[2] = { { 0 } };
	strbuf why = STRBUF_INIT;
	app_status st = inspection_qr(r, wide, &art[0], &why);
	if (st == APP_OK)
		st = inspection_qr(r, wide | QR_SLIM, &art[1], &why);
	detail_section(d, _("Plan code (执法计划码)"));
	if (st == APP_NO && r->state == INSPECTION_CANCELLED && r->code) {
		char *s = xasprintf(_("No QR code: the plan was cancelled, so its code %s lets no "
		                      "inspection in any more and a scan at the door is refused."),
		                    r->code);
		detail_note(d, s);
		xfree(&s);
	} else if (st == APP_NO && r->state == INSPECTION_CANCELLED) {
		detail_note(d, _("No plan code and no QR code: the plan was cancelled before it was "
		                 "approved."));
	} else if (st == APP_NO) {
		detail_note(d, _("No plan code yet, so no QR code: the code is issued when the plan is "
		                 "approved, and the QR code to scan at the door with it."));
	} else if (st != APP_OK) {
		detail_note(d, sb_str(&why));
	} else {
		const char *lines[] = { r->code };
		detail_block(d, lines, 1);
		detail_note(d, _("The enterprise checks it at the door: the Calendar's verify form, or "
		                 "qifu inspect verify CODE."));
		detail_art arts[2];
		for (int i = 0; i < 2; i++)
			arts[i] = (detail_art){ (const char *const *)art[i].lines, art[i].rows, art[i].cols };
		char *small = xasprintf(_("The QR code (%d x %d characters) does not fit in this window: "
		                          "enlarge the terminal, or print the notice with %s (or qifu "
		                          "inspect notice %s)."), art[1].cols, art[1].rows, print_key,
		                        r->code);
		detail_picture(d, arts, 2, STYLE_QR, small);
		xfree(&small);
	}
	qr_art_clear(&art[0]);
	qr_art_clear(&art[1]);
	sb_free(&why);
}

void inspview_plan(detail *d, app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t,
		const char *print_key)
{
	detail_clear(d, false);
	char *title = r->code ? xasprintf(_("Inspection %lld, plan code %s"), (long long)r->id, r->code)
	                      : xasprintf(_("Inspection %lld (no plan code until approved)"),
	                                  (long long)r->id);
	detail_title(d, title);
	xfree(&title);
	inspection_plan_fields(ctx, r, t, visible_to(ctx, r), add_field, d);
	code_section(d, r, print_key);
}

/* "2026-12-10 区应急局, 一般性检查: 已批准, plan code JC26-000052-1", worded as the
 * other records of the 360 view, then the outcome, an override and the evaluation */
static void plan_item(detail *d, app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t)
{
	char day[11];
	strbuf s = STRBUF_INIT;
	sb_addf(&s, _("%s %s, %s: %s"), date_format(r->date, day), r->unit,
	        inspection_reason_name(t, r->reason), _(inspection_plan_state_label(r->state)));
	if (r->code)
		sb_addf(&s, _(", plan code %s"), r->code);
	if (r->has_outcome)
		sb_addf(&s, _("; %s"), _(inspection_plan_outcome_label(r->outcome)));
	if (r->override_reason)
		sb_addf(&s, _("; let through by a supervisor's override: %s"), r->override_reason);
	bool visible = visible_to(ctx, r);
	for (int i = 0; i < r->nevals; i++) {
		if (!visible) {
			sb_addf(&s, _("; evaluation hidden from the inspected unit"));
			break;
		}
		sb_addf(&s, _("; evaluated %d/5"), r->evals[i].score);
		if (*r->evals[i].comment)
			sb_addf(&s, " %s", r->evals[i].comment);
	}
	detail_item(d, sb_str(&s));
	sb_free(&s);
}

static void plans_section(detail *d, app_ctx *ctx, int64_t id, const inspection_reason_table *t)
{
	db *dbh = app_db(ctx);
	inspection_filter f = { .enterprise_id = id, .from = DATE_NONE, .to = DATE_NONE };
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	long n = 0;
	detail_section(d, _("Inspection plans"));
	if (inspection_store_count(dbh, &f, &n, &se) < 0) {
		detail_note(d, app_store_text(&se, &err));
		sb_free(&err);
		return;
	}
	if (n == 0) {
		detail_note(d, _("none registered"));
		return;
	}
	/* the window runs by date: the latest plans are its end, shown newest first */
	int want = n < INSPVIEW_ENT_PLANS ? (int)n : INSPVIEW_ENT_PLANS, got = 0;
	inspection_record *v = xcalloc((size_t)want, sizeof *v);
	if (inspection_store_window(dbh, &f, n - want, want, v, &got, &se) < 0)
		detail_note(d, app_store_text(&se, &err));
	for (int i = got - 1; i >= 0; i--)
		plan_item(d, ctx, &v[i], t);
	for (int i = 0; i < got; i++)
		inspection_record_clear(&v[i]);
	free(v);
	if (n > want) {
		char *more = xasprintf(_("the latest %d are shown; %s lists them all"), want,
		                       "qifu inspect list");
		detail_note(d, more);
		xfree(&more);
	}
	sb_free(&err);
}

static int newest_first(const void *a, const void *b)
{
	const inspection_refusal *x = *(const inspection_refusal *const *)a, *y = *(const inspection_refusal *const *)b;
	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

/* The store lists the zone's refused entries by unit; one enterprise's few are picked
 * out here rather than in a second query of the same table. */
static void refusals_section(detail *d, app_ctx *ctx, int64_t id)
{
	inspection_refusal *v = NULL;
	int n = 0, shown = 0;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	detail_section(d, _("Entries refused without a registered plan"));
	if (inspection_store_refusals(app_db(ctx), DATE_NONE, DATE_NONE, &v, &n, &se) < 0) {
		detail_note(d, app_store_text(&se, &err));
		sb_free(&err);
		return;
	}
	const inspection_refusal **mine = n ? xcalloc((size_t)n, sizeof *mine) : NULL;
	for (int i = 0; i < n; i++)
		if (v[i].enterprise_id == id)
			mine[shown++] = &v[i];
	if (shown)
		qsort(mine, (size_t)shown, sizeof *mine, newest_first);
	for (int i = 0; i < shown; i++) {
		char day[11];
		const inspection_refusal *r = mine[i];
		char *line = *r->note ?
			xasprintf(_("%s %s: %s (%s)"), date_format(r->date, day), r->unit, r->people,
			          r->note) :
			xasprintf(_("%s %s: %s"), date_format(r->date, day), r->unit, r->people);
		detail_item(d, line);
		xfree(&line);
	}
	free(mine);
	for (int i = 0; i < n; i++)
		inspection_refusal_clear(&v[i]);
	free(v);
	if (!shown)
		detail_note(d, _("none registered"));
	sb_free(&err);
}

void inspview_enterprise(detail *d, app_ctx *ctx, int64_t enterprise_id)
{
	strbuf err = STRBUF_INIT;
	/* without the table the codes stand in for the names: still true, less friendly */
	inspection_reason_table *t = app_inspection_reasons(&err);
	sb_free(&err);
	plans_section(d, ctx, enterprise_id, t);
	refusals_section(d, ctx, enterprise_id);
	inspection_reason_table_free(&t);
}
