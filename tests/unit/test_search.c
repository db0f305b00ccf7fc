/* Query folding, classification, the matching rule (syllable starts, polyphones,
 * mixes, and the false positives of a plain substring: nw in 润文, haoheng in
 * 兆衡), and the index text and keys through which the store finds the same names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

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

/* the matching rule: Chinese by substring of the folded name, Latin at syllable
 * starts (initials, full pinyin and any mix, every reading of a polyphone) */
static const struct { const char *name, *query; bool hit; } matches[] = {
	{ "华勤技术", "hqjs", true },
	{ "华勤技术", "huaqin", true },
	{ "华勤技术", "huaqinjishu", true },
	{ "华勤技术", "huaqjs", true },			/* a mix: full, then initials */
	{ "华勤技术", "hqinjs", true },
	{ "华勤技术", "hqjish", true },			/* sh begins shu */
	{ "华勤技术", "huqjs", true },			/* a piece is any beginning */
	{ "华勤技术", "HUAQIN", true },
	{ "华勤技术", "ＨＱＪＳ", true },
	{ "华勤技术", "hq js", true },
	{ "华勤技术", "qinji", true },
	{ "华勤技术", "h", true },
	{ "华勤技术", "s", true },
	{ "华勤技术", "华勤", true },
	{ "华勤技术", "勤", true },
	{ "华勤技术", "技术", true },
	{ "华勤技术", "  华勤  ", true },
	{ "华勤技术", "", true },
	{ "华勤技术", "华为", false },
	{ "华勤技术", "hqjx", false },
	{ "华勤技术", "jishuhua", false },		/* no wrapping round */
	{ "华勤技术", "hqhuaqin", false },
	{ "华勤技术", "uaqin", false },			/* u starts no reading here */
	{ "华勤技术", "huaqinn", false },
	{ "华勤技术", "hjs", false },			/* neighbours only */
	{ "华勤技术", "qj s", true },
	{ "润文科技", "nw", false },			/* ru-n w-en: n starts no syllable */
	{ "润文科技", "rw", true },
	{ "润文科技", "runw", true },
	{ "兆衡电子", "haoheng", false },		/* z-hao heng */
	{ "兆衡电子", "zhaoheng", true },
	{ "兆衡电子", "zhh", true },
	{ "南网能源", "nw", true },
	{ "重庆钢铁", "cq", true },			/* both readings of 重 */
	{ "重庆钢铁", "zq", true },
	{ "重庆钢铁", "cqgt", true },
	{ "重庆钢铁", "chongqing", true },
	{ "重庆钢铁", "zhongqinggang", true },
	{ "重庆钢铁", "chongqgt", true },
	{ "重庆钢铁", "zhqingg", true },
	{ "长沙银行", "cs", true },
	{ "长沙银行", "zs", true },
	{ "长沙银行", "yh", true },
	{ "长沙银行", "yx", true },
	{ "长沙银行", "changshayinhang", true },
	{ "长沙银行", "zhangshayinxing", true },
	{ "长沙银行", "csyxing", true },
	{ "长沙银行", "csyhe", true },			/* 行 heng too */
	{ "长沙银行", "csyhu", false },
	{ "乐山", "ls", true },
	{ "乐山", "ys", true },
	{ "乐山", "yueshan", true },
	{ "西安", "xi'an", true },
	{ "西安", "xian", true },
	{ "先进制造", "xian", true },			/* one syllable, or two */
	{ "ABC科技", "abc", true },
	{ "ABC科技", "bc", true },			/* each Latin letter is a character */
	{ "ABC科技", "ABC科", true },
	{ "ABC科技", "abck", true },
	{ "ABC科技", "abckeji", true },
	{ "ABC科技", "ａｂｃ", true },
	{ "ＡＢＣ科技", "abc科技", true },		/* the name folds too */
	{ "华勤（南昌）有限公司", "（南昌）", true },
	{ "华勤（南昌）有限公司", "(南昌)", true },
	{ "华勤（南昌）有限公司", "(南", true },
	{ "华勤（南昌）有限公司", "hqncyxgs", true },	/* brackets skipped */
	{ "华勤（南昌）有限公司", "qinnanchang", true },
	{ "58同城", "58", true },			/* a USCC-looking query finds names */
	{ "58同城", "58tc", true },
	{ "58同城", "8tongc", true },
	{ "A1物流", "a1", true },
	{ "A1物流", "a1wuliu", true },
	{ "“引号”科技①", "“引号”", true },
	{ "“引号”科技①", "”", true },
	{ "“引号”科技①", "yhkj", true },
	{ "绿地集团", "lvdi", true },
	{ "绿地集团", "ludi", true },
	{ "绿地集团", "lde", true },			/* 地 de too */
	{ "龘", "龘龘", false },
	{ "华勤\xff技术", "勤\xef\xbf\xbd技", true },	/* a stray byte folds to U+FFFD */
	{ "华勤　技术", "勤 技", true },			/* U+3000 folds to a space */
	{ "华勤　技术", "勤技", false },
};

static void test_match_name(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof matches / sizeof matches[0]; i++) {
		char *q = search_fold(matches[i].query);
		if (search_match_name(matches[i].name, q) != matches[i].hit)
			fail_msg("%s / \"%s\": want %s", matches[i].name, matches[i].query,
			    matches[i].hit ? "a match" : "no match");
		free(q);
	}
}

/* The store finds candidates by the keys in the index text (a trigram phrase is a
 * substring): every match contains a key, and for a query of characters containing
 * a key is the match itself. */
static void test_keys_find_matches(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof matches / sizeof matches[0]; i++) {
		search_query *q = search_query_new(matches[i].query);
		char *text = search_index_text(matches[i].name);
		bool found = search_query_kind(q) == SEARCH_EMPTY;
		for (int k = 0; k < search_query_nkeys(q); k++)
			found = found || strstr(text, search_query_key(q, k)) != NULL;
		if (matches[i].hit && !found)
			fail_msg("%s / \"%s\": a match without a key", matches[i].name, matches[i].query);
		if (search_query_keys_decide(q) && found != matches[i].hit)
			fail_msg("%s / \"%s\": the key says %d", matches[i].name, matches[i].query, found);
		assert_int_equal(search_query_match(q, matches[i].name), matches[i].hit);
		free(text);
		search_query_free(&q);
	}
}

/* when the index's keys are the match itself: Chinese, and up to three letters that
 * split only one way, one letter a character */
static void test_keys_decide(void **state)
{
	(void)state;
	static const struct { const char *q; bool decide; } t[] = {
		{ "华", true }, { "华勤", true }, { "有限公司", true }, { "(南", true },
		{ "hq", true }, { "xny", true }, { "a", true }, { "h", true }, { "3m", true },
		{ "hqjs", false },		/* the key holds three of four letters */
		{ "hua", false },		/* also hu-a and hua */
		{ "zh", false },		/* also zh… one syllable */
		{ "9136", false },		/* a USCC prefix, or a name */
		{ "", false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		search_query *q = search_query_new(t[i].q);
		if (search_query_keys_decide(q) != t[i].decide)
			fail_msg("\"%s\": want %s", t[i].q, t[i].decide ? "decided" : "candidates");
		search_query_free(&q);
	}
}

/* a plain query matches a name exactly when the name, unfolded, contains it */
static void test_plain(void **state)
{
	(void)state;
	static const struct { const char *q; bool plain; } t[] = {
		{ "南昌", true }, { "勤", true }, { "“引号”", true }, { "（南昌）", false },
		{ "(南", false }, { "南 昌", false }, { "a南", false }, { "hq", false },
		{ "勤\xef\xbf\xbd技", false }, { "", false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		search_query *q = search_query_new(t[i].q);
		if (search_query_plain(q) != t[i].plain)
			fail_msg("\"%s\": want %s", t[i].q, t[i].plain ? "plain" : "folded");
		search_query_free(&q);
	}
	/* and for the rule table's plain queries the unfolded name decides */
	for (size_t i = 0; i < sizeof matches / sizeof matches[0]; i++) {
		search_query *q = search_query_new(matches[i].query);
		if (search_query_plain(q) &&
		    (strstr(matches[i].name, search_query_folded(q)) != NULL) != matches[i].hit)
			fail_msg("%s / \"%s\": plain but not so", matches[i].name, matches[i].query);
		search_query_free(&q);
	}
}

static void test_index_text(void **state)
{
	(void)state;
	/* the folded name, its characters and pairs padded, the pinyin form ('.' pads) */
	static const struct { const char *name, *text; } t[] = {
		{ "华勤", "华勤\n华..勤..华勤.\nhq.h..q..hq." },
		{ "华华", "华华\n华..华华.\nhh.h..hh." },
		{ "A（B） C", "a(b) c\na..(..b..)..c..a(.(b.b).\nabc.a..b..c..ab.bc." },
		{ "", "\n\n" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *s = search_index_text(t[i].name);
		for (char *p = s; *p; p++)
			if (*p == SEARCH_PAD)
				*p = '.';
		if (strcmp(s, t[i].text) != 0)
			fail_msg("%s: \"%s\", want \"%s\"", t[i].name, s, t[i].text);
		free(s);
	}
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
		cmocka_unit_test(test_keys_find_matches),
		cmocka_unit_test(test_keys_decide),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_index_text),
		cmocka_unit_test(test_match_uscc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
