/* Folding, classification and in-memory matching of search queries. The same
 * folding is applied to names on their way into the index, so that a query and a
 * name that look alike to the user compare equal byte for byte. */
#include "core/search.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "core/pinyin.h"
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
	/* white space, and the other controls: nothing a name shows, and SEARCH_PAD */
	if (cp < 0x20 || cp == 0x7f)
		return ' ';
	return cp;
}

/* q folded, appended to b */
static void fold_into(strbuf *b, const char *q)
{
	const uint8_t *s = (const uint8_t *)q;
	size_t left = strlen(q), start = b->len;
	bool space = false;

	while (left > 0) {
		ucs4_t cp;
		int n = u8_mbtouc(&cp, s, left);
		uint32_t f = search_fold_char(cp);
		s += n;
		left -= (size_t)n;
		if (f == ' ') {
			space = b->len > start;
			continue;
		}
		if (space)
			sb_addc(b, ' ');
		space = false;
		if (f < 0x80) {
			sb_addc(b, (char)f);
		} else {
			uint8_t buf[6];
			int len = u8_uctomb(buf, f, sizeof buf);
			sb_addn(b, (const char *)buf, (size_t)len);
		}
	}
}

char *search_fold(const char *q)
{
	strbuf b = STRBUF_INIT;
	fold_into(&b, q);
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

/* the length in bytes of the UTF-8 character at p (1 for a stray byte) */
static size_t char_len(const char *p)
{
	ucs4_t cp;
	int n = u8_mbtouc(&cp, (const uint8_t *)p, strlen(p));
	return n > 0 ? (size_t)n : 1;
}

/* whether gram g is among those written to b from from on (each a gram between pads) */
static bool have_gram(const strbuf *b, size_t from, const char *g)
{
	const char *s = sb_str(b) + from;
	size_t n = strlen(g);
	for (const char *hit = s; (hit = strstr(hit, g)) != NULL; hit++)
		if ((hit == s || hit[-1] == SEARCH_PAD) && hit[n] == SEARCH_PAD)
			return true;
	return false;
}

/* gram g (k characters) padded to three characters, once */
static void add_gram(strbuf *b, size_t from, const char *g, int k)
{
	if (have_gram(b, from, g))
		return;
	sb_add(b, g);
	for (int i = k; i < 3; i++)
		sb_addc(b, SEARCH_PAD);
}

char *search_index_text(const char *name)
{
	char *folded = search_fold(name);
	strbuf b = STRBUF_INIT;
	sb_add(&b, folded);
	sb_addc(&b, '\n');
	size_t from = b.len;
	for (int k = 1; k <= 2; k++) {
		/* each gram of k characters without a space in it, in order, once */
		for (const char *p = folded; *p; p += char_len(p)) {
			const char *end = p;
			int taken = 0;
			for (; taken < k && *end && *end != ' '; taken++)
				end += char_len(end);
			if (taken < k)
				continue;
			char *g = xstrndup(p, (size_t)(end - p));
			add_gram(&b, from, g, k);
			free(g);
		}
	}
	sb_addc(&b, '\n');
	char *py = pinyin_index_form(name);
	sb_add(&b, py);
	free(py);
	free(folded);
	return sb_steal(&b);
}

struct search_query {
	char *folded;
	search_kind kind;
	char *compact;	/* the pinyin kinds' key */
	char *uscc;	/* SEARCH_USCC_PREFIX's code prefix */
	char **keys;
	int nkeys;
	bool keys_decide;
	strbuf scratch;	/* a folded name */
};

static size_t count_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xc0) != 0x80;
	return n;
}

search_query *search_query_new(const char *raw)
{
	search_query *q = xcalloc(1, sizeof *q);
	q->folded = search_fold(raw);
	q->kind = search_classify(q->folded);
	if (q->kind == SEARCH_NAME) {
		strbuf k = STRBUF_INIT;
		sb_add(&k, q->folded);
		for (size_t n = count_chars(q->folded); n < 3; n++)
			sb_addc(&k, SEARCH_PAD);
		q->keys = xcalloc(1, sizeof *q->keys);
		q->keys[q->nkeys++] = sb_steal(&k);
		q->keys_decide = true;
	} else if (q->kind != SEARCH_EMPTY) {
		char keys[PINYIN_MAX_KEYS][PINYIN_KEY_LEN + 1];
		q->compact = search_compact(q->folded);
		if (q->kind == SEARCH_USCC_PREFIX)
			q->uscc = search_uscc_key(q->folded);
		int n = pinyin_query_keys(q->compact, keys, PINYIN_MAX_KEYS);
		q->keys = xcalloc((size_t)(n ? n : 1), sizeof *q->keys);
		for (int i = 0; i < n; i++)
			q->keys[q->nkeys++] = xstrdup(keys[i]);
		/* up to three letters that begin no syllable but one at a time (hq, kj,
		 * xny): the one key is the query itself, and the index holds every
		 * combination of neighbouring initials, so containing it is the match */
		size_t m = strlen(q->compact);
		q->keys_decide = q->kind == SEARCH_PINYIN && n == 1 && m <= PINYIN_KEY_LEN &&
		                 strncmp(keys[0], q->compact, m) == 0;
	}
	return q;
}

void search_query_free(search_query **qp)
{
	search_query *q = *qp;
	if (!q)
		return;
	for (int i = 0; i < q->nkeys; i++)
		free(q->keys[i]);
	free(q->keys);
	free(q->folded);
	free(q->compact);
	free(q->uscc);
	sb_free(&q->scratch);
	xfree(qp);
}

search_kind search_query_kind(const search_query *q)
{
	return q->kind;
}

const char *search_query_folded(const search_query *q)
{
	return q->folded;
}

const char *search_query_uscc(const search_query *q)
{
	return q->uscc;
}

int search_query_nkeys(const search_query *q)
{
	return q->nkeys;
}

const char *search_query_key(const search_query *q, int i)
{
	return i >= 0 && i < q->nkeys ? q->keys[i] : NULL;
}

bool search_query_plain(const search_query *q)
{
	if (q->kind != SEARCH_NAME)
		return false;
	/* folding changes only ASCII, full-width ASCII, U+3000 and bad bytes: a query
	 * without ASCII is none of these (it is folded), unless it holds U+FFFD */
	for (const unsigned char *p = (const unsigned char *)q->folded; *p; p++)
		if (*p < 0x80)
			return false;
	return strstr(q->folded, "\xef\xbf\xbd") == NULL;
}

bool search_query_keys_decide(const search_query *q)
{
	return q->keys_decide;
}

/* whether search_fold(s) is s: valid UTF-8 (a stray byte folds to U+FFFD) without
 * a control character, space, A-Z, full-width ASCII (U+FF01..U+FF5E: EF BC 81..
 * EF BD 9E) or U+3000 (E3 80 80); errs towards no */
static bool folds_to_itself(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++) {
		if (*p <= ' ' || *p == 0x7f || (*p >= 'A' && *p <= 'Z'))
			return false;
		if (*p == 0xef && (p[1] == 0xbc || p[1] == 0xbd))
			return false;
		if (*p == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
			return false;
	}
	return u8_check((const uint8_t *)s, (size_t)(p - (const unsigned char *)s)) == NULL;
}

bool search_query_match(search_query *q, const char *name)
{
	switch (q->kind) {
	case SEARCH_EMPTY:
		return true;
	case SEARCH_NAME:
		/* most names fold to themselves: then the name itself is compared */
		if (folds_to_itself(name))
			return strstr(name, q->folded) != NULL;
		sb_reset(&q->scratch);
		fold_into(&q->scratch, name);
		return strstr(sb_str(&q->scratch), q->folded) != NULL;
	case SEARCH_PINYIN: case SEARCH_USCC_PREFIX:
		return pinyin_match(name, q->compact);
	}
	return false;
}

bool search_match_name(const char *name, const char *folded_query)
{
	search_query *q = search_query_new(folded_query);
	bool hit = search_query_match(q, name);
	search_query_free(&q);
	return hit;
}
