/* The Enterprises tab (企业): the register read a visible window at a time from the
 * store, with a summary line (filters, sort, count), a search as you type, a filter
 * form, the enterprise 360 view (full screen, or beside the list from 120x30 on),
 * add and edit forms that save through ent_validate and the permission function,
 * undo of the session's last edit, and export and import shared with the CLI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app.h"
#include "app/ent_io.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/category.h"
#include "model/perm.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "ui/detail.h"
#include "ui/enterprises/appeals_section.h"
#include "ui/enterprises/list.h"
#include "ui/enterprises/records.h"
#include "ui/form.h"
#include "ui/listview.h"
#include "ui/panes.h"
#include "ui/prompt.h"
#include "ui/shell.h"

/* the list and the 360 view side by side from this size of the screen (UX.md) */
#define SPLIT_MIN_COLS 120
#define SPLIT_MIN_LINES 30
/* errors of an import the preview lists, and good rows it shows */
#define PREVIEW_ERRORS 50
#define PREVIEW_ROWS 10

static const char *const empty_lines[] = {
	N_("No enterprises yet."),
	"",
	N_("Add one: qifu enterprise add --name NAME --uscc CODE --area AREA --category CATEGORY"),
	N_("Import a spreadsheet: qifu enterprise import FILE.csv (or .xlsx)"),
	N_("Or try qifu on demo data: qifu --db demo.db demo"),
};

typedef enum pane_mode { MODE_LIST, MODE_VIEW, MODE_FORM, MODE_PREVIEW } pane_mode;
typedef enum form_purpose { FP_ADD, FP_EDIT, FP_FILTER, FP_CHOOSE, FP_RECORD } form_purpose;

/* option lists for choice fields, with the strings they own */
typedef struct optlist {
	form_option *v;
	int n, cap;
} optlist;

/* the last edit of this session, written back by undo (and again by redo) */
typedef struct undo_rec {
	bool have;
	bool undone;
	ent_record before, after;
} undo_rec;

typedef struct ent_pane {
	shell *sh;
	listview *lv;
	catalog cat;
	bool have_cat;
	ent_filter filter;
	char *search;
	char *search_before;     /* restored when the search prompt is cancelled */
	char *f_category, *f_area, *f_lead, *f_pool;
	ent_sort sort;
	bool desc;
	ent_row *rows;
	int nrows, cap;
	long offset;
	ui_rect rect;

	pane_mode mode, back;    /* back: where a form returns to */
	/* the form and what it is for */
	form *form;
	form_purpose purpose;
	ent_record form_old;     /* the record an edit started from */
	int fld[ENT_F__COUNT];   /* form field of each enterprise field, -1 when absent */
	int fld_uscc_reason, fld_lead, fld_lead_reason;
	int fld_category, fld_area, fld_lead_filter, fld_pool, fld_warning;
	/* the records of the 360 view and their forms */
	entrec *rec;
	ent_record rec_ent;      /* the enterprise a record form is about */
	/* the 360 view, full screen or beside the list */
	detail *view;
	int64_t view_id;         /* the enterprise the view shows; 0 none */
	bool split, focus_detail;
	/* import preview */
	ent_import_result imp;
	bool have_imp;
	strbuf imp_errors;
	long imp_nerrors;
	/* export waiting for an overwrite answer */
	char *export_path;
	bool cancelled;          /* Esc during the last long work: not an error */
	undo_rec undo;
	char *hint;
} ent_pane;

static db *pane_db(ent_pane *p)
{
	return app_db(shell_ctx(p->sh));
}

static const staff *pane_actor(ent_pane *p)
{
	return app_actor(shell_ctx(p->sh));
}

static bool allowed(ent_pane *p, perm_action act, const char *area)
{
	return shell_allowed(p->sh, act, area);
}

/* the same question without the message, for what a form offers */
static bool may(ent_pane *p, perm_action act)
{
	const staff *me = pane_actor(p);
	perm_actor pa = { me->role, me->unit, me->area, me->level };
	perm_object po = { me->area, NULL };
	return perm_check(&pa, act, &po).allow;
}

/* ---- the list ---- */

static long count_rows(void *arg)
{
	ent_pane *p = arg;
	long n = 0;
	strbuf err = STRBUF_INIT;
	if (shell_store_rc(p->sh, ent_store_count(pane_db(p), &p->filter, &n, &err), &err) < 0)
		n = -1;
	return n;
}

static void clear_rows(ent_pane *p)
{
	for (int i = 0; i < p->nrows; i++)
		ent_row_clear(&p->rows[i]);
	p->nrows = 0;
}

static int fetch_rows(void *arg, long offset, int limit)
{
	ent_pane *p = arg;
	clear_rows(p);
	lv_reserve(&p->rows, &p->cap, limit, sizeof *p->rows);
	strbuf err = STRBUF_INIT;
	int n = 0;
	if (shell_store_rc(p->sh, ent_store_window(pane_db(p), &p->filter, p->sort, p->desc, offset,
	                                    limit, p->rows, &n, &err), &err) < 0)
		n = -1;
	p->nrows = n > 0 ? n : 0;
	p->offset = offset;
	return n;
}

static const char *category_label(ent_pane *p, const char *code, bool full)
{
	const category *c = p->have_cat ? catalog_category(&p->cat, code) : NULL;
	return c ? (full ? c->label : c->short_label) : code;
}

static const char *cell(void *arg, long row, int col)
{
	ent_pane *p = arg;
	static char num[24];
	long i = row - p->offset;
	if (i < 0 || i >= p->nrows)
		return "";
	const ent_row *r = &p->rows[i];
	switch (col) {
	case ENTLIST_NAME: return r->name;
	case ENTLIST_WARNING: return r->warning ? "!" : "";
	case ENTLIST_USCC: return r->uscc;
	case ENTLIST_CATEGORY: return category_label(p, r->category, false);
	case ENTLIST_LEAD: return r->lead_unit;
	case ENTLIST_AREA: return r->area;
	case ENTLIST_COMMISSIONER: return r->commissioner;
	case ENTLIST_APPEALS:
		snprintf(num, sizeof num, "%d", r->open_appeals);
		return num;
	default: return "";
	}
}

/* the row under the cursor, when it is loaded */
static const ent_row *cursor_row(ent_pane *p)
{
	long i = lv_cursor(p->lv) - p->offset;
	return lv_count(p->lv) > 0 && i >= 0 && i < p->nrows ? &p->rows[i] : NULL;
}

static void apply_filter(ent_pane *p)
{
	p->filter.search = p->search;
	p->filter.category = p->f_category;
	p->filter.area = p->f_area;
	p->filter.lead_unit = p->f_lead;
	p->filter.pool = p->f_pool;
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
	shell_dirty_pane(p->sh);
}

/* ---- the 360 view ---- */

static void add_staff_line(ent_pane *p, detail *d, const ent_record *e)
{
	if (!e->commissioner || !*e->commissioner) {
		detail_field(d, _("Commissioner"), _("none assigned"));
		return;
	}
	staff *s = NULL;
	strbuf err = STRBUF_INIT;
	if (staff_store_get(pane_db(p), e->commissioner, &s, &err) == 0) {
		char *v = xasprintf("%s (%s, %s)", s->name, s->login, s->unit);
		detail_field(d, _("Commissioner"), v);
		xfree(&v);
		staff_free(&s);
	} else {
		detail_field(d, _("Commissioner"), e->commissioner);
	}
	sb_free(&err);
}

/* "a、b、c" of a '|'-separated list, or "none" */
static char *joined_units(const char *list)
{
	strbuf b = STRBUF_INIT;
	for (const char *s = list ? list : ""; *s; s++)
		*s == '|' ? sb_add(&b, "、") : sb_addc(&b, *s);
	if (!b.len)
		sb_add(&b, _("none"));
	return sb_steal(&b);
}

/* the enterprise's register entry, who serves it and why, and what else qifu holds */
static void build_view(ent_pane *p, const ent_row *row)
{
	detail *d = p->view;
	bool same = row && row->id == p->view_id;
	detail_clear(d, same);
	p->view_id = row ? row->id : 0;
	if (!row) {
		detail_title(d, _("Enterprise"));
		detail_note(d, _("No enterprise selected."));
		return;
	}
	ent_record e = { 0 };
	strbuf err = STRBUF_INIT;
	int found = ent_store_get(pane_db(p), NULL, row->id, &e, &err);
	if (found != 0) {
		detail_title(d, row->name);
		detail_note(d, found < 0 ? sb_str(&err) : _("This enterprise is no longer in the register."));
		sb_free(&err);
		return;
	}
	detail_title(d, e.name);
	detail_section(d, _("Contact card"));
	detail_field(d, _("Name"), e.name);
	detail_field(d, _("USCC"), e.uscc);
	if (e.uscc_override) {
		char *v = xasprintf(_("fails its check; kept by a supervisor: %s"), e.uscc_override);
		detail_field(d, _("USCC check"), v);
		xfree(&v);
	}
	detail_field(d, _("Address"), e.address);
	detail_field(d, _("Area"), e.area);
	detail_field(d, _("Category"), category_label(p, e.category, true));
	if (*e.group)
		detail_field(d, _("Group"), e.group);
	detail_field(d, _("Aviation"), e.aviation ? _("yes") : _("no"));
	if (*e.introduced_by)
		detail_field(d, _("Introduced by"), e.introduced_by);
	detail_field(d, _("Legal representative"), e.legal_rep);
	detail_field(d, _("Contact"), e.contact);
	detail_field(d, _("Phone"), e.phone);

	detail_section(d, _("Commissioner"));
	add_staff_line(p, d, &e);

	detail_section(d, _("Routing"));
	detail_field(d, _("Lead unit"), e.lead_unit);
	char *coop = joined_units(e.coop_units);
	detail_field(d, _("Cooperating units"), coop);
	xfree(&coop);
	char *why = entlist_routing_note(app_ent_rules(shell_ctx(p->sh))->rt, &e);
	detail_field(d, _("Why"), why);
	xfree(&why);

	entrec_sections(p->rec, d, &e);

	/* the count the register keeps with the enterprise (appeal triggers), then the
	 * appeals themselves */
	detail_section(d, _("Appeals"));
	char *open = xasprintf("%d", row->open_appeals);
	detail_field(d, _("Open appeals"), open);
	xfree(&open);
	appeals_section_add(p->sh, d, e.uscc);
	ent_record_clear(&e);
	sb_free(&err);
}

static void open_view(ent_pane *p)
{
	const ent_row *row = cursor_row(p);
	if (!row)
		return;
	p->view_id = 0;
	build_view(p, row);
	p->mode = MODE_VIEW;
}

/* ---- forms ---- */

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

static void close_form(ent_pane *p)
{
	form_free(&p->form);
	ent_record_clear(&p->form_old);
	p->mode = p->back;
}

/* the register entry's fields; e is the record to edit, or NULL to add one */
static void open_record_form(ent_pane *p, const ent_record *e)
{
	const ent_rules *rules = app_ent_rules(shell_ctx(p->sh));
	const staff *me = pane_actor(p);
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
	p->fld[ENT_F_LEGAL_REP] = form_add_text(f, _("Legal representative"), e ? e->legal_rep : "",
	                                        40, false);
	p->fld[ENT_F_CONTACT] = form_add_text(f, _("Contact"), e ? e->contact : "", 40, false);
	p->fld[ENT_F_PHONE] = form_add_text(f, _("Phone"), e ? e->phone : "", 40, false);
	opt_add(&o, "", _("none"));
	strbuf err = STRBUF_INIT;
	if (staff_store_each(pane_db(p), add_staff_option, &o, &err) < 0)
		shell_error(p->sh, "%s", sb_str(&err));
	sb_free(&err);
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
	const char *login = form_choice(f, p->fld[ENT_F_COMMISSIONER]);
	e->commissioner_id = 0;
	set_str(&e->commissioner, xstrdup(login));
	if (*login) {
		staff *s = NULL;
		strbuf err = STRBUF_INIT;
		int rc = staff_store_get(pane_db(p), login, &s, &err);
		if (rc != 0) {
			form_set_error(f, p->fld[ENT_F_COMMISSIONER],
			               rc < 0 ? sb_str(&err) : _("no such staff login any more"));
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

static void undo_clear(undo_rec *u)
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
		const ent_row *row = cursor_row(p);
		ent_row shown = { 0 };
		if (row) {
			shown = *row;
			shown.id = p->form_old.id;
		}
		build_view(p, row ? &shown : NULL);
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
	if (!allowed(p, adding ? PERM_ENT_ADD : PERM_ENT_EDIT, e.area) ||
	    (!adding && !allowed(p, PERM_ENT_EDIT, p->form_old.area)))
		goto out;
	db *d = pane_db(p);
	const char *actor = pane_actor(p)->login;
	char *owner = NULL;
	sb_reset(&err);
	if ((adding || strcmp(e.uscc, p->form_old.uscc) != 0) &&
	    ent_store_uscc_owner(d, e.uscc, &owner, &err) == 0) {
		char *msg = xasprintf(_("USCC %s is already registered to %s"), e.uscc, owner);
		form_set_error(f, p->fld[ENT_F_USCC], msg);
		xfree(&msg);
		xfree(&owner);
		goto out;
	}
	sb_reset(&err);
	if (adding) {
		int64_t id;
		if (db_begin(d, &err) < 0 || ent_store_insert(d, actor, &e, &id, &err) < 0 ||
		    db_commit(d, &err) < 0) {
			db_rollback(d);
			shell_error(p->sh, "%s", sb_str(&err));
			goto out;
		}
		shell_message(p->sh, _("Added %s, lead unit %s"), e.name, e.lead_unit);
	} else {
		if (ent_store_update(d, actor, &p->form_old, &e, e.lead_override, &err) < 0) {
			shell_error(p->sh, "%s", sb_str(&err));
			goto out;
		}
		char k[16];
		shell_key_name(p->sh, ACT_UNDO, k);
		shell_message(p->sh, _("Saved %s, lead unit %s (%s undoes it)"), e.name, e.lead_unit, k);
		undo_clear(&p->undo);
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

static void open_edit(ent_pane *p, int64_t id)
{
	ent_record e = { 0 };
	strbuf err = STRBUF_INIT;
	int found = ent_store_get(pane_db(p), NULL, id, &e, &err);
	if (found < 0)
		shell_error(p->sh, "%s", sb_str(&err));
	else if (found == 1)
		shell_error(p->sh, "%s", _("This enterprise is no longer in the register."));
	else if (allowed(p, PERM_ENT_EDIT, e.area))
		open_record_form(p, &e);
	ent_record_clear(&e);
	sb_free(&err);
}

static void open_filter_form(ent_pane *p)
{
	const ent_rules *rules = app_ent_rules(shell_ctx(p->sh));
	const staff *me = pane_actor(p);
	form *f = form_new(p->sh, _("Filter the list"));
	optlist o = { 0 };
	opt_add(&o, "", _("all"));
	opt_categories(p, &o);
	p->fld_category = form_add_choice(f, _("Category"), o.v, o.n, p->f_category, false);
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

static void clear_filters(ent_pane *p)
{
	xfree(&p->f_category);
	xfree(&p->f_area);
	xfree(&p->f_lead);
	xfree(&p->f_pool);
	xfree(&p->search);
	p->filter.warning_only = false;
}

static void apply_filter_form(ent_pane *p, bool clear)
{
	if (clear) {
		clear_filters(p);
		shell_message(p->sh, "%s", _("Filters cleared: the whole register is listed"));
	} else {
		set_str(&p->f_category, choice_or_null(p->form, p->fld_category));
		set_str(&p->f_area, choice_or_null(p->form, p->fld_area));
		set_str(&p->f_lead, choice_or_null(p->form, p->fld_lead_filter));
		set_str(&p->f_pool, choice_or_null(p->form, p->fld_pool));
		p->filter.warning_only = form_yes(p->form, p->fld_warning);
	}
	close_form(p);
	apply_filter(p);
}

/* the 360 view shows the enterprise as it is now, at the same scroll position */
static void rebuild_view(ent_pane *p)
{
	ent_row shown = { 0 };
	const ent_row *row = cursor_row(p);
	if (row)
		shown = *row;
	shown.id = p->view_id;
	if (!row || row->id != p->view_id)
		shown.open_appeals = 0;
	build_view(p, &shown);
}

/* F2 in the 360 view: which record to add to the enterprise shown */
static void open_record_chooser(ent_pane *p)
{
	ent_record_clear(&p->rec_ent);
	strbuf err = STRBUF_INIT;
	int found = ent_store_get(pane_db(p), NULL, p->view_id, &p->rec_ent, &err);
	if (found != 0) {
		shell_error(p->sh, "%s", found < 0 ? sb_str(&err)
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
		int found = ent_store_get(pane_db(p), NULL, id, &e, &err);
		if (found != 0) {
			shell_error(p->sh, "%s", found < 0 ? sb_str(&err)
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
	p->mode = MODE_VIEW;
	/* the warning mark and the pool filter follow the records */
	lv_invalidate(p->lv);
	rebuild_view(p);
}

static unsigned form_event(ent_pane *p, const pane_event *ev)
{
	form_state st = form_key(p->form, ev);
	switch (st) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		if (p->purpose == FP_FILTER)
			apply_filter_form(p, true);
		else
			close_form(p);
		return REACT_RECALC;
	case FORM_PRESSED:
		if (p->purpose == FP_FILTER)
			apply_filter_form(p, form_button(p->form) == 1);
		else if (p->purpose == FP_CHOOSE)
			open_record_kind(p, entrec_chosen(p->form));
		else if (p->purpose == FP_RECORD)
			save_enterprise_record(p);
		else
			save_record(p);
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

/* ---- undo ---- */

static void undo_last(ent_pane *p)
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
	if (!allowed(p, PERM_ENT_EDIT, from->area) || !allowed(p, PERM_ENT_EDIT, to->area))
		return;
	strbuf err = STRBUF_INIT;
	const char *why = u->undone ? _("redo of an undone edit") : _("undo of the previous edit");
	if (ent_store_update(pane_db(p), pane_actor(p)->login, from, to, why, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_free(&err);
	u->undone = !u->undone;
	if (u->undone)
		shell_message(p->sh, _("Undid the edit of %s (%s again redoes it)"), to->name, k);
	else
		shell_message(p->sh, _("Redid the edit of %s (%s again undoes it)"), to->name, k);
	lv_invalidate(p->lv);
	p->view_id = 0;
	if (p->mode == MODE_VIEW) {
		ent_row shown = { 0 };
		shown.id = to->id;
		shown.name = to->name;
		const ent_row *row = cursor_row(p);
		shown.open_appeals = row && row->id == to->id ? row->open_appeals : 0;
		build_view(p, &shown);
	}
}

/* ---- export and import ---- */

static bool tui_progress(void *arg, ent_io_phase phase, long done, long total)
{
	ent_pane *p = arg;
	char esc[16];
	shell_key_name(p->sh, ACT_CANCEL, esc);
	long pct = total > 0 ? done * 100 / total : 100;
	char *text;
	if (phase == ENT_IO_CHECK)
		text = xasprintf(_("Checking… %ld%%  %s cancels"), pct, esc);
	else if (phase == ENT_IO_EXPORT)
		text = xasprintf(_("Exporting… %ld/%ld (%ld%%)  %s cancels"), done, total, pct, esc);
	else
		text = xasprintf(_("Importing… %ld/%ld (%ld%%)  %s cancels"), done, total, pct, esc);
	bool cancel = shell_progress(p->sh, text);
	xfree(&text);
	p->cancelled = p->cancelled || cancel;
	return cancel;
}

/* the outcome of long work that failed: a cancel is news, anything else an error */
static void work_failed(ent_pane *p, const char *msg)
{
	if (p->cancelled)
		shell_message(p->sh, "%s", msg);
	else
		shell_error(p->sh, "%s", msg);
}

static void export_now(ent_pane *p, const char *path)
{
	long rows = 0;
	strbuf err = STRBUF_INIT;
	p->cancelled = false;
	if (ent_export_write(shell_ctx(p->sh), &p->filter, p->sort, p->desc, path, tui_progress, p,
	                     &rows, &err) < 0) {
		char *msg = xasprintf(_("%s; nothing written to %s"), sb_str(&err), path);
		work_failed(p, msg);
		xfree(&msg);
	}
	else
		shell_message(p->sh, P_("Exported %ld enterprise -> %s", "Exported %ld enterprises -> %s",
		                        (unsigned long)rows), rows, path);
	sb_free(&err);
}

static void export_done(void *arg, const char *text)
{
	ent_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Export cancelled"));
		return;
	}
	bool xlsx;
	strbuf err = STRBUF_INIT;
	struct stat sbuf;
	if (ent_export_check_path(text, &xlsx, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
	} else if (stat(text, &sbuf) == 0) {
		/* an existing file is replaced only when the user says so */
		set_str(&p->export_path, xstrdup(text));
		shell_message(p->sh, _("%s exists. Replace it? [y/N]"), text);
	} else {
		export_now(p, text);
	}
	sb_free(&err);
}

static void start_export(ent_pane *p)
{
	if (!allowed(p, PERM_ENT_EXPORT, NULL))
		return;
	char *name = entlist_export_name(shell_ctx(p->sh)->today, xlsx_available());
	shell_prompt(p->sh, _("Export the list to (.xlsx or .csv): "), name, export_done, p);
	xfree(&name);
}

static void import_bad(void *arg, const csv_row *row, const char *column, const char *why)
{
	ent_pane *p = arg;
	if (++p->imp_nerrors > PREVIEW_ERRORS)
		return;
	if (column)
		sb_addf(&p->imp_errors, _("line %ld, column %s: %s"), row->line, column, why);
	else
		sb_addf(&p->imp_errors, _("line %ld: %s"), row->line, why);
	sb_addc(&p->imp_errors, '\n');
}

static void build_preview(ent_pane *p)
{
	detail *d = p->view;
	ent_import_result *imp = &p->imp;
	detail_clear(d, false);
	char *title = xasprintf(_("Import preview: %s"), imp->path);
	detail_title(d, title);
	xfree(&title);
	detail_section(d, _("File"));
	detail_field(d, _("Encoding"), imp->encoding);
	char num[32];
	snprintf(num, sizeof num, "%ld", imp->rows);
	detail_field(d, _("Rows"), num);
	snprintf(num, sizeof num, "%ld", imp->ngood);
	detail_field(d, _("Good"), num);
	snprintf(num, sizeof num, "%ld", imp->nbad);
	detail_field(d, _("With errors"), num);
	if (imp->nbad) {
		detail_note(d, _("Nothing will be imported while a row has an error: fix the file and "
		                 "import it again (on the command line --skip-bad imports the good rows "
		                 "and sets the bad ones aside)."));
		detail_section(d, _("Errors"));
		const char *s = sb_str(&p->imp_errors);
		while (*s) {
			const char *nl = strchr(s, '\n');
			char *line = xstrndup(s, nl ? (size_t)(nl - s) : strlen(s));
			detail_item(d, line);
			xfree(&line);
			s = nl ? nl + 1 : s + strlen(s);
		}
		if (p->imp_nerrors > PREVIEW_ERRORS) {
			char *more = xasprintf(_("… and %ld more"), p->imp_nerrors - PREVIEW_ERRORS);
			detail_note(d, more);
			xfree(&more);
		}
	}
	if (imp->ngood) {
		detail_section(d, _("First rows"));
		for (long i = 0; i < imp->ngood && i < PREVIEW_ROWS; i++) {
			const ent_record *e = &imp->good[i].e;
			char *line = xasprintf(_("line %ld: %s  %s  %s  %s, lead unit %s"), imp->good[i].line,
			                       e->name, e->uscc, e->area, category_label(p, e->category, false),
			                       e->lead_unit);
			detail_item(d, line);
			xfree(&line);
		}
		if (imp->ngood > PREVIEW_ROWS) {
			char *more = xasprintf(_("… and %ld more"), imp->ngood - PREVIEW_ROWS);
			detail_note(d, more);
			xfree(&more);
		}
	}
}

static void drop_import(ent_pane *p)
{
	if (p->have_imp)
		ent_import_free(&p->imp);
	p->have_imp = false;
	sb_reset(&p->imp_errors);
	p->imp_nerrors = 0;
}

static void import_done(void *arg, const char *text)
{
	ent_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Import cancelled"));
		return;
	}
	drop_import(p);
	ent_import_hooks hooks = { NULL, import_bad, tui_progress, p };
	strbuf err = STRBUF_INIT;
	p->cancelled = false;
	int rc = ent_import_check(shell_ctx(p->sh), text, &hooks, &p->imp, &err);
	p->have_imp = true;
	if (rc < 0) {
		work_failed(p, sb_str(&err));
		drop_import(p);
	} else {
		build_preview(p);
		p->mode = MODE_PREVIEW;
	}
	sb_free(&err);
	shell_dirty_pane(p->sh);
}

static void start_import(ent_pane *p)
{
	if (allowed(p, PERM_ENT_IMPORT, NULL))
		shell_prompt(p->sh, _("Import enterprises from (CSV file): "), "", import_done, p);
}

static void finish_import(ent_pane *p, bool yes)
{
	bool can = p->imp.nbad == 0 && p->imp.ngood > 0;
	if (yes && can) {
		strbuf err = STRBUF_INIT;
		p->cancelled = false;
		if (ent_import_write(shell_ctx(p->sh), &p->imp, tui_progress, p, &err) < 0) {
			char *msg = xasprintf(_("%s; nothing imported"), sb_str(&err));
			work_failed(p, msg);
			xfree(&msg);
		} else {
			shell_message(p->sh, P_("Imported %ld enterprise from %s",
			                        "Imported %ld enterprises from %s", (unsigned long)p->imp.ngood),
			              p->imp.ngood, p->imp.path);
		}
		sb_free(&err);
		lv_invalidate(p->lv);
	} else {
		shell_message(p->sh, "%s", _("Nothing imported"));
	}
	drop_import(p);
	p->mode = MODE_LIST;
}

/* ---- the pane ---- */

static void *create(shell *sh)
{
	ent_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	strbuf err = STRBUF_INIT;
	/* without the catalogue the codes themselves are shown: still true, less friendly */
	p->have_cat = catalog_load(&p->cat, paths_data_dir(), &err) == 0;
	if (!p->have_cat)
		shell_error(sh, "%s", sb_str(&err));
	sb_free(&err);
	/* area officers see only their own area's enterprises (issue 3); the store
	 * enforces it, the pane only passes the scope */
	const staff *me = shell_ctx(sh)->actor;
	if (me && me->role == ROLE_AREA_OFFICER)
		p->filter.scope_area = me->area;
	lv_source src = { count_rows, fetch_rows, cell, p };
	p->lv = lv_new(entlist_columns, ENTLIST__COUNT, &src);
	lv_set_sort(p->lv, entlist_sort_column(ENT_SORT_NAME), false);
	p->view = detail_new();
	p->rec = entrec_new(sh);
	return p;
}

static void destroy(void *state)
{
	ent_pane *p = state;
	clear_rows(p);
	xfree(&p->rows);
	lv_free(&p->lv);
	if (p->have_cat)
		catalog_free(&p->cat);
	form_free(&p->form);
	ent_record_clear(&p->form_old);
	detail_free(&p->view);
	entrec_free(&p->rec);
	ent_record_clear(&p->rec_ent);
	drop_import(p);
	sb_free(&p->imp_errors);
	undo_clear(&p->undo);
	clear_filters(p);
	xfree(&p->search_before);
	xfree(&p->export_path);
	xfree(&p->hint);
	xfree(&p);
}

/* the list's rectangle, the detail's beside it (w 0 when not split) */
static void split_rects(ent_pane *p, ui_rect r, ui_rect *list, ui_rect *side)
{
	/* the shell's title, status and F-key rows are the other three of the screen */
	p->split = r.w >= SPLIT_MIN_COLS && r.h + 3 >= SPLIT_MIN_LINES;
	*list = (ui_rect){ r.y + 1, r.x, r.h - 1, r.w };
	*side = (ui_rect){ r.y + 1, r.x + r.w, r.h - 1, 0 };
	if (!p->split) {
		p->focus_detail = false;
		return;
	}
	int dw = r.w * 2 / 5;
	list->w = r.w - dw - 1;
	*side = (ui_rect){ r.y + 1, r.x + list->w + 1, r.h - 1, dw };
}

static void recalc(void *state, ui_rect r)
{
	ent_pane *p = state;
	p->rect = r;
	if (p->mode == MODE_FORM) {
		form_recalc(p->form, r);
		return;
	}
	if (p->mode == MODE_VIEW || p->mode == MODE_PREVIEW) {
		detail_recalc(p->view, r);
		return;
	}
	ui_rect list, side;
	split_rects(p, r, &list, &side);
	lv_recalc(p->lv, list);
	if (p->split) {
		const ent_row *row = cursor_row(p);
		if (!row || row->id != p->view_id)
			build_view(p, row);
		detail_recalc(p->view, side);
	}
}

/* 筛选: hqjs 规上工业  排序: 名称^  共 57 条, and the cursor's row number on the right
 * so the position shows without highlighting */
static void draw_summary(ent_pane *p, ui_rect r)
{
	const char *parts[6] = { p->search, NULL, p->f_area, p->f_lead, NULL, NULL };
	if (p->f_category)
		parts[1] = category_label(p, p->f_category, false);
	if (p->f_pool)
		parts[4] = entrec_pool_name(p->rec, p->f_pool);
	if (p->filter.warning_only)
		parts[5] = _("with an open warning");
	long n = lv_count(p->lv);
	char *s = entlist_summary(parts, 6, p->sort, p->desc, n);
	char pos[48] = "";
	if (n > 0)
		snprintf(pos, sizeof pos, "%ld/%ld", lv_cursor(p->lv) + 1, n);
	int pw = text_width(pos);
	if (pw + 1 >= r.w)
		pw = 0;
	draw_text(r.y, r.x, r.w - pw, s, TEXT_LEFT, STYLE_NORMAL);
	if (pw)
		draw_text(r.y, r.x + r.w - pw, pw, pos, TEXT_RIGHT, STYLE_NORMAL);
	xfree(&s);
}

static bool filtered(const ent_pane *p)
{
	return p->search || p->f_category || p->f_area || p->f_lead || p->f_pool ||
	       p->filter.warning_only;
}

static void repaint(void *state, ui_rect r)
{
	ent_pane *p = state;
	if (r.h <= 0)
		return;
	if (p->mode == MODE_FORM) {
		form_repaint(p->form, r);
		return;
	}
	if (p->mode == MODE_VIEW || p->mode == MODE_PREVIEW) {
		detail_repaint(p->view, r, false);
		return;
	}
	ui_rect list, side;
	split_rects(p, r, &list, &side);
	draw_summary(p, r);
	if (lv_count(p->lv) == 0 && !filtered(p)) {
		const char *tr[sizeof empty_lines / sizeof empty_lines[0]];
		for (size_t i = 0; i < sizeof empty_lines / sizeof empty_lines[0]; i++)
			tr[i] = *empty_lines[i] ? _(empty_lines[i]) : "";
		ui_rect all = { r.y + 1, r.x, r.h - 1, r.w };
		draw_message(all, tr, (int)(sizeof tr / sizeof tr[0]), STYLE_NORMAL);
		return;
	}
	lv_repaint(p->lv, list);
	if (lv_count(p->lv) == 0 && list.h > 2)
		draw_text(list.y + 2, list.x, list.w, _("No enterprise matches the search and filters."),
		          TEXT_CENTER, STYLE_DIM);
	if (p->split) {
		for (int y = 0; y < side.h; y++)
			draw_text(side.y + y, side.x - 1, 1, "|", TEXT_LEFT, STYLE_NORMAL);
		detail_repaint(p->view, side, p->focus_detail);
	}
}

static void search_changed(void *arg, const char *text)
{
	ent_pane *p = arg;
	set_str(&p->search, *text ? xstrdup(text) : NULL);
	apply_filter(p);
}

static void search_done(void *arg, const char *text)
{
	ent_pane *p = arg;
	if (!text) {
		/* Esc: back to the search there was before */
		set_str(&p->search, p->search_before);
		p->search_before = NULL;
	} else {
		set_str(&p->search, *text ? xstrdup(text) : NULL);
		xfree(&p->search_before);
	}
	apply_filter(p);
}

static void start_search(ent_pane *p, qkey key)
{
	char seed[8];
	/* The store answers "which rows match", not "where is the next match", so a
	 * search narrows the list as it is typed; n and N then walk the matches. */
	prompt_seed(shell_keymap(p->sh), key, seed);
	set_str(&p->search_before, p->search ? xstrdup(p->search) : NULL);
	shell_prompt_live(p->sh, _("Search (name, code or pinyin): "), *seed ? seed : p->search,
	                  search_changed, search_done, p);
	if (*seed)
		search_changed(p, seed);
}

static unsigned list_event(ent_pane *p, const pane_event *ev)
{
	const ent_row *row = cursor_row(p);
	if (p->export_path) {
		/* the answer to "replace it? [y/N]" */
		char *path = p->export_path;
		p->export_path = NULL;
		if (prompt_yes(ev->key))
			export_now(p, path);
		else
			shell_message(p->sh, "%s", _("Export cancelled"));
		xfree(&path);
		return REACT_REPAINT;
	}
	switch (ev->act) {
	case ACT_SEARCH:
		start_search(p, ev->key);
		return REACT_NONE;
	case ACT_FILTER:
		open_filter_form(p);
		return REACT_RECALC;
	case ACT_SEARCH_NEXT:
		return p->search ? lv_handle(p->lv, ACT_DOWN) : REACT_UNHANDLED;
	case ACT_SEARCH_PREV:
		return p->search ? lv_handle(p->lv, ACT_UP) : REACT_UNHANDLED;
	case ACT_SORT:
		p->sort = entlist_next_sort(p->sort);
		p->desc = false;
		break;
	case ACT_SORT_REVERSE:
		p->desc = !p->desc;
		break;
	case ACT_REFRESH:
		lv_invalidate(p->lv);
		p->view_id = 0;
		return REACT_RECALC;
	case ACT_OPEN:
		open_view(p);
		return REACT_RECALC;
	case ACT_NEW:
		if (allowed(p, PERM_ENT_ADD, pane_actor(p)->area))
			open_record_form(p, NULL);
		return REACT_RECALC;
	case ACT_EDIT:
		if (row)
			open_edit(p, row->id);
		return REACT_RECALC;
	case ACT_UNDO:
		undo_last(p);
		return REACT_RECALC;
	case ACT_EXPORT:
		start_export(p);
		return REACT_NONE;
	case ACT_IMPORT:
		start_import(p);
		return REACT_NONE;
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		if (!p->split)
			return REACT_UNHANDLED;
		p->focus_detail = !p->focus_detail;
		return REACT_REPAINT;
	default:
		if (p->split && p->focus_detail && detail_handle(p->view, ev->act) != REACT_UNHANDLED)
			return REACT_RECALC;
		return lv_handle(p->lv, ev->act);
	}
	lv_set_sort(p->lv, entlist_sort_column(p->sort), p->desc);
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
	return REACT_RECALC;
}

static unsigned view_event(ent_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_LIST;
		p->view_id = 0;
		return REACT_RECALC;
	case ACT_EDIT:
		if (p->view_id)
			open_edit(p, p->view_id);
		return REACT_RECALC;
	case ACT_NEW:
		if (p->view_id)
			open_record_chooser(p);
		return REACT_RECALC;
	case ACT_UNDO:
		undo_last(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		rebuild_view(p);
		return REACT_RECALC;
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		return REACT_UNHANDLED;
	default:
		detail_handle(p->view, ev->act);
		return REACT_RECALC;
	}
}

static unsigned preview_event(ent_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		detail_handle(p->view, ev->act);
		return REACT_RECALC;
	case ACT_HELP: case ACT_MENU: case ACT_QUIT:
		return REACT_UNHANDLED;
	default:
		/* y imports; anything else is no (UX.md) */
		finish_import(p, prompt_yes(ev->key));
		return REACT_RECALC;
	}
}

static unsigned handle(void *state, const pane_event *ev)
{
	ent_pane *p = state;
	switch (p->mode) {
	case MODE_FORM:
		return form_event(p, ev);
	case MODE_VIEW:
		return view_event(p, ev);
	case MODE_PREVIEW:
		return preview_event(p, ev);
	default:
		return list_event(p, ev);
	}
}

static bool offers(void *state, action a)
{
	ent_pane *p = state;
	switch (a) {
	case ACT_UNDO:
		return (p->mode == MODE_LIST || p->mode == MODE_VIEW) && p->undo.have;
	case ACT_REFRESH:
		return p->mode == MODE_LIST || p->mode == MODE_VIEW;
	case ACT_NEW:
		return p->mode == MODE_LIST || p->mode == MODE_VIEW;
	case ACT_SEARCH: case ACT_FILTER: case ACT_SORT: case ACT_EXPORT:
		return p->mode == MODE_LIST;
	case ACT_PREV_MONTH: case ACT_NEXT_MONTH: case ACT_TODAY: case ACT_CHECK_DATE:
		return false; /* the Calendar's */
	case ACT_MOVE: case ACT_CALLBACK:
		return false; /* the Appeals' */
	default:
		return p->mode == MODE_LIST;
	}
}

static bool caret(void *state, int *y, int *x)
{
	ent_pane *p = state;
	return p->mode == MODE_FORM && form_caret(p->form, y, x);
}

/* a form, the import's [y/N] and the export's "replace it? [y/N]" take every key */
static bool modal(void *state)
{
	ent_pane *p = state;
	return p->mode == MODE_FORM || p->mode == MODE_PREVIEW ||
	       (p->mode == MODE_LIST && p->export_path);
}

static const char *hint(void *state)
{
	ent_pane *p = state;
	char k1[16], k2[16], k3[16];
	switch (p->mode) {
	case MODE_FORM:
		return form_hint(p->form);
	case MODE_VIEW:
		shell_key_name(p->sh, ACT_CANCEL, k1);
		shell_key_name(p->sh, ACT_EDIT, k2);
		shell_key_name(p->sh, ACT_NEW, k3);
		set_str(&p->hint, xasprintf(_("%s back to the list, %s edit, %s new visit, need, pool "
		                              "or warning"), k1, k2, k3));
		return p->hint;
	case MODE_PREVIEW:
		if (p->imp.nbad || !p->imp.ngood)
			set_str(&p->hint, xasprintf("%s", _("Nothing can be imported: any key goes back")));
		else
			set_str(&p->hint, xasprintf(P_("Import %ld enterprise from %s? [y/N]",
			                              "Import %ld enterprises from %s? [y/N]",
			                              (unsigned long)p->imp.ngood),
			                            p->imp.ngood, p->imp.path));
		return p->hint;
	default:
		if (p->split && p->focus_detail) {
			shell_key_name(p->sh, ACT_NEXT_TAB, k1);
			set_str(&p->hint, xasprintf(_("The detail has the focus: arrows scroll it, %s goes "
			                              "back to the list"), k1));
			return p->hint;
		}
		return NULL;
	}
}

const pane_ops pane_enterprises = {
	.create = create,
	.destroy = destroy,
	.recalc = recalc,
	.repaint = repaint,
	.handle = handle,
	.offers = offers,
	.caret = caret,
	.hint = hint,
	.modal = modal,
};
