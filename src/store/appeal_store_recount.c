/* Running deadlines recounted after the working calendar changed: every appeal's in
 * batches (appeal_store_recompute), or the list of what a new calendar would move,
 * written or not (appeal_store_due_moves). A timer due before the first changed day
 * cannot move and is not read. */
#include "store/appeal_store.h"
#include "store/appeal_store_internal.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

typedef struct running {
	int64_t appeal_id;
	ticket_timer which;
	ticket_timer_state ts;
} running;

enum { RECOUNT_PAGE = 1000 };

/* the running timers of appeals after `after` that are due on or after from (a timer
 * due earlier cannot move when only later days change), in appeal order, at most
 * RECOUNT_PAGE */
static int read_running(db *d, int64_t after, qdate from, running *out, int *n, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"SELECT appeal_id, timer, start, days, due FROM appeal_timer"
		" WHERE done IS NULL AND appeal_id > ? AND (due IS NULL OR due >= ?)"
		" ORDER BY appeal_id LIMIT ?", err);
	if (!st)
		return -1;
	char day[11];
	sqlite3_bind_int64(st, 1, after);
	db_bind_text(st, 2, from == DATE_NONE ? "" : date_format(from, day));
	sqlite3_bind_int(st, 3, RECOUNT_PAGE);
	int step;
	*n = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		running *r = &out[*n];
		if (!ticket_timer_parse(db_col_text(st, 1), &r->which))
			continue;
		r->appeal_id = sqlite3_column_int64(st, 0);
		r->ts.start = rows_col_date(st, 2);
		r->ts.days = sqlite3_column_int(st, 3);
		r->ts.due = rows_col_date(st, 4);
		r->ts.done = DATE_NONE;
		(*n)++;
	}
	if (step != SQLITE_DONE)
		db_fail(d, err, "reading running timers");
	db_done(st);
	return step == SQLITE_DONE ? 0 : -1;
}

/* recount the running timers r[0..n) of one appeal with cal; the moves are added to
 * *moves (when moves is not NULL), and with write the new dates are written with a
 * "recompute" event (reason). *changed when any moved */
static int recount_one(db *d, const char *actor, const calendar *cal, running *r, int n,
		bool write, const char *reason, appeal_due_moves *moves, bool *changed,
		store_err *err)
{
	strbuf sum = STRBUF_INIT;
	ticket_timers tm;
	ticket_timers_init(&tm);
	char a[16], b[16];
	for (int i = 0; i < n; i++) {
		qdate old = r[i].ts.due;
		if (ticket_timer_recompute(&r[i].ts, cal)) {
			sb_addf(&sum, "%s%s due %s -> %s", sum.len ? "; " : "",
			        ticket_timer_code(r[i].which), date_format(old, a),
			        date_format(r[i].ts.due, b));
			if (moves) {
				moves->m = xrealloc(moves->m, (size_t)(moves->n + 1) * sizeof *moves->m);
				moves->m[moves->n++] = (appeal_due_move){ .appeal_id = r[i].appeal_id,
					.which = r[i].which, .old_due = old, .new_due = r[i].ts.due };
			}
		}
		tm.t[r[i].which] = r[i].ts;
	}
	*changed = sum.len > 0;
	int rc = 0;
	if (*changed && write) {
		rc = -1;
		for (int i = 0; i < n; i++)
			if (appeal_store_write_timer(d, r[i].appeal_id, r[i].which, &r[i].ts, err) < 0)
				goto out;
		char nowts[20];
		db_now(d, nowts);
		sqlite3_stmt *st = db_stmt(d, "UPDATE appeal SET next_due = ?, version = version + 1,"
		                              " updated_at = ? WHERE id = ?", err);
		if (!st)
			goto out;
		rows_bind_date(st, 1, appeal_store_next_due(&tm));
		db_bind_text(st, 2, nowts);
		sqlite3_bind_int64(st, 3, r[0].appeal_id);
		if (rows_step_one(d, st, "recounting an appeal", err) < 0 ||
		    db_event(d, actor, "appeal", r[0].appeal_id, "recompute", sb_str(&sum),
		             reason ? reason : "", err) < 0)
			goto out;
		rc = 0;
	}
out:
	sb_free(&sum);
	return rc;
}

/* one page of running timers, recounted appeal by appeal; *last the last appeal done */
static int recount_page(db *d, const char *actor, const calendar *cal, running *page, int n,
		bool write, const char *reason, appeal_due_moves *moves, long *changed,
		int64_t *last, store_err *err)
{
	/* a full page may end inside an appeal's timers: leave that one for the next */
	int upto = n;
	if (n == RECOUNT_PAGE)
		while (upto > 0 && page[upto - 1].appeal_id == page[n - 1].appeal_id)
			upto--;
	if (upto == 0)
		upto = n;
	for (int i = 0; i < upto;) {
		int j = i;
		while (j < upto && page[j].appeal_id == page[i].appeal_id)
			j++;
		bool moved;
		if (recount_one(d, actor, cal, page + i, j - i, write, reason, moves, &moved, err) < 0)
			return -1;
		*changed += moved;
		i = j;
	}
	*last = page[upto - 1].appeal_id;
	return 0;
}

int appeal_store_recompute(db *d, const char *actor, const calendar *cal, long *changed,
		store_err *err)
{
	running *page = xcalloc(RECOUNT_PAGE, sizeof *page);
	int64_t after = 0;
	int rc = -1;
	*changed = 0;
	for (;;) {
		int n;
		if (db_begin(d, err) < 0)
			goto out;
		if (read_running(d, after, DATE_NONE, page, &n, err) < 0)
			goto fail;
		if (n == 0) {
			db_rollback(d);
			break;
		}
		if (recount_page(d, actor, cal, page, n, true, NULL, NULL, changed, &after, err) < 0)
			goto fail;
		if (db_commit(d, err) < 0)
			goto out;
	}
	rc = 0;
	goto out;
fail:
	db_rollback(d);
out:
	free(page);
	return rc;
}

/* the appeal's number and enterprise name for a listed move */
static int move_names(db *d, appeal_due_move *m, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT a.number, e.name FROM appeal a"
	                              " JOIN enterprise e ON e.id = a.enterprise_id WHERE a.id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, m->appeal_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		snprintf(m->number, sizeof m->number, "%s", db_col_text(st, 0));
		m->enterprise = xstrdup(db_col_text(st, 1));
	} else {
		db_fail(d, err, "reading an appeal's number");
	}
	db_done(st);
	return step == SQLITE_ROW ? 0 : -1;
}

int appeal_store_due_moves(db *d, const char *actor, const calendar *cal, qdate from,
		bool write, const char *reason, appeal_due_moves *moves, store_err *err)
{
	memset(moves, 0, sizeof *moves);
	running *page = xcalloc(RECOUNT_PAGE, sizeof *page);
	int64_t after = 0;
	long changed = 0;
	int rc = -1;
	for (;;) {
		int n;
		if (read_running(d, after, from, page, &n, err) < 0)
			goto out;
		if (n == 0)
			break;
		if (recount_page(d, actor, cal, page, n, write, reason, moves, &changed, &after,
		                 err) < 0)
			goto out;
	}
	for (int i = 0; i < moves->n; i++)
		if (move_names(d, &moves->m[i], err) < 0)
			goto out;
	moves->appeals = changed;
	rc = 0;
out:
	free(page);
	if (rc < 0)
		appeal_due_moves_clear(moves);
	return rc;
}

void appeal_due_moves_clear(appeal_due_moves *moves)
{
	for (int i = 0; i < moves->n; i++)
		free(moves->m[i].enterprise);
	free(moves->m);
	memset(moves, 0, sizeof *moves);
}
