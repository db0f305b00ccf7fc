/* Assignment rows (one per dispatch of an appeal to a lead unit) written beside the
 * moves, and the per-unit counts of the supervision report read back from them. The
 * report follows each dispatch as a unit received it: an appeal returned and sent
 * again counts once per dispatch, for the unit that had it each time. */
#include "store/supervision_store.h"
#include "store/db_internal.h"
#include "store/rows.h"
#include "store/store_where.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* the open assignment of an appeal: its latest, unless the unit has returned it */
#define OPEN_ASSIGNMENT \
	" WHERE id = (SELECT max(id) FROM appeal_assignment WHERE appeal_id = ?1)" \
	" AND returned_on IS NULL"

/* what each move writes on the open assignment: ?1 the appeal, ?2 the day (bound to
 * every statement; binding one a statement lacks only returns SQLITE_RANGE) */
static const struct note {
	ticket_action action;
	const char *sql;
} notes[] = {
	{ TICKET_ACT_SIGN, "UPDATE appeal_assignment SET signed_on = ?2" OPEN_ASSIGNMENT
	                   " AND signed_on IS NULL" },
	{ TICKET_ACT_RETURN, "UPDATE appeal_assignment SET returned_on = ?2" OPEN_ASSIGNMENT },
	{ TICKET_ACT_EXTEND, "UPDATE appeal_assignment SET extended = 1" OPEN_ASSIGNMENT },
	{ TICKET_ACT_ANSWER, "UPDATE appeal_assignment SET answered_on = ?2, answer_due = ?3"
	                     OPEN_ASSIGNMENT " AND answered_on IS NULL" },
	/* only the first callback after the answer counts: "satisfied at callback" */
	{ TICKET_ACT_CALLBACK_SATISFIED, "UPDATE appeal_assignment SET callback = 'satisfied'"
	  OPEN_ASSIGNMENT " AND callback IS NULL AND answered_on IS NOT NULL" },
	{ TICKET_ACT_CALLBACK_DISSATISFIED, "UPDATE appeal_assignment SET callback = 'dissatisfied'"
	  OPEN_ASSIGNMENT " AND callback IS NULL AND answered_on IS NOT NULL" },
};

/* what a failed write of an assignment names */
static const char noting[] = "noting an appeal's assignment";

/* the due date of a timer that was running before the move, else DATE_NONE */
static qdate running_due(const ticket_timers *tm, ticket_timer which)
{
	const ticket_timer_state *ts = &tm->t[which];
	return ticket_timer_running(ts) ? ts->due : DATE_NONE;
}

int sup_store_note_move(db *d, int64_t appeal_id, ticket_action a, const char *lead,
		const ticket_timers *before, store_err *err)
{
	qdate today = db_today(d);
	sqlite3_stmt *st = NULL;
	if (a == TICKET_ACT_DISPATCH) {
		st = db_stmt(d, "INSERT INTO appeal_assignment (appeal_id, unit, dispatched_on,"
		                " dispatch_due) VALUES (?, ?, ?, ?)", err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, appeal_id);
		db_bind_text(st, 2, lead ? lead : "");
		rows_bind_date(st, 3, today);
		rows_bind_date(st, 4, running_due(before, TICKET_TIMER_DISPATCH));
		return rows_exec(d, st, noting, err);
	}
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		if (notes[i].action != a)
			continue;
		if (!(st = db_stmt(d, notes[i].sql, err)))
			return -1;
		sqlite3_bind_int64(st, 1, appeal_id);
		rows_bind_date(st, 2, today);
		if (a == TICKET_ACT_ANSWER)
			rows_bind_date(st, 3, running_due(before, TICKET_TIMER_HANDLE));
		return rows_exec(d, st, noting, err);
	}
	return 0;
}

int sup_store_note_level(db *d, int64_t appeal_id, int level, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "UPDATE appeal_assignment"
	                              " SET level_reached = min(level_reached, ?2)"
	                              OPEN_ASSIGNMENT, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, appeal_id);
	sqlite3_bind_int(st, 2, level);
	return rows_exec(d, st, noting, err);
}

/* ---- the counts ------------------------------------------------------------- */

/* the row of unit, added (zeroed, unit copied) when there is none yet */
static supervision_counts *row_of(supervision_counts **rows, int *n, const char *unit)
{
	for (int i = 0; i < *n; i++)
		if (strcmp((*rows)[i].unit, unit) == 0)
			return &(*rows)[i];
	*rows = xrealloc(*rows, sizeof **rows * (size_t)(*n + 1));
	supervision_counts *c = &(*rows)[(*n)++];
	memset(c, 0, sizeof *c);
	c->unit = xstrdup(unit);
	return c;
}

/* one assignment into its unit's counts; every part is counted within its whole, as
 * supervision_counts_check expects */
static void count_one(sqlite3_stmt *st, const calendar *cal, int dispatch_days,
		supervision_counts *c)
{
	qdate dispatched = rows_col_date(st, 1), dispatch_due = rows_col_date(st, 2);
	qdate signed_on = rows_col_date(st, 3), answered = rows_col_date(st, 5);
	qdate answer_due = rows_col_date(st, 6);
	const char *callback = db_col_text(st, 8);
	int level = sqlite3_column_int(st, 9);
	c->received++;
	if (dispatch_due != DATE_NONE && dispatched <= dispatch_due)
		c->dispatched_on_time++;
	if (signed_on != DATE_NONE &&
	    signed_on <= ticket_timer_due(cal, dispatched, dispatch_days))
		c->signed_on_time++;
	if (sqlite3_column_type(st, 4) != SQLITE_NULL)
		c->returned++;
	if (answered != DATE_NONE) {
		c->answered++;
		if (answer_due != DATE_NONE && answered <= answer_due)
			c->answered_on_time++;
		if (*callback)
			c->callbacks++;
		if (strcmp(callback, "satisfied") == 0)
			c->satisfied++;
	}
	if (sqlite3_column_int(st, 7))
		c->extended++;
	if (level <= 2)
		c->escalated2++;
	if (level <= 1)
		c->escalated1++;
}

static int by_unit(const void *pa, const void *pb)
{
	const supervision_counts *a = pa, *b = pb;
	return strcmp(a->unit, b->unit);
}

/* the parts of the (day, id) order after key (NULL: the first), each a range of the
 * period index, run in order until limit rows are counted */
int sup_store_count_dispatches(db *d, qdate from, qdate to, const calendar *cal,
		int dispatch_days, const sup_key *after, int limit, sup_key *keys, int *got,
		supervision_counts **rows, int *n, store_err *err)
{
	*got = 0;
	char day[11], id[24];
	if (after) {
		date_format(after->day, day);
		snprintf(id, sizeof id, "%lld", (long long)after->id);
	}
	const store_key k[2] = {
		{ "dispatched_on", "?", after ? day : NULL, false },
		{ "id", "CAST(? AS INTEGER)", after ? id : NULL, false },
	};
	int rc = 0;
	for (int part = 0; rc == 0 && *got < limit; part++) {
		store_where w;
		store_where_init(&w);
		if (after && !store_where_after(&w, k, 2, false, part)) {
			store_where_free(&w);
			break;
		}
		char *sql = xasprintf(
			"SELECT unit, dispatched_on, dispatch_due, signed_on, returned_on, answered_on,"
			" answer_due, extended, coalesce(callback, ''), level_reached, id"
			" FROM appeal_assignment%s AND dispatched_on BETWEEN ? AND ?"
			" ORDER BY dispatched_on, id LIMIT ?", sb_str(&w.sql));
		sqlite3_stmt *st = db_stmt(d, sql, err);
		free(sql);
		if (!st) {
			store_where_free(&w);
			return -1;
		}
		store_where_bind(&w, st);
		rows_bind_date(st, w.nbinds + 1, from);
		rows_bind_date(st, w.nbinds + 2, to);
		sqlite3_bind_int(st, w.nbinds + 3, limit - *got);
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			count_one(st, cal, dispatch_days, row_of(rows, n, db_col_text(st, 0)));
			keys[*got].day = rows_col_date(st, 1);
			keys[(*got)++].id = sqlite3_column_int64(st, 10);
		}
		if (step != SQLITE_DONE) {
			db_fail(d, err, "counting the supervision figures");
			rc = -1;
		}
		db_done(st);
		store_where_free(&w);
		if (!after)
			break;
	}
	return rc;
}

int sup_store_count_overdue(db *d, qdate today, supervision_counts **rows, int *n,
		store_err *err)
{
	/* red today: the due day is over (ticket_light), whenever the appeal arrived */
	sqlite3_stmt *st = db_stmt(d,
		"SELECT a.lead_unit, count(*) FROM appeal a"
		" JOIN appeal_timer t ON t.appeal_id = a.id AND t.timer = 'handle'"
		" WHERE t.done IS NULL AND t.due < ? AND a.lead_unit IS NOT NULL"
		" GROUP BY a.lead_unit", err);
	if (!st)
		return -1;
	rows_bind_date(st, 1, today);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		row_of(rows, n, db_col_text(st, 0))->overdue_now = sqlite3_column_int(st, 1);
	int rc = 0;
	if (step != SQLITE_DONE) {
		db_fail(d, err, "counting the supervision figures");
		rc = -1;
	}
	db_done(st);
	if (*n > 1)
		qsort(*rows, (size_t)*n, sizeof **rows, by_unit);
	return rc;
}

void sup_store_counts_free(supervision_counts **rows, int n)
{
	for (int i = 0; *rows && i < n; i++)
		free((char *)(*rows)[i].unit);
	xfree(rows);
}
