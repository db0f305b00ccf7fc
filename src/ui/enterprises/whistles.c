/* The whistle list (企业吹哨、专员报到): the whistles of every enterprise the actor
 * sees, those not reported in first and the earliest deadline first, the report-in
 * column lit as the appeal deadlines are (red: the commissioner is late), filtered by
 * unit (the commissioner's or the lead unit) and by whether it is still open. Enter
 * opens the report-in form of the whistle under the cursor, m makes it an appeal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "app/whistle.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "store/enterprise_store.h"
#include "ui/enterprises/private.h"

static int count(void *owner, long *n, store_err *err)
{
	ent_pane *p = owner;
	return whistle_store_count(enterprises_db(p), &p->wh_filter, n, err);
}

static int read_window(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	ent_pane *p = owner;
	return whistle_store_list(enterprises_db(p), &p->wh_filter, offset, limit, rows, n, err);
}

/* the window next to a loaded row, by key (ui/list_keyset.h) */
static int read_from(void *owner, const void *from, bool back, int limit, void *rows, int *n,
                     store_err *err)
{
	ent_pane *p = owner;
	return whistle_store_list_from(enterprises_db(p), &p->wh_filter,
	                               from ? ((const whistle_rec *)from)->id : 0, back, limit, rows,
	                               n, err);
}

static const list_window_keyed keyed = { NULL, read_from };

static void row_clear(void *row)
{
	whistle_rec_clear(row);
}

/* the columns and their words are qifu whistle list's too (app/whistle.h) */
static const char *cell(void *owner, const void *row, int col)
{
	ent_pane *p = owner;
	sb_reset(&p->wh_cell);
	app_whistle_cell(shell_ctx(p->sh), row, col, CELL_WORDS, &p->wh_cell);
	return sb_str(&p->wh_cell);
}

static ui_style cell_style(void *owner, const void *row, int col)
{
	ent_pane *p = owner;
	if (col != WH_COL_STATE)
		return STYLE_NORMAL;
	return draw_light_style(app_whistle_light(shell_ctx(p->sh), row, NULL));
}

static const list_window_ops ops = { sizeof(whistle_rec), count, read_window, row_clear, cell,
	cell_style };

void whistles_create(ent_pane *p)
{
	p->wh_filter.open_only = true;
	p->wh_filter.lead_too = true;
	p->wh_filter.scope_area = p->filter.scope_area;
	p->wh_lv = list_window_view(&p->wh_rows, &ops, p, p->sh, app_whistle_columns,
	                            WH_COL__COUNT);
	list_window_set_keyed(&p->wh_rows, &keyed);
}

void whistles_destroy(ent_pane *p)
{
	list_window_free(&p->wh_rows);
	lv_free(&p->wh_lv);
	sb_free(&p->wh_cell);
	xfree(&p->wh_unit);
}

void whistles_apply_filter(ent_pane *p)
{
	p->wh_filter.unit = p->wh_unit;
	lv_invalidate(p->wh_lv);
	lv_handle(p->wh_lv, ACT_FIRST);
	shell_dirty_pane(p->sh);
}

void whistles_open(ent_pane *p)
{
	p->mode = MODE_WHISTLES;
	/* read again: whistles change in the 360 view and on the command line */
	whistles_apply_filter(p);
}

void whistles_recalc(ent_pane *p, ui_rect r)
{
	lv_recalc(p->wh_lv, (ui_rect){ r.y + 1, r.x, r.h - 1, r.w });
}

/* 吹哨（未报到的在前）  单位: 区科经局  共 3 条  1/3 */
void whistles_repaint(ent_pane *p, ui_rect r)
{
	strbuf s = STRBUF_INIT;
	long n = lv_count(p->wh_lv);
	sb_add(&s, p->wh_filter.open_only ? _("Whistles waiting for the report-in, earliest first")
	                                  : _("Whistles, not reported in first"));
	if (p->wh_unit)
		sb_addf(&s, _("  commissioner's or lead unit: %s"), p->wh_unit);
	sb_addf(&s, _("  %ld in all"), n);
	lv_summary_line(r, sb_str(&s), p->wh_lv);
	sb_free(&s);
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	lv_repaint(p->wh_lv, list);
	if (n == 0 && list.h > 2)
		draw_text(list.y + 2, list.x, list.w,
		          p->wh_unit || !p->wh_filter.open_only
		          ? _("No whistle matches the filter.")
		          : _("No whistle is waiting: every commissioner has reported in."),
		          TEXT_CENTER, STYLE_DIM);
}

/* the filter: the unit (the commissioner's or the lead unit) and open or all */
void whistles_form_filter(ent_pane *p)
{
	form *f = form_new(p->sh, _("Filter the whistles"));
	const unit_table *units = app_units(shell_ctx(p->sh));
	form_option *o = xcalloc((size_t)units->n + 1, sizeof *o);
	o[0] = (form_option){ "", _("all") };
	for (int i = 0; i < units->n; i++)
		o[i + 1] = (form_option){ units->v[i].name, units->v[i].name };
	p->fld_wh_unit = form_add_choice(f, _("Unit"), o, units->n + 1,
	                                 p->wh_unit ? p->wh_unit : "", false);
	xfree(&o);
	p->fld_wh_open = form_add_yesno(f, _("Only those not reported in"), p->wh_filter.open_only);
	const char *buttons[] = { _("Apply"), _("Clear all") };
	form_set_buttons(f, buttons, 2, -1);
	form_set_confirm(f, false);
	p->form = f;
	p->purpose = FP_WHISTLES_FILTER;
	p->back = MODE_WHISTLES;
	p->mode = MODE_FORM;
}

void whistles_filter_done(ent_pane *p, bool clear)
{
	xfree(&p->wh_unit);
	p->wh_filter.open_only = true;
	if (!clear) {
		const char *u = form_choice(p->form, p->fld_wh_unit);
		if (u && *u)
			p->wh_unit = xstrdup(u);
		p->wh_filter.open_only = form_yes(p->form, p->fld_wh_open);
	}
	form_free(&p->form);
	p->mode = MODE_WHISTLES;
	whistles_apply_filter(p);
}

/* the report-in or appeal form of row, about its enterprise */
static void row_form(ent_pane *p, const whistle_rec *row, entrec_kind k)
{
	ent_record_clear(&p->rec_ent);
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	int found = ent_store_get(enterprises_db(p), NULL, row->enterprise_id, &p->rec_ent, &se);
	if (found != 0) {
		shell_error(p->sh, "%s", found < 0 ? app_store_text(&se, &err)
		                                   : _("This enterprise is no longer in the register."));
	} else if ((p->form = entrec_whistle_form(p->rec, &p->rec_ent, k, row->id))) {
		p->purpose = FP_WHISTLE;
		p->back = MODE_WHISTLES;
		p->mode = MODE_FORM;
	}
	sb_free(&err);
}

unsigned whistles_event(ent_pane *p, const pane_event *ev)
{
	const whistle_rec *row = list_window_cursor(&p->wh_rows, p->wh_lv);
	switch (ev->act) {
	case ACT_NEXT_VIEW:
		coverage_open(p);
		return REACT_RECALC;
	case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_LIST;
		return REACT_RECALC;
	case ACT_FILTER:
		whistles_form_filter(p);
		return REACT_RECALC;
	case ACT_OPEN:
		if (row && row->reported_on == DATE_NONE)
			row_form(p, row, ENTREC_WHISTLE_REPORT);
		else if (row)
			shell_message(p->sh, "%s", _("This whistle's commissioner has reported in"));
		return REACT_RECALC;
	case ACT_MOVE:
		if (row && !row->appeal_id)
			row_form(p, row, ENTREC_WHISTLE_APPEAL);
		else if (row)
			shell_message(p->sh, _("This whistle already became appeal %s"),
			              row->appeal_number ? row->appeal_number : "?");
		return REACT_RECALC;
	case ACT_REFRESH:
		lv_invalidate(p->wh_lv);
		return REACT_RECALC;
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		return REACT_UNHANDLED;
	default:
		return lv_handle(p->wh_lv, ev->act);
	}
}
