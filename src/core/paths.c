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

const char *paths_data_dir(void)
{
	static const char *dir;
	if (dir)
		return dir;
	const char *env = getenv("QIFU_DATA_DIR");
	if (env && *env)
		dir = env;
	else if (access(QIFU_DATADIR "/units.tsv", R_OK) == 0)
		dir = QIFU_DATADIR;
	else
		dir = QIFU_SRC_DATADIR;
	return dir;
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

char *paths_default_db(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/qifu/qifu.db", xdg);
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : "/";
	}
	return xasprintf("%s/.local/share/qifu/qifu.db", home);
}
