/* qifu pool enter|leave|list|history: the cultivation pools (科技型企业培育库,
 * 五上企业培育库) with their entry and exit history. The options and JSON keys are a
 * stable interface. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/pool.h"
#include "store/db.h"
#include "store/pool_store.h"
#include "store/staff_store.h"

int cmd_pool(cli_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	pool_table pools;
	strbuf names = STRBUF_INIT;
	cli_pools_load(&pools);
	pools_list(&pools, &names);
	pools_free(&pools);
	fprintf(fp, _("usage: qifu pool enter --enterprise USCC --pool POOL [--date D] [--reason R]\n"
	              "       qifu pool leave --enterprise USCC --pool POOL [--date D] --reason R\n"
	              "       qifu pool list [--pool POOL] [--format table|csv|json]\n"
	              "       qifu pool history --enterprise USCC [--format table|csv|json]\n"
	              "POOL is a code or name from data/pools.tsv: %s.\n"
	              "--date defaults to today and may not lie after it.\n"
	              "list shows the current members. JSON keys of list: pool, pool_name,\n"
	              "enterprise, uscc, area, entered_on, reason; of history: pool, pool_name,\n"
	              "entered_on, left_on (\"\" while a member), reason_in, reason_out,\n"
	              "entered_by, left_by.\n"), sb_str(&names));
	sb_free(&names);
}

enum { OPT_ENTERPRISE = 1, OPT_POOL, OPT_DATE, OPT_REASON, OPT_FORMAT, OPT_HELP };

/* enter and leave: the same options, the same checks, a different store call */
static int move(cli_ctx *ctx, int argc, char **argv, bool entering)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "pool", required_argument, NULL, OPT_POOL },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "reason", required_argument, NULL, OPT_REASON },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	pool_table pools;
	cli_pools_load(&pools);
	const pool_def *pool = NULL;
	const char *uscc = NULL;
	char *reason = NULL;
	qdate on = ctx->today;
	strbuf err = STRBUF_INIT;
	ent_record e = { 0 };
	int c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_POOL:
			if (cli_arg_pool(&pools, "--pool", optarg, &pool))
				goto out;
			break;
		case OPT_DATE:
			if (cli_arg_date("--date", optarg, &on))
				goto out;
			break;
		case OPT_REASON: free(reason); reason = xstrdup(optarg); break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: usage(stderr); goto out;
		}
	}
	if (optind < argc || !uscc || !pool) {
		usage(stderr);
		goto out;
	}
	if (!entering && !reason) {
		cli_error(_("--reason is required: say why the enterprise leaves the pool"));
		goto out;
	}
	if (pool_validate_reason(&reason, !entering, &err) < 0) {
		cli_error(_("--reason: %s"), sb_str(&err));
		goto out;
	}
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_POOL_EDIT)) != 0)
		goto out;
	int got = entering
		? pool_store_enter(cli_db(ctx), cli_actor(ctx)->login, e.id, pool, on, reason, &err)
		: pool_store_leave(cli_db(ctx), cli_actor(ctx)->login, e.id, pool, on, reason, &err);
	char day[11];
	if (got != 0) {
		cli_error("%s: %s", e.name, sb_str(&err));
		rc = got > 0 ? EXIT_NO : EXIT_USAGE;
	} else {
		if (entering)
			printf(_("%s entered %s on %s\n"), e.name, pool->name, date_format(on, day));
		else
			printf(_("%s left %s on %s\n"), e.name, pool->name, date_format(on, day));
		rc = EXIT_OK;
	}
out:
	ent_record_clear(&e);
	free(reason);
	sb_free(&err);
	pools_free(&pools);
	return rc;
}

static int pool_enter(cli_ctx *ctx, int argc, char **argv)
{
	return move(ctx, argc, argv, true);
}

static int pool_leave(cli_ctx *ctx, int argc, char **argv)
{
	return move(ctx, argc, argv, false);
}

static const out_col member_cols[] = {
	{ "pool", N_("Pool code"), OUT_STR },
	{ "pool_name", N_("Pool"), OUT_STR },
	{ "enterprise", N_("Enterprise"), OUT_STR },
	{ "uscc", N_("Credit code"), OUT_STR },
	{ "area", N_("Area"), OUT_STR },
	{ "entered_on", N_("Entered on"), OUT_STR },
	{ "reason", N_("Reason for entry"), OUT_STR },
};

static const out_col history_cols[] = {
	{ "pool", N_("Pool code"), OUT_STR },
	{ "pool_name", N_("Pool"), OUT_STR },
	{ "entered_on", N_("Entered on"), OUT_STR },
	{ "left_on", N_("Left on"), OUT_STR },
	{ "reason_in", N_("Reason for entry"), OUT_STR },
	{ "reason_out", N_("Reason for leaving"), OUT_STR },
	{ "entered_by", N_("Entered by"), OUT_STR },
	{ "left_by", N_("Left by"), OUT_STR },
};

static void period_row(out_table *t, const pool_table *pools, const pool_period *p,
                       bool history)
{
	char in[11], out[11] = "";
	date_format(p->entered_on, in);
	if (p->left_on != DATE_NONE)
		date_format(p->left_on, out);
	const char *name = pools_name(pools, p->pool);
	if (history) {
		const char *cells[] = { p->pool, name, in, out, p->reason_in, p->reason_out,
		                        p->entered_by, p->left_by };
		out_row(t, cells);
	} else {
		const char *cells[] = { p->pool, name, p->enterprise, p->uscc, p->area, in,
		                        p->reason_in };
		out_row(t, cells);
	}
}

/* what list and history ask the store for */
typedef struct which {
	int64_t enterprise_id;  /* history */
	const char *pool;       /* list: NULL for every pool */
	const char *scope_area; /* list: area officers */
} which;

static int fetch_history(db *d, const void *arg, long offset, int limit, void *out, int *n,
                         strbuf *err)
{
	const which *w = arg;
	return pool_store_history(d, w->enterprise_id, offset, limit, out, n, err);
}

static int fetch_members(db *d, const void *arg, long offset, int limit, void *out, int *n,
                         strbuf *err)
{
	const which *w = arg;
	return pool_store_members(d, w->pool, w->scope_area, offset, limit, out, n, err);
}

typedef struct list_state {
	out_table *t;
	const pool_table *pools;
	bool history;
} list_state;

static void add_row(void *rec, void *arg)
{
	list_state *ls = arg;
	period_row(ls->t, ls->pools, rec, ls->history);
	pool_period_clear(rec);
}

/* list and history: the same options and paging, different rows */
static int periods(cli_ctx *ctx, int argc, char **argv, bool history)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "pool", required_argument, NULL, OPT_POOL },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	pool_table pools;
	cli_pools_load(&pools);
	const pool_def *pool = NULL;
	const char *uscc = NULL;
	out_format fmt = OUT_TABLE;
	ent_record e = { 0 };
	int c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE:
			if (!history)
				goto bad;
			uscc = optarg;
			break;
		case OPT_POOL:
			if (history)
				goto bad;
			if (cli_arg_pool(&pools, "--pool", optarg, &pool))
				goto out;
			break;
		case OPT_FORMAT:
			if (cli_arg_format(optarg, &fmt))
				goto out;
			break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto bad;
		}
	}
	if (optind < argc || (history && !uscc))
		goto bad;
	if (history) {
		if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_ENT_VIEW)) != 0)
			goto out;
	} else if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	which w = { e.id, pool ? pool->code : NULL, cli_scope_area(ctx) };
	list_state ls = {
		history ? out_new(history_cols, sizeof history_cols / sizeof history_cols[0])
		        : out_new(member_cols, sizeof member_cols / sizeof member_cols[0]),
		&pools, history,
	};
	rc = cli_each_page(ctx, history ? fetch_history : fetch_members, &w, sizeof(pool_period),
	                   add_row, &ls);
	if (rc == EXIT_OK)
		out_print(ls.t, fmt, false, stdout);
	out_free(&ls.t);
	goto out;
bad:
	usage(stderr);
	rc = EXIT_USAGE;
out:
	ent_record_clear(&e);
	pools_free(&pools);
	return rc;
}

static int pool_list(cli_ctx *ctx, int argc, char **argv)
{
	return periods(ctx, argc, argv, false);
}

static int pool_history(cli_ctx *ctx, int argc, char **argv)
{
	return periods(ctx, argc, argv, true);
}

int cmd_pool(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "enter", pool_enter }, { "leave", pool_leave }, { "list", pool_list },
		{ "history", pool_history },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
