/* The database handle: opening with the pragmas TECH-NOTES requires, the journal
 * mode decision, numbered migrations, write transactions and the event log. The
 * only code that includes <sqlite3.h> lives under src/store. */
#ifndef QIFU_DB_H
#define QIFU_DB_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "store/store_err.h"

typedef struct db db;

typedef enum db_open_mode {
	DB_OPEN_EXISTING, /* refuse a missing file */
	DB_OPEN_CREATE,   /* create file and schema */
} db_open_mode;

/* how long a connection waits for another session's lock unless told otherwise */
enum { DB_BUSY_DEFAULT_MS = 15000 };

/* open (and migrate) the database at path; NULL with the reason in err. To read, the
 * file must be qifu's database: an empty file, a file that is not SQLite or another
 * program's SQLite database is refused unwritten (STORE_E_EMPTY_FILE, _NOT_SQLITE,
 * _NOT_QIFU). Waits DB_BUSY_DEFAULT_MS for a lock. */
db *db_open(const char *path, db_open_mode mode, store_err *err);
/* db_open, waiting at most busy_ms for a lock, the migrations' included */
db *db_open_wait(const char *path, db_open_mode mode, int busy_ms, store_err *err);
void db_close(db **d);
/* remove the database file at path, its anchor and its journal (a database a
 * command could not finish making) */
void db_unlink(const char *path);

/* the business date used for timestamps (--today); the system date by default */
void db_set_today(db *d, qdate today);
qdate db_today(const db *d);
/* "YYYY-MM-DD HH:MM:SS" for event and row timestamps: the business date (which
 * --today may fix) with the wall-clock time */
void db_now(const db *d, char buf[20]);
/* how long a statement waits for another session's lock ([database] busy_timeout_ms) */
void db_set_busy_timeout(db *d, int ms);
/* how many milliseconds the last wait for a lock that gave up lasted (0: SQLite
 * refused at once), or -1 when no wait of this process has given up: a command that
 * failed with this set failed because the database was busy */
long db_busy_gave_up(void);
/* while set, a statement stops when stop(arg) says so, and its store call fails
 * with STORE_E_INTERRUPTED: a list that a newer key makes stale is not finished.
 * For reads only; NULL clears it. */
void db_set_interrupt(db *d, bool (*stop)(void *arg), void *arg);

/* BEGIN IMMEDIATE; -1 with the reason (locked: names the file) in err */
int db_begin(db *d, store_err *err);
int db_commit(db *d, store_err *err);
void db_rollback(db *d);

/* A read transaction (BEGIN, deferred: the SHARED lock from its first read on) so
 * that the statements of one chunk of an export see one state of the database; end it
 * with db_read_end, before any row is written out. Inside a transaction already it
 * does nothing (*began false). 0, or -1 with the reason in err. */
int db_read_begin(db *d, bool *began, store_err *err);
/* end what db_read_begin began (COMMIT, and ROLLBACK when that fails) */
void db_read_end(db *d, bool began);
/* whether the connection holds a transaction now (sqlite3_txn_state: a read or a
 * write one, or a statement not yet reset): an export asks it between chunks */
/* Set the page cache to size (PRAGMA cache_size: pages, or KiB when negative) and
 * return the size it had, to be given back the same way; 0 (nothing changed) when
 * that cannot be read, and a size of 0 changes nothing. A walk that reads each
 * page of the file about once (an export by key: rows in name order lie on pages
 * in no order) gains nothing from a large cache and pays for filling it. */
int db_cache_size(db *d, int size);
bool db_in_transaction(db *d);

/* A bulk load into a brand-new file (qifu demo, which removes the file when it
 * fails): the named secondary indexes are dropped, their CREATE statements kept in
 * *b, and the rollback journal is off (PRAGMA journal_mode = OFF: nothing to undo in
 * a file nobody else has, and a crash or a rollback then leaves only a file that is
 * removed anyway), until db_build_end creates the indexes again, each in one sorted
 * pass instead of a random insert per row, and restores the journal. Only indexes no
 * read of the load uses may be named, or that read scans. Outside a transaction. */
typedef struct db_build {
	char **sql;
	int n;
	bool journal_off;
} db_build;
int db_build_begin(db *d, const char *const *indexes, int n, db_build *b, store_err *err);
/* A new database for a bulk load (qifu demo): made at "<path>.build-PID" and moved
 * to path, with its anchor, only when complete (db_build_publish), so that the file
 * a build without a journal (db_build_begin) leaves when it is killed is never the
 * one named path. Refused as db_open refuses where path holds a file already; NULL
 * with err. *tmp gets the build file's name (for db_unlink when the load fails). */
db *db_open_build(const char *path, char **tmp, store_err *err);
/* close *d (built by db_open_build as tmp) and move it and its anchor to path */
int db_build_publish(db **d, const char *tmp, const char *path, store_err *err);
/* create b's indexes again, journal back on; frees b's statements (also on failure) */
int db_build_end(db *d, db_build *b, store_err *err);

/* append an event row, chained to the one before it (store/event_chain.h); call
 * inside db_begin/db_commit, with the change itself. db_commit then appends the
 * newest event to the anchor file beside the database. */
int db_event(db *d, const char *actor, const char *entity, int64_t entity_id,
             const char *action, const char *summary, const char *reason, store_err *err);

/* the last error of the connection, for messages */
const char *db_errmsg(const db *d);
const char *db_path(const db *d);

/* "wal" when the linked SQLite carries the WAL-reset fix, else "truncate" */
const char *db_journal_mode(const db *d);
/* receives each problem db_check finds (STORE_E_INTEGRITY, STORE_E_FOREIGN_KEY) */
typedef void db_problem_fn(const store_err *problem, void *arg);
/* who hears that a commit's line could not be appended to the anchor file (the
 * commit stands): fn gets STORE_E_ANCHOR_UNWRITTEN; a problem that came before fn
 * was set (the migration's own line) is handed to it at once */
void db_on_anchor_problem(db *d, db_problem_fn *fn, void *arg);
/* integrity_check + foreign_key_check; each problem to fn, returns their count */
int db_check(db *d, db_problem_fn *fn, void *arg);
/* online backup to dest; -1 with reason in err */
int db_backup(db *d, const char *dest, store_err *err);
/* the schema version the database is at, and the one this program writes */
int db_schema_version(const db *d);
int db_schema_latest(void);
/* PRAGMA data_version: changes only when ANOTHER connection commits (our own commits
 * leave it), so that an idle screen sees other sessions' work; -1 when unreadable.
 * Holds no transaction afterwards. */
long long db_data_version(db *d);
/* whether this user can change nothing in the database: SQLite opened the file
 * read-only, or its directory (where the journal goes) is not writable */
bool db_read_only(db *d);
/* the linked SQLite's version string */
const char *db_sqlite_version(void);

#endif
