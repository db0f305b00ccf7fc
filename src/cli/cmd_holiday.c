/* qifu holiday list|import: the working calendar's notices. list prints a year's rest
 * and make-up days with where they come from; import shows what a State Council notice
 * changes (days, due dates of open appeals, plans on changed days) and, with --yes,
 * brings it in, due dates recomputed in the same transaction. */
#include "cli/cli.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app/holiday_import.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/holiday_store.h"

int cmd_holiday(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu holiday list YEAR [--format table|csv|json]\n"
	        "       qifu holiday import FILE [--yes]\n"
	        "list prints the year's rest days and make-up working days and where they come\n"
	        "from: 'notice' (the State Council's notice in the database) or 'provisional'\n"
	        "(no notice yet: the statutory days of data/holidays/statutory.tsv, 暂定).\n"
	        "JSON keys: date, weekday, kind (holiday, makeup-workday), name, source.\n"
	        "import reads a notice in the format of data/holidays/YYYY.txt (administrators\n"
	        "only) and shows the days that change, the open appeals whose due dates move and\n"
	        "the plans on changed days; --yes imports it and recomputes those due dates in\n"
	        "the same transaction.\n"), fp);
}

static const char *source_word(cal_source s)
{
	switch (s) {
	case CAL_SOURCE_NOTICE: return "notice";
	case CAL_SOURCE_PROVISIONAL: return "provisional";
	case CAL_SOURCE_NONE: break;
	}
	return "none";
}

/* what a year is counted with, in a sentence */
static void say_year(app_ctx *ctx, int y, FILE *fp)
{
	calendar *cal = app_calendar(ctx);
	switch (calendar_source(cal, y)) {
	case CAL_SOURCE_NOTICE: {
		const char *n = calendar_notice(cal, y);
		fprintf(fp, _("%d: notice: %s\n"), y, n && *n ? n : _("(the notice names no document)"));
		break;
	}
	case CAL_SOURCE_PROVISIONAL:
		fprintf(fp, _("%d: provisional (暂定): no State Council notice yet; the statutory holidays of the law are rest days, make-up working days are not known\n"), y);
		break;
	case CAL_SOURCE_NONE:
		fprintf(fp, _("%d: no notice and no statutory table: only weekends are rest days\n"), y);
		break;
	}
}

static const app_column list_cols[] = {
	{ .key = "date", .header = N_("Date"), .kind = COL_STR },
	{ .key = "weekday", .header = N_("Weekday"), .kind = COL_STR },
	{ .key = "kind", .header = N_("Kind"), .kind = COL_STR },
	{ .key = "name", .header = N_("Holiday"), .kind = COL_STR },
	{ .key = "source", .header = N_("Source"), .kind = COL_STR },
};

static int holiday_list(app_ctx *ctx, int argc, char **argv)
{
	out_format fmt;
	int rc = cli_format_only(argc, argv, usage, &fmt);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 1, _("the year")))
		return EXIT_USAGE;
	const char *year_arg = argv[optind];
	char *end;
	long y = strtol(year_arg, &end, 10);
	if (*end || y < 1900 || y > 9999) {
		say_error(_("YEAR '%s' is not a year from 1900 to 9999"), year_arg);
		return EXIT_USAGE;
	}
	calendar *cal = app_calendar(ctx);
	cal_source src = calendar_source(cal, (int)y);
	if (fmt == OUT_TABLE)
		say_year(ctx, (int)y, stdout);
	out_table *t = out_new(list_cols, (int)(sizeof list_cols / sizeof list_cols[0]));
	qdate last = date_from_ymd((int)y + 1, 1, 1);
	for (qdate d = date_from_ymd((int)y, 1, 1); d < last; d++) {
		const char *name;
		day_kind k = calendar_day(cal, d, &name);
		if (k != DAY_HOLIDAY && k != DAY_MAKEUP_WORKDAY)
			continue;
		char day[11];
		const char *cells[] = { date_format(d, day), _(date_weekday_name(d)),
			k == DAY_HOLIDAY ? "holiday" : "makeup-workday", name, source_word(src) };
		out_row(t, cells);
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
	return EXIT_OK;
}

static void print_preview(app_ctx *ctx, const holiday_preview *pv)
{
	printf(_("notice for %d from %s: %s\n"), pv->notice.year, pv->source,
	       pv->notice.notice ? pv->notice.notice : _("(no 'notice:' line)"));
	printf(_("it replaces: %s\n"), holiday_preview_was(pv));
	strbuf line = STRBUF_INIT;
	printf(P_("%d day changes:\n", "%d days change:\n", pv->nchanged), pv->nchanged);
	for (int i = 0; i < pv->nchanged; i++) {
		holiday_preview_day(ctx, pv, i, &line);
		printf("  %s\n", sb_str(&line));
		sb_reset(&line);
	}
	printf(P_("%ld open appeal's due date moves:\n", "%ld open appeals' due dates move:\n",
	          pv->moves.appeals), pv->moves.appeals);
	for (int i = 0; i < pv->moves.n; i++) {
		holiday_preview_move(pv, i, &line);
		printf("  %s\n", sb_str(&line));
		sb_reset(&line);
	}
	printf(P_("%d inspection plan lies on a changed day:\n",
	          "%d inspection plans lie on changed days:\n", pv->nplans), pv->nplans);
	for (int i = 0; i < pv->nplans; i++) {
		holiday_preview_plan(pv, i, &line);
		printf("  %s\n", sb_str(&line));
		sb_reset(&line);
	}
	sb_free(&line);
}

static int holiday_import(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool yes = false;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return EXIT_OK;
		}
		if (c != 'y')
			return EXIT_USAGE;
		yes = true;
	}
	if (cli_operands(argc, argv, 1, _("the notice file")))
		return EXIT_USAGE;
	const char *path = argv[optind];
	if (!cli_allowed(ctx, PERM_HOLIDAY_IMPORT, NULL, NULL))
		return EXIT_NO;
	holiday_preview pv;
	strbuf err = STRBUF_INIT;
	int rc = holiday_import_preview(ctx, path, &pv, &err);
	if (rc != 0) {
		say_error("%s", sb_str(&err));
		goto out;
	}
	print_preview(ctx, &pv);
	if (!yes) {
		printf(_("nothing was written; run again with --yes to import it\n"));
		goto out;
	}
	if (holiday_import_apply(ctx, &pv, &err) < 0) {
		say_error("%s", sb_str(&err));
		rc = EXIT_USAGE;
		goto out;
	}
	printf(P_("imported the notice for %d: %d day changed, ", "imported the notice for %d: %d days changed, ",
	          pv.nchanged), pv.notice.year, pv.nchanged);
	printf(P_("%ld appeal's due dates recomputed\n", "%ld appeals' due dates recomputed\n",
	          pv.moves.appeals), pv.moves.appeals);
out:
	holiday_preview_clear(&pv);
	sb_free(&err);
	return rc < 0 ? EXIT_USAGE : rc;
}

int cmd_holiday(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "list", holiday_list, NULL }, { "import", holiday_import, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
