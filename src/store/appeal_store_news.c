/* The appeals newly given to a unit since the last look of a live desk: the events
 * after a remembered id that registered an appeal for the unit (by someone outside
 * it) or dispatched one to it (lead or related). The read follows the event log's
 * primary key from that id and looks at no more than the newest APPEAL_NEWS_SCAN
 * events, however long the desk was away: never a whole-table read. */
#include "store/appeal_store.h"
#include "store/db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

void appeal_news_clear(appeal_news *v, int n)
{
	for (int i = 0; i < n; i++)
		xfree(&v[i].unit);
}

/* the newest event's id, 0 in an empty log (the primary key's last entry) */
static int event_head(db *d, int64_t *head, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(max(id), 0) FROM event", err);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*head = sqlite3_column_int64(st, 0);
	else
		db_fail(d, err, "reading the newest event");
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* "?4, ?5, …": the units' parameters, bound once and named in each test of a unit */
static void unit_params(strbuf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_addf(b, "%s?%zu", i ? ", " : "", i + 4);
}

static char *news_sql(size_t nunits)
{
	strbuf u = STRBUF_INIT, q = STRBUF_INIT;
	unit_params(&u, nunits);
	const char *in = sb_str(&u);
	sb_addf(&q,
	        "SELECT e.id, a.number,"
	        " CASE WHEN e.action = 'register' THEN a.first_unit"
	        "  WHEN a.lead_unit IN (%s) THEN a.lead_unit"
	        "  ELSE (SELECT min(r.unit) FROM appeal_related r"
	        "   WHERE r.appeal_id = a.id AND r.unit IN (%s)) END"
	        " FROM event e JOIN appeal a ON a.id = e.entity_id"
	        " WHERE e.id > ?1 AND e.id <= ?2 AND +e.entity = 'appeal' AND"
	        " ((e.action = 'register' AND a.first_unit IN (%s)"
	        "   AND NOT EXISTS (SELECT 1 FROM staff s"
	        "    WHERE s.login = e.actor AND s.unit = a.first_unit))"
	        "  OR (e.action = 'dispatch' AND (a.lead_unit IN (%s)"
	        "   OR EXISTS (SELECT 1 FROM appeal_related r"
	        "    WHERE r.appeal_id = a.id AND r.unit IN (%s)))))"
	        " ORDER BY e.id LIMIT ?3",
	        in, in, in, in, in);
	sb_free(&u);
	return sb_steal(&q);
}

int appeal_store_news(db *d, int64_t *after, const char *const *units, size_t nunits,
		appeal_news *out, int cap, bool *more, store_err *err)
{
	int64_t head = 0;
	*more = false;
	if (event_head(d, &head, err) < 0)
		return -1;
	int64_t from = *after;
	if (from < 0 || nunits == 0 || head <= from || cap <= 0) {
		*after = head;
		return 0;
	}
	if (head - from > APPEAL_NEWS_SCAN)
		from = head - APPEAL_NEWS_SCAN;
	char *sql = news_sql(nunits);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, head);
	sqlite3_bind_int(st, 3, cap + 1);
	for (size_t i = 0; i < nunits; i++)
		db_bind_text(st, (int)i + 4, units[i]);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			*more = true;
			continue;
		}
		appeal_news *x = &out[n++];
		x->event_id = sqlite3_column_int64(st, 0);
		snprintf(x->number, sizeof x->number, "%s", db_col_text(st, 1));
		x->unit = xstrdup(db_col_text(st, 2));
	}
	if (rc != SQLITE_DONE) {
		db_fail(d, err, "reading the new appeals of a unit");
		db_done(st);
		appeal_news_clear(out, n);
		return -1;
	}
	db_done(st);
	*after = head;
	return n;
}
