/* Inspection plans written: registration, approval with its code, the outcome with
 * 首违不罚 recognition, evaluations, cancellation and refused entries. A write re-reads
 * the plan's version inside its BEGIN IMMEDIATE transaction, so a decision taken on
 * what the caller read is never applied to a plan someone else has moved meanwhile.
 * Reading plans back is inspection_store_read.c's. */
#include "store/inspection_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* inside a transaction: the plan must still be at version (its date into *date):
 * 0, INSPECTION_STORE_STALE when it moved on, -1 on error */
static int check_version(db *d, int64_t id, int version, qdate *date, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT version, date FROM inspection WHERE id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	if (rc == SQLITE_ROW && date)
		*date = rows_col_date(st, 1);
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, err, "reading an inspection");
		return -1;
	}
	if (found < 0) {
		store_err_num(store_err_set(err, STORE_E_NO_INSPECTION), 0, id);
		return -1;
	}
	if (found != version) {
		store_err_num(store_err_set(err, STORE_E_INSPECTION_CHANGED), 0, id);
		return INSPECTION_STORE_STALE;
	}
	return 0;
}

/* BEGIN IMMEDIATE and check_version: 0 inside the transaction, or, rolled back,
 * INSPECTION_STORE_STALE or -1 */
static int begin_at(db *d, int64_t id, int version, qdate *date, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	int stale = check_version(d, id, version, date, err);
	if (stale)
		db_rollback(d);
	return stale;
}

int inspection_store_insert(db *d, const char *actor, const inspection_new *p, int64_t *id,
		store_err *err)
{
	char date[11], reg[11], now[20];
	date_format(p->date, date);
	date_format(p->registered_on, reg);
	db_now(d, now);
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO inspection (unit, date, reason, legal_basis, items, inspectors,"
		" registered_on, registered_by, refused_rules, override_reason, override_by, created_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", err);
	if (!st)
		return -1;
	bool overridden = p->override_reason != NULL;
	db_bind_text(st, 1, p->unit);
	db_bind_text(st, 2, date);
	db_bind_text(st, 3, p->reason);
	db_bind_text(st, 4, p->legal_basis);
	db_bind_text(st, 5, p->items);
	db_bind_text(st, 6, p->inspectors);
	db_bind_text(st, 7, reg);
	db_bind_text(st, 8, actor);
	db_bind_text(st, 9, overridden ? p->refused_rules : "");
	db_bind_text(st, 10, overridden ? p->override_reason : NULL);
	db_bind_text(st, 11, overridden ? actor : NULL);
	db_bind_text(st, 12, now);
	if (rows_step_one(d, st, "registering an inspection", err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db_handle(d));

	strbuf sum = STRBUF_INIT;
	int rc = 0;
	sb_addf(&sum, "unit=%s date=%s reason=%s registered_on=%s enterprises=", p->unit, date,
		p->reason, reg);
	for (int i = 0; rc == 0 && i < p->nents; i++) {
		st = db_stmt(d, "INSERT INTO inspection_enterprise (inspection_id, enterprise_id)"
				" VALUES (?, ?)", err);
		if (!st) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, p->enterprise_ids[i]);
		rc = rows_step_one(d, st, "registering an inspection's enterprises", err);
		sb_addf(&sum, "%s%lld", i ? "," : "", (long long)p->enterprise_ids[i]);
	}
	if (rc == 0)
		rc = db_event(d, actor, "inspection", *id, "register", sb_str(&sum), NULL, err);
	sb_free(&sum);
	if (rc == 0 && overridden) {
		char *why = xasprintf("refused=%s", p->refused_rules);
		rc = db_event(d, actor, "inspection", *id, "override", why, p->override_reason, err);
		free(why);
	}
	return rc < 0 ? -1 : 0;
}

int inspection_store_register(db *d, const char *actor, const inspection_new *p, int64_t *id,
		store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	if (inspection_store_insert(d, actor, p, id, err) < 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d, err);
}

int inspection_store_approve(db *d, const char *actor, int64_t id, int version,
		       char code[INSPECTION_CODE_LEN + 1], store_err *err)
{
	qdate today = db_today(d);
	char on[11];
	date_format(today, on);
	int year, m, day;
	date_to_ymd(today, &year, &m, &day);
	int stale = begin_at(d, id, version, NULL, err);
	if (stale)
		return stale;
	/* the sequence is per year of approval; BEGIN IMMEDIATE makes max + 1 safe */
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(max(seq), 0) + 1 FROM inspection"
				      " WHERE code_year = ?", err);
	if (!st)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	long seq = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	db_done(st);
	if (seq < 1) {
		db_fail(d, err, "numbering an inspection plan");
		goto fail;
	}
	if (inspection_code_make(year, seq, code) < 0) {
		store_err_num(store_err_set(err, STORE_E_PLAN_CODES_USED), 0, year);
		goto fail;
	}
	st = db_stmt(d, "UPDATE inspection SET state = 'approved', code_year = ?, seq = ?, code = ?,"
			" approved_by = ?, approved_on = ?, version = version + 1"
			" WHERE id = ? AND version = ? AND state = 'registered'", err);
	if (!st)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, seq);
	db_bind_text(st, 3, code);
	db_bind_text(st, 4, actor);
	db_bind_text(st, 5, on);
	sqlite3_bind_int64(st, 6, id);
	sqlite3_bind_int(st, 7, version);
	if (rows_step_one(d, st, "approving an inspection", err) < 0)
		goto fail;
	return rows_commit_event(d, actor, "inspection", id, "approve", xasprintf("code=%s", code),
	                         NULL, err);
fail:
	db_rollback(d);
	return -1;
}

/* the enterprise's last violation of item on or before date, other than plan id's */
static int last_violation(db *d, int64_t enterprise_id, const char *item, qdate date, int64_t id,
			  inspection_done_result *res, store_err *err)
{
	char on[11];
	date_format(date, on);
	sqlite3_stmt *st = db_stmt(d, "SELECT date, inspection_id FROM inspection_violation"
				      " WHERE enterprise_id = ? AND item = ? AND date <= ?"
				      " AND inspection_id <> ? ORDER BY date DESC, id DESC LIMIT 1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, enterprise_id);
	db_bind_text(st, 2, item);
	db_bind_text(st, 3, on);
	sqlite3_bind_int64(st, 4, id);
	int rc = sqlite3_step(st);
	res->last_violation = DATE_NONE;
	res->last_inspection = 0;
	if (rc == SQLITE_ROW) {
		res->last_violation = rows_col_date(st, 0);
		res->last_inspection = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, err, "reading earlier violations");
		return -1;
	}
	return 0;
}

int inspection_store_done(db *d, const char *actor, int64_t id, int version, const inspection_done_args *a,
		    inspection_done_result *res, store_err *err)
{
	bool violation = inspection_plan_outcome_is_violation(a->outcome);
	qdate date = DATE_NONE;
	res->fv = INSPECTION_FV_NOT_VIOLATION;
	res->last_violation = DATE_NONE;
	res->last_inspection = 0;
	int stale = begin_at(d, id, version, &date, err);
	if (stale)
		return stale;
	bool first = false;
	if (violation) {
		/* read and written in one transaction: two outcomes recorded at once cannot
		 * both be the first */
		if (last_violation(d, a->enterprise_id, a->item, date, id, res, err) < 0)
			goto fail;
		first = inspection_first_violation(date, res->last_violation, a->first_violation_years);
	}
	res->fv = inspection_plan_first_violation(a->outcome, first);
	if (res->fv == INSPECTION_FV_NOT_FIRST) {
		db_rollback(d);
		return 1;
	}
	sqlite3_stmt *st = db_stmt(d, "UPDATE inspection SET state = 'done', findings = ?, outcome = ?,"
				      " violation_enterprise_id = ?, violation_item = ?, first_violation = ?,"
				      " version = version + 1 WHERE id = ? AND version = ? AND state = 'approved'",
				   err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, a->findings);
	db_bind_text(st, 2, inspection_plan_outcome_code(a->outcome));
	if (violation)
		sqlite3_bind_int64(st, 3, a->enterprise_id);
	db_bind_text(st, 4, violation ? a->item : NULL);
	sqlite3_bind_int(st, 5, first);
	sqlite3_bind_int64(st, 6, id);
	sqlite3_bind_int(st, 7, version);
	if (rows_step_one(d, st, "recording an inspection's outcome", err) < 0)
		goto fail;
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "outcome=%s", inspection_plan_outcome_code(a->outcome));
	if (violation) {
		char on[11];
		st = db_stmt(d, "INSERT INTO inspection_violation (enterprise_id, item, date, inspection_id)"
				" VALUES (?, ?, ?, ?)", err);
		if (!st) {
			sb_free(&sum);
			goto fail;
		}
		sqlite3_bind_int64(st, 1, a->enterprise_id);
		db_bind_text(st, 2, a->item);
		db_bind_text(st, 3, date_format(date, on));
		sqlite3_bind_int64(st, 4, id);
		if (rows_step_one(d, st, "recording a violation", err) < 0) {
			sb_free(&sum);
			goto fail;
		}
		sb_addf(&sum, " enterprise=%lld item=%s first_violation=%d", (long long)a->enterprise_id,
			a->item, first);
	}
	return rows_commit_event(d, actor, "inspection", id, "done", sb_steal(&sum), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

int inspection_store_evaluate(db *d, const char *actor, int64_t id, int version, int64_t enterprise_id,
			int score, const char *comment, store_err *err)
{
	char now[20];
	db_now(d, now);
	int stale = begin_at(d, id, version, NULL, err);
	if (stale)
		return stale;
	sqlite3_stmt *st = db_stmt(d, "SELECT 1 FROM inspection_evaluation"
				      " WHERE inspection_id = ? AND enterprise_id = ?", err);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, enterprise_id);
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc == SQLITE_ROW) {
		db_rollback(d);
		return 1;
	}
	st = db_stmt(d, "INSERT INTO inspection_evaluation (inspection_id, enterprise_id, score,"
			" comment, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, enterprise_id);
	sqlite3_bind_int(st, 3, score);
	db_bind_text(st, 4, comment ? comment : "");
	db_bind_text(st, 5, actor);
	db_bind_text(st, 6, now);
	if (rows_step_one(d, st, "recording an evaluation", err) < 0)
		goto fail;
	st = db_stmt(d, "UPDATE inspection SET state = 'evaluated', version = version + 1"
			" WHERE id = ? AND version = ? AND state IN ('done', 'evaluated')", err);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	if (rows_step_one(d, st, "recording an evaluation", err) < 0)
		goto fail;
	/* the score stays out of the event log, which the inspected unit may one day read */
	return rows_commit_event(d, actor, "inspection", id, "evaluate",
	                         xasprintf("enterprise=%lld", (long long)enterprise_id), NULL, err);
fail:
	db_rollback(d);
	return -1;
}

int inspection_store_cancel(db *d, const char *actor, int64_t id, int version, const char *reason,
		      store_err *err)
{
	int stale = begin_at(d, id, version, NULL, err);
	if (stale)
		return stale;
	sqlite3_stmt *st = db_stmt(d, "UPDATE inspection SET state = 'cancelled', cancel_reason = ?,"
				      " version = version + 1 WHERE id = ? AND version = ?"
				      " AND state IN ('registered', 'approved')", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, reason);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int(st, 3, version);
	if (rows_step_one(d, st, "cancelling an inspection", err) < 0)
		goto fail;
	return rows_commit_event(d, actor, "inspection", id, "cancel", NULL, reason, err);
fail:
	db_rollback(d);
	return -1;
}

int inspection_store_refusal_add(db *d, const char *actor, const inspection_refusal *r, int64_t *id,
			   store_err *err)
{
	char date[11], now[20];
	date_format(r->date, date);
	db_now(d, now);
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO inspection_refusal (unit, enterprise_id, date, people,"
				      " note, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_bind_text(st, 1, r->unit);
	sqlite3_bind_int64(st, 2, r->enterprise_id);
	db_bind_text(st, 3, date);
	db_bind_text(st, 4, r->people);
	db_bind_text(st, 5, r->note ? r->note : "");
	db_bind_text(st, 6, actor);
	db_bind_text(st, 7, now);
	if (rows_step_one(d, st, "recording a refused entry", err) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	return rows_commit_event(d, actor, "inspection_refusal", *id, "refuse",
	                         xasprintf("unit=%s enterprise=%lld date=%s people=%s", r->unit,
	                                   (long long)r->enterprise_id, date, r->people),
	                         r->note, err);
fail:
	db_rollback(d);
	return -1;
}
