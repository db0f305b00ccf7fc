/* The query side of enterprise search: fold what the user typed, decide what kind
 * of query it is, and match it in memory exactly as the store's SQL does. */
#ifndef QIFU_SEARCH_H
#define QIFU_SEARCH_H
#include <stdbool.h>
#include <stdint.h>

/* The contract with the store, per kind of the folded query q:
 *   SEARCH_EMPTY        every row
 *   SEARCH_NAME         search_fold(name) contains q (one Chinese character is enough)
 *   SEARCH_PINYIN       pinyin_index_form(name) contains search_compact(q)
 *   SEARCH_USCC_PREFIX  uscc starts with search_uscc_key(q), or as SEARCH_PINYIN
 *                       (digits and letters also occur in names: 58同城, 3M, A1物流)
 * Names are compared folded, so the store keeps search_fold(name) (full-width
 * brackets become ASCII) next to the name, and the index form, and searches those
 * (an FTS5 trigram index only for keys of 3+ characters, instr() below that). */
typedef enum search_kind {
	SEARCH_EMPTY,
	SEARCH_NAME,
	SEARCH_PINYIN,
	SEARCH_USCC_PREFIX,
} search_kind;

/* one code point folded: full-width ASCII and U+3000 to ASCII, A-Z to a-z, white space to ' ' */
uint32_t search_fold_char(uint32_t cp);

/* a query or name folded, white space trimmed and collapsed, bad UTF-8 as U+FFFD; caller frees */
char *search_fold(const char *q);

/* the kind of a folded query; see search_kind for what each matches */
search_kind search_classify(const char *folded);

/* a folded query without spaces and apostrophes (xi'an): the index-form key; caller frees */
char *search_compact(const char *folded);

/* the USCC prefix a SEARCH_USCC_PREFIX query stands for, upper case; caller frees */
char *search_uscc_key(const char *folded);

/* whether name, with index_form = pinyin_index_form(name), matches a folded query */
bool search_match_name(const char *name, const char *index_form, const char *folded_query);

/* whether a SEARCH_USCC_PREFIX query is a prefix of uscc; false for other kinds */
bool search_match_uscc(const char *uscc, const char *folded_query);

#endif
