/* Enterprise records in the pane: the forms that add them (the 360 view's sections
 * are app/ent_view.c's), ui/form.h forms whose values go through the same model
 * checks and store writes as qifu visit|financing|pool|warning, each one transaction
 * with its event row. */
#include "ui/enterprises/records.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/appeal_move.h"
#include "app/records.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/pool.h"
#include "model/visit.h"
#include "model/warning.h"
#include "store/pool_store.h"
#include "store/staff_store.h"
#include "store/visit_store.h"
#include "store/warning_store.h"
#include "ui/shell.h"

#include "ui/enterprises/records_private.h"

static const char *const kind_labels[ENTREC__COUNT] = {
	[ENTREC_VISIT] = N_("a visit"),
	[ENTREC_FINANCING] = N_("a financing need"),
	[ENTREC_POOL_ENTER] = N_("entry into a cultivation pool"),
	[ENTREC_POOL_LEAVE] = N_("leaving a cultivation pool"),
	[ENTREC_WARNING_OPEN] = N_("a relocation warning"),
	[ENTREC_WARNING_RESPOND] = N_("a response to a relocation warning"),
	[ENTREC_WARNING_CLOSE] = N_("closing a relocation warning"),
	[ENTREC_VISIT_APPEAL] = N_("a visit problem into an appeal"),
	[ENTREC_STATUS] = N_("a change of operating status"),
	[ENTREC_FINANCING_UPDATE] = N_("progress of a financing need"),
	[ENTREC_WHISTLE] = N_("a whistle to the commissioner"),
	[ENTREC_WHISTLE_REPORT] = N_("the commissioner's report-in"),
	[ENTREC_WHISTLE_APPEAL] = N_("a whistle into an appeal"),
};

entrec *entrec_new(shell *sh)
{
	entrec *r = xcalloc(1, sizeof *r);
	r->sh = sh;
	return r;
}

void entrec_free(entrec **r)
{
	if (!*r)
		return;
	for (int i = 0; i < (*r)->npool_opts; i++) {
		free((char *)(*r)->pool_opts[i].value);
		free((char *)(*r)->pool_opts[i].label);
	}
	xfree(&(*r)->pool_opts);
	xfree(r);
}

db *entrec_db(entrec *r)
{
	return app_db(shell_ctx(r->sh));
}

/* loaded with the rest of the context before the screen starts */
static const pool_table *pools(entrec *r)
{
	return app_pools(shell_ctx(r->sh));
}

const char *entrec_pool_name(entrec *r, const char *code)
{
	return pools_name(pools(r), code);
}

int entrec_pool_options(entrec *r, form_option **opts)
{
	if (!r->pool_opts) {
		const pool_table *t = pools(r);
		r->pool_opts = xcalloc((size_t)t->n + 1, sizeof *r->pool_opts);
		r->pool_opts[0].value = xstrdup("");
		r->pool_opts[0].label = xstrdup(_("all"));
		for (int i = 0; i < t->n; i++) {
			r->pool_opts[i + 1].value = xstrdup(t->v[i].code);
			r->pool_opts[i + 1].label = xstrdup(t->v[i].name);
		}
		r->npool_opts = t->n + 1;
	}
	*opts = r->pool_opts;
	return r->npool_opts;
}

/* ---- forms ---- */

form *entrec_chooser(entrec *r, const ent_record *e)
{
	form *f = form_new(r->sh, _("New record"));
	form_option opts[ENTREC__COUNT];
	char values[ENTREC__COUNT][4];
	for (int k = 0; k < ENTREC__COUNT; k++) {
		snprintf(values[k], sizeof values[k], "%d", k);
		opts[k].value = values[k];
		opts[k].label = _(kind_labels[k]);
	}
	/* the enterprise viewed, or another one typed in: records for several enterprises
	 * one after the other without going back to the list */
	app_ctx *ctx = shell_ctx(r->sh);
	form_add_enterprise(f, _("Enterprise"), app_db(ctx), app_scope_area(ctx), e->id, e->name,
	                    true);
	form_set_menu(f, form_add_choice(f, _("Record"), opts, ENTREC__COUNT, "0", true));
	const char *buttons[] = { _("Continue"), _("Cancel") };
	form_set_buttons(f, buttons, 2, 1);
	form_set_confirm(f, false);
	return f;
}

int64_t entrec_chosen_enterprise(const form *f)
{
	return form_enterprise(f, 0);
}

entrec_kind entrec_chosen(const form *f)
{
	int k = atoi(form_choice(f, 1));
	return k >= 0 && k < ENTREC__COUNT ? (entrec_kind)k : ENTREC_VISIT;
}

static void unit_options(form_option **opts, int *n, const unit_table *units)
{
	*opts = xcalloc((size_t)units->n + 1, sizeof **opts);
	for (int i = 0; i < units->n; i++) {
		(*opts)[i].value = units->v[i].name;
		(*opts)[i].label = units->v[i].name;
	}
	*n = units->n;
}

static void visit_form(entrec *r, form *f, qdate today)
{
	const staff *me = app_actor(shell_ctx(r->sh));
	form_option *units;
	int n;
	unit_options(&units, &n, app_units(shell_ctx(r->sh)));
	r->fld[F_DATE] = form_add_date(f, _("Visited on"), today, true);
	r->fld[F_UNIT] = form_add_choice(f, _("Visiting unit"), units, n, me->unit, true);
	r->fld[F_PEOPLE] = form_add_text(f, _("Visitors"), "", 200, true);
	r->fld[F_TOPICS] = form_add_lines(f, _("Topics"), "", 500, 3, true);
	r->fld[F_CARD] = form_add_yesno(f, _("Contact card handed over"), false);
	r->fld[F_PROBLEMS] = form_add_lines(f, _("Problems found (one a line)"), "", 5000, 4,
	                                    false);
	xfree(&units);
}

/* the pools e is in now (leaving) or is not in (entering), as options */
static int pool_choices(entrec *r, const ent_record *e, bool member, form_option *opts)
{
	const pool_table *t = pools(r);
	enum { MAX_PERIODS = 50 };
	pool_period *v = xcalloc(MAX_PERIODS, sizeof *v);
	int n = 0, k = 0;
	store_err err = { 0 };
	if (pool_store_history(entrec_db(r), e->id, 0, MAX_PERIODS, v, &n, &err) < 0)
		n = 0;
	for (int i = 0; i < t->n; i++) {
		bool in = false;
		for (int j = 0; j < n; j++)
			in = in || (v[j].left_on == DATE_NONE && strcmp(v[j].pool, t->v[i].code) == 0);
		if (in == member) {
			opts[k].value = t->v[i].code;
			opts[k].label = t->v[i].name;
			k++;
		}
	}
	for (int j = 0; j < n; j++)
		pool_period_clear(&v[j]);
	xfree(&v);
	return k;
}

/* the open warnings of e as options whose values are their ids */
static int warning_choices(entrec *r, const ent_record *e, form_option *opts, char **owned,
                           int max)
{
	warn_filter f = { 0 };
	f.enterprise_id = e->id;
	f.open_only = true;
	warn_rec *v = xcalloc((size_t)max, sizeof *v);
	int n = 0;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	if (warn_store_list(entrec_db(r), &f, 0, max, v, &n, &se) < 0) {
		shell_error(r->sh, "%s", app_store_text(&se, &err));
		n = 0;
	}
	for (int i = 0; i < n; i++) {
		char day[11];
		owned[2 * i] = xasprintf("%" PRId64, v[i].id);
		owned[2 * i + 1] = xasprintf(_("%s %s, %s: %s"), date_format(v[i].opened_on, day),
		                             _(warn_source_label(v[i].source)),
		                             _(warn_level_label(v[i].level)), v[i].signal);
		opts[i].value = owned[2 * i];
		opts[i].label = owned[2 * i + 1];
		warn_rec_clear(&v[i]);
	}
	xfree(&v);
	sb_free(&err);
	return n;
}

/* the problems of e's latest visits that are no appeal yet, as options whose values
 * are "VISIT_ID:SEQ" */
static int problem_choices(entrec *r, const ent_record *e, form_option *opts, char **owned,
                           int max)
{
	visit_filter f = { 0 };
	f.enterprise_id = e->id;
	visit_rec v[ENTREC_SHOWN];
	int nv = 0, n = 0;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	if (visit_store_list(entrec_db(r), &f, 0, ENTREC_SHOWN, v, &nv, &se) < 0) {
		shell_error(r->sh, "%s", app_store_text(&se, &err));
		nv = 0;
	}
	for (int i = 0; i < nv; i++) {
		visit_rec full;
		if (v[i].nproblems && visit_store_get(entrec_db(r), v[i].id, &full, &se) == 0) {
			for (int j = 0; j < full.nproblems && n < max; j++) {
				const visit_problem *p = &full.problems[j];
				if (p->appeal_id)
					continue;
				char day[11];
				owned[2 * n] = xasprintf("%" PRId64 ":%d", full.id, p->seq);
				owned[2 * n + 1] = xasprintf(_("%s %s: %s"), date_format(full.date, day),
				                             full.unit, p->text);
				opts[n].value = owned[2 * n];
				opts[n].label = owned[2 * n + 1];
				n++;
			}
			visit_rec_clear(&full);
		}
		visit_rec_clear(&v[i]);
	}
	sb_free(&err);
	return n;
}

static const perm_action kind_perm[ENTREC__COUNT] = {
	[ENTREC_VISIT] = PERM_VISIT_ADD,
	[ENTREC_FINANCING] = PERM_FINANCING_EDIT,
	[ENTREC_POOL_ENTER] = PERM_POOL_EDIT,
	[ENTREC_POOL_LEAVE] = PERM_POOL_EDIT,
	[ENTREC_WARNING_OPEN] = PERM_WARNING_EDIT,
	[ENTREC_WARNING_RESPOND] = PERM_WARNING_EDIT,
	[ENTREC_WARNING_CLOSE] = PERM_WARNING_EDIT,
	/* who may register it for the visiting unit is the appeal rules' question */
	[ENTREC_VISIT_APPEAL] = PERM_ENT_VIEW,
	[ENTREC_STATUS] = PERM_ENT_EDIT,
	[ENTREC_FINANCING_UPDATE] = PERM_FINANCING_EDIT,
	[ENTREC_WHISTLE] = PERM_VISIT_ADD,
	/* who may report in, and register for the commissioner's unit, is the whistle's
	 * and the appeal rules' question */
	[ENTREC_WHISTLE_REPORT] = PERM_ENT_VIEW,
	[ENTREC_WHISTLE_APPEAL] = PERM_ENT_VIEW,
};

/* an empty form for a record of kind k about e, when the actor may */
static form *form_start(entrec *r, entrec_kind k, const ent_record *e)
{
	if (!shell_allowed(r->sh, kind_perm[k], e->area))
		return NULL;
	char *title = xasprintf(_("%s: %s"), e->name, _(kind_labels[k]));
	form *f = form_new(r->sh, title);
	xfree(&title);
	for (int i = 0; i < F__COUNT; i++)
		r->fld[i] = -1;
	r->kind = k;
	return f;
}

form *entrec_need_form(entrec *r, const ent_record *e, int64_t need)
{
	form *f = form_start(r, ENTREC_FINANCING_UPDATE, e);
	if (f && !entrec_financing_update_form(r, f, e, need))
		form_free(&f);
	return f;
}

form *entrec_whistle_form(entrec *r, const ent_record *e, entrec_kind k, int64_t whistle)
{
	form *f = form_start(r, k, e);
	if (f && !entrec_whistle_fill(r, f, e, whistle))
		form_free(&f);
	return f;
}

form *entrec_form(entrec *r, entrec_kind k, const ent_record *e)
{
	form *f = form_start(r, k, e);
	if (!f)
		return NULL;
	qdate today = shell_ctx(r->sh)->today;
	switch (k) {
	case ENTREC_VISIT:
		visit_form(r, f, today);
		break;
	case ENTREC_FINANCING:
		entrec_financing_form(r, f);
		break;
	case ENTREC_FINANCING_UPDATE:
		if (!entrec_financing_update_form(r, f, e, 0)) {
			form_free(&f);
			return NULL;
		}
		break;
	case ENTREC_POOL_ENTER: case ENTREC_POOL_LEAVE: {
		bool leaving = k == ENTREC_POOL_LEAVE;
		form_option *opts = xcalloc((size_t)pools(r)->n + 1, sizeof *opts);
		int n = pool_choices(r, e, leaving, opts);
		if (n == 0) {
			shell_message(r->sh, "%s", leaving ? _("The enterprise is in no pool to leave")
			                                   : _("The enterprise is already in every pool"));
			xfree(&opts);
			form_free(&f);
			return NULL;
		}
		r->fld[F_POOL] = form_add_choice(f, _("Pool"), opts, n, NULL, true);
		r->fld[F_DATE] = form_add_date(f, leaving ? _("Left on") : _("Entered on"), today, true);
		r->fld[F_REASON] = form_add_text(f, _("Reason"), "", 200, leaving);
		xfree(&opts);
		break;
	}
	case ENTREC_WARNING_OPEN: {
		form_option src[WARN_SOURCE__COUNT], lvl[3];
		char lcode[3][8];
		for (int s = 0; s < WARN_SOURCE__COUNT; s++) {
			src[s].value = warn_source_code((warn_source)s);
			src[s].label = _(warn_source_label((warn_source)s));
		}
		for (int l = 0; l < 3; l++) {
			snprintf(lcode[l], sizeof lcode[l], "%s", warn_level_code((warn_level)(l + 1)));
			lvl[l].value = lcode[l];
			lvl[l].label = _(warn_level_label((warn_level)(l + 1)));
		}
		r->fld[F_SOURCE] = form_add_choice(f, _("Signal from"), src, WARN_SOURCE__COUNT, NULL, true);
		r->fld[F_LEVEL] = form_add_choice(f, _("Level"), lvl, 3, NULL, true);
		r->fld[F_SIGNAL] = form_add_lines(f, _("Signal"), "", 500, 3, true);
		r->fld[F_DATE] = form_add_date(f, _("Opened on"), today, true);
		break;
	}
	case ENTREC_WARNING_RESPOND: case ENTREC_WARNING_CLOSE: {
		enum { MAX_OPEN = 50 };
		bool closing = k == ENTREC_WARNING_CLOSE;
		form_option opts[MAX_OPEN];
		char *owned[2 * MAX_OPEN] = { 0 };
		int n = warning_choices(r, e, opts, owned, MAX_OPEN);
		if (n > 0) {
			r->fld[F_WARNING] = form_add_choice(f, _("Warning"), opts, n, NULL, true);
			r->fld[F_DATE] = form_add_date(f, closing ? _("Closed on") : _("Responded on"),
			                               today, true);
			if (closing)
				r->fld[F_REASON] = form_add_text(f, _("Closing note"), "", 500, false);
			else
				r->fld[F_REASON] = form_add_lines(f, _("What was done"), "", 500, 3, true);
		}
		for (int i = 0; i < 2 * n; i++)
			xfree(&owned[i]);
		if (n == 0) {
			shell_message(r->sh, "%s", _("The enterprise has no open relocation warning"));
			form_free(&f);
			return NULL;
		}
		break;
	}
	case ENTREC_VISIT_APPEAL: {
		enum { MAX_PROBLEMS = 50 };
		form_option opts[MAX_PROBLEMS], kinds[TICKET_KIND__COUNT];
		char *owned[2 * MAX_PROBLEMS] = { 0 };
		int n = problem_choices(r, e, opts, owned, MAX_PROBLEMS);
		for (int i = 0; i < TICKET_KIND__COUNT; i++) {
			kinds[i].value = ticket_kind_code((ticket_kind)i);
			kinds[i].label = _(ticket_kind_label((ticket_kind)i));
		}
		if (n > 0) {
			r->fld[F_PROBLEM] = form_add_choice(f, _("Problem found"), opts, n, NULL, true);
			r->fld[F_KIND] = form_add_choice(f, _("Kind"), kinds, TICKET_KIND__COUNT,
			                                 ticket_kind_code(TICKET_KIND_GENERAL), true);
		}
		for (int i = 0; i < 2 * n; i++)
			xfree(&owned[i]);
		if (n == 0) {
			shell_message(r->sh, "%s",
			              _("No problem of the enterprise's latest visits is waiting to become an appeal"));
			form_free(&f);
			return NULL;
		}
		break;
	}
	case ENTREC_WHISTLE: case ENTREC_WHISTLE_REPORT: case ENTREC_WHISTLE_APPEAL:
		if (!entrec_whistle_fill(r, f, e, 0)) {
			form_free(&f);
			return NULL;
		}
		break;
	case ENTREC_STATUS: {
		form_option st[ENT_ST__COUNT];
		int n = 0;
		for (int s = 0; s < ENT_ST__COUNT; s++)
			if (strcmp(ent_status_code((ent_status)s), e->status) != 0)
				st[n++] = (form_option){ ent_status_code((ent_status)s),
					_(ent_status_label((ent_status)s)) };
		r->fld[F_STATUS] = form_add_choice(f, _("New status"), st, n, NULL, true);
		r->fld[F_DATE] = form_add_date(f, _("Since"), today, true);
		r->fld[F_REASON] = form_add_text(f, _("Reason"), "", 200, true);
		break;
	}
	default:
		break;
	}
	return f;
}

/* how a save ended, shown where it belongs: what was typed and what a rule refused above
 * the buttons (or on the field at fault), a failed database on the status line */
int entrec_saved(entrec *r, form *f, int field, app_record_rc rc, const strbuf *err,
                 const char *done)
{
	switch (rc) {
	case APP_RECORD_SAVED:
		shell_message(r->sh, "%s", done);
		return 0;
	case APP_RECORD_BAD_INPUT:
		form_set_error(f, field, sb_str(err));
		break;
	case APP_RECORD_REFUSED:
		form_set_error(f, -1, sb_str(err));
		break;
	case APP_RECORD_FAILED:
		shell_error(r->sh, "%s", sb_str(err));
		break;
	}
	return -1;
}

static int save_visit(entrec *r, form *f, const ent_record *e, strbuf *err)
{
	app_ctx *ctx = shell_ctx(r->sh);
	visit_rec v = { 0 };
	v.enterprise_id = e->id;
	v.date = form_date(f, r->fld[F_DATE]);
	v.unit = xstrdup(form_choice(f, r->fld[F_UNIT]));
	v.people = form_text(f, r->fld[F_PEOPLE]);
	v.topics = form_text(f, r->fld[F_TOPICS]);
	v.card_handed = form_yes(f, r->fld[F_CARD]);
	char *problems = form_text(f, r->fld[F_PROBLEMS]);
	for (char *s = problems; *s;) {
		size_t len = strcspn(s, "\n");
		char *line = xstrndup(s, len);
		char *t = text_trim(line);
		if (*t)
			visit_add_problem(&v, t);
		xfree(&t);
		xfree(&line);
		s += len + (s[len] == '\n');
	}
	xfree(&problems);
	int64_t id;
	char *done = xasprintf(P_("Visit recorded, %d problem found", "Visit recorded, %d problems found",
	                          (unsigned long)v.nproblems), v.nproblems);
	int rc = entrec_saved(r, f, -1, app_visit_add(ctx, &v, &id, err), err, done);
	xfree(&done);
	visit_rec_clear(&v);
	return rc;
}

static int save_pool(entrec *r, form *f, const ent_record *e, strbuf *err)
{
	app_ctx *ctx = shell_ctx(r->sh);
	bool leaving = r->kind == ENTREC_POOL_LEAVE;
	const pool_def *pool = pools_find(pools(r), form_choice(f, r->fld[F_POOL]));
	char *reason = form_text(f, r->fld[F_REASON]);
	qdate on = form_date(f, r->fld[F_DATE]);
	int rc = -1;
	if (!pool) {
		form_set_error(f, r->fld[F_POOL], _("this field is required: choose one"));
	} else {
		char *done = xasprintf(leaving ? _("Left %s") : _("Entered %s"), pool->name);
		rc = entrec_saved(r, f, r->fld[F_REASON],
		           app_pool_move(ctx, e->id, pool, leaving, on, &reason, err), err, done);
		xfree(&done);
	}
	xfree(&reason);
	return rc;
}

static int save_warning_open(entrec *r, form *f, const ent_record *e, strbuf *err)
{
	app_ctx *ctx = shell_ctx(r->sh);
	warn_rec w = { 0 };
	w.enterprise_id = e->id;
	warn_source_parse(form_choice(f, r->fld[F_SOURCE]), &w.source);
	warn_level_parse(form_choice(f, r->fld[F_LEVEL]), &w.level);
	w.signal = form_text(f, r->fld[F_SIGNAL]);
	w.opened_on = form_date(f, r->fld[F_DATE]);
	int64_t id;
	int rc = entrec_saved(r, f, r->fld[F_SIGNAL], app_warning_open(ctx, &w, &id, err), err,
	               _("Relocation warning recorded"));
	warn_rec_clear(&w);
	return rc;
}

/* a response (处置) to an open warning, or its closing: the same service as `qifu
 * warning respond|close` */
static int save_warning_answer(entrec *r, form *f, bool closing, strbuf *err)
{
	app_ctx *ctx = shell_ctx(r->sh);
	int64_t id = strtoll(form_choice(f, r->fld[F_WARNING]), NULL, 10);
	char *note = form_text(f, r->fld[F_REASON]);
	qdate on = form_date(f, r->fld[F_DATE]);
	int rc = entrec_saved(r, f, r->fld[F_REASON], app_warning_answer(ctx, id, closing, on, &note, err),
	               err, closing ? _("Relocation warning closed")
	                            : _("Response to the relocation warning recorded"));
	xfree(&note);
	return rc;
}

/* the operating status, as `qifu enterprise status` sets it */
static int save_status(entrec *r, form *f, const ent_record *e, strbuf *err)
{
	ent_status to = ENT_ST_OPERATING;
	ent_status_parse(form_choice(f, r->fld[F_STATUS]), &to);
	char *reason = form_text(f, r->fld[F_REASON]);
	char *msg = xasprintf(_("Operating status is now %s"), _(ent_status_label(to)));
	int rc = entrec_saved(r, f, r->fld[F_REASON],
	               app_ent_status_set(shell_ctx(r->sh), e, to, form_date(f, r->fld[F_DATE]),
	                                  &reason, err), err, msg);
	xfree(&msg);
	xfree(&reason);
	return rc;
}

/* 转为诉求: through appeal_move_from_visit, as `qifu appeal new --from-visit` */
static int save_visit_appeal(entrec *r, form *f, strbuf *err)
{
	const char *choice = form_choice(f, r->fld[F_PROBLEM]);
	ticket_kind kind = TICKET_KIND_GENERAL;
	ticket_kind_parse(form_choice(f, r->fld[F_KIND]), &kind);
	char *end;
	int64_t visit_id = choice ? strtoll(choice, &end, 10) : 0;
	if (!choice || *end != ':') {
		form_set_error(f, r->fld[F_PROBLEM], _("this field is required: choose one"));
		return -1;
	}
	int seq = atoi(end + 1);
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	appeal_move_rc rc = appeal_move_from_visit(shell_ctx(r->sh), visit_id, seq, kind, number,
	                                           &tm, err);
	if (rc == APPEAL_MOVE_DONE) {
		shell_message(r->sh, _("Appeal %s registered from the visit problem"), number);
		return 0;
	}
	if (rc == APPEAL_MOVE_ERROR)
		shell_error(r->sh, "%s", sb_str(err));
	else
		form_set_error(f, -1, sb_str(err));
	return -1;
}

int entrec_save(entrec *r, form *f, const ent_record *e)
{
	if (!shell_allowed(r->sh, kind_perm[r->kind], e->area))
		return -1;
	strbuf err = STRBUF_INIT;
	int rc;
	switch (r->kind) {
	case ENTREC_VISIT: rc = save_visit(r, f, e, &err); break;
	case ENTREC_FINANCING: rc = entrec_financing_save(r, f, e, &err); break;
	case ENTREC_FINANCING_UPDATE: rc = entrec_financing_update_save(r, f, &err); break;
	case ENTREC_POOL_ENTER: case ENTREC_POOL_LEAVE: rc = save_pool(r, f, e, &err); break;
	case ENTREC_WARNING_OPEN: rc = save_warning_open(r, f, e, &err); break;
	case ENTREC_VISIT_APPEAL: rc = save_visit_appeal(r, f, &err); break;
	case ENTREC_WARNING_RESPOND: rc = save_warning_answer(r, f, false, &err); break;
	case ENTREC_STATUS: rc = save_status(r, f, e, &err); break;
	case ENTREC_WHISTLE: case ENTREC_WHISTLE_REPORT: case ENTREC_WHISTLE_APPEAL:
		rc = entrec_whistle_save(r, f, e, &err);
		break;
	default: rc = save_warning_answer(r, f, true, &err); break;
	}
	sb_free(&err);
	return rc;
}
