/* Card delivery rows (store/card_store.h). */
#include "store/card_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>

#include "core/xalloc.h"

int card_store_deliver(db *d, const char *actor, int64_t enterprise_id, qdate on,
                       const char *by, store_err *err)
{
	char now[20], day[11];
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO card_delivery (enterprise_id, delivered_on, delivered_by, created_by,"
		" created_at) VALUES (?, ?, ?, ?, ?)", err);
	if (!st) {
		db_rollback(d);
		return -1;
	}
	db_now(d, now);
	sqlite3_bind_int64(st, 1, enterprise_id);
	rows_bind_date(st, 2, on);
	db_bind_text(st, 3, by);
	db_bind_text(st, 4, actor);
	db_bind_text(st, 5, now);
	if (rows_step_one(d, st, "recording a card delivery", err) < 0) {
		db_rollback(d);
		return -1;
	}
	return rows_commit_event(d, actor, "enterprise", enterprise_id, "card.deliver",
	                         xasprintf("date=%s by=%s", date_format(on, day), by), NULL, err);
}

int card_store_latest(db *d, int64_t enterprise_id, qdate *on, char **by, bool *on_visit,
                      store_err *err)
{
	*by = NULL;
	*on_visit = false;
	/* each side the last entry of its index (card_delivery_enterprise, visit_enterprise) */
	sqlite3_stmt *st = db_stmt(d,
		"SELECT * FROM ("
		" SELECT delivered_on, delivered_by, 0 FROM card_delivery WHERE enterprise_id = ?1"
		"  ORDER BY delivered_on DESC, id DESC LIMIT 1)"
		" UNION ALL SELECT * FROM ("
		" SELECT visited_on, unit, 1 FROM visit WHERE enterprise_id = ?1 AND card_handed = 1"
		"  ORDER BY visited_on DESC, id DESC LIMIT 1)"
		" ORDER BY 1 DESC, 3 LIMIT 1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, enterprise_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*on = rows_col_date(st, 0);
		*by = rows_col_dup(st, 1);
		*on_visit = sqlite3_column_int(st, 2) != 0;
	}
	db_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, err, "reading card deliveries");
		return -1;
	}
	return rc == SQLITE_ROW;
}
