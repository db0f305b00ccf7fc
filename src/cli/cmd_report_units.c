/* qifu report units: the supervision figures per unit (全面督导) that 区科经局 takes to
 * 区党工委 — received, on-time rates, returns, extensions, overdue now, satisfaction
 * and escalations — for the appeals dispatched in a period. The store counts, the
 * rates, table and bars are model/supervision.h's. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cmd_report.h"
#include "cli/output.h"
#include "app/report_data.h"
#include "app/report_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/perm.h"
#include "model/supervision.h"
#include "model/unit.h"
#include "store/supervision_store.h"

/* stable keys of the report's columns (CSV header), in supervision_col order */
static const char *const col_keys[SUP_COL__COUNT] = {
	[SUP_COL_UNIT] = "unit",
	[SUP_COL_RECEIVED] = "received",
	[SUP_COL_DISPATCHED] = "dispatched_on_time",
	[SUP_COL_SIGNED] = "signed_on_time",
	[SUP_COL_RETURNED] = "returned",
	[SUP_COL_ANSWERED] = "answered_on_time",
	[SUP_COL_EXTENDED] = "extended",
	[SUP_COL_OVERDUE] = "overdue_now",
	[SUP_COL_SATISFIED] = "satisfied",
	[SUP_COL_LEVEL2] = "escalated_level2",
	[SUP_COL_LEVEL1] = "escalated_level1",
};

typedef enum units_format { UF_TABLE, UF_CSV, UF_XLSX } units_format;

static void units_usage(FILE *out)
{
	fputs(_("usage: qifu report units --from YYYY-MM-DD --to YYYY-MM-DD\n"
	        "                         [--format table|csv|xlsx] [--output FILE]\n"
	        "Per lead unit, the appeals dispatched to it in the period, each followed up\n"
	        "to --today: received, dispatched and signed for on time, the rate returned to\n"
	        "the centre, answered on time, extended, overdue now, satisfied at callback and\n"
	        "raised to level 2 and level 1. xlsx is written to FILE (default\n"
	        "units-FROM-TO.xlsx).\n"), out);
}

static void print_csv(const supervision_counts *rows, int n)
{
	app_column cols[SUP_COL__COUNT];
	for (int c = 0; c < SUP_COL__COUNT; c++)
		cols[c] = (app_column){ .key = col_keys[c],
			.header = supervision_col_header((supervision_col)c), .kind = COL_STR };
	out_table *t = out_new(cols, SUP_COL__COUNT);
	for (int i = 0; i < n; i++) {
		char buf[SUP_COL__COUNT][SUP_CELL_SIZE];
		const char *cells[SUP_COL__COUNT];
		for (int c = 0; c < SUP_COL__COUNT; c++) {
			cells[c] = supervision_cell(&rows[i], (supervision_col)c, buf[c]);
			/* a rate without a base is an empty cell to a spreadsheet; "-" would
			 * come out as '- (the guard against formulas) */
			if (strcmp(cells[c], "-") == 0)
				cells[c] = "";
		}
		out_row(t, cells);
	}
	out_print(t, OUT_CSV, false, stdout);
	out_free(&t);
}

static int parse_format(const char *s, units_format *f)
{
	static const char *const names[] = { "table", "csv", "xlsx" };
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (units_format)i;
			return 0;
		}
	say_error(_("--format: '%s' is not one of table, csv, xlsx"), s);
	return EXIT_USAGE;
}

int report_units(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	qdate from = DATE_NONE, to = DATE_NONE;
	units_format fmt = UF_TABLE;
	const char *path = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'F':
			if (cli_arg_date("--from", optarg, &from))
				return EXIT_USAGE;
			break;
		case 'T':
			if (cli_arg_date("--to", optarg, &to))
				return EXIT_USAGE;
			break;
		case 'f':
			if (parse_format(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case 'o': path = optarg; break;
		case 'h': units_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--from --to"))
		return EXIT_USAGE;
	char f[16], t[16], today[16];
	date_format(from, f);
	date_format(to, t);
	date_format(ctx->today, today);
	if (from > to) {
		say_error(_("--from %s is after --to %s"), f, t);
		return EXIT_USAGE;
	}
	if (path && fmt != UF_XLSX) {
		say_error(_("--output is for --format xlsx; table and csv go to standard output"));
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_REPORT_VIEW, NULL, NULL))
		return EXIT_NO;
	cli_warn_missing_year(ctx, from, to > ctx->today ? to : ctx->today);
	supervision_counts *rows = NULL;
	int n = 0, rc = EXIT_USAGE;
	strbuf err = STRBUF_INIT;
	if (report_units_rows(ctx, from, to, &rows, &n, &err) < 0) {
		say_error("%s", sb_str(&err));
		goto out;
	}
	char *fallback = NULL;
	report_spec spec = { .kind = REPORT_UNITS, .from = from, .to = to };
	strbuf text = STRBUF_INIT;
	switch (fmt) {
	case UF_TABLE:
		if (report_text(ctx, &spec, REPORT_PRINT_WIDTH, &text, &err) < 0) {
			say_error("%s", sb_str(&err));
			break;
		}
		fputs(sb_str(&text), stdout);
		rc = EXIT_OK;
		break;
	case UF_CSV:
		print_csv(rows, n);
		rc = EXIT_OK;
		break;
	case UF_XLSX:
		if (!path)
			path = fallback = xasprintf("units-%s-%s.xlsx", f, t);
		rc = (int)report_write(ctx, &spec, true, path, &text);
		if (rc == EXIT_OK)
			printf("%s\n", sb_str(&text));
		else
			say_error("%s", sb_str(&text));
		free(fallback);
		break;
	}
	sb_free(&text);
out:
	sup_store_counts_free(&rows, n);
	sb_free(&err);
	return rc;
}
