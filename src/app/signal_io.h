/* Signals for relocation early warning (迁出预警) in, once for both faces: a list the
 * tax or market-supervision bureau sends (zero declarations, the abnormal-operation
 * list, addresses moved out of the zone, deregistrations) read by the kinds and
 * column map of data/import/signals.tsv; each signal matched to its enterprise by
 * USCC opens a warning of its kind, or raises the open one, and the enterprise's
 * operating status follows a move-out or deregistration. */
#ifndef QIFU_SIGNAL_IO_H
#define QIFU_SIGNAL_IO_H
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "app/ent_io.h"
#include "core/csv.h"
#include "model/signal.h"

/* the kinds and column map data/import/signals.tsv; -1 with file:line in err */
int app_signal_map_load(signal_map *m, strbuf *err);

/* what a run found in a file */
typedef struct signal_import_result {
	char *encoding;    /* as csv_encoding names it, or "sheet 'NAME'" for xlsx */
	long rows;         /* data rows read */
	long nopened;      /* warnings opened (would be, in a dry run) */
	long nraised;      /* open warnings raised a level */
	long nnoted;       /* signals noted on a warning already at the highest level */
	long nstatus;      /* operating statuses changed */
	long nknown;       /* signals imported before */
	long nbad;
	bool written;      /* the good rows were committed */
} signal_import_result;

/* what one good row did */
typedef struct signal_done {
	const signal_in *in;
	const char *enterprise;  /* its name in the register */
	signal_action action;
	warn_level level;        /* the warning's level after it */
	int64_t warning_id;      /* 0 in a dry run of an opening */
	bool status_changed;
	ent_status status;       /* the status it now has, when changed */
} signal_done;

typedef struct signal_import_hooks {
	/* as ent_import_hooks: the header matched (ignored: columns not in the map) */
	int (*header)(void *arg, const csv_row *row, const char *ignored, strbuf *err);
	/* a row failed: the column at fault (NULL for the row as a whole) */
	void (*bad)(void *arg, const csv_row *row, const char *column, const char *why);
	/* a row passed (SIG_KNOWN included) */
	void (*good)(void *arg, long line, const signal_done *done);
	ent_io_progress progress;
	void *arg;
} signal_import_hooks;

/* Read path (CSV in any encoding, or the sheet named sheet of an xlsx workbook; each
 * row of kind fixed when not NULL) for the acting staff member in one BEGIN
 * IMMEDIATE transaction: each signal is matched by USCC (an invalid or unknown code,
 * a kind or date that is none, the same signal twice in the file, an enterprise the
 * actor may not warn about: a bad row) and decided by signal_decide; each change
 * writes its event row. mode as for enterprises (ENT_IMPORT_CHECK rolls back).
 * -1 with the reason in err, nothing written, when the file as a whole cannot be
 * imported (unreadable, no header, only a header, the database failed). */
int app_signal_import(app_ctx *ctx, const signal_map *m, const signal_kind *fixed,
		const char *path, const char *sheet, ent_import_mode mode,
		const signal_import_hooks *hooks, signal_import_result *res, strbuf *err);
void signal_import_result_free(signal_import_result *res);

#endif
