/* The Appeals pane's forms: a form for every move the actor may make now (the move
 * menu, then what the move needs; an irreversible one asked [y/N]), the callback queue
 * walking the 待回访 view, and the intake form with the similar-appeal warning. Every
 * move and registration goes through app/appeal_move.c, the path `qifu appeal` takes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/appeal_move.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "ui/appeals/private.h"
#include "ui/prompt.h"

/* characters people may type, as the CLI bounds them */
enum { TITLE_MAX = 100, DESCRIPTION_MAX = 4000, TEXT_MAX = 2000 };

static void allowed_moves(app_pane *p, const appeal_record *a)
{
	ticket_actor who = app_ticket_actor(appeals_ctx(p));
	ticket_view v = appeal_record_view(a);
	p->nacts = ticket_allowed_actions(&v, &who, p->acts);
}

void appeals_drop_pending(app_pane *p)
{
	xfree(&p->p_text);
	xfree(&p->p_unit);
	xfree(&p->p_into);
	xfree(&p->p_by);
	app_split_list_free(&p->p_related);
	p->p_nrelated = 0;
	p->p_until = p->p_on = DATE_NONE;
	p->p_how = TICKET_HOW_NONE;
}

static void close_form(app_pane *p)
{
	form_free(&p->form);
	p->mode = p->back;
}

/* make the pending move on p->rec; 0 done, 1 the form stays open with the reason */
static int make_move(app_pane *p)
{
	ticket_input in = { .text = p->p_text, .unit = p->p_unit,
		.related = (const char *const *)p->p_related, .nrelated = p->p_nrelated,
		.until = p->p_until, .into = p->p_into, .how = p->p_how, .by = p->p_by,
		.on = p->p_on };
	ticket_move m;
	ticket_timers after;
	strbuf err = STRBUF_INIT;
	appeal_move_rc rc = appeal_move_make(appeals_ctx(p), &p->rec, p->act, &in, &m, &after,
	                                     &err);
	int out = 0;
	if (rc == APPEAL_MOVE_BAD_INPUT && p->form) {
		form_set_error(p->form, -1, sb_str(&err));
		out = 1;
	} else if (rc != APPEAL_MOVE_DONE) {
		/* refused by the rules or changed by someone else: say so, show it as it is */
		shell_error(p->sh, "%s: %s", p->rec.number, sb_str(&err));
		form_free(&p->form);
		p->mode = MODE_VIEW;
		appeals_refresh(p);
	} else {
		shell_message(p->sh, _("%s %s: now %s"), p->rec.number, _(ticket_action_label(m.action)),
		              _(ticket_state_label(m.to)));
		form_free(&p->form);
		p->mode = p->back;
		appeals_refresh(p);
		if (p->queue)
			appeals_callback_next(p);
	}
	sb_free(&err);
	if (out == 0)
		appeals_drop_pending(p);
	return out;
}

/* irreversible moves are confirmed first, the others made at once */
static void confirm_or_move(app_pane *p, bool irreversible)
{
	if (irreversible) {
		form_free(&p->form);
		p->mode = MODE_CONFIRM;
		return;
	}
	make_move(p);
}

static void open_move_form(app_pane *p, ticket_action act)
{
	ticket_actor who = app_ticket_actor(appeals_ctx(p));
	ticket_view v = appeal_record_view(&p->rec);
	ticket_move m;
	appeals_drop_pending(p);
	p->act = act;
	if (!ticket_decide(&v, act, &who, &m)) {
		strbuf err = STRBUF_INIT;
		ticket_refusal_text(&v, &who, &m, &err);
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		return;
	}
	if (!m.needs) {
		form_free(&p->form);
		if (p->mode == MODE_FORM)
			p->mode = p->back;
		p->back = p->mode;
		confirm_or_move(p, m.irreversible);
		return;
	}
	char *title = xasprintf(_("%s: %s (%s)"), _(ticket_action_label(act)), p->rec.number,
	                        p->rec.enterprise_name);
	form_free(&p->form);
	p->form = form_new(p->sh, title);
	xfree(&title);
	p->purpose = FP_MOVE;
	p->fld_text = p->fld_unit = p->fld_related = p->fld_date = p->fld_into = -1;
	p->fld_on = p->fld_how = p->fld_by = -1;
	if (m.needs & TICKET_NEEDS_UNIT) {
		const unit_table *units = app_units(appeals_ctx(p));
		form_option *o = xcalloc((size_t)units->n + 1, sizeof *o);
		for (int i = 0; i < units->n; i++)
			o[i] = (form_option){ units->v[i].name, units->v[i].name };
		char *lead = app_appeal_lead_default(appeals_ctx(p), &p->rec);
		p->fld_unit = form_add_choice(p->form, _("Lead unit"), o, units->n, lead, true);
		xfree(&lead);
		xfree(&o);
		p->fld_related = form_add_text(p->form, _("Related units (comma-separated)"), NULL, 200,
		                               false);
	}
	if (m.needs & TICKET_NEEDS_DATE)
		p->fld_date = form_add_date(p->form, _("New due date"), DATE_NONE, true);
	if (m.needs & TICKET_NEEDS_TARGET)
		p->fld_into = form_add_text(p->form, _("Merge into appeal number"), NULL, 24, true);
	if (m.needs & TICKET_NEEDS_REPORT) {
		form_option how[TICKET_HOW__COUNT - 1];
		for (int i = TICKET_HOW_NONE + 1; i < TICKET_HOW__COUNT; i++)
			how[i - 1] = (form_option){ ticket_how_code((ticket_how)i),
				_(ticket_how_label((ticket_how)i)) };
		p->fld_on = form_add_date(p->form, _("Told on"), appeals_ctx(p)->today, true);
		p->fld_how = form_add_choice(p->form, _("How"), how, TICKET_HOW__COUNT - 1,
		                             ticket_how_code(TICKET_HOW_PHONE), true);
		p->fld_by = form_add_text(p->form, _("Told by"), app_actor(appeals_ctx(p))->name,
		                          APPEAL_CALLER_MAX, true);
		/* the lead unit's answer: what there is to tell */
		form_add_note(p->form, _("Result"), p->rec.result ? p->rec.result : "");
	}
	if (m.needs & TICKET_NEEDS_TEXT) {
		const char *l = ticket_action_text_label(act);
		p->fld_text = form_add_lines(p->form, l ? _(l) : _("Text"), NULL, TEXT_MAX, 4, true);
	}
	if (p->mode != MODE_FORM)
		p->back = p->mode;
	p->mode = MODE_FORM;
}

/* the form's values into the pending move; -1 with the error under its field */
static int read_move_form(app_pane *p)
{
	appeals_drop_pending(p);
	form *f = p->form;
	if (p->fld_text >= 0) {
		char *t = form_text(f, p->fld_text);
		p->p_text = text_sanitize(t, strlen(t), TEXT_KEEP_NEWLINES);
		xfree(&t);
	}
	if (p->fld_unit >= 0)
		p->p_unit = xstrdup(form_choice(f, p->fld_unit));
	if (p->fld_related >= 0) {
		char *t = form_text(f, p->fld_related);
		p->p_related = app_split_list(t, &p->p_nrelated);
		xfree(&t);
		for (int i = 0; i < p->p_nrelated; i++)
			if (!units_find(app_units(appeals_ctx(p)), p->p_related[i])) {
				char *msg = xasprintf(_("unknown unit '%s'"), p->p_related[i]);
				form_set_error(f, p->fld_related, msg);
				xfree(&msg);
				return -1;
			}
	}
	if (p->fld_date >= 0)
		p->p_until = form_date(f, p->fld_date);
	if (p->fld_into >= 0)
		p->p_into = form_text(f, p->fld_into);
	if (p->fld_on >= 0)
		p->p_on = form_date(f, p->fld_on);
	if (p->fld_how >= 0 && !ticket_how_parse(form_choice(f, p->fld_how), &p->p_how))
		p->p_how = TICKET_HOW_NONE;
	if (p->fld_by >= 0) {
		char *t = form_text(f, p->fld_by);
		p->p_by = text_sanitize(t, strlen(t), 0);
		xfree(&t);
	}
	return 0;
}

void appeals_form_menu(app_pane *p)
{
	if (!p->have_rec)
		return;
	allowed_moves(p, &p->rec);
	if (p->nacts == 0) {
		shell_error(p->sh, _("%s: no move is open to you on this appeal now"), p->rec.number);
		return;
	}
	form_option o[TICKET_ACT__COUNT];
	char codes[TICKET_ACT__COUNT][8];
	for (int i = 0; i < p->nacts; i++) {
		snprintf(codes[i], sizeof codes[i], "%d", (int)p->acts[i]);
		o[i] = (form_option){ codes[i], _(ticket_action_label(p->acts[i])) };
	}
	char *title = xasprintf(_("Move %s (%s)"), p->rec.number, p->rec.enterprise_name);
	form_free(&p->form);
	p->form = form_new(p->sh, title);
	xfree(&title);
	int fld = form_add_choice(p->form, _("Move"), o, p->nacts, NULL, true);
	form_set_menu(p->form, fld);
	p->purpose = FP_MENU;
	p->back = p->mode;
	p->mode = MODE_FORM;
}

void appeals_form_sheet(app_pane *p)
{
	if (!p->have_rec)
		return;
	form_free(&p->form);
	p->form = sheet_form_new(p->sh, &p->rec, APP_SHEET_DISPATCH, &p->sheet);
	p->purpose = FP_SHEET;
	p->back = p->mode;
	p->mode = MODE_FORM;
}

static void open_callback_form(app_pane *p)
{
	char *title = xasprintf(_("Callback: %s %s (%s)"), p->rec.number, p->rec.title,
	                        p->rec.enterprise_name);
	form_free(&p->form);
	p->form = form_new(p->sh, title);
	xfree(&title);
	form_option o[2] = {
		{ "1", _("satisfied") },
		{ "0", _("dissatisfied") },
	};
	char *who = app_appeal_caller_text(&p->rec);
	form_add_note(p->form, _("Call"), who);
	xfree(&who);
	/* what the first-responsible unit told the enterprise: the desk checks it */
	char *told = app_appeal_report_text(&p->rec);
	form_add_note(p->form, _("Told the enterprise"), told ? told : _("not recorded"));
	xfree(&told);
	p->fld_verdict = form_add_choice(p->form, _("The enterprise is"), o, 2, "1", true);
	p->fld_text = form_add_lines(p->form, _("Reason (when dissatisfied)"), NULL, TEXT_MAX, 3,
	                             false);
	p->purpose = FP_CALLBACK;
	p->mode = MODE_FORM;
}

/* the appeal under the cursor of the 待回访 view, in its callback form; the queue
 * ends when the view is empty */
void appeals_callback_next(app_pane *p)
{
	p->queue = true;
	if (p->view != APPEAL_VIEW_CALLBACK) {
		p->view = APPEAL_VIEW_CALLBACK;
		appeals_apply_filter(p);
		lv_handle(p->lv, ACT_FIRST);
	}
	/* the saved appeal has left the view: the next one is now first */
	appeal_row r;
	int n = 0;
	store_err err = { 0 };
	/* the first row by key: no count, whatever the view's size */
	shell_store_rc(p->sh, appeal_store_window_from(appeals_db(p), &p->filter, p->sort, p->desc,
	                                               0, false, 1, &r, &n, &err), &err);
	if (n <= 0) {
		p->queue = false;
		p->mode = MODE_LIST;
		if (n == 0)
			shell_message(p->sh, "%s", _("No appeal is waiting for a callback."));
		return;
	}
	bool ok = appeals_load_rec(p, r.number);
	appeal_row_clear(&r);
	if (!ok) {
		p->queue = false;
		p->mode = MODE_LIST;
		return;
	}
	p->back = MODE_LIST;
	open_callback_form(p);
}

static void save_callback(app_pane *p)
{
	bool yes = strcmp(form_choice(p->form, p->fld_verdict), "1") == 0;
	appeals_drop_pending(p);
	char *t = form_text(p->form, p->fld_text);
	if (!yes && !*t) {
		form_set_error(p->form, p->fld_text, _("a dissatisfied callback needs the reason"));
		xfree(&t);
		return;
	}
	if (!yes)
		p->p_text = text_sanitize(t, strlen(t), TEXT_KEEP_NEWLINES);
	xfree(&t);
	p->act = yes ? TICKET_ACT_CALLBACK_SATISFIED : TICKET_ACT_CALLBACK_DISSATISFIED;
	make_move(p);
}

void appeals_form_intake(app_pane *p)
{
	const staff *me = app_actor(appeals_ctx(p));
	form_free(&p->form);
	p->form = form_new(p->sh, _("New appeal"));
	xfree(&p->similar_key);
	const char *scope = me->role == ROLE_AREA_OFFICER ? me->area : NULL;
	p->fld_ent = form_add_enterprise(p->form, _("Enterprise"), appeals_db(p), scope, 0, NULL,
	                                 true);
	p->fld_title = form_add_text(p->form, _("Title"), NULL, TITLE_MAX, true);
	form_option kinds[TICKET_KIND__COUNT], chans[APPEAL_CH__COUNT];
	for (int i = 0; i < TICKET_KIND__COUNT; i++)
		kinds[i] = (form_option){ ticket_kind_code((ticket_kind)i),
			_(ticket_kind_label((ticket_kind)i)) };
	for (int i = 0; i < APPEAL_CH__COUNT; i++)
		chans[i] = (form_option){ appeal_channel_code((appeal_channel)i),
			_(appeal_channel_label((appeal_channel)i)) };
	p->fld_kind = form_add_choice(p->form, _("Kind"), kinds, TICKET_KIND__COUNT, "general", true);
	p->fld_channel = form_add_choice(p->form, _("Channel"), chans, APPEAL_CH__COUNT, "phone",
	                                 true);
	p->fld_desc = form_add_lines(p->form, _("Description"), NULL, DESCRIPTION_MAX, 4, false);
	p->fld_caller = form_add_text(p->form, _("Caller"), NULL,
	                              APPEAL_CALLER_MAX, false);
	p->fld_phone = form_add_text(p->form, _("Caller's phone"), NULL, APPEAL_PHONE_MAX, false);
	p->fld_role = form_add_text(p->form, _("Caller's role at the firm"), NULL,
	                            APPEAL_CALLER_MAX, false);
	p->purpose = FP_INTAKE;
	p->back = p->mode;
	p->mode = MODE_FORM;
}

/* the open appeals of the enterprise with similar titles, under the form, the first
 * time this enterprise and title are saved; true when there were some */
static bool warn_similar(app_pane *p, const char *uscc, const char *title)
{
	char *key = xasprintf("%s\t%s", uscc, title);
	if (p->similar_key && strcmp(p->similar_key, key) == 0) {
		xfree(&key);
		return false;
	}
	xfree(&p->similar_key);
	p->similar_key = key;
	appeal_row rows[APP_SIMILAR_MAX];
	int n = 0;
	strbuf err = STRBUF_INIT, s = STRBUF_INIT;
	if (app_appeal_similar(appeals_ctx(p), uscc, title, rows, APP_SIMILAR_MAX, &n, &err)
	    != APP_OK)
		shell_error(p->sh, "%s", sb_str(&err));
	if (n > 0) {
		app_appeal_similar_text(appeals_ctx(p), rows, n, &s);
		sb_add(&s, _(" Save again to register it anyway."));
		form_set_error(p->form, -1, sb_str(&s));
	}
	for (int i = 0; i < n; i++)
		appeal_row_clear(&rows[i]);
	sb_free(&err);
	sb_free(&s);
	return n > 0;
}

static void save_intake(app_pane *p)
{
	form *f = p->form;
	ent_record e = { 0 };
	strbuf err = STRBUF_INIT;
	char *title = form_text(f, p->fld_title), *desc = form_text(f, p->fld_desc);
	char *caller = form_text(f, p->fld_caller), *phone = form_text(f, p->fld_phone);
	char *role = form_text(f, p->fld_role);
	char *clean_title = text_sanitize(title, strlen(title), 0);
	char *clean_desc = text_sanitize(desc, strlen(desc), TEXT_KEEP_NEWLINES);
	int64_t id = form_enterprise(f, p->fld_ent);
	store_err se = { 0 };
	if (ent_store_get(appeals_db(p), NULL, id, &e, &se) != 0) {
		app_store_text(&se, &err);
		form_set_error(f, p->fld_ent, *sb_str(&err) ? sb_str(&err) : _("no such enterprise"));
		goto out;
	}
	if (warn_similar(p, e.uscc, clean_title))
		goto out;
	ticket_kind kind = TICKET_KIND_GENERAL;
	appeal_channel ch = APPEAL_CH_PHONE;
	ticket_kind_parse(form_choice(f, p->fld_kind), &kind);
	appeal_channel_parse(form_choice(f, p->fld_channel), &ch);
	appeal_new a = { .uscc = e.uscc, .title = clean_title,
		.description = *clean_desc ? clean_desc : NULL, .kind = kind, .channel = ch,
		.state = TICKET_ST_NEW, .caller_name = caller, .caller_phone = phone,
		.caller_role = role };
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	appeal_move_rc rc = appeal_move_register(appeals_ctx(p), &a, number, &tm, &err);
	if (rc != APPEAL_MOVE_DONE) {
		form_set_error(f, -1, sb_str(&err));
		goto out;
	}
	shell_message(p->sh, _("%s registered for %s, now %s"), number, e.name,
	              _(ticket_state_label(a.state)));
	close_form(p);
	appeals_refresh(p);
out:
	ent_record_clear(&e);
	xfree(&title);
	xfree(&desc);
	xfree(&clean_title);
	xfree(&clean_desc);
	xfree(&caller);
	xfree(&phone);
	xfree(&role);
	sb_free(&err);
}

unsigned appeals_form_key(app_pane *p, const pane_event *ev)
{
	switch (form_key(p->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		p->queue = false;
		close_form(p);
		appeals_drop_pending(p);
		return REACT_RECALC;
	case FORM_PRESSED:
		if (form_button(p->form) != 0) {
			p->queue = false;
			close_form(p);
			return REACT_RECALC;
		}
		switch (p->purpose) {
		case FP_MENU: {
			ticket_action a = (ticket_action)atoi(form_choice(p->form, 0));
			pane_mode back = p->back;
			form_free(&p->form);
			p->mode = back;
			open_move_form(p, a);
			break;
		}
		case FP_MOVE: {
			ticket_actor who = app_ticket_actor(appeals_ctx(p));
			ticket_view v = appeal_record_view(&p->rec);
			ticket_move m;
			if (read_move_form(p) == 0) {
				ticket_decide(&v, p->act, &who, &m);
				confirm_or_move(p, m.allowed && m.irreversible);
			}
			break;
		}
		case FP_INTAKE:
			save_intake(p);
			break;
		case FP_CALLBACK:
			save_callback(p);
			break;
		case FP_SHEET:
			if (sheet_form_save(p->sh, p->form, &p->sheet, &p->rec))
				close_form(p);
			break;
		case FP_MATCH:
			if (appeals_match_save(p))
				close_form(p);
			break;
		}
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

/* the help may be read before answering; any other key answers, no unless y */
unsigned appeals_confirm_key(app_pane *p, const pane_event *ev)
{
	if (ev->act == ACT_HELP)
		return REACT_UNHANDLED;
	p->mode = p->back;
	if (prompt_yes(ev->key)) {
		make_move(p);
	} else {
		appeals_drop_pending(p);
		p->queue = false;
		shell_message(p->sh, "%s", _("Nothing changed"));
	}
	return REACT_RECALC;
}
