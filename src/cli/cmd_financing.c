/* qifu financing add|update|list: financing needs (融资需求) and their matching with
 * institutions. The options and JSON keys are a stable interface. */
#include "app/financing.h"
#include "app/fin_export.h"
#include "app/records.h"
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/financing.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/financing_store.h"
#include "store/staff_store.h"

int cmd_financing(app_ctx *ctx, int argc, char **argv);
int fin_cmd_import_results(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu financing add --enterprise USCC --amount AMOUNT --purpose P\n"
	        "                          [--institution I] [--status S] [--funded AMOUNT]\n"
	        "                          [--term TERM] [--guarantee G]\n"
	        "       qifu financing update ID [--status S] [--institution I]\n"
	        "                                [--funded AMOUNT] [--note TEXT]\n"
	        "                                [--term TERM] [--guarantee G]\n"
	        "       qifu financing export --for platform [--area AREA]\n"
	        "                             [--output FILE.csv|FILE.xlsx]\n"
	        "       qifu financing import-results FILE.csv|FILE.xlsx [--dry-run]\n"
	        "                                     [--skip-bad REJECTS.csv] [--sheet NAME]\n"
	        "       qifu financing history ID [--format table|csv|json]\n"
	        "       qifu financing list [--enterprise USCC] [--status S] [--open]\n"
	        "                           [--area AREA] [--format table|csv|json]\n"
	        "AMOUNT in yuan: 5000000, 5,000,000, 500万, 500万元, 1.5亿, 3456.78元.\n"
	        "Statuses: need (awaiting a match), matching, matched, funded, closed;\n"
	        "matched and funded name the institution; funded gives --funded, the money\n"
	        "that arrived. A new need starts as need. Every change is a step of the\n"
	        "need's history, with its --note. --open lists the needs still waiting\n"
	        "(need, matching, matched), oldest first, for the coordination desk.\n"
	        "JSON keys of list: id, enterprise, uscc, amount_yuan (a decimal string with\n"
	        "two places), purpose, status (the code), institution, created_by,\n"
	        "created_at, updated_at, funded_yuan (\"\" when none), term_months (months,\n"
	        "\"\" when not known), guarantee.\n"
	        "JSON keys of history: step, at, by, from (the code, \"\" for the first\n"
	        "step), status, institution, funded_yuan, note.\n"
	        "TERM in months or years: 12, 12个月, 3年. G: the guarantee (担保方式), as 信用,\n"
	        "抵押, 保证. export writes the open needs in the columns of the provincial\n"
	        "financing credit platform, as data/export/financing_platform.tsv maps them\n"
	        "(CSV on stdout without --output), and names each need whose fields are blank.\n"
	        "import-results reads the platform's matching results by\n"
	        "data/import/financing_results.tsv (see qifu financing import-results --help).\n"), fp);
}

enum { OPT_ENTERPRISE = 1, OPT_AMOUNT, OPT_PURPOSE, OPT_INSTITUTION, OPT_STATUS, OPT_HELP,
	OPT_FUNDED, OPT_NOTE, OPT_OPEN, OPT_AREA, OPT_TERM, OPT_GUARANTEE, OPT_FOR, OPT_OUTPUT };

/* --term's value in months: 0 or EXIT_USAGE */
static int arg_term(const char *s, int *months)
{
	strbuf err = STRBUF_INIT;
	int rc = fin_term_parse(s, months, &err) < 0 ? EXIT_USAGE : 0;
	if (rc)
		say_error(_("--term: %s"), sb_str(&err));
	sb_free(&err);
	return rc;
}

/* --status's value as a fin_status in *st: 0 or EXIT_USAGE naming the allowed ones */
static int arg_status(const char *s, int *st)
{
	fin_status v;
	if (fin_status_parse(s, &v)) {
		*st = (int)v;
		return 0;
	}
	strbuf b = STRBUF_INIT;
	fin_status_list(&b);
	say_error(_("--status: unknown status '%s'; allowed: %s"), s, sb_str(&b));
	sb_free(&b);
	return EXIT_USAGE;
}

static int get(db *d, int64_t id, void *rec, strbuf *err)
{
	store_err se = { 0 };
	int rc = app_store_rc(fin_store_get(d, id, rec, &se), &se, err);
	if (rc == 1)
		sb_addf(err, _("no financing need %" PRId64), id);
	return rc;
}

static const char *area(const void *rec)
{
	return ((const fin_rec *)rec)->area;
}

static void rec_clear(void *rec)
{
	fin_rec_clear(rec);
}

/* needs are changed by number but not shown one at a time: list shows every field */
static const cli_record kind = {
	N_("financing need number"), sizeof(fin_rec), get, area, rec_clear, NULL, NULL, NULL,
};

static int fin_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "amount", required_argument, NULL, OPT_AMOUNT },
		{ "purpose", required_argument, NULL, OPT_PURPOSE },
		{ "institution", required_argument, NULL, OPT_INSTITUTION },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "funded", required_argument, NULL, OPT_FUNDED },
		{ "term", required_argument, NULL, OPT_TERM },
		{ "guarantee", required_argument, NULL, OPT_GUARANTEE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	fin_rec f = { 0 };
	const char *uscc = NULL, *amount = NULL, *funded = NULL;
	strbuf err = STRBUF_INIT;
	int c, rc = EXIT_USAGE, status = FIN_NEED;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_AMOUNT: amount = optarg; break;
		case OPT_FUNDED: funded = optarg; break;
		case OPT_PURPOSE: free(f.purpose); f.purpose = xstrdup(optarg); break;
		case OPT_INSTITUTION: free(f.institution); f.institution = xstrdup(optarg); break;
		case OPT_GUARANTEE: free(f.guarantee); f.guarantee = xstrdup(optarg); break;
		case OPT_TERM:
			if (arg_term(optarg, &f.term_months))
				goto out;
			break;
		case OPT_STATUS:
			if (arg_status(optarg, &status))
				goto out;
			break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--enterprise --amount --purpose"))
		goto out;
	f.status = (fin_status)status;
	if (fin_amount_parse(amount, &f.amount_fen, &err) < 0) {
		say_error(_("--amount: %s"), sb_str(&err));
		goto out;
	}
	if (funded && fin_amount_parse(funded, &f.funded_fen, &err) < 0) {
		say_error(_("--funded: %s"), sb_str(&err));
		goto out;
	}
	ent_record e = { 0 };
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_FINANCING_EDIT)) != 0)
		goto out;
	f.enterprise_id = e.id;
	int64_t id;
	app_record_rc saved = app_financing_add(ctx, &f, &id, &err);
	if (saved != APP_RECORD_SAVED)
		say_error("%s", sb_str(&err));
	rc = app_record_exit(saved);
	if (rc == EXIT_OK) {
		char yuan[32];
		printf(_("recorded financing need %" PRId64 " of %s: %s yuan for %s, status %s\n"), id,
		       e.name, fin_amount_yuan(f.amount_fen, yuan), f.purpose,
		       fin_status_code(f.status));
	}
	ent_record_clear(&e);
out:
	sb_free(&err);
	fin_rec_clear(&f);
	return rc;
}

static int fin_update(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "institution", required_argument, NULL, OPT_INSTITUTION },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "funded", required_argument, NULL, OPT_FUNDED },
		{ "note", required_argument, NULL, OPT_NOTE },
		{ "term", required_argument, NULL, OPT_TERM },
		{ "guarantee", required_argument, NULL, OPT_GUARANTEE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	fin_change ch = { .status = -1 };
	const char *funded = NULL;
	strbuf err = STRBUF_INIT;
	int c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_INSTITUTION: free(ch.institution); ch.institution = xstrdup(optarg); break;
		case OPT_NOTE: free(ch.note); ch.note = xstrdup(optarg); break;
		case OPT_GUARANTEE: free(ch.guarantee); ch.guarantee = xstrdup(optarg); break;
		case OPT_TERM:
			if (arg_term(optarg, &ch.term_months))
				goto out;
			break;
		case OPT_FUNDED: funded = optarg; break;
		case OPT_STATUS:
			if (arg_status(optarg, &ch.status))
				goto out;
			break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the financing need number")))
		goto out;
	if (ch.status < 0 && !ch.institution && !funded && !ch.term_months && !ch.guarantee) {
		say_error(_("financing update: say what changes, --status, --institution, "
		            "--funded, --term or --guarantee; see qifu financing --help"));
		goto out;
	}
	if (cli_arg_id(_(kind.number), argv[optind], &id))
		goto out;
	if (funded && fin_amount_parse(funded, &ch.funded_fen, &err) < 0) {
		say_error(_("--funded: %s"), sb_str(&err));
		goto out;
	}
	fin_rec was = { 0 };
	app_record_rc saved = app_financing_update(ctx, id, &ch, &was, &err);
	if (saved != APP_RECORD_SAVED)
		say_error("%s", sb_str(&err));
	rc = app_record_exit(saved);
	if (rc == EXIT_OK)
		printf(_("updated financing need %" PRId64 " of %s\n"), id, was.enterprise);
	fin_rec_clear(&was);
out:
	sb_free(&err);
	fin_change_clear(&ch);
	return rc;
}

static const app_column history_cols[] = {
	{ .key = "step", .header = N_("Step"), .kind = COL_INT },
	{ .key = "at", .header = N_("At"), .kind = COL_STR },
	{ .key = "by", .header = N_("By"), .kind = COL_STR },
	{ .key = "from", .header = N_("Previous status"), .kind = COL_STR },
	{ .key = "status", .header = N_("Financing status"), .kind = COL_STR },
	{ .key = "institution", .header = N_("Institution"), .kind = COL_STR },
	{ .key = "funded_yuan", .header = N_("Funded"), .kind = COL_STR },
	{ .key = "note", .header = N_("Note"), .kind = COL_STR },
};
#define NHISTORY ((int)(sizeof history_cols / sizeof history_cols[0]))

/* the steps of one need: few, so read whole */
static int fin_history(app_ctx *ctx, int argc, char **argv)
{
	out_format fmt;
	int got = cli_format_only(argc, argv, usage, &fmt);
	if (got >= 0)
		return got;
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the financing need number")) ||
	    cli_arg_id(_(kind.number), argv[optind], &id))
		return EXIT_USAGE;
	fin_rec f = { 0 };
	int rc = cli_record_get(ctx, &kind, id, PERM_ENT_VIEW, &f);
	if (rc != 0)
		return rc;
	fin_step *v = NULL;
	int n = 0;
	store_err se = { 0 };
	strbuf err = STRBUF_INIT;
	got = fin_store_history(app_db(ctx), id, &v, &n, &se);
	if (got < 0)
		app_store_text(&se, &err);
	rc = cli_store_rc(got, &err);
	if (rc == EXIT_OK) {
		out_table *t = out_new(history_cols, NHISTORY);
		for (int i = 0; i < n; i++) {
			char step[16], funded[32] = "";
			snprintf(step, sizeof step, "%d", i + 1);
			char *people = NULL;
			if (v[i].funded_fen && fmt == OUT_TABLE)
				people = fin_amount_for_people(v[i].funded_fen);
			else if (v[i].funded_fen)
				fin_amount_yuan(v[i].funded_fen, funded);
			const char *from = v[i].from < 0 ? ""
				: fmt == OUT_TABLE ? _(fin_status_label((fin_status)v[i].from))
				: fin_status_code((fin_status)v[i].from);
			const char *cells[NHISTORY] = { step, v[i].at, v[i].by, from,
				fmt == OUT_TABLE ? _(fin_status_label(v[i].to)) : fin_status_code(v[i].to),
				v[i].institution, people ? people : funded, v[i].note };
			out_row(t, cells);
			free(people);
		}
		out_print(t, fmt, false, stdout);
		out_free(&t);
	}
	for (int i = 0; i < n; i++)
		fin_step_clear(&v[i]);
	free(v);
	sb_free(&err);
	fin_rec_clear(&f);
	return rc;
}

/* a need's cells: words for the table, codes and yuan for files */
static void list_cell(const void *rec, int col, strbuf *out)
{
	app_fin_cell(rec, col, CELL_WORDS, out);
}

static void list_cell_code(const void *rec, int col, strbuf *out)
{
	app_fin_cell(rec, col, CELL_CODE, out);
}

static void list_row(out_table *t, const fin_rec *f, out_format fmt)
{
	out_row_from(t, fmt == OUT_TABLE ? list_cell : list_cell_code, f);
}

static void list_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	list_row(t, rec, fmt);
}

/* the list's own options */
typedef struct list_opts {
	int status;
	bool open;
	const char *area;
} list_opts;

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	list_opts *o = q->own;
	switch (c) {
	case OPT_STATUS: return arg_status(val, &o->status);
	case OPT_OPEN: o->open = true; return 0;
	case OPT_AREA: o->area = val; return 0;
	default: return -1;
	}
}

static int list_fetch(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	const list_opts *o = q->own;
	fin_filter f = { q->enterprise_id, o->status, q->scope_area, o->area, o->open };
	/* the open needs as the desk works them, oldest first; the rest newest first */
	int64_t from = last ? ((const fin_rec *)last)->id : 0;
	int rc = o->open ? fin_store_window_from(d, &f, from, false, limit, out, n, err)
	                 : fin_store_list_from(d, &f, from, false, limit, out, n, err);
	if (rc <= 0)
		return rc;
	return o->open ? fin_store_window(d, &f, offset, limit, out, n, err)
	               : fin_store_list(d, &f, offset, limit, out, n, err);
}

/* --open with a status that is not open lists nothing: say so instead */
static int list_check(const cli_query *q)
{
	const list_opts *o = q->own;
	if (o->open && o->status >= 0 && !fin_status_open((fin_status)o->status)) {
		say_error(_("--open lists needs awaiting a match, being matched or matched, "
		            "not %s"), fin_status_code((fin_status)o->status));
		return EXIT_USAGE;
	}
	return 0;
}

static int fin_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "open", no_argument, NULL, OPT_OPEN },
		{ "area", required_argument, NULL, OPT_AREA },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing listing = {
		opts, list_option, list_check, CLI_ENT_OPTIONAL, list_fetch, sizeof(fin_rec),
		app_fin_columns, FIN_COL__COUNT, list_add, rec_clear,
	};
	list_opts o = { -1, false, NULL };
	return cli_list(ctx, argc, argv, &listing, &o, usage);
}

/* a need going out with blank fields: named on stderr with the fix */
static void export_gap(void *arg, int64_t id, const char *enterprise, unsigned missing)
{
	const fin_pf_map *m = arg;
	strbuf names = STRBUF_INIT;
	for (int c = 0; c < m->n; c++)
		if (missing & (1u << m->field[c]))
			sb_addf(&names, "%s%s", *sb_str(&names) ? _(", ") : "", m->header[c]);
	strbuf msg = STRBUF_INIT;
	sb_addf(&msg, _("financing need %" PRId64 " of %s goes out with %s blank; set them "
	                "with qifu financing update %" PRId64 " --term/--guarantee, or on the "
	                "enterprise"), id, enterprise, sb_str(&names), id);
	cli_say_warn(sb_str(&msg));
	sb_free(&msg);
	sb_free(&names);
}

static int fin_export(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "for", required_argument, NULL, OPT_FOR },
		{ "area", required_argument, NULL, OPT_AREA },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	const char *target = NULL, *area = NULL, *output = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_FOR: target = optarg; break;
		case OPT_AREA: area = optarg; break;
		case OPT_OUTPUT: output = optarg; break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--for"))
		return EXIT_USAGE;
	/* the one receiver there is; its columns are the site's map */
	if (strcmp(target, "platform") != 0) {
		say_error(_("--for: unknown receiver '%s'; allowed: platform"), target);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	fin_pf_map map;
	if (app_fin_pf_map_load(&map, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	long rows, gaps;
	app_status rc = app_fin_platform_export(ctx, &map, area, output, export_gap, &map, &rows,
	                                        &gaps, &err);
	if (rc != APP_OK)
		say_error("%s", sb_str(&err));
	else if (output)
		printf(P_("%s: %ld open financing need written, %ld with blank fields\n",
		          "%s: %ld open financing needs written, %ld with blank fields\n",
		          (unsigned long)rows), output, rows, gaps);
	fin_pf_map_free(&map);
	sb_free(&err);
	return (int)rc;
}

int cmd_financing(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", fin_add, NULL }, { "update", fin_update, NULL }, { "list", fin_list, NULL },
		{ "history", fin_history, NULL }, { "export", fin_export, NULL },
		{ "import-results", fin_cmd_import_results, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
