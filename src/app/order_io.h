/* Work orders from other channels (12345 hotline, online platforms), once for both
 * faces: a channel's export read by its column map (data/import/NAME.tsv), each order
 * matched to its enterprise (by USCC, else by exact name) and registered as an
 * appeal through the normal intake, or held for a person to match; the matching
 * queue, and an assignment that registers a held order. */
#ifndef QIFU_ORDER_IO_H
#define QIFU_ORDER_IO_H
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "app/column.h"
#include "app/ent_io.h"
#include "core/csv.h"
#include "model/order_import.h"
#include "store/order_store.h"

/* the map a site keeps for the 12345 hotline's export */
#define ORDER_MAP_DEFAULT "12345"

/* the column map data/import/NAME.tsv; -1 with file:line in err */
int app_order_map_load(const char *name, order_colmap *m, strbuf *err);

/* what a run found in a file */
typedef struct order_import_result {
	char *path;
	char *encoding;       /* as csv_encoding names it, or "sheet 'NAME'" for xlsx */
	appeal_channel channel;
	long rows;            /* data rows read */
	long nnew;            /* registered as appeals (would be, in a dry run) */
	long nheld;           /* held for a person to match */
	long nknown;          /* already imported before (registered or held) */
	long nbad;
	bool written;         /* the good rows were committed */
} order_import_result;

/* hooks for the caller while the file is read; any may be NULL */
typedef struct order_import_hooks {
	/* as ent_import_hooks: the header matched (ignored: columns not in the map) */
	int (*header)(void *arg, const csv_row *row, const char *ignored, strbuf *err);
	/* a row failed: the column at fault (NULL for the row as a whole) */
	void (*bad)(void *arg, const csv_row *row, const char *column, const char *why);
	/* a row passed: registered as number ("" in a dry run) for the enterprise uscc,
	 * or held (how says why) */
	void (*good)(void *arg, long line, const order_in *o, order_match how,
	             const char *uscc, const char *number);
	/* a row's order was imported before */
	void (*known)(void *arg, long line, const order_in *o);
	/* every 1000 rows, ENT_IO_CHECK or ENT_IO_IMPORT with the bytes read and the size */
	ent_io_progress progress;
	void *arg;
} order_import_hooks;

/* Read path (CSV in any encoding, or the sheet named sheet of an xlsx workbook) by
 * the map m and, for the acting staff member, in one transaction: each order whose
 * number the channel sent before is counted known and left alone; each other is
 * matched (order_match_decide) and registered as an appeal of the map's channel with
 * the order's number (appeal_move_register_held: routing, timers, events) or held
 * in the matching queue, never lost. A bad row (no number, no content, a date that
 * is none, an unknown type, a number twice in the file) goes to hooks->bad; mode
 * says what happens then, as for enterprises (ENT_IMPORT_CHECK rolls back).
 * -1 with the reason in err, and nothing written, when the file as a whole cannot be
 * imported (unreadable, no header, broken past a row, only a header, cancelled,
 * the rules refuse the actor registering, the database failed). */
int app_order_import(app_ctx *ctx, const order_colmap *m, const char *path, const char *sheet,
		ent_import_mode mode, const order_import_hooks *hooks, order_import_result *res,
		strbuf *err);
void order_import_result_free(order_import_result *res);

/* Write the orders of the map's channel received (or imported, without a time) from
 * from to to (YYYY-MM-DD, NULL open) back in the map's columns, with each appeal's
 * result, answer time and callback (办理结果, 办结时间, 回访结果), to path (.csv or
 * .xlsx; NULL: CSV on stdout), so that the channel can close its orders; a held
 * order has its columns and no result. *rows gets the count. -1 with the reason in
 * err, path left as it was. */
int app_order_export(app_ctx *ctx, const order_colmap *m, const char *path, const char *from,
		const char *to, long *rows, strbuf *err);

/* the columns of the matching queue (qifu appeal import --held prints those with a
 * key), and the text of each cell */
enum app_order_col {
	ORDER_COL_ID,
	ORDER_COL_NUMBER,
	ORDER_COL_RECEIVED,
	ORDER_COL_ENTERPRISE,
	ORDER_COL_USCC,
	ORDER_COL_REASON,
	ORDER_COL_CONTENT,
	ORDER_COL_CALLER,
	ORDER_COL_PHONE,
	ORDER_COL_CHANNEL,
	ORDER_COL_SOURCE,
	ORDER_COL__COUNT
};
extern const app_column app_order_columns[ORDER_COL__COUNT];
void app_order_cell(const order_rec *r, int col, app_cell_form form, strbuf *out);

/* the held orders, oldest first (order_rec_clear each, then free), the caller's
 * name and phone masked for those who need not see them; APP_OK or APP_BAD */
app_status app_order_held(app_ctx *ctx, order_rec **rows, int *n, strbuf *err);
/* assign the held order id to the enterprise uscc: the appeal registered as at
 * import, and the order linked to it, in one transaction. APP_OK with the appeal's
 * number; APP_NO when the actor may not see the enterprise (an area officer's own
 * area only), the rules refuse or the order is no longer held; APP_BAD for
 * no such order or enterprise, or a failure (err says which). */
app_status app_order_assign(app_ctx *ctx, int64_t id, const char *uscc,
		char number[TICKET_NUMBER_SIZE], strbuf *err);

#endif
