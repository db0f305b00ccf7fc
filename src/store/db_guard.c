/* SQLite's file calls under the setgid guard (core/privilege.h): the unix VFS's
 * open, access, stat, lstat, unlink, readlink and directory open run with qifu's
 * group raised when their path lies in the protected directory, so the database,
 * its journal and their directory are reached through the group while every other
 * file (a backup the user asks for, an export) is the user's own. access() asks
 * with the effective ids, or a hot journal left by a crash would look absent. */
#define _GNU_SOURCE /* AT_EACCESS */
#include "store/db_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/privilege.h"

typedef int (*open_fn)(const char *, int, int);
typedef int (*path_fn)(const char *);
typedef int (*stat_fn)(const char *, struct stat *);
typedef ssize_t (*readlink_fn)(const char *, char *, size_t);
typedef int (*opendir_fn)(const char *, int *);

static open_fn real_open;
static path_fn real_unlink;
static stat_fn real_stat, real_lstat;
static readlink_fn real_readlink;
static opendir_fn real_opendir;

/* the end of a guarded call: the group dropped again, the call's errno kept */
static ssize_t restored(int token, ssize_t rc)
{
	int e = errno;
	priv_restore(token);
	errno = e;
	return rc;
}

static int g_open(const char *p, int f, int m)
{
	int t = priv_raise_for(p);
	return (int)restored(t, real_open(p, f, m));
}

static int g_access(const char *p, int m)
{
	int t = priv_raise_for(p);
	return (int)restored(t, faccessat(AT_FDCWD, p, m, AT_EACCESS));
}

static int g_unlink(const char *p)
{
	int t = priv_raise_for(p);
	return (int)restored(t, real_unlink(p));
}

static int g_stat(const char *p, struct stat *st)
{
	int t = priv_raise_for(p);
	return (int)restored(t, real_stat(p, st));
}

static int g_lstat(const char *p, struct stat *st)
{
	int t = priv_raise_for(p);
	return (int)restored(t, real_lstat(p, st));
}

static ssize_t g_readlink(const char *p, char *buf, size_t n)
{
	int t = priv_raise_for(p);
	return restored(t, real_readlink(p, buf, n));
}

static int g_opendir(const char *p, int *fd)
{
	int t = priv_raise_for(p);
	return (int)restored(t, real_opendir(p, fd));
}

/* swap one system call of the default VFS, keeping the original in *keep */
static void swap(sqlite3_vfs *v, const char *name, sqlite3_syscall_ptr mine,
		 sqlite3_syscall_ptr *keep)
{
	sqlite3_syscall_ptr was = v->xGetSystemCall(v, name);
	if (!was)
		return;
	if (keep)
		*keep = was;
	v->xSetSystemCall(v, name, mine);
}

void db_guard_install(void)
{
	static bool done;
	if (done || !priv_protected())
		return;
	done = true;
	sqlite3_vfs *v = sqlite3_vfs_find(NULL);
	if (!v || v->iVersion < 3 || !v->xSetSystemCall)
		return;
	swap(v, "open", (sqlite3_syscall_ptr)g_open, (sqlite3_syscall_ptr *)&real_open);
	swap(v, "access", (sqlite3_syscall_ptr)g_access, NULL);
	swap(v, "unlink", (sqlite3_syscall_ptr)g_unlink, (sqlite3_syscall_ptr *)&real_unlink);
	swap(v, "stat", (sqlite3_syscall_ptr)g_stat, (sqlite3_syscall_ptr *)&real_stat);
	swap(v, "lstat", (sqlite3_syscall_ptr)g_lstat, (sqlite3_syscall_ptr *)&real_lstat);
	swap(v, "readlink", (sqlite3_syscall_ptr)g_readlink, (sqlite3_syscall_ptr *)&real_readlink);
	swap(v, "openDirectory", (sqlite3_syscall_ptr)g_opendir,
	     (sqlite3_syscall_ptr *)&real_opendir);
}
