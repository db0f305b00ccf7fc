/* qifu rating add|import|list and qifu quarter freeze: the enterprises' quarterly
 * ratings of the units that serve them (DOMAIN §5). */
#include "cli/cli.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app/rating.h"
#include "app/store_text.h"
#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "model/assessment.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/rating_store.h"
#include "store/staff_store.h"

int cmd_rating(app_ctx *ctx, int argc, char **argv);
int cmd_quarter(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu rating add --enterprise USCC --unit U --quarter 2026Q4 --score 0-100 "
	              "[--comment C]\n"
	              "       qifu rating import FILE.csv [--dry-run]\n"
	              "       qifu rating list --quarter 2026Q4 [--unit U] [--format table|csv|json]\n"
	              "       qifu quarter freeze 2026Q4\n"));
}

static int rating_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, 'e' },
		{ "unit", required_argument, NULL, 'u' },
		{ "quarter", required_argument, NULL, 'q' },
		{ "score", required_argument, NULL, 's' },
		{ "comment", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uscc = NULL, *unit = NULL, *quarter = NULL, *score = NULL, *comment = "";
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'e': uscc = optarg; break;
		case 'u': unit = optarg; break;
		case 'q': quarter = optarg; break;
		case 's': score = optarg; break;
		case 'c': comment = optarg; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--enterprise --unit --quarter --score"))
		return EXIT_USAGE;
	strbuf err = STRBUF_INIT;
	rating_input in = { 0 };
	int rc = EXIT_USAGE;
	if (!assessment_quarter_parse(quarter, &in.quarter)) {
		say_error(_("--quarter: '%s' is not a quarter like 2026Q4"), quarter);
		goto out;
	}
	if (assessment_score_parse(score, &in.score, &err) < 0) {
		say_error("--score: %s", sb_str(&err));
		goto out;
	}
	if (!units_find(app_units(ctx), unit)) {
		say_error(_("--unit: unknown unit '%s'"), unit);
		goto out;
	}
	if (!cli_allowed(ctx, PERM_RATING_ADD, NULL, unit)) {
		rc = EXIT_NO;
		goto out;
	}
	in.unit = unit;
	in.comment = comment;
	app_status st = app_rating_check(ctx, uscc, &in, NULL, &err);
	if (st == APP_OK)
		st = app_rating_add(ctx, &in, 1, &err);
	if (st != APP_OK) {
		say_error("%s", sb_str(&err));
		rc = (int)st;
		goto out;
	}
	printf(_("recorded: %s %s %d\n"), unit, quarter, in.score);
	rc = EXIT_OK;
out:
	sb_free(&err);
	return rc;
}

/* a refused row of an import, as FILE:LINE: column C: why */
static void import_bad(void *arg, long line, const char *column, const char *why)
{
	if (column)
		fprintf(stderr, _("%s:%ld: column %s: %s\n"), (const char *)arg, line, column, why);
	else
		fprintf(stderr, _("%s:%ld: %s\n"), (const char *)arg, line, why);
}

static int rating_import(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool dry = false;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'n': dry = true; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 1, _("the file to import")))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_RATING_ADD, NULL, NULL))
		return EXIT_NO;
	const char *path = argv[optind];
	strbuf err = STRBUF_INIT;
	app_rating_import imp;
	int rc = EXIT_USAGE;
	if (app_rating_import_read(ctx, path, import_bad, (void *)path, &imp, &err) != APP_OK) {
		say_error(_("%s; nothing imported"), sb_str(&err));
		goto out;
	}
	if (*imp.ignored)
		say_warn(_("%s: columns not in the template are ignored: %s"), path, imp.ignored);
	if (imp.nbad) {
		say_error(P_("%s: %d bad row; nothing imported", "%s: %d bad rows; nothing imported",
		             imp.nbad), path, imp.nbad);
		goto out;
	}
	if (dry) {
		printf(P_("%s: %d rating checked; dry run, nothing written\n",
		          "%s: %d ratings checked; dry run, nothing written\n", imp.n), path, imp.n);
		rc = EXIT_OK;
		goto out;
	}
	app_status st = app_rating_add(ctx, imp.in, imp.n, &err);
	if (st != APP_OK) {
		say_error(_("%s: %s; nothing imported"), path, sb_str(&err));
		rc = (int)st;
		goto out;
	}
	printf(P_("%s: imported %d rating\n", "%s: imported %d ratings\n", imp.n), path, imp.n);
	rc = EXIT_OK;
out:
	app_rating_import_free(&imp);
	sb_free(&err);
	return rc;
}

static const app_column rating_cols[] = {
	{ .key = "enterprise", .header = N_("Enterprise name"), .kind = COL_STR },
	{ .key = "uscc", .header = N_("USCC"), .kind = COL_STR },
	{ .key = "unit", .header = N_("Unit"), .kind = COL_STR },
	{ .key = "score", .header = N_("Score"), .kind = COL_INT },
	{ .key = "comment", .header = N_("Comment"), .kind = COL_STR },
	{ .key = "by", .header = N_("Recorded by"), .kind = COL_STR },
	{ .key = "at", .header = N_("Recorded at"), .kind = COL_STR },
};

static void list_row(const char *const *cols, void *arg)
{
	out_row(arg, cols);
}

static int rating_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quarter", required_argument, NULL, 'q' },
		{ "unit", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *quarter = NULL, *unit = NULL;
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'q': quarter = optarg; break;
		case 'u': unit = optarg; break;
		case 'f':
			if (!out_parse_format(optarg, &fmt)) {
				say_error(_("--format: '%s' is not one of table, csv, json"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--quarter"))
		return EXIT_USAGE;
	assessment_quarter q;
	if (!assessment_quarter_parse(quarter, &q)) {
		say_error(_("--quarter: '%s' is not a quarter like 2026Q4"), quarter);
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_REPORT_VIEW, NULL, NULL))
		return EXIT_NO;
	out_table *t = out_new(rating_cols, (int)(sizeof rating_cols / sizeof rating_cols[0]));
	store_err err = { 0 };
	int rc = rating_store_each(app_db(ctx), q, unit, list_row, t, &err);
	if (rc == 0)
		out_print(t, fmt, false, stdout);
	else
		cli_store_error(&err);
	out_free(&t);
	return rc == 0 ? EXIT_OK : EXIT_USAGE;
}

int cmd_rating(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", rating_add, NULL }, { "import", rating_import, NULL },
		{ "list", rating_list, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}

/* quarter freeze Q */
static int quarter_freeze(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 1, _("the quarter (like 2026Q4)")))
		return EXIT_USAGE;
	assessment_quarter q;
	if (!assessment_quarter_parse(argv[optind], &q)) {
		say_error(_("'%s' is not a quarter like 2026Q4"), argv[optind]);
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_QUARTER_FREEZE, NULL, NULL))
		return EXIT_NO;
	strbuf msg = STRBUF_INIT;
	app_status st = app_quarter_freeze(ctx, q, &msg);
	cli_said(st, &msg);
	sb_free(&msg);
	return (int)st;
}

int cmd_quarter(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = { { "freeze", quarter_freeze, NULL } };
	return cli_subcommand(ctx, argc, argv, subs, 1, usage);
}
