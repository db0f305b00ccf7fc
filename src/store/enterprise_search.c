/* The register's search as SQL (core/search.h says what matches). The trigram index
 * enterprise_fts holds each enterprise's search_index_text; a query's keys are
 * phrases in it, and qifu_search_match decides the candidates when the keys only
 * find them (Latin queries, matched at syllable starts). A query with few
 * candidates is read through the index; one with many walks the list's order and
 * tests each row, so that a window of the list costs about its own rows. */
#include "store/store_where.h"
#include "store/db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static void fn_search_text(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_result_text(cx, search_index_text(name ? name : ""), -1, free);
}

static void query_free(void *p)
{
	search_query *q = p;
	search_query_free(&q);
}

/* qifu_search_match(sort_key, query): whether the name in sort_key matches; the
 * query is compiled once per statement (SQLite keeps it for a bound argument) */
static void fn_search_match(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	search_query *q = sqlite3_get_auxdata(cx, 1);
	if (!q) {
		const char *raw = (const char *)sqlite3_value_text(argv[1]);
		sqlite3_set_auxdata(cx, 1, search_query_new(raw ? raw : ""), query_free);
		/* on failure SQLite has freed it already */
		if (!(q = sqlite3_get_auxdata(cx, 1))) {
			sqlite3_result_error_nomem(cx);
			return;
		}
	}
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	const char *name = key ? strchr(key, ENT_SORT_KEY_NAME) : NULL;
	sqlite3_result_int(cx, search_query_match(q, name ? name + 1 : key ? key : ""));
}

int ent_search_functions(sqlite3 *h)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	if (sqlite3_create_function_v2(h, "qifu_search_text", 1, flags, NULL, fn_search_text,
	                               NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(h, "qifu_search_match", 2, flags, NULL, fn_search_match,
	                               NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	return 0;
}

/* the keys as one FTS5 expression: "k1" OR "k2" …, each a quoted phrase */
static char *match_expr(const search_query *q)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < search_query_nkeys(q); i++) {
		if (i)
			sb_add(&b, " OR ");
		sb_addc(&b, '"');
		for (const char *p = search_query_key(q, i); *p; p++) {
			if (*p == '"')
				sb_addc(&b, '"');
			sb_addc(&b, *p);
		}
		sb_addc(&b, '"');
	}
	return sb_steal(&b);
}

/* "<name matches>" without a leading AND */
static void name_clause(store_where *w, const search_query *q, bool scan)
{
	if (!scan) {
		char *expr = match_expr(q);
		sb_add(&w->sql, "e.id IN (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?)");
		store_where_add(w, expr);
		free(expr);
		if (search_query_keys_decide(q))
			return;
		sb_add(&w->sql, " AND ");
	}
	/* a plain query is in the name as it is: SQLite's own instr() on sort_key, ten
	 * times cheaper a row than the function. It cannot match the readings before
	 * the name: they are ASCII, and the characters without a reading stand there
	 * one at a time between spaces. */
	sb_add(&w->sql, search_query_plain(q) ? "instr(e.sort_key, ?) > 0"
	                                     : "qifu_search_match(e.sort_key, ?)");
	store_where_add(w, search_query_folded(q));
}

void ent_search_clause(store_where *w, const search_query *q, bool scan)
{
	switch (search_query_kind(q)) {
	case SEARCH_EMPTY:
		break;
	case SEARCH_NAME: case SEARCH_PINYIN:
		sb_add(&w->sql, " AND ");
		name_clause(w, q, scan);
		break;
	case SEARCH_USCC_PREFIX: {
		/* a range on the unique index: [key, key + U+007F), or a name */
		char *hi = xasprintf("%s\x7f", search_query_uscc(q));
		sb_add(&w->sql, " AND ((e.uscc >= ? AND e.uscc < ?) OR (");
		store_where_add(w, search_query_uscc(q));
		store_where_add(w, hi);
		name_clause(w, q, scan);
		sb_add(&w->sql, "))");
		free(hi);
		break;
	}
	}
}

void ent_store_search_clause(store_where *w, const char *raw)
{
	search_query *q = search_query_new(raw);
	ent_search_clause(w, q, false);
	search_query_free(&q);
}

/* count(*) of sql with its text values, at most limit + 1 (sql ends in LIMIT ?) */
static int count_upto(db *d, const char *sql, const char *const *v, int nv, long limit,
                      long *n, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, sql, err);
	if (!st)
		return -1;
	for (int i = 0; i < nv; i++)
		db_bind_text(st, i + 1, v[i]);
	sqlite3_bind_int64(st, nv + 1, limit + 1);
	int rc = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0);
	} else {
		db_fail(d, err, "counting search candidates");
		rc = -1;
	}
	db_done(st);
	return rc;
}

int ent_search_candidates(db *d, const search_query *q, long limit, long *n, store_err *err)
{
	long m = 0;
	*n = 0;
	if (search_query_kind(q) == SEARCH_EMPTY)
		return 0;
	char *expr = match_expr(q);
	const char *v[] = { expr };
	int rc = count_upto(d, "SELECT count(*) FROM (SELECT 1 FROM enterprise_fts"
	                       " WHERE enterprise_fts MATCH ? LIMIT ?)", v, 1, limit, n, err);
	free(expr);
	if (rc == 0 && search_query_kind(q) == SEARCH_USCC_PREFIX && *n <= limit) {
		char *hi = xasprintf("%s\x7f", search_query_uscc(q));
		const char *u[] = { search_query_uscc(q), hi };
		rc = count_upto(d, "SELECT count(*) FROM (SELECT 1 FROM enterprise"
		                   " WHERE uscc >= ? AND uscc < ? LIMIT ?)", u, 2, limit, &m, err);
		free(hi);
	}
	*n += m;
	return rc;
}

/* How to run a search of which a statement wants `need` rows. Reading the C
 * candidates costs C row reads (and a sort), each a seek in the table worth about
 * ENT_SEEK_STEPS steps of a walk; walking the list's order and testing each row
 * finds `need` of the M matches after about need * N / M steps, N the register's
 * size. So the candidates are read when ENT_SEEK_STEPS * C * M <= need * N (and
 * always when there are at most ENT_FEW_ALWAYS), the order walked when that is
 * cheaper or C passes ENT_FEW_MAX: every page would then read them all again. M is
 * C when the keys decide, else C times the share of ENT_SAMPLE candidates that
 * match (huaqin: 1 371 candidates, 61 matches). (Measured at 100 000: a seek 3-5 us
 * with the file cached, a step and a test about 1 us.) */
#define ENT_FEW_ALWAYS 64
#define ENT_SEEK_STEPS 4
#define ENT_SAMPLE 32
#define ENT_SAMPLE_SQL "32"

/* The last search's candidates and the register's size: a screen counts and reads
 * the same search key after key, a long list page after page. Kept while the
 * database is unchanged (a stale value would only choose the slower way). */
static struct {
	const db *d;
	char *search;
	db_mark mark;
	long candidates, matches, size;
} last_plan;

/* about how many of the c candidates match: all when the keys decide, else in the
 * share of the first ENT_SAMPLE that do (at least one) */
static int estimate_matches(db *d, const search_query *q, long c, long *m, store_err *err)
{
	*m = c;
	if (search_query_keys_decide(q) || search_query_kind(q) != SEARCH_PINYIN ||
	    c <= ENT_FEW_ALWAYS || c > ENT_FEW_MAX)
		return 0;
	char *expr = match_expr(q);
	const char *v[] = { expr, search_query_folded(q) };
	long hits = 0;
	int rc = count_upto(d, "SELECT count(*) FROM (SELECT 1 FROM enterprise e WHERE e.id IN"
	                       " (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?"
	                       " LIMIT " ENT_SAMPLE_SQL ") AND qifu_search_match(e.sort_key, ?)"
	                       " LIMIT ?)", v, 2, ENT_SAMPLE, &hits, err);
	free(expr);
	*m = hits > 0 ? c * hits / ENT_SAMPLE : 1;
	return rc;
}

static int plan_inputs(db *d, const search_query *q, const char *search, long *c, long *m,
                       long *n, store_err *err)
{
	db_mark mark;
	db_mark_now(d, &mark);
	if (last_plan.d == d && last_plan.search && strcmp(last_plan.search, search) == 0 &&
	    db_mark_same(&last_plan.mark, &mark)) {
		*c = last_plan.candidates;
		*m = last_plan.matches;
		*n = last_plan.size;
		return 0;
	}
	if (ent_search_candidates(d, q, ENT_FEW_MAX, c, err) < 0 ||
	    estimate_matches(d, q, *c, m, err) < 0)
		return -1;
	/* the largest id: the register's size without counting it */
	sqlite3_stmt *st = db_stmt(d, "SELECT max(id) FROM enterprise", err);
	if (!st)
		return -1;
	*n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	db_done(st);
	free(last_plan.search);
	last_plan.d = d;
	last_plan.search = xstrdup(search);
	last_plan.mark = mark;
	last_plan.candidates = *c;
	last_plan.matches = *m;
	last_plan.size = *n;
	return 0;
}

int ent_search_plan(db *d, const char *search, long need, ent_search *s, store_err *err)
{
	*s = (ent_search){ 0 };
	s->q = search_query_new(search);
	long c, m, n;
	if (plan_inputs(d, s->q, search, &c, &m, &n, err) < 0) {
		search_query_free(&s->q);
		return -1;
	}
	s->candidates = c;
	s->scan = c > ENT_FEW_MAX ||
	          (c > ENT_FEW_ALWAYS &&
	           ENT_SEEK_STEPS * (double)c * (double)m > (double)need * (double)n);
	return 0;
}

void ent_search_done(ent_search *s)
{
	search_query_free(&s->q);
}
