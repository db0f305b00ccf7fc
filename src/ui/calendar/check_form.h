/* The Calendar's "check a date" form: the inspection date, the reason picked from
 * data/inspection_reasons.tsv by its Chinese name and the registration date, and under
 * them the answer `qifu inspect check` would give, worded by the same function. The
 * form stays open after an answer, so that another reason or date can be tried. */
#ifndef QIFU_UI_CALENDAR_CHECK_FORM_H
#define QIFU_UI_CALENDAR_CHECK_FORM_H
#include <stdbool.h>

#include "app/app.h"
#include "core/date.h"
#include "model/inspection_reason.h"
#include "ui/calendar/answer.h"
#include "ui/pane.h"

typedef struct calcheck calcheck;

/* a form for date (registration: today) over the reasons of t, which must outlive it */
calcheck *calcheck_new(shell *sh, const inspection_reason_table *t, qdate date);
/* free *c and set it to NULL; NULL is fine */
void calcheck_free(calcheck **c);
/* one key: REACT_* flags; REACT_CLOSE when the form is left, REACT_UNHANDLED for the
 * shell's keys (help, menu) */
unsigned calcheck_key(calcheck *c, const pane_event *ev);
/* the form and its answer, as the pane lays out and draws them */
calanswer *calcheck_frame(calcheck *c);

/* "2026-12-10 (Thu), 一般性检查, registered on 2026-12-01: refused: …" with the holiday
 * caveat, appended to out: the check's answer, as the register form shows it live too;
 * true when the rules allow the date */
bool calcheck_answer_text(app_ctx *ctx, qdate date, const inspection_reason *reason, qdate reg,
		strbuf *out);

#endif
