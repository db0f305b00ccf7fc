/* The event log's proof (issue 15): SHA-256 against the NIST vectors (FIPS 180-4
 * examples: "abc", the empty message, the 448-bit message), the chain's canonical
 * encoding against hashes computed apart from qifu (python3 hashlib, the encoding
 * HACKING.md gives), the SQL function the migration fills the chain with, and the
 * verdict tables of model/audit.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/audit.h"
#include "core/sha256.h"
#include "model/audit.h"
#include "store/db_internal.h"
#include "store/event_chain.h"
#include "store/schema.h"
#include "store/store_where.h"

#include "testdb.h"

static void test_nist_vectors(void **state)
{
	(void)state;
	static const struct {
		const char *msg, *digest;
	} t[] = {
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		uint8_t d[SHA256_BYTES], back[SHA256_BYTES];
		char hex[SHA256_HEX];
		sha256(t[i].msg, strlen(t[i].msg), d);
		sha256_hex(d, hex);
		assert_string_equal(hex, t[i].digest);
		assert_int_equal(sha256_unhex(t[i].digest, back), 0);
		assert_memory_equal(back, d, sizeof d);
		/* the same in pieces, a byte at a time */
		sha256_state c;
		sha256_begin(&c);
		for (const char *p = t[i].msg; *p; p++)
			sha256_add(&c, p, 1);
		sha256_end(&c, back);
		assert_memory_equal(back, d, sizeof d);
	}
	uint8_t d[SHA256_BYTES];
	assert_int_equal(sha256_unhex("abc", d), -1);
	assert_int_equal(sha256_unhex(NULL, d), -1);
	assert_int_equal(sha256_unhex("zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", d), -1);
}

/* computed apart: sha256(prev or 32 zero bytes || for each column: 4-byte big-endian
 * length || UTF-8 bytes), ids as decimal digits */
#define H1 "1d4aebbdf8e75267ded4690b02fff2e381a08760dcd1e7a3be201cee07c26c54"
#define H2 "194538e7e28f474c7515ad721449e76ea604869b2191e76cba3fc3dd06630ff9"

static void test_canonical_encoding(void **state)
{
	(void)state;
	event_row a = { 1, "2026-12-01 09:00:00", "wang", "appeal", 7, "register", "新诉求", "" };
	event_row b = { 2, "2026-12-01 09:05:00", "li", "enterprise", 12, "edit", "phone", "核对" };
	char h[SHA256_HEX];
	event_chain_hash(NULL, &a, h);
	assert_string_equal(h, H1);
	event_chain_hash("", &a, h);
	assert_string_equal(h, H1);
	event_chain_hash(H1, &b, h);
	assert_string_equal(h, H2);
	/* every column counts, and the lengths keep "ab"+"c" apart from "a"+"bc" */
	event_row c = b;
	c.summary = "phon";
	c.reason = "e核对";
	event_chain_hash(H1, &c, h);
	assert_string_not_equal(h, H2);
	c = b;
	c.entity_id = 13;
	event_chain_hash(H1, &c, h);
	assert_string_not_equal(h, H2);
}

/* the SQL function the migration fills an existing log with gives the same hashes */
static void test_sql_function(void **state)
{
	(void)state;
	sqlite3 *h;
	assert_int_equal(sqlite3_open(":memory:", &h), SQLITE_OK);
	assert_int_equal(event_chain_functions(h), 0);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h,
		"SELECT qifu_event_hash('', 1, '2026-12-01 09:00:00', 'wang', 'appeal', 7,"
		" 'register', '新诉求', ''), qifu_event_hash(?, 2, '2026-12-01 09:05:00', 'li',"
		" 'enterprise', 12, 'edit', 'phone', '核对')", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, H1, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), H1);
	assert_string_equal((const char *)sqlite3_column_text(st, 1), H2);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static void test_judge_row(void **state)
{
	(void)state;
	static const char *const X = H1, *const Y = H2;
	static const struct {
		int64_t prev, id;
		const char *stored, *computed, *anchored;
		audit_fault want;
	} t[] = {
		{ 0, 1, X, X, NULL, AUDIT_FITS },
		{ 41, 42, X, X, X, AUDIT_FITS },
		{ 41, 42, X, Y, NULL, AUDIT_CHANGED },
		{ 41, 42, X, Y, X, AUDIT_CHANGED },
		{ 41, 42, X, X, Y, AUDIT_ANCHOR_DIFFERS },
		{ 40, 42, X, Y, NULL, AUDIT_MISSING_BEFORE },  /* 41 removed */
		{ 40, 42, X, X, NULL, AUDIT_MISSING_BEFORE },  /* and 42 rehashed over the gap */
		{ 0, 3, X, X, NULL, AUDIT_MISSING_BEFORE },    /* the first two removed */
		{ 41, 42, "", X, NULL, AUDIT_NOT_A_HASH },
		{ 41, 42, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", X,
		  NULL, AUDIT_NOT_A_HASH },
		{ 41, 42, "ba7816bf", "ba7816bf", NULL, AUDIT_NOT_A_HASH },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		audit_fault f = audit_judge_row(t[i].prev, t[i].id, t[i].stored, t[i].computed,
		                                t[i].anchored);
		if (f != t[i].want)
			fail_msg("row %zu: %d, want %d", i, f, t[i].want);
	}
}

static void test_judge_end(void **state)
{
	(void)state;
	static const struct {
		int64_t head, anchored;
		bool exists;
		int bad_line;
		audit_fault want;
	} t[] = {
		{ 0, 0, false, 0, AUDIT_FITS },          /* a new, empty database */
		{ 10, 10, true, 0, AUDIT_FITS },
		{ 10, 9, true, 0, AUDIT_FITS },          /* the last line could not be written */
		{ 10, 12, true, 0, AUDIT_MISSING_NEWEST },
		{ 0, 3, true, 0, AUDIT_MISSING_NEWEST }, /* every event removed */
		{ 10, 0, false, 0, AUDIT_NO_ANCHOR },
		{ 10, 0, true, 0, AUDIT_FITS },          /* an anchor with no line yet */
		{ 10, 10, true, 4, AUDIT_ANCHOR_BAD_LINE },
		{ 10, 12, true, 4, AUDIT_MISSING_NEWEST },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		audit_fault f = audit_judge_end(t[i].head, t[i].anchored, t[i].exists, t[i].bad_line);
		if (f != t[i].want)
			fail_msg("row %zu: %d, want %d", i, f, t[i].want);
	}
}

/* a log written before the chain: the migration that adds it (found by what it
 * does, not by its number) chains the rows as db_event would have and anchors the
 * head, and the log stays closed to edits */
static void test_migration_chains_old_log(void **state)
{
	(void)state;
	char dir[] = "/tmp/qifu-audit-XXXXXX", path[64], line[160];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/old.db", dir);
	int chain = 0;
	for (int v = 1; v <= schema_latest(); v++)
		if (strstr(schema_migration(v), "ALTER TABLE event ADD COLUMN hash"))
			chain = v;
	assert_true(chain > 1);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(ent_search_functions(h), 0);
	for (int v = 1; v < chain; v++)
		assert_int_equal(sqlite3_exec(h, schema_migration(v), NULL, NULL, NULL), SQLITE_OK);
	snprintf(line, sizeof line, "PRAGMA user_version = %d", chain - 1);
	assert_int_equal(sqlite3_exec(h,
		"INSERT INTO event (at, actor, entity, entity_id, action, summary, reason) VALUES"
		" ('2026-12-01 09:00:00', 'wang', 'appeal', 7, 'register', '新诉求', ''),"
		" ('2026-12-01 09:05:00', 'li', 'enterprise', 12, 'edit', 'phone', '核对'),"
		" ('2026-12-01 09:06:00', 'li', 'staff', 3, 'add', '', '');",
		NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, line, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	store_err se = { 0 };
	db *d = db_open(path, DB_OPEN_EXISTING, &se);
	assert_non_null(d);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_handle(d), "SELECT hash FROM event WHERE id <= 2"
	                                    " ORDER BY id", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), H1);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), H2);
	sqlite3_finalize(st);
	audit_verdict v;
	strbuf msg = STRBUF_INIT;
	assert_int_equal(app_audit_verify(d, &v, &msg), APP_OK);
	assert_int_equal(v.events, 3);
	assert_int_equal(v.anchor_lines, 1);
	sb_free(&msg);
	assert_int_not_equal(sqlite3_exec(db_handle(d), "UPDATE event SET actor = 'x'", NULL, NULL,
	                                  NULL), SQLITE_OK);
	db_close(&d);

	char *anchor = event_anchor_path(path);
	FILE *fp = fopen(anchor, "r");
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof line, fp));
	assert_int_equal(strncmp(line, "3 ", 2), 0);
	fclose(fp);
	free(anchor);
	db_unlink(path);
	snprintf(line, sizeof line, "%s/old.db-journal", dir);
	unlink(line);
	assert_int_equal(rmdir(dir), 0);
}

/* ---- the walk a chunk at a time ---------------------------------------------- */

enum { CHAIN_EVENTS = 12 };

/* a database of CHAIN_EVENTS events, each its own commit (so each has its anchor
 * line), tampered with by sql (NULL: not at all) the way the sqlite3 shell could */
static void chain_db(testdb *t, const char *sql)
{
	assert_int_equal(testdb_open(t, "auditchunk", "2026-12-01"), 0);
	store_err se = { 0 };
	for (int i = 2; i <= CHAIN_EVENTS; i++) {
		char sum[32];
		snprintf(sum, sizeof sum, "第 %d 件", i);
		assert_int_equal(db_begin(t->d, &se), 0);
		assert_int_equal(db_event(t->d, "wang", "staff", i, "add", sum, i % 3 ? "" : "核对",
		                          &se), 0);
		assert_int_equal(db_commit(t->d, &se), 0);
	}
	if (sql)
		assert_int_equal(sqlite3_exec(db_handle(t->d), sql, NULL, NULL, NULL), SQLITE_OK);
}

/* the verdict and its words read in chunks of 1 to 5 events are the one-chunk walk's
 * (chunk 0: APP_CHUNK_ROWS, more than the log holds), whatever the tampering, and
 * that walk's is the one expected */
static void test_verify_in_chunks(void **state)
{
	(void)state;
	static const struct {
		const char *sql;
		app_status st;
		audit_fault fault;
		int64_t id, missing_from;
	} t[] = {
		{ NULL, APP_OK, AUDIT_FITS, 0, 0 },
		{ "DROP TRIGGER event_no_update; UPDATE event SET summary = 'x' WHERE id = 6",
		  APP_NO, AUDIT_CHANGED, 6, 6 },
		{ "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = 5",
		  APP_NO, AUDIT_MISSING_BEFORE, 6, 5 },
		{ "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id IN (3, 4, 5)",
		  APP_NO, AUDIT_MISSING_BEFORE, 6, 3 },
		{ "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id > 10",
		  APP_NO, AUDIT_MISSING_NEWEST, 12, 11 },
		/* rewritten with its hash made again: only the anchor tells */
		{ "DROP TRIGGER event_no_update; UPDATE event SET summary = 'x', hash ="
		  " qifu_event_hash((SELECT hash FROM event WHERE id = 6), id, at, actor, entity,"
		  " entity_id, action, 'x', reason) WHERE id = 7",
		  APP_NO, AUDIT_ANCHOR_DIFFERS, 7, 7 },
		{ "UPDATE event SET hash = 'zz' WHERE id = 9", APP_NO, AUDIT_NOT_A_HASH, 9, 9 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		testdb tdb;
		const char *sql = t[i].sql;
		char both[512];
		if (sql && strncmp(sql, "UPDATE", 6) == 0) {
			snprintf(both, sizeof both, "DROP TRIGGER event_no_update; %s", sql);
			sql = both;
		}
		chain_db(&tdb, sql);
		audit_verdict want;
		strbuf wmsg = STRBUF_INIT;
		assert_int_equal(app_audit_verify_each(tdb.d, 0, NULL, NULL, &want, &wmsg), t[i].st);
		assert_int_equal(want.fault, t[i].fault);
		if (t[i].fault != AUDIT_FITS) {
			assert_int_equal(want.id, t[i].id);
			assert_int_equal(want.missing_from, t[i].missing_from);
		} else {
			assert_int_equal(want.events, CHAIN_EVENTS);
		}
		for (int chunk = 1; chunk <= 5; chunk++) {
			audit_verdict v;
			strbuf msg = STRBUF_INIT;
			assert_int_equal(app_audit_verify_each(tdb.d, chunk, NULL, NULL, &v, &msg),
			                 t[i].st);
			assert_memory_equal(&v, &want, sizeof v);
			assert_string_equal(sb_str(&msg), sb_str(&wmsg));
			sb_free(&msg);
		}
		sb_free(&wmsg);
		testdb_close(&tdb);
	}
}

/* what the walk's hook does at the third event: write through a second connection,
 * which must commit at once (it waits for no lock) */
typedef struct writer {
	const char *path;
	int wrote;
} writer;

static void write_between(int64_t walked, int64_t head, void *arg)
{
	writer *w = arg;
	assert_int_equal(head, CHAIN_EVENTS);
	if (walked != 3)
		return;
	store_err se = { 0 };
	db *other = db_open_wait(w->path, DB_OPEN_EXISTING, 0, &se);
	assert_non_null(other);
	assert_int_equal(db_begin(other, &se), 0);
	assert_int_equal(db_event(other, "li", "staff", 99, "add", "verify 之间", "", &se), 0);
	assert_int_equal(db_commit(other, &se), 0);
	db_close(&other);
	w->wrote++;
}

/* a writer commits while the chain is walked; the walk ends at the event that was
 * newest when it began, and the next walk takes the new one in */
static void test_verify_lets_writers_commit(void **state)
{
	(void)state;
	for (int chunk = 1; chunk <= 5; chunk++) {
		testdb t;
		chain_db(&t, NULL);
		writer w = { t.path, 0 };
		audit_verdict v;
		strbuf msg = STRBUF_INIT;
		assert_int_equal(app_audit_verify_each(t.d, chunk, write_between, &w, &v, &msg),
		                 APP_OK);
		assert_int_equal(w.wrote, 1);
		assert_int_equal(v.events, CHAIN_EVENTS);
		assert_int_equal(v.head, CHAIN_EVENTS);
		sb_reset(&msg);
		assert_int_equal(app_audit_verify(t.d, &v, &msg), APP_OK);
		assert_int_equal(v.events, CHAIN_EVENTS + 1);
		sb_free(&msg);
		testdb_close(&t);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nist_vectors),
		cmocka_unit_test(test_canonical_encoding),
		cmocka_unit_test(test_sql_function),
		cmocka_unit_test(test_judge_row),
		cmocka_unit_test(test_judge_end),
		cmocka_unit_test(test_migration_chains_old_log),
		cmocka_unit_test(test_verify_in_chunks),
		cmocka_unit_test(test_verify_lets_writers_commit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
