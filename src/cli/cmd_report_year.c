/* qifu report year 2026: the annual assessment (年度综合考核) of a year whose four
 * quarters are frozen — per unit the quarters' means, the year's score by the
 * [assessment] year_rule and its tier, beside the supervision figures of the year —
 * as a table, CSV, JSON or the workbook for 区组织部; --freeze keeps the year as it
 * reads now. The rows and the rule are app/annual.h's. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cmd_report.h"
#include "cli/output.h"
#include "app/annual.h"
#include "app/report_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/supervision.h"

static void year_usage(FILE *out)
{
	fputs(_("usage: qifu report year YEAR [--format table|csv|json|xlsx] [--output FILE]\n"
	        "       qifu report year YEAR --freeze\n"
	        "Per unit, the means of the year's four frozen quarters, the year's score\n"
	        "by the [assessment] year_rule (mean or weighted) and its tier, beside the\n"
	        "supervision figures of the appeals dispatched in the year. A frozen year\n"
	        "is shown as it was frozen. xlsx is written to FILE (default\n"
	        "year-YEAR.xlsx). --freeze freezes the year (supervisors).\n"), out);
}

static int year_freeze(app_ctx *ctx, int year)
{
	if (!cli_allowed(ctx, PERM_YEAR_FREEZE, NULL, NULL))
		return EXIT_NO;
	strbuf msg = STRBUF_INIT;
	app_status st = app_year_freeze(ctx, year, &msg);
	cli_said(st, &msg);
	sb_free(&msg);
	return (int)st;
}

static void print_rows(app_ctx *ctx, const annual_report *a, out_format fmt)
{
	if (fmt == OUT_TABLE) {
		strbuf text = STRBUF_INIT;
		report_year_text(ctx, a, REPORT_PRINT_WIDTH, &text);
		fputs(sb_str(&text), stdout);
		sb_free(&text);
		return;
	}
	out_table *t = out_new(report_year_columns, YEAR_COL__COUNT);
	for (int i = 0; i < a->n; i++) {
		char buf[YEAR_COL__COUNT][SUP_CELL_SIZE];
		const char *cells[YEAR_COL__COUNT];
		for (int c = 0; c < YEAR_COL__COUNT; c++)
			cells[c] = report_year_cell(&a->rows[i], (report_year_col)c, CELL_CODE, buf[c]);
		out_row(t, cells);
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
}

int report_year(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "freeze", no_argument, NULL, 'z' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	bool xlsx = false, freeze = false, formatted = false;
	const char *path = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			formatted = true;
			if (strcmp(optarg, "xlsx") == 0)
				xlsx = true;
			else if (!out_parse_format(optarg, &fmt)) {
				say_error(_("--format: '%s' is not one of table, csv, json, xlsx"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o': path = optarg; break;
		case 'z': freeze = true; break;
		case 'h': year_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 1, _("the year (like 2026)")))
		return EXIT_USAGE;
	int year;
	if (!annual_year_parse(argv[optind], &year)) {
		say_error(_("'%s' is not a year like 2026"), argv[optind]);
		return EXIT_USAGE;
	}
	if (freeze && (formatted || path)) {
		say_error(_("--freeze only freezes the year; show it afterwards without --freeze"));
		return EXIT_USAGE;
	}
	if (path && !xlsx) {
		say_error(_("--output is for --format xlsx; table, csv and json go to standard "
		            "output"));
		return EXIT_USAGE;
	}
	if (freeze)
		return year_freeze(ctx, year);
	if (!cli_allowed(ctx, PERM_REPORT_VIEW, NULL, NULL))
		return EXIT_NO;
	strbuf msg = STRBUF_INIT;
	app_status st;
	if (xlsx) {
		char *fallback = path ? NULL : xasprintf("year-%d.xlsx", year);
		report_spec spec = { .kind = REPORT_YEAR, .year = year };
		st = report_write(ctx, &spec, true, path ? path : fallback, &msg);
		if (st == APP_OK)
			printf("%s\n", sb_str(&msg));
		free(fallback);
	} else {
		annual_report a;
		st = app_year_report(ctx, year, &a, &msg);
		if (st == APP_OK)
			print_rows(ctx, &a, fmt);
		annual_report_free(&a);
	}
	if (st != APP_OK)
		say_error("%s", sb_str(&msg));
	sb_free(&msg);
	return (int)st;
}
