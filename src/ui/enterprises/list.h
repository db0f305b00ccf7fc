/* Pure decisions of the Enterprises pane, without curses so the unit tests link them:
 * which of the list's columns (app/enterprise_list.h, shared with the command line)
 * are sort keys, the summary line, the routing explanation of the 360 view and the
 * default export file name. */
#ifndef QIFU_UI_ENTERPRISES_LIST_H
#define QIFU_UI_ENTERPRISES_LIST_H
#include <stdbool.h>

#include "core/date.h"
#include "model/enterprise.h"
#include "store/enterprise_store.h"

/* the column a sort key orders (the ^ or v goes there) */
int entlist_sort_column(ent_sort s);
/* the sort key after s, in screen order of the columns */
ent_sort entlist_next_sort(ent_sort s);

/* "Filter: hqjs 规上工业 昌东镇  Sort: Name^  57 enterprises" (translated); parts are
 * what narrows the list, already in words; count < 0 leaves the count out; more:
 * there are more than count ("1000+ enterprises") */
char *entlist_summary(const char *const *parts, int nparts, ent_sort sort, bool desc,
                      long count, bool more);
/* why the lead unit serves e: the routing rule's reason, or "overridden by a
 * supervisor: REASON" (translated; caller frees) */
char *entlist_routing_note(const routing *rt, const ent_record *e);
/* "./企业_20261201.xlsx" (or .csv when xlsx is not available), translated name */
char *entlist_export_name(qdate today, bool xlsx);

#endif
