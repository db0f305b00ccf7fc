/* Shared argument handling of the commands; see cli_args.h. The messages name the
 * option at fault, because scripts and people both read them. */
#include "cli/cli_args.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "core/uscc.h"
#include "model/perm.h"
#include "policy/policy.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

int cli_subcommand(app_ctx *ctx, int argc, char **argv, const cli_sub *subs, int nsubs,
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
	say_error(_("%s: unknown subcommand '%s' (%s)"), argv[0], argv[1], sb_str(&names));
	sb_free(&names);
	return EXIT_USAGE;
}

int cli_arg_enterprise(app_ctx *ctx, const char *arg, ent_record *e, int act)
{
	char norm[19];
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	uscc_check(arg, norm, NULL);
	int found = ent_store_get(app_db(ctx), *norm ? norm : arg, 0, e, &se);
	if (found < 0) {
		say_error("%s", app_store_text(&se, &err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	if (found == 1) {
		say_error(_("no enterprise with USCC %s"), arg);
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
		say_error(_("--format: '%s' is not one of table, csv, json"), arg);
		return EXIT_USAGE;
	}
	return 0;
}

int cli_arg_date(const char *opt, const char *s, qdate *d)
{
	if (date_parse(s, d))
		return 0;
	say_error(_("%s: '%s' is not a real date of the form YYYY-MM-DD"), opt, s);
	return EXIT_USAGE;
}

int cli_arg_id(const char *what, const char *s, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end || errno || v <= 0) {
		say_error(_("%s '%s' is not a record number (a whole number from 1)"), what, s);
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
	say_error(_("%s: unknown pool '%s'; allowed: %s"), opt, s, sb_str(&b));
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
	int rc = policy_pools_load(t, path, &err);
	free(path);
	if (rc < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		exit(EXIT_USAGE);
	}
}

int cli_each_page(app_ctx *ctx, cli_page_fn *fetch, const void *filter, size_t size,
                  void (*row)(void *rec, void *arg), void *arg)
{
	enum { PAGE = 500 };
	store_err err = { 0 };
	char *page = xcalloc(PAGE, size);
	int n, rc = 0;
	for (long off = 0;; off += PAGE) {
		if (fetch(app_db(ctx), filter, off, PAGE, page, &n, &err) < 0) {
			cli_store_error(&err);
			rc = EXIT_USAGE;
			break;
		}
		for (int i = 0; i < n; i++)
			row(page + size * (size_t)i, arg);
		if (n < PAGE)
			break;
	}
	free(page);
	return rc;
}

void cli_store_error(const store_err *e)
{
	strbuf b = STRBUF_INIT;
	say_error("%s", app_store_text(e, &b));
	sb_free(&b);
}

int cli_store_rc(int rc, const strbuf *err)
{
	if (rc == 0)
		return EXIT_OK;
	say_error("%s", sb_str(err));
	return rc > 0 ? EXIT_NO : EXIT_USAGE;
}

int cli_record_get(app_ctx *ctx, const cli_record *k, int64_t id, int act, void *rec)
{
	strbuf err = STRBUF_INIT;
	int rc = cli_store_rc(k->get(app_db(ctx), id, rec, &err), &err);
	sb_free(&err);
	if (rc == EXIT_OK && !cli_allowed(ctx, act, k->area(rec), NULL)) {
		k->clear(rec);
		rc = EXIT_NO;
	}
	return rc;
}

int cli_record_show(app_ctx *ctx, int argc, char **argv, const cli_record *k,
                    void (*usage)(FILE *fp))
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, CLI_OPT_FORMAT },
		{ "help", no_argument, NULL, CLI_OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == CLI_OPT_HELP) {
			usage(stdout);
			return EXIT_OK;
		}
		if (c != CLI_OPT_FORMAT || cli_arg_format(optarg, &fmt))
			return EXIT_USAGE;
	}
	int64_t id;
	if (optind != argc - 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (cli_arg_id(_(k->number), argv[optind], &id))
		return EXIT_USAGE;
	void *rec = xcalloc(1, k->size);
	int rc = cli_record_get(ctx, k, id, PERM_ENT_VIEW, rec);
	if (rc == EXIT_OK) {
		if (fmt == OUT_JSON)
			k->show_json(rec);
		else if (fmt == OUT_CSV)
			k->show_csv(rec);
		else
			k->show_table(rec);
		k->clear(rec);
	}
	free(rec);
	return rc;
}

out_table *cli_kv_new(void)
{
	static const app_column kv[] = {
		{ .key = "field", .header = N_("Field"), .kind = COL_STR },
		{ .key = "value", .header = N_("Value"), .kind = COL_STR },
	};
	return out_new(kv, 2);
}

void cli_kv_add(out_table *t, char *label, char *value)
{
	const char *row[2] = { label, value };
	out_row(t, row);
	free(label);
	free(value);
}

void cli_kv_print(out_table **t)
{
	out_print(*t, OUT_TABLE, false, stdout);
	out_free(t);
}

/* cli_list's options: the listing's own and the common ones, NULL-terminated */
static struct option *list_options(const struct option *own)
{
	static const struct option common[] = {
		{ "enterprise", required_argument, NULL, CLI_OPT_ENTERPRISE },
		{ "format", required_argument, NULL, CLI_OPT_FORMAT },
		{ "help", no_argument, NULL, CLI_OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	size_t n = 0;
	while (own[n].name)
		n++;
	struct option *all = xcalloc(n + sizeof common / sizeof common[0], sizeof *all);
	memcpy(all, own, n * sizeof *all);
	memcpy(all + n, common, sizeof common);
	return all;
}

/* cli_list's state while rows are added */
typedef struct list_state {
	const cli_listing *l;
	out_table *t;
	out_format fmt;
	const void *own;
} list_state;

static void list_add(void *rec, void *arg)
{
	list_state *ls = arg;
	ls->l->row(ls->t, ls->fmt, rec, ls->own);
	ls->l->clear(rec);
}

/* the options of a list: true to go on, false with the exit code in *rc */
static bool list_args(app_ctx *ctx, int argc, char **argv, const cli_listing *l, cli_query *q,
                      const char **uscc, out_format *fmt, void (*usage)(FILE *fp), int *rc)
{
	struct option *opts = list_options(l->opts);
	int c;
	*rc = 0;
	optind = 0;
	while (*rc == 0 && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case CLI_OPT_ENTERPRISE:
			*uscc = optarg;
			*rc = l->enterprise == CLI_ENT_NONE ? -1 : 0;
			break;
		case CLI_OPT_FORMAT: *rc = cli_arg_format(optarg, fmt); break;
		case CLI_OPT_HELP:
			usage(stdout);
			free(opts);
			return false;
		default: *rc = l->option(ctx, c, optarg, q); break;
		}
	}
	free(opts);
	if (*rc == 0 && (optind < argc || (l->enterprise == CLI_ENT_REQUIRED && !*uscc)))
		*rc = -1;
	if (*rc < 0) {
		usage(stderr);
		*rc = EXIT_USAGE;
	}
	if (*rc == 0 && l->check)
		*rc = l->check(q);
	return *rc == 0;
}

int cli_list(app_ctx *ctx, int argc, char **argv, const cli_listing *l, void *own,
             void (*usage)(FILE *fp))
{
	cli_query q = { 0, NULL, own };
	out_format fmt = OUT_TABLE;
	const char *uscc = NULL;
	int rc;
	if (!list_args(ctx, argc, argv, l, &q, &uscc, &fmt, usage, &rc))
		return rc;
	if (uscc) {
		ent_record e = { 0 };
		if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_ENT_VIEW)) != 0)
			return rc;
		q.enterprise_id = e.id;
		ent_record_clear(&e);
	} else if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL)) {
		return EXIT_NO;
	}
	q.scope_area = app_scope_area(ctx);
	list_state ls = { l, out_new(l->cols, l->ncols), fmt, own };
	rc = cli_each_page(ctx, l->fetch, &q, l->size, list_add, &ls);
	if (rc == EXIT_OK)
		out_print(ls.t, fmt, false, stdout);
	out_free(&ls.t);
	return rc;
}
