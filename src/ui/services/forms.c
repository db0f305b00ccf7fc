/* The Services pane's forms. In the events list F2 records an event (its kind and
 * organising unit picked by their Chinese names); in an event F2 records a problem an
 * attending enterprise raised and, when asked, makes it an appeal in the same action
 * (the organising unit first responsible, as qifu outreach problem --appeal does), E
 * records who attended, enterprises picked by Chinese, pinyin or credit code; in the
 * talent list m moves the request under the cursor; in the programme list F2 records a
 * school–enterprise programme (the enterprise picked as for a request) and E changes
 * the one under the cursor. What is valid, who may and the
 * writes are src/app's (app/outreach.h, app/talent.h, app/appeal_move.h). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/appeal_move.h"
#include "app/outreach.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "app/talent.h"
#include "model/codes.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "model/ticket.h"
#include "ui/services/private.h"

enum { F_WHO, F_TEXT, F_APPEAL, F_KIND };
enum { F_EV_KIND, F_EV_DATE, F_EV_PLACE, F_EV_UNIT, F_EV_TOPIC, F_EV_POLICIES };
enum { F_MV_STATE, F_MV_NOTE };
enum { F_RQ_ENT, F_RQ_KIND, F_RQ_PERSON, F_RQ_UNIT, F_RQ_DETAIL };
enum { F_PG_ENT, F_PG_KIND, F_PG_SCHOOL, F_PG_NAME, F_PG_PLACES, F_PG_START, F_PG_END };

static void start(svc_pane *p, form *f, svc_form purpose)
{
	p->form = f;
	p->purpose = purpose;
	p->mode = SVC_FORM;
}

void services_form_problem(svc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_OUTREACH_EDIT, NULL))
		return;
	outreach_rec r = { 0 };
	strbuf err = STRBUF_INIT;
	if (app_outreach_get(shell_ctx(p->sh), p->event_id, &r, &err) != 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_free(&err);
	if (r.nattendees == 0) {
		shell_message(p->sh, "%s", _("Record who attended first: a problem is raised by an "
		                             "enterprise that attended"));
		outreach_rec_clear(&r);
		return;
	}
	form *f = form_new(p->sh, _("A problem raised at the event"));
	form_option *who = xcalloc((size_t)r.nattendees, sizeof *who);
	for (int i = 0; i < r.nattendees; i++)
		who[i] = (form_option){ r.attendees[i].uscc, r.attendees[i].name };
	p->fld[F_WHO] = form_add_choice(f, _("Raised by"), who, r.nattendees, NULL, true);
	free(who);
	p->fld[F_TEXT] = form_add_lines(f, _("Problem raised"), "", OUTREACH_PROBLEM_MAX, 3, true);
	p->fld[F_APPEAL] = form_add_yesno(f, _("Make it an appeal now"), true);
	form_option kinds[TICKET_KIND__COUNT];
	for (int i = 0; i < TICKET_KIND__COUNT; i++)
		kinds[i] = (form_option){ ticket_kind_code((ticket_kind)i),
		                          _(ticket_kind_label((ticket_kind)i)) };
	p->fld[F_KIND] = form_add_choice(f, _("Appeal kind"), kinds, TICKET_KIND__COUNT,
	                                 ticket_kind_code(TICKET_KIND_GENERAL), true);
	outreach_rec_clear(&r);
	start(p, f, SVC_FORM_PROBLEM);
}

void services_form_attend(svc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_OUTREACH_EDIT, NULL))
		return;
	app_ctx *ctx = shell_ctx(p->sh);
	form *f = form_new(p->sh, _("Enterprises that attended"));
	p->fld[F_WHO] = form_add_enterprises(f, _("Attended"), app_db(ctx), app_scope_area(ctx),
	                                     true);
	start(p, f, SVC_FORM_ATTEND);
}

void services_form_event(svc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_OUTREACH_EDIT, NULL))
		return;
	app_ctx *ctx = shell_ctx(p->sh);
	form *f = form_new(p->sh, _("A new outreach event"));
	const code_table *kinds = app_outreach_kinds(ctx);
	form_option *o = xcalloc((size_t)kinds->n, sizeof *o);
	for (int i = 0; i < kinds->n; i++)
		o[i] = (form_option){ kinds->v[i].code, kinds->v[i].name };
	p->fld[F_EV_KIND] = form_add_choice(f, _("Event kind"), o, kinds->n, NULL, true);
	free(o);
	p->fld[F_EV_DATE] = form_add_date(f, _("Held on"), ctx->today, true);
	p->fld[F_EV_PLACE] = form_add_text(f, _("Place"), "", OUTREACH_PLACE_MAX, true);
	const unit_table *units = app_units(ctx);
	o = xcalloc((size_t)units->n, sizeof *o);
	for (int i = 0; i < units->n; i++)
		o[i] = (form_option){ units->v[i].name, units->v[i].name };
	const staff *me = app_actor(ctx);
	p->fld[F_EV_UNIT] = form_add_choice(f, _("Organising unit"), o, units->n,
	                                    me ? me->unit : NULL, true);
	free(o);
	p->fld[F_EV_TOPIC] = form_add_text(f, _("Topic"), "", OUTREACH_TOPIC_MAX, true);
	p->fld[F_EV_POLICIES] = form_add_text(f, _("Policies presented"), "",
	                                      OUTREACH_POLICIES_MAX, false);
	start(p, f, SVC_FORM_EVENT);
}

void services_form_move(svc_pane *p, const talent_request *r)
{
	if (!shell_allowed(p->sh, PERM_TALENT_EDIT, r->area))
		return;
	char *title = xasprintf(_("Move request %" PRId64 ": %s, %s"), r->id, r->enterprise,
	                        codes_name(app_talent_kinds(shell_ctx(p->sh)), r->kind));
	form *f = form_new(p->sh, title);
	free(title);
	form_option o[TALENT_STATE__COUNT];
	for (int i = 0; i < TALENT_STATE__COUNT; i++)
		o[i] = (form_option){ talent_state_code((talent_state)i),
		                      _(talent_state_label((talent_state)i)) };
	p->fld[F_MV_STATE] = form_add_choice(f, _("Move to"), o, TALENT_STATE__COUNT,
	                                     talent_state_code(r->state), true);
	p->fld[F_MV_NOTE] = form_add_lines(f, _("What was done, or why not"), "", 500, 3, false);
	p->request_id = r->id;
	start(p, f, SVC_FORM_MOVE);
}

void services_form_request(svc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_TALENT_EDIT, NULL))
		return;
	app_ctx *ctx = shell_ctx(p->sh);
	form *f = form_new(p->sh, _("A talent service request"));
	p->fld[F_RQ_ENT] = form_add_enterprise(f, _("Enterprise"), app_db(ctx), app_scope_area(ctx),
	                                       0, NULL, true);
	const code_table *kinds = app_talent_kinds(ctx);
	form_option *o = xcalloc((size_t)kinds->n, sizeof *o);
	for (int i = 0; i < kinds->n; i++)
		o[i] = (form_option){ kinds->v[i].code, kinds->v[i].name };
	p->fld[F_RQ_KIND] = form_add_choice(f, _("Talent service"), o, kinds->n, NULL, true);
	free(o);
	p->fld[F_RQ_PERSON] = form_add_text(f, _("Talent"), "", 50, true);
	/* the lead unit first, then its cooperating units */
	const talent_units *t = app_talent_units(ctx);
	o = xcalloc((size_t)t->ncoop + 1, sizeof *o);
	o[0] = (form_option){ t->lead, t->lead };
	for (int i = 0; i < t->ncoop; i++)
		o[i + 1] = (form_option){ t->coop[i], t->coop[i] };
	p->fld[F_RQ_UNIT] = form_add_choice(f, _("Responsible unit"), o, t->ncoop + 1, t->lead,
	                                    true);
	free(o);
	p->fld[F_RQ_DETAIL] = form_add_lines(f, _("Detail"), "", 500, 3, false);
	start(p, f, SVC_FORM_REQUEST);
}

/* the fields of a programme, filled from r (a new one: empty, starting today); the
 * enterprise is picked on a new one only */
static void programme_fields(svc_pane *p, form *f, const talent_programme *r)
{
	app_ctx *ctx = shell_ctx(p->sh);
	if (!r)
		p->fld[F_PG_ENT] = form_add_enterprise(f, _("Enterprise"), app_db(ctx),
		                                       app_scope_area(ctx), 0, NULL, true);
	else
		p->fld[F_PG_ENT] = form_add_note(f, _("Enterprise"), r->enterprise);
	form_option o[TALENT_PROG__COUNT];
	for (int i = 0; i < TALENT_PROG__COUNT; i++)
		o[i] = (form_option){ talent_prog_code((talent_prog_kind)i),
		                      _(talent_prog_label((talent_prog_kind)i)) };
	p->fld[F_PG_KIND] = form_add_choice(f, _("Kind of programme"), o, TALENT_PROG__COUNT,
	                                    r ? talent_prog_code(r->kind) : NULL, true);
	p->fld[F_PG_SCHOOL] = form_add_text(f, _("School"), r ? r->school : "", 100, true);
	p->fld[F_PG_NAME] = form_add_text(f, _("Programme name"), r ? r->name : "", 100, true);
	char places[16] = "";
	if (r)
		snprintf(places, sizeof places, "%d", r->places);
	p->fld[F_PG_PLACES] = form_add_text(f, _("Places"), places, 5, true);
	p->fld[F_PG_START] = form_add_date(f, _("Starts"), r ? r->start : ctx->today, true);
	p->fld[F_PG_END] = form_add_date(f, _("Ends"), r ? r->end : DATE_NONE, false);
}

void services_form_programme(svc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_TALENT_EDIT, NULL))
		return;
	form *f = form_new(p->sh, _("A school–enterprise programme"));
	programme_fields(p, f, NULL);
	start(p, f, SVC_FORM_PROG_ADD);
}

void services_form_programme_edit(svc_pane *p, const talent_programme *r)
{
	if (!shell_allowed(p->sh, PERM_TALENT_EDIT, r->area))
		return;
	/* the programme as it is now, which the save changes only if nobody did meanwhile */
	talent_programme_clear(&p->prog);
	strbuf err = STRBUF_INIT;
	if (app_talent_programme_get(shell_ctx(p->sh), r->id, &p->prog, &err) != 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_free(&err);
	char *title = xasprintf(_("Change programme %" PRId64 ": %s"), p->prog.id, p->prog.name);
	form *f = form_new(p->sh, title);
	free(title);
	programme_fields(p, f, &p->prog);
	start(p, f, SVC_FORM_PROG_EDIT);
}

/* a refusal on the form (what was typed, a rule), a failure on the status line */
static bool refused(svc_pane *p, app_record_rc rc, int field, strbuf *err)
{
	if (rc == APP_RECORD_SAVED)
		return false;
	if (rc == APP_RECORD_FAILED)
		shell_error(p->sh, "%s", sb_str(err));
	else
		form_set_error(p->form, field, sb_str(err));
	return true;
}

static bool save_event(svc_pane *p, strbuf *err)
{
	form *f = p->form;
	outreach_rec r = { 0 };
	r.kind = xstrdup(form_choice(f, p->fld[F_EV_KIND]));
	r.date = form_date(f, p->fld[F_EV_DATE]);
	r.place = form_text(f, p->fld[F_EV_PLACE]);
	r.unit = xstrdup(form_choice(f, p->fld[F_EV_UNIT]));
	r.topic = form_text(f, p->fld[F_EV_TOPIC]);
	r.policies = form_text(f, p->fld[F_EV_POLICIES]);
	int64_t id = 0;
	app_record_rc rc = app_outreach_add(shell_ctx(p->sh), &r, &id, err);
	outreach_rec_clear(&r);
	if (refused(p, rc, -1, err))
		return false;
	p->event_id = id;
	shell_message(p->sh, _("Outreach event %" PRId64 " recorded"), id);
	return true;
}

static bool save_request(svc_pane *p, strbuf *err)
{
	form *f = p->form;
	app_ctx *ctx = shell_ctx(p->sh);
	ent_record e = { 0 };
	store_err se = { 0 };
	int found = ent_store_get(app_db(ctx), NULL, form_enterprise(f, p->fld[F_RQ_ENT]), &e, &se);
	if (found != 0) {
		if (found < 0)
			shell_error(p->sh, "%s", app_store_text(&se, err));
		else
			form_set_error(f, p->fld[F_RQ_ENT], _("This enterprise is no longer in the register."));
		ent_record_clear(&e);
		return false;
	}
	talent_request r = { 0 };
	r.enterprise_id = e.id;
	r.kind = xstrdup(form_choice(f, p->fld[F_RQ_KIND]));
	r.person = form_text(f, p->fld[F_RQ_PERSON]);
	r.unit = xstrdup(form_choice(f, p->fld[F_RQ_UNIT]));
	r.detail = form_text(f, p->fld[F_RQ_DETAIL]);
	int64_t id = 0;
	app_record_rc rc = app_talent_request_add(ctx, &e, &r, &id, err);
	talent_request_clear(&r);
	ent_record_clear(&e);
	if (refused(p, rc, -1, err))
		return false;
	shell_message(p->sh, _("Talent service request %" PRId64 " recorded"), id);
	return true;
}

/* the programme's fields as typed into r; false (said on the form) when places is not
 * a number */
static bool programme_typed(svc_pane *p, talent_programme *r)
{
	form *f = p->form;
	talent_prog_kind k = TALENT_PROG_ORDER;
	talent_prog_parse(form_choice(f, p->fld[F_PG_KIND]), &k);
	r->kind = k;
	r->school = form_text(f, p->fld[F_PG_SCHOOL]);
	r->name = form_text(f, p->fld[F_PG_NAME]);
	r->start = form_date(f, p->fld[F_PG_START]);
	r->end = form_date(f, p->fld[F_PG_END]);
	char *places = form_text(f, p->fld[F_PG_PLACES]);
	bool ok = talent_places_parse(places, &r->places);
	free(places);
	if (!ok) {
		char *msg = xasprintf(_("places must be a whole number from 1 to %d"),
		                      TALENT_PLACES_MAX);
		form_set_error(f, p->fld[F_PG_PLACES], msg);
		free(msg);
	}
	return ok;
}

static bool save_programme(svc_pane *p, strbuf *err)
{
	form *f = p->form;
	app_ctx *ctx = shell_ctx(p->sh);
	talent_programme r = { 0 };
	if (!programme_typed(p, &r)) {
		talent_programme_clear(&r);
		return false;
	}
	ent_record e = { 0 };
	store_err se = { 0 };
	int found = ent_store_get(app_db(ctx), NULL, form_enterprise(f, p->fld[F_PG_ENT]), &e, &se);
	if (found != 0) {
		if (found < 0)
			shell_error(p->sh, "%s", app_store_text(&se, err));
		else
			form_set_error(f, p->fld[F_PG_ENT], _("This enterprise is no longer in the register."));
		ent_record_clear(&e);
		talent_programme_clear(&r);
		return false;
	}
	r.enterprise_id = e.id;
	int64_t id = 0;
	app_record_rc rc = app_talent_programme_add(ctx, &e, &r, &id, err);
	ent_record_clear(&e);
	talent_programme_clear(&r);
	if (refused(p, rc, -1, err))
		return false;
	shell_message(p->sh, _("Talent programme %" PRId64 " recorded"), id);
	return true;
}

static bool save_programme_edit(svc_pane *p, strbuf *err)
{
	talent_programme r = { .id = p->prog.id, .enterprise_id = p->prog.enterprise_id };
	if (!programme_typed(p, &r)) {
		talent_programme_clear(&r);
		return false;
	}
	app_record_rc rc = app_talent_programme_edit(shell_ctx(p->sh), &p->prog, &r, err);
	talent_programme_clear(&r);
	if (refused(p, rc, -1, err))
		return false;
	shell_message(p->sh, _("Talent programme %" PRId64 " changed"), p->prog.id);
	return true;
}

static bool save_move(svc_pane *p, strbuf *err)
{
	form *f = p->form;
	talent_state to = TALENT_RECEIVED;
	talent_state_parse(form_choice(f, p->fld[F_MV_STATE]), &to);
	char *note = form_text(f, p->fld[F_MV_NOTE]);
	app_record_rc rc = app_talent_move(shell_ctx(p->sh), p->request_id, to, &note, err);
	free(note);
	if (refused(p, rc, -1, err))
		return false;
	shell_message(p->sh, _("Request %" PRId64 " is now %s"), p->request_id,
	              _(talent_state_label(to)));
	return true;
}

/* the problem, then its appeal when asked: the problem stands when the appeal is
 * refused, and the message says both */
static bool save_problem(svc_pane *p, strbuf *err)
{
	app_ctx *ctx = shell_ctx(p->sh);
	form *f = p->form;
	char *text = form_text(f, p->fld[F_TEXT]);
	int seq = 0;
	app_record_rc rc = app_outreach_problem(ctx, p->event_id, form_choice(f, p->fld[F_WHO]),
	                                        &text, &seq, err);
	free(text);
	if (refused(p, rc, rc == APP_RECORD_BAD_INPUT ? p->fld[F_TEXT] : -1, err))
		return false;
	if (!form_yes(f, p->fld[F_APPEAL])) {
		shell_message(p->sh, _("Problem %d recorded"), seq);
		return true;
	}
	ticket_kind kind = TICKET_KIND_GENERAL;
	ticket_kind_parse(form_choice(f, p->fld[F_KIND]), &kind);
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	sb_reset(err);
	if (appeal_move_from_outreach(ctx, p->event_id, seq, kind, number, &tm, err) ==
	    APPEAL_MOVE_DONE)
		shell_message(p->sh, _("Problem %d recorded and registered as appeal %s"), seq,
		              number);
	else
		shell_error(p->sh, _("Problem %d recorded, but it is not an appeal: %s"), seq,
		            sb_str(err));
	return true;
}

static bool save_attend(svc_pane *p, strbuf *err)
{
	const int64_t *ids;
	const char *const *usccs;
	int n = form_enterprises(p->form, p->fld[F_WHO], &ids, &usccs);
	int added = 0;
	app_record_rc rc = app_outreach_attend(shell_ctx(p->sh), p->event_id, usccs, n, &added,
	                                       err);
	if (refused(p, rc, p->fld[F_WHO], err))
		return false;
	shell_message(p->sh, P_("%d enterprise more recorded as attending",
	                        "%d enterprises more recorded as attending", (unsigned long)added),
	              added);
	return true;
}

static void close_form(svc_pane *p, bool saved)
{
	form_free(&p->form);
	/* back in the list the form came from, or in the event (a new one once saved),
	 * read again with what was just written */
	bool talent = p->purpose == SVC_FORM_MOVE || p->purpose == SVC_FORM_REQUEST;
	bool prog = p->purpose == SVC_FORM_PROG_ADD || p->purpose == SVC_FORM_PROG_EDIT;
	talent_programme_clear(&p->prog);
	if (talent || prog || (p->purpose == SVC_FORM_EVENT && !saved)) {
		p->mode = talent ? SVC_TALENT : prog ? SVC_PROGRAMMES : SVC_EVENTS;
		lv_invalidate(services_list(p));
	} else if (!services_open_event(p, p->event_id, p->purpose != SVC_FORM_EVENT)) {
		p->mode = SVC_EVENTS;
		lv_invalidate(p->ev_lv);
	}
}

unsigned services_form_key(svc_pane *p, const pane_event *ev)
{
	switch (form_key(p->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		close_form(p, false);
		return REACT_RECALC;
	case FORM_PRESSED: {
		if (form_button(p->form) != 0) {
			close_form(p, false);
			return REACT_RECALC;
		}
		strbuf err = STRBUF_INIT;
		bool saved;
		switch (p->purpose) {
		case SVC_FORM_PROBLEM: saved = save_problem(p, &err); break;
		case SVC_FORM_ATTEND: saved = save_attend(p, &err); break;
		case SVC_FORM_EVENT: saved = save_event(p, &err); break;
		case SVC_FORM_REQUEST: saved = save_request(p, &err); break;
		case SVC_FORM_PROG_ADD: saved = save_programme(p, &err); break;
		case SVC_FORM_PROG_EDIT: saved = save_programme_edit(p, &err); break;
		default: saved = save_move(p, &err); break;
		}
		sb_free(&err);
		if (saved)
			close_form(p, true);
		return REACT_RECALC;
	}
	default:
		return REACT_RECALC;
	}
}
