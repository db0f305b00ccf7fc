/* qifu appeal show N: one appeal with its fields, deadlines, dispatch records and
 * timeline, as a table people read, as the list's CSV row, or as JSON whose keys are
 * a stable interface scripts depend on. */
#include "cli/cmd_appeal.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/personal.h"
#include "app/store_text.h"
#include "cli/cli_args.h"
#include "app/event_text.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "store/escalation_store.h"

/* the translated label of an event's action code */
/* "区企服中心 王芳 (wangfang)" style: name and login, or the login alone */
static char *event_by(const appeal_event *e)
{
	return *e->by_name ? xasprintf("%s (%s)", e->by_name, e->by) : xstrdup(e->by);
}

/* ---- JSON ------------------------------------------------------------------- */

static void json_key(FILE *fp, const char *key, bool *first)
{
	fprintf(fp, "%s\"%s\": ", *first ? "" : ", ", key);
	*first = false;
}

static void json_str(FILE *fp, const char *key, const char *v, bool *first)
{
	json_key(fp, key, first);
	if (v)
		out_json_string(fp, v);
	else
		fputs("null", fp);
}

static void json_date(FILE *fp, const char *key, qdate d, bool *first)
{
	char buf[16];
	json_str(fp, key, d == DATE_NONE ? NULL : date_format(d, buf), first);
}

static void json_strv(FILE *fp, const char *key, char *const *v, int n, bool *first)
{
	json_key(fp, key, first);
	fputc('[', fp);
	for (int i = 0; i < n; i++) {
		if (i)
			fputs(", ", fp);
		out_json_string(fp, v[i]);
	}
	fputc(']', fp);
}

static const char *callback_code(appeal_callback c)
{
	return c == APPEAL_CALLBACK_SATISFIED ? "satisfied"
		: c == APPEAL_CALLBACK_DISSATISFIED ? "dissatisfied" : NULL;
}

/* untranslated msgid of the callback's outcome */
static const char *callback_label(appeal_callback c)
{
	return c == APPEAL_CALLBACK_SATISFIED ? N_("satisfied") : N_("dissatisfied");
}

/* the due date of a's running handling timer, what the suggestion watches */
static qdate handle_due(const appeal_record *a)
{
	const ticket_timer_state *h = &a->timers.t[TICKET_TIMER_HANDLE];
	return ticket_timer_running(h) ? h->due : DATE_NONE;
}

static void show_json(app_ctx *ctx, const appeal_record *a, const esc_dispatch *x, int nx)
{
	FILE *fp = stdout;
	bool first = true;
	ticket_params p = app_ticket_params(ctx);
	calendar *cal = app_calendar(ctx);
	fputc('{', fp);
	json_str(fp, "number", a->number, &first);
	json_str(fp, "state", ticket_state_code(a->state), &first);
	json_str(fp, "kind", ticket_kind_code(a->kind), &first);
	json_str(fp, "channel", appeal_channel_code(a->channel), &first);
	json_str(fp, "external_no", a->external_no, &first);
	json_str(fp, "caller_name", a->caller_name, &first);
	json_str(fp, "caller_phone", a->caller_phone, &first);
	json_str(fp, "caller_role", a->caller_role, &first);
	json_str(fp, "enterprise", a->uscc, &first);
	json_str(fp, "enterprise_name", a->enterprise_name, &first);
	json_str(fp, "title", a->title, &first);
	json_str(fp, "description", a->description, &first);
	json_str(fp, "first_unit", a->first_unit, &first);
	json_str(fp, "first_person", a->first_login, &first);
	json_str(fp, "lead_unit", a->lead_unit, &first);
	json_strv(fp, "related", a->related, a->nrelated, &first);
	json_key(fp, "version", &first);
	fprintf(fp, "%d", a->version);
	json_date(fp, "next_due", a->next_due, &first);
	int n;
	ticket_light_t worst = ticket_worst_light(&a->timers, ctx->today, cal, p.yellow_days, &n,
	                                          NULL);
	json_str(fp, "light", ticket_light_code(worst), &first);
	json_key(fp, "level", &first);
	if (a->level)
		fprintf(fp, "%d", a->level);
	else
		fputs("null", fp);
	json_key(fp, "suggest_escalation", &first);
	fputs(app_appeal_suggested(ctx, handle_due(a), a->level) ? "true" : "false", fp);
	json_str(fp, "result", a->result, &first);
	json_date(fp, "reported_on", a->reported_on, &first);
	json_str(fp, "report_how", a->report_how != TICKET_HOW_NONE
	         ? ticket_how_code(a->report_how) : NULL, &first);
	json_str(fp, "report_by", a->report_by, &first);
	json_str(fp, "report_text", a->report_text, &first);
	json_str(fp, "callback", callback_code(a->callback), &first);
	json_str(fp, "callback_reason", a->callback_reason, &first);
	json_date(fp, "extended_until", a->extended_until, &first);
	json_str(fp, "extension_reason", a->extension_reason, &first);
	json_str(fp, "merged_into", a->merged_into, &first);
	json_strv(fp, "merged_from", a->merged_from, a->nmerged_from, &first);
	json_str(fp, "created_at", a->created_at, &first);
	json_key(fp, "timers", &first);
	fputc('[', fp);
	int shown = 0;
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &a->timers.t[i];
		if (ts->start == DATE_NONE)
			continue;
		bool f = true;
		fputs(shown++ ? ",\n  {" : "\n  {", fp);
		json_str(fp, "name", ticket_timer_code((ticket_timer)i), &f);
		json_date(fp, "start", ts->start, &f);
		json_key(fp, "days", &f);
		fprintf(fp, "%d", ts->days);
		json_date(fp, "due", ts->due, &f);
		json_key(fp, "done", &f);
		fputs(ticket_timer_running(ts) ? "false" : "true", fp);
		json_date(fp, "done_at", ts->done, &f);
		int wd;
		ticket_light_t l = ticket_timer_light(ts, ctx->today, cal, p.yellow_days, &wd);
		json_str(fp, "light", ticket_light_code(l), &f);
		json_key(fp, "workdays", &f);
		fprintf(fp, "%d", wd);
		fputc('}', fp);
	}
	fputs(shown ? "\n]" : "]", fp);
	json_key(fp, "dispatches", &first);
	fputc('[', fp);
	for (int i = 0; i < nx; i++) {
		bool f = true;
		fputs(i ? ",\n  {" : "\n  {", fp);
		json_key(fp, "id", &f);
		fprintf(fp, "%lld", (long long)x[i].id);
		json_key(fp, "level", &f);
		fprintf(fp, "%d", x[i].level);
		json_str(fp, "mode", escalation_mode_code(x[i].mode), &f);
		json_date(fp, "date", x[i].date, &f);
		json_str(fp, "place", x[i].place, &f);
		json_str(fp, "attendees", x[i].attendees, &f);
		json_str(fp, "decision", x[i].decision, &f);
		json_date(fp, "new_due", x[i].new_due, &f);
		json_str(fp, "outcome", x[i].outcome, &f);
		json_str(fp, "outcome_by", x[i].outcome_by, &f);
		json_str(fp, "outcome_at", x[i].outcome_at, &f);
		json_str(fp, "by", x[i].by, &f);
		json_str(fp, "at", x[i].at, &f);
		fputc('}', fp);
	}
	fputs(nx ? "\n]" : "]", fp);
	json_key(fp, "events", &first);
	fputc('[', fp);
	for (int i = 0; i < a->nevents; i++) {
		const appeal_event *e = &a->events[i];
		bool f = true;
		fputs(i ? ",\n  {" : "\n  {", fp);
		json_str(fp, "at", e->at, &f);
		json_str(fp, "by", e->by, &f);
		json_str(fp, "by_name", e->by_name, &f);
		json_str(fp, "action", e->action, &f);
		json_str(fp, "summary", e->summary, &f);
		json_str(fp, "reason", e->reason, &f);
		fputc('}', fp);
	}
	fputs(a->nevents ? "\n]}\n" : "]}\n", fp);
}

/* ---- the table -------------------------------------------------------------- */

static void kv(out_table *t, const char *label, const char *value)
{
	cli_kv_add(t, xstrdup(label), xstrdup(value));
}

/* the dispatch records as a table under show's fields */
static void show_dispatches(const esc_dispatch *x, int nx)
{
	static const app_column dcols[] = {
		{ .key = "level", .header = N_("Level"), .kind = COL_STR },
		{ .key = "mode", .header = N_("Mode"), .kind = COL_STR },
		{ .key = "date", .header = N_("Date"), .kind = COL_STR },
		{ .key = "place", .header = N_("Place"), .kind = COL_STR },
		{ .key = "attendees", .header = N_("Attendees"), .kind = COL_STR },
		{ .key = "decision", .header = N_("Decision"), .kind = COL_STR },
		{ .key = "new_due", .header = N_("New due date"), .kind = COL_STR },
		{ .key = "outcome", .header = N_("Outcome"), .kind = COL_STR },
	};
	out_table *t = out_new(dcols, 8);
	for (int i = 0; i < nx; i++) {
		char d1[16], d2[16];
		const char *row[8] = { _(escalation_level_short(x[i].level)),
			_(escalation_mode_label(x[i].mode)), appeal_cli_date(x[i].date, d1),
			x[i].place, x[i].attendees, x[i].decision, appeal_cli_date(x[i].new_due, d2),
			x[i].outcome ? x[i].outcome : "" };
		out_row(t, row);
	}
	printf(_("\nDispatches:\n"));
	out_print(t, OUT_TABLE, false, stdout);
	out_free(&t);
}

static void show_table(app_ctx *ctx, const appeal_record *a, const esc_dispatch *x, int nx)
{
	ticket_params p = app_ticket_params(ctx);
	calendar *cal = app_calendar(ctx);
	out_table *t = cli_kv_new();
	char *s;
	kv(t, _("Number"), a->number);
	kv(t, _("State"), _(ticket_state_label(a->state)));
	s = xasprintf("%s (%s)", a->enterprise_name, a->uscc);
	kv(t, _("Enterprise"), s);
	free(s);
	kv(t, _("Title"), a->title);
	if (*a->description)
		kv(t, _("Description"), a->description);
	kv(t, _("Kind"), _(ticket_kind_label(a->kind)));
	kv(t, _("Channel"), _(appeal_channel_label(a->channel)));
	if (*a->external_no)
		kv(t, _("Work order"), a->external_no);
	s = app_appeal_caller_text(a);
	kv(t, _("Caller"), s);
	free(s);
	kv(t, _("First-responsible unit"), a->first_unit);
	s = *a->first_name ? xasprintf("%s (%s)", a->first_name, a->first_login)
		: xstrdup(a->first_login);
	kv(t, _("First-responsible person"), s);
	free(s);
	kv(t, _("Lead or host unit"), a->lead_unit ? a->lead_unit : "");
	s = app_join_list(a->related, a->nrelated);
	kv(t, _("Related units"), s);
	free(s);
	int n;
	ticket_light_t worst = ticket_worst_light(&a->timers, ctx->today, cal, p.yellow_days, &n,
	                                          NULL);
	if (worst != TICKET_LIGHT_NONE) {
		strbuf b = STRBUF_INIT;
		app_light_text(worst, n, &b);
		kv(t, _("Light"), sb_str(&b));
		sb_free(&b);
	}
	if (a->level) {
		bool suggest = app_appeal_suggested(ctx, handle_due(a), a->level);
		s = suggest ? xasprintf(_("%s, %s"), _(escalation_level_label(a->level)),
		                        _(escalation_suggest_label()))
			: xstrdup(_(escalation_level_label(a->level)));
		kv(t, _("Dispatch level"), s);
		free(s);
	}
	if (*a->result)
		kv(t, _("Result"), a->result);
	if ((s = app_appeal_report_text(a))) {
		kv(t, _("Told the enterprise"), s);
		free(s);
	}
	if (a->callback != APPEAL_CALLBACK_NONE) {
		s = *a->callback_reason
			? xasprintf("%s: %s", _(callback_label(a->callback)), a->callback_reason)
			: xstrdup(_(callback_label(a->callback)));
		kv(t, _("Callback"), s);
		free(s);
	}
	if (a->extended_until != DATE_NONE) {
		char d[16];
		s = xasprintf("%s (%s)", date_format(a->extended_until, d), a->extension_reason);
		kv(t, _("Extended until"), s);
		free(s);
	}
	if (a->merged_into)
		kv(t, _("Merged into"), a->merged_into);
	if (a->nmerged_from) {
		s = app_join_list(a->merged_from, a->nmerged_from);
		kv(t, _("Merged into this one"), s);
		free(s);
	}
	s = xasprintf("%d", a->version);
	kv(t, _("Version"), s);
	free(s);
	kv(t, _("Registered at"), a->created_at);
	cli_kv_print(&t);

	static const app_column tcols[] = {
		{ .key = "name", .header = N_("Deadline"), .kind = COL_STR },
		{ .key = "start", .header = N_("From"), .kind = COL_STR },
		{ .key = "due", .header = N_("Due"), .kind = COL_STR },
		{ .key = "done", .header = N_("Stopped"), .kind = COL_STR },
		{ .key = "light", .header = N_("Light"), .kind = COL_STR },
	};
	t = out_new(tcols, 5);
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &a->timers.t[i];
		if (ts->start == DATE_NONE)
			continue;
		char b1[16], b2[16], b3[16];
		strbuf l = STRBUF_INIT;
		int wd;
		ticket_light_t lt = ticket_timer_light(ts, ctx->today, cal, p.yellow_days, &wd);
		app_light_text(lt, wd, &l);
		const char *row[5] = { _(ticket_timer_label((ticket_timer)i)),
			appeal_cli_date(ts->start, b1), appeal_cli_date(ts->due, b2),
			appeal_cli_date(ts->done, b3), sb_str(&l) };
		out_row(t, row);
		sb_free(&l);
	}
	printf(_("\nDeadlines:\n"));
	out_print(t, OUT_TABLE, false, stdout);
	out_free(&t);
	if (nx)
		show_dispatches(x, nx);

	static const app_column ecols[] = {
		{ .key = "at", .header = N_("When"), .kind = COL_STR },
		{ .key = "by", .header = N_("By"), .kind = COL_STR },
		{ .key = "action", .header = N_("Action"), .kind = COL_STR },
		{ .key = "summary", .header = N_("Details"), .kind = COL_STR },
		{ .key = "reason", .header = N_("Reason or text"), .kind = COL_STR },
	};
	t = out_new(ecols, 5);
	for (int i = 0; i < a->nevents; i++) {
		const appeal_event *e = &a->events[i];
		char *by = event_by(e);
		strbuf sum = STRBUF_INIT;
		app_event_summary_text(e->summary, &sum);
		const char *row[5] = { e->at, by, app_event_action_text(e->action), sb_str(&sum),
			e->reason };
		out_row(t, row);
		sb_free(&sum);
		free(by);
	}
	printf(_("\nTimeline:\n"));
	out_print(t, OUT_TABLE, false, stdout);
	out_free(&t);
}

int appeal_cmd_show(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("usage: qifu appeal show N [--format table|csv|json]\n"));
			return EXIT_OK;
		}
		if (c != 'f' || cli_arg_format(optarg, &fmt))
			return EXIT_USAGE;
	}
	if (cli_operands(argc, argv, 1, _("the appeal number")))
		return EXIT_USAGE;
	appeal_record a;
	int rc = appeal_cli_load(ctx, argv[optind], true, &a);
	if (rc)
		return rc;
	appeal_cli_warn_years(ctx, &a.timers);
	esc_dispatch *x = NULL;
	int nx = 0;
	strbuf err = STRBUF_INIT;
	/* the caller in full is an access to record (masked when it cannot be) */
	if (app_appeal_shown(ctx, &a, &err) < 0)
		say_warn("%s", sb_str(&err));
	sb_reset(&err);
	store_err se = { 0 };
	if (esc_store_dispatches(app_db(ctx), a.id, &x, &nx, &se) < 0) {
		say_error("%s", app_store_text(&se, &err));
		sb_free(&err);
		appeal_record_clear(&a);
		return EXIT_USAGE;
	}
	sb_free(&err);
	if (fmt == OUT_JSON) {
		show_json(ctx, &a, x, nx);
	} else if (fmt == OUT_CSV) {
		appeal_row r = { .id = a.id, .uscc = a.uscc, .enterprise_name = a.enterprise_name,
			.title = a.title, .kind = a.kind, .state = a.state, .first_unit = a.first_unit,
			.lead_unit = a.lead_unit, .next_due = a.next_due, .version = a.version,
			.level = a.level, .handle_due = handle_due(&a) };
		memcpy(r.number, a.number, sizeof r.number);
		out_table *t = appeal_cli_list_table();
		appeal_cli_list_row(ctx, t, &r, false);
		out_print(t, OUT_CSV, true, stdout);
		out_free(&t);
	} else {
		show_table(ctx, &a, x, nx);
	}
	esc_dispatches_free(&x, nx);
	appeal_record_clear(&a);
	return EXIT_OK;
}
