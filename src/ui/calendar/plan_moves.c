/* A plan in the Calendar and what can be done with it: its detail (the fields `qifu
 * inspect show` gives, the code, notes such as the advice of its registration), the
 * menu of the moves open to the person at the keyboard (approve, record the outcome,
 * evaluate for the enterprise, cancel after [y/N]) with a form for each that needs one,
 * and the form of an entry an enterprise refused. Every move goes through
 * app/inspection_move.h, the path `qifu inspect` takes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/inspection.h"
#include "app/inspection_move.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "ui/calendar/inspection_view.h"
#include "ui/calendar/private.h"
#include "ui/prompt.h"

/* characters people may type, as the command line takes them */
enum { TEXT_MAX = 2000, ITEM_MAX = 200, NAMES_MAX = 200 };

/* the menu's moves, in the order a plan lives them, with their labels */
static const struct {
	inspection_plan_move move;
	const char *label;
} menu_moves[] = {
	{ INSPECTION_MOVE_APPROVE, N_("Approve (issues the plan code)") },
	{ INSPECTION_MOVE_DONE, N_("Record the outcome") },
	{ INSPECTION_MOVE_EVALUATE, N_("Evaluate for the enterprise") },
	{ INSPECTION_MOVE_CANCEL, N_("Cancel the plan") },
};

bool calendar_read_plan(cal_pane *p, int64_t id)
{
	store_err err = { 0 };
	if (p->have_plan)
		inspection_record_clear(&p->plan);
	int found = shell_store_rc(p->sh, inspection_store_get(app_db(calendar_ctx(p)), id, NULL,
	                                                       &p->plan, &err), &err);
	/* a plan the member does not see is as good as absent (app_inspection_visible) */
	if (found == 0 && !app_inspection_visible(calendar_ctx(p), &p->plan)) {
		inspection_record_clear(&p->plan);
		found = 1;
	}
	p->have_plan = found == 0;
	if (found == 1)
		shell_error(p->sh, _("no inspection %lld"), (long long)id);
	return p->have_plan;
}

void calendar_show_plan(cal_pane *p, int64_t id, const char *const *notes, int nnotes)
{
	if (!calendar_read_plan(p, id))
		return;
	char print[16];
	inspview_plan(p->view, calendar_ctx(p), &p->plan, p->reasons,
	              shell_key_name(p->sh, ACT_EXPORT, print));
	if (nnotes > 0)
		detail_section(p->view, _("Advice"));
	for (int i = 0; i < nnotes; i++)
		detail_item(p->view, notes[i]);
	p->mode = MODE_DETAIL;
}

void calendar_forms_drop(cal_pane *p)
{
	form_free(&p->form);
	xfree(&p->pending);
}

/* back where the form was opened, with the data read again and, when that was the
 * detail, the plan shown as it is now */
static void go_back(cal_pane *p)
{
	int64_t id = p->have_plan ? p->plan.id : 0;
	calendar_forms_drop(p);
	calendar_refresh(p);
	p->mode = p->back;
	if (p->back == MODE_DETAIL && id)
		calendar_show_plan(p, id, NULL, 0);
}

void calendar_open_form(cal_pane *p, const char *title, cal_purpose purpose)
{
	form_free(&p->form);
	p->form = form_new(p->sh, title);
	p->purpose = purpose;
	memset(p->fld, -1, sizeof p->fld);
	if (p->mode != MODE_FORM)
		p->back = p->mode;
	p->mode = MODE_FORM;
}

/* "检查 12（高新市场监管局，2026-12-24）", the plan as a title or a question names it */
static char *plan_name(const inspection_record *r)
{
	char day[11];
	return xasprintf(_("inspection %lld (%s, %s)"), (long long)r->id, r->unit,
	                 date_format(r->date, day));
}

void calendar_moves_menu(cal_pane *p)
{
	if (!p->have_plan)
		return;
	form_option o[sizeof menu_moves / sizeof menu_moves[0]];
	char codes[sizeof menu_moves / sizeof menu_moves[0]][4];
	int n = 0;
	for (size_t i = 0; i < sizeof menu_moves / sizeof menu_moves[0]; i++)
		if (app_inspection_may(calendar_ctx(p), p->reasons, &p->plan, menu_moves[i].move, NULL)) {
			snprintf(codes[n], sizeof codes[n], "%d", (int)menu_moves[i].move);
			o[n] = (form_option){ codes[n], _(menu_moves[i].label) };
			n++;
		}
	char *name = plan_name(&p->plan);
	if (n == 0) {
		shell_error(p->sh, _("%s: no move is open to you on this plan now"), name);
		xfree(&name);
		return;
	}
	char *title = xasprintf(_("Move %s"), name);
	calendar_open_form(p, title, CP_MENU);
	form_set_menu(p->form, form_add_choice(p->form, _("Move"), o, n, NULL, true));
	xfree(&title);
	xfree(&name);
}

/* the plan's enterprises as the options of a choice, by USCC */
static int ent_options(const inspection_record *r, form_option **o)
{
	*o = xcalloc((size_t)(r->nents ? r->nents : 1), sizeof **o);
	for (int i = 0; i < r->nents; i++)
		(*o)[i] = (form_option){ r->ents[i].uscc, r->ents[i].name };
	return r->nents;
}

static void done_form(cal_pane *p, const char *title)
{
	calendar_open_form(p, title, CP_DONE);
	form_option outcomes[INSPECTION_OUTCOME__COUNT];
	for (int i = 0; i < INSPECTION_OUTCOME__COUNT; i++)
		outcomes[i] = (form_option){ inspection_plan_outcome_code((inspection_plan_outcome)i),
			_(inspection_plan_outcome_label((inspection_plan_outcome)i)) };
	p->fld[0] = form_add_lines(p->form, _("Findings"), NULL, TEXT_MAX, 3, true);
	p->fld[1] = form_add_choice(p->form, _("Outcome"), outcomes, INSPECTION_OUTCOME__COUNT, NULL,
	                            true);
	p->fld[2] = form_add_text(p->form, _("Violated item (a violation only)"), NULL, ITEM_MAX,
	                          false);
	/* which enterprise violated, when the plan covers several */
	if (p->plan.nents > 1) {
		form_option *o;
		int n = ent_options(&p->plan, &o);
		p->fld[3] = form_add_choice(p->form, _("Violating enterprise"), o, n, NULL, false);
		xfree(&o);
	}
}

static void evaluate_form(cal_pane *p, const char *title)
{
	static const char *const scores[] = { "5", "4", "3", "2", "1" };
	static const char *const score_labels[] = { N_("5 very satisfied"), N_("4 satisfied"),
		N_("3 so-so"), N_("2 dissatisfied"), N_("1 very dissatisfied") };
	calendar_open_form(p, title, CP_EVALUATE);
	form_option *o;
	int n = ent_options(&p->plan, &o);
	p->fld[0] = form_add_choice(p->form, _("Enterprise"), o, n, NULL, true);
	xfree(&o);
	form_option s[5];
	for (int i = 0; i < 5; i++)
		s[i] = (form_option){ scores[i], _(score_labels[i]) };
	p->fld[1] = form_add_choice(p->form, _("Score"), s, 5, NULL, true);
	p->fld[2] = form_add_lines(p->form, _("Comment"), NULL, TEXT_MAX, 2, false);
}

/* what a successful move says on the status line, the plan shown as it is now; a
 * note longer than the status line takes (首违不罚's word) opens the plan's detail */
static void moved(cal_pane *p, const char *msg, const char *note)
{
	shell_message(p->sh, "%s", msg);
	if (note && *note && p->have_plan) {
		int64_t id = p->plan.id;
		calendar_forms_drop(p);
		calendar_refresh(p);
		calendar_show_plan(p, id, &note, 1);
		/* the note is the last thing in the detail: show it */
		detail_handle(p->view, ACT_LAST);
		return;
	}
	go_back(p);
}

/* after a move the app refused: under the form when it is about what was typed, else
 * on the status line with the plan shown as it is now (someone may have moved it) */
static void refused(cal_pane *p, app_status st, int field, const strbuf *err)
{
	if (st == APP_BAD && field >= -1 && p->form) {
		form_set_error(p->form, field, sb_str(err));
		return;
	}
	shell_error(p->sh, "%s", sb_str(err));
	go_back(p);
}

static void approve(cal_pane *p)
{
	char code[INSPECTION_CODE_LEN + 1];
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_approve(calendar_ctx(p), p->reasons, &p->plan, code, &err);
	if (st == APP_OK) {
		sb_reset(&err);
		sb_addf(&err, _("approved inspection %lld: plan code %s"), (long long)p->plan.id, code);
		moved(p, sb_str(&err), NULL);
	} else {
		refused(p, APP_NO, -2, &err);
	}
	sb_free(&err);
}

/* a move chosen in the menu: its form, or at once when it needs none */
static void start_move(cal_pane *p, inspection_plan_move m)
{
	char *name = plan_name(&p->plan);
	char *title = NULL;
	calendar_forms_drop(p);
	p->mode = p->back;
	switch (m) {
	case INSPECTION_MOVE_APPROVE:
		approve(p);
		break;
	case INSPECTION_MOVE_DONE:
		title = xasprintf(_("Record the outcome of %s"), name);
		done_form(p, title);
		break;
	case INSPECTION_MOVE_EVALUATE:
		title = xasprintf(_("The enterprise's evaluation of %s"), name);
		evaluate_form(p, title);
		break;
	case INSPECTION_MOVE_CANCEL:
		title = xasprintf(_("Cancel %s"), name);
		calendar_open_form(p, title, CP_CANCEL);
		p->fld[0] = form_add_lines(p->form, _("Reason for cancelling"), NULL, TEXT_MAX, 2, true);
		break;
	case INSPECTION_MOVE__COUNT:
		break;
	}
	xfree(&title);
	xfree(&name);
}

static void save_done(cal_pane *p)
{
	form *f = p->form;
	inspection_plan_outcome outcome = INSPECTION_OUTCOME_NONE;
	inspection_plan_outcome_parse(form_choice(f, p->fld[1]), &outcome);
	char *findings = form_text(f, p->fld[0]), *item = form_text(f, p->fld[2]);
	bool violation = inspection_plan_outcome_is_violation(outcome);
	inspection_done_in in = { .findings = findings, .outcome = outcome,
		/* an item typed for no violation is named, so the rule can say so */
		.item = violation || *item ? item : NULL,
		.enterprise = violation && p->fld[3] >= 0 ? form_choice(f, p->fld[3]) : NULL };
	inspection_done_out out;
	inspection_field field = INSPECTION_FIELD_NONE;
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_done(calendar_ctx(p), p->reasons, &p->plan, &in, &out, &field,
	                                    &err);
	if (st == APP_OK) {
		sb_reset(&err);
		sb_addf(&err, _("recorded inspection %lld as done: %s"), (long long)p->plan.id,
		        _(inspection_plan_outcome_label(outcome)));
		strbuf fv = STRBUF_INIT;
		app_inspection_fv_text(&out, &fv);
		moved(p, sb_str(&err), sb_str(&fv));
		sb_free(&fv);
	} else {
		int at = field == INSPECTION_FIELD_FINDINGS ? p->fld[0]
			: field == INSPECTION_FIELD_ITEM ? p->fld[2]
			: field == INSPECTION_FIELD_ENTERPRISE ? p->fld[3] : -1;
		/* a claimed first violation that is not one stays in the form to be corrected */
		refused(p, out.res.fv == INSPECTION_FV_NOT_FIRST ? APP_BAD : st, at, &err);
	}
	inspection_done_out_clear(&out);
	xfree(&findings);
	xfree(&item);
	sb_free(&err);
}

static void save_evaluation(cal_pane *p)
{
	form *f = p->form;
	char *comment = form_text(f, p->fld[2]);
	const inspection_ent *who = NULL;
	inspection_field field = INSPECTION_FIELD_NONE;
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_evaluate(calendar_ctx(p), p->reasons, &p->plan,
	                                        form_choice(f, p->fld[0]),
	                                        atoi(form_choice(f, p->fld[1])), comment, &who, &field,
	                                        &err);
	if (st == APP_OK) {
		sb_reset(&err);
		sb_addf(&err, _("recorded the evaluation of inspection %lld by %s"), (long long)p->plan.id,
		        who->name);
		moved(p, sb_str(&err), NULL);
	} else {
		refused(p, st, field == INSPECTION_FIELD_ENTERPRISE ? p->fld[0] : -1, &err);
	}
	xfree(&comment);
	sb_free(&err);
}

/* the reason typed, then [y/N]: cancelling cannot be undone */
static void ask_cancel(cal_pane *p)
{
	char *why = form_text(p->form, p->fld[0]);
	if (!*why) {
		form_set_error(p->form, p->fld[0], _("this field is required"));
		xfree(&why);
		return;
	}
	form_free(&p->form);
	xfree(&p->pending);
	p->pending = why;
	p->mode = MODE_CONFIRM;
}

const char *calendar_confirm_question(cal_pane *p)
{
	char *name = plan_name(&p->plan);
	xfree(&p->hint);
	p->hint = xasprintf(_("Cancel %s? It cannot be undone. [y/N]"), name);
	xfree(&name);
	return p->hint;
}

unsigned calendar_confirm_key(cal_pane *p, const pane_event *ev)
{
	if (ev->act == ACT_HELP)
		return REACT_UNHANDLED;
	if (!prompt_yes(ev->key)) {
		shell_message(p->sh, "%s", _("Nothing changed"));
		xfree(&p->pending);
		p->mode = p->back;
		return REACT_RECALC;
	}
	inspection_field field;
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_cancel(calendar_ctx(p), p->reasons, &p->plan, p->pending, &field,
	                                      &err);
	if (st == APP_OK) {
		sb_reset(&err);
		sb_addf(&err, _("cancelled inspection %lld"), (long long)p->plan.id);
		moved(p, sb_str(&err), NULL);
	} else {
		refused(p, APP_NO, -2, &err);
	}
	sb_free(&err);
	return REACT_RECALC;
}

void calendar_refusal_form(cal_pane *p)
{
	app_ctx *ctx = calendar_ctx(p);
	const unit_table *units = app_units(ctx);
	calendar_open_form(p, _("An entry refused for want of a registered plan (未报备入企被拒)"), CP_REFUSAL);
	form_option *o = xcalloc((size_t)units->n + 1, sizeof *o);
	for (int i = 0; i < units->n; i++)
		o[i] = (form_option){ units->v[i].name, units->v[i].name };
	p->fld[0] = form_add_choice(p->form, _("Unit that came"), o, units->n, NULL, true);
	xfree(&o);
	p->fld[1] = form_add_enterprise(p->form, _("Enterprise"), app_db(ctx), app_scope_area(ctx), 0,
	                                NULL, true);
	/* it happened already: the selected day, or today when that lies ahead */
	p->fld[2] = form_add_date(p->form, _("Date"), p->sel <= ctx->today ? p->sel : ctx->today, true);
	p->fld[3] = form_add_text(p->form, _("People who came"), NULL, NAMES_MAX, true);
	p->fld[4] = form_add_text(p->form, _("Note"), NULL, TEXT_MAX, false);
	form_focus(p->form, p->fld[0]);
}

static void keep_warning(void *arg, bool error, const char *msg)
{
	strbuf *b = arg;
	sb_addf(b, _("; %s"), msg);
	(void)error;
}

static void save_refusal(cal_pane *p)
{
	app_ctx *ctx = calendar_ctx(p);
	form *f = p->form;
	ent_record e = { 0 };
	strbuf err = STRBUF_INIT, warn = STRBUF_INIT;
	char *people = form_text(f, p->fld[3]), *note = form_text(f, p->fld[4]);
	store_err se = { 0 };
	if (app_store_rc(ent_store_get(app_db(ctx), NULL, form_enterprise(f, p->fld[1]), &e, &se), &se,
	                 &err) != 0) {
		form_set_error(f, p->fld[1], err.len ? sb_str(&err) : _("no such enterprise"));
		goto out;
	}
	char uscc[32];
	snprintf(uscc, sizeof uscc, "%s", e.uscc);
	inspection_refusal_in in = { .unit = form_choice(f, p->fld[0]), .enterprise = uscc,
		.date = form_date(f, p->fld[2]), .people = people, .note = note };
	ent_record_clear(&e);
	int64_t id;
	inspection_field field = INSPECTION_FIELD_NONE;
	app_status st = app_inspection_refuse(ctx, &in, &id, &e, keep_warning, &warn, &field, &err);
	if (st == APP_OK) {
		char day[11];
		sb_reset(&err);
		sb_addf(&err, _("recorded refused entry %lld: %s at %s on %s"), (long long)id, in.unit,
		        e.name, date_format(in.date, day));
		sb_add(&err, sb_str(&warn));
		moved(p, sb_str(&err), NULL);
	} else {
		refused(p, st, field == INSPECTION_FIELD_DATE ? p->fld[2]
		        : field == INSPECTION_FIELD_PEOPLE ? p->fld[3]
		        : field == INSPECTION_FIELD_ENTERPRISE ? p->fld[1] : -1, &err);
	}
out:
	xfree(&people);
	xfree(&note);
	ent_record_clear(&e);
	sb_free(&err);
	sb_free(&warn);
}

unsigned calendar_form_key(cal_pane *p, const pane_event *ev)
{
	switch (form_key(p->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		calendar_forms_drop(p);
		p->mode = p->back;
		return REACT_RECALC;
	case FORM_PRESSED:
		if (form_button(p->form) != 0) {
			calendar_forms_drop(p);
			p->mode = p->back;
			return REACT_RECALC;
		}
		switch (p->purpose) {
		case CP_MENU:
			start_move(p, (inspection_plan_move)atoi(form_choice(p->form, 0)));
			break;
		case CP_DONE:
			save_done(p);
			break;
		case CP_EVALUATE:
			save_evaluation(p);
			break;
		case CP_CANCEL:
			ask_cancel(p);
			break;
		case CP_REFUSAL:
			save_refusal(p);
			break;
		case CP_NOTICE:
			calendar_notice_save(p);
			break;
		}
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}
