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

static long count_rows(void *arg)
{
	board_list *l = arg;
	esc_pane *p = l->p;
	if (p->counts_stale) {
		appeal_filter f;
		base_filter(p, &f);
		store_err err = { 0 };
		memset(&p->counts, 0, sizeof p->counts);
		if (shell_store_rc(p->sh, esc_store_board_counts(escalation_db(p), &f, &p->counts,
		                                                 &err), &err) < 0)
			return -1;
		p->counts_stale = false;
	}
	return l->which == L_OVERDUE ? p->counts.overdue : p->counts.level[list_levels[l->which]];
}

static void clear_rows(board_list *l)
{
	for (int i = 0; i < l->nrows; i++) {
		appeal_row_clear(&l->rows[i]);
		for (int c = 0; c < l->ncols; c++)
			xfree(&l->cells[i * l->ncols + c]);
	}
	l->nrows = 0;
}

/* the cells of a level column's row */
static void level_cells(esc_pane *p, const appeal_row *r, char **c)
{
	(void)p;
	/* the earliest running deadline: before signing that is not the handling one */
	char due[16] = "-";
	if (r->next_due != DATE_NONE)
		date_format(r->next_due, due);
	c[LC_NUMBER] = xstrdup(r->number);
	c[LC_ENTERPRISE] = xstrdup(r->enterprise_name ? r->enterprise_name : "");
	c[LC_LEAD] = xstrdup(r->lead_unit ? r->lead_unit : "-");
	c[LC_DUE] = xstrdup(due);
}

/* the cells of an overdue row: how late, by the earliest deadline, and the mark */
static void overdue_cells(esc_pane *p, const appeal_row *r, char **c)
{
	app_ctx *ctx = shell_ctx(p->sh);
	int days = 0;
	ticket_light_t l = ticket_light(r->next_due, ctx->today, app_calendar(ctx),
	                                app_ticket_params(ctx).yellow_days, &days);
	strbuf late = STRBUF_INIT;
	ticket_due_text(l, days, &late);
	c[OC_NUMBER] = xstrdup(r->number);
	c[OC_ENTERPRISE] = xstrdup(r->enterprise_name ? r->enterprise_name : "");
	c[OC_LEVEL] = xstrdup(r->level ? _(escalation_level_short(r->level)) : "-");
	c[OC_LATE] = sb_steal(&late);
	c[OC_MARK] = xstrdup(app_appeal_suggested(ctx, r->handle_due, r->level)
	                     ? _(escalation_suggest_label()) : "");
	c[OC_LEAD] = xstrdup(r->lead_unit ? r->lead_unit : "-");
	c[OC_TITLE] = xstrdup(r->title ? r->title : "");
}

static int fetch_rows(void *arg, long offset, int limit)
{
	board_list *l = arg;
	esc_pane *p = l->p;
	clear_rows(l);
	if (limit > l->cap)
		l->cells = xrealloc(l->cells, (size_t)limit * (size_t)l->ncols * sizeof *l->cells);
	lv_reserve(&l->rows, &l->cap, limit, sizeof *l->rows);
	appeal_filter f;
	base_filter(p, &f);
	store_err err = { 0 };
	int n = 0;
	if (shell_store_rc(p->sh, esc_store_board_window(escalation_db(p), &f,
	                                                 list_levels[l->which], offset, limit,
	                                                 l->rows, &n, &err), &err) < 0)
		n = -1;
	l->nrows = n > 0 ? n : 0;
	l->offset = offset;
	for (int i = 0; i < l->nrows; i++) {
		char **c = &l->cells[i * l->ncols];
		if (l->which == L_OVERDUE)
			overdue_cells(p, &l->rows[i], c);
		else
			level_cells(p, &l->rows[i], c);
	}
	return n;
}

static const char *cell(void *arg, long row, int col)
{
	board_list *l = arg;
	long i = row - l->offset;
	if (i < 0 || i >= l->nrows || col < 0 || col >= l->ncols)
		return "";
	return l->cells[i * l->ncols + col];
}

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
	long i = lv_cursor(l->lv) - l->offset;
	if (lv_count(l->lv) <= 0 || i < 0 || i >= l->nrows)
		return NULL;
	return &l->rows[i];
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
		l->ncols = i == L_OVERDUE ? OC__COUNT : LC__COUNT;
		lv_source src = { count_rows, fetch_rows, cell, l };
		l->lv = lv_new(i == L_OVERDUE ? overdue_cols : level_cols, l->ncols, &src);
	}
	p->counts_stale = true;
}

void escalation_board_free(esc_pane *p)
{
	for (int i = 0; i < L__COUNT; i++) {
		clear_rows(&p->lists[i]);
		xfree(&p->lists[i].rows);
		xfree(&p->lists[i].cells);
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
