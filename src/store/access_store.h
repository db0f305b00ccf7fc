/* The access events (entity "access": who saw or exported personal data in full,
 * app/personal.h) read back for `qifu audit access`. */
#ifndef QIFU_ACCESS_STORE_H
#define QIFU_ACCESS_STORE_H
#include <stdint.h>

#include "store/db.h"

/* one event: its actor, time, action ("view", "export"), entity_id and summary, all
 * borrowed for the call; a non-zero return stops the walk and is returned */
typedef int access_row_fn(void *arg, const char *login, const char *at, const char *action,
                          int64_t subject, const char *summary);
/* the access events of login (NULL: every login) whose day is from..to (NULL: open
 * ended; "YYYY-MM-DD"), oldest first: 0, fn's stop value, or -1 with err */
int access_store_each(db *d, const char *login, const char *from, const char *to,
                      access_row_fn *fn, void *arg, store_err *err);

#endif
