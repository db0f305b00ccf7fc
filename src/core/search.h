/* Enterprise search: fold what the user typed, decide what kind of query it is,
 * match it in memory, and the index text and keys through which the store's SQL
 * finds the same names without reading them all. */
#ifndef QIFU_SEARCH_H
#define QIFU_SEARCH_H
#include <stdbool.h>
#include <stdint.h>

/* What matches, per kind of the folded query q:
 *   SEARCH_EMPTY        every row
 *   SEARCH_NAME         search_fold(name) contains q (one Chinese character is enough)
 *   SEARCH_PINYIN       pinyin_match(name, search_compact(q)): syllable starts
 *   SEARCH_USCC_PREFIX  uscc starts with search_uscc_key(q), or as SEARCH_PINYIN
 *                       (digits and letters also occur in names: 58同城, 3M, A1物流)
 * The store keeps search_index_text(name) beside the name in a trigram index
 * (FTS5); a query's keys (search_query_key) are phrases of at least three
 * characters, shorter ones filled up with SEARCH_PAD, so that one index serves one-
 * and two-character queries too. For SEARCH_NAME a name matches exactly when its
 * index text contains a key; for the pinyin kinds the keys find candidates that
 * search_query_match then decides. */
typedef enum search_kind {
	SEARCH_EMPTY,
	SEARCH_NAME,
	SEARCH_PINYIN,
	SEARCH_USCC_PREFIX,
} search_kind;

/* fills index keys shorter than a trigram; folding turns it into a space, so no
 * name or query contains it */
#define SEARCH_PAD '\x01'

/* one code point folded: full-width ASCII and U+3000 to ASCII, A-Z to a-z, white
 * space and other control characters to ' ' */
uint32_t search_fold_char(uint32_t cp);

/* a query or name folded, white space trimmed and collapsed, bad UTF-8 as U+FFFD; caller frees */
char *search_fold(const char *q);

/* the kind of a folded query; see search_kind for what each matches */
search_kind search_classify(const char *folded);

/* a folded query without spaces and apostrophes (xi'an): the index-form key; caller frees */
char *search_compact(const char *folded);

/* the USCC prefix a SEARCH_USCC_PREFIX query stands for, upper case; caller frees */
char *search_uscc_key(const char *folded);

/* The index text of a name: search_fold(name); a newline; every character and
 * every two neighbouring characters of it (spaces aside) once, padded to three;
 * a newline; pinyin_index_form(name). Caller frees. */
char *search_index_text(const char *name);

/* a query compiled once for many names */
typedef struct search_query search_query;

/* raw as typed (folded here) */
search_query *search_query_new(const char *raw);
void search_query_free(search_query **q);
search_kind search_query_kind(const search_query *q);
/* the folded query */
const char *search_query_folded(const search_query *q);
/* for SEARCH_USCC_PREFIX the code prefix (upper case), else NULL */
const char *search_query_uscc(const search_query *q);
/* the index keys: every matching name's index text contains one of them (none for
 * SEARCH_EMPTY) */
int search_query_nkeys(const search_query *q);
const char *search_query_key(const search_query *q, int i);
/* whether containing a key is the match itself (SEARCH_NAME, and a Latin query of
 * up to three initials such as hq or xny), so that the store needs no
 * search_query_match */
bool search_query_keys_decide(const search_query *q);
/* whether a SEARCH_NAME query is of characters folding leaves alone (none ASCII,
 * none U+FFFD): then a name matches exactly when it contains the query unfolded */
bool search_query_plain(const search_query *q);
/* whether name matches; the USCC side of a SEARCH_USCC_PREFIX query is
 * search_match_uscc's */
bool search_query_match(search_query *q, const char *name);

/* whether name matches a folded query (search_query_match of a query of one use) */
bool search_match_name(const char *name, const char *folded_query);

/* whether a SEARCH_USCC_PREFIX query is a prefix of uscc; false for other kinds */
bool search_match_uscc(const char *uscc, const char *folded_query);

#endif
