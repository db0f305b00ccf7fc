/* Reading a list by key past a row when a column of its order may be NULL
 * (store/keyset.c): the index ranges, in list order, for each order of the
 * Appeals list, forwards and backwards, from an end or from a row with and
 * without NULLs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "store/keyset.h"

/* a segment as text: "eq:col:cmp", cmp one of A(ll) >(after) N(is null) V(has a value) */
static void show(const ks_seg *s, int n, char *out, size_t size)
{
	static const char cmp[] = { 'A', '>', 'N', 'V' };
	size_t at = 0;
	out[0] = '\0';
	for (int i = 0; i < n && at < size; i++)
		at += (size_t)snprintf(out + at, size - at, "%s%d:%d:%c", i ? " " : "", s[i].eq,
		                       s[i].col, cmp[s[i].cmp]);
}

static void test_segments(void **state)
{
	(void)state;
	static const ks_nulls id[] = { KS_NOT_NULL };
	static const ks_nulls due[] = { KS_NULLS_LAST, KS_NOT_NULL };
	static const ks_nulls st[] = { KS_NOT_NULL, KS_NULLS_FIRST, KS_NOT_NULL };
	static const ks_nulls unit[] = { KS_NULLS_FIRST, KS_NOT_NULL, KS_NOT_NULL };
	static const bool none[] = { false, false, false };
	static const bool first[] = { true, false, false };
	static const bool second[] = { false, true, false };
	static const struct {
		const char *what;
		const ks_nulls *nulls;
		int n;
		const bool *isnull;
		bool rev;
		const char *want;
	} t[] = {
		{ "number, first page", id, 1, NULL, false, "0:0:A" },
		{ "number, next page", id, 1, none, false, "0:0:>" },
		{ "number, page up", id, 1, none, true, "0:0:>" },
		/* the due order: deadlines first by date, then the rest by number */
		{ "due, first page", due, 2, NULL, false, "0:0:V 0:0:N" },
		{ "due, End (from the last row back)", due, 2, NULL, true, "0:0:N 0:0:V" },
		{ "due, down from a deadline", due, 2, none, false, "1:1:> 0:0:> 0:0:N" },
		{ "due, down from no deadline", due, 2, first, false, "1:1:>" },
		{ "due, up from a deadline", due, 2, none, true, "1:1:> 0:0:>" },
		{ "due, up from no deadline", due, 2, first, true, "1:1:> 0:0:V" },
		/* state, then the deadline with SQLite's NULLs first, then number */
		{ "state, down from a deadline", st, 3, none, false, "2:2:> 1:1:> 0:0:>" },
		{ "state, down from no deadline", st, 3, second, false, "2:2:> 1:1:V 0:0:>" },
		{ "state, up from a deadline", st, 3, none, true, "2:2:> 1:1:> 1:1:N 0:0:>" },
		{ "state, up from no deadline", st, 3, second, true, "2:2:> 0:0:>" },
		/* the lead unit, NULL (none yet) first */
		{ "unit, first page", unit, 3, NULL, false, "0:0:N 0:0:V" },
		{ "unit, last page", unit, 3, NULL, true, "0:0:V 0:0:N" },
		{ "unit, down from no unit", unit, 3, first, false, "2:2:> 1:1:> 0:0:V" },
		{ "unit, down from a unit", unit, 3, none, false, "2:2:> 1:1:> 0:0:>" },
		{ "unit, up from a unit", unit, 3, none, true, "2:2:> 1:1:> 0:0:> 0:0:N" },
		{ "unit, up from no unit", unit, 3, first, true, "2:2:> 1:1:>" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ks_seg segs[KS_SEGS_MAX(3)];
		int n = keyset_segments(t[i].nulls, t[i].n, t[i].isnull, t[i].rev, segs);
		assert_true(n <= KS_SEGS_MAX(t[i].n));
		char got[128];
		show(segs, n, got, sizeof got);
		if (strcmp(got, t[i].want) != 0)
			fail_msg("%s: got \"%s\", want \"%s\"", t[i].what, got, t[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_segments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
