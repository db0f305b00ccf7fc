/* Reading the access events back (store/access_store.h). */
#include "store/access_store.h"

#include "store/db_internal.h"

int access_store_each(db *d, const char *login, const char *from, const char *to,
                      access_row_fn *fn, void *arg, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT actor, at, action, entity_id, summary FROM event"
	                              " WHERE entity = 'access'"
	                              " AND (?1 IS NULL OR actor = ?1)"
	                              " AND (?2 IS NULL OR substr(at, 1, 10) >= ?2)"
	                              " AND (?3 IS NULL OR substr(at, 1, 10) <= ?3)"
	                              " ORDER BY id", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, login);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	int rc, stop = 0;
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn(arg, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
		          sqlite3_column_int64(st, 3), db_col_text(st, 4));
	if (stop == 0 && rc != SQLITE_DONE) {
		db_fail(d, err, "reading the access events");
		db_done(st);
		return -1;
	}
	db_done(st);
	return stop;
}
