/* The coverage list (全面覆盖、职责到人): the enterprises the actor sees (an area officer
 * their area) without a service commissioner, without a contact card delivered, or not
 * visited within [coverage] visit_days, by area then name, each row's gaps in words,
 * the counts on the summary line; the list an area officer works through. Only the
 * window on screen is read, by key from its neighbour row (the gaps decided in SQL,
 * store/coverage_store.h), and the summary's counts are one pass of the store made
 * when the list is read again (open, F4's filter, F5, back from the 360 view), not a
 * key at a time; F4's filter is qifu coverage's --area, --unit and --gap. Enter
 * opens the enterprise's 360 view, and Esc there comes back here. */
#include <stdio.h>
#include <stdlib.h>

#include "app/coverage.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/enterprises/list.h"
#include "ui/enterprises/private.h"

static long count(const ent_pane *p)
{
	return p->cov_read ? p->cov_sum.listed : 0;
}

/* the list's count is the summary's, exact and made once a read: no statement of
 * its own, and no cap ("1000+") either */
static int store_count(void *owner, long *n, store_err *err)
{
	(void)err;
	*n = count(owner);
	return 0;
}

static db *cov_db(ent_pane *p)
{
	return app_db(shell_ctx(p->sh));
}

/* the gaps of the rows read, in words on the screen */
static void judge(ent_pane *p, void *rows, int n)
{
	coverage_row *r = rows;
	for (int i = 0; i < n; i++)
		app_coverage_judge(shell_ctx(p->sh), p->cov_days, &r[i]);
}

/* a jump (the cursor put back after the 360 view): by position */
static int store_read(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	ent_pane *p = owner;
	int rc = coverage_store_list(cov_db(p), &p->cov_f, offset, limit, rows, n, err);
	if (rc == 0)
		judge(p, rows, *n);
	return rc;
}

/* a window next to a loaded one, or an end: by key */
static int store_read_from(void *owner, const void *from, bool back, int limit, void *rows,
                           int *n, store_err *err)
{
	ent_pane *p = owner;
	const coverage_row *r = from;
	int rc = coverage_store_list_from(cov_db(p), &p->cov_f, r ? r->id : 0, back, limit, rows,
	                                  n, err);
	if (rc == 0)
		judge(p, rows, *n);
	return rc;
}

static void row_clear(void *row)
{
	coverage_row_clear(row);
}

static const char *cell(void *owner, const void *row, int col)
{
	ent_pane *p = owner;
	sb_reset(&p->cov_cell);
	app_coverage_cell(p->cov_days, row, col, CELL_WORDS, &p->cov_cell);
	return sb_str(&p->cov_cell);
}

static ui_style cell_style(void *owner, const void *row, int col)
{
	(void)owner;
	(void)row;
	return col == COV_COL_GAPS ? STYLE_LIGHT_RED : STYLE_NORMAL;
}

static const list_window_ops cov_ops = {
	sizeof(coverage_row), store_count, store_read, row_clear, cell, cell_style,
};
static const list_window_keyed cov_keyed = { NULL, store_read_from };

void coverage_create(ent_pane *p)
{
	p->cov_lv = list_window_view(&p->cov_rows, &cov_ops, p, p->sh, app_coverage_columns,
	                             COV_COL__COUNT);
	list_window_set_keyed(&p->cov_rows, &cov_keyed);
	p->cov_gap = COV_GAP__COUNT;
}

void coverage_destroy(ent_pane *p)
{
	list_window_free(&p->cov_rows);
	lv_free(&p->cov_lv);
	sb_free(&p->cov_cell);
	xfree(&p->cov_area);
	xfree(&p->cov_unit);
}

const coverage_row *coverage_cursor_row(const ent_pane *p)
{
	return list_window_cursor(&p->cov_rows, p->cov_lv);
}

void coverage_pick(const ent_pane *p, app_coverage_pick *pick)
{
	*pick = (app_coverage_pick){ p->cov_area, p->cov_unit, p->cov_gap };
}

/* read the coverage again: visits, cards and commissioners change in the 360 view and
 * on the command line */
static void coverage_read(ent_pane *p)
{
	app_ctx *ctx = shell_ctx(p->sh);
	p->cov_read = false;
	strbuf err = STRBUF_INIT;
	app_coverage_pick pick;
	coverage_pick(p, &pick);
	app_coverage_filter(ctx, &pick, &p->cov_f);
	p->cov_days = app_coverage_visit_days(ctx);
	if (app_coverage_sum(ctx, &pick, &p->cov_sum, &err) != APP_OK)
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

/* 覆盖缺口：57 家中 12 家（无专员 3，未送卡 9，90 天未走访 5）, in fewer words when the
 * position grows (entlist_coverage_summary) */
void coverage_repaint(ent_pane *p, ui_rect r)
{
	const coverage_sum none = { 0 };
	app_coverage_pick pick;
	coverage_pick(p, &pick);
	char *s = entlist_coverage_summary(p->cov_read ? &p->cov_sum : &none, p->cov_days,
	                                   &pick, r.w);
	lv_summary_line(r, s, p->cov_lv);
	free(s);
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
	switch (ev->act) {
	case ACT_NEXT_VIEW: case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_LIST;
		return REACT_RECALC;
	case ACT_OPEN: {
		const coverage_row *c = coverage_cursor_row(p);
		if (c) {
			ent_record row = { .id = c->id, .name = c->name };
			p->view_id = 0;
			enterprises_view_build(p, &row);
			p->mode = MODE_VIEW;
			p->view_back = MODE_COVERAGE;
		}
		return REACT_RECALC;
	}
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
