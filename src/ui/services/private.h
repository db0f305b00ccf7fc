/* The Services pane's state and what its files share: pane.c (the modes, the keys,
 * the ops), lists.c (the outreach event, talent request and programme lists over the
 * store) and
 * view.c (an event with who attended and the problems raised). Nothing outside
 * src/ui/services/ includes this. */
#ifndef QIFU_UI_SERVICES_PRIVATE_H
#define QIFU_UI_SERVICES_PRIVATE_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "store/outreach_store.h"
#include "store/talent_store.h"
#include "ui/detail.h"
#include "ui/form.h"
#include "ui/list_window.h"
#include "ui/listview.h"
#include "ui/shell.h"

typedef enum svc_mode {
	SVC_EVENTS,      /* 宣讲活动: the outreach events, newest first */
	SVC_TALENT,      /* 人才服务: the talent service requests, newest first */
	SVC_PROGRAMMES,  /* 校企合作: the school–enterprise programmes, newest start first */
	SVC_EVENT_VIEW,  /* one event: who attended, the problems raised */
	SVC_FORM,        /* a form on the event */
	SVC_SHEET_PREVIEW, /* a sign-in sheet read for the event, before it is recorded */
} svc_mode;

typedef enum svc_form {
	SVC_FORM_PROBLEM,  /* a problem raised, made an appeal when asked */
	SVC_FORM_ATTEND,   /* enterprises that attended */
	SVC_FORM_EVENT,    /* a new event */
	SVC_FORM_MOVE,     /* a talent request moved */
	SVC_FORM_REQUEST,  /* a new talent request */
	SVC_FORM_PROG_ADD, /* a new school–enterprise programme */
	SVC_FORM_PROG_EDIT, /* a programme changed */
} svc_form;

typedef struct svc_pane {
	shell *sh;
	svc_mode mode;
	/* the two lists, each a window of the store's rows */
	outreach_filter ev_filter;
	list_window ev_rows;
	listview *ev_lv;
	talent_filter tal_filter;
	list_window tal_rows;
	listview *tal_lv;
	talent_prog_filter prog_filter;
	list_window prog_rows;
	listview *prog_lv;
	strbuf cell;               /* the text of the cell last worded */
	/* the event the view shows */
	detail *view;
	int64_t event_id;
	/* the open form and its fields' indexes */
	form *form;
	svc_form purpose;
	int fld[8];
	int64_t request_id;        /* the talent request the move form is about */
	talent_programme prog;     /* the programme the edit form is about, as read */
	/* the sign-in sheet being previewed (sheet.c) */
	char *sheet_path;
	strbuf sheet_bad;          /* its unmatched lines, one a line */
	long sheet_nbad;
	int sheet_named;
	char *hint;
} svc_pane;

/* lists.c */
void services_lists_create(svc_pane *p);
void services_lists_destroy(svc_pane *p);
/* the list of the current view mode */
listview *services_list(svc_pane *p);
/* the event under the cursor of the events list, when it is loaded */
const outreach_rec *services_event_row(svc_pane *p);
/* the request under the cursor of the talent list, when it is loaded */
const talent_request *services_request_row(svc_pane *p);
/* the programme under the cursor of the programme list, when it is loaded */
const talent_programme *services_programme_row(svc_pane *p);
void services_lists_recalc(svc_pane *p, ui_rect r);
void services_lists_repaint(svc_pane *p, ui_rect r);

/* view.c: read event id into the detail and show it; false (said on the status line)
 * when it cannot be read */
bool services_open_event(svc_pane *p, int64_t id, bool keep_scroll);

/* sheet.c: I in an event's view: a sign-in sheet's file asked for, then its preview
 * (SVC_SHEET_PREVIEW in p->view); finish records it when yes, then back in the event */
void services_sheet_start(svc_pane *p);
void services_sheet_finish(svc_pane *p, bool yes);
void services_sheet_free(svc_pane *p);

/* forms.c: the forms on the event the view shows, when the actor may */
void services_form_problem(svc_pane *p);
void services_form_attend(svc_pane *p);
/* the lists' forms: a new event; a move of talent request r */
void services_form_event(svc_pane *p);
void services_form_move(svc_pane *p, const talent_request *r);
/* a new talent service request */
void services_form_request(svc_pane *p);
/* a new school–enterprise programme; a change of programme r */
void services_form_programme(svc_pane *p);
void services_form_programme_edit(svc_pane *p, const talent_programme *r);
/* a key for the open form; saved or left, back in the event's view */
unsigned services_form_key(svc_pane *p, const pane_event *ev);

#endif
