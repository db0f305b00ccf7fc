/* Reading a long list for an export, a report or a printed list a chunk at a time,
 * once for every such reader (issue 14). The database keeps the rollback journal
 * (Debian 12's SQLite 3.40), where one reader that holds its SHARED lock for seconds
 * makes the writers of other sessions fail; so no export holds one longer than a
 * chunk: each chunk is read in its own short read transaction, by key after the last
 * row of the chunk before (or, for the few lists without a key, by offset), and its
 * rows are handed on, to be written to a slow pipe or file, only after that
 * transaction has ended. An export is therefore not a snapshot: each chunk is
 * consistent; a row that does not change is written once; a row whose order key
 * changes meanwhile may be written twice or not at all (README, "Exports while
 * others work"). */
#ifndef QIFU_APP_CHUNK_H
#define QIFU_APP_CHUNK_H
#include <stddef.h>

#include "app/app.h"
#include "core/strbuf.h"
#include "store/db.h"
#include "store/store_err.h"

/* rows in a chunk: a few milliseconds of reading */
enum { APP_CHUNK_ROWS = 1000 };

/* up to limit records of the list query describes into out (records of the reader's
 * size), *n = how many: those after `last` (the last record of the chunk before, still
 * filled; NULL for the first chunk), or, for a reader that has no key, those from
 * `offset` on. 0, or -1 with err (and nothing to clear in out) */
typedef int app_chunk_read(db *d, void *query, const void *last, long offset, int limit,
                           void *out, int *n, store_err *err);

typedef struct app_chunked {
	app_chunk_read *read;
	void *query;               /* handed to read */
	size_t size;               /* of one record */
	void (*clear)(void *rec);  /* frees what a record owns */
	int chunk;                 /* rows a chunk; 0: APP_CHUNK_ROWS */
} app_chunked;

/* each record of the list c reads, in order, to row(rec, arg, err), which may keep
 * nothing of rec (it is cleared after); the database is never held while row runs.
 * A row that returns -1 (with err) stops the walk. 0, or -1 with err worded (a
 * failed read: app_store_text) */
int app_each_chunk(app_ctx *ctx, const app_chunked *c,
                   int (*row)(void *rec, void *arg, strbuf *err), void *arg, strbuf *err);
/* the same on the connection d, for a use case that is handed one (app_audit_verify) */
int app_each_chunk_db(db *d, const app_chunked *c,
                      int (*row)(void *rec, void *arg, strbuf *err), void *arg, strbuf *err);

#endif
