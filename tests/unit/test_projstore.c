/* Projects in the store: a project added with its items and its signing day, read
 * back whole; every accepted change (edit, stage move, item added or changed, an item
 * become an appeal) writes exactly one event of the project, and every refused one
 * none and changes nothing; the stage ladder and item states are checked there. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/store_text.h"
#include "core/xalloc.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/event_chain.h"
#include "store/project_store.h"

#include "testdb.h"
#include "testcal.h"

static testdb tdb;
static db *d;
static int64_t ent;

static int setup(void **state)
{
	(void)state;
	if (testdb_open(&tdb, "projstore", "2026-12-01") < 0)
		return -1;
	d = tdb.d;
	ent = tdb.ent;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	testdb_close(&tdb);
	d = NULL;
	return 0;
}

typedef struct last_event {
	int count;          /* events of entity project */
	int64_t entity_id;
	char action[64];
	char summary[512];
} last_event;

static int see(const event_link *l, void *arg)
{
	last_event *le = arg;
	if (strcmp(l->row.entity, "project") != 0)
		return 0;
	le->count++;
	le->entity_id = l->row.entity_id;
	snprintf(le->action, sizeof le->action, "%s", l->row.action);
	snprintf(le->summary, sizeof le->summary, "%s", l->row.summary);
	return 0;
}

static last_event events(void)
{
	last_event le = { 0 };
	assert_int_equal(testdb_events(d, see, &le), 0);
	return le;
}

/* the one new event since before: its action and a part of its summary */
static void one_event(const last_event *before, const char *action, const char *part)
{
	last_event now = events();
	if (now.count != before->count + 1 || strcmp(now.action, action) != 0 ||
	    !strstr(now.summary, part))
		fail_msg("want one %s event with '%s'; %d events since, last %s '%s'", action, part,
		         now.count - before->count, now.action, now.summary);
}

/* a refusal: code and verdict, no event */
static void refused(int rc, const store_err *se, const last_event *before, store_code code,
                    int verdict)
{
	assert_int_equal(rc, 1);
	assert_int_equal(se->code, code);
	if (verdict >= 0)
		assert_int_equal(se->num[0], verdict);
	assert_int_equal(events().count, before->count);
}

static void add_one(char number[PROJECT_NUMBER_SIZE], int64_t enterprise, const char *investor)
{
	char kind1[] = "record", unit1[] = "区行审中心", kind2[] = "power", unit2[] = "麻丘镇";
	project_item items[2] = {
		{ .kind = kind1, .unit = unit1, .start = testcal_day("2026-03-02"),
		  .target = testcal_day("2026-03-16"), .state = PITEM_OPEN },
		{ .kind = kind2, .unit = unit2, .start = testcal_day("2026-03-02"),
		  .target = testcal_day("2026-05-29"), .state = PITEM_OPEN },
	};
	char name[] = "年产万吨新材料项目", intro[] = "区投促局", site[] = "麻丘镇高新大道以东";
	char area[] = "麻丘镇", inv[64];
	snprintf(inv, sizeof inv, "%s", investor ? investor : "");
	project_rec p = { .name = name, .enterprise_id = enterprise, .investor = inv,
	                  .introducer = intro, .investment_fen = INT64_C(50000000000),
	                  .site = site, .area = area, .items = items, .nitems = 2 };
	for (int i = 0; i < PROJ_STAGE__COUNT; i++)
		p.on[i] = DATE_NONE;
	p.on[PROJ_SIGNED] = testcal_day("2026-03-02");
	store_err se = { 0 };
	last_event before = events();
	assert_int_equal(project_store_add(d, "test", &p, number, &se), 0);
	one_event(&before, "project.add", "items=2");
}

static void test_add_and_read(void **state)
{
	(void)state;
	char a[PROJECT_NUMBER_SIZE], b[PROJECT_NUMBER_SIZE];
	add_one(a, ent, NULL);
	add_one(b, 0, "深圳某某科技有限公司（待注册）");
	assert_string_equal(a, "XM2026-000001");
	assert_string_equal(b, "XM2026-000002");
	project_rec p;
	store_err se = { 0 };
	assert_int_equal(project_store_get(d, a, &p, &se), 0);
	assert_string_equal(p.investor, "江西星火新材料有限公司");
	assert_string_equal(p.uscc, "914403000000000001");
	assert_int_equal(p.stage, PROJ_SIGNED);
	assert_int_equal(p.on[PROJ_SIGNED], testcal_day("2026-03-02"));
	assert_int_equal(p.on[PROJ_FILED], DATE_NONE);
	assert_int_equal(p.investment_fen, INT64_C(50000000000));
	assert_int_equal(p.nitems, 2);
	assert_int_equal(p.items[1].seq, 2);
	assert_string_equal(p.items[1].kind, "power");
	assert_int_equal(p.items[1].target, testcal_day("2026-05-29"));
	assert_int_equal(p.items[1].done_on, DATE_NONE);
	project_rec_clear(&p);
	assert_int_equal(project_store_get(d, b, &p, &se), 0);
	assert_int_equal(p.enterprise_id, 0);
	assert_string_equal(p.investor, "深圳某某科技有限公司（待注册）");
	assert_string_equal(p.uscc, "");
	project_rec_clear(&p);
	assert_int_equal(project_store_get(d, "XM2026-000099", &p, &se), 1);
	assert_int_equal(se.code, STORE_E_NO_PROJECT);
	/* the list, and its filters */
	project_rec *v;
	int n;
	project_filter all = { .stage = -1 };
	assert_int_equal(project_store_list(d, &all, &v, &n, &se), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].number, a);
	assert_int_equal(v[1].nitems, 2);
	for (int i = 0; i < n; i++)
		project_rec_clear(&v[i]);
	free(v);
	project_filter of_ent = { .stage = -1, .enterprise_id = ent };
	assert_int_equal(project_store_list(d, &of_ent, &v, &n, &se), 0);
	assert_int_equal(n, 1);
	project_rec_clear(&v[0]);
	free(v);
	project_filter filed = { .stage = PROJ_FILED };
	assert_int_equal(project_store_list(d, &filed, &v, &n, &se), 0);
	assert_int_equal(n, 0);
	free(v);
}

static void test_moves(void **state)
{
	(void)state;
	char a[PROJECT_NUMBER_SIZE];
	add_one(a, ent, NULL);
	store_err se = { 0 };
	last_event before = events();
	refused(project_store_move(d, "test", a, PROJ_PLANNING, testcal_day("2026-04-01"), &se),
	        &se, &before, STORE_E_PROJECT_REFUSED, PROJ_NOT_NEXT);
	refused(project_store_move(d, "test", a, PROJ_FILED, testcal_day("2026-03-01"), &se), &se,
	        &before, STORE_E_PROJECT_REFUSED, PROJ_BEFORE_LAST);
	assert_int_equal(se.day[1], testcal_day("2026-03-02"));
	refused(project_store_move(d, "test", a, PROJ_FILED, testcal_day("2026-12-02"), &se), &se,
	        &before, STORE_E_PROJECT_REFUSED, PROJ_FUTURE);
	refused(project_store_move(d, "test", "XM2026-000099", PROJ_FILED,
	                           testcal_day("2026-04-01"), &se),
	        &se, &before, STORE_E_NO_PROJECT, -1);
	assert_int_equal(project_store_move(d, "test", a, PROJ_FILED, testcal_day("2026-03-10"),
	                                    &se), 0);
	one_event(&before, "project.move", "stage: signed -> filed; on=2026-03-10");
	project_rec p;
	assert_int_equal(project_store_get(d, a, &p, &se), 0);
	assert_int_equal(p.stage, PROJ_FILED);
	assert_int_equal(p.on[PROJ_FILED], testcal_day("2026-03-10"));
	project_rec_clear(&p);
}

static void test_edit(void **state)
{
	(void)state;
	char a[PROJECT_NUMBER_SIZE];
	add_one(a, 0, "待注册公司");
	store_err se = { 0 };
	last_event before = events();
	project_edit same = { .name = "年产万吨新材料项目", .investment_fen = -1 };
	refused(project_store_edit(d, "test", a, &same, &se), &se, &before,
	        STORE_E_PROJECT_UNCHANGED, -1);
	/* the investor registered: the project now names the enterprise */
	project_edit e = { .enterprise_id = ent, .investment_fen = INT64_C(80000000000),
	                   .site = "新址" };
	assert_int_equal(project_store_edit(d, "test", a, &e, &se), 0);
	one_event(&before, "project.edit", "investment: 500000000.00 -> 800000000.00 yuan");
	project_rec p;
	assert_int_equal(project_store_get(d, a, &p, &se), 0);
	assert_int_equal(p.enterprise_id, ent);
	assert_string_equal(p.investor, "江西星火新材料有限公司");
	assert_string_equal(p.site, "新址");
	assert_string_equal(p.name, "年产万吨新材料项目");
	project_rec_clear(&p);
}

static void test_items(void **state)
{
	(void)state;
	char a[PROJECT_NUMBER_SIZE];
	add_one(a, ent, NULL);
	store_err se = { 0 };
	last_event before = events();
	project_item_change stuck = { .state = PITEM_STUCK, .target = DATE_NONE,
	                              .on = DATE_NONE };
	refused(project_store_item_set(d, "test", a, 1, &stuck, &se), &se, &before,
	        STORE_E_PROJECT_REFUSED, PROJ_NEEDS_NOTE);
	refused(project_store_item_set(d, "test", a, 9, &stuck, &se), &se, &before,
	        STORE_E_NO_PROJECT_ITEM, -1);
	stuck.note = "土地指标未下达";
	assert_int_equal(project_store_item_set(d, "test", a, 1, &stuck, &se), 0);
	one_event(&before, "project.item", "state: open -> stuck; note: 土地指标未下达");
	before = events();
	refused(project_store_item_set(d, "test", a, 1, &stuck, &se), &se, &before,
	        STORE_E_PROJECT_REFUSED, PROJ_SAME);
	project_item_change done = { .state = PITEM_DONE, .target = DATE_NONE,
	                             .on = testcal_day("2026-12-02") };
	refused(project_store_item_set(d, "test", a, 1, &done, &se), &se, &before,
	        STORE_E_PROJECT_REFUSED, PROJ_FUTURE);
	done.on = testcal_day("2026-03-13");
	assert_int_equal(project_store_item_set(d, "test", a, 1, &done, &se), 0);
	one_event(&before, "project.item", "state: stuck -> done; done_on=2026-03-13");
	/* a new target and unit, the state kept */
	before = events();
	project_item_change move = { .state = -1, .unit = "区建管局",
	                             .target = testcal_day("2026-06-30"), .on = DATE_NONE };
	assert_int_equal(project_store_item_set(d, "test", a, 2, &move, &se), 0);
	one_event(&before, "project.item", "unit: 麻丘镇 -> 区建管局; target: 2026-05-29 -> 2026-06-30");
	before = events();
	refused(project_store_item_set(d, "test", a, 2, &move, &se), &se, &before,
	        STORE_E_PROJECT_UNCHANGED, -1);
	/* an item added takes the next number */
	char kind[] = "gas", unit[] = "麻丘镇";
	project_item it = { .kind = kind, .unit = unit, .start = testcal_day("2026-04-01"),
	                    .target = testcal_day("2026-06-01"), .state = PITEM_OPEN };
	int seq = 0;
	assert_int_equal(project_store_item_add(d, "test", a, &it, &seq, &se), 0);
	assert_int_equal(seq, 3);
	one_event(&before, "project.item.add", "item=3 kind=gas");
	project_rec p;
	assert_int_equal(project_store_get(d, a, &p, &se), 0);
	assert_int_equal(p.nitems, 3);
	assert_int_equal(p.items[0].state, PITEM_DONE);
	assert_int_equal(p.items[0].done_on, testcal_day("2026-03-13"));
	assert_string_equal(p.items[0].note, "土地指标未下达");
	assert_string_equal(p.items[1].unit, "区建管局");
	assert_int_equal(p.items[1].target, testcal_day("2026-06-30"));
	project_rec_clear(&p);
	/* reopened, the day it was done goes */
	project_item_change reopen = { .state = PITEM_OPEN, .target = DATE_NONE,
	                               .on = DATE_NONE };
	assert_int_equal(project_store_item_set(d, "test", a, 1, &reopen, &se), 0);
	assert_int_equal(project_store_get(d, a, &p, &se), 0);
	assert_int_equal(p.items[0].done_on, DATE_NONE);
	project_rec_clear(&p);
	/* only a stuck item becomes an appeal, inside the caller's transaction */
	before = events();
	assert_int_equal(db_begin(d, &se), 0);
	assert_int_equal(project_store_item_appeal_held(d, "test", a, 2, "2026-000001", &se), 1);
	assert_int_equal(se.num[0], PROJ_APPEAL_STUCK);
	db_rollback(d);
	assert_int_equal(events().count, before.count);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_and_read),
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_items),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
