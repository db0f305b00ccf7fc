/* A one-line text field on the status line, for search and filter input. The text is
 * UTF-8; the caret moves by characters, its column is the width of the prefix, and
 * the hardware cursor stays on it because the input method draws its candidate
 * window there. */
#ifndef QIFU_PROMPT_H
#define QIFU_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "config/keymap.h"
#include "ui/term.h"

/* the field's characters at most; limits count characters, not bytes */
#define PROMPT_MAX_CHARS 200

typedef enum prompt_state { PROMPT_EDITING, PROMPT_ACCEPTED, PROMPT_CANCELLED } prompt_state;

typedef struct prompt prompt;

/* label is shown before the field (already translated); initial may be NULL */
prompt *prompt_new(const char *label, const char *initial);
/* at most max_chars characters from now on (forms give each field its own limit) */
void prompt_set_limit(prompt *p, int max_chars);
void prompt_free(prompt **p);
/* one key: editing keys change the text, Enter accepts, Esc cancels */
prompt_state prompt_key(prompt *p, qkey k);
/* the text, trimmed of ASCII and full-width spaces at both ends (caller frees) */
char *prompt_text(const prompt *p);
/* the text as typed, untrimmed, valid until the next key */
const char *prompt_raw(const prompt *p);
/* the caret as a byte offset into prompt_raw */
size_t prompt_caret(const prompt *p);
/* replace the text and put the caret at byte offset caret (clamped to a character
 * boundary); a multi-line field moves its one editor from line to line this way */
void prompt_set(prompt *p, const char *text, size_t caret);
/* the text a prompt opened by key k starts with: k itself when no action is bound to
 * it (a Chinese character typed while browsing), else "" (buf: at least 8 bytes) */
void prompt_seed(const keymap *km, qkey k, char *buf);
/* whether k answers a [y/N] question with yes: y or Y, typed plain or full-width with
 * the input method on */
bool prompt_yes(qkey k);
/* draw label and field in w cells at (y, x); *caret_x gets the caret's column */
void prompt_draw(prompt *p, int y, int x, int w, int *caret_x);
/* the field alone (no label) in w cells at (y, x) in style st, scrolled so the caret
 * shows; *caret_x gets the caret's column */
void prompt_draw_field(prompt *p, int y, int x, int w, ui_style st, int *caret_x);

#endif
