/* The Calendar pane's state and what its files share: pane.c (the keys of each mode,
 * the jump prompt, the ops), month.c (the month grid, the text under it and the
 * selected day's inspections) and notice_import.c (a holiday notice previewed, then
 * imported). Nothing outside src/ui/calendar/ includes this. */
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
#include "ui/detail.h"
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
} cal_mode;

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

/* notice_import.c: ask for the notice file; its preview follows */
void calendar_import_start(cal_pane *p);
/* a key in the preview: y imports, anything else leaves it (help, menu, quit pass) */
unsigned calendar_import_key(cal_pane *p, const pane_event *ev);
void calendar_import_drop(cal_pane *p);

#endif
