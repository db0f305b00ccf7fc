/* Pre-investment projects (投前, policy (一)2(1)) once for both faces: add, edit and
 * move a project, add and change its items, turn a stuck item into an appeal; the
 * list in the order the desk works it (most overdue first) with each project's
 * summary, and the cells of that list and of a project's checklist, which the
 * Projects tab, `qifu project` and the ledger (项目台账) all print. */
#ifndef QIFU_APP_PROJECT_H
#define QIFU_APP_PROJECT_H
#include <stdint.h>

#include "app/app.h"
#include "app/column.h"
#include "app/records.h"
#include "model/project.h"
#include "store/project_store.h"

/* what a person typed for a project; the texts are cleaned in place (NULL: not
 * given; on an edit, kept) */
typedef struct project_form {
	char *name;
	char *enterprise;        /* the USCC of a registered investor */
	char *investor;          /* or the name of one still to be registered */
	char *introducer;        /* the introducing unit */
	int64_t investment_fen;  /* -1: not given */
	char *site;
	char *area;              /* its town or sub-district */
	qdate signed_on;         /* add only; DATE_NONE: today */
} project_form;

void project_form_clear(project_form *f);

/* a new project signed on f->signed_on with every item of the data, each given its
 * default unit and its target counted in working days from the signing; number gets
 * its number */
app_record_rc app_project_add(app_ctx *ctx, project_form *f, char number[PROJECT_NUMBER_SIZE],
                              strbuf *err);
app_record_rc app_project_edit(app_ctx *ctx, const char *number, project_form *f,
                               strbuf *err);
/* move to stage to, reached on day on (DATE_NONE: today) */
app_record_rc app_project_move(app_ctx *ctx, const char *number, project_stage to, qdate on,
                               strbuf *err);
/* add an item of kind (a code or name of the data) with unit (NULL: the kind's) and
 * target (DATE_NONE: the kind's time limit from today); *seq gets its number */
app_record_rc app_project_item_add(app_ctx *ctx, const char *number, const char *kind,
                                   const char *unit, qdate target, int *seq, strbuf *err);
/* change item seq as c asks (c->note is cleaned in place) */
app_record_rc app_project_item_set(app_ctx *ctx, const char *number, int seq,
                                   project_item_change *c, char **note, strbuf *err);
/* the stuck item seq becomes an appeal of the investor, first-responsible unit the
 * projects' lead (区项目中心), registered and linked in one transaction; appeal gets
 * its number */
app_record_rc app_project_item_appeal(app_ctx *ctx, const char *number, int seq,
                                      ticket_kind kind, char appeal[TICKET_NUMBER_SIZE],
                                      strbuf *err);

/* one project as read: 0, 1 none (or outside an area officer's area), -1; err says */
int app_project_get(app_ctx *ctx, const char *number, project_rec *p, strbuf *err);

/* a project of a list with what its items come to today */
typedef struct project_row {
	project_rec rec;
	project_summary sum;
} project_row;

void project_rows_free(project_row **rows, int n);
/* the projects f lets through (an area officer's own area only) whose light is light
 * (a ticket_light_t, -1 for any), most urgent first (project_summary_cmp): 0 or -1
 * with err */
int app_project_list(app_ctx *ctx, const project_filter *f, int light, project_row **rows,
                     int *n, strbuf *err);
/* the summary of p today */
void app_project_summary(app_ctx *ctx, const project_rec *p, project_summary *out);

/* a "项目少跑路" span in words into out: "40 days (28 working days)", or "not yet" */
void app_project_span_text(project_span sp, strbuf *out);

/* the columns of the project list: the Projects tab (those with a width) and
 * qifu project list (those with a key, in this order) */
typedef enum app_project_col {
	PROJECT_COL_NUMBER, PROJECT_COL_NAME, PROJECT_COL_INVESTOR, PROJECT_COL_STAGE,
	PROJECT_COL_LIGHT, PROJECT_COL_DUE, PROJECT_COL_ITEMS, PROJECT_COL_DONE,
	PROJECT_COL_STUCK, PROJECT_COL_ON_TIME, PROJECT_COL_AREA, PROJECT_COL_INVESTMENT,
	PROJECT_COL_SIGNED, PROJECT_COL_STARTED, PROJECT_COL_PRODUCING,
	PROJECT_COL_DAYS_TO_START, PROJECT_COL_WORKDAYS_TO_START,
	PROJECT_COL_DAYS_TO_PRODUCE, PROJECT_COL_WORKDAYS_TO_PRODUCE, PROJECT_COL_INTRODUCER,
	PROJECT_COL_SITE, PROJECT_COL_USCC,
	PROJECT_COL__COUNT
} app_project_col;

extern const app_column app_project_columns[PROJECT_COL__COUNT];
void app_project_cell(const project_row *r, int col, app_cell_form form, strbuf *out);

/* the columns of a project's checklist */
typedef enum app_item_col {
	ITEM_COL_SEQ, ITEM_COL_KIND, ITEM_COL_GROUP, ITEM_COL_UNIT, ITEM_COL_TARGET,
	ITEM_COL_STATE, ITEM_COL_LIGHT, ITEM_COL_DUE, ITEM_COL_DONE_ON, ITEM_COL_APPEAL,
	ITEM_COL_NOTE,
	ITEM_COL__COUNT
} app_item_col;

extern const app_column app_item_columns[ITEM_COL__COUNT];
/* the cell col of item it (of a project whose rules are r) on day today */
/* item it's light today (project_item_light with the settings' yellow days) */
ticket_light_t app_item_light(app_ctx *ctx, const project_item *it);
void app_item_cell(app_ctx *ctx, const project_item *it, int col, app_cell_form form,
                   strbuf *out);

/* the project ledger (项目台账): every project f and light let through, in list order, one row
 * each with its stage dates and figures, as an xlsx workbook at path; *rows gets how
 * many. 0, or -1 with err (nothing is left at path) */
int app_project_ledger(app_ctx *ctx, const project_filter *f, int light, const char *path,
                       int *rows, strbuf *err);

#endif
