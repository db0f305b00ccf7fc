/* The register form (calendar/plan_form.h): fields of the one form widget, the
 * enterprises in its multi-picker, and under them the verdict on the date and reason as
 * they stand, recomputed on every key by the check's own wording (calcheck_answer_text,
 * inspection_verdict_text), with what a refusal leaves: a supervisor's written override,
 * or another date. What registering refuses is shown under the field at fault. */
#include "ui/calendar/plan_form.h"

#include <stdlib.h>
#include <string.h>

#include "app/inspection_move.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "store/staff_store.h"
#include "ui/calendar/check_form.h"
#include "ui/form.h"
#include "ui/shell.h"

/* characters people may type */
enum { NAMES_MAX = 200, BASIS_MAX = 200, ITEMS_MAX = 1000, OVERRIDE_MAX = 500 };

struct calreg {
	shell *sh;
	const inspection_reason_table *reasons;
	form *form;
	int f_unit, f_ents, f_date, f_reason, f_insp, f_basis, f_items, f_override;
	strbuf verdict;
	bool allowed;
	ui_rect form_r, verdict_r;
	int64_t saved;
	qdate saved_date;
	char **advice;
	int nadvice;
};

/* the units the actor may register for: every unit for a supervisor, else their own */
static void add_units(calreg *c, const staff *me)
{
	const unit_table *units = app_units(shell_ctx(c->sh));
	form_option *o = xcalloc((size_t)units->n + 1, sizeof *o);
	int n = 0;
	for (int i = 0; i < units->n; i++)
		if (me->role == ROLE_SUPERVISOR || (me->unit && strcmp(me->unit, units->v[i].name) == 0))
			o[n++] = (form_option){ units->v[i].name, units->v[i].name };
	c->f_unit = form_add_choice(c->form, _("Inspecting unit"), o, n, me->unit, true);
	xfree(&o);
}

calreg *calreg_new(shell *sh, const inspection_reason_table *t, qdate date)
{
	calreg *c = xcalloc(1, sizeof *c);
	app_ctx *ctx = shell_ctx(sh);
	const staff *me = app_actor(ctx);
	c->sh = sh;
	c->reasons = t;
	c->form = form_new(sh, _("Register an inspection plan"));
	add_units(c, me);
	c->f_ents = form_add_enterprises(c->form, _("Enterprises"), app_db(ctx),
	                                 app_scope_area(ctx), true);
	c->f_date = form_add_date(c->form, _("Inspection date"), date, true);
	form_option *opts = xcalloc(t->n ? t->n : 1, sizeof *opts);
	for (size_t i = 0; i < t->n; i++)
		opts[i] = (form_option){ t->v[i].code, t->v[i].name };
	c->f_reason = form_add_choice(c->form, _("Reason"), opts, (int)t->n,
	                              t->n ? t->v[0].code : "", true);
	xfree(&opts);
	c->f_insp = form_add_text(c->form, _("Inspectors (comma-separated)"), NULL, NAMES_MAX, true);
	c->f_basis = form_add_text(c->form, _("Legal basis"), NULL, BASIS_MAX, true);
	c->f_items = form_add_lines(c->form, _("Items"), NULL, ITEMS_MAX, 2, true);
	/* only someone who may override sees the field; the rules say who */
	c->f_override = inspection_may_override(me->role) ?
		form_add_text(c->form, _("Override reason (a refused date only)"), NULL, OVERRIDE_MAX,
		              false) : -1;
	const char *buttons[] = { _("Register"), _("Cancel") };
	form_set_buttons(c->form, buttons, 2, 1);
	form_focus(c->form, c->f_ents);
	return c;
}

static void drop_advice(calreg *c)
{
	for (int i = 0; i < c->nadvice; i++)
		xfree(&c->advice[i]);
	xfree(&c->advice);
	c->nadvice = 0;
}

void calreg_free(calreg **c)
{
	if (!*c)
		return;
	form_free(&(*c)->form);
	sb_free(&(*c)->verdict);
	drop_advice(*c);
	xfree(c);
}

int64_t calreg_saved(const calreg *c, qdate *date, const char *const **advice, int *nadvice)
{
	*date = c->saved_date;
	*advice = (const char *const *)c->advice;
	*nadvice = c->nadvice;
	return c->saved;
}

/* the verdict on the date and reason as they stand, registered today, and what a
 * refusal leaves the person at the keyboard */
static void judge(calreg *c)
{
	app_ctx *ctx = shell_ctx(c->sh);
	qdate date = form_date(c->form, c->f_date);
	const inspection_reason *reason = inspection_reason_find(c->reasons,
	                                                         form_choice(c->form, c->f_reason));
	sb_reset(&c->verdict);
	c->allowed = false;
	if (!reason || date == DATE_NONE) {
		sb_add(&c->verdict, _("write the inspection date as YYYY-MM-DD to see whether it is "
		                      "allowed"));
		return;
	}
	c->allowed = calcheck_answer_text(ctx, date, reason, ctx->today, &c->verdict);
	if (c->allowed)
		return;
	if (c->f_override >= 0)
		sb_addf(&c->verdict, "  %s", _("As a supervisor you may register it anyway with a "
		                               "written override reason, which the report lists."));
	else
		sb_addf(&c->verdict, "  %s", _("It cannot be registered so: choose an allowed date, or "
		                               "the reason the inspection really has."));
}

static void keep_advice(void *arg, bool error, const char *msg)
{
	calreg *c = arg;
	c->advice = xrealloc(c->advice, (size_t)(c->nadvice + 1) * sizeof *c->advice);
	c->advice[c->nadvice++] = error ? xasprintf("%s%s", _("Error: "), msg) : xstrdup(msg);
}

/* the form field what registering said is about, -1 for the form as a whole */
static int field_of(const calreg *c, inspection_field f)
{
	switch (f) {
	case INSPECTION_FIELD_UNIT: return c->f_unit;
	case INSPECTION_FIELD_ENTERPRISE: return c->f_ents;
	case INSPECTION_FIELD_DATE: case INSPECTION_FIELD_REGISTERED_ON: return c->f_date;
	case INSPECTION_FIELD_REASON: return c->f_reason;
	case INSPECTION_FIELD_INSPECTORS: return c->f_insp;
	case INSPECTION_FIELD_BASIS: return c->f_basis;
	case INSPECTION_FIELD_ITEMS: return c->f_items;
	case INSPECTION_FIELD_OVERRIDE: return c->f_override;
	default: return -1;
	}
}

/* register the plan as typed; true when it was */
static bool save(calreg *c)
{
	app_ctx *ctx = shell_ctx(c->sh);
	form *f = c->form;
	const char *const *usccs;
	int n = form_enterprises(f, c->f_ents, NULL, &usccs);
	char *insp = form_text(f, c->f_insp), *basis = form_text(f, c->f_basis);
	char *items = form_text(f, c->f_items);
	char *why = c->f_override >= 0 ? form_text(f, c->f_override) : NULL;
	const char *unit = form_choice(f, c->f_unit);
	inspection_plan_in in = {
		.unit = unit, .enterprises = usccs, .nents = n, .date = form_date(f, c->f_date),
		.reason = form_choice(f, c->f_reason), .inspectors = insp, .basis = basis,
		.items = items, .registered_on = ctx->today,
		/* an empty field asks for no override */
		.override = why && *why ? why : NULL,
	};
	inspection_registered res;
	inspection_field field = INSPECTION_FIELD_NONE;
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_register(ctx, c->reasons, &in, &res, &field, &err);
	if (st == APP_OK) {
		c->saved = res.id;
		c->saved_date = in.date;
		drop_advice(c);
		app_inspection_advice(ctx, &res, unit, in.date, keep_advice, c);
		sb_reset(&err);
		if (app_inspection_registered_text(ctx, res.id, unit, &err) == APP_OK)
			shell_message(c->sh, "%s", sb_str(&err));
		else
			shell_error(c->sh, "%s", sb_str(&err));
	} else {
		form_set_error(f, field_of(c, field), sb_str(&err));
	}
	inspection_registered_clear(&res);
	xfree(&insp);
	xfree(&basis);
	xfree(&items);
	xfree(&why);
	sb_free(&err);
	return st == APP_OK;
}

unsigned calreg_key(calreg *c, const pane_event *ev)
{
	switch (form_key(c->form, ev)) {
	case FORM_PASS:
		return REACT_UNHANDLED;
	case FORM_CANCEL:
		return REACT_CLOSE;
	case FORM_PRESSED:
		if (form_button(c->form) != 0)
			return REACT_CLOSE;
		return save(c) ? REACT_CLOSE : REACT_RECALC;
	default:
		return REACT_RECALC;
	}
}

void calreg_recalc(calreg *c, ui_rect r)
{
	/* the verdict under the form, read together with the date and reason; the form
	 * scrolls in what is left */
	enum { VERDICT_ROWS = 4 };
	int vh = r.h > 12 ? VERDICT_ROWS : 0;
	judge(c);
	/* as high as the form needs when there is room, the verdict right under it */
	c->form_r = (ui_rect){ r.y, r.x, r.h - vh, r.w };
	form_recalc(c->form, c->form_r);
	int fh = form_rows(c->form) + 1;
	if (fh < c->form_r.h) {
		c->form_r.h = fh;
		form_recalc(c->form, c->form_r);
	}
	c->verdict_r = (ui_rect){ r.y + c->form_r.h, r.x, r.h - c->form_r.h, r.w };
}

void calreg_repaint(calreg *c, ui_rect r)
{
	(void)r;
	form_repaint(c->form, c->form_r);
	calcheck_draw_answer(c->verdict_r, _("Verdict"), sb_str(&c->verdict),
	                     c->allowed ? STYLE_NORMAL : STYLE_ERROR);
}

bool calreg_caret(const calreg *c, int *y, int *x)
{
	return form_caret(c->form, y, x);
}

const char *calreg_hint(calreg *c)
{
	return form_hint(c->form);
}
