/* qifu coverage: the enterprises without a service commissioner, without a contact
 * card delivered, or not visited within [coverage] visit_days (全面覆盖、职责到人),
 * counted per area and per lead unit, as the actor sees them (an area officer their
 * area). The options and JSON keys are a stable interface that scripts depend on. */
#include "app/coverage.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"

int cmd_coverage(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu coverage [--area AREA] [--unit UNIT]\n"
	        "                     [--gap commissioner|card|visit] [--format table|csv|json]\n"
	        "The enterprises still in the zone that have no service commissioner, no\n"
	        "contact card delivered (qifu card deliver, or handed on a visit), or no visit\n"
	        "within [coverage] visit_days days, with the counts per area and per lead\n"
	        "unit. --area and --unit (the lead unit) narrow it, --gap lists only the\n"
	        "enterprises with that gap (the counts stay whole). An area officer sees their\n"
	        "area. The table prints the counts, then the list; CSV prints the list; JSON\n"
	        "one object: visit_days, areas, units and enterprises.\n"), fp);
}

enum { OPT_AREA = 1, OPT_UNIT, OPT_GAP, OPT_FORMAT, OPT_HELP };

static void tally_cell(const void *arg, int col, strbuf *out)
{
	app_coverage_tally_cell(arg, col, out);
}

static void print_tallies(const app_column *cols, const coverage_tally *v, int n,
                          out_format fmt)
{
	out_table *t = out_new(cols, TALLY_COL__COUNT);
	for (int i = 0; i < n; i++)
		out_row_from(t, tally_cell, &v[i]);
	out_print(t, fmt, false, stdout);
	out_free(&t);
}

typedef struct row_arg {
	int visit_days;
	const coverage_row *r;
	app_cell_form form;
} row_arg;

static void row_cell(const void *arg, int col, strbuf *out)
{
	const row_arg *a = arg;
	app_coverage_cell(a->visit_days, a->r, col, a->form, out);
}

static void print_rows(const app_coverage *c, out_format fmt)
{
	out_table *t = out_new(app_coverage_columns, COV_COL__COUNT);
	for (int i = 0; i < c->ngaps; i++) {
		row_arg a = { c->visit_days, c->gaps[i], fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE };
		out_row_from(t, row_cell, &a);
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
}

static void print_coverage(const app_coverage *c, out_format fmt)
{
	if (fmt == OUT_CSV) {
		print_rows(c, fmt);
		return;
	}
	if (fmt == OUT_JSON) {
		printf("{\"visit_days\": %d,\n\"areas\": ", c->visit_days);
		print_tallies(app_coverage_area_columns, c->areas, c->nareas, fmt);
		fputs(",\n\"units\": ", stdout);
		print_tallies(app_coverage_unit_columns, c->units, c->nunits, fmt);
		fputs(",\n\"enterprises\": ", stdout);
		print_rows(c, fmt);
		fputs("}\n", stdout);
		return;
	}
	if (c->nall == 0) {
		puts(_("No enterprise in sight."));
		return;
	}
	print_tallies(app_coverage_area_columns, c->areas, c->nareas, fmt);
	putchar('\n');
	print_tallies(app_coverage_unit_columns, c->units, c->nunits, fmt);
	putchar('\n');
	if (c->ngaps == 0)
		printf(P_("Every enterprise is covered: a commissioner, a card delivered and a visit "
		          "within %d day.\n",
		          "Every enterprise is covered: a commissioner, a card delivered and a visit "
		          "within %d days.\n", (unsigned long)c->visit_days), c->visit_days);
	else
		print_rows(c, fmt);
}

int cmd_coverage(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "area", required_argument, NULL, OPT_AREA },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "gap", required_argument, NULL, OPT_GAP },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	app_coverage_pick pick = { .gap = COV_GAP__COUNT };
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_AREA: case OPT_UNIT:
			if (cli_arg_place(ctx, c == OPT_AREA, optarg, &pick.area, &pick.unit))
				return EXIT_USAGE;
			break;
		case OPT_GAP:
			if (!coverage_gap_parse(optarg, &pick.gap)) {
				say_error(_("--gap: '%s' is not one of commissioner, card, visit"), optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_FORMAT:
			if (cli_arg_format(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	app_coverage cov;
	strbuf err = STRBUF_INIT;
	if (app_coverage_read(ctx, &pick, &cov, &err) != APP_OK) {
		int rc = cli_said(APP_BAD, &err);
		sb_free(&err);
		return rc;
	}
	sb_free(&err);
	print_coverage(&cov, fmt);
	app_coverage_free(&cov);
	return EXIT_OK;
}
