/* The Calendar's register form (F2): a new inspection plan (unit, the enterprises
 * picked one after another by name, pinyin or USCC, date, reason, inspectors, legal
 * basis, items and, for supervisors, the reason of an override), with the verdict of
 * the date shown under it as the date and reason change, worded as `qifu inspect
 * check` words it. Saving goes through app_inspection_register, the path of `qifu
 * inspect register`. */
#ifndef QIFU_UI_CALENDAR_PLAN_FORM_H
#define QIFU_UI_CALENDAR_PLAN_FORM_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "model/inspection_reason.h"
#include "ui/calendar/answer.h"
#include "ui/pane.h"

typedef struct calreg calreg;

/* a form for a plan dated date over the reasons of t, which must outlive it */
calreg *calreg_new(shell *sh, const inspection_reason_table *t, qdate date);
/* free *c and set it to NULL; NULL is fine */
void calreg_free(calreg **c);
/* one key: REACT_* flags; REACT_CLOSE when the form is left or the plan registered
 * (calreg_saved then says which), REACT_UNHANDLED for the shell's keys */
unsigned calreg_key(calreg *c, const pane_event *ev);
/* the plan registered, its date and the advice given (too often, joint inspection):
 * 0 until one was */
int64_t calreg_saved(const calreg *c, qdate *date, const char *const **advice, int *nadvice);
/* the form and the verdict under it, as the pane lays out and draws them */
calanswer *calreg_frame(calreg *c);

#endif
