/* "Did you mean …?": the word a person most likely meant when a command, subcommand
 * or option name is mistyped. Pure: edit distance over code points, ASCII case
 * ignored, a swap of two neighbours counted as one edit (as git's help.c does). */
#ifndef QIFU_SUGGEST_H
#define QIFU_SUGGEST_H
#include <stddef.h>

/* edits (insert, delete, substitute, swap neighbours) turning a into b, ASCII letters
 * compared without case; bad UTF-8 bytes count as one code point each */
int suggest_distance(const char *a, const char *b);

/* the index of the candidate meant by word, or -1 when none is near enough: the
 * fewest edits, where a word of at least two characters that begins a candidate
 * counts as one edit; at most one edit for a word of up to three characters, two up
 * to seven, three beyond ("reason" is not "version"). On a tie the earlier candidate
 * wins, so tables list the common words first. */
int suggest_word(const char *word, const char *const *cands, size_t n);

#endif
