/* Work orders from other channels (12345, online platforms) in the database: each
 * order kept as it came, unique by channel and number; a held order (no enterprise
 * matched yet) waits in the matching queue until a person assigns its enterprise and
 * it becomes an appeal. Every write is one event row on entity "work_order" in the
 * caller's transaction. */
#ifndef QIFU_ORDER_STORE_H
#define QIFU_ORDER_STORE_H
#include <stdint.h>

#include "model/appeal.h"
#include "model/order_import.h"
#include "store/db.h"
#include "store/appeal_store.h"

/* an order as stored; strings owned, freed by order_rec_clear */
typedef struct order_rec {
	int64_t id;
	appeal_channel channel;
	char *external_no;
	char *received_at;     /* "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD" or "" */
	char *caller_name;
	char *caller_phone;
	char *content;
	char *enterprise_name; /* as the order gave it */
	char *uscc;            /* as the order gave it (normalised when it could be) */
	char *kind_text;       /* the channel's type */
	ticket_kind kind;
	char *due;             /* the channel's deadline, "YYYY-MM-DD" or "" */
	char *source;          /* "FILE:LINE" it was imported from */
	char *held_reason;     /* order_match_code of why it was held, "" when matched */
	char *imported_at;
	char *imported_by;
	int64_t appeal_id;     /* 0 while held */
	char appeal_number[TICKET_NUMBER_SIZE]; /* "" while held */
} order_rec;

void order_rec_clear(order_rec *o);

/* the order of channel numbered no: 0 found (*id, and *appeal_id 0 while held), 1
 * none, -1 */
int order_store_find(db *d, appeal_channel channel, const char *no, int64_t *id,
		int64_t *appeal_id, store_err *err);
/* write o (its appeal_number, when not "", names the appeal it became) with its
 * event: "import" for a registered order, "hold" for a held one. In the caller's
 * transaction. *id gets the row. */
int order_store_insert(db *d, const char *actor, const order_rec *o, int64_t *id,
		store_err *err);
/* the held order id became appeal number (registered for the enterprise uscc): its
 * row and "match" event, in the caller's transaction; 1 when it is no longer held
 * (err: STORE_E_REFUSED naming the appeal), -1 */
int order_store_assign(db *d, const char *actor, int64_t id, const char *number,
		const char *uscc, store_err *err);
/* one order: 0 found, 1 none, -1 */
int order_store_get(db *d, int64_t id, order_rec *o, store_err *err);
/* the held orders, oldest first, into *rows (free each with order_rec_clear, then
 * the array) */
int order_store_held(db *d, order_rec **rows, int *n, store_err *err);
/* an order with what its appeal came to, for the export back; strings owned */
typedef struct order_result {
	order_rec o;
	char *result;          /* the appeal's result, "" before the answer or while held */
	char *answered_at;     /* when it was last answered, "" before */
	appeal_callback callback;
	char *callback_reason;
} order_result;

void order_result_clear(order_result *r);
/* up to limit orders of channel received (or, without a time given, imported) on
 * the days from..to (YYYY-MM-DD; NULL leaves that end open), oldest first, after the
 * order whose id is after (0: from the first): a chunk of the export read by key,
 * into rows[], *n = how many (clear each with order_result_clear) */
int order_store_results(db *d, appeal_channel channel, const char *from, const char *to,
		int64_t after, int limit, order_result *rows, int *n, store_err *err);

/* the USCC of the enterprise named exactly name into uscc when exactly one has it;
 * *hits the count found (2: two or more) */
int order_store_name_hits(db *d, const char *name, char uscc[19], int *hits, store_err *err);

#endif
