/* The commands' shared working-day calendar, built once per process: the State
 * Council notices from the database (seeded from the holiday directory's YYYY.txt files
 * when it has none), or from the directory itself when there is no database yet, and
 * for every year without a notice the statutory days of statutory.tsv, provisional.
 * Also the warnings every command gives when a date it uses lies in a year counted
 * provisionally or by weekends alone (DOMAIN §3). */
#include "cli/cli.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "store/holiday_store.h"

/* freshly allocated, so that both callers own what they get */
char *cli_holiday_dir(const cli_ctx *ctx)
{
	return ctx->holiday_dir ? xstrdup(ctx->holiday_dir) : paths_data_file("holidays");
}

static void calendar_fail(strbuf *err)
{
	cli_error("%s", sb_str(err));
	sb_free(err);
	exit(EXIT_USAGE);
}

/* the statutory table of the holiday directory, or exit 2 naming the bad line */
static void load_statutory(const cli_ctx *ctx, holiday_year **ys, int *n)
{
	char *dir = cli_holiday_dir(ctx);
	char *path = xasprintf("%s/statutory.tsv", dir);
	strbuf err = STRBUF_INIT;
	int rc = holiday_statutory_load(path, ys, n, &err);
	free(path);
	free(dir);
	if (rc < 0)
		calendar_fail(&err);
	sb_free(&err);
}

int cli_holiday_seed(cli_ctx *ctx, struct db *d, strbuf *err)
{
	char *dir = cli_holiday_dir(ctx);
	holiday_year *ys;
	int n, seeded;
	int rc = holiday_dir_load(dir, &ys, &n, err);
	free(dir);
	if (rc < 0)
		return -1;
	rc = holiday_store_seed(d, cli_os_login(), ys, n, &seeded, err);
	holiday_years_free(ys, n);
	return rc;
}

struct calendar *cli_calendar_of(cli_ctx *ctx, struct db *d, strbuf *err)
{
	holiday_year *notices, *statutory;
	int nn, ns;
	if (cli_holiday_seed(ctx, d, err) < 0 || holiday_store_load(d, &notices, &nn, err) < 0)
		return NULL;
	load_statutory(ctx, &statutory, &ns);
	calendar *cal = calendar_build(notices, nn, statutory, ns);
	holiday_years_free(notices, nn);
	holiday_years_free(statutory, ns);
	return cal;
}

int cli_calendar_reload(cli_ctx *ctx, struct db *d, strbuf *err)
{
	calendar *cal = cli_calendar_of(ctx, d, err);
	if (!cal)
		return -1;
	calendar_free(&ctx->cal);
	ctx->cal = cal;
	return 0;
}

/* whether a database file is there to hold the notices (an empty file is not one) */
static bool have_database(const cli_ctx *ctx)
{
	struct stat st;
	return ctx->db_path && stat(ctx->db_path, &st) == 0 && st.st_size > 0;
}

struct calendar *cli_calendar(cli_ctx *ctx)
{
	if (ctx->cal)
		return ctx->cal;
	strbuf err = STRBUF_INIT;
	if (ctx->db || have_database(ctx)) {
		if (cli_calendar_reload(ctx, cli_db(ctx), &err) < 0)
			calendar_fail(&err);
	} else {
		/* no database yet: the notices the installation ships */
		char *dir = cli_holiday_dir(ctx);
		ctx->cal = calendar_load(dir, &err);
		free(dir);
		if (!ctx->cal)
			calendar_fail(&err);
	}
	sb_free(&err);
	return ctx->cal;
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

int cli_calendar_caveat(cli_ctx *ctx, qdate from, qdate to, strbuf *out)
{
	calendar *cal = cli_calendar(ctx);
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

void cli_warn_missing_year(cli_ctx *ctx, qdate from, qdate to)
{
	strbuf s = STRBUF_INIT;
	if (cli_calendar_caveat(ctx, from, to, &s))
		cli_warn("%s", sb_str(&s));
	sb_free(&s);
}
