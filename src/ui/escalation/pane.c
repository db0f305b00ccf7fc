/* The Escalation tab (调度): the board of three-level dispatch — one column per level
 * (三级 lead unit, 二级 leader in charge, 一级 principal leader) and the overdue list,
 * most overdue first with the 建议升级 mark — filtered by lead unit and leader; the
 * appeal's detail; escalate, dispatch and outcome through the shared ladder moves;
 * and two report views, the supervision figures and the quarterly assessment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/appeal.h"
#include "app/report_data.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/assessment.h"
#include "model/escalation.h"
#include "model/perm.h"
#include "model/supervision.h"
#include "model/unit.h"
#include "store/esc_move.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"
#include "store/supervision_store.h"
#include "ui/appeals/detail.h"
#include "ui/detail.h"
#include "ui/form.h"
#include "ui/listview.h"
#include "ui/panes.h"
#include "ui/shell.h"

/* the board's lists: the three level columns left to right, then the overdue list */
enum { L_LEVEL3, L_LEVEL2, L_LEVEL1, L_OVERDUE, L__COUNT };
static const int list_levels[L__COUNT] = { ESC_LEVEL_LEAD_UNIT, ESC_LEVEL_LEADER,
	ESC_LEVEL_PRINCIPAL, 0 };

/* a level column: narrow at 80 columns (about 26 cells each), more fields when wide */
enum { LC_NUMBER, LC_ENTERPRISE, LC_LEAD, LC_DUE, LC__COUNT };
static const lv_column level_cols[LC__COUNT] = {
	{ N_("Number"), 11, false, TEXT_LEFT, 0 },
	{ N_("Enterprise"), 8, true, TEXT_LEFT, 0 },
	{ N_("Lead unit"), 10, false, TEXT_LEFT, 40 },
	{ N_("Due"), 10, false, TEXT_LEFT, 50 },
};

enum { OC_NUMBER, OC_ENTERPRISE, OC_LEVEL, OC_LATE, OC_MARK, OC_LEAD, OC_TITLE, OC__COUNT };
static const lv_column overdue_cols[OC__COUNT] = {
	{ N_("Number"), 11, false, TEXT_LEFT, 0 },
	{ N_("Enterprise"), 10, true, TEXT_LEFT, 0 },
	{ N_("Level"), 7, false, TEXT_LEFT, 0 },
	{ N_("Overdue"), 16, false, TEXT_LEFT, 0 },
	{ N_("Suggestion"), 8, false, TEXT_LEFT, 0 },
	{ N_("Lead unit"), 12, false, TEXT_LEFT, 100 },
	{ N_("Appeal"), 30, false, TEXT_LEFT, 140 },
};

typedef enum pane_mode { MODE_BOARD, MODE_VIEW, MODE_FORM, MODE_UNITS, MODE_QUARTER } pane_mode;
typedef enum form_purpose {
	FP_FILTER, FP_ESCALATE, FP_SCHEDULE, FP_OUTCOME, FP_PERIOD, FP_QUARTER
} form_purpose;

typedef struct esc_pane esc_pane;

/* one list of the board and the window of rows it last fetched, cells precomputed */
typedef struct board_list {
	esc_pane *p;
	int which;                 /* L_* */
	listview *lv;
	appeal_row *rows;
	char **cells;              /* nrows * ncols, owned */
	int nrows, cap, ncols;
	long offset;
} board_list;

struct esc_pane {
	shell *sh;
	pane_mode mode, back;      /* back: where a form or the detail returns to */
	board_list lists[L__COUNT];
	int focus;                 /* L_* */
	esc_board_counts counts;
	bool counts_stale;
	char *f_unit;              /* filter: lead unit */
	char *f_leader;            /* filter: level-2 leader's login */
	char *f_leader_name;
	ui_rect rect;
	/* the detail view and the appeal a form or the view is about */
	detail *view;
	appeal_record rec;
	bool have_rec;
	form *form;
	form_purpose purpose;
	int fld[6];
	/* report views: their text, one line each, and the scroll position */
	bool may_report;
	qdate from, to;
	assessment_quarter quarter;
	char **lines;
	int nlines, top;
	bool lines_stale;
	char *hint;
};

static db *pane_db(esc_pane *p)
{
	return app_db(shell_ctx(p->sh));
}

static void set_str(char **dst, char *v)
{
	xfree(dst);
	*dst = v;
}

/* ---- the board's lists ---- */

/* today, scope and the pane's filters: what every board query starts from */
static void base_filter(esc_pane *p, appeal_filter *f)
{
	app_appeal_filter(shell_ctx(p->sh), f);
	f->lead_unit = p->f_unit;
	f->overseen_by = p->f_leader;
}

static long count_rows(void *arg)
{
	board_list *l = arg;
	esc_pane *p = l->p;
	if (p->counts_stale) {
		appeal_filter f;
		base_filter(p, &f);
		strbuf err = STRBUF_INIT;
		memset(&p->counts, 0, sizeof p->counts);
		if (shell_store_rc(p->sh, esc_store_board_counts(pane_db(p), &f, &p->counts, &err),
		                   &err) < 0)
			return -1;
		p->counts_stale = false;
	}
	return l->which == L_OVERDUE ? p->counts.overdue : p->counts.level[list_levels[l->which]];
}

static void clear_rows(board_list *l)
{
	for (int i = 0; i < l->nrows; i++) {
		appeal_row_clear(&l->rows[i]);
		for (int c = 0; c < l->ncols; c++)
			xfree(&l->cells[i * l->ncols + c]);
	}
	l->nrows = 0;
}

/* the cells of a level column's row */
static void level_cells(esc_pane *p, const appeal_row *r, char **c)
{
	(void)p;
	/* the earliest running deadline: before signing that is not the handling one */
	char due[16] = "-";
	if (r->next_due != DATE_NONE)
		date_format(r->next_due, due);
	c[LC_NUMBER] = xstrdup(r->number);
	c[LC_ENTERPRISE] = xstrdup(r->enterprise_name ? r->enterprise_name : "");
	c[LC_LEAD] = xstrdup(r->lead_unit ? r->lead_unit : "-");
	c[LC_DUE] = xstrdup(due);
}

/* the cells of an overdue row: how late, by the earliest deadline, and the mark */
static void overdue_cells(esc_pane *p, const appeal_row *r, char **c)
{
	app_ctx *ctx = shell_ctx(p->sh);
	int days = 0;
	ticket_light_t l = ticket_light(r->next_due, ctx->today, app_calendar(ctx),
	                                app_ticket_params(ctx).yellow_days, &days);
	strbuf late = STRBUF_INIT;
	ticket_due_text(l, days, &late);
	c[OC_NUMBER] = xstrdup(r->number);
	c[OC_ENTERPRISE] = xstrdup(r->enterprise_name ? r->enterprise_name : "");
	c[OC_LEVEL] = xstrdup(r->level ? _(escalation_level_short(r->level)) : "-");
	c[OC_LATE] = sb_steal(&late);
	c[OC_MARK] = xstrdup(app_appeal_suggested(ctx, r->handle_due, r->level)
	                     ? _(escalation_suggest_label()) : "");
	c[OC_LEAD] = xstrdup(r->lead_unit ? r->lead_unit : "-");
	c[OC_TITLE] = xstrdup(r->title ? r->title : "");
}

static int fetch_rows(void *arg, long offset, int limit)
{
	board_list *l = arg;
	esc_pane *p = l->p;
	clear_rows(l);
	if (limit > l->cap)
		l->cells = xrealloc(l->cells, (size_t)limit * (size_t)l->ncols * sizeof *l->cells);
	lv_reserve(&l->rows, &l->cap, limit, sizeof *l->rows);
	appeal_filter f;
	base_filter(p, &f);
	strbuf err = STRBUF_INIT;
	int n = 0;
	if (shell_store_rc(p->sh, esc_store_board_window(pane_db(p), &f, list_levels[l->which],
	                                                 offset, limit, l->rows, &n, &err), &err) < 0)
		n = -1;
	l->nrows = n > 0 ? n : 0;
	l->offset = offset;
	for (int i = 0; i < l->nrows; i++) {
		char **c = &l->cells[i * l->ncols];
		if (l->which == L_OVERDUE)
			overdue_cells(p, &l->rows[i], c);
		else
			level_cells(p, &l->rows[i], c);
	}
	return n;
}

static const char *cell(void *arg, long row, int col)
{
	board_list *l = arg;
	long i = row - l->offset;
	if (i < 0 || i >= l->nrows || col < 0 || col >= l->ncols)
		return "";
	return l->cells[i * l->ncols + col];
}

/* the data changed (a move, a filter, F5): recount and refetch every list */
static void reload(esc_pane *p)
{
	p->counts_stale = true;
	for (int i = 0; i < L__COUNT; i++)
		lv_invalidate(p->lists[i].lv);
	p->lines_stale = true;
}

static const appeal_row *cursor_row(esc_pane *p)
{
	board_list *l = &p->lists[p->focus];
	long i = lv_cursor(l->lv) - l->offset;
	if (lv_count(l->lv) <= 0 || i < 0 || i >= l->nrows)
		return NULL;
	return &l->rows[i];
}

/* ---- the appeal a move or the detail is about ---- */

static void drop_rec(esc_pane *p)
{
	if (p->have_rec)
		appeal_record_clear(&p->rec);
	p->have_rec = false;
}

/* read the appeal numbered number afresh into p->rec: moves decide on what is stored
 * now, not on the row the board fetched a while ago */
static bool load_rec(esc_pane *p, const char *number)
{
	char num[TICKET_NUMBER_SIZE];
	snprintf(num, sizeof num, "%s", number);
	drop_rec(p);
	strbuf err = STRBUF_INIT;
	int rc = appeal_store_get(pane_db(p), num, false, &p->rec, &err);
	if (rc < 0)
		shell_error(p->sh, "%s", sb_str(&err));
	else if (rc == 1)
		shell_error(p->sh, _("Appeal %s no longer exists."), num);
	sb_free(&err);
	p->have_rec = rc == 0;
	return p->have_rec;
}

/* the appeal the keys act on: the one in the detail, else the board's cursor row */
static bool current_rec(esc_pane *p)
{
	if (p->mode == MODE_VIEW && p->have_rec)
		return load_rec(p, p->rec.number);
	const appeal_row *r = cursor_row(p);
	if (!r) {
		shell_message(p->sh, "%s", _("No appeal is selected."));
		return false;
	}
	return load_rec(p, r->number);
}

static void open_view(esc_pane *p, bool keep_scroll)
{
	strbuf err = STRBUF_INIT;
	if (appeal_detail_ladder(p->view, shell_ctx(p->sh), &p->rec, keep_scroll, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		p->mode = MODE_BOARD;
	} else {
		p->mode = MODE_VIEW;
	}
	sb_free(&err);
}

/* ---- forms ---- */

static void close_form(esc_pane *p)
{
	form_free(&p->form);
	p->mode = p->back;
	if (p->mode == MODE_VIEW && p->have_rec)
		open_view(p, true);
}

static void start_form(esc_pane *p, form *f, form_purpose purpose)
{
	form_free(&p->form);
	p->form = f;
	p->purpose = purpose;
	if (p->mode != MODE_FORM)
		p->back = p->mode;
	p->mode = MODE_FORM;
}

typedef struct optlist {
	form_option *v;
	char **own;
	int n;
} optlist;

static void opt_add(optlist *o, const char *value, const char *label)
{
	o->v = xrealloc(o->v, (size_t)(o->n + 1) * sizeof *o->v);
	o->own = xrealloc(o->own, (size_t)(o->n + 1) * 2 * sizeof *o->own);
	o->own[o->n * 2] = xstrdup(value);
	o->own[o->n * 2 + 1] = xstrdup(label);
	o->v[o->n] = (form_option){ o->own[o->n * 2], o->own[o->n * 2 + 1] };
	o->n++;
}

static void opt_free(optlist *o)
{
	for (int i = 0; i < o->n * 2; i++)
		xfree(&o->own[i]);
	xfree(&o->own);
	xfree(&o->v);
	o->n = 0;
}

static void add_leader(const staff *s, void *arg)
{
	if (s->role == ROLE_LEADER && s->level == ESC_LEVEL_LEADER)
		opt_add(arg, s->login, s->name);
}

static void open_filter_form(esc_pane *p)
{
	const unit_table *units = app_units(shell_ctx(p->sh));
	form *f = form_new(p->sh, _("Filter the board"));
	optlist o = { 0 };
	opt_add(&o, "", _("all"));
	for (int i = 0; i < units->n; i++)
		if (units->v[i].kind == UNIT_DEPT || units->v[i].kind == UNIT_AREA)
			opt_add(&o, units->v[i].name, units->v[i].name);
	p->fld[0] = form_add_choice(f, _("Lead unit"), o.v, o.n, p->f_unit ? p->f_unit : "",
	                            false);
	opt_free(&o);
	opt_add(&o, "", _("all"));
	strbuf err = STRBUF_INIT;
	if (staff_store_each(pane_db(p), add_leader, &o, &err) < 0)
		shell_error(p->sh, "%s", sb_str(&err));
	sb_free(&err);
	p->fld[1] = form_add_choice(f, _("Leader in charge (level 2)"), o.v, o.n,
	                            p->f_leader ? p->f_leader : "", false);
	opt_free(&o);
	const char *buttons[] = { _("Apply"), _("Clear all") };
	form_set_buttons(f, buttons, 2, -1);
	form_set_confirm(f, false);
	start_form(p, f, FP_FILTER);
}

static void apply_filter_form(esc_pane *p, bool clear)
{
	xfree(&p->f_unit);
	xfree(&p->f_leader);
	xfree(&p->f_leader_name);
	if (!clear) {
		const char *u = form_choice(p->form, p->fld[0]);
		const char *l = form_choice(p->form, p->fld[1]);
		if (*u)
			p->f_unit = xstrdup(u);
		if (*l) {
			p->f_leader = xstrdup(l);
			staff *st = NULL;
			strbuf err = STRBUF_INIT;
			if (staff_store_get(pane_db(p), l, &st, &err) == 0) {
				p->f_leader_name = xstrdup(st->name);
				staff_free(&st);
			}
			sb_free(&err);
		}
	}
	close_form(p);
	reload(p);
	for (int i = 0; i < L__COUNT; i++)
		lv_handle(p->lists[i].lv, ACT_FIRST);
}

/* the ladder's view of the person at the keyboard, and the mover around it */
static esc_mover mover(esc_pane *p, const escalation_actor *who)
{
	app_ctx *ctx = shell_ctx(p->sh);
	esc_mover m = { app_db(ctx), app_actor(ctx)->login, who, app_calendar(ctx), ctx->today };
	return m;
}

/* open the form of a ladder move on the current appeal, when the rules allow it */
static void open_move(esc_pane *p, escalation_action act)
{
	if (!current_rec(p))
		return;
	app_ctx *ctx = shell_ctx(p->sh);
	escalation_actor who = app_esc_actor(ctx);
	esc_mover m = mover(p, &who);
	escalation_verdict v;
	strbuf err = STRBUF_INIT;
	if (esc_move_check(&m, &p->rec, act, &v, &err) != ESC_MOVE_DONE) {
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_free(&err);
	char *title;
	form *f;
	switch (act) {
	case ESC_ACT_ESCALATE:
		title = xasprintf(_("Escalate %s from %s to %s"), p->rec.number,
		                  _(escalation_level_short(v.level)), _(escalation_level_short(v.next)));
		f = form_new(p->sh, title);
		p->fld[0] = form_add_lines(f, _("Reason"), "", ESC_TEXT_MAX, 4, true);
		start_form(p, f, FP_ESCALATE);
		break;
	case ESC_ACT_SCHEDULE: {
		title = xasprintf(_("Dispatch on %s at %s"), p->rec.number,
		                  _(escalation_level_short(p->rec.level)));
		f = form_new(p->sh, title);
		form_option modes[ESC_MODE__COUNT];
		for (int i = 0; i < ESC_MODE__COUNT; i++)
			modes[i] = (form_option){ escalation_mode_code((escalation_mode)i),
				_(escalation_mode_label((escalation_mode)i)) };
		p->fld[0] = form_add_choice(f, _("Mode"), modes, ESC_MODE__COUNT,
		                            escalation_mode_code(ESC_MODE_MEETING), true);
		p->fld[1] = form_add_date(f, _("Date"), ctx->today, true);
		p->fld[2] = form_add_text(f, _("Place"), "", ESC_PLACE_MAX, false);
		p->fld[3] = form_add_text(f, _("Attendees"), "", ESC_ATTENDEES_MAX, false);
		p->fld[4] = form_add_lines(f, _("Decision"), "", ESC_TEXT_MAX, 3, true);
		p->fld[5] = form_add_date(f, _("New due date"), DATE_NONE, false);
		start_form(p, f, FP_SCHEDULE);
		break;
	}
	default:
		title = xasprintf(_("Outcome of the dispatch on %s at %s"), p->rec.number,
		                  _(escalation_level_short(p->rec.level)));
		f = form_new(p->sh, title);
		p->fld[0] = form_add_lines(f, _("Outcome"), "", ESC_TEXT_MAX, 4, true);
		start_form(p, f, FP_OUTCOME);
		break;
	}
	xfree(&title);
}

/* run the form's move through the shared sequence; the form stays open on bad input */
static void save_move(esc_pane *p)
{
	app_ctx *ctx = shell_ctx(p->sh);
	escalation_actor who = app_esc_actor(ctx);
	esc_mover m = mover(p, &who);
	strbuf err = STRBUF_INIT;
	char *text = NULL, *place = NULL, *attendees = NULL;
	char day[16];
	int64_t id = 0;
	escalation_verdict v;
	esc_move_result r;
	switch (p->purpose) {
	case FP_ESCALATE:
		text = form_text(p->form, p->fld[0]);
		r = esc_move_escalate(&m, &p->rec, text, &v, &err);
		if (r == ESC_MOVE_DONE)
			shell_message(p->sh, _("%s escalated from %s to %s"), p->rec.number,
			              _(escalation_level_label(v.level)), _(escalation_level_label(v.next)));
		break;
	case FP_SCHEDULE: {
		escalation_record rec = { 0 };
		escalation_mode_parse(form_choice(p->form, p->fld[0]), &rec.mode);
		rec.date = form_date(p->form, p->fld[1]);
		place = form_text(p->form, p->fld[2]);
		attendees = form_text(p->form, p->fld[3]);
		text = form_text(p->form, p->fld[4]);
		rec.place = place;
		rec.attendees = attendees;
		rec.decision = text;
		rec.new_due = form_date(p->form, p->fld[5]);
		ticket_timers after;
		r = esc_move_schedule(&m, &p->rec, &rec, &after, &id, &err);
		if (r == ESC_MOVE_DONE)
			shell_message(p->sh, _("%s: %s no. %lld recorded at %s on %s"), p->rec.number,
			              _(escalation_mode_label(rec.mode)), (long long)id,
			              _(escalation_level_label(rec.level)), date_format(rec.date, day));
		break;
	}
	default:
		text = form_text(p->form, p->fld[0]);
		r = esc_move_outcome(&m, &p->rec, text, &id, &err);
		if (r == ESC_MOVE_DONE)
			shell_message(p->sh, _("%s: outcome of dispatch no. %lld at %s recorded"),
			              p->rec.number, (long long)id, _(escalation_level_label(p->rec.level)));
		break;
	}
	if (r == ESC_MOVE_INVALID) {
		form_set_error(p->form, -1, sb_str(&err));
	} else {
		/* written, refused or changed by someone else: the board and the detail show
		 * the appeal as it is stored now */
		if (r != ESC_MOVE_DONE)
			shell_error(p->sh, "%s", sb_str(&err));
		char num[TICKET_NUMBER_SIZE];
		snprintf(num, sizeof num, "%s", p->rec.number);
		/* a move made shows its appeal with the record it wrote */
		if (r == ESC_MOVE_DONE)
			p->back = MODE_VIEW;
		if (!load_rec(p, num))
			p->back = MODE_BOARD;
		close_form(p);
		reload(p);
	}
	xfree(&text);
	xfree(&place);
	xfree(&attendees);
	sb_free(&err);
}

/* ---- the report views ---- */

static void free_lines(esc_pane *p)
{
	for (int i = 0; i < p->nlines; i++)
		xfree(&p->lines[i]);
	xfree(&p->lines);
	p->nlines = 0;
}

/* split text at newlines into the view's lines */
static void set_lines(esc_pane *p, const char *text)
{
	free_lines(p);
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		p->lines = xrealloc(p->lines, (size_t)(p->nlines + 1) * sizeof *p->lines);
		p->lines[p->nlines++] = xstrndup(s, len);
		s += len + (nl != NULL);
	}
}

/* what `qifu report units` prints, with the charts as wide as the pane */
static void build_units(esc_pane *p, int width, strbuf *out)
{
	app_ctx *ctx = shell_ctx(p->sh);
	char f[16], t[16], today[16];
	sb_addf(out, _("Supervision figures of the appeals dispatched from %s to %s, as of %s\n\n"),
	        date_format(p->from, f), date_format(p->to, t), date_format(ctx->today, today));
	supervision_counts *rows = NULL;
	int n = 0;
	strbuf err = STRBUF_INIT;
	if (report_units_rows(ctx, p->from, p->to, &rows, &n, &err) < 0) {
		sb_addf(out, "%s\n", sb_str(&err));
	} else if (n == 0) {
		sb_add(out, _("No appeal was dispatched in the period and none is overdue.\n"));
	} else {
		supervision_table(rows, n, out);
		for (int i = 0; i < SUP_FIGURE__COUNT; i++) {
			sb_addc(out, '\n');
			supervision_chart(rows, n, (supervision_figure)i, width, out);
		}
	}
	sup_store_counts_free(&rows, n);
	sb_free(&err);
}

/* what `qifu report quarter` prints, the bar as wide as the pane allows */
static void build_quarter(esc_pane *p, int width, strbuf *out)
{
	app_ctx *ctx = shell_ctx(p->sh);
	assessment_unit *rows = NULL;
	int n = 0, frozen = 0;
	strbuf err = STRBUF_INIT;
	assessment_tiers tiers = app_assessment_tiers(ctx);
	char code[ASSESS_QUARTER_SIZE];
	assessment_quarter_format(p->quarter, code);
	if (report_quarter_rows(ctx, p->quarter, &rows, &n, &frozen, &err) < 0) {
		sb_addf(out, "%s\n", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_addf(out, _("Quarter %s: ratings per unit; tier 1 from %d, tier 2 from %d%s\n\n"), code,
	        tiers.tier1_min, tiers.tier2_min, frozen == 1 ? _(" (frozen)") : "");
	enum { UW = 16, CW = 7, MW = 6, TW = 8 };
	int bw = width - UW - CW - MW - TW - 4;
	text_fit_pad_sb(out, _("Unit"), UW, TEXT_LEFT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Ratings"), CW, TEXT_RIGHT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Mean"), MW, TEXT_RIGHT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Tier"), TW, TEXT_LEFT);
	if (bw > 0) {
		sb_addc(out, ' ');
		text_fit_pad_sb(out, _("Mean score (0-100)"), bw, TEXT_LEFT);
	}
	sb_addc(out, '\n');
	for (int i = 0; i < n; i++) {
		const assessment_unit *u = &rows[i];
		char count[16], mean[ASSESS_MEAN_SIZE] = "-";
		snprintf(count, sizeof count, "%d", u->count);
		if (u->count)
			assessment_mean_format(u->mean10, mean);
		text_fit_pad_sb(out, u->unit, UW, TEXT_LEFT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, count, CW, TEXT_RIGHT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, mean, MW, TEXT_RIGHT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, _(assessment_tier_label(u->tier)), TW, TEXT_LEFT);
		if (bw > 0) {
			sb_addc(out, ' ');
			supervision_bar(u->count ? u->mean10 / 1000.0 : 0.0, bw, out);
		}
		sb_addc(out, '\n');
	}
	report_quarter_rows_free(ctx, &rows, n);
	sb_free(&err);
}

static void build_report(esc_pane *p, int width)
{
	strbuf out = STRBUF_INIT;
	if (p->mode == MODE_UNITS)
		build_units(p, width, &out);
	else
		build_quarter(p, width, &out);
	set_lines(p, sb_str(&out));
	sb_free(&out);
	p->lines_stale = false;
}

static void open_period_form(esc_pane *p)
{
	form *f;
	if (p->mode == MODE_UNITS) {
		f = form_new(p->sh, _("Period of the supervision figures"));
		p->fld[0] = form_add_date(f, _("From"), p->from, true);
		p->fld[1] = form_add_date(f, _("To"), p->to, true);
		start_form(p, f, FP_PERIOD);
	} else {
		char code[ASSESS_QUARTER_SIZE];
		f = form_new(p->sh, _("Quarter of the assessment"));
		p->fld[0] = form_add_text(f, _("Quarter (e.g. 2026Q4)"),
		                          assessment_quarter_format(p->quarter, code), 6, true);
		start_form(p, f, FP_QUARTER);
	}
	const char *buttons[] = { _("Apply"), _("Cancel") };
	form_set_buttons(f, buttons, 2, 1);
	form_set_confirm(f, false);
}

static void apply_period_form(esc_pane *p)
{
	if (p->purpose == FP_PERIOD) {
		qdate from = form_date(p->form, p->fld[0]), to = form_date(p->form, p->fld[1]);
		if (from > to) {
			form_set_error(p->form, p->fld[1], _("The period ends before it starts."));
			return;
		}
		p->from = from;
		p->to = to;
	} else {
		char *s = form_text(p->form, p->fld[0]);
		assessment_quarter q;
		bool ok = assessment_quarter_parse(s, &q);
		xfree(&s);
		if (!ok) {
			form_set_error(p->form, p->fld[0], _("A quarter is written like 2026Q4."));
			return;
		}
		p->quarter = q;
	}
	close_form(p);
	p->top = 0;
	p->lines_stale = true;
}

/* ---- the pane ---- */

static void *create(shell *sh)
{
	esc_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	for (int i = 0; i < L__COUNT; i++) {
		board_list *l = &p->lists[i];
		l->p = p;
		l->which = i;
		l->ncols = i == L_OVERDUE ? OC__COUNT : LC__COUNT;
		lv_source src = { count_rows, fetch_rows, cell, l };
		l->lv = lv_new(i == L_OVERDUE ? overdue_cols : level_cols, l->ncols, &src);
	}
	p->counts_stale = true;
	p->view = detail_new();
	app_ctx *ctx = shell_ctx(sh);
	const staff *me = app_actor(ctx);
	perm_actor pa = { me->role, me->unit, me->area, me->level };
	perm_object po = { NULL, NULL };
	p->may_report = perm_check(&pa, PERM_REPORT_VIEW, &po).allow;
	/* the reports open on the quarter so far: what a meeting asks about */
	p->quarter = assessment_quarter_of(ctx->today);
	assessment_quarter_range(p->quarter, &p->from, NULL);
	p->to = ctx->today;
	p->lines_stale = true;
	return p;
}

static void destroy(void *state)
{
	esc_pane *p = state;
	for (int i = 0; i < L__COUNT; i++) {
		clear_rows(&p->lists[i]);
		xfree(&p->lists[i].rows);
		xfree(&p->lists[i].cells);
		lv_free(&p->lists[i].lv);
	}
	drop_rec(p);
	detail_free(&p->view);
	form_free(&p->form);
	free_lines(p);
	xfree(&p->f_unit);
	xfree(&p->f_leader);
	xfree(&p->f_leader_name);
	xfree(&p->hint);
	xfree(&p);
}

/* the board's rectangles: a column per level, the overdue list below them */
typedef struct board_rects {
	ui_rect col[3];
	ui_rect overdue;
} board_rects;

static void board_layout(ui_rect r, board_rects *b)
{
	int avail = r.h - 1;
	int colh = avail * 3 / 5;
	int cw = (r.w - 2) / 3;
	for (int i = 0; i < 3; i++) {
		int x = r.x + i * (cw + 1);
		int w = i == 2 ? r.x + r.w - x : cw;
		b->col[i] = (ui_rect){ r.y + 1, x, colh, w };
	}
	b->overdue = (ui_rect){ r.y + 1 + colh, r.x, avail - colh, r.w };
}

/* a list's rectangle below its title row */
static ui_rect list_rect(ui_rect r)
{
	return (ui_rect){ r.y + 1, r.x, r.h - 1, r.w };
}

static void recalc(void *state, ui_rect r)
{
	esc_pane *p = state;
	p->rect = r;
	switch (p->mode) {
	case MODE_FORM:
		form_recalc(p->form, r);
		return;
	case MODE_VIEW:
		detail_recalc(p->view, r);
		return;
	case MODE_UNITS: case MODE_QUARTER:
		if (p->may_report && p->lines_stale)
			build_report(p, r.w);
		return;
	default:
		break;
	}
	board_rects b;
	board_layout(r, &b);
	for (int i = 0; i < 3; i++)
		lv_recalc(p->lists[i].lv, list_rect(b.col[i]));
	lv_recalc(p->lists[L_OVERDUE].lv, list_rect(b.overdue));
}

/* "> 三级（牵头部门） 12": the focused list is marked in text, not colour alone */
static void draw_list_title(esc_pane *p, int which, ui_rect r)
{
	long n = lv_count(p->lists[which].lv);
	const char *name = which == L_OVERDUE ? _("Overdue, most overdue first")
		: _(escalation_level_label(list_levels[which]));
	/* the count stays whole when a narrow column cuts the name */
	char count[24];
	snprintf(count, sizeof count, " %ld", n < 0 ? 0 : n);
	int cw = text_width(count);
	ui_style st = p->focus == which ? STYLE_TAB : STYLE_HEADER;
	char *s = xasprintf("%s%s", p->focus == which ? "> " : "  ", name);
	int nw = text_width(s) < r.w - cw ? text_width(s) : r.w - cw;
	draw_text(r.y, r.x, nw, s, TEXT_LEFT, st);
	draw_text(r.y, r.x + nw, r.w - nw, count, TEXT_LEFT, st);
	xfree(&s);
}

/* a list under its title; an empty one says so */
static void draw_list(esc_pane *p, int which, ui_rect r)
{
	draw_list_title(p, which, r);
	ui_rect lr = list_rect(r);
	lv_repaint(p->lists[which].lv, lr);
	if (lv_count(p->lists[which].lv) == 0 && lr.h > 2)
		draw_text(lr.y + 2, lr.x, lr.w, _("none"), TEXT_CENTER, STYLE_DIM);
}

static void draw_summary(esc_pane *p, ui_rect r)
{
	strbuf s = STRBUF_INIT;
	sb_addf(&s, _("Lead unit: %s  Leader: %s"), p->f_unit ? p->f_unit : _("all"),
	        p->f_leader_name ? p->f_leader_name : p->f_leader ? p->f_leader : _("all"));
	long total = 0;
	for (int i = 0; i < 3; i++)
		total += lv_count(p->lists[i].lv) > 0 ? lv_count(p->lists[i].lv) : 0;
	sb_addf(&s, _("  %ld at a dispatch level"), total);
	draw_text(r.y, r.x, r.w, sb_str(&s), TEXT_LEFT, STYLE_NORMAL);
	sb_free(&s);
}

static void repaint_report(esc_pane *p, ui_rect r)
{
	if (!p->may_report) {
		const char *lines[] = {
			p->mode == MODE_UNITS ? _("Supervision figures") : _("Quarterly assessment"),
			"",
			_("The reports are for supervisors and leaders; your role does not see them."),
		};
		draw_message(r, lines, 3, STYLE_NORMAL);
		return;
	}
	if (p->top > p->nlines - r.h)
		p->top = p->nlines - r.h;
	if (p->top < 0)
		p->top = 0;
	for (int y = 0; y < r.h; y++) {
		int i = p->top + y;
		draw_text(r.y + y, r.x, r.w, i < p->nlines ? p->lines[i] : "", TEXT_LEFT,
		          STYLE_NORMAL);
	}
}

static void repaint(void *state, ui_rect r)
{
	esc_pane *p = state;
	if (r.h <= 0)
		return;
	switch (p->mode) {
	case MODE_FORM:
		form_repaint(p->form, r);
		return;
	case MODE_VIEW:
		detail_repaint(p->view, r, false);
		return;
	case MODE_UNITS: case MODE_QUARTER:
		repaint_report(p, r);
		return;
	default:
		break;
	}
	board_rects b;
	board_layout(r, &b);
	draw_summary(p, r);
	for (int i = 0; i < 3; i++) {
		draw_list(p, i, b.col[i]);
		if (i < 2)
			for (int y = 0; y < b.col[i].h; y++)
				draw_text(b.col[i].y + y, b.col[i].x + b.col[i].w, 1, "|", TEXT_LEFT,
				          STYLE_NORMAL);
	}
	draw_list(p, L_OVERDUE, b.overdue);
}

static unsigned form_event(esc_pane *p, const pane_event *ev)
{
	switch (form_key(p->form, ev)) {
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
		else if (p->purpose == FP_PERIOD || p->purpose == FP_QUARTER)
			apply_period_form(p);
		else
			save_move(p);
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

static unsigned next_view(esc_pane *p)
{
	p->mode = p->mode == MODE_BOARD ? MODE_UNITS : p->mode == MODE_UNITS ? MODE_QUARTER
		: MODE_BOARD;
	p->top = 0;
	p->lines_stale = true;
	if (p->mode == MODE_BOARD)
		reload(p);
	return REACT_RECALC;
}

static unsigned move_event(esc_pane *p, action a)
{
	open_move(p, a == ACT_ESCALATE ? ESC_ACT_ESCALATE : a == ACT_SCHEDULE ? ESC_ACT_SCHEDULE
		: ESC_ACT_OUTCOME);
	return REACT_RECALC;
}

static unsigned board_event(esc_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_NEXT_TAB: case ACT_RIGHT:
		p->focus = (p->focus + 1) % L__COUNT;
		return REACT_REPAINT;
	case ACT_PREV_TAB: case ACT_LEFT:
		p->focus = (p->focus + L__COUNT - 1) % L__COUNT;
		return REACT_REPAINT;
	case ACT_OPEN: {
		const appeal_row *r = cursor_row(p);
		if (r && load_rec(p, r->number))
			open_view(p, false);
		return REACT_RECALC;
	}
	case ACT_FILTER:
		open_filter_form(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		reload(p);
		return REACT_RECALC;
	case ACT_ESCALATE: case ACT_SCHEDULE: case ACT_OUTCOME:
		return move_event(p, ev->act);
	case ACT_NEXT_VIEW:
		return next_view(p);
	default:
		return lv_handle(p->lists[p->focus].lv, ev->act);
	}
}

static unsigned view_event(esc_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_BOARD;
		drop_rec(p);
		return REACT_RECALC;
	case ACT_ESCALATE: case ACT_SCHEDULE: case ACT_OUTCOME:
		return move_event(p, ev->act);
	case ACT_REFRESH:
		if (load_rec(p, p->rec.number))
			open_view(p, true);
		else
			p->mode = MODE_BOARD;
		return REACT_RECALC;
	default:
		if (ev->act == ACT_NEXT_TAB || ev->act == ACT_PREV_TAB)
			return REACT_UNHANDLED;
		detail_handle(p->view, ev->act);
		return REACT_RECALC;
	}
}

static unsigned report_event(esc_pane *p, const pane_event *ev)
{
	int page = p->rect.h > 1 ? p->rect.h - 1 : 1;
	switch (ev->act) {
	case ACT_NEXT_VIEW:
		return next_view(p);
	case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_QUARTER;
		return next_view(p);
	case ACT_FILTER:
		if (p->may_report)
			open_period_form(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		p->lines_stale = true;
		return REACT_RECALC;
	case ACT_UP: p->top--; return REACT_REPAINT;
	case ACT_DOWN: p->top++; return REACT_REPAINT;
	case ACT_PAGE_UP: p->top -= page; return REACT_REPAINT;
	case ACT_PAGE_DOWN: p->top += page; return REACT_REPAINT;
	case ACT_FIRST: p->top = 0; return REACT_REPAINT;
	case ACT_LAST: p->top = p->nlines; return REACT_REPAINT;
	default:
		return REACT_UNHANDLED;
	}
}

static unsigned handle(void *state, const pane_event *ev)
{
	esc_pane *p = state;
	switch (p->mode) {
	case MODE_FORM:
		return form_event(p, ev);
	case MODE_VIEW:
		return view_event(p, ev);
	case MODE_UNITS: case MODE_QUARTER:
		return report_event(p, ev);
	default:
		return board_event(p, ev);
	}
}

static bool offers(void *state, action a)
{
	esc_pane *p = state;
	switch (a) {
	case ACT_REFRESH:
		return p->mode != MODE_FORM;
	case ACT_FILTER:
		return p->mode == MODE_BOARD ||
		       ((p->mode == MODE_UNITS || p->mode == MODE_QUARTER) && p->may_report);
	case ACT_ESCALATE: case ACT_SCHEDULE: case ACT_OUTCOME:
		return p->mode == MODE_BOARD || p->mode == MODE_VIEW;
	case ACT_NEXT_VIEW:
		return p->mode == MODE_BOARD || p->mode == MODE_UNITS || p->mode == MODE_QUARTER;
	default:
		/* new, search, sort, export and undo do nothing here */
		return false;
	}
}

static bool caret(void *state, int *y, int *x)
{
	esc_pane *p = state;
	return p->mode == MODE_FORM && form_caret(p->form, y, x);
}

static bool modal(void *state)
{
	esc_pane *p = state;
	return p->mode == MODE_FORM;
}

static const char *hint(void *state)
{
	esc_pane *p = state;
	char k1[16], k2[16], k3[16], k4[16], k5[16];
	shell_key_name(p->sh, ACT_ESCALATE, k1);
	shell_key_name(p->sh, ACT_SCHEDULE, k2);
	shell_key_name(p->sh, ACT_OUTCOME, k3);
	shell_key_name(p->sh, ACT_NEXT_VIEW, k4);
	switch (p->mode) {
	case MODE_FORM:
		return form_hint(p->form);
	case MODE_VIEW:
		shell_key_name(p->sh, ACT_CANCEL, k5);
		set_str(&p->hint, xasprintf(_("%s back to the board, %s escalate, %s dispatch, "
		                              "%s outcome"), k5, k1, k2, k3));
		return p->hint;
	case MODE_UNITS: case MODE_QUARTER:
		shell_key_name(p->sh, ACT_FILTER, k5);
		set_str(&p->hint, xasprintf(_("%s next view, %s choose the period, arrows scroll"),
		                            k4, k5));
		return p->hint;
	default:
		set_str(&p->hint, xasprintf(_("Tab or arrows: next list, Enter open, %s escalate, "
		                              "%s dispatch, %s outcome, %s reports"), k1, k2, k3, k4));
		return p->hint;
	}
}

const pane_ops pane_escalation = {
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
