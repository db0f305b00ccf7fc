/* qifu financing add|update|list: financing needs (融资需求) and their matching with
 * institutions. The options and JSON keys are a stable interface. */
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

static void usage(FILE *fp)
{
	fputs(_("usage: qifu financing add --enterprise USCC --amount AMOUNT --purpose P\n"
	        "                          [--institution I] [--status S]\n"
	        "       qifu financing update ID [--status S] [--institution I]\n"
	        "       qifu financing list [--enterprise USCC] [--status S]\n"
	        "                           [--format table|csv|json]\n"
	        "AMOUNT in yuan: 5000000, 5,000,000, 500万, 500万元, 1.5亿, 3456.78元.\n"
	        "Statuses: need (awaiting a match), matching, matched, funded, closed;\n"
	        "matched and funded name the institution. A new need starts as need.\n"
	        "JSON keys of list: id, enterprise, uscc, amount_yuan (a decimal string with\n"
	        "two places), purpose, status (the code), institution, created_by,\n"
	        "created_at, updated_at.\n"), fp);
}

enum { OPT_ENTERPRISE = 1, OPT_AMOUNT, OPT_PURPOSE, OPT_INSTITUTION, OPT_STATUS, OPT_HELP };

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
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	fin_rec f = { 0 };
	const char *uscc = NULL, *amount = NULL;
	strbuf err = STRBUF_INIT;
	int c, rc = EXIT_USAGE, status = FIN_NEED;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_AMOUNT: amount = optarg; break;
		case OPT_PURPOSE: free(f.purpose); f.purpose = xstrdup(optarg); break;
		case OPT_INSTITUTION: free(f.institution); f.institution = xstrdup(optarg); break;
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
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	const char *institution = NULL;
	int status = -1, c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_INSTITUTION: institution = optarg; break;
		case OPT_STATUS:
			if (arg_status(optarg, &status))
				return EXIT_USAGE;
			break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the financing need number")))
		return EXIT_USAGE;
	if (status < 0 && !institution) {
		say_error(_("financing update: say what changes, --status or --institution; "
		            "see qifu financing --help"));
		return EXIT_USAGE;
	}
	if (cli_arg_id(_(kind.number), argv[optind], &id))
		return EXIT_USAGE;
	fin_rec f = { 0 };
	strbuf err = STRBUF_INIT;
	int rc = cli_record_get(ctx, &kind, id, PERM_FINANCING_EDIT, &f);
	if (rc != 0)
		goto out;
	/* the new values are cleaned by the same rule as on add */
	if (institution) {
		free(f.institution);
		f.institution = xstrdup(institution);
	}
	if (fin_validate(&f, &err) < 0) {
		say_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
		goto out;
	}
	store_err se = { 0 };
	int w = fin_store_update(app_db(ctx), app_actor(ctx)->login, id, status,
	                         institution ? f.institution : NULL, &se);
	app_store_text(&se, &err);
	rc = cli_store_rc(w, &err);
	if (rc == EXIT_OK)
		printf(_("updated financing need %" PRId64 " of %s\n"), id, f.enterprise);
out:
	sb_free(&err);
	fin_rec_clear(&f);
	return rc;
}

static const app_column list_cols[] = {
	{ .key = "id", .header = N_("Need"), .kind = COL_INT },
	{ .key = "enterprise", .header = N_("Enterprise"), .kind = COL_STR },
	{ .key = "uscc", .header = N_("Credit code"), .kind = COL_STR },
	{ .key = "amount_yuan", .header = N_("Amount"), .kind = COL_STR },
	{ .key = "purpose", .header = N_("Purpose"), .kind = COL_STR },
	{ .key = "status", .header = N_("Financing status"), .kind = COL_STR },
	{ .key = "institution", .header = N_("Institution"), .kind = COL_STR },
	{ .key = "created_by", .header = N_("Recorded by"), .kind = COL_STR },
	{ .key = "created_at", .header = N_("Recorded at"), .kind = COL_STR },
	{ .key = "updated_at", .header = N_("Updated at"), .kind = COL_STR },
};
#define NLIST ((int)(sizeof list_cols / sizeof list_cols[0]))

static void list_row(out_table *t, const fin_rec *f, out_format fmt)
{
	char id[24], yuan[32];
	snprintf(id, sizeof id, "%" PRId64, f->id);
	char *people = fmt == OUT_TABLE ? fin_amount_for_people(f->amount_fen) : NULL;
	const char *cells[NLIST] = { id, f->enterprise, f->uscc,
		people ? people : fin_amount_yuan(f->amount_fen, yuan), f->purpose,
		fmt == OUT_TABLE ? _(fin_status_label(f->status)) : fin_status_code(f->status),
		f->institution, f->created_by, f->created_at, f->updated_at };
	out_row(t, cells);
	free(people);
}

static void list_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	list_row(t, rec, fmt);
}

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	return c == OPT_STATUS ? arg_status(val, q->own) : -1;
}

static int list_fetch(db *d, const void *arg, long offset, int limit, void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	fin_filter f = { q->enterprise_id, *(const int *)q->own, q->scope_area };
	return fin_store_list(d, &f, offset, limit, out, n, err);
}

static int fin_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, OPT_STATUS },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing listing = {
		opts, list_option, NULL, CLI_ENT_OPTIONAL, list_fetch, sizeof(fin_rec),
		list_cols, NLIST, list_add, rec_clear,
	};
	int status = -1;
	return cli_list(ctx, argc, argv, &listing, &status, usage);
}

int cmd_financing(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", fin_add, NULL }, { "update", fin_update, NULL }, { "list", fin_list, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
