/* The commands' shared working-day calendar: loaded once per process from the configured
 * holiday directory, and the warning every command gives when a date it uses lies in a
 * year the directory has no file for (such a year counts weekends only, DOMAIN §3). */
#include "cli/cli.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/workday.h"
#include "core/xalloc.h"

/* freshly allocated, so that both callers own what they get */
static char *holiday_dir(const cli_ctx *ctx)
{
	return ctx->holiday_dir ? xstrdup(ctx->holiday_dir) : paths_data_file("holidays");
}

struct calendar *cli_calendar(cli_ctx *ctx)
{
	if (ctx->cal)
		return ctx->cal;
	char *dir = holiday_dir(ctx);
	strbuf err = STRBUF_INIT;
	ctx->cal = calendar_load(dir, &err);
	free(dir);
	if (!ctx->cal) {
		cli_error("%s", sb_str(&err));
		sb_free(&err);
		exit(EXIT_USAGE);
	}
	sb_free(&err);
	return ctx->cal;
}

void cli_warn_missing_year(cli_ctx *ctx, qdate from, qdate to)
{
	calendar *cal = cli_calendar(ctx);
	if (to < from) {
		qdate t = from;
		from = to;
		to = t;
	}
	int y, m, d, last;
	date_to_ymd(to, &last, &m, &d);
	char *dir = NULL;
	/* one line per run of uncovered years, not one per year: a span of decades would
	 * otherwise bury the answer */
	while ((y = calendar_missing_year(cal, from, to)) != 0) {
		int end = y;
		while (end < last && !calendar_has_year(cal, end + 1))
			end++;
		if (!dir)
			dir = holiday_dir(ctx);
		if (end == y)
			cli_warn(_("%d has no holiday file (%s/%d.txt): only weekends are counted as rest days"),
				y, dir, y);
		else
			cli_warn(_("%d-%d have no holiday files (%s/YYYY.txt): only weekends are counted as rest days"),
				y, end, dir);
		if (end >= last)
			break;
		from = date_from_ymd(end + 1, 1, 1);
	}
	free(dir);
}
