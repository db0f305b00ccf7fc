/* Pre-investment projects for both faces (app/project.h): what was typed checked
 * and cleaned, who may decided (PERM_PROJECT_EDIT, scoped to the project's area),
 * then the store's write with its event; the list's order and cells. */
#include "app/project.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/appeal_move.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "model/field.h"
#include "model/financing.h"
#include "model/perm.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

enum { NAME_MAX_CHARS = 100, TEXT_MAX_CHARS = 200 };

const app_column app_project_columns[PROJECT_COL__COUNT] = {
	/* key, header, kind, screen: width (display columns, at least the Chinese header's:
	 * 已办结 is 6), stretch, align, from pane width */
	[PROJECT_COL_NUMBER] = { "number", N_("Project"), COL_STR, 13, false, TEXT_LEFT, 0 },
	[PROJECT_COL_NAME] = { "name", N_("Project name"), COL_STR, 16, true, TEXT_LEFT, 0 },
	[PROJECT_COL_INVESTOR] = { "investor", N_("Investor"), COL_STR, 16, false, TEXT_LEFT,
		110 },
	[PROJECT_COL_STAGE] = { "stage", N_("Stage"), COL_STR, 8, false, TEXT_LEFT, 0 },
	/* the screen says light and days in one cell (app_light_text, as the appeal
	 * queue's deadline); the machine output keeps the light's code apart */
	[PROJECT_COL_LIGHT] = { "light", N_("Light"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[PROJECT_COL_DUE] = { NULL, N_("Due"), COL_STR, 20, false, TEXT_LEFT, 0 },
	[PROJECT_COL_ITEMS] = { "items", N_("Checklist items"), COL_INT, 0, false, TEXT_RIGHT, 0 },
	[PROJECT_COL_DONE] = { "items_done", N_("Done"), COL_INT, 6, false, TEXT_RIGHT, 0 },
	[PROJECT_COL_STUCK] = { "items_stuck", N_("Stuck"), COL_INT, 5, false, TEXT_RIGHT, 0 },
	[PROJECT_COL_ON_TIME] = { "items_on_time", N_("Done on time"), COL_INT, 0, false,
		TEXT_RIGHT, 0 },
	[PROJECT_COL_AREA] = { "area", N_("Area"), COL_STR, 12, false, TEXT_LEFT, 100 },
	[PROJECT_COL_INVESTMENT] = { "investment_yuan", N_("Planned investment"), COL_STR, 0,
		false, TEXT_RIGHT, 0 },
	[PROJECT_COL_SIGNED] = { "signed_on", N_("Signed on"), COL_STR, 10, false, TEXT_LEFT,
		120 },
	[PROJECT_COL_STARTED] = { "started_on", N_("Started on"), COL_STR, 0, false, TEXT_LEFT,
		0 },
	[PROJECT_COL_PRODUCING] = { "producing_on", N_("In production on"), COL_STR, 0, false,
		TEXT_LEFT, 0 },
	[PROJECT_COL_DAYS_TO_START] = { "days_to_start", N_("Days to start"), COL_STR, 0, false,
		TEXT_RIGHT, 0 },
	[PROJECT_COL_WORKDAYS_TO_START] = { "workdays_to_start", N_("Working days to start"),
		COL_STR, 0, false, TEXT_RIGHT, 0 },
	[PROJECT_COL_DAYS_TO_PRODUCE] = { "days_to_produce", N_("Days to production"), COL_STR,
		0, false, TEXT_RIGHT, 0 },
	[PROJECT_COL_WORKDAYS_TO_PRODUCE] = { "workdays_to_produce",
		N_("Working days to production"), COL_STR, 0, false, TEXT_RIGHT, 0 },
	[PROJECT_COL_INTRODUCER] = { "introducer", N_("Introduced by"), COL_STR, 0, false,
		TEXT_LEFT, 0 },
	[PROJECT_COL_SITE] = { "site", N_("Site"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[PROJECT_COL_USCC] = { "uscc", N_("Credit code"), COL_STR, 0, false, TEXT_LEFT, 0 },
};

const app_column app_item_columns[ITEM_COL__COUNT] = {
	[ITEM_COL_SEQ] = { "item", N_("Item no."), COL_INT, 3, false, TEXT_RIGHT, 0 },
	[ITEM_COL_KIND] = { "kind", N_("Item"), COL_STR, 8, false, TEXT_LEFT, 0 },
	[ITEM_COL_GROUP] = { "group", N_("Item group"), COL_STR, 8, false, TEXT_LEFT, 100 },
	[ITEM_COL_UNIT] = { "unit", N_("Responsible unit"), COL_STR, 12, true, TEXT_LEFT, 0 },
	[ITEM_COL_TARGET] = { "target", N_("Target date"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[ITEM_COL_STATE] = { "state", N_("Item state"), COL_STR, 6, false, TEXT_LEFT, 0 },
	[ITEM_COL_LIGHT] = { "light", N_("Light"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ITEM_COL_DUE] = { NULL, N_("Due"), COL_STR, 20, false, TEXT_LEFT, 90 },
	[ITEM_COL_DONE_ON] = { "done_on", N_("Done on"), COL_STR, 10, false, TEXT_LEFT, 110 },
	[ITEM_COL_APPEAL] = { "appeal", N_("Appeal"), COL_STR, 11, false, TEXT_LEFT, 100 },
	[ITEM_COL_NOTE] = { "note", N_("Note"), COL_STR, 0, false, TEXT_LEFT, 0 },
};

void project_form_clear(project_form *f)
{
	free(f->name);
	free(f->enterprise);
	free(f->investor);
	free(f->introducer);
	free(f->site);
	free(f->area);
	memset(f, 0, sizeof *f);
}

/* may the actor change a project in area? */
static bool may(app_ctx *ctx, const char *area, strbuf *err)
{
	return app_allowed(ctx, PERM_PROJECT_EDIT, area && *area ? area : NULL, NULL, err);
}

/* clean the form's texts and check its units and investor; on an edit (add false)
 * what is not given is kept. -1 with the reason naming the field. */
static int check_form(app_ctx *ctx, project_form *f, bool add, int64_t *enterprise_id,
                      strbuf *err)
{
	const unit_table *units = app_units(ctx);
	if ((f->name || add) && field_clean(&f->name, N_("project name"), NAME_MAX_CHARS, true,
	                                    err) < 0)
		return -1;
	if (f->site && field_clean(&f->site, N_("site"), TEXT_MAX_CHARS, false, err) < 0)
		return -1;
	if (f->investor && field_clean(&f->investor, N_("investor"), NAME_MAX_CHARS, false,
	                               err) < 0)
		return -1;
	if (f->introducer && field_clean(&f->introducer, N_("introducing unit"), NAME_MAX_CHARS,
	                                 false, err) < 0)
		return -1;
	if (f->area && field_clean(&f->area, N_("area"), NAME_MAX_CHARS, false, err) < 0)
		return -1;
	if (f->introducer && *f->introducer && !units_find(units, f->introducer)) {
		strbuf all = STRBUF_INIT;
		units_list(units, -1, &all);
		sb_addf(err, _("introducing unit '%s' is not a unit; allowed: %s"), f->introducer,
		        sb_str(&all));
		sb_free(&all);
		return -1;
	}
	if (f->area && *f->area && !units_is_area(units, f->area)) {
		strbuf all = STRBUF_INIT;
		units_list(units, UNIT_AREA, &all);
		sb_addf(err, _("area '%s' is not one of %s"), f->area, sb_str(&all));
		sb_free(&all);
		return -1;
	}
	if (f->investment_fen > FIN_MAX_FEN) {
		sb_add(err, _("planned investment: more than 1万亿元 is a typing error"));
		return -1;
	}
	bool named = f->investor && *f->investor;
	if (f->enterprise && named) {
		sb_add(err, _("the investor is an enterprise of the register or a name still to "
		              "be registered, not both"));
		return -1;
	}
	*enterprise_id = 0;
	if (f->enterprise) {
		ent_record e = { 0 };
		store_err se = { 0 };
		int rc = ent_store_get(app_db(ctx), f->enterprise, 0, &e, &se);
		if (rc != 0) {
			if (rc > 0)
				sb_addf(err, _("no enterprise with USCC %s; give the investor's name "
				               "instead while it is not registered"), f->enterprise);
			else
				app_store_text(&se, err);
			return -1;
		}
		*enterprise_id = e.id;
		ent_record_clear(&e);
	} else if (add && !named) {
		sb_add(err, _("a project names its investor: an enterprise of the register or a "
		              "name still to be registered"));
		return -1;
	}
	if (f->investor && !named && !add && !f->enterprise) {
		sb_add(err, _("the investor's name must not be empty"));
		return -1;
	}
	return 0;
}

app_record_rc app_project_add(app_ctx *ctx, project_form *f, char number[PROJECT_NUMBER_SIZE],
                              strbuf *err)
{
	int64_t ent;
	if (check_form(ctx, f, true, &ent, err) < 0)
		return APP_RECORD_BAD_INPUT;
	if (!may(ctx, f->area, err))
		return APP_RECORD_REFUSED;
	qdate on = f->signed_on == DATE_NONE ? ctx->today : f->signed_on;
	if (on > ctx->today) {
		char a[11], b[11];
		sb_addf(err, _("signed on %s: that lies after today (%s)"), date_format(on, a),
		        date_format(ctx->today, b));
		return APP_RECORD_BAD_INPUT;
	}
	const project_rules *r = app_project_rules(ctx);
	calendar *cal = app_calendar(ctx);
	project_item *items = xcalloc((size_t)r->nkinds + 1, sizeof *items);
	project_default_items(r, f->area, on, cal, items);
	project_rec p = { .name = f->name, .enterprise_id = ent, .investor = f->investor,
	                  .introducer = f->introducer,
	                  .investment_fen = f->investment_fen > 0 ? f->investment_fen : 0,
	                  .site = f->site, .area = f->area, .items = items, .nitems = r->nkinds };
	for (int i = 0; i < PROJ_STAGE__COUNT; i++)
		p.on[i] = DATE_NONE;
	p.on[PROJ_SIGNED] = on;
	store_err se = { 0 };
	app_record_rc rc = app_record_stored(project_store_add(app_db(ctx), app_actor(ctx)->login,
	                                                       &p, number, &se), &se, err);
	free(items);
	return rc;
}

int app_project_get(app_ctx *ctx, const char *number, project_rec *p, strbuf *err)
{
	store_err se = { 0 };
	int rc = project_store_get(app_db(ctx), number, p, &se);
	const char *scope = app_scope_area(ctx);
	/* a project outside an area officer's area is as good as absent to them */
	if (rc == 0 && scope && strcmp(scope, p->area) != 0) {
		project_rec_clear(p);
		store_err_name(store_err_set(&se, STORE_E_NO_PROJECT), 0, number);
		rc = 1;
	}
	if (rc != 0)
		app_store_text(&se, err);
	return rc;
}

/* the project as read, and whether the actor may change it: SAVED to go on */
static app_record_rc open_for_change(app_ctx *ctx, const char *number, project_rec *p,
                                     strbuf *err)
{
	int rc = app_project_get(ctx, number, p, err);
	if (rc != 0)
		return rc > 0 ? APP_RECORD_REFUSED : APP_RECORD_FAILED;
	if (!may(ctx, p->area, err)) {
		project_rec_clear(p);
		return APP_RECORD_REFUSED;
	}
	return APP_RECORD_SAVED;
}

app_record_rc app_project_edit(app_ctx *ctx, const char *number, project_form *f,
                               strbuf *err)
{
	int64_t ent;
	if (check_form(ctx, f, false, &ent, err) < 0)
		return APP_RECORD_BAD_INPUT;
	project_rec p;
	app_record_rc rc = open_for_change(ctx, number, &p, err);
	if (rc != APP_RECORD_SAVED)
		return rc;
	/* moving a project to another area needs the right there too */
	if (f->area && !may(ctx, f->area, err)) {
		project_rec_clear(&p);
		return APP_RECORD_REFUSED;
	}
	project_rec_clear(&p);
	project_edit e = { .name = f->name, .enterprise_id = ent,
	                   .investor = f->enterprise ? NULL : f->investor,
	                   .introducer = f->introducer, .investment_fen = f->investment_fen,
	                   .site = f->site, .area = f->area };
	store_err se = { 0 };
	return app_record_stored(project_store_edit(app_db(ctx), app_actor(ctx)->login, number,
	                                            &e, &se), &se, err);
}

app_record_rc app_project_move(app_ctx *ctx, const char *number, project_stage to, qdate on,
                               strbuf *err)
{
	project_rec p;
	app_record_rc rc = open_for_change(ctx, number, &p, err);
	if (rc != APP_RECORD_SAVED)
		return rc;
	project_rec_clear(&p);
	store_err se = { 0 };
	return app_record_stored(project_store_move(app_db(ctx), app_actor(ctx)->login, number,
	                                            to, on == DATE_NONE ? ctx->today : on, &se),
	                         &se, err);
}

/* unit is a unit of the zone, or names none; -1 with the allowed ones */
static int check_unit(app_ctx *ctx, const char *unit, strbuf *err)
{
	if (!unit || units_find(app_units(ctx), unit))
		return 0;
	strbuf all = STRBUF_INIT;
	units_list(app_units(ctx), -1, &all);
	sb_addf(err, _("unit '%s' is not a unit; allowed: %s"), unit, sb_str(&all));
	sb_free(&all);
	return -1;
}

app_record_rc app_project_item_add(app_ctx *ctx, const char *number, const char *kind,
                                   const char *unit, qdate target, int *seq, strbuf *err)
{
	const project_rules *r = app_project_rules(ctx);
	const project_kind *k = project_kind_find(r, kind);
	if (!k) {
		strbuf all = STRBUF_INIT;
		project_kind_list(r, &all);
		sb_addf(err, _("unknown item kind '%s'; allowed: %s"), kind ? kind : "",
		        sb_str(&all));
		sb_free(&all);
		return APP_RECORD_BAD_INPUT;
	}
	if (check_unit(ctx, unit, err) < 0)
		return APP_RECORD_BAD_INPUT;
	project_rec p;
	app_record_rc rc = open_for_change(ctx, number, &p, err);
	if (rc != APP_RECORD_SAVED)
		return rc;
	project_item it = {
		.kind = k->code,
		.unit = (char *)(unit ? unit : project_unit_of(r, k->unit, p.area)),
		.start = ctx->today,
		.target = target != DATE_NONE ? target
		                              : calendar_add(app_calendar(ctx), ctx->today, k->days),
		.state = PITEM_OPEN, .done_on = DATE_NONE,
	};
	store_err se = { 0 };
	rc = app_record_stored(project_store_item_add(app_db(ctx), app_actor(ctx)->login, number,
	                                              &it, seq, &se), &se, err);
	project_rec_clear(&p);
	return rc;
}

app_record_rc app_project_item_set(app_ctx *ctx, const char *number, int seq,
                                   project_item_change *c, char **note, strbuf *err)
{
	if (note && *note) {
		if (field_clean(note, N_("note"), TEXT_MAX_CHARS, false, err) < 0)
			return APP_RECORD_BAD_INPUT;
		c->note = *note;
	}
	if (check_unit(ctx, c->unit, err) < 0)
		return APP_RECORD_BAD_INPUT;
	project_rec p;
	app_record_rc rc = open_for_change(ctx, number, &p, err);
	if (rc != APP_RECORD_SAVED)
		return rc;
	project_rec_clear(&p);
	store_err se = { 0 };
	return app_record_stored(project_store_item_set(app_db(ctx), app_actor(ctx)->login,
	                                                number, seq, c, &se), &se, err);
}

app_record_rc app_project_item_appeal(app_ctx *ctx, const char *number, int seq,
                                      ticket_kind kind, char appeal[TICKET_NUMBER_SIZE],
                                      strbuf *err)
{
	project_rec p;
	app_record_rc rc = open_for_change(ctx, number, &p, err);
	if (rc != APP_RECORD_SAVED)
		return rc;
	const project_rules *r = app_project_rules(ctx);
	const project_item *it = NULL;
	for (int i = 0; i < p.nitems && !it; i++)
		if (p.items[i].seq == seq)
			it = &p.items[i];
	rc = APP_RECORD_BAD_INPUT;
	if (!it) {
		sb_addf(err, _("project %s has no item %d"), number, seq);
		goto out;
	}
	/* the rule first, so that what is wrong with the item is said before who may */
	store_err se = { 0 };
	project_verdict v = project_appeal_check(it->state, it->appeal_id);
	if (v != PROJ_OK) {
		char item[16];
		snprintf(item, sizeof item, "%d", seq);
		store_err_set(&se, STORE_E_PROJECT_REFUSED);
		store_err_name(&se, 0, number);
		store_err_name(&se, 1, "item");
		store_err_name(&se, 2, item);
		store_err_name(&se, 3, it->appeal);
		store_err_num(&se, 0, v);
		store_err_num(&se, 1, it->state);
		store_err_num(&se, 2, it->state);
		app_store_text(&se, err);
		rc = APP_RECORD_REFUSED;
		goto out;
	}
	if (!p.enterprise_id) {
		sb_addf(err, _("the investor %s is not in the register yet: an appeal is an "
		               "enterprise's; register it (qifu enterprise add), then name it with "
		               "qifu project edit %s --enterprise USCC"), p.investor, number);
		goto out;
	}
	/* 项目名：事项受阻——why, one line cut to an appeal title */
	strbuf title = STRBUF_INIT;
	sb_addf(&title, _("%s: %s stuck — %s"), p.name, project_kind_name(r, it->kind), it->note);
	char *t = appeal_title_of(sb_str(&title), APPEAL_MOVE_TITLE_MAX);
	sb_free(&title);
	strbuf desc = STRBUF_INIT;
	char target[11];
	sb_addf(&desc, _("Project %s, item %d (%s), responsible unit %s, target %s: %s"),
	        number, seq, project_kind_name(r, it->kind), it->unit,
	        date_format(it->target, target), it->note);
	appeal_new a = { .uscc = p.uscc, .title = t, .description = sb_str(&desc), .kind = kind,
	                 .channel = APPEAL_CH_VISIT, .first_unit = r->lead,
	                 .state = TICKET_ST_NEW, .project = number, .project_item = seq };
	ticket_timers after;
	switch (appeal_move_register(ctx, &a, appeal, &after, err)) {
	case APPEAL_MOVE_DONE: rc = APP_RECORD_SAVED; break;
	case APPEAL_MOVE_REFUSED: rc = APP_RECORD_REFUSED; break;
	case APPEAL_MOVE_BAD_INPUT: rc = APP_RECORD_BAD_INPUT; break;
	case APPEAL_MOVE_ERROR: rc = APP_RECORD_FAILED; break;
	}
	free(t);
	sb_free(&desc);
out:
	project_rec_clear(&p);
	return rc;
}

void app_project_summary(app_ctx *ctx, const project_rec *p, project_summary *out)
{
	project_summarize(p, ctx->today, app_calendar(ctx), app_ticket_params(ctx).yellow_days,
	                  out);
}

void project_rows_free(project_row **rows, int n)
{
	for (int i = 0; *rows && i < n; i++)
		project_rec_clear(&(*rows)[i].rec);
	free(*rows);
	*rows = NULL;
}

static int row_cmp(const void *a, const void *b)
{
	const project_row *x = a, *y = b;
	return project_summary_cmp(&x->sum, x->rec.number, &y->sum, y->rec.number);
}

int app_project_list(app_ctx *ctx, const project_filter *f, int light, project_row **rows,
                     int *n, strbuf *err)
{
	*rows = NULL;
	*n = 0;
	project_filter scoped = f ? *f : (project_filter){ .stage = -1 };
	const char *scope = app_scope_area(ctx);
	if (scope) {
		/* an officer asking for another area sees nothing of it */
		if (scoped.area && strcmp(scoped.area, scope) != 0)
			return 0;
		scoped.area = scope;
	}
	project_rec *v = NULL;
	int nv = 0;
	store_err se = { 0 };
	if (project_store_list(app_db(ctx), &scoped, &v, &nv, &se) < 0) {
		for (int i = 0; i < nv; i++)
			project_rec_clear(&v[i]);
		free(v);
		app_store_text(&se, err);
		return -1;
	}
	*rows = xcalloc((size_t)nv + 1, sizeof **rows);
	for (int i = 0; i < nv; i++) {
		project_row *r = &(*rows)[*n];
		r->rec = v[i];
		app_project_summary(ctx, &v[i], &r->sum);
		if (light < 0 || (int)r->sum.light == light)
			(*n)++;
		else
			project_rec_clear(&r->rec);
	}
	free(v);
	qsort(*rows, (size_t)*n, sizeof **rows, row_cmp);
	return 0;
}

/* a light as the form asks: its code or its words; "" for none */
static void light_cell(ticket_light_t l, app_cell_form form, strbuf *out)
{
	if (l == TICKET_LIGHT_NONE)
		return;
	sb_add(out, form == CELL_WORDS ? _(ticket_light_label(l)) : ticket_light_code(l));
}

static void date_cell(qdate d, strbuf *out)
{
	char buf[11];
	if (d != DATE_NONE)
		sb_add(out, date_format(d, buf));
}

/* a span in days; "" when the stage is not reached */
static void span_cell(int days, strbuf *out)
{
	if (days >= 0)
		sb_addf(out, "%d", days);
}

void app_project_cell(const project_row *r, int col, app_cell_form form, strbuf *out)
{
	const project_rec *p = &r->rec;
	const project_summary *s = &r->sum;
	switch ((app_project_col)col) {
	case PROJECT_COL_NUMBER: sb_add(out, p->number); break;
	case PROJECT_COL_NAME: sb_add(out, p->name); break;
	case PROJECT_COL_INVESTOR:
		sb_add(out, p->investor);
		if (!p->enterprise_id && form == CELL_WORDS)
			sb_add(out, _(" (to be registered)"));
		break;
	case PROJECT_COL_STAGE:
		sb_add(out, form == CELL_WORDS ? _(project_stage_label(p->stage))
		                               : project_stage_code(p->stage));
		break;
	case PROJECT_COL_LIGHT: light_cell(s->light, form, out); break;
	case PROJECT_COL_DUE: app_light_text(s->light, s->workdays, out); break;
	case PROJECT_COL_ITEMS: sb_addf(out, "%d", p->nitems); break;
	case PROJECT_COL_DONE:
		if (form == CELL_WORDS)
			sb_addf(out, "%d/%d", s->done, p->nitems);
		else
			sb_addf(out, "%d", s->done);
		break;
	case PROJECT_COL_STUCK: sb_addf(out, "%d", s->stuck); break;
	case PROJECT_COL_ON_TIME: sb_addf(out, "%d", s->on_time); break;
	case PROJECT_COL_AREA: sb_add(out, p->area); break;
	case PROJECT_COL_INVESTMENT:
		if (form == CELL_WORDS) {
			char *w = fin_amount_for_people(p->investment_fen);
			sb_add(out, w);
			free(w);
		} else {
			char yuan[32];
			sb_add(out, fin_amount_yuan(p->investment_fen, yuan));
		}
		break;
	case PROJECT_COL_SIGNED: date_cell(p->on[PROJ_SIGNED], out); break;
	case PROJECT_COL_STARTED: date_cell(p->on[PROJ_STARTED], out); break;
	case PROJECT_COL_PRODUCING: date_cell(p->on[PROJ_PRODUCING], out); break;
	case PROJECT_COL_DAYS_TO_START: span_cell(s->to_started.days, out); break;
	case PROJECT_COL_WORKDAYS_TO_START: span_cell(s->to_started.workdays, out); break;
	case PROJECT_COL_DAYS_TO_PRODUCE: span_cell(s->to_producing.days, out); break;
	case PROJECT_COL_WORKDAYS_TO_PRODUCE: span_cell(s->to_producing.workdays, out); break;
	case PROJECT_COL_INTRODUCER: sb_add(out, p->introducer); break;
	case PROJECT_COL_SITE: sb_add(out, p->site); break;
	case PROJECT_COL_USCC: sb_add(out, p->uscc); break;
	case PROJECT_COL__COUNT: break;
	}
}

static ticket_light_t item_light(app_ctx *ctx, const project_item *it, int *workdays)
{
	return project_item_light(it->state, it->target, ctx->today, app_calendar(ctx),
	                          app_ticket_params(ctx).yellow_days, workdays);
}

ticket_light_t app_item_light(app_ctx *ctx, const project_item *it)
{
	int n = 0;
	return item_light(ctx, it, &n);
}

void app_item_cell(app_ctx *ctx, const project_item *it, int col, app_cell_form form,
                   strbuf *out)
{
	const project_rules *r = app_project_rules(ctx);
	const project_kind *k = project_kind_find(r, it->kind);
	int n = 0;
	ticket_light_t l = item_light(ctx, it, &n);
	switch ((app_item_col)col) {
	case ITEM_COL_SEQ: sb_addf(out, "%d", it->seq); break;
	case ITEM_COL_KIND: sb_add(out, form == CELL_WORDS && k ? k->name : it->kind); break;
	case ITEM_COL_GROUP:
		if (k)
			sb_add(out, form == CELL_WORDS ? _(project_group_label(k->group))
			                               : project_group_code(k->group));
		break;
	case ITEM_COL_UNIT: sb_add(out, it->unit); break;
	case ITEM_COL_TARGET: date_cell(it->target, out); break;
	case ITEM_COL_STATE:
		sb_add(out, form == CELL_WORDS ? _(project_item_state_label(it->state))
		                               : project_item_state_code(it->state));
		break;
	case ITEM_COL_LIGHT: light_cell(l, form, out); break;
	case ITEM_COL_DUE: app_light_text(l, n, out); break;
	case ITEM_COL_DONE_ON: date_cell(it->done_on, out); break;
	case ITEM_COL_APPEAL: sb_add(out, it->appeal ? it->appeal : ""); break;
	case ITEM_COL_NOTE: sb_add(out, it->note ? it->note : ""); break;
	case ITEM_COL__COUNT: break;
	}
}

void app_project_span_text(project_span sp, strbuf *out)
{
	if (sp.days < 0)
		sb_add(out, _("not yet"));
	else
		sb_addf(out, _("%d days (%d working days)"), sp.days, sp.workdays);
}
