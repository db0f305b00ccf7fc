/* Display width, cutting and cleaning of UTF-8 text. Every column computation in
 * qifu goes through here, and curses measures with it too (the program's own
 * wcwidth, text_wcwidth), so Chinese, ambiguous-width punctuation and emoji line up
 * exactly as they are drawn. Text is measured, cut and drawn a grapheme cluster at a
 * time; of an emoji sequence only what every terminal draws alike reaches the screen.
 * Text entering the database passes through text_sanitize first; the measuring
 * functions assume sanitised text. */
#ifndef QIFU_TEXT_H
#define QIFU_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

/* the align argument of text_fit_pad */
enum text_align { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };

/* flags of text_sanitize */
enum text_sanitize_flags { TEXT_KEEP_NEWLINES = 1u << 0 };

/* columns of an East-Asian-ambiguous character (1 or 2); set once at start-up */
void text_set_ambiguous_width(int w);
/* the current ambiguous width, 1 or 2 */
int text_ambiguous_width(void);

/* columns of one code point: 0 (combining marks, controls), 1 or 2 */
int text_cp_width(uint32_t c);
/* text_cp_width as wcwidth() answers: -1 for controls and what is not a character,
 * 0 for NUL; what curses is given to measure with (ui/term.c) */
int text_wcwidth(uint32_t c);
/* bytes of the grapheme cluster at s (at most n, stopping at a NUL) and in *width
 * the columns of what is drawn of it: the code points before its first ZWJ, without
 * variation selectors, skin-tone modifiers and tags (tmux, xterm and libvterm each
 * draw those their own way); a cluster that starts with a zero-width code point is
 * not drawn at all. A malformed sequence is a cluster of its own, a column a byte. */
size_t text_cluster(const char *s, size_t n, int *width);
/* columns of a NUL-terminated string; NULL counts as "", invalid bytes 1 each */
int text_width(const char *s);
/* columns of at most nbytes bytes of s (stops early at a NUL) */
int text_nwidth(const char *s, size_t nbytes);
/* code points in s; a malformed sequence counts as the one U+FFFD it becomes */
size_t text_chars(const char *s);

/* a new string at most cols wide, cut with a '~' marker when s does not fit, and
 * only what is drawn of each cluster (see text_cluster): any terminal draws it in
 * exactly the columns measured */
char *text_fit(const char *s, int cols);
/* a new string exactly cols wide: text_fit, then spaces placed by align */
char *text_fit_pad(const char *s, int cols, int align);
/* text_fit_pad appended to out, for the draw loop */
void text_fit_pad_sb(strbuf *out, const char *s, int cols, int align);
/* bytes of the longest prefix of s at most cols wide (no marker) */
size_t text_prefix_bytes(const char *s, int cols);
/* columns of the clusters of s that lie wholly before byte_off */
int text_cursor_col(const char *s, size_t byte_off);
/* byte offset of the cluster (what a reader sees as one character) before off, or of
 * the one off lies inside (0 stays 0) */
size_t text_prev_char(const char *s, size_t off);
/* byte offset just past the cluster at off (the terminating NUL stays put) */
size_t text_next_char(const char *s, size_t off);

/* a clean copy of len bytes of in: valid UTF-8, no controls, nothing ncurses
 * would draw at another width than we measure */
char *text_sanitize(const char *in, size_t len, unsigned flags);
/* true when len bytes of s are well-formed UTF-8 (no overlongs or surrogates) */
bool text_valid_utf8(const char *s, size_t len);
/* a new copy of s without leading and trailing ASCII whitespace and U+3000 */
char *text_trim(const char *s);

/* whether the '|'-separated list (NULL: empty) holds name as one of its items */
bool text_list_has(const char *list, const char *name);

#endif
