/* The Appeals pane's state and what its files share: pane.c (the saved views, the
 * list, the keys, the ops) and forms.c (the moves and their [y/N], the callback
 * queue, the intake form). The detail is appeals/detail.c, which needs none of this.
 * Nothing outside src/ui/appeals/ includes this. */
#ifndef QIFU_UI_APPEALS_PRIVATE_H
#define QIFU_UI_APPEALS_PRIVATE_H
#include <stdbool.h>

#include "app/app.h"
#include "app/order_io.h"
#include "store/appeal_store.h"
#include "ui/detail.h"
#include "ui/form.h"
#include "ui/list_window.h"
#include "ui/listview.h"
#include "ui/sheet_form.h"
#include "ui/shell.h"

typedef enum pane_mode {
	MODE_LIST, MODE_VIEW, MODE_FORM, MODE_CONFIRM,
	MODE_PREVIEW, /* a work-order import's dry run, ending in [y/N] */
	MODE_HELD,    /* the matching queue of held work orders */
} pane_mode;
typedef enum form_purpose {
	FP_MENU, FP_MOVE, FP_INTAKE, FP_CALLBACK, FP_SHEET, FP_MATCH
} form_purpose;

/* the sections of a work-order import's preview */
enum { ORDER_NOTE_BAD, ORDER_NOTE_NEW, ORDER_NOTE_HELD, ORDER_NOTE_KNOWN, ORDER_NOTE__COUNT };
struct order_notes {
	strbuf text;              /* one line each, the first few */
	long n;                   /* how many in all */
};

typedef struct app_pane {
	shell *sh;
	listview *lv;
	appeal_view view;
	long counts[APPEAL_VIEW__COUNT];
	bool counted;
	bool counts_ok;           /* counted, and counts[] read (not zeroed by a failure) */
	bool typing;              /* a search is typed: the tabs are counted when no key waits */
	appeal_filter filter;
	char *search, *search_before;
	appeal_sort sort;
	bool desc;
	list_window rows;         /* the list's visible appeal_rows */
	strbuf cell;
	int tab_lines;

	pane_mode mode, back;
	detail *det;
	appeal_record rec;        /* the appeal the detail or a form is about */
	bool have_rec;
	form *form;
	form_purpose purpose;
	bool queue;               /* the callback form walks the 待回访 view */
	ticket_action acts[TICKET_ACT__COUNT];
	int nacts;
	ticket_action act;        /* the move the form or confirmation is for */
	int fld_text, fld_unit, fld_related, fld_date, fld_into, fld_verdict;
	int fld_on, fld_how, fld_by;      /* the report to the enterprise */
	int fld_ent, fld_title, fld_kind, fld_channel, fld_desc, fld_caller, fld_phone, fld_role;
	sheet_form sheet;         /* the print-a-sheet form's fields */
	char *similar_key;        /* the enterprise and title the warning was shown for */
	/* a move waiting for [y/N] */
	char *p_text, *p_unit, *p_into, *p_by;
	char **p_related;
	int p_nrelated;
	qdate p_until, p_on;
	ticket_how p_how;
	char *hint;
	/* orders.c: the import's preview, the matching queue, the order being matched */
	order_import_result imp;
	bool have_imp;
	bool imp_skip_bad;  /* the preview's s: import the good rows, skip the bad ones */
	struct order_notes imp_notes[ORDER_NOTE__COUNT];
	order_rec *held;
	int nheld;
	listview *held_lv;
	int64_t match_id;
	char *match_no;
} app_pane;

/* pane.c: the context and its database */
app_ctx *appeals_ctx(app_pane *p);
db *appeals_db(app_pane *p);
/* the current view and search into the list's query; the counts are read again */
void appeals_apply_filter(app_pane *p);
/* read the appeal number again (after a move, or a stale one); false when gone */
bool appeals_load_rec(app_pane *p, const char *number);
/* the counts, the list and the detail read again */
void appeals_refresh(app_pane *p);

/* forms.c: the moves open to the actor on p->rec, as a menu form */
void appeals_form_menu(app_pane *p);
/* the form that prints p->rec's 交办单 or 督办单 */
void appeals_form_sheet(app_pane *p);
/* the intake form of a new appeal */
void appeals_form_intake(app_pane *p);
/* the callback queue: the first appeal of the 待回访 view in its callback form */
void appeals_callback_next(app_pane *p);
/* a key for the open form */
unsigned appeals_form_key(app_pane *p, const pane_event *ev);
/* a key answering the [y/N] of an irreversible move */
unsigned appeals_confirm_key(app_pane *p, const pane_event *ev);
/* forget the move waiting for its answer */
void appeals_drop_pending(app_pane *p);

/* orders.c: the work-order import: the path prompt, then the preview */
void appeals_import_start(app_pane *p);
/* whether the previewed import would write anything */
bool appeals_import_can(const app_pane *p);
/* the preview's s: whether the bad rows are skipped, the good ones imported (as
 * --skip-bad); false when there is nothing to toggle */
bool appeals_import_toggle_skip(app_pane *p);
/* the answer to the preview's [y/N]: yes imports the file again for good */
void appeals_import_finish(app_pane *p, bool yes);
/* forget the preview; _free also its buffers */
void appeals_import_drop(app_pane *p);
void appeals_import_free(app_pane *p);
/* the matching queue: its list (init, free), read again, shown */
void appeals_held_init(app_pane *p);
void appeals_held_free(app_pane *p);
void appeals_held_load(app_pane *p);
void appeals_held_open(app_pane *p);
void appeals_held_recalc(app_pane *p, ui_rect r);
void appeals_held_repaint(app_pane *p, ui_rect r);
/* the enterprise picker for the held order under the cursor */
void appeals_form_match(app_pane *p);
/* assign the order to the enterprise picked; true when registered (the status line
 * names the appeal), false with the reason in the form */
bool appeals_match_save(app_pane *p);

#endif
