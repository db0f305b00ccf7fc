/* What the policy readers share and nobody else needs. */
#ifndef QIFU_POLICY_PRIVATE_H
#define QIFU_POLICY_PRIVATE_H
#include <stdbool.h>

/* the comma-separated items of s as a NULL-terminated array (free with xstrvfree);
 * empty items are kept only when keep_empty, so that a checker can refuse them */
char **policy_split(const char *s, bool keep_empty);

#endif
