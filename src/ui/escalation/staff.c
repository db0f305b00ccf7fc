/* The Escalation pane's staff view, for administrators (issue 15): every login with
 * its unit, role, work phone and 停用 mark; a form to add a login and one to change its
 * name, unit, role and phone, units and roles picked by their Chinese names; disable and
 * enable after a [y/N] that names the login. Nothing is deleted. Every rule (who may,
 * what is valid, the last administrator) is src/app/staff.c's, as for the command. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/staff.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "store/staff_store.h"
#include "ui/escalation/private.h"
#include "ui/prompt.h"

enum { F_LOGIN, F_NAME, F_UNIT, F_ROLE, F_AREA, F_LEVEL, F_OVERSEES, F_PHONE };

static void clear_rows(esc_pane *p)
{
	for (int i = 0; i < p->nstaff; i++) {
		staff_free(&p->staff_rows[i]);
		for (int c = 0; c < STAFF_COL__COUNT; c++)
			xfree(&p->staff_cells[i * STAFF_COL__COUNT + c]);
	}
	xfree(&p->staff_rows);
	xfree(&p->staff_cells);
	p->nstaff = 0;
}

static void keep_row(const staff *s, void *arg)
{
	esc_pane *p = arg;
	int i = p->nstaff++;
	p->staff_rows = xrealloc(p->staff_rows, (size_t)p->nstaff * sizeof *p->staff_rows);
	p->staff_cells = xrealloc(p->staff_cells,
	                          (size_t)p->nstaff * STAFF_COL__COUNT * sizeof *p->staff_cells);
	/* the callback's row is the store's to free: keep a copy of our own */
	p->staff_rows[i] = staff_copy(s);
	for (int c = 0; c < STAFF_COL__COUNT; c++) {
		strbuf b = STRBUF_INIT;
		sb_add(&b, "");
		app_staff_cell(s, c, CELL_WORDS, &b);
		p->staff_cells[i * STAFF_COL__COUNT + c] = sb_steal(&b);
	}
}

/* every login, ordered by unit then login as qifu staff list prints them */
static long count_rows(void *arg)
{
	esc_pane *p = arg;
	if (p->staff_stale) {
		clear_rows(p);
		store_err err = { 0 };
		if (shell_store_rc(p->sh, staff_store_each(escalation_db(p), keep_row, p, &err),
		                   &err) < 0)
			return -1;
		p->staff_stale = false;
	}
	return p->nstaff;
}

static int fetch_rows(void *arg, long offset, int limit)
{
	esc_pane *p = arg;
	p->staff_off = (int)offset;
	long left = p->nstaff - offset;
	return left < 0 ? 0 : left < limit ? (int)left : limit;
}

static const char *cell(void *arg, long row, int col)
{
	esc_pane *p = arg;
	if (row < 0 || row >= p->nstaff || col < 0 || col >= STAFF_COL__COUNT)
		return "";
	return p->staff_cells[row * STAFF_COL__COUNT + col];
}

static ui_style style(void *arg, long row, int col)
{
	esc_pane *p = arg;
	return col == STAFF_COL_STATE && row >= 0 && row < p->nstaff &&
	       p->staff_rows[row] && p->staff_rows[row]->disabled_on ? STYLE_LIGHT_RED
	                                                             : STYLE_NORMAL;
}

void escalation_staff_init(esc_pane *p)
{
	lv_source src = { count_rows, fetch_rows, cell, p };
	p->staff_lv = lv_new(app_staff_columns, STAFF_COL__COUNT, &src);
	lv_set_style(p->staff_lv, style);
	p->staff_stale = true;
}

void escalation_staff_free(esc_pane *p)
{
	clear_rows(p);
	lv_free(&p->staff_lv);
	xfree(&p->staff_login);
}

void escalation_staff_reload(esc_pane *p, const char *login)
{
	p->staff_stale = true;
	lv_invalidate(p->staff_lv);
	if (!login || count_rows(p) < 0)
		return;
	for (int i = 0; i < p->nstaff; i++)
		if (p->staff_rows[i] && strcmp(p->staff_rows[i]->login, login) == 0)
			lv_set_cursor(p->staff_lv, i);
}

void escalation_staff_recalc(esc_pane *p, ui_rect r)
{
	lv_recalc(p->staff_lv, escalation_below_line(r));
}

void escalation_staff_repaint(esc_pane *p, ui_rect r)
{
	int off = 0;
	for (int i = 0; i < p->nstaff; i++)
		off += p->staff_rows[i] && p->staff_rows[i]->disabled_on;
	draw_textf(r.y, r.x, r.w, TEXT_LEFT, STYLE_NORMAL,
	           _("Staff: %d logins, %d of them disabled; a login is never deleted"),
	           p->nstaff, off);
	lv_repaint(p->staff_lv, escalation_below_line(r));
}

/* the login under the cursor, or NULL (said on the status line) */
static const staff *cursor_staff(esc_pane *p)
{
	long i = lv_cursor(p->staff_lv);
	if (i < 0 || i >= p->nstaff || !p->staff_rows[i]) {
		shell_message(p->sh, "%s", _("No login is selected."));
		return NULL;
	}
	return p->staff_rows[i];
}

/* the add form (s NULL) or the edit form of s */
static void open_form(esc_pane *p, const staff *s)
{
	const unit_table *units = app_units(shell_ctx(p->sh));
	char *title = s ? xasprintf(_("Change login %s (%s)"), s->login, s->name)
	                : xstrdup(_("Add a login"));
	form *f = form_new(p->sh, title);
	xfree(&title);
	if (s)
		p->fld[F_LOGIN] = form_add_note(f, _("Login"), s->login);
	else
		p->fld[F_LOGIN] = form_add_text(f, _("Login"), "", 32, true);
	p->fld[F_NAME] = form_add_text(f, _("Full name"), s ? s->name : "", 40, true);
	esc_options o = { .n = 0 };
	for (int i = 0; i < units->n; i++)
		escalation_opt_add(&o, units->v[i].name, units->v[i].name);
	p->fld[F_UNIT] = form_add_choice(f, _("Unit"), o.v, o.n, s ? s->unit : "", true);
	o.n = 0;
	for (int r = 0; r < ROLE__COUNT; r++)
		escalation_opt_add(&o, role_code((role_t)r), _(role_label((role_t)r)));
	p->fld[F_ROLE] = form_add_choice(f, _("Role"), o.v, o.n,
	                                 role_code(s ? s->role : ROLE_UNIT_STAFF), true);
	o.n = 0;
	escalation_opt_add(&o, "", _("none (area officers only)"));
	for (int i = 0; i < units->n; i++)
		if (units->v[i].kind == UNIT_AREA)
			escalation_opt_add(&o, units->v[i].name, units->v[i].name);
	p->fld[F_AREA] = form_add_choice(f, _("Area"), o.v, o.n, s && s->area ? s->area : "",
	                                 false);
	char level[4];
	strbuf ov = STRBUF_INIT;
	if (s)
		app_staff_leader_text(s, "，", level, &ov);
	else
		level[0] = '\0';
	o.n = 0;
	escalation_opt_add(&o, "", _("none (leaders only)"));
	escalation_opt_add(&o, "1", _("1 principal leader"));
	escalation_opt_add(&o, "2", _("2 leader in charge"));
	p->fld[F_LEVEL] = form_add_choice(f, _("Leader level"), o.v, o.n, level, false);
	p->fld[F_OVERSEES] = form_add_text(f, _("Oversees (level 2)"), sb_str(&ov), 200, false);
	sb_free(&ov);
	p->fld[F_PHONE] = form_add_text(f, _("Work phone"), s ? s->phone : "", 24, false);
	xfree(&p->staff_login);
	if (s)
		p->staff_login = xstrdup(s->login);
	escalation_start_form(p, f, s ? FP_STAFF_EDIT : FP_STAFF_ADD);
}

/* the field of the form that typed f */
static int form_field(esc_pane *p, staff_field f)
{
	switch (f) {
	case STAFF_F_LOGIN: return p->purpose == FP_STAFF_ADD ? p->fld[F_LOGIN] : -1;
	case STAFF_F_NAME: return p->fld[F_NAME];
	case STAFF_F_UNIT: return p->fld[F_UNIT];
	case STAFF_F_ROLE: return p->fld[F_ROLE];
	case STAFF_F_AREA: return p->fld[F_AREA];
	case STAFF_F_LEVEL: return p->fld[F_LEVEL];
	case STAFF_F_OVERSEES: return p->fld[F_OVERSEES];
	case STAFF_F_PHONE: return p->fld[F_PHONE];
	default: return -1;
	}
}

void escalation_staff_save(esc_pane *p)
{
	if (form_button(p->form) != 0) {
		escalation_close_form(p);
		return;
	}
	char *login = p->purpose == FP_STAFF_ADD ? form_text(p->form, p->fld[F_LOGIN]) : NULL;
	char *name = form_text(p->form, p->fld[F_NAME]);
	char *oversees = form_text(p->form, p->fld[F_OVERSEES]);
	char *phone = form_text(p->form, p->fld[F_PHONE]);
	const char *role = form_choice(p->form, p->fld[F_ROLE]);
	const char *area = form_choice(p->form, p->fld[F_AREA]);
	const char *level = form_choice(p->form, p->fld[F_LEVEL]);
	/* the fields of another role than the one chosen are left out, not refused */
	bool officer = strcmp(role, "area_officer") == 0, leader = strcmp(role, "leader") == 0;
	staff_typed in = {
		.login = login, .name = name, .unit = form_choice(p->form, p->fld[F_UNIT]),
		.role = role,
		.area = officer && *area ? area : NULL,
		.level = leader && *level ? level : NULL,
		.oversees = leader && *oversees ? oversees : NULL,
		.phone = phone,
	};
	strbuf msg = STRBUF_INIT;
	staff_field bad = STAFF_F_NONE;
	app_ctx *ctx = shell_ctx(p->sh);
	app_status st = p->purpose == FP_STAFF_ADD ? app_staff_add(ctx, &in, &bad, &msg)
	                : app_staff_edit(ctx, p->staff_login, &in, &bad, &msg);
	if (st == APP_OK) {
		shell_message(p->sh, "%s", sb_str(&msg));
		escalation_close_form(p);
		/* the cursor on the login added or changed: it may have moved in the order */
		char *text = login ? text_trim(login) : xstrdup(p->staff_login);
		escalation_staff_reload(p, text);
		xfree(&text);
	} else {
		form_set_error(p->form, form_field(p, bad), sb_str(&msg));
	}
	sb_free(&msg);
	xfree(&login);
	xfree(&name);
	xfree(&oversees);
	xfree(&phone);
}

/* D: the [y/N] that names the login, when the rules let it be disabled (or enabled) */
static void ask_toggle(esc_pane *p)
{
	const staff *s = cursor_staff(p);
	if (!s)
		return;
	bool disable = s->disabled_on == NULL;
	strbuf why = STRBUF_INIT;
	if (!app_staff_may_toggle(shell_ctx(p->sh), s->login, disable, &why)) {
		shell_error(p->sh, "%s", sb_str(&why));
	} else {
		xfree(&p->staff_login);
		p->staff_login = xstrdup(s->login);
		p->staff_disable = disable;
		p->mode = MODE_STAFF_CONFIRM;
	}
	sb_free(&why);
}

unsigned escalation_staff_confirm_key(esc_pane *p, const pane_event *ev)
{
	if (ev->act == ACT_HELP)
		return REACT_UNHANDLED;
	p->mode = MODE_STAFF;
	if (!prompt_yes(ev->key)) {
		shell_message(p->sh, "%s", _("Nothing changed"));
		return REACT_RECALC;
	}
	strbuf msg = STRBUF_INIT;
	if (app_staff_set_disabled(shell_ctx(p->sh), p->staff_login, p->staff_disable, &msg) ==
	    APP_OK)
		shell_message(p->sh, "%s", sb_str(&msg));
	else
		shell_error(p->sh, "%s", sb_str(&msg));
	sb_free(&msg);
	escalation_staff_reload(p, NULL);
	return REACT_RECALC;
}

unsigned escalation_staff_event(esc_pane *p, const pane_event *ev)
{
	const staff *s;
	switch (ev->act) {
	case ACT_NEW:
		open_form(p, NULL);
		return REACT_RECALC;
	case ACT_EDIT: case ACT_OPEN:
		if ((s = cursor_staff(p)))
			open_form(p, s);
		return REACT_RECALC;
	case ACT_DISABLE:
		ask_toggle(p);
		return REACT_RECALC;
	case ACT_REFRESH:
		escalation_staff_reload(p, NULL);
		return REACT_RECALC;
	default:
		return lv_handle(p->staff_lv, ev->act);
	}
}

const char *escalation_staff_hint(esc_pane *p)
{
	char k1[16], k2[16], k3[16], k4[16];
	shell_key_name(p->sh, ACT_NEW, k1);
	shell_key_name(p->sh, ACT_EDIT, k2);
	shell_key_name(p->sh, ACT_DISABLE, k3);
	shell_key_name(p->sh, ACT_NEXT_VIEW, k4);
	xfree(&p->hint);
	if (p->mode != MODE_STAFF_CONFIRM) {
		p->hint = xasprintf(_("%s add a login, %s or Enter change it, %s disable or enable, "
		                      "%s back to the board"), k1, k2, k3, k4);
		return p->hint;
	}
	const staff *s = NULL;
	for (int i = 0; i < p->nstaff && !s; i++)
		if (p->staff_rows[i] && strcmp(p->staff_rows[i]->login, p->staff_login) == 0)
			s = p->staff_rows[i];
	const char *name = s ? s->name : "", *unit = s ? s->unit : "";
	if (p->staff_disable)
		p->hint = xasprintf(_("Disable login %s (%s, %s)? It can no longer log in. [y/N]"),
		                    p->staff_login, name, unit);
	else
		p->hint = xasprintf(_("Enable login %s (%s, %s) again? [y/N]"), p->staff_login, name,
		                    unit);
	return p->hint;
}
