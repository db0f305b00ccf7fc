/* Records printed by commands in the three formats scripts and people use:
 * an aligned table (display width, for Chinese), CSV (UTF-8 with BOM when it is a
 * file Excel will open; plain on stdout) and JSON. */
#ifndef QIFU_OUTPUT_H
#define QIFU_OUTPUT_H
#include <stdbool.h>
#include <stdio.h>

typedef enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON } out_format;

typedef enum out_kind {
	OUT_STR,
	OUT_INT,  /* printed bare in JSON */
	OUT_BOOL, /* "1"/"0" in; true/false in JSON, 是/否 in the table */
	OUT_LIST, /* '|'-separated in; a JSON array, "a、b" in the table and CSV */
} out_kind;

typedef struct out_col {
	const char *key;    /* JSON key and CSV header: stable, English */
	const char *header; /* msgid of the table header */
	out_kind kind;
} out_col;

typedef struct out_table out_table;

/* parse --format's value; false for anything else */
bool out_parse_format(const char *s, out_format *f);
out_table *out_new(const out_col *cols, int ncols);
/* copy one row of ncols cells (NULL = empty) */
void out_row(out_table *t, const char *const *cells);
/* print every row; as_object prints a single row as one JSON object, not an array */
void out_print(out_table *t, out_format f, bool as_object, FILE *fp);
void out_free(out_table **t);
/* JSON string literal of s appended to fp */
void out_json_string(FILE *fp, const char *s);

#endif
