/* "Did you mean …?": the distance and the choice of the meant word, as tables of what
 * people mistype at the command line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/suggest.h"

static void test_distance(void **state)
{
	(void)state;
	static const struct { const char *a, *b; int d; } t[] = {
		{ "", "", 0 },
		{ "appeal", "appeal", 0 },
		{ "", "list", 4 },
		{ "list", "", 4 },
		{ "apeal", "appeal", 1 },		/* a letter left out */
		{ "appeall", "appeal", 1 },		/* one too many */
		{ "serch", "search", 1 },
		{ "lsit", "list", 1 },			/* two neighbours swapped: one edit */
		{ "dispacth", "dispatch", 1 },
		{ "APPEAL", "appeal", 0 },		/* ASCII case does not count */
		{ "Enterprise", "enterprise", 0 },
		{ "kitten", "sitting", 3 },
		{ "ca", "abc", 3 },			/* a swap is not edited again */
		{ "区科经局", "区科经局", 0 },		/* code points, not bytes */
		{ "区科局", "区科经局", 1 },
		{ "区科经局", "区建管局", 2 },
		{ "a\xff" "b", "ab", 1 },		/* a bad byte is one code point */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int d = suggest_distance(t[i].a, t[i].b);
		if (d != t[i].d)
			fail_msg("distance(%s, %s) = %d, want %d", t[i].a, t[i].b, d, t[i].d);
	}
}

static void test_word(void **state)
{
	(void)state;
	static const char *const commands[] = {
		"workday", "uscc", "init", "staff", "check", "backup", "enterprise", "rating",
		"quarter", "report", "demo", "config", "inspect", "calendar", "holiday",
		"financing", "pool", "visit", "warning", "appeal", "remind", "help",
	};
	static const char *const list_opts[] = {
		"state", "unit", "light", "overdue", "level", "enterprise", "view", "search",
		"sort", "desc", "format", "help",
	};
	static const char *const move_opts[] = { "unit", "related", "until", "version", "help" };
	static const char *const subs[] = { "new", "show", "list", "views", "sheet", "dispatch",
		"sign", "return", "extend", "answer", "callback", "close", "withdraw", "merge" };
	#define C(a) a, sizeof a / sizeof a[0]
	static const struct {
		const char *word;
		const char *const *cands;
		size_t n;
		const char *want;   /* NULL: no suggestion */
	} t[] = {
		{ "apeal", C(commands), "appeal" },
		{ "appeals", C(commands), "appeal" },
		{ "enterprize", C(commands), "enterprise" },
		{ "calender", C(commands), "calendar" },
		{ "hlep", C(commands), "help" },
		{ "Report", C(commands), "report" },
		{ "ent", C(commands), "enterprise" },	/* the beginning of one */
		{ "fin", C(commands), "financing" },
		{ "re", C(commands), "report" },	/* begins two: the earlier wins */
		{ "frobnicate", C(commands), NULL },
		{ "x", C(commands), NULL },
		{ "ls", C(commands), NULL },
		{ "", C(commands), NULL },
		{ "企业", C(commands), NULL },
		{ "serch", C(list_opts), "search" },
		{ "stat", C(list_opts), "state" },
		{ "formt", C(list_opts), "format" },
		{ "overdu", C(list_opts), "overdue" },
		{ "lights", C(list_opts), "light" },
		{ "colour", C(list_opts), NULL },
		{ "reason", C(move_opts), NULL },	/* three edits from version: too many */
		{ "reasons", C(move_opts), NULL },
		{ "untill", C(move_opts), "until" },
		{ "lsit", C(subs), "list" },
		{ "dispach", C(subs), "dispatch" },
		{ "withdrew", C(subs), "withdraw" },
		{ "nwe", C(subs), "new" },
		{ "shw", C(subs), "show" },
		{ "frobnicate", C(subs), NULL },
		{ "xyz", C(subs), NULL },
		{ "apeal", NULL, 0, NULL },
	};
	#undef C
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int k = suggest_word(t[i].word, t[i].cands, t[i].n);
		const char *got = k < 0 ? NULL : t[i].cands[k];
		if ((got == NULL) != (t[i].want == NULL) ||
		    (got && strcmp(got, t[i].want) != 0))
			fail_msg("suggest(%s) = %s, want %s", t[i].word, got ? got : "(none)",
			         t[i].want ? t[i].want : "(none)");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_word),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
