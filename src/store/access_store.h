/* The access events (entity "access": who saw or exported personal data in full,
 * app/personal.h) read back for `qifu audit access`. */
#ifndef QIFU_ACCESS_STORE_H
#define QIFU_ACCESS_STORE_H
#include <stdint.h>

#include "store/db.h"

/* one event: its id, actor, time, action ("view", "export"), entity_id and summary
 * (owned; free with access_row_clear) */
typedef struct access_row {
	int64_t id;
	char *login, *at, *action, *summary;
	int64_t subject;
} access_row;
/* up to limit access events of login (NULL: every login) whose day is from..to (NULL:
 * open ended; "YYYY-MM-DD"), by subject (entity_id) then id, after event `after`
 * (0: from the first), into out (*n of them), so that a report reads the log a chunk
 * at a time by key: 0, or -1 with err (nothing to clear) */
int access_store_read(db *d, const char *login, const char *from, const char *to,
                      int64_t after, int limit, access_row *out, int *n, store_err *err);
void access_row_clear(access_row *r);

#endif
