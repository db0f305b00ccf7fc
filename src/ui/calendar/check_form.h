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
#include "ui/pane.h"

typedef struct calcheck calcheck;

/* a form for date (registration: today) over the reasons of t, which must outlive it */
calcheck *calcheck_new(shell *sh, const inspection_reason_table *t, qdate date);
/* free *c and set it to NULL; NULL is fine */
void calcheck_free(calcheck **c);
/* one key: REACT_* flags; REACT_CLOSE when the form is left, REACT_UNHANDLED for the
 * shell's keys (help, menu) */
unsigned calcheck_key(calcheck *c, const pane_event *ev);
/* lay the form out in r with the answer under it */
void calcheck_recalc(calcheck *c, ui_rect r);
/* draw every cell of r as the last recalc laid it out */
void calcheck_repaint(calcheck *c, ui_rect r);
/* the focused field's caret on screen; false when none */
bool calcheck_caret(const calcheck *c, int *y, int *x);
/* the status line's hint (the form's own) */
const char *calcheck_hint(calcheck *c);

/* "2026-12-10 (Thu), 一般性检查, registered on 2026-12-01: refused: …" with the holiday
 * caveat, appended to out: the check's answer, as the register form shows it live too;
 * true when the rules allow the date */
bool calcheck_answer_text(app_ctx *ctx, qdate date, const inspection_reason *reason, qdate reg,
		strbuf *out);
/* an answer under a form in a: a heading row, then each line of text wrapped, in
 * style st; the rest of a blank */
void calcheck_draw_answer(ui_rect a, const char *heading, const char *text, ui_style st);

#endif
