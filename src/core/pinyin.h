/* Han characters to toneless pinyin; whether a name matches a Latin query at
 * syllable starts (华勤技术 by hqjs, huaqin or huaqjs, 润文 never by nw); and the
 * pinyin part of the search index, with the keys a query looks up in it. The
 * readings come from Unihan through scripts/gen-pinyin.py (pinyin_table.c). */
#ifndef QIFU_PINYIN_H
#define QIFU_PINYIN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* no character has more readings than this (checked when the table is built) */
#define PINYIN_MAX_READINGS 8

/* an index key: three characters, letters or digits filled up with SEARCH_PAD */
#define PINYIN_KEY_LEN 3

/* up to max readings of cp into out, customary first (ü as v, lüe also lue); returns how many */
int pinyin_readings(uint32_t cp, const char **out, int max);

/* whether the n letters at s begin a syllable of some reading (n > 0) */
bool pinyin_syllable_prefix(const char *s, size_t n);

/* Whether name matches q (a compact query: lower-case letters and digits) at
 * syllable starts: q splits into pieces that begin the readings of consecutive
 * characters, each piece at least one letter, any reading of a polyphone. A Latin
 * letter or digit in the name is a character whose one reading is itself;
 * punctuation and characters without a reading are skipped. */
bool pinyin_match(const char *name, const char *q);

/* The pinyin part of a name's index text (core/search.h): the initials of the
 * customary readings as one word, every other combination of initials of three
 * neighbouring characters, and every initial and pair of neighbouring initials
 * padded to three characters. Caller frees. */
char *pinyin_index_form(const char *name);

/* The keys of q in that index: a name q matches contains one of them (the
 * initials of q's first three pieces, or of all its pieces when fewer, padded).
 * Writes up to max keys of PINYIN_KEY_LEN characters and returns how many. */
int pinyin_query_keys(const char *q, char (*keys)[PINYIN_KEY_LEN + 1], int max);

/* at most this many keys for any query: a syllable has at most six letters, so
 * six lengths of the first piece times six of the second, or the first alone */
#define PINYIN_MAX_KEYS 42

#endif
