/* The Escalation board: one column per level (三级 lead unit, 二级 leader in charge,
 * 一级 principal leader) and the overdue list below them, most overdue first with the
 * 建议升级 mark, each a list widget over a window of the store's board, filtered by
 * lead unit and leader. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/appeal.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/escalation/private.h"

static const int list_levels[L__COUNT] = { ESC_LEVEL_LEAD_UNIT, ESC_LEVEL_LEADER,
	ESC_LEVEL_PRINCIPAL, 0 };

/* a level column: narrow at 80 columns (about 26 cells each), more fields when wide */
enum { LC_NUMBER, LC_ENTERPRISE, LC_LEAD, LC_DUE, LC__COUNT };

static const app_column level_cols[LC__COUNT] = {
	{ NULL, N_("Number"), COL_STR, 11, false, TEXT_LEFT, 0 },
	{ NULL, N_("Enterprise"), COL_STR, 8, true, TEXT_LEFT, 0 },
	{ NULL, N_("Lead unit"), COL_STR, 10, false, TEXT_LEFT, 40 },
	{ NULL, N_("Due"), COL_STR, 10, false, TEXT_LEFT, 50 },
};

enum { OC_NUMBER, OC_ENTERPRISE, OC_LEVEL, OC_LATE, OC_MARK, OC_LEAD, OC_TITLE, OC__COUNT };

static const app_column overdue_cols[OC__COUNT] = {
	{ NULL, N_("Number"), COL_STR, 11, false, TEXT_LEFT, 0 },
	{ NULL, N_("Enterprise"), COL_STR, 10, true, TEXT_LEFT, 0 },
	{ NULL, N_("Level"), COL_STR, 7, false, TEXT_LEFT, 0 },
	{ NULL, N_("Overdue"), COL_STR, 16, false, TEXT_LEFT, 0 },
	{ NULL, N_("Suggestion"), COL_STR, 8, false, TEXT_LEFT, 0 },
	{ NULL, N_("Lead unit"), COL_STR, 12, false, TEXT_LEFT, 100 },
	{ NULL, N_("Appeal"), COL_STR, 30, false, TEXT_LEFT, 140 },
};

/* today, scope and the pane's filters: what every board query starts from */
static void base_filter(esc_pane *p, appeal_filter *f)
{
	app_appeal_filter(shell_ctx(p->sh), f);
	f->lead_unit = p->f_unit;
	f->overseen_by = p->f_leader;
}

/* every list's count at once, once after the data or a filter changed (the shell
 * reloads the pane when data_version moves), never per key: whole, because the
 * board's figures are what a supervisor reports and compares ("9300+" would hide
 * the backlog the board is for); each is one index range (level, or overdue
 * next_due), a few milliseconds at 200 000 appeals */
static int count_rows(void *owner, long *n, store_err *err)
{
	board_list *l = owner;
	esc_pane *p = l->p;
	if (p->counts_stale) {
		appeal_filter f;
		base_filter(p, &f);
		memset(&p->counts, 0, sizeof p->counts);
		if (esc_store_board_counts(escalation_db(p), &f, &p->counts, err) < 0)
			return -1;
		p->counts_stale = false;
	}
	*n = l->which == L_OVERDUE ? p->counts.overdue : p->counts.level[list_levels[l->which]];
	return 0;
}

static int read_rows(void *owner, long offset, int limit, void *rows, int *n, store_err *err)
{
	board_list *l = owner;
	appeal_filter f;
	base_filter(l->p, &f);
	return esc_store_board_window(escalation_db(l->p), &f, list_levels[l->which], offset, limit,
	                              rows, n, err);
}

/* a window next to the one loaded is read by key from its neighbour row */
static int read_from(void *owner, const void *from, bool back, int limit, void *rows, int *n,
                     store_err *err)
{
	board_list *l = owner;
	const appeal_row *r = from;
	appeal_filter f;
	base_filter(l->p, &f);
	return esc_store_board_window_from(escalation_db(l->p), &f, list_levels[l->which],
	                                   r ? r->id : 0, back, limit, rows, n, err);
}

static void row_clear(void *row)
{
	appeal_row_clear(row);
}

/* a level column's cell */
static void level_cell(const appeal_row *r, int col, strbuf *c)
{
	char due[16] = "-";
	switch (col) {
	case LC_NUMBER:
		sb_add(c, r->number);
		break;
	case LC_ENTERPRISE:
		sb_add(c, r->enterprise_name ? r->enterprise_name : "");
		break;
	case LC_LEAD:
		sb_add(c, r->lead_unit ? r->lead_unit : "-");
		break;
	case LC_DUE:
		/* the earliest running deadline: before signing that is not the handling one */
		if (r->next_due != DATE_NONE)
			date_format(r->next_due, due);
		sb_add(c, due);
		break;
	}
}

/* an overdue row's cell: how late, by the earliest deadline, and the mark */
static void overdue_cell(esc_pane *p, const appeal_row *r, int col, strbuf *c)
{
	app_ctx *ctx = shell_ctx(p->sh);
	int days = 0;
	switch (col) {
	case OC_NUMBER:
		sb_add(c, r->number);
		break;
	case OC_ENTERPRISE:
		sb_add(c, r->enterprise_name ? r->enterprise_name : "");
		break;
	case OC_LEVEL:
		sb_add(c, r->level ? _(escalation_level_short(r->level)) : "-");
		break;
	case OC_LATE: {
		ticket_light_t light = ticket_light(r->next_due, ctx->today, app_calendar(ctx),
		                                    app_ticket_params(ctx).yellow_days, &days);
		ticket_due_text(light, days, c);
		break;
	}
	case OC_MARK:
		if (app_appeal_suggested(ctx, r->handle_due, r->level))
			sb_add(c, _(escalation_suggest_label()));
		break;
	case OC_LEAD:
		sb_add(c, r->lead_unit ? r->lead_unit : "-");
		break;
	case OC_TITLE:
		sb_add(c, r->title ? r->title : "");
		break;
	}
}

static const char *cell(void *owner, const void *row, int col)
{
	board_list *l = owner;
	sb_reset(&l->cell);
	if (l->which == L_OVERDUE)
		overdue_cell(l->p, row, col, &l->cell);
	else
		level_cell(row, col, &l->cell);
	return sb_str(&l->cell);
}

static const list_window_ops board_ops = {
	sizeof(appeal_row), count_rows, read_rows, row_clear, cell, NULL,
};

static const list_window_keyed board_keyed = { NULL, read_from };

/* the data changed (a move, a filter, F5): recount and refetch every list */
void escalation_reload(esc_pane *p)
{
	p->counts_stale = true;
	for (int i = 0; i < L__COUNT; i++)
		lv_invalidate(p->lists[i].lv);
	p->lines_stale = true;
}

const appeal_row *escalation_cursor_row(esc_pane *p)
{
	board_list *l = &p->lists[p->focus];
	return list_window_cursor(&l->win, l->lv);
}

/* the board's rectangles: a column per level, the overdue list below them */
typedef struct board_rects {
	ui_rect col[3];
	ui_rect overdue;
} board_rects;

static void board_layout(ui_rect r, board_rects *b)
{
	int avail = r.h - 1;
	int colh = avail * 3 / 5;
	int cw = (r.w - 2) / 3;
	for (int i = 0; i < 3; i++) {
		int x = r.x + i * (cw + 1);
		int w = i == 2 ? r.x + r.w - x : cw;
		b->col[i] = (ui_rect){ r.y + 1, x, colh, w };
	}
	b->overdue = (ui_rect){ r.y + 1 + colh, r.x, avail - colh, r.w };
}

/* a list's rectangle below its title row */
static ui_rect list_rect(ui_rect r)
{
	return (ui_rect){ r.y + 1, r.x, r.h - 1, r.w };
}

/* "> 三级（牵头部门） 12": the focused list is marked in text, not colour alone */
static void draw_list_title(esc_pane *p, int which, ui_rect r)
{
	long n = lv_count(p->lists[which].lv);
	const char *name = which == L_OVERDUE ? _("Overdue, most overdue first")
		: _(escalation_level_label(list_levels[which]));
	/* the count stays whole when a narrow column cuts the name */
	char count[24];
	snprintf(count, sizeof count, " %ld", n < 0 ? 0 : n);
	int cw = text_width(count);
	ui_style st = p->focus == which ? STYLE_TAB : STYLE_HEADER;
	char *s = xasprintf("%s%s", p->focus == which ? "> " : "  ", name);
	int nw = text_width(s) < r.w - cw ? text_width(s) : r.w - cw;
	draw_text(r.y, r.x, nw, s, TEXT_LEFT, st);
	draw_text(r.y, r.x + nw, r.w - nw, count, TEXT_LEFT, st);
	xfree(&s);
}

/* a list under its title; an empty one says so */
static void draw_list(esc_pane *p, int which, ui_rect r)
{
	draw_list_title(p, which, r);
	ui_rect lr = list_rect(r);
	lv_repaint(p->lists[which].lv, lr);
	if (lv_count(p->lists[which].lv) == 0 && lr.h > 2)
		draw_text(lr.y + 2, lr.x, lr.w, _("none"), TEXT_CENTER, STYLE_DIM);
}

static void draw_summary(esc_pane *p, ui_rect r)
{
	strbuf s = STRBUF_INIT;
	sb_addf(&s, _("Lead unit: %s  Leader: %s"), p->f_unit ? p->f_unit : _("all"),
	        p->f_leader_name ? p->f_leader_name : p->f_leader ? p->f_leader : _("all"));
	long total = 0;
	for (int i = 0; i < 3; i++)
		total += lv_count(p->lists[i].lv) > 0 ? lv_count(p->lists[i].lv) : 0;
	sb_addf(&s, _("  %ld at a dispatch level"), total);
	draw_text(r.y, r.x, r.w, sb_str(&s), TEXT_LEFT, STYLE_NORMAL);
	sb_free(&s);
}

void escalation_board_init(esc_pane *p)
{
	for (int i = 0; i < L__COUNT; i++) {
		board_list *l = &p->lists[i];
		l->p = p;
		l->which = i;
		l->lv = list_window_view(&l->win, &board_ops, l, p->sh,
		                         i == L_OVERDUE ? overdue_cols : level_cols,
		                         i == L_OVERDUE ? OC__COUNT : LC__COUNT);
		list_window_set_keyed(&l->win, &board_keyed);
	}
	p->counts_stale = true;
}

void escalation_board_free(esc_pane *p)
{
	for (int i = 0; i < L__COUNT; i++) {
		list_window_free(&p->lists[i].win);
		sb_free(&p->lists[i].cell);
		lv_free(&p->lists[i].lv);
	}
}

void escalation_board_recalc(esc_pane *p, ui_rect r)
{
	board_rects b;
	board_layout(r, &b);
	for (int i = 0; i < 3; i++)
		lv_recalc(p->lists[i].lv, list_rect(b.col[i]));
	lv_recalc(p->lists[L_OVERDUE].lv, list_rect(b.overdue));
}

void escalation_board_repaint(esc_pane *p, ui_rect r)
{
	board_rects b;
	board_layout(r, &b);
	draw_summary(p, r);
	for (int i = 0; i < 3; i++) {
		draw_list(p, i, b.col[i]);
		if (i < 2)
			for (int y = 0; y < b.col[i].h; y++)
				draw_text(b.col[i].y + y, b.col[i].x + b.col[i].w, 1, "|", TEXT_LEFT,
				          STYLE_NORMAL);
	}
	draw_list(p, L_OVERDUE, b.overdue);
}
