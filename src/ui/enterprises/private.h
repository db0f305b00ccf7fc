/* The Enterprises pane's state and what its files share: pane.c (the list, the keys,
 * the ops), view.c (the 360 view), forms.c (the register entry, the filter, the 360
 * view's records, undo), needs.c (the coordination list of open financing needs),
 * io.c (export, import and its preview), card.c (the contact card form). Nothing outside
 * src/ui/enterprises/ includes this. */
#ifndef QIFU_UI_ENTERPRISES_PRIVATE_H
#define QIFU_UI_ENTERPRISES_PRIVATE_H
#include <stdbool.h>
#include <stdint.h>

#include "app/coverage.h"
#include "app/ent_io.h"
#include "model/category.h"
#include "store/enterprise_store.h"
#include "store/financing_store.h"
#include "store/whistle_store.h"
#include "store/staff_store.h"
#include "ui/detail.h"
#include "ui/enterprises/records.h"
#include "ui/form.h"
#include "ui/list_window.h"
#include "ui/listview.h"
#include "ui/shell.h"

/* MODE_NEEDS: the coordination desk's list of open financing needs (needs.c) */
/* MODE_WHISTLES: the whistles and their report-ins (whistles.c) */
/* MODE_COVERAGE: the enterprises with coverage gaps (coverage.c) */
typedef enum pane_mode { MODE_LIST, MODE_VIEW, MODE_FORM, MODE_PREVIEW, MODE_NEEDS,
	MODE_WHISTLES, MODE_COVERAGE } pane_mode;
typedef enum form_purpose { FP_ADD, FP_EDIT, FP_FILTER, FP_CHOOSE, FP_RECORD, FP_NEEDS_FILTER,
	FP_NEED, FP_WHISTLES_FILTER, FP_WHISTLE, FP_COVERAGE_FILTER, FP_CARD } form_purpose;

/* the last edit of this session, written back by undo (and again by redo) */
typedef struct undo_rec {
	bool have;
	bool undone;
	ent_record before, after;
} undo_rec;

/* good rows an import preview shows */
#define IMPORT_PREVIEW_ROWS 10

typedef struct ent_pane {
	shell *sh;
	listview *lv;
	catalog cat;
	bool have_cat;
	ent_filter filter;
	char *search;
	char *search_before;     /* restored when the search prompt is cancelled */
	char *f_category, *f_area, *f_lead, *f_pool;
	char *f_class;            /* a class code (ent_class_code), or NULL */
	const char *class_cats[16]; /* the categories of that class, for the filter */
	ent_sort sort;
	bool desc;
	list_window rows;        /* the list's visible records */
	strbuf cell;
	ui_rect rect;

	pane_mode mode, back;    /* back: where a form returns to */
	/* the form and what it is for */
	form *form;
	form_purpose purpose;
	ent_record form_old;     /* the record an edit started from */
	bool form_masked;        /* its personal fields are shown masked in the form */
	int fld[ENT_F__COUNT];   /* form field of each enterprise field, -1 when absent */
	int fld_uscc_reason, fld_lead, fld_lead_reason;
	int fld_category, fld_class, fld_area, fld_lead_filter, fld_pool, fld_warning, fld_gone;
	/* the records of the 360 view and their forms */
	entrec *rec;
	ent_record rec_ent;      /* the enterprise a record form is about */
	/* the 360 view, full screen or beside the list */
	detail *view;
	int64_t view_id;         /* the enterprise the view shows; 0 none */
	bool split, focus_detail;
	pane_mode view_back;     /* where Esc in the 360 view goes: the list or coverage */
	/* import preview: the rows refused, and those kept with a field left empty */
	ent_import_result imp;
	bool have_imp;
	struct imp_first { ent_record e; long line; } imp_first[IMPORT_PREVIEW_ROWS];
	int nfirst;              /* the first good rows, which the preview shows */
	struct imp_notes { strbuf text; long n; } imp_errors, imp_warnings;
	/* export waiting for an overwrite answer */
	char *export_path;
	bool cancelled;          /* Esc during the last long work: not an error */
	undo_rec undo;
	char *hint;
	/* the open financing needs of every enterprise the actor sees, by area and status */
	listview *needs_lv;
	list_window needs_rows;
	fin_filter needs_filter;
	char *n_area;
	int fld_need_area, fld_need_status;
	strbuf needs_cell;
	/* the whistles of every enterprise the actor sees, by unit, open or all */
	listview *wh_lv;
	list_window wh_rows;
	whistle_filter wh_filter;
	char *wh_unit;
	int fld_wh_unit, fld_wh_open;
	strbuf wh_cell;
	/* the enterprises with coverage gaps the actor sees, a window read by key, and
	 * the counts of the summary line, made once a read (open, F4, F5, back) */
	listview *cov_lv;
	list_window cov_rows;
	coverage_filter cov_f;
	coverage_sum cov_sum;
	int cov_days;
	bool cov_read;
	strbuf cov_cell;
	/* its F4 filter: an area, a lead unit (NULL: any), one gap (COV_GAP__COUNT: any) */
	char *cov_area, *cov_unit;
	coverage_gap cov_gap;
	int fld_cov_area, fld_cov_unit, fld_cov_gap;
	/* the contact card form (card.c): its fields and the file it offered */
	int fld_card_format, fld_card_path, fld_card_deliver;
	char *card_default;
} ent_pane;

/* pane.c: the database and the person at the keyboard */
db *enterprises_db(ent_pane *p);
const staff *enterprises_actor(ent_pane *p);
/* a category code in words, full or short; the code itself without the catalogue */
const char *enterprises_category_label(ent_pane *p, const char *code, bool full);
/* the list's row under the cursor, when it is loaded */
const ent_record *enterprises_cursor_row(ent_pane *p);
/* the search and filters into the list's query, from its first row */
void enterprises_apply_filter(ent_pane *p);

/* view.c: the 360 view of row (NULL: none selected), kept scrolled when it is the same
 * enterprise */
void enterprises_view_build(ent_pane *p, const ent_record *row);
/* the 360 view of the cursor's enterprise, full screen */
void enterprises_view_open(ent_pane *p);
/* the 360 view again, as the enterprise is now, at the same scroll position */
void enterprises_view_rebuild(ent_pane *p);

/* forms.c: the form for a new enterprise (e NULL) or for editing e */
void enterprises_form_record(ent_pane *p, const ent_record *e);
/* the edit form of enterprise id, when it still exists and the actor may */
void enterprises_form_edit(ent_pane *p, int64_t id);
void enterprises_form_filter(ent_pane *p);
/* F2 in the 360 view: which record to add to the enterprise shown */
void enterprises_form_choose_record(ent_pane *p);
/* a key for the open form: saved, applied or left as its buttons say */
unsigned enterprises_form_key(ent_pane *p, const pane_event *ev);
void enterprises_clear_filters(ent_pane *p);
/* undo the session's last edit, or redo it when it was undone */
void enterprises_undo(ent_pane *p);
void enterprises_undo_clear(undo_rec *u);

/* forms.c: the coordination list's filter (area and status); the change form of the
 * need under its cursor */
void enterprises_form_needs_filter(ent_pane *p);
void enterprises_form_need(ent_pane *p, const fin_rec *need);

/* needs.c: the coordination list, its summary line and its keys */
void needs_create(ent_pane *p);
void needs_destroy(ent_pane *p);
/* from the register to the list (and back with the same key) */
void needs_open(ent_pane *p);
/* the filter's values into the list's query, from its first row */
void needs_apply_filter(ent_pane *p);
void needs_recalc(ent_pane *p, ui_rect r);
void needs_repaint(ent_pane *p, ui_rect r);
unsigned needs_event(ent_pane *p, const pane_event *ev);

/* io.c: ask for the file to export the list to */
void enterprises_export_start(ent_pane *p);
/* export now to path (an existing file is replaced) */
void enterprises_export_now(ent_pane *p, const char *path);
/* ask for the file to import; its preview follows */
void enterprises_import_start(ent_pane *p);
/* the preview's answer: import the checked rows when yes and there is nothing bad */
void enterprises_import_finish(ent_pane *p, bool yes);
void enterprises_import_drop(ent_pane *p);

/* card.c: the contact card form of the enterprise under the cursor or in the 360 view,
 * or (in the coverage list) of every enterprise listed */
void enterprises_card_start(ent_pane *p);
/* its Print: the cards written and, when asked, the one recorded delivered */
void enterprises_card_save(ent_pane *p);

/* whistles.c: the whistle list, its summary line, its filter and its keys */
void whistles_create(ent_pane *p);
void whistles_destroy(ent_pane *p);
/* from the financing needs to the list (the same key goes on to the register) */
void whistles_open(ent_pane *p);
/* the filter's values into the list's query, from its first row */
void whistles_apply_filter(ent_pane *p);
void whistles_form_filter(ent_pane *p);
/* the filter form's buttons: applied, or cleared (clear) */
void whistles_filter_done(ent_pane *p, bool clear);
/* forms.c: F4 in the coverage list: area, lead unit and gap */
void enterprises_form_coverage_filter(ent_pane *p);
void whistles_recalc(ent_pane *p, ui_rect r);
void whistles_repaint(ent_pane *p, ui_rect r);
unsigned whistles_event(ent_pane *p, const pane_event *ev);

/* coverage.c: the coverage list, its summary line and its keys */
void coverage_create(ent_pane *p);
void coverage_destroy(ent_pane *p);
/* from the whistles to the list, read again (the same key goes on to the register) */
void coverage_open(ent_pane *p);
/* from the 360 view back to the list, read again, the cursor where it was */
void coverage_back(ent_pane *p);
/* the enterprise under the coverage list's cursor, when loaded */
const coverage_row *coverage_cursor_row(const ent_pane *p);
/* the list's F4 filter as qifu coverage's pick */
void coverage_pick(const ent_pane *p, app_coverage_pick *pick);
void coverage_recalc(ent_pane *p, ui_rect r);
/* the filter form's Apply (or Clear all when clear): the list read again */
void coverage_filter_done(ent_pane *p, bool clear);
void coverage_repaint(ent_pane *p, ui_rect r);
unsigned coverage_event(ent_pane *p, const pane_event *ev);

#endif
