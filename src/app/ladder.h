/* The three ladder moves (escalate, schedule a dispatch, record its outcome) as one
 * sequence each: the level check, escalation_decide, the input checks and the store
 * write under the version check. The CLI, the Escalation pane and the demo all move
 * appeals through these, so that each move is decided and applied in one place: a use
 * case of the application layer, beside app/appeal_move.h. */
#ifndef QIFU_APP_LADDER_H
#define QIFU_APP_LADDER_H
#include <stdint.h>

#include "core/strbuf.h"
#include "core/workday.h"
#include "model/escalation.h"
#include "store/appeal_store.h"
#include "store/db.h"

/* who moves, where and when; all borrowed */
typedef struct esc_mover {
	db *d;
	const char *login;               /* written into the event row */
	const escalation_actor *who;     /* the same person as the rules see them */
	const calendar *cal;
	qdate today;
} esc_mover;

/* what a move came to; err holds the translated message of every result but DONE */
typedef enum esc_move_result {
	ESC_MOVE_ERROR = -1,             /* the database failed */
	ESC_MOVE_DONE = 0,               /* written */
	ESC_MOVE_REFUSED = 1,            /* not this actor, level or state; or changed since seen */
	ESC_MOVE_INVALID = 2,            /* the typed reason, record or outcome is not usable */
} esc_move_result;

/* whether the actor may make act on seen now (the first step of every move, for a
 * form that should not open in vain): DONE, or REFUSED with the reason in err */
esc_move_result esc_move_check(const esc_mover *m, const appeal_record *seen,
		escalation_action act, escalation_verdict *v, strbuf *err);
/* raise seen one level with reason; v gets the verdict (v->level, v->next) */
esc_move_result esc_move_escalate(const esc_mover *m, const appeal_record *seen,
		const char *reason, escalation_verdict *v, strbuf *err);
/* record dispatch r at seen's level (r->level is set here); after gets seen's timers
 * with the record's new due date applied, *id the record's id */
esc_move_result esc_move_schedule(const esc_mover *m, const appeal_record *seen,
		escalation_record *r, ticket_timers *after, int64_t *id, strbuf *err);
/* text as the outcome of the latest dispatch at seen's level that has none; *id its id */
esc_move_result esc_move_outcome(const esc_mover *m, const appeal_record *seen,
		const char *text, int64_t *id, strbuf *err);

#endif
