/* Pre-investment projects, their stage dates and their items. Every write is one
 * BEGIN IMMEDIATE transaction with its event row (entity "project", the project's
 * id); stage moves and item state changes are checked against the stored row inside
 * that transaction (model/project.h), a refusal is STORE_E_PROJECT_REFUSED. */
#ifndef QIFU_PROJECT_STORE_H
#define QIFU_PROJECT_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/project.h"
#include "store/db.h"

/* which projects a list reads; zero fields do not filter */
typedef struct project_filter {
	int stage;              /* a project_stage, or -1 for any */
	const char *area;
	int64_t enterprise_id;
} project_filter;

/* what an edit changes; NULL (or < 0) keeps a field */
typedef struct project_edit {
	const char *name;
	int64_t enterprise_id;      /* > 0: the investor is this enterprise of the register */
	const char *investor;       /* a name to be registered (enterprise_id then 0) */
	const char *introducer;
	int64_t investment_fen;     /* < 0 keeps it */
	const char *site;
	const char *area;
} project_edit;

/* what a change of an item asks; NULL, < 0 or DATE_NONE keeps a field */
typedef struct project_item_change {
	int state;                  /* a project_item_state, -1 to keep it */
	const char *unit;
	qdate target;
	const char *note;
	qdate on;                   /* the day it was done (a move to done), DATE_NONE: today */
} project_item_change;

/* store a new project (p->on[PROJ_SIGNED] set, stage signed) and its items p->items,
 * numbered in the year of the database's today; number gets its number. 0 or -1 */
int project_store_add(db *d, const char *actor, const project_rec *p,
                      char number[PROJECT_NUMBER_SIZE], store_err *err);
/* one project with its items: 0 found, 1 none (STORE_E_NO_PROJECT), -1 error */
int project_store_get(db *d, const char *number, project_rec *p, store_err *err);
/* every project the filter lets through, with its items, in number order, into a
 * new array *out of *n (free each with project_rec_clear, then the array) */
int project_store_list(db *d, const project_filter *f, project_rec **out, int *n,
                       store_err *err);
/* change the fields e sets: 0, 1 nothing changed or no such project, -1 */
int project_store_edit(db *d, const char *actor, const char *number, const project_edit *e,
                       store_err *err);
/* move the project to stage to, reached on day on: 0, 1 refused or none, -1 */
int project_store_move(db *d, const char *actor, const char *number, project_stage to,
                       qdate on, store_err *err);
/* add item it (its seq is given the next number, *seq gets it): 0, 1 none, -1 */
int project_store_item_add(db *d, const char *actor, const char *number,
                           const project_item *it, int *seq, store_err *err);
/* change item seq of the project as c asks: 0, 1 refused or none, -1 */
int project_store_item_set(db *d, const char *actor, const char *number, int seq,
                           const project_item_change *c, store_err *err);
/* the item seq that is stuck becomes the appeal numbered appeal, which the caller's
 * transaction registered (the link and its event in that transaction): 0, 1 refused
 * or none, -1 */
int project_store_item_appeal_held(db *d, const char *actor, const char *number, int seq,
                                   const char *appeal, store_err *err);
#endif
