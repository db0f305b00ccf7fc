/* Shared argument handling of the commands; see cli_args.h. The messages name the
 * option at fault, because scripts and people both read them. */
#include "cli/cli_args.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/chunk.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/suggest.h"
#include "core/xalloc.h"
#include "core/uscc.h"
#include "model/perm.h"
#include "model/unit.h"
#include "policy/policy.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

cli_found *cli_discovery;

/* names of what cli_getopt returned since the parse began (optind 0), for cli_required */
enum { SEEN_MAX = 64 };
static const char *seen[SEEN_MAX];
static size_t nseen;

static bool is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* "; see qifu appeal --help" for the command whose argv this is */
static void add_see(char *const *argv, strbuf *b)
{
	sb_addf(b, _("; see qifu %s --help"), cli_command_name(argv));
}

int cli_subcommand(app_ctx *ctx, int argc, char **argv, const cli_sub *subs, int nsubs,
                   void (*usage)(FILE *fp))
{
	if (argc >= 2 && is_help(argv[1])) {
		if (cli_discovery) {
			cli_discovery->subs = xcalloc((size_t)nsubs, sizeof *cli_discovery->subs);
			for (int i = 0; i < nsubs; i++)
				cli_discovery->subs[i] = subs[i].name;
			cli_discovery->nsubs = (size_t)nsubs;
			return EXIT_OK;
		}
		usage(stdout);
		return EXIT_OK;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	for (int i = 0; i < nsubs; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(ctx, argc - 1, argv + 1);
	const char **names = xcalloc((size_t)nsubs, sizeof *names);
	for (int i = 0; i < nsubs; i++)
		names[i] = subs[i].name;
	int k = suggest_word(argv[1], names, (size_t)nsubs);
	strbuf where = STRBUF_INIT, msg = STRBUF_INIT;
	cli_where(argv, &where);
	sb_addf(&msg, _("%s: unknown subcommand '%s'"), sb_str(&where), argv[1]);
	if (k >= 0)
		sb_addf(&msg, _("; did you mean '%s'?"), names[k]);
	else
		add_see(argv, &msg);
	say_error("%s", sb_str(&msg));
	sb_free(&where);
	sb_free(&msg);
	free(names);
	return EXIT_USAGE;
}

/* the options of opts the subcommand takes, for the completion */
static void discover(const struct option *opts,
                     bool (*takes)(const struct option *o, const void *arg), const void *arg)
{
	size_t n = 0;
	while (opts[n].name)
		n++;
	cli_discovery->opts = xcalloc(n + 1, sizeof *cli_discovery->opts);
	cli_discovery->nopts = 0;
	for (size_t i = 0; i < n; i++)
		if (!takes || takes(&opts[i], arg))
			cli_discovery->opts[cli_discovery->nopts++] =
				(cli_found_opt){ opts[i].name, opts[i].has_arg == required_argument };
}

/* the message for an option word the subcommand does not take, into msg */
static void refuse_option(char *const *argv, const char *word, const struct option *opts,
                          bool (*takes)(const struct option *o, const void *arg),
                          const void *arg, strbuf *msg)
{
	strbuf where = STRBUF_INIT;
	cli_where(argv, &where);
	/* --serch=x is the option --serch */
	size_t len = strcspn(word, "=");
	char *shown = xstrndup(word, len);
	const char *name = strncmp(shown, "--", 2) == 0 ? shown + 2 : shown;
	size_t n = 0;
	while (opts[n].name)
		n++;
	const char **names = xcalloc(n + 1, sizeof *names);
	size_t nn = 0, nprefix = 0;
	for (size_t i = 0; i < n; i++)
		if (!takes || takes(&opts[i], arg))
			names[nn++] = opts[i].name;
	strbuf choices = STRBUF_INIT;
	for (size_t i = 0; *name && i < nn; i++)
		if (strncmp(names[i], name, strlen(name)) == 0) {
			sb_addf(&choices, "%s--%s", nprefix ? _(", ") : "", names[i]);
			nprefix++;
		}
	if (nprefix > 1 && shown != name) {
		sb_addf(msg, _("%s: %s is ambiguous: %s"), sb_str(&where), shown, sb_str(&choices));
	} else {
		sb_addf(msg, _("%s does not take %s"), sb_str(&where), shown);
		/* one that another subcommand takes is no typo */
		bool real = false;
		for (size_t i = 0; i < n && !real; i++)
			real = strcmp(opts[i].name, name) == 0;
		int k = shown != name && !real ? suggest_word(name, names, nn) : -1;
		if (k >= 0)
			sb_addf(msg, _("; did you mean --%s?"), names[k]);
		else
			add_see(argv, msg);
	}
	sb_free(&choices);
	free(names);
	free(shown);
	sb_free(&where);
}

int cli_getopt_some(int argc, char **argv, const struct option *opts, int *idx,
                    bool (*takes)(const struct option *o, const void *arg), const void *arg)
{
	if (optind == 0)
		nseen = 0;
	if (cli_discovery) {
		discover(opts, takes, arg);
		return '?';
	}
	int i = -1;
	opterr = 0;
	/* ':' first: a missing value comes back as ':', told apart from an unknown option */
	int c = getopt_long(argc, argv, ":", opts, &i);
	if (idx)
		*idx = i;
	if (c == -1)
		return -1;
	strbuf msg = STRBUF_INIT;
	if (c == ':') {
		strbuf where = STRBUF_INIT;
		cli_where(argv, &where);
		sb_addf(&msg, _("%s: %s needs a value"), sb_str(&where), argv[optind - 1]);
		add_see(argv, &msg);
		sb_free(&where);
	} else if (c == '?' && optopt == 'h') {
		for (size_t k = 0; opts[k].name; k++)
			if (strcmp(opts[k].name, "help") == 0) {
				if (idx)
					*idx = (int)k;
				return opts[k].val;
			}
		refuse_option(argv, "-h", opts, takes, arg, &msg);
	} else if (c == '?') {
		char shortopt[3] = { '-', (char)optopt, '\0' };
		refuse_option(argv, optopt ? shortopt : argv[optind - 1], opts, takes, arg, &msg);
	} else if (takes && !takes(&opts[i], arg)) {
		char *word = xasprintf("--%s", opts[i].name);
		refuse_option(argv, word, opts, takes, arg, &msg);
		free(word);
	} else {
		if (i >= 0 && nseen < SEEN_MAX)
			seen[nseen++] = opts[i].name;
		return c;
	}
	say_error("%s", sb_str(&msg));
	sb_free(&msg);
	return '?';
}

int cli_getopt(int argc, char **argv, const struct option *opts, int *idx)
{
	return cli_getopt_some(argc, argv, opts, idx, NULL, NULL);
}

int cli_missing(const char *required, const char *const *given, size_t ngiven, strbuf *out)
{
	int n = 0;
	for (const char *p = required; *p;) {
		p += strspn(p, " ");
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		const char *name = strncmp(p, "--", 2) == 0 ? p + 2 : p;
		size_t nlen = len - (size_t)(name - p);
		bool found = false;
		for (size_t i = 0; i < ngiven && !found; i++)
			found = strlen(given[i]) == nlen && strncmp(given[i], name, nlen) == 0;
		if (!found) {
			sb_addf(out, "%s--%.*s", n ? _(", ") : "", (int)nlen, name);
			n++;
		}
		p += len;
	}
	return n;
}

int cli_required(char **argv, const char *required)
{
	strbuf missing = STRBUF_INIT;
	int n = cli_missing(required, seen, nseen, &missing);
	if (n) {
		strbuf where = STRBUF_INIT;
		cli_where(argv, &where);
		say_error(P_("%s: %s is required; see qifu %s --help",
		             "%s: %s are required; see qifu %s --help", n),
		          sb_str(&where), sb_str(&missing), cli_command_name(argv));
		sb_free(&where);
	}
	sb_free(&missing);
	return n ? EXIT_USAGE : 0;
}

int cli_help_only(int argc, char **argv, void (*usage)(FILE *fp))
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	optind = 0;
	int c = cli_getopt(argc, argv, opts, NULL);
	if (c == 'h')
		usage(stdout);
	return c == -1 ? -1 : c == 'h' ? EXIT_OK : EXIT_USAGE;
}

int cli_format_only(int argc, char **argv, void (*usage)(FILE *fp), out_format *fmt)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, CLI_OPT_FORMAT },
		{ "help", no_argument, NULL, CLI_OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	*fmt = OUT_TABLE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == CLI_OPT_HELP) {
			usage(stdout);
			return EXIT_OK;
		}
		if (c != CLI_OPT_FORMAT || cli_arg_format(optarg, fmt))
			return EXIT_USAGE;
	}
	return -1;
}

int cli_operands(int argc, char **argv, int n, const char *what)
{
	int have = argc - optind;
	if (have == n)
		return 0;
	strbuf where = STRBUF_INIT, msg = STRBUF_INIT;
	cli_where(argv, &where);
	if (have < n)
		sb_addf(&msg, _("%s needs %s"), sb_str(&where), what);
	else
		sb_addf(&msg, _("%s: unexpected argument '%s'"), sb_str(&where), argv[optind + n]);
	add_see(argv, &msg);
	say_error("%s", sb_str(&msg));
	sb_free(&where);
	sb_free(&msg);
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

void cli_period_init(cli_period *p)
{
	memset(p, 0, sizeof *p);
	p->from = p->to = DATE_NONE;
}

int cli_period_arg(cli_period *p, bool to, const char *val)
{
	qdate *d = to ? &p->to : &p->from;
	if (cli_arg_date(to ? "--to" : "--from", val, d))
		return EXIT_USAGE;
	date_format(*d, to ? p->to_s : p->from_s);
	return 0;
}

int cli_period_check(const cli_period *p)
{
	if (p->from != DATE_NONE && p->to != DATE_NONE && p->from > p->to) {
		say_error(_("--from %s lies after --to %s"), p->from_s, p->to_s);
		return EXIT_USAGE;
	}
	return 0;
}

const char *cli_period_from(const cli_period *p)
{
	return p->from != DATE_NONE ? p->from_s : NULL;
}

const char *cli_period_to(const cli_period *p)
{
	return p->to != DATE_NONE ? p->to_s : NULL;
}

int cli_arg_place(app_ctx *ctx, bool area, const char *arg, const char **area_out,
                  const char **unit_out)
{
	const unit_def *u = units_find(app_units(ctx), arg);
	if (u && (!area || u->kind == UNIT_AREA)) {
		*(area ? area_out : unit_out) = arg;
		return 0;
	}
	say_error(area ? _("--area: '%s' is not one of the grid areas")
	               : _("--unit: unknown unit '%s'"), arg);
	return EXIT_USAGE;
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

/* cli_each_page on app_each_chunk: a page by key after the last record read */
typedef struct page_walk {
	cli_page_fn *fetch;
	const void *filter;
	void (*row)(void *rec, void *arg);
	void *arg;
} page_walk;

static int page_read(db *d, void *query, const void *last, long offset, int limit, void *out,
                     int *n, store_err *err)
{
	const page_walk *w = query;
	return w->fetch(d, w->filter, last, offset, limit, out, n, err);
}

static int page_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	const page_walk *w = arg;
	w->row(rec, w->arg);
	return 0;
}

int cli_each_page(app_ctx *ctx, cli_page_fn *fetch, const void *filter, size_t size,
                  void (*clear)(void *rec), void (*row)(void *rec, void *arg), void *arg)
{
	page_walk w = { fetch, filter, row, arg };
	app_chunked c = { page_read, &w, size, clear, 0 };
	strbuf err = STRBUF_INIT;
	int rc = app_each_chunk(ctx, &c, page_row, &w, &err);
	if (rc < 0)
		say_error("%s", sb_str(&err));
	sb_free(&err);
	return rc < 0 ? EXIT_USAGE : EXIT_OK;
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
	out_format fmt;
	int rc = cli_format_only(argc, argv, usage, &fmt);
	if (rc >= 0)
		return rc;
	int64_t id;
	if (cli_operands(argc, argv, 1, _(k->number)) || cli_arg_id(_(k->number), argv[optind], &id))
		return EXIT_USAGE;
	void *rec = xcalloc(1, k->size);
	rc = cli_record_get(ctx, k, id, PERM_ENT_VIEW, rec);
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
}

/* cli_list's takes: --enterprise only where the listing has it */
static bool list_takes(const struct option *o, const void *arg)
{
	const cli_listing *l = arg;
	return o->val != CLI_OPT_ENTERPRISE || l->enterprise != CLI_ENT_NONE;
}

/* the options of a list: true to go on, false with the exit code in *rc */
static bool list_args(app_ctx *ctx, int argc, char **argv, const cli_listing *l, cli_query *q,
                      const char **uscc, out_format *fmt, void (*usage)(FILE *fp), int *rc)
{
	struct option *opts = list_options(l->opts);
	int c;
	*rc = 0;
	optind = 0;
	while (*rc == 0 && (c = cli_getopt_some(argc, argv, opts, NULL, list_takes, l)) != -1) {
		switch (c) {
		case CLI_OPT_ENTERPRISE: *uscc = optarg; break;
		case CLI_OPT_FORMAT: *rc = cli_arg_format(optarg, fmt); break;
		case CLI_OPT_HELP:
			usage(stdout);
			free(opts);
			return false;
		case '?': *rc = EXIT_USAGE; break;
		default: *rc = l->option(ctx, c, optarg, q); break;
		}
	}
	free(opts);
	if (*rc == 0 && cli_operands(argc, argv, 0, NULL))
		*rc = EXIT_USAGE;
	if (*rc < 0) {
		usage(stderr);
		*rc = EXIT_USAGE;
	}
	if (*rc == 0 && l->enterprise == CLI_ENT_REQUIRED)
		*rc = cli_required(argv, "--enterprise");
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
	/* a long list goes out as it is read, never whole in memory (a row reads its
	 * own only); a table reads it twice, measuring its widths first */
	out_stream(ls.t, fmt, stdout);
	rc = EXIT_OK;
	for (int pass = 0; rc == EXIT_OK && (pass == 0 || out_stream_again(ls.t)); pass++)
		rc = cli_each_page(ctx, l->fetch, &q, l->size, l->clear, list_add, &ls);
	if (rc == EXIT_OK)
		out_print(ls.t, fmt, false, stdout);
	out_free(&ls.t);
	return rc;
}

void cli_span_init(cli_span *s)
{
	memset(s, 0, sizeof *s);
	s->from = s->to = DATE_NONE;
}

int cli_span_option(app_ctx *ctx, cli_span *s, cli_span_opt which, const char *val)
{
	switch (which) {
	case CLI_SPAN_UNIT:
		if (!units_find(app_units(ctx), val)) {
			say_error(_("--unit: unknown unit '%s'"), val);
			return EXIT_USAGE;
		}
		s->unit = val;
		return 0;
	case CLI_SPAN_FROM:
		if (cli_arg_date("--from", val, &s->from))
			return EXIT_USAGE;
		date_format(s->from, s->from_s);
		return 0;
	case CLI_SPAN_TO:
		if (cli_arg_date("--to", val, &s->to))
			return EXIT_USAGE;
		date_format(s->to, s->to_s);
		return 0;
	}
	return EXIT_USAGE;
}

int cli_span_check(const cli_span *s)
{
	if (s->from != DATE_NONE && s->to != DATE_NONE && s->from > s->to) {
		say_error(_("--from %s lies after --to %s"), s->from_s, s->to_s);
		return EXIT_USAGE;
	}
	return 0;
}

const char *cli_span_from(const cli_span *s)
{
	return s->from != DATE_NONE ? s->from_s : NULL;
}

const char *cli_span_to(const cli_span *s)
{
	return s->to != DATE_NONE ? s->to_s : NULL;
}
