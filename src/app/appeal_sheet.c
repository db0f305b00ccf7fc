/* The dispatch sheet (交办单) and the supervision sheet (督办单) of one appeal: what
 * each says and who may print it, the page of text and the workbook. */
#include "app/appeal_sheet.h"
#include "app/personal.h"

#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/text.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/appeal.h"
#include "model/escalation.h"
#include "model/perm.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"

static void add(app_sheet *s, const char *label, char *value)
{
	if (s->n == APP_SHEET_FIELDS)
		fatal("app_sheet: more than %d fields", APP_SHEET_FIELDS);
	s->f[s->n].label = label;
	s->f[s->n].value = value;
	s->n++;
}

static char *date_or_empty(qdate d)
{
	char buf[16];
	return xstrdup(d == DATE_NONE ? "" : date_format(d, buf));
}

/* the dispatch sheet: what the lead unit signs for */
static app_status dispatch_sheet(app_ctx *ctx, const appeal_record *a, app_sheet *s,
		strbuf *why)
{
	if (!a->lead_unit) {
		sb_addf(why, _("%s has not been dispatched: there is no dispatch sheet yet"),
		        a->number);
		return APP_NO;
	}
	const ticket_timer_state *h = &a->timers.t[TICKET_TIMER_HANDLE];
	s->title = _("Enterprise appeal dispatch sheet");
	s->name = _("dispatch sheet");
	s->signature = _("Signed for by (lead unit):");
	add(s, _("Appeal number"), xstrdup(a->number));
	add(s, _("Enterprise"), xstrdup(a->enterprise_name));
	add(s, _("USCC"), xstrdup(a->uscc));
	add(s, _("Title"), xstrdup(a->title));
	add(s, _("Description"), xstrdup(a->description ? a->description : ""));
	add(s, _("Kind"), xstrdup(_(ticket_kind_label(a->kind))));
	add(s, _("Channel"), xstrdup(_(appeal_channel_label(a->channel))));
	add(s, _("Caller"), app_appeal_caller_text(a));
	add(s, _("Registered at"), xstrdup(a->created_at));
	add(s, _("First-responsible unit"), xstrdup(a->first_unit));
	add(s, _("First-responsible person"), xstrdup(*a->first_name ? a->first_name
		: a->first_login));
	add(s, _("Dispatched by"), xstrdup(app_appeal_centre(ctx)));
	add(s, _("Lead or host unit"), xstrdup(a->lead_unit));
	add(s, _("Related units"), app_join_list(a->related, a->nrelated));
	add(s, _("Dispatched on"), date_or_empty(h->start));
	char d[16];
	add(s, _("Handling deadline"), h->days > 0
		? xasprintf(P_("%s (%d working day)", "%s (%d working days)", h->days),
		            h->due == DATE_NONE ? "" : date_format(h->due, d), h->days)
		: date_or_empty(h->due));
	return APP_OK;
}

/* Who the sheet presses: the unit whose deadline ran out. Handling and its reply are
 * the lead (or self-handling first) unit's; a registered appeal's dispatch limit is
 * the first unit's to submit, a submitted one's the centre's to dispatch; the
 * feedback after a dissatisfied callback is the centre's; the report to the enterprise
 * after the answer is the first unit's. */
static const char *supervised_unit(app_ctx *ctx, const appeal_record *a, ticket_timer which)
{
	switch (which) {
	case TICKET_TIMER_HANDLE:
	case TICKET_TIMER_EXPLAIN:
		return a->lead_unit ? a->lead_unit : a->first_unit;
	case TICKET_TIMER_DISPATCH:
		return a->state == TICKET_ST_REGISTERED ? a->first_unit : app_appeal_centre(ctx);
	case TICKET_TIMER_REPORT:
		return a->first_unit;
	case TICKET_TIMER_FEEDBACK:
	case TICKET_TIMER__COUNT:
		break;
	}
	return app_appeal_centre(ctx);
}

/* "会议调度 2026-03-05 (二级): decision; outcome: …" for every dispatch record */
static char *dispatch_lines(app_ctx *ctx, const appeal_record *a)
{
	esc_dispatch *x = NULL;
	int n = 0;
	strbuf b = STRBUF_INIT;
	store_err se = { 0 };
	if (esc_store_dispatches(app_db(ctx), a->id, &x, &n, &se) < 0)
		app_store_text(&se, &b);
	for (int i = 0; i < n; i++) {
		char day[16];
		if (i)
			sb_addc(&b, '\n');
		sb_addf(&b, _("%s %s (%s): %s"), _(escalation_mode_label(x[i].mode)),
		        date_format(x[i].date, day), _(escalation_level_short(x[i].level)),
		        x[i].decision);
		if (x[i].outcome)
			sb_addf(&b, _("; outcome: %s"), x[i].outcome);
	}
	if (n == 0 && b.len == 0)
		sb_add(&b, _("none"));
	esc_dispatches_free(&x, n);
	return sb_steal(&b);
}

/* the supervision sheet: an overdue appeal pressed on the unit that let it run out */
static app_status supervise_sheet(app_ctx *ctx, const appeal_record *a, app_sheet *s,
		strbuf *why)
{
	if (!app_allowed(ctx, PERM_REPORT_VIEW, NULL, NULL, why))
		return APP_NO;
	ticket_params p = app_ticket_params(ctx);
	ticket_timer which;
	int days;
	ticket_light_t l = ticket_worst_light(&a->timers, ctx->today, app_calendar(ctx),
	                                      p.yellow_days, &days, &which);
	if (l != TICKET_LIGHT_RED) {
		strbuf t = STRBUF_INIT;
		app_light_text(l, days, &t);
		if (l == TICKET_LIGHT_NONE)
			sb_addf(why, _("%s is not overdue: none of its deadlines is running, so there is "
			               "nothing to supervise"), a->number);
		else
			sb_addf(why, _("%s is not overdue (%s): a supervision sheet is only for an "
			               "overdue appeal"), a->number, sb_str(&t));
		sb_free(&t);
		return APP_NO;
	}
	char d[16];
	const ticket_timer_state *ts = &a->timers.t[which];
	strbuf late = STRBUF_INIT;
	ticket_due_text(l, days, &late);
	staff *me = app_actor(ctx);
	s->title = _("Enterprise appeal supervision sheet");
	s->name = _("supervision sheet");
	s->signature = _("Supervising unit (seal):");
	add(s, _("Appeal number"), xstrdup(a->number));
	add(s, _("Enterprise"), xstrdup(a->enterprise_name));
	add(s, _("USCC"), xstrdup(a->uscc));
	add(s, _("Title"), xstrdup(a->title));
	add(s, _("Kind"), xstrdup(_(ticket_kind_label(a->kind))));
	add(s, _("State"), xstrdup(_(ticket_state_label(a->state))));
	add(s, _("Registered at"), xstrdup(a->created_at));
	add(s, _("First-responsible unit"), xstrdup(a->first_unit));
	add(s, _("Lead or host unit"), xstrdup(a->lead_unit ? a->lead_unit : ""));
	add(s, _("Supervised unit"), xstrdup(supervised_unit(ctx, a, which)));
	add(s, _("Overdue deadline"), xstrdup(_(ticket_timer_label(which))));
	add(s, _("Due"), xstrdup(date_format(ts->due, d)));
	add(s, _("Overdue by"), sb_steal(&late));
	add(s, _("Dispatch level"), xstrdup(a->level ? _(escalation_level_label(a->level))
		: _("not dispatched")));
	if (app_appeal_suggested(ctx, ticket_timer_running(&a->timers.t[TICKET_TIMER_HANDLE])
	                         ? a->timers.t[TICKET_TIMER_HANDLE].due : DATE_NONE, a->level))
		add(s, _("Escalation advice"), xstrdup(_(escalation_suggest_label())));
	add(s, _("Dispatches held"), dispatch_lines(ctx, a));
	add(s, _("Request"),
		xstrdup(_("Settle the appeal without further delay and report in writing to "
		          "the supervising unit the result, the reason for the delay and the "
		          "people responsible.")));
	add(s, _("Issued by"), *me->name ? xasprintf("%s %s", me->unit, me->name)
		: xstrdup(me->unit));
	return APP_OK;
}

app_status app_sheet_fill(app_ctx *ctx, const appeal_record *a, app_sheet_kind kind,
		app_sheet *s, strbuf *why)
{
	memset(s, 0, sizeof *s);
	app_status rc = kind == APP_SHEET_SUPERVISE ? supervise_sheet(ctx, a, s, why)
		: dispatch_sheet(ctx, a, s, why);
	/* the sheet names the caller: in full, that is an access to record */
	if (rc == APP_OK &&
	    app_access_view(ctx, "appeal", a->id, app_appeal_caller_fields(ctx, a), why) < 0)
		rc = APP_NO;
	if (rc != APP_OK)
		app_sheet_clear(s);
	return rc;
}

void app_sheet_clear(app_sheet *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->f[i].value);
	s->n = 0;
}

void app_sheet_text(app_ctx *ctx, const appeal_record *a, const app_sheet *s, strbuf *out)
{
	char today[16];
	char *left = xasprintf(_("No. %s"), a->number);
	char *right = xasprintf(_("Printed %s"), date_format(ctx->today, today));
	sheet_head(out, s->title, left, right);
	free(left);
	free(right);
	sheet_rule(out);
	for (int i = 0; i < s->n; i++)
		sheet_line(out, s->f[i].label, s->f[i].value);
	sheet_rule(out);
	sheet_sign(out, s->signature, _("Date:"));
}

static app_status write_xlsx(const appeal_record *a, const app_sheet *s, const char *path,
		strbuf *msg)
{
	xlsx_col cols[2] = { { _("Field"), XLSX_TEXT }, { _("Value"), XLSX_CODE } };
	char *title = xasprintf("%s %s", s->title, a->number);
	xlsx_table *t = xlsx_open(path, title, 2, cols, msg);
	free(title);
	if (!t)
		return APP_BAD;
	bool ok = true;
	for (int i = 0; i < s->n && ok; i++) {
		const char *row[2] = { s->f[i].label, s->f[i].value };
		ok = xlsx_row(t, row) == 0;
	}
	return xlsx_close(&t, ok, msg) < 0 || !ok ? APP_BAD : APP_OK;
}

app_status app_sheet_write(app_ctx *ctx, const appeal_record *a, const app_sheet *s,
		bool xlsx, const char *path, strbuf *msg)
{
	app_status rc = APP_OK;
	if (xlsx) {
		rc = write_xlsx(a, s, path, msg);
	} else {
		strbuf out = STRBUF_INIT;
		app_sheet_text(ctx, a, s, &out);
		if (sheet_save(path, sb_str(&out)) < 0) {
			sb_addf(msg, _("%s: cannot write it"), path);
			rc = APP_BAD;
		}
		sb_free(&out);
	}
	if (rc == APP_OK)
		sb_addf(msg, _("wrote the %s of %s to %s"), s->name, a->number, path);
	return rc;
}

char *app_sheet_file_name(const appeal_record *a, const app_sheet *s, bool xlsx)
{
	char *name = xasprintf("%s-%s.%s", s->name, a->number, xlsx ? "xlsx" : "txt");
	for (char *c = name; *c; c++)
		if (*c == ' ' || *c == '/')
			*c = '-';
	return name;
}
