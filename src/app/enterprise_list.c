/* The register's columns and cells (app/enterprise_list.h). The screen at 80 columns
 * shows name, the warning mark "!", USCC, category, area and lead unit (UX.md's
 * layout); from 100 the commissioner joins, from 110 the open appeals. When the name
 * would get fewer than 20 cells (the list beside the 360 view, a narrow pane) the
 * fixed columns drop from the right: lead unit, area, category, then USCC. The
 * command line prints every column with a key, in this order. */
#include "app/enterprise_list.h"

#include "core/i18n.h"

const app_column app_ent_columns[ENT_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[ENT_COL_NAME] = { "name", N_("Name"), COL_STR, 20, true, TEXT_LEFT, 0 },
	/* "!" is a mark like ^ and v, the same in every language (the help's legend) */
	[ENT_COL_WARNING] = { NULL, "!", COL_STR, 1, false, TEXT_LEFT, 0 },
	[ENT_COL_USCC] = { "uscc", N_("USCC"), COL_STR, 18, false, TEXT_LEFT, 0 },
	[ENT_COL_CATEGORY] = { "category", N_("Category"), COL_STR, 8, false, TEXT_LEFT, 0 },
	[ENT_COL_AREA] = { "area", N_("Area"), COL_STR, 12, false, TEXT_LEFT, 0 },
	[ENT_COL_GROUP] = { "group", N_("Group"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ENT_COL_AVIATION] = { "aviation", N_("Aviation"), COL_BOOL, 0, false, TEXT_LEFT, 0 },
	[ENT_COL_INTRODUCED] = { "introduced_by", N_("Introduced by"), COL_STR, 0, false,
		TEXT_LEFT, 0 },
	[ENT_COL_LEAD] = { "lead_unit", N_("Lead unit"), COL_STR, 12, false, TEXT_LEFT, 0 },
	[ENT_COL_COOP] = { "cooperating_units", N_("Cooperating units"), COL_LIST, 0, false,
		TEXT_LEFT, 0 },
	[ENT_COL_ADDRESS] = { "address", N_("Address"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ENT_COL_LEGAL_REP] = { "legal_rep", N_("Legal representative"), COL_STR, 0, false,
		TEXT_LEFT, 0 },
	[ENT_COL_CONTACT] = { "contact", N_("Contact"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ENT_COL_PHONE] = { "phone", N_("Phone"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ENT_COL_COMMISSIONER] = { "commissioner", N_("Commissioner"), COL_STR, 12, false,
		TEXT_LEFT, 100 },
	[ENT_COL_APPEALS] = { NULL, N_("Open appeals"), COL_INT, 8, false, TEXT_RIGHT, 110 },
	[ENT_COL_STATUS] = { "status", N_("Status"), COL_STR, 6, false, TEXT_LEFT, 130 },
	[ENT_COL_CLASS] = { "class", N_("Class"), COL_STR, 6, false, TEXT_LEFT, 100 },
};

void app_ent_cell(const ent_record *e, int col, app_cell_form form, const catalog *cat,
                  strbuf *out)
{
	bool words = form == CELL_WORDS;
	const category *k;
	const char *s = NULL; /* the cell, when it is one of e's strings */
	switch ((enum app_ent_col)col) {
	case ENT_COL_NAME: s = e->name; break;
	case ENT_COL_WARNING: s = e->warning ? "!" : ""; break;
	case ENT_COL_USCC: s = e->uscc; break;
	case ENT_COL_CATEGORY:
		/* the short label fits the list; without the catalogue the code is still true */
		k = words && cat ? catalog_category(cat, e->category) : NULL;
		s = k ? k->short_label : e->category;
		break;
	case ENT_COL_AREA: s = e->area; break;
	case ENT_COL_GROUP: s = e->group; break;
	case ENT_COL_AVIATION: s = e->aviation ? "1" : "0"; break;
	case ENT_COL_INTRODUCED: s = e->introduced_by; break;
	case ENT_COL_LEAD: s = e->lead_unit; break;
	case ENT_COL_COOP: s = e->coop_units; break;
	case ENT_COL_ADDRESS: s = e->address; break;
	case ENT_COL_LEGAL_REP: s = e->legal_rep; break;
	case ENT_COL_CONTACT: s = e->contact; break;
	case ENT_COL_PHONE: s = e->phone; break;
	case ENT_COL_COMMISSIONER:
		/* people read the commissioner's name, scripts the login they can pass back */
		s = words && e->commissioner_name && *e->commissioner_name ? e->commissioner_name
		                                                           : e->commissioner;
		break;
	case ENT_COL_APPEALS: sb_addf(out, "%d", e->open_appeals); break;
	case ENT_COL_CLASS: {
		ent_class c = app_ent_class(e, cat);
		s = words ? _(ent_class_short(c)) : ent_class_code(c);
		break;
	}
	case ENT_COL_STATUS: {
		ent_status st;
		s = words && ent_status_parse(e->status, &st) ? _(ent_status_label(st)) : e->status;
		break;
	}
	case ENT_COL__COUNT: break;
	}
	if (s)
		sb_add(out, s);
}

ent_class app_ent_class(const ent_record *e, const catalog *cat)
{
	const category *k = cat ? catalog_category(cat, e->category) : NULL;
	return ent_class_decide(k ? k->cls : ENT_CLASS_ABOVE, e->aviation, e->group,
	                        e->introduced_by);
}

void app_ent_filter_class(ent_filter *f, ent_class c, const catalog *cat, const char **cats,
                          int max)
{
	int n = 0;
	for (int i = 0; cat && i < cat->ncats && n < max; i++)
		if (cat->cats[i].cls == c)
			cats[n++] = cat->cats[i].code;
	cats[n] = NULL;
	f->cls = ent_class_code(c);
	f->cls_categories = cats;
}
