/* A WHERE clause under construction together with the text values bound to its
 * ? parameters, so that every list query of the store keeps SQL and values apart;
 * and the register's enterprise search as such a clause, shared by every list that
 * filters by enterprise. Not for use outside src/store. */
#ifndef QIFU_STORE_WHERE_H
#define QIFU_STORE_WHERE_H
#include <sqlite3.h>
#include <stdbool.h>

#include "core/search.h"
#include "core/strbuf.h"
#include "store/db.h"

enum { STORE_WHERE_BINDS = 32 };

/* an enterprise's sort_key is its name's readings, this byte, then the name */
#define ENT_SORT_KEY_NAME '\x01'

typedef struct store_where {
	strbuf sql;
	char *binds[STORE_WHERE_BINDS];
	int nbinds;
} store_where;

/* an empty clause: " WHERE 1", to which conditions are appended as " AND ..." */
void store_where_init(store_where *w);
/* keep a copy of v as the value of the next ? parameter */
void store_where_add(store_where *w, const char *v);
/* bind the kept values to the first ? parameters of st */
void store_where_bind(const store_where *w, sqlite3_stmt *st);
/* free the SQL and the kept values */
void store_where_free(store_where *w);

/* one column of a list's order and the value the last row read had in it: what a
 * list read by key (keyset) starts after */
typedef struct store_key {
	const char *col;    /* "a.next_due" */
	const char *param;  /* how the value is bound: "?", "CAST(? AS INTEGER)", or a
	                     * subquery with one ? */
	const char *val;    /* the last row's value as text; NULL for NULL */
	bool nullable;      /* the column may be NULL (it sorts first, last when desc) */
} store_key;

/* The rows after the last row of the order "ORDER BY k[0], …, k[nk-1]" (every
 * column DESC when desc), as parts read one after the other, each a range of the
 * order's index: the deepest first (k[0..nk-2] equal, k[nk-1] past its value), the
 * widest last (k[0] past its value), with the NULLs of a nullable column as parts of
 * their own. Appends part `part` (from 0) to w; false when there is no such part. */
bool store_where_after(store_where *w, const store_key *k, int nk, bool desc, int part);

/* append " AND <enterprise e matches raw>": the register's search (name, pinyin,
 * USCC prefix; core/search.h), over a table aliased e with the enterprise columns,
 * through the search index (store/enterprise_search.c) */
void ent_store_search_clause(store_where *w, const char *raw);
/* the same for a compiled query: through the index, or (scan) testing every row
 * the statement walks, for a query with many matches read in the list's order */
void ent_search_clause(store_where *w, const search_query *q, bool scan);
/* *n: q's candidates in the index (and its USCC range), counted up to limit + 1 */
int ent_search_candidates(db *d, const search_query *q, long limit, long *n, store_err *err);
/* a list's search, compiled once for a statement, and how it is run */
typedef struct ent_search {
	search_query *q;
	long candidates;  /* in the index, counted up to ENT_FEW_MAX + 1 */
	bool scan;        /* many candidates: test each row in the list's order */
} ent_search;
/* candidates beyond this many are not counted: the list's order is walked */
#define ENT_FEW_MAX 4000
/* the search and how to run it for a statement that wants need rows: through
 * the index or walking the list's order (store/enterprise_search.c says when) */
int ent_search_plan(db *d, const char *search, long need, ent_search *s, store_err *err);
void ent_search_done(ent_search *s);
/* register the search's SQL functions on a new connection: qifu_search_text(name)
 * (what search_text holds) and qifu_search_match(sort_key, query); 0 or -1 */
int ent_search_functions(sqlite3 *h);

#endif
