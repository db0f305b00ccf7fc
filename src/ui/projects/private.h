/* The Projects pane's state and what its files share: pane.c (the list, the card, the
 * keys, the ops) and forms.c (add a project, add an item, move the stage, move an item,
 * the ledger export). Nothing outside src/ui/projects/ includes this. */
#ifndef QIFU_UI_PROJECTS_PRIVATE_H
#define QIFU_UI_PROJECTS_PRIVATE_H
#include <stdbool.h>

#include "app/project.h"
#include "ui/detail.h"
#include "ui/form.h"
#include "ui/listview.h"
#include "ui/shell.h"

typedef enum proj_mode { PMODE_LIST, PMODE_CARD, PMODE_FORM } proj_mode;
typedef enum proj_purpose { PP_ADD, PP_ITEM_ADD, PP_STAGE, PP_ITEM_MOVE } proj_purpose;

typedef struct proj_pane {
	shell *sh;
	listview *lv;
	project_row *rows;        /* the list, most urgent first (app_project_list) */
	int n;
	char **cells;             /* n * PROJECT_COL__COUNT words */
	bool stale;

	proj_mode mode, back;
	detail *det;
	project_row card;         /* the project the card or a form is about */
	bool have_card;
	form *form;
	proj_purpose purpose;
	int f_name, f_ent, f_investor, f_introducer, f_investment, f_site, f_area, f_signed;
	int f_kind, f_unit, f_target, f_stage, f_on, f_item, f_state, f_note, f_appeal;
	char *hint;
} proj_pane;

/* pane.c: the list read again on the next draw, the cursor on number when given */
void projects_reload(proj_pane *p, const char *number);
/* read project number into the card again; false when gone (said) */
bool projects_load_card(proj_pane *p, const char *number);

/* forms.c */
void projects_form_add(proj_pane *p);
void projects_form_item_add(proj_pane *p);
void projects_form_stage(proj_pane *p);
void projects_form_item_move(proj_pane *p);
unsigned projects_form_key(proj_pane *p, const pane_event *ev);
/* F7: the ledger (项目台账) of every project to an xlsx file named at a prompt */
void projects_export(proj_pane *p);

#endif
