/* qifu visit add|list|show: visits to enterprises (走访) with the problems found on
 * them. The options and JSON keys are a stable interface that scripts depend on. */
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
#include "model/perm.h"
#include "model/unit.h"
#include "model/visit.h"
#include "store/db.h"
#include "store/staff_store.h"
#include "store/visit_store.h"

int cmd_visit(app_ctx *ctx, int argc, char **argv);

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
       OPT_FROM, OPT_TO, OPT_HELP };

static int visit_add(app_ctx *ctx, int argc, char **argv)
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
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
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
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--enterprise --people --topics"))
		goto out;
	ent_record e = { 0 };
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_VISIT_ADD)) != 0)
		goto out;
	v.enterprise_id = e.id;
	if (!v.unit)
		v.unit = xstrdup(app_actor(ctx)->unit);
	strbuf err = STRBUF_INIT;
	int64_t id;
	char day[11];
	app_record_rc saved = app_visit_add(ctx, &v, &id, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
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

static const app_column list_cols[] = {
	{ .key = "id", .header = N_("Visit"), .kind = COL_INT },
	{ .key = "date", .header = N_("Visited on"), .kind = COL_STR },
	{ .key = "enterprise", .header = N_("Enterprise"), .kind = COL_STR },
	{ .key = "uscc", .header = N_("Credit code"), .kind = COL_STR },
	{ .key = "unit", .header = N_("Visiting unit"), .kind = COL_STR },
	{ .key = "people", .header = N_("Visitors"), .kind = COL_STR },
	{ .key = "topics", .header = N_("Topics"), .kind = COL_STR },
	{ .key = "card_handed", .header = N_("Card handed over"), .kind = COL_BOOL },
	{ .key = "problems", .header = N_("Problems"), .kind = COL_INT },
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

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	cli_span *o = q->own;
	switch (c) {
	case OPT_UNIT: return cli_span_option(ctx, o, CLI_SPAN_UNIT, val);
	case OPT_FROM: return cli_span_option(ctx, o, CLI_SPAN_FROM, val);
	case OPT_TO: return cli_span_option(ctx, o, CLI_SPAN_TO, val);
	default: return -1;
	}
}

static int list_check(const cli_query *q)
{
	return cli_span_check(q->own);
}

static int list_fetch(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	const cli_span *o = q->own;
	visit_filter f = { q->enterprise_id, o->unit, cli_span_from(o), cli_span_to(o),
	                   q->scope_area };
	int rc = visit_store_list_from(d, &f, last ? ((const visit_rec *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? visit_store_list(d, &f, offset, limit, out, n, err) : rc;
}

static void list_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	list_row(t, rec);
}

static void rec_clear(void *rec)
{
	visit_rec_clear(rec);
}

static int visit_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing listing = {
		opts, list_option, list_check, CLI_ENT_OPTIONAL, list_fetch, sizeof(visit_rec),
		list_cols, NLIST, list_add, rec_clear,
	};
	cli_span o;
	cli_span_init(&o);
	return cli_list(ctx, argc, argv, &listing, &o, usage);
}

/* one visit as a JSON object with its problems as an array */
static void show_json(const void *rec)
{
	const visit_rec *v = rec;
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
		if (v->problems[i].appeal_id) {
			printf(", \"appeal_id\": %" PRId64 ", \"appeal_number\": ",
			       v->problems[i].appeal_id);
			out_json_string(stdout, v->problems[i].appeal_number
				? v->problems[i].appeal_number : "");
			fputs("}", stdout);
		} else {
			fputs(", \"appeal_id\": null}", stdout);
		}
	}
	fputs("]}\n", stdout);
}

static void show_table(const void *rec)
{
	const visit_rec *v = rec;
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
	out_table *t = cli_kv_new();
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		out_row(t, rows[i]);
	for (int i = 0; i < v->nproblems; i++) {
		const visit_problem *p = &v->problems[i];
		cli_kv_add(t, xasprintf(_("Problem %d"), p->seq), p->appeal_number
			? xasprintf(_("%s (appeal %s)"), p->text, p->appeal_number)
			: xstrdup(p->text));
	}
	cli_kv_print(&t);
}

/* CSV: the list's columns and one row per problem, so a spreadsheet filters on them */
static void show_csv(const void *rec)
{
	const visit_rec *v = rec;
	static const app_column cols[] = {
		{ .key = "id", .header = N_("Visit"), .kind = COL_INT },
		{ .key = "date", .header = N_("Visited on"), .kind = COL_STR },
		{ .key = "enterprise", .header = N_("Enterprise"), .kind = COL_STR },
		{ .key = "uscc", .header = N_("Credit code"), .kind = COL_STR },
		{ .key = "area", .header = N_("Area"), .kind = COL_STR },
		{ .key = "unit", .header = N_("Visiting unit"), .kind = COL_STR },
		{ .key = "people", .header = N_("Visitors"), .kind = COL_STR },
		{ .key = "topics", .header = N_("Topics"), .kind = COL_STR },
		{ .key = "card_handed", .header = N_("Card handed over"), .kind = COL_BOOL },
		{ .key = "problem_seq", .header = N_("Problem"), .kind = COL_INT },
		{ .key = "problem", .header = N_("Problem found"), .kind = COL_STR },
		{ .key = "appeal_id", .header = N_("Appeal"), .kind = COL_INT },
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

static int get(db *d, int64_t id, void *rec, strbuf *err)
{
	store_err se = { 0 };
	int rc = app_store_rc(visit_store_get(d, id, rec, &se), &se, err);
	if (rc == 1)
		sb_addf(err, _("no visit %" PRId64), id);
	return rc;
}

static const char *area(const void *rec)
{
	return ((const visit_rec *)rec)->area;
}

static int visit_show(app_ctx *ctx, int argc, char **argv)
{
	static const cli_record kind = {
		N_("visit number"), sizeof(visit_rec), get, area, rec_clear, show_table, show_csv, show_json,
	};
	return cli_record_show(ctx, argc, argv, &kind, usage);
}

int cmd_visit(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", visit_add, NULL }, { "list", visit_list, NULL }, { "show", visit_show, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
