/* The Calendar tab (日历): the month grid of src/model/month.h, weeks from Monday, with
 * 休/班, the quiet-day mark and each day's number of inspections; the selected day's
 * inspections listed below the grid (beside it from 120 columns) and opened in the
 * detail view; a jump prompt (g) and the "check a date" form (c, F12, ui/calcheck.c);
 * for administrators, a State Council holiday notice imported with the preview of what
 * it moves (I), as `qifu holiday import` does. */
#include <string.h>

#include "app/app.h"
#include "app/holiday_import.h"
#include "app/inspection.h"
#include "core/datein.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/insp_plan.h"
#include "model/inspection.h"
#include "model/month.h"
#include "model/perm.h"
#include "store/inspection_store.h"
#include "store/staff_store.h"
#include "ui/calendar/check_form.h"
#include "ui/calendar/inspection_view.h"
#include "ui/calendar/layout.h"
#include "ui/detail.h"
#include "ui/listview.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/prompt.h"
#include "ui/shell.h"

/* the weekday heads of `qifu calendar`, so the pane and the command read alike */
static const char *const weekday_heads[MONTH_DAYS_A_WEEK] = {
	N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"),
};

/* wrapped rows of the text under the grid */
#define CAL_INFO_MAX 12

/* the day's list: who inspects whom, why, how far it got and the code to ask for */
enum { COL_UNIT, COL_ENTERPRISES, COL_REASON, COL_STATE, COL_CODE, NCOLS };
static const lv_column columns[NCOLS] = {
	{ N_("Unit"), 14, false, TEXT_LEFT, 0 },
	{ N_("Enterprises"), 8, true, TEXT_LEFT, 0 },
	{ N_("Reason"), 10, false, TEXT_LEFT, 0 },
	{ N_("State"), 10, false, TEXT_LEFT, 0 },
	{ N_("Plan code"), 13, false, TEXT_LEFT, 0 },
};

typedef enum cal_mode {
	MODE_GRID,    /* the arrows move the day */
	MODE_LIST,    /* the arrows move in the day's inspections */
	MODE_DETAIL,  /* one inspection, full pane */
	MODE_CHECK,   /* the check-a-date form and its answer */
	MODE_PREVIEW, /* what a holiday notice would change, before y imports it */
} cal_mode;

/* one wrapped row of the text under the grid */
typedef struct info_row {
	char *text;
	ui_style st;
} info_row;

typedef struct cal_pane {
	shell *sh;
	inspection_params params;
	inspect_reason_table *reasons;   /* NULL when data/inspect_reasons.tsv is broken */
	char *reasons_err;
	qdate sel;                       /* the selected day; the month shown is its month */
	month_grid grid;
	cal_mode mode;
	cal_layout lay;
	info_row info[CAL_INFO_MAX];
	int ninfo;
	/* inspections per day of the month shown, read once per month */
	int counts[31];
	int counts_y, counts_m;
	bool counts_ok;
	/* the selected day's plans and their cells */
	insp_record *day;
	char **cells;                    /* nday * NCOLS strings */
	int nday;
	qdate day_of;                    /* the day they were read for; DATE_NONE: read again */
	listview *lv;
	detail *view;
	calcheck *check;                 /* the check-a-date form while it is open */
	holiday_preview pv;              /* the notice being imported (MODE_PREVIEW) */
	bool have_pv;
	char *hint;
} cal_pane;

static app_ctx *pane_ctx(cal_pane *p)
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

/* ---- data ---- */

static void clear_day(cal_pane *p)
{
	for (int i = 0; i < p->nday; i++) {
		insp_record_clear(&p->day[i]);
		for (int c = 0; c < NCOLS; c++)
			xfree(&p->cells[i * NCOLS + c]);
	}
	xfree(&p->day);
	xfree(&p->cells);
	p->nday = 0;
}

static char *enterprise_names(const insp_record *r)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < r->nents; i++)
		sb_addf(&b, "%s%s", i ? "、" : "", r->ents[i].name);
	return sb_steal(&b);
}

/* the selected day's plans, when the day changed or the data was refreshed */
static void load_day(cal_pane *p)
{
	if (p->day_of == p->sel)
		return;
	clear_day(p);
	p->day_of = p->sel;
	strbuf err = STRBUF_INIT;
	int n = 0;
	if (insp_store_day(app_db(pane_ctx(p)), p->sel, &p->day, &n, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		p->day = NULL;
		n = 0;
	}
	sb_free(&err);
	p->nday = n;
	p->cells = n ? xcalloc((size_t)n * NCOLS, sizeof *p->cells) : NULL;
	for (int i = 0; i < n; i++) {
		const insp_record *r = &p->day[i];
		char **c = &p->cells[i * NCOLS];
		c[COL_UNIT] = xstrdup(r->unit);
		c[COL_ENTERPRISES] = enterprise_names(r);
		c[COL_REASON] = xstrdup(inspect_reason_name(p->reasons, r->reason));
		c[COL_STATE] = xstrdup(_(insp_plan_state_label(r->state)));
		c[COL_CODE] = xstrdup(r->code ? r->code : "");
	}
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
}

/* the month's counts per day, read once per month shown */
static const int *month_counts(cal_pane *p, int y, int m)
{
	if (!p->counts_ok || p->counts_y != y || p->counts_m != m) {
		strbuf err = STRBUF_INIT;
		memset(p->counts, 0, sizeof p->counts);
		if (insp_store_month_counts(app_db(pane_ctx(p)), y, m, p->counts, &err) < 0)
			shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		p->counts_y = y;
		p->counts_m = m;
		p->counts_ok = true;
	}
	return p->counts;
}

/* read everything again on the next recalc (F5, or after the data changed) */
static void refresh(cal_pane *p)
{
	p->counts_ok = false;
	p->day_of = DATE_NONE;
}

static long lv_count_rows(void *arg)
{
	return ((cal_pane *)arg)->nday;
}

static int lv_fetch(void *arg, long offset, int limit)
{
	cal_pane *p = arg;
	long left = p->nday - offset;
	return left < 0 ? 0 : left < limit ? (int)left : limit;
}

static const char *lv_cell(void *arg, long row, int col)
{
	cal_pane *p = arg;
	return row >= 0 && row < p->nday ? p->cells[row * NCOLS + col] : "";
}

/* ---- life ---- */

static void *create(shell *sh)
{
	cal_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	app_ctx *ctx = shell_ctx(sh);
	p->params = app_inspection_params(ctx);
	p->sel = ctx->today;
	p->day_of = DATE_NONE;
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("inspect_reasons.tsv");
	p->reasons = inspect_reason_load(path, &err);
	if (!p->reasons)
		p->reasons_err = sb_steal(&err);
	xfree(&path);
	sb_free(&err);
	lv_source src = { lv_count_rows, lv_fetch, lv_cell, p };
	p->lv = lv_new(columns, NCOLS, &src);
	p->view = detail_new();
	return p;
}

static void clear_info(cal_pane *p)
{
	for (int i = 0; i < p->ninfo; i++)
		xfree(&p->info[i].text);
	p->ninfo = 0;
}

static void destroy(void *state)
{
	cal_pane *p = state;
	clear_day(p);
	clear_info(p);
	lv_free(&p->lv);
	detail_free(&p->view);
	calcheck_free(&p->check);
	if (p->have_pv)
		holiday_preview_clear(&p->pv);
	inspect_reason_table_free(&p->reasons);
	xfree(&p->reasons_err);
	xfree(&p->hint);
	xfree(&p);
}

/* ---- layout ---- */

/* what the selected day is: "2026-10-01：节假日（国庆节）；企业安静日：…" */
static void describe_day(cal_pane *p, strbuf *out)
{
	const char *name = NULL;
	day_kind k = calendar_day(app_calendar(pane_ctx(p)), p->sel, &name);
	char date[16];
	date_format(p->sel, date);
	switch (k) {
	case DAY_WORKDAY:
		sb_addf(out, _("%s: working day"), date);
		break;
	case DAY_WEEKEND:
		sb_addf(out, _("%s: weekend"), date);
		break;
	case DAY_HOLIDAY:
		if (calendar_day_provisional(app_calendar(pane_ctx(p)), p->sel))
			sb_addf(out, _("%s: provisional rest day (%s; 暂定: no State Council notice yet)"),
			        date, name ? name : "");
		else
			sb_addf(out, _("%s: public holiday (%s)"), date, name ? name : "");
		break;
	case DAY_MAKEUP_WORKDAY:
		sb_addf(out, _("%s: make-up working day (%s)"), date, name ? name : "");
		break;
	}
	if (inspection_quiet_day(p->sel, &p->params))
		sb_addf(out, _("; quiet day: no general inspections (days %d-%d)"),
		        p->params.quiet_first_day, p->params.quiet_last_day);
}

/* s wrapped to w columns onto the info rows, each indented by two and, beside the
 * list, kept one column clear of the separator */
static void add_info(cal_pane *p, const char *s, int w, ui_style st)
{
	char *rows[CAL_INFO_MAX];
	int n = callayout_items(s, p->lay.wide ? w - 3 : w - 2, rows, CAL_INFO_MAX - p->ninfo);
	for (int k = 0; k < n; k++) {
		p->info[p->ninfo].text = xasprintf("  %s", rows[k]);
		p->info[p->ninfo++].st = st;
		xfree(&rows[k]);
	}
}

/* the text under the grid for width w: the day, a missing holiday file, the legend
 * (the legend goes first when room is short); returns the rows without the legend */
static int build_info(cal_pane *p, int w)
{
	clear_info(p);
	strbuf s = STRBUF_INIT;
	describe_day(p, &s);
	add_info(p, sb_str(&s), w, STYLE_NORMAL);
	sb_reset(&s);
	if (!p->grid.has_holidays) {
		sb_addf(&s, _("%d has no holiday notice and no statutory table: only weekends are counted as rest days"),
		        p->grid.year);
		add_info(p, sb_str(&s), w, STYLE_ERROR);
		sb_reset(&s);
	} else if (p->grid.provisional) {
		sb_addf(&s, _("%d has no State Council notice yet: %s marks its statutory holidays, provisional (暂定), without make-up working days"),
		        p->grid.year, _("off?"));
		add_info(p, sb_str(&s), w, STYLE_ERROR);
		sb_reset(&s);
	}
	int essential = p->ninfo;
	sb_addf(&s, _("%s holiday  %s make-up working day  %s quiet day (days %d-%d)  "
	              "[ ] today"),
	        _("off"), _("work"), CALLAYOUT_QUIET_MARK, p->params.quiet_first_day,
	        p->params.quiet_last_day);
	sb_addf(&s, _("  %sN inspections that day"), CALLAYOUT_COUNT_MARK);
	if (p->grid.provisional)
		sb_addf(&s, _("  %s provisional rest day (暂定)"), _("off?"));
	add_info(p, sb_str(&s), w, STYLE_DIM);
	sb_free(&s);
	return essential;
}

static void lay_out(cal_pane *p, ui_rect r)
{
	callayout_columns(&p->lay, r, month_mark_width());
	int essential = build_info(p, p->lay.info.w);
	int keep = callayout_rows(&p->lay, r, p->grid.weeks, p->ninfo, essential);
	while (p->ninfo > keep)
		xfree(&p->info[--p->ninfo].text);
}

static void recalc(void *state, ui_rect r)
{
	cal_pane *p = state;
	app_ctx *ctx = pane_ctx(p);
	int y, m, d;
	date_to_ymd(p->sel, &y, &m, &d);
	month_build(&p->grid, y, m, app_calendar(ctx), &p->params, ctx->today,
	            month_counts(p, y, m));
	load_day(p);
	switch (p->mode) {
	case MODE_DETAIL: case MODE_PREVIEW:
		detail_recalc(p->view, r);
		return;
	case MODE_CHECK:
		calcheck_recalc(p->check, r);
		return;
	default:
		break;
	}
	lay_out(p, r);
	ui_rect rows = p->lay.list;
	rows.y++;
	rows.h--;
	lv_recalc(p->lv, rows);
}

/* ---- drawing ---- */

static ui_style cell_style(const month_cell *c, bool selected)
{
	if (selected)
		return STYLE_CURSOR;
	if (c->today)
		return STYLE_TODAY;
	if (c->kind == DAY_HOLIDAY)
		return STYLE_HOLIDAY;
	if (c->kind == DAY_MAKEUP_WORKDAY)
		return STYLE_MAKEUP;
	return c->quiet ? STYLE_QUIET : STYLE_NORMAL;
}

static void draw_grid(cal_pane *p)
{
	const cal_layout *L = &p->lay;
	const month_grid *g = &p->grid;
	ui_rect r = L->grid;
	int row = 0;
	if (r.h <= 0)
		return;
	char *title = xasprintf(_("%d/%d"), g->year, g->month);
	draw_text(r.y + row++, r.x, MONTH_DAYS_A_WEEK * L->cw + 2 * L->left, title, TEXT_CENTER,
	          STYLE_HEADER);
	draw_text(r.y, r.x + MONTH_DAYS_A_WEEK * L->cw + 2 * L->left,
	          r.w - MONTH_DAYS_A_WEEK * L->cw - 2 * L->left, "", TEXT_LEFT, STYLE_NORMAL);
	xfree(&title);

	strbuf line = STRBUF_INIT;
	text_fit_pad_sb(&line, "", L->left, TEXT_LEFT);
	for (int i = 0; i < MONTH_DAYS_A_WEEK; i++)
		text_fit_pad_sb(&line, _(weekday_heads[i]), L->cw, TEXT_CENTER);
	if (row < r.h)
		draw_text(r.y + row++, r.x, r.w, sb_str(&line), TEXT_LEFT, STYLE_NORMAL);

	int used = L->left + MONTH_DAYS_A_WEEK * L->cw;
	for (int wk = 0; wk < g->weeks && row < r.h; wk++) {
		for (int k = 0; k < L->rpw && row < r.h; k++, row++) {
			int y = r.y + row;
			draw_text(y, r.x, L->left, "", TEXT_LEFT, STYLE_NORMAL);
			for (int i = 0; i < MONTH_DAYS_A_WEEK; i++) {
				const month_cell *c = &g->cell[wk][i];
				bool selected = c->day && c->date == p->sel;
				sb_reset(&line);
				bool content = c->day && (k == 0 || (k == 1 && L->two_row));
				if (content)
					callayout_cell(L, c, month_cell_mark(c), selected, k, &line);
				draw_text(y, r.x + L->left + i * L->cw, L->cw, sb_str(&line), TEXT_LEFT,
				          content ? cell_style(c, selected) : STYLE_NORMAL);
			}
			draw_text(y, r.x + used, r.w - used, "", TEXT_LEFT, STYLE_NORMAL);
		}
	}
	while (row < r.h)
		draw_text(r.y + row++, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
	sb_free(&line);
}

static void draw_info(cal_pane *p)
{
	ui_rect r = p->lay.info;
	for (int i = 0; i < r.h; i++)
		draw_text(r.y + i, r.x, r.w, i < p->ninfo ? p->info[i].text : "", TEXT_LEFT,
		          i < p->ninfo ? p->info[i].st : STYLE_NORMAL);
}

/* "> 2026-12-28 周一的检查：3 项", '>' when the arrows move in the list */
static void draw_list(cal_pane *p)
{
	ui_rect r = p->lay.list;
	if (r.h <= 0)
		return;
	char date[16];
	strbuf cap = STRBUF_INIT;
	sb_add(&cap, p->mode == MODE_LIST ? "> " : "  ");
	sb_addf(&cap, _("Inspections on %s: %d"), date_format(p->sel, date), p->nday);
	draw_text(r.y, r.x, r.w, sb_str(&cap), TEXT_LEFT, STYLE_HEADER);
	sb_free(&cap);
	ui_rect rows = { r.y + 1, r.x, r.h - 1, r.w };
	lv_repaint(p->lv, rows);
	if (p->nday == 0 && rows.h > 2)
		draw_text(rows.y + 1, rows.x, rows.w, _("No inspections are registered for this day."),
		          TEXT_CENTER, STYLE_DIM);
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
		break;
	}
	draw_grid(p);
	draw_info(p);
	if (p->lay.sep_x >= 0)
		for (int y = 0; y < r.h; y++) {
			draw_text(r.y + y, p->lay.sep_x, 1, "|", TEXT_LEFT, STYLE_DIM);
			draw_text(r.y + y, p->lay.sep_x + 1, 1, "", TEXT_LEFT, STYLE_NORMAL);
		}
	draw_list(p);
}

/* ---- actions ---- */

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
	inspview_plan(p->view, pane_ctx(p), &p->day[i], p->reasons);
	p->mode = MODE_DETAIL;
}

/* ---- a holiday notice imported (administrators) ---- */

static void drop_preview(cal_pane *p)
{
	if (p->have_pv)
		holiday_preview_clear(&p->pv);
	p->have_pv = false;
}

/* one section of the preview: its heading with the count, then a line per item */
static void preview_section(cal_pane *p, const char *heading, int n,
		void (*line)(cal_pane *p, int i, strbuf *out))
{
	detail_section(p->view, heading);
	if (n == 0)
		detail_note(p->view, _("none"));
	strbuf s = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		line(p, i, &s);
		detail_item(p->view, sb_str(&s));
		sb_reset(&s);
	}
	sb_free(&s);
}

static void day_line(cal_pane *p, int i, strbuf *out)
{
	holiday_preview_day(pane_ctx(p), &p->pv, i, out);
}

static void move_line(cal_pane *p, int i, strbuf *out)
{
	holiday_preview_move(&p->pv, i, out);
}

static void plan_line(cal_pane *p, int i, strbuf *out)
{
	holiday_preview_plan(&p->pv, i, out);
}

static void build_preview(cal_pane *p)
{
	const holiday_preview *pv = &p->pv;
	detail_clear(p->view, false);
	char *title = xasprintf(_("Holiday notice for %d: %s"), pv->notice.year, pv->source);
	detail_title(p->view, title);
	xfree(&title);
	detail_field(p->view, _("Notice"), pv->notice.notice ? pv->notice.notice : "-");
	detail_field(p->view, _("It replaces"), holiday_preview_was(pv));
	char *h = xasprintf(_("Days that change (%d)"), pv->nchanged);
	preview_section(p, h, pv->nchanged, day_line);
	xfree(&h);
	h = xasprintf(_("Open appeals whose due dates move (%ld)"), pv->moves.appeals);
	preview_section(p, h, pv->moves.n, move_line);
	xfree(&h);
	h = xasprintf(_("Inspection plans on changed days (%d)"), pv->nplans);
	preview_section(p, h, pv->nplans, plan_line);
	xfree(&h);
}

static void import_done(void *arg, const char *text)
{
	cal_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Import cancelled"));
		return;
	}
	drop_preview(p);
	strbuf err = STRBUF_INIT;
	int rc = holiday_import_preview(pane_ctx(p), text, &p->pv, &err);
	p->have_pv = true;
	if (rc != 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		drop_preview(p);
	} else {
		build_preview(p);
		p->mode = MODE_PREVIEW;
	}
	sb_free(&err);
	shell_dirty_pane(p->sh);
}

static void start_import(cal_pane *p)
{
	if (shell_allowed(p->sh, PERM_HOLIDAY_IMPORT, NULL))
		shell_prompt(p->sh, _("Import a holiday notice from (YYYY.txt): "), "", import_done, p);
}

static void finish_import(cal_pane *p, bool yes)
{
	if (yes) {
		strbuf err = STRBUF_INIT;
		if (holiday_import_apply(pane_ctx(p), &p->pv, &err) < 0)
			shell_error(p->sh, _("%s; nothing imported"), sb_str(&err));
		else
			shell_message(p->sh, _("Imported the notice for %d: %d days changed, %ld appeals' due dates recomputed"),
			              p->pv.notice.year, p->pv.nchanged, p->pv.moves.appeals);
		sb_free(&err);
		refresh(p);
	} else {
		shell_message(p->sh, "%s", _("Nothing imported"));
	}
	drop_preview(p);
	p->mode = MODE_GRID;
}

static unsigned preview_event(cal_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		detail_handle(p->view, ev->act);
		return REACT_RECALC;
	case ACT_HELP: case ACT_MENU: case ACT_QUIT:
		return REACT_UNHANDLED;
	default:
		/* y imports; anything else is no (UX.md) */
		finish_import(p, prompt_yes(ev->key));
		return REACT_RECALC;
	}
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
		p->sel = pane_ctx(p)->today;
		break;
	case ACT_SEARCH:
		open_jump(p, ev->key);
		return REACT_NONE;
	case ACT_CHECK_DATE:
		open_check(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		refresh(p);
		return REACT_RECALC;
	case ACT_IMPORT:
		start_import(p);
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
		load_day(p);
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
		return preview_event(p, ev);
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
		return (p->mode == MODE_GRID || p->mode == MODE_LIST) && pane_ctx(p)->actor &&
		       pane_ctx(p)->actor->role == ROLE_ADMIN;
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
