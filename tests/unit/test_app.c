/* The application layer against a temporary database, without curses: the context
 * loads what a use case needs and says why when it cannot (no database, a login that
 * is not staff, --as for a non-administrator), the face's fail hook is called instead
 * of an exit, the one permission check words a refusal, the calendar is seeded from the
 * shipped notices, and a notice imported through the app moves the calendar. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/appeal.h"
#include "app/ent_io.h"
#include "app/holiday_import.h"
#include "app/personal.h"
#include "app/store_text.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/access_store.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/holiday_store.h"
#include "store/staff_store.h"

static char dir[] = "/tmp/qifu-app-XXXXXX";
static char path[96];

/* a database whose only staff member is the person running the test, as role */
static void make_db(role_t role)
{
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	db_unlink(path);
	db *d = db_open(path, DB_OPEN_CREATE, &se);
	if (!d)
		fail_msg("%s", app_store_text(&se, &err));
	char login[64], name[] = "测试", centre[] = "区企服中心";
	snprintf(login, sizeof login, "%s", app_os_login());
	staff s = { .login = login, .name = name, .unit = centre, .role = role };
	if (staff_store_add(d, "test", &s, &se) < 0)
		fail_msg("%s", app_store_text(&se, &err));
	char ologin[] = "other", oname[] = "别人", ounit[] = "区科经局";
	staff o = { .login = ologin, .name = oname, .unit = ounit, .role = ROLE_UNIT_STAFF };
	if (staff_store_add(d, "test", &o, &se) < 0)
		fail_msg("%s", app_store_text(&se, &err));
	db_close(&d);
	sb_free(&err);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_need(void **state)
{
	(void)state;
	static const struct {
		const char *db;         /* NULL: the test database */
		role_t role;
		const char *as;
		unsigned what;
		app_status want;
		const char *says;       /* in the message; NULL: no message */
	} t[] = {
		{ "/nonexistent/qifu.db", ROLE_ADMIN, NULL, APP_NEED_DB, APP_BAD, "/nonexistent/qifu.db" },
		{ NULL, ROLE_FRONTDESK, NULL, APP_NEED_ACTOR, APP_OK, NULL },
		{ NULL, ROLE_FRONTDESK, "other", APP_NEED_ACTOR, APP_NO, "--as other" },
		{ NULL, ROLE_ADMIN, "other", APP_NEED_ACTOR, APP_OK, NULL },
		{ NULL, ROLE_ADMIN, "nobody", APP_NEED_ACTOR, APP_BAD, "--as nobody" },
		{ NULL, ROLE_ADMIN, NULL, APP_NEED_ALL, APP_OK, NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		make_db(t[i].role);
		app_ctx ctx = { .db_path = t[i].db ? t[i].db : path, .as_login = t[i].as,
			.today = 20430 };
		strbuf err = STRBUF_INIT;
		app_status st = app_need(&ctx, t[i].what, &err);
		if (st != t[i].want)
			fail_msg("row %zu: status %d, want %d (%s)", i, st, t[i].want, sb_str(&err));
		if (t[i].says && !strstr(sb_str(&err), t[i].says))
			fail_msg("row %zu: message '%s' lacks '%s'", i, sb_str(&err), t[i].says);
		if (st == APP_OK && (t[i].what & APP_NEED_ALL) == APP_NEED_ALL)
			assert_true(ctx.db && ctx.actor && ctx.cal && ctx.units && ctx.rules && ctx.pools);
		app_ctx_free(&ctx);
		sb_free(&err);
	}
	/* a login that is not staff is told how to be added */
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	db *d = db_open(path, DB_OPEN_CREATE, &se);
	assert_null(d); /* init refuses an existing file */
	assert_int_equal(se.code, STORE_E_FILE_EXISTS);
	assert_string_equal(se.path, path);
	db_unlink(path);
	d = db_open(path, DB_OPEN_CREATE, &se);
	assert_non_null(d);
	db_close(&d);
	app_ctx ctx = { .db_path = path };
	assert_int_equal(app_need(&ctx, APP_NEED_ACTOR, &err), APP_NO);
	assert_non_null(strstr(sb_str(&err), "qifu staff add --login"));
	app_ctx_free(&ctx);
	sb_free(&err);
}

static jmp_buf failed_at;
static app_status failed_with;

static void fail_hook(app_status st, const char *msg)
{
	failed_with = st;
	assert_non_null(strstr(msg, "/nonexistent/x.db"));
	longjmp(failed_at, 1);
}

/* a getter that cannot load hands the failure to the face instead of exiting */
static void test_fail_hook(void **state)
{
	(void)state;
	app_ctx ctx = { .db_path = "/nonexistent/x.db", .fail = fail_hook };
	failed_with = APP_OK;
	if (setjmp(failed_at) == 0) {
		app_db(&ctx);
		fail_msg("app_db returned on a missing database");
	}
	assert_int_equal(failed_with, APP_BAD);
	app_ctx_free(&ctx);
}

static void test_allowed(void **state)
{
	(void)state;
	static const struct {
		role_t role;
		int act;
		bool want;
		const char *says;
	} t[] = {
		{ ROLE_ADMIN, PERM_HOLIDAY_IMPORT, true, NULL },
		{ ROLE_FRONTDESK, PERM_HOLIDAY_IMPORT, false, "only an administrator may import" },
		{ ROLE_SUPERVISOR, PERM_HOLIDAY_IMPORT, false, "(supervisor)" },
		{ ROLE_FRONTDESK, PERM_ENT_VIEW, true, NULL },
		{ ROLE_LEADER, PERM_ENT_ADD, false, "leaders do not maintain" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		make_db(t[i].role);
		app_ctx ctx = { .db_path = path };
		strbuf why = STRBUF_INIT;
		assert_int_equal(app_need(&ctx, APP_NEED_ACTOR, &why), APP_OK);
		bool got = app_allowed(&ctx, t[i].act, NULL, NULL, &why);
		if (got != t[i].want)
			fail_msg("row %zu: %s for %s", i, got ? "allowed" : "refused",
			         perm_action_code((perm_action)t[i].act));
		if (t[i].says && !strstr(sb_str(&why), t[i].says))
			fail_msg("row %zu: '%s' lacks '%s'", i, sb_str(&why), t[i].says);
		app_ctx_free(&ctx);
		sb_free(&why);
	}
}

/* the calendar comes from the database, seeded from the shipped notices; a notice
 * imported through the app replaces the provisional year in the same context */
static void test_calendar(void **state)
{
	(void)state;
	make_db(ROLE_ADMIN);
	qdate today;
	assert_true(date_parse("2026-12-06", &today));
	app_ctx ctx = { .db_path = path, .today = today };
	strbuf err = STRBUF_INIT;
	assert_int_equal(app_need(&ctx, APP_NEED_DB | APP_NEED_CALENDAR, &err), APP_OK);
	holiday_year *ys;
	int n;
	store_err se = { 0 };
	assert_int_equal(holiday_store_load(ctx.db, &ys, &n, &se), 0);
	assert_int_equal(n, 2);
	holiday_years_free(ys, n);
	assert_int_equal(calendar_source(ctx.cal, 2027), CAL_SOURCE_PROVISIONAL);
	qdate a = 0, b = 0;
	assert_true(date_parse("2026-12-30", &a) && date_parse("2027-01-05", &b));
	assert_int_equal(app_calendar_caveat(&ctx, a, b, &err), 1);
	assert_non_null(strstr(sb_str(&err), "2027 has no State Council notice yet"));
	sb_reset(&err);
	assert_int_equal(app_calendar_caveat(&ctx, a, a, &err), 0);

	char notice[128];
	snprintf(notice, sizeof notice, "%s/2027.txt", dir);
	FILE *f = fopen(notice, "w");
	assert_non_null(f);
	fputs("notice: 测试\nholiday 2027-01-01..2027-01-03 元旦\nworkday 2027-01-09 元旦\n", f);
	fclose(f);
	holiday_preview pv;
	assert_int_equal(holiday_import_preview(&ctx, notice, &pv, &err), 0);
	/* 02 and 03 become holidays, 09 a make-up day, and every other provisional day of
	 * the year goes (春节…国庆 of the statutory table) */
	assert_true(pv.nchanged > 3);
	assert_int_equal(pv.was, CAL_SOURCE_PROVISIONAL);
	assert_int_equal(calendar_source(ctx.cal, 2027), CAL_SOURCE_PROVISIONAL); /* not yet */
	assert_int_equal(holiday_import_apply(&ctx, &pv, &err), 0);
	assert_int_equal(calendar_source(ctx.cal, 2027), CAL_SOURCE_NOTICE);
	qdate jan9;
	assert_true(date_parse("2027-01-09", &jan9));
	assert_int_equal(calendar_day(ctx.cal, jan9, NULL), DAY_MAKEUP_WORKDAY);
	holiday_preview_clear(&pv);
	/* a bad notice is refused naming its line, and nothing changes */
	f = fopen(notice, "w");
	fputs("holiday 2027-02-30 春节\n", f);
	fclose(f);
	sb_reset(&err);
	assert_int_equal(holiday_import_preview(&ctx, notice, &pv, &err), 2);
	assert_non_null(strstr(sb_str(&err), "2027.txt:1: 2027-02-30 is not a real calendar date"));
	holiday_preview_clear(&pv);
	app_ctx_free(&ctx);
	sb_free(&err);
}

/* the dispatch form's lead unit: the enterprise's routed lead, unless that unit has
 * just given the appeal back */
static void test_lead_default(void **state)
{
	(void)state;
	static const struct { const char *ent, *back, *want; } t[] = {
		{ "区科经局", NULL, "区科经局" },
		{ "区科经局", "区建管局", "区科经局" },
		{ "区科经局", "区科经局", NULL },
		{ "", NULL, NULL },
		{ NULL, "区科经局", NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *got = app_appeal_lead_pick(t[i].ent, t[i].back);
		if (t[i].want)
			assert_string_equal(got, t[i].want);
		else
			assert_null(got);
	}
	char reg[] = "register", dis[] = "dispatch", sig[] = "sign", ret[] = "return";
	char s0[] = "submitted", s1[] = "submitted -> dispatched; lead=区建管局; dispatch stopped";
	char s2[] = "dispatched -> in_progress", s3[] = "in_progress -> submitted";
	appeal_event ev[] = {
		{ .action = reg, .summary = s0 }, { .action = dis, .summary = s1 },
		{ .action = sig, .summary = s2 }, { .action = ret, .summary = s3 },
	};
	static const struct { int n; const char *want; } w[] = {
		{ 1, NULL },        /* never dispatched */
		{ 2, NULL },        /* dispatched, not given back */
		{ 3, NULL },
		{ 4, "区建管局" },  /* given back by the unit it was dispatched to */
	};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		appeal_record a = { .events = ev, .nevents = w[i].n };
		char *got = app_appeal_returned_by(&a);
		if (w[i].want)
			assert_string_equal(got, w[i].want);
		else
			assert_null(got);
		free(got);
	}
}

/* the caller recorded with a new appeal: what was typed, the contact for what was not */
static void test_caller(void **state)
{
	(void)state;
	static const struct { const char *name, *phone, *want_name, *want_phone; } t[] = {
		{ NULL, NULL, "李娜", "13800000001" },         /* nothing typed: the contact */
		{ "", "", "李娜", "13800000001" },
		{ "李娜", "", "李娜", "13800000001" },         /* the contact by name: her phone */
		{ "王强", "", "王强", "" },                    /* a stranger never gets her phone */
		{ "王强", "13900000002", "王强", "13900000002" },
		{ "", "13900000002", "李娜", "13900000002" },  /* a number typed is kept */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *name, *phone;
		app_appeal_caller(t[i].name, t[i].phone, "李娜", "13800000001", &name, &phone);
		assert_string_equal(name, t[i].want_name);
		assert_string_equal(phone, t[i].want_phone);
	}
	const char *name, *phone;
	app_appeal_caller(NULL, NULL, NULL, NULL, &name, &phone);
	assert_string_equal(name, "");
	assert_string_equal(phone, "");
	char n[] = "李娜", ph[] = "13800000001", role[] = "财务经理", empty[] = "";
	appeal_record a = { .caller_name = n, .caller_phone = ph, .caller_role = role };
	char *s = app_appeal_caller_text(&a);
	assert_string_equal(s, "李娜 (财务经理)  13800000001");
	free(s);
	a.caller_name = a.caller_phone = a.caller_role = empty;
	s = app_appeal_caller_text(&a);
	assert_string_equal(s, "not recorded");
	free(s);
}

/* the report to the enterprise in one line: none before it, the full one, and the
 * day alone for an appeal the upgrade reported */
static void test_report_text(void **state)
{
	(void)state;
	char by[] = "王芳", text[] = "已电话告知", empty[] = "";
	appeal_record a = { .reported_on = DATE_NONE, .report_by = empty, .report_text = empty };
	assert_null(app_appeal_report_text(&a));
	a.reported_on = date_from_ymd(2026, 3, 9);
	a.report_how = TICKET_HOW_PHONE;
	a.report_by = by;
	a.report_text = text;
	char *s = app_appeal_report_text(&a);
	assert_string_equal(s, "2026-03-09 by phone, told by 王芳: 已电话告知");
	free(s);
	a.report_how = TICKET_HOW_LETTER;
	a.report_text = empty;
	s = app_appeal_report_text(&a);
	assert_string_equal(s, "2026-03-09 by letter, told by 王芳");
	free(s);
	a.report_how = TICKET_HOW_NONE;
	a.report_by = empty;
	s = app_appeal_report_text(&a);
	assert_string_equal(s, "2026-03-09 (answered before the report step: how and by whom not "
		"recorded)");
	free(s);
}

/* the 调度 board of a level-2 leader opens on the units they oversee */
static void test_board_leader(void **state)
{
	(void)state;
	char login[] = "l2", name[] = "王", unit[] = "区党工委", u1[] = "区科经局";
	char *over[] = { u1, NULL }, *none[] = { NULL };
	static const struct { role_t role; int level; bool oversees; bool want; } t[] = {
		{ ROLE_LEADER, 2, true, true },
		{ ROLE_LEADER, 2, false, false },  /* oversees nothing yet: every unit */
		{ ROLE_LEADER, 1, true, false },   /* the principal leader sees the whole ladder */
		{ ROLE_SUPERVISOR, 0, false, false },
		{ ROLE_UNIT_STAFF, 0, false, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		staff s = { .login = login, .name = name, .unit = unit, .role = t[i].role,
			.level = t[i].level, .oversees = t[i].oversees ? over : none };
		const char *got = app_board_start_leader(&s);
		if (t[i].want)
			assert_string_equal(got, "l2");
		else
			assert_null(got);
	}
}

/* the store holds the last active administrator itself, inside the write (another
 * session may have demoted or disabled the others since the app asked), and writes
 * what an edit changed */
static void test_staff_last_admin_store(void **state)
{
	(void)state;
	make_db(ROLE_ADMIN);
	store_err se = { 0 };
	db *d = db_open(path, DB_OPEN_EXISTING, &se);
	assert_non_null(d);
	staff *me = NULL, *other = NULL;
	assert_int_equal(staff_store_get(d, app_os_login(), &me, &se), 0);
	assert_int_equal(staff_store_get(d, "other", &other, &se), 0);
	long n = -1;
	assert_int_equal(staff_store_other_admins(d, me->login, &n, &se), 0);
	assert_int_equal(n, 0);
	staff *demoted = staff_copy(me);
	demoted->role = ROLE_SUPERVISOR;
	assert_int_equal(staff_store_update(d, "test", me, demoted, &se), -1);
	assert_int_equal(se.code, STORE_E_STAFF_LAST_ADMIN);
	se = (store_err){ 0 };
	assert_int_equal(staff_store_set_disabled(d, "test", me, true, &se), -1);
	assert_int_equal(se.code, STORE_E_STAFF_LAST_ADMIN);
	se = (store_err){ 0 };
	/* nothing changed: nothing written */
	assert_int_equal(staff_store_update(d, "test", other, other, &se), 1);
	/* with another active administrator, the demotion is written */
	staff *promoted = staff_copy(other);
	promoted->role = ROLE_ADMIN;
	xfree(&promoted->phone);
	promoted->phone = xstrdup("0791-88881234");
	assert_int_equal(staff_store_update(d, "test", other, promoted, &se), 0);
	assert_int_equal(staff_store_update(d, "test", me, demoted, &se), 0);
	staff *got = NULL;
	assert_int_equal(staff_store_get(d, "other", &got, &se), 0);
	assert_int_equal(got->role, ROLE_ADMIN);
	assert_string_equal(got->phone, "0791-88881234");
	staff_free(&got);
	assert_int_equal(staff_store_get(d, app_os_login(), &got, &se), 0);
	assert_int_equal(got->role, ROLE_SUPERVISOR);
	staff_free(&got);
	staff_free(&promoted);
	staff_free(&demoted);
	staff_free(&other);
	staff_free(&me);
	db_close(&d);
}

/* the access events, read two at a time by key as a report reads them a chunk at a
 * time */
static int accesses(app_ctx *ctx)
{
	int total = 0, n;
	int64_t last = 0;
	store_err se = { 0 };
	do {
		access_row r[2];
		assert_int_equal(access_store_read(app_db(ctx), NULL, NULL, NULL, last, 2, r, &n, &se),
		                 0);
		for (int i = 0; i < n; i++) {
			last = r[i].id;
			access_row_clear(&r[i]);
		}
		total += n;
	} while (n == 2);
	return total;
}

/* a record shown in full is one access event per subject and session, however often
 * a screen shows it again; masked, none */
static void test_access_once(void **state)
{
	(void)state;
	make_db(ROLE_ADMIN);
	/* "other" is unit staff of 区科经局 */
	app_ctx ctx = { .db_path = path, .as_login = "other" };
	strbuf err = STRBUF_INIT;
	assert_int_equal(app_need(&ctx, APP_NEED_ALL, &err), APP_OK);
	int base = accesses(&ctx);
	char area[] = "昌东镇", led[] = "区科经局", other[] = "区投促局";
	for (int pass = 0; pass < 3; pass++) {
		ent_record e = { .id = 7, .area = area, .lead_unit = led };
		e.legal_rep = strdup("张三");
		e.contact = strdup("王芳");
		e.phone = strdup("13812344392");
		assert_int_equal(app_ent_shown(&ctx, &e, &err), 0);
		assert_string_equal(e.phone, "13812344392");
		free(e.legal_rep);
		free(e.contact);
		free(e.phone);
	}
	assert_int_equal(accesses(&ctx), base + 1);
	/* another unit's enterprise: masked, nothing recorded */
	ent_record m = { .id = 8, .area = area, .lead_unit = other };
	m.legal_rep = strdup("张三");
	m.contact = strdup("");
	m.phone = strdup("13812344392");
	assert_int_equal(app_ent_shown(&ctx, &m, &err), 0);
	assert_string_equal(m.phone, "138****4392");
	assert_string_equal(m.legal_rep, "张*");
	free(m.legal_rep);
	free(m.contact);
	free(m.phone);
	assert_int_equal(accesses(&ctx), base + 1);
	/* a new session records the same subject again */
	app_ctx_free(&ctx);
	app_ctx again = { .db_path = path, .as_login = "other" };
	assert_int_equal(app_need(&again, APP_NEED_ALL, &err), APP_OK);
	ent_record e = { .id = 7, .area = area, .lead_unit = led };
	e.legal_rep = strdup("");
	e.contact = strdup("");
	e.phone = strdup("13812344392");
	assert_int_equal(app_ent_shown(&again, &e, &err), 0);
	free(e.legal_rep);
	free(e.contact);
	free(e.phone);
	assert_int_equal(accesses(&again), base + 2);
	app_ctx_free(&again);
	sb_free(&err);
}

static int count_row(const ent_record *e, void *arg, strbuf *err)
{
	(void)e;
	(void)err;
	(*(int *)arg)++;
	return 0;
}

/* An export's walk narrows the page cache and gives the screen's back, whether it
 * went by key (the name's order) or fell back to offsets (the commissioner's), with
 * every row read once in chunks of 1 000 */
static void test_ent_walk_cache(void **state)
{
	(void)state;
	make_db(ROLE_ADMIN);
	app_ctx ctx = { .db_path = path };
	strbuf err = STRBUF_INIT;
	assert_int_equal(app_need(&ctx, APP_NEED_DB | APP_NEED_ACTOR, &err), APP_OK);
	db *d = app_db(&ctx);
	store_err se = { 0 };
	enum { N = 2500 };
	assert_int_equal(db_begin(d, &se), 0);
	for (int i = 0; i < N; i++) {
		char name[32], uscc[24], area[] = "昌东镇", cat[] = "industry", lead[] = "区科经局";
		snprintf(name, sizeof name, "企业%04d有限公司", i);
		snprintf(uscc, sizeof uscc, "91360100%010d", i);
		ent_record e = { .name = name, .uscc = uscc, .area = area, .category = cat,
		                 .lead_unit = lead };
		int64_t id;
		assert_int_equal(ent_store_insert(d, "test", &e, &id, &se), 0);
	}
	assert_int_equal(db_commit(d, &se), 0);
	static const ent_sort sorts[] = { ENT_SORT_NAME, ENT_SORT_COMMISSIONER };
	for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++) {
		ent_filter f = { .search = "企业" };
		int rows = 0;
		assert_int_equal(app_ent_each(&ctx, &f, sorts[i], false, count_row, &rows, NULL, &err),
		                 0);
		assert_int_equal(rows, N);
		/* the size on open, given back (reading it leaves it so) */
		assert_int_equal(db_cache_size(d, -8192), -8192);
	}
	app_ctx_free(&ctx);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_need),
		cmocka_unit_test(test_staff_last_admin_store),
		cmocka_unit_test(test_fail_hook),
		cmocka_unit_test(test_allowed),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_lead_default),
		cmocka_unit_test(test_caller),
		cmocka_unit_test(test_report_text),
		cmocka_unit_test(test_board_leader),
		cmocka_unit_test(test_access_once),
		cmocka_unit_test(test_ent_walk_cache),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
