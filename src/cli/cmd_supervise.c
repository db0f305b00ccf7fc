/* qifu supervise add|outcome|list and qifu accountability add|list: 督办要求 to a unit,
 * from an overdue or dissatisfied appeal or from the unit's figures, its outcome, and
 * the accountability (问责) after an unresolved one. Supervisors and leaders; the
 * rules are model/supervise.h's, the work app/supervise.h's. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/output.h"
#include "app/supervise.h"
#include "core/i18n.h"
#include "model/annual.h"
#include "model/perm.h"

int cmd_supervise(app_ctx *ctx, int argc, char **argv);
int cmd_accountability(app_ctx *ctx, int argc, char **argv);

static void supervise_usage(FILE *fp)
{
	fputs(_("usage: qifu supervise add --from overdue|dissatisfied --appeal N --what TEXT --due DATE [--unit U]\n"
	        "       qifu supervise add --from figures --unit U --what TEXT --due DATE\n"
	        "       qifu supervise outcome ID --outcome resolved|unresolved [--note TEXT]\n"
	        "       qifu supervise list [--unit U] [--year YYYY] [--format table|csv|json]\n"
	        "A supervision request (督办要求) tells a unit what it must do and by when; an\n"
	        "appeal's request goes to its lead unit unless --unit says otherwise.\n"
	        "Supervisors and leaders.\n"), fp);
}

static void accountability_usage(FILE *fp)
{
	fputs(_("usage: qifu accountability add --request ID --by BODY --person NAME --measure TEXT\n"
	        "       qifu accountability list [--unit U] [--year YYYY] [--format table|csv|json]\n"
	        "Accountability (问责) follows an unresolved supervision request; BODY is one of\n"
	        "the [assessment] accountability_bodies setting (区党政办, 区纪检监察工委).\n"
	        "Supervisors and leaders.\n"), fp);
}

static int supervise_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 's' },
		{ "appeal", required_argument, NULL, 'a' },
		{ "unit", required_argument, NULL, 'u' },
		{ "what", required_argument, NULL, 'w' },
		{ "due", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	app_supv_new in = { .due = DATE_NONE };
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!supervise_source_parse(optarg, &in.source)) {
				say_error(_("--from: '%s' is not one of overdue, dissatisfied, figures"),
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case 'a': in.appeal = optarg; break;
		case 'u': in.unit = optarg; break;
		case 'w': in.what = optarg; break;
		case 'd':
			if (cli_arg_date("--due", optarg, &in.due))
				return EXIT_USAGE;
			break;
		case 'h': supervise_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--from --what --due"))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_SUPERVISE, NULL, NULL))
		return EXIT_NO;
	strbuf why = STRBUF_INIT;
	int64_t id = 0;
	app_status st = app_supv_add(ctx, &in, &id, &why);
	if (st == APP_OK)
		printf(_("supervision request %" PRId64 " filed\n"), id);
	else
		say_error("%s", sb_str(&why));
	sb_free(&why);
	return (int)st;
}

static int supervise_decide(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "outcome", required_argument, NULL, 'o' },
		{ "note", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	supervise_outcome out = SUPV_OPEN;
	const char *note = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (!supervise_outcome_parse(optarg, &out) || out == SUPV_OPEN) {
				say_error(_("--outcome: '%s' is not one of resolved, unresolved"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'n': note = optarg; break;
		case 'h': supervise_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the request's number")) ||
	    cli_arg_id(_("the request's number"), argv[optind], &id) ||
	    cli_required(argv, "--outcome"))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_SUPERVISE, NULL, NULL))
		return EXIT_NO;
	strbuf why = STRBUF_INIT;
	app_status st = app_supv_outcome(ctx, id, out, note, &why);
	if (st == APP_OK)
		printf(_("supervision request %" PRId64 ": %s\n"), id, _(supervise_outcome_label(out)));
	else
		say_error("%s", sb_str(&why));
	sb_free(&why);
	return (int)st;
}

/* --unit, --year and --format of the lists: 0, or EXIT_USAGE with the message */
static int list_options(int argc, char **argv, void (*usage)(FILE *), const char **unit,
		int *year, out_format *fmt)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, 'u' },
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'u': *unit = optarg; break;
		case 'y':
			if (!annual_year_parse(optarg, year)) {
				say_error(_("'%s' is not a year like 2026"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'f':
			if (cli_arg_format(optarg, fmt))
				return EXIT_USAGE;
			break;
		case 'h': usage(stdout); return -1;
		default: return EXIT_USAGE;
		}
	}
	return cli_operands(argc, argv, 0, NULL) ? EXIT_USAGE : 0;
}

static int supervise_list(app_ctx *ctx, int argc, char **argv)
{
	const char *unit = NULL;
	int year = 0;
	out_format fmt = OUT_TABLE;
	int rc = list_options(argc, argv, supervise_usage, &unit, &year, &fmt);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (!cli_allowed(ctx, PERM_SUPERVISE, NULL, NULL))
		return EXIT_NO;
	supv_row *rows = NULL;
	int n = 0;
	strbuf why = STRBUF_INIT;
	app_status st = app_supv_list(ctx, unit, year, &rows, &n, &why);
	if (st == APP_OK) {
		out_table *t = out_new(app_supv_columns, SUPV_COL__COUNT);
		for (int i = 0; i < n; i++) {
			char buf[SUPV_COL__COUNT][32];
			const char *cells[SUPV_COL__COUNT];
			for (int c = 0; c < SUPV_COL__COUNT; c++)
				cells[c] = app_supv_cell(&rows[i], c, fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE,
				                         buf[c]);
			out_row(t, cells);
		}
		out_print(t, fmt, false, stdout);
		out_free(&t);
	} else {
		say_error("%s", sb_str(&why));
	}
	supv_rows_free(&rows, n);
	sb_free(&why);
	return (int)st;
}

int cmd_supervise(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", supervise_add, NULL },
		{ "outcome", supervise_decide, NULL },
		{ "list", supervise_list, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]),
	                      supervise_usage);
}

static int accountability_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "request", required_argument, NULL, 'r' },
		{ "by", required_argument, NULL, 'b' },
		{ "person", required_argument, NULL, 'p' },
		{ "measure", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int64_t request = 0;
	const char *body = NULL, *person = NULL, *measure = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (cli_arg_id("--request", optarg, &request))
				return EXIT_USAGE;
			break;
		case 'b': body = optarg; break;
		case 'p': person = optarg; break;
		case 'm': measure = optarg; break;
		case 'h': accountability_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--request --by --person --measure"))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_SUPERVISE, NULL, NULL))
		return EXIT_NO;
	strbuf why = STRBUF_INIT;
	int64_t id = 0;
	app_status st = app_acc_add(ctx, request, body, person, measure, &id, &why);
	if (st == APP_OK)
		printf(_("accountability %" PRId64 " recorded on supervision request %" PRId64 "\n"), id,
		       request);
	else
		say_error("%s", sb_str(&why));
	sb_free(&why);
	return (int)st;
}

static int accountability_list(app_ctx *ctx, int argc, char **argv)
{
	const char *unit = NULL;
	int year = 0;
	out_format fmt = OUT_TABLE;
	int rc = list_options(argc, argv, accountability_usage, &unit, &year, &fmt);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (!cli_allowed(ctx, PERM_SUPERVISE, NULL, NULL))
		return EXIT_NO;
	acc_row *rows = NULL;
	int n = 0;
	strbuf why = STRBUF_INIT;
	app_status st = app_acc_list(ctx, unit, year, &rows, &n, &why);
	if (st == APP_OK) {
		out_table *t = out_new(app_acc_columns, ACC_COL__COUNT);
		for (int i = 0; i < n; i++) {
			char buf[ACC_COL__COUNT][32];
			const char *cells[ACC_COL__COUNT];
			for (int c = 0; c < ACC_COL__COUNT; c++)
				cells[c] = app_acc_cell(&rows[i], c, buf[c]);
			out_row(t, cells);
		}
		out_print(t, fmt, false, stdout);
		out_free(&t);
	} else {
		say_error("%s", sb_str(&why));
	}
	acc_rows_free(&rows, n);
	sb_free(&why);
	return (int)st;
}

int cmd_accountability(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", accountability_add, NULL },
		{ "list", accountability_list, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]),
	                      accountability_usage);
}
