/* qifu appeal import and qifu appeal match: work orders from other channels (12345
 * hotline, online platforms) read by a column map and registered as appeals, or held
 * for a person to match; the held orders listed and assigned. The reading, matching
 * and writing are app/order_io.h's, shared with the Appeals pane; this file prints. */
#include "cli/cmd_appeal.h"
#include "cli/cli_args.h"
#include "cli/import_report.h"
#include "app/order_io.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/say.h"
#include "core/xalloc.h"

static void import_usage(FILE *fp)
{
	fprintf(fp, _(
		"usage: qifu appeal import FILE.csv|FILE.xlsx [--map NAME] [--sheet NAME] [--dry-run]\n"
		"                          [--skip-bad REJECTS.csv]\n"
		"       qifu appeal import --held [--format table|csv|json]\n"
		"Work orders of another channel (the 12345 hotline by default) by the column map\n"
		"data/import/NAME.tsv (default 12345): each order matched to its enterprise by USCC,\n"
		"else by exact name, is registered as an appeal; one that matches none is held for\n"
		"a person to match (qifu appeal match). An order imported before is left alone.\n"
		"Any bad row: nothing is imported. --skip-bad imports the good rows and writes the\n"
		"bad ones, with the reason, to REJECTS.csv. --held lists the held orders.\n"));
}

/* what the command prints of each order: kept until the run ends, and printed only
 * when the orders were written (or it was a dry run), so that a refused file never
 * shows an order as registered */
typedef struct order_cli {
	import_cli rep;  /* first: the report's hooks take the run as their import_cli */
	bool dry;
	strbuf lines;
} order_cli;

static void cli_good(void *arg, long line, const order_in *o, order_match how,
		const char *uscc, const char *number)
{
	order_cli *c = arg;
	if (order_match_held(how))
		sb_addf(&c->lines, _("%s:%ld: work order %s held for matching: %s\n"), c->rep.path,
		        line, o->number, _(order_match_label(how)));
	else if (c->dry)
		sb_addf(&c->lines, _("%s:%ld: work order %s would be registered for %s (%s)\n"),
		        c->rep.path, line, o->number, uscc, _(order_match_label(how)));
	else
		sb_addf(&c->lines, _("%s:%ld: work order %s registered as appeal %s for %s (%s)\n"),
		        c->rep.path, line, o->number, number, uscc, _(order_match_label(how)));
}

/* the column map data/import/NAME.tsv; -1 after saying why not */
static int load_map(const char *name, order_colmap *m)
{
	strbuf err = STRBUF_INIT;
	int rc = app_order_map_load(name, m, &err);
	if (rc < 0)
		say_error("%s", sb_str(&err));
	sb_free(&err);
	return rc;
}

static int list_held(app_ctx *ctx, out_format fmt)
{
	order_rec *rows;
	int n;
	strbuf err = STRBUF_INIT;
	if (app_order_held(ctx, &rows, &n, &err) != APP_OK) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	out_table *t = out_new(app_order_columns, ORDER_COL__COUNT);
	const char *cells[ORDER_COL__COUNT];
	strbuf text[ORDER_COL__COUNT];
	for (int c = 0; c < ORDER_COL__COUNT; c++)
		text[c] = (strbuf)STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		for (int c = 0; c < ORDER_COL__COUNT; c++) {
			sb_reset(&text[c]);
			app_order_cell(&rows[i], c, fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE, &text[c]);
			cells[c] = sb_str(&text[c]);
		}
		out_row(t, cells);
		order_rec_clear(&rows[i]);
	}
	free(rows);
	if (n == 0 && fmt == OUT_TABLE)
		printf(_("no work orders are held for matching\n"));
	else
		out_print(t, fmt, false, stdout);
	out_free(&t);
	for (int c = 0; c < ORDER_COL__COUNT; c++)
		sb_free(&text[c]);
	sb_free(&err);
	return EXIT_OK;
}

/* the options appeal import has of its own */
typedef struct import_own {
	const char *map_name;
	bool held;
	out_format fmt;
} import_own;

/* import_cli_options' other */
static int take_own(void *arg, int c)
{
	import_own *mine = arg;
	switch (c) {
	case 'm': mine->map_name = optarg; break;
	case 'H': mine->held = true; break;
	case 'f':
		if (cli_arg_format(optarg, &mine->fmt))
			return EXIT_USAGE;
		break;
	default:
		return EXIT_USAGE;
	}
	return -1;
}

int appeal_cmd_import(app_ctx *ctx, int argc, char **argv)
{
	static const struct option own[] = {
		{ "map", required_argument, NULL, 'm' },
		{ "held", no_argument, NULL, 'H' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	import_own mine = { .map_name = ORDER_MAP_DEFAULT, .fmt = OUT_TABLE };
	import_opts o;
	int parsed = import_cli_options(argc, argv, own, take_own, &mine, import_usage, &o);
	if (parsed >= 0)
		return parsed;
	const char *map_name = mine.map_name;
	bool held = mine.held;
	out_format fmt = mine.fmt;
	if (held) {
		if (optind != argc) {
			say_error(_("usage: qifu appeal import --held [--format table|csv|json]"));
			return EXIT_USAGE;
		}
		return list_held(ctx, fmt);
	}
	if (optind != argc - 1) {
		import_usage(stderr);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	order_colmap map;
	if (load_map(map_name, &map) < 0)
		return EXIT_USAGE;
	order_import_result res = { 0 };
	order_cli cl = { .dry = o.dry, .lines = STRBUF_INIT };
	import_cli_init(&cl.rep, argv[optind], o.dry ? NULL : o.rejects, &res.rows);
	cl.rep.by_map = true;
	order_import_hooks hooks = { .header = import_cli_header, .bad = import_cli_bad,
		.good = cli_good, .progress = import_cli_progress, .arg = &cl };
	int rc = EXIT_USAGE;
	int ran = app_order_import(ctx, &map, cl.rep.path, o.sheet, import_cli_mode(&o), &hooks,
	                           &res, &err);
	if (import_cli_after(&cl.rep, ran, o.dry, res.written, res.nbad, &err) < 0)
		goto out;
	fputs(sb_str(&cl.lines), stdout);
	printf(_("%s (%s): %ld new, %ld held for matching, %ld already registered, %ld bad"),
	       cl.rep.path, res.encoding, res.nnew, res.nheld, res.nknown, res.nbad);
	if (!import_cli_summary_end(&o, res.nbad) && res.nnew == 0 && res.nheld == 0)
		printf(_("; nothing new"));
	printf("\n");
	rc = o.dry && res.nbad ? EXIT_USAGE : EXIT_OK;
out:
	import_cli_close(&cl.rep, false, &err);
	sb_free(&cl.lines);
	order_import_result_free(&res);
	order_colmap_free(&map);
	sb_free(&err);
	return rc;
}

int appeal_cmd_match(app_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(_("usage: qifu appeal match HELD_ID USCC\n"
		         "Assign a held work order (qifu appeal import --held) to the enterprise\n"
		         "USCC: it is registered as an appeal as an import would have done.\n"));
		return EXIT_OK;
	}
	if (argc != 3) {
		say_error(_("usage: qifu appeal match HELD_ID USCC"));
		return EXIT_USAGE;
	}
	int64_t id;
	if (cli_arg_id(_("held work order"), argv[1], &id))
		return EXIT_USAGE;
	char number[TICKET_NUMBER_SIZE];
	strbuf err = STRBUF_INIT;
	app_status st = app_order_assign(ctx, id, argv[2], number, &err);
	if (st != APP_OK) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return st == APP_NO ? EXIT_NO : EXIT_USAGE;
	}
	printf(_("work order %" PRId64 " registered as appeal %s\n"), id, number);
	sb_free(&err);
	return EXIT_OK;
}

int appeal_cmd_export(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "for", required_argument, NULL, 'F' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *map_name = NULL, *output = NULL;
	qdate from = DATE_NONE, to = DATE_NONE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'F': map_name = optarg; break;
		case 'f':
			if (cli_arg_date("--from", optarg, &from))
				return EXIT_USAGE;
			break;
		case 't':
			if (cli_arg_date("--to", optarg, &to))
				return EXIT_USAGE;
			break;
		case 'o': output = optarg; break;
		case 'h':
			printf(_("usage: qifu appeal export --for NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
			         "                          [--output FILE.csv|FILE.xlsx]\n"
			         "The work orders of the channel whose column map is data/import/NAME.tsv\n"
			         "(12345: the hotline) received from --from to --to, in the map's columns with\n"
			         "each appeal's result, answer time and callback (办理结果, 办结时间, 回访结果),\n"
			         "so that the channel can close its orders. CSV on stdout without --output.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc || !map_name) {
		say_error(_("usage: qifu appeal export --for NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
		            "[--output FILE.csv|FILE.xlsx]"));
		return EXIT_USAGE;
	}
	if (from != DATE_NONE && to != DATE_NONE && to < from) {
		say_error(_("--to lies before --from"));
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	order_colmap map;
	if (load_map(map_name, &map) < 0)
		return EXIT_USAGE;
	char fromtext[16], totext[16];
	long rows;
	int rc = app_order_export(ctx, &map, output,
	                          from != DATE_NONE ? date_format(from, fromtext) : NULL,
	                          to != DATE_NONE ? date_format(to, totext) : NULL, &rows, &err);
	if (rc < 0)
		say_error("%s", sb_str(&err));
	else if (output)
		printf(P_("%s: %ld work order written\n", "%s: %ld work orders written\n",
		          (unsigned long)rows), output, rows);
	order_colmap_free(&map);
	sb_free(&err);
	return rc < 0 ? EXIT_USAGE : EXIT_OK;
}
