/* The charts' grouped counts; see chart_store.h. Both read the index on
 * appeal_assignment(dispatched_on, unit) and return a row per unit and bucket that
 * has an assignment, so a report of a year is at most units x 53 rows. */
#include "store/chart_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdlib.h>

#include "core/xalloc.h"

static void count_row(sqlite3_stmt *st, void *rec)
{
	chart_count *c = rec;
	c->unit = rows_col_dup(st, 0);
	c->bucket = sqlite3_column_int(st, 1);
	c->n = sqlite3_column_int(st, 2);
	c->part = sqlite3_column_int(st, 3);
}

static int run(db *d, const char *sql, qdate from, qdate to, qdate monday, chart_count **rows,
		int *n, const char *what, store_err *err)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	rows_bind_date(st, 1, from);
	rows_bind_date(st, 2, to);
	if (monday != DATE_NONE)
		rows_bind_date(st, 3, monday);
	if (rows_append(d, st, rows, n, sizeof **rows, count_row, what, err) < 0) {
		chart_counts_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

int chart_store_weekly(db *d, qdate from, qdate to, qdate monday, chart_count **rows, int *n,
		store_err *err)
{
	return run(d,
		"SELECT unit, CAST(julianday(dispatched_on) - julianday(?3) AS INTEGER) / 7 AS w,"
		" count(*), 0 FROM appeal_assignment WHERE dispatched_on BETWEEN ?1 AND ?2"
		" GROUP BY unit, w ORDER BY unit, w",
		from, to, monday, rows, n, "counting the appeals received per unit and week", err);
}

int chart_store_monthly(db *d, qdate from, qdate to, chart_count **rows, int *n,
		store_err *err)
{
	return run(d,
		"SELECT unit, CAST(substr(dispatched_on, 1, 4) AS INTEGER) * 12"
		" + CAST(substr(dispatched_on, 6, 2) AS INTEGER) - 1 AS m,"
		" count(answered_on),"
		" coalesce(sum(answered_on IS NOT NULL AND answer_due IS NOT NULL"
		"              AND answered_on <= answer_due), 0)"
		" FROM appeal_assignment WHERE dispatched_on BETWEEN ?1 AND ?2"
		" GROUP BY unit, m ORDER BY unit, m",
		from, to, DATE_NONE, rows, n, "counting the appeals answered on time per unit and month",
		err);
}

void chart_counts_free(chart_count **rows, int n)
{
	for (int i = 0; *rows && i < n; i++)
		free((*rows)[i].unit);
	xfree(rows);
}
