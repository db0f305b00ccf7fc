/* The coverage list (全面覆盖、职责到人): the enterprises the actor sees (an area officer
 * their area) without a service commissioner, without a contact card delivered, or not
 * visited within [coverage] visit_days, by area then name, each row's gaps in words,
 * the counts on the summary line; the list an area officer works through. It is read
 * a chunk at a time (app_coverage_read, as qifu coverage reads it, with the same pick
 * as its --area, --unit and --gap: F4's filter form); Enter opens the enterprise's 360
 * view, and Esc there comes back here. */
#include <stdio.h>
#include <stdlib.h>

#include "app/coverage.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/enterprises/private.h"

static long count(void *arg)
{
	ent_pane *p = arg;
	return p->cov_read ? p->cov.ngaps : 0;
}

/* the rows are in memory: nothing to fetch */
static int fetch(void *arg, long offset, int limit)
{
	ent_pane *p = arg;
	long left = count(p) - offset;
	return left <= 0 ? 0 : left < limit ? (int)left : limit;
}

static const char *cell(void *arg, long row, int col)
{
	ent_pane *p = arg;
	sb_reset(&p->cov_cell);
	if (row >= 0 && row < count(p))
		app_coverage_cell(p->cov.visit_days, p->cov.gaps[row], col, CELL_WORDS, &p->cov_cell);
	return sb_str(&p->cov_cell);
}

static ui_style cell_style(void *arg, long row, int col)
{
	(void)arg;
	(void)row;
	return col == COV_COL_GAPS ? STYLE_LIGHT_RED : STYLE_NORMAL;
}

void coverage_create(ent_pane *p)
{
	lv_source src = { count, fetch, cell, p };
	p->cov_lv = lv_new(app_coverage_columns, COV_COL__COUNT, &src);
	lv_set_style(p->cov_lv, cell_style);
	p->cov_gap = COV_GAP__COUNT;
}

void coverage_destroy(ent_pane *p)
{
	app_coverage_free(&p->cov);
	lv_free(&p->cov_lv);
	sb_free(&p->cov_cell);
	xfree(&p->cov_area);
	xfree(&p->cov_unit);
}

/* read the coverage again: visits, cards and commissioners change in the 360 view and
 * on the command line */
static void coverage_read(ent_pane *p)
{
	app_coverage_free(&p->cov);
	p->cov_read = false;
	strbuf err = STRBUF_INIT;
	app_coverage_pick pick = { p->cov_area, p->cov_unit, p->cov_gap };
	if (app_coverage_read(shell_ctx(p->sh), &pick, &p->cov, &err) != APP_OK)
		shell_error(p->sh, "%s", sb_str(&err));
	else
		p->cov_read = true;
	sb_free(&err);
	lv_invalidate(p->cov_lv);
}

void coverage_open(ent_pane *p)
{
	p->mode = MODE_COVERAGE;
	coverage_read(p);
	lv_handle(p->cov_lv, ACT_FIRST);
}

void coverage_back(ent_pane *p)
{
	long at = lv_cursor(p->cov_lv);
	p->mode = MODE_COVERAGE;
	coverage_read(p);
	if (at >= count(p))
		at = count(p) - 1;
	if (at > 0)
		lv_set_cursor(p->cov_lv, at);
}

static bool filtered(const ent_pane *p)
{
	return p->cov_area || p->cov_unit || p->cov_gap < COV_GAP__COUNT;
}

void coverage_filter_done(ent_pane *p, bool clear)
{
	xfree(&p->cov_area);
	xfree(&p->cov_unit);
	p->cov_gap = COV_GAP__COUNT;
	if (!clear) {
		const char *a = p->fld_cov_area >= 0 ? form_choice(p->form, p->fld_cov_area) : "";
		const char *u = form_choice(p->form, p->fld_cov_unit);
		if (a && *a)
			p->cov_area = xstrdup(a);
		if (u && *u)
			p->cov_unit = xstrdup(u);
		coverage_gap_parse(form_choice(p->form, p->fld_cov_gap), &p->cov_gap);
	}
	form_free(&p->form);
	p->mode = MODE_COVERAGE;
	coverage_read(p);
	lv_handle(p->cov_lv, ACT_FIRST);
}

void coverage_recalc(ent_pane *p, ui_rect r)
{
	lv_recalc(p->cov_lv, (ui_rect){ r.y + 1, r.x, r.h - 1, r.w });
}

/* 覆盖缺口：57 家中 12 家（无专员 3，未送卡 9，90 天未走访 5） */
void coverage_repaint(ent_pane *p, ui_rect r)
{
	strbuf s = STRBUF_INIT;
	int n = 0, gap[COV_GAP__COUNT] = { 0 };
	for (int i = 0; p->cov_read && i < p->cov.nareas; i++) {
		n += p->cov.areas[i].enterprises;
		for (int g = 0; g < COV_GAP__COUNT; g++)
			gap[g] += p->cov.areas[i].gap[g];
	}
	/* filtered, the filter is said instead of the counts of each gap, which fit then
	 * no more at 80 columns */
	if (!filtered(p))
		sb_addf(&s, _("Gaps: %d of %d (no commissioner %d, no card %d, "
		              "no visit in %d days %d)"),
		        (int)count(p), n, gap[COV_GAP_COMMISSIONER], gap[COV_GAP_CARD],
		        p->cov.visit_days, gap[COV_GAP_VISIT]);
	else
		sb_addf(&s, _("Gaps: %d of %d"), (int)count(p), n);
	if (p->cov_area)
		sb_addf(&s, _("  area: %s"), p->cov_area);
	if (p->cov_unit)
		sb_addf(&s, _("  lead unit: %s"), p->cov_unit);
	if (p->cov_gap < COV_GAP__COUNT) {
		sb_add(&s, _("  gap: "));
		app_coverage_gap_words(p->cov.visit_days, COV_BIT(p->cov_gap), &s);
	}
	lv_summary_line(r, sb_str(&s), p->cov_lv);
	sb_free(&s);
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	lv_repaint(p->cov_lv, list);
	if (count(p) == 0 && list.h > 2)
		draw_text(list.y + 2, list.x, list.w, filtered(p)
		          ? _("No enterprise in sight matches the filter.")
		          : _("Every enterprise in sight has a commissioner, a card and a recent visit."),
		          TEXT_CENTER, STYLE_DIM);
}

unsigned coverage_event(ent_pane *p, const pane_event *ev)
{
	long at = lv_cursor(p->cov_lv);
	switch (ev->act) {
	case ACT_NEXT_VIEW: case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_LIST;
		return REACT_RECALC;
	case ACT_OPEN:
		if (at >= 0 && at < count(p)) {
			const coverage_row *c = p->cov.gaps[at];
			ent_record row = { .id = c->id, .name = c->name };
			p->view_id = 0;
			enterprises_view_build(p, &row);
			p->mode = MODE_VIEW;
			p->view_back = MODE_COVERAGE;
		}
		return REACT_RECALC;
	case ACT_REFRESH:
		coverage_read(p);
		return REACT_RECALC;
	case ACT_FILTER:
		enterprises_form_coverage_filter(p);
		return REACT_RECALC;
	case ACT_CARD:
		enterprises_card_start(p);
		return REACT_RECALC;
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		return REACT_UNHANDLED;
	default:
		return lv_handle(p->cov_lv, ev->act);
	}
}
