/* The reports' text and workbooks; see report_text.h. The rows are report_data.c's,
 * the table, charts and bars model/supervision.c's. */
#include "app/report_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/report_data.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/perm.h"
#include "model/supervision.h"
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
		for (int i = 0; i < SUP_FIGURE__COUNT; i++) {
			sb_addc(out, '\n');
			supervision_chart(rows, n, (supervision_figure)i, width, out);
		}
	}
	sup_store_counts_free(&rows, n);
	return whistle_text(ctx, r, out, err);
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
	return 0;
}

int report_text(app_ctx *ctx, const report_spec *r, int width, strbuf *out, strbuf *err)
{
	return r->kind == REPORT_UNITS ? units_text(ctx, r, width, out, err)
		: quarter_text(ctx, r, width, out, err);
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
	if (t)
		ok = xlsx_close(&t, ok, msg) == 0 && ok;
	report_quarter_rows_free(ctx, &rows, n);
	return ok;
}

/* the report's name in messages and file names */
static const char *report_name(const report_spec *r)
{
	return r->kind == REPORT_UNITS ? _("supervision figures") : _("quarterly assessment");
}

app_status report_write(app_ctx *ctx, const report_spec *r, bool xlsx, const char *path,
		strbuf *msg)
{
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
		: xasprintf("%s-%s.%s", report_name(r), assessment_quarter_format(r->quarter, a),
		            xlsx ? "xlsx" : "txt");
	for (char *c = name; *c; c++)
		if (*c == ' ' || *c == '/')
			*c = '-';
	return name;
}
