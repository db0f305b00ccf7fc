/* Reading one sheet of an xlsx workbook as Excel and WPS write it, through libzip
 * and expat: the first sheet or a named one, a row at a time with the sheet's own
 * row numbers, every cell as UTF-8 text (shared and inline strings, numbers and
 * dates as core/xlsx_value.h shows them) with what it held. Every failure names
 * the file and the part: not a zip, no such sheet, malformed XML, too big. */
#ifndef QIFU_XLSX_READ_H
#define QIFU_XLSX_READ_H
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"
#include "core/xlsx_value.h"

/* A part bigger than this unpacked (the sheet, its shared strings) is refused. */
#define XLSX_READ_MAX_PART ((size_t)200 * 1024 * 1024)
/* The longest cell, in bytes of UTF-8 (Excel's 32767 characters fit). */
#define XLSX_READ_MAX_CELL ((size_t)1024 * 1024)

typedef struct xlsx_reader xlsx_reader;

/* One row that has at least one non-empty cell. The strings belong to the reader
 * and stay valid until the next xlsx_read_next or xlsx_read_close. */
typedef struct xlsx_read_row {
	long row;                 /* the sheet's row number (1-based), as Excel shows it */
	int ncells;               /* up to the last non-empty cell */
	const char *const *cells; /* "" for an empty cell */
	const xlsx_cell *kinds;
} xlsx_read_row;

/* Open path and find the sheet named sheet (NULL: the first); NULL with a message
 * naming the file (and the part) when it cannot be read. */
xlsx_reader *xlsx_read_open(const char *path, const char *sheet, strbuf *err);
/* The same from bytes in memory (copied); label names them in messages. */
xlsx_reader *xlsx_read_open_mem(
	const void *data, size_t len, const char *label, const char *sheet, strbuf *err);
/* the name of the sheet being read */
const char *xlsx_read_sheet(const xlsx_reader *r);
/* Next row: 1 and *row filled, 0 at the end, -1 with the reason in err (file, part,
 * cell); after an error every call fails again. */
int xlsx_read_next(xlsx_reader *r, xlsx_read_row *row, strbuf *err);
/* How far reading has got, in bytes of the unpacked sheet, for a progress bar. */
void xlsx_read_progress(const xlsx_reader *r, size_t *done, size_t *total);
/* Free the reader and set *r to NULL. */
void xlsx_read_close(xlsx_reader **r);
/* Whether the first bytes of a file are a workbook's: a zip archive (xlsx), or the
 * OLE file of an .xls or a password-protected workbook, which opening refuses with
 * a message saying what to do. */
bool xlsx_read_sniff(const void *head, size_t len);
/* Whether path is for this reader rather than the CSV one: its name ends in .xlsx,
 * .xlsm or .xls, or its first bytes are a workbook's (a renamed file). */
bool xlsx_read_is_workbook(const char *path);

#endif
