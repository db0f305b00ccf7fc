/* What one cell of an xlsx sheet says, as Excel and WPS show it: the number text a
 * workbook stores turned into digits (an integer digit for digit, or marked lost
 * past 2^53, where a double no longer holds every integer), a date serial into
 * YYYY-MM-DD by the cell's number format, and cell references. Pure; the reader
 * (core/xlsx_read.c) calls these for every cell. */
#ifndef QIFU_XLSX_VALUE_H
#define QIFU_XLSX_VALUE_H
#include <stdbool.h>

#include "core/strbuf.h"

/* what a cell holds, beside its text */
typedef enum xlsx_cell {
	XLSX_CELL_EMPTY,
	XLSX_CELL_TEXT,   /* a shared, inline or formula string */
	XLSX_CELL_NUMBER, /* a number as Excel shows it in General: integers in full */
	XLSX_CELL_DATE,   /* YYYY-MM-DD, HH:MM[:SS] or both, as its format shows */
	XLSX_CELL_BOOL,   /* TRUE or FALSE */
	XLSX_CELL_ERROR,  /* #N/A, #DIV/0! … */
	XLSX_CELL_LOST,   /* an integer past 2^53: its last digits are not the ones typed */
} xlsx_cell;

/* how a number format shows numbers */
typedef enum xlsx_fmt_kind {
	XLSX_FMT_GENERAL, /* any number format that is not a date or a time */
	XLSX_FMT_DATE,
	XLSX_FMT_TIME,
	XLSX_FMT_DATETIME,
} xlsx_fmt_kind;

typedef struct xlsx_numfmt {
	xlsx_fmt_kind kind;
	bool seconds; /* the time shows seconds */
	int zero_pad; /* "000000": integers shown with at least this many digits */
} xlsx_numfmt;

/* classify number format id with its format code (NULL: the built-in format of
 * that id, including the Chinese date and time formats 27-36 and 50-58) */
xlsx_numfmt xlsx_numfmt_of(int id, const char *code);
/* the number v as stored in a cell's <v>, shown by fmt, into out (reset first):
 * XLSX_CELL_NUMBER, _DATE or _LOST, or -1 when v is not a number */
int xlsx_value_number(const char *v, const xlsx_numfmt *fmt, bool date1904, strbuf *out);
/* an ISO 8601 date cell (t="d", 2026-01-05T08:30:00) as YYYY-MM-DD[ HH:MM:SS]
 * into out (reset first); false when v is not one */
bool xlsx_value_iso_date(const char *v, strbuf *out);
/* decode the _xHHHH_ escapes of OOXML strings (_x000D_ a carriage return) in place */
void xlsx_unescape(char *s);
/* the column letters of 0-based column col (0..16383: A..XFD) into out */
void xlsx_col_name(int col, char out[4]);
/* a cell reference such as "C5": *col 0-based, *row 1-based (0 when the reference
 * has no row); false when malformed or past XFD1048576 */
bool xlsx_parse_ref(const char *ref, int *col, long *row);

/* Excel's limits: a sheet's rows and columns */
#define XLSX_MAX_ROWS 1048576L
#define XLSX_MAX_COLS 16384

#endif
