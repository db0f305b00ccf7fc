/* Appeal moves written: the allowed move of the ticket rules (state, lead and related
 * units, timers, texts) and the ladder's touch (level, timers), each under the version
 * check that refuses a move decided on a record someone has changed since, with its
 * event row. Inside the caller's transaction, or one of its own (appeal_store_move). */
#include "store/appeal_store.h"
#include "store/appeal_store_internal.h"
#include "store/db_internal.h"
#include "store/rows.h"
#include "store/supervision_store.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "model/escalation.h"

/* ---- the version check ------------------------------------------------------ */

/* "changed by X at T": the latest event names who moved the appeal on */
static void stale_message(db *d, const appeal_record *now, int seen_version, store_err *err)
{
	if (!err)
		return;
	store_err_set(err, STORE_E_APPEAL_CHANGED);
	store_err_name(err, 0, now->number);
	store_err_num(err, 0, now->state);
	store_err_num(err, 1, now->version);
	store_err_num(err, 2, seen_version);
	sqlite3_stmt *st = db_stmt(d,
		"SELECT ev.at, ev.actor, coalesce(s.name, '') FROM event ev"
		" LEFT JOIN staff s ON s.login = ev.actor"
		" WHERE ev.entity = 'appeal' AND ev.entity_id = ? ORDER BY ev.id DESC LIMIT 1", NULL);
	if (st) {
		sqlite3_bind_int64(st, 1, now->id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			store_err_name(err, 1, db_col_text(st, 2));
			store_err_name(err, 2, db_col_text(st, 1));
			store_err_name(err, 3, db_col_text(st, 0));
		}
		db_done(st);
	}
}

int appeal_store_check_version(db *d, const appeal_record *now, int seen_version, store_err *err)
{
	if (now->version == seen_version)
		return 0;
	stale_message(d, now, seen_version, err);
	return 1;
}

static int write_related(db *d, int64_t id, const char *const *units, int n, store_err *err)
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

/* the appeal seen as it is now, re-read inside the write's transaction: 0, 1 when it
 * is gone (err says so), -1 error */
static int read_now(db *d, const appeal_record *seen, appeal_record *now, store_err *err)
{
	int rc = appeal_store_read(d, NULL, seen->id, false, now, err);
	if (rc == 1)
		store_err_name(store_err_set(err, STORE_E_NO_APPEAL), 0, seen->number);
	return rc;
}

/* the appeal a merge keeps, still a valid target now: 0, 1 refused, -1 error */
static int merge_target(db *d, const appeal_record *src, const char *into, int64_t *id,
		store_err *err)
{
	appeal_record t;
	int rc = appeal_store_read(d, into, 0, false, &t, err);
	if (rc == 1)
		store_err_name(store_err_set(err, STORE_E_NO_APPEAL), 0, into);
	if (rc != 0)
		return rc;
	ticket_view sv = appeal_record_view(src), tv = appeal_record_view(&t);
	strbuf why = STRBUF_INIT;
	rc = ticket_merge_check(&sv, &tv, &why) < 0 ? 1 : 0;
	if (rc)
		store_err_detail(store_err_set(err, STORE_E_REFUSED), sb_str(&why));
	sb_free(&why);
	*id = t.id;
	appeal_record_clear(&t);
	return rc;
}

/* *field becomes a copy of to (which may be *field itself) */
static void set_text(char **field, const char *to)
{
	char *copy = to ? xstrdup(to) : NULL;
	free(*field);
	*field = copy;
}

static int by_unit(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* a's row as the record now says, where its row is still at version row_version */
static int write_row(db *d, const appeal_record *a, int row_version, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE appeal SET state = ?, lead_unit = ?, version = ?,"
		" merged_into = coalesce((SELECT id FROM appeal WHERE number = ?), merged_into),"
		" next_due = ?, result = ?, callback = ?, callback_reason = ?, extended_until = ?,"
		" extension_reason = ?, updated_at = ?, level = ?, reported_on = ?, report_how = ?,"
		" report_by = ?, report_text = ? WHERE id = ? AND version = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, ticket_state_code(a->state));
	db_bind_text(st, 2, a->lead_unit);
	sqlite3_bind_int(st, 3, a->version);
	db_bind_text(st, 4, a->merged_into);
	rows_bind_date(st, 5, a->next_due);
	db_bind_text(st, 6, a->result);
	db_bind_text(st, 7, a->callback == APPEAL_CALLBACK_SATISFIED ? "satisfied"
		: a->callback == APPEAL_CALLBACK_DISSATISFIED ? "dissatisfied" : NULL);
	db_bind_text(st, 8, a->callback_reason);
	rows_bind_date(st, 9, a->extended_until);
	db_bind_text(st, 10, a->extension_reason);
	db_bind_text(st, 11, a->updated_at);
	if (a->level)
		sqlite3_bind_int(st, 12, a->level);
	rows_bind_date(st, 13, a->reported_on);
	if (a->report_how != TICKET_HOW_NONE)
		db_bind_text(st, 14, ticket_how_code(a->report_how));
	db_bind_text(st, 15, a->report_by ? a->report_by : "");
	db_bind_text(st, 16, a->report_text ? a->report_text : "");
	sqlite3_bind_int64(st, 17, a->id);
	sqlite3_bind_int(st, 18, row_version);
	return rows_step_one(d, st, "moving an appeal", err);
}

/* Write move m on now, the appeal as it is inside this transaction, seen at
 * seen_version: now becomes the record after the move (as a fresh read would give
 * it) and, unless held (its row is written once its holder is done), its row is
 * written; then the move's own rows and its event. A move the rules did not allow
 * is refused before anything is read (now may be NULL then). */
static int apply_on(db *d, const char *actor, appeal_record *now, int seen_version,
		bool held, const ticket_move *m, const ticket_input *in,
		const ticket_timers *after, store_err *err)
{
	static const ticket_input none = { .until = DATE_NONE, .on = DATE_NONE };
	if (!m->allowed) {
		store_err_num(store_err_set(err, STORE_E_MOVE_NOT_ALLOWED), 0, m->action);
		return 1;
	}
	if (!in)
		in = &none;
	int rc;
	int64_t into = 0;
	strbuf sum = STRBUF_INIT;
	/* the state cannot differ at the same version; checked anyway, as the move was
	 * decided on it */
	if (now->version != seen_version || now->state != m->from) {
		stale_message(d, now, seen_version, err);
		rc = 1;
		goto out;
	}
	if (m->action == TICKET_ACT_MERGE) {
		if (!in->into) {
			store_err_set(err, STORE_E_MERGE_NEEDS_INTO);
			rc = 1;
			goto out;
		}
		if ((rc = merge_target(d, now, in->into, &into, err)) != 0)
			goto out;
	}

	/* the lead unit and related units after the move, as the move's lead op says */
	const char *lead = now->lead_unit;
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
		lead = now->first_unit;
		related_change = true;
		break;
	case TICKET_LEAD_CLEAR:
		lead = NULL;
		related_change = true;
		break;
	}

	const char *text = in->text ? in->text : "";
	int level = escalation_level_after(m->action, now->level);
	char buf[16];
	sb_addf(&sum, "%s -> %s", ticket_state_code(m->from), ticket_state_code(m->to));
	if (m->lead == TICKET_LEAD_SET_INPUT || m->lead == TICKET_LEAD_SET_FIRST)
		sb_addf(&sum, "; lead=%s", lead ? lead : "");
	for (int i = 0; i < nrelated; i++)
		sb_addf(&sum, "%s%s", i ? "," : "; related=", related[i]);
	if (m->action == TICKET_ACT_EXTEND)
		sb_addf(&sum, "; until=%s", date_format(in->until, buf));
	if (m->needs & TICKET_NEEDS_REPORT)
		sb_addf(&sum, "; on=%s; how=%s; by=%s", date_format(in->on, buf),
		        ticket_how_code(in->how), in->by ? in->by : "");
	if (into)
		sb_addf(&sum, "; into=%s", in->into);
	if (level != now->level && now->level)
		sb_addf(&sum, "; level %d -> %d", now->level, level);

	/* the record after the move */
	ticket_timers before = now->timers;
	char nowts[20];
	db_now(d, nowts);
	now->state = m->to;
	set_text(&now->lead_unit, lead);
	if (related_change) {
		char **units = nrelated ? xcalloc((size_t)nrelated, sizeof *units) : NULL;
		for (int i = 0; i < nrelated; i++)
			units[i] = xstrdup(related[i]);
		if (nrelated > 1)
			qsort(units, (size_t)nrelated, sizeof *units, by_unit);
		for (int i = 0; i < now->nrelated; i++)
			free(now->related[i]);
		free(now->related);
		now->related = units;
		now->nrelated = nrelated;
	}
	now->version++;
	if (into)
		set_text(&now->merged_into, in->into);
	now->next_due = appeal_store_next_due(after);
	switch (m->action) {
	case TICKET_ACT_ANSWER:
		set_text(&now->result, text);
		break;
	case TICKET_ACT_CALLBACK_SATISFIED:
	case TICKET_ACT_CALLBACK_DISSATISFIED:
		now->callback = m->action == TICKET_ACT_CALLBACK_SATISFIED
			? APPEAL_CALLBACK_SATISFIED : APPEAL_CALLBACK_DISSATISFIED;
		set_text(&now->callback_reason, text);
		break;
	case TICKET_ACT_EXTEND:
		now->extended_until = in->until;
		set_text(&now->extension_reason, text);
		break;
	default:
		break;
	}
	/* the report to the enterprise: its day, how, by whom and what was said */
	if (m->needs & TICKET_NEEDS_REPORT) {
		now->reported_on = in->on;
		now->report_how = in->how;
		set_text(&now->report_by, in->by ? in->by : "");
		set_text(&now->report_text, text);
	}
	set_text(&now->updated_at, nowts);
	now->level = level;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++)
		if (after->t[i].start != DATE_NONE)
			now->timers.t[i] = after->t[i];

	rc = -1;
	if ((!held && write_row(d, now, seen_version, err) < 0) ||
	    (related_change && write_related(d, now->id, related, nrelated, err) < 0) ||
	    appeal_store_write_timers(held ? NULL : d, now->id, &before, after, &sum, err) < 0 ||
	    sup_store_note_move(d, now->id, m->action, now->lead_unit, &before, err) < 0 ||
	    db_event(d, actor, "appeal", now->id, ticket_action_code(m->action), sb_str(&sum),
	             text, err) < 0)
		goto out;
	rc = 0;
out:
	sb_free(&sum);
	return rc;
}

int appeal_store_apply(db *d, const char *actor, const appeal_record *seen,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		store_err *err)
{
	if (!m->allowed)
		return apply_on(d, actor, NULL, seen->version, false, m, in, after, err);
	appeal_record now;
	int rc = read_now(d, seen, &now, err);
	if (rc != 0)
		return rc;
	rc = apply_on(d, actor, &now, seen->version, false, m, in, after, err);
	appeal_record_clear(&now);
	return rc;
}

int appeal_store_apply_held(db *d, const char *actor, appeal_record *a,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		store_err *err)
{
	return apply_on(d, actor, a, a->version, true, m, in, after, err);
}

int appeal_store_write_held(db *d, const appeal_record *a, int row_version,
		const ticket_timers *row_timers, store_err *err)
{
	if (a->version == row_version)
		return 0;
	if (write_row(d, a, row_version, err) < 0)
		return -1;
	return appeal_store_write_timers_since(d, a->id, row_timers, &a->timers, err);
}

int appeal_store_move(db *d, const char *actor, const appeal_record *seen,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		store_err *err)
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
		const appeal_touch *t, store_err *err)
{
	appeal_record now;
	int rc = read_now(d, seen, &now, err);
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
	rows_bind_date(st, 2, appeal_store_next_due(after));
	db_bind_text(st, 3, nowts);
	sqlite3_bind_int64(st, 4, now.id);
	sqlite3_bind_int(st, 5, now.version);
	if (rows_step_one(d, st, "writing an appeal's dispatch level", err) < 0 ||
	    (t->after && appeal_store_write_timers(d, now.id, &now.timers, t->after, &sum, err) < 0) ||
	    db_event(d, actor, "appeal", now.id, t->action, sb_str(&sum),
	             t->reason ? t->reason : "", err) < 0)
		goto out;
	rc = 0;
out:
	sb_free(&sum);
	appeal_record_clear(&now);
	return rc;
}
