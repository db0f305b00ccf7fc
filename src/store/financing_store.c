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
	case FIN_OK:
		return;
	}
	store_err_num(store_err_set(err, code), 0, id);
	store_err_num(err, 1, from);
	store_err_num(err, 2, to);
}

int fin_store_add(db *d, const char *actor, const fin_rec *f, int64_t *id, store_err *err)
{
	fin_verdict v = fin_change_check(FIN_NEW, f->status, f->institution);
	if (v != FIN_OK) {
		refusal(err, 0, FIN_NEW, f->status, v);
		return 1;
	}
	if (db_begin(d, err) < 0)
		return -1;
	char now[20], yuan[32];
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO financing (enterprise_id, amount_fen, purpose, status, institution,"
		" created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
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
	if (rows_step_one(d, st, "adding a financing need", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	return rows_commit_event(d, actor, "enterprise", f->enterprise_id, "financing.add",
		xasprintf("financing=%" PRId64 " amount=%s yuan purpose=%s status=%s"
		          " institution=%s", *id, fin_amount_yuan(f->amount_fen, yuan),
		          f->purpose, fin_status_code(f->status),
		          f->institution ? f->institution : ""), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

#define FIN_COLS "f.id, f.enterprise_id, e.name, e.uscc, e.area, f.amount_fen, f.purpose," \
	" f.status, f.institution, f.created_by, f.created_at, f.updated_at" \
	" FROM financing f JOIN enterprise e ON e.id = f.enterprise_id"

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
}

int fin_store_get(db *d, int64_t id, fin_rec *f, store_err *err)
{
	return rows_one(d, FIN_COLS, "f.id", id, f, from_row, "reading a financing need", err);
}

int fin_store_update(db *d, const char *actor, int64_t id, int status, const char *institution,
                     store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	fin_rec old = { 0 };
	strbuf sum = STRBUF_INIT;
	int rc = fin_store_get(d, id, &old, err);
	if (rc != 0) {
		if (rc == 1)
			store_err_num(store_err_set(err, STORE_E_NO_FINANCING), 0, id);
		goto out;
	}
	fin_status to = status < 0 ? old.status : (fin_status)status;
	const char *inst = institution ? institution : old.institution;
	if (status >= 0) {
		fin_verdict v = fin_change_check((int)old.status, to, inst);
		if (v != FIN_OK) {
			refusal(err, id, (int)old.status, to, v);
			rc = 1;
			goto out;
		}
	} else if (!*inst && fin_status_needs_institution(to)) {
		/* clearing the institution of a matched or funded need would hide who funds it */
		refusal(err, id, (int)old.status, to, FIN_NEEDS_INSTITUTION);
		rc = 1;
		goto out;
	}
	sb_addf(&sum, "financing=%" PRId64, id);
	if (to != old.status)
		sb_addf(&sum, "; status: %s -> %s", fin_status_code(old.status), fin_status_code(to));
	if (strcmp(inst, old.institution) != 0)
		sb_addf(&sum, "; institution: %s -> %s", old.institution, inst);
	if (to == old.status && strcmp(inst, old.institution) == 0) {
		store_err_num(store_err_set(err, STORE_E_FIN_UNCHANGED), 0, id);
		rc = 1;
		goto out;
	}
	rc = -1;
	sqlite3_stmt *st = db_stmt(d, "UPDATE financing SET status = ?, institution = ?,"
	                              " updated_at = ? WHERE id = ?", err);
	if (!st)
		goto out;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, fin_status_code(to));
	db_bind_text(st, 2, inst);
	db_bind_text(st, 3, now);
	sqlite3_bind_int64(st, 4, id);
	if (rows_step_one(d, st, "updating a financing need", err) < 0)
		goto out;
	rc = rows_commit_event(d, actor, "enterprise", old.enterprise_id, "financing.update",
	                       sb_steal(&sum), NULL, err);
	fin_rec_clear(&old);
	return rc;
out:
	db_rollback(d);
	fin_rec_clear(&old);
	sb_free(&sum);
	return rc;
}

int fin_store_list(db *d, const fin_filter *f, long offset, int limit, fin_rec *out, int *n,
                   store_err *err)
{
	rows_where w;
	rows_where_init(&w);
	if (f && f->enterprise_id)
		rows_where_int(&w, "f.enterprise_id = ?", f->enterprise_id);
	if (f && f->status >= 0 && f->status < FIN__COUNT)
		rows_where_text(&w, "f.status = ?", fin_status_code((fin_status)f->status));
	if (f && f->scope_area)
		rows_where_text(&w, "e.area = ?", f->scope_area);
	int rc = rows_list(d, FIN_COLS, &w, "f.id DESC", offset, limit, out, sizeof *out,
	                   from_row, n, "listing financing needs", err);
	rows_where_free(&w);
	return rc;
}
