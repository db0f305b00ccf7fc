/* An appeal in a detail view: the Appeals tab's whole record (facts, time limits,
 * timeline, the moves open now), or the ladder view the Escalation board opens (facts,
 * running deadlines and lights, the dispatch level and every dispatch record with its
 * outcome), and the provisional-day caveat of the timers both show. */
#ifndef QIFU_UI_APPEALS_DETAIL_H
#define QIFU_UI_APPEALS_DETAIL_H
#include "app/app.h"
#include "core/strbuf.h"
#include "store/appeal_store.h"
#include "ui/detail.h"

/* fill d (cleared first, scroll kept) with the whole record of appeal a as ctx's actor
 * sees it today, the moves open to that actor last */
void appeal_detail_full(detail *d, app_ctx *ctx, const appeal_record *a);
/* fill d (cleared first, scroll kept when keep_scroll) with appeal a as ctx sees it
 * today, its dispatch records read from the store; -1 with the error in err */
int appeal_detail_ladder(detail *d, app_ctx *ctx, const appeal_record *a, bool keep_scroll,
		strbuf *err);

/* "(暂定)" after a timer's text when its due date was counted across a provisional rest
 * day; *from..*to (DATE_NONE at first) widen to cover it, for appeal_timers_caveat */
void appeal_timer_provisional(app_ctx *ctx, const ticket_timer_state *ts, strbuf *s,
		qdate *from, qdate *to);
/* under the timers: what the provisional years of from..to are counted with */
void appeal_timers_caveat(app_ctx *ctx, detail *d, qdate from, qdate to);

#endif
