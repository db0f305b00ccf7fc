/* What the stores share about SQL rows: a WHERE clause built from the filters that are
 * set, so that each combination is one cached statement that can use its index; rows
 * read into records by a row function; single-row writes; the event-and-commit that
 * ends every write; dates and optional texts read and bound. Not for use outside
 * src/store. */
#ifndef QIFU_ROWS_H
#define QIFU_ROWS_H
#include <stdbool.h>
#include <stdint.h>
#include <sqlite3.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "store/db.h"

enum { ROWS_MAX_BINDS = 12 };

typedef struct rows_where {
	strbuf sql;            /* " WHERE 1 AND …" */
	int n;
	struct {
		bool is_int;
		int64_t i;
		char *s;
	} v[ROWS_MAX_BINDS];
} rows_where;

/* an empty clause: " WHERE 1" */
void rows_where_init(rows_where *w);
/* " AND cond", where cond holds one '?' bound to the text v */
void rows_where_text(rows_where *w, const char *cond, const char *v);
/* " AND cond", where cond holds one '?' bound to the integer v */
void rows_where_int(rows_where *w, const char *cond, int64_t v);
/* " AND cond" without a value */
void rows_where_plain(rows_where *w, const char *cond);
/* bind the values from parameter 1; returns the next free parameter index */
int rows_where_bind(const rows_where *w, sqlite3_stmt *st);
/* free the clause and its values */
void rows_where_free(rows_where *w);

/* fills one record from the current row of a statement */
typedef void rows_fill_fn(sqlite3_stmt *st, void *rec);

/* the count of the rows from (the FROM clause with its joins) that w selects: 0, or -1
 * with what failed in err */
int rows_count(db *d, const char *from, const rows_where *w, long *n, const char *what,
               store_err *err);
/* "SELECT <cols_from><where> ORDER BY <order> LIMIT limit OFFSET offset" into out[],
 * records of size bytes, *n = rows read; -1 with err naming what was listed */
int rows_list(db *d, const char *cols_from, const rows_where *w, const char *order,
              long offset, int limit, void *out, size_t size, rows_fill_fn *row, int *n,
              const char *what, store_err *err);
/* one column of a list's order, for reading the list by key */
typedef struct rows_key {
	const char *col;    /* a column, or an expression (it is put in parentheses) */
	bool desc;          /* DESC in the list's order */
	bool is_int;        /* its values compare as integers (ids, days as numbers, flags) */
	bool nullable;      /* it may be NULL (SQLite's place: first ascending, last DESC) */
} rows_key;
/* rows_list in the order of keys: a list read by offset and by key (rows_list_from)
 * has its order written once */
int rows_list_keyed(db *d, const char *cols_from, const rows_where *w, const rows_key *keys,
                    int nk, long offset, int limit, void *out, size_t size, rows_fill_fn *row,
                    int *n, const char *what, store_err *err);
/* The list "SELECT <cols_from><where> ORDER BY keys" (the last key makes the order
 * total) read by key, never by offset: up to limit records next to the row whose
 * id_col is from_id, after it or (back) before it, into out in list order; from_id
 * 0: from the first row (back: up to the last). That row's key is read first, by its
 * id, through the FROM part of cols_from; the index ranges are keyset_segments'
 * (store/keyset.h), NULLs kept in their place. 0; 1 when the row is gone (read by
 * offset then); -1 with err naming what was listed (the rows read before stay in out,
 * *n of them, as rows_list leaves them) */
int rows_list_from(db *d, const char *cols_from, const rows_where *w, const rows_key *keys,
                   int nk, const char *id_col, int64_t from_id, bool back, int limit, void *out,
                   size_t size, rows_fill_fn *row, int *n,
                   const char *what, store_err *err);
/* "SELECT <cols_from> WHERE <key> = id" into *out: 0 found, 1 none, -1 error */
int rows_one(db *d, const char *cols_from, const char *key, int64_t id, void *out,
             rows_fill_fn *row, const char *what, store_err *err);
/* step a bound statement to its end, handing each row to row(st, arg), then reset it:
 * 0, or -1 with err naming what was read */
int rows_each(db *d, sqlite3_stmt *st, rows_fill_fn *row, void *arg, const char *what,
              store_err *err);
/* step a bound statement to its end, appending each row (zeroed, then filled by row)
 * to the array *arr (a T ** passed as void *) of *n records of size bytes, then reset
 * it: 0, or -1 with err naming what was read (the rows read so far stay, for the
 * caller to free) */
int rows_append(db *d, sqlite3_stmt *st, void *arr, int *n, size_t size, rows_fill_fn *row,
                const char *what, store_err *err);
/* rows_append of the rows of sql, whose one '?' is bound to id (a record's children) */
int rows_children(db *d, const char *sql, int64_t id, void *arr, int *n, size_t size,
                  rows_fill_fn *row, const char *what, store_err *err);

/* run a bound statement that returns no rows, however many it changes, then reset it:
 * 0, or -1 with err naming what was written */
int rows_exec(db *d, sqlite3_stmt *st, const char *what, store_err *err);
/* run a bound INSERT or UPDATE that must change exactly one row, then reset it: 0, or
 * -1 with err naming what was written */
int rows_step_one(db *d, sqlite3_stmt *st, const char *what, store_err *err);
/* run a bound INSERT that a UNIQUE or PRIMARY KEY may refuse, then reset it: 0 done,
 * 1 refused by the constraint (err untouched, for the caller's code), -1 with err
 * naming what was written */
int rows_step_unique(db *d, sqlite3_stmt *st, const char *what, store_err *err);
/* the next number of year from a (year, last) sequence table by sql, a statement
 * giving it with one '?' for the year (an INSERT … ON CONFLICT … RETURNING last for
 * project_seq; appeal_seq's moves the row on first and reads it back here),
 * inside the caller's transaction: 0, or -1 with err naming what was numbered */
int rows_next_seq(db *d, const char *sql, int year, long *seq, const char *what,
                  store_err *err);
/* end a write begun with db_begin: the event row (summary sum, which is freed; NULL for
 * none) and the commit; on failure everything is rolled back. 0 or -1 */
int rows_commit_event(db *d, const char *actor, const char *entity, int64_t entity_id,
                      const char *action, char *sum, const char *reason, store_err *err);

/* Inside the caller's transaction: link row problem_id of table (visit_problem,
 * outreach_problem: a problem that becomes an appeal) to the appeal number, which the
 * same transaction registered. 0 linked; 1 refused, err STORE_E_PROBLEM_TAKEN naming
 * the appeal it already became, or missing when there is no such row; -1 error. */
int rows_link_problem(db *d, const char *table, int64_t problem_id, const char *number,
                      store_code missing, store_err *err);

/* a YYYY-MM-DD column as a day number; DATE_NONE for NULL or anything else */
qdate rows_col_date(sqlite3_stmt *st, int i);
/* a text column copied, "" for NULL */
char *rows_col_dup(sqlite3_stmt *st, int i);
/* a text column copied, NULL for NULL */
char *rows_col_opt(sqlite3_stmt *st, int i);
/* bind d as YYYY-MM-DD, or NULL for DATE_NONE */
void rows_bind_date(sqlite3_stmt *st, int i, qdate d);

#endif
