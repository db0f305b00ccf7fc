/* qifu pool enter|leave|list|history: the cultivation pools (科技型企业培育库,
 * 五上企业培育库) with their entry and exit history. The options and JSON keys are a
 * stable interface. */
#include "app/records.h"
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

int cmd_pool(app_ctx *ctx, int argc, char **argv);

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

enum { OPT_ENTERPRISE = 1, OPT_POOL, OPT_DATE, OPT_REASON, OPT_HELP };

/* enter and leave: the same options, the same checks, a different store call */
static int move(app_ctx *ctx, int argc, char **argv, bool entering)
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
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
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
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, entering ? "--enterprise --pool" : "--enterprise --pool --reason"))
		goto out;
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_POOL_EDIT)) != 0)
		goto out;
	app_record_rc got = app_pool_move(ctx, e.id, pool, !entering, on, &reason, &err);
	char day[11];
	if (got == APP_RECORD_BAD_INPUT) {
		say_error(_("--reason: %s"), sb_str(&err));
		rc = app_record_exit(got);
	} else if (got != APP_RECORD_SAVED) {
		say_error("%s: %s", e.name, sb_str(&err));
		rc = app_record_exit(got);
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

static int pool_enter(app_ctx *ctx, int argc, char **argv)
{
	return move(ctx, argc, argv, true);
}

static int pool_leave(app_ctx *ctx, int argc, char **argv)
{
	return move(ctx, argc, argv, false);
}

static const app_column member_cols[] = {
	{ .key = "pool", .header = N_("Pool code"), .kind = COL_STR },
	{ .key = "pool_name", .header = N_("Pool"), .kind = COL_STR },
	{ .key = "enterprise", .header = N_("Enterprise"), .kind = COL_STR },
	{ .key = "uscc", .header = N_("Credit code"), .kind = COL_STR },
	{ .key = "area", .header = N_("Area"), .kind = COL_STR },
	{ .key = "entered_on", .header = N_("Entered on"), .kind = COL_STR },
	{ .key = "reason", .header = N_("Reason for entry"), .kind = COL_STR },
};

static const app_column history_cols[] = {
	{ .key = "pool", .header = N_("Pool code"), .kind = COL_STR },
	{ .key = "pool_name", .header = N_("Pool"), .kind = COL_STR },
	{ .key = "entered_on", .header = N_("Entered on"), .kind = COL_STR },
	{ .key = "left_on", .header = N_("Left on"), .kind = COL_STR },
	{ .key = "reason_in", .header = N_("Reason for entry"), .kind = COL_STR },
	{ .key = "reason_out", .header = N_("Reason for leaving"), .kind = COL_STR },
	{ .key = "entered_by", .header = N_("Entered by"), .kind = COL_STR },
	{ .key = "left_by", .header = N_("Left by"), .kind = COL_STR },
};

/* the values of list's and history's own options */
typedef struct list_opts {
	const pool_table *pools;
	const pool_def *pool;   /* list --pool; NULL for every pool */
	bool history;
} list_opts;

static void dates(const pool_period *p, char in[11], char out[11])
{
	date_format(p->entered_on, in);
	out[0] = '\0';
	if (p->left_on != DATE_NONE)
		date_format(p->left_on, out);
}

static void member_row(out_table *t, out_format fmt, const void *rec, const void *own)
{
	const pool_period *p = rec;
	const list_opts *o = own;
	char in[11], out[11];
	dates(p, in, out);
	const char *cells[] = { p->pool, pools_name(o->pools, p->pool), p->enterprise, p->uscc,
	                        p->area, in, p->reason_in };
	out_row(t, cells);
}

static void history_row(out_table *t, out_format fmt, const void *rec, const void *own)
{
	const pool_period *p = rec;
	const list_opts *o = own;
	char in[11], out[11];
	dates(p, in, out);
	const char *cells[] = { p->pool, pools_name(o->pools, p->pool), in, out, p->reason_in,
	                        p->reason_out, p->entered_by, p->left_by };
	out_row(t, cells);
}

static int fetch_history(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                         store_err *err)
{
	const cli_query *q = arg;
	int rc = pool_store_history_from(d, q->enterprise_id, last ? ((const pool_period *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? pool_store_history(d, q->enterprise_id, offset, limit, out, n, err) : rc;
}

static int fetch_members(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                         store_err *err)
{
	const cli_query *q = arg;
	const list_opts *o = q->own;
	int rc = pool_store_members_from(d, o->pool ? o->pool->code : NULL, q->scope_area, last ? ((const pool_period *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? pool_store_members(d, o->pool ? o->pool->code : NULL, q->scope_area, offset, limit, out, n, err) : rc;
}

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	list_opts *o = q->own;
	if (c != OPT_POOL || o->history)
		return -1;
	return cli_arg_pool(o->pools, "--pool", val, &o->pool);
}

static void period_clear(void *rec)
{
	pool_period_clear(rec);
}

/* list and history: the same options, different rows */
static int periods(app_ctx *ctx, int argc, char **argv, bool history)
{
	static const struct option opts[] = {
		{ "pool", required_argument, NULL, OPT_POOL },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing members = {
		opts, list_option, NULL, CLI_ENT_NONE, fetch_members, sizeof(pool_period),
		member_cols, sizeof member_cols / sizeof member_cols[0], member_row, period_clear,
	};
	static const cli_listing history_listing = {
		opts, list_option, NULL, CLI_ENT_REQUIRED, fetch_history, sizeof(pool_period),
		history_cols, sizeof history_cols / sizeof history_cols[0], history_row, period_clear,
	};
	pool_table pools;
	cli_pools_load(&pools);
	list_opts o = { &pools, NULL, history };
	int rc = cli_list(ctx, argc, argv, history ? &history_listing : &members, &o, usage);
	pools_free(&pools);
	return rc;
}

static int pool_list(app_ctx *ctx, int argc, char **argv)
{
	return periods(ctx, argc, argv, false);
}

static int pool_history(app_ctx *ctx, int argc, char **argv)
{
	return periods(ctx, argc, argv, true);
}

int cmd_pool(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "enter", pool_enter, NULL }, { "leave", pool_leave, NULL },
		{ "list", pool_list, NULL }, { "history", pool_history, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
