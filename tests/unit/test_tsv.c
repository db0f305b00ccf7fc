/* tsv_load, the one loader behind the data tables: what it hands the table's add
 * function, how it counts, and how read errors, add's refusals and a missing file
 * come back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/tsv.h"

/* a table that joins what it is handed, and refuses a first field "bad" */
typedef struct seen {
	strbuf rows;
	int calls;
} seen;

static int add_seen(void *table, const tsv_file *f, char **v, strbuf *err)
{
	seen *s = table;
	s->calls++;
	if (strcmp(v[0], "bad") == 0) {
		sb_addf(err, "%s:%d: bad row", tsv_path(f), tsv_line(f));
		return -1;
	}
	sb_addf(&s->rows, "%s%s=%s", s->calls > 1 ? "," : "", v[0], v[1]);
	return 0;
}

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/qifu-tsv-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void test_load(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int want_rc;        /* records kept, or -1 */
		int want_calls;     /* how often add ran */
		const char *rows;   /* what add kept */
		const char *err;    /* in err when want_rc is -1 */
	} t[] = {
		{ "a\t1\nb\t2\n", 2, 2, "a=1,b=2", NULL },
		{ "# header\n\na\t1\n# note\nb\t2\n", 2, 2, "a=1,b=2", NULL },
		{ "# only a comment\n", 0, 0, "", NULL },
		{ "", 0, 0, "", NULL },
		{ "\xef\xbb\xbf" "a\t1\r\n", 1, 1, "a=1", NULL },
		/* add's refusal stops the reading; what it kept before stays */
		{ "a\t1\nbad\t2\nc\t3\n", -1, 2, "a=1", ":2: bad row" },
		/* a record of the wrong width never reaches add */
		{ "a\t1\nb\n", -1, 1, "a=1", ":2: expected 2 fields separated by TAB, found 1" },
		{ "a\t1\tx\n", -1, 0, "", ":1: expected 2 fields" },
		{ "a\t\xff\n", -1, 0, "", ":1: not valid UTF-8" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *path = write_temp(t[i].text);
		seen s = { STRBUF_INIT, 0 };
		strbuf err = STRBUF_INIT;
		int rc = tsv_load(path, 2, add_seen, &s, &err);
		unlink(path);
		if (rc != t[i].want_rc || s.calls != t[i].want_calls ||
		    strcmp(sb_str(&s.rows), t[i].rows) != 0)
			fail_msg("case %zu: rc %d calls %d rows '%s', want %d %d '%s'", i, rc, s.calls,
			         sb_str(&s.rows), t[i].want_rc, t[i].want_calls, t[i].rows);
		if (t[i].err && (!strstr(sb_str(&err), t[i].err) || !strstr(sb_str(&err), path)))
			fail_msg("case %zu: err '%s', want '%s' after the path", i, sb_str(&err), t[i].err);
		if (!t[i].err && sb_str(&err)[0])
			fail_msg("case %zu: unexpected err '%s'", i, sb_str(&err));
		free(path);
		sb_free(&s.rows);
		sb_free(&err);
	}
}

static void test_missing_file(void **state)
{
	(void)state;
	seen s = { STRBUF_INIT, 0 };
	strbuf err = STRBUF_INIT;
	assert_int_equal(tsv_load("/nonexistent/qifu.tsv", 2, add_seen, &s, &err), -1);
	assert_int_equal(s.calls, 0);
	assert_non_null(strstr(sb_str(&err), "/nonexistent/qifu.tsv: "));
	sb_free(&s.rows);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
