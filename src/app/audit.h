/* The event log proves itself (issue 15): `qifu audit verify` and `qifu check` walk
 * the hash chain and the anchor file beside the database, and say whether the log
 * is as it was written, or which event is the first that no longer fits. */
#ifndef QIFU_APP_AUDIT_H
#define QIFU_APP_AUDIT_H
#include <stdint.h>

#include "app/app.h"
#include "model/audit.h"

typedef struct audit_verdict {
	audit_fault fault;
	int64_t events;         /* rows walked */
	int64_t head;           /* the newest row's id, 0 for an empty log */
	size_t anchor_lines;    /* lines of the anchor read */
	/* the event named: the first that no longer fits, or the one missing */
	int64_t id;
	char at[20];            /* its time ("" when the row is gone) */
	char entity[32];
	int64_t entity_id;
	char action[32];
	int64_t missing_from;   /* the first event removed (MISSING_BEFORE, _NEWEST) */
	int line;               /* the anchor's line that speaks of it (0: none) */
} audit_verdict;

/* walk the chain of d and its anchor: APP_OK when intact, APP_NO when an event no
 * longer fits (v names it), APP_BAD when the log or the anchor cannot be read; msg
 * says it in words either way */
app_status app_audit_verify(struct db *d, audit_verdict *v, strbuf *msg);
/* told after each event judged: how many so far, and the newest event when the
 * walk began (where it ends); for a progress line. No read is held while it runs. */
typedef void app_audit_seen(int64_t walked, int64_t head, void *arg);
/* app_audit_verify reading chunk events at a time (0: APP_CHUNK_ROWS), each chunk in
 * its own short read so that writers commit between them; seen (NULL: none) after
 * each event. The walk ends at the newest event when it began: the verdict is the
 * same whatever the chunk and whatever is appended meanwhile. */
app_status app_audit_verify_each(struct db *d, int chunk, app_audit_seen *seen, void *arg,
                                 audit_verdict *v, strbuf *msg);

#endif
