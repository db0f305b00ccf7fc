/* The contact card's choice of the lead unit's contact: an active member with a work
 * phone, the head before the staff before the area officers before the rest, the
 * first login among equals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/card.h"

static void test_contact_pick(void **state)
{
	(void)state;
	static const struct {
		card_person v[4];
		int n, want;
	} rows[] = {
		{ { { "a", "", ROLE_SUPERVISOR, false } }, 1, -1 },          /* no phone */
		{ { { "a", "13800000000", ROLE_SUPERVISOR, true } }, 1, -1 }, /* disabled */
		{ { { "b", "1", ROLE_UNIT_STAFF, false }, { "a", "2", ROLE_SUPERVISOR, false } }, 2, 1 },
		{ { { "b", "1", ROLE_UNIT_STAFF, false }, { "a", "2", ROLE_UNIT_STAFF, false } }, 2, 1 },
		{ { { "a", "", ROLE_SUPERVISOR, false }, { "b", "1", ROLE_UNIT_STAFF, false } }, 2, 1 },
		{ { { "a", "1", ROLE_FRONTDESK, false }, { "b", "1", ROLE_AREA_OFFICER, false } }, 2, 1 },
		{ { { "a", "1", ROLE_AREA_OFFICER, false }, { "b", "1", ROLE_UNIT_STAFF, false },
		    { "c", "1", ROLE_SUPERVISOR, true } }, 3, 1 },
		{ { { "a", "1", ROLE_LEADER, false } }, 1, 0 },
		{ { { 0 } }, 0, -1 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int got = card_contact_pick(rows[i].v, rows[i].n);
		if (got != rows[i].want)
			fail_msg("row %zu: got %d, want %d", i, got, rows[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contact_pick),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
