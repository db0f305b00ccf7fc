/* Talent programmes and requests in the store: a programme edited over the row as it
 * was read writes it and exactly one event naming the changes; an edit over a row
 * someone changed meanwhile, or over no row, is refused (STORE_E_PROGRAMME_CHANGED),
 * changes nothing and writes no event; a request's move is guarded the same way
 * (STORE_E_TALENT_CHANGED). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/event_chain.h"
#include "store/talent_store.h"

#include "testdb.h"
#include "testcal.h"

static testdb tdb;
static db *d;
static int64_t ent;

static int setup(void **state)
{
	(void)state;
	if (testdb_open(&tdb, "talentstore", "2026-12-01") < 0)
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

typedef struct seen {
	int count;          /* events whose action starts with talent. */
	char action[64];
	char summary[512];
} seen;

static int see(const event_link *l, void *arg)
{
	seen *s = arg;
	if (strncmp(l->row.action, "talent.", 7) != 0)
		return 0;
	s->count++;
	snprintf(s->action, sizeof s->action, "%s", l->row.action);
	snprintf(s->summary, sizeof s->summary, "%s", l->row.summary ? l->row.summary : "");
	return 0;
}

static seen events(void)
{
	seen s = { 0 };
	assert_int_equal(testdb_events(d, see, &s), 0);
	return s;
}

static void test_programme_edit(void **state)
{
	(void)state;
	store_err se = { 0 };
	talent_programme p = { .enterprise_id = ent, .kind = TALENT_PROG_ORDER,
		.school = xstrdup("南昌职业大学"), .name = xstrdup("电子装配订单班"), .places = 40,
		.start = testcal_day("2026-09-01"), .end = DATE_NONE };
	int64_t id = 0;
	assert_int_equal(talent_store_add_programme(d, "test", &p, &id, &se), 0);
	talent_programme_clear(&p);

	talent_programme was = { 0 }, now = { 0 };
	assert_int_equal(talent_store_get_programme(d, id, &was, &se), 0);
	assert_string_equal(was.enterprise, "江西星火新材料有限公司");
	now = (talent_programme){ .id = id, .enterprise_id = ent, .kind = TALENT_PROG_NAMED,
		.school = xstrdup(was.school), .name = xstrdup(was.name), .places = 45,
		.start = was.start, .end = testcal_day("2027-06-30") };
	int before = events().count;
	assert_int_equal(talent_store_edit_programme(d, "test", &was, &now, "places=40→45", &se), 0);
	seen s = events();
	assert_int_equal(s.count, before + 1);
	assert_string_equal(s.action, "talent.programme.edit");
	assert_string_equal(s.summary, "programme=1 places=40→45");
	talent_programme got = { 0 };
	assert_int_equal(talent_store_get_programme(d, id, &got, &se), 0);
	assert_int_equal(got.kind, TALENT_PROG_NAMED);
	assert_int_equal(got.places, 45);
	assert_int_equal(got.end, testcal_day("2027-06-30"));

	/* the same edit again over the row as first read: it changed meanwhile */
	memset(&se, 0, sizeof se);
	now.places = 50;
	assert_int_equal(talent_store_edit_programme(d, "test", &was, &now, "places=40→50", &se), 1);
	assert_int_equal(se.code, STORE_E_PROGRAMME_CHANGED);
	assert_int_equal(se.num[0], id);
	assert_int_equal(events().count, before + 1);
	talent_programme_clear(&got);
	assert_int_equal(talent_store_get_programme(d, id, &got, &se), 0);
	assert_int_equal(got.places, 45);
	/* over no such row */
	was.id = id + 99;
	memset(&se, 0, sizeof se);
	assert_int_equal(talent_store_edit_programme(d, "test", &was, &now, "x", &se), 1);
	assert_int_equal(se.code, STORE_E_PROGRAMME_CHANGED);
	assert_int_equal(events().count, before + 1);
	talent_programme_clear(&got);
	talent_programme_clear(&was);
	talent_programme_clear(&now);
}

static void test_request_move(void **state)
{
	(void)state;
	store_err se = { 0 };
	talent_request r = { .enterprise_id = ent, .kind = xstrdup("housing"),
		.person = xstrdup("张伟"), .detail = xstrdup(""), .unit = xstrdup("区组织部") };
	int64_t id = 0;
	assert_int_equal(talent_store_add_request(d, "test", &r, &id, &se), 0);
	talent_request_clear(&r);
	int before = events().count;
	assert_int_equal(talent_store_move(d, "test", id, TALENT_RECEIVED, TALENT_HANDLING, "", &se),
	                 0);
	assert_int_equal(events().count, before + 1);
	/* moved from received again: it is handling by now */
	memset(&se, 0, sizeof se);
	assert_int_equal(talent_store_move(d, "test", id, TALENT_RECEIVED, TALENT_DONE, "", &se), 1);
	assert_int_equal(se.code, STORE_E_TALENT_CHANGED);
	assert_int_equal(se.num[0], id);
	assert_int_equal(events().count, before + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_programme_edit),
		cmocka_unit_test(test_request_move),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
