/* The Escalation pane's forms: the board's filter (lead unit, leader), the ladder
 * moves (escalate, dispatch, outcome) checked and saved through store/esc_move.c as
 * the commands do, and the period or quarter of the report views. */
#include <stdio.h>

#include "app/app.h"
#include "app/appeal.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/annual.h"
#include "model/unit.h"
#include "app/ladder.h"
#include "store/staff_store.h"
#include "ui/escalation/private.h"

void escalation_close_form(esc_pane *p)
{
	form_free(&p->form);
	p->mode = p->back;
	if (p->mode == MODE_VIEW && p->have_rec)
		escalation_open_view(p, true);
}

void escalation_start_form(esc_pane *p, form *f, form_purpose purpose)
{
	form_free(&p->form);
	p->form = f;
	p->purpose = purpose;
	if (p->mode != MODE_FORM)
		p->back = p->mode;
	p->mode = MODE_FORM;
}

typedef struct optlist {
	form_option *v;
	char **own;
	int n;
} optlist;

static void opt_add(optlist *o, const char *value, const char *label)
{
	o->v = xrealloc(o->v, (size_t)(o->n + 1) * sizeof *o->v);
	o->own = xrealloc(o->own, (size_t)(o->n + 1) * 2 * sizeof *o->own);
	o->own[o->n * 2] = xstrdup(value);
	o->own[o->n * 2 + 1] = xstrdup(label);
	o->v[o->n] = (form_option){ o->own[o->n * 2], o->own[o->n * 2 + 1] };
	o->n++;
}

static void opt_free(optlist *o)
{
	for (int i = 0; i < o->n * 2; i++)
		xfree(&o->own[i]);
	xfree(&o->own);
	xfree(&o->v);
	o->n = 0;
}

static void add_leader(const staff *s, void *arg)
{
	if (s->role == ROLE_LEADER && s->level == ESC_LEVEL_LEADER)
		opt_add(arg, s->login, s->name);
}

void escalation_form_filter(esc_pane *p)
{
	const unit_table *units = app_units(shell_ctx(p->sh));
	form *f = form_new(p->sh, _("Filter the board"));
	optlist o = { 0 };
	opt_add(&o, "", _("all"));
	for (int i = 0; i < units->n; i++)
		if (units->v[i].kind == UNIT_DEPT || units->v[i].kind == UNIT_AREA)
			opt_add(&o, units->v[i].name, units->v[i].name);
	p->fld[0] = form_add_choice(f, _("Lead unit"), o.v, o.n, p->f_unit ? p->f_unit : "",
	                            false);
	opt_free(&o);
	opt_add(&o, "", _("all"));
	store_err err = { 0 };
	shell_store_rc(p->sh, staff_store_each(escalation_db(p), add_leader, &o, &err), &err);
	p->fld[1] = form_add_choice(f, _("Leader in charge (level 2)"), o.v, o.n,
	                            p->f_leader ? p->f_leader : "", false);
	opt_free(&o);
	const char *buttons[] = { _("Apply"), _("Clear all") };
	form_set_buttons(f, buttons, 2, -1);
	form_set_confirm(f, false);
	escalation_start_form(p, f, FP_FILTER);
}

static void apply_filter_form(esc_pane *p, bool clear)
{
	xfree(&p->f_unit);
	xfree(&p->f_leader);
	xfree(&p->f_leader_name);
	if (!clear) {
		const char *u = form_choice(p->form, p->fld[0]);
		const char *l = form_choice(p->form, p->fld[1]);
		if (*u)
			p->f_unit = xstrdup(u);
		if (*l) {
			p->f_leader = xstrdup(l);
			staff *st = NULL;
			store_err err = { 0 };
			if (staff_store_get(escalation_db(p), l, &st, &err) == 0) {
				p->f_leader_name = xstrdup(st->name);
				staff_free(&st);
			}
		}
	}
	escalation_close_form(p);
	escalation_reload(p);
	for (int i = 0; i < L__COUNT; i++)
		lv_handle(p->lists[i].lv, ACT_FIRST);
}

/* the ladder's view of the person at the keyboard, and the mover around it */
static esc_mover mover(esc_pane *p, const escalation_actor *who)
{
	app_ctx *ctx = shell_ctx(p->sh);
	esc_mover m = { app_db(ctx), app_actor(ctx)->login, who, app_calendar(ctx), ctx->today };
	return m;
}

/* open the form of a ladder move on the current appeal, when the rules allow it */
void escalation_form_move(esc_pane *p, escalation_action act)
{
	if (!escalation_current_rec(p))
		return;
	app_ctx *ctx = shell_ctx(p->sh);
	escalation_actor who = app_esc_actor(ctx);
	esc_mover m = mover(p, &who);
	escalation_verdict v;
	strbuf err = STRBUF_INIT;
	if (esc_move_check(&m, &p->rec, act, &v, &err) != ESC_MOVE_DONE) {
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_free(&err);
	char *title;
	form *f;
	switch (act) {
	case ESC_ACT_ESCALATE:
		title = xasprintf(_("Escalate %s from %s to %s"), p->rec.number,
		                  _(escalation_level_short(v.level)), _(escalation_level_short(v.next)));
		f = form_new(p->sh, title);
		p->fld[0] = form_add_lines(f, _("Reason"), "", ESC_TEXT_MAX, 4, true);
		escalation_start_form(p, f, FP_ESCALATE);
		break;
	case ESC_ACT_SCHEDULE: {
		title = xasprintf(_("Dispatch on %s at %s"), p->rec.number,
		                  _(escalation_level_short(p->rec.level)));
		f = form_new(p->sh, title);
		form_option modes[ESC_MODE__COUNT];
		for (int i = 0; i < ESC_MODE__COUNT; i++)
			modes[i] = (form_option){ escalation_mode_code((escalation_mode)i),
				_(escalation_mode_label((escalation_mode)i)) };
		p->fld[0] = form_add_choice(f, _("Mode"), modes, ESC_MODE__COUNT,
		                            escalation_mode_code(ESC_MODE_MEETING), true);
		p->fld[1] = form_add_date(f, _("Date"), ctx->today, true);
		p->fld[2] = form_add_text(f, _("Place"), "", ESC_PLACE_MAX, false);
		p->fld[3] = form_add_text(f, _("Attendees"), "", ESC_ATTENDEES_MAX, false);
		p->fld[4] = form_add_lines(f, _("Decision"), "", ESC_TEXT_MAX, 3, true);
		p->fld[5] = form_add_date(f, _("New due date"), DATE_NONE, false);
		escalation_start_form(p, f, FP_SCHEDULE);
		break;
	}
	default:
		title = xasprintf(_("Outcome of the dispatch on %s at %s"), p->rec.number,
		                  _(escalation_level_short(p->rec.level)));
		f = form_new(p->sh, title);
		p->fld[0] = form_add_lines(f, _("Outcome"), "", ESC_TEXT_MAX, 4, true);
		escalation_start_form(p, f, FP_OUTCOME);
		break;
	}
	xfree(&title);
}

/* run the form's move through the shared sequence; the form stays open on bad input */
static void save_move(esc_pane *p)
{
	app_ctx *ctx = shell_ctx(p->sh);
	escalation_actor who = app_esc_actor(ctx);
	esc_mover m = mover(p, &who);
	strbuf err = STRBUF_INIT;
	char *text = NULL, *place = NULL, *attendees = NULL;
	char day[16];
	int64_t id = 0;
	escalation_verdict v;
	esc_move_result r;
	switch (p->purpose) {
	case FP_ESCALATE:
		text = form_text(p->form, p->fld[0]);
		r = esc_move_escalate(&m, &p->rec, text, &v, &err);
		if (r == ESC_MOVE_DONE)
			shell_message(p->sh, _("%s escalated from %s to %s"), p->rec.number,
			              _(escalation_level_label(v.level)), _(escalation_level_label(v.next)));
		break;
	case FP_SCHEDULE: {
		escalation_record rec = { 0 };
		escalation_mode_parse(form_choice(p->form, p->fld[0]), &rec.mode);
		rec.date = form_date(p->form, p->fld[1]);
		place = form_text(p->form, p->fld[2]);
		attendees = form_text(p->form, p->fld[3]);
		text = form_text(p->form, p->fld[4]);
		rec.place = place;
		rec.attendees = attendees;
		rec.decision = text;
		rec.new_due = form_date(p->form, p->fld[5]);
		ticket_timers after;
		r = esc_move_schedule(&m, &p->rec, &rec, &after, &id, &err);
		if (r == ESC_MOVE_DONE)
			shell_message(p->sh, _("%s: %s no. %lld recorded at %s on %s"), p->rec.number,
			              _(escalation_mode_label(rec.mode)), (long long)id,
			              _(escalation_level_label(rec.level)), date_format(rec.date, day));
		break;
	}
	default:
		text = form_text(p->form, p->fld[0]);
		r = esc_move_outcome(&m, &p->rec, text, &id, &err);
		if (r == ESC_MOVE_DONE)
			shell_message(p->sh, _("%s: outcome of dispatch no. %lld at %s recorded"),
			              p->rec.number, (long long)id, _(escalation_level_label(p->rec.level)));
		break;
	}
	if (r == ESC_MOVE_INVALID) {
		form_set_error(p->form, -1, sb_str(&err));
	} else {
		/* written, refused or changed by someone else: the board and the detail show
		 * the appeal as it is stored now */
		if (r != ESC_MOVE_DONE)
			shell_error(p->sh, "%s", sb_str(&err));
		char num[TICKET_NUMBER_SIZE];
		snprintf(num, sizeof num, "%s", p->rec.number);
		/* a move made shows its appeal with the record it wrote */
		if (r == ESC_MOVE_DONE)
			p->back = MODE_VIEW;
		if (!escalation_load_rec(p, num))
			p->back = MODE_BOARD;
		escalation_close_form(p);
		escalation_reload(p);
	}
	xfree(&text);
	xfree(&place);
	xfree(&attendees);
	sb_free(&err);
}

void escalation_form_period(esc_pane *p)
{
	form *f;
	if (p->mode == MODE_UNITS) {
		f = form_new(p->sh, _("Period of the supervision figures"));
		p->fld[0] = form_add_date(f, _("From"), p->from, true);
		p->fld[1] = form_add_date(f, _("To"), p->to, true);
		escalation_start_form(p, f, FP_PERIOD);
	} else if (p->mode == MODE_YEAR) {
		char year[16];
		snprintf(year, sizeof year, "%d", p->year);
		f = form_new(p->sh, _("Year of the annual assessment"));
		p->fld[0] = form_add_text(f, _("Year (e.g. 2026)"), year, 4, true);
		escalation_start_form(p, f, FP_YEAR);
	} else {
		char code[ASSESS_QUARTER_SIZE];
		f = form_new(p->sh, _("Quarter of the assessment"));
		p->fld[0] = form_add_text(f, _("Quarter (e.g. 2026Q4)"),
		                          assessment_quarter_format(p->quarter, code), 6, true);
		escalation_start_form(p, f, FP_QUARTER);
	}
	const char *buttons[] = { _("Apply"), _("Cancel") };
	form_set_buttons(f, buttons, 2, 1);
	form_set_confirm(f, false);
}

static void apply_period_form(esc_pane *p)
{
	if (p->purpose == FP_PERIOD) {
		qdate from = form_date(p->form, p->fld[0]), to = form_date(p->form, p->fld[1]);
		if (from > to) {
			form_set_error(p->form, p->fld[1], _("The period ends before it starts."));
			return;
		}
		p->from = from;
		p->to = to;
	} else if (p->purpose == FP_YEAR) {
		char *s = form_text(p->form, p->fld[0]);
		int year;
		bool ok = annual_year_parse(s, &year);
		xfree(&s);
		if (!ok) {
			form_set_error(p->form, p->fld[0], _("A year is written like 2026."));
			return;
		}
		p->year = year;
	} else {
		char *s = form_text(p->form, p->fld[0]);
		assessment_quarter q;
		bool ok = assessment_quarter_parse(s, &q);
		xfree(&s);
		if (!ok) {
			form_set_error(p->form, p->fld[0], _("A quarter is written like 2026Q4."));
			return;
		}
		p->quarter = q;
	}
	escalation_close_form(p);
	p->top = 0;
	p->lines_stale = true;
}

void escalation_form_sheet(esc_pane *p)
{
	if (escalation_current_rec(p))
		escalation_start_form(p, sheet_form_new(p->sh, &p->rec, APP_SHEET_SUPERVISE, &p->sheet),
		           FP_SHEET);
}

unsigned escalation_form_key(esc_pane *p, const pane_event *ev)
{
	switch (form_key(p->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		if (p->purpose == FP_FILTER)
			apply_filter_form(p, true);
		else
			escalation_close_form(p);
		return REACT_RECALC;
	case FORM_PRESSED:
		if (p->purpose == FP_FILTER)
			apply_filter_form(p, form_button(p->form) == 1);
		else if (p->purpose == FP_PERIOD || p->purpose == FP_QUARTER || p->purpose == FP_YEAR)
			apply_period_form(p);
		else if (p->purpose == FP_RATING)
			escalation_save_rating(p);
		else if (p->purpose == FP_FREEZE) {
			if (form_button(p->form) == 0)
				escalation_save_freeze(p);
			else
				escalation_close_form(p);
		} else if (p->purpose == FP_STAFF_ADD || p->purpose == FP_STAFF_EDIT) {
			escalation_staff_save(p);
		} else if (p->purpose == FP_SUPV_ADD || p->purpose == FP_SUPV_OUTCOME ||
		           p->purpose == FP_ACC_ADD) {
			escalation_supv_save(p);
		} else if (p->purpose == FP_SHEET) {
			if (sheet_form_save(p->sh, p->form, &p->sheet, &p->rec))
				escalation_close_form(p);
		} else
			save_move(p);
		return REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}
