/* The WHERE-clause builder of the store's list queries: SQL text and the values
 * for its ? parameters kept side by side, never printed into the SQL. */
#include "store/store_where.h"
#include "store/db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void store_where_init(store_where *w)
{
	memset(w, 0, sizeof *w);
	sb_add(&w->sql, " WHERE 1");
}

void store_where_add(store_where *w, const char *v)
{
	/* the builders are code with a fixed number of conditions: overflowing is a bug */
	if (w->nbinds == STORE_WHERE_BINDS)
		fatal("store_where: more than %d bound values", STORE_WHERE_BINDS);
	w->binds[w->nbinds++] = xstrdup(v);
}

void store_where_bind(const store_where *w, sqlite3_stmt *st)
{
	for (int i = 0; i < w->nbinds; i++)
		db_bind_text(st, i + 1, w->binds[i]);
}

void store_where_free(store_where *w)
{
	sb_free(&w->sql);
	for (int i = 0; i < w->nbinds; i++)
		free(w->binds[i]);
	w->nbinds = 0;
}
