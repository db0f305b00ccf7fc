/* Printed sheets: values wrap under themselves at the page width in display columns
 * (Chinese two a character), English between words, a paragraph break starts a new
 * line; titles centre; a sheet is saved to a file or refused with errno. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/sheet.h"
#include "core/text.h"

static void test_hang(void **state)
{
	(void)state;
	/* 72 columns; the rows below spell out where each value must break */
	static const struct {
		const char *label;
		int indent;
		const char *value;
		const char *want;
	} t[] = {
		{ "单位", SHEET_LABEL, "区科经局", "单位              区科经局\n" },
		{ "empty", SHEET_LABEL, "", "empty             \n" },
		{ "none", SHEET_LABEL, NULL, "none              \n" },
		/* 27 Chinese characters = 54 columns fill the room exactly; the 28th moves on */
		{ "事项", SHEET_LABEL,
		  "一二三四五六七八九十一二三四五六七八九十一二三四五六七八",
		  "事项              一二三四五六七八九十一二三四五六七八九十一二三四五六七\n"
		  "                  八\n" },
		/* English breaks at the last space before the edge, without spaces at the ends */
		{ "Request", SHEET_LABEL,
		  "Settle the appeal without further delay and report in writing to the unit",
		  "Request           Settle the appeal without further delay and report in\n"
		  "                  writing to the unit\n" },
		/* a word longer than the room is cut where the room ends */
		{ "1.", 3,
		  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		  "1. aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
		  "   aaaaaaa\n" },
		/* a label that fills its column (18) or more gets a line of its own */
		{ "First-responsible unit", SHEET_LABEL, "区投促局",
		  "First-responsible unit\n                  区投促局\n" },
		{ "一二三四五六七八九", SHEET_LABEL, "甲", "一二三四五六七八九\n                  甲\n" },
		{ "一二三四五六七八", SHEET_LABEL, "甲", "一二三四五六七八  甲\n" },
		/* a newline in the value starts a new line under the first */
		{ "2.", 3, "甲\n乙", "2. 甲\n   乙\n" },
		/* Chinese followed by English: the break may fall after the Chinese */
		{ "3.", 3,
		  "核验：企业可扫描上方二维码，请区企服中心或所在镇（处）核验 qifu inspect verify",
		  "3. 核验：企业可扫描上方二维码，请区企服中心或所在镇（处）核验 qifu\n"
		  "   inspect verify\n" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf out = STRBUF_INIT;
		sheet_hang(&out, t[i].label, t[i].indent, t[i].value);
		if (strcmp(sb_str(&out), t[i].want) != 0)
			fail_msg("row %zu:\n%s---\nwant:\n%s", i, sb_str(&out), t[i].want);
		for (const char *p = sb_str(&out); *p; ) {
			size_t n = strcspn(p, "\n");
			char *line = strndup(p, n);
			assert_true(text_width(line) <= SHEET_WIDTH);
			free(line);
			p += n + (p[n] == '\n');
		}
		sb_free(&out);
	}
}

static void test_head_and_centre(void **state)
{
	(void)state;
	strbuf out = STRBUF_INIT;
	sheet_head(&out, "入企检查告知单", "执法计划码 JC26-000001-D", "打印日期 2026-12-01");
	sheet_centre(&out, "法码同行");
	sheet_sign(&out, "检查单位（盖章）：", "日期：");
	sheet_rule(&out);
	/* (72 - 14) / 2 = 29 columns either side of the title; 72 - 24 - 19 after the
	 * left; (72 - 8) / 2 before 法码同行; the signature's half is 36 columns */
	const char *want =
		"                             入企检查告知单                             \n"
		"执法计划码 JC26-000001-D                             打印日期 2026-12-01\n"
		"                                法码同行\n"
		"检查单位（盖章）：                  日期：\n"
		"------------------------------------------------------------------------\n";
	assert_string_equal(sb_str(&out), want);
	sb_free(&out);
}

static void test_save(void **state)
{
	(void)state;
	char path[] = "/tmp/qifu-sheet-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(sheet_save(path, "甲\n乙\n"), 0);
	char buf[32] = { 0 };
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof buf - 1, f), strlen("甲\n乙\n"));
	fclose(f);
	assert_string_equal(buf, "甲\n乙\n");
	unlink(path);
	errno = 0;
	assert_int_equal(sheet_save("/nonexistent-dir/sheet.txt", "x"), -1);
	assert_int_equal(errno, ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hang),
		cmocka_unit_test(test_head_and_centre),
		cmocka_unit_test(test_save),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
