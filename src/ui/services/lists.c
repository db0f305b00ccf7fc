/* The Services pane's three lists: the outreach events (宣讲活动) and the talent service
 * requests (人才服务), newest first, and the school–enterprise programmes (校企合作),
 * newest start first; their columns and words those of qifu outreach list, qifu talent
 * list and qifu talent programmes (app/service_list.h). An area officer sees the requests of
 * their area's enterprises only, as on the command line. */
#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "app/service_list.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/services/private.h"

static db *pane_db(svc_pane *p)
{
	return app_db(shell_ctx(p->sh));
}

static int ev_count(void *owner, long *n, store_err *err)
{
	svc_pane *p = owner;
	return outreach_store_count(pane_db(p), &p->ev_filter, n, err);
}

static int ev_read(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	svc_pane *p = owner;
	return outreach_store_list(pane_db(p), &p->ev_filter, offset, limit, rows, n, err);
}

/* the window next to a loaded row, by key (ui/list_keyset.h) */
static int ev_read_from(void *owner, const void *from, bool back, int limit, void *rows,
                        int *n, store_err *err)
{
	svc_pane *p = owner;
	return outreach_store_list_from(pane_db(p), &p->ev_filter, from ? ((const outreach_rec *)from)->id : 0,
	        back, limit, rows, n, err);
}

static const list_window_keyed ev_keyed = { NULL, ev_read_from };

static void ev_clear(void *row)
{
	outreach_rec_clear(row);
}

static const char *ev_cell(void *owner, const void *row, int col)
{
	svc_pane *p = owner;
	sb_reset(&p->cell);
	app_outreach_cell(shell_ctx(p->sh), row, col, CELL_WORDS, &p->cell);
	return sb_str(&p->cell);
}

static const list_window_ops ev_ops = { sizeof(outreach_rec), ev_count, ev_read, ev_clear,
	ev_cell, NULL };

static int tal_count(void *owner, long *n, store_err *err)
{
	svc_pane *p = owner;
	return talent_store_count(pane_db(p), &p->tal_filter, n, err);
}

static int tal_read(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	svc_pane *p = owner;
	return talent_store_list(pane_db(p), &p->tal_filter, offset, limit, rows, n, err);
}

/* the window next to a loaded row, by key (ui/list_keyset.h) */
static int tal_read_from(void *owner, const void *from, bool back, int limit, void *rows,
                        int *n, store_err *err)
{
	svc_pane *p = owner;
	return talent_store_list_from(pane_db(p), &p->tal_filter, from ? ((const talent_request *)from)->id : 0,
	        back, limit, rows, n, err);
}

static const list_window_keyed tal_keyed = { NULL, tal_read_from };

static void tal_clear(void *row)
{
	talent_request_clear(row);
}

static const char *tal_cell(void *owner, const void *row, int col)
{
	svc_pane *p = owner;
	sb_reset(&p->cell);
	app_talent_cell(shell_ctx(p->sh), row, col, CELL_WORDS, &p->cell);
	return sb_str(&p->cell);
}

static const list_window_ops tal_ops = { sizeof(talent_request), tal_count, tal_read, tal_clear,
	tal_cell, NULL };

static int prog_count(void *owner, long *n, store_err *err)
{
	svc_pane *p = owner;
	return talent_store_prog_count(pane_db(p), &p->prog_filter, n, err);
}

static int prog_read(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	svc_pane *p = owner;
	return talent_store_programmes(pane_db(p), &p->prog_filter, offset, limit, rows, n, err);
}

/* the window next to a loaded row, by key (ui/list_keyset.h) */
static int prog_read_from(void *owner, const void *from, bool back, int limit, void *rows,
                        int *n, store_err *err)
{
	svc_pane *p = owner;
	return talent_store_programmes_from(pane_db(p), &p->prog_filter, from ? ((const talent_programme *)from)->id : 0,
	        back, limit, rows, n, err);
}

static const list_window_keyed prog_keyed = { NULL, prog_read_from };

static void prog_clear(void *row)
{
	talent_programme_clear(row);
}

static const char *prog_cell(void *owner, const void *row, int col)
{
	svc_pane *p = owner;
	sb_reset(&p->cell);
	app_programme_cell(row, col, CELL_WORDS, &p->cell);
	return sb_str(&p->cell);
}

static const list_window_ops prog_ops = { sizeof(talent_programme), prog_count, prog_read,
	prog_clear, prog_cell, NULL };

void services_lists_create(svc_pane *p)
{
	p->tal_filter.state = -1;
	p->tal_filter.scope_area = app_scope_area(shell_ctx(p->sh));
	p->prog_filter.scope_area = p->tal_filter.scope_area;
	p->prog_lv = list_window_view(&p->prog_rows, &prog_ops, p, p->sh, app_programme_columns,
	                              PROG_COL__COUNT);
	p->ev_lv = list_window_view(&p->ev_rows, &ev_ops, p, p->sh, app_outreach_columns,
	                            OUT_COL__COUNT);
	p->tal_lv = list_window_view(&p->tal_rows, &tal_ops, p, p->sh, app_talent_columns,
	                             TAL_COL__COUNT);
	list_window_set_keyed(&p->prog_rows, &prog_keyed);
	list_window_set_keyed(&p->ev_rows, &ev_keyed);
	list_window_set_keyed(&p->tal_rows, &tal_keyed);
}

void services_lists_destroy(svc_pane *p)
{
	list_window_free(&p->ev_rows);
	list_window_free(&p->tal_rows);
	list_window_free(&p->prog_rows);
	lv_free(&p->ev_lv);
	lv_free(&p->tal_lv);
	lv_free(&p->prog_lv);
	sb_free(&p->cell);
}

listview *services_list(svc_pane *p)
{
	return p->mode == SVC_TALENT ? p->tal_lv : p->mode == SVC_PROGRAMMES ? p->prog_lv : p->ev_lv;
}

const outreach_rec *services_event_row(svc_pane *p)
{
	return list_window_cursor(&p->ev_rows, p->ev_lv);
}

const talent_request *services_request_row(svc_pane *p)
{
	return list_window_cursor(&p->tal_rows, p->tal_lv);
}

const talent_programme *services_programme_row(svc_pane *p)
{
	return list_window_cursor(&p->prog_rows, p->prog_lv);
}

void services_lists_recalc(svc_pane *p, ui_rect r)
{
	lv_recalc(services_list(p), (ui_rect){ r.y + 1, r.x, r.h - 1, r.w });
}

/* 宣讲活动（最近的在前）  共 6 条                                  1/6 */
void services_lists_repaint(svc_pane *p, ui_rect r)
{
	listview *lv = services_list(p);
	long n = lv_count(lv);
	char *head = xasprintf(p->mode == SVC_TALENT
	                       ? _("Talent service requests, newest first  %ld in all")
	                       : p->mode == SVC_PROGRAMMES
	                       ? _("School–enterprise programmes, newest start first  %ld in all")
	                       : _("Outreach events, newest first  %ld in all"), n);
	const char *none = p->mode == SVC_TALENT ? _("No talent service request is recorded yet.")
		: p->mode == SVC_PROGRAMMES ? _("No school–enterprise programme is recorded yet.")
		: _("No outreach event is recorded yet.");
	lv_summary_line(r, head, lv);
	free(head);
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	lv_repaint(lv, list);
	if (n == 0 && list.h > 2)
		draw_text(list.y + 2, list.x, list.w, none, TEXT_CENTER, STYLE_DIM);
}
