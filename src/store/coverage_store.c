/* Coverage rows (store/coverage_store.h). */
#include "store/coverage_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "model/enterprise.h"

/* the latest card: delivered (card_delivery) or handed on a visit (the visit's
 * card_handed, which came first); both maxima read an index's last entry; "" for none */
#define CARD_ON \
	"max(coalesce((SELECT max(c.delivered_on) FROM card_delivery c" \
	"              WHERE c.enterprise_id = e.id), '')," \
	"    coalesce((SELECT max(h.visited_on) FROM visit h" \
	"              WHERE h.enterprise_id = e.id AND h.card_handed = 1), ''))"
#define VISIT_ON "(SELECT max(v.visited_on) FROM visit v WHERE v.enterprise_id = e.id)"

static const char cols_from[] =
	"e.id, e.name, e.uscc, e.area, e.lead_unit, coalesce(e.commissioner_id, 0),"
	" coalesce(s.name, ''), coalesce(s.login, ''), " CARD_ON ", " VISIT_ON
	" FROM enterprise e LEFT JOIN staff s ON s.id = e.commissioner_id";

/* model/coverage.h's coverage_gaps as SQL: the gap bits of enterprise e, whose latest
 * card is card ('' for none) and latest visit visit (NULL for none), cut the SQL of
 * the first day a visit still covers. Dates are YYYY-MM-DD (the tables' CHECKs), so
 * their text compares as the days do. The unit test rows_keyset holds it to the C
 * rule on every combination. */
_Static_assert(COV_BIT(COV_GAP_COMMISSIONER) == 1 && COV_BIT(COV_GAP_CARD) == 2 &&
               COV_BIT(COV_GAP_VISIT) == 4, "the gap bits as the SQL writes them");
static char *gaps_sql(const char *card, const char *visit, const char *cut)
{
	return xasprintf("((coalesce(e.commissioner_id, 0) = 0) + 2 * (%s = '')"
	                 " + 4 * (coalesce(%s, '') < %s))", card, visit, cut);
}

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

/* f's enterprises in w: still in the zone, in sight, of the area and lead unit */
static void where_of(rows_where *w, const coverage_filter *f)
{
	rows_where_init(w);
	if (f && f->scope_area)
		rows_where_text(w, "e.area = ?", f->scope_area);
	if (f && f->area)
		rows_where_text(w, "e.area = ?", f->area);
	if (f && f->unit)
		rows_where_text(w, "e.lead_unit = ?", f->unit);
	for (int st = 0; st < ENT_ST__COUNT; st++)
		if (ent_status_gone((ent_status)st))
			rows_where_text(w, "e.status <> ?", ent_status_code((ent_status)st));
}

/* where_of, and only the enterprises with one of f's gaps when it names some */
static void where_gaps(rows_where *w, const coverage_filter *f, char *cut)
{
	where_of(w, f);
	if (f && f->gaps) {
		char *g = gaps_sql(CARD_ON, VISIT_ON, "?"), *cond = xasprintf("%s & %u <> 0", g, f->gaps);
		rows_where_text(w, cond, date_format(f->visit_cut, cut));
		free(g);
		free(cond);
	}
}

static int list_done(int rc, coverage_row *out, int *n)
{
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			coverage_row_clear(&out[i]);
		*n = 0;
	}
	return rc;
}

int coverage_store_list_from(db *d, const coverage_filter *f, int64_t from, bool back,
                             int limit, coverage_row *out, int *n, store_err *err)
{
	rows_where w;
	char cut[16];
	where_gaps(&w, f, cut);
	int rc = rows_list_from(d, cols_from, &w, keys, 3, "e.id", from, back, limit, out,
	                        sizeof *out, fill, n, "reading the coverage", err);
	rows_where_free(&w);
	return list_done(rc, out, n);
}

int coverage_store_list(db *d, const coverage_filter *f, long offset, int limit,
                        coverage_row *out, int *n, store_err *err)
{
	rows_where w;
	char cut[16];
	where_gaps(&w, f, cut);
	int rc = rows_list_keyed(d, cols_from, &w, keys, 3, offset, limit, out,
	                         sizeof *out, fill, n, "reading the coverage", err);
	rows_where_free(&w);
	return list_done(rc, out, n);
}

static void fill_sum(sqlite3_stmt *st, void *arg)
{
	coverage_sum *s = arg;
	s->enterprises = (long)sqlite3_column_int64(st, 0);
	for (int g = 0; g < COV_GAP__COUNT; g++)
		s->gap[g] = (long)sqlite3_column_int64(st, 1 + g);
	s->listed = (long)sqlite3_column_int64(st, 1 + COV_GAP__COUNT);
}

int coverage_store_sum(db *d, const coverage_filter *f, coverage_sum *s, store_err *err)
{
	*s = (coverage_sum){ 0 };
	rows_where w;
	where_of(&w, f);
	char cut[16];
	/* one pass: the filter's enterprises joined to the latest card and visit of each
	 * (one grouped pass of each table: a seek a table and enterprise cost four times
	 * as much on the 100 000 register) and to the day, a row of its own bound after
	 * the filter's values */
	char *g = gaps_sql("max(coalesce(cc.d, ''), coalesce(vv.h, ''))", "vv.v", "k.cut");
	char *sql = xasprintf("SELECT count(*), coalesce(sum(g & 1 <> 0), 0),"
	                      " coalesce(sum(g & 2 <> 0), 0), coalesce(sum(g & 4 <> 0), 0),"
	                      " coalesce(sum(g & %u <> 0), 0)"
	                      " FROM (SELECT %s AS g FROM (SELECT e.id, e.commissioner_id"
	                      " FROM enterprise e%s) AS e"
	                      " LEFT JOIN (SELECT enterprise_id, max(delivered_on) AS d"
	                      "  FROM card_delivery GROUP BY enterprise_id) AS cc"
	                      "  ON cc.enterprise_id = e.id"
	                      " LEFT JOIN (SELECT enterprise_id, max(visited_on) AS v,"
	                      "  max(CASE WHEN card_handed = 1 THEN visited_on END) AS h"
	                      "  FROM visit GROUP BY enterprise_id) AS vv"
	                      "  ON vv.enterprise_id = e.id,"
	                      " (SELECT ? AS cut) AS k)",
	                      f && f->gaps ? f->gaps : COV_ALL, g, sb_str(&w.sql));
	free(g);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	int rc = -1;
	if (st) {
		int i = rows_where_bind(&w, st);
		sqlite3_bind_text(st, i, date_format(f ? f->visit_cut : DATE_NONE, cut), -1,
		                  SQLITE_TRANSIENT);
		rc = rows_each(d, st, fill_sum, s, "counting the coverage", err);
	}
	rows_where_free(&w);
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
