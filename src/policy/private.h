/* What the policy readers share and nobody else needs. */
#ifndef QIFU_POLICY_PRIVATE_H
#define QIFU_POLICY_PRIVATE_H
#include <stdbool.h>

#include "core/strbuf.h"

/* the comma-separated items of s as a NULL-terminated array (free with xstrvfree);
 * empty items are kept only when keep_empty, so that a checker can refuse them */
char **policy_split(const char *s, bool keep_empty);

/* the rows of a map file (a column map, read by a model's add function): row takes
 * each row's fields v[0..n) and says in why what is wrong with a bad one (-1), which
 * err then gives after "file:line: "; check (NULL: none) judges the whole map after
 * the last row, its reason after "file: ". 0, or -1 with err */
typedef int (*policy_map_row_fn)(void *map, char **v, int n, strbuf *why);
typedef int (*policy_map_check_fn)(const void *map, strbuf *why);
int policy_map_read(const char *path, void *map, policy_map_row_fn row,
                    policy_map_check_fn check, strbuf *err);

#endif
