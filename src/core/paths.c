/* Resolution of the data directory, once per process. */
#include "core/paths.h"

#include <stdlib.h>
#include <unistd.h>

#include "qifu-build.h"
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
