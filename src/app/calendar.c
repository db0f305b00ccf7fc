/* The working-day calendar of the session: the State Council notices from the database
 * (seeded from the holiday directory's YYYY.txt files when it has none), or from the
 * directory itself when there is no database yet, and for every year without a notice
 * the statutory days of statutory.tsv, provisional; and the words for a span of days
 * counted provisionally or by weekends alone (DOMAIN §3). */
#include "app/app.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "policy/policy.h"
#include "store/holiday_store.h"

char *app_holiday_dir(const app_ctx *ctx)
{
	return ctx->holiday_dir ? xstrdup(ctx->holiday_dir) : paths_data_file("holidays");
}

int app_holiday_seed(app_ctx *ctx, struct db *d, strbuf *err)
{
	/* a plain read first: every session builds its calendar, and only the first open of
	 * a new or upgraded database needs the files and a write transaction */
	bool any;
	store_err se = { 0 };
	if (holiday_store_any(d, &any, &se) < 0)
		return app_store_rc(-1, &se, err);
	if (any)
		return 0;
	char *dir = app_holiday_dir(ctx);
	holiday_year *ys;
	int n, seeded;
	int rc = policy_holiday_dir_load(dir, &ys, &n, err);
	free(dir);
	if (rc < 0)
		return -1;
	rc = holiday_store_seed(d, app_os_login(), ys, n, &seeded, &se);
	holiday_years_free(ys, n);
	return app_store_rc(rc, &se, err);
}

struct calendar *app_calendar_with(app_ctx *ctx, struct db *d, const holiday_year *hy,
		strbuf *err)
{
	holiday_year *stored;
	int n;
	store_err se = { 0 };
	if (app_holiday_seed(ctx, d, err) < 0)
		return NULL;
	if (holiday_store_load(d, &stored, &n, &se) < 0) {
		app_store_text(&se, err);
		return NULL;
	}
	/* hy first: calendar_build keeps the first notice of a year */
	holiday_year *all = xcalloc((size_t)n + 1, sizeof *all);
	int k = 0;
	if (hy)
		all[k++] = *hy;
	memcpy(all + k, stored, (size_t)n * sizeof *stored);
	char *dir = app_holiday_dir(ctx);
	calendar *cal = policy_calendar_with_statutory(all, n + k, dir, err);
	free(dir);
	free(all);
	holiday_years_free(stored, n);
	return cal;
}

struct calendar *app_calendar_of(app_ctx *ctx, struct db *d, strbuf *err)
{
	return app_calendar_with(ctx, d, NULL, err);
}

int app_calendar_reload(app_ctx *ctx, struct db *d, strbuf *err)
{
	calendar *cal = app_calendar_of(ctx, d, err);
	if (!cal)
		return -1;
	calendar_free(&ctx->cal);
	ctx->cal = cal;
	return 0;
}

/* the sentence for a run of years [y, end] of the same source */
static void caveat_run(int y, int end, cal_source src, strbuf *out)
{
	if (src == CAL_SOURCE_PROVISIONAL) {
		if (end == y)
			sb_addf(out, _("%d has no State Council notice yet: its statutory holidays are counted as provisional rest days (暂定), without make-up working days"),
				y);
		else
			sb_addf(out, _("%d-%d have no State Council notice yet: their statutory holidays are counted as provisional rest days (暂定), without make-up working days"),
				y, end);
	} else if (end == y) {
		sb_addf(out, _("%d has no holiday notice and no statutory table: only weekends are counted as rest days"),
			y);
	} else {
		sb_addf(out, _("%d-%d have no holiday notices and no statutory table: only weekends are counted as rest days"),
			y, end);
	}
}

int app_calendar_caveat(app_ctx *ctx, qdate from, qdate to, strbuf *out)
{
	const calendar *cal = app_calendar(ctx);
	if (from == DATE_NONE || to == DATE_NONE)
		return 0;
	if (to < from) {
		qdate t = from;
		from = to;
		to = t;
	}
	int first, last, m, d, n = 0;
	date_to_ymd(from, &first, &m, &d);
	date_to_ymd(to, &last, &m, &d);
	/* one sentence per run of years alike, not one per year: a span of decades would
	 * otherwise bury the answer */
	for (int y = first; y <= last;) {
		cal_source src = calendar_source(cal, y);
		int end = y;
		while (end < last && calendar_source(cal, end + 1) == src)
			end++;
		if (src != CAL_SOURCE_NOTICE) {
			if (n++)
				sb_add(out, "; ");
			caveat_run(y, end, src, out);
		}
		y = end + 1;
	}
	return n;
}
