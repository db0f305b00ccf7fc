/* qifu warning add|respond|close|list|show: relocation early warnings (迁出预警) and
 * the responses taken. The options and JSON keys are a stable interface. */
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
#include "model/warning.h"
#include "store/db.h"
#include "store/staff_store.h"
#include "store/warning_store.h"

int cmd_warning(app_ctx *ctx, int argc, char **argv);
int warning_cmd_import(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu warning add --enterprise USCC --source SOURCE --level LEVEL\n"
	        "                        --signal TEXT [--date D]\n"
	        "       qifu warning respond ID --text T [--date D]\n"
	        "       qifu warning close ID [--text T] [--date D]\n"
	        "       qifu warning list [--open] [--enterprise USCC] [--format table|csv|json]\n"
	        "       qifu warning show ID [--format table|csv|json]\n"
	        "       qifu warning import FILE.csv|FILE.xlsx [--kind KIND] [--dry-run]\n"
	        "                           [--skip-bad REJECTS.csv] (see import --help)\n"
	        "SOURCE: tax, market (market supervision), visit, other.\n"
	        "LEVEL: low, medium, high (or 低, 中, 高).\n"
	        "--date defaults to today and may not lie after it.\n"
	        "JSON keys of list: id, enterprise, uscc, area, source, level (the codes),\n"
	        "signal, opened_on, closed_on (\"\" while open), open (true/false),\n"
	        "response (the latest). show adds created_by, created_at and responses as\n"
	        "an array of {date, text, by, closing}; its CSV has one row per response.\n"), fp);
}

enum { OPT_ENTERPRISE = 1, OPT_SOURCE, OPT_LEVEL, OPT_SIGNAL, OPT_DATE, OPT_TEXT, OPT_OPEN,
       OPT_HELP };

static int get(db *d, int64_t id, void *rec, strbuf *err)
{
	store_err se = { 0 };
	int rc = app_store_rc(warn_store_get(d, id, rec, &se), &se, err);
	if (rc == 1)
		sb_addf(err, _("no warning %" PRId64), id);
	return rc;
}

static const char *area(const void *rec)
{
	return ((const warn_rec *)rec)->area;
}

static void rec_clear(void *rec)
{
	warn_rec_clear(rec);
}

static void show_table(const void *rec);
static void show_csv(const void *rec);
static void show_json(const void *rec);

static const cli_record kind = {
	N_("warning number"), sizeof(warn_rec), get, area, rec_clear, show_table, show_csv, show_json,
};

static int warn_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, OPT_ENTERPRISE },
		{ "source", required_argument, NULL, OPT_SOURCE },
		{ "level", required_argument, NULL, OPT_LEVEL },
		{ "signal", required_argument, NULL, OPT_SIGNAL },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	warn_rec w = { 0 };
	const char *uscc = NULL;
	strbuf err = STRBUF_INIT;
	ent_record e = { 0 };
	int c, rc = EXIT_USAGE;
	w.opened_on = ctx->today;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_ENTERPRISE: uscc = optarg; break;
		case OPT_SOURCE:
			if (!warn_source_parse(optarg, &w.source)) {
				strbuf b = STRBUF_INIT;
				warn_source_list(&b);
				say_error(_("--source: unknown source '%s'; allowed: %s"), optarg, sb_str(&b));
				sb_free(&b);
				goto out;
			}
			break;
		case OPT_LEVEL:
			if (!warn_level_parse(optarg, &w.level)) {
				say_error(_("--level: unknown level '%s'; allowed: low, medium, high "
				            "(低, 中, 高)"), optarg);
				goto out;
			}
			break;
		case OPT_SIGNAL: free(w.signal); w.signal = xstrdup(optarg); break;
		case OPT_DATE:
			if (cli_arg_date("--date", optarg, &w.opened_on))
				goto out;
			break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--enterprise --source --level --signal"))
		goto out;
	if ((rc = cli_arg_enterprise(ctx, uscc, &e, PERM_WARNING_EDIT)) != 0)
		goto out;
	w.enterprise_id = e.id;
	int64_t id;
	char day[11];
	app_record_rc saved = app_warning_open(ctx, &w, &id, &err);
	if (saved != APP_RECORD_SAVED)
		say_error("%s", sb_str(&err));
	rc = app_record_exit(saved);
	if (rc == EXIT_OK)
		printf(_("opened warning %" PRId64 " on %s for %s (%s, %s)\n"), id,
		       date_format(w.opened_on, day), e.name, warn_source_code(w.source),
		       warn_level_code(w.level));
out:
	ent_record_clear(&e);
	warn_rec_clear(&w);
	sb_free(&err);
	return rc;
}

/* respond and close: ID, --text, --date, the permission on the warning's enterprise */
static int change(app_ctx *ctx, int argc, char **argv, bool closing)
{
	static const struct option opts[] = {
		{ "text", required_argument, NULL, OPT_TEXT },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	char *text = NULL;
	qdate on = ctx->today;
	strbuf err = STRBUF_INIT;
	warn_rec w = { 0 };
	int64_t id;
	int c, rc = EXIT_USAGE;
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
	if (cli_operands(argc, argv, 1, _("the warning number")) ||
	    (!closing && cli_required(argv, "--text")))
		goto out;
	if (cli_arg_id(_(kind.number), argv[optind], &id))
		goto out;
	if ((rc = cli_record_get(ctx, &kind, id, PERM_WARNING_EDIT, &w)) != 0)
		goto out;
	app_record_rc saved = app_warning_answer(ctx, id, closing, on, &text, &err);
	if (saved == APP_RECORD_BAD_INPUT)
		say_error(_("--text: %s"), sb_str(&err));
	else if (saved != APP_RECORD_SAVED)
		say_error("%s", sb_str(&err));
	rc = app_record_exit(saved);
	char day[11];
	if (rc == EXIT_OK && closing)
		printf(_("closed warning %" PRId64 " of %s on %s\n"), id, w.enterprise,
		       date_format(on, day));
	else if (rc == EXIT_OK)
		printf(_("recorded the response to warning %" PRId64 " of %s\n"), id, w.enterprise);
out:
	warn_rec_clear(&w);
	free(text);
	sb_free(&err);
	return rc;
}

static int warn_respond(app_ctx *ctx, int argc, char **argv)
{
	return change(ctx, argc, argv, false);
}

static int warn_close(app_ctx *ctx, int argc, char **argv)
{
	return change(ctx, argc, argv, true);
}

static const app_column list_cols[] = {
	{ .key = "id", .header = N_("Warning"), .kind = COL_INT },
	{ .key = "enterprise", .header = N_("Enterprise"), .kind = COL_STR },
	{ .key = "uscc", .header = N_("Credit code"), .kind = COL_STR },
	{ .key = "area", .header = N_("Area"), .kind = COL_STR },
	{ .key = "source", .header = N_("Signal source"), .kind = COL_STR },
	{ .key = "level", .header = N_("Warning level"), .kind = COL_STR },
	{ .key = "signal", .header = N_("Signal"), .kind = COL_STR },
	{ .key = "opened_on", .header = N_("Opened on"), .kind = COL_STR },
	{ .key = "closed_on", .header = N_("Closed on"), .kind = COL_STR },
	{ .key = "open", .header = N_("Still open"), .kind = COL_BOOL },
	{ .key = "response", .header = N_("Latest response"), .kind = COL_STR },
};
enum { NLIST = sizeof list_cols / sizeof list_cols[0] };

/* the list's cells of w: codes for files, labels for people */
static void cells_of(const warn_rec *w, out_format fmt, char id[24], char opened[11],
                     char closed[11], const char *cells[NLIST])
{
	snprintf(id, 24, "%" PRId64, w->id);
	date_format(w->opened_on, opened);
	closed[0] = '\0';
	if (w->closed_on != DATE_NONE)
		date_format(w->closed_on, closed);
	bool people = fmt == OUT_TABLE;
	const char *v[NLIST] = { id, w->enterprise, w->uscc, w->area,
		people ? _(warn_source_label(w->source)) : warn_source_code(w->source),
		people ? _(warn_level_label(w->level)) : warn_level_code(w->level),
		w->signal, opened, closed, w->closed_on == DATE_NONE ? "1" : "0", w->latest };
	memcpy(cells, v, sizeof v);
}

static void list_add(out_table *t, out_format fmt, const void *rec, const void *own)
{
	char id[24], opened[11], closed[11];
	const char *cells[NLIST];
	cells_of(rec, fmt, id, opened, closed, cells);
	out_row(t, cells);
}

static int list_option(app_ctx *ctx, int c, const char *val, cli_query *q)
{
	if (c != OPT_OPEN)
		return -1;
	*(bool *)q->own = true;
	return 0;
}

static int list_fetch(db *d, const void *arg, const void *last, long offset, int limit,
                      void *out, int *n,
                      store_err *err)
{
	const cli_query *q = arg;
	warn_filter f = { q->enterprise_id, *(const bool *)q->own, q->scope_area };
	int rc = warn_store_list_from(d, &f, last ? ((const warn_rec *)last)->id : 0, false, limit,
	                  out, n, err);
	return rc > 0 ? warn_store_list(d, &f, offset, limit, out, n, err) : rc;
}

static int warn_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "open", no_argument, NULL, OPT_OPEN },
		{ NULL, 0, NULL, 0 },
	};
	static const cli_listing listing = {
		opts, list_option, NULL, CLI_ENT_OPTIONAL, list_fetch, sizeof(warn_rec),
		list_cols, NLIST, list_add, rec_clear,
	};
	bool open_only = false;
	return cli_list(ctx, argc, argv, &listing, &open_only, usage);
}

static void show_json(const void *rec)
{
	const warn_rec *w = rec;
	char id[24], opened[11], closed[11], day[11];
	const char *cells[NLIST];
	cells_of(w, OUT_JSON, id, opened, closed, cells);
	printf("{\"id\": %s", id);
	for (int i = 1; i < NLIST; i++) {
		printf(", \"%s\": ", list_cols[i].key);
		if (list_cols[i].kind == COL_BOOL)
			fputs(strcmp(cells[i], "1") == 0 ? "true" : "false", stdout);
		else
			out_json_string(stdout, cells[i]);
	}
	fputs(", \"created_by\": ", stdout);
	out_json_string(stdout, w->created_by);
	fputs(", \"created_at\": ", stdout);
	out_json_string(stdout, w->created_at);
	fputs(", \"responses\": [", stdout);
	for (int i = 0; i < w->nresponses; i++) {
		const warn_response *r = &w->responses[i];
		printf("%s{\"date\": \"%s\", \"text\": ", i ? ", " : "", date_format(r->on, day));
		out_json_string(stdout, r->text);
		fputs(", \"by\": ", stdout);
		out_json_string(stdout, r->by);
		printf(", \"closing\": %s}", r->closing ? "true" : "false");
	}
	fputs("]}\n", stdout);
}

static void show_table(const void *rec)
{
	const warn_rec *w = rec;
	char id[24], opened[11], closed[11], day[11];
	const char *cells[NLIST];
	cells_of(w, OUT_TABLE, id, opened, closed, cells);
	out_table *t = cli_kv_new();
	/* every list column but the latest response, which the responses below show */
	for (int i = 0; i < NLIST - 1; i++) {
		const char *row[2] = { _(list_cols[i].header), cells[i] };
		if (list_cols[i].kind == COL_BOOL)
			row[1] = strcmp(cells[i], "1") == 0 ? _("yes") : _("no");
		out_row(t, row);
	}
	const char *by[2] = { _("Recorded by"), w->created_by };
	out_row(t, by);
	for (int i = 0; i < w->nresponses; i++) {
		const warn_response *r = &w->responses[i];
		cli_kv_add(t, xasprintf(r->closing ? _("Closing note %s") : _("Response %s"),
		                        date_format(r->on, day)), xasprintf("%s (%s)", r->text, r->by));
	}
	cli_kv_print(&t);
}

/* CSV: the list's columns and one row per response */
static void show_csv(const void *rec)
{
	const warn_rec *w = rec;
	static const app_column response_cols[] = {
		{ .key = "response_date", .header = N_("Response date"), .kind = COL_STR },
		{ .key = "response", .header = N_("Response"), .kind = COL_STR },
		{ .key = "response_by", .header = N_("Responded by"), .kind = COL_STR },
		{ .key = "closing", .header = N_("Closing note"), .kind = COL_BOOL },
	};
	/* the latest response gives way to the response columns */
	enum { N = NLIST - 1 + sizeof response_cols / sizeof response_cols[0] };
	app_column cols[N];
	memcpy(cols, list_cols, sizeof(app_column) * (NLIST - 1));
	memcpy(cols + NLIST - 1, response_cols, sizeof response_cols);
	char id[24], opened[11], closed[11], day[11];
	const char *base[NLIST];
	cells_of(w, OUT_CSV, id, opened, closed, base);
	out_table *t = out_new(cols, N);
	for (int i = 0; i == 0 || i < w->nresponses; i++) {
		const warn_response *r = i < w->nresponses ? &w->responses[i] : NULL;
		const char *cells[N];
		memcpy(cells, base, sizeof(char *) * (NLIST - 1));
		cells[NLIST - 1] = r ? date_format(r->on, day) : "";
		cells[NLIST] = r ? r->text : "";
		cells[NLIST + 1] = r ? r->by : "";
		cells[NLIST + 2] = r && r->closing ? "1" : "0";
		out_row(t, cells);
	}
	out_print(t, OUT_CSV, false, stdout);
	out_free(&t);
}

static int warn_show(app_ctx *ctx, int argc, char **argv)
{
	return cli_record_show(ctx, argc, argv, &kind, usage);
}

int cmd_warning(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", warn_add, NULL }, { "respond", warn_respond, NULL },
		{ "close", warn_close, NULL }, { "list", warn_list, NULL }, { "show", warn_show, NULL },
		{ "import", warning_cmd_import, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
