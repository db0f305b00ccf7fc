/* Matching a Latin query at syllable starts, and the pinyin part of the search index
 * that finds the candidates for it. A name is read as units: its Han characters with
 * their readings and its Latin letters and digits (each its own reading); the rest is
 * skipped. The index holds initials only, every combination a polyphone allows, so it
 * stays small and exact for initials; pinyin_match then decides each candidate. */
#include "core/pinyin.h"

#include <string.h>
#include <unistr.h>

#include "core/search.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

/* A character that counts: a Han character with its readings, or an ASCII letter
 * or digit, which is its own single reading. */
typedef struct unit {
	const char *full[PINYIN_MAX_READINGS];
	int nfull;
	char initial[PINYIN_MAX_READINGS];	/* distinct first letters, customary first */
	int ninitial;
	char ascii[2];
} unit;

/* Decode name into units (room for one per byte); returns how many. Everything
 * else is dropped: punctuation, emoji, other scripts and Han characters Unihan
 * gives no Mandarin reading. */
static size_t units_of(const char *name, unit *u)
{
	const uint8_t *s = (const uint8_t *)name;
	size_t left = strlen(name), n = 0;

	while (left > 0) {
		ucs4_t cp;
		int len = u8_mbtouc(&cp, s, left);
		uint32_t f = search_fold_char(cp);
		unit *v = &u[n];
		s += len;
		left -= (size_t)len;
		if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) {
			v->ascii[0] = (char)f;
			v->ascii[1] = '\0';
			v->full[0] = v->ascii;
			v->nfull = 1;
		} else if ((v->nfull = pinyin_readings(cp, v->full, PINYIN_MAX_READINGS)) == 0) {
			continue;
		}
		v->ninitial = 0;
		for (int i = 0; i < v->nfull; i++) {
			char c = v->full[i][0];
			if (!memchr(v->initial, c, (size_t)v->ninitial))
				v->initial[v->ninitial++] = c;
		}
		n++;
	}
	return n;
}

/* the units of name in a buffer the caller frees; *n how many */
static unit *units_new(const char *name, size_t *n)
{
	size_t len = strlen(name);
	unit *u = xmalloc((len ? len : 1) * sizeof *u);
	*n = units_of(name, u);
	return u;
}

/* The match as a search over (unit, position in q) with memory: can q from pos on
 * be read starting at unit j? Each state is decided once, so a long name and a long
 * query cost units × letters, not the number of ways to split q. */
typedef struct matcher {
	const unit *u;
	size_t n;
	const char *q;
	size_t m;
	unsigned char *seen;	/* per state: 0 unknown, 1 no, 2 yes */
} matcher;

static bool can_read(matcher *mt, size_t j, size_t pos)
{
	unsigned char *s = &mt->seen[j * mt->m + pos];
	if (*s)
		return *s == 2;
	bool yes = false;
	const unit *v = &mt->u[j];
	for (int r = 0; r < v->nfull && !yes; r++) {
		const char *rd = v->full[r];
		/* every beginning of this reading that q continues with */
		for (size_t l = 1; rd[l - 1] && pos + l <= mt->m && rd[l - 1] == mt->q[pos + l - 1]; l++) {
			if (pos + l == mt->m || (j + 1 < mt->n && can_read(mt, j + 1, pos + l))) {
				yes = true;
				break;
			}
		}
	}
	*s = yes ? 2 : 1;
	return yes;
}

/* names and queries of this size are matched without allocating: the search walks
 * the register calling this once a row */
enum { SMALL_UNITS = 64, SMALL_STATES = 2048 };

bool pinyin_match(const char *name, const char *q)
{
	size_t m = strlen(q), len = strlen(name);
	if (m == 0)
		return true;
	unit small[SMALL_UNITS];
	unsigned char small_seen[SMALL_STATES];
	unit *u = len <= SMALL_UNITS ? small : xmalloc(len * sizeof *u);
	matcher mt = { .u = u, .n = units_of(name, u), .q = q, .m = m };
	bool hit = false;
	if (mt.n > 0) {
		size_t states = mt.n * m;
		mt.seen = states <= SMALL_STATES ? small_seen : xmalloc(states);
		memset(mt.seen, 0, states);
		for (size_t i = 0; i < mt.n && !hit; i++)
			hit = can_read(&mt, i, 0);
		if (mt.seen != small_seen)
			free(mt.seen);
	}
	if (u != small)
		free(u);
	return hit;
}

/* one key, once: the k letters of c padded to PINYIN_KEY_LEN, a full one followed
 * by a pad, so that no three characters across two keys look like a key; b holds
 * keys only */
static void add_key(strbuf *b, const char *c, int k)
{
	char key[PINYIN_KEY_LEN + 2];
	memcpy(key, c, (size_t)k);
	int n = k;
	do
		key[n++] = SEARCH_PAD;
	while (n < PINYIN_KEY_LEN);
	key[n] = '\0';
	for (const char *hit = sb_str(b); (hit = strstr(hit, key)) != NULL; hit++)
		if (hit == sb_str(b) || hit[-1] == SEARCH_PAD)
			return;
	sb_add(b, key);
}

/* every combination of initials of the k units from u (k <= 3) as keys; when
 * skip_customary, all but the one of the customary readings */
static void add_combinations(strbuf *b, const unit *u, int k, bool skip_customary)
{
	int total = 1;
	for (int i = 0; i < k; i++)
		total *= u[i].ninitial;
	for (int v = skip_customary ? 1 : 0; v < total; v++) {
		char c[PINYIN_KEY_LEN];
		int r = v;
		for (int i = 0; i < k; i++) {
			c[i] = u[i].initial[r % u[i].ninitial];
			r /= u[i].ninitial;
		}
		add_key(b, c, k);
	}
}

char *pinyin_index_form(const char *name)
{
	strbuf keys = STRBUF_INIT, b = STRBUF_INIT;
	size_t n;
	unit *u = units_new(name, &n);

	/* the other readings' initials, three neighbours at a time */
	for (size_t i = 0; i + 3 <= n; i++)
		if (u[i].ninitial * u[i + 1].ninitial * u[i + 2].ninitial > 1)
			add_combinations(&keys, &u[i], 3, true);
	/* keys shorter than a trigram: one initial, two neighbouring ones */
	for (size_t i = 0; i < n; i++)
		add_combinations(&keys, &u[i], 1, false);
	for (size_t i = 0; i + 2 <= n; i++)
		add_combinations(&keys, &u[i], 2, false);
	/* first the customary initials: a trigram index finds any three in a row */
	for (size_t i = 0; i < n; i++)
		sb_addc(&b, u[i].initial[0]);
	if (n > 0)
		sb_addc(&b, SEARCH_PAD);
	sb_add(&b, sb_str(&keys));
	sb_free(&keys);
	xfree(&u);
	return sb_steal(&b);
}

/* whether q[at..at+l) can be one piece: one letter or digit, or the beginning of a
 * syllable */
static bool piece(const char *q, size_t at, size_t l)
{
	if (l == 1)
		return true;
	for (size_t i = 0; i < l; i++)
		if (q[at + i] < 'a' || q[at + i] > 'z')
			return false;
	return pinyin_syllable_prefix(q + at, l);
}

static int put_key(char (*keys)[PINYIN_KEY_LEN + 1], int n, int max, char a, char b, char c)
{
	char k[PINYIN_KEY_LEN + 1] = { a, b ? b : SEARCH_PAD, b && c ? c : SEARCH_PAD, '\0' };
	for (int i = 0; i < n; i++)
		if (memcmp(keys[i], k, sizeof k) == 0)
			return n;
	if (n < max)
		memcpy(keys[n++], k, sizeof k);
	return n;
}

int pinyin_query_keys(const char *q, char (*keys)[PINYIN_KEY_LEN + 1], int max)
{
	size_t m = strlen(q);
	int n = 0;
	/* a syllable has at most six letters */
	for (size_t l1 = 1; l1 <= 6 && l1 <= m; l1++) {
		if (!piece(q, 0, l1))
			continue;
		if (l1 == m) {
			n = put_key(keys, n, max, q[0], 0, 0);
			continue;
		}
		for (size_t l2 = 1; l2 <= 6 && l1 + l2 <= m; l2++) {
			if (!piece(q, l1, l2))
				continue;
			/* a third piece is at least its first letter, always a piece */
			n = put_key(keys, n, max, q[0], q[l1], l1 + l2 == m ? 0 : q[l1 + l2]);
		}
	}
	return n;
}
