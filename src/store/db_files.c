/* A database's whole files: a brand-new one built in bulk (qifu demo: beside its
 * name, secondary indexes made after the load in one sorted pass, no rollback
 * journal while nobody else can have the file, renamed into place only when
 * complete) and an online backup (copied to a temporary name, renamed, anchored). */
#include "store/db.h"
#include "store/db_internal.h"
#include "store/event_chain.h"
#include "store/pagecache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/privilege.h"
#include "core/xalloc.h"

/* refused as db_open refuses to create where a file is (an empty one is taken) */
static int build_target_free(const char *path, store_err *err)
{
	struct stat sb;
	int t = priv_raise_for(path);
	int rc = lstat(path, &sb);
	int e = errno;
	priv_restore(t);
	if (rc < 0 && e == ENOENT)
		return 0;
	if (rc < 0) {
		store_err_path(store_err_set(err, STORE_E_CANNOT_OPEN), path);
		store_err_detail(err, strerror(e));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		store_err_path(store_err_set(err, STORE_E_IS_DIRECTORY), path);
		return -1;
	}
	if (sb.st_size > 0) {
		store_err_path(store_err_set(err, STORE_E_FILE_EXISTS), path);
		return -1;
	}
	return 0;
}

db *db_open_build(const char *path, char **tmp, store_err *err)
{
	*tmp = NULL;
	if (build_target_free(path, err) < 0)
		return NULL;
	*tmp = xasprintf("%s.build-%ld", path, (long)getpid());
	pagecache_decline();
	db *d = db_open(*tmp, DB_OPEN_CREATE, err);
	if (!d) {
		free(*tmp);
		*tmp = NULL;
	}
	return d;
}

int db_build_publish(db **d, const char *tmp, const char *path, store_err *err)
{
	db_close(d);
	char *from = event_anchor_path(tmp), *to = event_anchor_path(path);
	char *journal = xasprintf("%s-journal", tmp);
	int rc = build_target_free(path, err);
	int t = priv_raise_for(path);
	int e = 0;
	/* the anchor first: the database appears at path with its anchor beside it */
	if (rc == 0 && ((access(from, F_OK) == 0 && rename(from, to) < 0) || rename(tmp, path) < 0)) {
		e = errno;
		rc = -1;
	}
	unlink(journal);
	priv_restore(t);
	if (e) {
		store_err_path(store_err_set(err, STORE_E_CANNOT_OPEN), path);
		store_err_detail(err, strerror(e));
	}
	free(from);
	free(to);
	free(journal);
	return rc;
}

int db_build_begin(db *d, const char *const *indexes, int n, db_build *b, store_err *err)
{
	*b = (db_build){ xcalloc((size_t)n + 1, sizeof *b->sql), 0, false };
	if (db_begin(d, err) < 0)
		return -1;
	sqlite3_stmt *st = db_stmt(d, "SELECT sql FROM sqlite_master WHERE type = 'index'"
	                              " AND name = ? AND sql IS NOT NULL", err);
	for (int i = 0; st && i < n; i++) {
		db_bind_text(st, 1, indexes[i]);
		if (sqlite3_step(st) == SQLITE_ROW)
			b->sql[b->n++] = xstrdup(db_col_text(st, 0));
		sqlite3_reset(st);
		char *drop = xasprintf("DROP INDEX IF EXISTS \"%s\"", indexes[i]);
		int rc = db_exec(d, drop, err);
		free(drop);
		if (rc < 0) {
			st = NULL;
			break;
		}
	}
	db_done(st);
	if (!st || db_commit(d, err) < 0) {
		db_rollback(d);
		for (int i = 0; i < b->n; i++)
			free(b->sql[i]);
		b->n = 0;
		return -1;
	}
	if (db_exec(d, "PRAGMA journal_mode = OFF", err) < 0)
		return -1;
	b->journal_off = true;
	/* checked once at the end (as after a migration), not per row: with them on,
	 * every row that references another opens a statement journal */
	return db_exec(d, "PRAGMA foreign_keys = OFF", err);
}

int db_build_end(db *d, db_build *b, store_err *err)
{
	int rc = db_exec(d, "PRAGMA foreign_keys = ON", err);
	if (rc == 0)
		rc = db_foreign_keys_hold(d, err);
	if (b->journal_off) {
		char *sql = xasprintf("PRAGMA journal_mode = %s", db_journal_mode(d));
		int journal = db_exec(d, sql, rc == 0 ? err : NULL);
		free(sql);
		if (rc == 0)
			rc = journal;
		b->journal_off = false;
	}
	/* the sorts spill to temporary files, not memory, whatever the load set: held in
	 * memory, the sort of a million appeals' events took 600 MB. SQLite sizes a
	 * sort's runs in memory by the page cache: the load's 128 MB cache made each
	 * index build hold 128 MB of sort beside it (demo --appeals 1000000: 291 MB
	 * peak); with the 8 MB of a screen the runs are merged from the files. */
	int temp_store = db_pragma_int(d, "PRAGMA temp_store");
	int cache = rc == 0 && b->n > 0 ? db_cache_size(d, -8192) : 0;
	if (rc == 0 && b->n > 0 && (rc = db_exec(d, "PRAGMA temp_store = FILE", err)) == 0 &&
	    (rc = db_begin(d, err)) == 0) {
		for (int i = 0; rc == 0 && i < b->n; i++)
			rc = db_exec(d, b->sql[i], err);
		if (rc == 0)
			rc = db_commit(d, err);
		else
			db_rollback(d);
	}
	db_cache_size(d, cache);
	char *restore = xasprintf("PRAGMA temp_store = %d", temp_store < 0 ? 0 : temp_store);
	if (db_exec(d, restore, rc == 0 ? err : NULL) < 0)
		rc = -1;
	free(restore);
	for (int i = 0; i < b->n; i++)
		free(b->sql[i]);
	free(b->sql);
	*b = (db_build){ 0 };
	return rc;
}

/* a failure of the backup to dest in the words detail */
static void backup_fail(store_err *err, store_code code, const char *dest, const char *detail)
{
	store_err_path(store_err_set(err, code), dest);
	store_err_detail(err, detail);
}

int db_create_private(const char *path)
{
	int t = priv_raise_for(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0660);
	int e = errno;
	priv_restore(t);
	if (fd < 0) {
		errno = e;
		return -1;
	}
	close(fd);
	return 0;
}

static int db_backup_to(db *d, const char *dest, store_err *err);

int db_backup(db *d, const char *dest, store_err *err)
{
	/* a backup beside the database is made through the group, any other as the user */
	int t = priv_raise_for(dest);
	int rc = db_backup_to(d, dest, err);
	priv_restore(t);
	return rc;
}

static int db_backup_to(db *d, const char *dest, store_err *err)
{
	char *dest_anchor = event_anchor_path(dest);
	const char *taken = access(dest, F_OK) == 0 ? dest :
	                    access(dest_anchor, F_OK) == 0 ? dest_anchor : NULL;
	if (taken) {
		backup_fail(err, STORE_E_BACKUP_EXISTS, taken, NULL);
		free(dest_anchor);
		return -1;
	}
	free(dest_anchor);
	/* copy into a temporary name and rename, so a failed backup leaves nothing
	 * that looks like a good one */
	char *tmp = xasprintf("%s.tmp%ld", dest, (long)getpid());
	sqlite3 *out = NULL;
	int rc = -1;
	if (db_create_private(tmp) < 0) {
		backup_fail(err, STORE_E_FAILED, dest, strerror(errno));
		free(tmp);
		return -1;
	}
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		backup_fail(err, STORE_E_FAILED, dest, out ? sqlite3_errmsg(out) : strerror(errno));
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(out, "main", db_handle(d), "main");
	if (!b) {
		backup_fail(err, STORE_E_FAILED, dest, sqlite3_errmsg(out));
		goto out;
	}
	int step;
	while ((step = sqlite3_backup_step(b, 256)) == SQLITE_OK || step == SQLITE_BUSY ||
	       step == SQLITE_LOCKED)
		sqlite3_sleep(20);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		backup_fail(err, STORE_E_BACKUP_FAILED, dest, sqlite3_errstr(step));
		goto out;
	}
	/* the copy's newest event anchors it: the copy verifies on its own */
	int64_t seq = 0;
	char hash[SHA256_HEX] = "", at[20] = "";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(out, "SELECT id, hash, at FROM event ORDER BY id DESC LIMIT 1", -1,
	                       &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			seq = sqlite3_column_int64(st, 0);
			snprintf(hash, sizeof hash, "%s", db_col_text(st, 1));
			snprintf(at, sizeof at, "%s", db_col_text(st, 2));
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(out);
	out = NULL;
	if (rename(tmp, dest) != 0) {
		backup_fail(err, STORE_E_FAILED, dest, strerror(errno));
		goto out;
	}
	if (seq > 0 && event_anchor_append(dest, seq, hash, at, err) < 0) {
		unlink(dest);
		goto out;
	}
	rc = 0;
out:
	if (out)
		sqlite3_close(out);
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
