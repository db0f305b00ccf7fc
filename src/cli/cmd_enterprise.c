/* qifu enterprise add|edit|show|list: the register from the command line. The
 * options and JSON keys are a stable interface that scripts depend on. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/store_text.h"
#include "cli/cli_args.h"
#include "cli/output.h"
#include "cli/cmd_enterprise.h"
#include "app/ent_io.h"
#include "app/personal.h"
#include "app/enterprise_list.h"
#include "app/records.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/ent_import.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

int cmd_enterprise(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fprintf(fp, _(
		"usage: qifu enterprise add --name N --uscc C --area A --category CATEGORY [options]\n"
		"       qifu enterprise edit USCC [options]\n"
		"       qifu enterprise show USCC [--full] [--format table|csv|json]\n"
		"       (--full: also what the 360 view shows: visits, financing needs and\n"
		"        their history, pools, warnings, inspections, refused entries, appeals;\n"
		"        CSV is section,item,step,field,value rows, JSON one object with\n"
		"        \"enterprise\" and an array per section)\n"
		"       qifu enterprise list [--search Q] [--area A] [--category C] [--unit U]\n"
		"                            [--pool tech|upscale] [--warning] [--all]\n"
		"                            [--class above_scale|below_scale|other]\n"
		"                            [--format table|csv|json]\n"
		"       (--pool: current members of a cultivation pool of data/pools.tsv;\n"
		"        --warning: only enterprises with an open relocation warning;\n"
		"        --all: also those moved out of the zone or deregistered;\n"
		"        --class: the plan's three classes 五上, 规限下, 其他)\n"
		"       qifu enterprise status USCC --to operating|moved_out|deregistered|suspended\n"
		"                              --reason R [--since YYYY-MM-DD]\n"
		"       qifu enterprise export FILE.csv|FILE.xlsx [list filters]\n"
		"       qifu enterprise import FILE.csv|FILE.xlsx [--sheet NAME] [--dry-run]\n"
		"                                 [--skip-bad REJECTS.csv]\n"
		"categories: industry, trade, services, construction, real_estate, below_scale\n"
		"options: --group G (e.g. 华勤系)  --aviation | --no-aviation  --introduced-by UNIT\n"
		"         --address A  --legal-rep P  --contact P  --phone T  --commissioner LOGIN\n"
		"         --accept-uscc REASON  (supervisors: keep a code that fails its check)\n"
		"         --lead-unit UNIT --reason R  (supervisors: override the routed lead unit;\n"
		"                                       --lead-unit routed returns to the routing)\n"));
}

enum {
	OPT_NAME = 1, OPT_USCC, OPT_AREA, OPT_CATEGORY, OPT_GROUP, OPT_AVIATION, OPT_NO_AVIATION,
	OPT_INTRODUCED, OPT_ADDRESS, OPT_LEGAL, OPT_CONTACT, OPT_PHONE, OPT_COMMISSIONER,
	OPT_ACCEPT_USCC, OPT_LEAD, OPT_REASON, OPT_HELP,
};

static const struct option edit_opts[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "uscc", required_argument, NULL, OPT_USCC },
	{ "area", required_argument, NULL, OPT_AREA },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "group", required_argument, NULL, OPT_GROUP },
	{ "aviation", no_argument, NULL, OPT_AVIATION },
	{ "no-aviation", no_argument, NULL, OPT_NO_AVIATION },
	{ "introduced-by", required_argument, NULL, OPT_INTRODUCED },
	{ "address", required_argument, NULL, OPT_ADDRESS },
	{ "legal-rep", required_argument, NULL, OPT_LEGAL },
	{ "contact", required_argument, NULL, OPT_CONTACT },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "commissioner", required_argument, NULL, OPT_COMMISSIONER },
	{ "accept-uscc", required_argument, NULL, OPT_ACCEPT_USCC },
	{ "lead-unit", required_argument, NULL, OPT_LEAD },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

static void set(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

typedef struct edit_args {
	const char *accept_uscc;
	const char *lead;
	const char *reason;
	const char *commissioner;
} edit_args;

/* apply the options to e; 0, or an exit code */
static int parse_edit(int argc, char **argv, ent_record *e, edit_args *a)
{
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, edit_opts, NULL)) != -1) {
		switch (c) {
		case OPT_NAME: set(&e->name, optarg); break;
		case OPT_USCC: set(&e->uscc, optarg); break;
		case OPT_AREA: set(&e->area, optarg); break;
		case OPT_CATEGORY: set(&e->category, optarg); break;
		case OPT_GROUP: set(&e->group, optarg); break;
		case OPT_AVIATION: e->aviation = true; break;
		case OPT_NO_AVIATION: e->aviation = false; break;
		case OPT_INTRODUCED: set(&e->introduced_by, optarg); break;
		case OPT_ADDRESS: set(&e->address, optarg); break;
		case OPT_LEGAL: set(&e->legal_rep, optarg); break;
		case OPT_CONTACT: set(&e->contact, optarg); break;
		case OPT_PHONE: set(&e->phone, optarg); break;
		case OPT_COMMISSIONER: a->commissioner = optarg; break;
		case OPT_ACCEPT_USCC: a->accept_uscc = optarg; break;
		case OPT_LEAD: a->lead = optarg; break;
		case OPT_REASON: a->reason = optarg; break;
		case OPT_HELP: usage(stdout); return EXIT_OK + 100;
		default: return EXIT_USAGE;
		}
	}
	return 0;
}

/* commissioner, lead override and validation shared by add and edit; 0 or exit code */
static int finish_record(app_ctx *ctx, ent_record *e, const edit_args *a)
{
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	if (a->commissioner) {
		if (!*a->commissioner) {
			e->commissioner_id = 0;
			set(&e->commissioner, "");
		} else {
			staff *s = NULL;
			store_err se = { 0 };
			int found = staff_store_get(app_db(ctx), a->commissioner, &s, &se);
			if (found != 0) {
				say_error(found < 0 ? "%s" : _("--commissioner: no staff login '%s'"),
				          found < 0 ? app_store_text(&se, &err) : a->commissioner);
				goto out;
			}
			e->commissioner_id = s->id;
			set(&e->commissioner, s->login);
			staff_free(&s);
		}
	}
	if (a->lead) {
		if (strcmp(a->lead, "routed") == 0) {
			xfree(&e->lead_override);
		} else {
			if (!a->reason || !*a->reason) {
				say_error(_("--lead-unit needs --reason: overriding the routing is recorded"));
				goto out;
			}
			if (!cli_allowed(ctx, PERM_ROUTING_OVERRIDE, NULL, NULL)) {
				rc = EXIT_NO;
				goto out;
			}
			set(&e->lead_unit, a->lead);
			set(&e->lead_override, a->reason);
		}
	}
	if (a->accept_uscc && !cli_allowed(ctx, PERM_USCC_OVERRIDE, NULL, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	ent_verdict v = ent_validate(app_ent_rules(ctx), e, a->accept_uscc, NULL, &err);
	if (v == ENT_USCC_FAILS) {
		say_error(_("%s\n(a supervisor may keep such a code with --accept-uscc REASON)"),
		          sb_str(&err));
		rc = EXIT_NO;
		goto out;
	}
	if (v != ENT_OK) {
		say_error("%s", sb_str(&err));
		goto out;
	}
	rc = 0;
out:
	sb_free(&err);
	return rc;
}

static int ent_add(app_ctx *ctx, int argc, char **argv)
{
	ent_record e = { 0 };
	edit_args a = { 0 };
	int rc = parse_edit(argc, argv, &e, &a);
	if (rc) {
		ent_record_clear(&e);
		return rc == 100 ? EXIT_OK : rc;
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--name --uscc --area --category")) {
		ent_record_clear(&e);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	if ((rc = finish_record(ctx, &e, &a)) != 0)
		goto out;
	if (!cli_allowed(ctx, PERM_ENT_ADD, e.area, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	db *d = app_db(ctx);
	int64_t id;
	char *owner = NULL;
	store_err se = { 0 };
	if (ent_store_uscc_owner(d, e.uscc, &owner, NULL, &se) == 0) {
		say_error(_("USCC %s is already registered to %s"), e.uscc, owner);
		free(owner);
		rc = EXIT_NO;
		goto out;
	}
	if (db_begin(d, &se) < 0 ||
	    ent_store_insert(d, app_actor(ctx)->login, &e, &id, &se) < 0 ||
	    (e.lead_override && db_event(d, app_actor(ctx)->login, "enterprise", id,
	                                 "override_lead", e.lead_unit, e.lead_override, &se) < 0) ||
	    db_commit(d, &se) < 0) {
		db_rollback(d);
		say_error("%s", app_store_text(&se, &err));
		rc = EXIT_USAGE;
		goto out;
	}
	printf(_("added %s %s, lead unit %s\n"), e.uscc, e.name, e.lead_unit);
	rc = EXIT_OK;
out:
	sb_free(&err);
	ent_record_clear(&e);
	return rc;
}

/* the record for a USCC argument, visible to the actor; 0 or an exit code */
static int load_visible(app_ctx *ctx, const char *arg, ent_record *e, perm_action act)
{
	return cli_arg_enterprise(ctx, arg, e, (int)act);
}

/* enterprise status USCC --to S --reason R [--since D]: 在营, 迁出, 注销, 停业 */
static int ent_status_cmd(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "since", required_argument, NULL, 's' },
		{ "reason", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *to_arg = NULL, *reason_arg = NULL;
	qdate since = ctx->today;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 't': to_arg = optarg; break;
		case 'r': reason_arg = optarg; break;
		case 's':
			if (cli_arg_date("--since", optarg, &since))
				return EXIT_USAGE;
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_required(argv, "--to --reason") || cli_operands(argc, argv, 1, _("the USCC")))
		return EXIT_USAGE;
	ent_status to;
	if (!ent_status_parse(to_arg, &to)) {
		say_error(_("--to: '%s' is not one of operating, moved_out, deregistered, suspended"),
		          to_arg);
		return EXIT_USAGE;
	}
	ent_record e = { 0 };
	int rc = load_visible(ctx, argv[optind], &e, PERM_ENT_VIEW);
	if (rc)
		return rc;
	char *reason = xstrdup(reason_arg);
	strbuf err = STRBUF_INIT;
	app_record_rc w = app_ent_status_set(ctx, &e, to, since, &reason, &err);
	if (w == APP_RECORD_SAVED)
		printf(_("%s is now %s\n"), e.name, _(ent_status_label(to)));
	else
		say_error("%s", sb_str(&err));
	rc = app_record_exit(w);
	sb_free(&err);
	free(reason);
	ent_record_clear(&e);
	return rc;
}

static int ent_edit(app_ctx *ctx, int argc, char **argv)
{
	if (argc < 2 || argv[1][0] == '-') {
		/* the options before the USCC: --help, or a mistake named as such */
		ent_record e = { 0 };
		edit_args a = { 0 };
		int rc = parse_edit(argc, argv, &e, &a);
		ent_record_clear(&e);
		if (rc)
			return rc == 100 ? EXIT_OK : rc;
		optind = argc;
		return cli_operands(argc, argv, 1, _("the USCC of the enterprise (first)"));
	}
	ent_record old = { 0 }, e = { 0 };
	int rc = load_visible(ctx, argv[1], &old, PERM_ENT_EDIT);
	if (rc)
		return rc;
	ent_record_copy(&e, &old);
	edit_args a = { 0 };
	strbuf err = STRBUF_INIT;
	rc = parse_edit(argc - 1, argv + 1, &e, &a);
	if (rc) {
		rc = rc == 100 ? EXIT_OK : rc;
		goto out;
	}
	if (a.accept_uscc == NULL && old.uscc_override && strcmp(old.uscc, e.uscc) == 0)
		a.accept_uscc = old.uscc_override;
	if ((rc = finish_record(ctx, &e, &a)) != 0)
		goto out;
	/* moving an enterprise to another area is an edit of both areas */
	if (!cli_allowed(ctx, PERM_ENT_EDIT, e.area, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	store_err se = { 0 };
	if (ent_store_update(app_db(ctx), app_actor(ctx)->login, &old, &e, a.reason, &se) < 0) {
		say_error("%s", app_store_text(&se, &err));
		rc = EXIT_NO;
		goto out;
	}
	printf(_("saved %s %s, lead unit %s\n"), e.uscc, e.name, e.lead_unit);
	rc = EXIT_OK;
out:
	sb_free(&err);
	ent_record_clear(&e);
	ent_record_clear(&old);
	return rc;
}

/* one row of the register, worded by the app: labels for people, codes for scripts */
typedef struct row_arg {
	const ent_record *e;
	app_cell_form form;
	const catalog *cat;
} row_arg;

static void row_cell(const void *arg, int col, strbuf *out)
{
	const row_arg *a = arg;
	app_ent_cell(a->e, col, a->form, a->cat, out);
}

static void add_row(out_table *t, const ent_record *e, app_cell_form form, const catalog *cat)
{
	row_arg a = { e, form, cat };
	out_row_from(t, row_cell, &a);
}

void ent_show_row(out_table *t, const ent_record *e, const catalog *cat)
{
	add_row(t, e, CELL_CODE, cat);
}

static int parse_format(const char *arg, out_format *f)
{
	return cli_arg_format(arg, f);
}

static int ent_show(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "full", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	bool full = false;
	int c, rc;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (cli_arg_format(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case 'F': full = true; break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 1, _("the USCC")))
		return EXIT_USAGE;
	ent_record e = { 0 };
	rc = load_visible(ctx, argv[optind], &e, PERM_ENT_VIEW);
	if (rc)
		return rc;
	strbuf err = STRBUF_INIT;
	/* shown masked when the access cannot be recorded: said, and shown all the same */
	if (app_ent_shown(ctx, &e, &err) < 0)
		say_warn("%s", sb_str(&err));
	sb_free(&err);
	const catalog *cat = app_ent_rules(ctx)->cat;
	if (full && fmt != OUT_TABLE) {
		/* one document: the entry is part of it */
		rc = ent_full_print(ctx, &e, fmt);
		ent_record_clear(&e);
		return rc;
	}
	if (fmt == OUT_TABLE) {
		/* one record reads best as label: value lines, the list's columns in words
		 * with the category's full name */
		out_table *t = cli_kv_new();
		const category *k = catalog_category(cat, e.category);
		for (int i = 0; i < ENT_COL__COUNT; i++) {
			const app_column *col = &app_ent_columns[i];
			if (!col->key)
				continue;
			strbuf v = STRBUF_INIT;
			if (i == ENT_COL_CATEGORY && k)
				sb_add(&v, k->label);
			else
				app_ent_cell(&e, i, CELL_WORDS, cat, &v);
			cli_kv_add(t, xstrdup(_(col->header)), out_cell_text(col, sb_str(&v)));
			sb_free(&v);
		}
		if (e.lead_override)
			cli_kv_add(t, xstrdup(_("Lead unit overridden")), xstrdup(e.lead_override));
		if (e.uscc_override)
			cli_kv_add(t, xstrdup(_("USCC accepted despite check")),
			           xstrdup(e.uscc_override));
		cli_kv_print(&t);
		if (full)
			ent_full_print(ctx, &e, fmt);
	} else {
		out_table *t = out_new(app_ent_columns, ENT_COL__COUNT);
		add_row(t, &e, CELL_CODE, cat);
		out_print(t, fmt, true, stdout);
		out_free(&t);
	}
	ent_record_clear(&e);
	return EXIT_OK;
}

/* export writes by the file's name, so --format is list's alone; arg is list's format */
static bool filter_takes(const struct option *o, const void *arg)
{
	return o->val != 'f' || arg != NULL;
}

/* the list filters shared by list and export; *fmt may be NULL (export has none).
 * Returns 0, or an exit code; *first_arg is the index of the first operand. */
static int parse_filters(app_ctx *ctx, int argc, char **argv, ent_filter *f, out_format *fmt)
{
	static const struct option opts[] = {
		{ "search", required_argument, NULL, 's' },
		{ "area", required_argument, NULL, 'a' },
		{ "category", required_argument, NULL, 'c' },
		{ "unit", required_argument, NULL, 'u' },
		{ "pool", required_argument, NULL, 'p' },
		{ "warning", no_argument, NULL, 'w' },
		{ "all", no_argument, NULL, 'A' },
		{ "class", required_argument, NULL, 'C' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const ent_rules *rules = app_ent_rules(ctx);
	/* static: f->pool must outlive this call; one command runs per process */
	static char pool[POOL_CODE_MAX];
	int c;
	optind = 0;
	while ((c = cli_getopt_some(argc, argv, opts, NULL, filter_takes, fmt)) != -1) {
		switch (c) {
		case 's': f->search = optarg; break;
		case 'a':
			if (!units_is_area(rules->units, optarg)) {
				strbuf b = STRBUF_INIT;
				units_list(rules->units, UNIT_AREA, &b);
				say_error(_("--area: unknown area '%s'; allowed: %s"), optarg, sb_str(&b));
				sb_free(&b);
				return EXIT_USAGE;
			}
			f->area = optarg;
			break;
		case 'c': {
			const category *k = catalog_category_any(rules->cat, optarg);
			if (!k) {
				strbuf b = STRBUF_INIT;
				catalog_list_codes(rules->cat, &b);
				say_error(_("--category: unknown category '%s'; allowed: %s"), optarg,
				          sb_str(&b));
				sb_free(&b);
				return EXIT_USAGE;
			}
			f->category = k->code;
			break;
		}
		case 'u':
			if (!units_find(rules->units, optarg)) {
				say_error(_("--unit: unknown unit '%s'"), optarg);
				return EXIT_USAGE;
			}
			f->lead_unit = optarg;
			break;
		case 'p':
			if (cli_arg_pool_code("--pool", optarg, pool))
				return EXIT_USAGE;
			f->pool = pool;
			break;
		case 'w': f->warning_only = true; break;
		case 'A': f->include_gone = true; break;
		case 'C': {
			/* static: f borrows the categories; one command runs per process */
			static const char *cats[16];
			ent_class cls;
			if (!ent_class_parse(optarg, &cls)) {
				say_error(_("--class: '%s' is not one of above_scale, below_scale, other"),
				          optarg);
				return EXIT_USAGE;
			}
			app_ent_filter_class(f, cls, rules->cat, cats, 15);
			break;
		}
		case 'f':
			if (parse_format(optarg, fmt))
				return EXIT_USAGE;
			break;
		case 'h': usage(stdout); return EXIT_OK + 100;
		default: return EXIT_USAGE;
		}
	}
	if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL))
		return EXIT_NO;
	staff *me = app_actor(ctx);
	if (me->role == ROLE_AREA_OFFICER)
		f->scope_area = me->area;
	return 0;
}

typedef struct list_state {
	out_table *t;
	const catalog *cat;
	app_cell_form form;
} list_state;

static int list_one(const ent_record *e, void *arg, strbuf *err)
{
	(void)err;
	list_state *st = arg;
	add_row(st->t, e, st->form, st->cat);
	return 0;
}

static int ent_list(app_ctx *ctx, int argc, char **argv)
{
	ent_filter f = { 0 };
	out_format fmt = OUT_TABLE;
	int rc = parse_filters(ctx, argc, argv, &f, &fmt);
	if (rc)
		return rc == 100 ? EXIT_OK : rc;
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	list_state st = { out_new(app_ent_columns, ENT_COL__COUNT), app_ent_rules(ctx)->cat,
		fmt == OUT_TABLE ? CELL_WORDS : CELL_CODE };
	/* a long list goes out as it is read, never whole in memory */
	out_stream(st.t, fmt, stdout);
	strbuf err = STRBUF_INIT;
	rc = EXIT_OK;
	app_access_tally tally = { 0 };
	/* a table reads the list twice, measuring its widths first; the rows printed are
	 * those of the last pass */
	for (int pass = 0; rc == EXIT_OK && (pass == 0 || out_stream_again(st.t)); pass++) {
		tally = (app_access_tally){ 0 };
		if (app_ent_each(ctx, &f, ENT_SORT_NAME, false, list_one, &st, &tally, &err) < 0) {
			say_error("%s", sb_str(&err));
			rc = EXIT_USAGE;
		}
	}
	if (rc == EXIT_OK)
		out_print(st.t, fmt, false, stdout);
	/* the list printed personal fields in full: recorded like an export to "-" */
	if (rc == EXIT_OK && app_access_export(ctx, "enterprise", &tally, "-", &err) < 0) {
		say_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
	}
	out_free(&st.t);
	sb_free(&err);
	return rc;
}

static int ent_export(app_ctx *ctx, int argc, char **argv)
{
	ent_filter f = { 0 };
	int rc = parse_filters(ctx, argc, argv, &f, NULL);
	if (rc)
		return rc == 100 ? EXIT_OK : rc;
	if (cli_operands(argc, argv, 1, _("the file to write")))
		return EXIT_USAGE;
	const char *path = argv[optind];
	bool xlsx;
	strbuf err = STRBUF_INIT;
	if (ent_export_check_path(path, &xlsx, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_ENT_EXPORT, NULL, NULL))
		return EXIT_NO;
	long rows;
	if (ent_export_write(ctx, &f, ENT_SORT_NAME, false, path, NULL, NULL, &rows, &err) < 0) {
		if (err.len)
			say_error("%s", sb_str(&err));
		say_error(_("export: nothing written to %s"), path);
		sb_free(&err);
		return EXIT_USAGE;
	}
	printf(P_("exported %ld enterprise to %s\n", "exported %ld enterprises to %s\n", rows),
	       rows, path);
	sb_free(&err);
	return EXIT_OK;
}

int cmd_enterprise(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", ent_add, NULL }, { "edit", ent_edit, NULL }, { "show", ent_show, NULL },
		{ "list", ent_list, NULL }, { "export", ent_export, NULL },
		{ "import", ent_import, NULL }, { "status", ent_status_cmd, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
