/* Appeal moves and registration as one sequence shared by `qifu appeal` and the
 * Appeals pane, so that the two can never decide or write a move differently: the
 * rules (model/ticket.h) decide, the store writes under the version check. */
#include "cli/appeal_move.h"

#include <string.h>

#include "cli/cli_args.h"
#include "cli/cmd_appeal.h"
#include "core/i18n.h"
#include "store/staff_store.h"

/* the merge target as the actor may see it and as the rules accept it */
static appeal_move_rc check_merge(cli_ctx *ctx, const appeal_record *src, const char *into,
		strbuf *err)
{
	appeal_record t;
	int found = appeal_store_get(cli_db(ctx), into, false, &t, err);
	if (found < 0)
		return APPEAL_MOVE_ERROR;
	const char *scope = cli_scope_area(ctx);
	/* an appeal outside an area officer's area is as good as absent to them */
	if (found > 0 || (scope && t.area && strcmp(scope, t.area) != 0)) {
		if (found == 0)
			appeal_record_clear(&t);
		sb_addf(err, _("no appeal %s"), into);
		return APPEAL_MOVE_REFUSED;
	}
	ticket_view sv = appeal_record_view(src), tv = appeal_record_view(&t);
	appeal_move_rc rc = ticket_merge_check(&sv, &tv, err) < 0 ? APPEAL_MOVE_REFUSED
		: APPEAL_MOVE_DONE;
	appeal_record_clear(&t);
	return rc;
}

appeal_move_rc appeal_move_make(cli_ctx *ctx, const appeal_record *rec, ticket_action action,
		const ticket_input *in, ticket_move *m, ticket_timers *after, strbuf *err)
{
	*after = rec->timers;
	ticket_actor who = appeal_cli_actor(ctx);
	ticket_view view = appeal_record_view(rec);
	if (!ticket_decide(&view, action, &who, m)) {
		ticket_refusal_text(&view, &who, m, err);
		return APPEAL_MOVE_REFUSED;
	}
	calendar *cal = cli_calendar(ctx);
	if (ticket_input_check(&view, &rec->timers, m, in, cal, ctx->today, err) < 0)
		return APPEAL_MOVE_BAD_INPUT;
	if (m->action == TICKET_ACT_MERGE) {
		appeal_move_rc rc = check_merge(ctx, rec, in->into, err);
		if (rc != APPEAL_MOVE_DONE)
			return rc;
	}
	ticket_params p = cli_ticket_params(ctx);
	ticket_timers_apply(after, m, &view, in, &p, cal, ctx->today);
	int w = appeal_store_move(cli_db(ctx), cli_actor(ctx)->login, rec, m, in, after, err);
	return w < 0 ? APPEAL_MOVE_ERROR : w > 0 ? APPEAL_MOVE_REFUSED : APPEAL_MOVE_DONE;
}

appeal_move_rc appeal_move_register(cli_ctx *ctx, appeal_new *a,
		char number[TICKET_NUMBER_SIZE], ticket_timers *after, strbuf *err)
{
	staff *me = cli_actor(ctx);
	ticket_actor who = appeal_cli_actor(ctx);
	ticket_view view = { NULL, a->uscc, TICKET_ST_NEW, a->kind, who.unit, NULL, NULL, 0 };
	ticket_move m;
	ticket_timers_init(after);
	if (!ticket_decide(&view, TICKET_ACT_REGISTER, &who, &m)) {
		ticket_refusal_text(&view, &who, &m, err);
		return APPEAL_MOVE_REFUSED;
	}
	ticket_params p = cli_ticket_params(ctx);
	ticket_timers_apply(after, &m, &view, NULL, &p, cli_calendar(ctx), ctx->today);
	a->first_unit = who.unit;
	a->first_person = me->id;
	a->state = m.to;
	a->timers = after;
	if (appeal_store_create(cli_db(ctx), me->login, a, number, err) < 0)
		return APPEAL_MOVE_ERROR;
	return APPEAL_MOVE_DONE;
}
