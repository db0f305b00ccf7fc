/* Visit rows and their problem rows. A visit and its problems are written in one
 * transaction so that a visit is never half recorded. */
#include "store/visit_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

int visit_store_add(db *d, const char *actor, const visit_rec *v, int64_t *id, store_err *err)
{
	char now[20], day[11];
	strbuf sum = STRBUF_INIT;
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO visit (enterprise_id, visited_on, unit, people, topics, card_handed,"
		" created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_now(d, now);
	sqlite3_bind_int64(st, 1, v->enterprise_id);
	rows_bind_date(st, 2, v->date);
	db_bind_text(st, 3, v->unit);
	db_bind_text(st, 4, v->people);
	db_bind_text(st, 5, v->topics ? v->topics : "");
	sqlite3_bind_int(st, 6, v->card_handed);
	db_bind_text(st, 7, actor);
	db_bind_text(st, 8, now);
	if (rows_step_one(d, st, "adding a visit", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	for (int i = 0; i < v->nproblems; i++) {
		st = db_stmt(d, "INSERT INTO visit_problem (visit_id, seq, text) VALUES (?, ?, ?)",
		             err);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int(st, 2, i + 1);
		db_bind_text(st, 3, v->problems[i].text);
		if (rows_step_one(d, st, "adding a problem found on a visit", err) < 0)
			goto fail;
	}
	sb_addf(&sum, "visit=%" PRId64 " date=%s unit=%s people=%s topics=%s card=%d problems=%d",
	        *id, date_format(v->date, day), v->unit, v->people, v->topics ? v->topics : "",
	        v->card_handed ? 1 : 0, v->nproblems);
	for (int i = 0; i < v->nproblems; i++)
		sb_addf(&sum, "; %d. %s", i + 1, v->problems[i].text);
	return rows_commit_event(d, actor, "enterprise", v->enterprise_id, "visit.add",
	                         sb_steal(&sum), NULL, err);
fail:
	sb_free(&sum);
	db_rollback(d);
	return -1;
}

#define VISIT_COLS "v.id, v.enterprise_id, e.name, e.uscc, e.area, v.visited_on, v.unit," \
	" v.people, v.topics, v.card_handed, v.created_by, v.created_at," \
	" (SELECT count(*) FROM visit_problem p WHERE p.visit_id = v.id)" \
	" FROM visit v JOIN enterprise e ON e.id = v.enterprise_id"

static void from_row(sqlite3_stmt *st, void *rec)
{
	visit_rec *v = rec;
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(st, 0);
	v->enterprise_id = sqlite3_column_int64(st, 1);
	v->enterprise = rows_col_dup(st, 2);
	v->uscc = rows_col_dup(st, 3);
	v->area = rows_col_dup(st, 4);
	v->date = rows_col_date(st, 5);
	v->unit = rows_col_dup(st, 6);
	v->people = rows_col_dup(st, 7);
	v->topics = rows_col_dup(st, 8);
	v->card_handed = sqlite3_column_int(st, 9) != 0;
	v->created_by = rows_col_dup(st, 10);
	v->created_at = rows_col_dup(st, 11);
	v->nproblems = sqlite3_column_int(st, 12);
}

static void problem_row(sqlite3_stmt *st, void *rec)
{
	visit_problem *p = rec;
	p->id = sqlite3_column_int64(st, 0);
	p->seq = sqlite3_column_int(st, 1);
	p->text = rows_col_dup(st, 2);
	p->appeal_id = sqlite3_column_int64(st, 3);
	p->appeal_number = rows_col_opt(st, 4);
}

int visit_store_get(db *d, int64_t id, visit_rec *v, store_err *err)
{
	int rc = rows_one(d, VISIT_COLS, "v.id", id, v, from_row, "reading a visit", err);
	if (rc != 0)
		return rc;
	/* the list's count is replaced by the rows themselves */
	v->nproblems = 0;
	if (rows_children(d, "SELECT p.id, p.seq, p.text, coalesce(p.appeal_id, 0), a.number"
	                  " FROM visit_problem p LEFT JOIN appeal a ON a.id = p.appeal_id"
	                  " WHERE p.visit_id = ? ORDER BY p.seq", id, &v->problems, &v->nproblems,
	                  sizeof *v->problems, problem_row, "reading the problems of a visit",
	                  err) < 0) {
		visit_rec_clear(v);
		return -1;
	}
	return 0;
}

static void visit_where(const visit_filter *f, rows_where *w)
{
	rows_where_init(w);
	if (f && f->enterprise_id)
		rows_where_int(w, "v.enterprise_id = ?", f->enterprise_id);
	if (f && f->scope_area)
		rows_where_text(w, "e.area = ?", f->scope_area);
	if (f && f->unit)
		rows_where_text(w, "v.unit = ?", f->unit);
	if (f && f->from)
		rows_where_text(w, "v.visited_on >= ?", f->from);
	if (f && f->to)
		rows_where_text(w, "v.visited_on <= ?", f->to);
}

/* the list's order, newest first, as keys */
static const rows_key visit_keys[] = {
	{ "v.visited_on", true, false, false }, { "v.id", true, true, false },
};

int visit_store_list_from(db *d, const visit_filter *f, int64_t from, bool back, int limit,
                          visit_rec *out, int *n, store_err *err)
{
	rows_where w;
	visit_where(f, &w);
	int rc = rows_list_from(d, VISIT_COLS, &w, visit_keys, 2, "v.id", from, back, limit, out,
	                        sizeof *out, from_row, n, "listing visits", err);
	rows_where_free(&w);
	return rc;
}

int visit_store_list(db *d, const visit_filter *f, long offset, int limit, visit_rec *out,
                     int *n, store_err *err)
{
	rows_where w;
	visit_where(f, &w);
	int rc = rows_list_keyed(d, VISIT_COLS, &w, visit_keys, 2, offset, limit, out,
	                         sizeof *out, from_row, n, "listing visits", err);
	rows_where_free(&w);
	return rc;
}

int visit_store_link_appeal(db *d, int64_t problem_id, const char *number, store_err *err)
{
	return rows_link_problem(d, "visit_problem", problem_id, number, STORE_E_NO_VISIT_PROBLEM,
	                         err);
}
