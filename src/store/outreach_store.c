/* Outreach event rows, their attendee rows and problem rows (store/outreach_store.h).
 * An event and its attendees are written in one transaction, so that an event is never
 * half recorded, and a sign-in sheet's enterprises all in one. */
#include "store/outreach_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* enterprise_id attends event id unless it does already: 1 added, 0 already, -1 */
static int attend_one(db *d, const char *actor, const char *now, int64_t id,
                      int64_t enterprise_id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO outreach_attendee (outreach_id, enterprise_id, added_by, added_at)"
		" VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, enterprise_id);
	db_bind_text(st, 3, actor);
	db_bind_text(st, 4, now);
	if (rows_exec(d, st, "recording an enterprise attending an event", err) < 0)
		return -1;
	return sqlite3_changes(db_handle(d)) == 1;
}

int outreach_store_add(db *d, const char *actor, const outreach_rec *r, int64_t *id,
                       store_err *err)
{
	char now[20], day[11];
	strbuf sum = STRBUF_INIT;
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO outreach (kind, held_on, place, unit, topic, policies, created_by,"
		" created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_now(d, now);
	db_bind_text(st, 1, r->kind);
	rows_bind_date(st, 2, r->date);
	db_bind_text(st, 3, r->place);
	db_bind_text(st, 4, r->unit);
	db_bind_text(st, 5, r->topic);
	db_bind_text(st, 6, r->policies ? r->policies : "");
	db_bind_text(st, 7, actor);
	db_bind_text(st, 8, now);
	if (rows_step_one(d, st, "adding an outreach event", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	sb_addf(&sum, "kind=%s date=%s place=%s unit=%s topic=%s policies=%s attendees=",
	        r->kind, date_format(r->date, day), r->place, r->unit, r->topic,
	        r->policies ? r->policies : "");
	int added = 0;
	for (int i = 0; i < r->nattendees; i++) {
		int a = attend_one(d, actor, now, *id, r->attendees[i].enterprise_id, err);
		if (a < 0)
			goto fail;
		if (a)
			sb_addf(&sum, "%s%" PRId64, added++ ? "," : "", r->attendees[i].enterprise_id);
	}
	return rows_commit_event(d, actor, "outreach", *id, "outreach.add", sb_steal(&sum), NULL,
	                         err);
fail:
	sb_free(&sum);
	db_rollback(d);
	return -1;
}

int outreach_store_attend(db *d, const char *actor, int64_t id, const int64_t *ids, int n,
                          int *added, store_err *err)
{
	char now[20];
	strbuf sum = STRBUF_INIT;
	*added = 0;
	if (db_begin(d, err) < 0)
		return -1;
	db_now(d, now);
	sb_add(&sum, "enterprises=");
	for (int i = 0; i < n; i++) {
		int a = attend_one(d, actor, now, id, ids[i], err);
		if (a < 0)
			goto fail;
		if (a)
			sb_addf(&sum, "%s%" PRId64, (*added)++ ? "," : "", ids[i]);
	}
	if (*added == 0) {
		/* nothing changed: no event row for it */
		sb_free(&sum);
		db_rollback(d);
		return 0;
	}
	return rows_commit_event(d, actor, "outreach", id, "outreach.attend", sb_steal(&sum), NULL,
	                         err);
fail:
	*added = 0;
	sb_free(&sum);
	db_rollback(d);
	return -1;
}

int outreach_store_problem(db *d, const char *actor, int64_t id, int64_t enterprise_id,
                           const char *text, int *seq, store_err *err)
{
	char now[20];
	if (db_begin(d, err) < 0)
		return -1;
	db_now(d, now);
	if (attend_one(d, actor, now, id, enterprise_id, err) < 0)
		goto fail;
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(max(seq), 0) + 1 FROM outreach_problem"
	                           " WHERE outreach_id = ?", err);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_done(st);
		db_fail(d, err, "numbering a problem raised at an event");
		goto fail;
	}
	*seq = sqlite3_column_int(st, 0);
	db_done(st);
	st = db_stmt(d, "INSERT INTO outreach_problem (outreach_id, seq, enterprise_id, text)"
	             " VALUES (?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, *seq);
	sqlite3_bind_int64(st, 3, enterprise_id);
	db_bind_text(st, 4, text);
	if (rows_step_one(d, st, "adding a problem raised at an event", err) < 0)
		goto fail;
	return rows_commit_event(d, actor, "outreach", id, "outreach.problem",
	                         xasprintf("seq=%d enterprise=%" PRId64 " text=%s", *seq,
	                                   enterprise_id, text), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

int outreach_store_link_appeal(db *d, int64_t problem_id, const char *number,
                               store_err *err)
{
	return rows_link_problem(d, "outreach_problem", problem_id, number,
	                         STORE_E_NO_OUTREACH_PROBLEM, err);
}

#define OUTREACH_COLS "o.id, o.kind, o.held_on, o.place, o.unit, o.topic, o.policies," \
	" o.created_by, o.created_at," \
	" (SELECT count(*) FROM outreach_attendee a WHERE a.outreach_id = o.id)," \
	" (SELECT count(*) FROM outreach_problem p WHERE p.outreach_id = o.id)" \
	" FROM outreach o"

static void from_row(sqlite3_stmt *st, void *rec)
{
	outreach_rec *r = rec;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->kind = rows_col_dup(st, 1);
	r->date = rows_col_date(st, 2);
	r->place = rows_col_dup(st, 3);
	r->unit = rows_col_dup(st, 4);
	r->topic = rows_col_dup(st, 5);
	r->policies = rows_col_dup(st, 6);
	r->created_by = rows_col_dup(st, 7);
	r->created_at = rows_col_dup(st, 8);
	r->nattendees = sqlite3_column_int(st, 9);
	r->nproblems = sqlite3_column_int(st, 10);
}

static void attendee_row(sqlite3_stmt *st, void *rec)
{
	outreach_attendee *a = rec;
	a->enterprise_id = sqlite3_column_int64(st, 0);
	a->name = rows_col_dup(st, 1);
	a->uscc = rows_col_dup(st, 2);
	a->area = rows_col_dup(st, 3);
}

static void problem_row(sqlite3_stmt *st, void *rec)
{
	outreach_problem *p = rec;
	p->id = sqlite3_column_int64(st, 0);
	p->seq = sqlite3_column_int(st, 1);
	p->enterprise_id = sqlite3_column_int64(st, 2);
	p->enterprise = rows_col_dup(st, 3);
	p->uscc = rows_col_dup(st, 4);
	p->area = rows_col_dup(st, 5);
	p->text = rows_col_dup(st, 6);
	p->appeal_id = sqlite3_column_int64(st, 7);
	p->appeal_number = rows_col_opt(st, 8);
}

int outreach_store_get(db *d, int64_t id, outreach_rec *r, store_err *err)
{
	int rc = rows_one(d, OUTREACH_COLS, "o.id", id, r, from_row, "reading an outreach event",
	                  err);
	if (rc != 0)
		return rc;
	/* the list's counts are replaced by the rows themselves */
	r->nattendees = r->nproblems = 0;
	if (rows_children(d, "SELECT e.id, e.name, e.uscc, e.area FROM outreach_attendee a"
	                  " JOIN enterprise e ON e.id = a.enterprise_id WHERE a.outreach_id = ?"
	                  " ORDER BY e.name, e.id", id, &r->attendees, &r->nattendees,
	                  sizeof *r->attendees, attendee_row, "reading who attended an event",
	                  err) < 0 ||
	    rows_children(d, "SELECT p.id, p.seq, p.enterprise_id, e.name, e.uscc, e.area, p.text,"
	                  " coalesce(p.appeal_id, 0), a.number FROM outreach_problem p"
	                  " JOIN enterprise e ON e.id = p.enterprise_id"
	                  " LEFT JOIN appeal a ON a.id = p.appeal_id"
	                  " WHERE p.outreach_id = ? ORDER BY p.seq", id, &r->problems,
	                  &r->nproblems, sizeof *r->problems, problem_row,
	                  "reading the problems raised at an event", err) < 0) {
		outreach_rec_clear(r);
		return -1;
	}
	return 0;
}

/* the WHERE of filter f */
static void where_of(const outreach_filter *f, rows_where *w)
{
	rows_where_init(w);
	/* raising a problem records the enterprise as attending too */
	if (f && f->enterprise_id)
		rows_where_int(w, "o.id IN (SELECT outreach_id FROM outreach_attendee"
		               " WHERE enterprise_id = ?)", f->enterprise_id);
	if (f && f->unit)
		rows_where_text(w, "o.unit = ?", f->unit);
	if (f && f->kind)
		rows_where_text(w, "o.kind = ?", f->kind);
	if (f && f->from)
		rows_where_text(w, "o.held_on >= ?", f->from);
	if (f && f->to)
		rows_where_text(w, "o.held_on <= ?", f->to);
}

/* the list's order as keys */
static const rows_key outreach_store_list_keys[] = {
	{ "o.held_on", true, false, false }, { "o.id", true, true, false },
};

int outreach_store_list_from(db *d, const outreach_filter *f, int64_t from, bool back, int limit,
		outreach_rec *out, int *n, store_err *err)
{
	rows_where w;
	where_of(f, &w);
	int rc = rows_list_from(d, OUTREACH_COLS, &w, outreach_store_list_keys, 2, "o.id", from, back, limit,
	                        out, sizeof *out, from_row, n, "listing outreach events", err);
	rows_where_free(&w);
	return rc;
}

int outreach_store_list(db *d, const outreach_filter *f, long offset, int limit,
                        outreach_rec *out, int *n, store_err *err)
{
	rows_where w;
	where_of(f, &w);
	int rc = rows_list_keyed(d, OUTREACH_COLS, &w, outreach_store_list_keys, 2, offset, limit,
	                         out, sizeof *out, from_row, n, "listing outreach events", err);
	rows_where_free(&w);
	return rc;
}

int outreach_store_count(db *d, const outreach_filter *f, long *n, store_err *err)
{
	rows_where w;
	where_of(f, &w);
	int rc = rows_count(d, "FROM outreach o", &w, n, "counting outreach events", err);
	rows_where_free(&w);
	return rc;
}

int outreach_store_find_enterprise(db *d, const char *key, bool by_uscc, int *count,
                                   int64_t *id, char **name, store_err *err)
{
	*count = 0;
	*id = 0;
	*name = NULL;
	sqlite3_stmt *st = db_stmt(d, by_uscc
		? "SELECT id, name FROM enterprise WHERE uscc = ? LIMIT 2"
		: "SELECT id, name FROM enterprise WHERE name = ? ORDER BY id LIMIT 2", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, key);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((*count)++ == 0) {
			*id = sqlite3_column_int64(st, 0);
			*name = xstrdup(db_col_text(st, 1));
		}
	}
	db_done(st);
	if (rc != SQLITE_DONE) {
		xfree(name);
		db_fail(d, err, "looking up an enterprise");
		return -1;
	}
	if (*count > 1) {
		*id = 0;
		xfree(name);
	}
	return 0;
}

static void count_row(sqlite3_stmt *st, void *rec)
{
	outreach_quarter_count *c = rec;
	c->unit = rows_col_dup(st, 0);
	c->year = sqlite3_column_int(st, 1);
	c->quarter = sqlite3_column_int(st, 2);
	c->events = sqlite3_column_int(st, 3);
	c->attendances = sqlite3_column_int(st, 4);
	c->problems = sqlite3_column_int(st, 5);
	c->appeals = sqlite3_column_int(st, 6);
}

int outreach_store_quarter_counts(db *d, qdate from, qdate to, outreach_quarter_count **rows,
                                  int *n, store_err *err)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(d,
		"SELECT o.unit, CAST(substr(o.held_on, 1, 4) AS INTEGER),"
		" (CAST(substr(o.held_on, 6, 2) AS INTEGER) + 2) / 3, count(*),"
		" sum((SELECT count(*) FROM outreach_attendee a WHERE a.outreach_id = o.id)),"
		" sum((SELECT count(*) FROM outreach_problem p WHERE p.outreach_id = o.id)),"
		" sum((SELECT count(*) FROM outreach_problem p WHERE p.outreach_id = o.id"
		"      AND p.appeal_id IS NOT NULL))"
		" FROM outreach o WHERE o.held_on >= ? AND o.held_on <= ?"
		" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", err);
	if (!st)
		return -1;
	rows_bind_date(st, 1, from);
	rows_bind_date(st, 2, to);
	if (rows_append(d, st, rows, n, sizeof **rows, count_row,
	                "counting outreach events per unit and quarter", err) < 0) {
		outreach_quarter_counts_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void outreach_quarter_counts_free(outreach_quarter_count **rows, int n)
{
	for (int i = 0; *rows && i < n; i++)
		free((*rows)[i].unit);
	xfree(rows);
}
