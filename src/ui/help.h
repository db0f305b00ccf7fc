/* The help overlay (F1, ?, ？): the key list generated from the live keymap and grouped
 * as the action table groups it, a legend of lights and calendar marks, and a page on
 * terminal settings; scrollable and searchable with /. */
#ifndef QIFU_HELP_H
#define QIFU_HELP_H

#include "ui/pane.h"

enum { HELP_PAGE_KEYS, HELP_PAGE_LEGEND, HELP_PAGE_TERMINAL, HELP_PAGE__COUNT };

typedef struct help help;

/* whether the pane under the help does something with a (a pane's offers hook) */
typedef bool (*help_offers_fn)(void *arg, action a);
/* the legend names the quiet-day window [quiet_first, quiet_last] of the settings; the
 * keys page lists, beyond navigation and terminal keys, only what offers(arg, a) says
 * the pane under the help does (offers NULL: every action) */
help *help_new(const keymap *km, int quiet_first, int quiet_last, help_offers_fn offers,
               void *arg);
/* whether the help itself does something with a, for the F-key bar while it is open */
bool help_offers(action a);
void help_free(help **h);
/* show page p (HELP_PAGE_*) from its top */
void help_show_page(help *h, int p);
/* wrap the pages for r's width */
void help_recalc(help *h, ui_rect r);
void help_repaint(help *h, ui_rect r);
/* scrolling, paging, search; REACT_CLOSE on Esc, q or the help key again, REACT_PROMPT
 * when the search prompt is wanted (starting with help_search_seed) */
unsigned help_handle(help *h, const pane_event *ev);
/* the search prompt's answer: find text from the top */
void help_search(help *h, const char *text);
const char *help_search_seed(const help *h);
/* what the last key or search found to say ("not found: …"), or NULL */
const char *help_status(const help *h);

#endif
