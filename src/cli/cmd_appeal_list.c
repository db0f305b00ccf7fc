/* qifu appeal list and views: the filtered list read a window at a time (the same
 * filters, views and orders as the Appeals pane, and its columns: app/appeal_list.h),
 * one row shared with show --format csv, and the saved views with their counts. */
#include "cli/cmd_appeal.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "app/appeal_list.h"
#include "app/store_text.h"
#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/workday.h"
#include "model/appeal.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/staff_store.h"

/* one row of the list, worded by the app: labels for people, codes for scripts */
typedef struct row_arg {
	app_ctx *ctx;
	const appeal_row *r;
	app_cell_form form;
} row_arg;

static void row_cell(const void *arg, int col, strbuf *out)
{
	const row_arg *a = arg;
	app_appeal_cell(a->ctx, a->r, col, a->form, out);
}

void appeal_cli_list_row(app_ctx *ctx, out_table *t, const appeal_row *r, bool labels)
{
	row_arg a = { ctx, r, labels ? CELL_WORDS : CELL_CODE };
	out_row_from(t, row_cell, &a);
}

out_table *appeal_cli_list_table(void)
{
	return out_new(app_appeal_columns, APPEAL_COL__COUNT);
}

typedef struct list_state {
	app_ctx *ctx;
	out_table *t;
	bool labels;
} list_state;

static void list_one(appeal_row *r, void *arg)
{
	list_state *st = arg;
	appeal_cli_list_row(st->ctx, st->t, r, st->labels);
}

/* ---- list ------------------------------------------------------------------- */

static bool parse_states(const char *arg, unsigned *bits)
{
	int n;
	char **v = app_split_list(arg, &n);
	bool ok = n > 0;
	for (int i = 0; i < n && ok; i++) {
		ticket_state s;
		ok = ticket_state_parse(v[i], &s) && s != TICKET_ST_NEW;
		if (ok)
			*bits |= appeal_state_bit(s);
		else
			say_error(_("--state: '%s' is not a state (registered, self_handling, submitted, "
			            "dispatched, in_progress, extended, answered, callback_satisfied, "
			            "callback_dissatisfied, fed_back, explained, close_requested, closed, "
			            "withdrawn, merged)"), v[i]);
	}
	app_split_list_free(&v);
	return ok;
}

static bool parse_lights(const char *arg, unsigned *bits)
{
	int n;
	char **v = app_split_list(arg, &n);
	bool ok = n > 0;
	for (int i = 0; i < n && ok; i++) {
		ticket_light_t l;
		ok = ticket_light_parse(v[i], &l);
		if (ok)
			*bits |= appeal_light_bit(l);
		else
			say_error(_("--light: '%s' is not one of red, yellow, green"), v[i]);
	}
	app_split_list_free(&v);
	return ok;
}

static bool parse_sort(const char *arg, appeal_sort *s)
{
	static const char *const names[APPEAL_SORT__COUNT] = {
		[APPEAL_SORT_NUMBER] = "number", [APPEAL_SORT_DUE] = "due",
		[APPEAL_SORT_STATE] = "state", [APPEAL_SORT_UNIT] = "unit",
		[APPEAL_SORT_ENTERPRISE] = "enterprise",
	};
	for (int i = 0; i < APPEAL_SORT__COUNT; i++)
		if (strcmp(arg, names[i]) == 0) {
			*s = (appeal_sort)i;
			return true;
		}
	say_error(_("--sort: '%s' is not one of number, due, state, unit, enterprise"), arg);
	return false;
}

static void list_usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu appeal list [--state S,...] [--unit U] [--light red|yellow|green]\n"
	              "                        [--overdue] [--level 1|2|3] [--enterprise USCC] [--view VIEW]\n"
	              "                        [--search Q] [--sort number|due|state|unit|enterprise]\n"
	              "                        [--desc] [--format table|csv|json]\n"
	              "views: to_dispatch, to_sign, in_progress, due_today, yellow, red, callback,\n"
	              "       dissatisfied, closed, mine\n"));
}

int appeal_cmd_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "unit", required_argument, NULL, 'u' },
		{ "light", required_argument, NULL, 'l' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "level", required_argument, NULL, 'L' },
		{ "enterprise", required_argument, NULL, 'e' },
		{ "view", required_argument, NULL, 'v' },
		{ "search", required_argument, NULL, 'q' },
		{ "sort", required_argument, NULL, 'S' },
		{ "desc", no_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	appeal_filter f;
	out_format fmt = OUT_TABLE;
	appeal_sort sort = APPEAL_SORT_NUMBER;
	bool desc = false, have_view = false;
	appeal_view view = APPEAL_VIEW_TO_DISPATCH;
	unsigned states = 0, lights = 0;
	int level = 0;
	const char *unit = NULL, *uscc = NULL, *search = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!parse_states(optarg, &states))
				return EXIT_USAGE;
			break;
		case 'u':
			if (!units_find(app_units(ctx), optarg)) {
				say_error(_("--unit: unknown unit '%s'"), optarg);
				return EXIT_USAGE;
			}
			unit = optarg;
			break;
		case 'l':
			if (!parse_lights(optarg, &lights))
				return EXIT_USAGE;
			break;
		case 'o': lights |= appeal_light_bit(TICKET_LIGHT_RED); break;
		case 'L':
			if (strlen(optarg) != 1 || !escalation_level_valid(optarg[0] - '0')) {
				say_error(_("--level: '%s' is not a dispatch level (3, 2 or 1)"), optarg);
				return EXIT_USAGE;
			}
			level = optarg[0] - '0';
			break;
		case 'e': uscc = optarg; break;
		case 'v':
			if (!appeal_view_parse(optarg, &view)) {
				say_error(_("--view: '%s' is not a saved view (see 'qifu appeal views')"),
				          optarg);
				return EXIT_USAGE;
			}
			have_view = true;
			break;
		case 'q': search = optarg; break;
		case 'S':
			if (!parse_sort(optarg, &sort))
				return EXIT_USAGE;
			break;
		case 'd': desc = true; break;
		case 'f':
			if (cli_arg_format(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case 'h': list_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL))
		return EXIT_NO;
	/* the enterprise as the register spells its code, and one the actor may see */
	ent_record e = { 0 };
	int rc;
	if (uscc && (rc = cli_arg_enterprise(ctx, uscc, &e, PERM_ENT_VIEW)) != 0)
		return rc;
	app_appeal_filter(ctx, &f);
	f.states = states;
	f.lights = lights;
	f.unit = unit;
	f.enterprise = e.uscc;
	f.search = search;
	f.level = level;
	if (have_view)
		appeal_filter_add_view(&f, view, app_actor(ctx)->unit);
	cli_warn_missing_year(ctx, ctx->today, f.yellow_last);
	list_state st = { ctx, appeal_cli_list_table(), fmt == OUT_TABLE };
	/* a long list goes out as it is read, never whole in memory; a table reads it
	 * twice, measuring its widths first */
	out_stream(st.t, fmt, stdout);
	rc = EXIT_OK;
	for (int pass = 0; rc == EXIT_OK && (pass == 0 || out_stream_again(st.t)); pass++)
		rc = appeal_cli_each(ctx, &f, sort, desc, list_one, &st);
	if (rc == EXIT_OK)
		out_print(st.t, fmt, false, stdout);
	out_free(&st.t);
	ent_record_clear(&e);
	return rc;
}

/* ---- views ------------------------------------------------------------------ */

int appeal_cmd_views(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const app_column cols[] = {
		{ .key = "view", .header = N_("View"), .kind = COL_STR },
		{ .key = "label", .header = N_("Tab"), .kind = COL_STR },
		{ .key = "count", .header = N_("Count"), .kind = COL_INT },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("usage: qifu appeal views [--format table|csv|json]\n"));
			return EXIT_OK;
		}
		if (c != 'f' || cli_arg_format(optarg, &fmt))
			return EXIT_USAGE;
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL))
		return EXIT_NO;
	appeal_filter f;
	app_appeal_filter(ctx, &f);
	cli_warn_missing_year(ctx, ctx->today, f.yellow_last);
	long counts[APPEAL_VIEW__COUNT];
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	if (appeal_store_view_counts(app_db(ctx), &f, app_actor(ctx)->unit, -1, counts, &se) < 0) {
		say_error("%s", app_store_text(&se, &err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	out_table *t = out_new(cols, 3);
	for (int v = 0; v < APPEAL_VIEW__COUNT; v++) {
		char n[24];
		snprintf(n, sizeof n, "%ld", counts[v]);
		const char *row[3] = { appeal_view_code((appeal_view)v),
			_(appeal_view_label((appeal_view)v)), n };
		out_row(t, row);
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
	sb_free(&err);
	return EXIT_OK;
}
