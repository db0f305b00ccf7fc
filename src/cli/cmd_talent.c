/* qifu talent add|list|programmes|programme-edit|show|move|appeal: talent services (人才引育): an
 * enterprise's school–enterprise programmes (订单班, 冠名班, 厂中校) and its talents'
 * service requests (人才码), each with its responsible unit and state. The options and
 * JSON keys are a stable interface that scripts depend on. */
#include "app/service_list.h"
#include "app/talent.h"
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
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
#include "store/db.h"
#include "store/talent_store.h"

int cmd_talent(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu talent add --enterprise USCC --programme order|named|factory_school\n"
	        "                       --school S --name P --places N --start D [--end D]\n"
	        "       qifu talent add --enterprise USCC --request KIND --person NAME\n"
	        "                       [--detail TEXT] [--unit UNIT]\n"
	        "       qifu talent list [--enterprise USCC] [--unit UNIT] [--kind KIND]\n"
	        "                        [--state STATE] [--format table|csv|json]\n"
	        "       qifu talent programmes [--enterprise USCC] [--format table|csv|json]\n"
	        "       qifu talent programme-edit ID [--programme KIND] [--school S] [--name P]\n"
	        "                       [--places N] [--start D] [--end D|'']\n"
	        "       qifu talent show ID [--format table|csv|json]\n"
	        "       qifu talent move ID --to handling|done|declined [--note TEXT]\n"
	        "       qifu talent appeal ID [--kind simple|general|complex]\n"
	        "Programmes: order 订单班, named 冠名班, factory_school 厂中校. A request's KIND is a\n"
	        "code or name of data/talent_kinds.tsv (housing 人才住房, schooling 子女入学,\n"
	        "subsidy 人才补贴, …); its unit is the lead (区组织部) or a cooperating unit of\n"
	        "data/talent_units.tsv, the lead by default. A request moves received →\n"
	        "handling → done, or to declined (with --note) before it is done.\n"
	        "JSON keys of list: id, enterprise, kind, state, uscc, person, unit, appeal\n"
	        "(its number, \"\" until the request becomes an appeal); of programmes: id,\n"
	        "enterprise, kind, school, programme, places, start, end.\n"), fp);
}

enum { OPT_ENTERPRISE = 1, OPT_PROGRAMME, OPT_SCHOOL, OPT_NAME, OPT_PLACES, OPT_START,
       OPT_END, OPT_REQUEST, OPT_PERSON, OPT_DETAIL, OPT_UNIT, OPT_KIND, OPT_STATE, OPT_TO,
       OPT_NOTE, OPT_HELP };

/* a programme's option c with value val into p: 0, or EXIT_USAGE said; --end "" leaves
 * the programme open-ended */
static int prog_option(int c, const char *val, talent_programme *p)
{
	switch (c) {
	case OPT_SCHOOL: free(p->school); p->school = xstrdup(val); return 0;
	case OPT_NAME: free(p->name); p->name = xstrdup(val); return 0;
	case OPT_PLACES:
		if (!talent_places_parse(val, &p->places)) {
			say_error(_("--places: '%s' is not a whole number from 1 to %d"), val,
			          TALENT_PLACES_MAX);
			return EXIT_USAGE;
		}
		return 0;
	case OPT_START:
		return cli_arg_date("--start", val, &p->start) ? EXIT_USAGE : 0;
	case OPT_END:
		if (!*val) {
			p->end = DATE_NONE;
			return 0;
		}
		return cli_arg_date("--end", val, &p->end) ? EXIT_USAGE : 0;
	default:
		return EXIT_USAGE;
	}
}

/* a programme of e from the options read */
static int add_programme(app_ctx *ctx, const ent_record *e, talent_programme *p)
{
	strbuf err = STRBUF_INIT;
	int64_t id;
	p->enterprise_id = e->id;
	app_record_rc saved = app_talent_programme_add(ctx, e, p, &id, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return app_record_exit(saved);
	}
	printf(_("recorded talent programme %" PRId64 " of %s: %s %s with %s, %d places\n"), id,
	       e->name, _(talent_prog_label(p->kind)), p->name, p->school, p->places);
	sb_free(&err);
	return EXIT_OK;
}

static int add_request(app_ctx *ctx, const ent_record *e, talent_request *r)
{
	strbuf err = STRBUF_INIT;
	int64_t id;
	r->enterprise_id = e->id;
	app_record_rc saved = app_talent_request_add(ctx, e, r, &id, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return app_record_exit(saved);
	}
	printf(_("recorded talent service request %" PRId64 " of %s: %s for %s, at %s\n"), id,
	       e->name, codes_name(app_talent_kinds(ctx), r->kind), r->person, r->unit);
	sb_free(&err);
	return EXIT_OK;
}

static int talent_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "programme", required_argument, NULL, OPT_PROGRAMME },
		{ "school", required_argument, NULL, OPT_SCHOOL },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "places", required_argument, NULL, OPT_PLACES },
		{ "start", required_argument, NULL, OPT_START },
		{ "end", required_argument, NULL, OPT_END },
		{ "request", required_argument, NULL, OPT_REQUEST },
		{ "person", required_argument, NULL, OPT_PERSON },
		{ "detail", required_argument, NULL, OPT_DETAIL },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	talent_programme p = { 0 };
	talent_request r = { 0 };
	const char *uscc = NULL, *prog = NULL;
	int c, rc = EXIT_USAGE;
	p.start = p.end = DATE_NONE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_PROGRAMME: prog = optarg; break;
		case OPT_SCHOOL: case OPT_NAME: case OPT_PLACES: case OPT_START: case OPT_END:
			if (prog_option(c, optarg, &p))
				goto out;
			break;
		case OPT_REQUEST: free(r.kind); r.kind = xstrdup(optarg); break;
		case OPT_PERSON: free(r.person); r.person = xstrdup(optarg); break;
		case OPT_DETAIL: free(r.detail); r.detail = xstrdup(optarg); break;
		case OPT_UNIT: free(r.unit); r.unit = xstrdup(optarg); break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--enterprise"))
		goto out;
	if (!prog == !r.kind) {
		say_error(_("give either --programme or --request"));
		goto out;
	}
	if (prog && !talent_prog_parse(prog, &p.kind)) {
		say_error(_("--programme: '%s' is not one of order, named, factory_school"), prog);
		goto out;
	}
	if (prog ? cli_required(argv, "--school --name --places --start")
	         : cli_required(argv, "--person"))
		goto out;
	ent_record e = { 0 };
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_TALENT_EDIT)) != 0)
		goto out;
	rc = prog ? add_programme(ctx, &e, &p) : add_request(ctx, &e, &r);
	ent_record_clear(&e);
out:
	talent_programme_clear(&p);
	talent_request_clear(&r);
	return rc;
}

typedef struct list_opts {
	app_ctx *ctx;
	const char *unit;
	const char *kind;
	int state;
} list_opts;

/* a cell of the list for out_row_from */
typedef struct cell_arg {
	app_ctx *ctx;
	const talent_request *r;
	app_cell_form form;
} cell_arg;

static void cell(const void *arg, int col, strbuf *out)
{
	const cell_arg *a = arg;
	app_talent_cell(a->ctx, a->r, col, a->form, out);
}

/* the kind's and the state's codes for files, their names for people */
static void list_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	const list_opts *o = own;
	cell_arg a = { o->ctx, rec, fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE };
	out_row_from(t, cell, &a);
}

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	list_opts *o = q->own;
	talent_state s;
	switch (c) {
	case OPT_UNIT:
		if (!talent_unit_ok(app_talent_units(ctx), val)) {
			say_error(_("--unit: %s is not a unit responsible for talent services"), val);
			return EXIT_USAGE;
		}
		o->unit = val;
		return 0;
	case OPT_KIND: {
		const code_def *k = codes_find(app_talent_kinds(ctx), val);
		if (!k) {
			strbuf all = STRBUF_INIT;
			codes_list(app_talent_kinds(ctx), &all);
			say_error(_("--kind: unknown talent service '%s'; allowed: %s"), val,
			          sb_str(&all));
			sb_free(&all);
			return EXIT_USAGE;
		}
		o->kind = k->code;
		return 0;
	}
	case OPT_STATE:
		if (!talent_state_parse(val, &s)) {
			say_error(_("--state: '%s' is not one of received, handling, done, declined"),
			          val);
			return EXIT_USAGE;
		}
		o->state = (int)s;
		return 0;
	default:
		return -1;
	}
}

static int list_fetch(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	const list_opts *o = q->own;
	talent_filter f = { q->enterprise_id, o->unit, o->kind, o->state, q->scope_area };
	int rc = talent_store_list_from(d, &f, last ? ((const talent_request *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? talent_store_list(d, &f, offset, limit, out, n, err) : rc;
}

static void request_clear(void *rec)
{
	talent_request_clear(rec);
}

static int talent_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "state", required_argument, NULL, OPT_STATE },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing listing = {
		opts, list_option, NULL, CLI_ENT_OPTIONAL, list_fetch, sizeof(talent_request),
		app_talent_columns, TAL_COL__COUNT, list_add, request_clear,
	};
	list_opts o = { ctx, NULL, NULL, -1 };
	return cli_list(ctx, argc, argv, &listing, &o, usage);
}

typedef struct prog_arg {
	const talent_programme *p;
	app_cell_form form;
} prog_arg;

static void prog_cell(const void *arg, int col, strbuf *out)
{
	const prog_arg *a = arg;
	app_programme_cell(a->p, col, a->form, out);
}

/* the kind's code for files, its name for people */
static void prog_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	prog_arg a = { rec, fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE };
	out_row_from(t, prog_cell, &a);
}

static int prog_fetch(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	talent_prog_filter f = { q->enterprise_id, q->scope_area };
	int rc = talent_store_programmes_from(d, &f, last ? ((const talent_programme *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? talent_store_programmes(d, &f, offset, limit, out, n, err) : rc;
}

static void prog_clear(void *rec)
{
	talent_programme_clear(rec);
}

static int no_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	return -1;
}

static int talent_programmes(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	static const cli_listing listing = {
		opts, no_option, NULL, CLI_ENT_OPTIONAL, prog_fetch, sizeof(talent_programme),
		app_programme_columns, PROG_COL__COUNT, prog_add, prog_clear,
	};
	return cli_list(ctx, argc, argv, &listing, NULL, usage);
}

/* the context for the show printers, which cli_record hands only the record */
static app_ctx *show_ctx;

static void show_json(const void *rec)
{
	const talent_request *r = rec;
	printf("{\"id\": %" PRId64, r->id);
	const struct { const char *key; const char *val; } s[] = {
		{ "enterprise", r->enterprise }, { "kind", r->kind },
		{ "state", talent_state_code(r->state) }, { "uscc", r->uscc }, { "area", r->area },
		{ "person", r->person }, { "detail", r->detail }, { "unit", r->unit },
		{ "note", r->note }, { "created_by", r->created_by }, { "created_at", r->created_at },
		{ "updated_at", r->updated_at },
	};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		printf(", \"%s\": ", s[i].key);
		out_json_string(stdout, s[i].val);
	}
	fputs(", \"appeal\": ", stdout);
	if (r->appeal_number)
		out_json_string(stdout, r->appeal_number);
	else
		fputs("null", stdout);
	fputs("}\n", stdout);
}

static void show_table(const void *rec)
{
	const talent_request *r = rec;
	char id[24];
	snprintf(id, sizeof id, "%" PRId64, r->id);
	const char *rows[][2] = {
		{ _("Request"), id },
		{ _("Enterprise"), r->enterprise },
		{ _("Credit code"), r->uscc },
		{ _("Talent service"), codes_name(app_talent_kinds(show_ctx), r->kind) },
		{ _("Talent"), r->person },
		{ _("Detail"), r->detail },
		{ _("Responsible unit"), r->unit },
		{ _("State"), _(talent_state_label(r->state)) },
		{ _("Note"), r->note },
		{ _("Appeal"), r->appeal_number ? r->appeal_number : "" },
		{ _("Recorded by"), r->created_by },
		{ _("Recorded at"), r->created_at },
		{ _("Changed at"), r->updated_at },
	};
	out_table *t = cli_kv_new();
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		out_row(t, rows[i]);
	cli_kv_print(&t);
}

static void show_csv(const void *rec)
{
	out_table *t = out_new(app_talent_columns, TAL_COL__COUNT);
	list_opts o = { show_ctx, NULL, NULL, -1 };
	list_add(t, OUT_CSV, rec, &o);
	out_print(t, OUT_CSV, false, stdout);
	out_free(&t);
}

static int get(db *d, int64_t id, void *rec, strbuf *err)
{
	return app_talent_get(show_ctx, id, rec, err);
}

static const char *area(const void *rec)
{
	return ((const talent_request *)rec)->area;
}

static int talent_show(app_ctx *ctx, int argc, char **argv)
{
	static const cli_record kind = {
		N_("talent service request id"), sizeof(talent_request), get, area, request_clear,
		show_table, show_csv, show_json,
	};
	show_ctx = ctx;
	return cli_record_show(ctx, argc, argv, &kind, usage);
}

static int talent_move(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, OPT_TO },
		{ "note", required_argument, NULL, OPT_NOTE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	const char *to_arg = NULL;
	char *note = xstrdup("");
	int c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_TO: to_arg = optarg; break;
		case OPT_NOTE: free(note); note = xstrdup(optarg); break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	int64_t id;
	talent_state to;
	if (cli_operands(argc, argv, 1, _("the request's id")) ||
	    cli_arg_id(_("the request's id"), argv[optind], &id) || cli_required(argv, "--to"))
		goto out;
	if (!talent_state_parse(to_arg, &to)) {
		say_error(_("--to: '%s' is not one of handling, done, declined"), to_arg);
		goto out;
	}
	strbuf err = STRBUF_INIT;
	app_record_rc moved = app_talent_move(ctx, id, to, &note, &err);
	if (moved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(moved);
	} else {
		printf(_("talent service request %" PRId64 " is now %s\n"), id,
		       _(talent_state_label(to)));
		rc = EXIT_OK;
	}
	sb_free(&err);
out:
	free(note);
	return rc;
}

/* qifu talent programme-edit ID: the options given replace those fields */
static int talent_programme_edit(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "programme", required_argument, NULL, OPT_PROGRAMME },
		{ "school", required_argument, NULL, OPT_SCHOOL },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "places", required_argument, NULL, OPT_PLACES },
		{ "start", required_argument, NULL, OPT_START },
		{ "end", required_argument, NULL, OPT_END },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	talent_programme was = { 0 }, now = { 0 };
	int c, rc = EXIT_USAGE;
	optind = 0;
	/* first the options' own checks, then the programme as it is, then the changes */
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == OPT_HELP) {
			usage(stdout);
			return EXIT_OK;
		}
		if (c == '?' || c == ':')
			return EXIT_USAGE;
	}
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the programme's id")) ||
	    cli_arg_id(_("the programme's id"), argv[optind], &id))
		return EXIT_USAGE;
	strbuf err = STRBUF_INIT;
	rc = cli_store_rc(app_talent_programme_get(ctx, id, &was, &err), &err);
	if (rc != EXIT_OK) {
		sb_free(&err);
		return rc;
	}
	rc = EXIT_USAGE;
	now = was;
	now.enterprise = now.uscc = now.area = now.created_by = now.created_at = NULL;
	now.school = xstrdup(was.school);
	now.name = xstrdup(was.name);
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == OPT_PROGRAMME) {
			if (!talent_prog_parse(optarg, &now.kind)) {
				say_error(_("--programme: '%s' is not one of order, named, factory_school"),
				          optarg);
				goto out;
			}
		} else if (prog_option(c, optarg, &now)) {
			goto out;
		}
	}
	app_record_rc saved = app_talent_programme_edit(ctx, &was, &now, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
	} else {
		printf(_("talent programme %" PRId64 " of %s changed: %s %s with %s, %d places\n"),
		       id, was.enterprise, _(talent_prog_label(now.kind)), now.name, now.school,
		       now.places);
		rc = EXIT_OK;
	}
out:
	sb_free(&err);
	talent_programme_clear(&was);
	talent_programme_clear(&now);
	return rc;
}

static int talent_appeal(app_ctx *ctx, int argc, char **argv)
{
	ticket_kind kind;
	int rc = appeal_cli_kind_options(argc, argv, &kind, usage);
	if (rc >= 0)
		return rc;
	int64_t id;
	if (cli_operands(argc, argv, 1, _("the request's id")) ||
	    cli_arg_id(_("the request's id"), argv[optind], &id))
		return EXIT_USAGE;
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	strbuf err = STRBUF_INIT;
	appeal_move_rc w = appeal_move_from_talent(ctx, id, kind, number, &tm, &err);
	char *source = xasprintf(_("talent service request %" PRId64), id);
	rc = appeal_cli_made(ctx, w, number, source, &tm, &err);
	free(source);
	sb_free(&err);
	return rc;
}

int cmd_talent(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", talent_add, NULL }, { "list", talent_list, NULL },
		{ "programmes", talent_programmes, NULL }, { "show", talent_show, NULL },
		{ "move", talent_move, NULL }, { "appeal", talent_appeal, NULL },
		{ "programme-edit", talent_programme_edit, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
