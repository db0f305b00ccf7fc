/* Resolution of the data directory, once per process. */
#define _GNU_SOURCE /* secure_getenv */
#include "core/paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qifu-build.h"
#include "core/i18n.h"
#include "core/xalloc.h"

static const char *data_dir;

void paths_set_data_dir(const char *d)
{
	data_dir = d;
}

const char *paths_data_dir(void)
{
	if (data_dir)
		return data_dir;
	/* secure_getenv: a setgid qifu reads the administrator's units and rules only */
	const char *env = secure_getenv("QIFU_DATA_DIR");
	if (env && *env)
		data_dir = env;
	else if (access(QIFU_DATADIR "/units.tsv", R_OK) == 0)
		data_dir = QIFU_DATADIR;
	else
		data_dir = QIFU_SRC_DATADIR;
	return data_dir;
}

char *paths_data_file(const char *rel)
{
	return xasprintf("%s/%s", paths_data_dir(), rel);
}

int paths_mkdir_parent(const char *file, strbuf *err)
{
	char *dir = xstrdup(file);
	char *slash = strrchr(dir, '/');
	int rc = 0;
	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; ; p++) {
			if (*p == '/' || *p == '\0') {
				char c = *p;
				*p = '\0';
				if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
					sb_addf(err, _("%s: cannot create directory: %s"), dir, strerror(errno));
					rc = -1;
					break;
				}
				*p = c;
				if (c == '\0')
					break;
			}
		}
	}
	free(dir);
	return rc;
}

/* the home directory, or NULL */
static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	return home && *home ? home : NULL;
}

char *paths_xdg_file(const char *xdg_var, const char *home_rel, const char *rel)
{
	/* the XDG spec ignores relative values */
	const char *xdg = getenv(xdg_var);
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/%s", xdg, rel);
	const char *home = home_dir();
	if (!home)
		return NULL;
	return xasprintf("%s/%s/%s", home, home_rel, rel);
}

static bool is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_user_dirs_value(const char *text, const char *key, const char *home)
{
	size_t klen = strlen(key);
	for (const char *line = text; line && *line; ) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		/* KEY="$HOME/文档" or KEY="/abs/path"; comments and others skipped */
		if (n > klen + 3 && strncmp(line, key, klen) == 0 && line[klen] == '=' &&
		    line[klen + 1] == '"' && line[n - 1] == '"') {
			char *v = xstrndup(line + klen + 2, n - klen - 3);
			char *out = NULL;
			if (strncmp(v, "$HOME", 5) == 0 && (v[5] == '/' || !v[5]) && home)
				out = xasprintf("%s%s", home, v + 5);
			else if (v[0] == '/')
				out = xstrdup(v);
			free(v);
			return out;
		}
		line = end ? end + 1 : NULL;
	}
	return NULL;
}

char *paths_documents_dir(void)
{
	const char *env = getenv("XDG_DOCUMENTS_DIR");
	if (env && env[0] == '/')
		return xstrdup(env);
	const char *home = home_dir();
	char *conf = paths_xdg_file("XDG_CONFIG_HOME", ".config", "user-dirs.dirs");
	char *out = NULL;
	FILE *fp = conf ? fopen(conf, "r") : NULL;
	if (fp) {
		char buf[8192];
		size_t n = fread(buf, 1, sizeof buf - 1, fp);
		buf[n] = '\0';
		fclose(fp);
		out = paths_user_dirs_value(buf, "XDG_DOCUMENTS_DIR", home);
		/* the user-dirs entry for "no documents folder" is $HOME itself */
		if (out && !is_dir(out))
			xfree(&out);
	}
	free(conf);
	static const char *const guesses[] = { "Documents", "文档" };
	for (size_t i = 0; !out && home && i < sizeof guesses / sizeof guesses[0]; i++) {
		char *p = xasprintf("%s/%s", home, guesses[i]);
		if (is_dir(p))
			out = p;
		else
			free(p);
	}
	if (!out)
		out = xstrdup(home ? home : ".");
	return out;
}

char *paths_unused(const char *dir, const char *name)
{
	if (!is_dir(dir) || access(dir, W_OK | X_OK) != 0)
		return NULL;
	const char *dot = strrchr(name, '.');
	size_t stem = dot && dot != name ? (size_t)(dot - name) : strlen(name);
	const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
	char *p = xasprintf("%s%s%s", dir, sep, name);
	for (int i = 2; access(p, F_OK) == 0; i++) {
		free(p);
		p = xasprintf("%s%s%.*s-%d%s", dir, sep, (int)stem, name, i, name + stem);
	}
	return p;
}

char *paths_default_db(void)
{
	char *p = paths_xdg_file("XDG_DATA_HOME", ".local/share", "qifu/qifu.db");
	return p ? p : xstrdup("qifu.db");
}
