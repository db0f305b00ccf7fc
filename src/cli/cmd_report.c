/* qifu report …: the figures supervisors take to meetings. Each report is one row
 * of the table below. */
#include "cli/cli.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_report.h"
#include "cli/output.h"
#include "app/report_chart.h"
#include "app/report_data.h"
#include "app/report_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/assessment.h"
#include "model/perm.h"
#include "model/supervision.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/rating_store.h"

int cmd_report(app_ctx *ctx, int argc, char **argv);

static const app_column quarter_cols[] = {
	{ .key = "unit", .header = N_("Unit"), .kind = COL_STR },
	{ .key = "count", .header = N_("Ratings"), .kind = COL_INT },
	{ .key = "mean", .header = N_("Mean"), .kind = COL_STR },
	{ .key = "tier", .header = N_("Tier"), .kind = COL_INT },
	{ .key = "bar", .header = N_("Mean score (0-100)"), .kind = COL_STR },
};

static int report_quarter(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("usage: qifu report quarter 2026Q4 [--format table|csv|json]\n"));
			return EXIT_OK;
		}
		if (c != 'f' || cli_arg_format(optarg, &fmt))
			return EXIT_USAGE;
	}
	if (cli_operands(argc, argv, 1, _("the quarter (like 2026Q4)")))
		return EXIT_USAGE;
	assessment_quarter q;
	if (!assessment_quarter_parse(argv[optind], &q)) {
		say_error(_("'%s' is not a quarter like 2026Q4"), argv[optind]);
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_REPORT_VIEW, NULL, NULL))
		return EXIT_NO;
	assessment_tiers tiers = app_assessment_tiers(ctx);
	assessment_unit *rows = NULL;
	int n = 0, frozen = 0;
	strbuf err = STRBUF_INIT;
	if (report_quarter_rows(ctx, q, &rows, &n, &frozen, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	int rc = EXIT_OK;
	out_table *t = out_new(quarter_cols, (int)(sizeof quarter_cols / sizeof quarter_cols[0]));
	for (int i = 0; i < n; i++) {
		const assessment_unit *u = &rows[i];
		char count[16], mean[16] = "", tier[4] = "";
		snprintf(count, sizeof count, "%d", u->count);
		strbuf bar = STRBUF_INIT;
		if (u->count) {
			assessment_mean_format(u->mean10, mean);
			snprintf(tier, sizeof tier, "%d", u->tier);
			supervision_bar(u->mean10 / 1000.0, 20, &bar);
		}
		const char *cells[] = { u->unit, count, mean, tier, sb_str(&bar) };
		out_row(t, cells);
		sb_free(&bar);
	}
	if (fmt == OUT_TABLE) {
		char code[16];
		printf(_("Quarter %s: ratings per unit; tier 1 from %d, tier 2 from %d%s\n"),
		       assessment_quarter_format(q, code), tiers.tier1_min, tiers.tier2_min,
		       frozen == 1 ? _(" (frozen)") : "");
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
	report_quarter_rows_free(ctx, &rows, n);
	/* the table's picture: each unit's tier per quarter of the year so far */
	report_trend *trend = NULL;
	int nt = 0;
	if (fmt == OUT_TABLE && report_quarter_trend(ctx, q, &trend, &nt, &err) == 0) {
		strbuf text = STRBUF_INIT;
		report_trend_text(trend, nt, q.q, q.year, &tiers, REPORT_PRINT_WIDTH,
		                  report_chart_utf8(), &text);
		printf("\n%s", sb_str(&text));
		sb_free(&text);
	} else if (fmt == OUT_TABLE) {
		say_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
	}
	report_trend_free(&trend, nt);
	sb_free(&err);
	return rc;
}

/* One line per report: name, function, N_() summary for the usage text. */
#define REPORT_SUBCOMMANDS(X) \
	X("quarter", report_quarter, N_("per-unit ratings of a quarter: mean, count, tier")) \
	X("year", report_year, N_("the annual assessment: four frozen quarters per unit, tiers and supervision figures")) \
	X("inspections", report_inspections, N_("plans, overrides and refused entries per unit")) \
	X("units", report_units, N_("supervision figures per unit: on-time rates, returns, overdue, escalations")) \

static const cli_sub reports[] = {
#define X_ROW(name, fn, summary) { name, fn, summary },
	REPORT_SUBCOMMANDS(X_ROW)
#undef X_ROW
};

static void report_usage(FILE *out)
{
	fputs(_("usage: qifu report REPORT [options]\n"), out);
	for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
		fprintf(out, "  %-12s %s\n", reports[i].name, _(reports[i].summary));
}

int cmd_report(app_ctx *ctx, int argc, char **argv)
{
	return cli_subcommand(ctx, argc, argv, reports, (int)(sizeof reports / sizeof reports[0]),
	                      report_usage);
}
