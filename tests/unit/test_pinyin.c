/* Pinyin readings from the generated Unihan table and the index form built from
 * them: polyphonic characters give every reading, non-Han text folds or drops, and
 * the variant cap holds for long names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"

/* whether word occurs in the space-separated index form as a whole word */
static int has_word(const char *form, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = form; (p = strstr(p, word)) != NULL; p++)
		if ((p == form || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

static int count_words(const char *form)
{
	int n = 0;
	for (const char *p = form; *p; p++)
		if (*p != ' ' && (p == form || p[-1] == ' '))
			n++;
	return n;
}

static void test_readings(void **state)
{
	(void)state;
	/* customary reading first (kMandarin), then the other modern ones */
	static const struct { uint32_t cp; const char *r[4]; } t[] = {
		{ 0x91CD, { "zhong", "chong" } },		/* 重 */
		{ 0x884C, { "xing", "hang", "heng" } },	/* 行 */
		{ 0x957F, { "zhang", "chang" } },		/* 长 */
		{ 0x4E50, { "le", "yue" } },			/* 乐 */
		{ 0x94F6, { "yin" } },				/* 银 */
		{ 0x534E, { "hua" } },				/* 华 */
		{ 0x52E4, { "qin" } },				/* 勤 */
		{ 0x5730, { "de", "di" } },			/* 地 */
		{ 0x7EFF, { "lv", "lu" } },			/* 绿: lǜ, lù */
		{ 0x5973, { "nv" } },				/* 女: ü as v, no "nu" alias */
		{ 0x7565, { "lve", "lue" } },			/* 略: lüe also as lue */
		{ 0x55EF, { "n", "ng" } },			/* 嗯 */
		{ 0x4E00, { "yi" } },				/* 一, first of the URO block */
		{ 0x3400, { "qiu" } },				/* 㐀, Extension A */
		{ 0x80FD, { "neng" } },				/* 能: no classical tái, xióng */
		{ 0x6280, { "ji" } },				/* 技: no classical qí */
		{ 0x80DC, { "sheng" } },			/* 胜: no classical qìng */
		{ 'A', { NULL } },
		{ 0x3000, { NULL } },
		{ 0xFF21, { NULL } },				/* Ａ */
		{ 0x1F600, { NULL } },				/* 😀 */
		{ 0, { NULL } },
		{ 0x110000, { NULL } },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *out[PINYIN_MAX_READINGS];
		int want = 0;
		while (want < 4 && t[i].r[want])
			want++;
		int n = pinyin_readings(t[i].cp, out, PINYIN_MAX_READINGS);
		assert_int_equal(n, want);
		for (int k = 0; k < n; k++)
			assert_string_equal(out[k], t[i].r[k]);
	}
}

static void test_readings_max(void **state)
{
	(void)state;
	const char *out[PINYIN_MAX_READINGS] = { NULL };
	assert_int_equal(pinyin_readings(0x884C, out, 1), 1);
	assert_string_equal(out[0], "xing");
	assert_null(out[1]);
	assert_int_equal(pinyin_readings(0x884C, out, 0), 0);
	assert_int_equal(pinyin_readings(0x884C, out, -1), 0);
}

static void test_index_form_exact(void **state)
{
	(void)state;
	static const struct { const char *name, *form; } t[] = {
		{ "重庆", "zq cq zhongqing chongqing" },
		{ "ABC科技", "abckj abckeji" },
		{ "ＡＢＣ１２３", "abc123" },
		{ "IBM", "ibm" },				/* no Han: one form, not two */
		{ "阿", "a e" },				/* one-letter readings: likewise */
		{ "银", "y yin" },
		{ "", "" },
		{ "！？…😀", "" },
		{ "😀华勤-A·B🇨🇳", "hqab huaqinab" },
		{ "华勤（南昌）😀有限公司!",
		  "hqncyxgs huaqinnanchangyouxiangongsi huaqinnachangyouxiangongsi" },
		{ "\xff\xfe", "" },				/* invalid UTF-8 dropped */
		{ "\xff华", "h hua" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *f = pinyin_index_form(t[i].name);
		assert_string_equal(f, t[i].form);
		free(f);
	}
}

static void test_index_form_words(void **state)
{
	(void)state;
	static const struct { const char *name, *words[5]; } t[] = {
		{ "华勤技术", { "hqjs", "huaqinjishu" } },
		{ "重庆", { "cq", "zq", "chongqing", "zhongqing" } },
		{ "长沙", { "cs", "zs", "changsha", "zhangsha" } },
		{ "银行", { "yh", "yx", "yinhang", "yinxing" } },
		{ "乐山", { "ls", "ys", "leshan", "yueshan" } },
		{ "中国银行南昌分行", { "zgyhncfh", "zgyxncfx", "zhongguoyinhangnanchangfenhang" } },
		{ "绿色", { "ls", "lvse", "luse" } },
		{ "西安", { "xa", "xian" } },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *f = pinyin_index_form(t[i].name);
		for (size_t k = 0; k < 5 && t[i].words[k]; k++)
			if (!has_word(f, t[i].words[k]))
				fail_msg("%s: \"%s\" lacks %s", t[i].name, f, t[i].words[k]);
		free(f);
	}
}

/* six characters of two readings each would be 64 variants per form */
static void test_cap(void **state)
{
	(void)state;
	char *f = pinyin_index_form("重重重重重重");
	assert_int_equal(count_words(f), 2 * PINYIN_MAX_VARIANTS);
	/* the earliest characters vary, the later ones keep the customary reading */
	assert_true(has_word(f, "zzzzzz"));
	assert_true(has_word(f, "cccczz"));
	assert_false(has_word(f, "zzzzzc"));
	assert_true(has_word(f, "chongchongchongchongzhongzhong"));
	assert_false(has_word(f, "zhongzhongzhongzhongzhongchong"));
	/* and no word twice */
	char *copy = strdup(f), *save = NULL;
	const char *words[2 * PINYIN_MAX_VARIANTS];
	int n = 0;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		for (int k = 0; k < n; k++)
			assert_string_not_equal(words[k], w);
		words[n++] = w;
	}
	free(copy);
	free(f);
}

static void test_long_name(void **state)
{
	(void)state;
	char name[60 * 3 + 1] = "";
	for (int i = 0; i < 15; i++)
		strcat(name, "行长乐重");
	char *f = pinyin_index_form(name);
	assert_true(count_words(f) <= 2 * PINYIN_MAX_VARIANTS);
	/* 32 words of at most 60 syllables of at most 6 letters, plus separators */
	assert_true(strlen(f) < 2 * PINYIN_MAX_VARIANTS * (60 * 6 + 1));
	assert_true(strncmp(f, "xzlz", 4) == 0);
	assert_true(has_word(f, "hangzhanglezhong" "xingzhanglezhong" "xingzhanglezhong"
	    "xingzhanglezhong" "xingzhanglezhong" "xingzhanglezhong" "xingzhanglezhong"
	    "xingzhanglezhong" "xingzhanglezhong" "xingzhanglezhong" "xingzhanglezhong"
	    "xingzhanglezhong" "xingzhanglezhong" "xingzhanglezhong" "xingzhanglezhong"));
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readings),
		cmocka_unit_test(test_readings_max),
		cmocka_unit_test(test_index_form_exact),
		cmocka_unit_test(test_index_form_words),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_long_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
