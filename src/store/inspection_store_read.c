/* Inspection plans read: one plan with its enterprises and evaluations, the filtered
 * list a window at a time, the Calendar pane's month and day, the frequency and joint
 * checks of registration, and the report's per-unit summary and refused entries. Reads
 * collect their rows and reset the statement before loading a plan's children. */
#include "store/inspection_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* the open ends of a date range, as text that sorts before and after every date */
static const char open_from[] = "0000-01-01", open_to[] = "9999-12-31";

static void date_text(qdate d, char buf[11], const char *open)
{
	if (d == DATE_NONE)
		memcpy(buf, open, 11);
	else
		date_format(d, buf);
}

#define INSPECTION_COLS "i.id, i.version, i.code, i.unit, i.date, i.reason, i.legal_basis, i.items," \
	" i.inspectors, i.state, i.registered_on, i.registered_by, i.approved_by, i.approved_on," \
	" i.refused_rules, i.override_reason, i.override_by, i.findings, i.outcome," \
	" i.violation_enterprise_id, i.violation_item, i.first_violation, i.cancel_reason"

static void record_from_row(sqlite3_stmt *st, void *rec)
{
	inspection_record *r = rec;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->version = sqlite3_column_int(st, 1);
	r->code = rows_col_opt(st, 2);
	r->unit = xstrdup(db_col_text(st, 3));
	r->date = rows_col_date(st, 4);
	r->reason = xstrdup(db_col_text(st, 5));
	r->legal_basis = xstrdup(db_col_text(st, 6));
	r->items = xstrdup(db_col_text(st, 7));
	r->inspectors = xstrdup(db_col_text(st, 8));
	if (!inspection_plan_state_parse(db_col_text(st, 9), &r->state))
		r->state = INSPECTION_REGISTERED;
	r->registered_on = rows_col_date(st, 10);
	r->registered_by = xstrdup(db_col_text(st, 11));
	r->approved_by = rows_col_opt(st, 12);
	r->approved_on = rows_col_date(st, 13);
	r->refused_rules = xstrdup(db_col_text(st, 14));
	r->override_reason = rows_col_opt(st, 15);
	r->override_by = rows_col_opt(st, 16);
	r->findings = xstrdup(db_col_text(st, 17));
	r->has_outcome = sqlite3_column_type(st, 18) != SQLITE_NULL &&
			 inspection_plan_outcome_parse(db_col_text(st, 18), &r->outcome);
	r->violation_enterprise_id = sqlite3_column_int64(st, 19);
	r->violation_item = rows_col_opt(st, 20);
	r->first_violation = sqlite3_column_int(st, 21) != 0;
	r->cancel_reason = rows_col_opt(st, 22);
}

static void ent_row(sqlite3_stmt *st, void *rec)
{
	inspection_ent *e = rec;
	e->id = sqlite3_column_int64(st, 0);
	e->uscc = xstrdup(db_col_text(st, 1));
	e->name = xstrdup(db_col_text(st, 2));
	e->area = xstrdup(db_col_text(st, 3));
}

static void eval_row(sqlite3_stmt *st, void *rec)
{
	inspection_eval *v = rec;
	v->enterprise_id = sqlite3_column_int64(st, 0);
	v->name = xstrdup(db_col_text(st, 1));
	v->score = sqlite3_column_int(st, 2);
	v->comment = xstrdup(db_col_text(st, 3));
	v->recorded_by = xstrdup(db_col_text(st, 4));
	v->at = xstrdup(db_col_text(st, 5));
}

/* the enterprises and evaluations of r, read after the plan's statement is done */
static int load_children(db *d, inspection_record *r, store_err *err)
{
	if (rows_children(d, "SELECT e.id, e.uscc, e.name, e.area FROM inspection_enterprise ie"
	                  " JOIN enterprise e ON e.id = ie.enterprise_id"
	                  " WHERE ie.inspection_id = ? ORDER BY e.sort_key, e.id", r->id,
	                  &r->ents, &r->nents, sizeof *r->ents, ent_row,
	                  "reading an inspection's enterprises", err) < 0)
		return -1;
	return rows_children(d, "SELECT v.enterprise_id, e.name, v.score, v.comment, v.recorded_by,"
	                     " v.at FROM inspection_evaluation v JOIN enterprise e"
	                     " ON e.id = v.enterprise_id WHERE v.inspection_id = ? ORDER BY v.at, e.id",
	                     r->id, &r->evals, &r->nevals, sizeof *r->evals, eval_row,
	                     "reading an inspection's evaluations", err);
}

void inspection_record_clear(inspection_record *r)
{
	free(r->code);
	free(r->unit);
	free(r->reason);
	free(r->legal_basis);
	free(r->items);
	free(r->inspectors);
	free(r->registered_by);
	free(r->approved_by);
	free(r->refused_rules);
	free(r->override_reason);
	free(r->override_by);
	free(r->findings);
	free(r->violation_item);
	free(r->cancel_reason);
	for (int i = 0; i < r->nents; i++) {
		free(r->ents[i].uscc);
		free(r->ents[i].name);
		free(r->ents[i].area);
	}
	free(r->ents);
	for (int i = 0; i < r->nevals; i++) {
		free(r->evals[i].name);
		free(r->evals[i].comment);
		free(r->evals[i].recorded_by);
		free(r->evals[i].at);
	}
	free(r->evals);
	memset(r, 0, sizeof *r);
}

int inspection_store_get(db *d, int64_t id, const char *code, inspection_record *r, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT " INSPECTION_COLS " FROM inspection i"
				      " WHERE i.id = ? OR i.code = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, code ? -1 : id);
	db_bind_text(st, 2, code ? code : "");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		record_from_row(st, r);
	db_done(st);
	if (rc == SQLITE_DONE)
		return 1;
	if (rc != SQLITE_ROW) {
		db_fail(d, err, "reading an inspection");
		return -1;
	}
	if (load_children(d, r, err) < 0) {
		inspection_record_clear(r);
		return -1;
	}
	return 0;
}

/* ---- filtered lists --------------------------------------------------------- */

/* a filter as one WHERE clause shared by the count and the window */
static void where_build(rows_where *w, const inspection_filter *f)
{
	char day[11];
	rows_where_init(w);
	if (f->unit)
		rows_where_text(w, "i.unit = ?", f->unit);
	if (f->enterprise_id)
		rows_where_int(w, "i.id IN (SELECT inspection_id FROM inspection_enterprise"
		               " WHERE enterprise_id = ?)", f->enterprise_id);
	if (f->by_state)
		rows_where_text(w, "i.state = ?", inspection_plan_state_code(f->state));
	if (f->skip_cancelled)
		rows_where_plain(w, "i.state <> 'cancelled'");
	if (f->overridden_only)
		rows_where_plain(w, "i.override_reason IS NOT NULL");
	if (f->from != DATE_NONE)
		rows_where_text(w, "i.date >= ?", date_format(f->from, day));
	if (f->to != DATE_NONE)
		rows_where_text(w, "i.date <= ?", date_format(f->to, day));
	if (f->scope_units) {
		/* one value, the units between newlines: a list of any length in one bind */
		strbuf units = STRBUF_INIT;
		sb_add(&units, "\n");
		for (size_t i = 0; i < f->nscope_units; i++)
			sb_addf(&units, "%s\n", f->scope_units[i]);
		rows_where_text(w, "instr(?, char(10) || i.unit || char(10)) > 0", sb_str(&units));
		sb_free(&units);
	}
	if (f->scope_area)
		rows_where_text(w, "i.id IN (SELECT ie.inspection_id FROM inspection_enterprise ie"
		                " JOIN enterprise e ON e.id = ie.enterprise_id WHERE e.area = ?)",
		                f->scope_area);
}

int inspection_store_count(db *d, const inspection_filter *f, long *n, store_err *err)
{
	rows_where w;
	where_build(&w, f);
	char *sql = xasprintf("SELECT count(*) FROM inspection i%s", sb_str(&w.sql));
	sqlite3_stmt *st = db_stmt(d, sql, err);
	int rc = -1;
	if (st) {
		rows_where_bind(&w, st);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*n = (long)sqlite3_column_int64(st, 0);
			rc = 0;
		} else {
			db_fail(d, err, "counting inspections");
		}
		db_done(st);
	}
	free(sql);
	rows_where_free(&w);
	return rc;
}

int inspection_store_window(db *d, const inspection_filter *f, long offset, int limit, inspection_record *out,
		      int *n, store_err *err)
{
	rows_where w;
	where_build(&w, f);
	int rc = rows_list(d, INSPECTION_COLS " FROM inspection i", &w, "i.date, i.id", offset, limit, out,
	                   sizeof *out, record_from_row, n, "listing inspections", err);
	rows_where_free(&w);
	for (int i = 0; rc == 0 && i < *n; i++)
		rc = load_children(d, &out[i], err);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			inspection_record_clear(&out[i]);
		*n = 0;
	}
	return rc;
}

int inspection_store_window_from(db *d, const inspection_filter *f, const inspection_record *from,
                                 bool back, int limit, inspection_record *out, int *n, store_err *err)
{
	rows_where w;
	where_build(&w, f);
	if (from) {
		char day[11];
		rows_where_text(&w, back ? "i.date <= ?" : "i.date >= ?", date_format(from->date, day));
		/* ?N is the date just bound (the w.n-th value); the plain ? after it is N + 1 */
		char *cond = xasprintf(back ? "(i.date < ?%d OR i.id < ?)" : "(i.date > ?%d OR i.id > ?)", w.n);
		rows_where_int(&w, cond, from->id);
		free(cond);
	}
	int rc = rows_list(d, INSPECTION_COLS " FROM inspection i", &w,
	                   back ? "i.date DESC, i.id DESC" : "i.date, i.id", 0, limit, out, sizeof *out,
	                   record_from_row, n, "listing inspections", err);
	rows_where_free(&w);
	for (int i = 0; back && rc == 0 && i < *n / 2; i++) {
		inspection_record t = out[i];
		out[i] = out[*n - 1 - i];
		out[*n - 1 - i] = t;
	}
	for (int i = 0; rc == 0 && i < *n; i++)
		rc = load_children(d, &out[i], err);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			inspection_record_clear(&out[i]);
		*n = 0;
	}
	return rc;
}

/* every plan the filter matches, into an allocated array */
static int window_all(db *d, const inspection_filter *f, inspection_record **out, int *n,
		store_err *err)
{
	long count;
	*out = NULL;
	*n = 0;
	if (inspection_store_count(d, f, &count, err) < 0)
		return -1;
	if (count == 0)
		return 0;
	*out = xcalloc((size_t)count, sizeof **out);
	if (inspection_store_window(d, f, 0, (int)count, *out, n, err) < 0) {
		xfree(out);
		return -1;
	}
	return 0;
}

static void count_row(sqlite3_stmt *st, void *arg)
{
	int *counts = arg;
	int y, m, day;
	qdate dt = rows_col_date(st, 0);
	if (dt == DATE_NONE)
		return;
	date_to_ymd(dt, &y, &m, &day);
	counts[day - 1] = sqlite3_column_int(st, 1);
}

int inspection_store_month_counts(db *d, int year, int month, const inspection_filter *scope,
                                  int counts[31], store_err *err)
{
	memset(counts, 0, sizeof(int) * 31);
	inspection_filter f = { .skip_cancelled = true,
		.from = date_from_ymd(year, month, 1),
		.to = date_from_ymd(year, month, date_days_in_month(year, month)) };
	if (scope) {
		f.scope_units = scope->scope_units;
		f.nscope_units = scope->nscope_units;
		f.scope_area = scope->scope_area;
	}
	rows_where w;
	where_build(&w, &f);
	char *sql = xasprintf("SELECT i.date, count(*) FROM inspection i%s GROUP BY i.date",
	                      sb_str(&w.sql));
	sqlite3_stmt *st = db_stmt(d, sql, err);
	int rc = -1;
	if (st) {
		rows_where_bind(&w, st);
		rc = rows_each(d, st, count_row, counts, "counting inspections", err);
	}
	free(sql);
	rows_where_free(&w);
	return rc;
}

int inspection_store_day(db *d, qdate day, const inspection_filter *scope,
                         inspection_record **out, int *n, store_err *err)
{
	inspection_filter f = { .skip_cancelled = true, .from = day, .to = day };
	if (scope) {
		f.scope_units = scope->scope_units;
		f.nscope_units = scope->nscope_units;
		f.scope_area = scope->scope_area;
	}
	return window_all(d, &f, out, n, err);
}

int inspection_store_frequency(db *d, int64_t enterprise_id, qdate date, int days, int *n,
			 store_err *err)
{
	inspection_filter f = { .enterprise_id = enterprise_id, .skip_cancelled = true,
			  .from = date - (days > 0 ? days : 1) + 1, .to = date };
	long count;
	if (inspection_store_count(d, &f, &count, err) < 0)
		return -1;
	*n = (int)count;
	return 0;
}

int inspection_store_joint(db *d, int64_t enterprise_id, const char *unit, qdate date,
		     inspection_record **out, int *n, store_err *err)
{
	/* a week either side holds every day of date's week; the rule picks them */
	inspection_filter f = { .enterprise_id = enterprise_id, .skip_cancelled = true,
			  .from = date - 6, .to = date + 6 };
	inspection_record *all;
	int nall;
	if (window_all(d, &f, &all, &nall, err) < 0)
		return -1;
	*out = nall ? xcalloc((size_t)nall, sizeof **out) : NULL;
	*n = 0;
	for (int i = 0; i < nall; i++) {
		if (strcmp(all[i].unit, unit) != 0 && inspection_same_week(all[i].date, date))
			(*out)[(*n)++] = all[i];
		else
			inspection_record_clear(&all[i]);
	}
	free(all);
	if (*n == 0)
		xfree(out);
	return 0;
}

/* the rows of sql, whose ?1 and ?2 are the dates of a range (open ends included), into
 * the allocated array *out (a T ** as void *) of *n records of size bytes; on error
 * nothing is left to free */
static int range_rows(db *d, const char *sql, qdate from, qdate to, void *out, int *n,
                      size_t size, rows_fill_fn *row, void (*clear)(void *rec),
                      const char *what, store_err *err)
{
	char **v = out;
	char f[11], t[11];
	date_text(from, f, open_from);
	date_text(to, t, open_to);
	*v = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, f);
	db_bind_text(st, 2, t);
	if (rows_append(d, st, out, n, size, row, what, err) == 0)
		return 0;
	for (int i = 0; i < *n; i++)
		clear(*v + size * (size_t)i);
	xfree(out);
	*n = 0;
	return -1;
}

static void summary_row(sqlite3_stmt *st, void *rec)
{
	inspection_unit_summary *s = rec;
	s->unit = xstrdup(db_col_text(st, 0));
	s->plans = sqlite3_column_int(st, 1);
	s->cancelled = sqlite3_column_int(st, 2);
	s->overrides = sqlite3_column_int(st, 3);
	s->refusals = sqlite3_column_int(st, 4);
}

static void summary_clear(void *rec)
{
	inspection_unit_summary_clear(rec);
}

int inspection_store_unit_summary(db *d, qdate from, qdate to, inspection_unit_summary **out, int *n,
			    store_err *err)
{
	return range_rows(d,
		"SELECT unit, sum(plans), sum(cancelled), sum(overrides), sum(refusals) FROM ("
		"  SELECT unit, state <> 'cancelled' AS plans, state = 'cancelled' AS cancelled,"
		"    override_reason IS NOT NULL AS overrides, 0 AS refusals"
		"    FROM inspection WHERE date >= ?1 AND date <= ?2"
		"  UNION ALL"
		"  SELECT unit, 0, 0, 0, 1 FROM inspection_refusal WHERE date >= ?1 AND date <= ?2"
		") GROUP BY unit ORDER BY unit", from, to, out, n, sizeof **out, summary_row,
		summary_clear, "summing inspections per unit", err);
}

void inspection_unit_summary_clear(inspection_unit_summary *s)
{
	free(s->unit);
	memset(s, 0, sizeof *s);
}

static void refusal_row(sqlite3_stmt *st, void *rec)
{
	inspection_refusal *r = rec;
	r->id = sqlite3_column_int64(st, 0);
	r->unit = xstrdup(db_col_text(st, 1));
	r->enterprise_id = sqlite3_column_int64(st, 2);
	r->uscc = xstrdup(db_col_text(st, 3));
	r->name = xstrdup(db_col_text(st, 4));
	r->date = rows_col_date(st, 5);
	r->people = xstrdup(db_col_text(st, 6));
	r->note = xstrdup(db_col_text(st, 7));
	r->recorded_by = xstrdup(db_col_text(st, 8));
}

static void refusal_clear(void *rec)
{
	inspection_refusal_clear(rec);
}

int inspection_store_refusals(db *d, qdate from, qdate to, inspection_refusal **out, int *n,
		store_err *err)
{
	return range_rows(d, "SELECT r.id, r.unit, r.enterprise_id, e.uscc, e.name, r.date,"
	                  " r.people, r.note, r.recorded_by FROM inspection_refusal r"
	                  " JOIN enterprise e ON e.id = r.enterprise_id"
	                  " WHERE r.date >= ? AND r.date <= ? ORDER BY r.unit, r.date, r.id",
	                  from, to, out, n, sizeof **out, refusal_row, refusal_clear,
	                  "reading refused entries", err);
}

void inspection_refusal_clear(inspection_refusal *r)
{
	free(r->unit);
	free(r->uscc);
	free(r->name);
	free(r->people);
	free(r->note);
	free(r->recorded_by);
	memset(r, 0, sizeof *r);
}
