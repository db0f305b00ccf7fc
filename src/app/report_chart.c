/* The reports' charts; see report_chart.h. */
#include "app/report_chart.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/report_data.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/supervision.h"
#include "model/unit.h"
#include "store/chart_store.h"

bool report_chart_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

/* ---- the grids ---------------------------------------------------------------- */

/* position of a unit in data/units.tsv, units no longer listed after them */
static int rank_of(const unit_table *t, const char *name)
{
	const unit_def *u = units_find(t, name);
	return u ? (int)(u - t->v) : t->n;
}

/* the store's rows (by unit, then bucket) as a grid of nb buckets, bucket - base
 * being the column; rows outside it are not counted */
static void fill_grid(const unit_table *t, const chart_count *rows, int n, int base, int nb,
		report_grid *g)
{
	memset(g, 0, sizeof *g);
	g->nb = nb;
	for (int i = 0; i < n; i++)
		if (i == 0 || strcmp(rows[i].unit, rows[i - 1].unit) != 0)
			g->nunits++;
	g->units = xcalloc((size_t)g->nunits + 1, sizeof *g->units);
	g->n = xcalloc((size_t)(g->nunits * nb) + 1, sizeof *g->n);
	g->part = xcalloc((size_t)(g->nunits * nb) + 1, sizeof *g->part);
	int u = -1;
	for (int i = 0; i < n; i++) {
		if (i == 0 || strcmp(rows[i].unit, rows[i - 1].unit) != 0)
			g->units[++u] = xstrdup(rows[i].unit);
		int b = rows[i].bucket - base;
		if (b >= 0 && b < nb) {
			g->n[u * nb + b] += rows[i].n;
			g->part[u * nb + b] += rows[i].part;
		}
	}
	/* into the units' order: an insertion sort of whole rows (a few dozen units) */
	for (int i = 1; i < g->nunits; i++) {
		char *name = g->units[i];
		int *vn = xcalloc((size_t)nb + 1, sizeof *vn);
		int *vp = xcalloc((size_t)nb + 1, sizeof *vp);
		memcpy(vn, g->n + i * nb, sizeof *vn * (size_t)nb);
		memcpy(vp, g->part + i * nb, sizeof *vp * (size_t)nb);
		int r = rank_of(t, name), j = i;
		for (; j > 0 && rank_of(t, g->units[j - 1]) > r; j--) {
			g->units[j] = g->units[j - 1];
			memcpy(g->n + j * nb, g->n + (j - 1) * nb, sizeof *vn * (size_t)nb);
			memcpy(g->part + j * nb, g->part + (j - 1) * nb, sizeof *vp * (size_t)nb);
		}
		g->units[j] = name;
		memcpy(g->n + j * nb, vn, sizeof *vn * (size_t)nb);
		memcpy(g->part + j * nb, vp, sizeof *vp * (size_t)nb);
		free(vn);
		free(vp);
	}
}

/* the grid of the weekly (from monday) or the monthly counts, buckets base.. of nb */
static int read_grid(app_ctx *ctx, bool weekly, qdate from, qdate to, qdate monday, int base,
		int nb, report_grid *g, strbuf *err)
{
	chart_count *rows = NULL;
	int n = 0;
	store_err se = { 0 };
	memset(g, 0, sizeof *g);
	if ((weekly ? chart_store_weekly(app_db(ctx), from, to, monday, &rows, &n, &se)
	            : chart_store_monthly(app_db(ctx), from, to, &rows, &n, &se)) < 0)
		return app_store_rc(-1, &se, err);
	fill_grid(app_units(ctx), rows, n, base, nb, g);
	chart_counts_free(&rows, n);
	return 0;
}

int report_weekly_grid(app_ctx *ctx, qdate from, qdate to, chart_weeks *w, report_grid *g,
		strbuf *err)
{
	*w = chart_weeks_of(from, to);
	return read_grid(ctx, true, from, to, w->first, 0, w->n, g, err);
}

int report_monthly_grid(app_ctx *ctx, qdate from, qdate to, chart_months *m, report_grid *g,
		strbuf *err)
{
	*m = chart_months_of(from, to);
	return read_grid(ctx, false, from, to, DATE_NONE, m->year * 12 + m->month - 1, m->n, g,
	                 err);
}

void report_grid_free(report_grid *g)
{
	for (int i = 0; g->units && i < g->nunits; i++)
		free(g->units[i]);
	xfree(&g->units);
	xfree(&g->n);
	xfree(&g->part);
	g->nunits = 0;
}

/* ---- the text ----------------------------------------------------------------- */

/* the widest of the units' names, at least that of the header */
static int unit_width(char *const *units, int n, const char *head)
{
	int w = text_width(head);
	for (int i = 0; i < n; i++) {
		int k = text_width(units[i]);
		w = k > w ? k : w;
	}
	return w;
}

static void pad(strbuf *out, const char *s, int w, int align)
{
	text_fit_pad_sb(out, s, w, align);
}

/* "10-12": a week's Monday or a day without its year */
static const char *month_day(qdate d, char *buf)
{
	char full[16];
	date_format(d, full);
	memcpy(buf, full + 5, 5);
	buf[5] = '\0';
	return buf;
}

static void weekly_text(const chart_weeks *w, const report_grid *g, int width, bool utf8,
		strbuf *out)
{
	char monday[16];
	sb_addf(out, _("Appeals received per week, %d weeks from Monday %s"), w->n,
	        date_format(w->first, monday));
	sb_addc(out, '\n');
	if (g->nunits == 0) {
		sb_add(out, _("No appeal was dispatched in the period.\n"));
		return;
	}
	/* the figures beside: the total, and the busiest week with its count */
	char **busy = xcalloc((size_t)g->nunits, sizeof *busy);
	int *total = xcalloc((size_t)g->nunits, sizeof *total);
	const char *h_unit = _("Unit"), *h_total = _("Total"), *h_busy = _("Busiest week");
	int uw = unit_width(g->units, g->nunits, h_unit);
	int tw = text_width(h_total), bw = text_width(h_busy);
	long max = 0;
	for (int u = 0; u < g->nunits; u++) {
		int best = 0;
		for (int b = 0; b < g->nb; b++) {
			total[u] += g->n[u * g->nb + b];
			if (g->n[u * g->nb + b] > g->n[u * g->nb + best])
				best = b;
		}
		char md[8], num[16];
		busy[u] = xasprintf(_("%d (week of %s)"), g->n[u * g->nb + best],
		                    month_day(chart_week_start(w, best), md));
		snprintf(num, sizeof num, "%d", total[u]);
		tw = text_width(num) > tw ? text_width(num) : tw;
		bw = text_width(busy[u]) > bw ? text_width(busy[u]) : bw;
	}
	/* the unit gives way to the sparkline down to 8 columns, as the bars do */
	int gw = text_width("█") > 1 ? 2 : 1;
	int avail = width - uw - tw - bw - 6;
	if (avail < 8 * gw && uw > 8) {
		uw -= 8 * gw - avail;
		uw = uw < 8 ? 8 : uw;
		avail = width - uw - tw - bw - 6;
	}
	int per = chart_per_cell(g->nb, avail / gw);
	int cells = (g->nb + per - 1) / per;
	long *v = xcalloc((size_t)(g->nunits * cells) + 1, sizeof *v);
	for (int u = 0; u < g->nunits; u++)
		for (int b = 0; b < g->nb; b++) {
			long *c = &v[u * cells + b / per];
			*c += g->n[u * g->nb + b];
			max = *c > max ? *c : max;
		}
	if (per > 1) {
		sb_addf(out, P_("(a cell is %d weeks)", "(a cell is %d weeks)", (unsigned long)per),
		        per);
		sb_addc(out, '\n');
	}
	int sw = cells * gw;
	sw = sw < text_width(_("Weeks")) ? text_width(_("Weeks")) : sw;
	pad(out, h_unit, uw, TEXT_LEFT);
	sb_addc(out, ' ');
	pad(out, _("Weeks"), sw, TEXT_LEFT);
	sb_add(out, "  ");
	pad(out, h_total, tw, TEXT_RIGHT);
	sb_add(out, "  ");
	sb_add(out, h_busy);
	sb_addc(out, '\n');
	for (int u = 0; u < g->nunits; u++) {
		strbuf spark = STRBUF_INIT;
		for (int c = 0; c < cells; c++)
			chart_spark_cell(v[u * cells + c] > 0
				? chart_spark_level(v[u * cells + c], 0, max) : 0, utf8, &spark);
		char num[16];
		snprintf(num, sizeof num, "%d", total[u]);
		pad(out, g->units[u], uw, TEXT_LEFT);
		sb_addc(out, ' ');
		pad(out, sb_str(&spark), sw, TEXT_LEFT);
		sb_add(out, "  ");
		pad(out, num, tw, TEXT_RIGHT);
		sb_add(out, "  ");
		sb_add(out, busy[u]);
		sb_addc(out, '\n');
		sb_free(&spark);
		free(busy[u]);
	}
	free(v);
	free(busy);
	free(total);
}

/* the columns of a month's cell: a bar, a blank, the rate ("100.0%") */
enum { RATE_W = 6, MIN_BAR = 3, MAX_BAR = 20, MONTH_GAP = 2 };

static void monthly_text(const chart_months *m, const report_grid *g, int width, bool utf8,
		strbuf *out)
{
	sb_add(out, _("Answered on time per month of dispatch"));
	sb_addc(out, '\n');
	if (g->nunits == 0) {
		sb_add(out, _("No appeal was dispatched in the period.\n"));
		return;
	}
	int uw = unit_width(g->units, g->nunits, _("Unit"));
	int avail = width - uw - 1;
	int fit = (avail + MONTH_GAP) / (MIN_BAR + 1 + RATE_W + MONTH_GAP);
	if (fit < 1)
		fit = 1;
	/* the months that fit, ending with the last that has an answered appeal */
	int last = -1;
	for (int u = 0; u < g->nunits; u++)
		for (int i = 0; i < m->n; i++)
			if (g->n[u * g->nb + i] > 0 && i > last)
				last = i;
	int shown = m->n < fit ? m->n : fit, skip = chart_window(m->n, fit, last);
	int end = skip + shown;
	int barw = (avail + MONTH_GAP) / shown - MONTH_GAP - 1 - RATE_W;
	barw = barw > MAX_BAR ? MAX_BAR : barw < MIN_BAR ? MIN_BAR : barw;
	int cw = barw + 1 + RATE_W;
	if (shown < m->n) {
		sb_addf(out, P_("(%d month of %d; the workbook has every month)",
		                "(%d months of %d; the workbook has every month)",
		                (unsigned long)shown), shown, m->n);
		sb_addc(out, '\n');
	}
	pad(out, _("Unit"), uw, TEXT_LEFT);
	for (int i = skip; i < end; i++) {
		int y, mo;
		chart_month_at(m, i, &y, &mo);
		char label[16];
		snprintf(label, sizeof label, "%04d-%02d", y, mo);
		sb_addf(out, "%*s", i == skip ? 1 : MONTH_GAP, "");
		/* no blanks at the end of a line */
		if (i == end - 1)
			sb_add(out, label);
		else
			pad(out, label, cw, TEXT_LEFT);
	}
	sb_addc(out, '\n');
	for (int u = 0; u < g->nunits; u++) {
		pad(out, g->units[u], uw, TEXT_LEFT);
		for (int i = skip; i < end; i++) {
			int whole = g->n[u * g->nb + i], part = g->part[u * g->nb + i];
			int pm = supervision_permille(part, whole);
			char rate[SUP_CELL_SIZE];
			sb_addf(out, "%*s", i == skip ? 1 : MONTH_GAP, "");
			chart_bar(pm < 0 ? 0 : pm, 1000, barw, utf8, out);
			sb_addc(out, ' ');
			pad(out, supervision_rate_format(pm, rate), RATE_W, TEXT_RIGHT);
		}
		sb_addc(out, '\n');
	}
}

int report_units_charts(app_ctx *ctx, qdate from, qdate to, int width, bool utf8,
		strbuf *out, strbuf *err)
{
	chart_weeks w;
	chart_months m;
	report_grid g;
	if (report_weekly_grid(ctx, from, to, &w, &g, err) < 0)
		return -1;
	weekly_text(&w, &g, width, utf8, out);
	report_grid_free(&g);
	if (report_monthly_grid(ctx, from, to, &m, &g, err) < 0)
		return -1;
	sb_addc(out, '\n');
	monthly_text(&m, &g, width, utf8, out);
	report_grid_free(&g);
	return 0;
}

/* ---- the workbook ------------------------------------------------------------- */

/* the grid as a sheet: the unit, then a column per bucket (header labels[b]), the
 * cells cell(g, u, b) into buf; then its chart */
static bool grid_sheet(xlsx_table *t, const report_grid *g, const char *name, const char *title,
		char **labels, const char *(*cell)(const report_grid *, int, char *),
		xlsx_chart_kind kind, const char *y_title)
{
	xlsx_col *cols = xcalloc((size_t)g->nb + 1, sizeof *cols);
	cols[0] = (xlsx_col){ _("Unit"), XLSX_TEXT };
	for (int b = 0; b < g->nb; b++)
		cols[b + 1] = (xlsx_col){ labels[b], XLSX_NUMBER };
	bool ok = xlsx_sheet(t, name, title, g->nb + 1, cols) == 0;
	const char **cells = xcalloc((size_t)g->nb + 1, sizeof *cells);
	char (*buf)[SUP_CELL_SIZE] = xcalloc((size_t)g->nb + 1, sizeof *buf);
	for (int u = 0; ok && u < g->nunits; u++) {
		cells[0] = g->units[u];
		for (int b = 0; b < g->nb; b++)
			cells[b + 1] = cell(g, u * g->nb + b, buf[b]);
		ok = xlsx_row(t, cells) == 0;
	}
	if (ok && g->nunits)
		ok = xlsx_chart(t, kind, title, y_title, 0, g->nunits, 1, g->nb) == 0;
	free(buf);
	free(cells);
	free(cols);
	return ok;
}

static const char *count_cell(const report_grid *g, int i, char *buf)
{
	snprintf(buf, SUP_CELL_SIZE, "%d", g->n[i]);
	return buf;
}

/* the rate in percent with one decimal, empty without a base (a gap in the line) */
static const char *rate_cell(const report_grid *g, int i, char *buf)
{
	int pm = supervision_permille(g->part[i], g->n[i]);
	if (pm < 0)
		return "";
	snprintf(buf, SUP_CELL_SIZE, "%d.%d", pm / 10, pm % 10);
	return buf;
}

static void free_labels(char **labels, int n)
{
	for (int i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
}

bool report_units_chart_sheets(app_ctx *ctx, qdate from, qdate to, xlsx_table *t,
		strbuf *err)
{
	chart_weeks w;
	chart_months m;
	report_grid g;
	if (report_weekly_grid(ctx, from, to, &w, &g, err) < 0)
		return false;
	char **labels = xcalloc((size_t)w.n + 1, sizeof *labels);
	for (int b = 0; b < w.n; b++) {
		char d[16];
		labels[b] = xstrdup(date_format(chart_week_start(&w, b), d));
	}
	char monday[16];
	char *title = xasprintf(_("Appeals received per week, %d weeks from Monday %s"), w.n,
	                        date_format(w.first, monday));
	bool ok = grid_sheet(t, &g, _("Received per week"), title, labels, count_cell,
	                     XLSX_CHART_COLUMN, _("Appeals"));
	free(title);
	free_labels(labels, w.n);
	report_grid_free(&g);
	if (!ok)
		return false;
	if (report_monthly_grid(ctx, from, to, &m, &g, err) < 0)
		return false;
	labels = xcalloc((size_t)m.n + 1, sizeof *labels);
	for (int b = 0; b < m.n; b++) {
		int y, mo;
		chart_month_at(&m, b, &y, &mo);
		labels[b] = xasprintf("%04d-%02d", y, mo);
	}
	ok = grid_sheet(t, &g, _("On time per month"), _("Answered on time per month of dispatch"),
	                labels, rate_cell, XLSX_CHART_LINE, _("Answered on time (%)"));
	free_labels(labels, m.n);
	report_grid_free(&g);
	return ok;
}

/* ---- the tier trend ----------------------------------------------------------- */

int report_quarter_trend(app_ctx *ctx, assessment_quarter q, report_trend **rows, int *n,
		strbuf *err)
{
	*rows = NULL;
	*n = 0;
	for (int k = 1; k <= q.q && k <= 4; k++) {
		assessment_unit *qr = NULL;
		int nq = 0, frozen = 0;
		if (report_quarter_rows(ctx, (assessment_quarter){ q.year, k }, &qr, &nq, &frozen,
		                        err) < 0) {
			report_trend_free(rows, *n);
			*n = 0;
			return -1;
		}
		for (int i = 0; i < nq; i++) {
			int j = 0;
			while (j < *n && strcmp((*rows)[j].unit, qr[i].unit) != 0)
				j++;
			if (j == *n) {
				*rows = xrealloc(*rows, sizeof **rows * (size_t)(*n + 1));
				memset(&(*rows)[j], 0, sizeof **rows);
				(*rows)[j].unit = xstrdup(qr[i].unit);
				(*n)++;
			}
			(*rows)[j].q[k - 1] = qr[i];
			(*rows)[j].q[k - 1].unit = (*rows)[j].unit;
		}
		report_quarter_rows_free(ctx, &qr, nq);
	}
	return 0;
}

void report_trend_free(report_trend **rows, int n)
{
	for (int i = 0; *rows && i < n; i++)
		free((*rows)[i].unit);
	xfree(rows);
}

/* the quarter's tier as the trend shows it: its label, "-" without ratings */
static const char *tier_cell(const assessment_unit *q)
{
	return q->count ? _(assessment_tier_label(q->tier)) : "-";
}

/* whether a unit has ratings in one of the first nq quarters */
static bool trend_rated(const report_trend *r, int nq)
{
	for (int k = 0; k < nq; k++)
		if (r->q[k].count)
			return true;
	return false;
}

void report_trend_text(const report_trend *rows, int n, int nq, int year,
		const assessment_tiers *tiers, int width, bool utf8, strbuf *out)
{
	/* the sparkline from ten points under tier 2 to 100: differences that decide a
	 * tier stay visible */
	int lo = (tiers->tier2_min - 10) * 10;
	lo = lo < 0 ? 0 : lo;
	sb_addf(out, _("Tier per quarter of %d; the line: each quarter's mean, from %d to 100"),
	        year, lo / 10);
	sb_addc(out, '\n');
	/* the units rated in one of the quarters at least */
	int rated = 0;
	for (int i = 0; i < n; i++)
		rated += trend_rated(&rows[i], nq);
	if (rated == 0 || nq < 1) {
		sb_add(out, _("No unit was rated in these quarters.\n"));
		return;
	}
	static const char *const qh[4] = { N_("Q1"), N_("Q2"), N_("Q3"), N_("Q4") };
	char **names = xcalloc((size_t)n + 1, sizeof *names);
	int nn = 0;
	for (int i = 0; i < n; i++)
		if (trend_rated(&rows[i], nq))
			names[nn++] = rows[i].unit;
	int uw = unit_width(names, nn, _("Unit"));
	free(names);
	int qw = 0;
	for (int k = 0; k < nq; k++) {
		qw = text_width(_(qh[k])) > qw ? text_width(_(qh[k])) : qw;
		for (int i = 0; i < n; i++)
			qw = text_width(tier_cell(&rows[i].q[k])) > qw
				? text_width(tier_cell(&rows[i].q[k])) : qw;
	}
	int gw = text_width("█") > 1 ? 2 : 1;
	int sw = nq * gw > text_width(_("Trend")) ? nq * gw : text_width(_("Trend"));
	int used = uw + nq * (qw + 1) + 1 + sw;
	/* the means beside, "100.0" each, when they fit */
	bool means = used + 1 + nq * 6 <= width;
	pad(out, _("Unit"), uw, TEXT_LEFT);
	for (int k = 0; k < nq; k++) {
		sb_addc(out, ' ');
		pad(out, _(qh[k]), qw, TEXT_LEFT);
	}
	sb_addc(out, ' ');
	if (means) {
		pad(out, _("Trend"), sw, TEXT_LEFT);
		sb_addc(out, ' ');
		sb_add(out, _("Means"));
	} else {
		sb_add(out, _("Trend"));
	}
	sb_addc(out, '\n');
	for (int i = 0; i < n; i++) {
		if (!trend_rated(&rows[i], nq))
			continue;
		pad(out, rows[i].unit, uw, TEXT_LEFT);
		strbuf spark = STRBUF_INIT;
		for (int k = 0; k < nq; k++) {
			const assessment_unit *q = &rows[i].q[k];
			sb_addc(out, ' ');
			pad(out, tier_cell(q), qw, TEXT_LEFT);
			chart_spark_cell(q->count ? chart_spark_level(q->mean10, lo, 1000) : 0, utf8,
			                 &spark);
		}
		sb_addc(out, ' ');
		pad(out, sb_str(&spark), sw, TEXT_LEFT);
		sb_free(&spark);
		for (int k = 0; means && k < nq; k++) {
			char mean[ASSESS_MEAN_SIZE] = "-";
			if (rows[i].q[k].count)
				assessment_mean_format(rows[i].q[k].mean10, mean);
			sb_addc(out, ' ');
			pad(out, mean, 5, TEXT_RIGHT);
		}
		sb_addc(out, '\n');
	}
}

bool report_trend_sheet(xlsx_table *t, const report_trend *rows, int n, int nq, int year,
		strbuf *err)
{
	(void)err;
	static const char *const qh[4] = { N_("Q1"), N_("Q2"), N_("Q3"), N_("Q4") };
	static const char *const th[4] = { N_("Q1 tier"), N_("Q2 tier"), N_("Q3 tier"),
		N_("Q4 tier") };
	xlsx_col cols[9];
	cols[0] = (xlsx_col){ _("Unit"), XLSX_TEXT };
	for (int k = 0; k < nq; k++) {
		cols[1 + k] = (xlsx_col){ _(qh[k]), XLSX_NUMBER };
		cols[1 + nq + k] = (xlsx_col){ _(th[k]), XLSX_TEXT };
	}
	char *title = xasprintf(_("Mean score and tier per quarter of %d"), year);
	bool ok = xlsx_sheet(t, _("Tier trend"), title, 1 + 2 * nq, cols) == 0;
	int written = 0;
	for (int i = 0; ok && i < n; i++) {
		if (!trend_rated(&rows[i], nq))
			continue;
		written++;
		char mean[4][ASSESS_MEAN_SIZE];
		const char *cells[9] = { rows[i].unit };
		for (int k = 0; k < nq; k++) {
			const assessment_unit *q = &rows[i].q[k];
			cells[1 + k] = q->count ? assessment_mean_format(q->mean10, mean[k]) : "";
			cells[1 + nq + k] = q->count ? _(assessment_tier_label(q->tier)) : "";
		}
		ok = xlsx_row(t, cells) == 0;
	}
	if (ok && written)
		ok = xlsx_chart(t, XLSX_CHART_LINE, title, _("Mean score"), 0, written, 1, nq) == 0;
	free(title);
	return ok;
}
