/* The reports' text and workbooks; see report_text.h. The rows are report_data.c's,
 * the table, charts and bars model/supervision.c's. */
#include "app/report_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/annual.h"
#include "app/report_chart.h"
#include "app/report_data.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/perm.h"
#include "model/supervision.h"
#include "store/outreach_store.h"
#include "store/supervision_store.h"
#include "store/whistle_store.h"

/* "Supervision figures of the appeals dispatched from … to …, as of …" */
static char *units_title(app_ctx *ctx, const report_spec *r)
{
	char f[16], t[16], today[16];
	return xasprintf(_("Supervision figures of the appeals dispatched from %s to %s, as of %s"),
	                 date_format(r->from, f), date_format(r->to, t),
	                 date_format(ctx->today, today));
}

static char *quarter_title(app_ctx *ctx, const report_spec *r, int frozen)
{
	assessment_tiers tiers = app_assessment_tiers(ctx);
	char code[ASSESS_QUARTER_SIZE];
	return xasprintf(_("Quarter %s: ratings per unit; tier 1 from %d, tier 2 from %d%s"),
	                 assessment_quarter_format(r->quarter, code), tiers.tier1_min,
	                 tiers.tier2_min, frozen == 1 ? _(" (frozen)") : "");
}

static int outreach_text(app_ctx *ctx, const report_spec *r, strbuf *out, strbuf *err);
/* the whistles per commissioner (企业吹哨、专员报到) of the period, after the appeals'
 * figures: the columns as wide as their widest cell */
static int whistle_text(app_ctx *ctx, const report_spec *r, strbuf *out, strbuf *err)
{
	whistle_counts *rows = NULL;
	int n = 0;
	if (report_whistle_rows(ctx, r->from, r->to, &rows, &n, err) < 0)
		return -1;
	char f[16], t[16];
	sb_addf(out, _("\nWhistles per commissioner, called from %s to %s\n"),
	        date_format(r->from, f), date_format(r->to, t));
	if (n == 0) {
		sb_add(out, _("No enterprise blew the whistle in the period.\n"));
		return 0;
	}
	enum { NC = 7 };
	const char *head[NC] = { _("Commissioner"), _("Unit"), _("Whistles"),
		_("Reported in on time"), _("Late"), _("Overdue now"), _("Became appeals") };
	char (*cells)[NC][24] = xcalloc((size_t)n, sizeof *cells);
	int w[NC];
	for (int c = 0; c < NC; c++)
		w[c] = text_width(head[c]);
	for (int i = 0; i < n; i++) {
		const int v[] = { rows[i].whistles, rows[i].reported, rows[i].late,
			rows[i].overdue, rows[i].appeals };
		for (int c = 2; c < NC; c++)
			snprintf(cells[i][c], sizeof cells[i][c], "%d", v[c - 2]);
		const char *name = *rows[i].name ? rows[i].name : rows[i].login;
		int nw[NC] = { text_width(name), text_width(rows[i].unit) };
		for (int c = 2; c < NC; c++)
			nw[c] = text_width(cells[i][c]);
		for (int c = 0; c < NC; c++)
			if (nw[c] > w[c])
				w[c] = nw[c];
	}
	for (int c = 0; c < NC; c++) {
		if (c)
			sb_add(out, "  ");
		text_fit_pad_sb(out, head[c], w[c], c < 2 ? TEXT_LEFT : TEXT_RIGHT);
	}
	sb_addc(out, '\n');
	for (int i = 0; i < n; i++) {
		for (int c = 0; c < NC; c++) {
			if (c)
				sb_add(out, "  ");
			const char *v = c == 0 ? (*rows[i].name ? rows[i].name : rows[i].login)
				: c == 1 ? rows[i].unit : cells[i][c];
			text_fit_pad_sb(out, v, w[c], c < 2 ? TEXT_LEFT : TEXT_RIGHT);
		}
		sb_addc(out, '\n');
	}
	free(cells);
	whistle_counts_free(&rows, n);
	return 0;
}

static int units_text(app_ctx *ctx, const report_spec *r, int width, strbuf *out,
		strbuf *err)
{
	supervision_counts *rows = NULL;
	int n = 0;
	if (report_units_rows(ctx, r->from, r->to, &rows, &n, err) < 0)
		return -1;
	char *title = units_title(ctx, r);
	sb_addf(out, "%s\n\n", title);
	free(title);
	if (n == 0) {
		sb_add(out, _("No appeal was dispatched in the period and none is overdue.\n"));
	} else {
		supervision_table(rows, n, out);
		sb_addc(out, '\n');
		if (report_units_charts(ctx, r->from, r->to, width, report_chart_utf8(), out,
		                        err) < 0) {
			sup_store_counts_free(&rows, n);
			return -1;
		}
		for (int i = 0; i < SUP_FIGURE__COUNT; i++) {
			sb_addc(out, '\n');
			supervision_chart(rows, n, (supervision_figure)i, width, out);
		}
	}
	sup_store_counts_free(&rows, n);
	if (whistle_text(ctx, r, out, err) < 0)
		return -1;
	sb_addc(out, '\n');
	return outreach_text(ctx, r, out, err);
}

/* the outreach events of the period per organising unit and quarter (policy 三(一)) */
static int outreach_text(app_ctx *ctx, const report_spec *r, strbuf *out, strbuf *err)
{
	outreach_quarter_count *rows = NULL;
	int n = 0;
	if (report_outreach_rows(ctx, r->from, r->to, &rows, &n, err) < 0)
		return -1;
	char f[16], t[16];
	sb_addf(out, _("Outreach events held from %s to %s, per organising unit and quarter\n\n"),
	        date_format(r->from, f), date_format(r->to, t));
	if (n == 0) {
		sb_add(out, _("No outreach event was held in the period.\n"));
		return 0;
	}
	enum { UW = 16, QW = 7, NW = 8 };
	const char *heads[] = { N_("Events"), N_("Attended"), N_("Problems"), N_("Appeals") };
	text_fit_pad_sb(out, _("Unit"), UW, TEXT_LEFT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Quarter"), QW, TEXT_LEFT);
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		sb_addc(out, ' ');
		text_fit_pad_sb(out, _(heads[i]), NW, TEXT_RIGHT);
	}
	sb_addc(out, '\n');
	for (int i = 0; i < n; i++) {
		const outreach_quarter_count *c = &rows[i];
		char q[ASSESS_QUARTER_SIZE];
		assessment_quarter_format((assessment_quarter){ c->year, c->quarter }, q);
		text_fit_pad_sb(out, c->unit, UW, TEXT_LEFT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, q, QW, TEXT_LEFT);
		const int figures[] = { c->events, c->attendances, c->problems, c->appeals };
		for (size_t k = 0; k < sizeof figures / sizeof figures[0]; k++) {
			char num[16];
			snprintf(num, sizeof num, "%d", figures[k]);
			sb_addc(out, ' ');
			text_fit_pad_sb(out, num, NW, TEXT_RIGHT);
		}
		sb_addc(out, '\n');
	}
	outreach_quarter_counts_free(&rows, n);
	return 0;
}

static int quarter_text(app_ctx *ctx, const report_spec *r, int width, strbuf *out,
		strbuf *err)
{
	assessment_unit *rows = NULL;
	int n = 0, frozen = 0;
	if (report_quarter_rows(ctx, r->quarter, &rows, &n, &frozen, err) < 0)
		return -1;
	char *title = quarter_title(ctx, r, frozen);
	sb_addf(out, "%s\n\n", title);
	free(title);
	enum { UW = 16, CW = 7, MW = 6, TW = 8 };
	int bw = width - UW - CW - MW - TW - 4;
	text_fit_pad_sb(out, _("Unit"), UW, TEXT_LEFT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Ratings"), CW, TEXT_RIGHT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Mean"), MW, TEXT_RIGHT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Tier"), TW, TEXT_LEFT);
	if (bw > 0) {
		sb_addc(out, ' ');
		text_fit_pad_sb(out, _("Mean score (0-100)"), bw, TEXT_LEFT);
	}
	sb_addc(out, '\n');
	for (int i = 0; i < n; i++) {
		const assessment_unit *u = &rows[i];
		char count[16], mean[ASSESS_MEAN_SIZE] = "-";
		snprintf(count, sizeof count, "%d", u->count);
		if (u->count)
			assessment_mean_format(u->mean10, mean);
		text_fit_pad_sb(out, u->unit, UW, TEXT_LEFT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, count, CW, TEXT_RIGHT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, mean, MW, TEXT_RIGHT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, _(assessment_tier_label(u->tier)), TW, TEXT_LEFT);
		if (bw > 0) {
			sb_addc(out, ' ');
			supervision_bar(u->count ? u->mean10 / 1000.0 : 0.0, bw, out);
		}
		sb_addc(out, '\n');
	}
	report_quarter_rows_free(ctx, &rows, n);
	report_trend *trend = NULL;
	int nt = 0;
	if (report_quarter_trend(ctx, r->quarter, &trend, &nt, err) < 0)
		return -1;
	assessment_tiers tiers = app_assessment_tiers(ctx);
	sb_addc(out, '\n');
	report_trend_text(trend, nt, r->quarter.q, r->quarter.year, &tiers, width,
	                  report_chart_utf8(), out);
	report_trend_free(&trend, nt);
	return 0;
}

const app_column report_year_columns[YEAR_COL__COUNT] = {
	[YEAR_COL_UNIT] = { .key = "unit", .header = N_("Unit"), .kind = COL_STR },
	[YEAR_COL_Q1] = { .key = "q1", .header = N_("Q1"), .kind = COL_STR },
	[YEAR_COL_Q2] = { .key = "q2", .header = N_("Q2"), .kind = COL_STR },
	[YEAR_COL_Q3] = { .key = "q3", .header = N_("Q3"), .kind = COL_STR },
	[YEAR_COL_Q4] = { .key = "q4", .header = N_("Q4"), .kind = COL_STR },
	[YEAR_COL_COUNT] = { .key = "count", .header = N_("Ratings"), .kind = COL_INT },
	[YEAR_COL_SCORE] = { .key = "score", .header = N_("Score"), .kind = COL_STR },
	[YEAR_COL_TIER] = { .key = "tier", .header = N_("Tier"), .kind = COL_INT },
	[YEAR_COL_RECEIVED] = { .key = "received", .header = N_("Received"), .kind = COL_INT },
	[YEAR_COL_SIGNED] = { .key = "signed_on_time", .header = N_("Signed on time"),
		.kind = COL_STR },
	[YEAR_COL_RETURNED] = { .key = "returned", .header = N_("Return rate"), .kind = COL_STR },
	[YEAR_COL_ANSWERED] = { .key = "answered_on_time", .header = N_("Answered on time"),
		.kind = COL_STR },
	[YEAR_COL_SATISFIED] = { .key = "satisfied", .header = N_("Satisfied"), .kind = COL_STR },
	[YEAR_COL_SUPERVISED] = { .key = "supervised", .header = N_("Supervision requests"),
		.kind = COL_INT },
	[YEAR_COL_ACCOUNTABLE] = { .key = "accountability", .header = N_("Accountability"),
		.kind = COL_INT },
};

const char *report_year_cell(const annual_row *r, report_year_col col, app_cell_form form,
		char *buf)
{
	const char *none = form == CELL_WORDS ? "-" : "";
	const annual_unit *u = &r->score;
	static const supervision_col sup[] = {
		[YEAR_COL_RECEIVED - YEAR_COL_RECEIVED] = SUP_COL_RECEIVED,
		[YEAR_COL_SIGNED - YEAR_COL_RECEIVED] = SUP_COL_SIGNED,
		[YEAR_COL_RETURNED - YEAR_COL_RECEIVED] = SUP_COL_RETURNED,
		[YEAR_COL_ANSWERED - YEAR_COL_RECEIVED] = SUP_COL_ANSWERED,
		[YEAR_COL_SATISFIED - YEAR_COL_RECEIVED] = SUP_COL_SATISFIED,
	};
	const char *c;
	switch (col) {
	case YEAR_COL_UNIT:
		return u->unit;
	case YEAR_COL_Q1: case YEAR_COL_Q2: case YEAR_COL_Q3: case YEAR_COL_Q4: {
		const assessment_unit *q = &u->q[col - YEAR_COL_Q1];
		return q->count ? assessment_mean_format(q->mean10, buf) : none;
	}
	case YEAR_COL_COUNT:
		snprintf(buf, SUP_CELL_SIZE, "%d", u->count);
		return buf;
	case YEAR_COL_SUPERVISED:
		snprintf(buf, SUP_CELL_SIZE, "%d", r->supervised);
		return buf;
	case YEAR_COL_ACCOUNTABLE:
		snprintf(buf, SUP_CELL_SIZE, "%d", r->accountable);
		return buf;
	case YEAR_COL_SCORE:
		return u->count ? assessment_mean_format(u->mean10, buf) : none;
	case YEAR_COL_TIER:
		if (form == CELL_WORDS)
			return _(assessment_tier_label(u->tier));
		if (!u->tier)
			return "";
		snprintf(buf, SUP_CELL_SIZE, "%d", u->tier);
		return buf;
	case YEAR_COL_RECEIVED: case YEAR_COL_SIGNED: case YEAR_COL_RETURNED:
	case YEAR_COL_ANSWERED: case YEAR_COL_SATISFIED:
		c = supervision_cell(&r->sup, sup[col - YEAR_COL_RECEIVED], buf);
		/* a rate without a base: "-" to people, an empty cell to a spreadsheet */
		return strcmp(c, "-") == 0 ? none : c;
	case YEAR_COL__COUNT:
		break;
	}
	return "";
}

char *report_year_title(const annual_report *r)
{
	if (!r->frozen)
		return xasprintf(_("Annual assessment %d"), r->year);
	return xasprintf(_("Annual assessment %d (frozen %.10s by %s)"), r->year, r->frozen_at,
	                 r->frozen_by);
}

char *report_year_rule(const annual_report *r)
{
	return xasprintf(_("The year's score: %s of its four frozen quarters; tier 1 from %d, "
	                   "tier 2 from %d."), _(annual_rule_label(r->rule)), r->tiers.tier1_min,
	                 r->tiers.tier2_min);
}

/* columns cols[0..ncols) of the rows as an aligned table: header, rule, rows */
static void year_block(const annual_report *r, const report_year_col *cols, int ncols,
		strbuf *out)
{
	enum { GAP = 1 };
	int w[YEAR_COL__COUNT] = { 0 }, linew = 0;
	for (int k = 0; k < ncols; k++) {
		report_year_col c = cols[k];
		w[c] = text_width(_(report_year_columns[c].header));
		for (int i = 0; i < r->n; i++) {
			char buf[SUP_CELL_SIZE];
			int cw = text_width(report_year_cell(&r->rows[i], c, CELL_WORDS, buf));
			w[c] = cw > w[c] ? cw : w[c];
		}
		linew += w[c] + (k ? GAP : 0);
	}
	for (int i = -1; i < r->n; i++) {
		for (int k = 0; k < ncols; k++) {
			report_year_col c = cols[k];
			char buf[SUP_CELL_SIZE];
			const char *cell = i < 0 ? _(report_year_columns[c].header)
				: report_year_cell(&r->rows[i], c, CELL_WORDS, buf);
			if (k)
				sb_addf(out, "%*s", GAP, "");
			bool left = c == YEAR_COL_UNIT || c == YEAR_COL_TIER;
			/* no blanks at the end of a line */
			if (k == ncols - 1 && left)
				sb_add(out, cell);
			else
				text_fit_pad_sb(out, cell, w[c], left ? TEXT_LEFT : TEXT_RIGHT);
		}
		sb_addc(out, '\n');
		if (i < 0) {
			for (int k = 0; k < linew; k++)
				sb_addc(out, '-');
			sb_addc(out, '\n');
		}
	}
}

/* one request, what it requires on a line of its own, and the accountability that
 * followed it */
static void request_text(const annual_report *r, const supv_row *s, strbuf *out)
{
	char due[16];
	sb_addf(out, _("  No. %lld, %.10s, from %s%s%s, due %s: %s"), (long long)s->id,
	        s->created_at, _(supervise_source_label(s->source)), *s->appeal ? " " : "",
	        s->appeal, date_format(s->due, due), _(supervise_outcome_label(s->outcome)));
	if (*s->outcome_note)
		sb_addf(out, _(" (%s)"), s->outcome_note);
	sb_addf(out, "\n    %s\n", s->what);
	for (int k = 0; k < r->nacc; k++)
		if (r->acc[k].request == s->id)
			sb_addf(out, _("    accountability by %s: %s, %s (%.10s)\n"), r->acc[k].body,
			        r->acc[k].person, r->acc[k].measure, r->acc[k].created_at);
}

/* whether the report has a row of unit */
static bool has_row(const annual_report *r, const char *unit)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->rows[i].score.unit, unit) == 0)
			return true;
	return false;
}

/* per unit in the report's order, each request of the year and its accountability;
 * then those of a unit a frozen year has no row of (filed after the freeze) */
static void year_records_text(const annual_report *r, strbuf *out)
{
	sb_addf(out, _("Supervision requests (督办) and accountability (问责) of %d\n\n"), r->year);
	if (!r->nsupv) {
		sb_add(out, _("None was filed.\n"));
		return;
	}
	for (int pass = 0; pass < 2; pass++)
		for (int u = 0; u < (pass ? r->nsupv : r->n); u++) {
			const char *unit = pass ? r->supv[u].unit : r->rows[u].score.unit;
			if (pass && (has_row(r, unit) ||
			             (u > 0 && strcmp(r->supv[u - 1].unit, unit) == 0)))
				continue;
			bool named = false;
			for (int i = 0; i < r->nsupv; i++) {
				if (strcmp(r->supv[i].unit, unit) != 0)
					continue;
				if (!named)
					sb_addf(out, "%s\n", unit);
				named = true;
				request_text(r, &r->supv[i], out);
			}
		}
}

/* the year's rows as the tier trend's, the names borrowed (free the array alone) */
static report_trend *year_trend(const annual_report *a)
{
	report_trend *trend = xcalloc((size_t)a->n + 1, sizeof *trend);
	for (int i = 0; i < a->n; i++) {
		trend[i].unit = (char *)a->rows[i].score.unit;
		memcpy(trend[i].q, a->rows[i].score.q, sizeof trend[i].q);
	}
	return trend;
}

void report_year_text(app_ctx *ctx, const annual_report *r, int width, strbuf *out)
{
	static const report_year_col scores[] = { YEAR_COL_UNIT, YEAR_COL_Q1, YEAR_COL_Q2,
		YEAR_COL_Q3, YEAR_COL_Q4, YEAR_COL_COUNT, YEAR_COL_SCORE, YEAR_COL_TIER };
	static const report_year_col figures[] = { YEAR_COL_UNIT, YEAR_COL_RECEIVED,
		YEAR_COL_SIGNED, YEAR_COL_RETURNED, YEAR_COL_ANSWERED, YEAR_COL_SATISFIED };
	char *title = report_year_title(r), *rule = report_year_rule(r);
	sb_addf(out, "%s\n%s\n\n", title, rule);
	free(title);
	free(rule);
	year_block(r, scores, (int)(sizeof scores / sizeof scores[0]), out);
	sb_addc(out, '\n');
	report_trend *trend = year_trend(r);
	report_trend_text(trend, r->n, 4, r->year, &r->tiers, width, report_chart_utf8(), out);
	free(trend);
	char today[16];
	date_format(ctx->today, today);
	sb_addc(out, '\n');
	sb_addf(out, _("Supervision figures of the appeals dispatched in %d, as of %.10s\n\n"),
	        r->year, r->frozen ? r->frozen_at : today);
	year_block(r, figures, (int)(sizeof figures / sizeof figures[0]), out);
	sb_addc(out, '\n');
	year_records_text(r, out);
}

static int year_text(app_ctx *ctx, const report_spec *r, int width, strbuf *out,
		strbuf *err)
{
	annual_report a;
	int rc = app_year_report(ctx, r->year, &a, err) == APP_OK ? 0 : -1;
	if (rc == 0)
		report_year_text(ctx, &a, width, out);
	annual_report_free(&a);
	return rc;
}

int report_text(app_ctx *ctx, const report_spec *r, int width, strbuf *out, strbuf *err)
{
	switch (r->kind) {
	case REPORT_UNITS:
		return units_text(ctx, r, width, out, err);
	case REPORT_QUARTER:
		return quarter_text(ctx, r, width, out, err);
	case REPORT_YEAR:
		return year_text(ctx, r, width, out, err);
	}
	return -1;
}

/* the whistles per commissioner as a sheet of t, the columns of whistle_text */
static bool whistle_sheet(app_ctx *ctx, const report_spec *r, xlsx_table *t, strbuf *msg)
{
	whistle_counts *rows = NULL;
	int n = 0;
	if (report_whistle_rows(ctx, r->from, r->to, &rows, &n, msg) < 0)
		return false;
	const xlsx_col cols[] = {
		{ _("Commissioner"), XLSX_TEXT }, { _("Unit"), XLSX_TEXT },
		{ _("Whistles"), XLSX_NUMBER }, { _("Reported in on time"), XLSX_NUMBER },
		{ _("Late"), XLSX_NUMBER }, { _("Overdue now"), XLSX_NUMBER },
		{ _("Became appeals"), XLSX_NUMBER },
	};
	char f[16], to[16];
	char *title = xasprintf(_("Whistles per commissioner, called from %s to %s"),
	                        date_format(r->from, f), date_format(r->to, to));
	bool ok = xlsx_sheet(t, _("Whistles"), title, 7, cols) == 0;
	free(title);
	for (int i = 0; ok && i < n; i++) {
		char v[5][16];
		const int k[5] = { rows[i].whistles, rows[i].reported, rows[i].late,
			rows[i].overdue, rows[i].appeals };
		for (int c = 0; c < 5; c++)
			snprintf(v[c], sizeof v[c], "%d", k[c]);
		const char *cells[] = { *rows[i].name ? rows[i].name : rows[i].login, rows[i].unit,
			v[0], v[1], v[2], v[3], v[4] };
		ok = xlsx_row(t, cells) == 0;
	}
	whistle_counts_free(&rows, n);
	return ok;
}

/* the outreach events per organising unit and quarter as a sheet of t */
static bool outreach_sheet(app_ctx *ctx, const report_spec *r, xlsx_table *t, strbuf *msg)
{
	outreach_quarter_count *rows = NULL;
	int n = 0;
	if (report_outreach_rows(ctx, r->from, r->to, &rows, &n, msg) < 0)
		return false;
	const xlsx_col cols[] = {
		{ _("Unit"), XLSX_TEXT }, { _("Quarter"), XLSX_TEXT }, { _("Events"), XLSX_NUMBER },
		{ _("Attended"), XLSX_NUMBER }, { _("Problems"), XLSX_NUMBER },
		{ _("Appeals"), XLSX_NUMBER },
	};
	char f[16], to[16];
	char *title = xasprintf(_("Outreach events held from %s to %s, per organising unit and "
	                          "quarter"), date_format(r->from, f), date_format(r->to, to));
	bool ok = xlsx_sheet(t, _("Outreach"), title, 6, cols) == 0;
	free(title);
	for (int i = 0; ok && i < n; i++) {
		const outreach_quarter_count *c = &rows[i];
		char q[ASSESS_QUARTER_SIZE], v[4][16];
		assessment_quarter_format((assessment_quarter){ c->year, c->quarter }, q);
		const int k[4] = { c->events, c->attendances, c->problems, c->appeals };
		for (int j = 0; j < 4; j++)
			snprintf(v[j], sizeof v[j], "%d", k[j]);
		const char *cells[] = { c->unit, q, v[0], v[1], v[2], v[3] };
		ok = xlsx_row(t, cells) == 0;
	}
	outreach_quarter_counts_free(&rows, n);
	return ok;
}

/* one row of cells a workbook at a time; false once a row failed */
static bool units_xlsx(app_ctx *ctx, const report_spec *r, const char *path, strbuf *msg)
{
	supervision_counts *rows = NULL;
	int n = 0;
	if (report_units_rows(ctx, r->from, r->to, &rows, &n, msg) < 0)
		return false;
	xlsx_col cols[SUP_COL__COUNT];
	for (int c = 0; c < SUP_COL__COUNT; c++)
		cols[c] = (xlsx_col){ _(supervision_col_header((supervision_col)c)),
			c == SUP_COL_UNIT ? XLSX_TEXT : XLSX_NUMBER };
	char *title = units_title(ctx, r);
	xlsx_table *t = xlsx_open(path, title, SUP_COL__COUNT, cols, msg);
	free(title);
	bool ok = t != NULL;
	if (t) {
		supervision_counts total;
		supervision_total(rows, n, _("Total"), &total);
		for (int i = 0; i < n + (n > 1) && ok; i++) {
			char buf[SUP_COL__COUNT][SUP_CELL_SIZE];
			const char *cells[SUP_COL__COUNT];
			for (int c = 0; c < SUP_COL__COUNT; c++)
				cells[c] = supervision_cell(i < n ? &rows[i] : &total, (supervision_col)c,
				                            buf[c]);
			ok = xlsx_row(t, cells) == 0;
		}
		/* the pictures (issue 19), then the whistles and outreach (issue 18) */
		ok = ok && report_units_chart_sheets(ctx, r->from, r->to, t, msg);
		ok = ok && whistle_sheet(ctx, r, t, msg);
		ok = ok && outreach_sheet(ctx, r, t, msg);
		ok = xlsx_close(&t, ok, msg) == 0 && ok;
	}
	sup_store_counts_free(&rows, n);
	return ok;
}

static bool quarter_xlsx(app_ctx *ctx, const report_spec *r, const char *path, strbuf *msg)
{
	assessment_unit *rows = NULL;
	int n = 0, frozen = 0;
	if (report_quarter_rows(ctx, r->quarter, &rows, &n, &frozen, msg) < 0)
		return false;
	const xlsx_col cols[] = {
		{ _("Unit"), XLSX_TEXT }, { _("Ratings"), XLSX_NUMBER }, { _("Mean"), XLSX_NUMBER },
		{ _("Tier"), XLSX_TEXT },
	};
	char *title = quarter_title(ctx, r, frozen);
	xlsx_table *t = xlsx_open(path, title, 4, cols, msg);
	free(title);
	bool ok = t != NULL;
	for (int i = 0; t && i < n && ok; i++) {
		char count[16], mean[ASSESS_MEAN_SIZE] = "";
		snprintf(count, sizeof count, "%d", rows[i].count);
		if (rows[i].count)
			assessment_mean_format(rows[i].mean10, mean);
		const char *cells[] = { rows[i].unit, count, mean,
			_(assessment_tier_label(rows[i].tier)) };
		ok = xlsx_row(t, cells) == 0;
	}
	report_trend *trend = NULL;
	int nt = 0;
	if (t && ok) {
		ok = report_quarter_trend(ctx, r->quarter, &trend, &nt, msg) == 0 &&
			report_trend_sheet(t, trend, nt, r->quarter.q, r->quarter.year, msg);
		report_trend_free(&trend, nt);
	}
	if (t)
		ok = xlsx_close(&t, ok, msg) == 0 && ok;
	report_quarter_rows_free(ctx, &rows, n);
	return ok;
}

static bool year_xlsx(const annual_report *a, const char *path, strbuf *msg)
{
	xlsx_col cols[YEAR_COL__COUNT];
	for (int c = 0; c < YEAR_COL__COUNT; c++)
		cols[c] = (xlsx_col){ _(report_year_columns[c].header),
			c == YEAR_COL_UNIT || c == YEAR_COL_TIER ? XLSX_TEXT : XLSX_NUMBER };
	char *title = report_year_title(a), *rule = report_year_rule(a);
	char *both = xasprintf("%s: %s", title, rule);
	xlsx_table *t = xlsx_open(path, both, YEAR_COL__COUNT, cols, msg);
	free(title);
	free(rule);
	free(both);
	bool ok = t != NULL;
	for (int i = 0; t && i < a->n && ok; i++) {
		char buf[YEAR_COL__COUNT][SUP_CELL_SIZE];
		const char *cells[YEAR_COL__COUNT];
		for (int c = 0; c < YEAR_COL__COUNT; c++)
			cells[c] = c == YEAR_COL_TIER
				? report_year_cell(&a->rows[i], (report_year_col)c, CELL_WORDS, buf[c])
				: report_year_cell(&a->rows[i], (report_year_col)c, CELL_CODE, buf[c]);
		ok = xlsx_row(t, cells) == 0;
	}
	if (t && ok) {
		report_trend *trend = year_trend(a);
		ok = report_trend_sheet(t, trend, a->n, 4, a->year, msg);
		free(trend);
	}
	if (t)
		ok = xlsx_close(&t, ok, msg) == 0 && ok;
	return ok;
}

/* the report's name in messages and file names */
static const char *report_name(const report_spec *r)
{
	switch (r->kind) {
	case REPORT_UNITS:
		return _("supervision figures");
	case REPORT_QUARTER:
		return _("quarterly assessment");
	case REPORT_YEAR:
		break;
	}
	return _("annual assessment");
}

/* the annual report to path: its own statuses, as a missing quarter is a refusal */
static app_status year_write(app_ctx *ctx, const report_spec *r, bool xlsx, const char *path,
		strbuf *msg)
{
	annual_report a;
	app_status st = app_year_report(ctx, r->year, &a, msg);
	if (st == APP_OK) {
		bool ok;
		if (xlsx) {
			ok = year_xlsx(&a, path, msg);
		} else {
			strbuf text = STRBUF_INIT;
			report_year_text(ctx, &a, REPORT_PRINT_WIDTH, &text);
			ok = sheet_save(path, sb_str(&text)) == 0;
			if (!ok)
				sb_addf(msg, _("%s: cannot write it"), path);
			sb_free(&text);
		}
		st = ok ? APP_OK : APP_BAD;
	}
	annual_report_free(&a);
	if (st == APP_OK)
		sb_addf(msg, _("wrote the %s to %s"), report_name(r), path);
	return st;
}

app_status report_write(app_ctx *ctx, const report_spec *r, bool xlsx, const char *path,
		strbuf *msg)
{
	if (r->kind == REPORT_YEAR)
		return year_write(ctx, r, xlsx, path, msg);
	if (!app_allowed(ctx, PERM_REPORT_VIEW, NULL, NULL, msg))
		return APP_NO;
	bool ok;
	if (xlsx) {
		ok = r->kind == REPORT_UNITS ? units_xlsx(ctx, r, path, msg)
			: quarter_xlsx(ctx, r, path, msg);
	} else {
		strbuf text = STRBUF_INIT;
		ok = report_text(ctx, r, REPORT_PRINT_WIDTH, &text, msg) == 0;
		if (ok && sheet_save(path, sb_str(&text)) < 0) {
			sb_addf(msg, _("%s: cannot write it"), path);
			ok = false;
		}
		sb_free(&text);
	}
	if (ok)
		sb_addf(msg, _("wrote the %s to %s"), report_name(r), path);
	return ok ? APP_OK : APP_BAD;
}

char *report_file_name(const report_spec *r, bool xlsx)
{
	char a[16], b[16];
	char *name = r->kind == REPORT_UNITS
		? xasprintf("%s-%s-%s.%s", report_name(r), date_format(r->from, a),
		            date_format(r->to, b), xlsx ? "xlsx" : "txt")
		: r->kind == REPORT_YEAR
		? xasprintf("%s-%d.%s", report_name(r), r->year, xlsx ? "xlsx" : "txt")
		: xasprintf("%s-%s.%s", report_name(r), assessment_quarter_format(r->quarter, a),
		            xlsx ? "xlsx" : "txt");
	for (char *c = name; *c; c++)
		if (*c == ' ' || *c == '/')
			*c = '-';
	return name;
}
