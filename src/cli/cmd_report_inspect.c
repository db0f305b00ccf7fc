/* qifu report inspections: per unit, its plans, the refusals a supervisor overrode
 * (with the written reasons) and the entries enterprises refused for want of a
 * registration — "a report lists overrides and refusals per unit" (issue 6). One row
 * a unit, so that CSV and JSON stay one flat table. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cmd_inspect.h"
#include "cli/cmd_report.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/inspection_store.h"

static void inspections_usage(FILE *out)
{
	fputs(_("usage: qifu report inspections [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|csv|json]\n"
		"Per unit: plans dated within the period, cancelled plans, plans registered by a\n"
		"supervisor's override of a refusal (with the reasons) and entries refused by\n"
		"enterprises because no plan was registered.\n"), out);
}

static const app_column report_cols[] = {
	{ .key = "unit", .header = N_("Inspecting unit"), .kind = COL_STR },
	{ .key = "plans", .header = N_("Plans"), .kind = COL_INT },
	{ .key = "cancelled", .header = N_("Cancelled"), .kind = COL_INT },
	{ .key = "overrides", .header = N_("Overrides"), .kind = COL_INT },
	{ .key = "override_list", .header = N_("Overridden refusals"), .kind = COL_LIST },
	{ .key = "refusals", .header = N_("Refused entries"), .kind = COL_INT },
	{ .key = "refusal_list", .header = N_("Refused entry details"), .kind = COL_LIST },
};
enum { NREPORT = (int)(sizeof report_cols / sizeof report_cols[0]) };

/* "2026-12-09 inspection 2 JC26-000002-K (quiet day): 区领导批示 (sup)" for each
 * override of unit */
static void override_items(const inspection_record *ov, int nov, const char *unit, strbuf *out)
{
	for (int i = 0; i < nov; i++) {
		if (strcmp(ov[i].unit, unit) != 0)
			continue;
		char day[11];
		strbuf item = STRBUF_INIT;
		strbuf rules = STRBUF_INIT;
		inspection_rule_labels(ov[i].refused_rules, &rules);
		sb_addf(&item, _("%s inspection %lld%s%s (%s): %s (%s)"), date_format(ov[i].date, day),
			(long long)ov[i].id, ov[i].code ? " " : "", ov[i].code ? ov[i].code : "",
			sb_str(&rules), ov[i].override_reason, ov[i].override_by ? ov[i].override_by : "");
		sb_free(&rules);
		inspection_list_add(out, sb_str(&item));
		sb_free(&item);
	}
}

/* "2026-11-20 华勤技术股份有限公司: 张三、李四 (note)" for each refused entry of unit */
static void refusal_items(const inspection_refusal *rf, int nrf, const char *unit, strbuf *out)
{
	for (int i = 0; i < nrf; i++) {
		if (strcmp(rf[i].unit, unit) != 0)
			continue;
		char day[11];
		strbuf item = STRBUF_INIT;
		sb_addf(&item, "%s %s: %s", date_format(rf[i].date, day), rf[i].name, rf[i].people);
		if (*rf[i].note)
			sb_addf(&item, " (%s)", rf[i].note);
		inspection_list_add(out, sb_str(&item));
		sb_free(&item);
	}
}

int report_inspections(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	qdate from = DATE_NONE, to = DATE_NONE;
	const char *from_s = NULL, *to_s = NULL;
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'F':
			if (!inspection_date_opt("--from", optarg, &from))
				return EXIT_USAGE;
			from_s = optarg;
			break;
		case 'T':
			if (!inspection_date_opt("--to", optarg, &to))
				return EXIT_USAGE;
			to_s = optarg;
			break;
		case 'f':
			if (!inspection_format_opt(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case 'h':
			inspections_usage(stdout);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (from_s && to_s && from > to) {
		say_error(_("--from %s is after --to %s"), from_s, to_s);
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_INSP_REPORT, NULL, NULL))
		return EXIT_NO;

	db *d = app_db(ctx);
	store_err err = { 0 };
	inspection_unit_summary *sum = NULL;
	inspection_record *ov = NULL;
	inspection_refusal *rf = NULL;
	long nov_l = 0;
	int nsum = 0, nov = 0, nrf = 0, rc = EXIT_USAGE;
	inspection_filter f = { .overridden_only = true, .from = from, .to = to };
	/* a leader of some units reads their rows only (app_inspection_scope) */
	app_inspection_scope(ctx, &f);
	if (inspection_store_unit_summary(d, from, to, &sum, &nsum, &err) < 0 ||
	    inspection_store_count(d, &f, &nov_l, &err) < 0 ||
	    inspection_store_refusals(d, from, to, &rf, &nrf, &err) < 0) {
		cli_store_error(&err);
		goto out;
	}
	if (nov_l > 0) {
		ov = xcalloc((size_t)nov_l, sizeof *ov);
		if (inspection_store_window(d, &f, 0, (int)nov_l, ov, &nov, &err) < 0) {
			cli_store_error(&err);
			goto out;
		}
	}
	out_table *t = out_new(report_cols, NREPORT);
	for (int i = 0; i < nsum; i++) {
		if (!app_inspection_sees(ctx, sum[i].unit, NULL))
			continue;
		char plans[16], cancelled[16], overrides[16], refusals[16];
		strbuf ovs = STRBUF_INIT, rfs = STRBUF_INIT;
		snprintf(plans, sizeof plans, "%d", sum[i].plans);
		snprintf(cancelled, sizeof cancelled, "%d", sum[i].cancelled);
		snprintf(overrides, sizeof overrides, "%d", sum[i].overrides);
		snprintf(refusals, sizeof refusals, "%d", sum[i].refusals);
		override_items(ov, nov, sum[i].unit, &ovs);
		refusal_items(rf, nrf, sum[i].unit, &rfs);
		const char *row[NREPORT] = { sum[i].unit, plans, cancelled, overrides, sb_str(&ovs),
					     refusals, sb_str(&rfs) };
		out_row(t, row);
		sb_free(&ovs);
		sb_free(&rfs);
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
	rc = EXIT_OK;
out:
	for (int i = 0; i < nsum; i++)
		inspection_unit_summary_clear(&sum[i]);
	free(sum);
	for (int i = 0; i < nov; i++)
		inspection_record_clear(&ov[i]);
	free(ov);
	for (int i = 0; i < nrf; i++)
		inspection_refusal_clear(&rf[i]);
	free(rf);
	return rc;
}
