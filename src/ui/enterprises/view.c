/* The enterprise 360 view: the register entry, who serves the enterprise and why,
 * then what else qifu holds about it (app/ent_view.h, which qifu enterprise show
 * --full prints too), in the one detail widget. */
#include "app/app.h"
#include "app/ent_view.h"
#include "app/personal.h"
#include "app/enterprise_list.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/enterprises/list.h"
#include "ui/enterprises/private.h"

static void add_staff_line(ent_pane *p, detail *d, const ent_record *e)
{
	if (!e->commissioner || !*e->commissioner) {
		detail_field(d, _("Commissioner"), _("none assigned"));
		return;
	}
	staff *s = NULL;
	store_err err = { 0 };
	if (staff_store_get(enterprises_db(p), e->commissioner, &s, &err) == 0) {
		char *v = xasprintf("%s (%s, %s)", s->name, s->login, s->unit);
		detail_field(d, _("Commissioner"), v);
		xfree(&v);
		staff_free(&s);
	} else {
		detail_field(d, _("Commissioner"), e->commissioner);
	}
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

/* the 360 view's records into the detail widget */
static void to_section(void *arg, const char *key, const char *heading)
{
	detail_section(arg, heading);
}

static void to_item(void *arg, int level, const char *text, const app_kv *kv, int nkv)
{
	if (level == 0)
		detail_item(arg, text);
	else
		detail_subitem(arg, text);
}

static void to_field(void *arg, const char *label, const char *value)
{
	detail_field(arg, label, value);
}

static void to_note(void *arg, const char *text)
{
	detail_note(arg, text);
}

/* the enterprise's register entry, who serves it and why, and what else qifu holds */
void enterprises_view_build(ent_pane *p, const ent_record *row)
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
	store_err se = { 0 };
	int found = ent_store_get(enterprises_db(p), NULL, row->id, &e, &se);
	if (found != 0) {
		detail_title(d, row->name);
		detail_note(d, found < 0 ? app_store_text(&se, &err)
		               : _("This enterprise is no longer in the register."));
		sb_free(&err);
		return;
	}
	/* personal fields in full are recorded once a session; masked when they cannot be */
	if (app_ent_shown(shell_ctx(p->sh), &e, &err) < 0)
		shell_error(p->sh, "%s", sb_str(&err));
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
	detail_field(d, _("Category"), enterprises_category_label(p, e.category, true));
	ent_class cls = app_ent_class(&e, app_ent_rules(shell_ctx(p->sh))->cat);
	detail_field(d, _("Class (三大类)"), _(ent_class_short(cls)));
	ent_status st = ENT_ST_OPERATING;
	ent_status_parse(e.status, &st);
	detail_field(d, _("Operating status"), _(ent_status_label(st)));
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

	const app_ent_sink sink = { to_section, to_item, to_field, to_note, d };
	app_ent_records(shell_ctx(p->sh), &e, row->open_appeals, &sink);
	ent_record_clear(&e);
	sb_free(&err);
}

void enterprises_view_open(ent_pane *p)
{
	const ent_record *row = enterprises_cursor_row(p);
	if (!row)
		return;
	p->view_id = 0;
	enterprises_view_build(p, row);
	p->mode = MODE_VIEW;
}

/* the 360 view shows the enterprise as it is now, at the same scroll position */
void enterprises_view_rebuild(ent_pane *p)
{
	ent_record shown = { 0 };
	const ent_record *row = enterprises_cursor_row(p);
	if (row)
		shown = *row;
	shown.id = p->view_id;
	if (!row || row->id != p->view_id)
		shown.open_appeals = 0;
	enterprises_view_build(p, &shown);
}
