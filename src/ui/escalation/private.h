/* The Escalation pane's state and what its files share: pane.c (the appeal the keys
 * act on, the keys of each mode, the ops), board.c (the board's four lists), forms.c
 * (the filter, the ladder moves, the reports' period) and reports.c (the supervision
 * figures, the quarterly and the annual assessment) and ratings.c (a rating, a ratings import,
 * the freeze, the reports' export). Nothing outside src/ui/escalation/ includes
 * this. */
#ifndef QIFU_UI_ESCALATION_PRIVATE_H
#define QIFU_UI_ESCALATION_PRIVATE_H
#include <stdbool.h>

#include "app/rating.h"
#include "app/report_text.h"
#include "model/assessment.h"
#include "model/escalation.h"
#include "store/appeal_store.h"
#include "store/escalation_store.h"
#include "store/supervise_store.h"
#include "ui/detail.h"
#include "ui/form.h"
#include "ui/list_window.h"
#include "ui/listview.h"
#include "ui/sheet_form.h"
#include "ui/shell.h"

/* the board's lists: the three level columns left to right, then the overdue list */
enum { L_LEVEL3, L_LEVEL2, L_LEVEL1, L_OVERDUE, L__COUNT };

typedef enum pane_mode {
	MODE_BOARD, MODE_VIEW, MODE_FORM, MODE_UNITS, MODE_QUARTER, MODE_PREVIEW, MODE_YEAR,
	MODE_SUPV,           /* 督办/问责 (supervisors and leaders) */
	MODE_STAFF,          /* the staff (administrators) */
	MODE_STAFF_CONFIRM,  /* [y/N] before a login is disabled or enabled */
} pane_mode;
typedef enum form_purpose {
	FP_FILTER, FP_ESCALATE, FP_SCHEDULE, FP_OUTCOME, FP_PERIOD, FP_QUARTER, FP_SHEET,
	FP_RATING, FP_FREEZE, FP_YEAR, FP_STAFF_ADD, FP_STAFF_EDIT,
	FP_SUPV_ADD, FP_SUPV_OUTCOME, FP_ACC_ADD
} form_purpose;

typedef struct esc_pane esc_pane;

/* one list of the board: the window of appeal_rows it shows, read by key */
typedef struct board_list {
	esc_pane *p;
	int which;                 /* L_* */
	listview *lv;
	list_window win;
	strbuf cell;               /* the text of the cell last asked for */
} board_list;

struct esc_pane {
	shell *sh;
	pane_mode mode, back;      /* back: where a form or the detail returns to */
	board_list lists[L__COUNT];
	int focus;                 /* L_* */
	esc_board_counts counts;
	bool counts_stale;
	char *f_unit;              /* filter: lead unit */
	char *f_leader;            /* filter: level-2 leader's login */
	char *f_leader_name;
	ui_rect rect;
	/* the detail view and the appeal a form or the view is about */
	detail *view;
	appeal_record rec;
	bool have_rec;
	form *form;
	form_purpose purpose;
	int fld[8];
	sheet_form sheet;          /* the print-a-sheet form's fields */
	/* report views: their text, one line each, and the scroll position */
	bool may_report;
	bool may_rate, may_freeze; /* enter and import ratings; freeze a quarter */
	bool may_freeze_year;      /* freeze the annual assessment of a year */
	qdate from, to;
	assessment_quarter quarter;
	int year;                  /* of the annual assessment */
	char **lines;
	int nlines, top;
	bool lines_stale;
	char *hint;
	/* a ratings import shown before [y/N] (MODE_PREVIEW, in view) */
	app_rating_import imp;
	bool have_imp;
	strbuf imp_errors;         /* the first refused rows, a line each */
	int imp_nbad;
	/* the staff view (MODE_STAFF): every login, read whole, its cells worded */
	bool may_staff;            /* app_allowed: staff administration */
	listview *staff_lv;
	struct staff **staff_rows;
	char **staff_cells;        /* nstaff * STAFF_COL__COUNT, owned */
	int nstaff, staff_off;
	bool staff_stale;
	char *staff_login;         /* the login a form or the [y/N] is about */
	bool staff_disable;        /* the [y/N] disables it (else enables it) */
	/* the 督办/问责 view (MODE_SUPV): every request, read whole, its cells worded */
	bool may_supervise;        /* app_allowed: supervision requests */
	listview *supv_lv;
	supv_row *supv_rows;
	char **supv_cells;         /* nsupv * SUPV_COL__COUNT, owned */
	int nsupv;
	bool supv_stale;
	int64_t supv_id;           /* the request an outcome or accountability form is about */
};

/* pane.c: the database */
db *escalation_db(esc_pane *p);
/* read the appeal numbered number afresh into p->rec; false when it is gone */
bool escalation_load_rec(esc_pane *p, const char *number);
/* the appeal the keys act on into p->rec: the one in the detail, else the board's */
bool escalation_current_rec(esc_pane *p);
/* the detail of p->rec; back on the board when it cannot be read */
void escalation_open_view(esc_pane *p, bool keep_scroll);

/* a form's choices whose strings the caller keeps until form_add_choice has copied
 * them; past 64 the rest are dropped */
typedef struct esc_options {
	form_option v[64];
	int n;
} esc_options;
void escalation_opt_add(esc_options *o, const char *value, const char *label);
/* r less its first line, where the staff and the 督办/问责 views count their rows */
ui_rect escalation_below_line(ui_rect r);

/* board.c: the four lists over the store's board */
void escalation_board_init(esc_pane *p);
void escalation_board_free(esc_pane *p);
/* the data changed (a move, a filter, F5): recount and refetch every list */
void escalation_reload(esc_pane *p);
/* the focused list's row under the cursor, when it is loaded */
const appeal_row *escalation_cursor_row(esc_pane *p);
void escalation_board_recalc(esc_pane *p, ui_rect r);
void escalation_board_repaint(esc_pane *p, ui_rect r);

/* forms.c: the board's filter form */
void escalation_form_filter(esc_pane *p);
/* the form that prints the current appeal's 督办单 (or 交办单) */
void escalation_form_sheet(esc_pane *p);
/* the form of a ladder move on the current appeal, when the rules allow it */
void escalation_form_move(esc_pane *p, escalation_action act);
/* the period of the supervision figures, the quarter or the year of the assessment */
void escalation_form_period(esc_pane *p);
/* open form f for purpose, returning to the current mode; close it */
void escalation_start_form(esc_pane *p, form *f, form_purpose purpose);
void escalation_close_form(esc_pane *p);
/* a key for the open form */
unsigned escalation_form_key(esc_pane *p, const pane_event *ev);

/* reports.c: which report the view shows, for its text and its export */
report_spec escalation_report_spec(const esc_pane *p);
/* the report view's lines for width, as the commands print them */
void escalation_report_build(esc_pane *p, int width);
void escalation_report_repaint(esc_pane *p, ui_rect r);
void escalation_report_free(esc_pane *p);

/* ratings.c: the rating form and its save */
void escalation_form_rating(esc_pane *p);
void escalation_save_rating(esc_pane *p);
/* the freeze of the view's quarter, or in the annual view of its year: the form that
 * says what it does, and its save */
void escalation_form_freeze(esc_pane *p);
void escalation_save_freeze(esc_pane *p);
/* a ratings CSV: the path prompt, then the preview in the view (MODE_PREVIEW) */
void escalation_import_start(esc_pane *p);
/* whether the preview's ratings may be imported (no bad row, at least one good) */
bool escalation_import_can(const esc_pane *p);
/* the answer to the preview's [y/N]: import all or nothing, back to the report */
void escalation_import_finish(esc_pane *p, bool yes);
void escalation_import_drop(esc_pane *p);
/* the report view's export: the path prompt, the file written, the status line */
void escalation_export_start(esc_pane *p);

/* staff.c: the staff view of administrators: the list, the add and edit forms, the
 * [y/N] before a login is disabled or enabled */
void escalation_staff_init(esc_pane *p);
void escalation_staff_free(esc_pane *p);
/* read the logins again (another session may have changed them); the cursor goes to
 * login (NULL: stays where it is) */
void escalation_staff_reload(esc_pane *p, const char *login);
void escalation_staff_recalc(esc_pane *p, ui_rect r);
void escalation_staff_repaint(esc_pane *p, ui_rect r);
unsigned escalation_staff_event(esc_pane *p, const pane_event *ev);
unsigned escalation_staff_confirm_key(esc_pane *p, const pane_event *ev);
const char *escalation_staff_hint(esc_pane *p);
/* the add or edit form's Save */
void escalation_staff_save(esc_pane *p);

/* supervise.c: the 督办/问责 view of supervisors and leaders: the requests, the forms
 * to file one, record its outcome and the accountability after an unresolved one */
void escalation_supv_init(esc_pane *p);
void escalation_supv_free(esc_pane *p);
/* read the requests again; the cursor goes to request id (0: stays) */
void escalation_supv_reload(esc_pane *p, int64_t id);
void escalation_supv_recalc(esc_pane *p, ui_rect r);
void escalation_supv_repaint(esc_pane *p, ui_rect r);
unsigned escalation_supv_event(esc_pane *p, const pane_event *ev);
bool escalation_supv_offers(action a);
const char *escalation_supv_hint(esc_pane *p);
/* a request, outcome or accountability form's Save (or Cancel) */
void escalation_supv_save(esc_pane *p);

#endif
