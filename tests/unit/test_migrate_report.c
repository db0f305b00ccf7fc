/* The migration that brought the report to the enterprise (告知企业) rebuilds appeal
 * and appeal_timer to widen their CHECKs. Run on a database made by the migrations
 * before it, with appeals in every kind of place (answered, handled, closed, merged
 * into another, with related units, timers, dispatch and assignment rows): every row
 * survives, an answered appeal becomes reported on the day of its answer with an
 * event saying so, the integrity and foreign-key checks are clean, every index and
 * trigger is there as before, and the open-appeal count still follows the triggers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/store_text.h"
#include "store/appeal_store.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/store_where.h"

static char dir[] = "/tmp/qifu-migrate-XXXXXX";
static char path[96];

/* the migration that rebuilds appeal, found by what it does: others append theirs */
static int report_migration(void)
{
	for (int v = 1; v <= schema_latest(); v++)
		if (strstr(schema_migration(v), "CREATE TABLE appeal_new"))
			return v;
	return 0;
}

static void exec_ok(sqlite3 *h, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s\n  in: %.200s", msg ? msg : "?", sql);
}

static char *text_of(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	strbuf b = STRBUF_INIT;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++)
			sb_addf(&b, "%s%s", i ? "|" : "",
			        sqlite3_column_text(st, i) ? (const char *)sqlite3_column_text(st, i)
			                                   : "NULL");
		sb_add(&b, "\n");
	}
	sqlite3_finalize(st);
	return sb_steal(&b);
}

/* the schema's indexes and triggers (not the tables, which the migration changes) */
static const char objects_sql[] =
	"SELECT type, name, tbl_name, sql FROM sqlite_master"
	" WHERE type IN ('index', 'trigger') ORDER BY name";

/* appeals as the older schema held them: 1 answered after a dispatch (handle stopped
 * Mar 4), 2 in progress with a related unit, 3 closed, 4 merged into 2, 5 answered
 * without a handling timer row */
static const char fixture_sql[] =
	"INSERT INTO staff (id, login, name, unit, role, created_at)"
	"  VALUES (1, 'fd', '王芳', '区企服中心', 'frontdesk', '2026-03-01 09:00:00');"
	"INSERT INTO enterprise (id, name, uscc, area, category, lead_unit, created_at,"
	"  updated_at) VALUES (1, '华勤技术', '914403001922038216', '昌东镇', 'industry',"
	"  '区科经局', '2026-03-01', '2026-03-01');"
	"INSERT INTO appeal (id, number, year, seq, enterprise_id, title, kind, channel,"
	"  state, first_unit, first_person, lead_unit, version, merged_into, next_due, result,"
	"  created_at, updated_at, level, caller_name) VALUES"
	"  (1, '2026-000001', 2026, 1, 1, '道路积水', 'general', 'visit', 'answered',"
	"   '区企服中心', 1, '区科经局', 5, NULL, NULL, '已疏通', '2026-03-02 09:00:00',"
	"   '2026-03-04 10:00:00', 3, '张三'),"
	"  (2, '2026-000002', 2026, 2, 1, '用电报装', 'simple', 'phone', 'in_progress',"
	"   '区企服中心', 1, '区投促局', 3, NULL, '2026-03-20', '', '2026-03-02 09:00:00',"
	"   '2026-03-03 10:00:00', 3, ''),"
	"  (3, '2026-000003', 2026, 3, 1, '招工', 'simple', 'phone', 'closed',"
	"   '区企服中心', 1, '区科经局', 7, NULL, NULL, '已办', '2026-03-02 09:00:00',"
	"   '2026-03-05 10:00:00', 3, ''),"
	"  (4, '2026-000004', 2026, 4, 1, '用电报装(重复)', 'simple', 'phone', 'merged',"
	"   '区企服中心', 1, NULL, 2, 2, NULL, '', '2026-03-02 09:00:00',"
	"   '2026-03-02 10:00:00', NULL, ''),"
	"  (5, '2026-000005', 2026, 5, 1, '门牌', 'simple', 'visit', 'answered',"
	"   '区企服中心', 1, '区企服中心', 4, NULL, NULL, '已办', '2026-03-02 09:00:00',"
	"   '2026-03-06 11:00:00', NULL, '');"
	"UPDATE enterprise SET open_appeals = 3;"
	"INSERT INTO appeal_related (appeal_id, unit) VALUES (2, '区建管局');"
	"INSERT INTO appeal_timer (appeal_id, timer, start, days, due, done) VALUES"
	"  (1, 'dispatch', '2026-03-02', 1, '2026-03-03', '2026-03-02'),"
	"  (1, 'handle', '2026-03-02', 3, '2026-03-05', '2026-03-04'),"
	"  (2, 'handle', '2026-03-03', 7, '2026-03-12', NULL);"
	"INSERT INTO appeal_dispatch (appeal_id, level, mode, date, decision, recorded_by,"
	"  recorded_at) VALUES (2, 3, 'meeting', '2026-03-04', '协调', 'fd', '2026-03-04');"
	"INSERT INTO appeal_assignment (appeal_id, unit, dispatched_on) VALUES"
	"  (1, '区科经局', '2026-03-02'), (2, '区投促局', '2026-03-03');"
	"INSERT INTO event (at, actor, entity, entity_id, action, summary) VALUES"
	"  ('2026-03-04 10:00:00', 'fd', 'appeal', 1, 'answer', 'in_progress -> answered');";

static void test_migrate(void **state)
{
	(void)state;
	int k = report_migration();
	assert_true(k > 1);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/old.db", dir);

	/* the database as the program before the report step left it */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(ent_search_functions(h), 0);
	exec_ok(h, "PRAGMA foreign_keys = ON");
	for (int v = 1; v < k; v++) {
		exec_ok(h, schema_migration(v));
		char setv[40];
		snprintf(setv, sizeof setv, "PRAGMA user_version = %d", v);
		exec_ok(h, setv);
	}
	exec_ok(h, fixture_sql);
	char *objects_before = text_of(h, objects_sql);
	char *appeals_before = text_of(h, "SELECT id, number, enterprise_id, title, kind,"
		" channel, first_unit, first_person, lead_unit, merged_into, next_due, result,"
		" created_at, level, caller_name FROM appeal ORDER BY id");
	char *timers_before = text_of(h, "SELECT * FROM appeal_timer ORDER BY 1, 2");
	sqlite3_close(h);

	/* the program opens it: this migration and any after it */
	store_err se = { 0 };
	strbuf err = STRBUF_INIT;
	db *d = db_open(path, DB_OPEN_EXISTING, &se);
	if (!d)
		fail_msg("%s", app_store_text(&se, &err));
	assert_int_equal(db_schema_version(d), schema_latest());
	db_close(&d);

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	char *s = text_of(h, "PRAGMA integrity_check");
	assert_string_equal(s, "ok\n");
	free(s);
	s = text_of(h, "PRAGMA foreign_key_check");
	assert_string_equal(s, "");
	free(s);
	/* every index and trigger of the old schema, spelt as it was (later migrations
	 * may add their own, but none of these may go missing or change) */
	char *objects_after = text_of(h, objects_sql);
	for (char *line = objects_before, *end; *line; line = end + 1) {
		end = strchr(line, '\n');
		*end = '\0';
		if (!strstr(objects_after, line))
			fail_msg("lost or changed by the migration: %s", line);
	}
	/* every appeal and timer row as it was, the answered ones now reported */
	s = text_of(h, "SELECT id, number, enterprise_id, title, kind,"
		" channel, first_unit, first_person, lead_unit, merged_into, next_due, result,"
		" created_at, level, caller_name FROM appeal ORDER BY id");
	assert_string_equal(s, appeals_before);
	free(s);
	s = text_of(h, "SELECT * FROM appeal_timer ORDER BY 1, 2");
	assert_string_equal(s, timers_before);
	free(s);
	s = text_of(h, "SELECT id, state, version, reported_on, report_how, report_by,"
		" report_text FROM appeal ORDER BY id");
	assert_string_equal(s,
		"1|reported|6|2026-03-04|NULL||\n"
		"2|in_progress|3|NULL|NULL||\n"
		"3|closed|7|NULL|NULL||\n"
		"4|merged|2|NULL|NULL||\n"
		"5|reported|5|2026-03-06|NULL||\n");
	free(s);
	s = text_of(h, "SELECT entity_id, actor, action, summary FROM event"
		" WHERE action = 'report' ORDER BY id");
	assert_string_equal(s,
		"1|qifu|report|answered -> reported; on=2026-03-04; upgrade\n"
		"5|qifu|report|answered -> reported; on=2026-03-06; upgrade\n");
	free(s);
	s = text_of(h, "SELECT count(*) FROM appeal_related UNION ALL"
		" SELECT count(*) FROM appeal_dispatch UNION ALL"
		" SELECT count(*) FROM appeal_assignment");
	assert_string_equal(s, "1\n1\n2\n");
	free(s);
	/* the new CHECKs: the report timer and state go in, a made-up one does not */
	exec_ok(h, "INSERT INTO appeal_timer VALUES (2, 'report', '2026-03-05', 1,"
		" '2026-03-06', NULL)");
	assert_int_not_equal(sqlite3_exec(h, "UPDATE appeal SET state = 'told' WHERE id = 2",
		NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE appeal SET report_how = 'fax' WHERE id = 1",
		NULL, NULL, NULL), SQLITE_OK);
	/* the open-appeal triggers came back: closing one counts down */
	exec_ok(h, "UPDATE appeal SET state = 'closed' WHERE id = 2");
	s = text_of(h, "SELECT open_appeals FROM enterprise");
	assert_string_equal(s, "2\n");
	free(s);
	sqlite3_close(h);

	free(objects_before);
	free(objects_after);
	free(appeals_before);
	free(timers_before);
	sb_free(&err);
	unlink(path);
	char wal[120];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
