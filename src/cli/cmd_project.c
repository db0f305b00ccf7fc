/* qifu project add|edit|show|list|move|item|ledger: pre-investment projects (投前,
 * policy (一)2(1)), their stages, their checklist of items, a stuck item turned into
 * an appeal, and the project ledger (项目台账). Parse, call src/app/project.c, print;
 * the options and JSON keys are a stable interface. */
#include "app/project.h"
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/say.h"
#include "core/xalloc.h"
#include "model/financing.h"
#include "model/perm.h"
#include "model/ticket.h"

int cmd_project(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu project add --name N (--enterprise USCC | --investor NAME)\n"
	        "                        [--introducer UNIT] [--investment AMOUNT] [--site S]\n"
	        "                        [--area AREA] [--signed YYYY-MM-DD]\n"
	        "       qifu project edit NUMBER [the options of add but --signed]\n"
	        "       qifu project show NUMBER [--format table|csv|json]\n"
	        "       qifu project list [--stage S] [--area AREA] [--light red|yellow|green]\n"
	        "                         [--enterprise USCC] [--format table|csv|json]\n"
	        "       qifu project move NUMBER --to STAGE [--on YYYY-MM-DD]\n"
	        "       qifu project item NUMBER --add KIND [--unit U] [--target YYYY-MM-DD]\n"
	        "       qifu project item NUMBER ITEM [--done [--on D] | --stuck --note T |\n"
	        "                         --open] [--unit U] [--target D] [--note T]\n"
	        "                         [--appeal [--kind simple|general|complex]]\n"
	        "       qifu project ledger FILE.xlsx [list filters]\n"
	        "A new project is signed (签约) on --signed (default today) and gets every item\n"
	        "of data/project_items.tsv with its default unit (属地: the project's area) and\n"
	        "its target counted in working days from the signing. Stages, one at a time:\n"
	        "signed, filed, planning, permitted, started, producing (签约 备案 规划许可\n"
	        "施工许可 开工 投产). Item states: open, done, stuck (a stuck item says why\n"
	        "with --note). --appeal turns a stuck item into an appeal of the investor with\n"
	        "the projects' lead unit (区项目中心) first responsible (default kind general).\n"
	        "AMOUNT in yuan: 5000000, 500万, 1.5亿. The list is most overdue first.\n"
	        "JSON keys of list: number, name, investor, stage, light (\"\" when no item is\n"
	        "open), items, items_done, items_stuck, items_on_time, area, investment_yuan,\n"
	        "signed_on, started_on, producing_on, days_to_start, workdays_to_start,\n"
	        "days_to_produce, workdays_to_produce (\"\" until reached), introducer, site,\n"
	        "uscc. show adds the stage dates and items, an array of {item, kind, group,\n"
	        "unit, target, state, light, done_on, appeal, note}; its CSV is the items.\n"), fp);
}

enum { OPT_NAME = 1, OPT_ENTERPRISE, OPT_INVESTOR, OPT_INTRODUCER, OPT_INVESTMENT, OPT_SITE,
	OPT_AREA, OPT_SIGNED, OPT_HELP, OPT_FORMAT, OPT_STAGE, OPT_LIGHT, OPT_TO, OPT_ON,
	OPT_ADD, OPT_UNIT, OPT_TARGET, OPT_DONE, OPT_STUCK, OPT_OPEN, OPT_NOTE, OPT_APPEAL,
	OPT_KIND };

/* the number operand: a project number, or EXIT_USAGE */
static int arg_number(const char *s)
{
	if (project_number_valid(s))
		return 0;
	say_error(_("'%s' is not a project number (XM2026-000001)"), s);
	return EXIT_USAGE;
}

/* the form's options, shared by add and edit: 0 taken, 1 not one of them, EXIT_USAGE */
static int form_option(int c, const char *val, project_form *f)
{
	strbuf err = STRBUF_INIT;
	int rc = 0;
	switch (c) {
	case OPT_NAME: free(f->name); f->name = xstrdup(val); break;
	case OPT_ENTERPRISE: free(f->enterprise); f->enterprise = xstrdup(val); break;
	case OPT_INVESTOR: free(f->investor); f->investor = xstrdup(val); break;
	case OPT_INTRODUCER: free(f->introducer); f->introducer = xstrdup(val); break;
	case OPT_SITE: free(f->site); f->site = xstrdup(val); break;
	case OPT_AREA: free(f->area); f->area = xstrdup(val); break;
	case OPT_INVESTMENT:
		if (fin_amount_parse(val, &f->investment_fen, &err) < 0) {
			say_error(_("--investment: %s"), sb_str(&err));
			rc = EXIT_USAGE;
		}
		break;
	case OPT_SIGNED:
		rc = cli_arg_date("--signed", val, &f->signed_on);
		break;
	default:
		rc = 1;
	}
	sb_free(&err);
	return rc;
}

#define FORM_OPTIONS \
	{ "name", required_argument, NULL, OPT_NAME }, \
	{ "enterprise", required_argument, NULL, OPT_ENTERPRISE }, \
	{ "investor", required_argument, NULL, OPT_INVESTOR }, \
	{ "introducer", required_argument, NULL, OPT_INTRODUCER }, \
	{ "investment", required_argument, NULL, OPT_INVESTMENT }, \
	{ "site", required_argument, NULL, OPT_SITE }, \
	{ "area", required_argument, NULL, OPT_AREA }, \
	{ "help", no_argument, NULL, OPT_HELP }

/* add (edit false) or edit NUMBER */
static int form_command(app_ctx *ctx, int argc, char **argv, bool edit)
{
	static const struct option add_opts[] = {
		FORM_OPTIONS, { "signed", required_argument, NULL, OPT_SIGNED },
		{ NULL, 0, NULL, 0 },
	};
	static const struct option edit_opts[] = { FORM_OPTIONS, { NULL, 0, NULL, 0 } };
	project_form f = { .investment_fen = -1, .signed_on = DATE_NONE };
	strbuf err = STRBUF_INIT;
	int c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, edit ? edit_opts : add_opts, NULL)) != -1) {
		if (c == OPT_HELP) {
			usage(stdout);
			rc = EXIT_OK;
			goto out;
		}
		if (c == '?' || form_option(c, optarg, &f) != 0)
			goto out;
	}
	if (edit) {
		if (cli_operands(argc, argv, 1, _("the project number")) || arg_number(argv[optind]))
			goto out;
		if (!f.name && !f.enterprise && !f.investor && !f.introducer && !f.site && !f.area &&
		    f.investment_fen < 0) {
			say_error(_("project edit: say what changes (--name, --enterprise, --investor, "
			            "--introducer, --investment, --site, --area)"));
			goto out;
		}
	} else if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--name")) {
		goto out;
	}
	char number[PROJECT_NUMBER_SIZE];
	app_record_rc saved = edit ? app_project_edit(ctx, argv[optind], &f, &err)
	                           : app_project_add(ctx, &f, number, &err);
	if (saved != APP_RECORD_SAVED)
		say_error("%s", sb_str(&err));
	rc = app_record_exit(saved);
	if (rc == EXIT_OK && edit)
		printf(_("updated project %s\n"), argv[optind]);
	else if (rc == EXIT_OK)
		printf(_("recorded project %s: %s, with %d items\n"), number, f.name,
		       app_project_rules(ctx)->nkinds);
out:
	sb_free(&err);
	project_form_clear(&f);
	return rc;
}

static int sub_add(app_ctx *ctx, int argc, char **argv)
{
	return form_command(ctx, argc, argv, false);
}

static int sub_edit(app_ctx *ctx, int argc, char **argv)
{
	return form_command(ctx, argc, argv, true);
}

/* ---- list and ledger ---------------------------------------------------------- */

static void cell_words(const void *row, int col, strbuf *out)
{
	app_project_cell(row, col, CELL_WORDS, out);
}

static void cell_code(const void *row, int col, strbuf *out)
{
	app_project_cell(row, col, CELL_CODE, out);
}

/* the list's filters as typed */
typedef struct list_args {
	project_filter f;
	int light;              /* a ticket_light_t, or -1 */
	const char *uscc;
	out_format fmt;
	const char *file;       /* ledger: the workbook */
} list_args;

/* list_parse's answer to --help, which it printed */
enum { LIST_HELPED = -1 };

/* the options of list (ledger false) or ledger: 0, EXIT_USAGE, or LIST_HELPED */
static int list_parse(int argc, char **argv, bool ledger, list_args *a)
{
	static const struct option opts[] = {
		{ "stage", required_argument, NULL, OPT_STAGE },
		{ "area", required_argument, NULL, OPT_AREA },
		{ "light", required_argument, NULL, OPT_LIGHT },
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	*a = (list_args){ .f = { .stage = -1 }, .light = -1, .fmt = OUT_TABLE };
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		project_stage s;
		ticket_light_t l;
		switch (c) {
		case OPT_STAGE:
			if (!project_stage_parse(optarg, &s)) {
				strbuf all = STRBUF_INIT;
				project_stage_list(&all);
				say_error(_("--stage: unknown stage '%s'; allowed: %s"), optarg,
				          sb_str(&all));
				sb_free(&all);
				return EXIT_USAGE;
			}
			a->f.stage = (int)s;
			break;
		case OPT_LIGHT:
			if (!ticket_light_parse(optarg, &l)) {
				say_error(_("--light: unknown light '%s'; allowed: red, yellow, green"),
				          optarg);
				return EXIT_USAGE;
			}
			a->light = (int)l;
			break;
		case OPT_AREA: a->f.area = optarg; break;
		case OPT_ENTERPRISE: a->uscc = optarg; break;
		case OPT_FORMAT:
			if (ledger || cli_arg_format(optarg, &a->fmt)) {
				if (ledger)
					say_error(_("project ledger writes xlsx: name FILE.xlsx, no --format"));
				return EXIT_USAGE;
			}
			break;
		case OPT_HELP: usage(stdout); return LIST_HELPED;
		default: return EXIT_USAGE;
		}
	}
	if (ledger) {
		if (cli_operands(argc, argv, 1, _("the ledger's file (FILE.xlsx)")))
			return EXIT_USAGE;
		a->file = argv[optind];
	} else if (cli_operands(argc, argv, 0, NULL)) {
		return EXIT_USAGE;
	}
	return 0;
}

/* the enterprise of --enterprise into the filter: 0 or an exit code */
static int list_enterprise(app_ctx *ctx, list_args *a)
{
	if (!a->uscc)
		return 0;
	ent_record e = { 0 };
	int rc = cli_arg_enterprise(ctx, a->uscc, &e, PERM_ENT_VIEW);
	if (rc == 0)
		a->f.enterprise_id = e.id;
	ent_record_clear(&e);
	return rc;
}

static int sub_list(app_ctx *ctx, int argc, char **argv)
{
	list_args a;
	int rc = list_parse(argc, argv, false, &a);
	if (rc != 0)
		return rc == LIST_HELPED ? EXIT_OK : rc;
	if ((rc = list_enterprise(ctx, &a)) != 0)
		return rc;
	project_row *v = NULL;
	int n = 0;
	strbuf err = STRBUF_INIT;
	if (app_project_list(ctx, &a.f, a.light, &v, &n, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	out_table *t = out_new(app_project_columns, PROJECT_COL__COUNT);
	for (int i = 0; i < n; i++)
		out_row_from(t, a.fmt == OUT_TABLE ? cell_words : cell_code, &v[i]);
	out_print(t, a.fmt, false, stdout);
	out_free(&t);
	project_rows_free(&v, n);
	sb_free(&err);
	return EXIT_OK;
}

static int sub_ledger(app_ctx *ctx, int argc, char **argv)
{
	list_args a;
	int rc = list_parse(argc, argv, true, &a);
	if (rc != 0)
		return rc == LIST_HELPED ? EXIT_OK : rc;
	if ((rc = list_enterprise(ctx, &a)) != 0)
		return rc;
	strbuf err = STRBUF_INIT;
	int rows = 0;
	if (app_project_ledger(ctx, &a.f, a.light, a.file, &rows, &err) < 0) {
		say_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
	} else {
		printf(P_("wrote %d project to %s\n", "wrote %d projects to %s\n",
		          (unsigned long)rows), rows, a.file);
	}
	sb_free(&err);
	return rc;
}

/* ---- show ---------------------------------------------------------------------- */

static void json_pair(const char *key, const char *v, bool *first)
{
	printf("%s", *first ? "" : ", ");
	*first = false;
	out_json_string(stdout, key);
	printf(": ");
	out_json_string(stdout, v);
}

/* one value of a column in JSON: a number bare, a text as a string */
static void json_cell(const app_column *col, const char *v, bool *first)
{
	if (col->kind == COL_INT) {
		printf("%s", *first ? "" : ", ");
		*first = false;
		out_json_string(stdout, col->key);
		printf(": %s", *v ? v : "null");
	} else {
		json_pair(col->key, v, first);
	}
}

static void show_json(app_ctx *ctx, const project_row *r)
{
	strbuf b = STRBUF_INIT;
	bool first = true;
	printf("{");
	for (int c = 0; c < PROJECT_COL__COUNT; c++) {
		/* the list's count of items is the array of them here */
		if (!app_project_columns[c].key || c == PROJECT_COL_ITEMS)
			continue;
		sb_reset(&b);
		app_project_cell(r, c, CELL_CODE, &b);
		json_cell(&app_project_columns[c], sb_str(&b), &first);
	}
	printf(", \"stages\": {");
	bool sfirst = true;
	for (int s = 0; s < PROJ_STAGE__COUNT; s++) {
		char day[11] = "";
		if (r->rec.on[s] != DATE_NONE)
			date_format(r->rec.on[s], day);
		json_pair(project_stage_code((project_stage)s), day, &sfirst);
	}
	printf("}, \"items\": [");
	for (int i = 0; i < r->rec.nitems; i++) {
		bool ifirst = true;
		printf("%s{", i ? ", " : "");
		for (int c = 0; c < ITEM_COL__COUNT; c++) {
			if (!app_item_columns[c].key)
				continue;
			sb_reset(&b);
			app_item_cell(ctx, &r->rec.items[i], c, CELL_CODE, &b);
			json_cell(&app_item_columns[c], sb_str(&b), &ifirst);
		}
		printf("}");
	}
	printf("]}\n");
	sb_free(&b);
}

/* the checklist: one row per item */
static void show_items(app_ctx *ctx, const project_row *r, out_format fmt)
{
	out_table *t = out_new(app_item_columns, ITEM_COL__COUNT);
	const char *cells[ITEM_COL__COUNT];
	strbuf b[ITEM_COL__COUNT];
	for (int i = 0; i < r->rec.nitems; i++) {
		for (int c = 0; c < ITEM_COL__COUNT; c++) {
			b[c] = (strbuf)STRBUF_INIT;
			app_item_cell(ctx, &r->rec.items[i], c, fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE,
			              &b[c]);
			cells[c] = sb_str(&b[c]);
		}
		out_row(t, cells);
		for (int c = 0; c < ITEM_COL__COUNT; c++)
			sb_free(&b[c]);
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
}

/* "N 天（M 个工作日）", or "not yet" */
static char *span_text(project_span sp)
{
	strbuf b = STRBUF_INIT;
	app_project_span_text(sp, &b);
	return sb_steal(&b);
}

static void show_table(app_ctx *ctx, const project_row *r)
{
	static const int fields[] = {
		PROJECT_COL_NUMBER, PROJECT_COL_NAME, PROJECT_COL_INVESTOR, PROJECT_COL_USCC,
		PROJECT_COL_INTRODUCER, PROJECT_COL_INVESTMENT, PROJECT_COL_SITE, PROJECT_COL_AREA,
		PROJECT_COL_STAGE, PROJECT_COL_DUE,
	};
	out_table *kv = cli_kv_new();
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		strbuf b = STRBUF_INIT;
		app_project_cell(r, fields[i], CELL_WORDS, &b);
		cli_kv_add(kv, xstrdup(_(app_project_columns[fields[i]].header)), sb_steal(&b));
	}
	for (int s = 0; s < PROJ_STAGE__COUNT; s++) {
		char day[11];
		if (r->rec.on[s] != DATE_NONE)
			cli_kv_add(kv, xstrdup(_(project_stage_label((project_stage)s))),
			           xstrdup(date_format(r->rec.on[s], day)));
	}
	/* 项目少跑路 */
	cli_kv_add(kv, xstrdup(_("Signing to construction start")), span_text(r->sum.to_started));
	cli_kv_add(kv, xstrdup(_("Signing to production")), span_text(r->sum.to_producing));
	cli_kv_add(kv, xstrdup(_("Items done on time")),
	           xasprintf(_("%d of %d done, %d of them on time"), r->sum.done, r->rec.nitems,
	                     r->sum.on_time));
	strbuf appeals = STRBUF_INIT;
	for (int i = 0; i < r->rec.nitems; i++)
		if (r->rec.items[i].appeal && *r->rec.items[i].appeal)
			sb_addf(&appeals, "%s%s", appeals.len ? "、" : "", r->rec.items[i].appeal);
	cli_kv_add(kv, xstrdup(_("Appeals")), sb_steal(&appeals));
	cli_kv_print(&kv);
	printf("\n");
	show_items(ctx, r, OUT_TABLE);
}

static int sub_show(app_ctx *ctx, int argc, char **argv)
{
	out_format fmt;
	int got = cli_format_only(argc, argv, usage, &fmt);
	if (got >= 0)
		return got;
	if (cli_operands(argc, argv, 1, _("the project number")) || arg_number(argv[optind]))
		return EXIT_USAGE;
	project_row r = { 0 };
	strbuf err = STRBUF_INIT;
	int rc = app_project_get(ctx, argv[optind], &r.rec, &err);
	if (rc != 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return rc > 0 ? EXIT_NO : EXIT_USAGE;
	}
	app_project_summary(ctx, &r.rec, &r.sum);
	if (fmt == OUT_JSON)
		show_json(ctx, &r);
	else if (fmt == OUT_CSV)
		show_items(ctx, &r, OUT_CSV);
	else
		show_table(ctx, &r);
	project_rec_clear(&r.rec);
	sb_free(&err);
	return EXIT_OK;
}

/* ---- move and item ------------------------------------------------------------- */

static int sub_move(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, OPT_TO },
		{ "on", required_argument, NULL, OPT_ON },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	const char *to = NULL;
	qdate on = DATE_NONE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_TO: to = optarg; break;
		case OPT_ON:
			if (cli_arg_date("--on", optarg, &on))
				return EXIT_USAGE;
			break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 1, _("the project number")) || cli_required(argv, "--to") ||
	    arg_number(argv[optind]))
		return EXIT_USAGE;
	project_stage s;
	if (!project_stage_parse(to, &s)) {
		strbuf all = STRBUF_INIT;
		project_stage_list(&all);
		say_error(_("--to: unknown stage '%s'; allowed: %s"), to, sb_str(&all));
		sb_free(&all);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	app_record_rc saved = app_project_move(ctx, argv[optind], s, on, &err);
	if (saved != APP_RECORD_SAVED)
		say_error("%s", sb_str(&err));
	else
		printf(_("project %s is now at stage %s\n"), argv[optind],
		       _(project_stage_label(s)));
	sb_free(&err);
	return app_record_exit(saved);
}

/* what project item was asked */
typedef struct item_args {
	const char *add;        /* --add KIND */
	int state;              /* --done, --stuck, --open: a project_item_state, or -1 */
	qdate on, target;
	const char *unit;
	char *note;
	bool appeal;
	ticket_kind kind;
} item_args;

static int item_parse(int argc, char **argv, item_args *a)
{
	static const struct option opts[] = {
		{ "add", required_argument, NULL, OPT_ADD },
		{ "done", no_argument, NULL, OPT_DONE },
		{ "stuck", no_argument, NULL, OPT_STUCK },
		{ "open", no_argument, NULL, OPT_OPEN },
		{ "on", required_argument, NULL, OPT_ON },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "note", required_argument, NULL, OPT_NOTE },
		{ "appeal", no_argument, NULL, OPT_APPEAL },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	int c, states = 0;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ADD: a->add = optarg; break;
		case OPT_DONE: a->state = PITEM_DONE; states++; break;
		case OPT_STUCK: a->state = PITEM_STUCK; states++; break;
		case OPT_OPEN: a->state = PITEM_OPEN; states++; break;
		case OPT_UNIT: a->unit = optarg; break;
		case OPT_NOTE: free(a->note); a->note = xstrdup(optarg); break;
		case OPT_APPEAL: a->appeal = true; break;
		case OPT_ON:
			if (cli_arg_date("--on", optarg, &a->on))
				return EXIT_USAGE;
			break;
		case OPT_TARGET:
			if (cli_arg_date("--target", optarg, &a->target))
				return EXIT_USAGE;
			break;
		case OPT_KIND:
			if (!ticket_kind_parse(optarg, &a->kind)) {
				say_error(_("--kind: unknown kind '%s'; allowed: simple, general, complex"),
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_HELP: usage(stdout); return LIST_HELPED;
		default: return EXIT_USAGE;
		}
	}
	if (states > 1) {
		say_error(_("--done, --stuck and --open: give one of them"));
		return EXIT_USAGE;
	}
	return 0;
}

/* project item NUMBER --add KIND */
static int item_add(app_ctx *ctx, const char *number, const item_args *a)
{
	strbuf err = STRBUF_INIT;
	int seq = 0;
	app_record_rc saved = app_project_item_add(ctx, number, a->add, a->unit, a->target, &seq,
	                                           &err);
	if (saved != APP_RECORD_SAVED)
		say_error("%s", sb_str(&err));
	else
		printf(_("added item %d (%s) to project %s\n"), seq,
		       project_kind_name(app_project_rules(ctx), a->add), number);
	sb_free(&err);
	return app_record_exit(saved);
}

static int sub_item(app_ctx *ctx, int argc, char **argv)
{
	item_args a = { .state = -1, .on = DATE_NONE, .target = DATE_NONE,
	                .kind = TICKET_KIND_GENERAL };
	int rc = item_parse(argc, argv, &a);
	if (rc != 0) {
		free(a.note);
		return rc == LIST_HELPED ? EXIT_OK : rc;
	}
	rc = EXIT_USAGE;
	strbuf err = STRBUF_INIT;
	if (a.add) {
		if (!cli_operands(argc, argv, 1, _("the project number")) &&
		    !arg_number(argv[optind]))
			rc = item_add(ctx, argv[optind], &a);
		goto out;
	}
	int64_t seq;
	if (cli_operands(argc, argv, 2, _("the project number and the item")) ||
	    arg_number(argv[optind]) || cli_arg_id(_("item"), argv[optind + 1], &seq))
		goto out;
	const char *number = argv[optind];
	if (a.on != DATE_NONE && a.state != PITEM_DONE) {
		say_error(_("--on is the day an item was done: it goes with --done"));
		goto out;
	}
	if (a.state < 0 && !a.unit && a.target == DATE_NONE && !a.note && !a.appeal) {
		say_error(_("project item: say what changes (--done, --stuck, --open, --unit, "
		            "--target, --note, --appeal)"));
		goto out;
	}
	if (a.state >= 0 || a.unit || a.target != DATE_NONE || a.note) {
		project_item_change ch = { .state = a.state, .unit = a.unit, .target = a.target,
		                           .on = a.on };
		app_record_rc saved = app_project_item_set(ctx, number, (int)seq, &ch, &a.note, &err);
		if (saved != APP_RECORD_SAVED) {
			say_error("%s", sb_str(&err));
			rc = app_record_exit(saved);
			goto out;
		}
		printf(_("changed item %d of project %s\n"), (int)seq, number);
	}
	rc = EXIT_OK;
	if (a.appeal) {
		char appeal[TICKET_NUMBER_SIZE];
		app_record_rc saved = app_project_item_appeal(ctx, number, (int)seq, a.kind, appeal,
		                                              &err);
		if (saved != APP_RECORD_SAVED)
			say_error("%s", sb_str(&err));
		else
			printf(_("item %d of project %s became appeal %s (first responsible: %s)\n"),
			       (int)seq, number, appeal, app_project_rules(ctx)->lead);
		rc = app_record_exit(saved);
	}
out:
	free(a.note);
	sb_free(&err);
	return rc;
}

int cmd_project(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", sub_add, NULL }, { "edit", sub_edit, NULL },
		{ "show", sub_show, NULL }, { "list", sub_list, NULL },
		{ "move", sub_move, NULL }, { "item", sub_item, NULL },
		{ "ledger", sub_ledger, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
