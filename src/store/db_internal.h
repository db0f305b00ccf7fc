/* What the store modules share about the connection: the raw handle and the
 * cached prepared statements. Not for use outside src/store. */
#ifndef QIFU_DB_INTERNAL_H
#define QIFU_DB_INTERNAL_H
#include <sqlite3.h>

#include "store/db.h"

sqlite3 *db_handle(db *d);
/* a prepared statement for sql, prepared on first use and kept until db_close;
 * reset and with bindings cleared; NULL with the reason in err */
sqlite3_stmt *db_stmt(db *d, const char *sql, store_err *err);
/* reset a statement after use so that readers never hold the database */
void db_done(sqlite3_stmt *st);
/* text of column i, never NULL */
const char *db_col_text(sqlite3_stmt *st, int i);
/* bind text or NULL when s is NULL */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* the database's state as of now: two equal marks, no change in between (by this
 * connection or a commit of another) */
typedef struct db_mark {
	int64_t data_version, changes;
} db_mark;
void db_mark_now(db *d, db_mark *m);
bool db_mark_same(const db_mark *a, const db_mark *b);
/* the connection's last failure in err: locked, read-only, or SQLite's words while
 * doing what (an English phrase, a literal) */
void db_fail(db *d, store_err *err, const char *what);
/* qifu_event_hash on the connection (store/event_chain.c): before the migrations */
int event_chain_functions(sqlite3 *h);
/* route SQLite's file calls through the setgid guard (db_guard.c); once, when protected */
void db_guard_install(void);
/* create path for SQLite to fill, mode 0660 whatever the umask allows (never readable
 * by others), through the guard; 0, or -1 with errno */
int db_create_private(const char *path);
/* sql run on the connection: 0, or -1 with the reason in err (may be NULL) */
int db_exec(db *d, const char *sql, store_err *err);
/* the integer a one-value statement (a PRAGMA) gives, -1 when it fails */
int db_pragma_int(db *d, const char *sql);
/* 0 when no row points to a missing one (PRAGMA foreign_key_check is empty); the
 * first that does is err's */
int db_foreign_keys_hold(db *d, store_err *err);

#endif
