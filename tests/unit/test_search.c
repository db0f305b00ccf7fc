/* Query folding, classification and the in-memory matcher: the same semantics the
 * store's SQL implements, with the pinyin index form built by pinyin_index_form. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "core/pinyin.h"
#include "core/search.h"

static void test_fold(void **state)
{
	(void)state;
	static const struct { const char *in, *out; } t[] = {
		{ "ＨＱＪＳ", "hqjs" },
		{ "HuaQin", "huaqin" },
		{ "  Hua   Qin  ", "hua qin" },
		{ "\tＡ\n", "a" },
		{ "华勤　技术", "华勤 技术" },			/* U+3000 */
		{ "　华勤　", "华勤" },
		{ "（南昌）", "(南昌)" },
		{ "９１４４０３", "914403" },
		{ "！～", "!~" },				/* U+FF01 and U+FF5E, the range ends */
		{ "\xef\xbd\x80", "`" },			/* U+FF40 */
		{ "｟", "｟" },				/* U+FF5F, past the range */
		{ "Ä“引号”…①😀", "Ä“引号”…①😀" },		/* no other folding */
		{ "a\xff" "b", "a\xef\xbf\xbd" "b" },		/* invalid byte as U+FFFD */
		{ "", "" },
		{ "   ", "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *f = search_fold(t[i].in);
		assert_string_equal(f, t[i].out);
		free(f);
	}
}

static void test_classify(void **state)
{
	(void)state;
	static const struct { const char *q; search_kind k; } t[] = {
		{ "", SEARCH_EMPTY },
		{ "华", SEARCH_NAME },				/* one character is a query */
		{ "华勤", SEARCH_NAME },
		{ "华q", SEARCH_NAME },
		{ "a&b", SEARCH_NAME },
		{ "(南昌)", SEARCH_NAME },
		{ "'", SEARCH_NAME },
		{ "hq", SEARCH_PINYIN },
		{ "hqjs", SEARCH_PINYIN },
		{ "hua qin", SEARCH_PINYIN },
		{ "xi'an", SEARCH_PINYIN },
		{ "ax", SEARCH_PINYIN },			/* USCC letters, but no digit */
		{ "9", SEARCH_PINYIN },			/* one character: no prefix yet */
		{ "3m", SEARCH_PINYIN },			/* second character is a letter */
		{ "9a", SEARCH_PINYIN },
		{ "914a", SEARCH_PINYIN },			/* region code is digits */
		{ "91i", SEARCH_PINYIN },			/* I is not in the alphabet */
		{ "abc123", SEARCH_PINYIN },
		{ "91", SEARCH_USCC_PREFIX },
		{ "58", SEARCH_USCC_PREFIX },			/* also a name search: 58同城 */
		{ "y1", SEARCH_USCC_PREFIX },
		{ "n2", SEARCH_USCC_PREFIX },
		{ "9144", SEARCH_USCC_PREFIX },
		{ "9144 0300", SEARCH_USCC_PREFIX },
		{ "914403001", SEARCH_USCC_PREFIX },
		{ "91440300708461136t", SEARCH_USCC_PREFIX },
		{ "914403007084611", SEARCH_USCC_PREFIX },
		{ "91440300708461136t1", SEARCH_PINYIN },	/* longer than a USCC */
		{ "91440300s", SEARCH_PINYIN },		/* S is not in the alphabet */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (search_classify(t[i].q) != t[i].k)
			fail_msg("\"%s\": kind %d, want %d", t[i].q, search_classify(t[i].q), t[i].k);
}

static void test_keys(void **state)
{
	(void)state;
	static const struct { const char *q, *compact, *uscc; } t[] = {
		{ "hua qin", "huaqin", "HUAQIN" },
		{ "xi'an", "xian", "XIAN" },
		{ "9144 0300", "91440300", "91440300" },
		{ "91440300708461136t", "91440300708461136t", "91440300708461136T" },
		{ "华勤", "华勤", "华勤" },
		{ "", "", "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *c = search_compact(t[i].q), *u = search_uscc_key(t[i].q);
		assert_string_equal(c, t[i].compact);
		assert_string_equal(u, t[i].uscc);
		free(c);
		free(u);
	}
}

static void test_match_name(void **state)
{
	(void)state;
	/* queries as typed: folded here as the UI and CLI will */
	static const struct { const char *name, *query; bool hit; } t[] = {
		{ "华勤技术", "hqjs", true },
		{ "华勤技术", "huaqin", true },
		{ "华勤技术", "HUAQIN", true },
		{ "华勤技术", "ＨＱＪＳ", true },
		{ "华勤技术", "hq js", true },
		{ "华勤技术", "qinji", true },
		{ "华勤技术", "华勤", true },
		{ "华勤技术", "勤", true },
		{ "华勤技术", "技术", true },
		{ "华勤技术", "  华勤  ", true },
		{ "华勤技术", "", true },
		{ "华勤技术", "华为", false },
		{ "华勤技术", "hqjx", false },
		{ "华勤技术", "jishuhua", false },
		{ "华勤技术", "hqhuaqin", false },		/* never across two words */
		{ "华勤技术", "hq jsh", false },
		{ "重庆钢铁", "cq", true },
		{ "重庆钢铁", "zq", true },
		{ "重庆钢铁", "cqgt", true },
		{ "重庆钢铁", "chongqing", true },
		{ "重庆钢铁", "zhongqinggang", true },
		{ "长沙银行", "cs", true },
		{ "长沙银行", "zs", true },
		{ "长沙银行", "yh", true },
		{ "长沙银行", "yx", true },
		{ "长沙银行", "changshayinhang", true },
		{ "乐山", "ls", true },
		{ "乐山", "ys", true },
		{ "乐山", "yueshan", true },
		{ "西安", "xi'an", true },
		{ "ABC科技", "abc", true },
		{ "ABC科技", "ABC科", true },
		{ "ABC科技", "abck", true },
		{ "ABC科技", "abckeji", true },
		{ "ABC科技", "ａｂｃ", true },
		{ "ＡＢＣ科技", "abc科技", true },		/* the name folds too */
		{ "华勤（南昌）有限公司", "（南昌）", true },
		{ "华勤（南昌）有限公司", "(南昌)", true },
		{ "华勤（南昌）有限公司", "hqncyxgs", true },	/* brackets dropped */
		{ "58同城", "58", true },			/* a USCC-looking query finds names */
		{ "58同城", "58tc", true },
		{ "A1物流", "a1", true },
		{ "“引号”科技①", "“引号”", true },
		{ "“引号”科技①", "yhkj", true },
		{ "绿地集团", "lvdi", true },
		{ "绿地集团", "ludi", true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *q = search_fold(t[i].query);
		char *form = pinyin_index_form(t[i].name);
		if (search_match_name(t[i].name, form, q) != t[i].hit)
			fail_msg("%s / \"%s\" (%s): want %s", t[i].name, t[i].query, form,
			    t[i].hit ? "a match" : "no match");
		free(form);
		free(q);
	}
	/* without an index form only the name itself can match */
	assert_true(search_match_name("华勤技术", NULL, "华勤"));
	assert_false(search_match_name("华勤技术", NULL, "hq"));
}

static void test_match_uscc(void **state)
{
	(void)state;
	static const struct { const char *uscc, *query; bool hit; } t[] = {
		{ "914403001922038216", "91", true },
		{ "914403001922038216", "9144 0300", true },
		{ "914403001922038216", "９１４４", true },
		{ "914403001922038216", "914403001922038216", true },
		{ "91440300708461136T", "91440300708461136t", true },
		{ "91440300708461136T", "91440300708461136T", true },
		{ "914403001922038216", "92", false },
		{ "914403001922038216", "9144030019220382160", false },
		{ "914403001922038216", "hq", false },		/* not a USCC query */
		{ "914403001922038216", "", false },
		{ "914403001922038216", "4403", false },	/* prefixes only */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *q = search_fold(t[i].query);
		if (search_match_uscc(t[i].uscc, q) != t[i].hit)
			fail_msg("%s / \"%s\": want %s", t[i].uscc, t[i].query,
			    t[i].hit ? "a match" : "no match");
		free(q);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_match_name),
		cmocka_unit_test(test_match_uscc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
