/* The form that prints an appeal's sheet (交办单 or 督办单) from wherever the appeal
 * is on screen, the Appeals pane's list and detail and the Escalation board: which
 * sheet, text or workbook, and the folder (the user's documents folder to start
 * with). The file is named after the sheet and the appeal and never replaces one that
 * is there: a second print gets "-2". What the sheet says is app/appeal_sheet.c's. */
#ifndef QIFU_UI_SHEET_FORM_H
#define QIFU_UI_SHEET_FORM_H
#include <stdbool.h>

#include "app/appeal_sheet.h"
#include "ui/form.h"
#include "ui/shell.h"

typedef struct sheet_form {
	int fld_kind, fld_format, fld_folder;
} sheet_form;

/* the form for appeal a, kind chosen to start with */
form *sheet_form_new(shell *sh, const appeal_record *a, app_sheet_kind kind, sheet_form *sf);
/* the form's Save: writes the sheet and says so on the status line (true), or puts
 * the reason on the form and leaves it open (false) */
bool sheet_form_save(shell *sh, form *f, const sheet_form *sf, const appeal_record *a);

#endif
