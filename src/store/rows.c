/* Filter clauses and date columns for the record stores. Values are always bound,
 * never printed into the SQL: only the fixed condition texts are. */
#include "store/rows.h"
#include "store/db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void rows_where_init(rows_where *w)
{
	memset(w, 0, sizeof *w);
	sb_add(&w->sql, " WHERE 1");
}

static void add(rows_where *w, const char *cond)
{
	if (w->n == ROWS_MAX_BINDS)
		fatal("rows_where: more than %d filter values", ROWS_MAX_BINDS);
	sb_addf(&w->sql, " AND %s", cond);
}

void rows_where_text(rows_where *w, const char *cond, const char *v)
{
	add(w, cond);
	w->v[w->n].is_int = false;
	w->v[w->n].s = xstrdup(v);
	w->n++;
}

void rows_where_int(rows_where *w, const char *cond, int64_t v)
{
	add(w, cond);
	w->v[w->n].is_int = true;
	w->v[w->n].i = v;
	w->n++;
}

void rows_where_plain(rows_where *w, const char *cond)
{
	sb_addf(&w->sql, " AND %s", cond);
}

int rows_where_bind(const rows_where *w, sqlite3_stmt *st)
{
	for (int i = 0; i < w->n; i++) {
		if (w->v[i].is_int)
			sqlite3_bind_int64(st, i + 1, w->v[i].i);
		else
			db_bind_text(st, i + 1, w->v[i].s);
	}
	return w->n + 1;
}

void rows_where_free(rows_where *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->v[i].s);
	sb_free(&w->sql);
	memset(w, 0, sizeof *w);
}

qdate rows_col_date(sqlite3_stmt *st, int i)
{
	qdate d;
	if (sqlite3_column_type(st, i) == SQLITE_NULL || !date_parse(db_col_text(st, i), &d))
		return DATE_NONE;
	return d;
}

char *rows_col_dup(sqlite3_stmt *st, int i)
{
	return xstrdup(db_col_text(st, i));
}

char *rows_col_opt(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(db_col_text(st, i));
}

void rows_bind_date(sqlite3_stmt *st, int i, qdate d)
{
	char buf[11];
	if (d == DATE_NONE)
		sqlite3_bind_null(st, i);
	else
		db_bind_text(st, i, date_format(d, buf));
}

int rows_list(db *d, const char *cols_from, const rows_where *w, const char *order,
              long offset, int limit, void *out, size_t size, rows_fill_fn *row, int *n,
              const char *what, store_err *err)
{
	*n = 0;
	char *sql = xasprintf("SELECT %s%s ORDER BY %s LIMIT ? OFFSET ?", cols_from,
	                      sb_str(&w->sql), order);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	int next = rows_where_bind(w, st);
	sqlite3_bind_int(st, next, limit);
	sqlite3_bind_int64(st, next + 1, offset);
	int step = SQLITE_DONE;
	while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW)
		row(st, (char *)out + size * (size_t)(*n)++);
	int rc = 0;
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		db_fail(d, err, what);
		rc = -1;
	}
	db_done(st);
	return rc;
}

int rows_count(db *d, const char *from, const rows_where *w, long *n, const char *what,
               store_err *err)
{
	*n = 0;
	char *sql = xasprintf("SELECT count(*) %s%s", from, sb_str(&w->sql));
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	rows_where_bind(w, st);
	int rc = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*n = (long)sqlite3_column_int64(st, 0);
	} else {
		db_fail(d, err, what);
		rc = -1;
	}
	db_done(st);
	return rc;
}

int rows_one(db *d, const char *cols_from, const char *key, int64_t id, void *out,
             rows_fill_fn *row, const char *what, store_err *err)
{
	char *sql = xasprintf("SELECT %s WHERE %s = ?", cols_from, key);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		row(st, out);
	else if (step != SQLITE_DONE)
		db_fail(d, err, what);
	db_done(st);
	return step == SQLITE_ROW ? 0 : step == SQLITE_DONE ? 1 : -1;
}

int rows_each(db *d, sqlite3_stmt *st, rows_fill_fn *row, void *arg, const char *what,
              store_err *err)
{
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		row(st, arg);
	db_done(st);
	if (step != SQLITE_DONE) {
		db_fail(d, err, what);
		return -1;
	}
	return 0;
}

/* where rows_append puts the rows */
typedef struct appender {
	char **v;
	int *n;
	size_t size;
	rows_fill_fn *row;
} appender;

static void append_row(sqlite3_stmt *st, void *arg)
{
	appender *a = arg;
	*a->v = xrealloc(*a->v, a->size * (size_t)(*a->n + 1));
	char *rec = *a->v + a->size * (size_t)(*a->n)++;
	memset(rec, 0, a->size);
	a->row(st, rec);
}

int rows_append(db *d, sqlite3_stmt *st, void *arr, int *n, size_t size, rows_fill_fn *row,
                const char *what, store_err *err)
{
	appender a = { arr, n, size, row };
	return rows_each(d, st, append_row, &a, what, err);
}

int rows_children(db *d, const char *sql, int64_t id, void *arr, int *n, size_t size,
                  rows_fill_fn *row, const char *what, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return rows_append(d, st, arr, n, size, row, what, err);
}

int rows_exec(db *d, sqlite3_stmt *st, const char *what, store_err *err)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc < 0)
		db_fail(d, err, what);
	db_done(st);
	return rc;
}

int rows_step_one(db *d, sqlite3_stmt *st, const char *what, store_err *err)
{
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_DONE || sqlite3_changes(db_handle(d)) != 1) {
		db_fail(d, err, what);
		return -1;
	}
	return 0;
}

int rows_step_unique(db *d, sqlite3_stmt *st, const char *what, store_err *err)
{
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc == SQLITE_DONE)
		return 0;
	if ((sqlite3_extended_errcode(db_handle(d)) & 0xff) == SQLITE_CONSTRAINT)
		return 1;
	db_fail(d, err, what);
	return -1;
}

int rows_commit_event(db *d, const char *actor, const char *entity, int64_t entity_id,
                      const char *action, char *sum, const char *reason, store_err *err)
{
	int rc = db_event(d, actor, entity, entity_id, action, sum, reason, err);
	free(sum);
	if (rc < 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d, err);
}

int rows_next_seq(db *d, const char *sql, int year, long *seq, const char *what,
                  store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*seq = (long)sqlite3_column_int64(st, 0);
	else
		db_fail(d, err, what);
	db_done(st);
	return step == SQLITE_ROW ? 0 : -1;
}

int rows_link_problem(db *d, const char *table, int64_t problem_id, const char *number,
                      store_code missing, store_err *err)
{
	/* table is one of the stores' own names, never what a person typed */
	char sql[256];
	/* the guard is in the UPDATE itself, so two desks converting the same problem at
	 * once cannot both win */
	snprintf(sql, sizeof sql, "UPDATE %s SET appeal_id = (SELECT id FROM appeal WHERE number = ?)"
	         " WHERE id = ? AND appeal_id IS NULL", table);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, number);
	sqlite3_bind_int64(st, 2, problem_id);
	/* rows_exec, not rows_step_one: no row changed is the answer "already taken" */
	if (rows_exec(d, st, "linking a problem to its appeal", err) < 0)
		return -1;
	if (sqlite3_changes(db_handle(d)) == 1)
		return 0;
	snprintf(sql, sizeof sql, "SELECT coalesce(a.number, '') FROM %s p"
	         " LEFT JOIN appeal a ON a.id = p.appeal_id WHERE p.id = ?", table);
	st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, problem_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		store_err_name(store_err_set(err, STORE_E_PROBLEM_TAKEN), 0, db_col_text(st, 0));
	else
		store_err_set(err, missing);
	db_done(st);
	return 1;
}
