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
	calanswer a;            /* the form and the verdict under it */
	shell *sh;
	const inspection_reason_table *reasons;
	int f_unit, f_ents, f_date, f_reason, f_insp, f_basis, f_items, f_override;
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
	c->f_unit = form_add_choice(c->a.form, _("Inspecting unit"), o, n, me->unit, true);
	xfree(&o);
}

/* the verdict on the date and reason as they stand, registered today, and what a
 * refusal leaves the person at the keyboard */
static void judge(calreg *c)
{
	app_ctx *ctx = shell_ctx(c->sh);
	qdate date = form_date(c->a.form, c->f_date);
	const inspection_reason *reason = inspection_reason_find(c->reasons,
	                                                         form_choice(c->a.form, c->f_reason));
	sb_reset(&c->a.text);
	c->a.ok = false;
	if (!reason || date == DATE_NONE) {
		sb_add(&c->a.text, _("write the inspection date as YYYY-MM-DD to see whether it is "
		                      "allowed"));
		return;
	}
	c->a.ok = calcheck_answer_text(ctx, date, reason, ctx->today, &c->a.text);
	if (c->a.ok)
		return;
	if (c->f_override >= 0)
		sb_addf(&c->a.text, "  %s", _("As a supervisor you may register it anyway with a "
		                               "written override reason, which the report lists."));
	else
		sb_addf(&c->a.text, "  %s", _("It cannot be registered so: choose an allowed date, or "
		                               "the reason the inspection really has."));
}

calreg *calreg_new(shell *sh, const inspection_reason_table *t, qdate date)
{
	calreg *c = xcalloc(1, sizeof *c);
	app_ctx *ctx = shell_ctx(sh);
	const staff *me = app_actor(ctx);
	c->sh = sh;
	c->reasons = t;
	c->a.heading = N_("Verdict");
	c->a.form = form_new(sh, _("Register an inspection plan"));
	add_units(c, me);
	c->f_ents = form_add_enterprises(c->a.form, _("Enterprises"), app_db(ctx),
	                                 app_scope_area(ctx), true);
	c->f_date = form_add_date(c->a.form, _("Inspection date"), date, true);
	c->f_reason = calanswer_add_reasons(c->a.form, _("Reason"), t);
	c->f_insp = form_add_text(c->a.form, _("Inspectors (comma-separated)"), NULL, NAMES_MAX, true);
	c->f_basis = form_add_text(c->a.form, _("Legal basis"), NULL, BASIS_MAX, true);
	c->f_items = form_add_lines(c->a.form, _("Items"), NULL, ITEMS_MAX, 2, true);
	/* only someone who may override sees the field; the rules say who */
	c->f_override = inspection_may_override(me->role) ?
		form_add_text(c->a.form, _("Override reason (a refused date only)"), NULL, OVERRIDE_MAX,
		              false) : -1;
	const char *buttons[] = { _("Register"), _("Cancel") };
	form_set_buttons(c->a.form, buttons, 2, 1);
	form_focus(c->a.form, c->f_ents);
	judge(c);
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
	calanswer_clear(&(*c)->a);
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
	form *f = c->a.form;
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
	bool pressed;
	unsigned rc = calanswer_key(&c->a, ev, &pressed);
	if (pressed)
		return save(c) ? REACT_CLOSE : REACT_RECALC;
	/* the verdict follows every key: the date or the reason may have changed */
	if (rc == REACT_RECALC)
		judge(c);
	return rc;
}

calanswer *calreg_frame(calreg *c)
{
	return &c->a;
}
