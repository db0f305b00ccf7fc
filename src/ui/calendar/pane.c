/* The Calendar tab (日历): the month view (month.c) with the selected day moved by the
 * arrows, a month at a time or by the jump prompt (g); the day's inspections opened in
 * the detail view (inspection_view.c) and moved along with m (plan_moves.c); a plan
 * registered with F2 (plan_form.c), a code verified with V (verify_form.c), an entry
 * an enterprise refused recorded with R (plan_moves.c), a plan's notice printed with
 * F7 from its detail (plan_notice.c); the "check a date" form (c,
 * F12, check_form.c); for administrators, a State Council holiday notice imported (I,
 * notice_import.c). Here the keys of each mode and the pane's ops. */
#include "app/inspection_move.h"
#include "core/datein.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "model/perm.h"
#include "ui/calendar/inspection_view.h"
#include "ui/calendar/private.h"
#include "ui/panes.h"
#include "ui/prompt.h"

app_ctx *calendar_ctx(cal_pane *p)
{
	return shell_ctx(p->sh);
}

/* the name of a key bound to a for a hint: a character key when typed is true (g
 * rather than Home), else the first key; "" when none is bound */
static void key_name(cal_pane *p, action a, bool typed, char buf[16])
{
	const qkey *keys;
	int n = keymap_keys(shell_keymap(p->sh), a, &keys), pick = 0;
	buf[0] = '\0';
	for (int i = 0; typed && i < n; i++)
		if (keys[i] > ' ' && keys[i] < QK__NAMED) {
			pick = i;
			break;
		}
	if (n > 0)
		key_format(keys[pick], buf);
}

static void *create(shell *sh)
{
	cal_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	app_ctx *ctx = shell_ctx(sh);
	p->params = app_inspection_params(ctx);
	p->sel = ctx->today;
	p->day_of = DATE_NONE;
	strbuf err = STRBUF_INIT;
	p->reasons = app_inspection_reasons(&err);
	if (!p->reasons)
		p->reasons_err = sb_steal(&err);
	sb_free(&err);
	calendar_month_init(p);
	p->view = detail_new();
	return p;
}

static void destroy(void *state)
{
	cal_pane *p = state;
	calendar_month_free(p);
	detail_free(&p->view);
	calcheck_free(&p->check);
	calreg_free(&p->reg);
	calverify_free(&p->verify);
	calendar_forms_drop(p);
	if (p->have_plan)
		inspection_record_clear(&p->plan);
	calendar_import_drop(p);
	inspection_reason_table_free(&p->reasons);
	xfree(&p->reasons_err);
	xfree(&p->hint);
	xfree(&p);
}

/* what the pane shows: a [y/N] leaves on screen what it asks about */
static cal_mode shown(const cal_pane *p)
{
	return p->mode == MODE_CONFIRM ? p->back : p->mode;
}

/* the open form with an answer under it (check, register, verify), or NULL */
static calanswer *frame(cal_pane *p)
{
	switch (p->mode) {
	case MODE_CHECK: return calcheck_frame(p->check);
	case MODE_REGISTER: return calreg_frame(p->reg);
	case MODE_VERIFY: return calverify_frame(p->verify);
	default: return NULL;
	}
}

static void recalc(void *state, ui_rect r)
{
	cal_pane *p = state;
	calendar_month_read(p);
	switch (shown(p)) {
	case MODE_DETAIL: case MODE_PREVIEW:
		detail_recalc(p->view, r);
		return;
	case MODE_CHECK: case MODE_REGISTER: case MODE_VERIFY:
		calanswer_recalc(frame(p), r);
		return;
	case MODE_FORM:
		form_recalc(p->form, r);
		return;
	default:
		calendar_month_recalc(p, r);
		return;
	}
}

static void repaint(void *state, ui_rect r)
{
	cal_pane *p = state;
	switch (shown(p)) {
	case MODE_DETAIL: case MODE_PREVIEW:
		detail_repaint(p->view, r, true);
		return;
	case MODE_CHECK: case MODE_REGISTER: case MODE_VERIFY:
		calanswer_repaint(frame(p));
		return;
	case MODE_FORM:
		form_repaint(p->form, r);
		return;
	default:
		calendar_month_repaint(p, r);
		return;
	}
}

/* move the selection by months, keeping the day of the month where it exists */
static void shift_month(cal_pane *p, int delta)
{
	int y, m, d;
	date_to_ymd(p->sel, &y, &m, &d);
	month_shift(&y, &m, delta);
	int last = date_days_in_month(y, m);
	p->sel = date_from_ymd(y, m, d < last ? d : last);
}

static void jump_done(void *arg, const char *text)
{
	cal_pane *p = arg;
	if (!text)
		return;
	qdate to = DATE_NONE;
	int y, m, d;
	switch (datein_parse(text, &to, &y, &m, &d)) {
	case DATEIN_DAY:
	case DATEIN_MONTH:
		p->sel = to;
		p->mode = MODE_GRID;
		shell_dirty_pane(p->sh);
		break;
	case DATEIN_EMPTY:
		break;
	case DATEIN_SHAPE:
		shell_error(p->sh, _("'%s' is not a date: write it as YYYY-MM-DD, e.g. 2026-02-14"),
		            text);
		break;
	case DATEIN_BAD_YEAR:
		shell_error(p->sh, _("'%s': the year %d is outside %d-%d"), text, y, DATEIN_YEAR_MIN,
		            DATEIN_YEAR_MAX);
		break;
	case DATEIN_BAD_MONTH:
		shell_error(p->sh, _("'%s': there is no month %d (months run from 1 to 12)"), text, m);
		break;
	case DATEIN_BAD_DAY:
		shell_error(p->sh, _("'%s': %d-%02d has %d days, so there is no day %d"), text, y, m,
		            date_days_in_month(y, m), d);
		break;
	}
}

/* the jump prompt; a full-width digit typed with the input method on starts it */
static void open_jump(cal_pane *p, qkey k)
{
	char seed[8];
	prompt_seed(shell_keymap(p->sh), k, seed);
	shell_prompt(p->sh, _("Go to date (YYYY-MM-DD): "), seed, jump_done, p);
}

static void open_check(cal_pane *p)
{
	if (!p->reasons) {
		shell_error(p->sh, "%s", p->reasons_err ? p->reasons_err : "inspect_reasons.tsv");
		return;
	}
	calcheck_free(&p->check);
	p->check = calcheck_new(p->sh, p->reasons, p->sel);
	p->mode = MODE_CHECK;
}

static void open_detail(cal_pane *p)
{
	long i = lv_cursor(p->lv);
	if (i >= 0 && i < p->nday)
		calendar_show_plan(p, p->day[i].id, NULL, 0);
}

/* whether the acting staff member may do a of the forms here at all; when not, why on
 * the status line */
static bool may(cal_pane *p, int act)
{
	strbuf why = STRBUF_INIT;
	bool ok = app_allowed(calendar_ctx(p), act, NULL, NULL, &why);
	if (!ok)
		shell_error(p->sh, "%s", sb_str(&why));
	sb_free(&why);
	return ok;
}

static bool have_reasons(cal_pane *p)
{
	if (!p->reasons)
		shell_error(p->sh, "%s", p->reasons_err ? p->reasons_err : "inspect_reasons.tsv");
	return p->reasons != NULL;
}

static void open_register(cal_pane *p)
{
	if (!have_reasons(p) || !may(p, PERM_INSP_REGISTER))
		return;
	calreg_free(&p->reg);
	p->reg = calreg_new(p->sh, p->reasons, p->sel);
	p->back = p->mode;
	p->mode = MODE_REGISTER;
}

/* the register form closed: the plan registered shown with the advice, on its day */
static void register_closed(cal_pane *p)
{
	qdate date;
	const char *const *advice;
	int nadvice;
	int64_t id = calreg_saved(p->reg, &date, &advice, &nadvice);
	p->mode = p->back;
	if (id) {
		p->sel = date;
		calendar_refresh(p);
		calendar_month_read(p);
		calendar_show_plan(p, id, advice, nadvice);
	}
	calreg_free(&p->reg);
}

static void open_verify(cal_pane *p)
{
	calverify_free(&p->verify);
	p->verify = calverify_new(p->sh, p->reasons);
	p->back = p->mode;
	p->mode = MODE_VERIFY;
}

/* m on the list or in the detail: the moves open on the plan */
static void open_moves(cal_pane *p)
{
	if (p->mode == MODE_LIST) {
		long i = lv_cursor(p->lv);
		if (i < 0 || i >= p->nday || !calendar_read_plan(p, p->day[i].id))
			return;
	}
	if (!p->have_plan)
		return;
	p->back = p->mode;
	calendar_moves_menu(p);
}

/* keys of the forms the grid, the list and the detail open alike */
static unsigned form_event(cal_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_NEW:
		open_register(p);
		return REACT_RECALC;
	case ACT_VERIFY:
		open_verify(p);
		return REACT_RECALC;
	case ACT_REFUSAL:
		if (may(p, PERM_INSP_REFUSAL)) {
			p->back = p->mode;
			calendar_refusal_form(p);
		}
		return REACT_RECALC;
	case ACT_MOVE:
		if (p->mode == MODE_GRID)
			return REACT_UNHANDLED;
		open_moves(p);
		return REACT_RECALC;
	default:
		return REACT_UNHANDLED;
	}
}

static unsigned detail_event(cal_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_CANCEL: case ACT_BACK: case ACT_OPEN: case ACT_LEFT:
		p->mode = MODE_LIST;
		return REACT_RECALC;
	case ACT_NEW: case ACT_VERIFY: case ACT_REFUSAL: case ACT_MOVE:
		return form_event(p, ev);
	case ACT_EXPORT:
		calendar_notice_form(p);
		return REACT_RECALC;
	default:
		return detail_handle(p->view, ev->act);
	}
}

/* keys both the grid and the list take: months, today, jump, check, refresh */
static unsigned shared_event(cal_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_PREV_MONTH:
		shift_month(p, -1);
		break;
	case ACT_NEXT_MONTH:
		shift_month(p, 1);
		break;
	case ACT_TODAY:
		p->sel = calendar_ctx(p)->today;
		break;
	case ACT_SEARCH:
		open_jump(p, ev->key);
		return REACT_NONE;
	case ACT_CHECK_DATE:
		open_check(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		calendar_refresh(p);
		return REACT_RECALC;
	case ACT_IMPORT:
		calendar_import_start(p);
		return REACT_NONE;
	default:
		return form_event(p, ev);
	}
	p->mode = MODE_GRID;
	return REACT_RECALC;
}

static unsigned list_event(cal_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_CANCEL: case ACT_BACK: case ACT_LEFT: case ACT_RIGHT:
		p->mode = MODE_GRID;
		return REACT_RECALC;
	case ACT_OPEN:
		open_detail(p);
		return REACT_RECALC;
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_FIRST:
	case ACT_LAST:
		return lv_handle(p->lv, ev->act);
	default:
		return shared_event(p, ev);
	}
}

static unsigned grid_event(cal_pane *p, const pane_event *ev)
{
	int y, m, d;
	date_to_ymd(p->sel, &y, &m, &d);
	switch (ev->act) {
	case ACT_PAGE_UP:
		shift_month(p, -1);
		break;
	case ACT_PAGE_DOWN:
		shift_month(p, 1);
		break;
	case ACT_LEFT:
		p->sel--;
		break;
	case ACT_RIGHT:
		p->sel++;
		break;
	case ACT_UP:
		p->sel -= 7;
		break;
	case ACT_DOWN:
		p->sel += 7;
		break;
	case ACT_FIRST:
		open_jump(p, ev->key);
		return REACT_NONE;
	case ACT_LAST:
		p->sel = date_from_ymd(y, m, date_days_in_month(y, m));
		break;
	case ACT_OPEN: {
		char date[16];
		calendar_load_day(p);
		if (p->nday > 0) {
			p->mode = MODE_LIST;
			return REACT_RECALC;
		}
		shell_message(p->sh, _("%s: no inspections are registered for this day"),
		              date_format(p->sel, date));
		return REACT_NONE;
	}
	default:
		return shared_event(p, ev);
	}
	return REACT_RECALC;
}

static unsigned handle(void *state, const pane_event *ev)
{
	cal_pane *p = state;
	switch (p->mode) {
	case MODE_CHECK: {
		unsigned rc = calcheck_key(p->check, ev);
		if (rc & REACT_CLOSE) {
			calcheck_free(&p->check);
			p->mode = MODE_GRID;
			return REACT_RECALC;
		}
		return rc;
	}
	case MODE_REGISTER: {
		unsigned rc = calreg_key(p->reg, ev);
		if (rc & REACT_CLOSE) {
			register_closed(p);
			return REACT_RECALC;
		}
		return rc;
	}
	case MODE_VERIFY: {
		unsigned rc = calverify_key(p->verify, ev);
		if (rc & REACT_CLOSE) {
			calverify_free(&p->verify);
			p->mode = p->back;
			return REACT_RECALC;
		}
		return rc;
	}
	case MODE_FORM:
		return calendar_form_key(p, ev);
	case MODE_CONFIRM:
		return calendar_confirm_key(p, ev);
	case MODE_DETAIL:
		return detail_event(p, ev);
	case MODE_PREVIEW:
		return calendar_import_key(p, ev);
	case MODE_LIST:
		return list_event(p, ev);
	default:
		return grid_event(p, ev);
	}
}

/* whether the plan of the detail has a code that is valid, and so a QR code and a notice */
static bool has_code(const cal_pane *p)
{
	return p->have_plan && p->plan.code && !inspection_plan_verify_refused(p->plan.state);
}

/* The actions the Calendar really has in each mode, for the F-key bar and the help:
 * the lists' new, filter, sort, export and undo are never offered here. */
static bool offers(void *state, action a)
{
	cal_pane *p = state;
	bool browsing = p->mode == MODE_GRID || p->mode == MODE_LIST || p->mode == MODE_DETAIL;
	app_ctx *ctx = calendar_ctx(p);
	switch (a) {
	case ACT_CANCEL: case ACT_NEXT_TAB: case ACT_PREV_TAB:
		return true;
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_FIRST:
	case ACT_LAST:
		return browsing || p->mode == MODE_PREVIEW;
	case ACT_BACK:
		return browsing;
	case ACT_NEW:
		return browsing && app_allowed(ctx, PERM_INSP_REGISTER, NULL, NULL, NULL);
	case ACT_VERIFY:
		return browsing;
	case ACT_REFUSAL:
		return browsing && app_allowed(ctx, PERM_INSP_REFUSAL, NULL, NULL, NULL);
	case ACT_MOVE:
		return (p->mode == MODE_LIST && p->nday > 0) || (p->mode == MODE_DETAIL && p->have_plan);
	case ACT_EXPORT:
		/* the plan's notice, which only a valid code has */
		return p->mode == MODE_DETAIL && has_code(p);
	case ACT_LEFT: case ACT_RIGHT: case ACT_OPEN: case ACT_PREV_MONTH: case ACT_NEXT_MONTH:
	case ACT_TODAY: case ACT_SEARCH: case ACT_CHECK_DATE: case ACT_REFRESH:
		return p->mode == MODE_GRID || p->mode == MODE_LIST;
	case ACT_IMPORT:
		/* bringing in next year's notice is the administrators' */
		return (p->mode == MODE_GRID || p->mode == MODE_LIST) &&
		       app_allowed(calendar_ctx(p), PERM_HOLIDAY_IMPORT, NULL, NULL, NULL);
	default:
		return false;
	}
}

static bool caret(void *state, int *y, int *x)
{
	cal_pane *p = state;
	calanswer *a = frame(p);
	if (a)
		return form_caret(a->form, y, x);
	return p->mode == MODE_FORM && form_caret(p->form, y, x);
}

/* the forms and the [y/N] questions take every key */
static bool modal(void *state)
{
	cal_pane *p = state;
	return p->mode != MODE_GRID && p->mode != MODE_LIST && p->mode != MODE_DETAIL;
}

static const char *hint(void *state)
{
	cal_pane *p = state;
	char k1[16], k2[16], k3[16], k4[16];
	xfree(&p->hint);
	switch (p->mode) {
	case MODE_CHECK: case MODE_REGISTER: case MODE_VERIFY:
		return form_hint(frame(p)->form);
	case MODE_FORM:
		return form_hint(p->form);
	case MODE_CONFIRM:
		return calendar_confirm_question(p);
	case MODE_DETAIL:
		key_name(p, ACT_CANCEL, false, k1);
		key_name(p, ACT_MOVE, true, k2);
		if (!has_code(p)) {
			p->hint = xasprintf(_("%s back to the day's list; arrows scroll; %s the plan's moves"),
			                    k1, k2);
			break;
		}
		key_name(p, ACT_EXPORT, false, k4);
		if (!detail_picture_shown(p->view)) {
			p->hint = xasprintf(_("%s back to the day's list; %s the plan's moves; %s prints the "
			                      "notice"), k1, k2, k4);
			break;
		}
		/* the QR code is the last thing in the detail */
		key_name(p, ACT_LAST, false, k3);
		p->hint = xasprintf(_("%s back; %s shows the QR code; %s the plan's moves; %s prints the "
		                      "notice"), k1, k3, k2, k4);
		break;
	case MODE_PREVIEW:
		p->hint = xasprintf(P_("Import the notice for %d and move %ld appeal's due date? [y/N]",
		                       "Import the notice for %d and move %ld appeals' due dates? [y/N]",
		                       (unsigned long)p->pv.moves.appeals),
		                    p->pv.notice.year, p->pv.moves.appeals);
		break;
	case MODE_LIST:
		key_name(p, ACT_OPEN, false, k1);
		key_name(p, ACT_MOVE, true, k2);
		key_name(p, ACT_CANCEL, false, k3);
		key_name(p, ACT_VERIFY, true, k4);
		p->hint = xasprintf(_("%s opens it, %s its moves, %s back to the month, %s verifies a "
		                      "code"), k1, k2, k3, k4);
		break;
	default:
		key_name(p, ACT_OPEN, false, k1);
		key_name(p, ACT_NEW, false, k2);
		key_name(p, ACT_FIRST, true, k3);
		key_name(p, ACT_CHECK_DATE, true, k4);
		p->hint = xasprintf(_("%s the day's inspections, %s register one, %s go to a date, %s "
		                      "check a date"), k1, k2, k3, k4);
		break;
	}
	return p->hint;
}

const pane_ops pane_calendar = {
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
