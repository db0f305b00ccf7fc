/* The Enterprises pane's forms: the register entry added or edited (saved through
 * ent_validate and the permission function), the filter form, the 360 view's record
 * chooser and record forms (records.c), and undo of the session's last edit. */
#include <stdlib.h>
#include <string.h>

#include "app/personal.h"
#include "model/mask.h"
#include "app/app.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "ui/enterprises/private.h"

/* option lists for choice fields, with the strings they own */
typedef struct optlist {
	form_option *v;
	int n, cap;
} optlist;

static void opt_add(optlist *o, const char *value, const char *label)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->v = xrealloc(o->v, (size_t)o->cap * sizeof *o->v);
	}
	o->v[o->n].value = xstrdup(value);
	o->v[o->n].label = xstrdup(label);
	o->n++;
}

static void opt_free(optlist *o)
{
	for (int i = 0; i < o->n; i++) {
		free((char *)o->v[i].value);
		free((char *)o->v[i].label);
	}
	xfree(&o->v);
	o->n = o->cap = 0;
}

static void opt_units(optlist *o, const unit_table *units, int kind)
{
	for (int i = 0; i < units->n; i++)
		if (kind < 0 || units->v[i].kind == (unit_kind)kind)
			opt_add(o, units->v[i].name, units->v[i].name);
}

static void opt_categories(ent_pane *p, optlist *o)
{
	const catalog *cat = app_ent_rules(shell_ctx(p->sh))->cat;
	for (int i = 0; i < cat->ncats; i++)
		opt_add(o, cat->cats[i].code, cat->cats[i].label);
}

static void add_staff_option(const staff *s, void *arg)
{
	optlist *o = arg;
	char *label = xasprintf("%s (%s, %s)", s->name, s->login, s->unit);
	opt_add(o, s->login, label);
	xfree(&label);
}

/* the same question without the message, for what a form offers */
static bool may(ent_pane *p, perm_action act)
{
	const staff *me = enterprises_actor(p);
	perm_actor pa = app_perm_actor_of(me, NULL);
	perm_object po = { me->area, NULL };
	return perm_check(&pa, act, &po).allow;
}

static void close_form(ent_pane *p)
{
	form_free(&p->form);
	ent_record_clear(&p->form_old);
	p->mode = p->back;
}

/* the register entry's fields; e is the record to edit, or NULL to add one */
void enterprises_form_record(ent_pane *p, const ent_record *e)
{
	const ent_rules *rules = app_ent_rules(shell_ctx(p->sh));
	const staff *me = enterprises_actor(p);
	bool officer = me->role == ROLE_AREA_OFFICER && me->area;
	char *title = e ? xasprintf(_("Edit enterprise: %s"), e->name) : xstrdup(_("New enterprise"));
	form *f = form_new(p->sh, title);
	xfree(&title);
	for (int i = 0; i < ENT_F__COUNT; i++)
		p->fld[i] = -1;
	p->fld_uscc_reason = p->fld_lead = p->fld_lead_reason = -1;
	optlist o = { 0 };

	p->fld[ENT_F_NAME] = form_add_text(f, _("Enterprise name"), e ? e->name : "", 100, true);
	p->fld[ENT_F_USCC] = form_add_text(f, _("USCC"), e ? e->uscc : "", 30, true);
	if (may(p, PERM_USCC_OVERRIDE))
		p->fld_uscc_reason = form_add_text(f, _("Keep a failing code, because"),
		                                   e && e->uscc_override ? e->uscc_override : "",
		                                   200, false);
	p->fld[ENT_F_ADDRESS] = form_add_text(f, _("Address"), e ? e->address : "", 200, false);
	if (!officer)
		opt_add(&o, "", _("(choose)"));
	opt_units(&o, rules->units, UNIT_AREA);
	if (officer) {
		/* an area officer works in one area: the only choice */
		opt_free(&o);
		opt_add(&o, me->area, me->area);
	}
	p->fld[ENT_F_AREA] = form_add_choice(f, _("Area"), o.v, o.n,
	                                     e ? e->area : officer ? me->area : "", true);
	opt_free(&o);
	opt_add(&o, "", _("(choose)"));
	opt_categories(p, &o);
	p->fld[ENT_F_CATEGORY] = form_add_choice(f, _("Category"), o.v, o.n, e ? e->category : "",
	                                         true);
	opt_free(&o);
	opt_add(&o, "", _("none"));
	for (int i = 0; i < rules->cat->ngroups; i++)
		opt_add(&o, rules->cat->groups[i], rules->cat->groups[i]);
	p->fld[ENT_F_GROUP] = form_add_choice(f, _("Group"), o.v, o.n, e ? e->group : "", false);
	opt_free(&o);
	p->fld[ENT_F_AVIATION] = form_add_yesno(f, _("Aviation"), e && e->aviation);
	opt_add(&o, "", _("none"));
	opt_units(&o, rules->units, -1);
	p->fld[ENT_F_INTRODUCED] = form_add_choice(f, _("Introduced by"), o.v, o.n,
	                                           e ? e->introduced_by : "", false);
	opt_free(&o);
	/* the personal fields as the 360 view shows them: masked for those who do not see
	 * them in full (read_record_form keeps what a masked text left as shown hides) */
	ent_record shown = { 0 };
	p->form_masked = e && app_ent_masked(shell_ctx(p->sh), e);
	if (e) {
		ent_record_copy(&shown, e);
		app_ent_mask(shell_ctx(p->sh), &shown);
	}
	p->fld[ENT_F_LEGAL_REP] = form_add_text(f, _("Legal representative"),
	                                        e ? shown.legal_rep : "", 40, false);
	p->fld[ENT_F_CONTACT] = form_add_text(f, _("Contact"), e ? shown.contact : "", 40, false);
	p->fld[ENT_F_PHONE] = form_add_text(f, _("Phone"), e ? shown.phone : "", 40, false);
	ent_record_clear(&shown);
	opt_add(&o, "", _("none"));
	store_err err = { 0 };
	shell_store_rc(p->sh, staff_store_each(enterprises_db(p), add_staff_option, &o, &err),
	               &err);
	p->fld[ENT_F_COMMISSIONER] = form_add_choice(f, _("Commissioner"), o.v, o.n,
	                                             e ? e->commissioner : "", false);
	opt_free(&o);
	if (e && may(p, PERM_ROUTING_OVERRIDE)) {
		opt_add(&o, "", _("as routed"));
		opt_units(&o, rules->units, -1);
		p->fld_lead = form_add_choice(f, _("Lead unit"), o.v, o.n,
		                              e->lead_override ? e->lead_unit : "", false);
		opt_free(&o);
		p->fld_lead_reason = form_add_text(f, _("Override, because"),
		                                   e->lead_override ? e->lead_override : "", 200, false);
	}
	p->form = f;
	p->purpose = e ? FP_EDIT : FP_ADD;
	ent_record_clear(&p->form_old);
	if (e)
		ent_record_copy(&p->form_old, e);
	p->back = p->mode == MODE_FORM ? MODE_LIST : p->mode;
	p->mode = MODE_FORM;
}

static void set_str(char **dst, char *v)
{
	free(*dst);
	*dst = v;
}

/* the form's values over e (a copy of the record edited, or empty) */
static int read_record_form(ent_pane *p, ent_record *e)
{
	form *f = p->form;
	set_str(&e->name, form_text(f, p->fld[ENT_F_NAME]));
	set_str(&e->uscc, form_text(f, p->fld[ENT_F_USCC]));
	set_str(&e->address, form_text(f, p->fld[ENT_F_ADDRESS]));
	set_str(&e->area, xstrdup(form_choice(f, p->fld[ENT_F_AREA])));
	set_str(&e->category, xstrdup(form_choice(f, p->fld[ENT_F_CATEGORY])));
	set_str(&e->group, xstrdup(form_choice(f, p->fld[ENT_F_GROUP])));
	e->aviation = form_yes(f, p->fld[ENT_F_AVIATION]);
	set_str(&e->introduced_by, xstrdup(form_choice(f, p->fld[ENT_F_INTRODUCED])));
	set_str(&e->legal_rep, form_text(f, p->fld[ENT_F_LEGAL_REP]));
	set_str(&e->contact, form_text(f, p->fld[ENT_F_CONTACT]));
	set_str(&e->phone, form_text(f, p->fld[ENT_F_PHONE]));
	if (p->form_masked) {
		/* a masked text left as shown keeps the value it hides */
		set_str(&e->legal_rep, xstrdup(mask_kept(MASK_NAME, p->form_old.legal_rep,
		                                         e->legal_rep)));
		set_str(&e->contact, xstrdup(mask_kept(MASK_NAME, p->form_old.contact, e->contact)));
		set_str(&e->phone, xstrdup(mask_kept(MASK_PHONE, p->form_old.phone, e->phone)));
	}
	const char *login = form_choice(f, p->fld[ENT_F_COMMISSIONER]);
	e->commissioner_id = 0;
	set_str(&e->commissioner, xstrdup(login));
	if (*login) {
		staff *s = NULL;
		strbuf err = STRBUF_INIT;
		store_err se = { 0 };
		int rc = staff_store_get(enterprises_db(p), login, &s, &se);
		if (rc != 0) {
			form_set_error(f, p->fld[ENT_F_COMMISSIONER],
			               rc < 0 ? app_store_text(&se, &err)
			                      : _("no such staff login any more"));
			sb_free(&err);
			return -1;
		}
		e->commissioner_id = s->id;
		staff_free(&s);
		sb_free(&err);
	}
	if (p->fld_lead >= 0) {
		const char *unit = form_choice(f, p->fld_lead);
		char *reason = form_text(f, p->fld_lead_reason);
		if (*unit && !*reason) {
			form_set_error(f, p->fld_lead_reason,
			               _("say why: overriding the routing is recorded with its reason"));
			xfree(&reason);
			return -1;
		}
		if (*unit) {
			set_str(&e->lead_unit, xstrdup(unit));
			set_str(&e->lead_override, reason);
		} else {
			/* back to the routing: ent_validate recomputes the units */
			xfree(&e->lead_override);
			xfree(&reason);
		}
	}
	return 0;
}

/* the form field showing an enterprise field, or -1 */
static int field_of(ent_pane *p, ent_field bad)
{
	return bad > ENT_F_NONE && bad < ENT_F__COUNT ? p->fld[bad] : -1;
}

void enterprises_undo_clear(undo_rec *u)
{
	ent_record_clear(&u->before);
	ent_record_clear(&u->after);
	u->have = u->undone = false;
}

/* after a save: the list, and the view, show the new state */
static void refresh_after_save(ent_pane *p)
{
	lv_invalidate(p->lv);
	p->view_id = 0;
	if (p->back == MODE_VIEW) {
		const ent_record *row = enterprises_cursor_row(p);
		ent_record shown = { 0 };
		if (row) {
			shown = *row;
			shown.id = p->form_old.id;
		}
		enterprises_view_build(p, row ? &shown : NULL);
	}
}

static void save_record(ent_pane *p)
{
	form *f = p->form;
	bool adding = p->purpose == FP_ADD;
	ent_record e = { 0 };
	strbuf err = STRBUF_INIT;
	char *reason = NULL;
	if (!adding)
		ent_record_copy(&e, &p->form_old);
	if (read_record_form(p, &e) < 0)
		goto out;
	reason = p->fld_uscc_reason >= 0 ? form_text(f, p->fld_uscc_reason) : xstrdup("");
	if (!*reason && !adding && p->form_old.uscc_override) {
		/* the code kept before stays kept while it is unchanged */
		char norm[19];
		uscc_check(e.uscc, norm, NULL);
		if (strcmp(norm, p->form_old.uscc) == 0)
			set_str(&reason, xstrdup(p->form_old.uscc_override));
	}
	ent_field bad = ENT_F_NONE;
	ent_verdict v = ent_validate(app_ent_rules(shell_ctx(p->sh)), &e, *reason ? reason : NULL,
	                             &bad, &err);
	if (v == ENT_USCC_FAILS) {
		sb_add(&err, p->fld_uscc_reason >= 0 ?
			_(" (to keep this code all the same, give the reason in the next field)") :
			_(" (only a supervisor may keep a code that fails its check)"));
		form_set_error(f, p->fld[ENT_F_USCC], sb_str(&err));
		goto out;
	}
	if (v != ENT_OK) {
		if (field_of(p, bad) >= 0)
			form_set_error(f, field_of(p, bad), sb_str(&err));
		else
			shell_error(p->sh, "%s", sb_str(&err));
		goto out;
	}
	if (!shell_allowed(p->sh, adding ? PERM_ENT_ADD : PERM_ENT_EDIT, e.area) ||
	    (!adding && !shell_allowed(p->sh, PERM_ENT_EDIT, p->form_old.area)))
		goto out;
	db *d = enterprises_db(p);
	const char *actor = enterprises_actor(p)->login;
	char *owner = NULL;
	store_err se = { 0 };
	if ((adding || strcmp(e.uscc, p->form_old.uscc) != 0) &&
	    ent_store_uscc_owner(d, e.uscc, &owner, NULL, &se) == 0) {
		char *msg = xasprintf(_("USCC %s is already registered to %s"), e.uscc, owner);
		form_set_error(f, p->fld[ENT_F_USCC], msg);
		xfree(&msg);
		xfree(&owner);
		goto out;
	}
	sb_reset(&err);
	if (adding) {
		int64_t id;
		if (db_begin(d, &se) < 0 || ent_store_insert(d, actor, &e, &id, &se) < 0 ||
		    db_commit(d, &se) < 0) {
			db_rollback(d);
			shell_error(p->sh, "%s", app_store_text(&se, &err));
			goto out;
		}
		shell_message(p->sh, _("Added %s, lead unit %s"), e.name, e.lead_unit);
	} else {
		if (ent_store_update(d, actor, &p->form_old, &e, e.lead_override, &se) < 0) {
			shell_error(p->sh, "%s", app_store_text(&se, &err));
			goto out;
		}
		char k[16];
		shell_key_name(p->sh, ACT_UNDO, k);
		shell_message(p->sh, _("Saved %s, lead unit %s (%s undoes it)"), e.name, e.lead_unit, k);
		enterprises_undo_clear(&p->undo);
		ent_record_copy(&p->undo.before, &p->form_old);
		ent_record_copy(&p->undo.after, &e);
		p->undo.have = true;
	}
	refresh_after_save(p);
	close_form(p);
out:
	xfree(&reason);
	ent_record_clear(&e);
	sb_free(&err);
}

void enterprises_form_edit(ent_pane *p, int64_t id)
{
	ent_record e = { 0 };
	store_err err = { 0 };
	int found = shell_store_rc(p->sh, ent_store_get(enterprises_db(p), NULL, id, &e, &err),
	                           &err);
	if (found == 1)
		shell_error(p->sh, "%s", _("This enterprise is no longer in the register."));
	else if (found == 0 && shell_allowed(p->sh, PERM_ENT_EDIT, e.area))
		enterprises_form_record(p, &e);
	ent_record_clear(&e);
}

void enterprises_form_filter(ent_pane *p)
{
	const ent_rules *rules = app_ent_rules(shell_ctx(p->sh));
	const staff *me = enterprises_actor(p);
	form *f = form_new(p->sh, _("Filter the list"));
	optlist o = { 0 };
	opt_add(&o, "", _("all"));
	opt_categories(p, &o);
	p->fld_category = form_add_choice(f, _("Category"), o.v, o.n, p->f_category, false);
	opt_free(&o);
	opt_add(&o, "", _("all"));
	for (int c = 0; c < ENT_CLASS__COUNT; c++)
		opt_add(&o, ent_class_code((ent_class)c), _(ent_class_short((ent_class)c)));
	p->fld_class = form_add_choice(f, _("Class (三大类)"), o.v, o.n, p->f_class, false);
	opt_free(&o);
	p->fld_area = -1;
	/* an area officer sees one area: nothing to choose */
	if (me->role != ROLE_AREA_OFFICER) {
		opt_add(&o, "", _("all"));
		opt_units(&o, rules->units, UNIT_AREA);
		p->fld_area = form_add_choice(f, _("Area"), o.v, o.n, p->f_area, false);
		opt_free(&o);
	}
	opt_add(&o, "", _("all"));
	opt_units(&o, rules->units, -1);
	p->fld_lead_filter = form_add_choice(f, _("Lead unit"), o.v, o.n, p->f_lead, false);
	opt_free(&o);
	form_option *pools;
	int npools = entrec_pool_options(p->rec, &pools);
	p->fld_pool = form_add_choice(f, _("Cultivation pool"), pools, npools, p->f_pool, false);
	p->fld_warning = form_add_yesno(f, _("Open relocation warning only"), p->filter.warning_only);
	p->fld_gone = form_add_yesno(f, _("Also moved out and deregistered"),
	                             p->filter.include_gone);
	const char *buttons[] = { _("Apply"), _("Clear all") };
	form_set_buttons(f, buttons, 2, -1);
	form_set_confirm(f, false);
	p->form = f;
	p->purpose = FP_FILTER;
	p->back = MODE_LIST;
	p->mode = MODE_FORM;
}

static char *choice_or_null(form *f, int field)
{
	const char *v = field >= 0 ? form_choice(f, field) : "";
	return *v ? xstrdup(v) : NULL;
}

void enterprises_form_needs_filter(ent_pane *p)
{
	form *f = form_new(p->sh, _("Filter the open financing needs"));
	const ent_rules *rules = app_ent_rules(shell_ctx(p->sh));
	optlist o = { 0 };
	p->fld_need_area = -1;
	/* an area officer sees one area: nothing to choose */
	if (enterprises_actor(p)->role != ROLE_AREA_OFFICER) {
		opt_add(&o, "", _("all"));
		opt_units(&o, rules->units, UNIT_AREA);
		p->fld_need_area = form_add_choice(f, _("Area"), o.v, o.n, p->n_area, false);
		opt_free(&o);
	}
	opt_add(&o, "", _("all open"));
	for (int s = 0; s < FIN__COUNT; s++)
		if (fin_status_open((fin_status)s))
			opt_add(&o, fin_status_code((fin_status)s), _(fin_status_label((fin_status)s)));
	int st = p->needs_filter.status;
	p->fld_need_status = form_add_choice(f, _("Status"), o.v, o.n,
	                                     st >= 0 ? fin_status_code((fin_status)st) : "", false);
	opt_free(&o);
	const char *buttons[] = { _("Apply"), _("Clear all") };
	form_set_buttons(f, buttons, 2, -1);
	form_set_confirm(f, false);
	p->form = f;
	p->purpose = FP_NEEDS_FILTER;
	p->back = MODE_NEEDS;
	p->mode = MODE_FORM;
}

void enterprises_form_coverage_filter(ent_pane *p)
{
	form *f = form_new(p->sh, _("Filter the coverage gaps"));
	const ent_rules *rules = app_ent_rules(shell_ctx(p->sh));
	optlist o = { 0 };
	p->fld_cov_area = -1;
	/* an area officer sees one area: nothing to choose */
	if (enterprises_actor(p)->role != ROLE_AREA_OFFICER) {
		opt_add(&o, "", _("all"));
		opt_units(&o, rules->units, UNIT_AREA);
		p->fld_cov_area = form_add_choice(f, _("Area"), o.v, o.n, p->cov_area, false);
		opt_free(&o);
	}
	opt_add(&o, "", _("all"));
	opt_units(&o, rules->units, -1);
	p->fld_cov_unit = form_add_choice(f, _("Lead unit"), o.v, o.n, p->cov_unit, false);
	opt_free(&o);
	opt_add(&o, "", _("any gap"));
	int days = app_coverage_visit_days(shell_ctx(p->sh));
	for (int g = 0; g < COV_GAP__COUNT; g++) {
		strbuf w = STRBUF_INIT;
		app_coverage_gap_words(days, COV_BIT(g), &w);
		opt_add(&o, coverage_gap_code((coverage_gap)g), sb_str(&w));
		sb_free(&w);
	}
	p->fld_cov_gap = form_add_choice(f, _("Gap"), o.v, o.n, p->cov_gap < COV_GAP__COUNT
	                                 ? coverage_gap_code(p->cov_gap) : "", false);
	opt_free(&o);
	const char *buttons[] = { _("Apply"), _("Clear all") };
	form_set_buttons(f, buttons, 2, -1);
	form_set_confirm(f, false);
	p->form = f;
	p->purpose = FP_COVERAGE_FILTER;
	p->back = MODE_COVERAGE;
	p->mode = MODE_FORM;
}

static void apply_needs_filter(ent_pane *p, bool clear)
{
	fin_status st;
	xfree(&p->n_area);
	p->needs_filter.status = -1;
	if (!clear) {
		p->n_area = choice_or_null(p->form, p->fld_need_area);
		if (fin_status_parse(form_choice(p->form, p->fld_need_status), &st))
			p->needs_filter.status = (int)st;
	}
	close_form(p);
	needs_apply_filter(p);
}

void enterprises_form_need(ent_pane *p, const fin_rec *need)
{
	ent_record_clear(&p->rec_ent);
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	int found = ent_store_get(enterprises_db(p), NULL, need->enterprise_id, &p->rec_ent, &se);
	if (found != 0) {
		shell_error(p->sh, "%s", found < 0 ? app_store_text(&se, &err)
		                                   : _("This enterprise is no longer in the register."));
	} else if ((p->form = entrec_need_form(p->rec, &p->rec_ent, need->id))) {
		p->purpose = FP_NEED;
		p->back = MODE_NEEDS;
		p->mode = MODE_FORM;
	}
	sb_free(&err);
}

void enterprises_clear_filters(ent_pane *p)
{
	xfree(&p->f_category);
	xfree(&p->f_area);
	xfree(&p->f_lead);
	xfree(&p->f_pool);
	xfree(&p->f_class);
	xfree(&p->search);
	p->filter.warning_only = false;
	p->filter.include_gone = false;
}

static void apply_filter_form(ent_pane *p, bool clear)
{
	if (clear) {
		enterprises_clear_filters(p);
		shell_message(p->sh, "%s", _("Filters cleared: the whole register is listed"));
	} else {
		set_str(&p->f_category, choice_or_null(p->form, p->fld_category));
		set_str(&p->f_area, choice_or_null(p->form, p->fld_area));
		set_str(&p->f_lead, choice_or_null(p->form, p->fld_lead_filter));
		set_str(&p->f_pool, choice_or_null(p->form, p->fld_pool));
		set_str(&p->f_class, choice_or_null(p->form, p->fld_class));
		p->filter.warning_only = form_yes(p->form, p->fld_warning);
		p->filter.include_gone = form_yes(p->form, p->fld_gone);
	}
	close_form(p);
	enterprises_apply_filter(p);
}

/* F2 in the 360 view: which record to add to the enterprise shown */
void enterprises_form_choose_record(ent_pane *p)
{
	ent_record_clear(&p->rec_ent);
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	int found = ent_store_get(enterprises_db(p), NULL, p->view_id, &p->rec_ent, &se);
	if (found != 0) {
		shell_error(p->sh, "%s", found < 0 ? app_store_text(&se, &err)
		                                   : _("This enterprise is no longer in the register."));
	} else {
		p->form = entrec_chooser(p->rec, &p->rec_ent);
		p->purpose = FP_CHOOSE;
		p->back = MODE_VIEW;
		p->mode = MODE_FORM;
	}
	sb_free(&err);
}

static void open_record_kind(ent_pane *p, entrec_kind k)
{
	int64_t id = entrec_chosen_enterprise(p->form);
	if (id != p->rec_ent.id) {
		ent_record e = { 0 };
		strbuf err = STRBUF_INIT;
		store_err se = { 0 };
		int found = ent_store_get(enterprises_db(p), NULL, id, &e, &se);
		if (found != 0) {
			shell_error(p->sh, "%s", found < 0 ? app_store_text(&se, &err)
			                                   : _("This enterprise is no longer in the register."));
			sb_free(&err);
			return;
		}
		ent_record_clear(&p->rec_ent);
		p->rec_ent = e;
		sb_free(&err);
	}
	form_free(&p->form);
	p->form = entrec_form(p->rec, k, &p->rec_ent);
	if (!p->form) {
		p->mode = MODE_VIEW;
		return;
	}
	p->purpose = FP_RECORD;
}

static void save_enterprise_record(ent_pane *p)
{
	if (entrec_save(p->rec, p->form, &p->rec_ent) < 0)
		return;
	form_free(&p->form);
	if (p->purpose == FP_NEED || p->purpose == FP_WHISTLE) {
		/* the need or whistle may have left the list: read the window again */
		p->mode = p->back;
		lv_invalidate(p->purpose == FP_NEED ? p->needs_lv : p->wh_lv);
		return;
	}
	p->mode = MODE_VIEW;
	/* the warning mark and the pool filter follow the records */
	lv_invalidate(p->lv);
	enterprises_view_rebuild(p);
}

unsigned enterprises_form_key(ent_pane *p, const pane_event *ev)
{
	form_state st = form_key(p->form, ev);
	switch (st) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		if (p->purpose == FP_FILTER)
			apply_filter_form(p, true);
		else if (p->purpose == FP_NEEDS_FILTER)
			apply_needs_filter(p, true);
		else if (p->purpose == FP_WHISTLES_FILTER)
			whistles_filter_done(p, true);
		else if (p->purpose == FP_COVERAGE_FILTER)
			coverage_filter_done(p, true);
		else
			close_form(p);
		return REACT_RECALC;
	case FORM_PRESSED:
		if (p->purpose == FP_FILTER)
			apply_filter_form(p, form_button(p->form) == 1);
		else if (p->purpose == FP_CHOOSE)
			open_record_kind(p, entrec_chosen(p->form));
		else if (p->purpose == FP_NEEDS_FILTER)
			apply_needs_filter(p, form_button(p->form) == 1);
		else if (p->purpose == FP_WHISTLES_FILTER)
			whistles_filter_done(p, form_button(p->form) == 1);
		else if (p->purpose == FP_COVERAGE_FILTER)
			coverage_filter_done(p, form_button(p->form) == 1);
		else if (p->purpose == FP_RECORD || p->purpose == FP_NEED || p->purpose == FP_WHISTLE)
			save_enterprise_record(p);
		else if (p->purpose == FP_CARD)
			enterprises_card_save(p);
		else
			save_record(p);
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

void enterprises_undo(ent_pane *p)
{
	undo_rec *u = &p->undo;
	char k[16];
	shell_key_name(p->sh, ACT_UNDO, k);
	if (!u->have) {
		shell_message(p->sh, "%s", _("Nothing to undo: only an edit made in this session can be undone"));
		return;
	}
	const ent_record *from = u->undone ? &u->before : &u->after;
	const ent_record *to = u->undone ? &u->after : &u->before;
	if (!shell_allowed(p->sh, PERM_ENT_EDIT, from->area) ||
	    !shell_allowed(p->sh, PERM_ENT_EDIT, to->area))
		return;
	store_err err = { 0 };
	const char *why = u->undone ? _("redo of an undone edit") : _("undo of the previous edit");
	if (shell_store_rc(p->sh, ent_store_update(enterprises_db(p), enterprises_actor(p)->login,
	                                           from, to, why, &err), &err) < 0)
		return;
	u->undone = !u->undone;
	if (u->undone)
		shell_message(p->sh, _("Undid the edit of %s (%s again redoes it)"), to->name, k);
	else
		shell_message(p->sh, _("Redid the edit of %s (%s again undoes it)"), to->name, k);
	lv_invalidate(p->lv);
	p->view_id = 0;
	if (p->mode == MODE_VIEW) {
		ent_record shown = { 0 };
		shown.id = to->id;
		shown.name = to->name;
		const ent_record *row = enterprises_cursor_row(p);
		shown.open_appeals = row && row->id == to->id ? row->open_appeals : 0;
		enterprises_view_build(p, &shown);
	}
}
