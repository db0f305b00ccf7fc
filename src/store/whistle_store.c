/* Whistle rows (store/whistle_store.h). The enterprise's commissioner is read inside
 * the write's transaction, so that the whistle goes to whoever the register names at
 * that moment. */
#include "store/whistle_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

int whistle_store_add(db *d, const char *actor, const whistle_rec *w, int64_t *id,
                      store_err *err)
{
	char now[20], day[11], due[11];
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"SELECT e.name, e.commissioner_id, coalesce(s.unit, ''), e.lead_unit"
		" FROM enterprise e LEFT JOIN staff s ON s.id = e.commissioner_id WHERE e.id = ?",
		err);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, w->enterprise_id);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW || sqlite3_column_type(st, 1) == SQLITE_NULL) {
		if (step == SQLITE_ROW)
			store_err_name(store_err_set(err, STORE_E_NO_COMMISSIONER), 0,
			               db_col_text(st, 0));
		else
			store_err_what(store_err_set(err, STORE_E_FAILED), "reading the enterprise");
		db_done(st);
		db_rollback(d);
		return step == SQLITE_ROW ? 1 : -1;
	}
	int64_t commissioner = sqlite3_column_int64(st, 1);
	char *unit = xstrdup(db_col_text(st, 2));
	char *lead = xstrdup(db_col_text(st, 3));
	db_done(st);
	st = db_stmt(d,
		"INSERT INTO whistle (enterprise_id, commissioner_id, unit, lead_unit, called_on,"
		" via, caller, text, report_due, created_by, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st) {
		free(unit);
		free(lead);
		goto fail;
	}
	db_now(d, now);
	sqlite3_bind_int64(st, 1, w->enterprise_id);
	sqlite3_bind_int64(st, 2, commissioner);
	db_bind_text(st, 3, unit);
	db_bind_text(st, 4, lead);
	rows_bind_date(st, 5, w->called_on);
	db_bind_text(st, 6, whistle_via_code(w->via));
	db_bind_text(st, 7, w->caller);
	db_bind_text(st, 8, w->text);
	rows_bind_date(st, 9, w->due);
	db_bind_text(st, 10, actor);
	db_bind_text(st, 11, now);
	int rc = rows_step_one(d, st, "adding a whistle", err);
	free(lead);
	if (rc < 0) {
		free(unit);
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(db_handle(d));
	char *sum = xasprintf("whistle=%" PRId64 " date=%s via=%s commissioner=%" PRId64
	                      " unit=%s due=%s caller=%s; %s", *id,
	                      date_format(w->called_on, day), whistle_via_code(w->via),
	                      commissioner, unit, date_format(w->due, due), w->caller, w->text);
	free(unit);
	return rows_commit_event(d, actor, "enterprise", w->enterprise_id, "whistle.add", sum,
	                         NULL, err);
fail:
	db_rollback(d);
	return -1;
}

/* why whistle id cannot be reported in or linked: gone, reported or already an
 * appeal; always 1 (refused) or -1 (error) */
static int refusal(db *d, int64_t id, bool linking, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT w.reported_on, coalesce(a.number, '')"
	                           " FROM whistle w LEFT JOIN appeal a ON a.id = w.appeal_id"
	                           " WHERE w.id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_err_set(err, STORE_E_NO_WHISTLE);
	} else if (linking) {
		store_err_name(store_err_set(err, STORE_E_WHISTLE_APPEALED), 0, db_col_text(st, 1));
	} else {
		store_err_set(err, STORE_E_WHISTLE_REPORTED);
		store_err_day(err, 1, rows_col_date(st, 0));
	}
	store_err_num(err, 0, id);
	db_done(st);
	return 1;
}

int whistle_store_report(db *d, const char *actor, int64_t id, qdate on, const char *report,
                         store_err *err)
{
	char day[11];
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE whistle SET reported_on = ?, report = ?, reported_by = ?"
		" WHERE id = ? AND reported_on IS NULL RETURNING enterprise_id", err);
	if (!st)
		goto fail;
	rows_bind_date(st, 1, on);
	db_bind_text(st, 2, report);
	db_bind_text(st, 3, actor);
	sqlite3_bind_int64(st, 4, id);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		db_done(st);
		if (step != SQLITE_DONE) {
			store_err_detail(store_err_set(err, STORE_E_FAILED), db_errmsg(d));
			store_err_what(err, "reporting in on a whistle");
			goto fail;
		}
		int rc = refusal(d, id, false, err);
		db_rollback(d);
		return rc;
	}
	int64_t ent = sqlite3_column_int64(st, 0);
	db_done(st);
	return rows_commit_event(d, actor, "enterprise", ent, "whistle.report",
	                         xasprintf("whistle=%" PRId64 " date=%s; %s", id,
	                                   date_format(on, day), report), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

int whistle_store_link_appeal(db *d, const char *actor, int64_t id, const char *number,
                              store_err *err)
{
	/* the guard is in the UPDATE itself, so two desks converting the same whistle at
	 * once cannot both win */
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE whistle SET appeal_id = (SELECT id FROM appeal WHERE number = ?)"
		" WHERE id = ? AND appeal_id IS NULL RETURNING enterprise_id", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, number);
	sqlite3_bind_int64(st, 2, id);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW) {
		db_done(st);
		if (step != SQLITE_DONE) {
			store_err_detail(store_err_set(err, STORE_E_FAILED), db_errmsg(d));
			store_err_what(err, "linking a whistle to its appeal");
			return -1;
		}
		return refusal(d, id, true, err);
	}
	int64_t ent = sqlite3_column_int64(st, 0);
	db_done(st);
	char *sum = xasprintf("whistle=%" PRId64 " appeal=%s", id, number);
	int rc = db_event(d, actor, "enterprise", ent, "whistle.appeal", sum, NULL, err);
	free(sum);
	return rc;
}

#define WHISTLE_COLS "w.id, w.enterprise_id, e.name, e.uscc, e.area, w.commissioner_id," \
	" s.login, s.name, w.unit, w.lead_unit, w.called_on, w.via, w.caller, w.text," \
	" w.report_due, w.reported_on, w.report, w.reported_by, coalesce(w.appeal_id, 0)," \
	" a.number, w.created_by, w.created_at" \
	" FROM whistle w JOIN enterprise e ON e.id = w.enterprise_id" \
	" JOIN staff s ON s.id = w.commissioner_id" \
	" LEFT JOIN appeal a ON a.id = w.appeal_id"

static void from_row(sqlite3_stmt *st, void *rec)
{
	whistle_rec *w = rec;
	memset(w, 0, sizeof *w);
	w->id = sqlite3_column_int64(st, 0);
	w->enterprise_id = sqlite3_column_int64(st, 1);
	w->enterprise = rows_col_dup(st, 2);
	w->uscc = rows_col_dup(st, 3);
	w->area = rows_col_dup(st, 4);
	w->commissioner_id = sqlite3_column_int64(st, 5);
	w->commissioner = rows_col_dup(st, 6);
	w->commissioner_name = rows_col_dup(st, 7);
	w->unit = rows_col_dup(st, 8);
	w->lead_unit = rows_col_dup(st, 9);
	w->called_on = rows_col_date(st, 10);
	if (!whistle_via_parse(db_col_text(st, 11), &w->via))
		w->via = WHISTLE_VIA_PHONE;
	w->caller = rows_col_dup(st, 12);
	w->text = rows_col_dup(st, 13);
	w->due = rows_col_date(st, 14);
	w->reported_on = rows_col_date(st, 15);
	w->report = rows_col_opt(st, 16);
	w->reported_by = rows_col_opt(st, 17);
	w->appeal_id = sqlite3_column_int64(st, 18);
	w->appeal_number = rows_col_opt(st, 19);
	w->created_by = rows_col_dup(st, 20);
	w->created_at = rows_col_dup(st, 21);
}

int whistle_store_get(db *d, int64_t id, whistle_rec *w, store_err *err)
{
	return rows_one(d, WHISTLE_COLS, "w.id", id, w, from_row, "reading a whistle", err);
}

static void where_of(const whistle_filter *f, rows_where *w)
{
	rows_where_init(w);
	if (!f)
		return;
	if (f->enterprise_id)
		rows_where_int(w, "w.enterprise_id = ?", f->enterprise_id);
	if (f->scope_area)
		rows_where_text(w, "e.area = ?", f->scope_area);
	if (f->unit && f->lead_too)
		rows_where_text(w, "? IN (w.unit, w.lead_unit)", f->unit);
	else if (f->unit)
		rows_where_text(w, "w.unit = ?", f->unit);
	if (f->commissioner)
		rows_where_text(w, "s.login = ?", f->commissioner);
	if (f->open_only)
		rows_where_plain(w, "w.reported_on IS NULL");
	if (f->overdue_on)
		rows_where_text(w, "w.reported_on IS NULL AND w.report_due < ?", f->overdue_on);
	if (f->from)
		rows_where_text(w, "w.called_on >= ?", f->from);
	if (f->to)
		rows_where_text(w, "w.called_on <= ?", f->to);
}

/* the list's order (open first, the earliest due, then the newest call) as keys */
static const rows_key whistle_keys[] = {
	{ "w.reported_on IS NOT NULL", false, true, false },
	{ "CASE WHEN w.reported_on IS NULL THEN w.report_due END", false, false, true },
	{ "w.called_on", true, false, false }, { "w.id", true, true, false },
};

int whistle_store_list_from(db *d, const whistle_filter *f, int64_t from, bool back, int limit,
                            whistle_rec *out, int *n, store_err *err)
{
	rows_where w;
	where_of(f, &w);
	int rc = rows_list_from(d, WHISTLE_COLS, &w, whistle_keys, 4, "w.id", from, back, limit,
	                        out, sizeof *out, from_row, n, "listing whistles", err);
	rows_where_free(&w);
	return rc;
}

int whistle_store_list(db *d, const whistle_filter *f, long offset, int limit,
                       whistle_rec *out, int *n, store_err *err)
{
	rows_where w;
	where_of(f, &w);
	int rc = rows_list_keyed(d, WHISTLE_COLS, &w, whistle_keys, 4, offset, limit, out,
	                         sizeof *out, from_row, n, "listing whistles", err);
	rows_where_free(&w);
	return rc;
}

int whistle_store_count(db *d, const whistle_filter *f, long *n, store_err *err)
{
	rows_where w;
	where_of(f, &w);
	strbuf sql = STRBUF_INIT;
	sb_add(&sql, "SELECT count(*) FROM whistle w JOIN enterprise e ON e.id = w.enterprise_id"
	       " JOIN staff s ON s.id = w.commissioner_id");
	sb_add(&sql, sb_str(&w.sql));
	int rc = -1;
	sqlite3_stmt *st = db_stmt(d, sb_str(&sql), err);
	if (st) {
		rows_where_bind(&w, st);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*n = sqlite3_column_int64(st, 0);
			rc = 0;
		} else {
			store_err_detail(store_err_set(err, STORE_E_FAILED), db_errmsg(d));
			store_err_what(err, "counting whistles");
		}
		db_done(st);
	}
	sb_free(&sql);
	rows_where_free(&w);
	return rc;
}

static void count_row(sqlite3_stmt *st, void *rec)
{
	whistle_counts *c = rec;
	c->login = rows_col_dup(st, 0);
	c->name = rows_col_dup(st, 1);
	c->unit = rows_col_dup(st, 2);
	c->whistles = sqlite3_column_int(st, 3);
	c->reported = sqlite3_column_int(st, 4);
	c->late = sqlite3_column_int(st, 5);
	c->overdue = sqlite3_column_int(st, 6);
	c->appeals = sqlite3_column_int(st, 7);
}

int whistle_store_counts(db *d, qdate from, qdate to, qdate today, whistle_counts **rows,
                         int *n, store_err *err)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(d,
		"SELECT s.login, s.name,"
		" (SELECT w2.unit FROM whistle w2 WHERE w2.commissioner_id = s.id"
		"   AND w2.called_on BETWEEN ?1 AND ?2 ORDER BY w2.called_on DESC, w2.id DESC"
		"   LIMIT 1) AS unit,"
		" count(*),"
		" sum(w.reported_on IS NOT NULL AND w.reported_on <= w.report_due),"
		" sum(w.reported_on IS NOT NULL AND w.reported_on > w.report_due),"
		" sum(w.reported_on IS NULL AND w.report_due < ?3),"
		" sum(w.appeal_id IS NOT NULL)"
		" FROM whistle w JOIN staff s ON s.id = w.commissioner_id"
		" WHERE w.called_on BETWEEN ?1 AND ?2"
		" GROUP BY s.id ORDER BY unit, s.login", err);
	if (!st)
		return -1;
	rows_bind_date(st, 1, from);
	rows_bind_date(st, 2, to);
	rows_bind_date(st, 3, today);
	return rows_append(d, st, rows, n, sizeof **rows, count_row, "counting whistles", err);
}

void whistle_counts_free(whistle_counts **rows, int n)
{
	for (int i = 0; *rows && i < n; i++) {
		free((*rows)[i].login);
		free((*rows)[i].name);
		free((*rows)[i].unit);
	}
	xfree(rows);
}
