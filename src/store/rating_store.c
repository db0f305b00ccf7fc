/* Ratings and quarter freezes. */
#include "store/rating_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

int rating_store_frozen(db *d, assessment_quarter q, store_err *err)
{
	char code[16];
	sqlite3_stmt *st = db_stmt(d, "SELECT 1 FROM quarter_freeze WHERE quarter = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, assessment_quarter_format(q, code));
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, err, "reading quarter freezes");
		return -1;
	}
	return rc == SQLITE_ROW;
}

int rating_store_add(db *d, const char *actor, const rating_input *in, int n, int *bad,
                     store_err *err)
{
	*bad = -1;
	if (db_begin(d, err) < 0)
		return -1;
	char now[20];
	db_now(d, now);
	for (int i = 0; i < n; i++) {
		char code[16];
		assessment_quarter_format(in[i].quarter, code);
		sqlite3_stmt *st = db_stmt(d, "SELECT score FROM rating WHERE enterprise_id = ?"
		                              " AND unit = ? AND quarter = ?", err);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, in[i].enterprise_id);
		db_bind_text(st, 2, in[i].unit);
		db_bind_text(st, 3, code);
		if (sqlite3_step(st) == SQLITE_ROW) {
			store_err_name(store_err_set(err, STORE_E_RATING_EXISTS), 0, code);
			store_err_name(err, 1, in[i].unit);
			store_err_num(err, 0, sqlite3_column_int(st, 0));
			db_done(st);
			*bad = i;
			goto fail;
		}
		db_done(st);
		st = db_stmt(d, "INSERT INTO rating (enterprise_id, unit, quarter, score, comment,"
		                " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", err);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, in[i].enterprise_id);
		db_bind_text(st, 2, in[i].unit);
		db_bind_text(st, 3, code);
		sqlite3_bind_int(st, 4, in[i].score);
		db_bind_text(st, 5, in[i].comment ? in[i].comment : "");
		db_bind_text(st, 6, actor);
		db_bind_text(st, 7, now);
		int rc = sqlite3_step(st);
		db_done(st);
		if (rc != SQLITE_DONE) {
			if (strstr(sqlite3_errmsg(db_handle(d)), "frozen"))
				store_err_name(store_err_set(err, STORE_E_QUARTER_FROZEN), 0, code);
			else
				db_fail(d, err, "adding a rating");
			*bad = i;
			goto fail;
		}
		char *sum = xasprintf("unit=%s quarter=%s score=%d", in[i].unit, code, in[i].score);
		rc = db_event(d, actor, "enterprise", in[i].enterprise_id, "rating.add", sum,
		              in[i].comment, err);
		free(sum);
		if (rc < 0)
			goto fail;
	}
	return db_commit(d, err);
fail:
	db_rollback(d);
	return -1;
}

int rating_store_freeze(db *d, const char *actor, assessment_quarter q, store_err *err)
{
	char code[16], now[20];
	assessment_quarter_format(q, code);
	if (db_begin(d, err) < 0)
		return -1;
	db_now(d, now);
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO quarter_freeze (quarter, frozen_by, frozen_at)"
	                              " VALUES (?, ?, ?)", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, actor);
	db_bind_text(st, 3, now);
	int rc = rows_step_unique(d, st, "freezing a quarter", err);
	if (rc == 1)
		store_err_name(store_err_set(err, STORE_E_QUARTER_ALREADY_FROZEN), 0, code);
	if (rc != 0)
		goto fail;
	/* the quarter has no row id of its own: its number (2026Q4 -> 20264) stands in */
	if (db_event(d, actor, "quarter", (int64_t)q.year * 10 + q.q, "freeze", code, NULL, err) < 0)
		goto fail;
	return db_commit(d, err);
fail:
	db_rollback(d);
	return -1;
}

int rating_store_appeal_units(db *d, int64_t enterprise_id, assessment_quarter q,
                              char ***units, int *n, store_err *err)
{
	*units = NULL;
	*n = 0;
	qdate first, last;
	char f[16], l[16];
	assessment_quarter_range(q, &first, &last);
	date_format(first, f);
	date_format(last, l);
	/* created_at and updated_at start with the day; the day after the last one bounds
	 * "registered by the end" whatever the time of day */
	sqlite3_stmt *st = db_stmt(d,
		"WITH a AS (SELECT id, lead_unit FROM appeal WHERE enterprise_id = ?1"
		"  AND substr(created_at, 1, 10) <= ?3"
		"  AND (CASE state WHEN 'closed' THEN 0 WHEN 'withdrawn' THEN 0 WHEN 'merged' THEN 0"
		"       ELSE 1 END = 1 OR substr(updated_at, 1, 10) >= ?2))"
		" SELECT lead_unit FROM a WHERE lead_unit IS NOT NULL"
		" UNION SELECT r.unit FROM appeal_related r JOIN a ON a.id = r.appeal_id"
		" ORDER BY 1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, enterprise_id);
	db_bind_text(st, 2, f);
	db_bind_text(st, 3, l);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*units = xrealloc(*units, sizeof **units * (size_t)(*n + 1));
		(*units)[(*n)++] = xstrdup(db_col_text(st, 0));
	}
	db_done(st);
	if (rc != SQLITE_DONE) {
		db_fail(d, err, "reading the units of an enterprise's appeals");
		rating_store_units_free(units, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void rating_store_units_free(char ***units, int n)
{
	for (int i = 0; i < n; i++)
		free((*units)[i]);
	xfree(units);
}

int rating_store_sums(db *d, assessment_quarter q,
                      void (*fn)(const char *unit, long sum, int count, void *arg), void *arg,
                      store_err *err)
{
	char code[16];
	sqlite3_stmt *st = db_stmt(d, "SELECT unit, sum(score), count(*) FROM rating"
	                              " WHERE quarter = ? GROUP BY unit ORDER BY unit", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, assessment_quarter_format(q, code));
	/* a handful of units: collect, finish the read, then call back */
	struct { char *unit; long sum; int count; } *v = NULL;
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xrealloc(v, sizeof *v * (size_t)(n + 1));
		v[n].unit = xstrdup(db_col_text(st, 0));
		v[n].sum = (long)sqlite3_column_int64(st, 1);
		v[n].count = sqlite3_column_int(st, 2);
		n++;
	}
	db_done(st);
	for (int i = 0; i < n; i++) {
		fn(v[i].unit, v[i].sum, v[i].count, arg);
		free(v[i].unit);
	}
	free(v);
	return 0;
}

int rating_store_each(db *d, assessment_quarter q, const char *unit,
                      void (*fn)(const char *const *cols, void *arg), void *arg, store_err *err)
{
	char code[16];
	sqlite3_stmt *st = db_stmt(d,
		"SELECT e.name, e.uscc, r.unit, r.score, r.comment, r.created_by, r.created_at"
		" FROM rating r JOIN enterprise e ON e.id = r.enterprise_id"
		" WHERE r.quarter = ? AND (? IS NULL OR r.unit = ?) ORDER BY r.unit, e.sort_key", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, assessment_quarter_format(q, code));
	db_bind_text(st, 2, unit);
	db_bind_text(st, 3, unit);
	char **rows = NULL;
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		rows = xrealloc(rows, sizeof *rows * (size_t)(n + 1) * 7);
		for (int c = 0; c < 7; c++)
			rows[n * 7 + c] = xstrdup(db_col_text(st, c));
		n++;
	}
	db_done(st);
	for (int i = 0; i < n; i++) {
		fn((const char *const *)&rows[i * 7], arg);
		for (int c = 0; c < 7; c++)
			free(rows[i * 7 + c]);
	}
	free(rows);
	return 0;
}
