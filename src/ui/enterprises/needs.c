/* The coordination desk's list (融资对接): the financing needs still waiting for money
 * (awaiting a match, being matched, matched) of every enterprise the actor sees,
 * oldest first, filtered by area and status. Read a window at a time by key through
 * the partial index of open needs, so that it costs the rows on screen; Enter opens
 * the change form of the need under the cursor. */
#include <stdio.h>
#include <stdlib.h>

#include "app/financing.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/enterprises/private.h"

static int count_upto(void *owner, long limit, long *n, store_err *err)
{
	ent_pane *p = owner;
	return fin_store_count_upto(enterprises_db(p), &p->needs_filter, limit, n, err);
}

static int count_all(void *owner, long *n, store_err *err)
{
	return count_upto(owner, -1, n, err);
}

static int read_window(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	ent_pane *p = owner;
	return fin_store_window(enterprises_db(p), &p->needs_filter, offset, limit, rows, n, err);
}

static int read_from(void *owner, const void *from, bool back, int limit, void *rows, int *n,
                     store_err *err)
{
	ent_pane *p = owner;
	const fin_rec *f = from;
	return fin_store_window_from(enterprises_db(p), &p->needs_filter, f ? f->id : 0, back,
	                             limit, rows, n, err);
}

static void row_clear(void *row)
{
	fin_rec_clear(row);
}

/* the columns and their words are qifu financing list's too (app/financing.h) */
static const char *cell(void *owner, const void *row, int col)
{
	ent_pane *p = owner;
	sb_reset(&p->needs_cell);
	app_fin_cell(row, col, CELL_WORDS, &p->needs_cell);
	return sb_str(&p->needs_cell);
}

static const list_window_ops ops = { sizeof(fin_rec), count_all, read_window, row_clear, cell,
	NULL };
/* counted up to what the screen needs, like the register's search */
static const list_window_keyed keyed = { count_upto, read_from };

void needs_create(ent_pane *p)
{
	p->needs_filter.status = -1;
	p->needs_filter.open_only = true;
	p->needs_filter.scope_area = p->filter.scope_area;
	p->needs_lv = list_window_view(&p->needs_rows, &ops, p, p->sh, app_fin_columns,
	                               FIN_COL__COUNT);
	list_window_set_keyed(&p->needs_rows, &keyed);
}

void needs_destroy(ent_pane *p)
{
	list_window_free(&p->needs_rows);
	lv_free(&p->needs_lv);
	sb_free(&p->needs_cell);
	xfree(&p->n_area);
}

void needs_apply_filter(ent_pane *p)
{
	p->needs_filter.area = p->n_area;
	lv_invalidate(p->needs_lv);
	lv_handle(p->needs_lv, ACT_FIRST);
	shell_dirty_pane(p->sh);
}

void needs_open(ent_pane *p)
{
	p->mode = MODE_NEEDS;
	/* read again: needs change in the 360 view and on the command line */
	needs_apply_filter(p);
}

void needs_recalc(ent_pane *p, ui_rect r)
{
	lv_recalc(p->needs_lv, (ui_rect){ r.y + 1, r.x, r.h - 1, r.w });
}

/* 融资需求（待办）  区域: 高新区  状态: 对接中  共 3 条  1/3 */
void needs_repaint(ent_pane *p, ui_rect r)
{
	strbuf s = STRBUF_INIT;
	long n = lv_count(p->needs_lv);
	bool more = lv_count_more(p->needs_lv);
	sb_add(&s, _("Open financing needs, oldest first"));
	if (p->n_area)
		sb_addf(&s, _("  area: %s"), p->n_area);
	if (p->needs_filter.status >= 0)
		sb_addf(&s, _("  status: %s"), _(fin_status_label((fin_status)p->needs_filter.status)));
	sb_addf(&s, more ? _("  more than %ld") : _("  %ld in all"), n);
	lv_summary_line(r, sb_str(&s), p->needs_lv);
	sb_free(&s);
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	lv_repaint(p->needs_lv, list);
	if (n == 0 && list.h > 2)
		draw_text(list.y + 2, list.x, list.w,
		          p->n_area || p->needs_filter.status >= 0
		          ? _("No open financing need matches the filter.")
		          : _("No financing need is waiting: every need is funded or closed."),
		          TEXT_CENTER, STYLE_DIM);
}

unsigned needs_event(ent_pane *p, const pane_event *ev)
{
	const fin_rec *row = list_window_cursor(&p->needs_rows, p->needs_lv);
	switch (ev->act) {
	case ACT_NEXT_VIEW:
		whistles_open(p);
		return REACT_RECALC;
	case ACT_BACK: case ACT_CANCEL:
		p->mode = MODE_LIST;
		return REACT_RECALC;
	case ACT_FILTER:
		enterprises_form_needs_filter(p);
		return REACT_RECALC;
	case ACT_OPEN: case ACT_MOVE:
		if (row)
			enterprises_form_need(p, row);
		return REACT_RECALC;
	case ACT_REFRESH:
		lv_invalidate(p->needs_lv);
		return REACT_RECALC;
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		return REACT_UNHANDLED;
	default:
		return lv_handle(p->needs_lv, ev->act);
	}
}
