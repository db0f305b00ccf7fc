/* Records printed by commands in the three formats scripts and people use:
 * an aligned table (display width, for Chinese), CSV (UTF-8 with BOM when it is a
 * file Excel will open; plain on stdout) and JSON. The columns are app_column
 * (app/column.h), the type the screen's lists read too: those without a key are the
 * screen's only and are not printed. */
#ifndef QIFU_OUTPUT_H
#define QIFU_OUTPUT_H
#include <stdbool.h>
#include <stdio.h>

#include "app/column.h"
#include "core/strbuf.h"

typedef enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON } out_format;

typedef struct out_table out_table;

/* parse --format's value; false for anything else */
bool out_parse_format(const char *s, out_format *f);
out_table *out_new(const app_column *cols, int ncols);
/* copy one row of ncols cells, one per column of the table (NULL = empty) */
void out_row(out_table *t, const char *const *cells);
/* one row whose cells cell() words, into out, for each column with a key */
void out_row_from(out_table *t, void (*cell)(const void *arg, int col, strbuf *out),
                  const void *arg);
/* value v of column col as people read it (lists joined with 、, booleans as 是/否);
 * owned */
char *out_cell_text(const app_column *col, const char *v);
/* From now on print each row as it is added, so that a long list is not kept whole;
 * out_print then ends it. A table needs its widths first: its rows are measured,
 * and when out_stream_again says so the caller adds them all again to print them.
 * Same output as without. */
void out_stream(out_table *t, out_format f, FILE *fp);
/* after the rows: whether a streamed table wants them again (its widths measured,
 * its header printed) */
bool out_stream_again(out_table *t);
/* print every row; as_object prints a single row as one JSON object, not an array */
void out_print(out_table *t, out_format f, bool as_object, FILE *fp);
void out_free(out_table **t);
/* JSON string literal of s appended to fp */
void out_json_string(FILE *fp, const char *s);

#endif
