/* The enterprise register as a list, once for both faces: its columns (what the
 * Enterprises pane draws and what qifu enterprise list and show print) and the text
 * of each cell. */
#ifndef QIFU_APP_ENTERPRISE_LIST_H
#define QIFU_APP_ENTERPRISE_LIST_H
#include "app/column.h"
#include "core/strbuf.h"
#include "model/category.h"
#include "model/enterprise.h"
#include "store/enterprise_store.h"

/* the columns, in the order both faces show them */
enum app_ent_col {
	ENT_COL_NAME,
	ENT_COL_WARNING,       /* the screen only: the mark of an open warning */
	ENT_COL_USCC,
	ENT_COL_CATEGORY,
	ENT_COL_AREA,
	ENT_COL_GROUP,         /* the command line only */
	ENT_COL_AVIATION,      /* the command line only */
	ENT_COL_INTRODUCED,    /* the command line only */
	ENT_COL_LEAD,
	ENT_COL_COOP,          /* the command line only from here on */
	ENT_COL_ADDRESS,
	ENT_COL_LEGAL_REP,
	ENT_COL_CONTACT,
	ENT_COL_PHONE,
	ENT_COL_COMMISSIONER,
	ENT_COL_APPEALS,       /* the screen only */
	ENT_COL_STATUS,        /* operating status: on wide screens, and last in CSV/JSON */
	ENT_COL_CLASS,         /* the plan's three classes: 五上, 规限下, 其他 */
	ENT_COL__COUNT
};
extern const app_column app_ent_columns[ENT_COL__COUNT];

/* the text of column col of e, in form, appended to out; cat words the category
 * (NULL: its code is shown) */
void app_ent_cell(const ent_record *e, int col, app_cell_form form, const catalog *cat,
                  strbuf *out);

/* the class of e (ent_class_decide over its category's class in cat) */
ent_class app_ent_class(const ent_record *e, const catalog *cat);
/* narrow f to the enterprises of class c: the class code, and the categories of that
 * class from cat into cats (room for max codes and the NULL), which f then borrows */
void app_ent_filter_class(ent_filter *f, ent_class c, const catalog *cat, const char **cats,
                          int max);

#endif
