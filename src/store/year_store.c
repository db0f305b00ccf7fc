/* Year freezes and their rows; see year_store.h. */
#include "store/year_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

int year_store_frozen(db *d, int year, year_freeze_info *info, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT rule, tier1_min, tier2_min, frozen_by, frozen_at"
	                              " FROM year_freeze WHERE year = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && info) {
		memset(info, 0, sizeof *info);
		annual_rule_parse(db_col_text(st, 0), &info->rule);
		info->tiers.tier1_min = sqlite3_column_int(st, 1);
		info->tiers.tier2_min = sqlite3_column_int(st, 2);
		info->frozen_by = xstrdup(db_col_text(st, 3));
		info->frozen_at = xstrdup(db_col_text(st, 4));
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, err, "reading year freezes");
		return -1;
	}
	return rc == SQLITE_ROW;
}

void year_freeze_info_clear(year_freeze_info *info)
{
	free(info->frozen_by);
	free(info->frozen_at);
	memset(info, 0, sizeof *info);
}

static int insert_row(db *d, int year, int pos, const annual_row *r, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO year_result (year, pos, unit, q1_count, q1_sum, q2_count, q2_sum,"
		" q3_count, q3_sum, q4_count, q4_sum, count, mean10, tier, received, signed_on_time,"
		" returned, answered, answered_on_time, callbacks, satisfied, supervised, accountable)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	const annual_unit *u = &r->score;
	int c = 1;
	sqlite3_bind_int(st, c++, year);
	sqlite3_bind_int(st, c++, pos);
	db_bind_text(st, c++, u->unit);
	for (int q = 0; q < 4; q++) {
		sqlite3_bind_int(st, c++, u->q[q].count);
		sqlite3_bind_int64(st, c++, u->q[q].sum);
	}
	sqlite3_bind_int(st, c++, u->count);
	sqlite3_bind_int(st, c++, u->mean10);
	sqlite3_bind_int(st, c++, u->tier);
	const supervision_counts *s = &r->sup;
	const int counts[] = { s->received, s->signed_on_time, s->returned, s->answered,
		s->answered_on_time, s->callbacks, s->satisfied, r->supervised, r->accountable };
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		sqlite3_bind_int(st, c++, counts[i]);
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_DONE) {
		db_fail(d, err, "keeping a frozen year's row");
		return -1;
	}
	return 0;
}

int year_store_freeze(db *d, const char *actor, int year, annual_rule rule,
                      const assessment_tiers *t, const annual_row *rows, int n,
                      store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	char now[20];
	db_now(d, now);
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO year_freeze (year, rule, tier1_min, tier2_min,"
	                              " frozen_by, frozen_at) VALUES (?, ?, ?, ?, ?, ?)", err);
	if (!st)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	db_bind_text(st, 2, annual_rule_code(rule));
	sqlite3_bind_int(st, 3, t->tier1_min);
	sqlite3_bind_int(st, 4, t->tier2_min);
	db_bind_text(st, 5, actor);
	db_bind_text(st, 6, now);
	int rc = rows_step_unique(d, st, "freezing a year", err);
	if (rc == 1)
		store_err_num(store_err_set(err, STORE_E_YEAR_ALREADY_FROZEN), 0, year);
	if (rc != 0)
		goto fail;
	for (int i = 0; i < n; i++)
		if (insert_row(d, year, i, &rows[i], err) < 0)
			goto fail;
	char *sum = xasprintf("%d rule=%s tier1_min=%d tier2_min=%d units=%d", year,
	                      annual_rule_code(rule), t->tier1_min, t->tier2_min, n);
	rc = db_event(d, actor, "year", year, "freeze", sum, NULL, err);
	free(sum);
	if (rc < 0)
		goto fail;
	return db_commit(d, err);
fail:
	db_rollback(d);
	return -1;
}

int year_store_rows(db *d, int year, const assessment_tiers *t, annual_row **rows, int *n,
                    store_err *err)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(d,
		"SELECT unit, q1_count, q1_sum, q2_count, q2_sum, q3_count, q3_sum, q4_count,"
		" q4_sum, count, mean10, tier, received, signed_on_time, returned, answered,"
		" answered_on_time, callbacks, satisfied, supervised, accountable FROM year_result"
		" WHERE year = ?"
		" ORDER BY pos", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rows = xrealloc(*rows, sizeof **rows * (size_t)(*n + 1));
		annual_row *r = &(*rows)[(*n)++];
		memset(r, 0, sizeof *r);
		char *unit = xstrdup(db_col_text(st, 0));
		annual_unit *u = &r->score;
		u->unit = unit;
		for (int q = 0; q < 4; q++) {
			assessment_unit_stats(unit, sqlite3_column_int64(st, 2 + 2 * q),
			                      sqlite3_column_int(st, 1 + 2 * q), t, &u->q[q]);
			u->quarters += u->q[q].count > 0;
		}
		u->count = sqlite3_column_int(st, 9);
		u->mean10 = sqlite3_column_int(st, 10);
		u->tier = sqlite3_column_int(st, 11);
		supervision_counts *s = &r->sup;
		s->unit = unit;
		s->received = sqlite3_column_int(st, 12);
		s->signed_on_time = sqlite3_column_int(st, 13);
		s->returned = sqlite3_column_int(st, 14);
		s->answered = sqlite3_column_int(st, 15);
		s->answered_on_time = sqlite3_column_int(st, 16);
		s->callbacks = sqlite3_column_int(st, 17);
		s->satisfied = sqlite3_column_int(st, 18);
		r->supervised = sqlite3_column_int(st, 19);
		r->accountable = sqlite3_column_int(st, 20);
	}
	db_done(st);
	if (rc != SQLITE_DONE) {
		db_fail(d, err, "reading a frozen year");
		year_store_rows_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void year_store_rows_free(annual_row **rows, int n)
{
	for (int i = 0; i < n && *rows; i++)
		free((char *)(*rows)[i].score.unit);
	xfree(rows);
}
