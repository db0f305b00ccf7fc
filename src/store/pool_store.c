/* Pool periods. The unique partial index (one open period per enterprise and pool)
 * backs the rule in model/pool.c should two sessions race. */
#include "store/pool_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* an enterprise's standing in a pool, read inside the caller's transaction */
typedef struct standing {
	bool member;      /* it has an open period… */
	int64_t open_id;  /* …this one… */
	qdate entered;    /* …which began on this day */
	qdate last_left;  /* the latest end of a closed period, or DATE_NONE */
} standing;

static void standing_row(sqlite3_stmt *st, void *arg)
{
	standing *s = arg;
	if (sqlite3_column_type(st, 2) == SQLITE_NULL) {
		s->member = true;
		s->open_id = sqlite3_column_int64(st, 0);
		s->entered = rows_col_date(st, 1);
	} else {
		s->last_left = rows_col_date(st, 2);
	}
}

static int current(db *d, int64_t ent, const char *pool, standing *s, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"SELECT id, entered_on, left_on FROM pool_entry WHERE enterprise_id = ? AND pool = ?"
		" ORDER BY left_on IS NULL, left_on", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, ent);
	db_bind_text(st, 2, pool);
	*s = (standing){ false, 0, DATE_NONE, DATE_NONE };
	return rows_each(d, st, standing_row, s, "reading pool membership", err);
}

/* the refusal v of entering or leaving pool on a day, other being the day it entered
 * or last left */
static void refusal(store_err *err, pool_verdict v, const pool_def *pool, qdate on, qdate other,
                    qdate today)
{
	store_code code = STORE_OK;
	switch (v) {
	case POOL_ALREADY_MEMBER:
		code = STORE_E_POOL_ALREADY_IN;
		break;
	case POOL_NOT_MEMBER:
		code = STORE_E_POOL_NOT_IN;
		break;
	case POOL_BEFORE_LAST_EXIT:
		code = STORE_E_POOL_BEFORE_EXIT;
		break;
	case POOL_BEFORE_ENTRY:
		code = STORE_E_POOL_BEFORE_ENTRY;
		break;
	case POOL_FUTURE:
		code = STORE_E_DAY_AFTER_TODAY;
		break;
	case POOL_OK:
		return;
	}
	store_err_name(store_err_set(err, code), 0, pool->name);
	store_err_day(err, 0, on);
	store_err_day(err, 1, other);
	store_err_day(err, 2, today);
}

/* enter (entering true) or leave: the shared checks, row and event */
static int move(db *d, const char *actor, int64_t enterprise_id, const pool_def *pool, qdate on,
                const char *reason, bool entering, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	standing s;
	int rc = -1;
	char day[11];
	if (current(d, enterprise_id, pool->code, &s, err) < 0)
		goto out;
	pool_verdict v = entering ? pool_enter_check(s.member, s.last_left, on, db_today(d))
	                          : pool_leave_check(s.member, s.entered, on, db_today(d));
	if (v != POOL_OK) {
		refusal(err, v, pool, on, s.member ? s.entered : s.last_left, db_today(d));
		rc = 1;
		goto out;
	}
	sqlite3_stmt *st = entering
		? db_stmt(d, "INSERT INTO pool_entry (enterprise_id, pool, entered_on, reason_in,"
		             " entered_by) VALUES (?, ?, ?, ?, ?)", err)
		: db_stmt(d, "UPDATE pool_entry SET left_on = ?, reason_out = ?, left_by = ?"
		             " WHERE id = ?", err);
	if (!st)
		goto out;
	if (entering) {
		sqlite3_bind_int64(st, 1, enterprise_id);
		db_bind_text(st, 2, pool->code);
		rows_bind_date(st, 3, on);
		db_bind_text(st, 4, reason ? reason : "");
		db_bind_text(st, 5, actor);
	} else {
		rows_bind_date(st, 1, on);
		db_bind_text(st, 2, reason ? reason : "");
		db_bind_text(st, 3, actor);
		sqlite3_bind_int64(st, 4, s.open_id);
	}
	if (rows_step_one(d, st, entering ? "entering a pool" : "leaving a pool", err) < 0)
		goto out;
	date_format(on, day);
	return rows_commit_event(d, actor, "enterprise", enterprise_id,
	                         entering ? "pool.enter" : "pool.leave",
	                         entering ? xasprintf("pool=%s entered=%s", pool->code, day)
	                                  : xasprintf("pool=%s left=%s", pool->code, day),
	                         reason, err);
out:
	db_rollback(d);
	return rc;
}

int pool_store_enter(db *d, const char *actor, int64_t enterprise_id, const pool_def *pool,
                     qdate on, const char *reason, store_err *err)
{
	return move(d, actor, enterprise_id, pool, on, reason, true, err);
}

int pool_store_leave(db *d, const char *actor, int64_t enterprise_id, const pool_def *pool,
                     qdate on, const char *reason, store_err *err)
{
	return move(d, actor, enterprise_id, pool, on, reason, false, err);
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
	p->enterprise = rows_col_dup(st, 2);
	p->uscc = rows_col_dup(st, 3);
	p->area = rows_col_dup(st, 4);
	p->pool = rows_col_dup(st, 5);
	p->entered_on = rows_col_date(st, 6);
	p->left_on = rows_col_date(st, 7);
	p->reason_in = rows_col_dup(st, 8);
	p->reason_out = rows_col_dup(st, 9);
	p->entered_by = rows_col_dup(st, 10);
	p->left_by = rows_col_dup(st, 11);
}

/* the history's order (by entry) and the members' (by pool, then name) as keys */
static const rows_key history_keys[] = {
	{ "p.entered_on", false, false, false }, { "p.id", false, true, false },
};
static const rows_key member_keys[] = {
	{ "p.pool", false, false, false }, { "e.sort_key", false, false, false },
	{ "p.id", false, true, false },
};

int pool_store_history_from(db *d, int64_t enterprise_id, int64_t from, bool back, int limit,
                            pool_period *out, int *n, store_err *err)
{
	rows_where w;
	rows_where_init(&w);
	rows_where_int(&w, "p.enterprise_id = ?", enterprise_id);
	int rc = rows_list_from(d, PERIOD_COLS, &w, history_keys, 2, "p.id", from, back, limit,
	                        out, sizeof *out, from_row, n, "listing pool periods", err);
	rows_where_free(&w);
	return rc;
}

static void members_where(const char *pool, const char *scope_area, rows_where *w)
{
	rows_where_init(w);
	rows_where_plain(w, "p.left_on IS NULL");
	if (pool)
		rows_where_text(w, "p.pool = ?", pool);
	if (scope_area)
		rows_where_text(w, "e.area = ?", scope_area);
}

int pool_store_members_from(db *d, const char *pool, const char *scope_area, int64_t from,
                            bool back, int limit, pool_period *out, int *n, store_err *err)
{
	rows_where w;
	members_where(pool, scope_area, &w);
	int rc = rows_list_from(d, PERIOD_COLS, &w, member_keys, 3, "p.id", from, back, limit,
	                        out, sizeof *out, from_row, n, "listing pool members", err);
	rows_where_free(&w);
	return rc;
}

int pool_store_history(db *d, int64_t enterprise_id, long offset, int limit,
                       pool_period *out, int *n, store_err *err)
{
	rows_where w;
	rows_where_init(&w);
	rows_where_int(&w, "p.enterprise_id = ?", enterprise_id);
	int rc = rows_list_keyed(d, PERIOD_COLS, &w, history_keys, 2, offset, limit, out,
	                         sizeof *out, from_row, n, "listing pool periods", err);
	rows_where_free(&w);
	return rc;
}

int pool_store_members(db *d, const char *pool, const char *scope_area, long offset, int limit,
                       pool_period *out, int *n, store_err *err)
{
	rows_where w;
	members_where(pool, scope_area, &w);
	int rc = rows_list_keyed(d, PERIOD_COLS, &w, member_keys, 3, offset, limit, out,
	                         sizeof *out, from_row, n, "listing pool members", err);
	rows_where_free(&w);
	return rc;
}
