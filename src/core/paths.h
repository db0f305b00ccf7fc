/* Where qifu finds its data files: $QIFU_DATA_DIR (tests), else the installed
 * share/qifu, else the source tree's data/ (running from the build tree). */
#ifndef QIFU_PATHS_H
#define QIFU_PATHS_H

#include "core/strbuf.h"

/* the data directory, never NULL */
const char *paths_data_dir(void);
/* the [paths] data_dir setting: use d from now on */
void paths_set_data_dir(const char *d);
/* data directory + "/" + rel, freshly allocated */
char *paths_data_file(const char *rel);

/* create the directories above file (mode 0700 for new ones); -1 with err */
int paths_mkdir_parent(const char *file, strbuf *err);
/* $XDG_VAR/rel when that is absolute, else $HOME/home_rel/rel; NULL without a home */
char *paths_xdg_file(const char *xdg_var, const char *home_rel, const char *rel);
/* $XDG_DATA_HOME/qifu/qifu.db, or ~/.local/share/qifu/qifu.db; fresh allocation */
char *paths_default_db(void);

#endif
