/* Where qifu finds its data files: $QIFU_DATA_DIR (tests), else the installed
 * share/qifu, else the source tree's data/ (running from the build tree). */
#ifndef QIFU_PATHS_H
#define QIFU_PATHS_H

#include "core/strbuf.h"

/* the data directory, never NULL */
const char *paths_data_dir(void);
/* data directory + "/" + rel, freshly allocated */
char *paths_data_file(const char *rel);

/* create the directories above file (mode 0700 for new ones); -1 with err */
int paths_mkdir_parent(const char *file, strbuf *err);
/* $XDG_DATA_HOME/qifu/qifu.db, or ~/.local/share/qifu/qifu.db; fresh allocation */
char *paths_default_db(void);

#endif
