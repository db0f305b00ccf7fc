/* The Projects tab's forms, each saved by the use case `qifu project` calls
 * (src/app/project.c, which checks PERM_PROJECT_EDIT and every rule): add a project
 * (F2 on the list), add an item (F2 on the card), move the stage (m), move an item to
 * done, stuck or open with a note, a stuck one turned into an appeal of the lead unit
 * in the same step (E on the card), and the ledger export (F7). A refusal stays on the
 * status line with the form still open, so nothing typed is lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/financing.h"
#include "store/enterprise_store.h"
#include "ui/projects/private.h"

enum { NAME_MAX_CHARS = 100, NOTE_MAX_CHARS = 500, PATH_MAX_CHARS = 400 };

static void start_form(proj_pane *p, form *f, proj_purpose purpose)
{
	form_free(&p->form);
	p->form = f;
	p->purpose = purpose;
	p->mode = PMODE_FORM;
}

static void close_form(proj_pane *p)
{
	form_free(&p->form);
	p->mode = p->back == PMODE_CARD && p->have_card ? PMODE_CARD : PMODE_LIST;
}

/* after a save: the card (when open) and the list read again */
static void saved(proj_pane *p, const char *number)
{
	close_form(p);
	if (p->mode == PMODE_CARD && !projects_load_card(p, number))
		p->mode = PMODE_LIST;
	projects_reload(p, number);
}

void projects_form_add(proj_pane *p)
{
	app_ctx *ctx = shell_ctx(p->sh);
	form *f = form_new(p->sh, _("New pre-investment project"));
	p->f_name = form_add_text(f, _("Project name"), NULL, NAME_MAX_CHARS, true);
	p->f_ent = form_add_enterprise(f, _("Investor (registered)"), app_db(ctx),
	                               app_scope_area(ctx), 0, NULL, false);
	p->f_investor = form_add_text(f, _("Or to be registered"), NULL, NAME_MAX_CHARS,
	                              false);
	p->f_introducer = form_add_text(f, _("Introducing unit"), NULL, NAME_MAX_CHARS, false);
	p->f_investment = form_add_text(f, _("Investment (yuan)"), NULL, 20, false);
	p->f_site = form_add_text(f, _("Site"), NULL, NAME_MAX_CHARS, false);
	p->f_area = form_add_text(f, _("Town or sub-district"), app_scope_area(ctx), NAME_MAX_CHARS,
	                          false);
	p->f_signed = form_add_date(f, _("Signed on"), ctx->today, true);
	start_form(p, f, PP_ADD);
}

static void save_add(proj_pane *p)
{
	app_ctx *ctx = shell_ctx(p->sh);
	form *f = p->form;
	project_form pf = { .investment_fen = -1 };
	strbuf err = STRBUF_INIT;
	char *amount = form_text(f, p->f_investment);
	if (*amount && fin_amount_parse(amount, &pf.investment_fen, &err) < 0) {
		form_set_error(f, p->f_investment, sb_str(&err));
		goto out;
	}
	int64_t id = form_enterprise(f, p->f_ent);
	if (id > 0) {
		ent_record e = { 0 };
		store_err se = { 0 };
		if (ent_store_get(app_db(ctx), NULL, id, &e, &se) != 0) {
			app_store_text(&se, &err);
			form_set_error(f, p->f_ent, sb_str(&err));
			goto out;
		}
		pf.enterprise = xstrdup(e.uscc);
		ent_record_clear(&e);
	}
	pf.name = form_text(f, p->f_name);
	pf.investor = form_text(f, p->f_investor);
	pf.introducer = form_text(f, p->f_introducer);
	pf.site = form_text(f, p->f_site);
	pf.area = form_text(f, p->f_area);
	pf.signed_on = form_date(f, p->f_signed);
	char number[PROJECT_NUMBER_SIZE];
	if (app_project_add(ctx, &pf, number, &err) != APP_RECORD_SAVED) {
		shell_error(p->sh, "%s", sb_str(&err));
		goto out;
	}
	shell_message(p->sh, _("Added project %s with %d checklist items"), number,
	              app_project_rules(ctx)->nkinds);
	p->back = PMODE_LIST;
	saved(p, number);
out:
	project_form_clear(&pf);
	free(amount);
	sb_free(&err);
}

/* the units a project's item may be given: the lead, then its members for its area */
static int unit_options(proj_pane *p, form_option *opts, const char **units, int max)
{
	const project_rules *r = app_project_rules(shell_ctx(p->sh));
	int n = project_units_of(r, p->card.rec.area, units, max);
	for (int i = 0; i < n; i++)
		opts[i] = (form_option){ units[i], units[i] };
	return n;
}

void projects_form_item_add(proj_pane *p)
{
	if (!p->have_card)
		return;
	const project_rules *r = app_project_rules(shell_ctx(p->sh));
	char *title = xasprintf(_("Add an item to project %s"), p->card.rec.number);
	form *f = form_new(p->sh, title);
	xfree(&title);
	form_option *kinds = xcalloc((size_t)(r->nkinds ? r->nkinds : 1), sizeof *kinds);
	for (int i = 0; i < r->nkinds; i++)
		kinds[i] = (form_option){ r->kinds[i].code, r->kinds[i].name };
	p->f_kind = form_add_choice(f, _("Item"), kinds, r->nkinds,
	                            r->nkinds ? r->kinds[0].code : "", true);
	xfree(&kinds);
	form_option opts[PROJECT_UNITS_MAX + 1];
	const char *units[PROJECT_UNITS_MAX];
	opts[0] = (form_option){ "", _("the item's own unit") };
	int n = unit_options(p, opts + 1, units, PROJECT_UNITS_MAX);
	p->f_unit = form_add_choice(f, _("Responsible unit"), opts, n + 1, "", false);
	p->f_target = form_add_date(f, _("Target date"), DATE_NONE,
	                            false);
	start_form(p, f, PP_ITEM_ADD);
}

static void save_item_add(proj_pane *p)
{
	form *f = p->form;
	const char *unit = form_choice(f, p->f_unit);
	strbuf err = STRBUF_INIT;
	int seq;
	char number[PROJECT_NUMBER_SIZE];
	snprintf(number, sizeof number, "%s", p->card.rec.number);
	if (app_project_item_add(shell_ctx(p->sh), number, form_choice(f, p->f_kind),
	                         *unit ? unit : NULL, form_date(f, p->f_target), &seq, &err)
	    != APP_RECORD_SAVED) {
		shell_error(p->sh, "%s", sb_str(&err));
	} else {
		shell_message(p->sh, _("Added item %d to project %s"), seq, number);
		saved(p, number);
	}
	sb_free(&err);
}

void projects_form_stage(proj_pane *p)
{
	if (!p->have_card)
		return;
	char *title = xasprintf(_("Move project %s to a stage"), p->card.rec.number);
	form *f = form_new(p->sh, title);
	xfree(&title);
	form_option opts[PROJ_STAGE__COUNT];
	for (int s = 0; s < PROJ_STAGE__COUNT; s++)
		opts[s] = (form_option){ project_stage_code((project_stage)s),
		                         _(project_stage_label((project_stage)s)) };
	project_stage next = p->card.rec.stage + 1 < PROJ_STAGE__COUNT
	                     ? (project_stage)(p->card.rec.stage + 1) : p->card.rec.stage;
	p->f_stage = form_add_choice(f, _("Stage"), opts, PROJ_STAGE__COUNT,
	                             project_stage_code(next), true);
	p->f_on = form_add_date(f, _("Reached on"), shell_ctx(p->sh)->today, true);
	start_form(p, f, PP_STAGE);
}

static void save_stage(proj_pane *p)
{
	form *f = p->form;
	project_stage to;
	if (!project_stage_parse(form_choice(f, p->f_stage), &to))
		return;
	strbuf err = STRBUF_INIT;
	char number[PROJECT_NUMBER_SIZE];
	snprintf(number, sizeof number, "%s", p->card.rec.number);
	if (app_project_move(shell_ctx(p->sh), number, to, form_date(f, p->f_on), &err)
	    != APP_RECORD_SAVED) {
		shell_error(p->sh, "%s", sb_str(&err));
	} else {
		shell_message(p->sh, _("Project %s moved to %s"), number, _(project_stage_label(to)));
		saved(p, number);
	}
	sb_free(&err);
}

void projects_form_item_move(proj_pane *p)
{
	if (!p->have_card)
		return;
	if (p->card.rec.nitems == 0) {
		shell_error(p->sh, "%s", _("The project has no items to move."));
		return;
	}
	app_ctx *ctx = shell_ctx(p->sh);
	char *title = xasprintf(_("Move an item of project %s"), p->card.rec.number);
	form *f = form_new(p->sh, title);
	xfree(&title);
	int n = p->card.rec.nitems;
	form_option *items = xcalloc((size_t)n, sizeof *items);
	char **vals = xcalloc((size_t)n, sizeof *vals), **labels = xcalloc((size_t)n, sizeof *labels);
	const char *first = NULL;
	for (int i = 0; i < n; i++) {
		const project_item *it = &p->card.rec.items[i];
		vals[i] = xasprintf("%d", it->seq);
		strbuf b = STRBUF_INIT;
		app_item_cell(ctx, it, ITEM_COL_STATE, CELL_WORDS, &b);
		labels[i] = xasprintf("%d %s (%s)", it->seq,
		                      project_kind_name(app_project_rules(ctx), it->kind), sb_str(&b));
		sb_free(&b);
		items[i] = (form_option){ vals[i], labels[i] };
		/* the first item still open is the likeliest to move */
		if (!first && it->state != PITEM_DONE)
			first = vals[i];
	}
	p->f_item = form_add_choice(f, _("Item"), items, n, first ? first : vals[0], true);
	for (int i = 0; i < n; i++) {
		xfree(&vals[i]);
		xfree(&labels[i]);
	}
	xfree(&vals);
	xfree(&labels);
	xfree(&items);
	form_option states[PITEM_STUCK + 1];
	for (int s = 0; s <= PITEM_STUCK; s++)
		states[s] = (form_option){ project_item_state_code((project_item_state)s),
		                           _(project_item_state_label((project_item_state)s)) };
	p->f_state = form_add_choice(f, _("New state"), states, PITEM_STUCK + 1,
	                             project_item_state_code(PITEM_DONE), true);
	p->f_on = form_add_date(f, _("Done on"), ctx->today, false);
	p->f_note = form_add_lines(f, _("Note"), NULL,
	                           NOTE_MAX_CHARS, 2, false);
	p->f_appeal = form_add_yesno(f, _("Appeal now"), false);
	start_form(p, f, PP_ITEM_MOVE);
}

static void save_item_move(proj_pane *p)
{
	form *f = p->form;
	app_ctx *ctx = shell_ctx(p->sh);
	int seq = atoi(form_choice(f, p->f_item));
	project_item_state st;
	if (!project_item_state_parse(form_choice(f, p->f_state), &st))
		return;
	bool appeal = form_yes(f, p->f_appeal);
	if (appeal && st != PITEM_STUCK) {
		form_set_error(f, p->f_appeal, _("Only a stuck item becomes an appeal."));
		return;
	}
	char *note = form_text(f, p->f_note);
	if (!*note)
		xfree(&note);
	strbuf err = STRBUF_INIT;
	char number[PROJECT_NUMBER_SIZE];
	snprintf(number, sizeof number, "%s", p->card.rec.number);
	project_item_change ch = { .state = (int)st, .target = DATE_NONE,
	                           .on = st == PITEM_DONE ? form_date(f, p->f_on) : DATE_NONE };
	if (app_project_item_set(ctx, number, seq, &ch, &note, &err) != APP_RECORD_SAVED) {
		shell_error(p->sh, "%s", sb_str(&err));
		goto out;
	}
	if (appeal) {
		char num[TICKET_NUMBER_SIZE];
		if (app_project_item_appeal(ctx, number, seq, TICKET_KIND_GENERAL, num, &err)
		    != APP_RECORD_SAVED) {
			/* the state is saved: the card shows it, the appeal can be tried again */
			shell_error(p->sh, _("Item %d is stuck, but no appeal was registered: %s"), seq,
			            sb_str(&err));
		} else {
			shell_message(p->sh, _("Item %d of project %s became appeal %s (first "
			                       "responsible: %s)"), seq, number, num,
			              app_project_rules(ctx)->lead);
		}
	} else {
		shell_message(p->sh, _("Item %d of project %s is now %s"), seq, number,
		              _(project_item_state_label(st)));
	}
	saved(p, number);
out:
	free(note);
	sb_free(&err);
}

unsigned projects_form_key(proj_pane *p, const pane_event *ev)
{
	switch (form_key(p->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		close_form(p);
		return REACT_RECALC;
	case FORM_PRESSED:
		if (form_button(p->form) != 0) {
			close_form(p);
			return REACT_RECALC;
		}
		switch (p->purpose) {
		case PP_ADD: save_add(p); break;
		case PP_ITEM_ADD: save_item_add(p); break;
		case PP_STAGE: save_stage(p); break;
		case PP_ITEM_MOVE: save_item_move(p); break;
		}
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

static void export_done(void *arg, const char *text)
{
	proj_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Export cancelled"));
		return;
	}
	project_filter f = { .stage = -1 };
	strbuf err = STRBUF_INIT;
	int rows = 0;
	if (app_project_ledger(shell_ctx(p->sh), &f, -1, text, &rows, &err) < 0)
		shell_error(p->sh, _("%s; nothing written to %s"), sb_str(&err), text);
	else
		shell_message(p->sh, P_("Project ledger: %d project -> %s",
		                        "Project ledger: %d projects -> %s", (unsigned long)rows),
		              rows, text);
	sb_free(&err);
	shell_dirty_pane(p->sh);
}

void projects_export(proj_pane *p)
{
	shell_prompt(p->sh, _("Write the project ledger (项目台账, xlsx) to: "),
	             _("project-ledger.xlsx"), export_done, p);
}
