/* The Calendar tab (日历): the month grid of src/model/month.h, weeks from Monday, with
 * 休 for holidays, 班 for make-up working days, * and shading for the quiet days,
 * brackets for today and '>' for the selected day, whose kind is spelt out below the
 * grid. PgUp/PgDn and [ ] change the month, t goes back to today. */
#include <stdio.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "ui/layout.h"
#include "model/inspection.h"
#include "model/month.h"
#include "ui/pane.h"
#include "ui/shell.h"

/* the same marks as `qifu calendar`, so the pane and the command read alike */
static const char *const weekday_heads[MONTH_DAYS_A_WEEK] = {
	N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"),
};
static const char quiet_mark[] = "*";

/* widest cell a week row gives a day */
#define CAL_CELL_MAX 16

typedef struct cal_pane {
	shell *sh;
	inspection_params params;
	qdate sel;          /* the selected day; the month shown is its month */
	month_grid grid;
} cal_pane;

static const char *day_mark(day_kind k)
{
	return k == DAY_HOLIDAY ? _("off") : k == DAY_MAKEUP_WORKDAY ? _("work") : "";
}

static void *create(shell *sh)
{
	cal_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	cli_ctx *ctx = shell_ctx(sh);
	p->params = cli_inspection_params(ctx);
	p->sel = ctx->today;
	return p;
}

static void destroy(void *state)
{
	xfree(&state);
}

static void recalc(void *state, ui_rect r)
{
	cal_pane *p = state;
	cli_ctx *ctx = shell_ctx(p->sh);
	int y, m, d;
	date_to_ymd(p->sel, &y, &m, &d);
	month_build(&p->grid, y, m, cli_calendar(ctx), &p->params, ctx->today, NULL);
	(void)r;
}

/* " 1*休 " — '>' before the selected day, brackets around today */
static void cell_text(const month_cell *c, bool selected, int mark_w, strbuf *out)
{
	sb_addf(out, "%s%s%2d%s", selected ? ">" : " ", c->today ? "[" : " ", c->day,
	        c->quiet ? quiet_mark : " ");
	text_fit_pad_sb(out, day_mark(c->kind), mark_w, TEXT_LEFT);
	sb_add(out, c->today ? "]" : " ");
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

/* what the selected day is: "2026-10-01 周四：节假日（国庆节）；…" */
static void describe_day(cal_pane *p, strbuf *out)
{
	cli_ctx *ctx = shell_ctx(p->sh);
	const char *name = NULL;
	day_kind k = calendar_day(cli_calendar(ctx), p->sel, &name);
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

static void repaint(void *state, ui_rect r)
{
	cal_pane *p = state;
	const month_grid *g = &p->grid;
	int mark_w = text_width(_("off"));
	if (text_width(_("work")) > mark_w)
		mark_w = text_width(_("work"));
	int cw = r.w / MONTH_DAYS_A_WEEK;
	if (cw > CAL_CELL_MAX)
		cw = CAL_CELL_MAX;
	int left = (r.w - cw * MONTH_DAYS_A_WEEK) / 2;
	/* rows per week: spread the weeks over the room there is */
	int spacing = (r.h - 7) / (g->weeks > 0 ? g->weeks : 1);
	if (spacing > 3)
		spacing = 3;
	if (spacing < 1)
		spacing = 1;

	int row = 0;
	char *title = xasprintf(_("%d/%d"), g->year, g->month);
	draw_text(r.y + row++, r.x, r.w, title, TEXT_CENTER, STYLE_HEADER);
	xfree(&title);

	strbuf line = STRBUF_INIT;
	text_fit_pad_sb(&line, "", left, TEXT_LEFT);
	for (int i = 0; i < MONTH_DAYS_A_WEEK; i++)
		text_fit_pad_sb(&line, _(weekday_heads[i]), cw, TEXT_CENTER);
	draw_text(r.y + row++, r.x, r.w, sb_str(&line), TEXT_LEFT, STYLE_NORMAL);

	for (int wk = 0; wk < g->weeks && row < r.h; wk++) {
		int y = r.y + row;
		draw_text(y, r.x, left, "", TEXT_LEFT, STYLE_NORMAL);
		for (int i = 0; i < MONTH_DAYS_A_WEEK; i++) {
			const month_cell *c = &g->cell[wk][i];
			sb_reset(&line);
			bool selected = c->day && c->date == p->sel;
			if (c->day)
				cell_text(c, selected, mark_w, &line);
			draw_text(y, r.x + left + i * cw, cw, sb_str(&line), TEXT_CENTER,
			          c->day ? cell_style(c, selected) : STYLE_NORMAL);
		}
		int used = left + MONTH_DAYS_A_WEEK * cw;
		draw_text(y, r.x + used, r.w - used, "", TEXT_LEFT, STYLE_NORMAL);
		row++;
		for (int k = 1; k < spacing && row < r.h; k++)
			draw_text(r.y + row++, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
	}

	/* below the grid: the selected day, a warning for a year without holidays, and
	 * the legend, wrapped to the width */
	strbuf text[3] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	describe_day(p, &text[0]);
	if (!g->has_holidays)
		sb_addf(&text[1], _("%d has no holiday file: only weekends are counted as rest days"),
		        g->year);
	sb_addf(&text[2], _("%s holiday  %s make-up working day  %s quiet day (days %d-%d)  "
	                    "[ ] today  > selected"),
	        _("off"), _("work"), quiet_mark, p->params.quiet_first_day,
	        p->params.quiet_last_day);
	if (row < r.h)
		draw_text(r.y + row++, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
	for (int t = 0; t < 3; t++) {
		enum { MAX_WRAP = 4 };
		size_t starts[MAX_WRAP], lens[MAX_WRAP];
		int n = text[t].len ? layout_wrap(sb_str(&text[t]), r.w - 2, starts, lens, MAX_WRAP) : 0;
		for (int k = 0; k < n && row < r.h; k++) {
			char *piece = xstrndup(sb_str(&text[t]) + starts[k], lens[k]);
			draw_textf(r.y + row++, r.x, r.w, TEXT_LEFT, t == 1 ? STYLE_ERROR : STYLE_NORMAL,
			           "  %s", piece);
			xfree(&piece);
		}
		sb_free(&text[t]);
	}
	while (row < r.h)
		draw_text(r.y + row++, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
	sb_free(&line);
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

static unsigned handle(void *state, const pane_event *ev)
{
	cal_pane *p = state;
	int y, m, d;
	date_to_ymd(p->sel, &y, &m, &d);
	switch (ev->act) {
	case ACT_PAGE_UP: case ACT_PREV_MONTH:
		shift_month(p, -1);
		break;
	case ACT_PAGE_DOWN: case ACT_NEXT_MONTH:
		shift_month(p, 1);
		break;
	case ACT_TODAY:
		p->sel = shell_ctx(p->sh)->today;
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
		p->sel = date_from_ymd(y, m, 1);
		break;
	case ACT_LAST:
		p->sel = date_from_ymd(y, m, date_days_in_month(y, m));
		break;
	case ACT_OPEN: {
		char date[16];
		shell_message(p->sh, _("%s: no inspections are registered yet"),
		              date_format(p->sel, date));
		return REACT_NONE;
	}
	default:
		return REACT_UNHANDLED;
	}
	return REACT_RECALC;
}

const pane_ops pane_calendar = {
	N_("Calendar"), create, destroy, recalc, repaint, handle,
	NULL, NULL, NULL, /* every F-key shown, no caret, the shell's hint */
};
