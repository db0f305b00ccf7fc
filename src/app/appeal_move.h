/* The one path an appeal move takes, from the command line and from the Appeals
 * pane alike: decide it with the rules for the acting staff member, check what was
 * typed, count the timers and write it under the version check. Registration goes
 * the same way. Messages are built here, translated, into err; printing is the
 * caller's. */
#ifndef QIFU_APPEAL_MOVE_H
#define QIFU_APPEAL_MOVE_H

#include "app/app.h"
#include "model/ticket.h"
#include "store/appeal_store.h"

/* how a move ended */
typedef enum appeal_move_rc {
	APPEAL_MOVE_ERROR = -1,      /* the database failed */
	APPEAL_MOVE_DONE = 0,
	APPEAL_MOVE_REFUSED = 1,     /* the rules, the merge target or a stale version said no */
	APPEAL_MOVE_BAD_INPUT = 2,   /* what was typed does not do for the move */
} appeal_move_rc;

/* Make action on rec (as read at rec->version) for the acting staff member with in as
 * typed (a report's day, DATE_NONE, is today and its reporter, NULL or "", the acting
 * staff member): ticket_decide, ticket_input_check, the merge target's check,
 * ticket_timers_apply and appeal_store_move. *m gets the verdict and *after the
 * timers as written (both may be read whatever the outcome). */
appeal_move_rc appeal_move_make(app_ctx *ctx, const appeal_record *rec, ticket_action action,
		const ticket_input *in, ticket_move *m, ticket_timers *after, strbuf *err);

/* Register a new appeal for the acting staff member: ticket_decide(REGISTER), the
 * timers from today, appeal_store_create. a's first_person, state and timers are
 * filled here, and first_unit when NULL (the actor's unit); a first_unit given must
 * pass ticket_may_register_for. With a->visit_problem_id the problem is linked in the
 * same transaction, refused when it already became an appeal. number gets the new
 * number, *after the started timers. */
appeal_move_rc appeal_move_register(app_ctx *ctx, appeal_new *a,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err);

/* appeal_move_register inside the caller's db_begin transaction (an import's) */
appeal_move_rc appeal_move_register_held(app_ctx *ctx, appeal_new *a,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err);

/* the longest appeal title, in characters */
enum { APPEAL_MOVE_TITLE_MAX = 100 };
/* the caller of a new appeal: a name or a role, and a phone number, in characters */
enum { APPEAL_CALLER_MAX = 50, APPEAL_PHONE_MAX = 30 };

/* Turn problem seq (1-based) of visit visit_id into an appeal of kind, channel visit,
 * through appeal_move_register: the visit's enterprise, the problem's text as title
 * (cut to APPEAL_MOVE_TITLE_MAX), the visiting unit as first-responsible unit, and the
 * problem linked to it in the same transaction. BAD_INPUT for a visit the actor cannot
 * see or a problem it does not have; REFUSED when the problem already became an
 * appeal (err names it) or the rules say no. */
appeal_move_rc appeal_move_from_visit(app_ctx *ctx, int64_t visit_id, int seq, ticket_kind kind,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err);

/* Turn problem seq (1-based) of outreach event event_id into an appeal of kind,
 * channel meeting, as appeal_move_from_visit does: the enterprise that raised it,
 * its text as title, the organising unit as first-responsible unit, the problem
 * linked in the same transaction. BAD_INPUT for an event or problem there is not (or
 * the actor cannot see), REFUSED when it already became an appeal or the rules say no. */
appeal_move_rc appeal_move_from_outreach(app_ctx *ctx, int64_t event_id, int seq,
		ticket_kind kind, char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err);

/* Turn talent service request id into an appeal of kind, channel online (人才码): its
 * enterprise, "SERVICE：TALENT" as title and the detail as description, its responsible
 * unit first responsible, the link in the same transaction. BAD_INPUT for a request
 * there is not (or the actor cannot see), REFUSED when it already became an appeal or
 * the rules say no. */
appeal_move_rc appeal_move_from_talent(app_ctx *ctx, int64_t id, ticket_kind kind,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err);

/* Turn whistle whistle_id into an appeal of kind through appeal_move_register, in one
 * action: the whistle's enterprise, its text as title and description, its caller,
 * the channel it came by, the commissioner's unit as first-responsible unit, and the
 * whistle linked to it in the same transaction. BAD_INPUT for a whistle the actor
 * cannot see; REFUSED when it already became an appeal or the rules say no. */
appeal_move_rc appeal_move_from_whistle(app_ctx *ctx, int64_t whistle_id, ticket_kind kind,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err);

#endif
