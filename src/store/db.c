/* The SQLite connection: pragmas on every open (TECH-NOTES), the journal-mode
 * decision, migrations, BEGIN IMMEDIATE transactions, the append-only event log,
 * a cache of prepared statements, integrity checks and online backup. */
#include "store/db.h"
#include "store/db_internal.h"
#include "store/event_chain.h"
#include "store/pagecache.h"
#include "store/schema.h"
#include "store/store_where.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/privilege.h"
#include "core/xalloc.h"

#define STMT_CACHE 64
/* 8 MB of pages (2 MB by default): a screen's list reads the same index pages key
 * after key; at 100 000 enterprises they no longer fall out between two keys
 * (search as you type: 0.85 s down to 0.53 s) */
#define DB_CACHE_KIB 8192
#define DB_STR_(x) #x
#define DB_STR(x) DB_STR_(x)
/* the page size of qifu's files: SQLite's default, never set; a file with another
 * reads its pages into malloc'd blocks as before */
#define DB_PAGE_SIZE 4096

struct db {
	sqlite3 *h;
	char *path;
	qdate today;
	int busy_ms;
	long busy_since;	/* when the lock wait in progress began (mono_ms) */
	bool wal;
	bool (*stop)(void *arg);	/* db_set_interrupt */
	void *stop_arg;
	bool events_written;	/* this transaction wrote events: anchor its head */
	/* the chain's head as this transaction's last db_event left it (head_known):
	 * no other session writes inside our BEGIN IMMEDIATE, so the next event links
	 * to it without reading it back; forgotten at every begin, commit and rollback */
	bool head_known;
	int64_t head_id;
	char head_hash[SHA256_HEX];
	char head_at[20];
	db_problem_fn *anchor_fn;	/* db_on_anchor_problem */
	void *anchor_arg;
	store_err anchor_problem;	/* one that came before a hook was set */
	struct {
		char *sql;
		sqlite3_stmt *st;
	} cache[STMT_CACHE];
	int ncache;
};

/* The WAL-reset bug (sqlite.org wal.html#walresetbug) is fixed in 3.51.3 and
 * backported to 3.50.7 and 3.44.6; any other version uses the rollback journal. */
static bool wal_is_safe(int v)
{
	if (v >= 3051003)
		return true;
	if (v >= 3050007 && v < 3051000)
		return true;
	if (v >= 3044006 && v < 3045000)
		return true;
	return false;
}

sqlite3 *db_handle(db *d)
{
	return d->h;
}

const char *db_errmsg(const db *d)
{
	return sqlite3_errmsg(d->h);
}

const char *db_path(const db *d)
{
	return d->path;
}

void db_set_today(db *d, qdate today)
{
	d->today = today;
}

void db_set_busy_timeout(db *d, int ms)
{
	d->busy_ms = ms;
}

/* how long the last lock wait that gave up lasted, -1 while none has: one process
 * runs one command, so this is the command's (db_busy_gave_up) */
static long busy_gave_up_ms = -1;
static long busy_last_waited;

static long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* The wait for another session's lock, in place of sqlite3_busy_timeout, which gives
 * up without saying how long it really waited (a statement can meet the lock late,
 * or several times): this one measures from the first retry and records the wait
 * when it gives up. Its back-off stops at 25 ms, not SQLite's 100: with eight
 * writers, a session asleep for 100 ms missed the gaps between the others'
 * transactions again and again (scripts/stress: 17 of 4000 writes gave up after 5 s,
 * every one having waited it all). */
static int on_busy(void *arg, int count)
{
	static const int delays[] = { 1, 2, 5, 10, 15, 20 };
	db *d = arg;
	long now = mono_ms();
	if (count == 0)
		d->busy_since = now;
	long waited = now - d->busy_since;
	if (waited >= d->busy_ms) {
		busy_last_waited = busy_gave_up_ms = waited;
		return 0;
	}
	long delay = count < (int)(sizeof delays / sizeof delays[0]) ? delays[count] : 25;
	if (delay > d->busy_ms - waited)
		delay = d->busy_ms - waited;
	sqlite3_sleep((int)delay);
	return 1;
}

long db_busy_gave_up(void)
{
	return busy_gave_up_ms;
}

/* the directory of the database file, where SQLite creates its journal */
static char *db_dir(const db *d)
{
	char *dir = xstrdup(d->path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

/* the journal SQLite keeps beside the database while it writes cannot be created */
static void journal_fail(db *d, store_err *err)
{
	char *journal = xasprintf("%s%s", d->path, d->wal ? "-wal" : "-journal");
	char *dir = db_dir(d);
	store_err_set(err, STORE_E_JOURNAL);
	store_err_path(err, journal);
	store_err_name(err, 0, dir);
	free(journal);
	free(dir);
}

/* whether the journal's directory refuses this user: SQLite says only "disk I/O
 * error" or "unable to open database file" when the journal cannot be created */
static bool journal_blocked(const db *d)
{
	char *dir = db_dir(d);
	bool blocked = access(dir, W_OK) != 0;
	free(dir);
	return blocked;
}

qdate db_today(const db *d)
{
	return d->today;
}

void db_fail(db *d, store_err *err, const char *what)
{
	int code = sqlite3_extended_errcode(d->h) & 0xff;
	if (!err) {
		if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && busy_gave_up_ms < 0)
			busy_gave_up_ms = 0;
		return;
	}
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
		/* a lock met where SQLite does not wait (a deadlock it foresees) gave up too */
		if (busy_gave_up_ms < 0)
			busy_gave_up_ms = 0;
		store_err_set(err, STORE_E_LOCKED);
		store_err_num(err, 0, busy_last_waited);
		store_err_num(err, 1, d->busy_ms);
	} else if ((code == SQLITE_CANTOPEN || code == SQLITE_IOERR) && journal_blocked(d)) {
		journal_fail(d, err);
		return;
	} else if (code == SQLITE_INTERRUPT) {
		store_err_set(err, STORE_E_INTERRUPTED);
	} else if (code == SQLITE_READONLY) {
		store_err_set(err, STORE_E_READONLY);
	} else if (code == SQLITE_FULL) {
		store_err_set(err, STORE_E_DISK_FULL);
	} else {
		store_err_set(err, STORE_E_FAILED);
		store_err_what(err, what);
		store_err_detail(err, sqlite3_errmsg(d->h));
	}
	store_err_path(err, d->path);
}

int db_exec(db *d, const char *sql, store_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(d->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = sqlite3_extended_errcode(d->h) & 0xff;
		if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_FULL ||
		    code == SQLITE_READONLY || ((code == SQLITE_CANTOPEN || code == SQLITE_IOERR) && journal_blocked(d))) {
			db_fail(d, err, sql);
		} else if (err) {
			/* the statement itself is not named: a migration's is pages long */
			store_err_path(store_err_set(err, STORE_E_FAILED), d->path);
			store_err_detail(err, msg ? msg : sqlite3_errmsg(d->h));
		}
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int db_pragma_int(db *d, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_schema_version(const db *d)
{
	return db_pragma_int((db *)d, "PRAGMA user_version");
}

const char *db_sqlite_version(void)
{
	return sqlite3_libversion();
}

int db_schema_latest(void)
{
	return schema_latest();
}

int db_begin(db *d, store_err *err)
{
	d->head_known = false;
	return db_exec(d, "BEGIN IMMEDIATE", err);
}

/* a commit's anchor could not be written: the hook's to say, or kept until one is set */
static void anchor_problem(db *d, const store_err *problem)
{
	if (d->anchor_fn)
		d->anchor_fn(problem, d->anchor_arg);
	else
		d->anchor_problem = *problem;
}

void db_on_anchor_problem(db *d, db_problem_fn *fn, void *arg)
{
	d->anchor_fn = fn;
	d->anchor_arg = arg;
	if (fn && d->anchor_problem.code != STORE_OK) {
		fn(&d->anchor_problem, arg);
		store_err_set(&d->anchor_problem, STORE_OK);
	}
}

int db_commit(db *d, store_err *err)
{
	/* the head as this transaction leaves it, read before another session's commit
	 * can follow ours */
	int64_t seq = 0;
	char hash[SHA256_HEX], at[20];
	bool anchor = d->events_written;
	d->events_written = false;
	if (anchor && d->head_known) {
		seq = d->head_id;
		memcpy(hash, d->head_hash, sizeof hash);
		memcpy(at, d->head_at, sizeof at);
	} else if (anchor && event_chain_head(d, &seq, hash, at, err) < 0) {
		db_rollback(d);
		return -1;
	}
	d->head_known = false;
	if (db_exec(d, "COMMIT", err) < 0) {
		db_rollback(d);
		return -1;
	}
	/* after the commit, never before: an anchor line names only committed events.
	 * The change stands when the line cannot be written; the problem is said, and
	 * the next commit's line anchors this head too (verify checks each line). */
	store_err problem = { 0 };
	if (anchor && seq > 0 && event_anchor_append(d->path, seq, hash, at, &problem) < 0)
		anchor_problem(d, &problem);
	return 0;
}

void db_rollback(db *d)
{
	d->events_written = false;
	d->head_known = false;
	if (!sqlite3_get_autocommit(d->h))
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
}

int db_read_begin(db *d, bool *began, store_err *err)
{
	*began = false;
	if (!sqlite3_get_autocommit(d->h))
		return 0;
	if (db_exec(d, "BEGIN", err) < 0)
		return -1;
	*began = true;
	return 0;
}

void db_read_end(db *d, bool began)
{
	if (began && sqlite3_exec(d->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK &&
	    !sqlite3_get_autocommit(d->h))
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
}

int db_cache_size(db *d, int size)
{
	sqlite3_stmt *st = db_stmt(d, "PRAGMA cache_size", NULL);
	int was = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	if (was == 0 || size == 0)
		return 0;
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", size);
	sqlite3_exec(d->h, sql, NULL, NULL, NULL);
	return was;
}

bool db_in_transaction(db *d)
{
	return sqlite3_txn_state(d->h, NULL) != SQLITE_TXN_NONE;
}

/* 0 when no row points to a missing one (PRAGMA foreign_key_check is empty); the
 * first that does is err's */
int db_foreign_keys_hold(db *d, store_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(d->h, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK) {
		store_err_path(store_err_set(err, STORE_E_FAILED), d->path);
		store_err_detail(err, sqlite3_errmsg(d->h));
		return -1;
	}
	int rc = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		store_err_set(err, STORE_E_FOREIGN_KEY);
		store_err_name(err, 0, db_col_text(st, 0));
		store_err_num(err, 0, sqlite3_column_int64(st, 1));
		store_err_name(err, 1, db_col_text(st, 2));
		rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

/* whether the event log has its hash chain yet */
static bool event_chained(db *d)
{
	return db_pragma_int(d, "SELECT count(*) FROM pragma_table_info('event') WHERE name = 'hash'")
	       > 0;
}

static int migrate(db *d, store_err *err)
{
	int have = db_schema_version(d);
	bool chained = have == 0 || event_chained(d);
	int want = schema_latest();
	if (have > want) {
		store_err_set(err, STORE_E_SCHEMA_NEWER);
		store_err_path(err, d->path);
		store_err_num(err, 0, have);
		store_err_num(err, 1, want);
		return -1;
	}
	if (have == want)
		return 0;
	/* A migration that rebuilds a table (SQLite cannot change a CHECK) drops the
	 * table others point to: with foreign keys on, that drop would delete through
	 * them. So the keys are off while migrating (the pragma does nothing inside a
	 * transaction) and checked before each migration commits
	 * (sqlite.org/lang_altertable.html#otheralter). */
	if (db_exec(d, "PRAGMA foreign_keys = OFF", err) < 0)
		return -1;
	int rc = 0;
	for (int v = have + 1; v <= want && rc == 0; v++) {
		if (db_begin(d, err) < 0) {
			rc = -1;
			break;
		}
		/* another process may have migrated while we waited for the lock */
		if (db_schema_version(d) >= v) {
			db_rollback(d);
			continue;
		}
		char setv[40];
		snprintf(setv, sizeof setv, "PRAGMA user_version = %d", v);
		if (db_exec(d, schema_migration(v), err) < 0 || db_foreign_keys_hold(d, err) < 0 ||
		    db_exec(d, setv, err) < 0 || db_commit(d, err) < 0) {
			db_rollback(d);
			if (err)
				err->migration = v;
			rc = -1;
		}
	}
	if (db_exec(d, "PRAGMA foreign_keys = ON", rc == 0 ? err : NULL) < 0)
		rc = -1;
	if (rc == 0) {
		/* the migration that chained an existing log anchors its head at once: from
		 * here on, removing the newest events shows */
		store_err problem = { 0 };
		if (!chained && event_chained(d) && event_anchor_append_head(d, &problem) < 0)
			anchor_problem(d, &problem);
	}
	return rc;
}

/* Whether the file opened to be read is qifu's database: an empty file, one that is
 * not SQLite, or an SQLite database without qifu's tables is refused before anything
 * (the journal mode, a migration) could write to it. */
static int check_ours(db *d, store_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(d->h, "SELECT count(*), count(*) FILTER (WHERE type = 'table'"
	                            " AND name IN ('staff', 'event')) FROM sqlite_master"
	                            " WHERE type = 'table'", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int tables = sqlite3_column_int(st, 0), ours = sqlite3_column_int(st, 1);
		sqlite3_finalize(st);
		if (ours == 2 && db_schema_version(d) > 0)
			return 0;
		store_err_path(store_err_set(err, STORE_E_NOT_QIFU), d->path);
		store_err_num(err, 0, tables);
		return -1;
	}
	sqlite3_finalize(st);
	if ((sqlite3_extended_errcode(d->h) & 0xff) == SQLITE_NOTADB) {
		store_err_path(store_err_set(err, STORE_E_NOT_SQLITE), d->path);
		return -1;
	}
	db_fail(d, err, "reading the schema");
	return -1;
}

db *db_open(const char *path, db_open_mode mode, store_err *err)
{
	return db_open_wait(path, mode, DB_BUSY_DEFAULT_MS, err);
}

db *db_open_wait(const char *path, db_open_mode mode, int busy_ms, store_err *err)
{
	pagecache_setup(DB_PAGE_SIZE, DB_CACHE_KIB);
	db_guard_install();
	struct stat stbuf;
	int t = priv_raise_for(path);
	bool exists = stat(path, &stbuf) == 0;
	priv_restore(t);
	if (!exists && mode == DB_OPEN_EXISTING) {
		store_err_path(store_err_set(err, STORE_E_NO_DATABASE), path);
		return NULL;
	}
	if (exists && mode == DB_OPEN_EXISTING && S_ISREG(stbuf.st_mode) && stbuf.st_size == 0) {
		store_err_path(store_err_set(err, STORE_E_EMPTY_FILE), path);
		return NULL;
	}
	if (exists && mode == DB_OPEN_CREATE && stbuf.st_size > 0) {
		store_err_path(store_err_set(err, STORE_E_FILE_EXISTS), path);
		return NULL;
	}
	if (exists && S_ISDIR(stbuf.st_mode)) {
		store_err_path(store_err_set(err, STORE_E_IS_DIRECTORY), path);
		return NULL;
	}
	/* SQLite would create it 0644 less the umask: readable by anyone */
	if (!exists && mode == DB_OPEN_CREATE && db_create_private(path) < 0) {
		store_err_path(store_err_set(err, STORE_E_CANNOT_OPEN), path);
		store_err_detail(err, strerror(errno));
		return NULL;
	}
	db *d = xcalloc(1, sizeof *d);
	d->path = xstrdup(path);
	d->today = date_system_today();
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
	            (mode == DB_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &d->h, flags, NULL) != SQLITE_OK) {
		store_err_path(store_err_set(err, STORE_E_CANNOT_OPEN), path);
		store_err_detail(err, d->h ? sqlite3_errmsg(d->h) : "out of memory");
		db_close(&d);
		return NULL;
	}
	d->busy_ms = busy_ms;
	sqlite3_busy_handler(d->h, on_busy, d);
	sqlite3_extended_result_codes(d->h, 1);
	d->wal = wal_is_safe(sqlite3_libversion_number());
	/* before any pragma: one of them reading a foreign file would say only "file is
	 * not a database", and the journal mode and the migrations write */
	if (mode == DB_OPEN_EXISTING && check_ours(d, err) < 0) {
		db_close(&d);
		return NULL;
	}
	/* the search's functions, before the migrations: migration 9 fills search_text */
	if (ent_search_functions(d->h) < 0 || event_chain_functions(d->h) < 0) {
		store_err_path(store_err_set(err, STORE_E_CANNOT_OPEN), path);
		store_err_detail(err, sqlite3_errmsg(d->h));
		db_close(&d);
		return NULL;
	}
	/* a file that is not SQLite fails on the first read; say so plainly */
	if (db_exec(d, "PRAGMA foreign_keys = ON", err) < 0 ||
	    db_exec(d, "PRAGMA synchronous = FULL", err) < 0 ||
	    /* statement journals and sort spills in memory: several times faster for
	     * bulk moves, and nothing in them outlives the transaction */
	    db_exec(d, "PRAGMA temp_store = MEMORY", err) < 0 ||
	    db_exec(d, "PRAGMA cache_size = -" DB_STR(DB_CACHE_KIB), err) < 0 ||
	    db_exec(d, d->wal ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = TRUNCATE",
	         err) < 0 ||
	    migrate(d, err) < 0) {
		db_close(&d);
		return NULL;
	}
	return d;
}

static int progress(void *arg)
{
	db *d = arg;
	return d->stop && d->stop(d->stop_arg) ? 1 : 0;
}

void db_set_interrupt(db *d, bool (*stop)(void *arg), void *arg)
{
	d->stop = stop;
	d->stop_arg = arg;
	/* about every 10 000 steps of the engine: a few tens of microseconds */
	sqlite3_progress_handler(d->h, stop ? 10000 : 0, stop ? progress : NULL, d);
}

void db_close(db **dp)
{
	db *d = *dp;
	if (!d)
		return;
	for (int i = 0; i < d->ncache; i++) {
		sqlite3_finalize(d->cache[i].st);
		free(d->cache[i].sql);
	}
	if (d->h)
		sqlite3_close(d->h);
	free(d->path);
	free(d);
	*dp = NULL;
}

void db_unlink(const char *path)
{
	char *anchor = event_anchor_path(path), *journal = xasprintf("%s-journal", path);
	unlink(path);
	unlink(anchor);
	unlink(journal);
	free(anchor);
	free(journal);
}

sqlite3_stmt *db_stmt(db *d, const char *sql, store_err *err)
{
	for (int i = 0; i < d->ncache; i++)
		if (strcmp(d->cache[i].sql, sql) == 0) {
			sqlite3_reset(d->cache[i].st);
			sqlite3_clear_bindings(d->cache[i].st);
			return d->cache[i].st;
		}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(d, err, "prepare");
		return NULL;
	}
	if (d->ncache == STMT_CACHE) {
		/* evict the oldest; the cache holds the handful of shapes a session uses */
		sqlite3_finalize(d->cache[0].st);
		free(d->cache[0].sql);
		memmove(&d->cache[0], &d->cache[1], sizeof d->cache[0] * (STMT_CACHE - 1));
		d->ncache--;
	}
	d->cache[d->ncache].sql = xstrdup(sql);
	d->cache[d->ncache].st = st;
	d->ncache++;
	return st;
}

long long db_data_version(db *d)
{
	sqlite3_stmt *st = db_stmt(d, "PRAGMA data_version", NULL);
	long long v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	db_done(st);
	return v;
}

bool db_read_only(db *d)
{
	if (sqlite3_db_readonly(d->h, "main") == 1)
		return true;
	char *dir = db_dir(d);
	/* as the guard would open the journal: with the group raised inside its directory */
	int t = priv_raise_for(d->path);
	bool ro = faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0;
	priv_restore(t);
	free(dir);
	return ro;
}

void db_mark_now(db *d, db_mark *m)
{
	m->data_version = db_data_version(d);
	m->changes = sqlite3_total_changes64(d->h);
}

bool db_mark_same(const db_mark *a, const db_mark *b)
{
	return a->data_version >= 0 && a->data_version == b->data_version &&
	       a->changes == b->changes;
}

void db_done(sqlite3_stmt *st)
{
	if (st)
		sqlite3_reset(st);
}

const char *db_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

int db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void db_now(const db *d, char buf[20])
{
	time_t t = time(NULL);
	struct tm tm;
	char day[11];
	localtime_r(&t, &tm);
	date_format(d->today, day);
	/* one an event: by hand rather than snprintf (3.6% of a large demo) */
	if (tm.tm_hour >= 0 && tm.tm_hour < 100 && tm.tm_min >= 0 && tm.tm_min < 100 &&
	    tm.tm_sec >= 0 && tm.tm_sec < 100) {
		memcpy(buf, day, 10);
		int f[3] = { tm.tm_hour, tm.tm_min, tm.tm_sec };
		for (int i = 0; i < 3; i++) {
			buf[10 + 3 * i] = i ? ':' : ' ';
			buf[11 + 3 * i] = (char)('0' + f[i] / 10);
			buf[12 + 3 * i] = (char)('0' + f[i] % 10);
		}
		buf[19] = '\0';
		return;
	}
	snprintf(buf, 20, "%s %02d:%02d:%02d", day, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int db_event(db *d, const char *actor, const char *entity, int64_t entity_id,
             const char *action, const char *summary, const char *reason, store_err *err)
{
	/* the head read and the row written in one transaction: no other session's
	 * event can come between them */
	if (sqlite3_get_autocommit(d->h)) {
		store_err_path(store_err_set(err, STORE_E_FAILED), d->path);
		store_err_what(err, "writing the event log");
		store_err_detail(err, "outside a transaction");
		return -1;
	}
	int64_t last;
	char prev[SHA256_HEX];
	if (d->head_known) {
		last = d->head_id;
		memcpy(prev, d->head_hash, sizeof prev);
	} else if (event_chain_head(d, &last, prev, NULL, err) < 0) {
		return -1;
	}
	char now[20], hash[SHA256_HEX];
	db_now(d, now);
	event_row e = { last + 1, now, actor, entity, entity_id, action,
	                summary ? summary : "", reason ? reason : "" };
	event_chain_hash(prev, &e, hash);
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO event (id, at, actor, entity, entity_id, action, summary, reason, hash)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, e.id);
	db_bind_text(st, 2, e.at);
	db_bind_text(st, 3, e.actor);
	db_bind_text(st, 4, e.entity);
	sqlite3_bind_int64(st, 5, e.entity_id);
	db_bind_text(st, 6, e.action);
	db_bind_text(st, 7, e.summary);
	db_bind_text(st, 8, e.reason);
	db_bind_text(st, 9, hash);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc < 0) {
		db_fail(d, err, "writing the event log");
		d->head_known = false;
	} else {
		d->events_written = true;
		d->head_known = true;
		d->head_id = e.id;
		memcpy(d->head_hash, hash, sizeof hash);
		memcpy(d->head_at, now, sizeof now);
	}
	db_done(st);
	return rc;
}

const char *db_journal_mode(const db *d)
{
	return d->wal ? "wal" : "truncate";
}

/* one integrity report line (or SQLite's failure to make the report) to fn */
static void integrity_problem(const char *s, db_problem_fn *fn, void *arg)
{
	store_err e;
	store_err_detail(store_err_set(&e, STORE_E_INTEGRITY), s);
	fn(&e, arg);
}

int db_check(db *d, db_problem_fn *fn, void *arg)
{
	int problems = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(d->h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *s = db_col_text(st, 0);
			if (strcmp(s, "ok") != 0) {
				integrity_problem(s, fn, arg);
				problems++;
			}
		}
		sqlite3_finalize(st);
	} else {
		integrity_problem(sqlite3_errmsg(d->h), fn, arg);
		problems++;
	}
	if (sqlite3_prepare_v2(d->h, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			store_err e;
			store_err_set(&e, STORE_E_FOREIGN_KEY);
			store_err_name(&e, 0, db_col_text(st, 0));
			store_err_num(&e, 0, sqlite3_column_int64(st, 1));
			store_err_name(&e, 1, db_col_text(st, 2));
			fn(&e, arg);
			problems++;
		}
		sqlite3_finalize(st);
	}
	return problems;
}
