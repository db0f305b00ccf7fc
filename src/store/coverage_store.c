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

int coverage_store_list(db *d, const coverage_filter *f, coverage_row **rows, int *n,
                        store_err *err)
{
	*rows = NULL;
	*n = 0;
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
	char *sql = xasprintf("SELECT %s%s ORDER BY e.area, e.sort_key", cols_from, sb_str(&w.sql));
	int rc = -1;
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (st) {
		rows_where_bind(&w, st);
		rc = rows_append(d, st, rows, n, sizeof **rows, fill, "reading the coverage", err);
	}
	xfree(&sql);
	rows_where_free(&w);
	if (rc < 0)
		coverage_rows_free(rows, *n);
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

void coverage_rows_free(coverage_row **rows, int n)
{
	for (int i = 0; *rows && i < n; i++)
		coverage_row_clear(&(*rows)[i]);
	xfree(rows);
}
