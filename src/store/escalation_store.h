/* Three-level dispatch (三级调度) in the database: raising an appeal's level, the
 * dispatch records held at each level and their outcomes, each written with the
 * appeal's version check and its event in one transaction; and the Escalation
 * board's queries: per level a count and a window, and the overdue list. Who may do
 * what is model/escalation.h's: callers decide there, the store writes. */
#ifndef QIFU_ESCALATION_STORE_H
#define QIFU_ESCALATION_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "core/workday.h"
#include "model/escalation.h"
#include "store/appeal_store.h"
#include "store/db.h"

/* one dispatch record as stored; strings owned, freed by esc_dispatch_clear */
typedef struct esc_dispatch {
	int64_t id;
	int level;
	escalation_mode mode;
	qdate date;
	char *place;               /* "" when not given */
	char *attendees;           /* "" when not given */
	char *decision;
	qdate new_due;             /* DATE_NONE when the dispatch set none */
	char *outcome;             /* NULL until recorded */
	char *outcome_by;          /* login; NULL until recorded */
	char *outcome_at;          /* "YYYY-MM-DD HH:MM:SS"; NULL until recorded */
	char *by;                  /* login of who recorded it */
	char *by_name;             /* their name, "" when the login is gone */
	char *at;                  /* when it was recorded */
} esc_dispatch;

/* The board's counts: per level (indexed by the level itself, [0] unused) and the
 * overdue list's length. */
typedef struct esc_board_counts {
	long level[ESC_LEVEL_LEAD_UNIT + 1];
	long overdue;
} esc_board_counts;

/* free what a dispatch record owns and zero it */
void esc_dispatch_clear(esc_dispatch *x);
/* clear n records and free the array; *v becomes NULL */
void esc_dispatches_free(esc_dispatch **v, int n);

/* Raise seen one level as the allowed verdict v (ESC_ACT_ESCALATE) says, with the
 * reason: level, version + 1, the "escalate" event, in one BEGIN IMMEDIATE
 * transaction. 0 written, 1 refused (stale, or v not allowed; err says why), -1 */
int esc_store_escalate(db *d, const char *actor, const appeal_record *seen,
		const escalation_verdict *v, const char *reason, store_err *err);
/* Record the checked dispatch r held on seen at r->level; after is seen's timers with
 * escalation_timers_apply done (its handling due date then becomes the appeal's),
 * next_due, version + 1 and the "schedule" event, in one transaction. *id gets the
 * record's id. 0, 1 refused (stale), -1 */
int esc_store_schedule(db *d, const char *actor, const appeal_record *seen,
		const escalation_record *r, const ticket_timers *after, int64_t *id,
		store_err *err);
/* Write text as the outcome of the latest dispatch held at seen's level that has none
 * yet, version + 1 and the "outcome" event, in one transaction. *id gets the record's
 * id. 0, 1 refused (stale, or no dispatch at the level awaits an outcome), -1 */
int esc_store_outcome(db *d, const char *actor, const appeal_record *seen, const char *text,
		int64_t *id, store_err *err);
/* the dispatch records of an appeal, oldest first; *out for esc_dispatches_free */
int esc_store_dispatches(db *d, int64_t appeal_id, esc_dispatch **out, int *n, store_err *err);

/* the appeal_state_bit()s of the states the board shows: from dispatch until closed,
 * where a level's holder may still record an outcome (escalation_state_allows) */
unsigned esc_board_states(void);
/* out = base narrowed to the board's appeals: at level (1..3), or with 0 the overdue
 * list (red, any level); base keeps today, scope, unit and leader filters */
void esc_board_filter(const appeal_filter *base, int level, appeal_filter *out);
/* the count of every board list under base */
int esc_store_board_counts(db *d, const appeal_filter *base, esc_board_counts *c,
		store_err *err);
/* rows [offset, offset + limit) of a board list (level 1..3, or 0 for the overdue
 * list), earliest deadline first: the overdue list is most overdue first */
int esc_store_board_window(db *d, const appeal_filter *base, int level, long offset,
		int limit, appeal_row *rows, int *n, store_err *err);
/* up to limit rows of a board list next to the appeal whose id is from (0: an
 * end), after it or (back) before it, read by key as appeal_store_window_from */
int esc_store_board_window_from(db *d, const appeal_filter *base, int level, int64_t from,
		bool back, int limit, appeal_row *rows, int *n, store_err *err);

/* 建议升级 for an appeal at level whose running handling timer is due on handle_due
 * (DATE_NONE: none runs), today, with [appeal] escalate_after_days after_days */
bool esc_suggested(qdate handle_due, int level, const calendar *cal, qdate today,
		int after_days);

#endif
