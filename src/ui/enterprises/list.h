/* Pure decisions of the Enterprises pane, without curses so the unit tests link them:
 * which of the list's columns (app/enterprise_list.h, shared with the command line)
 * are sort keys, the summary lines of the register and of the coverage list, the
 * routing explanation of the 360 view and the default export file name. */
#ifndef QIFU_UI_ENTERPRISES_LIST_H
#define QIFU_UI_ENTERPRISES_LIST_H
#include <stdbool.h>

#include "app/coverage.h"
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
/* the coverage list's summary line for a line width columns wide, the position at its
 * widest ("L/L", L the count listed) and a space before it kept free: the counts in the
 * longest of their forms that fits, fewer words each ("覆盖缺口：57 家中 12 家（无专员 3，
 * 未送卡 9，90 天未走访 5）", "缺口 12/57（…，90 天未走访 5）", "缺口 12/57（…，未走访 5）",
 * "缺口 12/57": the visit window goes before the counts, as every row's gaps name it),
 * pick's filter after them instead of each gap's count (translated; caller frees) */
char *entlist_coverage_summary(const coverage_sum *sum, int visit_days,
                               const app_coverage_pick *pick, int width);
/* why the lead unit serves e: the routing rule's reason, or "overridden by a
 * supervisor: REASON" (translated; caller frees) */
char *entlist_routing_note(const routing *rt, const ent_record *e);
/* "./企业_20261201.xlsx" (or .csv when xlsx is not available), translated name */
char *entlist_export_name(qdate today, bool xlsx);

#endif
