/* Folding, classification and in-memory matching of search queries. The same
 * folding is applied to names on their way into the index, so that a query and a
 * name that look alike to the user compare equal byte for byte. */
#include "core/search.h"

#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

/* GB 32100-2015: digits and capitals without I O S V Z, here folded to lower case */
static const char uscc_alphabet[] = "0123456789abcdefghjklmnpqrtuwxy";

uint32_t search_fold_char(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	else if (cp == 0x3000)
		cp = ' ';
	if (cp >= 'A' && cp <= 'Z')
		return cp + ('a' - 'A');
	if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r')
		return ' ';
	return cp;
}

char *search_fold(const char *q)
{
	strbuf b = STRBUF_INIT;
	const uint8_t *s = (const uint8_t *)q;
	size_t left = strlen(q);
	bool space = false;

	while (left > 0) {
		ucs4_t cp;
		int n = u8_mbtouc(&cp, s, left);
		uint32_t f = search_fold_char(cp);
		s += n;
		left -= (size_t)n;
		if (f == ' ') {
			space = b.len > 0;
			continue;
		}
		if (space)
			sb_addc(&b, ' ');
		space = false;
		if (f < 0x80) {
			sb_addc(&b, (char)f);
		} else {
			uint8_t buf[6];
			int len = u8_uctomb(buf, f, sizeof buf);
			sb_addn(&b, (const char *)buf, (size_t)len);
		}
	}
	return sb_steal(&b);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z');
}

/* A USCC is registration authority, type (a digit for every authority), six-digit
 * region, organisation code, check character: so a prefix's second character and
 * its third to eighth are digits. Letters-only queries are never USCC prefixes,
 * which keeps pinyin initials such as "hq" or "ax" out of this class. */
static bool is_uscc_prefix(const char *c)
{
	size_t n = strlen(c);
	if (n < 2 || n > 18)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!strchr(uscc_alphabet, c[i]))
			return false;
		if (i >= 1 && i <= 7 && !is_digit(c[i]))
			return false;
	}
	return true;
}

char *search_compact(const char *folded)
{
	char *out = xmalloc(strlen(folded) + 1);
	char *o = out;
	for (const char *p = folded; *p; p++)
		if (*p != ' ' && *p != '\'')
			*o++ = *p;
	*o = '\0';
	return out;
}

search_kind search_classify(const char *folded)
{
	search_kind kind = SEARCH_PINYIN;
	char *c;

	if (folded[0] == '\0')
		return SEARCH_EMPTY;
	c = search_compact(folded);
	if (c[0] == '\0')
		kind = SEARCH_NAME;
	for (const char *p = c; *p && kind == SEARCH_PINYIN; p++)
		if (!is_alnum(*p))
			kind = SEARCH_NAME;
	if (kind == SEARCH_PINYIN && is_uscc_prefix(c))
		kind = SEARCH_USCC_PREFIX;
	xfree(&c);
	return kind;
}

char *search_uscc_key(const char *folded)
{
	char *key = search_compact(folded);
	for (char *p = key; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - ('a' - 'A'));
	return key;
}

bool search_match_name(const char *name, const char *index_form, const char *folded_query)
{
	search_kind kind = search_classify(folded_query);
	bool hit;
	char *s;

	if (kind == SEARCH_EMPTY)
		return true;
	if (kind == SEARCH_NAME) {
		s = search_fold(name);
		hit = strstr(s, folded_query) != NULL;
	} else {
		s = search_compact(folded_query);
		hit = index_form && strstr(index_form, s) != NULL;
	}
	xfree(&s);
	return hit;
}

bool search_match_uscc(const char *uscc, const char *folded_query)
{
	bool hit;
	char *key;

	if (search_classify(folded_query) != SEARCH_USCC_PREFIX)
		return false;
	key = search_uscc_key(folded_query);
	hit = strncasecmp(uscc, key, strlen(key)) == 0;
	xfree(&key);
	return hit;
}
