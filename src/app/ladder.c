/* The ladder moves as single sequences shared by the CLI, the Escalation pane and the
 * demo: decide with model/escalation.h, check what was typed, then write through
 * store/escalation_store.h, which refuses a stale version. */
#include "app/ladder.h"

#include "app/store_text.h"
#include "core/i18n.h"
#include "store/escalation_store.h"

/* "N: msg" into err from a message the model put into why */
static void numbered(const appeal_record *seen, strbuf *why, strbuf *err)
{
	sb_addf(err, "%s: %s", seen->number, sb_str(why));
	sb_free(why);
}

esc_move_result esc_move_check(const esc_mover *m, const appeal_record *seen,
		escalation_action act, escalation_verdict *v, strbuf *err)
{
	if (!seen->level) {
		sb_addf(err, _("%s has not been dispatched: it is at no dispatch level yet"),
		        seen->number);
		return ESC_MOVE_REFUSED;
	}
	ticket_view t = appeal_record_view(seen);
	if (escalation_decide(&t, seen->level, act, m->who, v))
		return ESC_MOVE_DONE;
	strbuf why = STRBUF_INIT;
	escalation_refusal_text(&t, m->who, v, &why);
	numbered(seen, &why, err);
	return ESC_MOVE_REFUSED;
}

/* a store write's 0 / 1 / -1 as a result, its refusal or failure se worded into err */
static esc_move_result stored(int w, const store_err *se, strbuf *err)
{
	app_store_text(se, err);
	return w == 0 ? ESC_MOVE_DONE : w > 0 ? ESC_MOVE_REFUSED : ESC_MOVE_ERROR;
}

/* escalation_text_check of a reason or outcome; DONE when usable */
static esc_move_result text_ok(const appeal_record *seen, escalation_action act,
		const char *text, strbuf *err)
{
	strbuf why = STRBUF_INIT;
	if (escalation_text_check(act, text ? text : "", &why) == 0) {
		sb_free(&why);
		return ESC_MOVE_DONE;
	}
	numbered(seen, &why, err);
	return ESC_MOVE_INVALID;
}

esc_move_result esc_move_escalate(const esc_mover *m, const appeal_record *seen,
		const char *reason, escalation_verdict *v, strbuf *err)
{
	esc_move_result r = esc_move_check(m, seen, ESC_ACT_ESCALATE, v, err);
	if (r == ESC_MOVE_DONE)
		r = text_ok(seen, ESC_ACT_ESCALATE, reason, err);
	store_err se = { 0 };
	if (r == ESC_MOVE_DONE)
		r = stored(esc_store_escalate(m->d, m->login, seen, v, reason, &se), &se, err);
	return r;
}

esc_move_result esc_move_schedule(const esc_mover *m, const appeal_record *seen,
		escalation_record *r, ticket_timers *after, int64_t *id, strbuf *err)
{
	escalation_verdict v;
	esc_move_result res = esc_move_check(m, seen, ESC_ACT_SCHEDULE, &v, err);
	if (res != ESC_MOVE_DONE)
		return res;
	r->level = seen->level;
	strbuf why = STRBUF_INIT;
	if (escalation_record_check(r, m->cal, m->today, seen->timers.t[TICKET_TIMER_HANDLE].start,
	                            &why) < 0) {
		numbered(seen, &why, err);
		return ESC_MOVE_INVALID;
	}
	sb_free(&why);
	*after = seen->timers;
	escalation_timers_apply(after, r, m->cal, m->today);
	store_err se = { 0 };
	return stored(esc_store_schedule(m->d, m->login, seen, r, after, id, &se), &se, err);
}

esc_move_result esc_move_outcome(const esc_mover *m, const appeal_record *seen,
		const char *text, int64_t *id, strbuf *err)
{
	escalation_verdict v;
	esc_move_result r = esc_move_check(m, seen, ESC_ACT_OUTCOME, &v, err);
	if (r == ESC_MOVE_DONE)
		r = text_ok(seen, ESC_ACT_OUTCOME, text, err);
	store_err se = { 0 };
	if (r == ESC_MOVE_DONE)
		r = stored(esc_store_outcome(m->d, m->login, seen, text, id, &se), &se, err);
	return r;
}
