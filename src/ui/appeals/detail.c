/* The appeal detail view: what staff need to decide a ladder move at a glance (who
 * leads, which deadline runs and how late it is, the level) and the dispatch records
 * held so far, oldest first, each with its decision and outcome. */
#include "ui/appeals/detail.h"

#include <stdio.h>

#include "app/appeal.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/escalation.h"
#include "store/escalation_store.h"

/* 会议调度 2026-12-01 二级 and its place, attendees, decision, due and outcome */
static void add_dispatch(detail *d, const esc_dispatch *x)
{
	char day[16], due[16];
	strbuf b = STRBUF_INIT;
	sb_addf(&b, "%s %s %s", _(escalation_mode_label(x->mode)), date_format(x->date, day),
	        _(escalation_level_short(x->level)));
	if (*x->place)
		sb_addf(&b, _(", at %s"), x->place);
	if (*x->attendees)
		sb_addf(&b, _("; attendees: %s"), x->attendees);
	sb_addf(&b, _("; decision: %s"), x->decision);
	if (x->new_due != DATE_NONE)
		sb_addf(&b, _("; new due date %s"), date_format(x->new_due, due));
	if (x->outcome)
		sb_addf(&b, _("; outcome: %s"), x->outcome);
	else
		sb_add(&b, _("; no outcome yet"));
	detail_item(d, sb_str(&b));
	sb_free(&b);
}

int appeal_detail_fill(detail *d, app_ctx *ctx, const appeal_record *a, bool keep_scroll,
		strbuf *err)
{
	esc_dispatch *x = NULL;
	int n = 0;
	if (a->level && esc_store_dispatches(app_db(ctx), a->id, &x, &n, err) < 0)
		return -1;
	detail_clear(d, keep_scroll);
	char *title = xasprintf("%s  %s", a->number, a->title);
	detail_title(d, title);
	xfree(&title);
	detail_field(d, _("Enterprise"), a->enterprise_name);
	detail_field(d, _("State"), _(ticket_state_label(a->state)));
	detail_field(d, _("Kind"), _(ticket_kind_label(a->kind)));
	detail_field(d, _("Lead unit"), a->lead_unit ? a->lead_unit : "-");
	detail_field(d, _("Dispatch level"),
	             a->level ? _(escalation_level_label(a->level)) : _("not dispatched"));
	ticket_params p = app_ticket_params(ctx);
	qdate prov_from = DATE_NONE, prov_to = DATE_NONE;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &a->timers.t[i];
		int days = 0;
		ticket_light_t l = ticket_timer_light(ts, ctx->today, app_calendar(ctx), p.yellow_days,
		                                      &days);
		if (l == TICKET_LIGHT_NONE)
			continue;
		char due[16];
		strbuf t = STRBUF_INIT;
		sb_addf(&t, _("%s, "), date_format(ts->due, due));
		app_light_text(l, days, &t);
		if (i == TICKET_TIMER_HANDLE && app_appeal_suggested(ctx, ts->due, a->level))
			sb_addf(&t, "  %s", _(escalation_suggest_label()));
		appeal_timer_provisional(ctx, ts, &t, &prov_from, &prov_to);
		detail_field(d, _(ticket_timer_label((ticket_timer)i)), sb_str(&t));
		sb_free(&t);
	}
	appeal_timers_caveat(ctx, d, prov_from, prov_to);
	if (a->description && *a->description) {
		detail_section(d, _("Description"));
		detail_note(d, a->description);
	}
	detail_section(d, _("Dispatch records"));
	for (int i = 0; i < n; i++)
		add_dispatch(d, &x[i]);
	if (n == 0)
		detail_note(d, _("No dispatch has been held yet."));
	esc_dispatches_free(&x, n);
	return 0;
}

void appeal_timer_provisional(app_ctx *ctx, const ticket_timer_state *ts, strbuf *s,
		qdate *from, qdate *to)
{
	/* counted across a statutory day of a year whose notice is not out yet */
	if (!calendar_span_provisional(app_calendar(ctx), ts->start, ts->due))
		return;
	sb_addf(s, "  %s", _("(provisional)"));
	if (*from == DATE_NONE || ts->start < *from)
		*from = ts->start;
	if (*to == DATE_NONE || ts->due > *to)
		*to = ts->due;
}

void appeal_timers_caveat(app_ctx *ctx, detail *d, qdate from, qdate to)
{
	if (from == DATE_NONE)
		return;
	strbuf c = STRBUF_INIT;
	app_calendar_caveat(ctx, from, to, &c);
	detail_note(d, sb_str(&c));
	sb_free(&c);
}
