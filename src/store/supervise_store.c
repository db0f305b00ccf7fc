/* Supervision requests and accountability records; see supervise_store.h. */
#include "store/supervise_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

int supv_store_add(db *d, const char *actor, const char *unit, supervise_source source,
                   int64_t appeal_id, const char *what, qdate due, int64_t *id,
                   store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	char now[20], day[11];
	db_now(d, now);
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO supervise_req (unit, source, appeal_id, what, due, created_by, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, unit);
	db_bind_text(st, 2, supervise_source_code(source));
	if (appeal_id)
		sqlite3_bind_int64(st, 3, appeal_id);
	else
		sqlite3_bind_null(st, 3);
	db_bind_text(st, 4, what);
	rows_bind_date(st, 5, due);
	db_bind_text(st, 6, actor);
	db_bind_text(st, 7, now);
	if (rows_step_one(d, st, "filing a supervision request", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	return rows_commit_event(d, actor, "supervise", *id, "add",
	                         xasprintf("unit=%s source=%s appeal=%" PRId64 " due=%s", unit,
	                                   supervise_source_code(source), appeal_id,
	                                   date_format(due, day)), what, err);
fail:
	db_rollback(d);
	return -1;
}

/* rows_one puts the SELECT before it */
#define SUPV_COLS \
	"r.id, r.unit, r.source, coalesce(a.number, ''), r.what, r.due, r.created_by," \
	" r.created_at, r.outcome, r.outcome_note, coalesce(r.outcome_by, '')," \
	" coalesce(r.outcome_at, ''), (SELECT count(*) FROM accountability c" \
	"  WHERE c.request_id = r.id)" \
	" FROM supervise_req r LEFT JOIN appeal a ON a.id = r.appeal_id"

static void supv_fill(sqlite3_stmt *st, void *rec)
{
	supv_row *r = rec;
	r->id = sqlite3_column_int64(st, 0);
	r->unit = rows_col_dup(st, 1);
	supervise_source_parse(db_col_text(st, 2), &r->source);
	r->appeal = rows_col_dup(st, 3);
	r->what = rows_col_dup(st, 4);
	r->due = rows_col_date(st, 5);
	r->created_by = rows_col_dup(st, 6);
	r->created_at = rows_col_dup(st, 7);
	supervise_outcome_parse(db_col_text(st, 8), &r->outcome);
	r->outcome_note = rows_col_dup(st, 9);
	r->outcome_by = rows_col_dup(st, 10);
	r->outcome_at = rows_col_dup(st, 11);
	r->accountability = sqlite3_column_int(st, 12);
}

int supv_store_get(db *d, int64_t id, supv_row *out, store_err *err)
{
	memset(out, 0, sizeof *out);
	int rc = rows_one(d, SUPV_COLS, "r.id", id, out, supv_fill, "reading a supervision request",
	                  err);
	if (rc == 1)
		store_err_num(store_err_set(err, STORE_E_NO_SUPV), 0, id);
	return rc;
}

int supv_store_outcome(db *d, const char *actor, int64_t id, supervise_outcome outcome,
                       const char *note, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	char now[20];
	db_now(d, now);
	sqlite3_stmt *st = db_stmt(d, "UPDATE supervise_req SET outcome = ?, outcome_note = ?,"
	                              " outcome_by = ?, outcome_at = ? WHERE id = ?"
	                              " AND outcome = 'open'", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, supervise_outcome_code(outcome));
	db_bind_text(st, 2, note ? note : "");
	db_bind_text(st, 3, actor);
	db_bind_text(st, 4, now);
	sqlite3_bind_int64(st, 5, id);
	if (rows_exec(d, st, "recording a supervision outcome", err) < 0)
		goto fail;
	/* the caller saw it open: another session gave it an outcome meanwhile */
	if (sqlite3_changes(db_handle(d)) != 1) {
		store_err_num(store_err_set(err, STORE_E_SUPV_CHANGED), 0, id);
		goto fail;
	}
	return rows_commit_event(d, actor, "supervise", id, "outcome",
	                         xasprintf("outcome=%s", supervise_outcome_code(outcome)), note,
	                         err);
fail:
	db_rollback(d);
	return -1;
}

/* " AND …" of the list filters on the request r (year: of created, a column) */
static void list_where(rows_where *w, const char *unit, int year, const char *created)
{
	rows_where_init(w);
	if (unit)
		rows_where_text(w, "r.unit = ?", unit);
	if (year) {
		char *cond = xasprintf("CAST(substr(%s, 1, 4) AS INTEGER) = ?", created);
		rows_where_int(w, cond, year);
		free(cond);
	}
}

/* "SELECT <head><filters> ORDER BY order" into *rows (records of size, filled by fill) */
static int list_rows(db *d, const char *head, const char *order, const char *unit, int year,
                     const char *created, void *rows, int *n, size_t size, rows_fill_fn *fill,
                     const char *what, store_err *err)
{
	*(void **)rows = NULL;
	*n = 0;
	rows_where w;
	list_where(&w, unit, year, created);
	char *sql = xasprintf("SELECT %s%s ORDER BY %s", head, sb_str(&w.sql), order);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	int rc = -1;
	if (st) {
		rows_where_bind(&w, st);
		rc = rows_append(d, st, rows, n, size, fill, what, err);
	}
	rows_where_free(&w);
	return rc;
}

int supv_store_list(db *d, const char *unit, int year, supv_row **rows, int *n,
                    store_err *err)
{
	return list_rows(d, SUPV_COLS, "r.unit, r.id", unit, year, "r.created_at", rows, n,
	                 sizeof **rows, supv_fill, "listing supervision requests", err);
}

void supv_row_clear(supv_row *r)
{
	free(r->unit);
	free(r->appeal);
	free(r->what);
	free(r->created_by);
	free(r->created_at);
	free(r->outcome_note);
	free(r->outcome_by);
	free(r->outcome_at);
	memset(r, 0, sizeof *r);
}

void supv_rows_free(supv_row **rows, int n)
{
	for (int i = 0; i < n && *rows; i++)
		supv_row_clear(&(*rows)[i]);
	xfree(rows);
}

int acc_store_add(db *d, const char *actor, int64_t request, const char *body,
                  const char *person, const char *measure, int64_t *id, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	char now[20];
	db_now(d, now);
	/* the caller saw the request unresolved; the insert holds only while it is */
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO accountability (request_id, body, person, measure, created_by, created_at)"
		" SELECT id, ?, ?, ?, ?, ? FROM supervise_req WHERE id = ? AND outcome = 'unresolved'",
		err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, body);
	db_bind_text(st, 2, person);
	db_bind_text(st, 3, measure);
	db_bind_text(st, 4, actor);
	db_bind_text(st, 5, now);
	sqlite3_bind_int64(st, 6, request);
	if (rows_exec(d, st, "recording accountability", err) < 0)
		goto fail;
	if (sqlite3_changes(db_handle(d)) != 1) {
		store_err_num(store_err_set(err, STORE_E_SUPV_CHANGED), 0, request);
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(db_handle(d));
	return rows_commit_event(d, actor, "accountability", *id, "add",
	                         xasprintf("request=%" PRId64 " body=%s person=%s", request, body,
	                                   person), measure, err);
fail:
	db_rollback(d);
	return -1;
}

static void acc_fill(sqlite3_stmt *st, void *rec)
{
	acc_row *r = rec;
	r->id = sqlite3_column_int64(st, 0);
	r->request = sqlite3_column_int64(st, 1);
	r->unit = rows_col_dup(st, 2);
	r->body = rows_col_dup(st, 3);
	r->person = rows_col_dup(st, 4);
	r->measure = rows_col_dup(st, 5);
	r->created_by = rows_col_dup(st, 6);
	r->created_at = rows_col_dup(st, 7);
}

int acc_store_list(db *d, const char *unit, int year, acc_row **rows, int *n,
                   store_err *err)
{
	return list_rows(d, "c.id, c.request_id, r.unit, c.body, c.person, c.measure,"
	                 " c.created_by, c.created_at FROM accountability c"
	                 " JOIN supervise_req r ON r.id = c.request_id", "r.unit, c.id", unit, year,
	                 "c.created_at", rows, n, sizeof **rows, acc_fill, "listing accountability",
	                 err);
}

void acc_rows_free(acc_row **rows, int n)
{
	for (int i = 0; i < n && *rows; i++) {
		acc_row *r = &(*rows)[i];
		free(r->unit);
		free(r->body);
		free(r->person);
		free(r->measure);
		free(r->created_by);
		free(r->created_at);
	}
	xfree(rows);
}
