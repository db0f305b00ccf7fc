/* Warning rows and their response rows. The open/closed rule runs on the stored row
 * inside the write transaction; the open_warnings triggers of migration 2 do the
 * counting. */
#include "store/warning_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* the refusal v of opening, answering or closing warning id on a day */
static void refusal(store_err *err, warn_verdict v, int64_t id, qdate on, qdate opened,
                    qdate closed, qdate today)
{
	store_code code = STORE_OK;
	qdate other = DATE_NONE;
	switch (v) {
	case WARN_IS_CLOSED:
		code = STORE_E_WARNING_CLOSED;
		other = closed;
		break;
	case WARN_BEFORE_OPENED:
		code = STORE_E_WARNING_BEFORE_OPEN;
		other = opened;
		break;
	case WARN_FUTURE:
		code = STORE_E_DAY_AFTER_TODAY;
		break;
	case WARN_OK:
		return;
	}
	store_err_num(store_err_set(err, code), 0, id);
	store_err_day(err, 0, on);
	store_err_day(err, 1, other);
	store_err_day(err, 2, today);
}

int warn_store_add(db *d, const char *actor, const warn_rec *w, int64_t *id, store_err *err)
{
	warn_verdict v = warn_open_check(w->opened_on, db_today(d));
	if (v != WARN_OK) {
		refusal(err, v, 0, w->opened_on, DATE_NONE, DATE_NONE, db_today(d));
		return 1;
	}
	if (db_begin(d, err) < 0)
		return -1;
	char now[20], day[11];
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO warning (enterprise_id, source, level, signal, opened_on, created_by,"
		" created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_now(d, now);
	sqlite3_bind_int64(st, 1, w->enterprise_id);
	db_bind_text(st, 2, warn_source_code(w->source));
	sqlite3_bind_int(st, 3, (int)w->level);
	db_bind_text(st, 4, w->signal);
	rows_bind_date(st, 5, w->opened_on);
	db_bind_text(st, 6, actor);
	db_bind_text(st, 7, now);
	if (rows_step_one(d, st, "adding a warning", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	return rows_commit_event(d, actor, "enterprise", w->enterprise_id, "warning.add",
		xasprintf("warning=%" PRId64 " source=%s level=%s opened=%s signal=%s", *id,
		          warn_source_code(w->source), warn_level_code(w->level),
		          date_format(w->opened_on, day), w->signal), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

/* what a response or a close is checked against, read inside the caller's transaction */
typedef struct warn_state {
	int64_t ent;
	qdate opened, closed;
} warn_state;

static void state_row(sqlite3_stmt *st, void *rec)
{
	warn_state *ws = rec;
	ws->ent = sqlite3_column_int64(st, 0);
	ws->opened = rows_col_date(st, 1);
	ws->closed = rows_col_date(st, 2);
}

static int add_response(db *d, const char *actor, int64_t id, qdate on, const char *text,
                        bool closing, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO warning_response (warning_id, responded_on, text, closing, created_by,"
		" created_at) VALUES (?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	sqlite3_bind_int64(st, 1, id);
	rows_bind_date(st, 2, on);
	db_bind_text(st, 3, text);
	sqlite3_bind_int(st, 4, closing);
	db_bind_text(st, 5, actor);
	db_bind_text(st, 6, now);
	return rows_step_one(d, st, "recording a response", err);
}

/* respond (closing false) or close: the shared checks, rows and event */
static int change(db *d, const char *actor, int64_t id, qdate on, const char *text,
                  bool closing, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	warn_state ws;
	char day[11];
	int rc = rows_one(d, "enterprise_id, opened_on, closed_on FROM warning", "id", id, &ws,
	                  state_row, "reading a warning", err);
	if (rc == 1)
		store_err_num(store_err_set(err, STORE_E_NO_WARNING), 0, id);
	if (rc != 0)
		goto out;
	warn_verdict v = warn_change_check(ws.opened, ws.closed, on, db_today(d));
	if (v != WARN_OK) {
		refusal(err, v, id, on, ws.opened, ws.closed, db_today(d));
		rc = 1;
		goto out;
	}
	rc = -1;
	if (text && *text && add_response(d, actor, id, on, text, closing, err) < 0)
		goto out;
	if (closing) {
		sqlite3_stmt *st = db_stmt(d, "UPDATE warning SET closed_on = ? WHERE id = ?", err);
		if (!st)
			goto out;
		rows_bind_date(st, 1, on);
		sqlite3_bind_int64(st, 2, id);
		if (rows_step_one(d, st, "closing a warning", err) < 0)
			goto out;
	}
	char *sum = closing
		? xasprintf("warning=%" PRId64 " closed=%s", id, date_format(on, day))
		: xasprintf("warning=%" PRId64 " responded=%s response=%s", id, date_format(on, day),
		            text);
	return rows_commit_event(d, actor, "enterprise", ws.ent,
	                         closing ? "warning.close" : "warning.respond", sum,
	                         closing ? text : NULL, err);
out:
	db_rollback(d);
	return rc;
}

int warn_store_respond(db *d, const char *actor, int64_t id, qdate on, const char *text,
                       store_err *err)
{
	return change(d, actor, id, on, text, false, err);
}

int warn_store_close(db *d, const char *actor, int64_t id, qdate on, const char *text,
                     store_err *err)
{
	return change(d, actor, id, on, text, true, err);
}

#define WARN_COLS "w.id, w.enterprise_id, e.name, e.uscc, e.area, w.source, w.level," \
	" w.signal, w.opened_on, w.closed_on, w.created_by, w.created_at," \
	" coalesce((SELECT r.text FROM warning_response r WHERE r.warning_id = w.id" \
	"           ORDER BY r.id DESC LIMIT 1), '')" \
	" FROM warning w JOIN enterprise e ON e.id = w.enterprise_id"

static void from_row(sqlite3_stmt *st, void *rec)
{
	warn_rec *w = rec;
	memset(w, 0, sizeof *w);
	w->id = sqlite3_column_int64(st, 0);
	w->enterprise_id = sqlite3_column_int64(st, 1);
	w->enterprise = rows_col_dup(st, 2);
	w->uscc = rows_col_dup(st, 3);
	w->area = rows_col_dup(st, 4);
	/* the CHECK constraints keep both columns to the known values */
	if (!warn_source_parse(db_col_text(st, 5), &w->source))
		w->source = WARN_OTHER;
	w->level = (warn_level)sqlite3_column_int(st, 6);
	w->signal = rows_col_dup(st, 7);
	w->opened_on = rows_col_date(st, 8);
	w->closed_on = rows_col_date(st, 9);
	w->created_by = rows_col_dup(st, 10);
	w->created_at = rows_col_dup(st, 11);
	w->latest = rows_col_dup(st, 12);
}

static void response_row(sqlite3_stmt *st, void *rec)
{
	warn_response *r = rec;
	r->on = rows_col_date(st, 0);
	r->text = rows_col_dup(st, 1);
	r->by = rows_col_dup(st, 2);
	r->closing = sqlite3_column_int(st, 3) != 0;
}

int warn_store_get(db *d, int64_t id, warn_rec *w, store_err *err)
{
	int rc = rows_one(d, WARN_COLS, "w.id", id, w, from_row, "reading a warning", err);
	if (rc != 0)
		return rc;
	if (rows_children(d, "SELECT responded_on, text, created_by, closing FROM warning_response"
	                  " WHERE warning_id = ? ORDER BY id", id, &w->responses, &w->nresponses,
	                  sizeof *w->responses, response_row, "reading the responses to a warning",
	                  err) < 0) {
		warn_rec_clear(w);
		return -1;
	}
	return 0;
}

static void warn_where(const warn_filter *f, rows_where *w)
{
	rows_where_init(w);
	if (f && f->enterprise_id)
		rows_where_int(w, "w.enterprise_id = ?", f->enterprise_id);
	if (f && f->open_only)
		rows_where_plain(w, "w.closed_on IS NULL");
	if (f && f->scope_area)
		rows_where_text(w, "e.area = ?", f->scope_area);
}

/* the list's order (open first, the highest level, the newest) as keys */
static const rows_key warn_keys[] = {
	{ "w.closed_on IS NOT NULL", false, true, false }, { "w.level", true, true, false },
	{ "w.opened_on", true, false, false }, { "w.id", true, true, false },
};

int warn_store_list_from(db *d, const warn_filter *f, int64_t from, bool back, int limit,
                         warn_rec *out, int *n, store_err *err)
{
	rows_where w;
	warn_where(f, &w);
	int rc = rows_list_from(d, WARN_COLS, &w, warn_keys, 4, "w.id", from, back, limit, out,
	                        sizeof *out, from_row, n, "listing warnings", err);
	rows_where_free(&w);
	return rc;
}

int warn_store_list(db *d, const warn_filter *f, long offset, int limit, warn_rec *out,
                    int *n, store_err *err)
{
	rows_where w;
	warn_where(f, &w);
	int rc = rows_list_keyed(d, WARN_COLS, &w, warn_keys, 4, offset, limit, out, sizeof *out,
	                         from_row, n, "listing warnings", err);
	rows_where_free(&w);
	return rc;
}

int warn_store_signal_state(db *d, int64_t enterprise_id, const char *kind, qdate on,
                            bool *seen, int64_t *open_id, warn_level *level, store_err *err)
{
	char day[11];
	*seen = false;
	*open_id = 0;
	*level = WARN_LOW;
	sqlite3_stmt *st = db_stmt(d, "SELECT 1 FROM warning_signal WHERE enterprise_id = ?"
	                              " AND kind = ? AND signal_on = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, enterprise_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, date_format(on, day));
	int rc = sqlite3_step(st);
	*seen = rc == SQLITE_ROW;
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, err, "reading the signals of an enterprise");
		return -1;
	}
	st = db_stmt(d, "SELECT id, level FROM warning WHERE enterprise_id = ? AND signal_kind = ?"
	                " AND closed_on IS NULL", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, enterprise_id);
	db_bind_text(st, 2, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*open_id = sqlite3_column_int64(st, 0);
		*level = (warn_level)sqlite3_column_int(st, 1);
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, err, "reading the warnings of an enterprise");
		return -1;
	}
	return 0;
}

int warn_store_signal_add(db *d, const char *actor, const warn_signal *s, int64_t *id,
                          store_err *err)
{
	char now[20], day[11];
	db_now(d, now);
	date_format(s->on, day);
	bool opening = *id == 0;
	warn_level before = s->level;
	sqlite3_stmt *st;
	if (opening) {
		st = db_stmt(d, "INSERT INTO warning (enterprise_id, source, level, signal, opened_on,"
		                " created_by, created_at, signal_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		             err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, s->enterprise_id);
		db_bind_text(st, 2, warn_source_code(s->source));
		sqlite3_bind_int(st, 3, (int)s->level);
		db_bind_text(st, 4, s->signal);
		db_bind_text(st, 5, day);
		db_bind_text(st, 6, actor);
		db_bind_text(st, 7, now);
		db_bind_text(st, 8, s->kind);
		if (rows_step_one(d, st, "opening a warning", err) < 0)
			return -1;
		*id = sqlite3_last_insert_rowid(db_handle(d));
	} else {
		st = db_stmt(d, "SELECT level FROM warning WHERE id = ?", err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, *id);
		if (sqlite3_step(st) == SQLITE_ROW)
			before = (warn_level)sqlite3_column_int(st, 0);
		db_done(st);
		st = db_stmt(d, "UPDATE warning SET level = ? WHERE id = ?", err);
		if (!st)
			return -1;
		sqlite3_bind_int(st, 1, (int)s->level);
		sqlite3_bind_int64(st, 2, *id);
		if (rows_step_one(d, st, "raising a warning", err) < 0)
			return -1;
	}
	st = db_stmt(d, "INSERT INTO warning_signal (warning_id, enterprise_id, kind, signal_on,"
	                " level, detail, source, created_by, created_at)"
	                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_int64(st, 2, s->enterprise_id);
	db_bind_text(st, 3, s->kind);
	db_bind_text(st, 4, day);
	sqlite3_bind_int(st, 5, (int)s->level);
	db_bind_text(st, 6, s->detail);
	db_bind_text(st, 7, s->from);
	db_bind_text(st, 8, actor);
	db_bind_text(st, 9, now);
	if (rows_step_one(d, st, "recording a signal", err) < 0)
		return -1;
	char *sum = opening
		? xasprintf("warning=%" PRId64 " source=%s level=%s opened=%s signal=%s kind=%s from=%s",
		            *id, warn_source_code(s->source), warn_level_code(s->level), day, s->signal,
		            s->kind, s->from)
		: xasprintf("warning=%" PRId64 " kind=%s signal_on=%s level: %s -> %s from=%s", *id,
		            s->kind, day, warn_level_code(before), warn_level_code(s->level), s->from);
	int rc = db_event(d, actor, "enterprise", s->enterprise_id,
	                  opening ? "warning.add" : "warning.signal", sum,
	                  *s->detail ? s->detail : NULL, err);
	free(sum);
	return rc < 0 ? -1 : 0;
}
