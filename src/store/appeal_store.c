/* Appeal rows: the record with its timers and timeline read back, the timer rows
 * written, and registration with the yearly sequence. Moves are written in
 * appeal_store_move.c, lists and counts read in appeal_store_list.c, deadlines
 * recounted in appeal_store_recount.c. What a move does is decided by model/ticket.h
 * before it gets here. */
#include "store/appeal_store.h"
#include "store/appeal_store_internal.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* ---- small conversions ------------------------------------------------------ */

qdate appeal_store_next_due(const ticket_timers *tm)
{
	qdate next = DATE_NONE;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &tm->t[i];
		if (ticket_timer_running(ts) && ts->due != DATE_NONE &&
		    (next == DATE_NONE || ts->due < next))
			next = ts->due;
	}
	return next;
}

static bool timer_same(const ticket_timer_state *a, const ticket_timer_state *b)
{
	return a->start == b->start && a->days == b->days && a->due == b->due &&
	       a->done == b->done;
}

static void strv_free(char ***v, int *n)
{
	for (int i = 0; i < *n; i++)
		free((*v)[i]);
	xfree(v);
	*n = 0;
}

ticket_view appeal_record_view(const appeal_record *a)
{
	ticket_view t = {
		.number = a->number,
		.enterprise = a->uscc,
		.state = a->state,
		.kind = a->kind,
		.first_unit = a->first_unit,
		.lead_unit = a->lead_unit,
		.related = (const char *const *)a->related,
		.nrelated = a->nrelated,
	};
	return t;
}

void appeal_record_clear(appeal_record *a)
{
	free(a->uscc);
	free(a->enterprise_name);
	free(a->area);
	free(a->title);
	free(a->description);
	free(a->first_unit);
	free(a->first_login);
	free(a->first_name);
	free(a->lead_unit);
	strv_free(&a->related, &a->nrelated);
	free(a->merged_into);
	free(a->result);
	free(a->callback_reason);
	free(a->extension_reason);
	free(a->created_at);
	free(a->updated_at);
	free(a->caller_name);
	free(a->caller_phone);
	free(a->caller_role);
	free(a->report_by);
	free(a->report_text);
	free(a->external_no);
	for (int i = 0; i < a->nevents; i++) {
		appeal_event *e = &a->events[i];
		free(e->at);
		free(e->by);
		free(e->by_name);
		free(e->action);
		free(e->summary);
		free(e->reason);
	}
	free(a->events);
	strv_free(&a->merged_from, &a->nmerged_from);
	memset(a, 0, sizeof *a);
}

void appeal_row_clear(appeal_row *r)
{
	free(r->uscc);
	free(r->enterprise_name);
	free(r->title);
	free(r->first_unit);
	free(r->lead_unit);
	free(r->external_no);
	memset(r, 0, sizeof *r);
}

/* ---- reading one appeal ----------------------------------------------------- */

static const char record_sql[] =
	"SELECT a.id, a.number, a.enterprise_id, en.uscc, en.name, en.area, a.title,"
	" a.description, a.kind, a.channel, a.state, a.first_unit, a.first_person,"
	" coalesce(s.login, ''), coalesce(s.name, ''), a.lead_unit, a.version, m.number,"
	" a.next_due, a.result, a.callback, a.callback_reason, a.extended_until,"
	" a.extension_reason, a.created_at, a.updated_at, coalesce(a.level, 0),"
	" a.caller_name, a.caller_phone, a.caller_role, a.reported_on,"
	" coalesce(a.report_how, ''), a.report_by, a.report_text, coalesce(a.external_no, '')"
	" FROM appeal a JOIN enterprise en ON en.id = a.enterprise_id"
	" LEFT JOIN staff s ON s.id = a.first_person"
	" LEFT JOIN appeal m ON m.id = a.merged_into";

static void record_from_row(sqlite3_stmt *st, appeal_record *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	snprintf(a->number, sizeof a->number, "%s", db_col_text(st, 1));
	a->enterprise_id = sqlite3_column_int64(st, 2);
	a->uscc = xstrdup(db_col_text(st, 3));
	a->enterprise_name = xstrdup(db_col_text(st, 4));
	a->area = xstrdup(db_col_text(st, 5));
	a->title = xstrdup(db_col_text(st, 6));
	a->description = xstrdup(db_col_text(st, 7));
	ticket_kind_parse(db_col_text(st, 8), &a->kind);
	appeal_channel_parse(db_col_text(st, 9), &a->channel);
	ticket_state_parse(db_col_text(st, 10), &a->state);
	a->first_unit = xstrdup(db_col_text(st, 11));
	a->first_person = sqlite3_column_int64(st, 12);
	a->first_login = xstrdup(db_col_text(st, 13));
	a->first_name = xstrdup(db_col_text(st, 14));
	a->lead_unit = rows_col_opt(st, 15);
	a->version = sqlite3_column_int(st, 16);
	a->merged_into = rows_col_opt(st, 17);
	a->next_due = rows_col_date(st, 18);
	a->result = xstrdup(db_col_text(st, 19));
	const char *cb = db_col_text(st, 20);
	a->callback = strcmp(cb, "satisfied") == 0 ? APPEAL_CALLBACK_SATISFIED
		: strcmp(cb, "dissatisfied") == 0 ? APPEAL_CALLBACK_DISSATISFIED
		: APPEAL_CALLBACK_NONE;
	a->callback_reason = xstrdup(db_col_text(st, 21));
	a->extended_until = rows_col_date(st, 22);
	a->extension_reason = xstrdup(db_col_text(st, 23));
	a->created_at = xstrdup(db_col_text(st, 24));
	a->updated_at = xstrdup(db_col_text(st, 25));
	a->level = sqlite3_column_int(st, 26);
	a->caller_name = xstrdup(db_col_text(st, 27));
	a->caller_phone = xstrdup(db_col_text(st, 28));
	a->caller_role = xstrdup(db_col_text(st, 29));
	a->reported_on = rows_col_date(st, 30);
	if (!ticket_how_parse(db_col_text(st, 31), &a->report_how))
		a->report_how = TICKET_HOW_NONE;
	a->report_by = xstrdup(db_col_text(st, 32));
	a->report_text = xstrdup(db_col_text(st, 33));
	a->external_no = xstrdup(db_col_text(st, 34));
	ticket_timers_init(&a->timers);
}

static void string_row(sqlite3_stmt *st, void *rec)
{
	*(char **)rec = xstrdup(db_col_text(st, 0));
}

static void timer_row(sqlite3_stmt *st, void *rec)
{
	appeal_record *a = rec;
	ticket_timer which;
	if (!ticket_timer_parse(db_col_text(st, 0), &which))
		return;
	ticket_timer_state *ts = &a->timers.t[which];
	ts->start = rows_col_date(st, 1);
	ts->days = sqlite3_column_int(st, 2);
	ts->due = rows_col_date(st, 3);
	ts->done = rows_col_date(st, 4);
}

static int read_timers(db *d, appeal_record *a, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT timer, start, days, due, done FROM appeal_timer"
	                              " WHERE appeal_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, a->id);
	return rows_each(d, st, timer_row, a, "reading an appeal's timers", err);
}

static void event_row(sqlite3_stmt *st, void *rec)
{
	appeal_event *e = rec;
	e->at = xstrdup(db_col_text(st, 0));
	e->by = xstrdup(db_col_text(st, 1));
	e->by_name = xstrdup(db_col_text(st, 2));
	e->action = xstrdup(db_col_text(st, 3));
	e->summary = xstrdup(db_col_text(st, 4));
	e->reason = xstrdup(db_col_text(st, 5));
}

int appeal_store_read(db *d, const char *number, int64_t id, bool events,
		appeal_record *a, store_err *err)
{
	memset(a, 0, sizeof *a);
	char *sql = xasprintf("%s WHERE %s", record_sql, number ? "a.number = ?" : "a.id = ?");
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	if (number)
		db_bind_text(st, 1, number);
	else
		sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		record_from_row(st, a);
	else if (step != SQLITE_DONE)
		db_fail(d, err, "reading an appeal");
	db_done(st);
	if (step != SQLITE_ROW)
		return step == SQLITE_DONE ? 1 : -1;
	if (rows_children(d, "SELECT unit FROM appeal_related WHERE appeal_id = ? ORDER BY unit",
	                  a->id, &a->related, &a->nrelated, sizeof *a->related, string_row,
	                  "reading an appeal's related units", err) < 0 ||
	    rows_children(d, "SELECT number FROM appeal WHERE merged_into = ? ORDER BY id",
	                  a->id, &a->merged_from, &a->nmerged_from, sizeof *a->merged_from,
	                  string_row, "reading the appeals merged into one", err) < 0 ||
	    read_timers(d, a, err) < 0 ||
	    (events && rows_children(d,
		"SELECT ev.at, ev.actor, coalesce(s.name, ''), ev.action, ev.summary, ev.reason"
		" FROM event ev LEFT JOIN staff s ON s.login = ev.actor"
		" WHERE ev.entity = 'appeal' AND ev.entity_id = ? ORDER BY ev.id",
		a->id, &a->events, &a->nevents, sizeof *a->events, event_row,
		"reading an appeal's events", err) < 0)) {
		appeal_record_clear(a);
		return -1;
	}
	return 0;
}

int appeal_store_get(db *d, const char *number, bool events, appeal_record *out, store_err *err)
{
	return appeal_store_read(d, number, 0, events, out, err);
}

/* ---- timers and registration ------------------------------------------------ */

int appeal_store_write_timer(db *d, int64_t id, ticket_timer which,
		const ticket_timer_state *ts, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT OR REPLACE INTO appeal_timer (appeal_id, timer, start, days, due, done)"
		" VALUES (?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, ticket_timer_code(which));
	rows_bind_date(st, 3, ts->start);
	sqlite3_bind_int(st, 4, ts->days);
	rows_bind_date(st, 5, ts->due);
	rows_bind_date(st, 6, ts->done);
	return rows_exec(d, st, "writing an appeal's timer", err);
}

int appeal_store_write_timers(db *d, int64_t id, const ticket_timers *before,
		const ticket_timers *after, strbuf *sum, store_err *err)
{
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &after->t[i];
		if (ts->start == DATE_NONE || (before && timer_same(&before->t[i], ts)))
			continue;
		if (d && appeal_store_write_timer(d, id, (ticket_timer)i, ts, err) < 0)
			return -1;
		char buf[16];
		if (ticket_timer_running(ts) && ts->due != DATE_NONE)
			sb_addf(sum, "; %s due %s", ticket_timer_code((ticket_timer)i),
			        date_format(ts->due, buf));
		else if (before && ticket_timer_running(&before->t[i]))
			sb_addf(sum, "; %s stopped", ticket_timer_code((ticket_timer)i));
	}
	return 0;
}

int appeal_store_write_timers_since(db *d, int64_t id, const ticket_timers *read,
		const ticket_timers *now, store_err *err)
{
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &now->t[i];
		if (ts->start != DATE_NONE && !timer_same(&read->t[i], ts) &&
		    appeal_store_write_timer(d, id, (ticket_timer)i, ts, err) < 0)
			return -1;
	}
	return 0;
}

static int enterprise_id(db *d, const char *uscc, int64_t *id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id FROM enterprise WHERE uscc = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, uscc);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (step == SQLITE_DONE)
		store_err_name(store_err_set(err, STORE_E_NO_ENTERPRISE_USCC), 0, uscc);
	else
		db_fail(d, err, "looking up an enterprise");
	db_done(st);
	return step == SQLITE_ROW ? 0 : -1;
}

static int next_seq(db *d, int year, long *seq, store_err *err)
{
	/* the year's row moved on and read back, inside the caller's transaction: the
	 * same number as an upsert with RETURNING, without the statement journal and the
	 * result table that cost on every appeal of a bulk load */
	static const char what[] = "numbering an appeal";
	sqlite3_stmt *st = db_stmt(d, "UPDATE appeal_seq SET last = last + 1 WHERE year = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if (rows_exec(d, st, what, err) < 0)
		return -1;
	if (sqlite3_changes(db_handle(d)) == 0) {
		if (!(st = db_stmt(d, "INSERT INTO appeal_seq (year, last) VALUES (?, 1)", err)))
			return -1;
		sqlite3_bind_int(st, 1, year);
		*seq = 1;
		return rows_step_one(d, st, what, err);
	}
	return rows_next_seq(d, "SELECT last FROM appeal_seq WHERE year = ?", year, seq, what, err);
}

int appeal_store_insert(db *d, const char *actor, const appeal_new *a,
		char number[TICKET_NUMBER_SIZE], store_err *err)
{
	int64_t ent, id;
	long seq;
	int year, m, dd;
	date_to_ymd(db_today(d), &year, &m, &dd);
	if (enterprise_id(d, a->uscc, &ent, err) < 0 || next_seq(d, year, &seq, err) < 0)
		return -1;
	ticket_number_format(year, seq, number);
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO appeal (number, year, seq, enterprise_id, title, description, kind,"
		" channel, state, first_unit, first_person, next_due, created_at, updated_at,"
		" caller_name, caller_phone, caller_role, external_no)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, number);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, seq);
	sqlite3_bind_int64(st, 4, ent);
	db_bind_text(st, 5, a->title);
	db_bind_text(st, 6, a->description ? a->description : "");
	db_bind_text(st, 7, ticket_kind_code(a->kind));
	db_bind_text(st, 8, appeal_channel_code(a->channel));
	db_bind_text(st, 9, ticket_state_code(a->state));
	db_bind_text(st, 10, a->first_unit);
	sqlite3_bind_int64(st, 11, a->first_person);
	rows_bind_date(st, 12, appeal_store_next_due(a->timers));
	db_bind_text(st, 13, now);
	db_bind_text(st, 14, now);
	db_bind_text(st, 15, a->caller_name ? a->caller_name : "");
	db_bind_text(st, 16, a->caller_phone ? a->caller_phone : "");
	db_bind_text(st, 17, a->caller_role ? a->caller_role : "");
	if (a->external_no && *a->external_no)
		db_bind_text(st, 18, a->external_no);
	else
		sqlite3_bind_null(st, 18);
	if (rows_step_one(d, st, "registering an appeal", err) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(db_handle(d));
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "%s; enterprise=%s kind=%s channel=%s first_unit=%s",
	        ticket_state_code(a->state), a->uscc, ticket_kind_code(a->kind),
	        appeal_channel_code(a->channel), a->first_unit);
	int rc = appeal_store_write_timers(d, id, NULL, a->timers, &sum, err);
	if (rc == 0)
		rc = db_event(d, actor, "appeal", id, ticket_action_code(TICKET_ACT_REGISTER),
		              sb_str(&sum), a->title, err);
	sb_free(&sum);
	return rc;
}

int appeal_store_create(db *d, const char *actor, const appeal_new *a,
		char number[TICKET_NUMBER_SIZE], store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	if (appeal_store_insert(d, actor, a, number, err) < 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d, err);
}

int appeal_store_bulk_mode(db *d, store_err *err)
{
	/* 128 MB of pages: at a million appeals the indexes a batch writes at random
	 * places (by enterprise, unit, state and due date) outgrow the 8 MB a screen
	 * needs, and a page that falls out mid-batch is written and read back again;
	 * and no sync between batches: a bulk load writes a new file, which its writer
	 * removes when it fails (the rollback journal still undoes a crash of the
	 * process; only a power cut mid-load could leave it damaged) */
	if (sqlite3_exec(db_handle(d), "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072;"
	                 " PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, err, "preparing a bulk load");
		return -1;
	}
	return 0;
}

int appeal_store_build_begin(db *d, db_build *b, store_err *err)
{
	/* kept: appeal_merged (a read lists the appeals merged into one), appeal_external
	 * (a constraint), appeal_assignment_appeal (each move notes its assignment) */
	static const char *const indexes[] = {
		"appeal_state", "appeal_lead", "appeal_first", "appeal_enterprise", "appeal_due",
		"appeal_level", "appeal_timer_running", "appeal_related_unit",
		"appeal_assignment_period", "event_entity",
	};
	return db_build_begin(d, indexes, (int)(sizeof indexes / sizeof indexes[0]), b, err);
}
