/* Enterprise spreadsheets in and out, shared by the command line (qifu enterprise
 * import|export) and the Enterprises pane: one export writer, and one import that
 * reads a file a row at a time and checks and writes each row in one transaction,
 * which a dry run (and the pane's preview) rolls back. */
#ifndef QIFU_ENT_IO_H
#define QIFU_ENT_IO_H
#include <stdbool.h>

#include "app/app.h"
#include "app/personal.h"
#include "core/csv.h"
#include "model/ent_import.h"
#include "model/enterprise.h"
#include "store/enterprise_store.h"

/* the phases of long work that report progress */
typedef enum ent_io_phase {
	ENT_IO_EXPORT,   /* done, total: rows */
	ENT_IO_CHECK,    /* done, total: bytes of the file read (nothing is written) */
	ENT_IO_IMPORT,   /* done, total: bytes of the file read and written */
	ENT_IO_INDEX,    /* done = total: the rows being added to the search index */
} ent_io_phase;

/* progress of long work; returning true cancels it (nothing is kept) */
typedef bool (*ent_io_progress)(void *arg, ent_io_phase phase, long done, long total);

/* call fn on every record the filter matches, a page at a time so that the database
 * is never held while rows are printed or written; fn returns -1 to stop (its reason
 * in err). Every record reaches fn with its personal fields as the acting member may
 * see them (app_ent_row_out), counted in tally (may be NULL). 0 or -1 */
int app_ent_each(app_ctx *ctx, const ent_filter *f, ent_sort sort, bool desc,
                 int (*fn)(const ent_record *e, void *arg, strbuf *err), void *arg,
                 app_access_tally *tally, strbuf *err);
/* app_ent_each with the records as stored (not through app_ent_row_out, not counted):
 * for work inside the centre that prints no personal field (the service cards) */
int app_ent_each_stored(app_ctx *ctx, const ent_filter *f, ent_sort sort, bool desc,
                        int (*fn)(const ent_record *e, void *arg, strbuf *err), void *arg,
                        strbuf *err);
/* refuse a path that does not end in .csv or .xlsx; *xlsx tells which */
int ent_export_check_path(const char *path, bool *xlsx, strbuf *err);
/* write the enterprises f matches, in the order sort/desc, to path (.csv or .xlsx):
 * the import template's columns, then lead and cooperating units, so that an export
 * imports again. *rows gets the count. -1 with the reason in err (also when
 * progress cancelled), and path is left as it was. */
int ent_export_write(app_ctx *ctx, const ent_filter *f, ent_sort sort, bool desc,
                     const char *path, ent_io_progress progress, void *arg, long *rows,
                     strbuf *err);

/* what a run found in a file */
typedef struct ent_import {
	char *path;
	char *encoding;        /* as csv_encoding names it, or "sheet 'NAME'" for xlsx */
	char *sheet;           /* the sheet of an xlsx workbook read; NULL for CSV */
	long rows;             /* data rows read (so far, while the run reports progress) */
	long ngood;
	long nbad;
	long nwarn;            /* good rows with a field left empty */
	bool written;          /* the good rows were committed */
} ent_import_result;


/* hooks for the caller while the file is read; any may be NULL */
typedef struct ent_import_hooks {
	/* the header row matched; ignored names columns not in the template ("" none).
	 * -1 (with err set) stops the import: the command's rejects file cannot open */
	int (*header)(void *arg, const csv_row *row, const char *ignored, strbuf *err);
	/* a row failed: the template column at fault (NULL for the row as a whole) */
	void (*bad)(void *arg, const csv_row *row, const char *column, const char *why);
	/* a good row keeps a column empty: why says what it held (import_fault_outcome) */
	void (*warn)(void *arg, const csv_row *row, const char *column, const char *why);
	/* a row passed every check (a preview keeps the first few) */
	void (*good)(void *arg, long line, const ent_record *e);
	/* every 1000 rows ENT_IO_CHECK (a CHECK run) or ENT_IO_IMPORT with the bytes of
	 * the file read and its size; ENT_IO_INDEX once before the search index is built */
	ent_io_progress progress;
	void *arg;
} ent_import_hooks;

/* read path (CSV, or the sheet named sheet of an xlsx workbook, NULL the first) a
 * row at a time, in constant memory, and check every row as every other way in
 * checks an enterprise (the same validation, duplicates in the file and against the
 * database, commissioner logins); bad rows go to hooks->bad, and a login this
 * database lacks leaves the commissioner empty with hooks->warn. Rows above the
 * header (a title) are skipped; in a workbook a code or phone stored as a number is
 * read digit for digit, or refused when its digits were lost. The good rows are
 * written as they are checked, each with its event row, in one transaction that is
 * committed at the end as mode says (imp->written) and otherwise rolled back.
 * -1 with the reason in err, and nothing written, when the file as a whole cannot
 * be imported: unreadable, no or a wrong header, broken past a row, only a header,
 * cancelled, or the database failed (the reason names the line). */
int ent_import_run(app_ctx *ctx, const char *path, const char *sheet, ent_import_mode mode,
                   const ent_import_hooks *hooks, ent_import_result *imp, strbuf *err);
void ent_import_free(ent_import_result *imp);

#endif
