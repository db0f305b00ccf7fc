/* What the policy readers share and nobody else needs. */
#ifndef QIFU_POLICY_PRIVATE_H
#define QIFU_POLICY_PRIVATE_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "core/tsv.h"

/* the comma-separated items of s as a NULL-terminated array (free with xstrvfree);
 * empty items are kept only when keep_empty, so that a checker can refuse them */
char **policy_split(const char *s, bool keep_empty);

/* a column map file (data/import/NAME.tsv) read row by row: add takes one row's
 * fields and returns 0 or its fault, which fault words after file:line; check says
 * whether the whole is complete; free empties the map after a failure */
typedef struct policy_map_reader {
	int (*add)(void *map, char *const *v, int n);
	void (*fault)(int code, char **v, int n, strbuf *err);
	int (*check)(const void *map, strbuf *err);
	void (*free)(void *map);
} policy_map_reader;
/* 0, or -1 with the first bad row named file:line (or the file, when incomplete) in
 * err and the map freed */
int policy_map_load(void *map, const policy_map_reader *r, const char *path, strbuf *err);

#endif
