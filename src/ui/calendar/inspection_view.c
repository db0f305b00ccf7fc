/* Inspections for the detail view. A plan's fields are the CLI's own (app/inspection.c's
 * inspection_plan_fields), so the screen and `qifu inspect show` never word a plan
 * differently, and its code follows as a block of lines; the 360 section lists an enterprise's latest plans and refused entries
 * one line each, with the evaluation only where PERM_INSP_EVAL_VIEW allows it. */
#include "ui/calendar/inspection_view.h"

#include <stdlib.h>

#include "app/inspection.h"
#include "app/inspection_move.h"
#include "app/store_text.h"
#include "core/i18n.h"
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

/* The plan code as the enterprise checks it at the door: a block of lines kept as
 * drawn. The code drawn as a picture to scan (法码同行) is a block of lines too and goes
 * here, above the code. */
static void code_block(detail *d, const inspection_record *r)
{
	/* a code is shown only while it covers an inspection (not a cancelled plan's) */
	if (!r->code || inspection_plan_verify_refused(r->state))
		return;
	const char *lines[] = { r->code };
	detail_section(d, _("Plan code (执法计划码)"));
	detail_block(d, lines, 1);
	detail_note(d, _("The enterprise checks it at the door: the Calendar's verify form, or "
	                 "qifu inspect verify CODE."));
}

void inspview_plan(detail *d, app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t)
{
	detail_clear(d, false);
	char *title = r->code ? xasprintf(_("Inspection %lld, plan code %s"), (long long)r->id, r->code)
	                      : xasprintf(_("Inspection %lld (no plan code until approved)"),
	                                  (long long)r->id);
	detail_title(d, title);
	xfree(&title);
	inspection_plan_fields(ctx, r, t, visible_to(ctx, r), add_field, d);
	code_block(d, r);
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
