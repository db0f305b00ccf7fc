/* The rows of a spreadsheet being imported, for every import that reads one (the
 * enterprise register, work orders): CSV in any encoding offices write, or a sheet of
 * an xlsx workbook whose rows are given as CSV rows (the sheet's row numbers as
 * lines, cells padded or cut to the header's width), the header found below a title,
 * and a set of keys already seen in the file with the line of each. */
#ifndef QIFU_SHEET_ROWS_H
#define QIFU_SHEET_ROWS_H
#include <stdbool.h>
#include <stddef.h>

#include "app/ent_io.h"
#include "core/csv.h"
#include "core/strbuf.h"
#include "core/xlsx_read.h"
#include "core/xlsx_value.h"
#include "model/colmap.h"
#include "model/ent_import.h"
#include "store/db.h"

typedef struct sheet_rows {
	const char *path;
	csv_reader *csv;
	xlsx_reader *xlsx;
	char *encoding;          /* as csv_encoding names it, or "sheet 'NAME'" for xlsx */
	char *sheet;             /* the sheet read; NULL for CSV */
	int width;               /* the header's cells; 0 until the header is found */
	const char **fields;     /* the current xlsx row, padded */
	xlsx_cell *kinds;        /* and what its cells held; NULL for CSV */
	int cap;
} sheet_rows;

/* open path as what it is (sheet: of a workbook, NULL the first); -1 with the
 * reason in err */
int sheet_rows_open(sheet_rows *src, const char *path, const char *sheet, strbuf *err);
/* the next row: 1, 0 at the end, -1 with the reason (naming the file) in err */
int sheet_rows_next(sheet_rows *src, csv_row *row, strbuf *err);
/* the bytes read so far and the file's size */
void sheet_rows_progress(const sheet_rows *src, size_t *done, size_t *total);
void sheet_rows_close(sheet_rows *src);

/* whether row is the header: 0 yes, else -1 with why it is not in why and the
 * columns it has in *found */
typedef int sheet_header_fn(void *arg, const csv_row *row, strbuf *why, int *found);
/* a title above the header (our own xlsx export has one, offices' sheets often do)
 * is skipped: the header is the first of the first SHEET_HEADER_ROWS rows that is
 * one. 0 with the header in row, or -1 with the reason in err: that of the row that
 * came closest */
enum { SHEET_HEADER_ROWS = 5 };
int sheet_rows_header(sheet_rows *src, csv_row *row, sheet_header_fn *is_header, void *arg,
		strbuf *err);

/* one data row for an import: 0 go on, -1 the import stops (the reason in why) */
typedef int sheet_row_fn(void *arg, const csv_row *row, strbuf *why);
/* how often sheet_rows_each reports, in rows */
enum { SHEET_PROGRESS_EVERY = 1000 };
/* hand every row after the header to fn, counting them in *rows, and every
 * SHEET_PROGRESS_EVERY rows call progress (may be NULL) with phase, the bytes read
 * and the size; its true cancels. 0 at the end, 1 when the file had no data row, -1
 * with "…; nothing imported" in err: fn stopped, the file broke past a row (it cannot
 * be trusted after the break), or the run was cancelled */
int sheet_rows_each(sheet_rows *src, sheet_row_fn *fn, void *arg, ent_io_progress progress,
		void *parg, ent_io_phase phase, long *rows, strbuf *err);

/* sheet_rows_each inside one BEGIN IMMEDIATE transaction of d, as every import runs:
 * committed when mode and the bad rows fn counted in *nbad allow it (import_commits),
 * else rolled back (a dry run, or a bad row without --skip-bad). empty is the message
 * for a file with only a header row. 0 (*written true when committed), or -1 with err
 * and nothing written */
int sheet_import_txn(db *d, sheet_rows *src, sheet_row_fn *fn, void *arg,
		ent_io_progress progress, void *parg, ent_import_mode mode, const long *nbad,
		long *rows, const char *empty, bool *written, strbuf *err);

/* one import of a file read by a column map, as every such import runs */
typedef struct sheet_import {
	const char *path;
	const char *sheet;            /* of an xlsx workbook; NULL the first */
	sheet_header_fn *is_header;   /* finds the header */
	void *header_arg;
	const strbuf *ignored;        /* the header's cells no field names, as is_header
	                               * leaves them */
	/* the header found (may be NULL; ignored as above): -1 with err stops the import */
	int (*header)(void *arg, const csv_row *row, const char *ignored, strbuf *err);
	sheet_row_fn *row;            /* each data row */
	void *row_arg;
	ent_io_progress progress;     /* may be NULL */
	void *hook_arg;               /* header's and progress's */
	ent_import_mode mode;
	const long *nbad;             /* the bad rows row counts */
	const char *empty;            /* the message for a file with only a header row */
} sheet_import;

/* open im's file (*encoding gets its encoding, owned, once open), find its header,
 * tell im->header, then sheet_import_txn its rows into d: 0 (*written true when
 * committed), or -1 with err and nothing written */
int sheet_import_file(db *d, const sheet_import *im, char **encoding, long *rows,
		bool *written, strbuf *err);

/* An import read by a column map (work orders, financing results, relocation
 * signals), the part every such import shares: the header matched by the map (a row
 * that is not one counts the columns it has), each data row handed to row, a bad row
 * counted and told to the caller with the header of the column at fault, and the
 * file's rows in one transaction (sheet_import_file). The caller fills it and keeps
 * its own state in arg. */
typedef struct map_import {
	const colmap *map;
	int nfields;                     /* the fields of the map's field enum */
	const int *col;                  /* [nfields]: where match put each, -1 absent */
	const char *(*code)(int f);      /* field f's code, for a map with no header for it */
	/* match the header row fields[0..n) into col: 0, or -1 with why it is not the
	 * header in why; cells the map names not go to ignored */
	int (*match)(void *arg, const char *const *fields, int n, strbuf *why,
	             strbuf *ignored);
	/* one data row: 0 done (good, known or bad), -1 the import stops with the
	 * reason in fail */
	int (*row)(void *arg, const csv_row *row);
	void *arg;                       /* match's and row's */
	/* the caller's hooks, as ent_import_hooks; any may be NULL */
	int (*header)(void *arg, const csv_row *row, const char *ignored, strbuf *err);
	void (*bad)(void *arg, const csv_row *row, const char *column, const char *why);
	ent_io_progress progress;
	void *hook_arg;
	long *nbad;                      /* the bad rows */
	const char *path;                /* set by map_import_file */
	strbuf fail;                     /* why the import stops (the database, the rules) */
} map_import;

/* the header of field f in the map, for messages; NULL for the row as a whole (f
 * outside 0..nfields, as a field enum's NONE) */
const char *map_import_column(const map_import *mi, int f);
/* count a bad row and tell the bad hook, f the field at fault (as above) */
void map_import_bad(map_import *mi, const csv_row *row, int f, const char *why);
/* read path (sheet: of an xlsx workbook, NULL the first) into d as sheet_import_file,
 * empty the message for a file with only a header row; frees mi->fail. 0, or -1 with
 * err ("path:line: …" when row stopped it) and nothing written */
int map_import_file(db *d, map_import *mi, const char *path, const char *sheet,
		ent_import_mode mode, const char *empty, char **encoding, long *rows,
		bool *written, strbuf *err);

/* keys seen in a file, with the line of each */
typedef struct sheet_seen {
	char **keys;
	long *lines;
	size_t cap, n;
} sheet_seen;

/* 0 when added; else the line where key was first seen */
long sheet_seen_add(sheet_seen *t, const char *key, long line);
/* the line where key was seen; 0 not seen */
long sheet_seen_find(const sheet_seen *t, const char *key);
void sheet_seen_free(sheet_seen *t);

#endif
