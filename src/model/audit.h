/* The verdict on the event log's hash chain (issue 15): what a row read back, or the
 * end of the log, says about the log. Pure: the store reads the rows and the anchor
 * file (store/event_chain.h), app/audit.c walks them and words the verdict. */
#ifndef QIFU_AUDIT_H
#define QIFU_AUDIT_H
#include <stdbool.h>
#include <stdint.h>

typedef enum audit_fault {
	AUDIT_FITS,
	AUDIT_MISSING_BEFORE,   /* the ids jump: the events between were removed */
	AUDIT_NOT_A_HASH,       /* the stored hash is not 64 hex digits */
	AUDIT_CHANGED,          /* its columns, or the hash before it, changed since written */
	AUDIT_ANCHOR_DIFFERS,   /* the anchor recorded another hash for it: rewritten */
	AUDIT_MISSING_NEWEST,   /* the anchor names events after the newest row */
	AUDIT_NO_ANCHOR,        /* events, but no anchor file beside the database */
	AUDIT_ANCHOR_BAD_LINE,  /* a line of the anchor is not "SEQ HASH AT" */
} audit_fault;

/* one row: prev_id the id of the row before it (0 for the first), stored the hash it
 * carries, computed the hash its columns give after the row before it, anchored the
 * hash the anchor recorded for it (NULL when no commit line names it) */
audit_fault audit_judge_row(int64_t prev_id, int64_t id, const char *stored,
                            const char *computed, const char *anchored);
/* the end of the log: head the newest row's id (0: empty), anchored_max the largest
 * event the anchor names (0: none), whether the anchor file exists, and the first
 * line of it that is not an anchor line (0: none) */
audit_fault audit_judge_end(int64_t head, int64_t anchored_max, bool anchor_exists,
                            int bad_line);

#endif
