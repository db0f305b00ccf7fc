/* Reader for qifu's policy data files under data/: UTF-8 text, one record a line,
 * fields separated by TAB, '#' comment lines and blank lines skipped. Every error
 * names file:line. */
#ifndef QIFU_TSV_H
#define QIFU_TSV_H
#include <stdio.h>

#include "core/strbuf.h"

typedef struct tsv_file tsv_file;

/* NULL with "PATH: reason" in err */
tsv_file *tsv_open(const char *path, strbuf *err);
/* 1 with the record's fields (valid until the next call), 0 at end, -1 on a read
 * or UTF-8 error (err names file:line). want > 0 requires exactly that many fields. */
int tsv_next(tsv_file *t, int want, char ***fields, int *n, strbuf *err);
/* line number of the last record read */
int tsv_line(const tsv_file *t);
const char *tsv_path(const tsv_file *t);
void tsv_close(tsv_file **t);

/* keep one record (its fields in v) in table: 0, or -1 with the reason, which names
 * tsv_path(f):tsv_line(f), in err */
typedef int tsv_add_fn(void *table, const tsv_file *f, char **v, strbuf *err);
/* hand every record of the file at path, each of exactly want fields, to add: the
 * number of records kept, or -1 with the reason in err (what add kept stays in table
 * for the caller to free) */
int tsv_load(const char *path, int want, tsv_add_fn *add, void *table, strbuf *err);

#endif
