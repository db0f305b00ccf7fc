/* The appeal's working-day timers (DOMAIN §3 time limits) and the traffic lights
 * drawn from them. Due dates are computed once, when a move starts a timer, and
 * stored; ticket_timer_recompute exists only for a changed holiday file. */
#include "model/ticket.h"

#include <string.h>

#include "core/i18n.h"

static const char *const timer_codes[TICKET_TIMER__COUNT] = {
	[TICKET_TIMER_DISPATCH] = "dispatch",
	[TICKET_TIMER_HANDLE] = "handle",
	[TICKET_TIMER_EXPLAIN] = "explain",
	[TICKET_TIMER_FEEDBACK] = "feedback",
	[TICKET_TIMER_REPORT] = "report",
};

static const char *const timer_labels[TICKET_TIMER__COUNT] = {
	[TICKET_TIMER_DISPATCH] = N_("dispatch deadline"),
	[TICKET_TIMER_HANDLE] = N_("handling deadline"),
	[TICKET_TIMER_EXPLAIN] = N_("explanatory reply deadline"),
	[TICKET_TIMER_FEEDBACK] = N_("feedback deadline"),
	[TICKET_TIMER_REPORT] = N_("report deadline"),
};

static const char *const light_codes[TICKET_LIGHT__COUNT] = {
	[TICKET_LIGHT_NONE] = "",
	[TICKET_LIGHT_GREEN] = "green",
	[TICKET_LIGHT_YELLOW] = "yellow",
	[TICKET_LIGHT_RED] = "red",
};

/* UX.md: lights are text and colour together */
static const char *const light_labels[TICKET_LIGHT__COUNT] = {
	[TICKET_LIGHT_NONE] = "",
	[TICKET_LIGHT_GREEN] = N_("on track"),
	[TICKET_LIGHT_YELLOW] = N_("due soon"),
	[TICKET_LIGHT_RED] = N_("overdue"),
};

const char *ticket_timer_code(ticket_timer tm)
{
	return tm < TICKET_TIMER__COUNT ? timer_codes[tm] : "?";
}

bool ticket_timer_parse(const char *code, ticket_timer *out)
{
	for (int i = 0; code && i < TICKET_TIMER__COUNT; i++)
		if (strcmp(code, timer_codes[i]) == 0) {
			*out = (ticket_timer)i;
			return true;
		}
	return false;
}

const char *ticket_timer_label(ticket_timer tm)
{
	return tm < TICKET_TIMER__COUNT ? timer_labels[tm] : "?";
}

const char *ticket_light_code(ticket_light_t l)
{
	return l < TICKET_LIGHT__COUNT ? light_codes[l] : "?";
}

const char *ticket_light_label(ticket_light_t l)
{
	return l < TICKET_LIGHT__COUNT ? light_labels[l] : "?";
}

bool ticket_light_parse(const char *code, ticket_light_t *out)
{
	/* from GREEN: "" names no light a user could ask for */
	for (int i = TICKET_LIGHT_GREEN; code && i < TICKET_LIGHT__COUNT; i++)
		if (strcmp(code, light_codes[i]) == 0) {
			*out = (ticket_light_t)i;
			return true;
		}
	return false;
}

ticket_params ticket_params_default(void)
{
	return (ticket_params){
		.dispatch_days = 1,
		.simple_days = 1,
		.general_days = 3,
		.complex_days = 7,
		.explain_days = 3,
		.feedback_days = 1,
		.report_days = 1,
		.yellow_days = 1,
	};
}

int ticket_handle_days(const ticket_params *p, ticket_kind k, int nrelated)
{
	/* 涉及多部门诉求件或复杂事项7个工作日: sharing the work makes it complex */
	if (nrelated > 0 || k == TICKET_KIND_COMPLEX)
		return p->complex_days;
	return k == TICKET_KIND_SIMPLE ? p->simple_days : p->general_days;
}

qdate ticket_timer_due(const calendar *cal, qdate start, int days)
{
	return calendar_add(cal, start, days);
}

void ticket_timers_init(ticket_timers *tm)
{
	for (int i = 0; i < TICKET_TIMER__COUNT; i++)
		tm->t[i] = (ticket_timer_state){ DATE_NONE, 0, DATE_NONE, DATE_NONE };
}

bool ticket_timer_running(const ticket_timer_state *ts)
{
	return ts->start != DATE_NONE && ts->done == DATE_NONE;
}

static int limit_of(ticket_timer which, const ticket_move *m, const ticket_view *t,
		const ticket_input *in, const ticket_params *p)
{
	switch (which) {
	case TICKET_TIMER_DISPATCH:
		return p->dispatch_days;
	case TICKET_TIMER_HANDLE: {
		/* a dispatch brings its own related units; other moves keep the ticket's */
		int nrel = m->lead == TICKET_LEAD_SET_INPUT ? (in ? in->nrelated : 0)
			: m->lead == TICKET_LEAD_KEEP ? t->nrelated : 0;
		return ticket_handle_days(p, t->kind, nrel);
	}
	case TICKET_TIMER_EXPLAIN:
		return p->explain_days;
	case TICKET_TIMER_FEEDBACK:
		return p->feedback_days;
	case TICKET_TIMER_REPORT:
		return p->report_days;
	case TICKET_TIMER__COUNT:
		break;
	}
	return 0;
}

static void timer_start(ticket_timer_state *ts, const calendar *cal, qdate from, int days)
{
	ts->start = from;
	ts->days = days;
	ts->due = ticket_timer_due(cal, from, days);
	ts->done = DATE_NONE;
}

void ticket_timers_apply(ticket_timers *tm, const ticket_move *m, const ticket_view *t,
		const ticket_input *in, const ticket_params *p, const calendar *cal, qdate today)
{
	if (!m->allowed)
		return;
	/* a report says when the enterprise was told: its timer stops that day, not on
	 * the day it was typed in (ticket_input_check kept it between answer and today) */
	qdate stop_day = (m->needs & TICKET_NEEDS_REPORT) && in && in->on != DATE_NONE ? in->on
		: today;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		ticket_timer_state *ts = &tm->t[i];
		const ticket_timer_state *handle = &tm->t[TICKET_TIMER_HANDLE];
		switch (m->timer[i]) {
		case TICKET_TIMER_KEEP:
			break;
		case TICKET_TIMER_START:
			timer_start(ts, cal, today, limit_of((ticket_timer)i, m, t, in, p));
			break;
		case TICKET_TIMER_START_AT_DISPATCH:
			/* 3 working days of dispatch: the handling timer started at dispatch */
			timer_start(ts, cal, handle->start != DATE_NONE ? handle->start : today,
				limit_of((ticket_timer)i, m, t, in, p));
			break;
		case TICKET_TIMER_SET_UNTIL:
			if (ts->start == DATE_NONE)
				ts->start = today;
			ts->days = -1;
			ts->due = in ? in->until : DATE_NONE;
			ts->done = DATE_NONE;
			break;
		case TICKET_TIMER_STOP:
			if (ticket_timer_running(ts))
				ts->done = stop_day;
			break;
		}
	}
}

bool ticket_timer_recompute(ticket_timer_state *ts, const calendar *cal)
{
	if (!ticket_timer_running(ts) || ts->days < 0)
		return false;
	qdate due = ticket_timer_due(cal, ts->start, ts->days);
	if (due == ts->due)
		return false;
	ts->due = due;
	return true;
}

ticket_light_t ticket_light(qdate due, qdate today, const calendar *cal, int yellow_days,
		int *workdays)
{
	int n = 0;
	ticket_light_t l = TICKET_LIGHT_NONE;
	if (due == DATE_NONE) {
		l = TICKET_LIGHT_NONE;
	} else if (today > due) {
		/* past the end of the due day; on the rest days that follow, no working day
		 * has gone by yet, but the appeal is late: count the first one already */
		n = calendar_between(cal, due, today);
		if (n < 1)
			n = 1;
		l = TICKET_LIGHT_RED;
	} else {
		n = calendar_between(cal, today, due);
		/* due today is always yellow, whatever the setting */
		l = n <= (yellow_days > 0 ? yellow_days : 0) ? TICKET_LIGHT_YELLOW
			: TICKET_LIGHT_GREEN;
	}
	if (workdays)
		*workdays = n;
	return l;
}

ticket_light_t ticket_timer_light(const ticket_timer_state *ts, qdate today, const calendar *cal,
		int yellow_days, int *workdays)
{
	if (!ticket_timer_running(ts)) {
		if (workdays)
			*workdays = 0;
		return TICKET_LIGHT_NONE;
	}
	return ticket_light(ts->due, today, cal, yellow_days, workdays);
}

bool ticket_light_worse(ticket_light_t l, int n, ticket_light_t worst, int worst_n)
{
	/* among reds the most overdue, among the others the fewest days left */
	return l > worst || (l == worst && (l == TICKET_LIGHT_RED ? n > worst_n : n < worst_n));
}

ticket_light_t ticket_worst_light(const ticket_timers *tm, qdate today, const calendar *cal,
		int yellow_days, int *workdays, ticket_timer *which)
{
	ticket_light_t worst = TICKET_LIGHT_NONE;
	int worst_n = 0;
	int worst_i = TICKET_TIMER_DISPATCH;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		int n;
		ticket_light_t l = ticket_timer_light(&tm->t[i], today, cal, yellow_days, &n);
		if (l == TICKET_LIGHT_NONE)
			continue;
		if (ticket_light_worse(l, n, worst, worst_n)) {
			worst = l;
			worst_n = n;
			worst_i = i;
		}
	}
	if (workdays)
		*workdays = worst_n;
	if (which)
		*which = (ticket_timer)worst_i;
	return worst;
}

void ticket_due_text(ticket_light_t l, int workdays, strbuf *out)
{
	switch (l) {
	case TICKET_LIGHT_RED:
		sb_addf(out, P_("%d working day overdue", "%d working days overdue", workdays),
			workdays);
		break;
	case TICKET_LIGHT_YELLOW:
	case TICKET_LIGHT_GREEN:
		if (workdays == 0)
			sb_add(out, _("due today"));
		else
			sb_addf(out, P_("%d working day left", "%d working days left", workdays),
				workdays);
		break;
	case TICKET_LIGHT_NONE:
	case TICKET_LIGHT__COUNT:
		break;
	}
}
