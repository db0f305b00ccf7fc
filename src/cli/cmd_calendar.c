/* qifu calendar [YYYY-MM]: one month as text with the marks of the Calendar pane
 * (holidays, make-up working days, the quiet window, today, the number of
 * inspections when there is a database), drawn from the month grid model so the
 * pane and the command never disagree. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/inspection_move.h"
#include "app/store_text.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "core/i18n.h"
#include "core/text.h"
#include "model/inspection.h"
#include "model/month.h"
#include "store/db.h"
#include "store/inspection_store.h"

int cmd_calendar(app_ctx *ctx, int argc, char **argv);

/* ASCII, so it stays one column on every terminal whatever its ambiguous width */
static const char quiet_mark[] = "*";
/* before a day's number of inspections: "#2" */
static const char count_mark[] = "#";

/* TRANSLATORS: column heads of a Monday-first month, as short as possible */
static const char *const weekday_heads[MONTH_DAYS_A_WEEK] = {
	N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"),
};

static void calendar_usage(FILE *out)
{
	fputs(_("usage: qifu calendar [YYYY-MM]\n"
		"Prints the month (default: this month) with holidays, make-up working days\n"
		"and the quiet days on which general inspections are not allowed.\n"), out);
}

static void line_end(strbuf *line, FILE *out)
{
	while (line->len && line->s[line->len - 1] == ' ')
		line->s[--line->len] = '\0';
	fprintf(out, "%s\n", sb_str(line));
	sb_reset(line);
}

static void print_month(const month_grid *g, const inspection_params *p, FILE *out)
{
	/* a cell is "[" day quiet-mark day-mark count "]", the brackets marking today; the
	 * day marks are measured because their translations decide the width, and the
	 * count takes room only in a month that has inspections */
	int mark_w = month_mark_width();
	int most = 0;
	for (int wk = 0; wk < g->weeks; wk++)
		for (int i = 0; i < MONTH_DAYS_A_WEEK; i++)
			if (g->cell[wk][i].inspections > most)
				most = g->cell[wk][i].inspections;
	int count_w = 0;
	for (int n = most; n > 0; n /= 10)
		count_w++;
	if (count_w)
		count_w += (int)strlen(count_mark);
	int cell_w = 1 + 2 + 1 + mark_w + count_w + 1;

	strbuf line = STRBUF_INIT;
	sb_addf(&line, _("%d/%d"), g->year, g->month);
	line_end(&line, out);
	for (int i = 0; i < MONTH_DAYS_A_WEEK; i++) {
		sb_add(&line, " ");
		text_fit_pad_sb(&line, _(weekday_heads[i]), cell_w - 1, TEXT_LEFT);
	}
	line_end(&line, out);
	for (int wk = 0; wk < g->weeks; wk++) {
		for (int i = 0; i < MONTH_DAYS_A_WEEK; i++) {
			const month_cell *c = &g->cell[wk][i];
			if (c->day == 0) {
				text_fit_pad_sb(&line, "", cell_w, TEXT_LEFT);
				continue;
			}
			sb_addf(&line, "%s%2d%s", c->today ? "[" : " ", c->day, c->quiet ? quiet_mark : " ");
			text_fit_pad_sb(&line, month_cell_mark(c), mark_w, TEXT_LEFT);
			if (count_w) {
				char n[16] = "";
				if (c->inspections)
					snprintf(n, sizeof n, "%s%d", count_mark, c->inspections);
				text_fit_pad_sb(&line, n, count_w, TEXT_LEFT);
			}
			sb_add(&line, c->today ? "]" : " ");
		}
		line_end(&line, out);
	}
	sb_addf(&line, _("%s holiday  %s make-up working day  %s quiet day (days %d-%d, no general inspections)  [ ] today"),
		_("off"), _("work"), quiet_mark, p->quiet_first_day, p->quiet_last_day);
	if (count_w)
		sb_addf(&line, _("  %sN inspections that day"), count_mark);
	if (g->provisional)
		sb_addf(&line, _("  %s provisional rest day (暂定: no State Council notice yet)"), _("off?"));
	line_end(&line, out);
	sb_free(&line);
}

/* The month's inspections per day from the database when there is one. Without a
 * database file (a desk that only checks dates) there is nothing to count and
 * nothing is created; an unreadable one is a warning, since the calendar stands alone. */
static bool month_counts(app_ctx *ctx, int year, int month, int counts[31])
{
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	bool ok = false;
	if (!ctx->db) {
		if (!ctx->db_path || access(ctx->db_path, F_OK) != 0)
			return false;
		ctx->db = db_open(ctx->db_path, DB_OPEN_EXISTING, &se);
		if (!ctx->db)
			goto out;
		db_set_today(ctx->db, ctx->today);
		app_db_watch(ctx, ctx->db);
	}
	/* the plans the login sees (app_inspection_scope); one who is not staff sees none */
	if (app_need(ctx, APP_NEED_ACTOR, &err) != APP_OK) {
		say_warn(_("%s; inspections are not counted"), sb_str(&err));
		sb_free(&err);
		return false;
	}
	inspection_filter scope = { 0 };
	app_inspection_scope(ctx, &scope);
	ok = inspection_store_month_counts(ctx->db, year, month, &scope, counts, &se) == 0;
out:
	if (!ok)
		say_warn(_("%s; inspections are not counted"), app_store_text(&se, &err));
	sb_free(&err);
	return ok;
}

int cmd_calendar(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, calendar_usage);
	if (rc >= 0)
		return rc;
	if (argc - optind > 1 && cli_operands(argc, argv, 1, NULL))
		return EXIT_USAGE;
	int year, month, day;
	date_to_ymd(ctx->today, &year, &month, &day);
	if (optind < argc && !month_parse(argv[optind], &year, &month)) {
		say_error(_("'%s' is not a month of the form YYYY-MM"), argv[optind]);
		return EXIT_USAGE;
	}
	inspection_params p = app_inspection_params(ctx);
	month_grid g;
	int counts[31];
	bool counted = month_counts(ctx, year, month, counts);
	month_build(&g, year, month, app_calendar(ctx), &p, ctx->today, counted ? counts : NULL);
	qdate first = date_from_ymd(year, month, 1);
	cli_warn_missing_year(ctx, first, first);
	print_month(&g, &p, stdout);
	return EXIT_OK;
}
