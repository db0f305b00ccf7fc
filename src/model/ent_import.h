/* Enterprise rows from a spreadsheet: the template's Chinese column headers, matched
 * in any order, one row turned into a record, and what a fault found in a row does
 * to it. Pure; reading the file and writing the database are the caller's. */
#ifndef QIFU_ENT_IMPORT_H
#define QIFU_ENT_IMPORT_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "model/enterprise.h"

typedef struct import_map {
	int col[ENT_F__COUNT]; /* column index of each field, -1 when absent */
	int ncols;             /* columns in the header row */
} import_map;

/* the template's header for a field (企业名称 …), or NULL for ENT_F_NONE */
const char *ent_field_header(ent_field f);
/* whether the import template requires the field */
bool ent_field_required(ent_field f);
/* match the header row; -1 with the missing required columns in err. Columns that
 * are not in the template are named in ignored (may be NULL) and skipped. */
int import_map_header(import_map *m, const char *const *fields, int n, strbuf *err,
                      strbuf *ignored);
/* fill e (cleared first) and *commissioner (login or "", caller frees) from one row;
 * -1 with the reason in err and the column in *bad (ragged rows: ENT_F_NONE) */
int import_row(const import_map *m, const char *const *fields, int n, ent_record *e,
               char **commissioner, ent_field *bad, strbuf *err);

/* what is wrong with one cell of an imported row */
typedef enum import_fault {
	IMPORT_FAULT_INVALID,   /* the value breaks a rule of the register (or the row its shape) */
	IMPORT_FAULT_DAMAGED,   /* the spreadsheet lost the value: a number past 2^53 */
	IMPORT_FAULT_DUPLICATE, /* the code is already in the file or in the database */
	IMPORT_FAULT_UNKNOWN,   /* a sound value naming what this database lacks (a login of
	                         * the database the file was exported from) */
	IMPORT_FAULT__COUNT
} import_fault;

/* what a fault does to its row */
typedef enum import_outcome {
	IMPORT_REFUSE,     /* the row is bad: nothing of it is imported */
	IMPORT_WARN_EMPTY, /* the row is imported with the field left empty, and a warning */
} import_outcome;

/* the outcome of fault in field f (ENT_F_NONE: the row as a whole): only a sound
 * value that this database cannot resolve, in a field the register can do without,
 * is left empty with a warning; anything else refuses the row */
import_outcome import_fault_outcome(ent_field f, import_fault fault);

/* what an import run does with the rows it checks */
typedef enum ent_import_mode {
	ENT_IMPORT_CHECK,      /* nothing is written: a dry run, a preview */
	ENT_IMPORT_ALL,        /* every row is written, or none when a row is bad */
	ENT_IMPORT_GOOD,       /* the good rows are written, the bad ones only reported */
} ent_import_mode;

/* whether a run in mode that found nbad bad rows commits what it added (the
 * enterprise register's import and the work orders' alike) */
bool import_commits(ent_import_mode mode, long nbad);

/* the file lines of the rows an import kept, by their order among the kept rows:
 * held as runs in which the line grows with the order (a refused row or a cell over
 * several lines starts a new run), so that a clean file costs one entry whatever
 * its size */
typedef struct import_lines {
	long *start;    /* the order of each run's first row */
	long *line;     /* and its line */
	long n, cap;
	long count;     /* rows added */
} import_lines;

/* the next kept row came from line */
void import_lines_add(import_lines *m, long line);
/* the line of the kept row of order k (0 the first); 0 when there is none */
long import_lines_get(const import_lines *m, long k);
void import_lines_free(import_lines *m);

#endif
