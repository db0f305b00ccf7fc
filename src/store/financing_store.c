/* Financing need rows. The status rule runs on the row as stored, inside the write
 * transaction, so that two people moving the same need cannot skip a step. */
#include "store/financing_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* the refusal v of a status move of need id from one status to another */
static void refusal(store_err *err, int64_t id, int from, fin_status to, fin_verdict v)
{
	store_code code = STORE_OK;
	switch (v) {
	case FIN_SAME:
		code = STORE_E_FIN_SAME_STATUS;
		break;
	case FIN_NOT_NEXT:
		code = from == FIN_NEW ? STORE_E_FIN_NEW_STATUS : STORE_E_FIN_NOT_NEXT;
		break;
	case FIN_NEEDS_INSTITUTION:
		code = STORE_E_FIN_NEEDS_INSTITUTION;
		break;
	case FIN_NEEDS_FUNDED:
		code = STORE_E_FIN_NEEDS_FUNDED;
		break;
	case FIN_FUNDED_ONLY:
		code = STORE_E_FIN_FUNDED_ONLY;
		break;
	case FIN_OK:
		return;
	}
	store_err_num(store_err_set(err, code), 0, id);
	store_err_num(err, 1, from);
	store_err_num(err, 2, to);
}

/* the step of need id from status from (-1: its recording) to the need as it now
 * reads, inside the caller's transaction */
static int add_step(db *d, const char *actor, int64_t id, int from, fin_status to,
                    const char *institution, int64_t funded_fen, const char *note,
                    const char *now, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO financing_step (financing_id, at, by, from_status, status, institution,"
		" funded_fen, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, actor);
	if (from >= 0 && from < FIN__COUNT)
		db_bind_text(st, 4, fin_status_code((fin_status)from));
	else
		sqlite3_bind_null(st, 4);
	db_bind_text(st, 5, fin_status_code(to));
	db_bind_text(st, 6, institution ? institution : "");
	sqlite3_bind_int64(st, 7, funded_fen);
	db_bind_text(st, 8, note ? note : "");
	return rows_step_one(d, st, "recording a financing step", err);
}

int fin_store_add(db *d, const char *actor, const fin_rec *f, int64_t *id, store_err *err)
{
	fin_verdict v = fin_move_check(FIN_NEW, f->status, f->institution, f->funded_fen);
	if (v != FIN_OK) {
		refusal(err, 0, FIN_NEW, f->status, v);
		return 1;
	}
	if (db_begin(d, err) < 0)
		return -1;
	char now[20], yuan[32], funded[32];
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO financing (enterprise_id, amount_fen, purpose, status, institution,"
		" created_by, created_at, updated_at, funded_fen, term_months, guarantee)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		err);
	if (!st)
		goto fail;
	db_now(d, now);
	sqlite3_bind_int64(st, 1, f->enterprise_id);
	sqlite3_bind_int64(st, 2, f->amount_fen);
	db_bind_text(st, 3, f->purpose);
	db_bind_text(st, 4, fin_status_code(f->status));
	db_bind_text(st, 5, f->institution ? f->institution : "");
	db_bind_text(st, 6, actor);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, now);
	sqlite3_bind_int64(st, 9, f->funded_fen);
	sqlite3_bind_int(st, 10, f->term_months);
	db_bind_text(st, 11, f->guarantee ? f->guarantee : "");
	if (rows_step_one(d, st, "adding a financing need", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	if (add_step(d, actor, *id, -1, f->status, f->institution, f->funded_fen, NULL, now,
	             err) < 0)
		goto fail;
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "financing=%" PRId64 " amount=%s yuan purpose=%s status=%s institution=%s",
	        *id, fin_amount_yuan(f->amount_fen, yuan), f->purpose, fin_status_code(f->status),
	        f->institution ? f->institution : "");
	if (f->funded_fen)
		sb_addf(&sum, " funded=%s yuan", fin_amount_yuan(f->funded_fen, funded));
	if (f->term_months)
		sb_addf(&sum, " term=%d months", f->term_months);
	if (f->guarantee && *f->guarantee)
		sb_addf(&sum, " guarantee=%s", f->guarantee);
	return rows_commit_event(d, actor, "enterprise", f->enterprise_id, "financing.add",
	                         sb_steal(&sum), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

#define FIN_SELECT "f.id, f.enterprise_id, e.name, e.uscc, e.area, f.amount_fen, f.purpose," \
	" f.status, f.institution, f.created_by, f.created_at, f.updated_at, f.funded_fen," \
	" f.term_months, f.guarantee"
#define FIN_COLS FIN_SELECT " FROM financing f JOIN enterprise e ON e.id = f.enterprise_id"
/* the open needs walked in id order by their partial index, whatever the planner
 * guesses of a small table: the list then costs the rows it shows, not a sort of
 * every open need */
#define FIN_COLS_OPEN FIN_SELECT " FROM financing f INDEXED BY financing_open" \
	" JOIN enterprise e ON e.id = f.enterprise_id"

/* what a coordination list reads from: by the open needs' index when it lists them
 * all (a status asked for has its own index) */
static const char *window_from(const fin_filter *f)
{
	return f && f->open_only && (f->status < 0 || f->status >= FIN__COUNT) ? FIN_COLS_OPEN
	                                                                     : FIN_COLS;
}

static void from_row(sqlite3_stmt *st, void *rec)
{
	fin_rec *f = rec;
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->enterprise_id = sqlite3_column_int64(st, 1);
	f->enterprise = rows_col_dup(st, 2);
	f->uscc = rows_col_dup(st, 3);
	f->area = rows_col_dup(st, 4);
	f->amount_fen = sqlite3_column_int64(st, 5);
	f->purpose = rows_col_dup(st, 6);
	/* the CHECK constraint keeps the column to the known codes */
	if (!fin_status_parse(db_col_text(st, 7), &f->status))
		f->status = FIN_NEED;
	f->institution = rows_col_dup(st, 8);
	f->created_by = rows_col_dup(st, 9);
	f->created_at = rows_col_dup(st, 10);
	f->updated_at = rows_col_dup(st, 11);
	f->funded_fen = sqlite3_column_int64(st, 12);
	f->term_months = sqlite3_column_int(st, 13);
	f->guarantee = rows_col_dup(st, 14);
}

int fin_store_get(db *d, int64_t id, fin_rec *f, store_err *err)
{
	return rows_one(d, FIN_COLS, "f.id", id, f, from_row, "reading a financing need", err);
}

int fin_store_update_in(db *d, const char *actor, int64_t id, const fin_change *c,
                       store_err *err)
{
	fin_rec old = { 0 };
	strbuf sum = STRBUF_INIT;
	char yuan[32], yuan2[32];
	int rc = fin_store_get(d, id, &old, err);
	if (rc != 0) {
		if (rc == 1)
			store_err_num(store_err_set(err, STORE_E_NO_FINANCING), 0, id);
		goto out;
	}
	fin_status to = c->status < 0 ? old.status : (fin_status)c->status;
	const char *inst = c->institution ? c->institution : old.institution;
	fin_verdict v = FIN_OK;
	if (to != old.status)
		v = fin_move_check((int)old.status, to, inst, c->funded_fen);
	else if (c->status >= 0 && !c->institution && !c->funded_fen && !c->term_months &&
	         !c->guarantee)
		v = FIN_SAME;
	else if (!*inst && fin_status_needs_institution(to))
		/* clearing the institution of a matched or funded need would hide who funds it */
		v = FIN_NEEDS_INSTITUTION;
	else if (c->funded_fen && to != FIN_FUNDED)
		v = FIN_FUNDED_ONLY;
	if (v != FIN_OK) {
		refusal(err, id, (int)old.status, to, v);
		rc = 1;
		goto out;
	}
	/* a need that is closed or matched again keeps what it was funded with */
	int64_t funded = c->funded_fen ? c->funded_fen : old.funded_fen;
	sb_addf(&sum, "financing=%" PRId64, id);
	if (to != old.status)
		sb_addf(&sum, "; status: %s -> %s", fin_status_code(old.status), fin_status_code(to));
	if (strcmp(inst, old.institution) != 0)
		sb_addf(&sum, "; institution: %s -> %s", old.institution, inst);
	if (funded != old.funded_fen)
		sb_addf(&sum, "; funded: %s -> %s yuan", fin_amount_yuan(old.funded_fen, yuan),
		        fin_amount_yuan(funded, yuan2));
	int term = c->term_months ? c->term_months : old.term_months;
	const char *guarantee = c->guarantee ? c->guarantee : old.guarantee;
	if (term != old.term_months)
		sb_addf(&sum, "; term: %d -> %d months", old.term_months, term);
	if (strcmp(guarantee, old.guarantee) != 0)
		sb_addf(&sum, "; guarantee: %s -> %s", old.guarantee, guarantee);
	if (to == old.status && strcmp(inst, old.institution) == 0 && funded == old.funded_fen &&
	    term == old.term_months && strcmp(guarantee, old.guarantee) == 0) {
		store_err_num(store_err_set(err, STORE_E_FIN_UNCHANGED), 0, id);
		rc = 1;
		goto out;
	}
	if (c->note && *c->note)
		sb_addf(&sum, "; note: %s", c->note);
	rc = -1;
	sqlite3_stmt *st = db_stmt(d, "UPDATE financing SET status = ?, institution = ?,"
	                              " funded_fen = ?, updated_at = ?, term_months = ?, guarantee = ?"
	                              " WHERE id = ?", err);
	if (!st)
		goto out;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, fin_status_code(to));
	db_bind_text(st, 2, inst);
	sqlite3_bind_int64(st, 3, funded);
	db_bind_text(st, 4, now);
	sqlite3_bind_int(st, 5, term);
	db_bind_text(st, 6, guarantee);
	sqlite3_bind_int64(st, 7, id);
	if (rows_step_one(d, st, "updating a financing need", err) < 0 ||
	    add_step(d, actor, id, (int)old.status, to, inst, funded, c->note, now, err) < 0)
		goto out;
	rc = db_event(d, actor, "enterprise", old.enterprise_id, "financing.update",
	              sb_str(&sum), NULL, err);
out:
	fin_rec_clear(&old);
	sb_free(&sum);
	return rc;
}

int fin_store_update(db *d, const char *actor, int64_t id, const fin_change *c, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	int rc = fin_store_update_in(d, actor, id, c, err);
	if (rc != 0) {
		db_rollback(d);
		return rc;
	}
	return db_commit(d, err);
}

/* the filters that are set, as a WHERE clause */
static void where_of(rows_where *w, const fin_filter *f)
{
	rows_where_init(w);
	if (!f)
		return;
	if (f->enterprise_id)
		rows_where_int(w, "f.enterprise_id = ?", f->enterprise_id);
	if (f->status >= 0 && f->status < FIN__COUNT)
		rows_where_text(w, "f.status = ?", fin_status_code((fin_status)f->status));
	else if (f->open_only)
		/* the partial index financing_open's own condition, so that it is used */
		rows_where_plain(w, "f.status IN ('need','matching','matched')");
	if (f->scope_area)
		rows_where_text(w, "e.area = ?", f->scope_area);
	if (f->area)
		rows_where_text(w, "e.area = ?", f->area);
}

/* the list's order, newest first, as keys */
static const rows_key list_keys[] = { { "f.id", true, true, false } };

int fin_store_list(db *d, const fin_filter *f, long offset, int limit, fin_rec *out, int *n,
                   store_err *err)
{
	rows_where w;
	where_of(&w, f);
	int rc = rows_list_keyed(d, FIN_COLS, &w, list_keys, 1, offset, limit, out, sizeof *out,
	                         from_row, n, "listing financing needs", err);
	rows_where_free(&w);
	return rc;
}

int fin_store_list_from(db *d, const fin_filter *f, int64_t from, bool back, int limit,
                        fin_rec *out, int *n, store_err *err)
{
	rows_where w;
	where_of(&w, f);
	int rc = rows_list_from(d, FIN_COLS, &w, list_keys, 1, "f.id", from, back, limit, out,
	                        sizeof *out, from_row, n, "listing financing needs", err);
	rows_where_free(&w);
	return rc;
}

int fin_store_count_upto(db *d, const fin_filter *f, long limit, long *n, store_err *err)
{
	rows_where w;
	where_of(&w, f);
	char *sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM financing f JOIN enterprise e"
	                      " ON e.id = f.enterprise_id%s LIMIT ?)", sb_str(&w.sql));
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	int rc = -1;
	if (st) {
		sqlite3_bind_int64(st, rows_where_bind(&w, st), limit < 0 ? -1 : limit + 1);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*n = sqlite3_column_int64(st, 0);
			rc = 0;
		} else {
			db_fail(d, err, "counting financing needs");
		}
		db_done(st);
	}
	rows_where_free(&w);
	return rc;
}

int fin_store_window(db *d, const fin_filter *f, long offset, int limit, fin_rec *out, int *n,
                     store_err *err)
{
	rows_where w;
	where_of(&w, f);
	int rc = rows_list(d, window_from(f), &w, "f.id", offset, limit, out, sizeof *out, from_row,
	                   n, "listing financing needs", err);
	rows_where_free(&w);
	return rc;
}

int fin_store_window_from(db *d, const fin_filter *f, int64_t from, bool back, int limit,
                          fin_rec *out, int *n, store_err *err)
{
	rows_where w;
	where_of(&w, f);
	if (from)
		rows_where_int(&w, back ? "f.id < ?" : "f.id > ?", from);
	/* going back is reading the reverse order, then turning the rows */
	bool rev = back;
	int rc = rows_list(d, window_from(f), &w, rev ? "f.id DESC" : "f.id", 0, limit, out,
	                   sizeof *out, from_row, n, "listing financing needs", err);
	rows_where_free(&w);
	for (int i = 0; rc == 0 && rev && i < *n / 2; i++) {
		fin_rec t = out[i];
		out[i] = out[*n - 1 - i];
		out[*n - 1 - i] = t;
	}
	return rc;
}

static void step_from_row(sqlite3_stmt *st, void *rec)
{
	fin_step *s = rec;
	s->id = sqlite3_column_int64(st, 0);
	s->financing_id = sqlite3_column_int64(st, 1);
	s->at = rows_col_dup(st, 2);
	s->by = rows_col_dup(st, 3);
	fin_status from;
	s->from = sqlite3_column_type(st, 4) != SQLITE_NULL &&
	          fin_status_parse(db_col_text(st, 4), &from) ? (int)from : -1;
	if (!fin_status_parse(db_col_text(st, 5), &s->to))
		s->to = FIN_NEED;
	s->institution = rows_col_dup(st, 6);
	s->funded_fen = sqlite3_column_int64(st, 7);
	s->note = rows_col_dup(st, 8);
}

int fin_store_history(db *d, int64_t id, fin_step **steps, int *n, store_err *err)
{
	*steps = NULL;
	*n = 0;
	return rows_children(d, "SELECT id, financing_id, at, by, from_status, status, institution,"
	                        " funded_fen, note FROM financing_step WHERE financing_id = ?"
	                        " ORDER BY id", id, steps, n, sizeof **steps, step_from_row,
	                     "reading a financing need's history", err);
}
