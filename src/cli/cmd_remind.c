/* qifu remind: the plain-text digest of overdue (red) and nearly due (yellow)
 * appeals, grouped by the unit each one waits for, for cron to mail to the units.
 * Nothing due is a one-line message and still success. */
#include "cli/cmd_appeal.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/appeal_store.h"
#include "store/whistle_store.h"

int cmd_remind(app_ctx *ctx, int argc, char **argv);

/* one unit's part of the digest */
typedef struct remind_group {
	char *unit;
	int red, yellow;
	strbuf lines;
} remind_group;

typedef struct remind_digest {
	remind_group *g;
	int n;
} remind_digest;

static remind_group *group_for(remind_digest *dg, const char *unit)
{
	for (int i = 0; i < dg->n; i++)
		if (strcmp(dg->g[i].unit, unit) == 0)
			return &dg->g[i];
	dg->g = xrealloc(dg->g, sizeof *dg->g * (size_t)(dg->n + 1));
	remind_group *g = &dg->g[dg->n++];
	memset(g, 0, sizeof *g);
	g->unit = xstrdup(unit);
	return g;
}

/* units in the order of data/units.tsv, any others after them */
static int unit_rank(const unit_table *t, const char *name)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return i;
	return t->n;
}

static void add_line(app_ctx *ctx, remind_group *g, const appeal_row *r, int yellow_days)
{
	int n;
	ticket_light_t l = ticket_light(r->next_due, ctx->today, app_calendar(ctx), yellow_days, &n);
	strbuf when = STRBUF_INIT;
	char due[16];
	app_light_text(l, n, &when);
	sb_add(&g->lines, "  ");
	sb_add(&g->lines, r->number);
	sb_add(&g->lines, "  ");
	text_fit_pad_sb(&g->lines, sb_str(&when), 30, TEXT_LEFT);
	sb_addf(&g->lines, "  %s  ", date_format(r->next_due, due));
	text_fit_pad_sb(&g->lines, r->enterprise_name, 28, TEXT_LEFT);
	sb_addf(&g->lines, "  %s\n", r->title);
	if (l == TICKET_LIGHT_RED)
		g->red++;
	else
		g->yellow++;
	sb_free(&when);
}

typedef struct remind_state {
	app_ctx *ctx;
	const char *centre;
	const char *only;          /* --unit, or NULL for every unit */
	int yellow_days;
	remind_digest dg;
} remind_state;

static void remind_one(appeal_row *r, void *arg)
{
	remind_state *rs = arg;
	ticket_view t = { r->number, r->uscc, r->state, r->kind, r->first_unit, r->lead_unit,
		NULL, 0 };
	const char *holder = appeal_holder(&t, rs->centre);
	if (!holder)
		holder = r->lead_unit ? r->lead_unit : r->first_unit;
	if (!rs->only || strcmp(rs->only, holder) == 0)
		add_line(rs->ctx, group_for(&rs->dg, holder), r, rs->yellow_days);
}

/* the overdue whistles (企业吹哨) not reported in, once under the commissioner's unit
 * and once under the enterprise's lead unit, which is how the lead unit is told;
 * only (--unit) keeps that unit's part. 0, or EXIT_USAGE with the error printed */
typedef struct whistle_digest {
	app_ctx *ctx;
	const char *only;
	remind_digest dg;
} whistle_digest;

static void whistle_line(whistle_digest *wd, const char *unit, const whistle_rec *w,
		bool as_lead)
{
	if (wd->only && strcmp(wd->only, unit) != 0)
		return;
	remind_group *g = group_for(&wd->dg, unit);
	strbuf when = STRBUF_INIT;
	int n;
	ticket_light_t l = ticket_light(w->due, wd->ctx->today, app_calendar(wd->ctx), 0, &n);
	app_light_text(l, n, &when);
	char due[11];
	sb_addf(&g->lines, _("  whistle %-5" PRId64 " "), w->id);
	text_fit_pad_sb(&g->lines, sb_str(&when), 24, TEXT_LEFT);
	sb_addf(&g->lines, "  %s  ", date_format(w->due, due));
	text_fit_pad_sb(&g->lines, w->enterprise, 28, TEXT_LEFT);
	if (as_lead)
		sb_addf(&g->lines, _("  commissioner %s (%s): %s\n"), w->commissioner_name, w->unit,
		        w->text);
	else
		sb_addf(&g->lines, _("  commissioner %s: %s\n"), w->commissioner_name, w->text);
	g->red++;
	sb_free(&when);
}

static void whistle_one(void *rec, void *arg)
{
	whistle_rec *w = rec;
	whistle_digest *wd = arg;
	whistle_line(wd, w->unit, w, false);
	if (strcmp(w->lead_unit, w->unit) != 0)
		whistle_line(wd, w->lead_unit, w, true);
}

static void whistle_clear(void *rec)
{
	whistle_rec_clear(rec);
}

static int whistle_page(db *d, const void *filter, const void *last, long offset, int limit,
		void *out, int *n, store_err *err)
{
	int rc = whistle_store_list_from(d, filter, last ? ((const whistle_rec *)last)->id : 0,
	                                 false, limit, out, n, err);
	return rc > 0 ? whistle_store_list(d, filter, offset, limit, out, n, err) : rc;
}

static int remind_whistles(app_ctx *ctx, const char *only)
{
	char today[11];
	date_format(ctx->today, today);
	whistle_filter f = { .overdue_on = today, .unit = only, .lead_too = true,
		.scope_area = app_scope_area(ctx) };
	whistle_digest wd = { ctx, only, { NULL, 0 } };
	int rc = cli_each_page(ctx, whistle_page, &f, sizeof(whistle_rec), whistle_clear,
	                       whistle_one, &wd);
	const unit_table *units = app_units(ctx);
	remind_digest *dg = &wd.dg;
	for (int done = 0; rc == EXIT_OK && done < dg->n; done++) {
		int best = -1;
		for (int i = 0; i < dg->n; i++)
			if (dg->g[i].unit && (best < 0 || unit_rank(units, dg->g[i].unit) <
			                                  unit_rank(units, dg->g[best].unit)))
				best = i;
		remind_group *g = &dg->g[best];
		printf(P_("%s (%s): %d whistle not reported in on time\n",
		          "%s (%s): %d whistles not reported in on time\n", (unsigned long)g->red),
		       g->unit, today, g->red);
		fputs(sb_str(&g->lines), stdout);
		xfree(&g->unit);
	}
	for (int i = 0; i < dg->n; i++) {
		free(dg->g[i].unit);
		sb_free(&dg->g[i].lines);
	}
	free(dg->g);
	return rc;
}

int cmd_remind(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *only = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'u':
			if (!units_find(app_units(ctx), optarg)) {
				say_error(_("--unit: unknown unit '%s'"), optarg);
				return EXIT_USAGE;
			}
			only = optarg;
			break;
		case 'h':
			printf(_("usage: qifu remind [--unit U]\n"
			         "The overdue and nearly due appeals, grouped by the unit each waits for;\n"
			         "then the whistles whose commissioner did not report in on time, under\n"
			         "the commissioner's unit and the enterprise's lead unit; for cron. With\n"
			         "--unit only that unit's part.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL))
		return EXIT_NO;
	ticket_params p = app_ticket_params(ctx);
	const char *centre = app_appeal_centre(ctx);
	appeal_filter f;
	app_appeal_filter(ctx, &f);
	f.lights = appeal_light_bit(TICKET_LIGHT_RED) | appeal_light_bit(TICKET_LIGHT_YELLOW);
	cli_warn_missing_year(ctx, ctx->today, f.yellow_last);

	remind_state rs = { ctx, centre, only, p.yellow_days, { NULL, 0 } };
	int rc = appeal_cli_each(ctx, &f, APPEAL_SORT_DUE, false, remind_one, &rs);
	remind_digest dg = rs.dg;
	if (rc == EXIT_OK) {
		const unit_table *units = app_units(ctx);
		char today[16];
		date_format(ctx->today, today);
		if (dg.n == 0 && only)
			printf(P_("%s: nothing due for %s: none of its appeals is overdue or due within "
			          "%d working day\n", "%s: nothing due for %s: none of its appeals is "
			          "overdue or due within %d working days\n", p.yellow_days),
			       today, only, p.yellow_days);
		else if (dg.n == 0)
			printf(P_("%s: nothing due: no open appeal is overdue or due within %d working "
			          "day\n", "%s: nothing due: no open appeal is overdue or due within %d "
			          "working days\n", p.yellow_days), today, p.yellow_days);
		/* units in a stable order: the data file's */
		for (int done = 0; done < dg.n; done++) {
			int best = -1;
			for (int i = 0; i < dg.n; i++)
				if (dg.g[i].unit && (best < 0 || unit_rank(units, dg.g[i].unit) <
				                                 unit_rank(units, dg.g[best].unit)))
					best = i;
			remind_group *g = &dg.g[best];
			printf(_("%s (%s): %d overdue, %d due soon\n"), g->unit, today, g->red, g->yellow);
			fputs(sb_str(&g->lines), stdout);
			xfree(&g->unit);
		}
	}
	for (int i = 0; i < dg.n; i++) {
		free(dg.g[i].unit);
		sb_free(&dg.g[i].lines);
	}
	free(dg.g);
	if (rc == EXIT_OK)
		rc = remind_whistles(ctx, only);
	return rc;
}
