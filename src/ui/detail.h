/* A scrollable detail view, the enterprise 360 view's widget: a title, then sections
 * of "label  value" lines and sub-list items, wrapped to the width with hanging
 * indents and scrolled by line or page. The owner fills it and decides what Esc
 * does; this module only lays out and draws. */
#ifndef QIFU_DETAIL_H
#define QIFU_DETAIL_H
#include <stdbool.h>

#include "ui/pane.h"

typedef struct detail detail;

detail *detail_new(void);
void detail_free(detail **d);
/* drop the content; the scroll position goes back to the top unless keep_scroll */
void detail_clear(detail *d, bool keep_scroll);

/* the first row, kept on screen while the rest scrolls (translated text) */
void detail_title(detail *d, const char *title);
/* a section heading, after a blank line */
void detail_section(detail *d, const char *heading);
/* "label  value", the value wrapped under itself */
void detail_field(detail *d, const char *label, const char *value);
/* one row of a sub-list, wrapped under its first character */
void detail_item(detail *d, const char *text);
/* an item whose bytes [from, from + len) of text are drawn in style st (a light in its
 * colour; the words say it without colour), the rest plain */
void detail_item_span(detail *d, const char *text, size_t from, size_t len, ui_style st);
/* a row under the item before it (a step of its history), indented one more level */
void detail_subitem(detail *d, const char *text);
/* a plain paragraph (an empty section says so, a hint) */
void detail_note(detail *d, const char *text);
/* each line of lines (separated by '\n') an item, then "… and N more" when there were
 * total of which the lines hold only the first shown (an import's errors) */
void detail_items_more(detail *d, const char *lines, long total, long shown);
/* lines drawn as given, one row each, never wrapped (cut at the width): a block of
 * text that must keep its shape, as the plan code's */
void detail_block(detail *d, const char *const *lines, int n);
/* one drawing of a picture: rows lines of text, each cols cells wide */
typedef struct detail_art {
	const char *const *lines;
	int rows, cols;
} detail_art;
/* a picture that is no use cut (a QR code to scan), kept whole: the first of its n
 * drawings (the preferred first) that fits the view's width and page, in style st;
 * the paragraph too_small instead when none does. Copied; chosen again on every recalc */
void detail_picture(detail *d, const detail_art *arts, int n, ui_style st, const char *too_small);
/* whether the last recalc found room for a picture, so that it is drawn */
bool detail_picture_shown(const detail *d);

/* wrap for r's width */
void detail_recalc(detail *d, ui_rect r);
/* every cell of r; focus draws the title as the focused side of a split */
void detail_repaint(detail *d, ui_rect r, bool focus);
/* Up, Down, PgUp, PgDn, Home, End; REACT_UNHANDLED for other actions */
unsigned detail_handle(detail *d, action a);
/* a key for a detail that ends in a [y/N] question (an import's preview): the keys of
 * detail_handle scroll it (REACT_RECALC), help, menu and quit stay the shell's
 * (REACT_UNHANDLED), any other key answers it, *yes when it is y (REACT_CLOSE) */
unsigned detail_question_key(detail *d, const pane_event *ev, bool *yes);

#endif
