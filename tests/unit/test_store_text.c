/* The words for what the store reports (app/store_text.c): one row per store_err code,
 * with the facts the store fills in and the sentence the user reads, in English and in
 * the Chinese catalogue built from po/. Every code has a row (a new code without one
 * fails here), and the store_err setters keep to their fields and to whole characters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/date.h"
#include "model/escalation.h"
#include "model/financing.h"
#include "model/project.h"
#include "model/ticket.h"
#include "store/store_err.h"
#include "testlang.h"

typedef struct row {
	store_code code;
	const char *path, *what, *detail;
	const char *name[STORE_ERR_NAMES];
	int64_t num[STORE_ERR_NUMS];
	const char *day[STORE_ERR_DAYS];
	int migration;
	const char *en, *zh;
} row;

#define DB "/srv/qifu/qifu.db"

static const row rows[] = {
	{ STORE_E_LOCKED, DB, .num = { 5012, 5000 },
	  .en = DB ": the database is busy: another session holds its lock. Waited 5.0 s (at "
	        "most 5.0 s, [database] busy_timeout_ms); nothing was changed. Try again in a "
	        "moment; if it stays busy, look for a session left in the middle of a change, or "
	        "raise busy_timeout_ms",
	  .zh = DB "：数据库忙：另一个会话正占用它的锁。已等待 5.0 秒（最多 5.0 秒，[database] "
	        "busy_timeout_ms）；未做任何更改。请稍后重试；如果一直忙，请查找停在修改中途的会话，"
	        "或调大 busy_timeout_ms" },
	{ STORE_E_EMPTY_FILE, DB,
	  .en = DB ": the file is empty, not a qifu database; qifu has not written to it. Name "
	        "the database with --db, or create one here with 'qifu init'",
	  .zh = DB "：该文件是空的，不是 qifu 数据库；qifu 未写入它。请用 --db 指定数据库，或用 "
	        "qifu init 在此新建" },
	{ STORE_E_NOT_SQLITE, DB,
	  .en = DB ": not a database file (not SQLite); qifu has not written to it. Name the "
	        "qifu database with --db",
	  .zh = DB "：不是数据库文件（不是 SQLite）；qifu 未写入它。请用 --db 指定 qifu 数据库" },
	{ STORE_E_NOT_QIFU, DB, .num = { 3 },
	  .en = DB ": an SQLite database of another program (3 tables, none of qifu's); qifu has "
	        "not written to it. Name the qifu database with --db, or create one with 'qifu "
	        "init --db NEW-FILE'",
	  .zh = DB "：这是其他程序的 SQLite 数据库（3 个表，没有 qifu 的表）；qifu 未写入它。请用 "
	        "--db 指定 qifu 数据库，或用 qifu init --db 新文件 新建" },
	{ STORE_E_JOURNAL, DB "-journal", .name = { "/srv/qifu" },
	  .en = DB "-journal: cannot create the journal beside the database: to change anything "
	        "this user needs write permission on the directory /srv/qifu (as on the database "
	        "file itself); nothing was changed",
	  .zh = DB "-journal：无法在数据库旁创建日志文件：要做任何更改，当前用户需要对目录 /srv/qifu "
	        "有写权限（与数据库文件本身一样）；未做任何更改" },
	{ STORE_E_INTERRUPTED, DB,
	  .en = DB ": reading stopped for a newer request",
	  .zh = DB "：有新的操作，读取已中止" },
	{ STORE_E_READONLY, DB,
	  .en = "cannot save: the database " DB " is read-only (writing needs write permission "
	        "on it and on its directory); nothing was changed",
	  .zh = "无法保存：数据库 " DB " 只读（需要对它及其目录的写权限），未做更改" },
	{ STORE_E_DISK_FULL, DB,
	  .en = "cannot save: the disk holding the database " DB " is full; nothing was changed. "
	        "Free some space there and try again",
	  .zh = "无法保存：数据库 " DB " 所在的磁盘已满；未做任何更改。请腾出空间后重试" },
	{ STORE_E_FAILED, DB, "listing appeals", "disk I/O error",
	  .en = DB ": listing appeals: disk I/O error",
	  .zh = DB "：listing appeals：disk I/O error" },
	{ STORE_E_SCHEMA_NEWER, DB, .num = { 9, 7 },
	  .en = DB ": database schema version 9 is newer than this qifu understands (7); use a "
	        "newer qifu",
	  .zh = DB "：数据库结构版本 9 高于本 qifu 支持的版本（7）；请使用更新版本的 qifu" },
	{ STORE_E_NO_DATABASE, DB,
	  .en = DB ": no database here; create one with 'qifu init' or name another with --db",
	  .zh = DB "：此处没有数据库；请用 qifu init 新建，或用 --db 指定其他数据库" },
	{ STORE_E_FILE_EXISTS, DB,
	  .en = DB ": a file already exists here; qifu will not overwrite it",
	  .zh = DB "：该文件已存在；qifu 不会覆盖它" },
	{ STORE_E_IS_DIRECTORY, "/srv/qifu",
	  .en = "/srv/qifu: is a directory, not a database file",
	  .zh = "/srv/qifu：是目录，不是数据库文件" },
	{ STORE_E_CANNOT_OPEN, DB, .detail = "unable to open database file",
	  .en = DB ": cannot open database: unable to open database file",
	  .zh = DB "：无法打开数据库：unable to open database file" },
	{ STORE_E_BACKUP_EXISTS, "/backup/b.db",
	  .en = "/backup/b.db: already exists; qifu will not overwrite it",
	  .zh = "/backup/b.db：已存在；qifu 不会覆盖它" },
	{ STORE_E_BACKUP_FAILED, "/backup/b.db", .detail = "disk full",
	  .en = "/backup/b.db: backup failed: disk full",
	  .zh = "/backup/b.db：备份失败：disk full" },
	{ STORE_E_INTEGRITY, .detail = "row 3 missing from index",
	  .en = "integrity: row 3 missing from index",
	  .zh = "完整性:   row 3 missing from index" },
	{ STORE_E_FOREIGN_KEY, .name = { "appeal", "enterprise" }, .num = { 12 },
	  .en = "foreign key: table appeal row 12 refers to a missing enterprise row",
	  .zh = "外键: 表 appeal 第 12 行引用的 enterprise 表记录不存在" },
	{ STORE_E_ANCHOR_UNREADABLE, DB ".anchor", .detail = "Permission denied",
	  .en = DB ".anchor: cannot read the event log's anchor: Permission denied",
	  .zh = DB ".anchor：无法读取事件日志的锚文件：Permission denied" },
	{ STORE_E_ANCHOR_UNWRITTEN, DB ".anchor", .num = { 42 }, .detail = "No space left on device",
	  .en = DB ".anchor: the change is saved, but event 42 could not be recorded in the event "
	        "log's anchor (No space left on device); the next change records it, until then "
	        "removing it would not show",
	  .zh = DB ".anchor：更改已保存，但事件 42 未能记入事件日志的锚文件（No space left on "
	        "device）；下一次更改会一并记入，在此之前删除它不会被发现" },
	{ STORE_E_REFUSED, .detail = "An appeal cannot be merged into itself.",
	  .en = "An appeal cannot be merged into itself.",
	  .zh = "An appeal cannot be merged into itself." },
	{ STORE_E_NO_ENTERPRISE_USCC, .name = { "91360100MA35XXXX1K" },
	  .en = "no enterprise with USCC 91360100MA35XXXX1K",
	  .zh = "没有统一社会信用代码为 91360100MA35XXXX1K 的企业" },
	{ STORE_E_NO_APPEAL, .name = { "2026-000123" },
	  .en = "no appeal 2026-000123",
	  .zh = "没有编号为 2026-000123 的诉求" },
	{ STORE_E_APPEAL_CHANGED,
	  .name = { "2026-000123", "王芳", "wangfang", "2026-03-11 10:20:30" },
	  .num = { TICKET_ST_IN_PROGRESS, 4, 3 },
	  .en = "appeal 2026-000123 was changed by 王芳 (wangfang) at 2026-03-11 10:20:30 (it is "
	        "now in progress, version 4; you saw version 3) — reload it and decide again",
	  .zh = "诉求 2026-000123 已于 2026-03-11 10:20:30 被 王芳 (wangfang) 变动（当前状态："
	        "办理中，版本 4；您看到的是版本 3）——请重新载入后再操作" },
	{ STORE_E_MOVE_NOT_ALLOWED, .num = { TICKET_ACT_MERGE },
	  .en = "\"merge\" was not allowed",
	  .zh = "不允许“合并”" },
	{ STORE_E_MERGE_NEEDS_INTO,
	  .en = "\"merge\" needs the number of the appeal to merge into.",
	  .zh = "“合并”需要填写要并入的诉求编号。" },
	{ STORE_E_LADDER_NOT_ALLOWED, .num = { ESC_ACT_ESCALATE },
	  .en = "\"escalate to the next level\" was not allowed",
	  .zh = "不允许“升级调度”" },
	{ STORE_E_NO_DISPATCH_AWAITS, .name = { "2026-000123" }, .num = { 2 },
	  .en = "2026-000123: no dispatch at level 2 (leader in charge) awaits an outcome; record "
	        "the dispatch first (appeal schedule)",
	  .zh = "2026-000123：二级调度（分管委领导）没有待登记结果的调度，请先登记调度"
	        "（appeal schedule）" },
	{ STORE_E_USCC_TAKEN, .name = { "91360100MA35XXXX1K", "华勤技术股份有限公司" },
	  .en = "USCC 91360100MA35XXXX1K is already registered to 华勤技术股份有限公司",
	  .zh = "统一社会信用代码 91360100MA35XXXX1K 已登记在“华勤技术股份有限公司”名下" },
	{ STORE_E_ENTERPRISE_CHANGED, .name = { "华勤技术股份有限公司" },
	  .en = "华勤技术股份有限公司 was changed by someone else meanwhile; reload and try again",
	  .zh = "华勤技术股份有限公司 在此期间已被他人修改；请重新加载后再试" },
	{ STORE_E_STAFF_EXISTS, .name = { "wangfang", "王芳" },
	  .en = "login 'wangfang' is already staff (王芳)",
	  .zh = "登录名“wangfang”已是工作人员（王芳）" },
	{ STORE_E_STAFF_LAST_ADMIN, .name = { "wangfang" },
	  .en = "login wangfang is the last active administrator: make another login "
	        "administrator first",
	  .zh = "登录名 wangfang 是最后一个在用的管理员：请先让另一个登录名成为管理员" },
	{ STORE_E_PROBLEM_TAKEN, .name = { "2026-000123" },
	  .en = "this problem already became appeal 2026-000123",
	  .zh = "此问题已转为诉求 2026-000123" },
	{ STORE_E_NO_VISIT_PROBLEM, .en = "no such visit problem",
	  .zh = "没有这个走访问题" },
	{ STORE_E_ORDER_ASSIGNED, .name = { "2026-000123" },
	  .en = "this work order is no longer held: it became appeal 2026-000123",
	  .zh = "此工单已不在待匹配队列：已登记为诉求 2026-000123" },
	{ STORE_E_NO_OUTREACH_PROBLEM, .en = "no such problem raised at an outreach event",
	  .zh = "没有这个宣讲活动上提出的问题" },
	{ STORE_E_NO_TALENT_REQUEST, .en = "no such talent service request",
	  .zh = "没有这个人才服务事项" },
	{ STORE_E_TALENT_CHANGED, .num = { 7 },
	  .en = "talent service request 7 was changed by someone else meanwhile; reload and try again",
	  .zh = "人才服务事项 7 在此期间已被他人修改；请重新加载后再试" },
	{ STORE_E_PROGRAMME_CHANGED, .num = { 7 },
	  .en = "talent programme 7 was changed by someone else meanwhile; reload and try again",
	  .zh = "校企合作 7 在此期间已被他人修改；请重新加载后再试" },
	{ STORE_E_FIN_SAME_STATUS, .num = { 7, FIN_MATCHED, FIN_MATCHED },
	  .en = "financing need 7 already has status matched",
	  .zh = "融资需求 7 已是 matched 状态" },
	{ STORE_E_FIN_NEW_STATUS, .num = { 0, FIN_NEW, FIN_CLOSED },
	  .en = "a new financing need cannot have status closed; allowed: need, matching, matched, "
	        "funded",
	  .zh = "新登记的融资需求不能是 closed 状态；可选：need, matching, matched, funded" },
	{ STORE_E_FIN_NOT_NEXT, .num = { 7, FIN_FUNDED, FIN_NEED },
	  .en = "financing need 7 cannot move from funded to need; allowed: closed",
	  .zh = "融资需求 7 不能从 funded 改为 need；可改为：closed" },
	{ STORE_E_FIN_NEEDS_INSTITUTION, .num = { 7, FIN_MATCHING, FIN_MATCHED },
	  .en = "status matched names the financing institution: give --institution",
	  .zh = "matched 状态须写明融资机构：请提供 --institution" },
	{ STORE_E_NO_FINANCING, .num = { 7 }, .en = "no financing need 7",
	  .zh = "没有编号为 7 的融资需求" },
	{ STORE_E_FIN_UNCHANGED, .num = { 7 },
	  .en = "financing need 7 already reads so; nothing to change",
	  .zh = "融资需求 7 已是如此，无需更改" },
	{ STORE_E_FIN_NEEDS_FUNDED, .num = { 7, FIN_MATCHED, FIN_FUNDED },
	  .en = "status funded says how much money arrived: give the amount funded",
	  .zh = "funded 状态须写明到位金额：请提供到位金额" },
	{ STORE_E_FIN_FUNDED_ONLY, .num = { 7, FIN_MATCHED, FIN_CLOSED },
	  .en = "an amount funded goes with status funded, not closed",
	  .zh = "到位金额只用于 funded 状态，不用于 closed" },
	{ STORE_E_POOL_ALREADY_IN, .name = { "瞪羚企业库" }, .day = { "2026-03-11", "2025-06-01" },
	  .en = "already in 瞪羚企业库 since 2025-06-01",
	  .zh = "自 2025-06-01 起已在瞪羚企业库中" },
	{ STORE_E_POOL_NOT_IN, .name = { "瞪羚企业库" },
	  .en = "not in 瞪羚企业库, so it cannot leave it",
	  .zh = "不在瞪羚企业库中，无法出库" },
	{ STORE_E_POOL_BEFORE_EXIT, .name = { "瞪羚企业库" }, .day = { "2026-03-11", "2026-04-01" },
	  .en = "2026-03-11 lies before the day it last left 瞪羚企业库 (2026-04-01)",
	  .zh = "2026-03-11 早于上次移出瞪羚企业库的日期（2026-04-01）" },
	{ STORE_E_POOL_BEFORE_ENTRY, .name = { "瞪羚企业库" },
	  .day = { "2026-03-11", "2026-04-01" },
	  .en = "2026-03-11 lies before the day it entered 瞪羚企业库 (2026-04-01)",
	  .zh = "2026-03-11 早于进入瞪羚企业库的日期（2026-04-01）" },
	{ STORE_E_DAY_AFTER_TODAY, .day = { "2026-12-02", NULL, "2026-12-01" },
	  .en = "2026-12-02 lies after today (2026-12-01)",
	  .zh = "2026-12-02 晚于今天（2026-12-01）" },
	{ STORE_E_WARNING_CLOSED, .num = { 5 }, .day = { "2026-12-01", "2026-11-20" },
	  .en = "warning 5 was closed on 2026-11-20",
	  .zh = "预警 5 已于 2026-11-20 解除" },
	{ STORE_E_WARNING_BEFORE_OPEN, .num = { 5 }, .day = { "2026-11-01", "2026-11-20" },
	  .en = "2026-11-01 lies before warning 5 was opened (2026-11-20)",
	  .zh = "2026-11-01 早于预警 5 的登记日期（2026-11-20）" },
	{ STORE_E_NO_WARNING, .num = { 5 }, .en = "no warning 5",
	  .zh = "没有编号为 5 的预警" },
	{ STORE_E_RATING_EXISTS, .name = { "2026Q4", "区科经局" }, .num = { 88 },
	  .en = "this enterprise already rated 区科经局 for 2026Q4 (score 88)",
	  .zh = "该企业已对 区科经局 做过 2026Q4 评价（88 分）" },
	{ STORE_E_QUARTER_FROZEN, .name = { "2026Q4" },
	  .en = "quarter 2026Q4 is frozen: its ratings can no longer change",
	  .zh = "2026Q4 季度已锁定：评价不能再更改" },
	{ STORE_E_QUARTER_ALREADY_FROZEN, .name = { "2026Q4" },
	  .en = "quarter 2026Q4 is already frozen",
	  .zh = "2026Q4 季度已经锁定" },
	{ STORE_E_YEAR_ALREADY_FROZEN, .num = { 2026 },
	  .en = "the year 2026 is already frozen",
	  .zh = "2026 年度已经锁定" },
	{ STORE_E_NO_SUPV, .num = { 7 }, .en = "no supervision request 7",
	  .zh = "没有第 7 号督办要求" },
	{ STORE_E_SUPV_CHANGED, .num = { 7 },
	  .en = "supervision request 7 was changed by someone else meanwhile; look at it again",
	  .zh = "第 7 号督办要求刚被他人改动，请重新查看" },
	{ STORE_E_NO_INSPECTION, .num = { 42 }, .en = "no inspection 42",
	  .zh = "没有检查 42" },
	{ STORE_E_INSPECTION_CHANGED, .num = { 42 },
	  .en = "inspection 42 was changed by someone else meanwhile; look at it again and retry",
	  .zh = "检查 42 已被他人修改；请重新查看后再试" },
	{ STORE_E_PLAN_CODES_USED, .num = { 2026 },
	  .en = "every plan code of 2026 has been issued",
	  .zh = "2026 年的执法计划码已全部核发" },
	{ STORE_E_NO_PROJECT, .name = { "XM2026-000009" }, .en = "no project XM2026-000009",
	  .zh = "没有编号为 XM2026-000009 的项目" },
	{ STORE_E_NO_PROJECT_ITEM, .name = { "XM2026-000009" }, .num = { 12 },
	  .en = "project XM2026-000009 has no item 12",
	  .zh = "项目 XM2026-000009 没有事项 12" },
	{ STORE_E_PROJECT_UNCHANGED, .name = { "XM2026-000009" },
	  .en = "project XM2026-000009 already reads so: nothing to change",
	  .zh = "项目 XM2026-000009 已是如此，无需更改" },
	{ STORE_E_PROJECT_REFUSED, .name = { "XM2026-000009" },
	  .num = { PROJ_NOT_NEXT, PROJ_FILED, PROJ_STARTED },
	  .en = "project XM2026-000009 is at stage filed: it moves on to planning permit only, "
	        "one stage at a time",
	  .zh = "项目 XM2026-000009 处于“备案”阶段：只能逐阶段推进到“规划许可”" },
	{ STORE_E_NO_WHISTLE, .num = { 7 }, .en = "no whistle 7", .zh = "没有编号为 7 的吹哨" },
	{ STORE_E_WHISTLE_REPORTED, .num = { 7 }, .day = { NULL, "2026-11-20" },
	  .en = "the commissioner already reported in on whistle 7 on 2026-11-20",
	  .zh = "专员已于 2026-11-20 就吹哨 7 报到" },
	{ STORE_E_WHISTLE_APPEALED, .num = { 7 }, .name = { "2026-000123" },
	  .en = "whistle 7 already became appeal 2026-000123",
	  .zh = "吹哨 7 已转为诉求 2026-000123" },
	{ STORE_E_NO_COMMISSIONER, .name = { "江西甲公司" },
	  .en = "江西甲公司 has no service commissioner: set one (qifu enterprise edit "
	        "--commissioner LOGIN) before a whistle can be logged",
	  .zh = "江西甲公司 没有服务专员：请先指定一位（qifu enterprise edit --commissioner "
	        "登录名），才能登记吹哨" },
};
enum { NROWS = sizeof rows / sizeof rows[0] };

static void fill(store_err *e, const row *r)
{
	store_err_set(e, r->code);
	store_err_path(e, r->path);
	store_err_what(e, r->what);
	store_err_detail(e, r->detail);
	for (int i = 0; i < STORE_ERR_NAMES; i++)
		store_err_name(e, i, r->name[i]);
	for (int i = 0; i < STORE_ERR_NUMS; i++)
		store_err_num(e, i, r->num[i]);
	for (int i = 0; i < STORE_ERR_DAYS; i++) {
		qdate d = DATE_NONE;
		if (r->day[i])
			assert_true(date_parse(r->day[i], &d));
		store_err_day(e, i, d);
	}
	e->migration = r->migration;
}

static char *text_of(const row *r)
{
	store_err e;
	fill(&e, r);
	strbuf b = STRBUF_INIT;
	app_store_text(&e, &b);
	return sb_steal(&b);
}

/* every code has exactly one row, so that a new code cannot go unworded */
static void test_every_code_has_a_row(void **state)
{
	(void)state;
	for (int c = STORE_OK + 1; c < STORE_E_COUNT; c++) {
		int n = 0;
		for (int i = 0; i < NROWS; i++)
			n += rows[i].code == (store_code)c;
		if (n != 1)
			fail_msg("store code %d has %d rows", c, n);
	}
	assert_int_equal(NROWS, STORE_E_COUNT - 1);
}

/* nothing for no error, words for every code even with no facts filled in (but a
 * refusal, whose words are all the model's) */
static void test_no_code_is_silent(void **state)
{
	(void)state;
	store_err e;
	strbuf b = STRBUF_INIT;
	assert_string_equal(app_store_text(store_err_set(&e, STORE_OK), &b), "");
	for (int c = STORE_OK + 1; c < STORE_E_COUNT; c++) {
		sb_reset(&b);
		if (c != STORE_E_REFUSED && !*app_store_text(store_err_set(&e, (store_code)c), &b))
			fail_msg("store code %d says nothing", c);
	}
	sb_free(&b);
}

static void test_english(void **state)
{
	(void)state;
	for (int i = 0; i < NROWS; i++) {
		char *t = text_of(&rows[i]);
		if (strcmp(t, rows[i].en) != 0)
			fail_msg("code %d:\n got  %s\n want %s", rows[i].code, t, rows[i].en);
		free(t);
	}
}

/* words are appended to what out already holds, and a failed migration is named */
static void test_appends_and_migration(void **state)
{
	(void)state;
	store_err e;
	store_err_path(store_err_set(&e, STORE_E_NOT_SQLITE), DB);
	e.migration = 3;
	strbuf b = STRBUF_INIT;
	sb_add(&b, "init: ");
	assert_string_equal(app_store_text(&e, &b),
		"init: " DB ": not a database file (not SQLite); qifu has not written to it. Name "
		"the qifu database with --db (migration 3)");
	sb_reset(&b);
	assert_int_equal(app_store_rc(-1, &e, &b), -1);
	assert_non_null(strstr(sb_str(&b), "(migration 3)"));
	sb_reset(&b);
	store_err_set(&e, STORE_OK);
	assert_int_equal(app_store_rc(1, &e, &b), 1);
	assert_string_equal(sb_str(&b), "");
	sb_free(&b);
}

/* the setters: a NULL store_err is ignored, indexes out of range are ignored, and a
 * text too long for its field is cut before a character that would not fit whole */
/* every refusal of a project's move or item change, in English */
static void test_project_refusals(void **state)
{
	(void)state;
	static const struct {
		project_verdict v;
		const char *kind;
		int from, to;
		const char *appeal, *day0, *day1, *day2, *en;
	} t[] = {
		{ PROJ_SAME, "", PROJ_FILED, PROJ_FILED, "", NULL, NULL, NULL,
		  "project XM2026-000009 is already at stage filed" },
		{ PROJ_SAME, "item", PITEM_DONE, PITEM_DONE, "", NULL, NULL, NULL,
		  "item 3 of project XM2026-000009 is already done" },
		{ PROJ_NOT_NEXT, "", PROJ_PRODUCING, PROJ_SIGNED, "", NULL, NULL, NULL,
		  "project XM2026-000009 is at stage in production: it moves on to no further "
		  "stage only, one stage at a time" },
		{ PROJ_BEFORE_LAST, "", PROJ_FILED, PROJ_PLANNING, "", "2026-03-01", "2026-03-10",
		  NULL, "2026-03-01 lies before the day project XM2026-000009 reached filed "
		  "(2026-03-10)" },
		{ PROJ_FUTURE, "", PROJ_FILED, PROJ_PLANNING, "", "2026-12-02", NULL, "2026-12-01",
		  "2026-12-02 lies after today (2026-12-01)" },
		{ PROJ_NEEDS_NOTE, "item", PITEM_OPEN, PITEM_STUCK, "", NULL, NULL, NULL,
		  "a stuck item says what blocks it: give a note (item 3 of project "
		  "XM2026-000009)" },
		{ PROJ_APPEAL_STUCK, "item", PITEM_OPEN, PITEM_OPEN, "", NULL, NULL, NULL,
		  "item 3 of project XM2026-000009 is open: only a stuck item becomes an appeal" },
		{ PROJ_APPEAL_TWICE, "item", PITEM_STUCK, PITEM_STUCK, "2026-000042", NULL, NULL,
		  NULL, "item 3 of project XM2026-000009 already became appeal 2026-000042" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		store_err e;
		store_err_set(&e, STORE_E_PROJECT_REFUSED);
		store_err_name(&e, 0, "XM2026-000009");
		store_err_name(&e, 1, t[i].kind);
		store_err_name(&e, 2, "3");
		store_err_name(&e, 3, t[i].appeal);
		store_err_num(&e, 0, t[i].v);
		store_err_num(&e, 1, t[i].from);
		store_err_num(&e, 2, t[i].to);
		const char *days[] = { t[i].day0, t[i].day1, t[i].day2 };
		for (int k = 0; k < 3; k++) {
			qdate q = DATE_NONE;
			if (days[k] && !date_parse(days[k], &q))
				fail_msg("bad date %s", days[k]);
			store_err_day(&e, k, q);
		}
		strbuf out = STRBUF_INIT;
		app_store_text(&e, &out);
		if (strcmp(sb_str(&out), t[i].en) != 0)
			fail_msg("case %zu: '%s'", i, sb_str(&out));
		sb_free(&out);
	}
}

static void test_setters(void **state)
{
	(void)state;
	assert_null(store_err_set(NULL, STORE_E_NO_APPEAL));
	store_err_name(NULL, 0, "x");
	store_err_path(NULL, "x");
	store_err_what(NULL, "x");
	store_err_detail(NULL, "x");
	store_err_num(NULL, 0, 1);
	store_err_day(NULL, 0, 1);
	store_err e;
	store_err_set(&e, STORE_E_NO_APPEAL);
	assert_int_equal(e.day[0], DATE_NONE);
	store_err_name(&e, STORE_ERR_NAMES, "out of range");
	store_err_num(&e, -1, 9);
	store_err_name(&e, 0, NULL);
	assert_string_equal(e.name[0], "");
	/* 100 three-byte characters into a 256-byte field: 85 whole ones fit */
	char long_name[301];
	for (int i = 0; i < 100; i++)
		memcpy(long_name + 3 * i, "企", 3);
	long_name[300] = '\0';
	store_err_name(&e, 1, long_name);
	assert_int_equal(strlen(e.name[1]), 255);
	assert_int_equal(memcmp(e.name[1], long_name, 255), 0);
	char path[5000];
	memset(path, 'a', sizeof path - 1);
	path[sizeof path - 1] = '\0';
	store_err_path(&e, path);
	assert_int_equal(strlen(e.path), sizeof e.path - 1);
	/* set empties what an earlier failure left */
	store_err_set(&e, STORE_E_NO_VISIT_PROBLEM);
	assert_string_equal(e.name[1], "");
	assert_string_equal(e.path, "");
}

/* the Chinese catalogue words the same rows (the model's labels in them translated too;
 * SQLite's words, the model's refusal and machine codes stay as given) */
static void test_chinese(void **state)
{
	(void)state;
	testlang_chinese();
	for (int i = 0; i < NROWS; i++) {
		char *t = text_of(&rows[i]);
		if (strcmp(t, rows[i].zh) != 0)
			fail_msg("code %d in Chinese:\n got  %s\n want %s", rows[i].code, t,
			         rows[i].zh);
		free(t);
	}
	testlang_english();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_has_a_row),
		cmocka_unit_test(test_no_code_is_silent),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_appends_and_migration),
		cmocka_unit_test(test_project_refusals),
		cmocka_unit_test(test_setters),
		cmocka_unit_test(test_chinese),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
