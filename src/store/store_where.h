/* A WHERE clause under construction together with the text values bound to its
 * ? parameters, so that every list query of the store keeps SQL and values apart;
 * and the register's enterprise search as such a clause, shared by every list that
 * filters by enterprise. Not for use outside src/store. */
#ifndef QIFU_STORE_WHERE_H
#define QIFU_STORE_WHERE_H
#include <sqlite3.h>

#include "core/strbuf.h"

enum { STORE_WHERE_BINDS = 32 };

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

/* append " AND <enterprise e matches raw>": the register's search (name, pinyin,
 * USCC prefix; core/search.h), over a table aliased e with the enterprise columns */
void ent_store_search_clause(store_where *w, const char *raw);

#endif
