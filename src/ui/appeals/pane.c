/* The Appeals tab (诉求): the saved views as tabs with their counts, the list of one
 * view read a window at a time, search and sort, the appeal's detail (appeals/detail.c),
 * the keys of each mode and the pane's ops. The moves, the callback queue and the
 * intake form are in forms.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/personal.h"
#include "app/appeal.h"
#include "app/appeal_list.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/staff_store.h"
#include "ui/appeals/detail.h"
#include "ui/appeals/list.h"
#include "ui/appeals/private.h"
#include "ui/panes.h"
#include "ui/prompt.h"

app_ctx *appeals_ctx(app_pane *p)
{
	return shell_ctx(p->sh);
}

db *appeals_db(app_pane *p)
{
	return app_db(appeals_ctx(p));
}

static const char *my_unit(app_pane *p)
{
	const staff *me = app_actor(appeals_ctx(p));
	return me->unit && *me->unit ? me->unit : NULL;
}

static void set_str(char **dst, char *v)
{
	free(*dst);
	*dst = v;
}

/* today, the scope and the search: what the counts and the view's list start from */
static void base_filter(app_pane *p, appeal_filter *f)
{
	app_appeal_filter(appeals_ctx(p), f);
	f->search = p->search;
}

void appeals_apply_filter(app_pane *p)
{
	base_filter(p, &p->filter);
	appeal_filter_add_view(&p->filter, p->view, my_unit(p));
	p->counted = false;
	lv_invalidate(p->lv);
}

static int store_count(void *owner, long *n, store_err *err)
{
	app_pane *p = owner;
	return appeal_store_count(appeals_db(p), &p->filter, n, err);
}

static int store_read(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	app_pane *p = owner;
	return appeal_store_window(appeals_db(p), &p->filter, p->sort, p->desc, offset, limit,
	                           rows, n, err);
}

static void row_clear(void *row)
{
	appeal_row_clear(row);
}

/* the columns and their words are the command line's too (app/appeal_list.h) */
static const char *cell(void *owner, const void *row, int col)
{
	app_pane *p = owner;
	sb_reset(&p->cell);
	app_appeal_cell(appeals_ctx(p), row, col, CELL_WORDS, &p->cell);
	return sb_str(&p->cell);
}

static ui_style cell_style(void *owner, const void *row, int col)
{
	app_pane *p = owner;
	if (col != APPEAL_COL_DEADLINE)
		return STYLE_NORMAL;
	int days;
	return draw_light_style(app_appeal_row_light(appeals_ctx(p), row, &days));
}

static const list_window_ops list_ops = {
	sizeof(appeal_row), store_count, store_read, row_clear, cell, cell_style,
};

/* a view is counted up to what the screen needs ("1000+"), at any number of appeals;
 * its tab has counted the same filter to the same cap (count_views, before the list
 * is laid out), so the list takes that count: one count a view, and the tab and
 * the list never disagree */
static int store_count_upto(void *owner, long limit, long *n, store_err *err)
{
	app_pane *p = owner;
	if (p->counted && p->counts_ok && limit == LV_COUNT_CAP) {
		*n = p->counts[p->view];
		return 0;
	}
	return appeal_store_count_upto(appeals_db(p), &p->filter, limit, n, err);
}

/* every order's window next to a loaded one is read by key from its neighbour row */
static int store_read_from(void *owner, const void *from, bool back, int limit, void *rows,
                           int *n, store_err *err)
{
	app_pane *p = owner;
	const appeal_row *r = from;
	return appeal_store_window_from(appeals_db(p), &p->filter, p->sort, p->desc, r ? r->id : 0,
	                                back, limit, rows, n, err);
}

static const list_window_keyed list_keyed = { store_count_upto, store_read_from };

static const appeal_row *cursor_row(app_pane *p)
{
	return list_window_cursor(&p->rows, p->lv);
}

/* the tabs' counts; stoppable: a waiting key stops them (a typed search's settle),
 * and they stay to be made. False when stopped. */
static bool count_views_now(app_pane *p, bool stoppable)
{
	appeal_filter base;
	base_filter(p, &base);
	store_err err = { 0 };
	if (stoppable)
		list_window_watch_keys(p->sh, true);
	int rc = appeal_store_view_counts(appeals_db(p), &base, my_unit(p), LV_COUNT_CAP,
	                                  p->counts, &err);
	if (stoppable)
		list_window_watch_keys(p->sh, false);
	if (rc < 0 && err.code == STORE_E_INTERRUPTED)
		return false;
	p->counts_ok = shell_store_rc(p->sh, rc, &err) >= 0;
	if (!p->counts_ok)
		memset(p->counts, 0, sizeof p->counts);
	p->counted = true;
	return true;
}

/* ten capped counts: while a search is typed they wait for a moment without keys
 * (settle), so that a key costs the list's first window only */
static void count_views(app_pane *p)
{
	if (!p->counted && !p->typing)
		count_views_now(p, false);
}

/* "[待分办 12]" for the current tab, " 待分办 12 " for the others: the brackets say
 * which is current without colour; a tab not yet counted (a search being typed)
 * shows its name alone */
static char *tab_label(app_pane *p, int v)
{
	bool cur = v == (int)p->view;
	const char *name = _(appeal_view_label((appeal_view)v));
	if (!p->counted)
		return xasprintf("%s%s%s", cur ? "[" : " ", name, cur ? "]" : " ");
	long n = p->counts[v] > LV_COUNT_CAP ? LV_COUNT_CAP : p->counts[v];
	return xasprintf("%s%s %ld%s%s", cur ? "[" : " ", name, n,
	                 p->counts[v] > LV_COUNT_CAP ? "+" : "", cur ? "]" : " ");
}

static int layout_tabs(app_pane *p, int w, int *line)
{
	int widths[APPEAL_VIEW__COUNT];
	for (int v = 0; v < APPEAL_VIEW__COUNT; v++) {
		char *s = tab_label(p, v);
		widths[v] = text_width(s);
		xfree(&s);
	}
	return applist_tab_lines(widths, APPEAL_VIEW__COUNT, w, line);
}

static void draw_tabs(app_pane *p, ui_rect r)
{
	int line[APPEAL_VIEW__COUNT];
	int n = layout_tabs(p, r.w, line);
	int x = 0, cur = 0;
	for (int l = 0; l < n; l++)
		draw_text(r.y + l, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
	for (int v = 0; v < APPEAL_VIEW__COUNT; v++) {
		if (line[v] != cur) {
			cur = line[v];
			x = 0;
		}
		char *s = tab_label(p, v);
		int w = text_width(s);
		if (x + w <= r.w)
			draw_text(r.y + cur, r.x + x, w, s, TEXT_LEFT,
			          v == (int)p->view ? STYLE_TAB : STYLE_NORMAL);
		x += w + 1;
		xfree(&s);
	}
}

static void draw_summary(app_pane *p, int y, int x, int w)
{
	strbuf s = STRBUF_INIT;
	if (p->search)
		sb_addf(&s, _("Search: %s  "), p->search);
	int col = applist_sort_column(p->sort);
	sb_addf(&s, _("Sort: %s%s  "), _(app_appeal_columns[col].header), p->desc ? "v" : "^");
	long n = lv_count(p->lv);
	bool more = lv_count_more(p->lv);
	if (n >= 0 && more)
		sb_addf(&s, P_("%ld+ appeal", "%ld+ appeals", (unsigned long)n), n);
	else if (n >= 0)
		sb_addf(&s, P_("%ld appeal", "%ld appeals", (unsigned long)n), n);
	char pos[48] = "";
	if (n > 0)
		snprintf(pos, sizeof pos, "%ld/%ld%s", lv_cursor(p->lv) + 1, n, more ? "+" : "");
	int pw = text_width(pos);
	if (pw + 1 >= w)
		pw = 0;
	draw_text(y, x, w - pw, sb_str(&s), TEXT_LEFT, STYLE_NORMAL);
	if (pw)
		draw_text(y, x + w - pw, pw, pos, TEXT_RIGHT, STYLE_NORMAL);
	sb_free(&s);
}

static void switch_view(app_pane *p, int delta)
{
	p->view = (appeal_view)(((int)p->view + delta + APPEAL_VIEW__COUNT) % APPEAL_VIEW__COUNT);
	/* the tabs count every view within the same base: they stay as counted until the
	 * data (data_version), the day or the search changes */
	bool counted = p->counted;
	appeals_apply_filter(p);
	p->counted = counted;
	lv_handle(p->lv, ACT_FIRST);
}

/* read the appeal number again (after a move, or a stale one); false when gone */
bool appeals_load_rec(app_pane *p, const char *number)
{
	char num[TICKET_NUMBER_SIZE];
	snprintf(num, sizeof num, "%s", number);
	if (p->have_rec)
		appeal_record_clear(&p->rec);
	p->have_rec = false;
	store_err err = { 0 };
	int found = shell_store_rc(p->sh, appeal_store_get(appeals_db(p), num, true, &p->rec, &err),
	                           &err);
	if (found == 0 && !app_appeal_visible(appeals_ctx(p), &p->rec)) {
		appeal_record_clear(&p->rec);
		found = 1;
	}
	strbuf why = STRBUF_INIT;
	/* the caller in full is recorded once a session; masked when it cannot be */
	if (found == 0 && app_appeal_shown(appeals_ctx(p), &p->rec, &why) < 0)
		shell_error(p->sh, "%s", sb_str(&why));
	sb_free(&why);
	if (found > 0)
		shell_error(p->sh, _("no appeal %s"), num);
	p->have_rec = found == 0;
	return p->have_rec;
}

static void open_detail(app_pane *p)
{
	const appeal_row *r = cursor_row(p);
	if (!r || !appeals_load_rec(p, r->number))
		return;
	detail_clear(p->det, false);
	appeal_detail_full(p->det, appeals_ctx(p), &p->rec);
	p->mode = MODE_VIEW;
}

void appeals_refresh(app_pane *p)
{
	p->counted = false;
	lv_invalidate(p->lv);
	if (p->have_rec && appeals_load_rec(p, p->rec.number))
		appeal_detail_full(p->det, appeals_ctx(p), &p->rec);
}

static void search_changed(void *arg, const char *text)
{
	app_pane *p = arg;
	set_str(&p->search, *text ? xstrdup(text) : NULL);
	appeals_apply_filter(p);
	lv_handle(p->lv, ACT_FIRST);
	shell_dirty_pane(p->sh);
}

static void search_done(void *arg, const char *text)
{
	app_pane *p = arg;
	p->typing = false;
	lv_set_typing(p->lv, false);
	if (!text) {
		set_str(&p->search, p->search_before);
		p->search_before = NULL;
	} else {
		set_str(&p->search, *text ? xstrdup(text) : NULL);
		xfree(&p->search_before);
	}
	appeals_apply_filter(p);
	shell_dirty_pane(p->sh);
}

static void start_search(app_pane *p, qkey key)
{
	char seed[8];
	prompt_seed(shell_keymap(p->sh), key, seed);
	set_str(&p->search_before, p->search ? xstrdup(p->search) : NULL);
	/* as it is typed, the list is counted from the rows it shows and the tabs when
	 * no key waits (settle): a key costs one window */
	p->typing = true;
	lv_set_typing(p->lv, true);
	shell_prompt_live(p->sh, _("Search (enterprise name, code, pinyin or appeal number): "),
	                  *seed ? seed : p->search, search_changed, search_done, p);
	if (*seed)
		search_changed(p, seed);
}

static unsigned list_event(app_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_NEXT_TAB: case ACT_RIGHT:
		switch_view(p, 1);
		return REACT_RECALC;
	case ACT_PREV_TAB: case ACT_LEFT:
		switch_view(p, -1);
		return REACT_RECALC;
	case ACT_SEARCH:
		start_search(p, ev->key);
		return REACT_NONE;
	case ACT_SEARCH_NEXT:
		return p->search ? lv_handle(p->lv, ACT_DOWN) : REACT_UNHANDLED;
	case ACT_SEARCH_PREV:
		return p->search ? lv_handle(p->lv, ACT_UP) : REACT_UNHANDLED;
	case ACT_SORT:
		p->sort = applist_next_sort(p->sort);
		p->desc = false;
		break;
	case ACT_SORT_REVERSE:
		p->desc = !p->desc;
		break;
	case ACT_REFRESH:
		appeals_refresh(p);
		return REACT_RECALC;
	case ACT_OPEN:
		open_detail(p);
		return REACT_RECALC;
	case ACT_MOVE: case ACT_EXPORT: {
		const appeal_row *r = cursor_row(p);
		if (r && appeals_load_rec(p, r->number)) {
			if (ev->act == ACT_MOVE)
				appeals_form_menu(p);
			else
				appeals_form_sheet(p);
		}
		return REACT_RECALC;
	}
	case ACT_NEW:
		appeals_form_intake(p);
		return REACT_RECALC;
	case ACT_CALLBACK:
		appeals_callback_next(p);
		return REACT_RECALC;
	case ACT_IMPORT:
		appeals_import_start(p);
		return REACT_RECALC;
	case ACT_NEXT_VIEW:
		appeals_held_open(p);
		return REACT_RECALC;
	default:
		return lv_handle(p->lv, ev->act);
	}
	lv_set_sort(p->lv, applist_sort_column(p->sort), p->desc);
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
	return REACT_RECALC;
}

static unsigned view_event(app_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_LIST;
		return REACT_RECALC;
	case ACT_MOVE:
		appeals_form_menu(p);
		return REACT_RECALC;
	case ACT_EXPORT:
		appeals_form_sheet(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		appeals_refresh(p);
		return REACT_RECALC;
	default:
		detail_handle(p->det, ev->act);
		return REACT_RECALC;
	}
}

static unsigned preview_event(app_pane *p, const pane_event *ev)
{
	bool yes;
	/* s: the bad rows skipped, the good ones imported, or back to all or nothing */
	if ((ev->key == 's' || ev->key == 'S') && appeals_import_toggle_skip(p))
		return REACT_RECALC;
	unsigned r = detail_question_key(p->det, ev, &yes);
	if (!(r & REACT_CLOSE))
		return r;
	appeals_import_finish(p, yes);
	return REACT_RECALC;
}

/* the matching queue: Enter picks the enterprise of the order under the cursor */
static unsigned held_event(app_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_BACK: case ACT_CANCEL: case ACT_NEXT_VIEW:
		p->mode = MODE_LIST;
		return REACT_RECALC;
	case ACT_OPEN:
		appeals_form_match(p);
		return REACT_RECALC;
	case ACT_IMPORT:
		appeals_import_start(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		appeals_held_load(p);
		return REACT_RECALC;
	default:
		return lv_handle(p->held_lv, ev->act);
	}
}

static unsigned handle(void *state, const pane_event *ev)
{
	app_pane *p = state;
	switch (p->mode) {
	case MODE_PREVIEW:
		return preview_event(p, ev);
	case MODE_HELD:
		return held_event(p, ev);
	case MODE_FORM:
		return appeals_form_key(p, ev);
	case MODE_VIEW:
		return view_event(p, ev);
	case MODE_CONFIRM:
		return appeals_confirm_key(p, ev);
	default:
		return list_event(p, ev);
	}
}

static void *create(shell *sh)
{
	app_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	const staff *me = app_actor(shell_ctx(sh));
	p->view = applist_start_view(me->role);
	/* earliest deadline first is most overdue first */
	p->sort = APPEAL_SORT_DUE;
	p->p_until = DATE_NONE;
	p->lv = list_window_view(&p->rows, &list_ops, p, sh, app_appeal_columns,
	                         APPEAL_COL__COUNT);
	list_window_set_keyed(&p->rows, &list_keyed);
	lv_set_sort(p->lv, applist_sort_column(p->sort), p->desc);
	p->det = detail_new();
	appeals_held_init(p);
	appeals_apply_filter(p);
	return p;
}

static void destroy(void *state)
{
	app_pane *p = state;
	list_window_free(&p->rows);
	lv_free(&p->lv);
	detail_free(&p->det);
	form_free(&p->form);
	if (p->have_rec)
		appeal_record_clear(&p->rec);
	appeals_drop_pending(p);
	appeals_import_free(p);
	appeals_held_free(p);
	xfree(&p->match_no);
	sb_free(&p->cell);
	xfree(&p->search);
	xfree(&p->search_before);
	xfree(&p->similar_key);
	xfree(&p->hint);
	xfree(&p);
}

static void recalc(void *state, ui_rect r)
{
	app_pane *p = state;
	if (p->mode == MODE_FORM) {
		form_recalc(p->form, r);
		return;
	}
	if (p->mode == MODE_HELD) {
		appeals_held_recalc(p, r);
		return;
	}
	if (p->mode == MODE_VIEW || p->mode == MODE_PREVIEW || (p->mode == MODE_CONFIRM && p->back == MODE_VIEW)) {
		detail_recalc(p->det, r);
		return;
	}
	count_views(p);
	int line[APPEAL_VIEW__COUNT];
	p->tab_lines = layout_tabs(p, r.w, line);
	int top = p->tab_lines + 1;
	lv_recalc(p->lv, (ui_rect){ r.y + top, r.x, r.h - top, r.w });
}

static void repaint(void *state, ui_rect r)
{
	app_pane *p = state;
	if (r.h <= 0)
		return;
	if (p->mode == MODE_FORM) {
		form_repaint(p->form, r);
		return;
	}
	if (p->mode == MODE_HELD) {
		appeals_held_repaint(p, r);
		return;
	}
	if (p->mode == MODE_VIEW || p->mode == MODE_PREVIEW || (p->mode == MODE_CONFIRM && p->back == MODE_VIEW)) {
		detail_repaint(p->det, r, false);
		return;
	}
	draw_tabs(p, r);
	draw_summary(p, r.y + p->tab_lines, r.x, r.w);
	ui_rect list = { r.y + p->tab_lines + 1, r.x, r.h - p->tab_lines - 1, r.w };
	lv_repaint(p->lv, list);
	if (lv_count(p->lv) == 0 && list.h > 2)
		draw_text(list.y + 2, list.x, list.w, p->search
		          ? _("No appeal in this view matches the search.")
		          : _("No appeals in this view."), TEXT_CENTER, STYLE_DIM);
}

static bool offers(void *state, action a)
{
	app_pane *p = state;
	bool browsing = p->mode == MODE_LIST || p->mode == MODE_VIEW;
	if (p->mode == MODE_HELD) {
		switch (a) {
		case ACT_OPEN: case ACT_IMPORT: case ACT_NEXT_VIEW: case ACT_REFRESH: case ACT_BACK:
		case ACT_CANCEL: case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
		case ACT_FIRST: case ACT_LAST:
			return true;
		default:
			return false;
		}
	}
	switch (a) {
	case ACT_REFRESH: case ACT_MOVE: case ACT_EXPORT: case ACT_BACK: case ACT_CANCEL:
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		return browsing;
	case ACT_NEW: case ACT_SEARCH: case ACT_SORT: case ACT_SORT_REVERSE: case ACT_CALLBACK:
	case ACT_IMPORT: case ACT_NEXT_VIEW: case ACT_OPEN: case ACT_NEXT_TAB: case ACT_PREV_TAB: case ACT_LEFT: case ACT_RIGHT:
		return p->mode == MODE_LIST;
	case ACT_SEARCH_NEXT: case ACT_SEARCH_PREV:
		return p->mode == MODE_LIST && p->search;
	default:
		return false;
	}
}

static bool caret(void *state, int *y, int *x)
{
	app_pane *p = state;
	return p->mode == MODE_FORM && form_caret(p->form, y, x);
}

static bool modal(void *state)
{
	app_pane *p = state;
	return p->mode == MODE_FORM || p->mode == MODE_CONFIRM || p->mode == MODE_PREVIEW;
}

static const char *hint(void *state)
{
	app_pane *p = state;
	char k1[16], k2[16], k3[16];
	switch (p->mode) {
	case MODE_FORM:
		return form_hint(p->form);
	case MODE_PREVIEW:
		if (appeals_import_can(p) && p->imp.nbad)
			set_str(&p->hint, xasprintf(_("Import from %s: %ld new, %ld held for matching, "
			                              "%ld bad rows skipped? [y/N]"), p->imp.path,
			                            p->imp.nnew, p->imp.nheld, p->imp.nbad));
		else if (appeals_import_can(p))
			set_str(&p->hint, xasprintf(_("Import from %s: %ld new, %ld held for matching? "
			                              "[y/N]"), p->imp.path, p->imp.nnew, p->imp.nheld));
		else if (p->imp.nbad && p->imp.nnew + p->imp.nheld > 0)
			set_str(&p->hint, xasprintf("%s", _("s skips the bad rows; any other key goes "
			                                    "back")));
		else
			set_str(&p->hint, xasprintf("%s", _("Nothing can be imported: any key goes back")));
		return p->hint;
	case MODE_HELD:
		shell_key_name(p->sh, ACT_CANCEL, k1);
		shell_key_name(p->sh, ACT_IMPORT, k2);
		set_str(&p->hint, xasprintf(_("Enter picks the enterprise and registers the appeal, "
		                              "%s back to the appeals, %s imports a file"), k1, k2));
		return p->hint;
	case MODE_CONFIRM:
		set_str(&p->hint, xasprintf(_("Confirm %s of appeal %s (%s)? [y/N]"),
		                            _(ticket_action_label(p->act)), p->rec.number,
		                            p->rec.enterprise_name));
		return p->hint;
	case MODE_VIEW:
		shell_key_name(p->sh, ACT_CANCEL, k1);
		shell_key_name(p->sh, ACT_MOVE, k2);
		shell_key_name(p->sh, ACT_EXPORT, k3);
		set_str(&p->hint, xasprintf(_("%s back to the list, %s move this appeal, %s print its "
		                              "sheet"), k1, k2, k3));
		return p->hint;
	default:
		shell_key_name(p->sh, ACT_NEXT_TAB, k1);
		shell_key_name(p->sh, ACT_MOVE, k2);
		shell_key_name(p->sh, ACT_CALLBACK, k3);
		set_str(&p->hint, xasprintf(_("%s or arrows switch views, Enter opens, %s moves, %s "
		                              "callback queue"), k1, k2, k3));
		return p->hint;
	}
}

/* a moment without keys while a search is typed: the list's count up to the cap,
 * then the tabs'; a key stops either, and what is not made waits for the next */
static bool settle(void *state)
{
	app_pane *p = state;
	bool changed = lv_settle(p->lv);
	if (p->typing && !p->counted && count_views_now(p, true))
		changed = true;
	return changed;
}

const pane_ops pane_appeals = {
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
