/* Filter clauses and date columns for the record stores. Values are always bound,
 * never printed into the SQL: only the fixed condition texts are. */
#include "store/rows.h"
#include "store/db_internal.h"
#include "store/keyset.h"

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

/* keys [from, nk) as an ORDER BY, reversed when back */
static void key_order(const rows_key *keys, int from, int nk, bool back, strbuf *order)
{
	for (int i = from; i < nk; i++)
		sb_addf(order, "%s%s%s", i > from ? ", " : "", keys[i].col,
		        keys[i].desc != back ? " DESC" : "");
}

int rows_list_keyed(db *d, const char *cols_from, const rows_where *w, const rows_key *keys,
                    int nk, long offset, int limit, void *out, size_t size, rows_fill_fn *row,
                    int *n, const char *what, store_err *err)
{
	strbuf order = STRBUF_INIT;
	key_order(keys, 0, nk, false, &order);
	int rc = rows_list(d, cols_from, w, sb_str(&order), offset, limit, out, size, row, n,
	                   what, err);
	sb_free(&order);
	return rc;
}

/* w with its values again, for a segment's conditions to be added to */
static void where_copy(rows_where *to, const rows_where *w)
{
	rows_where_init(to);
	sb_reset(&to->sql);
	sb_add(&to->sql, sb_str(&w->sql));
	for (int i = 0; i < w->n; i++) {
		to->v[i] = w->v[i];
		if (!w->v[i].is_int)
			to->v[i].s = xstrdup(w->v[i].s);
	}
	to->n = w->n;
}

/* key i equal to, or past, the row's value v, as a condition on w */
static void key_cond(rows_where *w, const rows_key *k, const char *op, const char *v)
{
	char cond[256];
	snprintf(cond, sizeof cond, "(%s) %s ?", k->col, op);
	if (k->is_int)
		rows_where_int(w, cond, strtoll(v, NULL, 10));
	else
		rows_where_text(w, cond, v);
}

/* segment seg of the read as conditions on w and its ORDER BY in order */
static void seg_clause(rows_where *w, const rows_key *keys, int nk, char *const *from,
                       const ks_seg *seg, bool back, strbuf *order)
{
	char cond[256];
	for (int i = 0; i < seg->eq; i++) {
		if (from[i]) {
			key_cond(w, &keys[i], "=", from[i]);
		} else {
			snprintf(cond, sizeof cond, "(%s) IS NULL", keys[i].col);
			rows_where_plain(w, cond);
		}
	}
	const rows_key *k = &keys[seg->col];
	switch (seg->cmp) {
	case KS_AFTER:
		key_cond(w, k, k->desc != back ? "<" : ">", from[seg->col]);
		break;
	case KS_ISNULL:
	case KS_NOTNULL:
		snprintf(cond, sizeof cond, "(%s) IS %s", k->col,
		         seg->cmp == KS_ISNULL ? "NULL" : "NOT NULL");
		rows_where_plain(w, cond);
		break;
	case KS_ALL:
		break;
	}
	key_order(keys, seg->col, nk, back, order);
}

/* the FROM part of "<columns> FROM <tables>": the first FROM outside parentheses */
static const char *from_part(const char *cols_from)
{
	int depth = 0;
	for (const char *p = cols_from; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (depth == 0 && strncmp(p, " FROM ", 6) == 0)
			return p;
	}
	fatal("rows_list_from: no FROM in %s", cols_from);
}

/* where key_of puts a row's key */
typedef struct key_out {
	char **from;
	int n;
} key_out;

static void fill_key(sqlite3_stmt *st, void *arg)
{
	key_out *k = arg;
	for (int i = 0; i < k->n; i++)
		k->from[i] = rows_col_opt(st, i);
}

/* the key of the row id_col = id as text (NULL for NULL): 0, 1 gone, -1 */
static int key_of(db *d, const char *cols_from, const rows_key *keys, int nk,
                  const char *id_col, int64_t id, char **from, const char *what,
                  store_err *err)
{
	strbuf cols = STRBUF_INIT;
	for (int i = 0; i < nk; i++)
		sb_addf(&cols, "%s(%s)", i ? ", " : "", keys[i].col);
	sb_add(&cols, from_part(cols_from));
	key_out k = { from, nk };
	int rc = rows_one(d, sb_str(&cols), id_col, id, &k, fill_key, what, err);
	sb_free(&cols);
	return rc;
}

int rows_list_from(db *d, const char *cols_from, const rows_where *w, const rows_key *keys,
                   int nk, const char *id_col, int64_t from_id, bool back, int limit, void *out,
                   size_t size, rows_fill_fn *row, int *n,
                   const char *what, store_err *err)
{
	enum { KEYS_MAX = 4 };
	*n = 0;
	if (nk < 1 || nk > KEYS_MAX)
		fatal("rows_list_from: %d keys", nk);
	char *key[KEYS_MAX] = { 0 };
	char **from = from_id ? key : NULL;
	if (from_id) {
		int got = key_of(d, cols_from, keys, nk, id_col, from_id, key, what, err);
		if (got != 0)
			return got;
	}
	/* where each column's NULLs fall going forward through the list: SQLite puts
	 * them first ascending, last descending */
	ks_nulls nulls[KEYS_MAX];
	bool isnull[KEYS_MAX];
	for (int i = 0; i < nk; i++) {
		nulls[i] = !keys[i].nullable ? KS_NOT_NULL
		           : keys[i].desc ? KS_NULLS_LAST : KS_NULLS_FIRST;
		isnull[i] = from && !from[i];
	}
	ks_seg segs[KS_SEGS_MAX(KEYS_MAX)];
	int nseg = keyset_segments(nulls, nk, from ? isnull : NULL, back, segs);
	int rc = 0;
	for (int s = 0; s < nseg && *n < limit && rc == 0; s++) {
		rows_where sw;
		where_copy(&sw, w);
		strbuf order = STRBUF_INIT;
		seg_clause(&sw, keys, nk, from, &segs[s], back, &order);
		int got = 0;
		rc = rows_list(d, cols_from, &sw, sb_str(&order), 0, limit - *n,
		               (char *)out + size * (size_t)*n, size, row, &got, what, err);
		*n += got;
		sb_free(&order);
		rows_where_free(&sw);
	}
	for (int i = 0; i < nk; i++)
		free(key[i]);
	if (rc < 0)
		return -1;
	/* going back is going forward in the reverse order, then turning the rows */
	char *tmp = back && *n > 1 ? xmalloc(size) : NULL;
	for (int i = 0; tmp && i < *n / 2; i++) {
		char *a = (char *)out + size * (size_t)i, *b = (char *)out + size * (size_t)(*n - 1 - i);
		memcpy(tmp, a, size);
		memcpy(a, b, size);
		memcpy(b, tmp, size);
	}
	free(tmp);
	return 0;
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
