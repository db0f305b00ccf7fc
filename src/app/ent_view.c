/* The 360 view's sections (app/ent_view.h): each reads the latest records of its kind
 * through its store, never the whole history at once, and says so when more exist. */
#include "app/ent_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/financing.h"
#include "app/inspection.h"
#include "app/inspection_move.h"
#include "app/store_text.h"
#include "app/whistle.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/financing.h"
#include "model/codes.h"
#include "model/inspection_plan.h"
#include "model/pool.h"
#include "model/talent.h"
#include "model/visit.h"
#include "model/warning.h"
#include "store/appeal_store.h"
#include "store/card_store.h"
#include "store/financing_store.h"
#include "store/inspection_store.h"
#include "store/outreach_store.h"
#include "store/pool_store.h"
#include "store/staff_store.h"
#include "store/talent_store.h"
#include "store/visit_store.h"
#include "store/warning_store.h"
#include "store/whistle_store.h"

/* records of each kind shown; the commands list them all */
enum { SHOWN = 10, MAX_PERIODS = 50 };

/* "the latest N are shown; COMMAND lists them all" */
static void more_note(const app_ent_sink *s, int shown, const char *command)
{
	char *t = xasprintf(_("the latest %d are shown; %s lists them all"), shown, command);
	s->note(s->arg, t);
	xfree(&t);
}

static void store_note(const app_ent_sink *s, const store_err *se)
{
	strbuf err = STRBUF_INIT;
	s->note(s->arg, app_store_text(se, &err));
	sb_free(&err);
}

/* the service contact card's latest delivery (card deliver, or handed on a visit) */
static void card_line(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	qdate on;
	char *by = NULL, day[11];
	bool on_visit;
	store_err se = { 0 };
	int got = card_store_latest(app_db(ctx), e->id, &on, &by, &on_visit, &se);
	if (got < 0) {
		store_note(s, &se);
		return;
	}
	char *t = got == 0 ? xstrdup(_("not delivered"))
		: on_visit ? xasprintf(_("handed over %s on a visit by %s"), date_format(on, day), by)
		: xasprintf(_("delivered %s by %s"), date_format(on, day), by);
	s->field(s->arg, _("Card"), t);
	free(t);
	free(by);
}

static void visits(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	s->section(s->arg, "visits", _("Visits"));
	card_line(ctx, e, s);
	visit_filter f = { 0 };
	f.enterprise_id = e->id;
	visit_rec v[SHOWN + 1];
	int n = 0;
	store_err se = { 0 };
	memset(v, 0, sizeof v);
	if (visit_store_list(app_db(ctx), &f, 0, SHOWN + 1, v, &n, &se) < 0)
		store_note(s, &se);
	else if (n == 0)
		s->note(s->arg, _("none recorded"));
	for (int i = 0; i < n && i < SHOWN; i++) {
		char day[11], id[24], problems[16];
		strbuf b = STRBUF_INIT;
		sb_addf(&b, _("%s %s (%s): %s"), date_format(v[i].date, day), v[i].unit, v[i].people,
		        v[i].topics);
		if (v[i].card_handed)
			sb_add(&b, _("; contact card handed over"));
		if (v[i].nproblems)
			sb_addf(&b, P_("; %d problem found", "; %d problems found",
			               (unsigned long)v[i].nproblems), v[i].nproblems);
		snprintf(id, sizeof id, "%" PRId64, v[i].id);
		snprintf(problems, sizeof problems, "%d", v[i].nproblems);
		const app_kv kv[] = { { "id", id }, { "date", day }, { "unit", v[i].unit },
			{ "people", v[i].people }, { "topics", v[i].topics },
			{ "card_handed", v[i].card_handed ? "yes" : "no" }, { "problems", problems } };
		s->item(s->arg, 0, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
		sb_free(&b);
	}
	if (n > SHOWN)
		more_note(s, SHOWN, "qifu visit list");
	for (int i = 0; i < n; i++)
		visit_rec_clear(&v[i]);
}

/* the problems e raised at event id, as steps of the event's line */
static void raised(app_ctx *ctx, int64_t id, const ent_record *e, const app_ent_sink *s)
{
	outreach_rec r;
	store_err se = { 0 };
	int found = outreach_store_get(app_db(ctx), id, &r, &se);
	if (found < 0)
		store_note(s, &se);
	if (found != 0)
		return;
	for (int i = 0; i < r.nproblems; i++) {
		const outreach_problem *p = &r.problems[i];
		if (p->enterprise_id != e->id)
			continue;
		char seq[16];
		snprintf(seq, sizeof seq, "%d", p->seq);
		char *t = p->appeal_number
			? xasprintf(_("problem %d: %s (appeal %s)"), p->seq, p->text, p->appeal_number)
			: xasprintf(_("problem %d: %s"), p->seq, p->text);
		const app_kv kv[] = { { "seq", seq }, { "text", p->text },
			{ "appeal", p->appeal_number ? p->appeal_number : "" } };
		s->item(s->arg, 1, t, kv, (int)(sizeof kv / sizeof kv[0]));
		free(t);
	}
	outreach_rec_clear(&r);
}

/* the outreach events e attended, newest first, each with the problems it raised */
static void outreach(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	s->section(s->arg, "outreach", _("Outreach events attended"));
	outreach_filter f = { 0 };
	f.enterprise_id = e->id;
	outreach_rec v[SHOWN + 1];
	int n = 0;
	store_err se = { 0 };
	memset(v, 0, sizeof v);
	if (outreach_store_list(app_db(ctx), &f, 0, SHOWN + 1, v, &n, &se) < 0)
		store_note(s, &se);
	else if (n == 0)
		s->note(s->arg, _("none recorded"));
	const code_table *kinds = app_outreach_kinds(ctx);
	for (int i = 0; i < n && i < SHOWN; i++) {
		char day[11], id[24];
		char *t = xasprintf(_("%s %s by %s at %s: %s"), date_format(v[i].date, day),
		                    codes_name(kinds, v[i].kind), v[i].unit, v[i].place,
		                    v[i].topic);
		snprintf(id, sizeof id, "%" PRId64, v[i].id);
		const app_kv kv[] = { { "id", id }, { "date", day }, { "kind", v[i].kind },
			{ "unit", v[i].unit }, { "place", v[i].place }, { "topic", v[i].topic } };
		s->item(s->arg, 0, t, kv, (int)(sizeof kv / sizeof kv[0]));
		free(t);
		if (v[i].nproblems)
			raised(ctx, v[i].id, e, s);
	}
	if (n > SHOWN)
		more_note(s, SHOWN, "qifu outreach list");
	for (int i = 0; i < n; i++)
		outreach_rec_clear(&v[i]);
}

/* the whistles e blew (企业吹哨), newest first: when, how and what, the commissioner
 * who must report in and where it stands (waiting with its light, overdue, reported,
 * reported late), the appeal it became; what was done under it once reported in. The
 * words and the codes are the whistle list's cells (app_whistle_cell). */
static void whistles(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	static const int cols[] = { WH_COL_ID, WH_COL_CALLED_ON, WH_COL_VIA, WH_COL_CALLER,
		WH_COL_TEXT, WH_COL_COMMISSIONER, WH_COL_UNIT, WH_COL_DUE, WH_COL_STATE, WH_COL_REPORTED_ON,
		WH_COL_APPEAL };
	enum { NCOLS = sizeof cols / sizeof cols[0] };
	s->section(s->arg, "whistles", _("Whistles"));
	whistle_filter f = { 0 };
	f.enterprise_id = e->id;
	whistle_rec v[SHOWN + 1];
	int n = 0;
	store_err se = { 0 };
	memset(v, 0, sizeof v);
	if (whistle_store_list(app_db(ctx), &f, 0, SHOWN + 1, v, &n, &se) < 0)
		store_note(s, &se);
	else if (n == 0)
		s->note(s->arg, _("none recorded"));
	for (int i = 0; i < n && i < SHOWN; i++) {
		strbuf code[NCOLS], word[WH_COL__COUNT];
		app_kv kv[NCOLS];
		for (int c = 0; c < NCOLS; c++) {
			code[c] = (strbuf)STRBUF_INIT;
			sb_add(&code[c], "");
			app_whistle_cell(ctx, &v[i], cols[c], CELL_CODE, &code[c]);
			kv[c] = (app_kv){ app_whistle_columns[cols[c]].key, sb_str(&code[c]) };
		}
		for (int c = 0; c < WH_COL__COUNT; c++) {
			word[c] = (strbuf)STRBUF_INIT;
			sb_add(&word[c], "");
			app_whistle_cell(ctx, &v[i], c, CELL_WORDS, &word[c]);
		}
		strbuf t = STRBUF_INIT;
		sb_addf(&t, _("%s %s, %s: %s; commissioner %s (%s): %s"),
		        sb_str(&word[WH_COL_CALLED_ON]), sb_str(&word[WH_COL_VIA]),
		        sb_str(&word[WH_COL_CALLER]), sb_str(&word[WH_COL_TEXT]),
		        sb_str(&word[WH_COL_COMMISSIONER]), sb_str(&word[WH_COL_UNIT]),
		        sb_str(&word[WH_COL_STATE]));
		if (v[i].appeal_number && *v[i].appeal_number)
			sb_addf(&t, _(" (appeal %s)"), v[i].appeal_number);
		s->item(s->arg, 0, sb_str(&t), kv, NCOLS);
		if (v[i].reported_on != DATE_NONE) {
			sb_reset(&t);
			sb_addf(&t, _("reported in %s: %s"), sb_str(&word[WH_COL_REPORTED_ON]),
			        sb_str(&word[WH_COL_REPORT]));
			const app_kv rkv[] = { { "reported_on", sb_str(&word[WH_COL_REPORTED_ON]) },
				{ "report", sb_str(&word[WH_COL_REPORT]) } };
			s->item(s->arg, 1, sb_str(&t), rkv, (int)(sizeof rkv / sizeof rkv[0]));
		}
		sb_free(&t);
		for (int c = 0; c < NCOLS; c++)
			sb_free(&code[c]);
		for (int c = 0; c < WH_COL__COUNT; c++)
			sb_free(&word[c]);
	}
	if (n > SHOWN)
		more_note(s, SHOWN, "qifu whistle list");
	for (int i = 0; i < n; i++)
		whistle_rec_clear(&v[i]);
}

/* the enterprise's school–enterprise programmes and its talents' service requests */
static void talent(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	s->section(s->arg, "talent", _("Talent services"));
	talent_programme p[SHOWN + 1];
	talent_request r[SHOWN + 1];
	int np = 0, nr = 0;
	store_err se = { 0 };
	memset(p, 0, sizeof p);
	memset(r, 0, sizeof r);
	talent_filter f = { e->id, NULL, NULL, -1, NULL };
	talent_prog_filter pf = { e->id, NULL };
	if (talent_store_programmes(app_db(ctx), &pf, 0, SHOWN + 1, p, &np, &se) < 0 ||
	    talent_store_list(app_db(ctx), &f, 0, SHOWN + 1, r, &nr, &se) < 0)
		store_note(s, &se);
	else if (np + nr == 0)
		s->note(s->arg, _("none recorded"));
	for (int i = 0; i < np && i < SHOWN; i++) {
		char id[24], start[11], end[11] = "", places[16];
		snprintf(id, sizeof id, "%" PRId64, p[i].id);
		snprintf(places, sizeof places, "%d", p[i].places);
		date_format(p[i].start, start);
		if (p[i].end != DATE_NONE)
			date_format(p[i].end, end);
		char *t = xasprintf(_("%s %s with %s: %d places from %s%s%s"),
		                    _(talent_prog_label(p[i].kind)), p[i].name, p[i].school,
		                    p[i].places, start, *end ? _(" to ") : "", end);
		const app_kv kv[] = { { "id", id }, { "record", "programme" },
			{ "kind", talent_prog_code(p[i].kind) }, { "school", p[i].school },
			{ "programme", p[i].name }, { "places", places }, { "start", start },
			{ "end", end } };
		s->item(s->arg, 0, t, kv, (int)(sizeof kv / sizeof kv[0]));
		free(t);
	}
	const code_table *kinds = app_talent_kinds(ctx);
	for (int i = 0; i < nr && i < SHOWN; i++) {
		char id[24];
		snprintf(id, sizeof id, "%" PRId64, r[i].id);
		strbuf b = STRBUF_INIT;
		sb_addf(&b, _("%s for %s, %s: %s"), codes_name(kinds, r[i].kind), r[i].person,
		        r[i].unit, _(talent_state_label(r[i].state)));
		if (r[i].appeal_number)
			sb_addf(&b, _(" (appeal %s)"), r[i].appeal_number);
		const app_kv kv[] = { { "id", id }, { "record", "request" }, { "kind", r[i].kind },
			{ "person", r[i].person }, { "unit", r[i].unit },
			{ "state", talent_state_code(r[i].state) },
			{ "appeal", r[i].appeal_number ? r[i].appeal_number : "" } };
		s->item(s->arg, 0, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
		sb_free(&b);
	}
	if (np > SHOWN || nr > SHOWN)
		more_note(s, SHOWN, "qifu talent list");
	for (int i = 0; i < np; i++)
		talent_programme_clear(&p[i]);
	for (int i = 0; i < nr; i++)
		talent_request_clear(&r[i]);
}

/* need's steps after it: each change, oldest first; a need that never moved says it
 * all in its own line */
static void need_history(app_ctx *ctx, const fin_rec *need, const app_ent_sink *s)
{
	fin_step *v = NULL;
	int n = 0;
	store_err se = { 0 };
	if (fin_store_history(app_db(ctx), need->id, &v, &n, &se) < 0) {
		store_note(s, &se);
		n = 0;
	}
	strbuf b = STRBUF_INIT;
	for (int i = 0; n > 1 && i < n; i++) {
		char funded[32] = "";
		if (v[i].funded_fen)
			fin_amount_yuan(v[i].funded_fen, funded);
		sb_reset(&b);
		app_fin_step_text(&v[i], &b);
		const app_kv kv[] = { { "at", v[i].at }, { "by", v[i].by },
			{ "from", v[i].from < 0 ? "" : fin_status_code((fin_status)v[i].from) },
			{ "status", fin_status_code(v[i].to) }, { "institution", v[i].institution },
			{ "funded_yuan", funded }, { "note", v[i].note } };
		s->item(s->arg, 1, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
	}
	for (int i = 0; i < n; i++)
		fin_step_clear(&v[i]);
	free(v);
	sb_free(&b);
}

static void financing(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	s->section(s->arg, "financing", _("Financing needs"));
	fin_filter f = { 0 };
	f.enterprise_id = e->id;
	f.status = -1;
	fin_rec v[SHOWN + 1];
	int n = 0;
	store_err se = { 0 };
	memset(v, 0, sizeof v);
	if (fin_store_list(app_db(ctx), &f, 0, SHOWN + 1, v, &n, &se) < 0)
		store_note(s, &se);
	else if (n == 0)
		s->note(s->arg, _("none recorded"));
	for (int i = 0; i < n && i < SHOWN; i++) {
		char id[24], amount[32], funded[32] = "";
		strbuf b = STRBUF_INIT;
		sb_addf(&b, _("No. %" PRId64 " "), v[i].id);
		app_fin_need_text(&v[i], &b);
		snprintf(id, sizeof id, "%" PRId64, v[i].id);
		if (v[i].funded_fen)
			fin_amount_yuan(v[i].funded_fen, funded);
		const app_kv kv[] = { { "id", id }, { "created_at", v[i].created_at },
			{ "amount_yuan", fin_amount_yuan(v[i].amount_fen, amount) },
			{ "purpose", v[i].purpose }, { "status", fin_status_code(v[i].status) },
			{ "institution", v[i].institution }, { "funded_yuan", funded } };
		s->item(s->arg, 0, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
		sb_free(&b);
		need_history(ctx, &v[i], s);
	}
	if (n > SHOWN)
		more_note(s, SHOWN, "qifu financing list");
	for (int i = 0; i < n; i++)
		fin_rec_clear(&v[i]);
}

static void pools(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	s->section(s->arg, "pools", _("Cultivation pools"));
	const pool_table *t = app_pools(ctx);
	pool_period *v = xcalloc(MAX_PERIODS, sizeof *v);
	int n = 0;
	strbuf now = STRBUF_INIT;
	store_err se = { 0 };
	if (pool_store_history(app_db(ctx), e->id, 0, MAX_PERIODS, v, &n, &se) < 0) {
		store_note(s, &se);
		n = 0;
	}
	for (int i = 0; i < n; i++)
		if (v[i].left_on == DATE_NONE) {
			char day[11];
			if (now.len)
				sb_add(&now, _(", "));
			sb_addf(&now, _("%s since %s"), pools_name(t, v[i].pool),
			        date_format(v[i].entered_on, day));
		}
	s->field(s->arg, _("Now"), now.len ? sb_str(&now) : _("in no pool"));
	for (int i = 0; i < n; i++) {
		char in[11], out[11] = "";
		strbuf b = STRBUF_INIT;
		date_format(v[i].entered_on, in);
		if (v[i].left_on == DATE_NONE) {
			sb_addf(&b, _("%s: entered %s"), pools_name(t, v[i].pool), in);
		} else {
			date_format(v[i].left_on, out);
			sb_addf(&b, _("%s: entered %s, left %s"), pools_name(t, v[i].pool), in, out);
		}
		if (*v[i].reason_in)
			sb_addf(&b, _("; in because %s"), v[i].reason_in);
		if (v[i].reason_out && *v[i].reason_out)
			sb_addf(&b, _("; out because %s"), v[i].reason_out);
		const app_kv kv[] = { { "pool", v[i].pool }, { "entered_on", in }, { "left_on", out },
			{ "reason_in", v[i].reason_in },
			{ "reason_out", v[i].reason_out ? v[i].reason_out : "" } };
		s->item(s->arg, 0, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
		sb_free(&b);
	}
	if (n == MAX_PERIODS)
		more_note(s, MAX_PERIODS, "qifu pool history");
	for (int i = 0; i < n; i++)
		pool_period_clear(&v[i]);
	xfree(&v);
	sb_free(&now);
}

static void warnings(app_ctx *ctx, const ent_record *e, const app_ent_sink *s)
{
	s->section(s->arg, "warnings", _("Relocation warnings"));
	warn_filter f = { 0 };
	f.enterprise_id = e->id;
	warn_rec v[SHOWN + 1];
	int n = 0;
	store_err se = { 0 };
	memset(v, 0, sizeof v);
	if (warn_store_list(app_db(ctx), &f, 0, SHOWN + 1, v, &n, &se) < 0)
		store_note(s, &se);
	else if (n == 0)
		s->note(s->arg, _("none recorded"));
	for (int i = 0; i < n && i < SHOWN; i++) {
		char opened[11], closed[11] = "", id[24];
		strbuf b = STRBUF_INIT;
		sb_addf(&b, _("%s %s, %s: %s"), date_format(v[i].opened_on, opened),
		        _(warn_source_label(v[i].source)), _(warn_level_label(v[i].level)), v[i].signal);
		if (v[i].latest && *v[i].latest)
			sb_addf(&b, _("; latest response: %s"), v[i].latest);
		if (v[i].closed_on == DATE_NONE)
			sb_add(&b, _(" (open)"));
		else
			sb_addf(&b, _(" (closed %s)"), date_format(v[i].closed_on, closed));
		snprintf(id, sizeof id, "%" PRId64, v[i].id);
		const app_kv kv[] = { { "id", id }, { "opened_on", opened },
			{ "source", warn_source_code(v[i].source) }, { "level", warn_level_code(v[i].level) },
			{ "signal", v[i].signal }, { "latest", v[i].latest ? v[i].latest : "" },
			{ "closed_on", closed } };
		s->item(s->arg, 0, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
		sb_free(&b);
	}
	if (n > SHOWN)
		more_note(s, SHOWN, "qifu warning list");
	for (int i = 0; i < n; i++)
		warn_rec_clear(&v[i]);
}

/* "2026-12-10 区应急局, 一般性检查: 已批准, plan code JC26-000052-1", then the outcome,
 * an override and the evaluation where the actor may read it */
static void plan_item(app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t,
                      const app_ent_sink *s)
{
	char day[11], id[24];
	strbuf b = STRBUF_INIT;
	sb_addf(&b, _("%s %s, %s: %s"), date_format(r->date, day), r->unit,
	        inspection_reason_name(t, r->reason), _(inspection_plan_state_label(r->state)));
	if (r->code)
		sb_addf(&b, _(", plan code %s"), r->code);
	if (r->has_outcome)
		sb_addf(&b, _("; %s"), _(inspection_plan_outcome_label(r->outcome)));
	if (r->override_reason)
		sb_addf(&b, _("; let through by a supervisor's override: %s"), r->override_reason);
	bool visible = ctx->actor && inspection_eval_visible(ctx->actor, r);
	for (int i = 0; i < r->nevals; i++) {
		if (!visible) {
			sb_addf(&b, _("; evaluation hidden from the inspected unit"));
			break;
		}
		sb_addf(&b, _("; evaluated %d/5"), r->evals[i].score);
		if (*r->evals[i].comment)
			sb_addf(&b, " %s", r->evals[i].comment);
	}
	snprintf(id, sizeof id, "%" PRId64, r->id);
	const app_kv kv[] = { { "id", id }, { "date", day }, { "unit", r->unit },
		{ "reason", r->reason }, { "state", inspection_plan_state_code(r->state) },
		{ "code", r->code ? r->code : "" } };
	s->item(s->arg, 0, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
	sb_free(&b);
}

static void plans(app_ctx *ctx, int64_t id, const inspection_reason_table *t,
                  const app_ent_sink *s)
{
	db *dbh = app_db(ctx);
	inspection_filter f = { .enterprise_id = id, .from = DATE_NONE, .to = DATE_NONE };
	app_inspection_scope(ctx, &f);
	store_err se = { 0 };
	long n = 0;
	s->section(s->arg, "inspections", _("Inspection plans"));
	if (inspection_store_count(dbh, &f, &n, &se) < 0) {
		store_note(s, &se);
		return;
	}
	if (n == 0) {
		s->note(s->arg, _("none registered"));
		return;
	}
	/* the list runs by date: the latest plans are its end, read back from there by key
	 * and shown newest first */
	int want = n < SHOWN ? (int)n : SHOWN, got = 0;
	inspection_record *v = xcalloc((size_t)want, sizeof *v);
	if (inspection_store_window_from(dbh, &f, NULL, true, want, v, &got, &se) < 0)
		store_note(s, &se);
	for (int i = got - 1; i >= 0; i--)
		plan_item(ctx, &v[i], t, s);
	for (int i = 0; i < got; i++)
		inspection_record_clear(&v[i]);
	free(v);
	if (n > want)
		more_note(s, want, "qifu inspect list");
}

static int newest_first(const void *a, const void *b)
{
	const inspection_refusal *x = *(const inspection_refusal *const *)a;
	const inspection_refusal *y = *(const inspection_refusal *const *)b;
	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

/* The store lists the zone's refused entries by unit; one enterprise's few are picked
 * out here rather than in a second query of the same table. */
static void refusals(app_ctx *ctx, int64_t id, const char *area, const app_ent_sink *s)
{
	inspection_refusal *v = NULL;
	int n = 0, shown = 0;
	store_err se = { 0 };
	s->section(s->arg, "refusals", _("Entries refused without a registered plan"));
	if (inspection_store_refusals(app_db(ctx), DATE_NONE, DATE_NONE, &v, &n, &se) < 0) {
		store_note(s, &se);
		return;
	}
	const inspection_refusal **mine = n ? xcalloc((size_t)n, sizeof *mine) : NULL;
	for (int i = 0; i < n; i++)
		if (v[i].enterprise_id == id && app_inspection_sees(ctx, v[i].unit, area))
			mine[shown++] = &v[i];
	if (shown)
		qsort(mine, (size_t)shown, sizeof *mine, newest_first);
	for (int i = 0; i < shown; i++) {
		char day[11];
		const inspection_refusal *r = mine[i];
		date_format(r->date, day);
		char *line = *r->note ? xasprintf(_("%s %s: %s (%s)"), day, r->unit, r->people, r->note)
		                      : xasprintf(_("%s %s: %s"), day, r->unit, r->people);
		const app_kv kv[] = { { "date", day }, { "unit", r->unit }, { "people", r->people },
			{ "note", r->note } };
		s->item(s->arg, 0, line, kv, (int)(sizeof kv / sizeof kv[0]));
		xfree(&line);
	}
	free(mine);
	for (int i = 0; i < n; i++)
		inspection_refusal_clear(&v[i]);
	free(v);
	if (!shown)
		s->note(s->arg, _("none registered"));
}

/* the enterprise's appeals through the same filter and light text as the Appeals tab,
 * so that both say the same about an appeal */
static void appeals(app_ctx *ctx, const ent_record *e, long open_appeals, const app_ent_sink *s)
{
	s->section(s->arg, "appeals", _("Appeals"));
	/* the count the register keeps with the enterprise (appeal triggers) */
	char *open = xasprintf("%ld", open_appeals);
	s->field(s->arg, _("Open appeals"), open);
	xfree(&open);
	appeal_filter f;
	app_appeal_filter(ctx, &f);
	f.enterprise = e->uscc;
	appeal_row rows[SHOWN];
	int n = 0;
	long total = 0;
	store_err se = { 0 };
	if (appeal_store_count(app_db(ctx), &f, &total, &se) < 0 ||
	    appeal_store_window(app_db(ctx), &f, APPEAL_SORT_NUMBER, true, 0, SHOWN, rows, &n,
	                        &se) < 0) {
		store_note(s, &se);
		return;
	}
	ticket_params tp = app_ticket_params(ctx);
	for (int i = 0; i < n; i++) {
		char due[11] = "";
		strbuf b = STRBUF_INIT;
		sb_addf(&b, "%s  %s  %s", rows[i].number, rows[i].title,
		        _(ticket_state_label(rows[i].state)));
		if (rows[i].next_due != DATE_NONE) {
			int days;
			ticket_light_t l = ticket_light(rows[i].next_due, ctx->today, app_calendar(ctx),
			                                tp.yellow_days, &days);
			sb_add(&b, "  ");
			app_light_text(l, days, &b);
			date_format(rows[i].next_due, due);
		}
		const app_kv kv[] = { { "number", rows[i].number }, { "title", rows[i].title },
			{ "state", ticket_state_code(rows[i].state) }, { "next_due", due } };
		s->item(s->arg, 0, sb_str(&b), kv, (int)(sizeof kv / sizeof kv[0]));
		sb_free(&b);
		appeal_row_clear(&rows[i]);
	}
	if (total == 0) {
		s->note(s->arg, _("No appeals from this enterprise."));
	} else if (total > n) {
		char *more = xasprintf(P_("and %ld more in the Appeals tab",
		                          "and %ld more in the Appeals tab", (unsigned long)(total - n)),
		                       total - n);
		s->note(s->arg, more);
		xfree(&more);
	}
}

void app_ent_records(app_ctx *ctx, const ent_record *e, long open_appeals,
                     const app_ent_sink *s)
{
	visits(ctx, e, s);
	outreach(ctx, e, s);
	talent(ctx, e, s);
	whistles(ctx, e, s);
	financing(ctx, e, s);
	pools(ctx, e, s);
	warnings(ctx, e, s);
	strbuf err = STRBUF_INIT;
	/* without the table the codes stand in for the names: still true, less friendly */
	inspection_reason_table *t = app_inspection_reasons(&err);
	sb_free(&err);
	plans(ctx, e->id, t, s);
	refusals(ctx, e->id, e->area, s);
	inspection_reason_table_free(&t);
	appeals(ctx, e, open_appeals, s);
}
