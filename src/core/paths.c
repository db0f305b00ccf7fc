/* Resolution of the data directory, once per process. */
#include "core/paths.h"

#include <errno.h>
#include <pwd.h>
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
	const char *env = getenv("QIFU_DATA_DIR");
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

char *paths_xdg_file(const char *xdg_var, const char *home_rel, const char *rel)
{
	/* the XDG spec ignores relative values */
	const char *xdg = getenv(xdg_var);
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/%s", xdg, rel);
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || !*home)
		return NULL;
	return xasprintf("%s/%s/%s", home, home_rel, rel);
}

char *paths_default_db(void)
{
	char *p = paths_xdg_file("XDG_DATA_HOME", ".local/share", "qifu/qifu.db");
	return p ? p : xstrdup("qifu.db");
}
