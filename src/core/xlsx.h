/* One-sheet xlsx exports that print well (UX.md "Exports people print"): a title
 * row, a frozen and filterable header, widths from the display width, codes kept
 * as text, A4 landscape fitted to the page width, page numbers in the footer.
 * Built on libxlsxwriter when available; without it every open fails politely. */
#ifndef QIFU_XLSX_H
#define QIFU_XLSX_H
#include <stdbool.h>

#include "core/strbuf.h"

typedef enum xlsx_kind {
	XLSX_TEXT,			/* a string */
	XLSX_NUMBER,			/* a plain decimal becomes a number, anything else a string */
	XLSX_CODE,			/* text that must never turn into a number: USCC, phone */
} xlsx_kind;

typedef struct xlsx_col {
	const char *header;
	xlsx_kind kind;
} xlsx_col;

typedef struct xlsx_table xlsx_table;

/* Whether this build can write xlsx at all (libxlsxwriter was found). */
bool xlsx_available(void);
/* Start a workbook at path (written as "path.tmp" until committed); title is the
 * whole first row, view name and time as the caller words them. cols must stay
 * valid until xlsx_close. NULL with a message if the file cannot be created. */
xlsx_table *xlsx_open(const char *path, const char *title, int ncols, const xlsx_col *cols,
		      strbuf *err);
/* Append one data row of ncols cells (NULL or "" is an empty cell). 0, or -1 once
 * a row has failed (too many rows, a cell too long); xlsx_close gives the reason. */
int xlsx_row(xlsx_table *t, const char *const *cells);
/* Another sheet of the workbook: its tab named name (at most 31 characters, none of
 * []:*?/\), its own title row and header; the rows that follow go to it. The sheet
 * before it is finished (filter, widths). 0, or -1 once the workbook has failed. */
int xlsx_sheet(xlsx_table *t, const char *name, const char *title, int ncols,
	       const xlsx_col *cols);

typedef enum xlsx_chart_kind {
	XLSX_CHART_COLUMN,		/* clustered columns */
	XLSX_CHART_LINE,		/* lines with markers, a gap for an empty cell */
} xlsx_chart_kind;

/* A native Excel chart under the current sheet's rows: one series per data row
 * first..first+nrows-1 (0 is the first data row), named by the row's first cell,
 * its values the row's columns c0..c1 and its categories the header's cells of
 * those columns. Call it after the rows. No rows, or columns outside the sheet: no
 * chart, 0. Else 0, or -1 (xlsx_close gives the reason). */
int xlsx_chart(xlsx_table *t, xlsx_chart_kind kind, const char *title, const char *y_title,
	       int first, int nrows, int c0, int c1);

/* Write the file and rename it over path if commit; otherwise, or on any error,
 * leave path untouched. -1 with the reason of any failure, else 0; *t becomes NULL. */
int xlsx_close(xlsx_table **t, bool commit, strbuf *err);

#endif
