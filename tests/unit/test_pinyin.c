/* Pinyin readings from the generated Unihan table, the beginnings of syllables, and
 * the index form and query keys built from them: polyphonic characters give every
 * combination of initials, non-Han text folds or drops, and a long name's form
 * stays linear in its length. (The matching rule itself: test_search.c.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "core/search.h"

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

/* the index form with SEARCH_PAD shown as '.' */
static char *shown(const char *form)
{
	char *s = strdup(form);
	for (char *p = s; *p; p++)
		if (*p == SEARCH_PAD)
			*p = '.';
	return s;
}

static void test_index_form_exact(void **state)
{
	(void)state;
	/* customary initials, the other three-neighbour combinations, then each initial
	 * and each neighbouring pair padded: keys of a trigram index */
	static const struct { const char *name, *form; } t[] = {
		{ "华勤", "hq.h..q..hq." },
		{ "重庆", "zq.z..c..q..zq.cq." },			/* zhong or chong */
		{ "银行", "yx.y..x..h..yx.yh." },			/* xing or hang (heng) */
		{ "阿", "a.a..e.." },
		{ "ABC科技", "abckj.a..b..c..k..j..ab.bc.ck.kj." },
		{ "ＡＢＣ１２３", "abc123.a..b..c..1..2..3..ab.bc.c1.12.23." },
		{ "华华华", "hhh.h..hh." },				/* each key once */
		{ "行长乐", "xzl.hzl.xcl.hcl.xzy.hzy.xcy.hcy.x..h..z..c..l..y..xz.hz.xc.hc.zl.cl.zy.cy." },
		{ "", "" },
		{ "！？…😀", "" },
		{ "😀华勤-A·B🇨🇳", "hqab.h..q..a..b..hq.qa.ab." },
		{ "\xff\xfe", "" },				/* invalid UTF-8 dropped */
		{ "\xff华", "h.h.." },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *f = pinyin_index_form(t[i].name), *s = shown(f);
		if (strcmp(s, t[i].form) != 0)
			fail_msg("%s: \"%s\", want \"%s\"", t[i].name, s, t[i].form);
		free(s);
		free(f);
	}
}

/* a long name of polyphones stays linear: no variant of the whole name is written */
static void test_long_name(void **state)
{
	(void)state;
	char name[60 * 3 + 1] = "";
	for (int i = 0; i < 15; i++)
		strcat(name, "行长乐重");
	char *f = pinyin_index_form(name);
	/* 60 initials, at most 7 other combinations of 3 (4 bytes each) per window, 6
	 * initials and 4 pairs per neighbourhood: bounded by the name's length */
	assert_true(strlen(f) < 60 * (1 + 7 * 4 + 6 * 3 + 4 * 3));
	assert_true(strncmp(f, "xzlz", 4) == 0);
	free(f);
}

static void test_syllable_prefix(void **state)
{
	(void)state;
	static const struct { const char *s; bool yes; } t[] = {
		{ "a", true }, { "zhuang", true }, { "zhuan", true }, { "zh", true },
		{ "hua", true }, { "qin", true }, { "lv", true }, { "lve", true }, { "ng", true },
		{ "ua", false }, { "zhuangg", false }, { "i", false }, { "u", false },
		{ "v", false }, { "qa", false }, { "zzz", false }, { "", false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (pinyin_syllable_prefix(t[i].s, strlen(t[i].s)) != t[i].yes)
			fail_msg("\"%s\": want %s", t[i].s, t[i].yes ? "a beginning" : "none");
}

static void test_query_keys(void **state)
{
	(void)state;
	/* the initials of the first three pieces of every way to split the query */
	static const struct { const char *q, *keys; } t[] = {
		{ "hqjs", "hqj" },
		{ "h", "h.." },
		{ "hq", "hq." },
		{ "nw", "nw." },				/* nw is no syllable's beginning */
		{ "hua", "hua ha. h.." },			/* h-u-a, hu-a, hua */
		{ "huaqin", "hua haq hqi hqn hq." },
		{ "huaqjs", "hua haq hqj" },
		{ "58", "58." },
		{ "9136010", "913" },				/* digits are single pieces */
		{ "3m", "3m." },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char keys[PINYIN_MAX_KEYS][PINYIN_KEY_LEN + 1];
		int n = pinyin_query_keys(t[i].q, keys, PINYIN_MAX_KEYS);
		char got[PINYIN_MAX_KEYS * (PINYIN_KEY_LEN + 1) + 1] = "";
		for (int k = 0; k < n; k++) {
			char *s = shown(keys[k]);
			if (k)
				strcat(got, " ");
			strcat(got, s);
			free(s);
		}
		if (strcmp(got, t[i].keys) != 0)
			fail_msg("\"%s\": keys \"%s\", want \"%s\"", t[i].q, got, t[i].keys);
	}
	/* the longest query keeps within PINYIN_MAX_KEYS */
	char keys[PINYIN_MAX_KEYS][PINYIN_KEY_LEN + 1];
	assert_true(pinyin_query_keys("zhuangzhuangzhuang", keys, PINYIN_MAX_KEYS) < PINYIN_MAX_KEYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readings),
		cmocka_unit_test(test_readings_max),
		cmocka_unit_test(test_index_form_exact),
		cmocka_unit_test(test_long_name),
		cmocka_unit_test(test_syllable_prefix),
		cmocka_unit_test(test_query_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
