/* A pane that only says something: the honest empty state of a pane whose data comes
 * in a later issue. Its lines are msgids, translated when drawn, centred in the pane. */
#ifndef QIFU_NOTICE_H
#define QIFU_NOTICE_H

#include "ui/pane.h"

/* state for a notice pane showing n lines (msgids; "" is a blank line) */
void *notice_new(const char *const *lines, int n);
void notice_destroy(void *state);
void notice_recalc(void *state, ui_rect r);
void notice_repaint(void *state, ui_rect r);
/* a notice has nothing to act on: every action goes to the shell */
unsigned notice_handle(void *state, const pane_event *ev);

#endif
