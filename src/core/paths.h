/* Where qifu finds its data files: $QIFU_DATA_DIR (tests), else the installed
 * share/qifu, else the source tree's data/ (running from the build tree). */
#ifndef QIFU_PATHS_H
#define QIFU_PATHS_H

/* the data directory, never NULL */
const char *paths_data_dir(void);
/* data directory + "/" + rel, freshly allocated */
char *paths_data_file(const char *rel);

#endif
