/* The Calendar's month view: the month grid of src/model/month.h, weeks from Monday,
 * with 休/班, the quiet-day mark and each day's number of inspections; under it what
 * the selected day is and the legend; and the selected day's inspections listed below
 * the grid (beside it from 120 columns), laid out by calendar/layout.c. */
#include <string.h>

#include "app/inspection_move.h"
#include "app/inspection.h"
#include "core/i18n.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "ui/calendar/private.h"

/* the weekday heads of `qifu calendar`, so the pane and the command read alike */
static const char *const weekday_heads[MONTH_DAYS_A_WEEK] = {
	N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"),
};

/* the day's list: who inspects whom, why, how far it got and the code to ask for */
enum { COL_UNIT, COL_ENTERPRISES, COL_REASON, COL_STATE, COL_CODE, NCOLS };
static const app_column columns[NCOLS] = {
	{ NULL, N_("Unit"), COL_STR, 14, false, TEXT_LEFT, 0 },
	{ NULL, N_("Enterprises"), COL_STR, 8, true, TEXT_LEFT, 0 },
	{ NULL, N_("Reason"), COL_STR, 10, false, TEXT_LEFT, 0 },
	{ NULL, N_("State"), COL_STR, 10, false, TEXT_LEFT, 0 },
	{ NULL, N_("Plan code"), COL_STR, 13, false, TEXT_LEFT, 0 },
};

static void clear_day(cal_pane *p)
{
	for (int i = 0; i < p->nday; i++) {
		inspection_record_clear(&p->day[i]);
		for (int c = 0; c < NCOLS; c++)
			xfree(&p->cells[i * NCOLS + c]);
	}
	xfree(&p->day);
	xfree(&p->cells);
	p->nday = 0;
}

static char *enterprise_names(const inspection_record *r)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < r->nents; i++)
		sb_addf(&b, "%s%s", i ? "、" : "", r->ents[i].name);
	return sb_steal(&b);
}

/* the selected day's plans, when the day changed or the data was refreshed */
void calendar_load_day(cal_pane *p)
{
	if (p->day_of == p->sel)
		return;
	clear_day(p);
	p->day_of = p->sel;
	store_err err = { 0 };
	int n = 0;
	inspection_filter scope = { 0 };
	app_inspection_scope(calendar_ctx(p), &scope);
	if (shell_store_rc(p->sh, inspection_store_day(app_db(calendar_ctx(p)), p->sel, &scope,
	                                               &p->day, &n, &err), &err) < 0) {
		p->day = NULL;
		n = 0;
	}
	p->nday = n;
	p->cells = n ? xcalloc((size_t)n * NCOLS, sizeof *p->cells) : NULL;
	for (int i = 0; i < n; i++) {
		const inspection_record *r = &p->day[i];
		char **c = &p->cells[i * NCOLS];
		c[COL_UNIT] = xstrdup(r->unit);
		c[COL_ENTERPRISES] = enterprise_names(r);
		c[COL_REASON] = xstrdup(inspection_reason_name(p->reasons, r->reason));
		c[COL_STATE] = xstrdup(_(inspection_plan_state_label(r->state)));
		c[COL_CODE] = xstrdup(r->code ? r->code : "");
	}
	lv_invalidate(p->lv);
	lv_handle(p->lv, ACT_FIRST);
}

/* the month's counts per day, read once per month shown */
static const int *month_counts(cal_pane *p, int y, int m)
{
	if (!p->counts_ok || p->counts_y != y || p->counts_m != m) {
		store_err err = { 0 };
		memset(p->counts, 0, sizeof p->counts);
		inspection_filter scope = { 0 };
		app_inspection_scope(calendar_ctx(p), &scope);
		shell_store_rc(p->sh, inspection_store_month_counts(app_db(calendar_ctx(p)), y, m,
		                                                    &scope, p->counts, &err), &err);
		p->counts_y = y;
		p->counts_m = m;
		p->counts_ok = true;
	}
	return p->counts;
}

/* read everything again on the next recalc (F5, or after the data changed) */
void calendar_refresh(cal_pane *p)
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

static void clear_info(cal_pane *p)
{
	for (int i = 0; i < p->ninfo; i++)
		xfree(&p->info[i].text);
	p->ninfo = 0;
}

/* what the selected day is: "2026-10-01：节假日（国庆节）；企业安静日：…" */
static void describe_day(cal_pane *p, strbuf *out)
{
	const char *name = NULL;
	day_kind k = calendar_day(app_calendar(calendar_ctx(p)), p->sel, &name);
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
		if (calendar_day_provisional(app_calendar(calendar_ctx(p)), p->sel))
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

void calendar_month_init(cal_pane *p)
{
	lv_source src = { lv_count_rows, lv_fetch, lv_cell, p };
	p->lv = lv_new(columns, NCOLS, &src);
}

void calendar_month_free(cal_pane *p)
{
	clear_day(p);
	clear_info(p);
	lv_free(&p->lv);
}

void calendar_month_read(cal_pane *p)
{
	app_ctx *ctx = calendar_ctx(p);
	int y, m, d;
	date_to_ymd(p->sel, &y, &m, &d);
	month_build(&p->grid, y, m, app_calendar(ctx), &p->params, ctx->today,
	            month_counts(p, y, m));
	calendar_load_day(p);
}

void calendar_month_recalc(cal_pane *p, ui_rect r)
{
	lay_out(p, r);
	ui_rect rows = p->lay.list;
	rows.y++;
	rows.h--;
	lv_recalc(p->lv, rows);
}

void calendar_month_repaint(cal_pane *p, ui_rect r)
{
	draw_grid(p);
	draw_info(p);
	if (p->lay.sep_x >= 0)
		for (int y = 0; y < r.h; y++) {
			draw_text(r.y + y, p->lay.sep_x, 1, "|", TEXT_LEFT, STYLE_DIM);
			draw_text(r.y + y, p->lay.sep_x + 1, 1, "", TEXT_LEFT, STYLE_NORMAL);
		}
	draw_list(p);
}
