/* The event log's hash chain and its anchor file. The encoding (HACKING.md): the 32
 * bytes of the previous row's hash (32 zero bytes before the first row), then each
 * column of the row in the order id, at, actor, entity, entity_id, action, summary,
 * reason, each as a 4-byte big-endian byte count and the bytes (integers as their
 * decimal digits, text as its UTF-8). One chain runs over the one event table, in
 * id order, whatever entity a row is about. */
#include "store/event_chain.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/privilege.h"
#include "core/xalloc.h"

enum { EVENT_FIELDS = 8 };

typedef struct field {
	const char *s;
	size_t n;
} field;

static void add_field(sha256_state *c, const char *s, size_t n)
{
	uint8_t len[4] = { (uint8_t)(n >> 24), (uint8_t)(n >> 16), (uint8_t)(n >> 8),
	                   (uint8_t)n };
	sha256_add(c, len, sizeof len);
	sha256_add(c, s, n);
}

static void hash_fields(const char *prev, const field f[EVENT_FIELDS], char out[SHA256_HEX])
{
	uint8_t p[SHA256_BYTES] = { 0 }, d[SHA256_BYTES];
	/* a hash that is not 64 hex digits is already a broken link (the walk names
	 * that row); what follows it is hashed after zeros */
	if (prev && *prev && sha256_unhex(prev, p) < 0)
		memset(p, 0, sizeof p);
	sha256_state c;
	sha256_begin(&c);
	sha256_add(&c, p, sizeof p);
	for (int i = 0; i < EVENT_FIELDS; i++)
		add_field(&c, f[i].s ? f[i].s : "", f[i].s ? f[i].n : 0);
	sha256_end(&c, d);
	sha256_hex(d, out);
}

void event_chain_hash(const char *prev, const event_row *e, char out[SHA256_HEX])
{
	char id[24], eid[24];
	snprintf(id, sizeof id, "%" PRId64, e->id);
	snprintf(eid, sizeof eid, "%" PRId64, e->entity_id);
	const char *t[EVENT_FIELDS] = { id, e->at, e->actor, e->entity, eid, e->action,
	                                e->summary, e->reason };
	field f[EVENT_FIELDS];
	for (int i = 0; i < EVENT_FIELDS; i++)
		f[i] = (field){ t[i] ? t[i] : "", t[i] ? strlen(t[i]) : 0 };
	hash_fields(prev, f, out);
}

/* the columns of a value: integers (id, entity_id) as decimal digits, text as its
 * bytes (all of them: a NUL inside a text counts) */
static field value_field(sqlite3_value *v, char buf[24], bool integer)
{
	if (integer) {
		snprintf(buf, 24, "%" PRId64, (int64_t)sqlite3_value_int64(v));
		return (field){ buf, strlen(buf) };
	}
	const char *s = (const char *)sqlite3_value_text(v);
	return (field){ s ? s : "", s ? (size_t)sqlite3_value_bytes(v) : 0 };
}

/* qifu_event_hash(prev, id, at, actor, entity, entity_id, action, summary, reason):
 * the chain's hash in SQL, for the migration that fills the chain of an existing log */
static void fn_event_hash(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char ids[2][24];
	field f[EVENT_FIELDS];
	for (int i = 0; i < EVENT_FIELDS; i++)
		f[i] = value_field(argv[i + 1], ids[i == 0 ? 0 : 1], i == 0 || i == 4);
	char out[SHA256_HEX];
	hash_fields((const char *)sqlite3_value_text(argv[0]), f, out);
	sqlite3_result_text(cx, out, SHA256_HEX - 1, SQLITE_TRANSIENT);
}

int event_chain_functions(sqlite3 *h)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	return sqlite3_create_function_v2(h, "qifu_event_hash", 1 + EVENT_FIELDS, flags, NULL,
	                                  fn_event_hash, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int event_chain_head(db *d, int64_t *id, char hash[SHA256_HEX], char at[20], store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id, hash, at FROM event ORDER BY id DESC LIMIT 1",
	                           err);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(hash, SHA256_HEX, "%s", db_col_text(st, 1));
		if (at)
			snprintf(at, 20, "%s", db_col_text(st, 2));
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		*id = 0;
		hash[0] = '\0';
		if (at)
			at[0] = '\0';
		rc = 0;
	} else {
		db_fail(d, err, "reading the event log");
		rc = -1;
	}
	db_done(st);
	return rc;
}

/* the text of column i as a field, all its bytes */
static field column_field(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return (field){ s ? s : "", s ? (size_t)sqlite3_column_bytes(st, i) : 0 };
}

/* column i copied, all its bytes (a NUL inside ends the copy's text, not the hash's) */
static const char *column_dup(sqlite3_stmt *st, int i)
{
	field f = column_field(st, i);
	char *s = xmalloc(f.n + 1);
	memcpy(s, f.s, f.n);
	s[f.n] = '\0';
	return s;
}

int event_chain_read(db *d, const event_link *after, int64_t head, int limit, event_link *out,
                     int *n, store_err *err)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt(d,
		"SELECT id, at, actor, entity, entity_id, action, summary, reason, hash FROM event"
		" WHERE id > ? AND id <= ? ORDER BY id LIMIT ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, after ? after->row.id : INT64_MIN);
	sqlite3_bind_int64(st, 2, head);
	sqlite3_bind_int(st, 3, limit);
	const char *prev = after ? after->stored : "";
	int step = SQLITE_DONE;
	while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW) {
		event_link *l = &out[(*n)++];
		*l = (event_link){ 0 };
		l->row.id = sqlite3_column_int64(st, 0);
		l->row.at = column_dup(st, 1);
		l->row.actor = column_dup(st, 2);
		l->row.entity = column_dup(st, 3);
		l->row.entity_id = sqlite3_column_int64(st, 4);
		l->row.action = column_dup(st, 5);
		l->row.summary = column_dup(st, 6);
		l->row.reason = column_dup(st, 7);
		l->stored = rows_col_dup(st, 8);
		char id[24], eid[24];
		snprintf(id, sizeof id, "%" PRId64, l->row.id);
		snprintf(eid, sizeof eid, "%" PRId64, l->row.entity_id);
		field f[EVENT_FIELDS] = {
			{ id, strlen(id) }, column_field(st, 1), column_field(st, 2),
			column_field(st, 3), { eid, strlen(eid) }, column_field(st, 5),
			column_field(st, 6), column_field(st, 7),
		};
		hash_fields(prev, f, l->computed);
		prev = l->stored;
	}
	int rc = 0;
	if (*n < limit && step != SQLITE_DONE) {
		db_fail(d, err, "reading the event log");
		rc = -1;
	}
	db_done(st);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			event_link_clear(&out[i]);
		*n = 0;
	}
	return rc;
}

void event_link_clear(event_link *l)
{
	free((char *)l->row.at);
	free((char *)l->row.actor);
	free((char *)l->row.entity);
	free((char *)l->row.action);
	free((char *)l->row.summary);
	free((char *)l->row.reason);
	free(l->stored);
	*l = (event_link){ 0 };
}

char *event_anchor_path(const char *db_path)
{
	return xasprintf("%s.anchor", db_path);
}

static int anchor_cmp(const void *a, const void *b)
{
	const anchor_line *x = a, *y = b;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* "SEQ HASH YYYY-MM-DD HH:MM:SS" into l; -1 when the line is not that */
static int anchor_parse(const char *s, anchor_line *l)
{
	char *end;
	errno = 0;
	long long seq = strtoll(s, &end, 10);
	if (errno || end == s || seq <= 0 || *end != ' ')
		return -1;
	s = end + 1;
	uint8_t raw[SHA256_BYTES];
	if (strlen(s) < SHA256_HEX || s[SHA256_HEX - 1] != ' ')
		return -1;
	memcpy(l->hash, s, SHA256_HEX - 1);
	l->hash[SHA256_HEX - 1] = '\0';
	if (sha256_unhex(l->hash, raw) < 0)
		return -1;
	s += SHA256_HEX;
	size_t n = strcspn(s, "\n");
	if (n != 19 || s[n] != '\n')
		return -1;
	memcpy(l->at, s, 19);
	l->at[19] = '\0';
	l->seq = seq;
	return 0;
}

int event_anchor_read(db *d, anchor_lines *out, store_err *err)
{
	*out = (anchor_lines){ 0 };
	char *path = event_anchor_path(db_path(d));
	int t = priv_raise_for(path);
	FILE *fp = fopen(path, "r");
	priv_restore(t);
	if (!fp) {
		int rc = errno == ENOENT ? 0 : -1;
		if (rc < 0) {
			store_err_path(store_err_set(err, STORE_E_ANCHOR_UNREADABLE), path);
			store_err_detail(err, strerror(errno));
		}
		free(path);
		return rc;
	}
	out->exists = true;
	char *buf = NULL;
	size_t cap = 0, alloc = 0;
	int lineno = 0;
	while (getline(&buf, &cap, fp) != -1) {
		lineno++;
		anchor_line l = { .line = lineno };
		if (anchor_parse(buf, &l) < 0) {
			if (!out->bad_line)
				out->bad_line = lineno;
			continue;
		}
		if (out->n == alloc)
			out->v = xrealloc(out->v, (alloc = alloc ? 2 * alloc : 64) * sizeof *out->v);
		out->v[out->n++] = l;
	}
	int rc = 0;
	if (ferror(fp)) {
		store_err_path(store_err_set(err, STORE_E_ANCHOR_UNREADABLE), path);
		store_err_detail(err, strerror(errno));
		rc = -1;
	}
	free(buf);
	fclose(fp);
	free(path);
	/* sessions append after their commits, so two may land out of order */
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, anchor_cmp);
	if (rc < 0)
		anchor_lines_clear(out);
	return rc;
}

void anchor_lines_clear(anchor_lines *a)
{
	free(a->v);
	*a = (anchor_lines){ 0 };
}

int event_anchor_append(const char *db_path, int64_t seq, const char *hash, const char *at,
                        store_err *err)
{
	char *path = event_anchor_path(db_path);
	char line[128];
	int n = snprintf(line, sizeof line, "%" PRId64 " %s %s\n", seq, hash, at);
	/* O_APPEND: one write of one short line, whole even beside another session's;
	 * 0660 at most, as the database itself (the umask may take more away) */
	errno = 0;
	int t = priv_raise_for(path); /* beside a protected database: through its group */
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0660);
	priv_restore(t);
	int rc = -1;
	if (fd >= 0 && n > 0 && (size_t)n < sizeof line && write(fd, line, (size_t)n) == n)
		rc = 0;
	int why = errno;
	if (fd >= 0 && close(fd) != 0 && rc == 0) {
		why = errno;
		rc = -1;
	}
	if (rc < 0) {
		store_err_path(store_err_set(err, STORE_E_ANCHOR_UNWRITTEN), path);
		store_err_num(err, 0, seq);
		store_err_detail(err, strerror(why ? why : EIO));
	}
	free(path);
	return rc;
}

int event_anchor_append_head(db *d, store_err *err)
{
	int64_t id;
	char hash[SHA256_HEX], at[20];
	int rc = event_chain_head(d, &id, hash, at, err);
	if (rc <= 0)
		return rc;
	return event_anchor_append(db_path(d), id, hash, at, err);
}
