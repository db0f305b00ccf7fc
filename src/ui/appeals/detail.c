/* An appeal in the detail view, two ways. The Appeals tab shows the whole record: its
 * facts, each time limit with its light, the timeline of every move and the moves open
 * to the actor now. The ladder view shows what staff need to decide a ladder move at a
 * glance (who leads, which deadline runs and how late it is, the level) and the
 * dispatch records held so far, oldest first, each with its decision and outcome. */
#include "ui/appeals/detail.h"

#include <stdio.h>
#include <string.h>

#include "app/appeal.h"
#include "app/event_text.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/escalation.h"
#include "store/escalation_store.h"
#include "ui/appeals/list.h"

/* ---- the Appeals tab: the whole record ---- */

static void field_date(detail *d, const char *label, qdate v)
{
	char buf[16];
	if (v != DATE_NONE)
		detail_field(d, label, date_format(v, buf));
}

static void field_str(detail *d, const char *label, const char *v)
{
	if (v && *v)
		detail_field(d, label, v);
}

static void timer_lines(detail *d, app_ctx *ctx, const appeal_record *a)
{
	ticket_params tp = app_ticket_params(ctx);
	bool any = false;
	qdate prov_from = DATE_NONE, prov_to = DATE_NONE;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &a->timers.t[i];
		if (ts->start == DATE_NONE && ts->due == DATE_NONE)
			continue;
		any = true;
		char due[16], done[16];
		strbuf s = STRBUF_INIT;
		sb_addf(&s, _("due %s"), ts->due != DATE_NONE ? date_format(ts->due, due) : "-");
		if (ticket_timer_running(ts)) {
			int n;
			ticket_light_t l = ticket_timer_light(ts, ctx->today, app_calendar(ctx),
			                                      tp.yellow_days, &n);
			sb_add(&s, "  ");
			app_light_text(l, n, &s);
			appeal_timer_provisional(ctx, ts, &s, &prov_from, &prov_to);
		} else if (ts->done != DATE_NONE) {
			sb_addf(&s, _("  stopped %s"), date_format(ts->done, done));
		}
		detail_field(d, _(ticket_timer_label((ticket_timer)i)), sb_str(&s));
		sb_free(&s);
	}
	if (!any)
		detail_note(d, _("No time limit has run yet."));
	appeal_timers_caveat(ctx, d, prov_from, prov_to);
}

static void timeline(detail *d, const appeal_record *a)
{
	for (int i = 0; i < a->nevents; i++) {
		const appeal_event *e = &a->events[i];
		strbuf s = STRBUF_INIT;
		sb_addf(&s, "%s  %s", e->at, e->by_name && *e->by_name ? e->by_name : e->by);
		sb_addf(&s, "  %s", app_event_action_text(e->action));
		if (e->summary && *e->summary) {
			sb_add(&s, "  ");
			app_event_summary_text(e->summary, &s);
		}
		if (e->reason && *e->reason)
			sb_addf(&s, _("  why: %s"), e->reason);
		detail_item(d, sb_str(&s));
		sb_free(&s);
	}
	if (a->nevents == 0)
		detail_note(d, _("No events."));
}

/* the moves the actor may make on a now, by the transition table */
static void moves_note(detail *d, app_ctx *ctx, const appeal_record *a)
{
	ticket_actor who = app_ticket_actor(ctx);
	ticket_view v = appeal_record_view(a);
	ticket_action acts[TICKET_ACT__COUNT];
	int n = ticket_allowed_actions(&v, &who, acts);
	if (n == 0) {
		detail_note(d, _("Nothing: no move is open to you on this appeal now."));
		return;
	}
	strbuf s = STRBUF_INIT;
	for (int i = 0; i < n; i++)
		sb_addf(&s, "%s%s", i ? "、" : "", _(ticket_action_label(acts[i])));
	detail_note(d, sb_str(&s));
	sb_free(&s);
}

void appeal_detail_full(detail *d, app_ctx *ctx, const appeal_record *a)
{
	detail_clear(d, true);
	char *title = xasprintf("%s  %s", a->number, a->title);
	detail_title(d, title);
	xfree(&title);
	detail_section(d, _("Appeal"));
	detail_field(d, _("Number"), a->number);
	detail_field(d, _("Enterprise"), a->enterprise_name);
	detail_field(d, _("USCC"), a->uscc);
	field_str(d, _("Area"), a->area);
	detail_field(d, _("Title"), a->title);
	detail_field(d, _("Kind"), _(ticket_kind_label(a->kind)));
	detail_field(d, _("Channel"), _(appeal_channel_label(a->channel)));
	char *caller = app_appeal_caller_text(a);
	detail_field(d, _("Caller"), caller);
	xfree(&caller);
	detail_field(d, _("State"), _(ticket_state_label(a->state)));
	detail_field(d, _("First-responsible unit"), a->first_unit);
	field_str(d, _("First-responsible person"), a->first_name && *a->first_name ? a->first_name
	          : a->first_login);
	field_str(d, _("Lead unit"), a->lead_unit);
	if (a->nrelated > 0) {
		strbuf s = STRBUF_INIT;
		for (int i = 0; i < a->nrelated; i++)
			sb_addf(&s, "%s%s", i ? "、" : "", a->related[i]);
		detail_field(d, _("Related units"), sb_str(&s));
		sb_free(&s);
	}
	field_str(d, _("Merged into"), a->merged_into);
	for (int i = 0; i < a->nmerged_from; i++)
		detail_field(d, _("Merged from"), a->merged_from[i]);
	field_str(d, _("Result"), a->result);
	char *told = app_appeal_report_text(a);
	field_str(d, _("Told the enterprise"), told);
	xfree(&told);
	if (a->callback != APPEAL_CALLBACK_NONE)
		detail_field(d, _("Callback"), a->callback == APPEAL_CALLBACK_SATISFIED
		             ? _("satisfied") : _("dissatisfied"));
	field_str(d, _("Dissatisfied because"), a->callback_reason);
	field_date(d, _("Extended until"), a->extended_until);
	field_str(d, _("Extension reason"), a->extension_reason);
	/* the days here; the timeline has the times of every move */
	char day[11];
	snprintf(day, sizeof day, "%s", a->created_at ? a->created_at : "");
	detail_field(d, _("Registered"), day);
	snprintf(day, sizeof day, "%s", a->updated_at ? a->updated_at : "");
	detail_field(d, _("Last change"), day);
	char ver[16];
	snprintf(ver, sizeof ver, "%d", a->version);
	detail_field(d, _("Version"), ver);
	field_str(d, _("Description"), a->description);
	detail_section(d, _("Time limits"));
	timer_lines(d, ctx, a);
	detail_section(d, _("Timeline"));
	timeline(d, a);
	detail_section(d, _("What you may do now"));
	moves_note(d, ctx, a);
}

/* ---- the ladder view ---- */

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

int appeal_detail_ladder(detail *d, app_ctx *ctx, const appeal_record *a, bool keep_scroll,
		strbuf *err)
{
	esc_dispatch *x = NULL;
	int n = 0;
	store_err se = { 0 };
	if (a->level && esc_store_dispatches(app_db(ctx), a->id, &x, &n, &se) < 0)
		return app_store_rc(-1, &se, err);
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
