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

/* the conditions past k's value, in the order's direction: "> v" (ascending; after a
 * NULL: every value), "< v" and then the NULLs (descending; nothing after a NULL);
 * *how gets 'g' (greater), 'l' (less), 'n' (IS NULL) or 'v' (IS NOT NULL) */
static int past(const store_key *k, bool desc, char how[2])
{
	if (!desc) {
		how[0] = k->val ? 'g' : 'v';
		return 1;
	}
	if (!k->val)
		return 0;
	how[0] = 'l';
	how[1] = 'n';
	return k->nullable ? 2 : 1;
}

bool store_where_after(store_where *w, const store_key *k, int nk, bool desc, int part)
{
	for (int j = nk - 1; j >= 0; j--) {
		char how[2];
		int np = past(&k[j], desc, how);
		if (part >= np) {
			part -= np;
			continue;
		}
		for (int i = 0; i < j; i++) {
			if (!k[i].val) {
				sb_addf(&w->sql, " AND %s IS NULL", k[i].col);
			} else {
				sb_addf(&w->sql, " AND %s = %s", k[i].col, k[i].param);
				store_where_add(w, k[i].val);
			}
		}
		switch (how[part]) {
		case 'g':
		case 'l':
			sb_addf(&w->sql, " AND %s %c %s", k[j].col, how[part] == 'g' ? '>' : '<',
			        k[j].param);
			store_where_add(w, k[j].val);
			break;
		case 'n': sb_addf(&w->sql, " AND %s IS NULL", k[j].col); break;
		default: sb_addf(&w->sql, " AND %s IS NOT NULL", k[j].col); break;
		}
		return true;
	}
	return false;
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
