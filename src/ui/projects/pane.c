/* The Projects tab (项目, policy (一)2(1) 投前阶段服务精细化): every project the actor
 * may see in the order the desk works them (app_project_list: the reddest light and
 * the most overdue item first), in the columns of `qifu project list`; Enter opens the
 * project card: its fields, its stage dates, the 项目少跑路 figures, its items as a
 * checklist and the appeals its stuck items became. The forms are forms.c's; every
 * rule and permission is src/app/project.c's, as for the command. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/panes.h"
#include "ui/projects/private.h"

static void clear_rows(proj_pane *p)
{
	for (int i = 0; i < p->n * PROJECT_COL__COUNT; i++)
		xfree(&p->cells[i]);
	xfree(&p->cells);
	project_rows_free(&p->rows, p->n);
	p->n = 0;
}

static long count_rows(void *arg)
{
	proj_pane *p = arg;
	if (!p->stale)
		return p->n;
	clear_rows(p);
	p->stale = false;
	project_filter f = { .stage = -1 };
	strbuf err = STRBUF_INIT;
	int rc = app_project_list(shell_ctx(p->sh), &f, -1, &p->rows, &p->n, &err);
	if (rc < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		p->rows = NULL;
		p->n = 0;
	}
	sb_free(&err);
	if (rc < 0)
		return -1;
	p->cells = xcalloc((size_t)(p->n ? p->n : 1) * PROJECT_COL__COUNT, sizeof *p->cells);
	for (int i = 0; i < p->n; i++)
		for (int c = 0; c < PROJECT_COL__COUNT; c++) {
			strbuf b = STRBUF_INIT;
			sb_add(&b, "");
			app_project_cell(&p->rows[i], c, CELL_WORDS, &b);
			p->cells[i * PROJECT_COL__COUNT + c] = sb_steal(&b);
		}
	return p->n;
}

static int fetch_rows(void *arg, long offset, int limit)
{
	proj_pane *p = arg;
	long left = p->n - offset;
	return left < 0 ? 0 : left < limit ? (int)left : limit;
}

static const char *cell(void *arg, long row, int col)
{
	proj_pane *p = arg;
	if (row < 0 || row >= p->n || col < 0 || col >= PROJECT_COL__COUNT)
		return "";
	return p->cells[row * PROJECT_COL__COUNT + col];
}

/* the light and what is due in the light's colour; its words say it without */
static ui_style style(void *arg, long row, int col)
{
	proj_pane *p = arg;
	if (row < 0 || row >= p->n || (col != PROJECT_COL_LIGHT && col != PROJECT_COL_DUE))
		return STYLE_NORMAL;
	return draw_light_style(p->rows[row].sum.light);
}

void projects_reload(proj_pane *p, const char *number)
{
	p->stale = true;
	lv_invalidate(p->lv);
	if (!number || count_rows(p) < 0)
		return;
	for (int i = 0; i < p->n; i++)
		if (strcmp(p->rows[i].rec.number, number) == 0)
			lv_set_cursor(p->lv, i);
}

static void drop_card(proj_pane *p)
{
	if (p->have_card)
		project_rec_clear(&p->card.rec);
	memset(&p->card, 0, sizeof p->card);
	p->have_card = false;
}

/* the card: what `qifu project show` prints, in the same cells */
static void fill_card(proj_pane *p)
{
	static const int fields[] = {
		PROJECT_COL_NAME, PROJECT_COL_INVESTOR, PROJECT_COL_USCC, PROJECT_COL_INTRODUCER,
		PROJECT_COL_INVESTMENT, PROJECT_COL_SITE, PROJECT_COL_AREA, PROJECT_COL_STAGE,
		PROJECT_COL_DUE,
	};
	app_ctx *ctx = shell_ctx(p->sh);
	const project_row *r = &p->card;
	detail *d = p->det;
	detail_clear(d, true);
	char *title = xasprintf(_("Project %s %s"), r->rec.number, r->rec.name);
	detail_title(d, title);
	xfree(&title);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		sb_reset(&b);
		app_project_cell(r, fields[i], CELL_WORDS, &b);
		detail_field(d, _(app_project_columns[fields[i]].header), sb_str(&b));
	}
	detail_section(d, _("Stages"));
	for (int s = 0; s < PROJ_STAGE__COUNT; s++) {
		char day[11];
		detail_field(d, _(project_stage_label((project_stage)s)),
		             r->rec.on[s] != DATE_NONE ? date_format(r->rec.on[s], day) : "");
	}
	detail_section(d, _("Fewer trips for the project (项目少跑路)"));
	sb_reset(&b);
	app_project_span_text(r->sum.to_started, &b);
	detail_field(d, _("Signing to construction start"), sb_str(&b));
	sb_reset(&b);
	app_project_span_text(r->sum.to_producing, &b);
	detail_field(d, _("Signing to production"), sb_str(&b));
	char *on_time = xasprintf(_("%d of %d done, %d of them on time"), r->sum.done,
	                          r->rec.nitems, r->sum.on_time);
	detail_field(d, _("Items done on time"), on_time);
	xfree(&on_time);

	detail_section(d, _("Checklist"));
	static const int icols[] = { ITEM_COL_STATE, ITEM_COL_UNIT, ITEM_COL_TARGET };
	for (int i = 0; i < r->rec.nitems; i++) {
		const project_item *it = &r->rec.items[i];
		strbuf line = STRBUF_INIT;
		sb_addf(&line, "[%s] %d ", it->state == PITEM_DONE ? "x" : it->state == PITEM_STUCK
		        ? "!" : " ", it->seq);
		sb_reset(&b);
		app_item_cell(ctx, it, ITEM_COL_KIND, CELL_WORDS, &b);
		sb_add(&line, sb_str(&b));
		for (size_t c = 0; c < sizeof icols / sizeof icols[0]; c++) {
			sb_reset(&b);
			app_item_cell(ctx, it, icols[c], CELL_WORDS, &b);
			if (b.len)
				sb_addf(&line, " · %s", sb_str(&b));
		}
		/* the light in its colour, as in the appeal queue; its words say it without */
		sb_reset(&b);
		app_item_cell(ctx, it, ITEM_COL_DUE, CELL_WORDS, &b);
		size_t from = 0;
		if (b.len) {
			sb_add(&line, " · ");
			from = line.len;
			sb_add(&line, sb_str(&b));
		}
		detail_item_span(d, sb_str(&line), from, b.len,
		                 draw_light_style(app_item_light(ctx, it)));
		sb_free(&line);
		if (it->note && *it->note)
			detail_subitem(d, it->note);
	}
	if (r->rec.nitems == 0)
		detail_note(d, _("No items yet."));

	detail_section(d, _("Appeals"));
	int appeals = 0;
	for (int i = 0; i < r->rec.nitems; i++) {
		const project_item *it = &r->rec.items[i];
		if (!it->appeal || !*it->appeal)
			continue;
		char *s = xasprintf(_("%s, from item %d %s"), it->appeal, it->seq,
		                    project_kind_name(app_project_rules(ctx), it->kind));
		detail_item(d, s);
		xfree(&s);
		appeals++;
	}
	if (!appeals)
		detail_note(d, _("None: a stuck item becomes an appeal with the move form."));
	sb_free(&b);
}

bool projects_load_card(proj_pane *p, const char *number)
{
	char num[PROJECT_NUMBER_SIZE];
	snprintf(num, sizeof num, "%s", number);
	drop_card(p);
	strbuf err = STRBUF_INIT;
	int rc = app_project_get(shell_ctx(p->sh), num, &p->card.rec, &err);
	if (rc != 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		memset(&p->card, 0, sizeof p->card);
		return false;
	}
	sb_free(&err);
	app_project_summary(shell_ctx(p->sh), &p->card.rec, &p->card.sum);
	p->have_card = true;
	fill_card(p);
	return true;
}

static const project_row *cursor_row(proj_pane *p)
{
	long i = lv_cursor(p->lv);
	return i >= 0 && i < p->n ? &p->rows[i] : NULL;
}

/* the project under the cursor into the card; false (said) when there is none */
static bool take_cursor(proj_pane *p)
{
	const project_row *r = cursor_row(p);
	if (!r) {
		shell_error(p->sh, "%s", _("No project selected."));
		return false;
	}
	return projects_load_card(p, r->rec.number);
}

static unsigned list_event(proj_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_OPEN:
		if (take_cursor(p)) {
			detail_clear(p->det, false);
			fill_card(p);
			p->mode = PMODE_CARD;
		}
		return REACT_RECALC;
	case ACT_REFRESH:
		projects_reload(p, NULL);
		return REACT_RECALC;
	case ACT_NEW:
		p->back = PMODE_LIST;
		projects_form_add(p);
		return REACT_RECALC;
	case ACT_MOVE:
		p->back = PMODE_LIST;
		if (take_cursor(p))
			projects_form_stage(p);
		return REACT_RECALC;
	case ACT_EXPORT:
		projects_export(p);
		return REACT_RECALC;
	default:
		return lv_handle(p->lv, ev->act);
	}
}

static unsigned card_event(proj_pane *p, const pane_event *ev)
{
	p->back = PMODE_CARD;
	switch (ev->act) {
	case ACT_BACK: case ACT_CANCEL:
		p->mode = PMODE_LIST;
		projects_reload(p, p->card.rec.number);
		return REACT_RECALC;
	case ACT_REFRESH:
		if (!projects_load_card(p, p->card.rec.number))
			p->mode = PMODE_LIST;
		return REACT_RECALC;
	case ACT_NEW:
		projects_form_item_add(p);
		return REACT_RECALC;
	case ACT_MOVE:
		projects_form_stage(p);
		return REACT_RECALC;
	case ACT_EDIT:
		projects_form_item_move(p);
		return REACT_RECALC;
	case ACT_EXPORT:
		projects_export(p);
		return REACT_RECALC;
	default:
		detail_handle(p->det, ev->act);
		return REACT_RECALC;
	}
}

static unsigned handle(void *state, const pane_event *ev)
{
	proj_pane *p = state;
	switch (p->mode) {
	case PMODE_FORM:
		return projects_form_key(p, ev);
	case PMODE_CARD:
		return card_event(p, ev);
	default:
		return list_event(p, ev);
	}
}

static void *create(shell *sh)
{
	proj_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	lv_source src = { count_rows, fetch_rows, cell, p };
	p->lv = lv_new(app_project_columns, PROJECT_COL__COUNT, &src);
	lv_set_style(p->lv, style);
	p->det = detail_new();
	p->stale = true;
	return p;
}

static void destroy(void *state)
{
	proj_pane *p = state;
	clear_rows(p);
	lv_free(&p->lv);
	detail_free(&p->det);
	form_free(&p->form);
	drop_card(p);
	xfree(&p->hint);
	xfree(&p);
}

/* the list under a line that counts the projects and their lights */
static void recalc(void *state, ui_rect r)
{
	proj_pane *p = state;
	if (p->mode == PMODE_FORM)
		form_recalc(p->form, r);
	else if (p->mode == PMODE_CARD)
		detail_recalc(p->det, r);
	else
		lv_recalc(p->lv, (ui_rect){ r.y + 1, r.x, r.h - 1, r.w });
}

static void draw_summary(proj_pane *p, int y, int x, int w)
{
	int lights[TICKET_LIGHT_RED + 1] = { 0 };
	for (int i = 0; i < p->n; i++)
		if (p->rows[i].sum.light >= 0 && p->rows[i].sum.light <= TICKET_LIGHT_RED)
			lights[p->rows[i].sum.light]++;
	strbuf s = STRBUF_INIT;
	sb_addf(&s, P_("%d project", "%d projects", (unsigned long)p->n), p->n);
	sb_addf(&s, _(", %d red, %d yellow; most overdue first"), lights[TICKET_LIGHT_RED],
	        lights[TICKET_LIGHT_YELLOW]);
	char pos[32] = "";
	if (p->n > 0)
		snprintf(pos, sizeof pos, "%ld/%d", lv_cursor(p->lv) + 1, p->n);
	int pw = (int)strlen(pos);
	if (pw + 1 >= w)
		pw = 0;
	draw_text(y, x, w - pw, sb_str(&s), TEXT_LEFT, STYLE_NORMAL);
	if (pw)
		draw_text(y, x + w - pw, pw, pos, TEXT_RIGHT, STYLE_NORMAL);
	sb_free(&s);
}

static void repaint(void *state, ui_rect r)
{
	proj_pane *p = state;
	if (r.h <= 0)
		return;
	if (p->mode == PMODE_FORM) {
		form_repaint(p->form, r);
		return;
	}
	if (p->mode == PMODE_CARD) {
		detail_repaint(p->det, r, false);
		return;
	}
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	lv_repaint(p->lv, list);
	draw_summary(p, r.y, r.x, r.w);
	if (p->n == 0 && list.h > 2) {
		char k[16];
		shell_key_name(p->sh, ACT_NEW, k);
		char *s = xasprintf(_("No projects yet: %s adds one."), k);
		draw_text(list.y + 2, list.x, list.w, s, TEXT_CENTER, STYLE_DIM);
		xfree(&s);
	}
}

static bool offers(void *state, action a)
{
	proj_pane *p = state;
	switch (a) {
	case ACT_REFRESH: case ACT_NEW: case ACT_MOVE: case ACT_EXPORT:
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		return p->mode != PMODE_FORM;
	case ACT_OPEN:
		return p->mode == PMODE_LIST;
	case ACT_EDIT: case ACT_BACK: case ACT_CANCEL:
		return p->mode == PMODE_CARD;
	default:
		return false;
	}
}

static bool caret(void *state, int *y, int *x)
{
	proj_pane *p = state;
	return p->mode == PMODE_FORM && form_caret(p->form, y, x);
}

static bool modal(void *state)
{
	proj_pane *p = state;
	return p->mode == PMODE_FORM;
}

static const char *hint(void *state)
{
	proj_pane *p = state;
	char k1[16], k2[16], k3[16], k4[16];
	xfree(&p->hint);
	switch (p->mode) {
	case PMODE_FORM:
		return form_hint(p->form);
	case PMODE_CARD:
		shell_key_name(p->sh, ACT_NEW, k1);
		shell_key_name(p->sh, ACT_EDIT, k2);
		shell_key_name(p->sh, ACT_MOVE, k3);
		shell_key_name(p->sh, ACT_CANCEL, k4);
		p->hint = xasprintf(_("%s adds an item, %s moves an item, %s moves the stage, %s "
		                      "back"), k1, k2, k3, k4);
		return p->hint;
	default:
		shell_key_name(p->sh, ACT_NEW, k1);
		shell_key_name(p->sh, ACT_MOVE, k2);
		shell_key_name(p->sh, ACT_EXPORT, k3);
		p->hint = xasprintf(_("Enter opens the card, %s adds a project, %s moves the stage, "
		                      "%s exports the ledger"), k1, k2, k3);
		return p->hint;
	}
}

const pane_ops pane_projects = {
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
