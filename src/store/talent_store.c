/* Talent programme and request rows (store/talent_store.h). A move is guarded by the
 * state it was read in, so that two desks cannot both move one request. */
#include "store/talent_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

int talent_store_add_programme(db *d, const char *actor, const talent_programme *p,
                               int64_t *id, store_err *err)
{
	char now[20], s[11], e[11];
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO talent_programme (enterprise_id, kind, school, name, places, start_on,"
		" end_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_now(d, now);
	sqlite3_bind_int64(st, 1, p->enterprise_id);
	db_bind_text(st, 2, talent_prog_code(p->kind));
	db_bind_text(st, 3, p->school);
	db_bind_text(st, 4, p->name);
	sqlite3_bind_int(st, 5, p->places);
	rows_bind_date(st, 6, p->start);
	rows_bind_date(st, 7, p->end);
	db_bind_text(st, 8, actor);
	db_bind_text(st, 9, now);
	if (rows_step_one(d, st, "adding a talent programme", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	return rows_commit_event(d, actor, "enterprise", p->enterprise_id, "talent.programme",
	                         xasprintf("programme=%" PRId64 " kind=%s school=%s name=%s"
	                                   " places=%d start=%s end=%s", *id,
	                                   talent_prog_code(p->kind), p->school, p->name,
	                                   p->places, date_format(p->start, s),
	                                   p->end == DATE_NONE ? "" : date_format(p->end, e)),
	                         NULL, err);
fail:
	db_rollback(d);
	return -1;
}

int talent_store_add_request(db *d, const char *actor, const talent_request *r, int64_t *id,
                             store_err *err)
{
	char now[20];
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO talent_request (enterprise_id, kind, person, detail, unit, created_by,"
		" created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_now(d, now);
	sqlite3_bind_int64(st, 1, r->enterprise_id);
	db_bind_text(st, 2, r->kind);
	db_bind_text(st, 3, r->person);
	db_bind_text(st, 4, r->detail ? r->detail : "");
	db_bind_text(st, 5, r->unit);
	db_bind_text(st, 6, actor);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, now);
	if (rows_step_one(d, st, "adding a talent service request", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	return rows_commit_event(d, actor, "enterprise", r->enterprise_id, "talent.request",
	                         xasprintf("request=%" PRId64 " kind=%s person=%s unit=%s"
	                                   " detail=%s", *id, r->kind, r->person, r->unit,
	                                   r->detail ? r->detail : ""), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

/* step a bound UPDATE … WHERE (the row as read) RETURNING enterprise_id inside the
 * open transaction: 0 with *enterprise_id of the row written; 1 when no row was as
 * read (rolled back, err the code changed naming id); -1 failed (rolled back) */
static int guarded_step(db *d, sqlite3_stmt *st, const char *what, store_code changed,
                        int64_t id, int64_t *enterprise_id, store_err *err)
{
	int rc = sqlite3_step(st);
	*enterprise_id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_DONE) {
		db_fail(d, err, what);
		db_rollback(d);
		return -1;
	}
	if (!*enterprise_id) {
		db_rollback(d);
		store_err_num(store_err_set(err, changed), 0, id);
		return 1;
	}
	return 0;
}

int talent_store_move(db *d, const char *actor, int64_t id, talent_state from,
                      talent_state to, const char *note, store_err *err)
{
	char now[20];
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE talent_request SET state = ?, note = ?, updated_at = ?"
		" WHERE id = ? AND state = ? RETURNING enterprise_id", err);
	if (!st)
		goto fail;
	db_now(d, now);
	db_bind_text(st, 1, talent_state_code(to));
	db_bind_text(st, 2, note ? note : "");
	db_bind_text(st, 3, now);
	sqlite3_bind_int64(st, 4, id);
	db_bind_text(st, 5, talent_state_code(from));
	int64_t enterprise_id;
	int rc = guarded_step(d, st, "moving a talent service request", STORE_E_TALENT_CHANGED,
	                      id, &enterprise_id, err);
	if (rc != 0)
		return rc;
	return rows_commit_event(d, actor, "enterprise", enterprise_id, "talent.move",
	                         xasprintf("request=%" PRId64 " from=%s to=%s note=%s", id,
	                                   talent_state_code(from), talent_state_code(to),
	                                   note ? note : ""), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

#define REQUEST_COLS "r.id, r.enterprise_id, e.name, e.uscc, e.area, r.kind, r.person," \
	" r.detail, r.unit, r.state, r.note, coalesce(r.appeal_id, 0), a.number, r.created_by," \
	" r.created_at, r.updated_at FROM talent_request r" \
	" JOIN enterprise e ON e.id = r.enterprise_id LEFT JOIN appeal a ON a.id = r.appeal_id"

static void request_row(sqlite3_stmt *st, void *rec)
{
	talent_request *r = rec;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->enterprise_id = sqlite3_column_int64(st, 1);
	r->enterprise = rows_col_dup(st, 2);
	r->uscc = rows_col_dup(st, 3);
	r->area = rows_col_dup(st, 4);
	r->kind = rows_col_dup(st, 5);
	r->person = rows_col_dup(st, 6);
	r->detail = rows_col_dup(st, 7);
	r->unit = rows_col_dup(st, 8);
	talent_state s = TALENT_RECEIVED;
	talent_state_parse(db_col_text(st, 9), &s);
	r->state = s;
	r->note = rows_col_dup(st, 10);
	r->appeal_id = sqlite3_column_int64(st, 11);
	r->appeal_number = rows_col_opt(st, 12);
	r->created_by = rows_col_dup(st, 13);
	r->created_at = rows_col_dup(st, 14);
	r->updated_at = rows_col_dup(st, 15);
}

int talent_store_get(db *d, int64_t id, talent_request *r, store_err *err)
{
	return rows_one(d, REQUEST_COLS, "r.id", id, r, request_row,
	                "reading a talent service request", err);
}

/* the WHERE of filter f */
static void request_where(const talent_filter *f, rows_where *w)
{
	rows_where_init(w);
	if (f && f->enterprise_id)
		rows_where_int(w, "r.enterprise_id = ?", f->enterprise_id);
	if (f && f->scope_area)
		rows_where_text(w, "e.area = ?", f->scope_area);
	if (f && f->unit)
		rows_where_text(w, "r.unit = ?", f->unit);
	if (f && f->kind)
		rows_where_text(w, "r.kind = ?", f->kind);
	if (f && f->state >= 0)
		rows_where_text(w, "r.state = ?", talent_state_code((talent_state)f->state));
}

/* the list's order as keys */
static const rows_key talent_store_list_keys[] = {
	{ "r.id", true, true, false },
};

int talent_store_list_from(db *d, const talent_filter *f, int64_t from, bool back, int limit,
		talent_request *out, int *n, store_err *err)
{
	rows_where w;
	request_where(f, &w);
	int rc = rows_list_from(d, REQUEST_COLS, &w, talent_store_list_keys, 1, "r.id", from, back, limit,
	                        out, sizeof *out, request_row, n, "listing talent service requests", err);
	rows_where_free(&w);
	return rc;
}

int talent_store_list(db *d, const talent_filter *f, long offset, int limit,
                      talent_request *out, int *n, store_err *err)
{
	rows_where w;
	request_where(f, &w);
	int rc = rows_list_keyed(d, REQUEST_COLS, &w, talent_store_list_keys, 1, offset, limit, out,
	                         sizeof *out, request_row, n, "listing talent service requests", err);
	rows_where_free(&w);
	return rc;
}

int talent_store_count(db *d, const talent_filter *f, long *n, store_err *err)
{
	rows_where w;
	request_where(f, &w);
	int rc = rows_count(d, "FROM talent_request r JOIN enterprise e ON e.id = r.enterprise_id",
	                    &w, n, "counting talent service requests", err);
	rows_where_free(&w);
	return rc;
}

static void programme_row(sqlite3_stmt *st, void *rec)
{
	talent_programme *p = rec;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->enterprise_id = sqlite3_column_int64(st, 1);
	p->enterprise = rows_col_dup(st, 2);
	p->uscc = rows_col_dup(st, 3);
	p->area = rows_col_dup(st, 4);
	talent_prog_kind k = TALENT_PROG_ORDER;
	talent_prog_parse(db_col_text(st, 5), &k);
	p->kind = k;
	p->school = rows_col_dup(st, 6);
	p->name = rows_col_dup(st, 7);
	p->places = sqlite3_column_int(st, 8);
	p->start = rows_col_date(st, 9);
	p->end = rows_col_date(st, 10);
	p->created_by = rows_col_dup(st, 11);
	p->created_at = rows_col_dup(st, 12);
}

#define PROGRAMME_COLS "p.id, p.enterprise_id, e.name, e.uscc, e.area, p.kind, p.school," \
	" p.name, p.places, p.start_on, p.end_on, p.created_by, p.created_at" \
	" FROM talent_programme p JOIN enterprise e ON e.id = p.enterprise_id"

static void programme_where(const talent_prog_filter *f, rows_where *w)
{
	rows_where_init(w);
	if (f && f->enterprise_id)
		rows_where_int(w, "p.enterprise_id = ?", f->enterprise_id);
	if (f && f->scope_area)
		rows_where_text(w, "e.area = ?", f->scope_area);
}

/* the list's order as keys */
static const rows_key talent_store_programmes_keys[] = {
	{ "p.start_on", true, false, false }, { "p.id", true, true, false },
};

int talent_store_programmes_from(db *d, const talent_prog_filter *f, int64_t from, bool back, int limit,
		talent_programme *out, int *n, store_err *err)
{
	rows_where w;
	programme_where(f, &w);
	int rc = rows_list_from(d, PROGRAMME_COLS, &w, talent_store_programmes_keys, 2, "p.id", from, back, limit,
	                        out, sizeof *out, programme_row, n, "listing talent programmes", err);
	rows_where_free(&w);
	return rc;
}

int talent_store_programmes(db *d, const talent_prog_filter *f, long offset, int limit,
                            talent_programme *out, int *n, store_err *err)
{
	rows_where w;
	programme_where(f, &w);
	int rc = rows_list_keyed(d, PROGRAMME_COLS, &w, talent_store_programmes_keys, 2, offset,
	                         limit, out, sizeof *out, programme_row, n, "listing talent programmes", err);
	rows_where_free(&w);
	return rc;
}

int talent_store_prog_count(db *d, const talent_prog_filter *f, long *n, store_err *err)
{
	rows_where w;
	programme_where(f, &w);
	int rc = rows_count(d, "FROM talent_programme p JOIN enterprise e ON e.id = p.enterprise_id",
	                    &w, n, "counting talent programmes", err);
	rows_where_free(&w);
	return rc;
}

int talent_store_get_programme(db *d, int64_t id, talent_programme *p, store_err *err)
{
	return rows_one(d, PROGRAMME_COLS, "p.id", id, p, programme_row,
	                "reading a talent programme", err);
}

int talent_store_edit_programme(db *d, const char *actor, const talent_programme *was,
                                const talent_programme *now, const char *changes,
                                store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	/* only over the row as it was read: an edit made meanwhile is not overwritten */
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE talent_programme SET kind = ?, school = ?, name = ?, places = ?,"
		" start_on = ?, end_on = ? WHERE id = ? AND kind = ? AND school = ? AND name = ?"
		" AND places = ? AND start_on IS ? AND end_on IS ? RETURNING enterprise_id", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, talent_prog_code(now->kind));
	db_bind_text(st, 2, now->school);
	db_bind_text(st, 3, now->name);
	sqlite3_bind_int(st, 4, now->places);
	rows_bind_date(st, 5, now->start);
	rows_bind_date(st, 6, now->end);
	sqlite3_bind_int64(st, 7, was->id);
	db_bind_text(st, 8, talent_prog_code(was->kind));
	db_bind_text(st, 9, was->school);
	db_bind_text(st, 10, was->name);
	sqlite3_bind_int(st, 11, was->places);
	rows_bind_date(st, 12, was->start);
	rows_bind_date(st, 13, was->end);
	int64_t enterprise_id;
	int rc = guarded_step(d, st, "editing a talent programme", STORE_E_PROGRAMME_CHANGED,
	                      was->id, &enterprise_id, err);
	if (rc != 0)
		return rc;
	return rows_commit_event(d, actor, "enterprise", enterprise_id, "talent.programme.edit",
	                         xasprintf("programme=%" PRId64 " %s", was->id, changes), NULL,
	                         err);
fail:
	db_rollback(d);
	return -1;
}

int talent_store_link_appeal(db *d, int64_t id, const char *number, store_err *err)
{
	return rows_link_problem(d, "talent_request", id, number, STORE_E_NO_TALENT_REQUEST, err);
}
