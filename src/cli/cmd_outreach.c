/* qifu outreach add|attend|problem|appeal|list|show: outreach events (政策宣讲会, 企业座谈会,
 * 培训, 产研对接, 融资对接), the enterprises that attended and the problems raised. The
 * options and JSON keys are a stable interface that scripts depend on. */
#include "app/outreach.h"
#include "app/service_list.h"
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal_move.h"
#include "app/store_text.h"
#include "cli/cli_args.h"
#include "cli/cmd_appeal.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/say.h"
#include "core/xalloc.h"
#include "model/codes.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/appeal_store.h"
#include "store/db.h"
#include "store/outreach_store.h"
#include "store/staff_store.h"

int cmd_outreach(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu outreach add --kind KIND --place P --topic T [--date YYYY-MM-DD]\n"
	        "                         [--unit UNIT] [--policies TEXT] [--enterprise E]...\n"
	        "       qifu outreach attend ID --enterprise E [--enterprise E]...\n"
	        "       qifu outreach attend ID --sheet FILE.csv [--dry-run]\n"
	        "       qifu outreach problem ID --enterprise E --text TEXT\n"
	        "       qifu outreach appeal ID PROBLEM [--kind simple|general|complex]\n"
	        "       qifu outreach list [--enterprise E] [--unit UNIT] [--kind KIND]\n"
	        "                          [--from D] [--to D] [--format table|csv|json]\n"
	        "       qifu outreach show ID [--format table|csv|json]\n"
	        "KIND is a code or name of data/outreach_kinds.tsv (briefing 政策宣讲会, forum\n"
	        "企业座谈会, training 培训, research 产研对接, financing 融资对接). E is a credit\n"
	        "code or an enterprise's registered name. --date defaults to today and may not\n"
	        "lie after it; --unit (the organising unit) defaults to yours. A sign-in sheet\n"
	        "is a CSV (UTF-8, UTF-8 with BOM or GB18030) with a header naming a column\n"
	        "统一社会信用代码 or 企业名称; rows above it are skipped; a line that names no\n"
	        "enterprise is reported and nothing is recorded. appeal turns a problem into an\n"
	        "appeal with the organising unit first responsible.\n"
	        "JSON keys of list: id, kind, date, unit, topic, attendees (a count), place,\n"
	        "problems (a count). show adds policies, created_by, created_at, attendees as\n"
	        "an array of {uscc, name} and problems as an array of {seq, uscc, enterprise,\n"
	        "text, appeal_number (null until the problem becomes an appeal)}.\n"), fp);
}

enum { OPT_KIND = 1, OPT_DATE, OPT_PLACE, OPT_UNIT, OPT_TOPIC, OPT_POLICIES, OPT_ENTERPRISE,
       OPT_SHEET, OPT_DRY_RUN, OPT_TEXT, OPT_FROM, OPT_TO, OPT_HELP };

/* the enterprises keys[0..n) name, into r's attendees: 0, or EXIT_USAGE / EXIT_NO after
 * printing every key that names none */
static int attendees_of(app_ctx *ctx, const char *const *keys, int n, outreach_rec *r)
{
	int rc = 0;
	r->attendees = xcalloc((size_t)(n > 0 ? n : 1), sizeof *r->attendees);
	for (int i = 0; i < n; i++) {
		strbuf err = STRBUF_INIT;
		outreach_attendee *a = &r->attendees[r->nattendees];
		app_record_rc one = app_outreach_enterprise(ctx, keys[i], &a->enterprise_id,
		                                            &a->name, &err);
		if (one == APP_RECORD_SAVED) {
			r->nattendees++;
		} else {
			say_error("--enterprise: %s", sb_str(&err));
			rc = one == APP_RECORD_FAILED ? EXIT_USAGE : EXIT_NO;
		}
		sb_free(&err);
	}
	return rc;
}

static int outreach_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "place", required_argument, NULL, OPT_PLACE },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "topic", required_argument, NULL, OPT_TOPIC },
		{ "policies", required_argument, NULL, OPT_POLICIES },
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	outreach_rec r = { 0 };
	const char **keys = xcalloc((size_t)argc + 1, sizeof *keys);
	int nkeys = 0, c, rc = EXIT_USAGE;
	r.date = ctx->today;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_KIND: free(r.kind); r.kind = xstrdup(optarg); break;
		case OPT_DATE:
			if (cli_arg_date("--date", optarg, &r.date))
				goto out;
			break;
		case OPT_PLACE: free(r.place); r.place = xstrdup(optarg); break;
		case OPT_UNIT: free(r.unit); r.unit = xstrdup(optarg); break;
		case OPT_TOPIC: free(r.topic); r.topic = xstrdup(optarg); break;
		case OPT_POLICIES: free(r.policies); r.policies = xstrdup(optarg); break;
		case OPT_ENTERPRISE: keys[nkeys++] = optarg; break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--kind --place --topic"))
		goto out;
	if (!cli_allowed(ctx, PERM_OUTREACH_EDIT, NULL, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	if (!r.unit)
		r.unit = xstrdup(app_actor(ctx)->unit);
	if ((rc = attendees_of(ctx, keys, nkeys, &r)) != 0)
		goto out;
	strbuf err = STRBUF_INIT;
	int64_t id;
	char day[11];
	app_record_rc saved = app_outreach_add(ctx, &r, &id, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
	} else {
		printf(_("recorded outreach event %" PRId64 ": %s by %s on %s, %d enterprise(s) "
		         "attending\n"), id, codes_name(app_outreach_kinds(ctx), r.kind), r.unit,
		       date_format(r.date, day), r.nattendees);
		rc = EXIT_OK;
	}
	sb_free(&err);
out:
	free(keys);
	outreach_rec_clear(&r);
	return rc;
}

/* one bad line of a sign-in sheet, on stderr */
static void sheet_bad(void *arg, long line, const char *why)
{
	say_error(_("%s: line %ld: %s"), (const char *)arg, line, why);
}

static int attend_sheet(app_ctx *ctx, int64_t id, const char *path, bool dry)
{
	outreach_sheet_result res;
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	if (app_outreach_sheet(ctx, id, path, dry ? ENT_IMPORT_CHECK : ENT_IMPORT_ALL, sheet_bad,
	                       (void *)path, &res, &err) < 0) {
		say_error("%s", sb_str(&err));
	} else if (res.bad) {
		say_error(P_("%s (%s): %ld line of %ld names no enterprise; nothing was recorded",
		             "%s (%s): %ld lines of %ld name no enterprise; nothing was recorded",
		             (unsigned long)res.bad), path, res.encoding, res.bad, res.lines);
	} else if (dry) {
		printf(_("%s (%s): %ld lines name %d enterprise(s); nothing was recorded "
		         "(--dry-run)\n"), path, res.encoding, res.lines, res.named);
		rc = EXIT_OK;
	} else {
		printf(_("%s (%s): %ld lines name %d enterprise(s); %d newly recorded as attending "
		         "outreach event %" PRId64 "\n"), path, res.encoding, res.lines, res.named,
		       res.added, id);
		rc = EXIT_OK;
	}
	sb_free(&err);
	return rc;
}

static int outreach_attend(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	const char **keys = xcalloc((size_t)argc + 1, sizeof *keys);
	const char *sheet = NULL;
	bool dry = false;
	int nkeys = 0, c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: keys[nkeys++] = optarg; break;
		case OPT_SHEET: sheet = optarg; break;
		case OPT_DRY_RUN: dry = true; break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the outreach event's id")) ||
	    cli_arg_id(_("the outreach event's id"), argv[optind], &id))
		goto out;
	if (!sheet && nkeys == 0) {
		say_error(_("give --enterprise (once per enterprise) or --sheet FILE"));
		goto out;
	}
	if (sheet && nkeys) {
		say_error(_("give either --enterprise or --sheet, not both"));
		goto out;
	}
	if (dry && !sheet) {
		say_error(_("--dry-run is for --sheet"));
		goto out;
	}
	if (sheet) {
		rc = attend_sheet(ctx, id, sheet, dry);
		goto out;
	}
	strbuf err = STRBUF_INIT;
	int added;
	app_record_rc saved = app_outreach_attend(ctx, id, keys, nkeys, &added, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
	} else {
		printf(_("%d of %d enterprise(s) newly recorded as attending outreach event %" PRId64
		         "\n"), added, nkeys, id);
		rc = EXIT_OK;
	}
	sb_free(&err);
out:
	free(keys);
	return rc;
}

static int outreach_problem_cmd(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "text", required_argument, NULL, OPT_TEXT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	const char *key = NULL;
	char *text = NULL;
	int c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: key = optarg; break;
		case OPT_TEXT: free(text); text = xstrdup(optarg); break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the outreach event's id")) ||
	    cli_arg_id(_("the outreach event's id"), argv[optind], &id) ||
	    cli_required(argv, "--enterprise --text"))
		goto out;
	strbuf err = STRBUF_INIT;
	int seq;
	app_record_rc saved = app_outreach_problem(ctx, id, key, &text, &seq, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
	} else {
		printf(_("recorded problem %d of outreach event %" PRId64 "; 'qifu outreach appeal "
		         "%" PRId64 " %d' makes it an appeal\n"), seq, id, id, seq);
		rc = EXIT_OK;
	}
	sb_free(&err);
out:
	free(text);
	return rc;
}

static int outreach_appeal(app_ctx *ctx, int argc, char **argv)
{
	ticket_kind kind;
	int rc = appeal_cli_kind_options(argc, argv, &kind, usage);
	if (rc >= 0)
		return rc;
	int64_t id, seq;
	if (cli_operands(argc, argv, 2, _("the outreach event's id and the problem's number")) ||
	    cli_arg_id(_("the outreach event's id"), argv[optind], &id) ||
	    cli_arg_id(_("the problem's number"), argv[optind + 1], &seq))
		return EXIT_USAGE;
	if (seq > INT_MAX)
		seq = INT_MAX;
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	strbuf err = STRBUF_INIT;
	appeal_move_rc w = appeal_move_from_outreach(ctx, id, (int)seq, kind, number, &tm, &err);
	char *source = xasprintf(_("problem %d of outreach event %" PRId64), (int)seq, id);
	rc = appeal_cli_made(ctx, w, number, source, &tm, &err);
	free(source);
	sb_free(&err);
	return rc;
}

/* the values of list's own options */
typedef struct list_opts {
	app_ctx *ctx;
	cli_span span;
	const char *kind;
} list_opts;

/* a cell of the list for out_row_from */
typedef struct cell_arg {
	app_ctx *ctx;
	const outreach_rec *r;
	app_cell_form form;
} cell_arg;

static void cell(const void *arg, int col, strbuf *out)
{
	const cell_arg *a = arg;
	app_outreach_cell(a->ctx, a->r, col, a->form, out);
}

/* the kind's code for files, its name for people */
static void list_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	const list_opts *o = own;
	cell_arg a = { o->ctx, rec, fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE };
	out_row_from(t, cell, &a);
}

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	list_opts *o = q->own;
	switch (c) {
	case OPT_UNIT: return cli_span_option(ctx, &o->span, CLI_SPAN_UNIT, val);
	case OPT_FROM: return cli_span_option(ctx, &o->span, CLI_SPAN_FROM, val);
	case OPT_TO: return cli_span_option(ctx, &o->span, CLI_SPAN_TO, val);
	case OPT_KIND: {
		const code_def *k = codes_find(app_outreach_kinds(ctx), val);
		if (!k) {
			strbuf all = STRBUF_INIT;
			codes_list(app_outreach_kinds(ctx), &all);
			say_error(_("--kind: unknown event kind '%s'; allowed: %s"), val, sb_str(&all));
			sb_free(&all);
			return EXIT_USAGE;
		}
		o->kind = k->code;
		return 0;
	}
	default:
		return -1;
	}
}

static int list_check(const cli_query *q)
{
	const list_opts *o = q->own;
	return cli_span_check(&o->span);
}

static int list_fetch(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	const list_opts *o = q->own;
	outreach_filter f = { q->enterprise_id, o->span.unit, o->kind, cli_span_from(&o->span),
	                      cli_span_to(&o->span) };
	int rc = outreach_store_list_from(d, &f, last ? ((const outreach_rec *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? outreach_store_list(d, &f, offset, limit, out, n, err) : rc;
}

static void rec_clear(void *rec)
{
	outreach_rec_clear(rec);
}

static int outreach_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing listing = {
		opts, list_option, list_check, CLI_ENT_OPTIONAL, list_fetch, sizeof(outreach_rec),
		app_outreach_columns, OUT_COL__COUNT, list_add, rec_clear,
	};
	list_opts o = { .ctx = ctx };
	cli_span_init(&o.span);
	return cli_list(ctx, argc, argv, &listing, &o, usage);
}

/* the context for the show printers, which cli_record hands only the record */
static app_ctx *show_ctx;

static void show_json(const void *rec)
{
	const outreach_rec *r = rec;
	char day[11];
	printf("{\"id\": %" PRId64 ", \"kind\": ", r->id);
	out_json_string(stdout, r->kind);
	printf(", \"date\": \"%s\"", date_format(r->date, day));
	const struct { const char *key; const char *val; } s[] = {
		{ "unit", r->unit }, { "topic", r->topic }, { "place", r->place },
		{ "policies", r->policies }, { "created_by", r->created_by },
		{ "created_at", r->created_at },
	};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		printf(", \"%s\": ", s[i].key);
		out_json_string(stdout, s[i].val);
	}
	fputs(", \"attendees\": [", stdout);
	for (int i = 0; i < r->nattendees; i++) {
		fputs(i ? ", {\"uscc\": " : "{\"uscc\": ", stdout);
		out_json_string(stdout, r->attendees[i].uscc);
		fputs(", \"name\": ", stdout);
		out_json_string(stdout, r->attendees[i].name);
		fputs("}", stdout);
	}
	fputs("], \"problems\": [", stdout);
	for (int i = 0; i < r->nproblems; i++) {
		const outreach_problem *p = &r->problems[i];
		printf("%s{\"seq\": %d, \"uscc\": ", i ? ", " : "", p->seq);
		out_json_string(stdout, p->uscc);
		fputs(", \"enterprise\": ", stdout);
		out_json_string(stdout, p->enterprise);
		fputs(", \"text\": ", stdout);
		out_json_string(stdout, p->text);
		fputs(", \"appeal_number\": ", stdout);
		if (p->appeal_number)
			out_json_string(stdout, p->appeal_number);
		else
			fputs("null", stdout);
		fputs("}", stdout);
	}
	fputs("]}\n", stdout);
}

static void show_table(const void *rec)
{
	const outreach_rec *r = rec;
	char id[24], day[11];
	snprintf(id, sizeof id, "%" PRId64, r->id);
	const char *rows[][2] = {
		{ _("Event"), id },
		{ _("Event kind"), codes_name(app_outreach_kinds(show_ctx), r->kind) },
		{ _("Held on"), date_format(r->date, day) },
		{ _("Place"), r->place },
		{ _("Organising unit"), r->unit },
		{ _("Topic"), r->topic },
		{ _("Policies presented"), r->policies },
		{ _("Recorded by"), r->created_by },
		{ _("Recorded at"), r->created_at },
	};
	out_table *t = cli_kv_new();
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		out_row(t, rows[i]);
	for (int i = 0; i < r->nattendees; i++)
		cli_kv_add(t, xstrdup(i ? "" : _("Attended")),
		           xasprintf("%s %s", r->attendees[i].uscc, r->attendees[i].name));
	for (int i = 0; i < r->nproblems; i++) {
		const outreach_problem *p = &r->problems[i];
		cli_kv_add(t, xasprintf(_("Problem %d"), p->seq), p->appeal_number
			? xasprintf(_("%s: %s (appeal %s)"), p->enterprise, p->text, p->appeal_number)
			: xasprintf("%s: %s", p->enterprise, p->text));
	}
	cli_kv_print(&t);
}

/* CSV: one row per attending enterprise, with the problems it raised joined */
static void show_csv(const void *rec)
{
	const outreach_rec *r = rec;
	static const app_column cols[] = {
		{ .key = "id", .header = N_("Event"), .kind = COL_INT },
		{ .key = "kind", .header = N_("Event kind"), .kind = COL_STR },
		{ .key = "date", .header = N_("Held on"), .kind = COL_STR },
		{ .key = "unit", .header = N_("Organising unit"), .kind = COL_STR },
		{ .key = "topic", .header = N_("Topic"), .kind = COL_STR },
		{ .key = "uscc", .header = N_("Credit code"), .kind = COL_STR },
		{ .key = "enterprise", .header = N_("Enterprise"), .kind = COL_STR },
		{ .key = "problems", .header = N_("Problems raised"), .kind = COL_STR },
	};
	enum { N = sizeof cols / sizeof cols[0] };
	char id[24], day[11];
	snprintf(id, sizeof id, "%" PRId64, r->id);
	date_format(r->date, day);
	out_table *t = out_new(cols, N);
	for (int i = 0; i == 0 || i < r->nattendees; i++) {
		const outreach_attendee *a = i < r->nattendees ? &r->attendees[i] : NULL;
		strbuf raised = STRBUF_INIT;
		for (int k = 0; a && k < r->nproblems; k++)
			if (r->problems[k].enterprise_id == a->enterprise_id)
				sb_addf(&raised, "%s%d. %s", raised.len ? "; " : "", r->problems[k].seq,
				        r->problems[k].text);
		const char *cells[N] = { id, r->kind, day, r->unit, r->topic, a ? a->uscc : "",
			a ? a->name : "", sb_str(&raised) };
		out_row(t, cells);
		sb_free(&raised);
	}
	out_print(t, OUT_CSV, false, stdout);
	out_free(&t);
}

static int get(db *d, int64_t id, void *rec, strbuf *err)
{
	store_err se = { 0 };
	int rc = app_store_rc(outreach_store_get(d, id, rec, &se), &se, err);
	if (rc == 1)
		sb_addf(err, _("no outreach event %" PRId64), id);
	return rc;
}

/* an event is the zone's, not one area's */
static const char *no_area(const void *rec)
{
	return NULL;
}

static int outreach_show(app_ctx *ctx, int argc, char **argv)
{
	static const cli_record kind = {
		N_("outreach event id"), sizeof(outreach_rec), get, no_area, rec_clear, show_table,
		show_csv, show_json,
	};
	show_ctx = ctx;
	return cli_record_show(ctx, argc, argv, &kind, usage);
}

int cmd_outreach(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", outreach_add, NULL }, { "attend", outreach_attend, NULL },
		{ "problem", outreach_problem_cmd, NULL }, { "appeal", outreach_appeal, NULL },
		{ "list", outreach_list, NULL }, { "show", outreach_show, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
