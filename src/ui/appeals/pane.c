/* The Appeals tab (诉求): the saved views as tabs with their counts, the list of one
 * view read a window at a time, search and sort, the detail with timers and the
 * timeline, a form for every move the actor may make now, the intake form with the
 * similar-appeal warning and the callback queue. Every move and registration goes
 * through cli/appeal_move.c, the path `qifu appeal` takes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/appeal.h"
#include "app/appeal_move.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "ui/appeals/detail.h"
#include "ui/appeals/list.h"
#include "ui/detail.h"
#include "ui/form.h"
#include "ui/panes.h"
#include "ui/prompt.h"
#include "ui/shell.h"

/* characters people may type, as the CLI bounds them */
enum { TITLE_MAX = 100, DESCRIPTION_MAX = 4000, TEXT_MAX = 2000, SIMILAR_MAX = 5 };

typedef enum pane_mode { MODE_LIST, MODE_VIEW, MODE_FORM, MODE_CONFIRM } pane_mode;
typedef enum form_purpose { FP_MENU, FP_MOVE, FP_INTAKE, FP_CALLBACK } form_purpose;

typedef struct app_pane {
	shell *sh;
	listview *lv;
	appeal_view view;
	long counts[APPEAL_VIEW__COUNT];
	bool counted;
	appeal_filter filter;
	char *search, *search_before;
	appeal_sort sort;
	bool desc;
	appeal_row *rows;
	int nrows, cap;
	long offset;
	char cellbuf[64];
	strbuf cell;
	int tab_lines;

	pane_mode mode, back;
	detail *det;
	appeal_record rec;        /* the appeal the detail or a form is about */
	bool have_rec;
	form *form;
	form_purpose purpose;
	bool queue;               /* the callback form walks the 待回访 view */
	ticket_action acts[TICKET_ACT__COUNT];
	int nacts;
	ticket_action act;        /* the move the form or confirmation is for */
	int fld_text, fld_unit, fld_related, fld_date, fld_into, fld_verdict;
	int fld_ent, fld_title, fld_kind, fld_channel, fld_desc;
	char *similar_key;        /* the enterprise and title the warning was shown for */
	/* a move waiting for [y/N] */
	char *p_text, *p_unit, *p_into;
	char **p_related;
	int p_nrelated;
	qdate p_until;
	char *hint;
} app_pane;

static app_ctx *ctx_of(app_pane *p)
{
	return shell_ctx(p->sh);
}

static db *pane_db(app_pane *p)
{
	return app_db(ctx_of(p));
}

static const char *my_unit(app_pane *p)
{
	const staff *me = app_actor(ctx_of(p));
	return me->unit && *me->unit ? me->unit : NULL;
}

static void set_str(char **dst, char *v)
{
	free(*dst);
	*dst = v;
}

/* ---- the list ---- */

/* today, the scope and the search: what the counts and the view's list start from */
static void base_filter(app_pane *p, appeal_filter *f)
{
	app_appeal_filter(ctx_of(p), f);
	f->search = p->search;
}

static void apply_filter(app_pane *p)
{
	base_filter(p, &p->filter);
	appeal_filter_add_view(&p->filter, p->view, my_unit(p));
	p->counted = false;
	lv_invalidate(p->lv);
}

static long count_rows(void *arg)
{
	app_pane *p = arg;
	long n = 0;
	strbuf err = STRBUF_INIT;
	if (shell_store_rc(p->sh, appeal_store_count(pane_db(p), &p->filter, &n, &err), &err) < 0)
		n = -1;
	return n;
}

static void clear_rows(app_pane *p)
{
	for (int i = 0; i < p->nrows; i++)
		appeal_row_clear(&p->rows[i]);
	p->nrows = 0;
}

static int fetch_rows(void *arg, long offset, int limit)
{
	app_pane *p = arg;
	clear_rows(p);
	lv_reserve(&p->rows, &p->cap, limit, sizeof *p->rows);
	strbuf err = STRBUF_INIT;
	int n = 0;
	if (shell_store_rc(p->sh, appeal_store_window(pane_db(p), &p->filter, p->sort, p->desc, offset,
	                                    limit, p->rows, &n, &err), &err) < 0)
		n = -1;
	p->nrows = n > 0 ? n : 0;
	p->offset = offset;
	return n;
}

static const appeal_row *row_at(app_pane *p, long row)
{
	long i = row - p->offset;
	return i >= 0 && i < p->nrows ? &p->rows[i] : NULL;
}

static ticket_light_t row_light(app_pane *p, const appeal_row *r, int *days)
{
	ticket_params tp = app_ticket_params(ctx_of(p));
	*days = 0;
	if (r->next_due == DATE_NONE)
		return TICKET_LIGHT_NONE;
	return ticket_light(r->next_due, ctx_of(p)->today, app_calendar(ctx_of(p)), tp.yellow_days,
	                    days);
}

static const char *cell(void *arg, long row, int col)
{
	app_pane *p = arg;
	const appeal_row *r = row_at(p, row);
	if (!r)
		return "";
	switch (col) {
	case APPLIST_NUMBER: return r->number;
	case APPLIST_ENTERPRISE: return r->enterprise_name;
	case APPLIST_TITLE: return r->title;
	case APPLIST_KIND: return _(ticket_kind_label(r->kind));
	case APPLIST_UNIT: return r->lead_unit ? r->lead_unit : r->first_unit;
	case APPLIST_STATE: return _(ticket_state_label(r->state));
	case APPLIST_LIGHT: {
		int days;
		ticket_light_t l = row_light(p, r, &days);
		sb_reset(&p->cell);
		applist_light_text(l, days, &p->cell);
		snprintf(p->cellbuf, sizeof p->cellbuf, "%s", sb_str(&p->cell));
		return p->cellbuf;
	}
	default: return "";
	}
}

static ui_style cell_style(void *arg, long row, int col)
{
	app_pane *p = arg;
	const appeal_row *r = row_at(p, row);
	if (!r || col != APPLIST_LIGHT)
		return STYLE_NORMAL;
	int days;
	switch (row_light(p, r, &days)) {
	case TICKET_LIGHT_RED: return STYLE_LIGHT_RED;
	case TICKET_LIGHT_YELLOW: return STYLE_LIGHT_YELLOW;
	case TICKET_LIGHT_GREEN: return STYLE_LIGHT_GREEN;
	default: return STYLE_NORMAL;
	}
}

static const appeal_row *cursor_row(app_pane *p)
{
	return lv_count(p->lv) > 0 ? row_at(p, lv_cursor(p->lv)) : NULL;
}

static void count_views(app_pane *p)
{
	if (p->counted)
		return;
	appeal_filter base;
	base_filter(p, &base);
	strbuf err = STRBUF_INIT;
	if (appeal_store_view_counts(pane_db(p), &base, my_unit(p), p->counts, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		memset(p->counts, 0, sizeof p->counts);
	}
	sb_free(&err);
	p->counted = true;
}

/* "[待分办 12]" for the current tab, " 待分办 12 " for the others: the brackets say
 * which is current without colour */
static char *tab_label(app_pane *p, int v)
{
	bool cur = v == (int)p->view;
	return xasprintf("%s%s %ld%s", cur ? "[" : " ", _(appeal_view_label((appeal_view)v)),
	                 p->counts[v], cur ? "]" : " ");
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
	sb_addf(&s, _("Sort: %s%s  "), _(applist_columns[col].header), p->desc ? "v" : "^");
	long n = lv_count(p->lv);
	if (n >= 0)
		sb_addf(&s, P_("%ld appeal", "%ld appeals", (unsigned long)n), n);
	char pos[48] = "";
	if (n > 0)
		snprintf(pos, sizeof pos, "%ld/%ld", lv_cursor(p->lv) + 1, n);
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
	apply_filter(p);
	lv_handle(p->lv, ACT_FIRST);
}

/* ---- the detail ---- */

static void field_date(detail *d, const char *label, qdate v)
{
	char buf[16];
	if (v != DATE_NONE)
		detail_field(d, label, date_format(v, buf));
}

static void field_str(detail *d, const char *label, const char *v)
{
	if (v && *v)
		detail_field(d, label, v);
}

static void timer_lines(app_pane *p, detail *d, const appeal_record *a)
{
	ticket_params tp = app_ticket_params(ctx_of(p));
	bool any = false;
	qdate prov_from = DATE_NONE, prov_to = DATE_NONE;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &a->timers.t[i];
		if (ts->start == DATE_NONE && ts->due == DATE_NONE)
			continue;
		any = true;
		char due[16], done[16];
		strbuf s = STRBUF_INIT;
		sb_addf(&s, _("due %s"), ts->due != DATE_NONE ? date_format(ts->due, due) : "-");
		if (ticket_timer_running(ts)) {
			int n;
			ticket_light_t l = ticket_timer_light(ts, ctx_of(p)->today, app_calendar(ctx_of(p)),
			                                      tp.yellow_days, &n);
			sb_add(&s, "  ");
			applist_light_text(l, n, &s);
			appeal_timer_provisional(ctx_of(p), ts, &s, &prov_from, &prov_to);
		} else if (ts->done != DATE_NONE) {
			sb_addf(&s, _("  stopped %s"), date_format(ts->done, done));
		}
		detail_field(d, _(ticket_timer_label((ticket_timer)i)), sb_str(&s));
		sb_free(&s);
	}
	if (!any)
		detail_note(d, _("No time limit has run yet."));
	appeal_timers_caveat(ctx_of(p), d, prov_from, prov_to);
}

static void timeline(detail *d, const appeal_record *a)
{
	for (int i = 0; i < a->nevents; i++) {
		const appeal_event *e = &a->events[i];
		ticket_action act;
		const char *what = ticket_action_parse(e->action, &act) ? _(ticket_action_label(act))
			: strcmp(e->action, "recompute") == 0 ? _("deadlines recomputed") : e->action;
		strbuf s = STRBUF_INIT;
		sb_addf(&s, "%s  %s", e->at, e->by_name && *e->by_name ? e->by_name : e->by);
		sb_addf(&s, "  %s", what);
		if (e->summary && *e->summary)
			sb_addf(&s, "  %s", e->summary);
		if (e->reason && *e->reason)
			sb_addf(&s, _("  why: %s"), e->reason);
		detail_item(d, sb_str(&s));
		sb_free(&s);
	}
	if (a->nevents == 0)
		detail_note(d, _("No events."));
}

static void allowed_moves(app_pane *p, const appeal_record *a)
{
	ticket_actor who = app_ticket_actor(ctx_of(p));
	ticket_view v = appeal_record_view(a);
	p->nacts = ticket_allowed_actions(&v, &who, p->acts);
}

static void build_detail(app_pane *p)
{
	detail *d = p->det;
	const appeal_record *a = &p->rec;
	detail_clear(d, true);
	char *title = xasprintf("%s  %s", a->number, a->title);
	detail_title(d, title);
	xfree(&title);
	detail_section(d, _("Appeal"));
	detail_field(d, _("Number"), a->number);
	detail_field(d, _("Enterprise"), a->enterprise_name);
	detail_field(d, _("USCC"), a->uscc);
	field_str(d, _("Area"), a->area);
	detail_field(d, _("Title"), a->title);
	detail_field(d, _("Kind"), _(ticket_kind_label(a->kind)));
	detail_field(d, _("Channel"), _(appeal_channel_label(a->channel)));
	detail_field(d, _("State"), _(ticket_state_label(a->state)));
	detail_field(d, _("First-responsible unit"), a->first_unit);
	field_str(d, _("First-responsible person"), a->first_name && *a->first_name ? a->first_name
	          : a->first_login);
	field_str(d, _("Lead unit"), a->lead_unit);
	if (a->nrelated > 0) {
		strbuf s = STRBUF_INIT;
		for (int i = 0; i < a->nrelated; i++)
			sb_addf(&s, "%s%s", i ? "、" : "", a->related[i]);
		detail_field(d, _("Related units"), sb_str(&s));
		sb_free(&s);
	}
	field_str(d, _("Merged into"), a->merged_into);
	for (int i = 0; i < a->nmerged_from; i++)
		detail_field(d, _("Merged from"), a->merged_from[i]);
	field_str(d, _("Result"), a->result);
	if (a->callback != APPEAL_CALLBACK_NONE)
		detail_field(d, _("Callback"), a->callback == APPEAL_CALLBACK_SATISFIED
		             ? _("satisfied") : _("dissatisfied"));
	field_str(d, _("Dissatisfied because"), a->callback_reason);
	field_date(d, _("Extended until"), a->extended_until);
	field_str(d, _("Extension reason"), a->extension_reason);
	/* the days here; the timeline has the times of every move */
	char day[11];
	snprintf(day, sizeof day, "%s", a->created_at ? a->created_at : "");
	detail_field(d, _("Registered"), day);
	snprintf(day, sizeof day, "%s", a->updated_at ? a->updated_at : "");
	detail_field(d, _("Last change"), day);
	char ver[16];
	snprintf(ver, sizeof ver, "%d", a->version);
	detail_field(d, _("Version"), ver);
	field_str(d, _("Description"), a->description);
	detail_section(d, _("Time limits"));
	timer_lines(p, d, a);
	detail_section(d, _("Timeline"));
	timeline(d, a);
	detail_section(d, _("What you may do now"));
	allowed_moves(p, a);
	if (p->nacts == 0) {
		detail_note(d, _("Nothing: no move is open to you on this appeal now."));
	} else {
		strbuf s = STRBUF_INIT;
		for (int i = 0; i < p->nacts; i++)
			sb_addf(&s, "%s%s", i ? "、" : "", _(ticket_action_label(p->acts[i])));
		detail_note(d, sb_str(&s));
		sb_free(&s);
	}
}

/* read the appeal number again (after a move, or a stale one); false when gone */
static bool load_rec(app_pane *p, const char *number)
{
	char num[TICKET_NUMBER_SIZE];
	snprintf(num, sizeof num, "%s", number);
	if (p->have_rec)
		appeal_record_clear(&p->rec);
	p->have_rec = false;
	strbuf err = STRBUF_INIT;
	int found = appeal_store_get(pane_db(p), num, true, &p->rec, &err);
	if (found < 0)
		shell_error(p->sh, "%s", sb_str(&err));
	else if (found > 0)
		shell_error(p->sh, _("no appeal %s"), num);
	sb_free(&err);
	p->have_rec = found == 0;
	return p->have_rec;
}

static void open_detail(app_pane *p)
{
	const appeal_row *r = cursor_row(p);
	if (!r || !load_rec(p, r->number))
		return;
	detail_clear(p->det, false);
	build_detail(p);
	p->mode = MODE_VIEW;
}

static void refresh_all(app_pane *p)
{
	p->counted = false;
	lv_invalidate(p->lv);
	if (p->have_rec && load_rec(p, p->rec.number))
		build_detail(p);
}

/* ---- moves ---- */

static void drop_pending(app_pane *p)
{
	xfree(&p->p_text);
	xfree(&p->p_unit);
	xfree(&p->p_into);
	app_split_list_free(&p->p_related);
	p->p_nrelated = 0;
	p->p_until = DATE_NONE;
}

static void close_form(app_pane *p)
{
	form_free(&p->form);
	p->mode = p->back;
}

static void open_next_callback(app_pane *p);

/* make the pending move on p->rec; 0 done, 1 the form stays open with the reason */
static int make_move(app_pane *p)
{
	ticket_input in = { p->p_text, p->p_unit, (const char *const *)p->p_related, p->p_nrelated,
		p->p_until, p->p_into };
	ticket_move m;
	ticket_timers after;
	strbuf err = STRBUF_INIT;
	appeal_move_rc rc = appeal_move_make(ctx_of(p), &p->rec, p->act, &in, &m, &after, &err);
	int out = 0;
	if (rc == APPEAL_MOVE_BAD_INPUT && p->form) {
		form_set_error(p->form, -1, sb_str(&err));
		out = 1;
	} else if (rc != APPEAL_MOVE_DONE) {
		/* refused by the rules or changed by someone else: say so, show it as it is */
		shell_error(p->sh, "%s: %s", p->rec.number, sb_str(&err));
		form_free(&p->form);
		p->mode = MODE_VIEW;
		refresh_all(p);
	} else {
		shell_message(p->sh, _("%s %s: now %s"), p->rec.number, _(ticket_action_label(m.action)),
		              _(ticket_state_label(m.to)));
		form_free(&p->form);
		p->mode = p->back;
		refresh_all(p);
		if (p->queue)
			open_next_callback(p);
	}
	sb_free(&err);
	if (out == 0)
		drop_pending(p);
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
	ticket_actor who = app_ticket_actor(ctx_of(p));
	ticket_view v = appeal_record_view(&p->rec);
	ticket_move m;
	drop_pending(p);
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
	if (m.needs & TICKET_NEEDS_UNIT) {
		const unit_table *units = app_units(ctx_of(p));
		form_option *o = xcalloc((size_t)units->n + 1, sizeof *o);
		for (int i = 0; i < units->n; i++)
			o[i] = (form_option){ units->v[i].name, units->v[i].name };
		p->fld_unit = form_add_choice(p->form, _("Lead unit"), o, units->n, NULL, true);
		xfree(&o);
		p->fld_related = form_add_text(p->form, _("Related units (comma-separated)"), NULL, 200,
		                               false);
	}
	if (m.needs & TICKET_NEEDS_DATE)
		p->fld_date = form_add_date(p->form, _("New due date"), DATE_NONE, true);
	if (m.needs & TICKET_NEEDS_TARGET)
		p->fld_into = form_add_text(p->form, _("Merge into appeal number"), NULL, 24, true);
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
	drop_pending(p);
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
			if (!units_find(app_units(ctx_of(p)), p->p_related[i])) {
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
	return 0;
}

static void open_menu(app_pane *p)
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

/* ---- the callback queue ---- */

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
	p->fld_verdict = form_add_choice(p->form, _("The enterprise is"), o, 2, "1", true);
	p->fld_text = form_add_lines(p->form, _("Reason (when dissatisfied)"), NULL, TEXT_MAX, 3,
	                             false);
	p->purpose = FP_CALLBACK;
	p->mode = MODE_FORM;
}

/* the appeal under the cursor of the 待回访 view, in its callback form; the queue
 * ends when the view is empty */
static void open_next_callback(app_pane *p)
{
	p->queue = true;
	if (p->view != APPEAL_VIEW_CALLBACK) {
		p->view = APPEAL_VIEW_CALLBACK;
		apply_filter(p);
		lv_handle(p->lv, ACT_FIRST);
	}
	/* the saved appeal has left the view: the next one is now first */
	appeal_row r;
	int n = 0;
	strbuf err = STRBUF_INIT;
	if (appeal_store_window(pane_db(p), &p->filter, p->sort, p->desc, 0, 1, &r, &n, &err) < 0)
		shell_error(p->sh, "%s", sb_str(&err));
	sb_free(&err);
	if (n <= 0) {
		p->queue = false;
		p->mode = MODE_LIST;
		if (n == 0)
			shell_message(p->sh, "%s", _("No appeal is waiting for a callback."));
		return;
	}
	bool ok = load_rec(p, r.number);
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
	drop_pending(p);
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

/* ---- intake ---- */

static void open_intake(app_pane *p)
{
	const staff *me = app_actor(ctx_of(p));
	form_free(&p->form);
	p->form = form_new(p->sh, _("New appeal"));
	xfree(&p->similar_key);
	const char *scope = me->role == ROLE_AREA_OFFICER ? me->area : NULL;
	p->fld_ent = form_add_enterprise(p->form, _("Enterprise"), pane_db(p), scope, 0, NULL, true);
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
	set_str(&p->similar_key, key);
	int days = (int)cfg_int(ctx_of(p)->cfg, SET_SIMILAR_DAYS);
	appeal_row rows[SIMILAR_MAX];
	int n = 0;
	strbuf err = STRBUF_INIT, s = STRBUF_INIT;
	if (appeal_store_similar(pane_db(p), uscc, title, ctx_of(p)->today - days, rows,
	                         SIMILAR_MAX, &n, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		n = 0;
	}
	if (n > 0) {
		sb_addf(&s, P_("%d open appeal of this enterprise from the last %d days has a similar "
		               "title:", "%d open appeals of this enterprise from the last %d days have "
		               "similar titles:", (unsigned long)n), n, days);
		for (int i = 0; i < n; i++) {
			sb_addf(&s, _(" %s %s (%s, %d%% alike);"), rows[i].number, rows[i].title,
			        _(ticket_state_label(rows[i].state)), rows[i].similarity);
			appeal_row_clear(&rows[i]);
		}
		sb_add(&s, _(" Save again to register it anyway."));
		form_set_error(p->form, -1, sb_str(&s));
	}
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
	char *clean_title = text_sanitize(title, strlen(title), 0);
	char *clean_desc = text_sanitize(desc, strlen(desc), TEXT_KEEP_NEWLINES);
	int64_t id = form_enterprise(f, p->fld_ent);
	if (ent_store_get(pane_db(p), NULL, id, &e, &err) != 0) {
		form_set_error(f, p->fld_ent, *sb_str(&err) ? sb_str(&err) : _("no such enterprise"));
		goto out;
	}
	if (warn_similar(p, e.uscc, clean_title))
		goto out;
	ticket_kind kind = TICKET_KIND_GENERAL;
	appeal_channel ch = APPEAL_CH_PHONE;
	ticket_kind_parse(form_choice(f, p->fld_kind), &kind);
	appeal_channel_parse(form_choice(f, p->fld_channel), &ch);
	appeal_new a = { e.uscc, clean_title, *clean_desc ? clean_desc : NULL, kind, ch, NULL, 0,
		TICKET_ST_NEW, NULL, 0 };
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	appeal_move_rc rc = appeal_move_register(ctx_of(p), &a, number, &tm, &err);
	if (rc != APPEAL_MOVE_DONE) {
		form_set_error(f, -1, sb_str(&err));
		goto out;
	}
	shell_message(p->sh, _("%s registered for %s, now %s"), number, e.name,
	              _(ticket_state_label(a.state)));
	close_form(p);
	refresh_all(p);
out:
	ent_record_clear(&e);
	xfree(&title);
	xfree(&desc);
	xfree(&clean_title);
	xfree(&clean_desc);
	sb_free(&err);
}

/* ---- events ---- */

static unsigned form_event(app_pane *p, const pane_event *ev)
{
	switch (form_key(p->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		p->queue = false;
		close_form(p);
		drop_pending(p);
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
			ticket_actor who = app_ticket_actor(ctx_of(p));
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
		}
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

/* the help may be read before answering; any other key answers, no unless y */
static unsigned confirm_event(app_pane *p, const pane_event *ev)
{
	if (ev->act == ACT_HELP)
		return REACT_UNHANDLED;
	p->mode = p->back;
	if (prompt_yes(ev->key)) {
		make_move(p);
	} else {
		drop_pending(p);
		p->queue = false;
		shell_message(p->sh, "%s", _("Nothing changed"));
	}
	return REACT_RECALC;
}

static void search_changed(void *arg, const char *text)
{
	app_pane *p = arg;
	set_str(&p->search, *text ? xstrdup(text) : NULL);
	apply_filter(p);
	lv_handle(p->lv, ACT_FIRST);
	shell_dirty_pane(p->sh);
}

static void search_done(void *arg, const char *text)
{
	app_pane *p = arg;
	if (!text) {
		set_str(&p->search, p->search_before);
		p->search_before = NULL;
	} else {
		set_str(&p->search, *text ? xstrdup(text) : NULL);
		xfree(&p->search_before);
	}
	apply_filter(p);
	shell_dirty_pane(p->sh);
}

static void start_search(app_pane *p, qkey key)
{
	char seed[8];
	prompt_seed(shell_keymap(p->sh), key, seed);
	set_str(&p->search_before, p->search ? xstrdup(p->search) : NULL);
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
		refresh_all(p);
		return REACT_RECALC;
	case ACT_OPEN:
		open_detail(p);
		return REACT_RECALC;
	case ACT_MOVE: {
		const appeal_row *r = cursor_row(p);
		if (r && load_rec(p, r->number))
			open_menu(p);
		return REACT_RECALC;
	}
	case ACT_NEW:
		open_intake(p);
		return REACT_RECALC;
	case ACT_CALLBACK:
		open_next_callback(p);
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
		open_menu(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		refresh_all(p);
		return REACT_RECALC;
	default:
		detail_handle(p->det, ev->act);
		return REACT_RECALC;
	}
}

static unsigned handle(void *state, const pane_event *ev)
{
	app_pane *p = state;
	switch (p->mode) {
	case MODE_FORM:
		return form_event(p, ev);
	case MODE_VIEW:
		return view_event(p, ev);
	case MODE_CONFIRM:
		return confirm_event(p, ev);
	default:
		return list_event(p, ev);
	}
}

/* ---- the pane ---- */

static void *create(shell *sh)
{
	app_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	const staff *me = app_actor(shell_ctx(sh));
	p->view = applist_start_view(me->role);
	/* earliest deadline first is most overdue first */
	p->sort = APPEAL_SORT_DUE;
	p->p_until = DATE_NONE;
	lv_source src = { count_rows, fetch_rows, cell, p };
	p->lv = lv_new(applist_columns, APPLIST__COUNT, &src);
	lv_set_style(p->lv, cell_style);
	lv_set_sort(p->lv, applist_sort_column(p->sort), p->desc);
	p->det = detail_new();
	apply_filter(p);
	return p;
}

static void destroy(void *state)
{
	app_pane *p = state;
	clear_rows(p);
	xfree(&p->rows);
	lv_free(&p->lv);
	detail_free(&p->det);
	form_free(&p->form);
	if (p->have_rec)
		appeal_record_clear(&p->rec);
	drop_pending(p);
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
	if (p->mode == MODE_VIEW || (p->mode == MODE_CONFIRM && p->back == MODE_VIEW)) {
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
	if (p->mode == MODE_VIEW || (p->mode == MODE_CONFIRM && p->back == MODE_VIEW)) {
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
	switch (a) {
	case ACT_REFRESH: case ACT_MOVE: case ACT_BACK: case ACT_CANCEL:
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		return browsing;
	case ACT_NEW: case ACT_SEARCH: case ACT_SORT: case ACT_SORT_REVERSE: case ACT_CALLBACK:
	case ACT_OPEN: case ACT_NEXT_TAB: case ACT_PREV_TAB: case ACT_LEFT: case ACT_RIGHT:
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
	return p->mode == MODE_FORM || p->mode == MODE_CONFIRM;
}

static const char *hint(void *state)
{
	app_pane *p = state;
	char k1[16], k2[16], k3[16];
	switch (p->mode) {
	case MODE_FORM:
		return form_hint(p->form);
	case MODE_CONFIRM:
		set_str(&p->hint, xasprintf(_("Confirm %s of appeal %s (%s)? [y/N]"),
		                            _(ticket_action_label(p->act)), p->rec.number,
		                            p->rec.enterprise_name));
		return p->hint;
	case MODE_VIEW:
		shell_key_name(p->sh, ACT_CANCEL, k1);
		shell_key_name(p->sh, ACT_MOVE, k2);
		set_str(&p->hint, xasprintf(_("%s back to the list, %s move this appeal"), k1, k2));
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
};
