/* The Enterprises pane's pure side: the sort keys over the register's columns
 * (app/enterprise_list.c says which show at which width), the summary lines, the
 * routing note of the 360 view and the export's default name. */
#include "ui/enterprises/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/enterprise_list.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"

/* the store's sort keys and their columns; the warning mark and the open appeals are
 * not sort keys of the store (no index orders them) */
static const struct {
	ent_sort sort;
	int col;
} sort_cols[] = {
	{ ENT_SORT_NAME, ENT_COL_NAME },
	{ ENT_SORT_USCC, ENT_COL_USCC },
	{ ENT_SORT_CATEGORY, ENT_COL_CATEGORY },
	{ ENT_SORT_AREA, ENT_COL_AREA },
	{ ENT_SORT_LEAD, ENT_COL_LEAD },
	{ ENT_SORT_COMMISSIONER, ENT_COL_COMMISSIONER },
};
enum { NSORT = sizeof sort_cols / sizeof sort_cols[0] };

int entlist_sort_column(ent_sort s)
{
	for (int i = 0; i < NSORT; i++)
		if (sort_cols[i].sort == s)
			return sort_cols[i].col;
	return -1;
}

ent_sort entlist_next_sort(ent_sort s)
{
	for (int i = 0; i < NSORT; i++)
		if (sort_cols[i].sort == s)
			return sort_cols[(i + 1) % NSORT].sort;
	return ENT_SORT_NAME;
}

char *entlist_summary(const char *const *parts, int nparts, ent_sort sort, bool desc,
                      long count, bool more)
{
	strbuf what = STRBUF_INIT, s = STRBUF_INIT;
	for (int i = 0; i < nparts; i++)
		if (parts[i] && *parts[i])
			sb_addf(&what, "%s%s", what.len ? " " : "", parts[i]);
	sb_addf(&s, _("Filter: %s"), what.len ? sb_str(&what) : _("none"));
	int col = entlist_sort_column(sort);
	sb_add(&s, "  ");
	sb_addf(&s, _("Sort: %s%s"), col >= 0 ? _(app_ent_columns[col].header) : "",
	        desc ? "v" : "^");
	if (count >= 0) {
		sb_add(&s, "  ");
		if (more)
			sb_addf(&s, P_("%ld+ enterprise", "%ld+ enterprises", (unsigned long)count),
			        count);
		else
			sb_addf(&s, P_("%ld enterprise", "%ld enterprises", (unsigned long)count),
			        count);
	}
	sb_free(&what);
	return sb_steal(&s);
}

enum { COV_FORMS = 4 };

/* the counts in each form, longest first; filtered, only those of the enterprises (the
 * filter follows them) */
static int coverage_forms(const coverage_sum *s, int days, bool filtered,
                          char *form[COV_FORMS])
{
	long l = s->listed, n = s->enterprises;
	long nc = s->gap[COV_GAP_COMMISSIONER], nk = s->gap[COV_GAP_CARD];
	long nv = s->gap[COV_GAP_VISIT];
	int k = 0;
	if (filtered) {
		form[k++] = xasprintf(_("Gaps: %ld of %ld"), l, n);
	} else {
		/* TRANSLATORS: the coverage list's summary line; the next forms are ever
		 * shorter ones of it for a narrow screen */
		form[k++] = xasprintf(_("Gaps: %ld of %ld (no commissioner %ld, no card %ld, "
		                        "no visit in %d days %ld)"), l, n, nc, nk, days, nv);
		form[k++] = xasprintf(_("Gaps %ld/%ld (no commissioner %ld, no card %ld, "
		                        "%d days unvisited %ld)"), l, n, nc, nk, days, nv);
		form[k++] = xasprintf(_("Gaps %ld/%ld (no commissioner %ld, no card %ld, "
		                        "unvisited %ld)"), l, n, nc, nk, nv);
	}
	form[k++] = xasprintf(_("Gaps %ld/%ld"), l, n);
	return k;
}

char *entlist_coverage_summary(const coverage_sum *sum, int visit_days,
                               const app_coverage_pick *pick, int width)
{
	strbuf filter = STRBUF_INIT;
	if (pick->area)
		sb_addf(&filter, _("  area: %s"), pick->area);
	if (pick->unit)
		sb_addf(&filter, _("  lead unit: %s"), pick->unit);
	if (pick->gap < COV_GAP__COUNT) {
		sb_add(&filter, _("  gap: "));
		app_coverage_gap_words(visit_days, COV_BIT(pick->gap), &filter);
	}
	int room = width;
	if (sum->listed > 0) {
		char pos[48];
		snprintf(pos, sizeof pos, "%ld/%ld", sum->listed, sum->listed);
		room -= text_width(pos) + 1;
	}
	char *form[COV_FORMS];
	bool filtered = pick->area || pick->unit || pick->gap < COV_GAP__COUNT;
	int n = coverage_forms(sum, visit_days, filtered, form);
	int fits = n - 1;
	for (int i = 0; i < n - 1 && fits == n - 1; i++)
		if (text_width(form[i]) + text_width(sb_str(&filter)) <= room)
			fits = i;
	strbuf s = STRBUF_INIT;
	sb_add(&s, form[fits]);
	sb_add(&s, sb_str(&filter));
	for (int i = 0; i < n; i++)
		free(form[i]);
	sb_free(&filter);
	return sb_steal(&s);
}

char *entlist_routing_note(const routing *rt, const ent_record *e)
{
	if (e->lead_override)
		return xasprintf(_("overridden by a supervisor: %s"), e->lead_override);
	route_input in = { e->category, e->group, e->aviation, e->introduced_by, e->area };
	route_result rr;
	if (routing_decide(rt, &in, &rr) < 0)
		return xasprintf(_("the routing table has no rule for category %s"), e->category);
	if (!e->lead_unit || strcmp(rr.lead, e->lead_unit) != 0)
		/* the table changed since the enterprise was last saved */
		return xasprintf(_("%s (the routing table now names %s: saving the enterprise "
		                   "again applies it)"), rr.why, rr.lead);
	return xstrdup(rr.why);
}

char *entlist_export_name(qdate today, bool xlsx)
{
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	return xasprintf("./%s_%04d%02d%02d.%s", _("enterprises"), y, m, d, xlsx ? "xlsx" : "csv");
}
