/* Where a person's files go: the documents folder read from user-dirs.dirs ($HOME
 * expanded, relative values ignored), and a file name that never replaces a file
 * already there (name, name-2, name-3 …). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"

static void test_user_dirs(void **state)
{
	(void)state;
	static const char text[] =
		"# This file is written by xdg-user-dirs-update\n"
		"XDG_DESKTOP_DIR=\"$HOME/桌面\"\n"
		"XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n"
		"XDG_MUSIC_DIR=\"/srv/music\"\n"
		"XDG_VIDEOS_DIR=\"videos\"\n"
		"XDG_PICTURES_DIR=\"$HOMEX/p\"\n";
	static const struct { const char *key, *want; } t[] = {
		{ "XDG_DOCUMENTS_DIR", "/home/wang/文档" },
		{ "XDG_DESKTOP_DIR", "/home/wang/桌面" },
		{ "XDG_MUSIC_DIR", "/srv/music" },
		{ "XDG_VIDEOS_DIR", NULL },     /* relative: ignored, as the spec says */
		{ "XDG_PICTURES_DIR", NULL },   /* $HOMEX is not $HOME */
		{ "XDG_DOWNLOAD_DIR", NULL },
		{ "XDG_DOCUMENTS", NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *got = paths_user_dirs_value(text, t[i].key, "/home/wang");
		if (t[i].want)
			assert_string_equal(got, t[i].want);
		else
			assert_null(got);
		free(got);
	}
	assert_null(paths_user_dirs_value("XDG_DOCUMENTS_DIR=\"$HOME/文档\"", "XDG_DOCUMENTS_DIR",
	                                  NULL));
}

static void touch(const char *p)
{
	FILE *fp = fopen(p, "w");
	assert_non_null(fp);
	fclose(fp);
}

static void test_unused(void **state)
{
	(void)state;
	char dir[] = "/tmp/qifu-paths-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char want[128], file[128];
	char *p = paths_unused(dir, "交办单-2026-000001.txt");
	snprintf(want, sizeof want, "%s/交办单-2026-000001.txt", dir);
	assert_string_equal(p, want);
	touch(p);
	free(p);
	p = paths_unused(dir, "交办单-2026-000001.txt");
	snprintf(want, sizeof want, "%s/交办单-2026-000001-2.txt", dir);
	assert_string_equal(p, want);
	touch(p);
	free(p);
	p = paths_unused(dir, "交办单-2026-000001.txt");
	snprintf(want, sizeof want, "%s/交办单-2026-000001-3.txt", dir);
	assert_string_equal(p, want);
	free(p);
	/* no extension, and a folder given with its slash */
	snprintf(file, sizeof file, "%s/", dir);
	p = paths_unused(file, "sheet");
	snprintf(want, sizeof want, "%s/sheet", dir);
	assert_string_equal(p, want);
	free(p);
	/* not a folder, or no such folder */
	snprintf(file, sizeof file, "%s/交办单-2026-000001.txt", dir);
	assert_null(paths_unused(file, "x.txt"));
	snprintf(file, sizeof file, "%s/nowhere", dir);
	assert_null(paths_unused(file, "x.txt"));
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_documents_env(void **state)
{
	(void)state;
	setenv("XDG_DOCUMENTS_DIR", "/srv/docs", 1);
	char *d = paths_documents_dir();
	assert_string_equal(d, "/srv/docs");
	free(d);
	/* relative: ignored; with no config and no such folders, the home */
	setenv("XDG_DOCUMENTS_DIR", "docs", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	setenv("HOME", "/nonexistent-home", 1);
	d = paths_documents_dir();
	assert_string_equal(d, "/nonexistent-home");
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_user_dirs),
		cmocka_unit_test(test_unused),
		cmocka_unit_test(test_documents_env),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
