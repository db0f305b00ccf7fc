/* Appeal moves and registration as one sequence shared by `qifu appeal` and the
 * Appeals pane, so that the two can never decide or write a move differently: the
 * rules (model/ticket.h) decide, the store writes under the version check. */
#include "app/appeal_move.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/store_text.h"
#include "app/whistle.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/codes.h"
#include "store/enterprise_store.h"
#include "store/project_store.h"
#include "store/outreach_store.h"
#include "store/staff_store.h"
#include "store/talent_store.h"
#include "store/visit_store.h"
#include "store/whistle_store.h"

/* the merge target as the actor may see it and as the rules accept it */
static appeal_move_rc check_merge(app_ctx *ctx, const appeal_record *src, const char *into,
		strbuf *err)
{
	appeal_record t;
	store_err se = { 0 };
	int found = appeal_store_get(app_db(ctx), into, false, &t, &se);
	if (found < 0) {
		app_store_text(&se, err);
		return APPEAL_MOVE_ERROR;
	}
	const char *scope = app_scope_area(ctx);
	/* an appeal outside an area officer's area is as good as absent to them */
	if (found > 0 || (scope && t.area && strcmp(scope, t.area) != 0) ||
	    !app_appeal_visible(ctx, &t)) {
		if (found == 0)
			appeal_record_clear(&t);
		sb_addf(err, _("no appeal %s"), into);
		return APPEAL_MOVE_REFUSED;
	}
	ticket_view sv = appeal_record_view(src), tv = appeal_record_view(&t);
	appeal_move_rc rc = ticket_merge_check(&sv, &tv, err) < 0 ? APPEAL_MOVE_REFUSED
		: APPEAL_MOVE_DONE;
	appeal_record_clear(&t);
	return rc;
}

appeal_move_rc appeal_move_make(app_ctx *ctx, const appeal_record *rec, ticket_action action,
		const ticket_input *in, ticket_move *m, ticket_timers *after, strbuf *err)
{
	*after = rec->timers;
	ticket_actor who = app_ticket_actor(ctx);
	ticket_view view = appeal_record_view(rec);
	if (!ticket_decide(&view, action, &who, m)) {
		ticket_refusal_text(&view, &who, m, err);
		return APPEAL_MOVE_REFUSED;
	}
	calendar *cal = app_calendar(ctx);
	/* a report told today by the one typing it needs neither said */
	ticket_input filled;
	if (in && (m->needs & TICKET_NEEDS_REPORT)) {
		filled = *in;
		if (filled.on == DATE_NONE)
			filled.on = ctx->today;
		if (!filled.by || !*filled.by)
			filled.by = app_actor(ctx)->name;
		in = &filled;
	}
	if (ticket_input_check(&view, &rec->timers, m, in, cal, ctx->today, err) < 0)
		return APPEAL_MOVE_BAD_INPUT;
	if (m->action == TICKET_ACT_MERGE) {
		appeal_move_rc rc = check_merge(ctx, rec, in->into, err);
		if (rc != APPEAL_MOVE_DONE)
			return rc;
	}
	ticket_params p = app_ticket_params(ctx);
	ticket_timers_apply(after, m, &view, in, &p, cal, ctx->today);
	store_err se = { 0 };
	int w = appeal_store_move(app_db(ctx), app_actor(ctx)->login, rec, m, in, after, &se);
	app_store_text(&se, err);
	return w < 0 ? APPEAL_MOVE_ERROR : w > 0 ? APPEAL_MOVE_REFUSED : APPEAL_MOVE_DONE;
}

/* the register write, with the link of the visit or event problem, talent request project item or
 * whistle it is made from in the same transaction (held: inside the caller's) */
static appeal_move_rc register_write(app_ctx *ctx, const appeal_new *a, bool held,
		char number[TICKET_NUMBER_SIZE], strbuf *err)
{
	db *d = app_db(ctx);
	const char *login = app_actor(ctx)->login;
	store_err se = { 0 };
	appeal_move_rc rc = APPEAL_MOVE_ERROR;
	if (held) {
		if (appeal_store_insert(d, login, a, number, &se) == 0)
			rc = APPEAL_MOVE_DONE;
		goto out;
	}
	if (!a->visit_problem_id && !a->project && !a->outreach_problem_id &&
	    !a->talent_request_id && !a->whistle_id) {
		if (appeal_store_create(d, login, a, number, &se) == 0)
			rc = APPEAL_MOVE_DONE;
		goto out;
	}
	if (db_begin(d, &se) < 0)
		goto out;
	int w = appeal_store_insert(d, login, a, number, &se);
	if (w == 0 && a->project)
		w = project_store_item_appeal_held(d, login, a->project, a->project_item, number,
		                                   &se);
	else if (w == 0 && a->whistle_id)
		w = whistle_store_link_appeal(d, login, a->whistle_id, number, &se);
	else if (w == 0)
		w = a->visit_problem_id
			? visit_store_link_appeal(d, a->visit_problem_id, number, &se)
			: a->outreach_problem_id
			? outreach_store_link_appeal(d, a->outreach_problem_id, number, &se)
			: talent_store_link_appeal(d, a->talent_request_id, number, &se);
	if (w != 0) {
		db_rollback(d);
		rc = w > 0 ? APPEAL_MOVE_REFUSED : APPEAL_MOVE_ERROR;
		goto out;
	}
	if (db_commit(d, &se) == 0)
		rc = APPEAL_MOVE_DONE;
out:
	app_store_text(&se, err);
	return rc;
}

/* appeal_move_register, in a transaction of its own or (held) the caller's */
static appeal_move_rc register_run(app_ctx *ctx, appeal_new *a, bool held,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	staff *me = app_actor(ctx);
	ticket_actor who = app_ticket_actor(ctx);
	ticket_timers_init(after);
	if (a->first_unit && !ticket_may_register_for(&who, a->first_unit)) {
		sb_addf(err, _("only members of %s, or the centre's front desk and supervisors, "
		               "may register an appeal for it"), a->first_unit);
		return APPEAL_MOVE_REFUSED;
	}
	/* decided as the first unit would register it, so that an appeal the centre takes
	 * in for another unit starts at that unit, not straight at dispatch */
	ticket_actor as = who;
	if (a->first_unit)
		as.unit = a->first_unit;
	ticket_view view = { NULL, a->uscc, TICKET_ST_NEW, a->kind, as.unit, NULL, NULL, 0 };
	ticket_move m;
	if (!ticket_decide(&view, TICKET_ACT_REGISTER, &as, &m)) {
		ticket_refusal_text(&view, &as, &m, err);
		return APPEAL_MOVE_REFUSED;
	}
	ticket_params p = app_ticket_params(ctx);
	ticket_timers_apply(after, &m, &view, NULL, &p, app_calendar(ctx), ctx->today);
	/* the caller defaults to the enterprise's contact */
	ent_record e = { 0 };
	if (ent_store_get(app_db(ctx), a->uscc, 0, &e, NULL) == 0)
		app_appeal_caller(a->caller_name, a->caller_phone, e.contact, e.phone,
		                  &a->caller_name, &a->caller_phone);
	a->first_unit = as.unit;
	a->first_person = me->id;
	a->state = m.to;
	a->timers = after;
	appeal_move_rc rc = register_write(ctx, a, held, number, err);
	ent_record_clear(&e);
	a->caller_name = a->caller_phone = NULL; /* they pointed into e */
	return rc;
}

appeal_move_rc appeal_move_register(app_ctx *ctx, appeal_new *a,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	return register_run(ctx, a, false, number, after, err);
}

appeal_move_rc appeal_move_register_held(app_ctx *ctx, appeal_new *a,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	return register_run(ctx, a, true, number, after, err);
}

/* register a (made from a problem: its enterprise, unit, channel and link set) with
 * the problem's text as title; BAD_INPUT, err untouched, when the text makes none */
static appeal_move_rc register_problem(app_ctx *ctx, appeal_new *a, const char *text,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	char *title = appeal_title_of(text, APPEAL_MOVE_TITLE_MAX);
	appeal_move_rc rc = APPEAL_MOVE_BAD_INPUT;
	if (*title) {
		a->title = title;
		rc = appeal_move_register(ctx, a, number, after, err);
	}
	free(title);
	return rc;
}

appeal_move_rc appeal_move_from_visit(app_ctx *ctx, int64_t visit_id, int seq, ticket_kind kind,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	visit_rec v;
	store_err se = { 0 };
	int found = visit_store_get(app_db(ctx), visit_id, &v, &se);
	if (found < 0) {
		app_store_text(&se, err);
		return APPEAL_MOVE_ERROR;
	}
	const char *scope = app_scope_area(ctx);
	/* a visit outside an area officer's area is as good as absent to them */
	if (found > 0 || (scope && v.area && strcmp(scope, v.area) != 0)) {
		if (found == 0)
			visit_rec_clear(&v);
		sb_addf(err, _("no visit %" PRId64), visit_id);
		return APPEAL_MOVE_BAD_INPUT;
	}
	appeal_move_rc rc = APPEAL_MOVE_BAD_INPUT;
	if (seq < 1 || seq > v.nproblems) {
		if (v.nproblems == 0)
			sb_addf(err, _("visit %" PRId64 " recorded no problems"), visit_id);
		else
			sb_addf(err, _("visit %" PRId64 " has problems 1 to %d, not %d"), visit_id,
			        v.nproblems, seq);
		goto out;
	}
	const visit_problem *p = &v.problems[seq - 1];
	if (p->appeal_id) {
		sb_addf(err, _("problem %d of visit %" PRId64 " already became appeal %s"), seq,
		        visit_id, p->appeal_number ? p->appeal_number : "?");
		rc = APPEAL_MOVE_REFUSED;
		goto out;
	}
	appeal_new a = { .uscc = v.uscc, .kind = kind, .channel = APPEAL_CH_VISIT,
		.first_unit = v.unit, .state = TICKET_ST_NEW, .visit_problem_id = p->id };
	rc = register_problem(ctx, &a, p->text, number, after, err);
	if (rc == APPEAL_MOVE_BAD_INPUT)
		sb_addf(err, _("problem %d of visit %" PRId64 " has no text to make a title of"), seq,
		        visit_id);
out:
	visit_rec_clear(&v);
	return rc;
}

appeal_move_rc appeal_move_from_outreach(app_ctx *ctx, int64_t event_id, int seq,
		ticket_kind kind, char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	outreach_rec r;
	store_err se = { 0 };
	int found = outreach_store_get(app_db(ctx), event_id, &r, &se);
	if (found < 0) {
		app_store_text(&se, err);
		return APPEAL_MOVE_ERROR;
	}
	if (found > 0) {
		sb_addf(err, _("no outreach event %" PRId64), event_id);
		return APPEAL_MOVE_BAD_INPUT;
	}
	appeal_move_rc rc = APPEAL_MOVE_BAD_INPUT;
	const char *scope = app_scope_area(ctx);
	const outreach_problem *p = seq >= 1 && seq <= r.nproblems ? &r.problems[seq - 1] : NULL;
	/* a problem of an enterprise outside an area officer's area is as good as absent */
	if (p && scope && p->area && strcmp(scope, p->area) != 0)
		p = NULL;
	if (!p) {
		if (r.nproblems == 0)
			sb_addf(err, _("outreach event %" PRId64 " recorded no problems"), event_id);
		else
			sb_addf(err, _("outreach event %" PRId64 " has problems 1 to %d, not %d"),
			        event_id, r.nproblems, seq);
		goto out;
	}
	if (p->appeal_id) {
		sb_addf(err, _("problem %d of outreach event %" PRId64 " already became appeal %s"),
		        seq, event_id, p->appeal_number ? p->appeal_number : "?");
		rc = APPEAL_MOVE_REFUSED;
		goto out;
	}
	/* 首问负责: the unit that held the event answers for what was raised there */
	appeal_new a = { .uscc = p->uscc, .kind = kind, .channel = APPEAL_CH_MEETING,
		.first_unit = r.unit, .state = TICKET_ST_NEW, .outreach_problem_id = p->id };
	rc = register_problem(ctx, &a, p->text, number, after, err);
	if (rc == APPEAL_MOVE_BAD_INPUT)
		sb_addf(err, _("problem %d of outreach event %" PRId64 " has no text to make a "
		               "title of"), seq, event_id);
out:
	outreach_rec_clear(&r);
	return rc;
}

appeal_move_rc appeal_move_from_talent(app_ctx *ctx, int64_t id, ticket_kind kind,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	talent_request r;
	store_err se = { 0 };
	int found = talent_store_get(app_db(ctx), id, &r, &se);
	if (found < 0) {
		app_store_text(&se, err);
		return APPEAL_MOVE_ERROR;
	}
	const char *scope = app_scope_area(ctx);
	/* a request outside an area officer's area is as good as absent to them */
	if (found > 0 || (scope && r.area && strcmp(scope, r.area) != 0)) {
		if (found == 0)
			talent_request_clear(&r);
		sb_addf(err, _("no talent service request %" PRId64), id);
		return APPEAL_MOVE_BAD_INPUT;
	}
	appeal_move_rc rc = APPEAL_MOVE_REFUSED;
	if (r.appeal_id) {
		sb_addf(err, _("talent service request %" PRId64 " already became appeal %s"), id,
		        r.appeal_number ? r.appeal_number : "?");
		goto out;
	}
	/* the title names the service and the talent; the detail is the description */
	const code_table *kinds = app_talent_kinds(ctx);
	char *title = xasprintf("%s：%s", codes_name(kinds, r.kind), r.person);
	appeal_new a = { .uscc = r.uscc, .kind = kind, .channel = APPEAL_CH_ONLINE,
		.first_unit = r.unit, .state = TICKET_ST_NEW, .talent_request_id = r.id,
		.description = r.detail && *r.detail ? r.detail : NULL };
	rc = register_problem(ctx, &a, title, number, after, err);
	free(title);
out:
	talent_request_clear(&r);
	return rc;
}

appeal_move_rc appeal_move_from_whistle(app_ctx *ctx, int64_t whistle_id, ticket_kind kind,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	whistle_rec w;
	int found = app_whistle_get(ctx, whistle_id, &w, err);
	if (found != 0)
		return found > 0 ? APPEAL_MOVE_BAD_INPUT : APPEAL_MOVE_ERROR;
	appeal_move_rc rc = APPEAL_MOVE_REFUSED;
	if (w.appeal_id) {
		sb_addf(err, _("whistle %lld already became appeal %s"), (long long)whistle_id,
		        w.appeal_number ? w.appeal_number : "?");
		goto out;
	}
	char *title = appeal_title_of(w.text, APPEAL_MOVE_TITLE_MAX);
	if (!*title) {
		sb_addf(err, _("whistle %" PRId64 " has no text to make a title of"), whistle_id);
		rc = APPEAL_MOVE_BAD_INPUT;
	} else {
		/* the caller is who blew the whistle; the phone, the enterprise's contact's
		 * when the caller is that contact (app_appeal_caller) */
		appeal_new a = { .uscc = w.uscc, .title = title, .description = w.text,
			.kind = kind, .channel = whistle_via_channel(w.via), .first_unit = w.unit,
			.state = TICKET_ST_NEW, .whistle_id = w.id, .caller_name = w.caller };
		rc = appeal_move_register(ctx, &a, number, after, err);
	}
	free(title);
out:
	whistle_rec_clear(&w);
	return rc;
}
