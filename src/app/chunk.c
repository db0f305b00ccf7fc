/* The one chunk loop of exports, reports and printed lists (app/chunk.h). */
#include "app/chunk.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/xalloc.h"

/* one chunk in its own read transaction, so that the statements a reader runs for
 * it (a count, the parts of an order) agree; the transaction has ended on return */
static int read_chunk(db *d, const app_chunked *c, const void *last, long offset, int limit,
                      void *out, int *n, store_err *se)
{
	bool began;
	*n = 0;
	if (db_read_begin(d, &began, se) < 0)
		return -1;
	int rc = c->read(d, c->query, last, offset, limit, out, n, se);
	db_read_end(d, began);
	return rc;
}

int app_each_chunk(app_ctx *ctx, const app_chunked *c,
                   int (*row)(void *rec, void *arg, strbuf *err), void *arg, strbuf *err)
{
	return app_each_chunk_db(app_db(ctx), c, row, arg, err);
}

int app_each_chunk_db(db *d, const app_chunked *c,
                      int (*row)(void *rec, void *arg, strbuf *err), void *arg, strbuf *err)
{
	int limit = c->chunk > 0 ? c->chunk : APP_CHUNK_ROWS;
	char *page = xcalloc((size_t)limit, c->size);
	/* the last record of the chunk before: the key the next one starts after */
	char *last = xcalloc(1, c->size);
	bool have_last = false;
	store_err se = { 0 };
	int rc = 0, n;
	for (long offset = 0; rc == 0; offset += n) {
		if (read_chunk(d, c, have_last ? last : NULL, offset, limit, page, &n, &se) < 0) {
			rc = app_store_rc(-1, &se, err);
			break;
		}
		if (have_last)
			c->clear(last);
		have_last = false;
		for (int i = 0; i < n; i++) {
			char *rec = page + c->size * (size_t)i;
			if (rc == 0 && row(rec, arg, err) < 0)
				rc = -1;
			if (i == n - 1) {
				memcpy(last, rec, c->size);
				memset(rec, 0, c->size);
				have_last = true;
			} else {
				c->clear(rec);
			}
		}
		if (n < limit)
			break;
	}
	if (have_last)
		c->clear(last);
	free(last);
	free(page);
	return rc;
}
