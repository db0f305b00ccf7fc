/* The inspection services of app/inspection_move.h against a temporary database,
 * without curses: registering (each refusal names its field, nothing is stored on a
 * refusal, a supervisor's override is stored with its reason, each enterprise once),
 * approval issuing the code, the outcome with 首违不罚, the enterprise's evaluation,
 * cancellation, a refused entry with its warning, and a code checked at the door. The
 * acting staff member is swapped in the context between calls. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/inspection_move.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

static char dir[] = "/tmp/qifu-app-insp-XXXXXX";
static char path[96];

static const char A[] = "914403001922038216", B[] = "91440300708461136T",
	C[] = "91110000600037341L";

static void ok(int rc, const store_err *err)
{
	if (rc != 0) {
		strbuf b = STRBUF_INIT;
		fail_msg("store call returned %d: %s", rc, app_store_text(err, &b));
	}
}

static void add_staff(db *d, const char *login, const char *unit, role_t role)
{
	store_err err = { 0 };
	staff s = { .login = (char *)login, .name = (char *)login, .unit = (char *)unit, .role = role };
	ok(staff_store_add(d, "test", &s, &err), &err);
}

static void add_enterprise(db *d, const char *name, const char *uscc, const char *area)
{
	store_err err = { 0 };
	char e_[] = "";
	ent_record e = { .name = (char *)name, .uscc = (char *)uscc, .address = e_,
		.area = (char *)area, .category = (char *)"industry", .group = e_,
		.introduced_by = e_, .legal_rep = e_, .contact = e_, .phone = e_,
		.status = (char *)"operating", .lead_unit = (char *)"区科经局", .coop_units = e_ };
	int64_t id;
	ok(db_begin(d, &err), &err);
	ok(ent_store_insert(d, "test", &e, &id, &err), &err);
	ok(db_commit(d, &err), &err);
}

/* a fresh database: staff of two units (区科经局 with a supervisor), the centre's front
 * desk, three enterprises in two areas; with heads, a leader of 区科经局 and a supervisor
 * of the centre too */
static void make_db_with(bool heads)
{
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	db_unlink(path);
	db *d = db_open(path, DB_OPEN_CREATE, &se);
	if (!d)
		fail_msg("%s", app_store_text(&se, &err));
	add_staff(d, "ks", "区科经局", ROLE_UNIT_STAFF);
	add_staff(d, "sup", "区科经局", ROLE_SUPERVISOR);
	add_staff(d, "tc", "区投促局", ROLE_UNIT_STAFF);
	add_staff(d, "fd", "区企服中心", ROLE_FRONTDESK);
	add_enterprise(d, "华勤技术股份有限公司", A, "昌东镇");
	add_enterprise(d, "麻丘航空配件有限公司", B, "麻丘镇");
	add_enterprise(d, "昌东小超市", C, "昌东镇");
	if (heads) {
		add_staff(d, "kjl", "区科经局", ROLE_LEADER);
		add_staff(d, "zx", "区企服中心", ROLE_SUPERVISOR);
	}
	db_close(&d);
	sb_free(&err);
}

static void make_db(void)
{
	make_db_with(false);
}

static qdate day(const char *s)
{
	qdate d;
	if (!date_parse(s, &d))
		fail_msg("bad date %s", s);
	return d;
}

/* the context with login acting on day today */
static void act(app_ctx *ctx, const char *login, const char *today)
{
	strbuf err = STRBUF_INIT;
	staff_free(&ctx->actor);
	ctx->today = day(today);
	if (app_need(ctx, APP_NEED_DB | APP_NEED_CALENDAR | APP_NEED_UNITS, &err) != APP_OK)
		fail_msg("%s", sb_str(&err));
	db_set_today(ctx->db, ctx->today);
	store_err se = { 0 };
	if (staff_store_get(ctx->db, login, &ctx->actor, &se) != 0)
		fail_msg("no staff %s: %s", login, app_store_text(&se, &err));
	sb_free(&err);
}

static long count(app_ctx *ctx, const char *state)
{
	inspection_filter f = { .from = DATE_NONE, .to = DATE_NONE };
	if (state) {
		f.by_state = true;
		assert_true(inspection_plan_state_parse(state, &f.state));
	}
	long n = -1;
	store_err err = { 0 };
	ok(inspection_store_count(app_db(ctx), &f, &n, &err), &err);
	return n;
}

static void get(app_ctx *ctx, int64_t id, inspection_record *r)
{
	store_err err = { 0 };
	inspection_record_clear(r);
	ok(inspection_store_get(app_db(ctx), id, NULL, r, &err), &err);
}

static int setup(void **state)
{
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	strbuf err = STRBUF_INIT;
	inspection_reason_table *t = app_inspection_reasons(&err);
	if (!t)
		fprintf(stderr, "%s\n", sb_str(&err));
	sb_free(&err);
	*state = t;
	return t ? 0 : -1;
}

static int teardown(void **state)
{
	inspection_reason_table *t = *state;
	inspection_reason_table_free(&t);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *const one_a[] = { A }, *const a_twice[] = { A, " 914403001922038216 " },
	*const a_b[] = { A, B }, *const unknown[] = { "91360100234567894C" };

/* every way registering can end, one row each, on 2026-12-01 */
static void test_register(void **state)
{
	const inspection_reason_table *t = *state;
	static const struct {
		const char *who;
		const char *unit;
		const char *const *ents;
		int nents;
		const char *date, *reason, *inspectors, *basis, *items, *registered, *override;
		app_status want;
		inspection_field field;
		const char *says;        /* in err; NULL: nothing to say */
		int stored;              /* enterprises stored with the plan, 0: none stored */
	} rows[] = {
		{ "ks", "区科经局", one_a, 1, "2026-12-24", "general", "李四，王五", "法", "项", NULL, NULL,
		  APP_OK, INSPECTION_FIELD_NONE, NULL, 1 },
		{ "ks", "区科经局", a_twice, 2, "2026-12-24", "general", "李四", "法", "项", NULL, NULL,
		  APP_OK, INSPECTION_FIELD_NONE, NULL, 1 },
		{ "ks", "区科经局", one_a, 1, "2026-12-24", "general", "李四", "法", "项", "2026-12-02", NULL,
		  APP_BAD, INSPECTION_FIELD_REGISTERED_ON, "2026-12-02 is after today", 0 },
		{ "ks", "区科经局", one_a, 1, "2026-12-24", "routine", "李四", "法", "项", NULL, NULL,
		  APP_BAD, INSPECTION_FIELD_REASON, "unknown inspection reason 'routine'", 0 },
		{ "ks", "外星局", one_a, 1, "2026-12-24", "general", "李四", "法", "项", NULL, NULL,
		  APP_BAD, INSPECTION_FIELD_UNIT, "unknown unit '外星局'", 0 },
		{ "ks", "区科经局", one_a, 1, "2026-12-24", "general", " ，、 ", "法", "项", NULL, NULL,
		  APP_BAD, INSPECTION_FIELD_INSPECTORS, "name the inspectors", 0 },
		{ "ks", "区科经局", one_a, 1, "2026-12-24", "general", "李四", "　", "项", NULL, NULL,
		  APP_BAD, INSPECTION_FIELD_BASIS, "must not be empty", 0 },
		{ "ks", "区科经局", one_a, 1, "2026-12-24", "general", "李四", "法", " ", NULL, NULL,
		  APP_BAD, INSPECTION_FIELD_ITEMS, "must not be empty", 0 },
		{ "ks", "区科经局", NULL, 0, "2026-12-24", "general", "李四", "法", "项", NULL, NULL,
		  APP_BAD, INSPECTION_FIELD_ENTERPRISE, "name at least one enterprise", 0 },
		{ "ks", "区科经局", unknown, 1, "2026-12-24", "general", "李四", "法", "项", NULL, NULL,
		  APP_BAD, INSPECTION_FIELD_ENTERPRISE, "no enterprise with USCC 91360100234567894C", 0 },
		{ "tc", "区科经局", one_a, 1, "2026-12-24", "general", "李四", "法", "项", NULL, NULL,
		  APP_NO, INSPECTION_FIELD_NONE, "only for their own unit", 0 },
		{ "fd", "区企服中心", one_a, 1, "2026-12-24", "general", "李四", "法", "项", NULL, NULL,
		  APP_NO, INSPECTION_FIELD_NONE, "only unit staff, area officers and supervisors", 0 },
		{ "ks", "区科经局", one_a, 1, "2026-12-09", "general", "李四", "法", "项", NULL, NULL,
		  APP_NO, INSPECTION_FIELD_NONE, "a supervisor may register it anyway", 0 },
		{ "ks", "区科经局", one_a, 1, "2026-12-09", "general", "李四", "法", "项", NULL, "领导批示",
		  APP_NO, INSPECTION_FIELD_OVERRIDE, "only a supervisor may override", 0 },
		{ "sup", "区科经局", one_a, 1, "2026-12-09", "general", "李四", "法", "项", NULL, "　 ",
		  APP_NO, INSPECTION_FIELD_OVERRIDE, "an override needs a written reason", 0 },
		{ "sup", "区科经局", a_b, 2, "2026-12-09", "general", "李四", "法", "项", NULL, " 领导批示 ",
		  APP_OK, INSPECTION_FIELD_NONE, NULL, 2 },
		/* an exempt reason on a quiet day, registered a week after the fact */
		{ "ks", "区科经局", one_a, 1, "2026-11-24", "emergency", "李四", "法", "项", NULL, NULL,
		  APP_OK, INSPECTION_FIELD_NONE, NULL, 1 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		make_db();
		app_ctx ctx = { .db_path = path, .cfg = settings_new() };
		act(&ctx, rows[i].who, "2026-12-01");
		inspection_plan_in in = {
			.unit = rows[i].unit, .enterprises = rows[i].ents, .nents = rows[i].nents,
			.date = day(rows[i].date), .reason = rows[i].reason,
			.inspectors = rows[i].inspectors, .basis = rows[i].basis, .items = rows[i].items,
			.registered_on = rows[i].registered ? day(rows[i].registered) : ctx.today,
			.override = rows[i].override,
		};
		inspection_registered res;
		inspection_field field = INSPECTION_FIELD_UNIT;
		strbuf err = STRBUF_INIT;
		app_status st = app_inspection_register(&ctx, t, &in, &res, &field, &err);
		if (st != rows[i].want || field != rows[i].field)
			fail_msg("row %zu: status %d field %d, want %d and %d (%s)", i, st, field,
			         rows[i].want, rows[i].field, sb_str(&err));
		if (rows[i].says && !strstr(sb_str(&err), rows[i].says))
			fail_msg("row %zu: '%s' lacks '%s'", i, sb_str(&err), rows[i].says);
		if (count(&ctx, NULL) != (rows[i].stored ? 1 : 0))
			fail_msg("row %zu: %ld plans stored", i, count(&ctx, NULL));
		if (rows[i].stored) {
			inspection_record r = { 0 };
			get(&ctx, res.id, &r);
			assert_int_equal(r.nents, rows[i].stored);
			assert_int_equal(res.nents, rows[i].stored);
			assert_string_equal(r.registered_by, rows[i].who);
			if (rows[i].override) {
				/* the written reason cleaned, the rules it let through kept */
				assert_string_equal(r.override_reason, "领导批示");
				assert_string_equal(r.refused_rules, "quiet_day,filing_margin");
				assert_int_equal(res.verdict.outcome, INSPECTION_ALLOWED_BY_OVERRIDE);
			} else {
				assert_null(r.override_reason);
				assert_string_equal(r.inspectors, strchr(rows[i].inspectors, ',') ||
				                    strstr(rows[i].inspectors, "，") ? "李四|王五" : "李四");
			}
			inspection_record_clear(&r);
		}
		/* the verdict is there to show once the input passed */
		if (rows[i].want == APP_NO && field != INSPECTION_FIELD_NONE)
			assert_true(res.judged && res.verdict.outcome == INSPECTION_REFUSED);
		/* no transaction is left open: another write can start */
		store_err se = { 0 };
		assert_int_equal(db_begin(ctx.db, &se), 0);
		db_rollback(ctx.db);
		inspection_registered_clear(&res);
		settings_free(&ctx.cfg);
		app_ctx_free(&ctx);
		sb_free(&err);
	}
}

/* 法码同行: the head of the inspecting unit approves; a unit without a head login is
 * approved by the centre's head; without either, nobody approves */
static void test_approver(void **state)
{
	const inspection_reason_table *t = *state;
	static const struct {
		bool heads;              /* 区科经局's leader and the centre's supervisor exist */
		const char *unit;        /* the plan's (registered by ks or tc) */
		const char *who;
		app_status want;
		const char *says;
	} rows[] = {
		{ false, "区科经局", "sup", APP_OK, NULL },
		{ true, "区科经局", "kjl", APP_OK, NULL },
		{ true, "区科经局", "zx", APP_NO, "(a head of 区科经局 approves this plan)" },
		{ false, "区科经局", "ks", APP_NO, "only a unit's head" },
		/* 区投促局 has no head: the centre's supervisor approves, not 区科经局's */
		{ true, "区投促局", "zx", APP_OK, NULL },
		{ true, "区投促局", "sup", APP_NO, "(a head of 区企服中心 approves this plan)" },
		{ true, "区投促局", "kjl", APP_NO, "only a head of the plan's unit" },
		{ true, "区投促局", "fd", APP_NO, "only a unit's head" },
		{ false, "区投促局", "sup", APP_NO, "neither 区投促局 nor 区企服中心 has a supervisor" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		make_db_with(rows[i].heads);
		app_ctx ctx = { .db_path = path, .cfg = settings_new() };
		bool kj = strcmp(rows[i].unit, "区科经局") == 0;
		act(&ctx, kj ? "ks" : "tc", "2026-12-01");
		inspection_plan_in in = { .unit = rows[i].unit, .enterprises = one_a, .nents = 1,
			.date = day("2026-12-24"), .reason = "general", .inspectors = "李四", .basis = "法",
			.items = "项", .registered_on = ctx.today };
		inspection_registered res;
		strbuf err = STRBUF_INIT;
		assert_int_equal(app_inspection_register(&ctx, t, &in, &res, NULL, &err), APP_OK);
		const char *unit;
		assert_int_equal(app_inspection_approving_unit(&ctx, rows[i].unit, &unit, &err), APP_OK);
		if (!kj && !rows[i].heads)
			assert_null(unit);
		else
			assert_string_equal(unit, kj ? "区科经局" : "区企服中心");
		act(&ctx, rows[i].who, "2026-12-01");
		inspection_record r = { 0 };
		get(&ctx, res.id, &r);
		char code[INSPECTION_CODE_LEN + 1];
		assert_int_equal(app_inspection_may_approve(&ctx, &r, NULL), rows[i].want == APP_OK);
		app_status st = app_inspection_approve(&ctx, t, &r, code, &err);
		if (st != rows[i].want)
			fail_msg("row %zu: %s approving a plan of %s: %d (%s)", i, rows[i].who,
			         rows[i].unit, st, sb_str(&err));
		if (rows[i].says && !strstr(sb_str(&err), rows[i].says))
			fail_msg("row %zu: '%s' lacks '%s'", i, sb_str(&err), rows[i].says);
		assert_int_equal(count(&ctx, "approved"), st == APP_OK);
		inspection_record_clear(&r);
		inspection_registered_clear(&res);
		settings_free(&ctx.cfg);
		app_ctx_free(&ctx);
		sb_free(&err);
	}
}

static void say_into(void *arg, bool error, const char *msg)
{
	strbuf *b = arg;
	sb_addf(b, "%s%s;", error ? "error: " : "", msg);
}

static void line_into(void *arg, const char *line)
{
	sb_addf(arg, "%s\n", line);
}

/* a plan of 区科经局 for A (and more) on date, registered by ks today; its id */
static int64_t plan(app_ctx *ctx, const inspection_reason_table *t, const char *date,
		const char *const *ents, int nents)
{
	inspection_plan_in in = { .unit = "区科经局", .enterprises = ents, .nents = nents,
		.date = day(date), .reason = "general", .inspectors = "李四", .basis = "法",
		.items = "消防设施", .registered_on = ctx->today };
	inspection_registered res;
	strbuf err = STRBUF_INIT;
	if (app_inspection_register(ctx, t, &in, &res, NULL, &err) != APP_OK)
		fail_msg("registering: %s", sb_str(&err));
	int64_t id = res.id;
	inspection_registered_clear(&res);
	sb_free(&err);
	return id;
}

/* the advice after registering: too often, and a joint inspection with another unit */
static void test_advice(void **state)
{
	const inspection_reason_table *t = *state;
	make_db();
	app_ctx ctx = { .db_path = path, .cfg = settings_new() };
	act(&ctx, "tc", "2026-12-01");
	inspection_plan_in in = { .unit = "区投促局", .enterprises = one_a, .nents = 1,
		.date = day("2026-12-24"), .reason = "general", .inspectors = "赵", .basis = "法",
		.items = "项", .registered_on = ctx.today };
	inspection_registered res;
	strbuf err = STRBUF_INIT, said = STRBUF_INIT;
	assert_int_equal(app_inspection_register(&ctx, t, &in, &res, NULL, &err), APP_OK);
	inspection_registered_clear(&res);
	act(&ctx, "ks", "2026-12-01");
	plan(&ctx, t, "2026-12-25", one_a, 1);
	in.unit = "区科经局";
	in.date = day("2026-12-28");
	assert_int_equal(app_inspection_register(&ctx, t, &in, &res, NULL, &err), APP_OK);
	app_inspection_advice(&ctx, &res, "区科经局", in.date, say_into, &said);
	assert_non_null(strstr(sb_str(&said), "华勤技术股份有限公司: 3 inspections within the 30 "
	                                      "days up to 2026-12-28"));
	/* 12-24 is the Thursday of another week than Monday 12-28 */
	assert_null(strstr(sb_str(&said), "joint"));
	sb_reset(&said);
	in.date = day("2026-12-26");
	inspection_registered_clear(&res);
	assert_int_equal(app_inspection_register(&ctx, t, &in, &res, NULL, &err), APP_OK);
	app_inspection_advice(&ctx, &res, "区科经局", in.date, say_into, &said);
	assert_non_null(strstr(sb_str(&said), "also has an inspection by 区投促局 on 2026-12-24 "
	                                      "(inspection 1) in the same week"));
	inspection_registered_clear(&res);
	settings_free(&ctx.cfg);
	app_ctx_free(&ctx);
	sb_free(&err);
	sb_free(&said);
}

/* the ids of a window read by key from plan (date, id) (id 0: an end) */
static void window_ids(app_ctx *ctx, const inspection_filter *f, const char *date, int64_t id,
                       bool back, int limit, int64_t *ids, int *n)
{
	inspection_record from = { .date = date ? day(date) : DATE_NONE, .id = id }, rows[8];
	store_err err = { 0 };
	ok(inspection_store_window_from(app_db(ctx), f, date ? &from : NULL, back, limit, rows, n,
	                                &err), &err);
	for (int i = 0; i < *n; i++) {
		ids[i] = rows[i].id;
		assert_true(rows[i].nents > 0); /* complete, with the enterprises */
		inspection_record_clear(&rows[i]);
	}
}

/* the list read by key in date-then-id order, forward and back, with a filter: ties of
 * a date are ordered by id, so that paging by (date, id) neither skips nor repeats */
static void test_window_from(void **state)
{
	const inspection_reason_table *t = *state;
	make_db();
	app_ctx ctx = { .db_path = path, .cfg = settings_new() };
	act(&ctx, "ks", "2026-12-01");
	int64_t p28 = plan(&ctx, t, "2026-12-28", one_a, 1);
	int64_t p24a = plan(&ctx, t, "2026-12-24", one_a, 1);
	int64_t p30 = plan(&ctx, t, "2026-12-30", one_a, 1);
	int64_t p24b = plan(&ctx, t, "2026-12-24", one_a, 1);
	inspection_filter f = { .from = DATE_NONE, .to = DATE_NONE };
	int64_t ids[8];
	int n;
	window_ids(&ctx, &f, NULL, 0, false, 2, ids, &n);
	assert_int_equal(n, 2);
	assert_true(ids[0] == p24a && ids[1] == p24b);
	window_ids(&ctx, &f, "2026-12-24", p24b, false, 2, ids, &n);
	assert_int_equal(n, 2);
	assert_true(ids[0] == p28 && ids[1] == p30);
	window_ids(&ctx, &f, "2026-12-30", p30, false, 2, ids, &n);
	assert_int_equal(n, 0);
	/* after the first of a date: its twin comes next */
	window_ids(&ctx, &f, "2026-12-24", p24a, false, 1, ids, &n);
	assert_true(n == 1 && ids[0] == p24b);
	/* back from the last, in list order */
	window_ids(&ctx, &f, NULL, 0, true, 3, ids, &n);
	assert_int_equal(n, 3);
	assert_true(ids[0] == p24b && ids[1] == p28 && ids[2] == p30);
	window_ids(&ctx, &f, "2026-12-28", p28, true, 5, ids, &n);
	assert_int_equal(n, 2);
	assert_true(ids[0] == p24a && ids[1] == p24b);
	window_ids(&ctx, &f, "2026-12-24", p24a, true, 5, ids, &n);
	assert_int_equal(n, 0);
	/* the filter holds beside the key */
	f.from = day("2026-12-25");
	window_ids(&ctx, &f, "2026-12-24", p24a, false, 5, ids, &n);
	assert_true(n == 2 && ids[0] == p28 && ids[1] == p30);
	f.from = DATE_NONE;
	f.to = day("2026-12-28");
	window_ids(&ctx, &f, "2026-12-24", p24b, false, 5, ids, &n);
	assert_true(n == 1 && ids[0] == p28);
	settings_free(&ctx.cfg);
	app_ctx_free(&ctx);
}

/* registered -> approved (code) -> done -> evaluated, and what each refuses */
static void test_life(void **state)
{
	const inspection_reason_table *t = *state;
	make_db();
	app_ctx ctx = { .db_path = path, .cfg = settings_new() };
	act(&ctx, "ks", "2026-12-01");
	int64_t id = plan(&ctx, t, "2026-12-24", one_a, 1);
	inspection_record r = { 0 };
	strbuf err = STRBUF_INIT;
	char code[INSPECTION_CODE_LEN + 1];
	get(&ctx, id, &r);
	/* unit staff do not approve; the unit's supervisor does, once */
	assert_int_equal(app_inspection_approve(&ctx, t, &r, code, &err), APP_NO);
	assert_non_null(strstr(sb_str(&err), "only a unit's head"));
	assert_false(app_inspection_may_approve(&ctx, &r, NULL));
	act(&ctx, "sup", "2026-12-01");
	assert_true(app_inspection_may_approve(&ctx, &r, NULL));
	sb_reset(&err);
	assert_int_equal(app_inspection_approve(&ctx, t, &r, code, &err), APP_OK);
	assert_string_equal(code, "JC26-000001-D");
	/* the version read before is stale now */
	assert_int_equal(app_inspection_approve(&ctx, t, &r, code, &err), APP_NO);
	get(&ctx, id, &r);
	sb_reset(&err);
	assert_int_equal(app_inspection_approve(&ctx, t, &r, code, &err), APP_NO);
	assert_non_null(strstr(sb_str(&err), "inspection 1 is approved"));

	/* done: not before its day, only by its unit, findings and item required */
	inspection_done_in in = { .findings = "通道畅通", .outcome = INSPECTION_OUTCOME_NONE };
	inspection_done_out out;
	inspection_field field;
	act(&ctx, "ks", "2026-12-01");
	sb_reset(&err);
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_NO);
	assert_non_null(strstr(sb_str(&err), "its date has not come yet"));
	inspection_done_out_clear(&out);
	act(&ctx, "tc", "2026-12-24");
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_NO);
	inspection_done_out_clear(&out);
	act(&ctx, "ks", "2026-12-24");
	in.findings = "　";
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_FINDINGS);
	inspection_done_out_clear(&out);
	in.findings = "灭火器过期";
	in.item = "消防设施";
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_ITEM);
	inspection_done_out_clear(&out);
	in.outcome = INSPECTION_OUTCOME_PENALTY;
	in.item = " ";
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_ITEM);
	inspection_done_out_clear(&out);
	in.item = " 消防设施 ";
	sb_reset(&err);
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_OK);
	strbuf fv = STRBUF_INIT;
	app_inspection_fv_text(&out, &fv);
	assert_string_equal(sb_str(&fv), "first violation of '消防设施' by 华勤技术股份有限公司 within "
	                    "2 years: a minor first violation is not penalised, consider the outcome "
	                    "first violation, not penalised");
	inspection_done_out_clear(&out);
	sb_free(&fv);

	/* evaluation: the front desk for the enterprise, not the inspected unit, once */
	get(&ctx, id, &r);
	const inspection_ent *who;
	assert_int_equal(app_inspection_evaluate(&ctx, t, &r, A, 5, "好", &who, &field, &err), APP_NO);
	assert_null(who);
	act(&ctx, "fd", "2026-12-25");
	assert_int_equal(app_inspection_evaluate(&ctx, t, &r, A, 6, "", &who, &field, &err), APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_SCORE);
	assert_int_equal(app_inspection_evaluate(&ctx, t, &r, B, 4, "", &who, &field, &err), APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_ENTERPRISE);
	sb_reset(&err);
	assert_int_equal(app_inspection_evaluate(&ctx, t, &r, A, 4, " 规范 ", &who, &field, &err),
	                 APP_OK);
	assert_string_equal(who->name, "华勤技术股份有限公司");
	get(&ctx, id, &r);
	assert_int_equal(r.state, INSPECTION_EVALUATED);
	assert_int_equal(r.nevals, 1);
	assert_string_equal(r.evals[0].comment, "规范");
	assert_int_equal(app_inspection_evaluate(&ctx, t, &r, A, 2, "", &who, &field, &err), APP_NO);
	assert_non_null(strstr(sb_str(&err), "has already evaluated inspection 1"));
	inspection_record_clear(&r);
	settings_free(&ctx.cfg);
	app_ctx_free(&ctx);
	sb_free(&err);
}

/* 首违不罚: a claimed first violation with an earlier one of the item is refused and
 * nothing is written; a plan over two enterprises names the violator */
static void test_first_violation(void **state)
{
	const inspection_reason_table *t = *state;
	make_db();
	app_ctx ctx = { .db_path = path, .cfg = settings_new() };
	strbuf err = STRBUF_INIT;
	char code[INSPECTION_CODE_LEN + 1];
	inspection_record r = { 0 };
	inspection_done_out out;
	inspection_field field;
	int64_t ids[2];
	act(&ctx, "ks", "2026-06-01");
	ids[0] = plan(&ctx, t, "2026-06-24", a_b, 2);
	act(&ctx, "ks", "2026-12-01");
	ids[1] = plan(&ctx, t, "2026-12-24", one_a, 1);
	for (int i = 0; i < 2; i++) {
		act(&ctx, "sup", i ? "2026-12-01" : "2026-06-01");
		get(&ctx, ids[i], &r);
		assert_int_equal(app_inspection_approve(&ctx, t, &r, code, &err), APP_OK);
	}
	act(&ctx, "ks", "2026-06-24");
	get(&ctx, ids[0], &r);
	inspection_done_in in = { .findings = "灭火器过期", .outcome = INSPECTION_OUTCOME_PENALTY,
		.item = "消防设施" };
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_ENTERPRISE);
	assert_non_null(strstr(sb_str(&err), "covers 2 enterprises"));
	inspection_done_out_clear(&out);
	in.enterprise = C;
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_BAD);
	assert_non_null(strstr(sb_str(&err), "does not cover 昌东小超市"));
	inspection_done_out_clear(&out);
	in.enterprise = A;
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_OK);
	inspection_done_out_clear(&out);
	act(&ctx, "ks", "2026-12-24");
	get(&ctx, ids[1], &r);
	in.enterprise = NULL;
	in.outcome = INSPECTION_OUTCOME_FIRST_VIOLATION;
	sb_reset(&err);
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_NO);
	assert_string_equal(sb_str(&err), "not a first violation: 华勤技术股份有限公司 violated "
	                    "'消防设施' on 2026-06-24 (inspection 1), within 2 years; record the "
	                    "outcome as penalty or advice");
	inspection_done_out_clear(&out);
	assert_int_equal(count(&ctx, "approved"), 1);
	in.outcome = INSPECTION_OUTCOME_PENALTY;
	assert_int_equal(app_inspection_done(&ctx, t, &r, &in, &out, &field, &err), APP_OK);
	assert_int_equal(out.res.fv, INSPECTION_FV_REPEAT);
	inspection_done_out_clear(&out);
	inspection_record_clear(&r);
	settings_free(&ctx.cfg);
	app_ctx_free(&ctx);
	sb_free(&err);
}

/* cancel with a reason, then the code is worth nothing at the door */
static void test_cancel_verify(void **state)
{
	const inspection_reason_table *t = *state;
	make_db();
	app_ctx ctx = { .db_path = path, .cfg = settings_new() };
	strbuf err = STRBUF_INIT, lines = STRBUF_INIT;
	char code[INSPECTION_CODE_LEN + 1];
	inspection_record r = { 0 };
	inspection_field field;
	inspection_verified v;
	act(&ctx, "ks", "2026-12-01");
	int64_t id = plan(&ctx, t, "2026-12-24", one_a, 1);
	act(&ctx, "sup", "2026-12-01");
	get(&ctx, id, &r);
	assert_int_equal(app_inspection_approve(&ctx, t, &r, code, &err), APP_OK);
	act(&ctx, "fd", "2026-12-24");
	assert_int_equal(app_inspection_verify(&ctx, "jc26 000001 d", &v, &err), APP_OK);
	app_inspection_verify_lines(&v, t, line_into, &lines);
	assert_non_null(strstr(sb_str(&lines), "valid: JC26-000001-D"));
	assert_non_null(strstr(sb_str(&lines), "  enterprises: 华勤技术股份有限公司 (914403001922038216)"));
	assert_non_null(strstr(sb_str(&lines), "  reason: 一般性检查"));
	sb_reset(&err);
	assert_false(app_inspection_verify_note(&ctx, &v, &err));
	inspection_verified_clear(&v);
	assert_int_equal(app_inspection_verify(&ctx, "JC26-000001-X", &v, &err), APP_NO);
	assert_non_null(strstr(sb_str(&err), "check character at position 13"));
	inspection_verified_clear(&v);
	sb_reset(&err);
	assert_int_equal(app_inspection_verify(&ctx, "JC26-000009-8", &v, &err), APP_NO);
	assert_string_equal(sb_str(&err), "no plan has the code JC26-000009-8");
	inspection_verified_clear(&v);

	/* cancelling: the plan's unit, with a reason */
	act(&ctx, "tc", "2026-12-02");
	get(&ctx, id, &r);
	assert_int_equal(app_inspection_cancel(&ctx, t, &r, "重复", &field, &err), APP_NO);
	act(&ctx, "ks", "2026-12-02");
	assert_int_equal(app_inspection_cancel(&ctx, t, &r, " ", &field, &err), APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_CANCEL_REASON);
	assert_int_equal(app_inspection_cancel(&ctx, t, &r, "企业停产检修", &field, &err), APP_OK);
	sb_reset(&err);
	assert_int_equal(app_inspection_verify(&ctx, "JC26-000001-D", &v, &err), APP_NO);
	assert_string_equal(sb_str(&err), "JC26-000001-D: the plan was cancelled (企业停产检修)");
	inspection_verified_clear(&v);
	inspection_record_clear(&r);
	/* a plan found by its number or its code, and what is neither */
	assert_int_equal(app_inspection_find(&ctx, "1", &r, &err), APP_OK);
	inspection_record_clear(&r);
	assert_int_equal(app_inspection_find(&ctx, "JC26-000001-D", &r, &err), APP_OK);
	assert_int_equal(r.state, INSPECTION_CANCELLED);
	inspection_record_clear(&r);
	assert_int_equal(app_inspection_find(&ctx, "9", &r, &err), APP_NO);
	assert_int_equal(app_inspection_find(&ctx, "JC26-0000O1-D", &r, &err), APP_BAD);
	settings_free(&ctx.cfg);
	app_ctx_free(&ctx);
	sb_free(&err);
	sb_free(&lines);
}

/* an entry refused for want of a registered plan, and the warning when there was one */
static void test_refuse(void **state)
{
	const inspection_reason_table *t = *state;
	make_db();
	app_ctx ctx = { .db_path = path, .cfg = settings_new() };
	strbuf err = STRBUF_INIT, said = STRBUF_INIT;
	char code[INSPECTION_CODE_LEN + 1];
	inspection_record r = { 0 };
	inspection_field field;
	ent_record e = { 0 };
	int64_t id;
	act(&ctx, "ks", "2026-12-01");
	int64_t pid = plan(&ctx, t, "2026-12-24", one_a, 1);
	act(&ctx, "sup", "2026-12-01");
	get(&ctx, pid, &r);
	assert_int_equal(app_inspection_approve(&ctx, t, &r, code, &err), APP_OK);
	inspection_record_clear(&r);
	act(&ctx, "fd", "2026-12-24");
	inspection_refusal_in in = { .unit = "区科经局", .enterprise = A, .date = day("2026-12-25"),
		.people = "赵六、钱七", .note = "未出示执法计划码" };
	assert_int_equal(app_inspection_refuse(&ctx, &in, &id, &e, say_into, &said, &field, &err),
	                 APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_DATE);
	in.date = day("2026-12-24");
	in.people = "  ";
	assert_int_equal(app_inspection_refuse(&ctx, &in, &id, &e, say_into, &said, &field, &err),
	                 APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_PEOPLE);
	in.people = "赵六、钱七";
	in.unit = "市场局";
	assert_int_equal(app_inspection_refuse(&ctx, &in, &id, &e, say_into, &said, &field, &err),
	                 APP_BAD);
	assert_int_equal(field, INSPECTION_FIELD_UNIT);
	in.unit = "区科经局";
	act(&ctx, "ks", "2026-12-24");
	assert_int_equal(app_inspection_refuse(&ctx, &in, &id, &e, say_into, &said, &field, &err),
	                 APP_NO);
	ent_record_clear(&e);
	act(&ctx, "fd", "2026-12-24");
	assert_int_equal(app_inspection_refuse(&ctx, &in, &id, &e, say_into, &said, &field, &err),
	                 APP_OK);
	assert_int_equal(id, 1);
	assert_string_equal(e.name, "华勤技术股份有限公司");
	assert_string_equal(sb_str(&said), "区科经局 has an approved plan for that day (inspection 1, "
	                    "code JC26-000001-D): the entry was registered;");
	inspection_refusal *v = NULL;
	int n = 0;
	store_err se = { 0 };
	ok(inspection_store_refusals(ctx.db, DATE_NONE, DATE_NONE, &v, &n, &se), &se);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].people, "赵六、钱七");
	assert_string_equal(v[0].recorded_by, "fd");
	inspection_refusal_clear(&v[0]);
	free(v);
	ent_record_clear(&e);
	settings_free(&ctx.cfg);
	app_ctx_free(&ctx);
	sb_free(&err);
	sb_free(&said);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_advice),
		cmocka_unit_test(test_window_from),
		cmocka_unit_test(test_life),
		cmocka_unit_test(test_approver),
		cmocka_unit_test(test_first_violation),
		cmocka_unit_test(test_cancel_verify),
		cmocka_unit_test(test_refuse),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
