/* Coverage rows (store/coverage_store.h). */
#include "store/coverage_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include "core/xalloc.h"
#include "model/enterprise.h"

/* a card counts when it was delivered (card_delivery) or handed on a visit (the
 * visit's card_handed, which came first); both maxima read an index's last entry */
static const char cols_from[] =
	"e.id, e.name, e.uscc, e.area, e.lead_unit, coalesce(e.commissioner_id, 0),"
	" coalesce(s.name, ''), coalesce(s.login, ''),"
	" max(coalesce((SELECT max(c.delivered_on) FROM card_delivery c"
	"               WHERE c.enterprise_id = e.id), ''),"
	"     coalesce((SELECT max(h.visited_on) FROM visit h"
	"               WHERE h.enterprise_id = e.id AND h.card_handed = 1), '')),"
	" (SELECT max(v.visited_on) FROM visit v WHERE v.enterprise_id = e.id)"
	" FROM enterprise e LEFT JOIN staff s ON s.id = e.commissioner_id";

static void fill(sqlite3_stmt *st, void *rec)
{
	coverage_row *r = rec;
	r->id = sqlite3_column_int64(st, 0);
	r->name = rows_col_dup(st, 1);
	r->uscc = rows_col_dup(st, 2);
	r->area = rows_col_dup(st, 3);
	r->lead_unit = rows_col_dup(st, 4);
	r->commissioner_id = sqlite3_column_int64(st, 5);
	r->commissioner = rows_col_dup(st, 6);
	r->commissioner_login = rows_col_dup(st, 7);
	r->card_on = rows_col_date(st, 8);
	r->visit_on = rows_col_date(st, 9);
}

/* the list's order, by area then name, as keys */
static const rows_key keys[] = {
	{ "e.area", false, false, false }, { "e.sort_key", false, false, false },
	{ "e.id", false, true, false },
};

int coverage_store_list_from(db *d, const coverage_filter *f, int64_t from, int limit,
                             coverage_row *out, int *n, store_err *err)
{
	rows_where w;
	rows_where_init(&w);
	if (f && f->scope_area)
		rows_where_text(&w, "e.area = ?", f->scope_area);
	if (f && f->area)
		rows_where_text(&w, "e.area = ?", f->area);
	if (f && f->unit)
		rows_where_text(&w, "e.lead_unit = ?", f->unit);
	for (int st = 0; st < ENT_ST__COUNT; st++)
		if (ent_status_gone((ent_status)st))
			rows_where_text(&w, "e.status <> ?", ent_status_code((ent_status)st));
	int rc = rows_list_from(d, cols_from, &w, keys, 3, "e.id", from, false, limit, out,
	                        sizeof *out, fill, n, "reading the coverage", err);
	rows_where_free(&w);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			coverage_row_clear(&out[i]);
		*n = 0;
	}
	return rc;
}

void coverage_row_clear(coverage_row *r)
{
	xfree(&r->name);
	xfree(&r->uscc);
	xfree(&r->area);
	xfree(&r->lead_unit);
	xfree(&r->commissioner);
	xfree(&r->commissioner_login);
}
