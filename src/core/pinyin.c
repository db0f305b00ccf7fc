/* The pinyin index form of a name: its initials and its full pinyin, one word per
 * combination of readings, so that a plain substring search (instr() or an FTS5
 * trigram index) finds 华勤技术 by "hqjs" or "huaqin". Polyphonic characters multiply
 * the words; PINYIN_MAX_VARIANTS keeps a long name from exploding. */
#include "core/pinyin.h"

#include <stdbool.h>
#include <string.h>
#include <unistr.h>

#include "core/search.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

/* A character that survives into the index form: a Han character with its readings
 * or an ASCII letter or digit, which is its own single reading. */
typedef struct unit {
	const char *full[PINYIN_MAX_READINGS];
	int nfull;
	char initial[PINYIN_MAX_READINGS];	/* distinct first letters of the readings */
	int ninitial;
	int take_full, take_initial;	/* how many of each the variants use */
	char ascii[2];
} unit;

/* Decode name into units; returns how many. Everything else is dropped: punctuation,
 * emoji, other scripts and Han characters Unihan gives no Mandarin reading. */
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

/* Spend the variant budget from the left: each unit varies over as many of its
 * readings as still fit, so the earliest polyphonic characters get all of theirs
 * and the later ones fall back to their customary reading. Returns the number of
 * variants. */
static int plan(unit *u, size_t n, bool initials)
{
	int total = 1;
	for (size_t i = 0; i < n; i++) {
		int have = initials ? u[i].ninitial : u[i].nfull;
		int fit = PINYIN_MAX_VARIANTS / total;
		int take = have < fit ? have : fit;
		if (initials)
			u[i].take_initial = take;
		else
			u[i].take_full = take;
		total *= take;
	}
	return total;
}

/* Variant v picks reading (v mixed-radix over the units' take counts) of each unit;
 * variant 0 is every unit's customary reading. */
static void add_variants(strbuf *b, unit *u, size_t n, bool initials)
{
	int total = plan(u, n, initials);
	for (int v = 0; v < total; v++) {
		int r = v;
		if (b->len > 0)
			sb_addc(b, ' ');
		for (size_t i = 0; i < n; i++) {
			int take = initials ? u[i].take_initial : u[i].take_full;
			int k = r % take;
			r /= take;
			if (initials)
				sb_addc(b, u[i].initial[k]);
			else
				sb_add(b, u[i].full[k]);
		}
	}
}

char *pinyin_index_form(const char *name)
{
	strbuf b = STRBUF_INIT;
	size_t len = strlen(name);
	unit *u;
	size_t n;
	bool single_letters = true;

	if (len == 0)
		return xstrdup("");
	/* a unit needs at least one byte of the name */
	u = xmalloc(len * sizeof *u);
	n = units_of(name, u);
	for (size_t i = 0; i < n && single_letters; i++)
		for (int k = 0; k < u[i].nfull; k++)
			if (u[i].full[k][1] != '\0')
				single_letters = false;
	if (n > 0) {
		add_variants(&b, u, n, true);
		/* when every reading is one letter (ABC, 阿) the full form repeats the initials */
		if (!single_letters)
			add_variants(&b, u, n, false);
	}
	xfree(&u);
	return sb_steal(&b);
}
