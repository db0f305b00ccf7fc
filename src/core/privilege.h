/* The setgid guard. Installed setgid to its group (qifu setup-server), qifu reaches
 * the protected database directory through that group and does everything else as
 * the person who runs it: the group is raised only around the file calls on paths
 * inside that directory, with the umask that keeps what it creates there group-
 * writable. Without the setgid bit every call here is a no-op. */
#ifndef QIFU_PRIVILEGE_H
#define QIFU_PRIVILEGE_H
#include <stdbool.h>

/* first thing in main: note the two groups and drop to the real one */
void priv_init(void);
/* whether this process runs setgid (its group differs from the real one) */
bool priv_protected(void);
/* the protected directory (absolute, no trailing slash); NULL until set */
void priv_set_dir(const char *dir);
const char *priv_dir(void);
/* whether path names a file directly inside dir: dir + "/" + NAME, NAME without a
 * slash and neither "." nor ".." (pure) */
bool priv_in_dir(const char *dir, const char *path);
/* whether path lies anywhere under the protected directory (pure given the dir) */
bool priv_under_dir(const char *path);
/* raise the group (and umask 007) when protected and path lies under the protected
 * directory; returns what priv_restore needs */
int priv_raise_for(const char *path);
void priv_restore(int token);
/* whether only root can change the file at path: it and every directory above it
 * are root's and not writable by others (a sticky directory may be) */
bool priv_root_owned(const char *path);

#endif
