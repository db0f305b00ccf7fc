/* qifu financing add|update|list: financing needs (融资需求) and their matching with
 * institutions. The options and JSON keys are a stable interface. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/financing.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/financing_store.h"
#include "store/staff_store.h"

int cmd_financing(cli_ctx *ctx, int argc, char **argv);

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

enum { OPT_ENTERPRISE = 1, OPT_AMOUNT, OPT_PURPOSE, OPT_INSTITUTION, OPT_STATUS, OPT_FORMAT,
       OPT_HELP };

/* --status's value: 0 or EXIT_USAGE naming the allowed ones */
static int arg_status(const char *s, fin_status *st)
{
	if (fin_status_parse(s, st))
		return 0;
	strbuf b = STRBUF_INIT;
	fin_status_list(&b);
	cli_error(_("--status: unknown status '%s'; allowed: %s"), s, sb_str(&b));
	sb_free(&b);
	return EXIT_USAGE;
}

/* the exit code for a store result: refused is "no", an error is a failure */
static int store_rc(int rc, const strbuf *err)
{
	if (rc == 0)
		return EXIT_OK;
	cli_error("%s", sb_str(err));
	return rc > 0 ? EXIT_NO : EXIT_USAGE;
}

static int fin_add(cli_ctx *ctx, int argc, char **argv)
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
	int c, rc = EXIT_USAGE;
	f.status = FIN_NEED;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_AMOUNT: amount = optarg; break;
		case OPT_PURPOSE: free(f.purpose); f.purpose = xstrdup(optarg); break;
		case OPT_INSTITUTION: free(f.institution); f.institution = xstrdup(optarg); break;
		case OPT_STATUS:
			if (arg_status(optarg, &f.status))
				goto out;
			break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: usage(stderr); goto out;
		}
	}
	if (optind < argc || !uscc || !amount || !f.purpose) {
		usage(stderr);
		goto out;
	}
	if (fin_amount_parse(amount, &f.amount_fen, &err) < 0) {
		cli_error(_("--amount: %s"), sb_str(&err));
		goto out;
	}
	if (fin_validate(&f, &err) < 0) {
		cli_error("%s", sb_str(&err));
		goto out;
	}
	ent_record e = { 0 };
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_FINANCING_EDIT)) != 0)
		goto out;
	f.enterprise_id = e.id;
	int64_t id;
	rc = store_rc(fin_store_add(cli_db(ctx), cli_actor(ctx)->login, &f, &id, &err), &err);
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

static int fin_update(cli_ctx *ctx, int argc, char **argv)
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
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		fin_status s;
		switch (c) {
		case OPT_INSTITUTION: institution = optarg; break;
		case OPT_STATUS:
			if (arg_status(optarg, &s))
				return EXIT_USAGE;
			status = (int)s;
			break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	int64_t id;
	if (optind != argc - 1 || (status < 0 && !institution)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (cli_arg_id(_("financing need number"), argv[optind], &id))
		return EXIT_USAGE;
	fin_rec f = { 0 };
	strbuf err = STRBUF_INIT;
	int rc = fin_store_get(cli_db(ctx), id, &f, &err);
	if (rc != 0) {
		if (rc > 0)
			sb_addf(&err, _("no financing need %" PRId64), id);
		rc = store_rc(rc, &err);
		goto out;
	}
	if (!cli_allowed(ctx, PERM_FINANCING_EDIT, f.area, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	/* the new values are cleaned by the same rule as on add */
	if (institution) {
		free(f.institution);
		f.institution = xstrdup(institution);
	}
	if (fin_validate(&f, &err) < 0) {
		cli_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
		goto out;
	}
	rc = store_rc(fin_store_update(cli_db(ctx), cli_actor(ctx)->login, id, status,
	                               institution ? f.institution : NULL, &err), &err);
	if (rc == EXIT_OK)
		printf(_("updated financing need %" PRId64 " of %s\n"), id, f.enterprise);
out:
	sb_free(&err);
	fin_rec_clear(&f);
	return rc;
}

static const out_col list_cols[] = {
	{ "id", N_("Need"), OUT_INT },
	{ "enterprise", N_("Enterprise"), OUT_STR },
	{ "uscc", N_("Credit code"), OUT_STR },
	{ "amount_yuan", N_("Amount"), OUT_STR },
	{ "purpose", N_("Purpose"), OUT_STR },
	{ "status", N_("Financing status"), OUT_STR },
	{ "institution", N_("Institution"), OUT_STR },
	{ "created_by", N_("Recorded by"), OUT_STR },
	{ "created_at", N_("Recorded at"), OUT_STR },
	{ "updated_at", N_("Updated at"), OUT_STR },
};
#define NLIST ((int)(sizeof list_cols / sizeof list_cols[0]))

/* the amount as people read it: 500万元, 1.5亿元, 3456.78元 */
static char *amount_for_people(int64_t fen)
{
	char num[32];
	switch (fin_amount_scaled(fen, num)) {
	case FIN_YI: return xasprintf(_("%s hundred million yuan"), num);
	case FIN_WAN: return xasprintf(_("%s ten thousand yuan"), num);
	default: return xasprintf(_("%s yuan"), num);
	}
}

static void list_row(out_table *t, const fin_rec *f, out_format fmt)
{
	char id[24], yuan[32];
	snprintf(id, sizeof id, "%" PRId64, f->id);
	char *people = fmt == OUT_TABLE ? amount_for_people(f->amount_fen) : NULL;
	const char *cells[NLIST] = { id, f->enterprise, f->uscc,
		people ? people : fin_amount_yuan(f->amount_fen, yuan), f->purpose,
		fmt == OUT_TABLE ? _(fin_status_label(f->status)) : fin_status_code(f->status),
		f->institution, f->created_by, f->created_at, f->updated_at };
	out_row(t, cells);
	free(people);
}

typedef struct list_state {
	out_table *t;
	out_format fmt;
} list_state;

static int fetch(db *d, const void *f, long offset, int limit, void *out, int *n, strbuf *err)
{
	return fin_store_list(d, f, offset, limit, out, n, err);
}

static void add_row(void *rec, void *arg)
{
	list_state *ls = arg;
	list_row(ls->t, rec, ls->fmt);
	fin_rec_clear(rec);
}

static int fin_list(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	fin_filter f = { 0, -1, NULL };
	out_format fmt = OUT_TABLE;
	const char *uscc = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		fin_status s;
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_STATUS:
			if (arg_status(optarg, &s))
				return EXIT_USAGE;
			f.status = (int)s;
			break;
		case OPT_FORMAT:
			if (cli_arg_format(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (uscc) {
		ent_record e = { 0 };
		int rc = cli_arg_enterprise(ctx, uscc, &e, PERM_ENT_VIEW);
		if (rc)
			return rc;
		f.enterprise_id = e.id;
		ent_record_clear(&e);
	} else if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL)) {
		return EXIT_NO;
	}
	f.scope_area = cli_scope_area(ctx);
	list_state ls = { out_new(list_cols, NLIST), fmt };
	int rc = cli_each_page(ctx, fetch, &f, sizeof(fin_rec), add_row, &ls);
	if (rc == EXIT_OK)
		out_print(ls.t, fmt, false, stdout);
	out_free(&ls.t);
	return rc;
}

int cmd_financing(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", fin_add }, { "update", fin_update }, { "list", fin_list },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
