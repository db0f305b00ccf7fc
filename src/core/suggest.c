/* Suggestions for mistyped names (core/suggest.h): the optimal-string-alignment
 * distance, which counts "lsit" one edit from "list", and the choice of the nearest
 * candidate within a bound that grows with the word. */
#include "core/suggest.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>


/* names longer than this are compared by their first SUGGEST_MAX code points */
enum { SUGGEST_MAX = 64 };

/* s as lower-case code points into cp; returns their number */
static size_t code_points(const char *s, uint32_t cp[SUGGEST_MAX])
{
	size_t n = 0, len = strlen(s);
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end && n < SUGGEST_MAX) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		cp[n++] = c;
		p += k > 0 ? k : 1;
	}
	return n;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

int suggest_distance(const char *a, const char *b)
{
	uint32_t x[SUGGEST_MAX], y[SUGGEST_MAX];
	size_t m = code_points(a, x), n = code_points(b, y);
	/* three rows of the table: two back (for a swap), the last, this one */
	size_t rows[3][SUGGEST_MAX + 1];
	size_t *two = rows[0], *last = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= n; j++)
		last[j] = j;
	for (size_t i = 1; i <= m; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= n; j++) {
			size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
			cur[j] = min3(last[j] + 1, cur[j - 1] + 1, last[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
			    two[j - 2] + 1 < cur[j])
				cur[j] = two[j - 2] + 1;
		}
		size_t *t = two;
		two = last;
		last = cur;
		cur = t;
	}
	return (int)last[n];
}

/* whether word, of at least two code points, begins cand (ASCII case ignored) */
static bool begins(const char *word, const char *cand)
{
	uint32_t w[SUGGEST_MAX], c[SUGGEST_MAX];
	size_t nw = code_points(word, w), nc = code_points(cand, c);
	if (nw < 2 || nw >= nc)
		return false;
	return memcmp(w, c, nw * sizeof w[0]) == 0;
}

int suggest_word(const char *word, const char *const *cands, size_t n)
{
	uint32_t w[SUGGEST_MAX];
	size_t len = code_points(word, w);
	int bound = len <= 3 ? 1 : len <= 7 ? 2 : 3;
	int best = -1, best_d = bound + 1;
	for (size_t i = 0; i < n; i++) {
		int d = suggest_distance(word, cands[i]);
		if (d > 1 && begins(word, cands[i]))
			d = 1;
		/* as many edits as the candidate has letters is a different word */
		uint32_t c[SUGGEST_MAX];
		if (d >= (int)code_points(cands[i], c))
			continue;
		if (d < best_d) {
			best_d = d;
			best = (int)i;
		}
	}
	return best;
}
