/* The Escalation pane's 督办/问责 view, for supervisors and leaders (issue 19): every
 * supervision request with its unit, source, what is required, due day, outcome and
 * accountability; a form to file a request (from an appeal's number or a unit's
 * figures, the unit picked by its name), one for its outcome and one for an
 * accountability record after an unresolved request (the body picked from the
 * [assessment] accountability_bodies setting). Every rule and write is
 * src/app/supervise.c's, as for qifu supervise and qifu accountability. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/supervise.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "ui/escalation/private.h"

enum { F_SOURCE, F_APPEAL, F_UNIT, F_WHAT, F_DUE };
enum { F_OUTCOME, F_NOTE };
enum { F_BODY, F_PERSON, F_MEASURE };

static void clear_rows(esc_pane *p)
{
	for (int i = 0; i < p->nsupv * SUPV_COL__COUNT; i++)
		xfree(&p->supv_cells[i]);
	xfree(&p->supv_cells);
	supv_rows_free(&p->supv_rows, p->nsupv);
	p->nsupv = 0;
}

/* every request, newest first as qifu supervise list prints them, cells worded */
static long count_rows(void *arg)
{
	esc_pane *p = arg;
	if (!p->supv_stale)
		return p->nsupv;
	clear_rows(p);
	strbuf why = STRBUF_INIT;
	app_status st = app_supv_list(shell_ctx(p->sh), NULL, 0, &p->supv_rows, &p->nsupv, &why);
	if (st != APP_OK) {
		shell_error(p->sh, "%s", sb_str(&why));
		sb_free(&why);
		return -1;
	}
	sb_free(&why);
	p->supv_cells = xcalloc((size_t)p->nsupv * SUPV_COL__COUNT + 1, sizeof *p->supv_cells);
	for (int i = 0; i < p->nsupv; i++)
		for (int c = 0; c < SUPV_COL__COUNT; c++) {
			char buf[32];
			p->supv_cells[i * SUPV_COL__COUNT + c] =
				xstrdup(app_supv_cell(&p->supv_rows[i], c, CELL_WORDS, buf));
		}
	p->supv_stale = false;
	return p->nsupv;
}

static int fetch_rows(void *arg, long offset, int limit)
{
	esc_pane *p = arg;
	long left = p->nsupv - offset;
	return left < 0 ? 0 : left < limit ? (int)left : limit;
}

static const char *cell(void *arg, long row, int col)
{
	esc_pane *p = arg;
	if (row < 0 || row >= p->nsupv || col < 0 || col >= SUPV_COL__COUNT)
		return "";
	return p->supv_cells[row * SUPV_COL__COUNT + col];
}

/* an unresolved request stands out, as the accountability it may call for */
static ui_style style(void *arg, long row, int col)
{
	esc_pane *p = arg;
	return col == SUPV_COL_OUTCOME && row >= 0 && row < p->nsupv &&
	       p->supv_rows[row].outcome == SUPV_UNRESOLVED ? STYLE_LIGHT_RED : STYLE_NORMAL;
}

void escalation_supv_init(esc_pane *p)
{
	lv_source src = { count_rows, fetch_rows, cell, p };
	p->supv_lv = lv_new(app_supv_columns, SUPV_COL__COUNT, &src);
	lv_set_style(p->supv_lv, style);
	p->supv_stale = true;
}

void escalation_supv_free(esc_pane *p)
{
	clear_rows(p);
	lv_free(&p->supv_lv);
}

void escalation_supv_reload(esc_pane *p, int64_t id)
{
	p->supv_stale = true;
	lv_invalidate(p->supv_lv);
	if (id <= 0 || count_rows(p) < 0)
		return;
	for (int i = 0; i < p->nsupv; i++)
		if (p->supv_rows[i].id == id)
			lv_set_cursor(p->supv_lv, i);
}

void escalation_supv_recalc(esc_pane *p, ui_rect r)
{
	lv_recalc(p->supv_lv, escalation_below_line(r));
}

void escalation_supv_repaint(esc_pane *p, ui_rect r)
{
	int open = 0, unresolved = 0;
	for (int i = 0; i < p->nsupv; i++) {
		open += p->supv_rows[i].outcome == SUPV_OPEN;
		unresolved += p->supv_rows[i].outcome == SUPV_UNRESOLVED;
	}
	draw_textf(r.y, r.x, r.w, TEXT_LEFT, STYLE_NORMAL,
	           _("Supervision requests: %d, %d without an outcome, %d unresolved"),
	           p->nsupv, open, unresolved);
	lv_repaint(p->supv_lv, escalation_below_line(r));
}

/* the request under the cursor, or NULL (said on the status line) */
static const supv_row *cursor_row(esc_pane *p)
{
	long i = lv_cursor(p->supv_lv);
	if (i < 0 || i >= p->nsupv) {
		shell_message(p->sh, "%s", _("No supervision request is selected."));
		return NULL;
	}
	return &p->supv_rows[i];
}

static void set_buttons(form *f)
{
	const char *buttons[] = { _("Save"), _("Cancel") };
	form_set_buttons(f, buttons, 2, 1);
}

/* F2: a new request, from an appeal (its lead unit unless another is picked) or from
 * a unit's figures */
static void form_add(esc_pane *p)
{
	const unit_table *units = app_units(shell_ctx(p->sh));
	form *f = form_new(p->sh, _("File a supervision request (督办要求)"));
	esc_options o = { .n = 0 };
	for (int s = 0; s < SUPV_SRC__COUNT; s++)
		escalation_opt_add(&o, supervise_source_code((supervise_source)s),
		        _(supervise_source_label((supervise_source)s)));
	p->fld[F_SOURCE] = form_add_choice(f, _("Source"), o.v, o.n,
	                                   supervise_source_code(SUPV_SRC_OVERDUE), true);
	p->fld[F_APPEAL] = form_add_text(f, _("Appeal number"), "",
	                                 TICKET_NUMBER_SIZE - 1, false);
	o.n = 0;
	escalation_opt_add(&o, "", _("the appeal's lead unit"));
	for (int i = 0; i < units->n; i++)
		if (units->v[i].kind == UNIT_DEPT || units->v[i].kind == UNIT_AREA)
			escalation_opt_add(&o, units->v[i].name, units->v[i].name);
	p->fld[F_UNIT] = form_add_choice(f, _("Unit"), o.v, o.n, "", false);
	p->fld[F_WHAT] = form_add_lines(f, _("Required"), "", SUPV_TEXT_MAX, 3, true);
	p->fld[F_DUE] = form_add_date(f, _("Due"), DATE_NONE, true);
	set_buttons(f);
	escalation_start_form(p, f, FP_SUPV_ADD);
}

/* o: the outcome of an open request */
static void form_outcome(esc_pane *p)
{
	const supv_row *r = cursor_row(p);
	if (!r)
		return;
	strbuf why = STRBUF_INIT;
	if (supervise_outcome_allowed(r->id, r->outcome, SUPV_RESOLVED, NULL, &why) < 0) {
		shell_error(p->sh, "%s", sb_str(&why));
		sb_free(&why);
		return;
	}
	sb_free(&why);
	char *title = xasprintf(_("Outcome of supervision request %lld (%s)"), (long long)r->id,
	                        r->unit);
	form *f = form_new(p->sh, title);
	xfree(&title);
	form_add_note(f, _("Required"), r->what);
	esc_options o = { .n = 0 };
	escalation_opt_add(&o, supervise_outcome_code(SUPV_RESOLVED), _(supervise_outcome_label(SUPV_RESOLVED)));
	escalation_opt_add(&o, supervise_outcome_code(SUPV_UNRESOLVED),
	        _(supervise_outcome_label(SUPV_UNRESOLVED)));
	p->fld[F_OUTCOME] = form_add_choice(f, _("Outcome"), o.v, o.n,
	                                    supervise_outcome_code(SUPV_RESOLVED), true);
	p->fld[F_NOTE] = form_add_lines(f, _("Note"), "", SUPV_TEXT_MAX, 3, false);
	p->supv_id = r->id;
	set_buttons(f);
	escalation_start_form(p, f, FP_SUPV_OUTCOME);
}

/* x: an accountability record after an unresolved request */
static void form_accountability(esc_pane *p)
{
	const supv_row *r = cursor_row(p);
	if (!r)
		return;
	const char *bodies = app_accountability_bodies(shell_ctx(p->sh));
	strbuf why = STRBUF_INIT;
	/* asked before the form: whether this request may be followed at all */
	if (supervise_accountability_may_follow(r->id, r->outcome, &why) < 0) {
		shell_error(p->sh, "%s", sb_str(&why));
		sb_free(&why);
		return;
	}
	sb_free(&why);
	char *title = xasprintf(_("Accountability (问责) after supervision request %lld (%s)"),
	                        (long long)r->id, r->unit);
	form *f = form_new(p->sh, title);
	xfree(&title);
	/* the setting's bodies, '|'-separated, picked by name */
	char *copy = xstrdup(bodies ? bodies : "");
	esc_options o = { .n = 0 };
	for (char *s = copy, *bar; *s; s = bar ? bar + 1 : s + strlen(s)) {
		bar = strchr(s, '|');
		if (bar)
			*bar = '\0';
		if (*s)
			escalation_opt_add(&o, s, s);
		if (!bar)
			break;
	}
	p->fld[F_BODY] = form_add_choice(f, _("Body"), o.v, o.n, o.n ? o.v[0].value : "", true);
	xfree(&copy);
	p->fld[F_PERSON] = form_add_text(f, _("Person held to account"), "", SUPV_TEXT_MAX, true);
	p->fld[F_MEASURE] = form_add_lines(f, _("Measure"), "", SUPV_TEXT_MAX, 3, true);
	p->supv_id = r->id;
	set_buttons(f);
	escalation_start_form(p, f, FP_ACC_ADD);
}

void escalation_supv_save(esc_pane *p)
{
	if (form_button(p->form) != 0) {
		escalation_close_form(p);
		return;
	}
	app_ctx *ctx = shell_ctx(p->sh);
	strbuf why = STRBUF_INIT;
	app_status st;
	int64_t id = 0;
	if (p->purpose == FP_SUPV_ADD) {
		char *appeal = form_text(p->form, p->fld[F_APPEAL]);
		char *what = form_text(p->form, p->fld[F_WHAT]);
		app_supv_new in = { .due = form_date(p->form, p->fld[F_DUE]) };
		supervise_source_parse(form_choice(p->form, p->fld[F_SOURCE]), &in.source);
		const char *unit = form_choice(p->form, p->fld[F_UNIT]);
		in.unit = *unit ? unit : NULL;
		in.appeal = appeal && *appeal ? appeal : NULL;
		in.what = what;
		st = app_supv_add(ctx, &in, &id, &why);
		if (st == APP_OK)
			shell_message(p->sh, _("supervision request %lld filed"), (long long)id);
		xfree(&appeal);
		xfree(&what);
	} else if (p->purpose == FP_SUPV_OUTCOME) {
		supervise_outcome out = SUPV_RESOLVED;
		supervise_outcome_parse(form_choice(p->form, p->fld[F_OUTCOME]), &out);
		char *note = form_text(p->form, p->fld[F_NOTE]);
		id = p->supv_id;
		st = app_supv_outcome(ctx, id, out, note, &why);
		if (st == APP_OK)
			shell_message(p->sh, _("supervision request %lld: %s"), (long long)id,
			              _(supervise_outcome_label(out)));
		xfree(&note);
	} else {
		char *person = form_text(p->form, p->fld[F_PERSON]);
		char *measure = form_text(p->form, p->fld[F_MEASURE]);
		int64_t acc = 0;
		id = p->supv_id;
		st = app_acc_add(ctx, id, form_choice(p->form, p->fld[F_BODY]), person, measure, &acc,
		                 &why);
		if (st == APP_OK)
			shell_message(p->sh, _("accountability %lld recorded on supervision request %lld"),
			              (long long)acc, (long long)id);
		xfree(&person);
		xfree(&measure);
	}
	if (st == APP_OK) {
		escalation_close_form(p);
		escalation_supv_reload(p, id);
	} else {
		/* the form stays as typed, the rule's words under it */
		form_set_error(p->form, -1, sb_str(&why));
	}
	sb_free(&why);
}

unsigned escalation_supv_event(esc_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_NEW:
		form_add(p);
		return REACT_RECALC;
	case ACT_OUTCOME:
		form_outcome(p);
		return REACT_RECALC;
	case ACT_ESCALATE:
		form_accountability(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		escalation_supv_reload(p, 0);
		return REACT_RECALC;
	default:
		return lv_handle(p->supv_lv, ev->act);
	}
}

bool escalation_supv_offers(action a)
{
	return a == ACT_NEW || a == ACT_OUTCOME || a == ACT_ESCALATE || a == ACT_REFRESH ||
	       a == ACT_NEXT_VIEW;
}

const char *escalation_supv_hint(esc_pane *p)
{
	char k1[16], k2[16], k3[16], k4[16];
	shell_key_name(p->sh, ACT_NEW, k1);
	shell_key_name(p->sh, ACT_OUTCOME, k2);
	shell_key_name(p->sh, ACT_ESCALATE, k3);
	shell_key_name(p->sh, ACT_NEXT_VIEW, k4);
	xfree(&p->hint);
	p->hint = xasprintf(_("%s file a request, %s its outcome, %s accountability, %s next view"),
	                    k1, k2, k3, k4);
	return p->hint;
}
