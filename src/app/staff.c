/* Staff administration: adding a login, changing it, disabling and enabling it. What
 * was typed is checked here once, for the command and the Staff view alike. */
#include "app/staff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/phone.h"
#include "model/unit.h"
#include "store/staff_store.h"

/* split "a,b，c" (ASCII or full-width commas, 、 too) into a NULL-terminated list */
static char **split_units(const char *s)
{
	char **v = NULL;
	int n = 0;
	char *copy = xstrdup(s);
	char *p = copy;
	while (*p) {
		size_t len = strcspn(p, ",");
		const char *fw = strstr(p, "，");
		const char *dun = strstr(p, "、");
		if (fw && (size_t)(fw - p) < len)
			len = (size_t)(fw - p);
		if (dun && (size_t)(dun - p) < len)
			len = (size_t)(dun - p);
		char *item = xstrndup(p, len);
		char *trimmed = text_trim(item);
		free(item);
		if (*trimmed) {
			v = xrealloc(v, sizeof *v * (size_t)(n + 2));
			v[n++] = trimmed;
			v[n] = NULL;
		} else {
			free(trimmed);
		}
		p += len;
		if (*p == ',')
			p++;
		else if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0)
			p += 3;
	}
	free(copy);
	return v;
}

static char *clean_text(const char *s)
{
	char *san = text_sanitize(s, strlen(s), 0);
	char *t = text_trim(san);
	free(san);
	return t;
}

static void strv_free(char **v)
{
	for (char **u = v; u && *u; u++)
		free(*u);
	free(v);
}

/* the record in into out (owned strings), checked; false with the field and reason */
static bool staff_check(app_ctx *ctx, const staff_typed *in, staff *out, staff_field *bad,
		strbuf *msg)
{
	unit_table *units = app_units(ctx);
	strbuf allowed = STRBUF_INIT;
	bool ok = false;
	*bad = STAFF_F_LOGIN;
	out->login = text_trim(in->login ? in->login : "");
	if (!*out->login || strpbrk(out->login, " \t:/")) {
		sb_addf(msg, _("'%s' is not a usable login name"), in->login ? in->login : "");
		goto out;
	}
	*bad = STAFF_F_NAME;
	out->name = clean_text(in->name ? in->name : "");
	if (!*out->name) {
		sb_add(msg, _("the name is empty"));
		goto out;
	}
	*bad = STAFF_F_UNIT;
	out->unit = clean_text(in->unit ? in->unit : "");
	if (!units_find(units, out->unit)) {
		units_list(units, -1, &allowed);
		sb_addf(msg, _("unknown unit '%s'; allowed: %s"), out->unit, sb_str(&allowed));
		goto out;
	}
	*bad = STAFF_F_ROLE;
	if (!role_parse(in->role, &out->role)) {
		sb_addf(msg, _("unknown role '%s'; allowed: frontdesk, area_officer, unit_staff, "
		               "supervisor, leader, admin"), in->role ? in->role : "");
		goto out;
	}
	*bad = STAFF_F_AREA;
	if (out->role == ROLE_AREA_OFFICER) {
		if (!in->area || !units_is_area(units, in->area)) {
			units_list(units, UNIT_AREA, &allowed);
			sb_addf(msg, _("an area officer needs an area, one of: %s"), sb_str(&allowed));
			goto out;
		}
		out->area = xstrdup(in->area);
	} else if (in->area) {
		sb_add(msg, _("an area is only for the area_officer role"));
		goto out;
	}
	*bad = STAFF_F_LEVEL;
	if (out->role == ROLE_LEADER) {
		if (!in->level || (strcmp(in->level, "1") != 0 && strcmp(in->level, "2") != 0)) {
			sb_add(msg, _("a leader needs level 1 (principal) or 2 (committee leader in "
			              "charge)"));
			goto out;
		}
		out->level = in->level[0] - '0';
		*bad = STAFF_F_OVERSEES;
		if (out->level == 2 && !in->oversees) {
			sb_add(msg, _("a level-2 leader needs the units they are in charge of"));
			goto out;
		}
	} else if (in->level || in->oversees) {
		sb_add(msg, _("a level and overseen units are only for the leader role"));
		goto out;
	}
	*bad = STAFF_F_OVERSEES;
	if (in->oversees) {
		out->oversees = split_units(in->oversees);
		for (char **u = out->oversees; u && *u; u++)
			if (!units_find(units, *u)) {
				units_list(units, -1, &allowed);
				sb_addf(msg, _("unknown unit '%s' to oversee; allowed: %s"), *u,
				        sb_str(&allowed));
				goto out;
			}
	}
	*bad = STAFF_F_PHONE;
	strbuf phone = STRBUF_INIT;
	sb_add(&phone, "");
	const char *why = phone_work_check(in->phone, &phone);
	if (why) {
		sb_addf(msg, _("work phone '%s' %s"), in->phone, _(why));
		sb_free(&phone);
		goto out;
	}
	out->phone = sb_steal(&phone);
	*bad = STAFF_F_NONE;
	ok = true;
out:
	sb_free(&allowed);
	return ok;
}

void app_staff_leader_text(const staff *s, const char *sep, char level[4], strbuf *ov)
{
	level[0] = '\0';
	if (s->level)
		snprintf(level, 4, "%d", s->level);
	sb_add(ov, "");
	for (char **u = s->oversees; u && *u; u++)
		sb_addf(ov, "%s%s", u == s->oversees ? "" : sep, *u);
}

/* the owned strings of a record staff_check filled */
static void staff_clear(staff *s)
{
	free(s->login);
	free(s->name);
	free(s->unit);
	free(s->area);
	free(s->phone);
	strv_free(s->oversees);
	memset(s, 0, sizeof *s);
}

app_status app_staff_add(app_ctx *ctx, const staff_typed *in, staff_field *bad,
		strbuf *msg)
{
	staff s = { 0 };
	*bad = STAFF_F_NONE;
	if (!staff_check(ctx, in, &s, bad, msg)) {
		staff_clear(&s);
		return APP_BAD;
	}
	if (!app_allowed(ctx, PERM_STAFF_ADD, NULL, NULL, msg)) {
		staff_clear(&s);
		return APP_NO;
	}
	app_status st = APP_OK;
	store_err se = { 0 };
	if (staff_store_add(app_db(ctx), app_actor(ctx)->login, &s, &se) < 0) {
		app_store_text(&se, msg);
		*bad = se.code == STORE_E_STAFF_EXISTS ? STAFF_F_LOGIN : STAFF_F_NONE;
		st = APP_NO;
	} else {
		sb_addf(msg, _("added %s (%s, %s, %s)"), s.login, s.name, s.unit,
		        _(role_label(s.role)));
	}
	staff_clear(&s);
	return st;
}

/* the login as read, or NULL with APP_NO/APP_BAD's reason in msg */
static staff *staff_read(app_ctx *ctx, const char *login, app_status *st, strbuf *msg)
{
	staff *s = NULL;
	store_err se = { 0 };
	int rc = app_store_rc(staff_store_get(app_db(ctx), login, &s, &se), &se, msg);
	if (rc < 0) {
		*st = APP_BAD;
		return NULL;
	}
	if (rc == 1) {
		sb_addf(msg, _("no staff login '%s'"), login);
		*st = APP_NO;
		return NULL;
	}
	return s;
}

/* the rule's view of s now; -1 with the store's reason in msg */
static int staff_target(app_ctx *ctx, const staff *s, perm_staff_target *t, strbuf *msg)
{
	store_err se = { 0 };
	*t = (perm_staff_target){ s->login, s->role == ROLE_ADMIN, s->disabled_on != NULL, 0 };
	if (staff_store_other_admins(app_db(ctx), s->login, &t->other_admins, &se) < 0) {
		app_store_text(&se, msg);
		return -1;
	}
	return 0;
}

app_status app_staff_edit(app_ctx *ctx, const char *login, const staff_typed *in,
		staff_field *bad, strbuf *msg)
{
	*bad = STAFF_F_NONE;
	if (!app_allowed(ctx, PERM_STAFF_EDIT, NULL, NULL, msg))
		return APP_NO;
	app_status st = APP_OK;
	staff *old = staff_read(ctx, login, &st, msg);
	if (!old)
		return st;
	/* what is not typed stays; the fields of a role go with it */
	role_t role = old->role;
	if (in->role && !role_parse(in->role, &role))
		role = ROLE__COUNT;
	char level[4];
	strbuf ov = STRBUF_INIT;
	app_staff_leader_text(old, ",", level, &ov);
	staff_typed merged = {
		.login = old->login,
		.name = in->name ? in->name : old->name,
		.unit = in->unit ? in->unit : old->unit,
		.role = in->role ? in->role : role_code(old->role),
		.area = in->area ? in->area : role == ROLE_AREA_OFFICER ? old->area : NULL,
		.level = in->level ? in->level : role == ROLE_LEADER && *level ? level : NULL,
		.oversees = in->oversees ? in->oversees
		            : role == ROLE_LEADER && old->oversees ? sb_str(&ov) : NULL,
		.phone = in->phone ? in->phone : old->phone,
	};
	/* a level-1 leader oversees nobody in particular */
	if (!in->oversees && in->level && strcmp(in->level, "1") == 0)
		merged.oversees = NULL;
	staff s = { 0 };
	perm_staff_target t;
	if (!staff_check(ctx, &merged, &s, bad, msg)) {
		st = APP_BAD;
	} else if (staff_target(ctx, old, &t, msg) < 0) {
		st = APP_BAD;
	} else {
		const char *why = perm_staff_change(app_actor(ctx)->login, &t,
		                                    old->role == ROLE_ADMIN && s.role != ROLE_ADMIN
		                                    ? PERM_STAFF_CHANGE_DEMOTE
		                                    : PERM_STAFF_CHANGE_OTHER);
		store_err se = { 0 };
		s.id = old->id;
		int rc;
		if (why) {
			sb_addf(msg, _("login %s: %s"), old->login, _(why));
			*bad = STAFF_F_ROLE;
			st = APP_NO;
		} else if ((rc = staff_store_update(app_db(ctx), app_actor(ctx)->login, old, &s,
		                                    &se)) < 0) {
			app_store_text(&se, msg);
			st = se.code == STORE_E_STAFF_LAST_ADMIN ? APP_NO : APP_BAD;
		} else if (rc == 1) {
			sb_addf(msg, _("login %s (%s): nothing changed"), old->login, old->name);
		} else {
			sb_addf(msg, _("login %s changed: %s, %s, %s, work phone %s"), s.login, s.name,
			        s.unit, _(role_label(s.role)), *s.phone ? s.phone : _("none"));
		}
	}
	staff_clear(&s);
	sb_free(&ov);
	staff_free(&old);
	return st;
}

/* the rule's verdict on toggling s, with the reason in msg; -1 when it could not be
 * weighed (msg says why) */
static int toggle_verdict(app_ctx *ctx, const staff *s, bool disable, strbuf *msg)
{
	perm_staff_target t;
	if (staff_target(ctx, s, &t, msg) < 0)
		return -1;
	const char *why = perm_staff_change(app_actor(ctx)->login, &t,
	                                    disable ? PERM_STAFF_CHANGE_DISABLE
	                                            : PERM_STAFF_CHANGE_ENABLE);
	if (why) {
		sb_addf(msg, _("login %s: %s"), s->login, _(why));
		return 1;
	}
	return 0;
}

bool app_staff_may_toggle(app_ctx *ctx, const char *login, bool disable, strbuf *why)
{
	if (!app_allowed(ctx, PERM_STAFF_DISABLE, NULL, NULL, why))
		return false;
	app_status st;
	staff *s = staff_read(ctx, login, &st, why);
	if (!s)
		return false;
	bool may = toggle_verdict(ctx, s, disable, why) == 0;
	staff_free(&s);
	return may;
}

app_status app_staff_set_disabled(app_ctx *ctx, const char *login, bool disable,
		strbuf *msg)
{
	if (!app_allowed(ctx, PERM_STAFF_DISABLE, NULL, NULL, msg))
		return APP_NO;
	app_status st = APP_OK;
	staff *s = staff_read(ctx, login, &st, msg);
	if (!s)
		return st;
	store_err se = { 0 };
	int v = toggle_verdict(ctx, s, disable, msg);
	if (v != 0) {
		st = v < 0 ? APP_BAD : APP_NO;
	} else if (staff_store_set_disabled(app_db(ctx), app_actor(ctx)->login, s, disable,
	                                    &se) < 0) {
		app_store_text(&se, msg);
		st = se.code == STORE_E_STAFF_LAST_ADMIN ? APP_NO : APP_BAD;
	} else if (disable) {
		sb_addf(msg, _("login %s (%s) disabled: it can no longer use qifu; its name stays "
		               "in the history"), s->login, s->name);
	} else {
		sb_addf(msg, _("login %s (%s) enabled"), s->login, s->name);
	}
	staff_free(&s);
	return st;
}
