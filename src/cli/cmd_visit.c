/* qifu visit add|list|show: visits to enterprises (走访) with the problems found on
 * them. The options and JSON keys are a stable interface that scripts depend on. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/unit.h"
#include "model/visit.h"
#include "store/db.h"
#include "store/staff_store.h"
#include "store/visit_store.h"

int cmd_visit(cli_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu visit add --enterprise USCC [--date YYYY-MM-DD] [--unit UNIT]\n"
	        "                      --people P --topics T [--card] [--problem TEXT]...\n"
	        "       qifu visit list [--enterprise USCC] [--unit UNIT] [--from D] [--to D]\n"
	        "                       [--format table|csv|json]\n"
	        "       qifu visit show ID [--format table|csv|json]\n"
	        "--date defaults to today and may not lie after it; --unit defaults to your unit;\n"
	        "--card: the service contact card was handed over; --problem once per problem.\n"
	        "JSON keys of list: id, date, enterprise, uscc, unit, people, topics,\n"
	        "card_handed (true/false), problems (a count). show adds area, created_by,\n"
	        "created_at, and problems as an array of {seq, text, appeal_id (null until\n"
	        "the problem becomes an appeal)}; its CSV has one row per problem.\n"), fp);
}

enum { OPT_ENTERPRISE = 1, OPT_DATE, OPT_UNIT, OPT_PEOPLE, OPT_TOPICS, OPT_CARD, OPT_PROBLEM,
       OPT_FROM, OPT_TO, OPT_FORMAT, OPT_HELP };

static int visit_add(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "people", required_argument, NULL, OPT_PEOPLE },
		{ "topics", required_argument, NULL, OPT_TOPICS },
		{ "card", no_argument, NULL, OPT_CARD },
		{ "problem", required_argument, NULL, OPT_PROBLEM },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	visit_rec v = { 0 };
	const char *uscc = NULL;
	int c, rc = EXIT_USAGE;
	v.date = ctx->today;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_DATE:
			if (cli_arg_date("--date", optarg, &v.date))
				goto out;
			break;
		case OPT_UNIT: free(v.unit); v.unit = xstrdup(optarg); break;
		case OPT_PEOPLE: free(v.people); v.people = xstrdup(optarg); break;
		case OPT_TOPICS: free(v.topics); v.topics = xstrdup(optarg); break;
		case OPT_CARD: v.card_handed = true; break;
		case OPT_PROBLEM: visit_add_problem(&v, optarg); break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: usage(stderr); goto out;
		}
	}
	if (optind < argc || !uscc || !v.people || !v.topics) {
		usage(stderr);
		goto out;
	}
	ent_record e = { 0 };
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_VISIT_ADD)) != 0)
		goto out;
	v.enterprise_id = e.id;
	if (!v.unit)
		v.unit = xstrdup(cli_actor(ctx)->unit);
	strbuf err = STRBUF_INIT;
	int64_t id;
	char day[11];
	if (visit_validate(cli_units(ctx), &v, ctx->today, &err) < 0) {
		cli_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
	} else if (visit_store_add(cli_db(ctx), cli_actor(ctx)->login, &v, &id, &err) < 0) {
		cli_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
	} else {
		printf(_("recorded visit %" PRId64 " to %s on %s by %s, %d problem(s) found\n"), id,
		       e.name, date_format(v.date, day), v.unit, v.nproblems);
		rc = EXIT_OK;
	}
	sb_free(&err);
	ent_record_clear(&e);
out:
	visit_rec_clear(&v);
	return rc;
}

static const out_col list_cols[] = {
	{ "id", N_("Visit"), OUT_INT },
	{ "date", N_("Visited on"), OUT_STR },
	{ "enterprise", N_("Enterprise"), OUT_STR },
	{ "uscc", N_("Credit code"), OUT_STR },
	{ "unit", N_("Visiting unit"), OUT_STR },
	{ "people", N_("Visitors"), OUT_STR },
	{ "topics", N_("Topics"), OUT_STR },
	{ "card_handed", N_("Card handed over"), OUT_BOOL },
	{ "problems", N_("Problems"), OUT_INT },
};
#define NLIST ((int)(sizeof list_cols / sizeof list_cols[0]))

static void list_row(out_table *t, const visit_rec *v)
{
	char id[24], day[11], np[16];
	snprintf(id, sizeof id, "%" PRId64, v->id);
	snprintf(np, sizeof np, "%d", v->nproblems);
	const char *cells[NLIST] = { id, date_format(v->date, day), v->enterprise, v->uscc,
		v->unit, v->people, v->topics, v->card_handed ? "1" : "0", np };
	out_row(t, cells);
}

static int fetch(db *d, const void *f, long offset, int limit, void *out, int *n, strbuf *err)
{
	return visit_store_list(d, f, offset, limit, out, n, err);
}

static void add_row(void *rec, void *t)
{
	list_row(t, rec);
	visit_rec_clear(rec);
}

static int visit_list(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	visit_filter f = { 0 };
	out_format fmt = OUT_TABLE;
	const char *uscc = NULL;
	qdate from = DATE_NONE, to = DATE_NONE;
	char from_s[11], to_s[11];
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_UNIT:
			if (!units_find(cli_units(ctx), optarg)) {
				cli_error(_("--unit: unknown unit '%s'"), optarg);
				return EXIT_USAGE;
			}
			f.unit = optarg;
			break;
		case OPT_FROM:
			if (cli_arg_date("--from", optarg, &from))
				return EXIT_USAGE;
			f.from = date_format(from, from_s);
			break;
		case OPT_TO:
			if (cli_arg_date("--to", optarg, &to))
				return EXIT_USAGE;
			f.to = date_format(to, to_s);
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
	if (from != DATE_NONE && to != DATE_NONE && from > to) {
		cli_error(_("--from %s lies after --to %s"), from_s, to_s);
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
	out_table *t = out_new(list_cols, NLIST);
	int rc = cli_each_page(ctx, fetch, &f, sizeof(visit_rec), add_row, t);
	if (rc == EXIT_OK)
		out_print(t, fmt, false, stdout);
	out_free(&t);
	return rc;
}

/* one visit as a JSON object with its problems as an array */
static void show_json(const visit_rec *v)
{
	char day[11];
	printf("{\"id\": %" PRId64 ", \"date\": \"%s\", \"enterprise\": ", v->id,
	       date_format(v->date, day));
	out_json_string(stdout, v->enterprise);
	const struct { const char *key; const char *val; } s[] = {
		{ "uscc", v->uscc }, { "area", v->area }, { "unit", v->unit },
		{ "people", v->people }, { "topics", v->topics },
	};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		printf(", \"%s\": ", s[i].key);
		out_json_string(stdout, s[i].val);
	}
	printf(", \"card_handed\": %s, \"created_by\": ", v->card_handed ? "true" : "false");
	out_json_string(stdout, v->created_by);
	fputs(", \"created_at\": ", stdout);
	out_json_string(stdout, v->created_at);
	fputs(", \"problems\": [", stdout);
	for (int i = 0; i < v->nproblems; i++) {
		printf("%s{\"seq\": %d, \"text\": ", i ? ", " : "", v->problems[i].seq);
		out_json_string(stdout, v->problems[i].text);
		if (v->problems[i].appeal_id)
			printf(", \"appeal_id\": %" PRId64 "}", v->problems[i].appeal_id);
		else
			fputs(", \"appeal_id\": null}", stdout);
	}
	fputs("]}\n", stdout);
}

static void show_table(const visit_rec *v)
{
	static const out_col kv[] = {
		{ "field", N_("Field"), OUT_STR }, { "value", N_("Value"), OUT_STR },
	};
	char id[24], day[11];
	snprintf(id, sizeof id, "%" PRId64, v->id);
	const char *rows[][2] = {
		{ _("Visit"), id },
		{ _("Visited on"), date_format(v->date, day) },
		{ _("Enterprise"), v->enterprise },
		{ _("Credit code"), v->uscc },
		{ _("Area"), v->area },
		{ _("Visiting unit"), v->unit },
		{ _("Visitors"), v->people },
		{ _("Topics"), v->topics },
		{ _("Card handed over"), v->card_handed ? _("yes") : _("no") },
		{ _("Recorded by"), v->created_by },
		{ _("Recorded at"), v->created_at },
	};
	out_table *t = out_new(kv, 2);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		out_row(t, rows[i]);
	for (int i = 0; i < v->nproblems; i++) {
		char *label = xasprintf(_("Problem %d"), v->problems[i].seq);
		char *text = v->problems[i].appeal_id
			? xasprintf(_("%s (appeal %" PRId64 ")"), v->problems[i].text,
			            v->problems[i].appeal_id)
			: xstrdup(v->problems[i].text);
		const char *row[2] = { label, text };
		out_row(t, row);
		free(label);
		free(text);
	}
	out_print(t, OUT_TABLE, false, stdout);
	out_free(&t);
}

/* CSV: the list's columns and one row per problem, so a spreadsheet filters on them */
static void show_csv(const visit_rec *v)
{
	static const out_col cols[] = {
		{ "id", N_("Visit"), OUT_INT },
		{ "date", N_("Visited on"), OUT_STR },
		{ "enterprise", N_("Enterprise"), OUT_STR },
		{ "uscc", N_("Credit code"), OUT_STR },
		{ "area", N_("Area"), OUT_STR },
		{ "unit", N_("Visiting unit"), OUT_STR },
		{ "people", N_("Visitors"), OUT_STR },
		{ "topics", N_("Topics"), OUT_STR },
		{ "card_handed", N_("Card handed over"), OUT_BOOL },
		{ "problem_seq", N_("Problem"), OUT_INT },
		{ "problem", N_("Problem found"), OUT_STR },
		{ "appeal_id", N_("Appeal"), OUT_INT },
	};
	enum { N = sizeof cols / sizeof cols[0] };
	char id[24], day[11], seq[16], appeal[24];
	snprintf(id, sizeof id, "%" PRId64, v->id);
	out_table *t = out_new(cols, N);
	for (int i = 0; i == 0 || i < v->nproblems; i++) {
		bool has = i < v->nproblems;
		seq[0] = appeal[0] = '\0';
		if (has) {
			snprintf(seq, sizeof seq, "%d", v->problems[i].seq);
			if (v->problems[i].appeal_id)
				snprintf(appeal, sizeof appeal, "%" PRId64, v->problems[i].appeal_id);
		}
		const char *cells[N] = { id, date_format(v->date, day), v->enterprise, v->uscc,
			v->area, v->unit, v->people, v->topics, v->card_handed ? "1" : "0", seq,
			has ? v->problems[i].text : "", appeal };
		out_row(t, cells);
	}
	out_print(t, OUT_CSV, false, stdout);
	out_free(&t);
}

static int visit_show(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == OPT_HELP) {
			usage(stdout);
			return EXIT_OK;
		}
		if (c != OPT_FORMAT || cli_arg_format(optarg, &fmt))
			return EXIT_USAGE;
	}
	int64_t id;
	if (optind != argc - 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (cli_arg_id(_("visit number"), argv[optind], &id))
		return EXIT_USAGE;
	visit_rec v = { 0 };
	strbuf err = STRBUF_INIT;
	int found = visit_store_get(cli_db(ctx), id, &v, &err);
	if (found != 0) {
		if (found < 0)
			cli_error("%s", sb_str(&err));
		else
			cli_error(_("no visit %" PRId64), id);
		sb_free(&err);
		return found < 0 ? EXIT_USAGE : EXIT_NO;
	}
	sb_free(&err);
	int rc = EXIT_NO;
	if (cli_allowed(ctx, PERM_ENT_VIEW, v.area, NULL)) {
		if (fmt == OUT_JSON)
			show_json(&v);
		else if (fmt == OUT_CSV)
			show_csv(&v);
		else
			show_table(&v);
		rc = EXIT_OK;
	}
	visit_rec_clear(&v);
	return rc;
}

int cmd_visit(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", visit_add }, { "list", visit_list }, { "show", visit_show },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
