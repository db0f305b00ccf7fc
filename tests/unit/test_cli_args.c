/* What the command line decides about its arguments before it prints: which required
 * options are missing, in the order the subcommand names them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cli/cli_args.h"

static void test_missing(void **state)
{
	(void)state;
	static const struct {
		const char *required;
		const char *given[4];
		int n;
		const char *missing;
	} t[] = {
		{ "--enterprise --title --kind --channel", { "title", "kind", "channel" }, 1,
		  "--enterprise" },
		{ "--enterprise --title --kind --channel", { NULL }, 4,
		  "--enterprise, --title, --kind, --channel" },
		{ "--enterprise --title", { "title", "enterprise" }, 0, "" },
		{ "--from --to", { "from", "format" }, 1, "--to" },
		/* a given option is matched whole, not as the beginning of another */
		{ "--date", { "date-from" }, 1, "--date" },
		{ "--unit", { "units", "uni" }, 1, "--unit" },
		/* spaces anywhere, the dashes optional */
		{ "  --reason   until ", { "until" }, 1, "--reason" },
		{ "", { "unit" }, 0, "" },
		{ "--reason --text", { "help", "version" }, 2, "--reason, --text" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t ngiven = 0;
		while (ngiven < 4 && t[i].given[ngiven])
			ngiven++;
		strbuf out = STRBUF_INIT;
		int n = cli_missing(t[i].required, t[i].given, ngiven, &out);
		if (n != t[i].n || strcmp(sb_str(&out), t[i].missing) != 0)
			fail_msg("missing(%s) = %d '%s', want %d '%s'", t[i].required, n, sb_str(&out),
			         t[i].n, t[i].missing);
		sb_free(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
