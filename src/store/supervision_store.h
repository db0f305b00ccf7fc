/* The facts behind the supervision figures (全面督导, DOMAIN §3): one assignment row
 * per dispatch of an appeal to a lead unit, completed by the moves that follow it in
 * the same transaction, and the per-unit counts `qifu report units` turns into rates
 * with model/supervision.h. */
#ifndef QIFU_SUPERVISION_STORE_H
#define QIFU_SUPERVISION_STORE_H
#include <stdint.h>

#include "core/workday.h"
#include "model/supervision.h"
#include "model/ticket.h"
#include "store/db.h"

/* note what move a, made today (db_today) on the appeal, means for its assignment:
 * a dispatch to lead opens one (with the dispatch limit of before), sign, return,
 * extend, answer and the first callback complete the open one; other moves change
 * nothing. Inside the move's transaction. */
int sup_store_note_move(db *d, int64_t appeal_id, ticket_action a, const char *lead,
		const ticket_timers *before, store_err *err);
/* note that the appeal's open assignment reached level (escalation), inside the
 * escalation's transaction */
int sup_store_note_level(db *d, int64_t appeal_id, int level, store_err *err);

/* a dispatch's place in the (day, id) order the figures are counted in */
typedef struct sup_key {
	qdate day;
	int64_t id;
} sup_key;

/* Per lead unit, the counts of the appeals dispatched to it from from to to (both
 * included), followed up to today, a chunk at a time: up to limit dispatches after
 * the one at *after (NULL: from the first) in (day, id) order, each counted into its
 * unit's row of *rows (added when new: units owned, for sup_store_counts_free), their
 * keys into keys[], *got = how many. Signing on time is within dispatch_days working
 * days of cal after the dispatch. 0 or -1. */
int sup_store_count_dispatches(db *d, qdate from, qdate to, const calendar *cal,
		int dispatch_days, const sup_key *after, int limit, sup_key *keys, int *got,
		supervision_counts **rows, int *n, store_err *err);
/* then each unit's open appeals red today (one count per unit), and the rows ordered
 * by unit; units with nothing to count are left out. 0 or -1 */
int sup_store_count_overdue(db *d, qdate today, supervision_counts **rows, int *n,
		store_err *err);
/* free the rows of the counts and set *rows to NULL */
void sup_store_counts_free(supervision_counts **rows, int n);

#endif
