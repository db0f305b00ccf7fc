/* qifu inspect show|list|verify: plans as people and scripts read them. The
 * enterprises' evaluations pass through the permission function on the way out, so
 * that the inspected unit never reads its own score. JSON keys are stable. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/chunk.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cmd_inspect.h"
#include "app/chunk.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "model/inspection.h"
#include "model/perm.h"
#include "store/inspection_store.h"
#include "store/staff_store.h"

int inspection_load(app_ctx *ctx, const char *arg, inspection_record *r)
{
	strbuf err = STRBUF_INIT;
	int rc = inspection_say(app_inspection_find(ctx, arg, r, &err), INSPECTION_FIELD_NONE, &err);
	sb_free(&err);
	return rc;
}

static const app_column plan_cols[] = {
	{ .key = "id", .header = N_("No."), .kind = COL_INT },
	{ .key = "code", .header = N_("Plan code"), .kind = COL_STR },
	{ .key = "state", .header = N_("State"), .kind = COL_STR },
	{ .key = "unit", .header = N_("Inspecting unit"), .kind = COL_STR },
	{ .key = "date", .header = N_("Date"), .kind = COL_STR },
	{ .key = "reason", .header = N_("Reason"), .kind = COL_STR },
	{ .key = "reason_name", .header = N_("Reason name"), .kind = COL_STR },
	{ .key = "enterprises", .header = N_("USCCs"), .kind = COL_LIST },
	{ .key = "enterprise_names", .header = N_("Enterprises inspected"), .kind = COL_LIST },
	{ .key = "inspectors", .header = N_("Inspectors"), .kind = COL_LIST },
	{ .key = "legal_basis", .header = N_("Legal basis"), .kind = COL_STR },
	{ .key = "items", .header = N_("Items"), .kind = COL_STR },
	{ .key = "registered_on", .header = N_("Registered on"), .kind = COL_STR },
	{ .key = "registered_by", .header = N_("Registered by"), .kind = COL_STR },
	{ .key = "approved_on", .header = N_("Approved on"), .kind = COL_STR },
	{ .key = "approved_by", .header = N_("Approved by"), .kind = COL_STR },
	{ .key = "refused_rules", .header = N_("Overridden rules"), .kind = COL_LIST },
	{ .key = "override_reason", .header = N_("Override reason"), .kind = COL_STR },
	{ .key = "override_by", .header = N_("Overridden by"), .kind = COL_STR },
	{ .key = "findings", .header = N_("Findings"), .kind = COL_STR },
	{ .key = "outcome", .header = N_("Outcome"), .kind = COL_STR },
	{ .key = "violation_item", .header = N_("Violated item"), .kind = COL_STR },
	{ .key = "first_violation", .header = N_("First violation"), .kind = COL_BOOL },
	{ .key = "cancel_reason", .header = N_("Cancelled because"), .kind = COL_STR },
	{ .key = "evaluation_visible", .header = N_("Evaluation visible"), .kind = COL_BOOL },
	{ .key = "scores", .header = N_("Scores"), .kind = COL_LIST },
	{ .key = "comments", .header = N_("Comments"), .kind = COL_LIST },
};
enum { NPLAN = (int)(sizeof plan_cols / sizeof plan_cols[0]) };

/* One plan as the cells of plan_cols; the strings live in cells' buffers. */
typedef struct plan_cells {
	strbuf buf[NPLAN];
	const char *cell[NPLAN];
} plan_cells;

static void plan_cells_fill(plan_cells *pc, const inspection_record *r, const inspection_reason_table *t,
			    bool visible)
{
	char day[11];
	memset(pc, 0, sizeof *pc);
	sb_addf(&pc->buf[0], "%lld", (long long)r->id);
	sb_add(&pc->buf[1], r->code ? r->code : "");
	sb_add(&pc->buf[2], inspection_plan_state_code(r->state));
	sb_add(&pc->buf[3], r->unit);
	sb_add(&pc->buf[4], date_format(r->date, day));
	sb_add(&pc->buf[5], r->reason);
	sb_add(&pc->buf[6], inspection_reason_name(t, r->reason));
	for (int i = 0; i < r->nents; i++) {
		inspection_list_add(&pc->buf[7], r->ents[i].uscc);
		inspection_list_add(&pc->buf[8], r->ents[i].name);
	}
	sb_add(&pc->buf[9], r->inspectors);
	sb_add(&pc->buf[10], r->legal_basis);
	sb_add(&pc->buf[11], r->items);
	sb_add(&pc->buf[12], date_format(r->registered_on, day));
	sb_add(&pc->buf[13], r->registered_by);
	if (r->approved_on != DATE_NONE)
		sb_add(&pc->buf[14], date_format(r->approved_on, day));
	sb_add(&pc->buf[15], r->approved_by ? r->approved_by : "");
	for (const char *p = r->refused_rules; *p; p++)
		sb_addc(&pc->buf[16], *p == ',' ? '|' : *p);
	sb_add(&pc->buf[17], r->override_reason ? r->override_reason : "");
	sb_add(&pc->buf[18], r->override_by ? r->override_by : "");
	sb_add(&pc->buf[19], r->findings);
	sb_add(&pc->buf[20], r->has_outcome ? inspection_plan_outcome_code(r->outcome) : "");
	sb_add(&pc->buf[21], r->violation_item ? r->violation_item : "");
	sb_add(&pc->buf[22], r->first_violation ? "1" : "0");
	sb_add(&pc->buf[23], r->cancel_reason ? r->cancel_reason : "");
	sb_add(&pc->buf[24], visible ? "1" : "0");
	for (int i = 0; visible && i < r->nevals; i++) {
		strbuf score = STRBUF_INIT;
		sb_addf(&score, "%d", r->evals[i].score);
		inspection_list_add(&pc->buf[25], sb_str(&score));
		inspection_list_add(&pc->buf[26], r->evals[i].comment);
		sb_free(&score);
	}
	for (int i = 0; i < NPLAN; i++)
		pc->cell[i] = sb_str(&pc->buf[i]);
}

static void plan_cells_free(plan_cells *pc)
{
	for (int i = 0; i < NPLAN; i++)
		sb_free(&pc->buf[i]);
}


static void table_row(void *arg, const char *label, const char *value)
{
	const char *row[2] = { label, value };
	out_row(arg, row);
}

/* "label: value" rows of one plan, for people */
static void show_table(app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t, bool visible)
{
	app_column kv[] = {
		{ .key = "field", .header = N_("Field"), .kind = COL_STR },
		{ .key = "value", .header = N_("Value"), .kind = COL_STR },
	};
	out_table *tab = out_new(kv, 2);
	inspection_plan_fields(ctx, r, t, visible, table_row, tab);
	out_print(tab, OUT_TABLE, false, stdout);
	out_free(&tab);
}

static void show_usage(FILE *out)
{
	fputs(_("usage: qifu inspect show ID|CODE [--format table|csv|json]\n"), out);
}

int inspection_cmd_show(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == 'h') {
			show_usage(stdout);
			return EXIT_OK;
		}
		if (c != 'f' || !inspection_format_opt(optarg, &fmt))
			return EXIT_USAGE;
	}
	if (cli_operands(argc, argv, 1, _("the inspection number or plan code")))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_INSP_VIEW, NULL, NULL))
		return EXIT_NO;
	inspection_record r;
	int rc = inspection_load(ctx, argv[optind], &r);
	if (rc)
		return rc;
	inspection_reason_table *t = inspection_reasons_load();
	bool visible = inspection_eval_visible(app_actor(ctx), &r);
	if (fmt == OUT_TABLE) {
		show_table(ctx, &r, t, visible);
	} else {
		plan_cells pc;
		plan_cells_fill(&pc, &r, t, visible);
		out_table *tab = out_new(plan_cols, NPLAN);
		out_row(tab, pc.cell);
		out_print(tab, fmt, true, stdout);
		out_free(&tab);
		plan_cells_free(&pc);
	}
	inspection_reason_table_free(&t);
	inspection_record_clear(&r);
	return EXIT_OK;
}

/* the list as a table: the columns people scan, labels instead of codes */
static const app_column list_cols[] = {
	{ .key = "id", .header = N_("No."), .kind = COL_INT },
	{ .key = "code", .header = N_("Plan code"), .kind = COL_STR },
	{ .key = "date", .header = N_("Date"), .kind = COL_STR },
	{ .key = "unit", .header = N_("Inspecting unit"), .kind = COL_STR },
	{ .key = "reason", .header = N_("Reason"), .kind = COL_STR },
	{ .key = "state", .header = N_("State"), .kind = COL_STR },
	{ .key = "outcome", .header = N_("Outcome"), .kind = COL_STR },
	{ .key = "scores", .header = N_("Scores"), .kind = COL_LIST },
	{ .key = "enterprise_names", .header = N_("Enterprises inspected"), .kind = COL_LIST },
};
enum { NLIST = (int)(sizeof list_cols / sizeof list_cols[0]) };

static void list_usage(FILE *out)
{
	fputs(_("usage: qifu inspect list [--unit UNIT] [--enterprise USCC] [--state STATE]\n"
		"                         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|csv|json]\n"
		"states: registered, approved, done, evaluated, cancelled\n"), out);
}

/* the list's options into f: 0, or an exit code (-1 after --help) */
static int list_filters(app_ctx *ctx, int argc, char **argv, inspection_filter *f, out_format *fmt,
			ent_record *e)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, 'u' },
		{ "enterprise", required_argument, NULL, 'e' },
		{ "state", required_argument, NULL, 's' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'u':
			if (!inspection_unit_opt(ctx, "--unit", optarg))
				return EXIT_USAGE;
			f->unit = optarg;
			break;
		case 'e':
			ent_record_clear(e);
			if (inspection_arg_enterprise(ctx, "--enterprise", optarg, e) != 0)
				return EXIT_USAGE;
			f->enterprise_id = e->id;
			break;
		case 's':
			if (!inspection_plan_state_parse(optarg, &f->state)) {
				say_error(_("--state: '%s' is not one of registered, approved, done, evaluated, cancelled"),
					  optarg);
				return EXIT_USAGE;
			}
			f->by_state = true;
			break;
		case 'F':
			if (!inspection_date_opt("--from", optarg, &f->from))
				return EXIT_USAGE;
			break;
		case 'T':
			if (!inspection_date_opt("--to", optarg, &f->to))
				return EXIT_USAGE;
			break;
		case 'f':
			if (!inspection_format_opt(optarg, fmt))
				return EXIT_USAGE;
			break;
		case 'h':
			list_usage(stdout);
			return -1;
		default:
			return EXIT_USAGE;
		}
	}
	return cli_operands(argc, argv, 0, NULL);
}

/* the plans in chunks by (date, id) after the last one read */
static int insp_chunk_read(db *d, void *query, const void *last, long offset, int limit,
                           void *out, int *n, store_err *err)
{
	(void)offset;
	return inspection_store_window_from(d, query, last, false, limit, out, n, err);
}

static void insp_chunk_clear(void *rec)
{
	inspection_record_clear(rec);
}

typedef struct list_rows {
	app_ctx *ctx;
	const inspection_reason_table *reasons;
	out_table *tab;
	out_format fmt;
} list_rows;

static int list_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	const list_rows *lr = arg;
	const inspection_record *r = rec;
	plan_cells pc;
	bool visible = inspection_eval_visible(app_actor(lr->ctx), r);
	plan_cells_fill(&pc, r, lr->reasons, visible);
	if (lr->fmt == OUT_TABLE) {
		char *score = visible || !r->nevals ? NULL : xstrdup(_("hidden"));
		const char *row[NLIST] = { pc.cell[0], pc.cell[1], pc.cell[4], pc.cell[3],
			pc.cell[6], _(inspection_plan_state_label(r->state)),
			r->has_outcome ? _(inspection_plan_outcome_label(r->outcome)) : "",
			score ? score : pc.cell[25], pc.cell[8] };
		out_row(lr->tab, row);
		free(score);
	} else {
		out_row(lr->tab, pc.cell);
	}
	plan_cells_free(&pc);
	return 0;
}

int inspection_cmd_list(app_ctx *ctx, int argc, char **argv)
{
	inspection_filter f = { .from = DATE_NONE, .to = DATE_NONE };
	out_format fmt = OUT_TABLE;
	ent_record e = { 0 };
	int rc = list_filters(ctx, argc, argv, &f, &fmt, &e);
	if (rc) {
		ent_record_clear(&e);
		return rc < 0 ? EXIT_OK : rc;
	}
	if (!cli_allowed(ctx, PERM_INSP_VIEW, NULL, NULL)) {
		ent_record_clear(&e);
		return EXIT_NO;
	}
	app_inspection_scope(ctx, &f);
	inspection_reason_table *t = inspection_reasons_load();
	out_table *tab = fmt == OUT_TABLE ? out_new(list_cols, NLIST) : out_new(plan_cols, NPLAN);
	/* in chunks by key (app/chunk.h), so that the database is never held while rows
	 * are printed */
	list_rows lr = { ctx, t, tab, fmt };
	app_chunked c = { insp_chunk_read, &f, sizeof(inspection_record), insp_chunk_clear, 0 };
	strbuf why = STRBUF_INIT;
	rc = EXIT_OK;
	if (app_each_chunk(ctx, &c, list_row, &lr, &why) < 0) {
		say_error("%s", sb_str(&why));
		rc = EXIT_USAGE;
	}
	sb_free(&why);
	if (rc == EXIT_OK)
		out_print(tab, fmt, false, stdout);
	out_free(&tab);
	inspection_reason_table_free(&t);
	ent_record_clear(&e);
	return rc;
}

static void verify_usage(FILE *out)
{
	fputs(_("usage: qifu inspect verify CODE\n"
		"Says whether a plan code (执法计划码) is real and approved, and what it covers:\n"
		"exit 0 when it is, 1 with the reason when it is not.\n"), out);
}

static void print_line(void *arg, const char *line)
{
	(void)arg;
	printf("%s\n", line);
}

int inspection_cmd_verify(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, verify_usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 1, _("the plan code")))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_INSP_VIEW, NULL, NULL))
		return EXIT_NO;
	inspection_verified v;
	strbuf err = STRBUF_INIT;
	app_status st = app_inspection_verify(ctx, argv[optind], &v, &err);
	if (st == APP_BAD) {
		say_error("%s", sb_str(&err));
	} else if (st == APP_NO) {
		printf(_("not valid: %s"), sb_str(&err));
		putchar('\n');
	} else {
		inspection_reason_table *t = inspection_reasons_load();
		app_inspection_verify_lines(&v, t, print_line, NULL);
		sb_reset(&err);
		if (app_inspection_verify_note(ctx, &v, &err))
			say_warn("%s", sb_str(&err));
		inspection_reason_table_free(&t);
	}
	inspection_verified_clear(&v);
	sb_free(&err);
	return (int)st;
}
