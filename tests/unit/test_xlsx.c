/* xlsx export: the written file is a zip whose sheet check_xlsx.py inspects (codes
 * as strings, frozen header, autofilter, widths, print setup); an aborted or failed
 * export leaves an existing file alone. Built only with libxlsxwriter.
 * Usage: test_xlsx PYTHON check_xlsx.py */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "core/xlsx.h"

static char tmpdir[] = "/tmp/qifu-test-xlsx-XXXXXX";
static const char *python, *checker;

static const xlsx_col cols[] = {
	{ "企业名称", XLSX_TEXT },
	{ "统一社会信用代码", XLSX_CODE },
	{ "联系电话", XLSX_CODE },
	{ "注册资本（万元）", XLSX_NUMBER },
};

static const char *const rows[][4] = {
	{ "华勤技术股份有限公司", "914403001922038216", "07918888888", "1200.5" },
	{ "某某\"新能源\"有限公司", "91440300708461136T", "+8613800138000", "待定" },
	{ "=1+1", "012345678901234567", "", "-3" },
	{ "坏\xFF字节\x01", NULL, NULL, NULL },
};

static int write_sample(const char *path, bool commit, strbuf *err)
{
	xlsx_table *t = xlsx_open(path, "企业名单 导出于 2026-12-01 09:30", 4, cols, err);
	if (!t)
		return -1;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		assert_int_equal(xlsx_row(t, rows[i]), 0);
	int rc = xlsx_close(&t, commit, err);
	assert_null(t);
	return rc;
}

static void test_written_file(void **state)
{
	(void)state;
	assert_true(xlsx_available());
	char *path = xasprintf("%s/企业.xlsx", tmpdir);
	char *tmp = xasprintf("%s.tmp", path);
	strbuf err = STRBUF_INIT;
	if (write_sample(path, true, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_int_equal(access(tmp, F_OK), -1);

	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char magic[4];
	assert_int_equal(fread(magic, 1, 4, fp), 4);
	fclose(fp);
	assert_memory_equal(magic, "PK\x03\x04", 4);

	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		execl(python, python, checker, path, (char *)NULL);
		_exit(127);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);

	unlink(path);
	free(path);
	free(tmp);
	sb_free(&err);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	strbuf b = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_addn(&b, buf, n);
	fclose(fp);
	return sb_steal(&b);
}

static void test_abort_keeps_old_file(void **state)
{
	(void)state;
	char *path = xasprintf("%s/old.xlsx", tmpdir);
	char *tmp = xasprintf("%s.tmp", path);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("the previous export", fp);
	fclose(fp);
	strbuf err = STRBUF_INIT;

	assert_int_equal(write_sample(path, false, &err), 0);
	char *got = slurp(path);
	assert_string_equal(got, "the previous export");
	free(got);
	assert_int_equal(access(tmp, F_OK), -1);
	assert_string_equal(sb_str(&err), "");

	/* A row that cannot be stored (over Excel's 32767 characters a cell) fails the
	 * row, and then the close, without touching the old file. */
	xlsx_table *t = xlsx_open(path, "标题", 4, cols, &err);
	assert_non_null(t);
	char *huge = xmalloc(40000);
	memset(huge, 'x', 39999);
	huge[39999] = '\0';
	const char *bad[] = { huge, "1", "2", "3" };
	assert_int_equal(xlsx_row(t, bad), -1);
	assert_int_equal(xlsx_row(t, rows[0]), -1);
	assert_int_equal(xlsx_close(&t, true, &err), -1);
	assert_non_null(strstr(sb_str(&err), "row 3, column 1: "));
	got = slurp(path);
	assert_string_equal(got, "the previous export");
	free(got);
	assert_int_equal(access(tmp, F_OK), -1);
	free(huge);

	sb_reset(&err);
	char *nodir = xasprintf("%s/no/such/x.xlsx", tmpdir);
	assert_null(xlsx_open(nodir, "标题", 4, cols, &err));
	char *want = xasprintf("%s.tmp: cannot create: No such file or directory", nodir);
	assert_string_equal(sb_str(&err), want);
	free(want);
	free(nodir);

	unlink(path);
	free(path);
	free(tmp);
	sb_free(&err);
}

/* A second sheet with a chart of its rows, written whole; a sheet Excel cannot name
 * fails the workbook with the name, and the old file stays. */
static void test_sheets_and_charts(void **state)
{
	(void)state;
	char *path = xasprintf("%s/charts.xlsx", tmpdir);
	strbuf err = STRBUF_INIT;
	xlsx_table *t = xlsx_open(path, "表", 4, cols, &err);
	assert_non_null(t);
	assert_int_equal(xlsx_row(t, rows[0]), 0);
	const xlsx_col weeks[] = { { "单位", XLSX_TEXT }, { "2026-09-28", XLSX_NUMBER },
		{ "2026-10-05", XLSX_NUMBER } };
	assert_int_equal(xlsx_sheet(t, "每周受理", "每周受理诉求", 3, weeks), 0);
	const char *a[] = { "区科经局", "1", "2" }, *b[] = { "区投促局", "0", "3" };
	assert_int_equal(xlsx_row(t, a), 0);
	assert_int_equal(xlsx_row(t, b), 0);
	assert_int_equal(xlsx_chart(t, XLSX_CHART_COLUMN, "每周受理诉求", "件", 0, 2, 1, 2), 0);
	assert_int_equal(xlsx_chart(t, XLSX_CHART_LINE, "同上", "件", 0, 2, 1, 2), 0);
	/* columns beyond the sheet's draw nothing and are no failure */
	assert_int_equal(xlsx_chart(t, XLSX_CHART_LINE, "x", "y", 0, 2, 1, 5), 0);
	assert_int_equal(xlsx_close(&t, true, &err), 0);
	assert_string_equal(sb_str(&err), "");
	assert_int_equal(access(path, F_OK), 0);

	t = xlsx_open(path, "表", 4, cols, &err);
	assert_non_null(t);
	assert_int_equal(xlsx_sheet(t, "坏[名]", "标题", 3, weeks), -1);
	assert_int_equal(xlsx_row(t, a), -1);
	assert_int_equal(xlsx_close(&t, true, &err), -1);
	assert_non_null(strstr(sb_str(&err), "cannot add the sheet 坏[名]"));
	assert_int_equal(access(path, F_OK), 0);
	unlink(path);
	free(path);
	sb_free(&err);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s PYTHON check_xlsx.py\n", argv[0]);
		return 2;
	}
	python = argv[1];
	checker = argv[2];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_written_file),
		cmocka_unit_test(test_abort_keeps_old_file),
		cmocka_unit_test(test_sheets_and_charts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
