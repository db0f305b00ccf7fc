/* The Enterprises tab (企业): the enterprise list read a visible window at a time from
 * the store, a summary line (filter, sort, count), sorting by any column, and a search
 * that narrows the list through the store's search (name, USCC prefix, pinyin). With
 * an empty table it says how to add or import enterprises. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "model/category.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "ui/listview.h"
#include "ui/prompt.h"
#include "ui/shell.h"

/* the columns, in ent_sort order so a column index is its sort key */
static const lv_column columns[] = {
	{ N_("Name"), 16, true, TEXT_LEFT, 0 },
	{ N_("USCC"), 18, false, TEXT_LEFT, 0 },
	{ N_("Category"), 8, false, TEXT_LEFT, 0 },
	{ N_("Area"), 12, false, TEXT_LEFT, 0 },
	{ N_("Lead unit"), 12, false, TEXT_LEFT, 0 },
	{ N_("Commissioner"), 12, false, TEXT_LEFT, 100 },
};
enum { NCOLS = sizeof columns / sizeof columns[0] };

static const char *const empty_lines[] = {
	N_("No enterprises yet."),
	"",
	N_("Add one: qifu enterprise add --name NAME --uscc CODE --area AREA --category CATEGORY"),
	N_("Import a spreadsheet: qifu enterprise import FILE.csv (or .xlsx)"),
	N_("Or try qifu on demo data: qifu --db demo.db demo"),
};

typedef struct ent_pane {
	shell *sh;
	listview *lv;
	catalog cat;
	bool have_cat;
	ent_filter filter;
	char *search;
	ent_sort sort;
	bool desc;
	ent_row *rows;
	int nrows, cap;
	long offset;
} ent_pane;

static db *pane_db(ent_pane *p)
{
	return cli_db(shell_ctx(p->sh));
}

static long count_rows(void *arg)
{
	ent_pane *p = arg;
	long n = 0;
	strbuf err = STRBUF_INIT;
	if (ent_store_count(pane_db(p), &p->filter, &n, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		n = -1;
	}
	sb_free(&err);
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
	if (limit > p->cap) {
		p->rows = xrealloc(p->rows, (size_t)limit * sizeof *p->rows);
		p->cap = limit;
	}
	memset(p->rows, 0, (size_t)limit * sizeof *p->rows);
	strbuf err = STRBUF_INIT;
	int n = 0;
	if (ent_store_window(pane_db(p), &p->filter, p->sort, p->desc, offset, limit, p->rows, &n,
	                     &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		n = -1;
	}
	sb_free(&err);
	p->nrows = n > 0 ? n : 0;
	p->offset = offset;
	return n;
}

static const char *category_label(ent_pane *p, const char *code)
{
	const category *c = p->have_cat ? catalog_category(&p->cat, code) : NULL;
	return c ? c->short_label : code;
}

static const char *cell(void *arg, long row, int col)
{
	ent_pane *p = arg;
	long i = row - p->offset;
	if (i < 0 || i >= p->nrows)
		return "";
	const ent_row *r = &p->rows[i];
	switch (col) {
	case 0: return r->name;
	case 1: return r->uscc;
	case 2: return category_label(p, r->category);
	case 3: return r->area;
	case 4: return r->lead_unit;
	case 5: return r->commissioner;
	default: return "";
	}
}

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
	p->lv = lv_new(columns, NCOLS, &src);
	lv_set_sort(p->lv, ENT_SORT_NAME, false);
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
	xfree(&p->search);
	xfree(&p);
}

static void recalc(void *state, ui_rect r)
{
	ent_pane *p = state;
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	lv_recalc(p->lv, list);
}

/* 筛选: hqjs  排序: 名称^  共 57 条, and the cursor's row number on the right so the
 * position shows without highlighting */
static void draw_summary(ent_pane *p, ui_rect r)
{
	strbuf s = STRBUF_INIT;
	sb_addf(&s, _("Filter: %s"), p->search ? p->search : _("none"));
	sb_add(&s, "  ");
	sb_addf(&s, _("Sort: %s%s"), _(columns[p->sort].header), p->desc ? "v" : "^");
	long n = lv_count(p->lv);
	char pos[48] = "";
	if (n >= 0) {
		sb_add(&s, "  ");
		sb_addf(&s, P_("%ld enterprise", "%ld enterprises", (unsigned long)n), n);
		if (n > 0)
			snprintf(pos, sizeof pos, "%ld/%ld", lv_cursor(p->lv) + 1, n);
	}
	int pw = text_width(pos);
	if (pw + 1 >= r.w)
		pw = 0;
	draw_text(r.y, r.x, r.w - pw, sb_str(&s), TEXT_LEFT, STYLE_NORMAL);
	if (pw)
		draw_text(r.y, r.x + r.w - pw, pw, pos, TEXT_RIGHT, STYLE_NORMAL);
	sb_free(&s);
}

static void repaint(void *state, ui_rect r)
{
	ent_pane *p = state;
	if (r.h <= 0)
		return;
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	if (lv_count(p->lv) == 0 && !p->search) {
		draw_summary(p, r);
		const char *tr[sizeof empty_lines / sizeof empty_lines[0]];
		for (size_t i = 0; i < sizeof empty_lines / sizeof empty_lines[0]; i++)
			tr[i] = *empty_lines[i] ? _(empty_lines[i]) : "";
		draw_message(list, tr, (int)(sizeof tr / sizeof tr[0]), STYLE_NORMAL);
		return;
	}
	draw_summary(p, r);
	lv_repaint(p->lv, list);
	if (lv_count(p->lv) == 0 && list.h > 2) {
		char *msg = xasprintf(_("No enterprise matches \"%s\"."), p->search);
		draw_text(list.y + 2, list.x, list.w, msg, TEXT_CENTER, STYLE_DIM);
		xfree(&msg);
	}
}

static void search_done(void *arg, const char *text)
{
	ent_pane *p = arg;
	if (!text)
		return;
	xfree(&p->search);
	if (*text)
		p->search = xstrdup(text);
	p->filter.search = p->search;
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
	shell_dirty_pane(p->sh);
}

/* Esc in the filter prompt clears the filter (UX.md) */
static void filter_done(void *arg, const char *text)
{
	search_done(arg, text ? text : "");
}

static unsigned handle(void *state, const pane_event *ev)
{
	ent_pane *p = state;
	char seed[8];
	switch (ev->act) {
	case ACT_SEARCH:
		/* The store answers "which rows match", not "where is the next match", so a
		 * search narrows the list; n and N then walk the matches. */
		prompt_seed(shell_keymap(p->sh), ev->key, seed);
		shell_prompt(p->sh, _("Search (name, code or pinyin): "), *seed ? seed : p->search,
		             search_done, p);
		return REACT_NONE;
	case ACT_FILTER:
		shell_prompt(p->sh, _("Filter (name, code or pinyin; Esc clears): "), p->search,
		             filter_done, p);
		return REACT_NONE;
	case ACT_SEARCH_NEXT:
		return p->search ? lv_handle(p->lv, ACT_DOWN) : REACT_UNHANDLED;
	case ACT_SEARCH_PREV:
		return p->search ? lv_handle(p->lv, ACT_UP) : REACT_UNHANDLED;
	case ACT_SORT:
		p->sort = (ent_sort)((p->sort + 1) % ENT_SORT__COUNT);
		p->desc = false;
		break;
	case ACT_SORT_REVERSE:
		p->desc = !p->desc;
		break;
	case ACT_REFRESH:
		lv_invalidate(p->lv);
		return REACT_RECALC;
	default:
		return lv_handle(p->lv, ev->act);
	}
	lv_set_sort(p->lv, p->sort, p->desc);
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
	return REACT_RECALC;
}

const pane_ops pane_enterprises = {
	N_("Enterprises"), create, destroy, recalc, repaint, handle,
};
