/* The Calendar's verify form (V): a plan code (执法计划码) typed or read aloud at the
 * door, and under it what `qifu inspect verify` says of it, worded by the same
 * functions: whose plan it is, what it covers, its state, and whether it is for
 * today. The form stays open for the next code. */
#ifndef QIFU_UI_CALENDAR_VERIFY_FORM_H
#define QIFU_UI_CALENDAR_VERIFY_FORM_H
#include <stdbool.h>

#include "model/inspection_reason.h"
#include "ui/calendar/answer.h"
#include "ui/pane.h"

typedef struct calverify calverify;

/* a form over the reasons of t (their names), which must outlive it */
calverify *calverify_new(shell *sh, const inspection_reason_table *t);
/* free *c and set it to NULL; NULL is fine */
void calverify_free(calverify **c);
/* one key: REACT_* flags; REACT_CLOSE when the form is left, REACT_UNHANDLED for the
 * shell's keys */
unsigned calverify_key(calverify *c, const pane_event *ev);
/* the form and its answer, as the pane lays out and draws them */
calanswer *calverify_frame(calverify *c);

#endif
