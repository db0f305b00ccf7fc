/* The dispatch ladder's writes (a level raised, a dispatch recorded, its outcome) each
 * in one BEGIN IMMEDIATE transaction with the appeal's version check and event, the
 * dispatch records read back for show, and the board's lists as appeal filters, so
 * that the board counts and pages through the same indexed queries as the lists. */
#include "store/escalation_store.h"
#include "store/db_internal.h"
#include "store/rows.h"
#include "store/supervision_store.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "model/appeal.h"

void esc_dispatch_clear(esc_dispatch *x)
{
	free(x->place);
	free(x->attendees);
	free(x->decision);
	free(x->outcome);
	free(x->outcome_by);
	free(x->outcome_at);
	free(x->by);
	free(x->by_name);
	free(x->at);
	memset(x, 0, sizeof *x);
}

void esc_dispatches_free(esc_dispatch **v, int n)
{
	for (int i = 0; *v && i < n; i++)
		esc_dispatch_clear(&(*v)[i]);
	xfree(v);
}

/* end the transaction a write began (began: db_begin's result) after its result rc
 * (0, 1 refused, -1): committed only on 0 */
static int end_transaction(db *d, int began, int rc, store_err *err)
{
	if (began < 0)
		return -1;
	if (rc != 0) {
		db_rollback(d);
		return rc;
	}
	return db_commit(d, err);
}

/* ---- writes ----------------------------------------------------------------- */

int esc_store_escalate(db *d, const char *actor, const appeal_record *seen,
		const escalation_verdict *v, const char *reason, store_err *err)
{
	if (!v->allowed || v->action != ESC_ACT_ESCALATE || v->level != seen->level) {
		store_err_num(store_err_set(err, STORE_E_LADDER_NOT_ALLOWED), 0, ESC_ACT_ESCALATE);
		return 1;
	}
	int began = db_begin(d, err);
	int rc = -1;
	if (began == 0) {
		strbuf sum = STRBUF_INIT;
		sb_addf(&sum, "level %d -> %d; lead=%s", v->level, v->next,
		        seen->lead_unit ? seen->lead_unit : "");
		appeal_touch t = { v->next, NULL, escalation_action_code(ESC_ACT_ESCALATE),
			sb_str(&sum), reason };
		rc = appeal_store_touch(d, actor, seen, &t, err);
		if (rc == 0)
			rc = sup_store_note_level(d, seen->id, v->next, err);
		sb_free(&sum);
	}
	return end_transaction(d, began, rc, err);
}

static int insert_dispatch(db *d, const char *actor, int64_t appeal_id,
		const escalation_record *r, int64_t *id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO appeal_dispatch (appeal_id, level, mode, date, place, attendees,"
		" decision, new_due, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	sqlite3_bind_int64(st, 1, appeal_id);
	sqlite3_bind_int(st, 2, r->level);
	db_bind_text(st, 3, escalation_mode_code(r->mode));
	rows_bind_date(st, 4, r->date);
	db_bind_text(st, 5, r->place ? r->place : "");
	db_bind_text(st, 6, r->attendees ? r->attendees : "");
	db_bind_text(st, 7, r->decision);
	rows_bind_date(st, 8, r->new_due);
	db_bind_text(st, 9, actor);
	db_bind_text(st, 10, now);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc < 0)
		db_fail(d, err, "recording a dispatch");
	else
		*id = sqlite3_last_insert_rowid(db_handle(d));
	db_done(st);
	return rc;
}

int esc_store_schedule(db *d, const char *actor, const appeal_record *seen,
		const escalation_record *r, const ticket_timers *after, int64_t *id, store_err *err)
{
	int began = db_begin(d, err);
	int rc = -1;
	if (began == 0 && insert_dispatch(d, actor, seen->id, r, id, err) == 0) {
		strbuf sum = STRBUF_INIT;
		char day[16];
		sb_addf(&sum, "level=%d mode=%s date=%s dispatch=%lld", r->level,
		        escalation_mode_code(r->mode), date_format(r->date, day), (long long)*id);
		appeal_touch t = { seen->level, after, escalation_action_code(ESC_ACT_SCHEDULE),
			sb_str(&sum), r->decision };
		rc = appeal_store_touch(d, actor, seen, &t, err);
		sb_free(&sum);
	}
	return end_transaction(d, began, rc, err);
}

/* the latest dispatch at level still without an outcome: 0 found, 1 none, -1 */
static int awaiting_outcome(db *d, int64_t appeal_id, int level, int64_t *id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id FROM appeal_dispatch WHERE appeal_id = ?"
	                              " AND level = ? AND outcome IS NULL ORDER BY id DESC LIMIT 1",
	                           err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, appeal_id);
	sqlite3_bind_int(st, 2, level);
	int step = sqlite3_step(st), rc = step == SQLITE_ROW ? 0 : step == SQLITE_DONE ? 1 : -1;
	if (rc == 0)
		*id = sqlite3_column_int64(st, 0);
	else if (rc < 0)
		db_fail(d, err, "reading dispatch records");
	db_done(st);
	return rc;
}

static int write_outcome(db *d, const char *actor, const appeal_record *seen,
		const char *text, int64_t *id, store_err *err)
{
	int rc = awaiting_outcome(d, seen->id, seen->level, id, err);
	if (rc == 1) {
		store_err_name(store_err_set(err, STORE_E_NO_DISPATCH_AWAITS), 0, seen->number);
		store_err_num(err, 0, seen->level);
	}
	if (rc != 0)
		return rc;
	sqlite3_stmt *st = db_stmt(d, "UPDATE appeal_dispatch SET outcome = ?, outcome_by = ?,"
	                              " outcome_at = ? WHERE id = ?", err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, text);
	db_bind_text(st, 2, actor);
	db_bind_text(st, 3, now);
	sqlite3_bind_int64(st, 4, *id);
	if (rows_exec(d, st, "recording a dispatch's outcome", err) < 0)
		return -1;
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "level=%d dispatch=%lld", seen->level, (long long)*id);
	appeal_touch t = { seen->level, NULL, escalation_action_code(ESC_ACT_OUTCOME),
		sb_str(&sum), text };
	rc = appeal_store_touch(d, actor, seen, &t, err);
	sb_free(&sum);
	return rc;
}

int esc_store_outcome(db *d, const char *actor, const appeal_record *seen, const char *text,
		int64_t *id, store_err *err)
{
	int began = db_begin(d, err);
	int rc = began == 0 ? write_outcome(d, actor, seen, text, id, err) : -1;
	return end_transaction(d, began, rc, err);
}

int esc_store_dispatches(db *d, int64_t appeal_id, esc_dispatch **out, int *n, store_err *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(d,
		"SELECT x.id, x.level, x.mode, x.date, x.place, x.attendees, x.decision, x.new_due,"
		" x.outcome, x.outcome_by, x.outcome_at, x.recorded_by, coalesce(s.name, ''),"
		" x.recorded_at FROM appeal_dispatch x LEFT JOIN staff s ON s.login = x.recorded_by"
		" WHERE x.appeal_id = ? ORDER BY x.id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, appeal_id);
	int step, cap = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = xrealloc(*out, sizeof **out * (size_t)cap);
		}
		esc_dispatch *x = &(*out)[(*n)++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(st, 0);
		x->level = sqlite3_column_int(st, 1);
		escalation_mode_parse(db_col_text(st, 2), &x->mode);
		x->date = rows_col_date(st, 3);
		x->place = xstrdup(db_col_text(st, 4));
		x->attendees = xstrdup(db_col_text(st, 5));
		x->decision = xstrdup(db_col_text(st, 6));
		x->new_due = rows_col_date(st, 7);
		x->outcome = rows_col_opt(st, 8);
		x->outcome_by = rows_col_opt(st, 9);
		x->outcome_at = rows_col_opt(st, 10);
		x->by = xstrdup(db_col_text(st, 11));
		x->by_name = xstrdup(db_col_text(st, 12));
		x->at = xstrdup(db_col_text(st, 13));
	}
	if (step != SQLITE_DONE) {
		db_fail(d, err, "reading dispatch records");
		db_done(st);
		esc_dispatches_free(out, *n);
		*n = 0;
		return -1;
	}
	db_done(st);
	return 0;
}

/* ---- the board -------------------------------------------------------------- */

unsigned esc_board_states(void)
{
	unsigned bits = 0;
	for (int s = 0; s < TICKET_ST__COUNT; s++)
		if (escalation_state_allows((ticket_state)s, ESC_ACT_OUTCOME))
			bits |= appeal_state_bit((ticket_state)s);
	return bits;
}

void esc_board_filter(const appeal_filter *base, int level, appeal_filter *out)
{
	*out = *base;
	unsigned board = esc_board_states();
	/* the board within a narrower --state stays narrower, as a saved view does */
	if (out->states && !(out->states & board))
		out->nothing = true;
	out->states = out->states ? out->states & board : board;
	if (level) {
		if (out->level && out->level != level)
			out->nothing = true;
		out->level = level;
	} else {
		unsigned red = appeal_light_bit(TICKET_LIGHT_RED);
		if (out->lights && !(out->lights & red))
			out->nothing = true;
		out->lights = red;
	}
}

int esc_store_board_counts(db *d, const appeal_filter *base, esc_board_counts *c,
		store_err *err)
{
	memset(c, 0, sizeof *c);
	for (int level = 0; level <= ESC_LEVEL_LEAD_UNIT; level++) {
		appeal_filter f;
		esc_board_filter(base, level, &f);
		if (appeal_store_count(d, &f, level ? &c->level[level] : &c->overdue, err) < 0)
			return -1;
	}
	return 0;
}

int esc_store_board_window(db *d, const appeal_filter *base, int level, long offset,
		int limit, appeal_row *rows, int *n, store_err *err)
{
	appeal_filter f;
	esc_board_filter(base, level, &f);
	return appeal_store_window(d, &f, APPEAL_SORT_DUE, false, offset, limit, rows, n, err);
}

int esc_store_board_window_from(db *d, const appeal_filter *base, int level, int64_t from,
		bool back, int limit, appeal_row *rows, int *n, store_err *err)
{
	appeal_filter f;
	esc_board_filter(base, level, &f);
	return appeal_store_window_from(d, &f, APPEAL_SORT_DUE, false, from, back, limit, rows, n,
	                                err);
}

bool esc_suggested(qdate handle_due, int level, const calendar *cal, qdate today,
		int after_days)
{
	if (handle_due == DATE_NONE || !escalation_level_valid(level))
		return false;
	int overdue;
	/* yellow_days does not matter: only red counts */
	ticket_light_t l = ticket_light(handle_due, today, cal, 0, &overdue);
	return escalation_suggested(l, overdue, level, after_days);
}
