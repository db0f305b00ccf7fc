/* The working calendar's notices in the database: one row per year whose State
 * Council notice is in force, and the days it names. The calendar is built from these
 * and the statutory table (core/workday.h); writes are the seed at init or migration
 * and `holiday import`, each with an event row (entity "holiday", id the year). */
#ifndef QIFU_HOLIDAY_STORE_H
#define QIFU_HOLIDAY_STORE_H
#include <stdbool.h>

#include "core/workday.h"
#include "store/db.h"

/* a notice as stored: where it came from, who brought it in and when */
typedef struct holiday_notice_info {
	int year;
	char *source;           /* the file name it was imported from */
	char *imported_by;
	char *imported_at;      /* "YYYY-MM-DD HH:MM:SS" */
} holiday_notice_info;

/* every notice with its days, in year order: 0, or -1 with err */
int holiday_store_load(db *d, holiday_year **out, int *n, store_err *err);
/* where year's notice came from: 0 found, 1 no notice for the year, -1 error */
int holiday_store_info(db *d, int year, holiday_notice_info *info, store_err *err);
void holiday_notice_info_clear(holiday_notice_info *info);
/* whether the database holds any notice: 0, or -1 with err */
int holiday_store_any(db *d, bool *any, store_err *err);
/* the seed at init or migration: when the database holds no notice, write every one of
 * ys in one transaction with an event per year; *seeded gets how many (0 when the
 * database already had notices). 0 or -1 */
int holiday_store_seed(db *d, const char *actor, const holiday_year *ys, int n,
		int *seeded, store_err *err);
/* inside the caller's transaction: replace hy->year's notice and days with hy's, and
 * write the event (action "seed" or "import", summary sum); 0 or -1 */
int holiday_store_put(db *d, const char *actor, const char *action, const holiday_year *hy,
		const char *source, const char *sum, store_err *err);

#endif
