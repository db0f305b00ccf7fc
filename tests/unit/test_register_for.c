/* Who may register an appeal with another unit first responsible (a problem found on
 * that unit's visit): ticket_may_register_for over roles, units and the centre. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/ticket.h"

#define CENTRE "区企服中心"

static const struct {
	role_t role;
	const char *unit;       /* the actor's */
	const char *for_unit;   /* the first-responsible unit asked for */
	bool allowed;
} cases[] = {
	{ ROLE_UNIT_STAFF, "区科经局", "区科经局", true },
	{ ROLE_UNIT_STAFF, "区投促局", "区科经局", false },
	{ ROLE_AREA_OFFICER, "昌东镇", "昌东镇", true },
	{ ROLE_AREA_OFFICER, "昌东镇", "区科经局", false },
	{ ROLE_FRONTDESK, CENTRE, "区科经局", true },
	{ ROLE_SUPERVISOR, CENTRE, "区科经局", true },
	{ ROLE_FRONTDESK, CENTRE, CENTRE, true },
	/* front desk of a unit that is not the centre does not take in others' appeals */
	{ ROLE_FRONTDESK, "区科经局", "区投促局", false },
	/* a supervisor outside the centre only for their own unit */
	{ ROLE_SUPERVISOR, "区科经局", "区投促局", false },
	{ ROLE_SUPERVISOR, "区科经局", "区科经局", true },
	/* the centre's other roles do not register for other units */
	{ ROLE_LEADER, CENTRE, "区科经局", false },
	{ ROLE_ADMIN, CENTRE, "区科经局", false },
	{ ROLE_UNIT_STAFF, CENTRE, "区科经局", false },
	/* no unit on either side */
	{ ROLE_FRONTDESK, NULL, "区科经局", false },
	{ ROLE_FRONTDESK, "", "区科经局", false },
	{ ROLE_FRONTDESK, CENTRE, NULL, false },
	{ ROLE_FRONTDESK, CENTRE, "", false },
};

static void test_register_for(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ticket_actor who = { cases[i].role, cases[i].unit, CENTRE };
		bool got = ticket_may_register_for(&who, cases[i].for_unit);
		if (got != cases[i].allowed)
			print_error("case %zu: %s (%s) for %s: got %d\n", i, role_code(cases[i].role),
			            cases[i].unit ? cases[i].unit : "(none)",
			            cases[i].for_unit ? cases[i].for_unit : "(none)", got);
		assert_int_equal(got, cases[i].allowed);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register_for),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
