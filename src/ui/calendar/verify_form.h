/* The Calendar's verify form (V): a plan code (执法计划码) typed or read aloud at the
 * door, and under it what `qifu inspect verify` says of it, worded by the same
 * functions: whose plan it is, what it covers, its state, and whether it is for
 * today. The form stays open for the next code. */
#ifndef QIFU_UI_CALENDAR_VERIFY_FORM_H
#define QIFU_UI_CALENDAR_VERIFY_FORM_H
#include <stdbool.h>

#include "model/inspection_reason.h"
#include "ui/pane.h"

typedef struct calverify calverify;

/* a form over the reasons of t (their names), which must outlive it */
calverify *calverify_new(shell *sh, const inspection_reason_table *t);
/* free *c and set it to NULL; NULL is fine */
void calverify_free(calverify **c);
/* one key: REACT_* flags; REACT_CLOSE when the form is left, REACT_UNHANDLED for the
 * shell's keys */
unsigned calverify_key(calverify *c, const pane_event *ev);
/* lay the form out in r with the answer under it */
void calverify_recalc(calverify *c, ui_rect r);
/* draw every cell of r as the last recalc laid it out */
void calverify_repaint(calverify *c, ui_rect r);
/* the code field's caret on screen; false when none */
bool calverify_caret(const calverify *c, int *y, int *x);
/* the status line's hint (the form's own) */
const char *calverify_hint(calverify *c);

#endif
