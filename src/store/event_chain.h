/* The event log's hash chain (issue 15): each event row carries the SHA-256 of the
 * hash before it and its own columns in a canonical encoding (HACKING.md, "The event
 * log proves itself"), and the newest hash of each commit is appended to the anchor
 * file beside the database, so that an edited, a removed or a missing newest row
 * shows. The store reads and writes; the verdict on what it reads is the model's
 * (model/audit.h), walked by app_audit_verify. */
#ifndef QIFU_EVENT_CHAIN_H
#define QIFU_EVENT_CHAIN_H
#include <stdbool.h>
#include <stdint.h>

#include "core/sha256.h"
#include "store/db.h"

/* the columns of one event row, in the order the chain hashes them */
typedef struct event_row {
	int64_t id;
	const char *at, *actor, *entity;
	int64_t entity_id;
	const char *action, *summary, *reason;
} event_row;

/* the chain's hash of row e after prev (hex; NULL or "" before the first row) */
void event_chain_hash(const char *prev, const event_row *e, char out[SHA256_HEX]);

/* the newest event: 1 with its id, hash and time (at may be NULL), 0 when the log is
 * empty, -1 with err */
int event_chain_head(db *d, int64_t *id, char hash[SHA256_HEX], char at[20], store_err *err);

/* one row as the walk reads it: the columns (copies, owned), the hash stored with it
 * and the hash its columns give after the hash stored with the row before it */
typedef struct event_link {
	event_row row;
	char *stored;
	char computed[SHA256_HEX];
} event_link;
/* The rows after `after` (the last row of the chunk before, NULL: from the first
 * row) up to event head, at most limit of them, in id order, into out (*n of them;
 * free each with event_link_clear), so that the chain is walked a chunk at a time,
 * each in its own short read, the running hash carried in `after`: a writer commits
 * between two chunks, and the events it appends lie past head, which the walk read
 * when it began (event_chain_head). 0, or -1 with err (nothing to free) */
int event_chain_read(db *d, const event_link *after, int64_t head, int limit, event_link *out,
                     int *n, store_err *err);
void event_link_clear(event_link *l);

/* the anchor file of the database at db_path: "<db_path>.anchor" (allocated) */
char *event_anchor_path(const char *db_path);
/* one line of the anchor: the newest event of a commit */
typedef struct anchor_line {
	int64_t seq;
	char hash[SHA256_HEX];
	char at[20];
	int line;               /* its line number in the file */
} anchor_line;
typedef struct anchor_lines {
	anchor_line *v;         /* sorted by seq */
	size_t n;
	bool exists;            /* false: no anchor file */
	int bad_line;           /* the first line that is not "SEQ HASH AT", 0 for none */
} anchor_lines;
/* read the anchor of d; -1 with err (the anchor's path) when it exists but cannot
 * be read */
int event_anchor_read(db *d, anchor_lines *out, store_err *err);
void anchor_lines_clear(anchor_lines *a);
/* append "SEQ HASH AT" to the anchor of the database at db_path (created 0660 at
 * most); -1 with err (STORE_E_ANCHOR_UNWRITTEN) when it cannot be written */
int event_anchor_append(const char *db_path, int64_t seq, const char *hash, const char *at,
                        store_err *err);
/* append the database's newest event to its anchor; 0 when there is none */
int event_anchor_append_head(db *d, store_err *err);

#endif
