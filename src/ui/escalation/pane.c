/* The Escalation tab (调度): the board of three-level dispatch (board.c), the appeal's
 * detail (the ladder view of appeals/detail.c), escalate, dispatch and outcome through
 * the shared ladder moves (forms.c) and three report views, the supervision figures,
 * the quarterly and the annual assessment (reports.c) with the ratings' form, import and freeze and
 * the reports' export (ratings.c); here the appeal the keys act on, the keys of
 * each mode and the pane's ops. */
#include <stdio.h>

#include "app/personal.h"
#include "app/app.h"
#include "app/appeal.h"
#include "app/staff.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/staff_store.h"
#include "ui/appeals/detail.h"
#include "ui/escalation/private.h"
#include "ui/panes.h"

db *escalation_db(esc_pane *p)
{
	return app_db(shell_ctx(p->sh));
}

static void set_str(char **dst, char *v)
{
	xfree(dst);
	*dst = v;
}

static void drop_rec(esc_pane *p)
{
	if (p->have_rec)
		appeal_record_clear(&p->rec);
	p->have_rec = false;
}

/* read the appeal numbered number afresh into p->rec: moves decide on what is stored
 * now, not on the row the board fetched a while ago */
bool escalation_load_rec(esc_pane *p, const char *number)
{
	char num[TICKET_NUMBER_SIZE];
	snprintf(num, sizeof num, "%s", number);
	drop_rec(p);
	store_err err = { 0 };
	int rc = shell_store_rc(p->sh,
	                        appeal_store_get(escalation_db(p), num, false, &p->rec, &err), &err);
	if (rc == 1)
		shell_error(p->sh, _("Appeal %s no longer exists."), num);
	strbuf why = STRBUF_INIT;
	if (rc == 0 && app_appeal_shown(shell_ctx(p->sh), &p->rec, &why) < 0)
		shell_error(p->sh, "%s", sb_str(&why));
	sb_free(&why);
	p->have_rec = rc == 0;
	return p->have_rec;
}

/* the appeal the keys act on: the one in the detail, else the board's cursor row */
bool escalation_current_rec(esc_pane *p)
{
	if (p->mode == MODE_VIEW && p->have_rec)
		return escalation_load_rec(p, p->rec.number);
	const appeal_row *r = escalation_cursor_row(p);
	if (!r) {
		shell_message(p->sh, "%s", _("No appeal is selected."));
		return false;
	}
	return escalation_load_rec(p, r->number);
}

void escalation_open_view(esc_pane *p, bool keep_scroll)
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

void escalation_opt_add(esc_options *o, const char *value, const char *label)
{
	if (o->n < (int)(sizeof o->v / sizeof o->v[0]))
		o->v[o->n++] = (form_option){ value, label };
}

ui_rect escalation_below_line(ui_rect r)
{
	ui_rect l = r;
	l.y += 1;
	l.h -= 1;
	return l;
}

static void *create(shell *sh)
{
	esc_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	escalation_board_init(p);
	p->view = detail_new();
	app_ctx *ctx = shell_ctx(sh);
	const staff *me = app_actor(ctx);
	perm_actor pa = app_perm_actor(ctx);
	perm_object po = { NULL, NULL };
	p->may_report = perm_check(&pa, PERM_REPORT_VIEW, &po).allow;
	p->may_rate = perm_check(&pa, PERM_RATING_ADD, &po).allow;
	p->may_freeze = perm_check(&pa, PERM_QUARTER_FREEZE, &po).allow;
	p->may_freeze_year = perm_check(&pa, PERM_YEAR_FREEZE, &po).allow;
	/* the staff view is there only for those who may change staff */
	p->may_staff = app_allowed(ctx, PERM_STAFF_EDIT, NULL, NULL, NULL);
	escalation_staff_init(p);
	/* the 督办/问责 view is there only for those who may file supervision requests */
	p->may_supervise = app_allowed(ctx, PERM_SUPERVISE, NULL, NULL, NULL);
	escalation_supv_init(p);
	/* a level-2 leader opens on the units they oversee; the filter form widens it */
	const char *leader = app_board_start_leader(me);
	if (leader) {
		p->f_leader = xstrdup(leader);
		p->f_leader_name = xstrdup(*me->name ? me->name : me->login);
	}
	/* the reports open on the quarter so far: what a meeting asks about */
	p->quarter = assessment_quarter_of(ctx->today);
	p->year = p->quarter.year;
	assessment_quarter_range(p->quarter, &p->from, NULL);
	p->to = ctx->today;
	p->lines_stale = true;
	return p;
}

static void destroy(void *state)
{
	esc_pane *p = state;
	escalation_board_free(p);
	escalation_staff_free(p);
	escalation_supv_free(p);
	drop_rec(p);
	detail_free(&p->view);
	form_free(&p->form);
	escalation_report_free(p);
	escalation_import_drop(p);
	sb_free(&p->imp_errors);
	xfree(&p->f_unit);
	xfree(&p->f_leader);
	xfree(&p->f_leader_name);
	xfree(&p->hint);
	xfree(&p);
}

static void recalc(void *state, ui_rect r)
{
	esc_pane *p = state;
	p->rect = r;
	switch (p->mode) {
	case MODE_FORM:
		form_recalc(p->form, r);
		return;
	case MODE_VIEW: case MODE_PREVIEW:
		detail_recalc(p->view, r);
		return;
	case MODE_UNITS: case MODE_QUARTER: case MODE_YEAR:
		if (p->may_report && p->lines_stale)
			escalation_report_build(p, r.w);
		return;
	case MODE_STAFF: case MODE_STAFF_CONFIRM:
		escalation_staff_recalc(p, r);
		return;
	case MODE_SUPV:
		escalation_supv_recalc(p, r);
		return;
	default:
		escalation_board_recalc(p, r);
		return;
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
	case MODE_VIEW: case MODE_PREVIEW:
		detail_repaint(p->view, r, false);
		return;
	case MODE_UNITS: case MODE_QUARTER: case MODE_YEAR:
		escalation_report_repaint(p, r);
		return;
	case MODE_STAFF: case MODE_STAFF_CONFIRM:
		escalation_staff_repaint(p, r);
		return;
	case MODE_SUPV:
		escalation_supv_repaint(p, r);
		return;
	default:
		escalation_board_repaint(p, r);
		return;
	}
}

/* the board, the supervision figures, the quarterly and the annual assessment, for
 * supervisors and leaders 督办/问责 and, for administrators, the staff, round */
static unsigned next_view(esc_pane *p)
{
	pane_mode m = p->mode;
	if (m == MODE_BOARD)
		p->mode = MODE_UNITS;
	else if (m == MODE_UNITS)
		p->mode = MODE_QUARTER;
	else if (m == MODE_QUARTER)
		p->mode = MODE_YEAR;
	else if (m == MODE_YEAR && p->may_supervise)
		p->mode = MODE_SUPV;
	else if ((m == MODE_YEAR || m == MODE_SUPV) && p->may_staff)
		p->mode = MODE_STAFF;
	else
		p->mode = MODE_BOARD;
	p->top = 0;
	p->lines_stale = true;
	if (p->mode == MODE_BOARD)
		escalation_reload(p);
	if (p->mode == MODE_STAFF)
		escalation_staff_reload(p, NULL);
	if (p->mode == MODE_SUPV)
		escalation_supv_reload(p, 0);
	return REACT_RECALC;
}

static unsigned move_event(esc_pane *p, action a)
{
	escalation_form_move(p, a == ACT_ESCALATE ? ESC_ACT_ESCALATE
	                        : a == ACT_SCHEDULE ? ESC_ACT_SCHEDULE : ESC_ACT_OUTCOME);
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
		const appeal_row *r = escalation_cursor_row(p);
		if (r && escalation_load_rec(p, r->number))
			escalation_open_view(p, false);
		return REACT_RECALC;
	}
	case ACT_FILTER:
		escalation_form_filter(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		escalation_reload(p);
		return REACT_RECALC;
	case ACT_ESCALATE: case ACT_SCHEDULE: case ACT_OUTCOME:
		return move_event(p, ev->act);
	case ACT_EXPORT:
		escalation_form_sheet(p);
		return REACT_RECALC;
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
	case ACT_EXPORT:
		escalation_form_sheet(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		if (escalation_load_rec(p, p->rec.number))
			escalation_open_view(p, true);
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

/* ratings are entered from the quarterly view, so by those who may open it: a role
 * that rates but sees no reports (the front desk) is offered neither key nor hint
 * there, and rates with qifu rating add|import */
static bool rates_here(const esc_pane *p)
{
	return p->mode == MODE_QUARTER && p->may_report && p->may_rate;
}

/* one of the report views */
static bool report_mode(const esc_pane *p)
{
	return p->mode == MODE_UNITS || p->mode == MODE_QUARTER || p->mode == MODE_YEAR;
}

static unsigned report_event(esc_pane *p, const pane_event *ev)
{
	int page = p->rect.h > 1 ? p->rect.h - 1 : 1;
	switch (ev->act) {
	case ACT_NEXT_VIEW:
		return next_view(p);
	case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_STAFF;  /* the last view: the next is the board */
		return next_view(p);
	case ACT_FILTER:
		if (p->may_report)
			escalation_form_period(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		p->lines_stale = true;
		return REACT_RECALC;
	case ACT_EXPORT:
		if (p->may_report)
			escalation_export_start(p);
		return REACT_RECALC;
	case ACT_NEW:
		if (rates_here(p))
			escalation_form_rating(p);
		return REACT_RECALC;
	case ACT_IMPORT:
		if (rates_here(p))
			escalation_import_start(p);
		return REACT_RECALC;
	case ACT_FREEZE:
		if (p->mode == MODE_QUARTER || p->mode == MODE_YEAR)
			escalation_form_freeze(p);
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
		return escalation_form_key(p, ev);
	case MODE_VIEW:
		return view_event(p, ev);
	case MODE_UNITS: case MODE_QUARTER: case MODE_YEAR:
		return report_event(p, ev);
	case MODE_STAFF:
		if (ev->act == ACT_NEXT_VIEW || ev->act == ACT_BACK || ev->act == ACT_CANCEL)
			return next_view(p);
		return escalation_staff_event(p, ev);
	case MODE_STAFF_CONFIRM:
		return escalation_staff_confirm_key(p, ev);
	case MODE_SUPV:
		if (ev->act == ACT_BACK || ev->act == ACT_CANCEL) {
			p->mode = MODE_STAFF;  /* the last view: the next is the board */
			return next_view(p);
		}
		if (ev->act == ACT_NEXT_VIEW)
			return next_view(p);
		return escalation_supv_event(p, ev);
	case MODE_PREVIEW: {
		bool yes;
		unsigned r = detail_question_key(p->view, ev, &yes);
		if (!(r & REACT_CLOSE))
			return r;
		escalation_import_finish(p, yes);
		return REACT_RECALC;
	}
	default:
		return board_event(p, ev);
	}
}

static bool offers(void *state, action a)
{
	esc_pane *p = state;
	if (p->mode == MODE_STAFF)
		return a == ACT_NEW || a == ACT_EDIT || a == ACT_DISABLE || a == ACT_REFRESH ||
		       a == ACT_NEXT_VIEW;
	if (p->mode == MODE_STAFF_CONFIRM)
		return false;
	if (p->mode == MODE_SUPV)
		return escalation_supv_offers(a);
	switch (a) {
	case ACT_REFRESH:
		return p->mode != MODE_FORM && p->mode != MODE_PREVIEW;
	case ACT_FILTER:
		return p->mode == MODE_BOARD || (report_mode(p) && p->may_report);
	case ACT_ESCALATE: case ACT_SCHEDULE: case ACT_OUTCOME:
		return p->mode == MODE_BOARD || p->mode == MODE_VIEW;
	case ACT_EXPORT:
		return p->mode == MODE_BOARD || p->mode == MODE_VIEW || (report_mode(p) && p->may_report);
	case ACT_NEW: case ACT_IMPORT:
		return rates_here(p);
	case ACT_FREEZE:
		return (p->mode == MODE_QUARTER && p->may_freeze) ||
		       (p->mode == MODE_YEAR && p->may_report && p->may_freeze_year);
	case ACT_NEXT_VIEW:
		return p->mode == MODE_BOARD || report_mode(p);
	default:
		/* search, sort and undo do nothing here */
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
	return p->mode == MODE_FORM || p->mode == MODE_PREVIEW || p->mode == MODE_STAFF_CONFIRM;
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
	case MODE_STAFF: case MODE_STAFF_CONFIRM:
		return escalation_staff_hint(p);
	case MODE_SUPV:
		return escalation_supv_hint(p);
	case MODE_VIEW:
		shell_key_name(p->sh, ACT_CANCEL, k5);
		set_str(&p->hint, xasprintf(_("%s back to the board, %s escalate, %s dispatch, "
		                              "%s outcome"), k5, k1, k2, k3));
		return p->hint;
	case MODE_PREVIEW:
		if (!escalation_import_can(p))
			set_str(&p->hint, xasprintf("%s", _("Nothing can be imported: any key goes back")));
		else
			set_str(&p->hint, xasprintf(P_("Import %d rating from %s? [y/N]",
			                              "Import %d ratings from %s? [y/N]",
			                              (unsigned long)p->imp.n), p->imp.n, p->imp.path));
		return p->hint;
	case MODE_QUARTER:
		if (rates_here(p)) {
			char k6[16], k7[16];
			shell_key_name(p->sh, ACT_NEW, k1);
			shell_key_name(p->sh, ACT_IMPORT, k2);
			shell_key_name(p->sh, ACT_FREEZE, k3);
			shell_key_name(p->sh, ACT_FILTER, k5);
			shell_key_name(p->sh, ACT_EXPORT, k6);
			shell_key_name(p->sh, ACT_NEXT_VIEW, k7);
			if (p->may_freeze)
				set_str(&p->hint, xasprintf(_("%s rate, %s import, %s freeze, %s quarter, "
				                              "%s export, %s next view"),
				                            k1, k2, k3, k5, k6, k7));
			else
				set_str(&p->hint, xasprintf(_("%s rate, %s import ratings, %s next view"),
				                            k1, k2, k7));
			return p->hint;
		}
		/* fall through */
	case MODE_UNITS:
	case MODE_YEAR:
		shell_key_name(p->sh, ACT_FILTER, k5);
		shell_key_name(p->sh, ACT_EXPORT, k1);
		/* a role without the reports sees a notice: nothing there to choose or export */
		if (!p->may_report)
			set_str(&p->hint, xasprintf(_("%s next view"), k4));
		else if (p->mode == MODE_YEAR && p->may_freeze_year) {
			shell_key_name(p->sh, ACT_FREEZE, k3);
			set_str(&p->hint, xasprintf(_("%s next view, %s choose the year, %s export, "
			                              "%s freeze the year, arrows scroll"),
			                            k4, k5, k1, k3));
		} else if (p->mode == MODE_YEAR)
			set_str(&p->hint, xasprintf(_("%s next view, %s choose the year, %s export, "
			                              "arrows scroll"), k4, k5, k1));
		else
			set_str(&p->hint, xasprintf(_("%s next view, %s choose the period, %s export, "
			                              "arrows scroll"), k4, k5, k1));
		return p->hint;
	default:
		if (p->may_staff)
			set_str(&p->hint, xasprintf(_("Tab or arrows: next list, Enter open, %s escalate, "
			                              "%s dispatch, %s outcome, %s reports and staff"),
			                            k1, k2, k3, k4));
		else
			set_str(&p->hint, xasprintf(_("Tab or arrows: next list, Enter open, %s escalate, "
			                              "%s dispatch, %s outcome, %s reports"),
			                            k1, k2, k3, k4));
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
