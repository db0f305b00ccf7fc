/* A form with an answer under it, the frame the Calendar's check, register and verify
 * forms share: the form as high as it needs (or a fixed height), then a heading and the
 * answer, each of its lines wrapped, in the error style when it says no. */
#ifndef QIFU_UI_CALENDAR_ANSWER_H
#define QIFU_UI_CALENDAR_ANSWER_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "model/inspection_reason.h"
#include "ui/form.h"

typedef struct calanswer {
	form *form;
	const char *heading;   /* the answer's heading, a msgid */
	int rows;              /* the form's height; 0: as high as it needs */
	strbuf text;           /* the answer; "" shows nothing */
	bool ok;               /* drawn plain, else in the error style */
	ui_rect form_r, answer_r;
} calanswer;

/* the form and the answer laid out in r */
void calanswer_recalc(calanswer *a, ui_rect r);
/* every cell of the rectangle the last recalc was given */
void calanswer_repaint(calanswer *a);
/* a key for the form: REACT_UNHANDLED for the shell's keys, REACT_CLOSE when it is
 * left, else REACT_RECALC with *pressed telling whether its first button was pressed
 * (the owner then answers) */
unsigned calanswer_key(calanswer *a, const pane_event *ev, bool *pressed);
/* free the form and the answer */
void calanswer_clear(calanswer *a);
/* a choice of the reasons of t by their Chinese names (the first chosen); its index */
int calanswer_add_reasons(form *f, const char *label, const inspection_reason_table *t);

#endif
