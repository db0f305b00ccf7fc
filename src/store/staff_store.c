/* Staff rows and the units a leader oversees. */
#include "store/staff_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

#define STAFF_COLS "id, login, name, unit, role, area, level, disabled_on, phone"

static staff *staff_from_row(sqlite3_stmt *st)
{
	staff *s = xcalloc(1, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->login = xstrdup(db_col_text(st, 1));
	s->name = xstrdup(db_col_text(st, 2));
	s->unit = xstrdup(db_col_text(st, 3));
	if (!role_parse(db_col_text(st, 4), &s->role))
		s->role = ROLE_UNIT_STAFF;
	s->area = rows_col_opt(st, 5);
	s->level = sqlite3_column_int(st, 6);
	s->disabled_on = rows_col_opt(st, 7);
	s->phone = rows_col_dup(st, 8);
	return s;
}

static int load_oversees(db *d, staff *s, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT unit FROM staff_oversees WHERE staff_id = ?"
	                              " ORDER BY unit", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, s->id);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		s->oversees = xrealloc(s->oversees, sizeof(char *) * (size_t)(n + 2));
		s->oversees[n++] = xstrdup(db_col_text(st, 0));
		s->oversees[n] = NULL;
	}
	db_done(st);
	return 0;
}

int staff_store_get(db *d, const char *login, staff **out, store_err *err)
{
	*out = NULL;
	sqlite3_stmt *st = db_stmt(d, "SELECT " STAFF_COLS " FROM staff WHERE login = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, login);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = staff_from_row(st);
		db_done(st);
		return load_oversees(d, *out, err) < 0 ? -1 : 0;
	}
	db_done(st);
	if (rc != SQLITE_DONE) {
		db_fail(d, err, "reading staff");
		return -1;
	}
	return 1;
}

int staff_store_add(db *d, const char *actor, const staff *s, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d, "SELECT name FROM staff WHERE login = ?", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, s->login);
	if (sqlite3_step(st) == SQLITE_ROW) {
		store_err_name(store_err_set(err, STORE_E_STAFF_EXISTS), 0, s->login);
		store_err_name(err, 1, db_col_text(st, 0));
		db_done(st);
		goto fail;
	}
	db_done(st);
	st = db_stmt(d, "INSERT INTO staff (login, name, unit, role, area, level, created_at,"
	                " phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, s->login);
	db_bind_text(st, 2, s->name);
	db_bind_text(st, 3, s->unit);
	db_bind_text(st, 4, role_code(s->role));
	db_bind_text(st, 5, s->area);
	sqlite3_bind_int(st, 6, s->level);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, s->phone ? s->phone : "");
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail(d, err, "adding staff");
		db_done(st);
		goto fail;
	}
	db_done(st);
	int64_t id = sqlite3_last_insert_rowid(db_handle(d));
	strbuf summary = STRBUF_INIT;
	sb_addf(&summary, "login=%s name=%s unit=%s role=%s", s->login, s->name, s->unit,
	        role_code(s->role));
	if (s->area)
		sb_addf(&summary, " area=%s", s->area);
	if (s->level)
		sb_addf(&summary, " level=%d", s->level);
	if (s->phone && *s->phone)
		sb_addf(&summary, " phone=%s", s->phone);
	for (char **u = s->oversees; u && *u; u++) {
		st = db_stmt(d, "INSERT INTO staff_oversees (staff_id, unit) VALUES (?, ?)", err);
		if (!st) {
			sb_free(&summary);
			goto fail;
		}
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, *u);
		int rc = sqlite3_step(st);
		db_done(st);
		if (rc != SQLITE_DONE) {
			db_fail(d, err, "adding overseen units");
			sb_free(&summary);
			goto fail;
		}
		sb_addf(&summary, "%s%s", u == s->oversees ? " oversees=" : ",", *u);
	}
	int rc = db_event(d, actor, "staff", id, "add", sb_str(&summary), NULL, err);
	sb_free(&summary);
	if (rc < 0)
		goto fail;
	return db_commit(d, err);
fail:
	db_rollback(d);
	return -1;
}

int staff_store_act_as(db *d, const char *real, const staff *other, store_err *err)
{
	/* the acting login is loaded on first need, which may be inside a use case's
	 * transaction: the event is then part of it */
	bool own = sqlite3_get_autocommit(db_handle(d)) != 0;
	if (own && db_begin(d, err) < 0)
		return -1;
	strbuf summary = STRBUF_INIT;
	sb_addf(&summary, "login=%s as=%s", real, other->login);
	int rc = db_event(d, real, "staff", other->id, "act_as", sb_str(&summary), NULL, err);
	sb_free(&summary);
	if (rc < 0) {
		if (own)
			db_rollback(d);
		return -1;
	}
	return own ? db_commit(d, err) : 0;
}

int staff_store_set_disabled(db *d, const char *actor, const staff *s, bool disable,
		store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	if (disable && s->role == ROLE_ADMIN && !s->disabled_on) {
		/* checked again inside the write, as staff_store_update does */
		long others = 0;
		if (staff_store_other_admins(d, s->login, &others, err) < 0) {
			db_rollback(d);
			return -1;
		}
		if (others == 0) {
			store_err_name(store_err_set(err, STORE_E_STAFF_LAST_ADMIN), 0, s->login);
			db_rollback(d);
			return -1;
		}
	}
	char now[20];
	db_now(d, now);
	sqlite3_stmt *st = db_stmt(d, "UPDATE staff SET disabled_on = ? WHERE id = ?", err);
	if (st) {
		db_bind_text(st, 1, disable ? now : NULL);
		sqlite3_bind_int64(st, 2, s->id);
	}
	if (!st || rows_step_one(d, st, "changing staff", err) < 0) {
		db_rollback(d);
		return -1;
	}
	strbuf summary = STRBUF_INIT;
	sb_addf(&summary, "login=%s name=%s", s->login, s->name);
	return rows_commit_event(d, actor, "staff", s->id, disable ? "disable" : "enable",
	                         sb_steal(&summary), NULL, err);
}

/* the overseen units as "a,b" (none: "") */
static void oversees_text(char *const *v, strbuf *out)
{
	for (char *const *u = v; u && *u; u++)
		sb_addf(out, "%s%s", u == v ? "" : ",", *u);
}

static int str_diff(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* one event per field changed: "login=L field=F from=A to=B" */
static int change_event(db *d, const char *actor, const staff *s, const char *field,
		const char *from, const char *to, store_err *err)
{
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "login=%s field=%s from=%s to=%s", s->login, field, from ? from : "",
	        to ? to : "");
	int rc = db_event(d, actor, "staff", s->id, "edit", sb_str(&sum), NULL, err);
	sb_free(&sum);
	return rc;
}

/* the one number sql (with nbind text parameters a, b) answers; 0 or -1 (err) */
static int count_of(db *d, const char *sql, int nbind, const char *a, const char *b,
		long *n, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, a);
	if (nbind > 1)
		db_bind_text(st, 2, b);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	else
		db_fail(d, err, "reading staff");
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int staff_store_other_admins(db *d, const char *except, long *n, store_err *err)
{
	return count_of(d, "SELECT count(*) FROM staff WHERE role = 'admin'"
	                   " AND disabled_on IS NULL AND login IS NOT ?", 1, except, NULL, n, err);
}

int staff_store_update(db *d, const char *actor, const staff *old, const staff *new,
		store_err *err)
{
	char old_level[4], new_level[4];
	snprintf(old_level, sizeof old_level, "%d", old->level);
	snprintf(new_level, sizeof new_level, "%d", new->level);
	strbuf old_ov = STRBUF_INIT, new_ov = STRBUF_INIT;
	oversees_text(old->oversees, &old_ov);
	oversees_text(new->oversees, &new_ov);
	const struct { const char *field, *from, *to; } f[] = {
		{ "name", old->name, new->name },
		{ "unit", old->unit, new->unit },
		{ "role", role_code(old->role), role_code(new->role) },
		{ "area", old->area, new->area },
		{ "level", old_level, new_level },
		{ "oversees", sb_str(&old_ov), sb_str(&new_ov) },
		{ "phone", old->phone, new->phone },
	};
	int changed = 0, rc = -1;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		changed += str_diff(f[i].from, f[i].to) != 0;
	if (changed == 0) {
		rc = 1;
		goto out;
	}
	if (db_begin(d, err) < 0)
		goto out;
	if (old->role == ROLE_ADMIN && new->role != ROLE_ADMIN && !old->disabled_on) {
		/* checked again inside the write: another session may have just demoted or
		 * disabled the other administrators */
		long others = 0;
		if (staff_store_other_admins(d, old->login, &others, err) < 0)
			goto fail;
		if (others == 0) {
			store_err_name(store_err_set(err, STORE_E_STAFF_LAST_ADMIN), 0, old->login);
			goto fail;
		}
	}
	sqlite3_stmt *st = db_stmt(d, "UPDATE staff SET name = ?, unit = ?, role = ?, area = ?,"
	                              " level = ?, phone = ? WHERE id = ?", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, new->name);
	db_bind_text(st, 2, new->unit);
	db_bind_text(st, 3, role_code(new->role));
	db_bind_text(st, 4, new->area);
	sqlite3_bind_int(st, 5, new->level);
	db_bind_text(st, 6, new->phone ? new->phone : "");
	sqlite3_bind_int64(st, 7, old->id);
	if (rows_step_one(d, st, "changing staff", err) < 0)
		goto fail;
	if (strcmp(sb_str(&old_ov), sb_str(&new_ov)) != 0) {
		st = db_stmt(d, "DELETE FROM staff_oversees WHERE staff_id = ?", err);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, old->id);
		if (rows_exec(d, st, "changing overseen units", err) < 0)
			goto fail;
		for (char **u = new->oversees; u && *u; u++) {
			st = db_stmt(d, "INSERT INTO staff_oversees (staff_id, unit) VALUES (?, ?)",
			             err);
			if (!st)
				goto fail;
			sqlite3_bind_int64(st, 1, old->id);
			db_bind_text(st, 2, *u);
			if (rows_step_one(d, st, "changing overseen units", err) < 0)
				goto fail;
		}
	}
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (str_diff(f[i].from, f[i].to) != 0 &&
		    change_event(d, actor, old, f[i].field, f[i].from, f[i].to, err) < 0)
			goto fail;
	rc = db_commit(d, err);
	goto out;
fail:
	db_rollback(d);
	rc = -1;
out:
	sb_free(&old_ov);
	sb_free(&new_ov);
	return rc;
}

int staff_store_each(db *d, void (*fn)(const staff *s, void *arg), void *arg, store_err *err)
{
	/* collect first: callbacks must not run while a read statement holds the
	 * database (rollback-journal mode makes writers wait for readers) */
	sqlite3_stmt *st = db_stmt(d, "SELECT " STAFF_COLS " FROM staff ORDER BY unit, login", err);
	if (!st)
		return -1;
	staff **all = NULL;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		all = xrealloc(all, sizeof *all * (size_t)(n + 1));
		all[n++] = staff_from_row(st);
	}
	db_done(st);
	int ret = rc == SQLITE_DONE ? 0 : -1;
	if (ret < 0)
		db_fail(d, err, "listing staff");
	for (int i = 0; i < n; i++) {
		if (ret == 0 && load_oversees(d, all[i], err) == 0)
			fn(all[i], arg);
		staff_free(&all[i]);
	}
	free(all);
	return ret;
}

int staff_store_count(db *d, long *n, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT count(*) FROM staff", err);
	if (!st)
		return -1;
	*n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	db_done(st);
	return 0;
}

int staff_store_unit_has_role(db *d, const char *unit, role_t role, bool *yes, store_err *err)
{
	long n = 0;
	if (count_of(d, "SELECT EXISTS (SELECT 1 FROM staff WHERE unit = ? AND role = ?)", 2,
	             unit, role_code(role), &n, err) < 0)
		return -1;
	*yes = n != 0;
	return 0;
}

void staff_free(staff **sp)
{
	staff *s = *sp;
	if (!s)
		return;
	free(s->login);
	free(s->name);
	free(s->unit);
	free(s->area);
	free(s->disabled_on);
	free(s->phone);
	for (char **u = s->oversees; u && *u; u++)
		free(*u);
	free(s->oversees);
	free(s);
	*sp = NULL;
}
