/* qifu whistle add|report|list|show|appeal: an enterprise's call to its service
 * commissioner (企业吹哨) and the commissioner's report-in (专员报到). The options and
 * JSON keys are a stable interface that scripts depend on. */
#include "app/whistle.h"
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal_move.h"
#include "cli/cli_args.h"
#include "cli/cmd_appeal.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/appeal_store.h"
#include "store/staff_store.h"
#include "store/whistle_store.h"

int cmd_whistle(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu whistle add --enterprise USCC --via phone|visit|message --caller WHO\n"
	        "                        --text WHAT [--date YYYY-MM-DD]\n"
	        "       qifu whistle report ID --text WHAT-WAS-DONE [--date YYYY-MM-DD]\n"
	        "       qifu whistle appeal ID [--kind simple|general|complex]\n"
	        "       qifu whistle list [--enterprise USCC] [--unit UNIT] [--commissioner LOGIN]\n"
	        "                         [--open] [--overdue] [--from D] [--to D]\n"
	        "                         [--format table|csv|json]\n"
	        "       qifu whistle show ID [--format table|csv|json]\n"
	        "add logs an enterprise's call to its service commissioner (the one the register\n"
	        "names); the commissioner must report in within [whistle] report_days working\n"
	        "days. report records the report-in: the commissioner, a colleague of their unit\n"
	        "or a supervisor. appeal turns what cannot be solved on the spot into an appeal,\n"
	        "the commissioner's unit first responsible. --date defaults to today.\n"
	        "list: not reported in first, the earliest deadline first; --unit matches the\n"
	        "commissioner's unit or the enterprise's lead unit; --overdue only those past\n"
	        "their deadline. JSON keys: id, date, enterprise, uscc, area, via, caller, text,\n"
	        "commissioner (login), unit, lead_unit, due, state (waiting, overdue, reported,\n"
	        "late), reported_on, report, appeal.\n"), fp);
}

enum { OPT_ENTERPRISE = 1, OPT_DATE, OPT_VIA, OPT_CALLER, OPT_TEXT, OPT_KIND, OPT_UNIT,
       OPT_COMMISSIONER, OPT_OPEN, OPT_OVERDUE, OPT_FROM, OPT_TO, OPT_HELP };

static int whistle_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "via", required_argument, NULL, OPT_VIA },
		{ "caller", required_argument, NULL, OPT_CALLER },
		{ "text", required_argument, NULL, OPT_TEXT },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	whistle_rec w = { 0 };
	const char *uscc = NULL;
	int c, rc = EXIT_USAGE;
	w.called_on = ctx->today;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_VIA:
			if (!whistle_via_parse(optarg, &w.via)) {
				say_error(_("--via: '%s' is not one of phone, visit, message"), optarg);
				goto out;
			}
			break;
		case OPT_CALLER: free(w.caller); w.caller = xstrdup(optarg); break;
		case OPT_TEXT: free(w.text); w.text = xstrdup(optarg); break;
		case OPT_DATE:
			if (cli_arg_date("--date", optarg, &w.called_on))
				goto out;
			break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--enterprise --via --caller --text"))
		goto out;
	ent_record e = { 0 };
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_VISIT_ADD)) != 0)
		goto out;
	w.enterprise_id = e.id;
	strbuf err = STRBUF_INIT;
	int64_t id;
	app_record_rc saved = app_whistle_add(ctx, &w, &id, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
	} else {
		char day[11];
		printf(_("logged whistle %" PRId64 " of %s to its commissioner %s; report in by %s\n"),
		       id, e.name, e.commissioner_name && *e.commissioner_name ? e.commissioner_name
		       : e.commissioner, date_format(w.due, day));
		rc = EXIT_OK;
	}
	sb_free(&err);
	ent_record_clear(&e);
out:
	whistle_rec_clear(&w);
	return rc;
}

/* ID as the first operand after the options */
static int operand_id(int argc, char **argv, int64_t *id)
{
	if (cli_operands(argc, argv, 1, _("the whistle number")))
		return EXIT_USAGE;
	return cli_arg_id(_("the whistle number"), argv[optind], id);
}

static int whistle_report(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "text", required_argument, NULL, OPT_TEXT },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	char *text = NULL;
	qdate on = DATE_NONE;
	int c, rc = EXIT_USAGE;
	int64_t id;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_TEXT: free(text); text = xstrdup(optarg); break;
		case OPT_DATE:
			if (cli_arg_date("--date", optarg, &on))
				goto out;
			break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (operand_id(argc, argv, &id) || cli_required(argv, "--text"))
		goto out;
	strbuf err = STRBUF_INIT;
	whistle_state st = WHISTLE_ST_REPORTED;
	app_record_rc saved = app_whistle_report(ctx, id, on, &text, &st, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
	} else {
		printf(_("whistle %" PRId64 ": %s\n"), id, _(whistle_state_label(st)));
		rc = EXIT_OK;
	}
	sb_free(&err);
out:
	free(text);
	return rc;
}

static int whistle_appeal(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	ticket_kind kind = TICKET_KIND_GENERAL;
	int c;
	int64_t id;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_KIND:
			if (!ticket_kind_parse(optarg, &kind)) {
				say_error(_("--kind: '%s' is not one of simple, general, complex"), optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (operand_id(argc, argv, &id))
		return EXIT_USAGE;
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	strbuf err = STRBUF_INIT;
	appeal_move_rc w = appeal_move_from_whistle(ctx, id, kind, number, &tm, &err);
	if (w != APPEAL_MOVE_DONE) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return w == APPEAL_MOVE_REFUSED ? EXIT_NO : w == APPEAL_MOVE_ERROR ? EXIT_USAGE
			: EXIT_NO;
	}
	sb_free(&err);
	appeal_record r;
	store_err gerr = { 0 };
	if (appeal_store_get(app_db(ctx), number, false, &r, &gerr) == 0) {
		printf(_("%s registered for %s from whistle %" PRId64 ", now %s at %s\n"), number,
		       r.enterprise_name, id, _(ticket_state_label(r.state)), r.first_unit);
		appeal_record_clear(&r);
	} else {
		printf("%s\n", number);
	}
	appeal_cli_warn_years(ctx, &tm);
	appeal_cli_print_started(ctx, NULL, &tm);
	return EXIT_OK;
}

/* the values of list's own options */
typedef struct list_opts {
	app_ctx *ctx;
	const char *unit, *commissioner;
	bool open_only, overdue;
	cli_period period;
	char today_s[11];
} list_opts;

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	list_opts *o = q->own;
	switch (c) {
	case OPT_UNIT:
		if (!units_find(app_units(ctx), val)) {
			say_error(_("--unit: unknown unit '%s'"), val);
			return EXIT_USAGE;
		}
		o->unit = val;
		return 0;
	case OPT_COMMISSIONER: o->commissioner = val; return 0;
	case OPT_OPEN: o->open_only = true; return 0;
	case OPT_OVERDUE: o->overdue = true; return 0;
	case OPT_FROM: case OPT_TO:
		return cli_period_arg(&o->period, c == OPT_TO, val);
	default:
		return -1;
	}
}

static int list_check(const cli_query *q)
{
	const list_opts *o = q->own;
	return cli_period_check(&o->period);
}

static int list_fetch(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	const list_opts *o = q->own;
	whistle_filter f = { .enterprise_id = q->enterprise_id, .unit = o->unit,
		.lead_too = true, .commissioner = o->commissioner, .open_only = o->open_only,
		.overdue_on = o->overdue ? o->today_s : NULL,
		.from = cli_period_from(&o->period), .to = cli_period_to(&o->period),
		.scope_area = q->scope_area };
	int rc = whistle_store_list_from(d, &f, last ? ((const whistle_rec *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? whistle_store_list(d, &f, offset, limit, out, n, err) : rc;
}

typedef struct cell_arg {
	app_ctx *ctx;
	const whistle_rec *w;
	app_cell_form form;
} cell_arg;

static void cell(const void *arg, int col, strbuf *out)
{
	const cell_arg *a = arg;
	app_whistle_cell(a->ctx, a->w, col, a->form, out);
}

static void list_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	const list_opts *o = own;
	cell_arg a = { o->ctx, rec, fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE };
	out_row_from(t, cell, &a);
}

static void rec_clear(void *rec)
{
	whistle_rec_clear(rec);
}

static int whistle_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "commissioner", required_argument, NULL, OPT_COMMISSIONER },
		{ "open", no_argument, NULL, OPT_OPEN },
		{ "overdue", no_argument, NULL, OPT_OVERDUE },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing listing = {
		opts, list_option, list_check, CLI_ENT_OPTIONAL, list_fetch, sizeof(whistle_rec),
		app_whistle_columns, WH_COL__COUNT, list_add, rec_clear,
	};
	list_opts o = { .ctx = ctx };
	cli_period_init(&o.period);
	date_format(ctx->today, o.today_s);
	return cli_list(ctx, argc, argv, &listing, &o, usage);
}

/* show prints the list's row: as a table of fields, or one CSV row or JSON object */
static app_ctx *show_ctx;

static void show_as(const whistle_rec *w, out_format fmt)
{
	if (fmt == OUT_TABLE) {
		out_table *t = cli_kv_new();
		for (int c = 0; c < WH_COL__COUNT; c++) {
			strbuf v = STRBUF_INIT;
			app_whistle_cell(show_ctx, w, c, CELL_WORDS, &v);
			cli_kv_add(t, xstrdup(_(app_whistle_columns[c].header)), sb_steal(&v));
		}
		cli_kv_print(&t);
		return;
	}
	out_table *t = out_new(app_whistle_columns, WH_COL__COUNT);
	cell_arg a = { show_ctx, w, CELL_CODE };
	out_row_from(t, cell, &a);
	out_print(t, fmt, true, stdout);
	out_free(&t);
}

static void show_table(const void *rec) { show_as(rec, OUT_TABLE); }
static void show_csv(const void *rec) { show_as(rec, OUT_CSV); }
static void show_json(const void *rec) { show_as(rec, OUT_JSON); }

static int get(db *d, int64_t id, void *rec, strbuf *err)
{
	(void)d;
	return app_whistle_get(show_ctx, id, rec, err);
}

static const char *area(const void *rec)
{
	return ((const whistle_rec *)rec)->area;
}

static int whistle_show(app_ctx *ctx, int argc, char **argv)
{
	static const cli_record kind = {
		N_("whistle number"), sizeof(whistle_rec), get, area, rec_clear, show_table,
		show_csv, show_json,
	};
	show_ctx = ctx;
	return cli_record_show(ctx, argc, argv, &kind, usage);
}

int cmd_whistle(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", whistle_add, NULL }, { "report", whistle_report, NULL },
		{ "appeal", whistle_appeal, NULL }, { "list", whistle_list, NULL },
		{ "show", whistle_show, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
