/* Matching results from the provincial financing credit platform in (江西省融资信用服务平台,
 * issue 19), once for both faces: the platform's file read by the column map and
 * state words of data/import/financing_results.tsv; each result matched to an open
 * financing need (by the need's number, else by the enterprise's USCC) moves the need
 * to the state's status with the institution and the amount, a step in its history
 * and an event row each. */
#ifndef QIFU_FIN_RESULT_IO_H
#define QIFU_FIN_RESULT_IO_H
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "app/ent_io.h"
#include "core/csv.h"
#include "model/fin_result.h"

/* the map a site keeps of the platform's results file, under data/ */
#define FIN_RES_MAP_FILE "import/financing_results.tsv"

/* the site's map FIN_RES_MAP_FILE; -1 with file:line in err */
int app_fin_res_map_load(fin_res_map *m, strbuf *err);

/* what a run found in a file */
typedef struct fin_res_result {
	char *encoding;    /* as csv_encoding names it, or "sheet 'NAME'" for xlsx */
	long rows;         /* data rows read */
	long nchanged;     /* needs changed (would be, in a dry run) */
	long nknown;       /* needs that already read as their result says */
	long nbad;
	bool written;      /* the good rows were committed */
} fin_res_result;

/* what one good row did */
typedef struct fin_res_done {
	const fin_res_in *in;
	const fin_rec *need;     /* the need as it was before */
	bool known;              /* it already read so: nothing changed */
} fin_res_done;

typedef struct fin_res_hooks {
	/* as ent_import_hooks: the header matched (ignored: columns not in the map) */
	int (*header)(void *arg, const csv_row *row, const char *ignored, strbuf *err);
	/* a row failed: the column at fault (NULL for the row as a whole) */
	void (*bad)(void *arg, const csv_row *row, const char *column, const char *why);
	/* a row passed (known ones included) */
	void (*good)(void *arg, long line, const fin_res_done *done);
	ent_io_progress progress;
	void *arg;
} fin_res_hooks;

/* Read path (CSV in any encoding, or the sheet named sheet of an xlsx workbook) for
 * the acting staff member in one BEGIN IMMEDIATE transaction: each result finds its
 * need (fin_res_pick: the need's number, else the enterprise's one open need, or the
 * one of the result's amount); a result whose need cannot be found, an enterprise
 * the actor may not edit, a move the need's status does not allow, or a second
 * result for the same need in the file is a bad row. mode as for enterprises
 * (ENT_IMPORT_CHECK rolls back). -1 with the reason in err, nothing written, when
 * the file as a whole cannot be imported. */
int app_fin_res_import(app_ctx *ctx, const fin_res_map *m, const char *path, const char *sheet,
		ent_import_mode mode, const fin_res_hooks *hooks, fin_res_result *res, strbuf *err);
void fin_res_result_free(fin_res_result *res);

#endif
