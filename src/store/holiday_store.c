/* holiday_notice and holiday_day rows (migration 7). */
#include "store/holiday_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static holiday_year *year_slot(holiday_year **ys, int *n, int year)
{
	if (*n > 0 && (*ys)[*n - 1].year == year)
		return &(*ys)[*n - 1];
	*ys = xrealloc(*ys, (size_t)(*n + 1) * sizeof **ys);
	holiday_year *hy = &(*ys)[(*n)++];
	memset(hy, 0, sizeof *hy);
	hy->year = year;
	return hy;
}

int holiday_store_load(db *d, holiday_year **out, int *n, store_err *err)
{
	*out = NULL;
	*n = 0;
	/* a notice may name no day at all; the left join keeps it */
	sqlite3_stmt *st = db_stmt(d,
		"SELECT n.year, n.notice, h.day, h.kind, h.name FROM holiday_notice n"
		" LEFT JOIN holiday_day h ON h.year = n.year ORDER BY n.year, h.day", err);
	if (!st)
		return -1;
	holiday_year *ys = NULL;
	int ny = 0, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		holiday_year *hy = year_slot(&ys, &ny, sqlite3_column_int(st, 0));
		const char *notice = db_col_text(st, 1);
		if (!hy->notice && notice[0])
			hy->notice = xstrdup(notice);
		qdate day = rows_col_date(st, 2);
		if (day == DATE_NONE)
			continue;
		hy->days = xrealloc(hy->days, (size_t)(hy->n + 1) * sizeof *hy->days);
		hy->days[hy->n++] = (holiday_entry){ day,
			strcmp(db_col_text(st, 3), "workday") == 0 ? DAY_MAKEUP_WORKDAY : DAY_HOLIDAY,
			xstrdup(db_col_text(st, 4)) };
	}
	if (step != SQLITE_DONE)
		db_fail(d, err, "reading the holiday notices");
	db_done(st);
	if (step != SQLITE_DONE) {
		holiday_years_free(ys, ny);
		return -1;
	}
	*out = ys;
	*n = ny;
	return 0;
}

int holiday_store_info(db *d, int year, holiday_notice_info *info, store_err *err)
{
	memset(info, 0, sizeof *info);
	sqlite3_stmt *st = db_stmt(d,
		"SELECT source, imported_by, imported_at FROM holiday_notice WHERE year = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	int step = sqlite3_step(st), rc = 1;
	if (step == SQLITE_ROW) {
		info->year = year;
		info->source = rows_col_dup(st, 0);
		info->imported_by = rows_col_dup(st, 1);
		info->imported_at = rows_col_dup(st, 2);
		rc = 0;
	} else if (step != SQLITE_DONE) {
		db_fail(d, err, "reading a holiday notice");
		rc = -1;
	}
	db_done(st);
	return rc;
}

void holiday_notice_info_clear(holiday_notice_info *info)
{
	free(info->source);
	free(info->imported_by);
	free(info->imported_at);
	memset(info, 0, sizeof *info);
}

int holiday_store_put(db *d, const char *actor, const char *action, const holiday_year *hy,
		const char *source, const char *sum, store_err *err)
{
	char now[20], day[11];
	db_now(d, now);
	sqlite3_stmt *st = db_stmt(d, "DELETE FROM holiday_day WHERE year = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, hy->year);
	int step = sqlite3_step(st);
	db_done(st);
	if (step != SQLITE_DONE) {
		db_fail(d, err, "replacing a year's holidays");
		return -1;
	}
	st = db_stmt(d,
		"INSERT INTO holiday_notice (year, notice, source, imported_by, imported_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (year) DO UPDATE SET notice = ?2,"
		" source = ?3, imported_by = ?4, imported_at = ?5", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, hy->year);
	db_bind_text(st, 2, hy->notice ? hy->notice : "");
	db_bind_text(st, 3, source);
	db_bind_text(st, 4, actor);
	db_bind_text(st, 5, now);
	if (rows_step_one(d, st, "writing a holiday notice", err) < 0)
		return -1;
	st = db_stmt(d, "INSERT INTO holiday_day (day, year, kind, name) VALUES (?, ?, ?, ?)", err);
	if (!st)
		return -1;
	for (int i = 0; i < hy->n; i++) {
		db_bind_text(st, 1, date_format(hy->days[i].day, day));
		sqlite3_bind_int(st, 2, hy->year);
		db_bind_text(st, 3, hy->days[i].kind == DAY_MAKEUP_WORKDAY ? "workday" : "holiday");
		db_bind_text(st, 4, hy->days[i].name);
		if (rows_step_one(d, st, "writing a holiday", err) < 0)
			return -1;
	}
	return db_event(d, actor, "holiday", hy->year, action, sum, "", err);
}

int holiday_store_any(db *d, bool *any, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT EXISTS (SELECT 1 FROM holiday_notice)", err);
	if (!st)
		return -1;
	int step = sqlite3_step(st);
	*any = step == SQLITE_ROW && sqlite3_column_int(st, 0);
	db_done(st);
	if (step != SQLITE_ROW) {
		db_fail(d, err, "reading the holiday notices");
		return -1;
	}
	return 0;
}

int holiday_store_seed(db *d, const char *actor, const holiday_year *ys, int n,
		int *seeded, store_err *err)
{
	*seeded = 0;
	if (n == 0)
		return 0;
	if (db_begin(d, err) < 0)
		return -1;
	/* again inside the write transaction: another session may have seeded meanwhile */
	bool any;
	if (holiday_store_any(d, &any, err) < 0)
		goto fail;
	if (any) {
		db_rollback(d);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		char *sum = xasprintf("seed %d.txt: %d days; %s", ys[i].year, ys[i].n,
		                      ys[i].notice ? ys[i].notice : "");
		char *source = xasprintf("%d.txt", ys[i].year);
		int rc = holiday_store_put(d, actor, "seed", &ys[i], source, sum, err);
		free(source);
		free(sum);
		if (rc < 0)
			goto fail;
	}
	if (db_commit(d, err) < 0)
		return -1;
	*seeded = n;
	return 0;
fail:
	db_rollback(d);
	return -1;
}
