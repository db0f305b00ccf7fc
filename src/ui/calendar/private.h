/* The Calendar pane's state and what its files share: pane.c (the keys of each mode,
 * the jump prompt, the ops), month.c (the month grid, the text under it and the
 * selected day's inspections), plan_moves.c (a plan's detail and its moves, a refused
 * entry), plan_notice.c (printing a plan's inspection notice) and notice_import.c (a
 * holiday notice previewed, then imported); the register,
 * check and verify forms are objects of their own. Nothing outside src/ui/calendar/
 * includes this. */
#ifndef QIFU_UI_CALENDAR_PRIVATE_H
#define QIFU_UI_CALENDAR_PRIVATE_H
#include <stdbool.h>

#include "app/app.h"
#include "app/holiday_import.h"
#include "model/inspection_reason.h"
#include "model/inspection.h"
#include "model/month.h"
#include "store/inspection_store.h"
#include "ui/calendar/check_form.h"
#include "ui/calendar/layout.h"
#include "ui/calendar/plan_form.h"
#include "ui/calendar/verify_form.h"
#include "ui/detail.h"
#include "ui/form.h"
#include "ui/listview.h"
#include "ui/shell.h"

/* wrapped rows of the text under the grid */
#define CAL_INFO_MAX 12

typedef enum cal_mode {
	MODE_GRID,    /* the arrows move the day */
	MODE_LIST,    /* the arrows move in the day's inspections */
	MODE_DETAIL,  /* one inspection, full pane */
	MODE_CHECK,   /* the check-a-date form and its answer */
	MODE_PREVIEW, /* what a holiday notice would change, before y imports it */
	MODE_REGISTER, /* the register form with its live verdict */
	MODE_VERIFY,  /* the verify form and its answer */
	MODE_FORM,    /* a plan's move menu, a move's form or the refused-entry form */
	MODE_CONFIRM, /* [y/N] before an irreversible move (cancelling a plan) */
} cal_mode;

/* what the open form (MODE_FORM) is for */
typedef enum cal_purpose { CP_MENU, CP_DONE, CP_EVALUATE, CP_CANCEL, CP_REFUSAL, CP_NOTICE } cal_purpose;

/* one wrapped row of the text under the grid */
typedef struct info_row {
	char *text;
	ui_style st;
} info_row;

typedef struct cal_pane {
	shell *sh;
	inspection_params params;
	inspection_reason_table *reasons;   /* NULL when data/inspection_reasons.tsv is broken */
	char *reasons_err;
	qdate sel;                       /* the selected day; the month shown is its month */
	month_grid grid;
	cal_mode mode;
	cal_layout lay;
	info_row info[CAL_INFO_MAX];
	int ninfo;
	/* inspections per day of the month shown, read once per month */
	int counts[31];
	int counts_y, counts_m;
	bool counts_ok;
	/* the selected day's plans and their cells */
	inspection_record *day;
	char **cells;                    /* nday * the list's columns */
	int nday;
	qdate day_of;                    /* the day they were read for; DATE_NONE: read again */
	listview *lv;
	detail *view;
	calcheck *check;                 /* the check-a-date form while it is open */
	calreg *reg;                     /* the register form while it is open */
	calverify *verify;               /* the verify form while it is open */
	form *form;                      /* MODE_FORM's */
	cal_purpose purpose;
	int fld[5];                      /* the open form's fields, as its purpose numbers them */
	cal_mode back;                   /* where a form or [y/N] goes back to */
	inspection_record plan;          /* the plan of the detail, a move or [y/N], as read */
	bool have_plan;
	char *pending;                   /* the cancel reason waiting for [y/N] */
	holiday_preview pv;              /* the notice being imported (MODE_PREVIEW) */
	bool have_pv;
	char *hint;
} cal_pane;

/* pane.c: the context */
app_ctx *calendar_ctx(cal_pane *p);

/* month.c: the day's list widget */
void calendar_month_init(cal_pane *p);
void calendar_month_free(cal_pane *p);
/* the selected day's plans, when the day changed or the data was refreshed */
void calendar_load_day(cal_pane *p);
/* the grid of the selected day's month and the day's plans, read where stale */
void calendar_month_read(cal_pane *p);
/* read everything again on the next recalc (F5, or after the data changed) */
void calendar_refresh(cal_pane *p);
/* the grid, the text under it and the day's list laid out in r, and drawn */
void calendar_month_recalc(cal_pane *p, ui_rect r);
void calendar_month_repaint(cal_pane *p, ui_rect r);

/* plan_moves.c: a new form of purpose in MODE_FORM, going back to the mode it was
 * opened from */
void calendar_open_form(cal_pane *p, const char *title, cal_purpose purpose);
/* read plan id into p->plan; false (said) when it cannot be */
bool calendar_read_plan(cal_pane *p, int64_t id);
/* plan id, read afresh, in the detail (MODE_DETAIL), notes after its fields */
void calendar_show_plan(cal_pane *p, int64_t id, const char *const *notes, int nnotes);
/* the moves open to the actor on p->plan, as a menu form */
void calendar_moves_menu(cal_pane *p);
/* the form of an entry an enterprise refused, for the selected day */
void calendar_refusal_form(cal_pane *p);
/* a key for the open form; a key answering the [y/N] */
unsigned calendar_form_key(cal_pane *p, const pane_event *ev);
unsigned calendar_confirm_key(cal_pane *p, const pane_event *ev);
/* the [y/N] question, for the status line (owned by the pane) */
const char *calendar_confirm_question(cal_pane *p);
/* close the open form and forget the move waiting for its answer */
void calendar_forms_drop(cal_pane *p);

/* plan_notice.c: the form printing p->plan's inspection notice (F7 in its detail), or
 * why the plan has none on the status line; its Save */
void calendar_notice_form(cal_pane *p);
void calendar_notice_save(cal_pane *p);

/* notice_import.c: ask for the notice file; its preview follows */
void calendar_import_start(cal_pane *p);
/* a key in the preview: y imports, anything else leaves it (help, menu, quit pass) */
unsigned calendar_import_key(cal_pane *p, const pane_event *ev);
void calendar_import_drop(cal_pane *p);

#endif
