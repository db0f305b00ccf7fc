/* The Enterprises tab (企业): the register read a visible window at a time from the
 * store, with a summary line (filters, sort, count) and a search as you type; the keys
 * of each mode and the pane's ops. The 360 view is in view.c (full screen, or beside
 * the list from 120x30 on), the forms and undo in forms.c, export and import in io.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/personal.h"
#include "app/enterprise_list.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "policy/policy.h"
#include "ui/enterprises/list.h"
#include "ui/enterprises/private.h"
#include "ui/panes.h"
#include "ui/prompt.h"

/* the list and the 360 view side by side from this size of the screen (UX.md) */
#define SPLIT_MIN_COLS 120
#define SPLIT_MIN_LINES 30

static const char *const empty_lines[] = {
	N_("No enterprises yet."),
	"",
	N_("Add one: qifu enterprise add --name NAME --uscc CODE --area AREA --category CATEGORY"),
	N_("Import a spreadsheet: qifu enterprise import FILE.csv (or .xlsx)"),
	N_("Or try qifu on demo data: qifu --db demo.db demo"),
};

db *enterprises_db(ent_pane *p)
{
	return app_db(shell_ctx(p->sh));
}

const staff *enterprises_actor(ent_pane *p)
{
	return app_actor(shell_ctx(p->sh));
}

static int store_count(void *owner, long *n, store_err *err)
{
	ent_pane *p = owner;
	return ent_store_count(enterprises_db(p), &p->filter, n, err);
}

static int store_read(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	ent_pane *p = owner;
	int rc = ent_store_window(enterprises_db(p), &p->filter, p->sort, p->desc, offset, limit,
	                          rows, n, err);
	/* the list shows no personal column; its rows hold them masked all the same */
	for (int i = 0; rc == 0 && i < *n; i++)
		app_ent_row_out(shell_ctx(p->sh), (ent_record *)rows + i, NULL);
	return rc;
}

static void row_clear(void *row)
{
	ent_record_clear(row);
}

const char *enterprises_category_label(ent_pane *p, const char *code, bool full)
{
	const category *c = p->have_cat ? catalog_category(&p->cat, code) : NULL;
	return c ? (full ? c->label : c->short_label) : code;
}

/* the columns and their words are the command line's too (app/enterprise_list.h) */
static const char *cell(void *owner, const void *row, int col)
{
	ent_pane *p = owner;
	sb_reset(&p->cell);
	app_ent_cell(row, col, CELL_WORDS, p->have_cat ? &p->cat : NULL, &p->cell);
	return sb_str(&p->cell);
}

static const list_window_ops list_ops = {
	sizeof(ent_record), store_count, store_read, row_clear, cell, NULL,
};

/* a search is counted up to what the screen needs; every window but the
 * commissioner order's is read by key from its neighbour row */
static int store_count_upto(void *owner, long limit, long *n, store_err *err)
{
	ent_pane *p = owner;
	return ent_store_count_upto(enterprises_db(p), &p->filter, limit, n, err);
}

static int store_read_from(void *owner, const void *from, bool back, int limit, void *rows,
                           int *n, store_err *err)
{
	ent_pane *p = owner;
	const ent_record *r = from;
	return ent_store_window_from(enterprises_db(p), &p->filter, p->sort, p->desc,
	                             r ? r->id : 0, back, limit, rows, n, err);
}

static const list_window_keyed list_keyed = { store_count_upto, store_read_from };

/* the row under the cursor, when it is loaded */
const ent_record *enterprises_cursor_row(ent_pane *p)
{
	return list_window_cursor(&p->rows, p->lv);
}

void enterprises_apply_filter(ent_pane *p)
{
	p->filter.search = p->search;
	p->filter.category = p->f_category;
	p->filter.area = p->f_area;
	p->filter.lead_unit = p->f_lead;
	p->filter.pool = p->f_pool;
	ent_class c;
	if (p->f_class && ent_class_parse(p->f_class, &c))
		app_ent_filter_class(&p->filter, c, app_ent_rules(shell_ctx(p->sh))->cat, p->class_cats,
		                     (int)(sizeof p->class_cats / sizeof p->class_cats[0]) - 1);
	else
		p->filter.cls = NULL;
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
	shell_dirty_pane(p->sh);
}

static void *create(shell *sh)
{
	ent_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	strbuf err = STRBUF_INIT;
	/* without the catalogue the codes themselves are shown: still true, less friendly */
	p->have_cat = policy_catalog_load(&p->cat, paths_data_dir(), &err) == 0;
	if (!p->have_cat)
		shell_error(sh, "%s", sb_str(&err));
	sb_free(&err);
	/* area officers see only their own area's enterprises (issue 3); the store
	 * enforces it, the pane only passes the scope */
	const staff *me = shell_ctx(sh)->actor;
	if (me && me->role == ROLE_AREA_OFFICER)
		p->filter.scope_area = me->area;
	p->lv = list_window_view(&p->rows, &list_ops, p, sh, app_ent_columns, ENT_COL__COUNT);
	list_window_set_keyed(&p->rows, &list_keyed);
	lv_set_sort(p->lv, entlist_sort_column(ENT_SORT_NAME), false);
	p->view = detail_new();
	p->rec = entrec_new(sh);
	needs_create(p);
	whistles_create(p);
	coverage_create(p);
	return p;
}

static void destroy(void *state)
{
	ent_pane *p = state;
	list_window_free(&p->rows);
	lv_free(&p->lv);
	needs_destroy(p);
	whistles_destroy(p);
	coverage_destroy(p);
	if (p->have_cat)
		catalog_free(&p->cat);
	sb_free(&p->cell);
	form_free(&p->form);
	ent_record_clear(&p->form_old);
	detail_free(&p->view);
	entrec_free(&p->rec);
	ent_record_clear(&p->rec_ent);
	enterprises_import_drop(p);
	sb_free(&p->imp_errors.text);
	sb_free(&p->imp_warnings.text);
	enterprises_undo_clear(&p->undo);
	enterprises_clear_filters(p);
	xfree(&p->search_before);
	xfree(&p->export_path);
	xfree(&p->card_default);
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
	if (p->mode == MODE_NEEDS) {
		needs_recalc(p, r);
		return;
	}
	if (p->mode == MODE_WHISTLES) {
		whistles_recalc(p, r);
		return;
	}
	if (p->mode == MODE_COVERAGE) {
		coverage_recalc(p, r);
		return;
	}
	ui_rect list, side;
	split_rects(p, r, &list, &side);
	lv_recalc(p->lv, list);
	if (p->split) {
		const ent_record *row = enterprises_cursor_row(p);
		if (!row || row->id != p->view_id)
			enterprises_view_build(p, row);
		detail_recalc(p->view, side);
	}
}

/* 筛选: hqjs 规上工业  排序: 名称^  共 57 条 */
static void draw_summary(ent_pane *p, ui_rect r)
{
	const char *parts[7] = { p->search, NULL, p->f_area, p->f_lead, NULL, NULL, NULL };
	ent_class c;
	if (p->f_class && ent_class_parse(p->f_class, &c))
		parts[6] = _(ent_class_short(c));
	if (p->f_category)
		parts[1] = enterprises_category_label(p, p->f_category, false);
	if (p->f_pool)
		parts[4] = entrec_pool_name(p->rec, p->f_pool);
	if (p->filter.warning_only)
		parts[5] = _("with an open warning");
	char *s = entlist_summary(parts, 7, p->sort, p->desc, lv_count(p->lv),
	                          lv_count_more(p->lv));
	lv_summary_line(r, s, p->lv);
	xfree(&s);
}

static bool filtered(const ent_pane *p)
{
	return p->search || p->f_category || p->f_area || p->f_lead || p->f_pool ||
	       p->f_class || p->filter.warning_only || p->filter.include_gone;
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
	if (p->mode == MODE_NEEDS) {
		needs_repaint(p, r);
		return;
	}
	if (p->mode == MODE_WHISTLES) {
		whistles_repaint(p, r);
		return;
	}
	if (p->mode == MODE_COVERAGE) {
		coverage_repaint(p, r);
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

static void set_str(char **dst, char *v)
{
	free(*dst);
	*dst = v;
}

static void search_changed(void *arg, const char *text)
{
	ent_pane *p = arg;
	set_str(&p->search, *text ? xstrdup(text) : NULL);
	enterprises_apply_filter(p);
}

static void search_done(void *arg, const char *text)
{
	ent_pane *p = arg;
	lv_set_typing(p->lv, false);
	if (text && strcmp(text, p->search ? p->search : "") == 0) {
		/* Enter on what the list shows: it is counted up to the cap, its rows stay */
		xfree(&p->search_before);
		shell_dirty_pane(p->sh);
		return;
	}
	if (!text) {
		/* Esc: back to the search there was before */
		set_str(&p->search, p->search_before);
		p->search_before = NULL;
	} else {
		set_str(&p->search, *text ? xstrdup(text) : NULL);
		xfree(&p->search_before);
	}
	enterprises_apply_filter(p);
}

static void start_search(ent_pane *p, qkey key)
{
	char seed[8];
	/* The store answers "which rows match", not "where is the next match", so a
	 * search narrows the list as it is typed; n and N then walk the matches. */
	prompt_seed(shell_keymap(p->sh), key, seed);
	set_str(&p->search_before, p->search ? xstrdup(p->search) : NULL);
	/* as it is typed, the list is counted from the rows it shows (ui/listview.h): a
	 * key costs one window, not a count of up to 1 000 matches */
	lv_set_typing(p->lv, true);
	shell_prompt_live(p->sh, _("Search (name, code or pinyin): "), *seed ? seed : p->search,
	                  search_changed, search_done, p);
	if (*seed)
		search_changed(p, seed);
}

static unsigned list_event(ent_pane *p, const pane_event *ev)
{
	const ent_record *row = enterprises_cursor_row(p);
	if (p->export_path) {
		/* the answer to "replace it? [y/N]" */
		char *path = p->export_path;
		p->export_path = NULL;
		if (prompt_yes(ev->key))
			enterprises_export_now(p, path);
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
		enterprises_form_filter(p);
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
		enterprises_view_open(p);
		return REACT_RECALC;
	case ACT_NEW:
		if (shell_allowed(p->sh, PERM_ENT_ADD, enterprises_actor(p)->area))
			enterprises_form_record(p, NULL);
		return REACT_RECALC;
	case ACT_EDIT:
		if (row)
			enterprises_form_edit(p, row->id);
		return REACT_RECALC;
	case ACT_UNDO:
		enterprises_undo(p);
		return REACT_RECALC;
	case ACT_EXPORT:
		enterprises_export_start(p);
		return REACT_NONE;
	case ACT_IMPORT:
		enterprises_import_start(p);
		return REACT_NONE;
	case ACT_CARD:
		enterprises_card_start(p);
		return REACT_RECALC;
	case ACT_NEXT_VIEW:
		needs_open(p);
		return REACT_RECALC;
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
		if (p->view_back == MODE_COVERAGE)
			coverage_back(p);
		p->view_back = MODE_LIST;
		p->view_id = 0;
		return REACT_RECALC;
	case ACT_EDIT:
		if (p->view_id)
			enterprises_form_edit(p, p->view_id);
		return REACT_RECALC;
	case ACT_NEW:
		if (p->view_id)
			enterprises_form_choose_record(p);
		return REACT_RECALC;
	case ACT_UNDO:
		enterprises_undo(p);
		return REACT_RECALC;
	case ACT_CARD:
		if (p->view_id)
			enterprises_card_start(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		enterprises_view_rebuild(p);
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
	bool yes;
	unsigned r = detail_question_key(p->view, ev, &yes);
	if (!(r & REACT_CLOSE))
		return r;
	enterprises_import_finish(p, yes);
	return REACT_RECALC;
}

static unsigned handle(void *state, const pane_event *ev)
{
	ent_pane *p = state;
	switch (p->mode) {
	case MODE_FORM:
		return enterprises_form_key(p, ev);
	case MODE_VIEW:
		return view_event(p, ev);
	case MODE_PREVIEW:
		return preview_event(p, ev);
	case MODE_NEEDS:
		return needs_event(p, ev);
	case MODE_WHISTLES:
		return whistles_event(p, ev);
	case MODE_COVERAGE:
		return coverage_event(p, ev);
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
		return p->mode == MODE_LIST || p->mode == MODE_VIEW || p->mode == MODE_NEEDS ||
		       p->mode == MODE_WHISTLES || p->mode == MODE_COVERAGE;
	case ACT_NEW:
		return p->mode == MODE_LIST || p->mode == MODE_VIEW;
	case ACT_FILTER:
		return p->mode == MODE_LIST || p->mode == MODE_NEEDS || p->mode == MODE_WHISTLES ||
		       p->mode == MODE_COVERAGE;
	case ACT_NEXT_VIEW:
		/* the register, the coordination list of open financing needs, the whistles,
		 * the coverage list */
		return p->mode == MODE_LIST || p->mode == MODE_NEEDS || p->mode == MODE_WHISTLES ||
		       p->mode == MODE_COVERAGE;
	case ACT_MOVE:
		return p->mode == MODE_NEEDS || p->mode == MODE_WHISTLES;
	case ACT_CARD:
		return p->mode == MODE_LIST || p->mode == MODE_VIEW || p->mode == MODE_COVERAGE;
	case ACT_SEARCH: case ACT_SORT: case ACT_EXPORT:
		return p->mode == MODE_LIST;
	case ACT_PREV_MONTH: case ACT_NEXT_MONTH: case ACT_TODAY: case ACT_CHECK_DATE:
	case ACT_VERIFY: case ACT_REFUSAL:
		return false; /* the Calendar's */
	case ACT_CALLBACK:
		return false; /* the Appeals' */
	case ACT_OPEN: case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		return p->mode == MODE_LIST || p->mode == MODE_NEEDS || p->mode == MODE_WHISTLES ||
		       p->mode == MODE_COVERAGE;
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
	case MODE_VIEW: {
		shell_key_name(p->sh, ACT_CANCEL, k1);
		shell_key_name(p->sh, ACT_EDIT, k2);
		shell_key_name(p->sh, ACT_NEW, k3);
		char k4[16];
		shell_key_name(p->sh, ACT_CARD, k4);
		set_str(&p->hint, xasprintf(_("%s back to the list, %s edit, %s new visit, need, pool "
		                              "or warning, %s card"), k1, k2, k3, k4));
		return p->hint;
	}
	case MODE_NEEDS:
		shell_key_name(p->sh, ACT_OPEN, k1);
		shell_key_name(p->sh, ACT_FILTER, k2);
		shell_key_name(p->sh, ACT_NEXT_VIEW, k3);
		set_str(&p->hint, xasprintf(_("%s changes the need's status, %s filters by area and "
		                              "status, %s goes on to the whistles"), k1, k2, k3));
		return p->hint;
	case MODE_WHISTLES: {
		char k4[16];
		shell_key_name(p->sh, ACT_OPEN, k1);
		shell_key_name(p->sh, ACT_MOVE, k2);
		shell_key_name(p->sh, ACT_FILTER, k3);
		shell_key_name(p->sh, ACT_NEXT_VIEW, k4);
		set_str(&p->hint, xasprintf(_("%s records the report-in, %s makes it an appeal, %s "
		                              "filters, %s goes on to the coverage"), k1, k2, k3, k4));
		return p->hint;
	}
	case MODE_COVERAGE: {
		char k4[16];
		shell_key_name(p->sh, ACT_OPEN, k1);
		shell_key_name(p->sh, ACT_FILTER, k2);
		shell_key_name(p->sh, ACT_CARD, k3);
		shell_key_name(p->sh, ACT_NEXT_VIEW, k4);
		set_str(&p->hint, xasprintf(_("%s 360 view, %s filter, %s print the cards listed, "
		                              "%s back to the register"), k1, k2, k3,
		                            k4));
		return p->hint;
	}
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

/* a typed search's count up to the cap, once its rows are on screen */
static bool settle(void *state)
{
	ent_pane *p = state;
	return lv_settle(p->lv);
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
	.settle = settle,
};
