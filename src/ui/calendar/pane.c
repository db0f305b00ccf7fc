/* The Calendar tab (日历): the month view (month.c) with the selected day moved by the
 * arrows, a month at a time or by the jump prompt (g); the day's inspections opened in
 * the detail view (inspection_view.c); the "check a date" form (c, F12, check_form.c);
 * for administrators, a State Council holiday notice imported (I, notice_import.c).
 * Here the keys of each mode and the pane's ops. */
#include "app/inspection_move.h"
#include "core/datein.h"
#include "core/i18n.h"
#include "core/xalloc.h"
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
	calendar_import_drop(p);
	inspection_reason_table_free(&p->reasons);
	xfree(&p->reasons_err);
	xfree(&p->hint);
	xfree(&p);
}

static void recalc(void *state, ui_rect r)
{
	cal_pane *p = state;
	calendar_month_read(p);
	switch (p->mode) {
	case MODE_DETAIL: case MODE_PREVIEW:
		detail_recalc(p->view, r);
		return;
	case MODE_CHECK:
		calcheck_recalc(p->check, r);
		return;
	default:
		calendar_month_recalc(p, r);
		return;
	}
}

static void repaint(void *state, ui_rect r)
{
	cal_pane *p = state;
	switch (p->mode) {
	case MODE_DETAIL: case MODE_PREVIEW:
		detail_repaint(p->view, r, true);
		return;
	case MODE_CHECK:
		calcheck_repaint(p->check, r);
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
	if (i < 0 || i >= p->nday)
		return;
	inspview_plan(p->view, calendar_ctx(p), &p->day[i], p->reasons);
	p->mode = MODE_DETAIL;
}

static unsigned detail_event(cal_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_CANCEL: case ACT_BACK: case ACT_OPEN: case ACT_LEFT:
		p->mode = MODE_LIST;
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
		return REACT_UNHANDLED;
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

/* The actions the Calendar really has in each mode, for the F-key bar and the help:
 * the lists' new, filter, sort, export and undo are never offered here. */
static bool offers(void *state, action a)
{
	cal_pane *p = state;
	switch (a) {
	case ACT_CANCEL: case ACT_NEXT_TAB: case ACT_PREV_TAB:
		return true;
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_FIRST:
	case ACT_LAST:
		return p->mode != MODE_CHECK;
	case ACT_BACK:
		return p->mode != MODE_CHECK && p->mode != MODE_PREVIEW;
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
	return p->mode == MODE_CHECK && calcheck_caret(p->check, y, x);
}

/* the check-a-date form and the notice's [y/N] take every key */
static bool modal(void *state)
{
	cal_pane *p = state;
	return p->mode == MODE_CHECK || p->mode == MODE_PREVIEW;
}

static const char *hint(void *state)
{
	cal_pane *p = state;
	char k1[16], k2[16], k3[16], k4[16];
	xfree(&p->hint);
	switch (p->mode) {
	case MODE_CHECK:
		return calcheck_hint(p->check);
	case MODE_DETAIL:
		key_name(p, ACT_CANCEL, false, k1);
		p->hint = xasprintf(_("%s back to the day's list; arrows scroll"), k1);
		break;
	case MODE_PREVIEW:
		p->hint = xasprintf(P_("Import the notice for %d and move %ld appeal's due date? [y/N]",
		                       "Import the notice for %d and move %ld appeals' due dates? [y/N]",
		                       (unsigned long)p->pv.moves.appeals),
		                    p->pv.notice.year, p->pv.moves.appeals);
		break;
	case MODE_LIST:
		key_name(p, ACT_OPEN, false, k1);
		key_name(p, ACT_CANCEL, false, k2);
		key_name(p, ACT_CHECK_DATE, true, k3);
		p->hint = xasprintf(_("%s opens the inspection, %s back to the month, %s checks a date"),
		                    k1, k2, k3);
		break;
	default:
		key_name(p, ACT_OPEN, false, k1);
		key_name(p, ACT_FIRST, true, k2);
		key_name(p, ACT_CHECK_DATE, true, k3);
		key_name(p, ACT_HELP, false, k4);
		p->hint = xasprintf(_("%s lists the day's inspections, %s goes to a date, %s checks "
		                      "a date, %s help"), k1, k2, k3, k4);
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
