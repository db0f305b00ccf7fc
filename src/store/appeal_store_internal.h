/* What the pieces of the appeal store share (appeal_store.c: the record and
 * registration; appeal_store_move.c, appeal_store_list.c, appeal_store_recount.c):
 * reading one record, writing timer rows, and the earliest running deadline that
 * next_due keeps. Not for use outside src/store. */
#ifndef QIFU_APPEAL_STORE_INTERNAL_H
#define QIFU_APPEAL_STORE_INTERNAL_H
#include <stdbool.h>
#include <stdint.h>

#include "store/appeal_store.h"

/* the earliest due date of the running timers: what lists filter and sort by */
qdate appeal_store_next_due(const ticket_timers *tm);
/* the record by number, or by id when number is NULL, with its timeline when events:
 * 0 found, 1 none, -1 error */
int appeal_store_read(db *d, const char *number, int64_t id, bool events,
		appeal_record *a, store_err *err);
/* insert or replace the row of one timer of appeal id */
int appeal_store_write_timer(db *d, int64_t id, ticket_timer which,
		const ticket_timer_state *ts, store_err *err);
/* write the timers of after that differ from before (all started ones when before
 * is NULL), adding "timer due DATE" to the event summary for the started ones; d
 * NULL writes nothing and only adds to the summary (a held record's timers are
 * written with its row, appeal_store_write_held) */
int appeal_store_write_timers(db *d, int64_t id, const ticket_timers *before,
		const ticket_timers *after, strbuf *sum, store_err *err);
/* the timer rows of appeal id that differ between read (as its rows were read) and
 * now (started ones only) */
int appeal_store_write_timers_since(db *d, int64_t id, const ticket_timers *read,
		const ticket_timers *now, store_err *err);

#endif
