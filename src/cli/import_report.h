/* What an import command adds to an import's run (enterprises, work orders): the
 * bad rows and warnings on stderr (the first 200), a rejects file with the reason of
 * each, and a progress line redrawn in place on a terminal. Its functions are the
 * hooks the app's imports call, with a import_cli as their argument. */
#ifndef QIFU_IMPORT_REPORT_H
#define QIFU_IMPORT_REPORT_H
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "app/ent_io.h"
#include "core/csv.h"

typedef struct import_cli {
	const char *path;
	const char *rejects_path; /* NULL: no rejects file */
	bool by_map;              /* the columns are a column map's, not the template's */
	csv_writer *rejects;
	int ncols;
	long nshown;  /* errors and warnings on stderr so far */
	bool tty;
	bool drawn;   /* a progress line is on the terminal */
	double started;
	const long *rows; /* the rows the run has read */
} import_cli;

/* ready c for an import of path (rejects_path may be NULL), the run counting rows */
void import_cli_init(import_cli *c, const char *path, const char *rejects_path,
		const long *rows);
/* the header hook: warns of ignored columns, opens the rejects file (-1 with err) */
int import_cli_header(void *arg, const csv_row *row, const char *ignored, strbuf *err);
/* a refused row, and a row kept with a column left empty */
void import_cli_bad(void *arg, const csv_row *row, const char *column, const char *why);
void import_cli_warn(void *arg, const csv_row *row, const char *column, const char *why);
/* the progress hook: never cancels */
bool import_cli_progress(void *arg, ent_io_phase phase, long done, long total);
/* the run ended: the progress line gives way */
void import_cli_done(import_cli *c);
/* close the rejects file, kept or removed; 0 or -1 with err */
int import_cli_close(import_cli *c, bool keep, strbuf *err);
/* an import by a column map ended (ran: what it returned, err its reason): 0 when its
 * rows are to be printed (a dry run, or written, the rejects file then kept), -1 after
 * saying why not (the file as a whole failed, or a bad row stopped it) */
int import_cli_after(import_cli *c, int ran, bool dry, bool written, long nbad,
		strbuf *err);

/* what the options every import by a column map takes asked for */
typedef struct import_opts {
	const char *sheet;     /* --sheet: of an xlsx workbook; NULL the first */
	const char *rejects;   /* --skip-bad's file; NULL none */
	bool dry;              /* --dry-run */
} import_opts;

/* the options of an import by a column map (appeal import, financing import-results,
 * warning import) parsed with cli_getopt: the command's own (own, ended by a zeroed
 * entry; NULL none), each handed to other(arg, c) with optarg, which returns -1 to go
 * on or an exit code after saying why; then --sheet NAME, --dry-run, --skip-bad FILE
 * and --help (usage(stdout)). -1 when the command goes on with optind at its
 * operands, else the exit code */
int import_cli_options(int argc, char **argv, const struct option *own,
		int (*other)(void *arg, int c), void *arg, void (*usage)(FILE *fp),
		import_opts *o);
/* the import mode the options ask for: a dry run checks, --skip-bad keeps the good
 * rows, else all or nothing */
ent_import_mode import_cli_mode(const import_opts *o);
/* the end of an import's summary line when the options say it: "; dry run, nothing
 * written", or "; the bad rows are in FILE" when bad rows went there; false when
 * neither (the command then says its own) */
bool import_cli_summary_end(const import_opts *o, long nbad);

#endif
