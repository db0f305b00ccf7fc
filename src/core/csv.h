/* CSV as Excel and WPS users produce and consume it: a reader that detects the
 * encoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK), converts to
 * UTF-8 and parses RFC 4180 with line numbers for every error; a writer that
 * produces UTF-8 with BOM and CRLF, guards against formula injection and only
 * ever shows a complete file at the final path. */
#ifndef QIFU_CSV_H
#define QIFU_CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/strbuf.h"

/* Larger inputs are refused before anything is read into memory. */
#define CSV_MAX_FILE_BYTES ((size_t)200 * 1024 * 1024)
/* Default longest field, in bytes of UTF-8: exactly this many is accepted. */
#define CSV_DEFAULT_FIELD_LIMIT ((size_t)1024 * 1024)

typedef struct csv_reader csv_reader;

/* One record. The strings belong to the reader and stay valid until the next
 * csv_next or csv_close; each is NUL-terminated UTF-8 without the quoting. */
typedef struct csv_row {
	long line;			/* file line (1-based) where the record starts */
	int nfields;			/* at least 1: a line "x" is one field, "x," two */
	const char *const *fields;
} csv_row;

/* Open path, detect its encoding and check the whole of it converts to UTF-8,
 * holding one chunk at a time; NULL with a message (empty file, too large,
 * undecodable with the offending line and byte offset) on failure. */
csv_reader *csv_open(const char *path, strbuf *err);
/* The same from a buffer in memory (copied; the caller keeps ownership). */
csv_reader *csv_open_mem(const void *data, size_t len, strbuf *err);
/* The same converting chunk bytes of a file not in UTF-8 at a time (the tests put
 * every split of a character at a chunk's end this way). */
csv_reader *csv_open_mem_chunk(const void *data, size_t len, size_t chunk, strbuf *err);
/* "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE" or "GB18030": what was detected */
const char *csv_encoding(const csv_reader *r);
/* Refuse fields longer than limit bytes (after unquoting) from now on. */
void csv_set_field_limit(csv_reader *r, size_t limit);
/* Next record: 1 and *row filled, 0 at the end, -1 with "line L, field F: …" in err.
 * Empty lines between records are skipped; after an error every call fails again. */
int csv_next(csv_reader *r, csv_row *row, strbuf *err);
/* How far reading has got, in bytes of the file (of the text for UTF-8), for a
 * progress bar. */
void csv_progress(const csv_reader *r, size_t *done, size_t *total);
/* Free the reader and set *r to NULL. */
void csv_close(csv_reader **r);

typedef struct csv_writer csv_writer;

/* Start writing path through "path.tmp"; the final name appears only when
 * csvw_close commits. Writes the UTF-8 BOM Excel needs to read Chinese. */
csv_writer *csvw_open(const char *path, strbuf *err);
/* Write to an open stream (stdout for --format csv) that the caller still owns;
 * bom chooses whether the stream starts with a UTF-8 BOM. */
csv_writer *csvw_open_fp(FILE *fp, bool bom);
/* Write one record of n fields (NULL is an empty field), CRLF-terminated. A cell
 * starting with = + - @ TAB or CR gets a leading ' so that Excel never runs it
 * as a formula; that includes negative numbers, on purpose. 0, or -1 once any
 * write has failed (the reason comes from csvw_close). */
int csvw_row(csv_writer *w, const char *const *fields, int n);
/* Finish: commit renames the temporary file over path (after fsync); !commit, or
 * any write error, removes it and leaves path as it was. -1 with the reason if any
 * write failed (also when aborting after csvw_row failed), else 0; *w becomes NULL. */
int csvw_close(csv_writer **w, bool commit, strbuf *err);

#endif
