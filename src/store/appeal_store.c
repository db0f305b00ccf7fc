/* Appeal rows: registration with the yearly sequence, the record with its timers and
 * timeline, moves written under a version check in one transaction with their event,
 * lists whose filters and orders are served by the indexes of the appeal migration,
 * and the recount of running deadlines. What a move does is decided by
 * model/ticket.h before it gets here. */
#include "store/appeal_store.h"
#include "store/db_internal.h"
#include "store/rows.h"
#include "store/store_where.h"
#include "store/supervision_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/escalation.h"

/* ---- small conversions ------------------------------------------------------ */

static void copy_number(char out[TICKET_NUMBER_SIZE], const char *s)
{
	snprintf(out, TICKET_NUMBER_SIZE, "%s", s);
}

/* the earliest due date of the running timers: what lists filter and sort by */
static qdate timers_next_due(const ticket_timers *tm)
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

static bool timer_parse(const char *code, ticket_timer *out)
{
	for (int i = 0; i < TICKET_TIMER__COUNT; i++)
		if (strcmp(code, ticket_timer_code((ticket_timer)i)) == 0) {
			*out = (ticket_timer)i;
			return true;
		}
	return false;
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
	memset(r, 0, sizeof *r);
}

/* ---- reading one appeal ----------------------------------------------------- */

static const char record_sql[] =
	"SELECT a.id, a.number, a.enterprise_id, en.uscc, en.name, en.area, a.title,"
	" a.description, a.kind, a.channel, a.state, a.first_unit, a.first_person,"
	" coalesce(s.login, ''), coalesce(s.name, ''), a.lead_unit, a.version, m.number,"
	" a.next_due, a.result, a.callback, a.callback_reason, a.extended_until,"
	" a.extension_reason, a.created_at, a.updated_at, coalesce(a.level, 0)"
	" FROM appeal a JOIN enterprise en ON en.id = a.enterprise_id"
	" LEFT JOIN staff s ON s.id = a.first_person"
	" LEFT JOIN appeal m ON m.id = a.merged_into";

static void record_from_row(sqlite3_stmt *st, appeal_record *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	copy_number(a->number, db_col_text(st, 1));
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
	if (!timer_parse(db_col_text(st, 0), &which))
		return;
	ticket_timer_state *ts = &a->timers.t[which];
	ts->start = rows_col_date(st, 1);
	ts->days = sqlite3_column_int(st, 2);
	ts->due = rows_col_date(st, 3);
	ts->done = rows_col_date(st, 4);
}

static int read_timers(db *d, appeal_record *a, strbuf *err)
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

/* by number, or by id when number is NULL: 0 found, 1 none, -1 error */
static int read_record(db *d, const char *number, int64_t id, bool events, appeal_record *a,
		strbuf *err)
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

int appeal_store_get(db *d, const char *number, bool events, appeal_record *out, strbuf *err)
{
	return read_record(d, number, 0, events, out, err);
}

/* ---- writing ---------------------------------------------------------------- */

static int write_timer(db *d, int64_t id, ticket_timer which, const ticket_timer_state *ts,
		strbuf *err)
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

/* write the timers of after that differ from before (all started ones when before
 * is NULL), adding "timer due DATE" to the event summary for the started ones */
static int write_timers(db *d, int64_t id, const ticket_timers *before,
		const ticket_timers *after, strbuf *sum, strbuf *err)
{
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &after->t[i];
		if (ts->start == DATE_NONE || (before && timer_same(&before->t[i], ts)))
			continue;
		if (write_timer(d, id, (ticket_timer)i, ts, err) < 0)
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

static int enterprise_id(db *d, const char *uscc, int64_t *id, strbuf *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id FROM enterprise WHERE uscc = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, uscc);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (step == SQLITE_DONE)
		sb_addf(err, _("no enterprise with USCC %s"), uscc);
	else
		db_fail(d, err, "looking up an enterprise");
	db_done(st);
	return step == SQLITE_ROW ? 0 : -1;
}

static int next_seq(db *d, int year, long *seq, strbuf *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO appeal_seq (year, last) VALUES (?, 1)"
		" ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*seq = (long)sqlite3_column_int64(st, 0);
	else
		db_fail(d, err, "numbering an appeal");
	db_done(st);
	return step == SQLITE_ROW ? 0 : -1;
}

int appeal_store_insert(db *d, const char *actor, const appeal_new *a,
		char number[TICKET_NUMBER_SIZE], strbuf *err)
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
		" channel, state, first_unit, first_person, next_due, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
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
	rows_bind_date(st, 12, timers_next_due(a->timers));
	db_bind_text(st, 13, now);
	db_bind_text(st, 14, now);
	if (rows_step_one(d, st, "registering an appeal", err) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(db_handle(d));
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "%s; enterprise=%s kind=%s channel=%s first_unit=%s",
	        ticket_state_code(a->state), a->uscc, ticket_kind_code(a->kind),
	        appeal_channel_code(a->channel), a->first_unit);
	int rc = write_timers(d, id, NULL, a->timers, &sum, err);
	if (rc == 0)
		rc = db_event(d, actor, "appeal", id, ticket_action_code(TICKET_ACT_REGISTER),
		              sb_str(&sum), a->title, err);
	sb_free(&sum);
	return rc;
}

int appeal_store_create(db *d, const char *actor, const appeal_new *a,
		char number[TICKET_NUMBER_SIZE], strbuf *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	if (appeal_store_insert(d, actor, a, number, err) < 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d, err);
}

/* "changed by X at T": the latest event names who moved the appeal on */
static void stale_message(db *d, const appeal_record *now, int seen_version, strbuf *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"SELECT ev.at, ev.actor, coalesce(s.name, '') FROM event ev"
		" LEFT JOIN staff s ON s.login = ev.actor"
		" WHERE ev.entity = 'appeal' AND ev.entity_id = ? ORDER BY ev.id DESC LIMIT 1", NULL);
	char *at = NULL, *who = NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, now->id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			at = xstrdup(db_col_text(st, 0));
			who = *db_col_text(st, 2)
				? xasprintf("%s (%s)", db_col_text(st, 2), db_col_text(st, 1))
				: xstrdup(db_col_text(st, 1));
		}
		db_done(st);
	}
	sb_addf(err, _("appeal %s was changed by %s at %s (it is now %s, version %d; you saw "
	               "version %d) — reload it and decide again"),
	        now->number, who ? who : "?", at ? at : "?", _(ticket_state_label(now->state)),
	        now->version, seen_version);
	free(at);
	free(who);
}

int appeal_store_check_version(db *d, const appeal_record *now, int seen_version, strbuf *err)
{
	if (now->version == seen_version)
		return 0;
	stale_message(d, now, seen_version, err);
	return 1;
}

static int write_related(db *d, int64_t id, const char *const *units, int n, strbuf *err)
{
	sqlite3_stmt *st = db_stmt(d, "DELETE FROM appeal_related WHERE appeal_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (rows_exec(d, st, "writing related units", err) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		st = db_stmt(d, "INSERT OR IGNORE INTO appeal_related (appeal_id, unit) VALUES (?, ?)",
		             err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, units[i]);
		if (rows_exec(d, st, "writing related units", err) < 0)
			return -1;
	}
	return 0;
}

/* the appeal a merge keeps, still a valid target now: 0, 1 refused, -1 error */
static int merge_target(db *d, const appeal_record *src, const char *into, int64_t *id,
		strbuf *err)
{
	appeal_record t;
	int rc = read_record(d, into, 0, false, &t, err);
	if (rc == 1)
		sb_addf(err, _("no appeal %s"), into);
	if (rc != 0)
		return rc;
	ticket_view sv = appeal_record_view(src), tv = appeal_record_view(&t);
	rc = ticket_merge_check(&sv, &tv, err) < 0 ? 1 : 0;
	*id = t.id;
	appeal_record_clear(&t);
	return rc;
}

int appeal_store_apply(db *d, const char *actor, const appeal_record *seen,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		strbuf *err)
{
	static const ticket_input none = { .until = DATE_NONE };
	if (!in)
		in = &none;
	if (!m->allowed) {
		sb_addf(err, _("\"%s\" was not allowed"), _(ticket_action_label(m->action)));
		return 1;
	}
	appeal_record now;
	int rc = read_record(d, NULL, seen->id, false, &now, err);
	if (rc == 1)
		sb_addf(err, _("no appeal %s"), seen->number);
	if (rc != 0)
		return rc;
	int64_t into = 0;
	strbuf sum = STRBUF_INIT;
	/* the state cannot differ at the same version; checked anyway, as the move was
	 * decided on it */
	if (now.version != seen->version || now.state != m->from) {
		stale_message(d, &now, seen->version, err);
		rc = 1;
		goto out;
	}
	if (m->action == TICKET_ACT_MERGE) {
		if (!in->into) {
			sb_addf(err, _("\"%s\" needs the number of the appeal to merge into."),
			        _(ticket_action_label(TICKET_ACT_MERGE)));
			rc = 1;
			goto out;
		}
		if ((rc = merge_target(d, &now, in->into, &into, err)) != 0)
			goto out;
	}

	/* the lead unit and related units after the move, as the move's lead op says */
	const char *lead = now.lead_unit;
	bool related_change = false;
	const char *const *related = NULL;
	int nrelated = 0;
	switch (m->lead) {
	case TICKET_LEAD_KEEP:
		break;
	case TICKET_LEAD_SET_INPUT:
		lead = in->unit;
		related = in->related;
		nrelated = in->nrelated;
		related_change = true;
		break;
	case TICKET_LEAD_SET_FIRST:
		lead = now.first_unit;
		related_change = true;
		break;
	case TICKET_LEAD_CLEAR:
		lead = NULL;
		related_change = true;
		break;
	}

	const char *result = now.result, *cb_reason = now.callback_reason;
	const char *ext_reason = now.extension_reason;
	const char *callback = now.callback == APPEAL_CALLBACK_SATISFIED ? "satisfied"
		: now.callback == APPEAL_CALLBACK_DISSATISFIED ? "dissatisfied" : NULL;
	qdate until = now.extended_until;
	const char *text = in->text ? in->text : "";
	switch (m->action) {
	case TICKET_ACT_ANSWER:
		result = text;
		break;
	case TICKET_ACT_CALLBACK_SATISFIED:
		callback = "satisfied";
		cb_reason = text;
		break;
	case TICKET_ACT_CALLBACK_DISSATISFIED:
		callback = "dissatisfied";
		cb_reason = text;
		break;
	case TICKET_ACT_EXTEND:
		until = in->until;
		ext_reason = text;
		break;
	default:
		break;
	}

	char nowts[20], buf[16];
	db_now(d, nowts);
	int level = escalation_level_after(m->action, now.level);
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE appeal SET state = ?, lead_unit = ?, version = version + 1,"
		" merged_into = coalesce(?, merged_into), next_due = ?, result = ?, callback = ?,"
		" callback_reason = ?, extended_until = ?, extension_reason = ?, updated_at = ?,"
		" level = ? WHERE id = ? AND version = ?", err);
	rc = -1;
	if (!st)
		goto out;
	db_bind_text(st, 1, ticket_state_code(m->to));
	db_bind_text(st, 2, lead);
	if (into)
		sqlite3_bind_int64(st, 3, into);
	rows_bind_date(st, 4, timers_next_due(after));
	db_bind_text(st, 5, result);
	db_bind_text(st, 6, callback);
	db_bind_text(st, 7, cb_reason);
	rows_bind_date(st, 8, until);
	db_bind_text(st, 9, ext_reason);
	db_bind_text(st, 10, nowts);
	if (level)
		sqlite3_bind_int(st, 11, level);
	sqlite3_bind_int64(st, 12, now.id);
	sqlite3_bind_int(st, 13, now.version);
	if (rows_step_one(d, st, "moving an appeal", err) < 0)
		goto out;

	sb_addf(&sum, "%s -> %s", ticket_state_code(m->from), ticket_state_code(m->to));
	if (m->lead == TICKET_LEAD_SET_INPUT || m->lead == TICKET_LEAD_SET_FIRST)
		sb_addf(&sum, "; lead=%s", lead ? lead : "");
	for (int i = 0; i < nrelated; i++)
		sb_addf(&sum, "%s%s", i ? "," : "; related=", related[i]);
	if (m->action == TICKET_ACT_EXTEND)
		sb_addf(&sum, "; until=%s", date_format(until, buf));
	if (into)
		sb_addf(&sum, "; into=%s", in->into);
	if (level != now.level && now.level)
		sb_addf(&sum, "; level %d -> %d", now.level, level);
	if ((related_change && write_related(d, now.id, related, nrelated, err) < 0) ||
	    write_timers(d, now.id, &now.timers, after, &sum, err) < 0 ||
	    sup_store_note_move(d, now.id, m->action, lead, &now.timers, err) < 0 ||
	    db_event(d, actor, "appeal", now.id, ticket_action_code(m->action), sb_str(&sum),
	             text, err) < 0)
		goto out;
	rc = 0;
out:
	sb_free(&sum);
	appeal_record_clear(&now);
	return rc;
}

int appeal_store_move(db *d, const char *actor, const appeal_record *seen,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		strbuf *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	int rc = appeal_store_apply(d, actor, seen, m, in, after, err);
	if (rc != 0) {
		db_rollback(d);
		return rc;
	}
	return db_commit(d, err);
}

int appeal_store_touch(db *d, const char *actor, const appeal_record *seen,
		const appeal_touch *t, strbuf *err)
{
	appeal_record now;
	int rc = read_record(d, NULL, seen->id, false, &now, err);
	if (rc == 1)
		sb_addf(err, _("no appeal %s"), seen->number);
	if (rc != 0)
		return rc;
	strbuf sum = STRBUF_INIT;
	sb_add(&sum, t->summary ? t->summary : "");
	if (now.version != seen->version) {
		stale_message(d, &now, seen->version, err);
		rc = 1;
		goto out;
	}
	rc = -1;
	char nowts[20];
	db_now(d, nowts);
	const ticket_timers *after = t->after ? t->after : &now.timers;
	sqlite3_stmt *st = db_stmt(d, "UPDATE appeal SET level = ?, next_due = ?,"
	                              " version = version + 1, updated_at = ?"
	                              " WHERE id = ? AND version = ?", err);
	if (!st)
		goto out;
	if (t->level)
		sqlite3_bind_int(st, 1, t->level);
	rows_bind_date(st, 2, timers_next_due(after));
	db_bind_text(st, 3, nowts);
	sqlite3_bind_int64(st, 4, now.id);
	sqlite3_bind_int(st, 5, now.version);
	if (rows_step_one(d, st, "writing an appeal's dispatch level", err) < 0 ||
	    (t->after && write_timers(d, now.id, &now.timers, t->after, &sum, err) < 0) ||
	    db_event(d, actor, "appeal", now.id, t->action, sb_str(&sum),
	             t->reason ? t->reason : "", err) < 0)
		goto out;
	rc = 0;
out:
	sb_free(&sum);
	appeal_record_clear(&now);
	return rc;
}

int appeal_store_bulk_mode(db *d, strbuf *err)
{
	if (sqlite3_exec(db_handle(d), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, err, "preparing a bulk load");
		return -1;
	}
	return 0;
}

/* ---- lists ------------------------------------------------------------------ */

void appeal_filter_set_today(appeal_filter *f, const calendar *cal, qdate today,
		int yellow_days)
{
	f->today = today;
	f->yellow_last = calendar_add(cal, today, (yellow_days > 0 ? yellow_days : 0) + 1) - 1;
}

void appeal_filter_add_view(appeal_filter *f, appeal_view v, const char *my_unit)
{
	appeal_view_def def = appeal_view_definition(v);
	/* a view narrows what the filter already asks: 待分办 within --state closed is empty */
	if (def.states) {
		if (f->states && !(f->states & def.states))
			f->nothing = true;
		f->states = f->states ? f->states & def.states : def.states;
	}
	if (def.lights) {
		if (f->lights && !(f->lights & def.lights))
			f->nothing = true;
		f->lights = f->lights ? f->lights & def.lights : def.lights;
	}
	if (def.due_today)
		f->due_today = true;
	if (def.mine)
		f->unit = my_unit ? my_unit : "";
}

static unsigned open_states(void)
{
	unsigned bits = 0;
	for (int s = 0; s < TICKET_ST__COUNT; s++)
		if (ticket_state_is_open((ticket_state)s))
			bits |= appeal_state_bit((ticket_state)s);
	return bits;
}

static void states_clause(store_where *w, unsigned states)
{
	int n = 0;
	for (int s = 0; s < TICKET_ST__COUNT; s++) {
		if (!(states & appeal_state_bit((ticket_state)s)))
			continue;
		sb_add(&w->sql, n++ ? ", ?" : " AND a.state IN (?");
		store_where_add(w, ticket_state_code((ticket_state)s));
	}
	/* a set of no known state selects nothing */
	sb_add(&w->sql, n ? ")" : " AND 0");
}

/* The lights as ranges of next_due: red before today, yellow from today to
 * yellow_last, green after. Neighbouring lights are one range (red and yellow:
 * next_due <= yellow_last), so the partial index on next_due serves the filter and
 * the due order at once; an OR of ranges made SQLite sort the selection instead. */
static void lights_clause(store_where *w, const appeal_filter *f)
{
	char today[16], last[16];
	date_format(f->today, today);
	date_format(f->yellow_last, last);
	bool red = f->lights & appeal_light_bit(TICKET_LIGHT_RED);
	bool yellow = f->lights & appeal_light_bit(TICKET_LIGHT_YELLOW);
	bool green = f->lights & appeal_light_bit(TICKET_LIGHT_GREEN);
	bool none = f->lights & appeal_light_bit(TICKET_LIGHT_NONE);
	strbuf due = STRBUF_INIT;
	if (red && green && !yellow) {
		sb_add(&due, "(a.next_due < ? OR a.next_due > ?)");
		store_where_add(w, today);
		store_where_add(w, last);
	} else if (red || yellow || green) {
		/* one range: from today unless red is in, up to yellow_last unless green is */
		sb_add(&due, "(a.next_due IS NOT NULL");
		if (!red) {
			sb_add(&due, yellow ? " AND a.next_due >= ?" : " AND a.next_due > ?");
			store_where_add(w, yellow ? today : last);
		}
		if (!green) {
			sb_add(&due, yellow ? " AND a.next_due <= ?" : " AND a.next_due < ?");
			store_where_add(w, yellow ? last : today);
		}
		sb_add(&due, ")");
	}
	if (due.len && none)
		sb_addf(&w->sql, " AND (%s OR a.next_due IS NULL)", sb_str(&due));
	else if (due.len)
		sb_addf(&w->sql, " AND %s", sb_str(&due));
	else if (none)
		sb_add(&w->sql, " AND a.next_due IS NULL");
	else
		sb_add(&w->sql, " AND 0");
	sb_free(&due);
}

static void where_build(store_where *w, const appeal_filter *f)
{
	store_where_init(w);
	if (f->nothing)
		sb_add(&w->sql, " AND 0");
	if (f->states)
		states_clause(w, f->states);
	if (f->lights)
		lights_clause(w, f);
	if (f->due_today) {
		char today[16];
		sb_add(&w->sql, " AND a.next_due = ?");
		store_where_add(w, date_format(f->today, today));
	}
	if (f->unit) {
		sb_add(&w->sql, " AND (a.first_unit = ? OR a.lead_unit = ? OR a.id IN"
		                " (SELECT appeal_id FROM appeal_related WHERE unit = ?))");
		for (int i = 0; i < 3; i++)
			store_where_add(w, f->unit);
	}
	if (f->enterprise) {
		sb_add(&w->sql, " AND a.enterprise_id = (SELECT id FROM enterprise WHERE uscc = ?)");
		store_where_add(w, f->enterprise);
	}
	if (f->scope_area) {
		sb_add(&w->sql, " AND a.enterprise_id IN (SELECT id FROM enterprise WHERE area = ?)");
		store_where_add(w, f->scope_area);
	}
	if (f->level) {
		char lv[8];
		snprintf(lv, sizeof lv, "%d", f->level);
		/* CAST: the bound value is text, the column an integer */
		sb_add(&w->sql, " AND a.level = CAST(? AS INTEGER)");
		store_where_add(w, lv);
	}
	if (f->lead_unit) {
		sb_add(&w->sql, " AND a.lead_unit = ?");
		store_where_add(w, f->lead_unit);
	}
	if (f->overseen_by) {
		sb_add(&w->sql, " AND a.lead_unit IN (SELECT o.unit FROM staff_oversees o"
		                " JOIN staff s ON s.id = o.staff_id WHERE s.login = ?)");
		store_where_add(w, f->overseen_by);
	}
	if (f->search && *f->search) {
		int y;
		long seq;
		char *q = text_trim(f->search);
		if (ticket_number_parse(q, &y, &seq)) {
			sb_add(&w->sql, " AND a.number = ?");
			store_where_add(w, q);
		} else {
			sb_add(&w->sql, " AND a.enterprise_id IN (SELECT e.id FROM enterprise e WHERE 1");
			ent_store_search_clause(w, f->search);
			sb_add(&w->sql, ")");
		}
		free(q);
	}
}

static const char row_cols[] =
	"SELECT a.id, a.number, en.uscc, en.name, a.title, a.kind, a.state, a.first_unit,"
	" a.lead_unit, a.next_due, a.version, coalesce(a.level, 0),"
	" (SELECT t.due FROM appeal_timer t WHERE t.appeal_id = a.id AND t.timer = 'handle'"
	"  AND t.done IS NULL)"
	" FROM appeal a JOIN enterprise en ON en.id = a.enterprise_id";

static void row_from(sqlite3_stmt *st, appeal_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	copy_number(r->number, db_col_text(st, 1));
	r->uscc = xstrdup(db_col_text(st, 2));
	r->enterprise_name = xstrdup(db_col_text(st, 3));
	r->title = xstrdup(db_col_text(st, 4));
	ticket_kind_parse(db_col_text(st, 5), &r->kind);
	ticket_state_parse(db_col_text(st, 6), &r->state);
	r->first_unit = xstrdup(db_col_text(st, 7));
	r->lead_unit = rows_col_opt(st, 8);
	r->next_due = rows_col_date(st, 9);
	r->version = sqlite3_column_int(st, 10);
	r->level = sqlite3_column_int(st, 11);
	r->handle_due = rows_col_date(st, 12);
}

/* Each order is served by an index: the rowid, (state, next_due), (lead_unit, state)
 * and the partial index on next_due; only the enterprise order sorts the rows the
 * filter selects. */
static const char *const sort_sql[APPEAL_SORT__COUNT][2] = {
	[APPEAL_SORT_NUMBER] = { "a.id", "a.id DESC" },
	[APPEAL_SORT_DUE] = { "a.next_due, a.id", "a.next_due DESC, a.id DESC" },
	[APPEAL_SORT_STATE] = { "a.state, a.next_due, a.id",
	                        "a.state DESC, a.next_due DESC, a.id DESC" },
	[APPEAL_SORT_UNIT] = { "a.lead_unit, a.state, a.id",
	                       "a.lead_unit DESC, a.state DESC, a.id DESC" },
	[APPEAL_SORT_ENTERPRISE] = { "en.sort_key, a.id", "en.sort_key DESC, a.id DESC" },
};

/* The window is chosen on the appeal table and its indexes alone, then only its rows
 * are joined to their enterprise: OFFSET over the joined rows builds every skipped
 * row (0.61 s against 0.04 s at row 99 000 of 100 000). The enterprise order needs
 * the join inside as well. */
static int window_query(db *d, const store_where *w, const char *extra, const char *order,
		long offset, int limit, appeal_row *rows, int *n, strbuf *err)
{
	bool by_name = strstr(order, "en.") != NULL;
	char *sql = xasprintf("%s WHERE a.id IN (SELECT a.id FROM appeal a%s%s%s ORDER BY %s"
	                      " LIMIT ? OFFSET ?) ORDER BY %s", row_cols,
	                      by_name ? " JOIN enterprise en ON en.id = a.enterprise_id" : "",
	                      sb_str(&w->sql), extra, order, order);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	store_where_bind(w, st);
	sqlite3_bind_int(st, w->nbinds + 1, limit);
	sqlite3_bind_int64(st, w->nbinds + 2, offset);
	int step = SQLITE_DONE, start = *n;
	while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW)
		row_from(st, &rows[(*n)++]);
	if (step == SQLITE_ROW || step == SQLITE_DONE) {
		db_done(st);
		return 0;
	}
	db_fail(d, err, "listing appeals");
	db_done(st);
	while (*n > start)
		appeal_row_clear(&rows[--*n]);
	return -1;
}

static int count_where(db *d, const store_where *w, const char *extra, long *n, strbuf *err)
{
	char *sql = xasprintf("SELECT count(*) FROM appeal a%s%s", sb_str(&w->sql), extra);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	store_where_bind(w, st);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	else
		db_fail(d, err, "counting appeals");
	db_done(st);
	return step == SQLITE_ROW ? 0 : -1;
}

int appeal_store_count(db *d, const appeal_filter *f, long *n, strbuf *err)
{
	store_where w;
	where_build(&w, f);
	int rc = count_where(d, &w, "", n, err);
	store_where_free(&w);
	return rc;
}

/* The due order puts appeals without a running deadline after the others. As one
 * ORDER BY that needs a sort of the whole selection; as two index-ordered parts
 * (with a deadline on the partial index, then without by number) a window costs
 * only its rows and one count. */
static int window_by_due(db *d, const store_where *w, bool desc, long offset, int limit,
		appeal_row *rows, int *n, strbuf *err)
{
	static const char with[] = " AND a.next_due IS NOT NULL", without[] = " AND a.next_due IS NULL";
	const char *first = desc ? without : with, *second = desc ? with : without;
	const char *first_order = desc ? "a.id DESC" : sort_sql[APPEAL_SORT_DUE][0];
	const char *second_order = desc ? sort_sql[APPEAL_SORT_DUE][1] : "a.id";
	long nfirst;
	if (count_where(d, w, first, &nfirst, err) < 0)
		return -1;
	if (offset < nfirst &&
	    window_query(d, w, first, first_order, offset, limit, rows, n, err) < 0)
		return -1;
	if (*n < limit) {
		long off2 = offset > nfirst ? offset - nfirst : 0;
		int got = *n, more = 0;
		if (window_query(d, w, second, second_order, off2, limit - got, rows + got, &more,
		                 err) < 0)
			return -1;
		*n = got + more;
	}
	return 0;
}

int appeal_store_window(db *d, const appeal_filter *f, appeal_sort sort, bool desc,
		long offset, int limit, appeal_row *rows, int *n, strbuf *err)
{
	*n = 0;
	if (sort >= APPEAL_SORT__COUNT)
		sort = APPEAL_SORT_NUMBER;
	store_where w;
	where_build(&w, f);
	int rc = sort == APPEAL_SORT_DUE
		? window_by_due(d, &w, desc, offset, limit, rows, n, err)
		: window_query(d, &w, "", sort_sql[sort][desc ? 1 : 0], offset, limit, rows, n, err);
	store_where_free(&w);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			appeal_row_clear(&rows[i]);
		*n = 0;
	}
	return rc;
}

int appeal_store_view_count(db *d, const appeal_filter *base, appeal_view v,
		const char *my_unit, long *n, strbuf *err)
{
	appeal_filter f = *base;
	appeal_filter_add_view(&f, v, my_unit);
	return appeal_store_count(d, &f, n, err);
}

int appeal_store_view_counts(db *d, const appeal_filter *base, const char *my_unit,
		long counts[APPEAL_VIEW__COUNT], strbuf *err)
{
	for (int v = 0; v < APPEAL_VIEW__COUNT; v++)
		if (appeal_store_view_count(d, base, (appeal_view)v, my_unit, &counts[v], err) < 0)
			return -1;
	return 0;
}

/* ---- recount ---------------------------------------------------------------- */

typedef struct running {
	int64_t appeal_id;
	ticket_timer which;
	ticket_timer_state ts;
} running;

enum { RECOUNT_PAGE = 1000 };

/* the running timers of appeals after `after` that are due on or after from (a timer
 * due earlier cannot move when only later days change), in appeal order, at most
 * RECOUNT_PAGE */
static int read_running(db *d, int64_t after, qdate from, running *out, int *n, strbuf *err)
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
		if (!timer_parse(db_col_text(st, 1), &r->which))
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
		bool write, const char *reason, appeal_due_moves *moves, bool *changed, strbuf *err)
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
			if (write_timer(d, r[i].appeal_id, r[i].which, &r[i].ts, err) < 0)
				goto out;
		char nowts[20];
		db_now(d, nowts);
		sqlite3_stmt *st = db_stmt(d, "UPDATE appeal SET next_due = ?, version = version + 1,"
		                              " updated_at = ? WHERE id = ?", err);
		if (!st)
			goto out;
		rows_bind_date(st, 1, timers_next_due(&tm));
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
		int64_t *last, strbuf *err)
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
		strbuf *err)
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
static int move_names(db *d, appeal_due_move *m, strbuf *err)
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
		bool write, const char *reason, appeal_due_moves *moves, strbuf *err)
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

/* ---- similar appeals -------------------------------------------------------- */

static int by_similarity(const void *pa, const void *pb)
{
	const appeal_row *a = pa, *b = pb;
	if (a->similarity != b->similarity)
		return b->similarity - a->similarity;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

int appeal_store_similar(db *d, const char *uscc, const char *title, qdate since,
		appeal_row *rows, int max, int *n, strbuf *err)
{
	/* an enterprise has few open appeals; this bounds the work if one has many */
	enum { SCAN = 500 };
	*n = 0;
	appeal_filter f = { .states = open_states(), .enterprise = uscc };
	store_where w;
	where_build(&w, &f);
	char day[16];
	sb_add(&w.sql, " AND a.created_at >= ?");
	store_where_add(&w, date_format(since, day));
	appeal_row *all = xcalloc(SCAN, sizeof *all);
	int got = 0;
	int rc = window_query(d, &w, "", "a.id DESC", 0, SCAN, all, &got, err);
	store_where_free(&w);
	if (rc == 0) {
		int keep = 0;
		for (int i = 0; i < got; i++) {
			all[i].similarity = appeal_title_similarity(title, all[i].title);
			if (all[i].similarity >= APPEAL_SIMILAR_MIN)
				all[keep++] = all[i];
			else
				appeal_row_clear(&all[i]);
		}
		qsort(all, (size_t)keep, sizeof *all, by_similarity);
		for (int i = 0; i < keep; i++) {
			if (*n < max)
				rows[(*n)++] = all[i];
			else
				appeal_row_clear(&all[i]);
		}
	} else {
		for (int i = 0; i < got; i++)
			appeal_row_clear(&all[i]);
	}
	free(all);
	return rc;
}
