/* xlsx export through libxlsxwriter in constant-memory mode (rows stream to a
 * temporary file, so 100 000 enterprises cost no more memory than ten). Cells are
 * written as strings or numbers, never formulas, so xlsx needs no injection guard.
 * Builds without libxlsxwriter keep the same interface and refuse to open. */
#include "core/xlsx.h"

#include <errno.h>
#include <string.h>

#include "core/i18n.h"

#ifdef HAVE_XLSXWRITER

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "core/xlsx_internal.h"

/* Layout of the sheet: the title, then the header, then the data. */
enum { XLSX_TITLE_ROW = 0, XLSX_HEADER_ROW = 1, XLSX_FIRST_DATA_ROW = 2 };
/* Column widths in Excel's units (one '0' of the default font; CJK takes two). */
enum { XLSX_MIN_WIDTH = 6, XLSX_MAX_WIDTH = 60, XLSX_PAD = 2 };
enum { XLSX_PAPER_A4 = 9 };

struct xlsx_table {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *title_fmt, *header_fmt, *code_fmt;
	char *path;
	char *tmp;
	int ncols;
	xlsx_col *cols;      /* a copy: callers build the column list on their stack */
	int *width;			/* widest cell so far per column, in display columns */
	lxw_row_t next_row;
	char *sheet;		/* the current sheet's name (NULL: the first, "Sheet1") */
	int charts;		/* charts on the current sheet */
	bool failed;
	strbuf failure;
};

bool xlsx_available(void)
{
	return true;
}

/* Display columns of the widest line of a multi-line cell. */
static int xlsx_text_width(const char *s)
{
	int best = 0;
	while (*s) {
		size_t n = strcspn(s, "\n");
		int w = text_nwidth(s, n);
		if (w > best)
			best = w;
		s += n;
		if (*s)
			s++;
	}
	return best;
}

/* A copy of s the sheet can hold: XML cannot carry invalid UTF-8 or most control
 * characters, so the text module's cleaning applies, keeping line breaks. */
static char *xlsx_clean(const char *s)
{
	return text_sanitize(s, strlen(s), TEXT_KEEP_NEWLINES);
}

/* A plain decimal (-12, 3.50) that Excel would show unchanged; anything else,
 * "1e5", " 7", "0x10", stays a string rather than being guessed at. */
static bool xlsx_number(const char *s, double *out)
{
	const char *p = s;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return false;
	*out = strtod(s, NULL);
	return true;
}

lxw_workbook *xlsx_workbook_start(const char *path, char **tmp, lxw_worksheet **ws,
				   strbuf *err)
{
	*tmp = xasprintf("%s.tmp", path);
	/* libxlsxwriter only opens the file when it closes the workbook; create it
	 * now so that an unwritable place is reported before a long export, not after. */
	int fd = open(*tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0) {
		sb_addf(err, _("%s: cannot create: %s"), *tmp, strerror(errno));
		xfree(tmp);
		return NULL;
	}
	close(fd);
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
	lxw_workbook *wb = workbook_new_opt(*tmp, &opt);
	*ws = wb ? workbook_add_worksheet(wb, NULL) : NULL;
	if (!*ws) {
		sb_addf(err, _("%s: cannot start the workbook"), *tmp);
		if (wb)
			lxw_workbook_free(wb);
		unlink(*tmp);
		xfree(tmp);
		return NULL;
	}
	return wb;
}

static void xlsx_fail(xlsx_table *t, lxw_row_t row, int col, lxw_error e)
{
	if (t->failed)
		return;
	t->failed = true;
	sb_addf(&t->failure, _("row %lu, column %d: %s"), (unsigned long)row + 1, col + 1,
		lxw_strerror(e));
}

static void xlsx_cell(xlsx_table *t, lxw_row_t row, int col, const char *s, xlsx_kind kind,
		      lxw_format *fmt)
{
	if (!s || !*s)
		return;
	char *clean = xlsx_clean(s);
	double v;
	lxw_error e;
	if (kind == XLSX_NUMBER && xlsx_number(clean, &v))
		e = worksheet_write_number(t->ws, row, (lxw_col_t)col, v, fmt);
	else
		e = worksheet_write_string(t->ws, row, (lxw_col_t)col, clean, fmt);
	if (e != LXW_NO_ERROR)
		xlsx_fail(t, row, col, e);
	int w = xlsx_text_width(clean);
	if (w > t->width[col])
		t->width[col] = w;
	free(clean);
}

/* Page setup for printing: the people who print these want every column on the
 * page and the header on every sheet of paper. */
static void xlsx_page_setup(xlsx_table *t)
{
	worksheet_set_landscape(t->ws);
	worksheet_set_paper(t->ws, XLSX_PAPER_A4);
	worksheet_fit_to_pages(t->ws, 1, 0);
	worksheet_repeat_rows(t->ws, XLSX_HEADER_ROW, XLSX_HEADER_ROW);
	worksheet_set_footer(t->ws, "&C第 &P 页 共 &N 页");
	worksheet_center_horizontally(t->ws);
	worksheet_gridlines(t->ws, LXW_SHOW_ALL_GRIDLINES);
	worksheet_freeze_panes(t->ws, XLSX_FIRST_DATA_ROW, 0);
}

/* The current sheet's columns, title row and header. */
static void xlsx_sheet_start(xlsx_table *t, const char *title, int ncols, const xlsx_col *cols)
{
	if (ncols < 1 || ncols > LXW_COL_MAX)
		fatal("xlsx_sheet: %d columns", ncols);
	t->ncols = ncols;
	t->cols = xcalloc((size_t)ncols, sizeof *t->cols);
	memcpy(t->cols, cols, sizeof *t->cols * (size_t)ncols);
	t->width = xcalloc((size_t)ncols, sizeof *t->width);
	t->charts = 0;
	xlsx_page_setup(t);
	char *clean_title = xlsx_clean(title);
	lxw_error e = ncols > 1
		? worksheet_merge_range(t->ws, XLSX_TITLE_ROW, 0, XLSX_TITLE_ROW,
					(lxw_col_t)(ncols - 1), clean_title, t->title_fmt)
		: worksheet_write_string(t->ws, XLSX_TITLE_ROW, 0, clean_title, t->title_fmt);
	free(clean_title);
	if (e != LXW_NO_ERROR)
		xlsx_fail(t, XLSX_TITLE_ROW, 0, e);
	for (int c = 0; c < ncols; c++)
		xlsx_cell(t, XLSX_HEADER_ROW, c, cols[c].header, XLSX_TEXT, t->header_fmt);
	t->next_row = XLSX_FIRST_DATA_ROW;
}

xlsx_table *xlsx_open(const char *path, const char *title, int ncols, const xlsx_col *cols,
		      strbuf *err)
{
	if (ncols < 1 || ncols > LXW_COL_MAX)
		fatal("xlsx_open: %d columns", ncols);
	char *tmp;
	lxw_worksheet *ws;
	lxw_workbook *wb = xlsx_workbook_start(path, &tmp, &ws, err);
	if (!wb)
		return NULL;

	xlsx_table *t = xcalloc(1, sizeof *t);
	t->wb = wb;
	t->ws = ws;
	t->path = xstrdup(path);
	t->tmp = tmp;

	t->title_fmt = workbook_add_format(wb);
	format_set_bold(t->title_fmt);
	format_set_font_size(t->title_fmt, 14);
	t->header_fmt = workbook_add_format(wb);
	format_set_bold(t->header_fmt);
	format_set_bottom(t->header_fmt, LXW_BORDER_THIN);
	format_set_bg_color(t->header_fmt, 0xD9D9D9);
	t->code_fmt = workbook_add_format(wb);
	format_set_num_format(t->code_fmt, "@");

	xlsx_sheet_start(t, title, ncols, cols);
	return t;
}

int xlsx_row(xlsx_table *t, const char *const *cells)
{
	if (t->failed)
		return -1;
	for (int c = 0; c < t->ncols; c++) {
		xlsx_kind k = t->cols[c].kind;
		xlsx_cell(t, t->next_row, c, cells[c], k, k == XLSX_CODE ? t->code_fmt : NULL);
	}
	t->next_row++;
	return t->failed ? -1 : 0;
}

/* What only the finished table decides: the filter's extent and the widths. */
static void xlsx_finish(xlsx_table *t)
{
	lxw_error e = worksheet_autofilter(t->ws, XLSX_HEADER_ROW, 0, t->next_row - 1,
					   (lxw_col_t)(t->ncols - 1));
	if (e != LXW_NO_ERROR)
		xlsx_fail(t, XLSX_HEADER_ROW, 0, e);
	for (int c = 0; c < t->ncols; c++) {
		int w = t->width[c] + XLSX_PAD;
		w = w < XLSX_MIN_WIDTH ? XLSX_MIN_WIDTH : w > XLSX_MAX_WIDTH ? XLSX_MAX_WIDTH : w;
		/* The text format on the whole column keeps codes typed in later as text too. */
		worksheet_set_column(t->ws, (lxw_col_t)c, (lxw_col_t)c, w,
				     t->cols[c].kind == XLSX_CODE ? t->code_fmt : NULL);
	}
}

int xlsx_sheet(xlsx_table *t, const char *name, const char *title, int ncols,
	       const xlsx_col *cols)
{
	if (t->failed)
		return -1;
	xlsx_finish(t);
	xfree(&t->cols);
	xfree(&t->width);
	char *clean = xlsx_clean(name);
	t->ws = workbook_add_worksheet(t->wb, clean);
	if (!t->ws) {
		t->failed = true;
		sb_addf(&t->failure, _("cannot add the sheet %s"), clean);
		free(clean);
		/* the next sheet's columns for xlsx_close to free */
		t->cols = xcalloc(1, sizeof *t->cols);
		t->width = xcalloc(1, sizeof *t->width);
		t->ncols = 0;
		return -1;
	}
	free(t->sheet);
	t->sheet = clean;
	xlsx_sheet_start(t, title, ncols, cols);
	return t->failed ? -1 : 0;
}

int xlsx_chart(xlsx_table *t, xlsx_chart_kind kind, const char *title, const char *y_title,
	       int first, int nrows, int c0, int c1)
{
	if (t->failed)
		return -1;
	if (nrows < 1 || c0 < 0 || c1 < c0 || c1 >= t->ncols)
		return 0;
	lxw_chart *ch = workbook_add_chart(t->wb, kind == XLSX_CHART_LINE ? LXW_CHART_LINE
					   : LXW_CHART_COLUMN);
	const char *sheet = t->sheet ? t->sheet : "Sheet1";
	for (int r = 0; ch && r < nrows; r++) {
		lxw_row_t row = (lxw_row_t)(XLSX_FIRST_DATA_ROW + first + r);
		lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
		if (!s) {
			ch = NULL;
			break;
		}
		chart_series_set_categories(s, sheet, XLSX_HEADER_ROW, (lxw_col_t)c0,
					    XLSX_HEADER_ROW, (lxw_col_t)c1);
		chart_series_set_values(s, sheet, row, (lxw_col_t)c0, row, (lxw_col_t)c1);
		chart_series_set_name_range(s, sheet, row, 0);
		if (kind == XLSX_CHART_LINE)
			chart_series_set_marker_type(s, LXW_CHART_MARKER_AUTOMATIC);
	}
	if (!ch) {
		t->failed = true;
		sb_addf(&t->failure, _("cannot add the chart %s"), title);
		return -1;
	}
	char *clean = xlsx_clean(title), *yclean = xlsx_clean(y_title);
	chart_title_set_name(ch, clean);
	chart_axis_set_name(ch->y_axis, yclean);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
	if (kind == XLSX_CHART_LINE)
		chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);
	/* under the rows, a blank row between, each chart under the one before; twice
	 * the default size so a dozen series stay legible */
	lxw_chart_options opt = { .x_scale = 2, .y_scale = 1.5 };
	lxw_row_t at = t->next_row + 1 + (lxw_row_t)t->charts * 24;
	lxw_error e = worksheet_insert_chart_opt(t->ws, at, 0, ch, &opt);
	free(clean);
	free(yclean);
	if (e != LXW_NO_ERROR)
		xlsx_fail(t, at, 0, e);
	t->charts++;
	return t->failed ? -1 : 0;
}

int xlsx_close(xlsx_table **tp, bool commit, strbuf *err)
{
	xlsx_table *t = *tp;
	if (!t)
		return 0;
	int rc = 0;
	bool keep = commit && !t->failed;
	if (keep)
		xlsx_finish(t);
	/* Closing is the only way to release libxlsxwriter's temporary files, so an
	 * aborted workbook is written too and then removed. */
	lxw_error e = workbook_close(t->wb);
	if (keep && !t->failed && e != LXW_NO_ERROR) {
		t->failed = true;
		sb_addf(&t->failure, "%s", lxw_strerror(e));
	}
	if (keep && !t->failed && rename(t->tmp, t->path) != 0) {
		t->failed = true;
		sb_addf(&t->failure, "%s", strerror(errno));
	}
	if (!keep || t->failed)
		unlink(t->tmp);
	if (t->failed) {
		sb_addf(err, _("%s: cannot write: %s"), t->path, sb_str(&t->failure));
		rc = -1;
	}
	free(t->path);
	free(t->tmp);
	free(t->sheet);
	free(t->width);
	free(t->cols);
	sb_free(&t->failure);
	xfree(tp);
	return rc;
}

#else

bool xlsx_available(void)
{
	return false;
}

xlsx_table *xlsx_open(const char *path, const char *title, int ncols, const xlsx_col *cols,
		      strbuf *err)
{
	sb_addf(err, _("%s: this qifu was built without xlsx support; export to .csv instead"),
		path);
	return NULL;
}

int xlsx_row(xlsx_table *t, const char *const *cells)
{
	return -1;
}

int xlsx_sheet(xlsx_table *t, const char *name, const char *title, int ncols,
	       const xlsx_col *cols)
{
	return -1;
}

int xlsx_chart(xlsx_table *t, xlsx_chart_kind kind, const char *title, const char *y_title,
	       int first, int nrows, int c0, int c1)
{
	return -1;
}

int xlsx_close(xlsx_table **t, bool commit, strbuf *err)
{
	return 0;
}

#endif
