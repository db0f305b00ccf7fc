/* Enterprise list queries: a filter becomes one WHERE clause shared by the count
 * and the window, and every sort order is served by an index, so a screen costs
 * the rows it shows, not the size of the register. */
#include "store/enterprise_store.h"
#include "store/db_internal.h"
#include "store/rows.h"
#include "store/store_where.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/pinyin.h"
#include "core/search.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static int search_plan(db *d, const ent_filter *f, long need, ent_search *s, store_err *err)
{
	*s = (ent_search){ 0 };
	if (!f || !f->search || !*f->search)
		return 0;
	return ent_search_plan(d, f->search, need, s, err);
}

/* the filter's clause; the statuses gone from the zone are left out unless f
 * includes them or gone is set: then only they are kept (the count below) */
static void where_build_gone(store_where *w, const ent_filter *f, const ent_search *s,
                             bool gone)
{
	store_where_init(w);
	if (!f)
		return;
	if (f->scope_area) {
		sb_add(&w->sql, " AND e.area = ?");
		store_where_add(w, f->scope_area);
	}
	if (f->area) {
		sb_add(&w->sql, " AND e.area = ?");
		store_where_add(w, f->area);
	}
	if (f->category) {
		sb_add(&w->sql, " AND e.category = ?");
		store_where_add(w, f->category);
	}
	if (f->lead_unit) {
		sb_add(&w->sql, " AND e.lead_unit = ?");
		store_where_add(w, f->lead_unit);
	}
	if (f->pool) {
		/* current members only: the open period of pool_entry (migration 2) */
		sb_add(&w->sql, " AND e.id IN (SELECT enterprise_id FROM pool_entry"
		                " WHERE pool = ? AND left_on IS NULL)");
		store_where_add(w, f->pool);
	}
	if (f->warning_only)
		sb_add(&w->sql, " AND e.open_warnings > 0");
	/* the plan's three classes (ent_class_decide): 其他 by its marks, else by category */
	ent_class cls;
	if (f->cls && ent_class_parse(f->cls, &cls)) {
		static const char other[] =
			"(e.aviation = 1 OR e.grp <> '' OR e.introduced_by <> '')";
		if (cls == ENT_CLASS_OTHER) {
			sb_addf(&w->sql, " AND %s", other);
		} else {
			/* '?' is no category: the list is never empty */
			sb_addf(&w->sql, " AND NOT %s AND e.category IN ('?'", other);
			for (int i = 0; f->cls_categories && f->cls_categories[i]; i++) {
				sb_add(&w->sql, ", ?");
				store_where_add(w, f->cls_categories[i]);
			}
			sb_add(&w->sql, ")");
		}
	}
	/* those gone from the zone only when asked for (ent_status_gone), or while a
	 * relocation warning is open on them: the lead unit must see a move-out or
	 * deregistration signal to respond to it and close it. gone: the ones the
	 * default list leaves out, alone (counted apart through their index) */
	if (gone || !f->include_gone) {
		/* '?' is no status: the list is never empty */
		sb_add(&w->sql, gone ? " AND e.open_warnings = 0 AND e.status IN ('?'"
		                     : " AND (e.open_warnings > 0 OR e.status NOT IN ('?'");
		for (int st = 0; st < ENT_ST__COUNT; st++)
			if (ent_status_gone((ent_status)st)) {
				sb_add(&w->sql, ", ?");
				store_where_add(w, ent_status_code((ent_status)st));
			}
		sb_add(&w->sql, gone ? ")" : "))");
	}
	if (s->q)
		ent_search_clause(w, s->q, s->scan);
}

static void where_build(store_where *w, const ent_filter *f, const ent_search *s)
{
	where_build_gone(w, f, s, false);
}

/* The last counts made: a screen asks for the same count again (the search
 * accepted, the window moved, the pane refreshed, the search cleared back to the
 * whole list), and a database unchanged since (by this session or another) gives
 * the same answer. The oldest makes room, among the searches' counts or among the
 * others': a search typed key by key makes a count a key, which pushed the list's
 * own count out (at 100 000 enterprises a count of 9 ms again on each C-u). */
#define COUNTS_KEPT 4
typedef struct count_kept {
	const db *d;
	char *key;  /* the statement and its values */
	db_mark mark;
	long n;
} count_kept;
static count_kept last_counts[2][COUNTS_KEPT]; /* [1]: with a search */
static int counts_next[2];

/* whether the search is all that narrows f, but for the enterprises gone from the
 * zone that the default list leaves out (counted apart: count_search) */
static bool search_only(const ent_filter *f)
{
	return !f->scope_area && !f->area && !f->category && !f->lead_unit && !f->pool &&
	       !f->warning_only && !f->cls;
}

bool ent_count_subtract_gone(const ent_filter *f, long limit)
{
	return f && !f->include_gone && (!f->search || !*f->search) && limit < 0;
}

/* the statement counting f (gone: its gone ones alone, through their index), up to
 * limit + 1 when limit >= 0, and its text with its values as the key of the last
 * count */
static char *count_sql(const ent_filter *f, const ent_search *sr, bool gone, long limit,
                       store_where *w, strbuf *key)
{
	where_build_gone(w, f, sr, gone);
	const char *from = gone ? "enterprise e INDEXED BY enterprise_status" : "enterprise e";
	char *sql = limit < 0 ? xasprintf("SELECT count(*) FROM %s%s", from, sb_str(&w->sql))
	                      : xasprintf("SELECT count(*) FROM (SELECT 1 FROM %s%s LIMIT ?)",
	                                  from, sb_str(&w->sql));
	sb_addf(key, "%s\x1f%ld", sql, limit);
	for (int i = 0; i < w->nbinds; i++)
		sb_addf(key, "\x1f%s", w->binds[i]);
	sb_addc(key, '\x1e');
	return sql;
}

static int count_step(db *d, const char *sql, const store_where *w, long limit, long *n,
                      store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	store_where_bind(w, st);
	if (limit >= 0)
		sqlite3_bind_int64(st, w->nbinds + 1, limit + 1);
	int rc = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*n = (long)sqlite3_column_int64(st, 0);
	} else {
		db_fail(d, err, "counting enterprises");
		rc = -1;
	}
	db_done(st);
	return rc;
}

/* the count of f (gone: of its gone ones alone, through their index), up to
 * limit + 1 when limit >= 0; sr: its search, or none */
static int count_stmt(db *d, const ent_filter *f, const ent_search *sr, bool gone, long limit,
                      long *n, store_err *err)
{
	ent_search none = { 0 };
	store_where w;
	strbuf key = STRBUF_INIT;
	char *sql = count_sql(f, sr ? sr : &none, gone, limit, &w, &key);
	int rc = count_step(d, sql, &w, limit, n, err);
	sb_free(&key);
	free(sql);
	store_where_free(&w);
	return rc;
}

/* The count of a search with nothing else narrowing f. The search alone is counted
 * without reading rows: when its keys decide, the index holds one entry per
 * enterprise, so its count is the count; else its walk tests the name order's index
 * (sort_key and the code are in it, the status is not). Then the candidates gone
 * from the zone are taken off when f leaves them out, read through their own index
 * (few). Up to limit + 1 when limit >= 0: the search is counted up to limit and all
 * the gone ones, which leaves more than limit whichever are gone. */
static int count_search(db *d, const ent_filter *f, ent_search *sr, long limit, long *n,
                        store_err *err)
{
	long gone_all = 0, gone = 0, c;
	ent_filter all = *f;
	all.include_gone = true;
	all.search = NULL;
	if (!f->include_gone && count_stmt(d, &all, NULL, true, -1, &gone_all, err) < 0)
		return -1;
	long upto = limit < 0 ? LONG_MAX - 1 : limit + gone_all;
	if (!search_query_keys_decide(sr->q)) {
		all.search = f->search;
		if (count_stmt(d, &all, sr, false, limit < 0 ? -1 : upto, &c, err) < 0)
			return -1;
	} else if (sr->candidates <= ENT_FEW_MAX) {
		c = sr->candidates;
	} else if (upto < ENT_FEW_MAX) {
		c = upto + 1;
	} else if (ent_search_candidates(d, sr->q, upto, &c, err) < 0) {
		return -1;
	}
	if (c > upto) {
		*n = limit + 1;     /* more than limit, whichever are gone */
		return 0;
	}
	/* the gone candidates: the index's among the gone ones */
	sr->scan = false;
	if (gone_all > 0 && count_stmt(d, f, sr, true, -1, &gone, err) < 0)
		return -1;
	*n = c - gone;
	if (limit >= 0 && *n > limit + 1)
		*n = limit + 1;
	return 0;
}

/* count(*) of the filtered list, at most limit + 1 when limit >= 0 */
static int count_rows(db *d, const ent_filter *f, long limit, long *n, store_err *err)
{
	ent_search sr;
	if (search_plan(d, f, limit < 0 ? LONG_MAX : limit + 1, &sr, err) < 0)
		return -1;
	/* the keys decide a Chinese query exactly: counting all its index entries beats
	 * testing every row */
	if (limit < 0 && sr.q && search_query_keys_decide(sr.q))
		sr.scan = false;
	bool by_search = sr.q && search_only(f);
	/* all of f less its gone ones, or f as it is */
	bool subtract = ent_count_subtract_gone(f, limit);
	ent_filter all = f ? *f : (ent_filter){ 0 };
	all.include_gone = all.include_gone || subtract;
	store_where w, wg;
	strbuf key = STRBUF_INIT;
	char *sql = count_sql(f ? &all : NULL, &sr, false, limit, &w, &key);
	char *sql_gone = subtract ? count_sql(f, &sr, true, limit, &wg, &key) : NULL;
	if (by_search)
		sb_addf(&key, "%d", f->include_gone);
	/* the same count of an unchanged database: the last answer */
	db_mark mark;
	db_mark_now(d, &mark);
	int rc = 0, hit = -1;
	count_kept *kept = last_counts[sr.q != NULL];
	for (int i = 0; i < COUNTS_KEPT && hit < 0; i++)
		if (kept[i].d == d && kept[i].key && strcmp(kept[i].key, sb_str(&key)) == 0 &&
		    db_mark_same(&kept[i].mark, &mark))
			hit = i;
	if (hit >= 0) {
		*n = kept[hit].n;
	} else {
		long gone = 0;
		if (by_search) {
			rc = count_search(d, f, &sr, limit, n, err);
		} else {
			rc = count_step(d, sql, &w, limit, n, err);
			if (rc == 0 && sql_gone)
				rc = count_step(d, sql_gone, &wg, limit, &gone, err);
		}
		if (rc == 0) {
			*n -= gone;
			int *next = &counts_next[sr.q != NULL];
			count_kept *k = &kept[*next];
			*next = (*next + 1) % COUNTS_KEPT;
			free(k->key);
			*k = (count_kept){ d, sb_steal(&key), mark, *n };
		}
	}
	sb_free(&key);
	free(sql);
	store_where_free(&w);
	if (sql_gone) {
		free(sql_gone);
		store_where_free(&wg);
	}
	ent_search_done(&sr);
	return rc;
}

int ent_store_count(db *d, const ent_filter *f, long *n, store_err *err)
{
	return count_rows(d, f, -1, n, err);
}

int ent_store_count_upto(db *d, const ent_filter *f, long limit, long *n, store_err *err)
{
	/* without a search every count is one index's range: count it all */
	if (!f || !f->search || !*f->search)
		return count_rows(d, f, -1, n, err);
	return count_rows(d, f, limit < 0 ? 0 : limit, n, err);
}

static const char *const sort_sql[ENT_SORT__COUNT][2] = {
	[ENT_SORT_NAME] = { "e.sort_key, e.id", "e.sort_key DESC, e.id DESC" },
	[ENT_SORT_USCC] = { "e.uscc", "e.uscc DESC" },
	[ENT_SORT_CATEGORY] = { "e.category, e.sort_key, e.id",
	                        "e.category DESC, e.sort_key DESC, e.id DESC" },
	[ENT_SORT_AREA] = { "e.area, e.sort_key, e.id", "e.area DESC, e.sort_key DESC, e.id DESC" },
	[ENT_SORT_LEAD] = { "e.lead_unit, e.sort_key, e.id",
	                    "e.lead_unit DESC, e.sort_key DESC, e.id DESC" },
	[ENT_SORT_COMMISSIONER] = { "e.commissioner_id, e.id", "e.commissioner_id DESC, e.id DESC" },
};

#define REC_COLS "e.id, e.name, e.uscc, e.uscc_override, e.address, e.area, e.category," \
	" e.grp, e.aviation, e.introduced_by, e.legal_rep, e.contact, e.phone," \
	" e.commissioner_id, coalesce(s.login, ''), e.status, e.lead_unit, e.coop_units," \
	" e.lead_override, coalesce(s.name, ''), e.open_appeals, e.open_warnings > 0"

static void rec_from_row(sqlite3_stmt *st, ent_record *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->name = xstrdup(db_col_text(st, 1));
	e->uscc = xstrdup(db_col_text(st, 2));
	e->uscc_override = rows_col_opt(st, 3);
	e->address = xstrdup(db_col_text(st, 4));
	e->area = xstrdup(db_col_text(st, 5));
	e->category = xstrdup(db_col_text(st, 6));
	e->group = xstrdup(db_col_text(st, 7));
	e->aviation = sqlite3_column_int(st, 8) != 0;
	e->introduced_by = xstrdup(db_col_text(st, 9));
	e->legal_rep = xstrdup(db_col_text(st, 10));
	e->contact = xstrdup(db_col_text(st, 11));
	e->phone = xstrdup(db_col_text(st, 12));
	e->commissioner_id = sqlite3_column_int64(st, 13);
	e->commissioner = xstrdup(db_col_text(st, 14));
	e->status = xstrdup(db_col_text(st, 15));
	e->lead_unit = xstrdup(db_col_text(st, 16));
	e->coop_units = xstrdup(db_col_text(st, 17));
	e->lead_override = rows_col_opt(st, 18);
	e->commissioner_name = xstrdup(db_col_text(st, 19));
	e->open_appeals = sqlite3_column_int(st, 20);
	e->warning = sqlite3_column_int(st, 21) != 0;
}

/* the columns a sort orders by, the last making the order total; NULL where one
 * may be NULL (the commissioner), which a key comparison would lose */
static const char *const sort_keys[ENT_SORT__COUNT] = {
	[ENT_SORT_NAME] = "e.sort_key, e.id",
	[ENT_SORT_USCC] = "e.uscc",
	[ENT_SORT_CATEGORY] = "e.category, e.sort_key, e.id",
	[ENT_SORT_AREA] = "e.area, e.sort_key, e.id",
	[ENT_SORT_LEAD] = "e.lead_unit, e.sort_key, e.id",
	[ENT_SORT_COMMISSIONER] = NULL,
};

/* step st into out[] (at most limit rows); 0, or -1 with the failure in err */
static int read_rows(db *d, sqlite3_stmt *st, int limit, ent_record *out, int *n,
                     store_err *err)
{
	int step = SQLITE_ROW;
	while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW)
		rec_from_row(st, &out[(*n)++]);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		db_fail(d, err, "reading enterprises");
		while (*n > 0)
			ent_record_clear(&out[--(*n)]);
		return -1;
	}
	return 0;
}

int ent_store_window(db *d, const ent_filter *f, ent_sort sort, bool desc, long offset,
                     int limit, ent_record *out, int *n, store_err *err)
{
	*n = 0;
	if (sort >= ENT_SORT__COUNT)
		sort = ENT_SORT_NAME;
	ent_search sr;
	if (search_plan(d, f, offset + limit, &sr, err) < 0)
		return -1;
	store_where w;
	where_build(&w, f, &sr);
	/* the offset is walked in the sort index alone (a covering index of ids); only
	 * the window's rows are then read and joined. OFFSET over the joined rows
	 * built every skipped row: 0.77 s against 0.014 s at row 99 000 of 100 000. */
	char *sql = xasprintf("SELECT " REC_COLS " FROM enterprise e"
	                      " LEFT JOIN staff s ON s.id = e.commissioner_id"
	                      " WHERE e.id IN (SELECT e.id FROM enterprise e%s"
	                      " ORDER BY %s LIMIT ? OFFSET ?) ORDER BY %s", sb_str(&w.sql),
	                      sort_sql[sort][desc ? 1 : 0], sort_sql[sort][desc ? 1 : 0]);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	int rc = -1;
	if (st) {
		store_where_bind(&w, st);
		sqlite3_bind_int(st, w.nbinds + 1, limit);
		sqlite3_bind_int64(st, w.nbinds + 2, offset);
		rc = read_rows(d, st, limit, out, n, err);
		db_done(st);
	}
	free(sql);
	store_where_free(&w);
	ent_search_done(&sr);
	return rc;
}

int ent_store_window_from(db *d, const ent_filter *f, ent_sort sort, bool desc, int64_t from,
                          bool back, int limit, ent_record *out, int *n, store_err *err)
{
	*n = 0;
	if (sort >= ENT_SORT__COUNT)
		sort = ENT_SORT_NAME;
	if (!sort_keys[sort])
		return 1;
	ent_search sr;
	if (search_plan(d, f, limit, &sr, err) < 0)
		return -1;
	store_where w;
	where_build(&w, f, &sr);
	/* going back is going forward in the reverse order, then turning the rows */
	bool rev = desc != back;
	if (from)
		sb_addf(&w.sql, " AND (%s) %c (SELECT %s FROM enterprise e WHERE e.id = ?)",
		        sort_keys[sort], rev ? '<' : '>', sort_keys[sort]);
	char *sql = xasprintf("SELECT " REC_COLS " FROM enterprise e"
	                      " LEFT JOIN staff s ON s.id = e.commissioner_id%s ORDER BY %s LIMIT ?",
	                      sb_str(&w.sql), sort_sql[sort][rev ? 1 : 0]);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	int rc = -1;
	if (st) {
		store_where_bind(&w, st);
		int i = w.nbinds;
		if (from)
			sqlite3_bind_int64(st, ++i, from);
		sqlite3_bind_int(st, ++i, limit);
		rc = read_rows(d, st, limit, out, n, err);
		db_done(st);
	}
	for (int i = 0; back && i < *n / 2; i++) {
		ent_record t = out[i];
		out[i] = out[*n - 1 - i];
		out[*n - 1 - i] = t;
	}
	free(sql);
	store_where_free(&w);
	ent_search_done(&sr);
	return rc;
}

/* the name column sorts by pinyin, as Chinese users expect: each Han character's
 * customary reading, other characters folded, then the name itself as tie-break */
static char *ent_sort_key(const char *name)
{
	strbuf b = STRBUF_INIT;
	const uint8_t *p = (const uint8_t *)name;
	ucs4_t c;
	while (*p) {
		int n = u8_mbtouc(&c, p, strlen((const char *)p));
		const char *r[1];
		if (pinyin_readings(c, r, 1) > 0) {
			sb_add(&b, r[0]);
		} else {
			uint32_t f = search_fold_char(c);
			uint8_t buf[6];
			int len = u8_uctomb(buf, f, sizeof buf);
			if (len > 0)
				sb_addn(&b, (const char *)buf, (size_t)len);
		}
		sb_addc(&b, ' ');
		p += n > 0 ? n : 1;
	}
	sb_addc(&b, ENT_SORT_KEY_NAME);
	sb_add(&b, name);
	return sb_steal(&b);
}

int ent_store_uscc_owner(db *d, const char *uscc, char **name, int64_t *id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT name, id FROM enterprise WHERE uscc = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, uscc);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*name = xstrdup(db_col_text(st, 0));
		if (id)
			*id = sqlite3_column_int64(st, 1);
	} else if (rc != SQLITE_DONE) {
		db_fail(d, err, "reading an enterprise");
	}
	db_done(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* the search index's trigger on new rows, which a bulk insert sets aside: FTS5
 * flushes its pending terms at the end of every statement that writes it, so a
 * row at a time it writes (and then merges) one index segment per row */
#define FTS_INSERT_TRIGGER "enterprise_fts_ai"
/* FTS5's buffer of pending terms: its default, and while a bulk insert indexes */
#define FTS_HASHSIZE "1048576"
#define FTS_BULK_HASHSIZE "4194304"

int ent_store_bulk_begin(db *d, ent_bulk *b, store_err *err)
{
	memset(b, 0, sizeof *b);
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(max(id), 0),"
	                              " (SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
	                              "  AND name = '" FTS_INSERT_TRIGGER "') FROM enterprise", err);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		b->base = sqlite3_column_int64(st, 0);
		if (sqlite3_column_type(st, 1) == SQLITE_TEXT)
			b->trigger_sql = xstrdup(db_col_text(st, 1));
	} else {
		db_fail(d, err, "reading the register's last id");
	}
	db_done(st);
	if (rc != SQLITE_ROW)
		return -1;
	if (b->trigger_sql && sqlite3_exec(db_handle(d), "DROP TRIGGER " FTS_INSERT_TRIGGER, NULL,
	                                   NULL, NULL) != SQLITE_OK) {
		db_fail(d, err, "setting the search index aside");
		xfree(&b->trigger_sql);
		return -1;
	}
	return 0;
}

int ent_store_bulk_end(db *d, ent_bulk *b, store_err *err)
{
	if (!b->trigger_sql)
		return 0;
	/* one statement: the index's terms of all the new rows are merged in memory.
	 * FTS5 writes them out as a new segment each time its buffer of pending terms
	 * fills (1 MiB by default) and merges those segments as it goes; a larger
	 * buffer for this statement alone writes a quarter of the segments and merges
	 * less (the same index, the same results; a quarter of the CPU time of the
	 * statement at 100 000 rows), then the default is back, in this connection and
	 * in the index's settings, which keep no trace of it */
	sqlite3_stmt *st;
	int rc = sqlite3_exec(db_handle(d), "INSERT INTO enterprise_fts(enterprise_fts, rank)"
	                                    " VALUES ('hashsize', " FTS_BULK_HASHSIZE ")",
	                      NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db_handle(d),
			"INSERT INTO enterprise_fts(rowid, search_text)"
			" SELECT id, search_text FROM enterprise WHERE id > ?", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, b->base);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if ((rc != SQLITE_DONE && rc != SQLITE_OK) ||
	    sqlite3_exec(db_handle(d), "INSERT INTO enterprise_fts(enterprise_fts, rank)"
	                               " VALUES ('hashsize', " FTS_HASHSIZE ");"
	                               "DELETE FROM enterprise_fts_config WHERE k = 'hashsize'",
	                 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db_handle(d), b->trigger_sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(d, err, "indexing the new enterprises");
		return -1;
	}
	xfree(&b->trigger_sql);
	return 0;
}

void ent_store_bulk_free(ent_bulk *b)
{
	xfree(&b->trigger_sql);
}

/* the refusal of a USCC another enterprise (owner) already has */
static void uscc_taken(store_err *err, const char *uscc, const char *owner)
{
	store_err_name(store_err_set(err, STORE_E_USCC_TAKEN), 0, uscc);
	store_err_name(err, 1, owner);
}

int ent_store_insert(db *d, const char *actor, const ent_record *e, int64_t *id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO enterprise (name, uscc, uscc_override, address, area, category, grp,"
		" aviation, introduced_by, legal_rep, contact, phone, commissioner_id, status,"
		" lead_unit, coop_units, lead_override, search_text, sort_key, created_at, updated_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	char *py = search_index_text(e->name);
	char *key = ent_sort_key(e->name);
	const char *texts[] = { e->name, e->uscc, e->uscc_override, e->address, e->area,
	                        e->category, e->group ? e->group : "" };
	for (int i = 0; i < 7; i++)
		db_bind_text(st, i + 1, i == 2 ? texts[i] : (texts[i] ? texts[i] : ""));
	sqlite3_bind_int(st, 8, e->aviation);
	db_bind_text(st, 9, e->introduced_by ? e->introduced_by : "");
	db_bind_text(st, 10, e->legal_rep ? e->legal_rep : "");
	db_bind_text(st, 11, e->contact ? e->contact : "");
	db_bind_text(st, 12, e->phone ? e->phone : "");
	if (e->commissioner_id)
		sqlite3_bind_int64(st, 13, e->commissioner_id);
	db_bind_text(st, 14, e->status ? e->status : "operating");
	db_bind_text(st, 15, e->lead_unit);
	db_bind_text(st, 16, e->coop_units ? e->coop_units : "");
	db_bind_text(st, 17, e->lead_override);
	db_bind_text(st, 18, py);
	db_bind_text(st, 19, key);
	db_bind_text(st, 20, now);
	db_bind_text(st, 21, now);
	int rc = sqlite3_step(st);
	db_done(st);
	free(py);
	free(key);
	if (rc != SQLITE_DONE) {
		if ((sqlite3_extended_errcode(db_handle(d)) & 0xff) == SQLITE_CONSTRAINT) {
			char *owner = NULL;
			if (ent_store_uscc_owner(d, e->uscc, &owner, NULL, NULL) == 0) {
				uscc_taken(err, e->uscc, owner);
				free(owner);
				return -1;
			}
		}
		db_fail(d, err, "adding an enterprise");
		return -1;
	}
	*id = sqlite3_last_insert_rowid(db_handle(d));
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "name=%s uscc=%s area=%s category=%s lead=%s", e->name, e->uscc, e->area,
	        e->category, e->lead_unit);
	rc = db_event(d, actor, "enterprise", *id, "add", sb_str(&sum),
	              e->uscc_override ? e->uscc_override : NULL, err);
	sb_free(&sum);
	return rc;
}

int ent_store_get(db *d, const char *uscc, int64_t id, ent_record *e, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT " REC_COLS " FROM enterprise e"
	                              " LEFT JOIN staff s ON s.id = e.commissioner_id"
	                              " WHERE e.uscc = ? OR e.id = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, uscc ? uscc : "");
	sqlite3_bind_int64(st, 2, uscc ? -1 : id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rec_from_row(st, e);
	else if (rc != SQLITE_DONE)
		db_fail(d, err, "reading an enterprise");
	db_done(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static void diff_field(strbuf *sum, const char *name, const char *a, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	if (strcmp(a, b) != 0)
		sb_addf(sum, "%s%s: %s -> %s", sum->len ? "; " : "", name, a, b);
}

int ent_store_update(db *d, const char *actor, const ent_record *old, const ent_record *e,
                     const char *reason, store_err *err)
{
	strbuf sum = STRBUF_INIT;
	diff_field(&sum, "name", old->name, e->name);
	diff_field(&sum, "uscc", old->uscc, e->uscc);
	diff_field(&sum, "uscc_override", old->uscc_override, e->uscc_override);
	diff_field(&sum, "address", old->address, e->address);
	diff_field(&sum, "area", old->area, e->area);
	diff_field(&sum, "category", old->category, e->category);
	diff_field(&sum, "group", old->group, e->group);
	diff_field(&sum, "aviation", old->aviation ? "1" : "0", e->aviation ? "1" : "0");
	diff_field(&sum, "introduced_by", old->introduced_by, e->introduced_by);
	diff_field(&sum, "legal_rep", old->legal_rep, e->legal_rep);
	diff_field(&sum, "contact", old->contact, e->contact);
	diff_field(&sum, "phone", old->phone, e->phone);
	diff_field(&sum, "commissioner", old->commissioner, e->commissioner);
	diff_field(&sum, "lead_unit", old->lead_unit, e->lead_unit);
	diff_field(&sum, "cooperating_units", old->coop_units, e->coop_units);
	diff_field(&sum, "lead_override", old->lead_override, e->lead_override);
	if (sum.len == 0) {
		sb_free(&sum);
		return 0;
	}
	if (db_begin(d, err) < 0) {
		sb_free(&sum);
		return -1;
	}
	/* the row must still be what the caller read: a stale edit is refused */
	ent_record now;
	int rc = ent_store_get(d, NULL, old->id, &now, err);
	if (rc != 0 || strcmp(now.uscc, old->uscc) || strcmp(now.name, old->name) ||
	    strcmp(now.lead_unit, old->lead_unit) || strcmp(now.area, old->area)) {
		/* gone meanwhile is changed meanwhile (it used to fail without a word) */
		if (rc >= 0) {
			store_err_set(err, STORE_E_ENTERPRISE_CHANGED);
			store_err_name(err, 0, old->name);
		}
		if (rc == 0)
			ent_record_clear(&now);
		db_rollback(d);
		sb_free(&sum);
		return -1;
	}
	ent_record_clear(&now);
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE enterprise SET name=?, uscc=?, uscc_override=?, address=?, area=?,"
		" category=?, grp=?, aviation=?, introduced_by=?, legal_rep=?, contact=?, phone=?,"
		" commissioner_id=?, lead_unit=?, coop_units=?, lead_override=?, search_text=?, sort_key=?,"
		" updated_at=? WHERE id=?", err);
	if (!st)
		goto fail;
	char nowts[20];
	db_now(d, nowts);
	char *py = search_index_text(e->name), *key = ent_sort_key(e->name);
	db_bind_text(st, 1, e->name);
	db_bind_text(st, 2, e->uscc);
	db_bind_text(st, 3, e->uscc_override);
	db_bind_text(st, 4, e->address ? e->address : "");
	db_bind_text(st, 5, e->area);
	db_bind_text(st, 6, e->category);
	db_bind_text(st, 7, e->group ? e->group : "");
	sqlite3_bind_int(st, 8, e->aviation);
	db_bind_text(st, 9, e->introduced_by ? e->introduced_by : "");
	db_bind_text(st, 10, e->legal_rep ? e->legal_rep : "");
	db_bind_text(st, 11, e->contact ? e->contact : "");
	db_bind_text(st, 12, e->phone ? e->phone : "");
	if (e->commissioner_id)
		sqlite3_bind_int64(st, 13, e->commissioner_id);
	db_bind_text(st, 14, e->lead_unit);
	db_bind_text(st, 15, e->coop_units ? e->coop_units : "");
	db_bind_text(st, 16, e->lead_override);
	db_bind_text(st, 17, py);
	db_bind_text(st, 18, key);
	db_bind_text(st, 19, nowts);
	sqlite3_bind_int64(st, 20, old->id);
	rc = sqlite3_step(st);
	db_done(st);
	free(py);
	free(key);
	if (rc != SQLITE_DONE) {
		char *owner = NULL;
		if (strcmp(old->uscc, e->uscc) != 0 && ent_store_uscc_owner(d, e->uscc, &owner, NULL, NULL) == 0) {
			uscc_taken(err, e->uscc, owner);
			free(owner);
		} else {
			db_fail(d, err, "updating an enterprise");
		}
		goto fail;
	}
	if (db_event(d, actor, "enterprise", old->id, e->lead_override && !old->lead_override
	             ? "override_lead" : "edit", sb_str(&sum), reason, err) < 0)
		goto fail;
	sb_free(&sum);
	return db_commit(d, err);
fail:
	db_rollback(d);
	sb_free(&sum);
	return -1;
}
