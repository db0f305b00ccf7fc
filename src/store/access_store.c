/* Reading the access events back (store/access_store.h). */
#include "store/access_store.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "store/db_internal.h"
#include "store/rows.h"

static void fill(sqlite3_stmt *st, void *rec)
{
	access_row *r = rec;
	r->id = sqlite3_column_int64(st, 0);
	r->login = rows_col_dup(st, 1);
	r->at = rows_col_dup(st, 2);
	r->action = rows_col_dup(st, 3);
	r->subject = sqlite3_column_int64(st, 4);
	r->summary = rows_col_dup(st, 5);
}

/* read in the order of the index event_entity (entity, entity_id, id), which seeks
 * the next chunk at once; the summary does not depend on the order */
static const rows_key keys[] = {
	{ "entity_id", false, true, false }, { "id", false, true, false },
};

int access_store_read(db *d, const char *login, const char *from, const char *to,
                      int64_t after, int limit, access_row *out, int *n, store_err *err)
{
	rows_where w;
	rows_where_init(&w);
	rows_where_plain(&w, "entity = 'access'");
	if (login)
		rows_where_text(&w, "actor = ?", login);
	if (from)
		rows_where_text(&w, "substr(at, 1, 10) >= ?", from);
	if (to)
		rows_where_text(&w, "substr(at, 1, 10) <= ?", to);
	int rc = rows_list_from(d, "id, actor, at, action, entity_id, summary FROM event", &w, keys,
	                        2, "id", after, false, limit, out, sizeof *out, fill, n,
	                        "reading the access events", err);
	rows_where_free(&w);
	if (rc > 0) {
		/* events are never deleted: only a log changed behind qifu's back */
		store_err_what(store_err_set(err, STORE_E_FAILED), "reading the access events");
		store_err_detail(err, "an event read before is gone (see qifu audit verify)");
		rc = -1;
	}
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			access_row_clear(&out[i]);
		*n = 0;
	}
	return rc;
}

void access_row_clear(access_row *r)
{
	xfree(&r->login);
	xfree(&r->at);
	xfree(&r->action);
	xfree(&r->summary);
}
