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
/* where the files a person asks for (sheets, exports) go by default: their documents
 * folder ($XDG_DOCUMENTS_DIR, or XDG_DOCUMENTS_DIR in ~/.config/user-dirs.dirs, or
 * ~/Documents or ~/文档 when it exists), else their home, else "."; fresh */
char *paths_documents_dir(void);
/* the value of key in the text of a user-dirs.dirs file, $HOME expanded to home;
 * NULL when absent or relative. Pure; fresh */
char *paths_user_dirs_value(const char *text, const char *key, const char *home);
/* dir/name, or dir/stem-2.ext, -3 … when that file is there already: a path that
 * names no file yet; NULL when dir is not a folder the user may write into; fresh */
char *paths_unused(const char *dir, const char *name);
/* $XDG_DATA_HOME/qifu/qifu.db, or ~/.local/share/qifu/qifu.db; fresh allocation */
char *paths_default_db(void);

#endif
