/* Shared argument handling of the commands; see cli_args.h. The messages name the
 * option at fault, because scripts and people both read them. */
#include "cli/cli_args.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "core/uscc.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

int cli_subcommand(cli_ctx *ctx, int argc, char **argv, const cli_sub *subs, int nsubs,
                   void (*usage)(FILE *fp))
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	for (int i = 0; i < nsubs; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(ctx, argc - 1, argv + 1);
	strbuf names = STRBUF_INIT;
	for (int i = 0; i < nsubs; i++)
		sb_addf(&names, "%s%s", i ? ", " : "", subs[i].name);
	cli_error(_("%s: unknown subcommand '%s' (%s)"), argv[0], argv[1], sb_str(&names));
	sb_free(&names);
	return EXIT_USAGE;
}

int cli_arg_enterprise(cli_ctx *ctx, const char *arg, ent_record *e, int act)
{
	char norm[19];
	strbuf err = STRBUF_INIT;
	uscc_check(arg, norm, NULL);
	int found = ent_store_get(cli_db(ctx), *norm ? norm : arg, 0, e, &err);
	if (found < 0) {
		cli_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	if (found == 1) {
		cli_error(_("no enterprise with USCC %s"), arg);
		return EXIT_NO;
	}
	if (!cli_allowed(ctx, act, e->area, NULL)) {
		ent_record_clear(e);
		return EXIT_NO;
	}
	return 0;
}

int cli_arg_format(const char *arg, out_format *f)
{
	if (!out_parse_format(arg, f)) {
		cli_error(_("--format: '%s' is not one of table, csv, json"), arg);
		return EXIT_USAGE;
	}
	return 0;
}

int cli_arg_date(const char *opt, const char *s, qdate *d)
{
	if (date_parse(s, d))
		return 0;
	cli_error(_("%s: '%s' is not a real date of the form YYYY-MM-DD"), opt, s);
	return EXIT_USAGE;
}

int cli_arg_id(const char *what, const char *s, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end || errno || v <= 0) {
		cli_error(_("%s '%s' is not a record number (a whole number from 1)"), what, s);
		return EXIT_USAGE;
	}
	*id = (int64_t)v;
	return 0;
}

int cli_arg_pool(const pool_table *t, const char *opt, const char *s, const pool_def **p)
{
	*p = pools_find(t, s);
	if (*p)
		return 0;
	strbuf b = STRBUF_INIT;
	pools_list(t, &b);
	cli_error(_("%s: unknown pool '%s'; allowed: %s"), opt, s, sb_str(&b));
	sb_free(&b);
	return EXIT_USAGE;
}

int cli_arg_pool_code(const char *opt, const char *s, char code[POOL_CODE_MAX])
{
	pool_table t;
	const pool_def *p;
	cli_pools_load(&t);
	int rc = cli_arg_pool(&t, opt, s, &p);
	if (rc == 0)
		snprintf(code, POOL_CODE_MAX, "%s", p->code);
	pools_free(&t);
	return rc;
}

void cli_pools_load(pool_table *t)
{
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("pools.tsv");
	int rc = pools_load(t, path, &err);
	free(path);
	if (rc < 0) {
		cli_error("%s", sb_str(&err));
		sb_free(&err);
		exit(EXIT_USAGE);
	}
}

const char *cli_scope_area(cli_ctx *ctx)
{
	staff *me = cli_actor(ctx);
	if (me->role != ROLE_AREA_OFFICER)
		return NULL;
	/* an officer without an area sees nothing rather than everything */
	return me->area ? me->area : "";
}

int cli_each_page(cli_ctx *ctx, cli_page_fn *fetch, const void *filter, size_t size,
                  void (*row)(void *rec, void *arg), void *arg)
{
	enum { PAGE = 500 };
	strbuf err = STRBUF_INIT;
	char *page = xcalloc(PAGE, size);
	int n, rc = 0;
	for (long off = 0;; off += PAGE) {
		if (fetch(cli_db(ctx), filter, off, PAGE, page, &n, &err) < 0) {
			cli_error("%s", sb_str(&err));
			rc = EXIT_USAGE;
			break;
		}
		for (int i = 0; i < n; i++)
			row(page + size * (size_t)i, arg);
		if (n < PAGE)
			break;
	}
	free(page);
	sb_free(&err);
	return rc;
}
