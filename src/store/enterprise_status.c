/* An enterprise's operating status (在营 / 迁出 / 注销 / 停业) changed in the store:
 * guarded by the status the caller read, with its event in the same transaction. */
#include "store/enterprise_store.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "store/db_internal.h"

int ent_store_status_write(db *d, const char *actor, int64_t id, const char *name,
                           const char *from, const char *to, qdate since, const char *reason,
                           store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "UPDATE enterprise SET status = ?, updated_at = ?"
	                              " WHERE id = ? AND status = ?", err);
	if (!st)
		return -1;
	char now[20], day[16];
	db_now(d, now);
	db_bind_text(st, 1, to);
	db_bind_text(st, 2, now);
	sqlite3_bind_int64(st, 3, id);
	db_bind_text(st, 4, from);
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_DONE) {
		db_fail(d, err, "changing an enterprise's status");
		return -1;
	}
	if (sqlite3_changes(db_handle(d)) != 1) {
		/* gone, or its status changed since the caller read it */
		store_err_set(err, STORE_E_ENTERPRISE_CHANGED);
		store_err_name(err, 0, name);
		return 1;
	}
	char *sum = xasprintf("status: %s -> %s; since=%s", from, to, date_format(since, day));
	rc = db_event(d, actor, "enterprise", id, "status", sum, reason, err);
	free(sum);
	return rc < 0 ? -1 : 0;
}

int ent_store_set_status(db *d, const char *actor, int64_t id, const char *name,
                         const char *from, const char *to, qdate since, const char *reason,
                         store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	int rc = ent_store_status_write(d, actor, id, name, from, to, since, reason, err);
	if (rc != 0) {
		db_rollback(d);
		return rc;
	}
	return db_commit(d, err);
}
