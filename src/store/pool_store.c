/* Pool periods. The unique partial index (one open period per enterprise and pool)
 * backs the rule in model/pool.c should two sessions race. */
#include "store/pool_store.h"
#include "store/db_internal.h"
#include "store/rsql.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

/* the open period's start and the latest end of a closed one */
static int current(db *d, int64_t ent, const char *pool, bool *member, int64_t *open_id,
                   qdate *entered, qdate *last_left, strbuf *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"SELECT id, entered_on, left_on FROM pool_entry WHERE enterprise_id = ? AND pool = ?"
		" ORDER BY left_on IS NULL, left_on", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, ent);
	db_bind_text(st, 2, pool);
	*member = false;
	*last_left = DATE_NONE;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 2) == SQLITE_NULL) {
			*member = true;
			*open_id = sqlite3_column_int64(st, 0);
			*entered = rsql_col_date(st, 1);
		} else {
			*last_left = rsql_col_date(st, 2);
		}
	}
	db_done(st);
	if (step != SQLITE_DONE) {
		db_fail(d, err, "reading pool membership");
		return -1;
	}
	return 0;
}

static void refusal(strbuf *err, pool_verdict v, const pool_def *pool, qdate on, qdate other,
                    qdate today)
{
	char a[11], b[11];
	switch (v) {
	case POOL_ALREADY_MEMBER:
		sb_addf(err, _("already in %s since %s"), pool->name, date_format(other, a));
		break;
	case POOL_NOT_MEMBER:
		sb_addf(err, _("not in %s, so it cannot leave it"), pool->name);
		break;
	case POOL_BEFORE_LAST_EXIT:
		sb_addf(err, _("%s lies before the day it last left %s (%s)"), date_format(on, a),
		        pool->name, date_format(other, b));
		break;
	case POOL_BEFORE_ENTRY:
		sb_addf(err, _("%s lies before the day it entered %s (%s)"), date_format(on, a),
		        pool->name, date_format(other, b));
		break;
	case POOL_FUTURE:
		sb_addf(err, _("%s lies after today (%s)"), date_format(on, a), date_format(today, b));
		break;
	case POOL_OK:
		break;
	}
}

int pool_store_enter(db *d, const char *actor, int64_t enterprise_id, const pool_def *pool,
                     qdate on, const char *reason, strbuf *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	bool member;
	int64_t open_id;
	qdate entered = DATE_NONE, last_left;
	int rc = -1;
	char day[11];
	if (current(d, enterprise_id, pool->code, &member, &open_id, &entered, &last_left, err) < 0)
		goto out;
	pool_verdict v = pool_enter_check(member, last_left, on, db_today(d));
	if (v != POOL_OK) {
		refusal(err, v, pool, on, member ? entered : last_left, db_today(d));
		rc = 1;
		goto out;
	}
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO pool_entry (enterprise_id, pool, entered_on,"
	                              " reason_in, entered_by) VALUES (?, ?, ?, ?, ?)", err);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, enterprise_id);
	db_bind_text(st, 2, pool->code);
	rsql_bind_date(st, 3, on);
	db_bind_text(st, 4, reason ? reason : "");
	db_bind_text(st, 5, actor);
	int step = sqlite3_step(st);
	db_done(st);
	if (step != SQLITE_DONE) {
		db_fail(d, err, "entering a pool");
		goto out;
	}
	char *sum = xasprintf("pool=%s entered=%s", pool->code, date_format(on, day));
	int ev = db_event(d, actor, "enterprise", enterprise_id, "pool.enter", sum, reason, err);
	free(sum);
	if (ev < 0)
		goto out;
	return db_commit(d, err);
out:
	db_rollback(d);
	return rc;
}

int pool_store_leave(db *d, const char *actor, int64_t enterprise_id, const pool_def *pool,
                     qdate on, const char *reason, strbuf *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	bool member;
	int64_t open_id = 0;
	qdate entered = DATE_NONE, last_left;
	int rc = -1;
	char day[11];
	if (current(d, enterprise_id, pool->code, &member, &open_id, &entered, &last_left, err) < 0)
		goto out;
	pool_verdict v = pool_leave_check(member, entered, on, db_today(d));
	if (v != POOL_OK) {
		refusal(err, v, pool, on, entered, db_today(d));
		rc = 1;
		goto out;
	}
	sqlite3_stmt *st = db_stmt(d, "UPDATE pool_entry SET left_on = ?, reason_out = ?,"
	                              " left_by = ? WHERE id = ?", err);
	if (!st)
		goto out;
	rsql_bind_date(st, 1, on);
	db_bind_text(st, 2, reason ? reason : "");
	db_bind_text(st, 3, actor);
	sqlite3_bind_int64(st, 4, open_id);
	int step = sqlite3_step(st);
	db_done(st);
	if (step != SQLITE_DONE) {
		db_fail(d, err, "leaving a pool");
		goto out;
	}
	char *sum = xasprintf("pool=%s left=%s", pool->code, date_format(on, day));
	int ev = db_event(d, actor, "enterprise", enterprise_id, "pool.leave", sum, reason, err);
	free(sum);
	if (ev < 0)
		goto out;
	return db_commit(d, err);
out:
	db_rollback(d);
	return rc;
}

#define PERIOD_COLS "p.id, p.enterprise_id, e.name, e.uscc, e.area, p.pool, p.entered_on," \
	" p.left_on, p.reason_in, p.reason_out, p.entered_by, p.left_by" \
	" FROM pool_entry p JOIN enterprise e ON e.id = p.enterprise_id"

static void from_row(sqlite3_stmt *st, void *rec)
{
	pool_period *p = rec;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->enterprise_id = sqlite3_column_int64(st, 1);
	p->enterprise = rsql_col_dup(st, 2);
	p->uscc = rsql_col_dup(st, 3);
	p->area = rsql_col_dup(st, 4);
	p->pool = rsql_col_dup(st, 5);
	p->entered_on = rsql_col_date(st, 6);
	p->left_on = rsql_col_date(st, 7);
	p->reason_in = rsql_col_dup(st, 8);
	p->reason_out = rsql_col_dup(st, 9);
	p->entered_by = rsql_col_dup(st, 10);
	p->left_by = rsql_col_dup(st, 11);
}

int pool_store_history(db *d, int64_t enterprise_id, long offset, int limit,
                       pool_period *out, int *n, strbuf *err)
{
	rsql_where w;
	rsql_where_init(&w);
	rsql_where_int(&w, "p.enterprise_id = ?", enterprise_id);
	int rc = rsql_list(d, PERIOD_COLS, &w, "p.entered_on, p.id", offset, limit, out,
	                   sizeof *out, from_row, n, "listing pool periods", err);
	rsql_where_free(&w);
	return rc;
}

int pool_store_members(db *d, const char *pool, const char *scope_area, long offset, int limit,
                       pool_period *out, int *n, strbuf *err)
{
	rsql_where w;
	rsql_where_init(&w);
	rsql_where_plain(&w, "p.left_on IS NULL");
	if (pool)
		rsql_where_text(&w, "p.pool = ?", pool);
	if (scope_area)
		rsql_where_text(&w, "e.area = ?", scope_area);
	int rc = rsql_list(d, PERIOD_COLS, &w, "p.pool, e.sort_key, e.id", offset, limit, out,
	                   sizeof *out, from_row, n, "listing pool members", err);
	rsql_where_free(&w);
	return rc;
}
