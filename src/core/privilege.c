/* The setgid guard: which group a file call runs with. See privilege.h. */
#include "core/privilege.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xalloc.h"

static bool prot;
static gid_t user_gid, group_gid;
static mode_t user_mask;
static char *dir;
static int depth;   /* raises in force: a call inside a raised section keeps it */

void priv_init(void)
{
	user_gid = getgid();
	group_gid = getegid();
	user_mask = umask(0);
	umask(user_mask);
	prot = user_gid != group_gid;
	if (prot && setegid(user_gid) != 0) {
		/* going on with the group raised would create the user's files as it */
		perror("qifu: setegid");
		exit(2);
	}
}

bool priv_protected(void)
{
	return prot;
}

void priv_set_dir(const char *d)
{
	free(dir);
	dir = d ? xstrdup(d) : NULL;
	size_t n = dir ? strlen(dir) : 0;
	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
}

const char *priv_dir(void)
{
	return dir;
}

bool priv_in_dir(const char *d, const char *path)
{
	size_t n = strlen(d);
	while (n > 1 && d[n - 1] == '/')
		n--;
	if (n == 0 || d[0] != '/' || strncmp(path, d, n) != 0 || path[n] != '/')
		return false;
	const char *name = path + n + 1;
	return *name && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

bool priv_under_dir(const char *path)
{
	size_t n = dir ? strlen(dir) : 0;
	if (n == 0 || !path || strncmp(path, dir, n) != 0 || (path[n] != '/' && path[n] != '\0'))
		return false;
	/* a way out of the directory is not in it */
	for (const char *p = path + n; (p = strstr(p, "/..")) != NULL; p += 3)
		if (p[3] == '/' || p[3] == '\0')
			return false;
	return true;
}

int priv_raise_for(const char *path)
{
	if (!prot || !priv_under_dir(path))
		return 0;
	if (depth > 0) {
		depth++;
		return 1;
	}
	if (setegid(group_gid) != 0)
		return 0;
	/* a journal or backup made here must stay writable by the next login's qifu */
	umask(007);
	depth = 1;
	return 1;
}

void priv_restore(int token)
{
	if (!token || --depth > 0)
		return;
	umask(user_mask);
	if (setegid(user_gid) != 0) {
		perror("qifu: setegid");
		abort();
	}
}

bool priv_root_owned(const char *path)
{
	char *p = realpath(path, NULL);
	if (!p)
		return false;
	bool ok = true;
	for (char *end = p + strlen(p); ok; ) {
		struct stat st;
		bool top = end == p;
		if (top)
			ok = stat("/", &st) == 0;
		else
			ok = stat(p, &st) == 0;
		if (ok)
			ok = st.st_uid == 0 &&
			     ((st.st_mode & (S_IWGRP | S_IWOTH)) == 0 ||
			      (S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX)));
		if (top)
			break;
		/* up one: cut the last component */
		while (end > p && *end != '/')
			end--;
		*end = '\0';
	}
	free(p);
	return ok;
}
