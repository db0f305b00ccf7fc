/* qifu appeal show|list|views|sheet: reading appeals. show gives one appeal with its
 * timers, dispatch records and timeline (its JSON keys are a stable interface), list
 * a filtered list read a window at a time, views the saved views' counts, sheet the
 * printable dispatch sheet (交办单) as aligned text or xlsx; the printing of sheets is
 * shared with the supervision sheet (督办单). */
#include "cli/cmd_appeal.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/appeal.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"

static const char *date_or_empty(qdate d, char buf[16])
{
	if (d == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	return date_format(d, buf);
}

/* the translated label of an event's action code */
static const char *event_action_label(const char *code)
{
	ticket_action a;
	escalation_action e;
	if (ticket_action_parse(code, &a))
		return _(ticket_action_label(a));
	if (escalation_action_parse(code, &e))
		return _(escalation_action_label(e));
	if (strcmp(code, "recompute") == 0)
		return _("deadlines recomputed");
	return code;
}

/* "区企服中心 王芳 (wangfang)" style: name and login, or the login alone */
static char *event_by(const appeal_event *e)
{
	return *e->by_name ? xasprintf("%s (%s)", e->by_name, e->by) : xstrdup(e->by);
}

/* the light and remaining text of a deadline as people read it */
static void light_text(app_ctx *ctx, qdate due, ticket_light_t *l, strbuf *out)
{
	ticket_params p = app_ticket_params(ctx);
	int n = 0;
	*l = ticket_light(due, ctx->today, app_calendar(ctx), p.yellow_days, &n);
	ticket_due_text(*l, n, out);
}

/* ---- show ------------------------------------------------------------------- */

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

static char *joined(char *const *v, int n)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		if (i)
			sb_add(&b, "、");
		sb_add(&b, v[i]);
	}
	return sb_steal(&b);
}

static void kv(out_table *t, const char *label, const char *value)
{
	cli_kv_add(t, xstrdup(label), xstrdup(value));
}

/* the dispatch records as a table under show's fields */
static void show_dispatches(const esc_dispatch *x, int nx)
{
	static const out_col dcols[] = {
		{ "level", N_("Level"), OUT_STR }, { "mode", N_("Mode"), OUT_STR },
		{ "date", N_("Date"), OUT_STR }, { "place", N_("Place"), OUT_STR },
		{ "attendees", N_("Attendees"), OUT_STR }, { "decision", N_("Decision"), OUT_STR },
		{ "new_due", N_("New due date"), OUT_STR }, { "outcome", N_("Outcome"), OUT_STR },
	};
	out_table *t = out_new(dcols, 8);
	for (int i = 0; i < nx; i++) {
		char d1[16], d2[16];
		const char *row[8] = { _(escalation_level_short(x[i].level)),
			_(escalation_mode_label(x[i].mode)), date_or_empty(x[i].date, d1),
			x[i].place, x[i].attendees, x[i].decision, date_or_empty(x[i].new_due, d2),
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
	kv(t, _("First-responsible unit"), a->first_unit);
	s = *a->first_name ? xasprintf("%s (%s)", a->first_name, a->first_login)
		: xstrdup(a->first_login);
	kv(t, _("First-responsible person"), s);
	free(s);
	kv(t, _("Lead or host unit"), a->lead_unit ? a->lead_unit : "");
	s = joined(a->related, a->nrelated);
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
		s = joined(a->merged_from, a->nmerged_from);
		kv(t, _("Merged into this one"), s);
		free(s);
	}
	s = xasprintf("%d", a->version);
	kv(t, _("Version"), s);
	free(s);
	kv(t, _("Registered at"), a->created_at);
	cli_kv_print(&t);

	static const out_col tcols[] = {
		{ "name", N_("Deadline"), OUT_STR }, { "start", N_("From"), OUT_STR },
		{ "due", N_("Due"), OUT_STR }, { "done", N_("Stopped"), OUT_STR },
		{ "light", N_("Light"), OUT_STR },
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
			date_or_empty(ts->start, b1), date_or_empty(ts->due, b2),
			date_or_empty(ts->done, b3), sb_str(&l) };
		out_row(t, row);
		sb_free(&l);
	}
	printf(_("\nDeadlines:\n"));
	out_print(t, OUT_TABLE, false, stdout);
	out_free(&t);
	if (nx)
		show_dispatches(x, nx);

	static const out_col ecols[] = {
		{ "at", N_("When"), OUT_STR }, { "by", N_("By"), OUT_STR },
		{ "action", N_("Action"), OUT_STR }, { "summary", N_("Details"), OUT_STR },
		{ "reason", N_("Reason or text"), OUT_STR },
	};
	t = out_new(ecols, 5);
	for (int i = 0; i < a->nevents; i++) {
		const appeal_event *e = &a->events[i];
		char *by = event_by(e);
		const char *row[5] = { e->at, by, event_action_label(e->action), e->summary,
			e->reason };
		out_row(t, row);
		free(by);
	}
	printf(_("\nTimeline:\n"));
	out_print(t, OUT_TABLE, false, stdout);
	out_free(&t);
}

/* one list row's columns, shared by list (every format) and show --format csv */
static const out_col row_cols[] = {
	{ "number", N_("Number"), OUT_STR },
	{ "enterprise", N_("USCC"), OUT_STR },
	{ "enterprise_name", N_("Enterprise"), OUT_STR },
	{ "title", N_("Title"), OUT_STR },
	{ "kind", N_("Kind"), OUT_STR },
	{ "state", N_("State"), OUT_STR },
	{ "unit", N_("Unit"), OUT_STR },
	{ "next_due", N_("Due"), OUT_STR },
	{ "light", N_("Light"), OUT_STR },
	{ "due_text", N_("Working days"), OUT_STR },
	{ "version", N_("Version"), OUT_INT },
	{ "level", N_("Level"), OUT_INT },
	{ "suggest_escalation", N_("suggest escalation"), OUT_BOOL },
};
enum { NROW_COLS = sizeof row_cols / sizeof row_cols[0] };

/* codes for csv and json, labels in the table people read */
static void add_row(app_ctx *ctx, out_table *t, const appeal_row *r, bool labels)
{
	char due[16], ver[16], level[8] = "";
	ticket_light_t l;
	strbuf txt = STRBUF_INIT;
	light_text(ctx, r->next_due, &l, &txt);
	snprintf(ver, sizeof ver, "%d", r->version);
	if (r->level)
		snprintf(level, sizeof level, "%d", r->level);
	bool suggest = app_appeal_suggested(ctx, r->handle_due, r->level);
	const char *cells[NROW_COLS] = {
		r->number, r->uscc, r->enterprise_name, r->title,
		labels ? _(ticket_kind_label(r->kind)) : ticket_kind_code(r->kind),
		labels ? _(ticket_state_label(r->state)) : ticket_state_code(r->state),
		r->lead_unit ? r->lead_unit : r->first_unit,
		date_or_empty(r->next_due, due),
		labels ? _(ticket_light_label(l)) : ticket_light_code(l),
		sb_str(&txt), ver,
		labels && r->level ? _(escalation_level_short(r->level)) : level,
		suggest ? "1" : "0",
	};
	out_row(t, cells);
	sb_free(&txt);
}

typedef struct list_state {
	app_ctx *ctx;
	out_table *t;
	bool labels;
} list_state;

static void list_one(appeal_row *r, void *arg)
{
	list_state *st = arg;
	add_row(st->ctx, st->t, r, st->labels);
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
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("usage: qifu appeal show N [--format table|csv|json]\n"));
			return EXIT_OK;
		}
		if (c != 'f' || cli_arg_format(optarg, &fmt))
			return EXIT_USAGE;
	}
	if (optind != argc - 1) {
		say_error(_("usage: qifu appeal show N [--format table|csv|json]"));
		return EXIT_USAGE;
	}
	appeal_record a;
	int rc = appeal_cli_load(ctx, argv[optind], true, &a);
	if (rc)
		return rc;
	appeal_cli_warn_years(ctx, &a.timers);
	esc_dispatch *x = NULL;
	int nx = 0;
	strbuf err = STRBUF_INIT;
	if (esc_store_dispatches(app_db(ctx), a.id, &x, &nx, &err) < 0) {
		say_error("%s", sb_str(&err));
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
		out_table *t = out_new(row_cols, NROW_COLS);
		add_row(ctx, t, &r, false);
		out_print(t, OUT_CSV, true, stdout);
		out_free(&t);
	} else {
		show_table(ctx, &a, x, nx);
	}
	esc_dispatches_free(&x, nx);
	appeal_record_clear(&a);
	return EXIT_OK;
}

/* ---- list and views --------------------------------------------------------- */

static bool parse_states(const char *arg, unsigned *bits)
{
	int n;
	char **v = app_split_list(arg, &n);
	bool ok = n > 0;
	for (int i = 0; i < n && ok; i++) {
		ticket_state s;
		ok = ticket_state_parse(v[i], &s) && s != TICKET_ST_NEW;
		if (ok)
			*bits |= appeal_state_bit(s);
		else
			say_error(_("--state: '%s' is not a state (registered, self_handling, submitted, "
			            "dispatched, in_progress, extended, answered, callback_satisfied, "
			            "callback_dissatisfied, fed_back, explained, close_requested, closed, "
			            "withdrawn, merged)"), v[i]);
	}
	app_split_list_free(&v);
	return ok;
}

static bool parse_lights(const char *arg, unsigned *bits)
{
	int n;
	char **v = app_split_list(arg, &n);
	bool ok = n > 0;
	for (int i = 0; i < n && ok; i++) {
		ticket_light_t l;
		ok = ticket_light_parse(v[i], &l);
		if (ok)
			*bits |= appeal_light_bit(l);
		else
			say_error(_("--light: '%s' is not one of red, yellow, green"), v[i]);
	}
	app_split_list_free(&v);
	return ok;
}

static bool parse_sort(const char *arg, appeal_sort *s)
{
	static const char *const names[APPEAL_SORT__COUNT] = {
		[APPEAL_SORT_NUMBER] = "number", [APPEAL_SORT_DUE] = "due",
		[APPEAL_SORT_STATE] = "state", [APPEAL_SORT_UNIT] = "unit",
		[APPEAL_SORT_ENTERPRISE] = "enterprise",
	};
	for (int i = 0; i < APPEAL_SORT__COUNT; i++)
		if (strcmp(arg, names[i]) == 0) {
			*s = (appeal_sort)i;
			return true;
		}
	say_error(_("--sort: '%s' is not one of number, due, state, unit, enterprise"), arg);
	return false;
}

static void list_usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu appeal list [--state S,...] [--unit U] [--light red|yellow|green]\n"
	              "                        [--overdue] [--level 1|2|3] [--enterprise USCC] [--view VIEW]\n"
	              "                        [--search Q] [--sort number|due|state|unit|enterprise]\n"
	              "                        [--desc] [--format table|csv|json]\n"
	              "views: to_dispatch, to_sign, in_progress, due_today, yellow, red, callback,\n"
	              "       dissatisfied, closed, mine\n"));
}

int appeal_cmd_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "unit", required_argument, NULL, 'u' },
		{ "light", required_argument, NULL, 'l' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "level", required_argument, NULL, 'L' },
		{ "enterprise", required_argument, NULL, 'e' },
		{ "view", required_argument, NULL, 'v' },
		{ "search", required_argument, NULL, 'q' },
		{ "sort", required_argument, NULL, 'S' },
		{ "desc", no_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	appeal_filter f;
	out_format fmt = OUT_TABLE;
	appeal_sort sort = APPEAL_SORT_NUMBER;
	bool desc = false, have_view = false;
	appeal_view view = APPEAL_VIEW_TO_DISPATCH;
	unsigned states = 0, lights = 0;
	int level = 0;
	const char *unit = NULL, *uscc = NULL, *search = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!parse_states(optarg, &states))
				return EXIT_USAGE;
			break;
		case 'u':
			if (!units_find(app_units(ctx), optarg)) {
				say_error(_("--unit: unknown unit '%s'"), optarg);
				return EXIT_USAGE;
			}
			unit = optarg;
			break;
		case 'l':
			if (!parse_lights(optarg, &lights))
				return EXIT_USAGE;
			break;
		case 'o': lights |= appeal_light_bit(TICKET_LIGHT_RED); break;
		case 'L':
			if (strlen(optarg) != 1 || !escalation_level_valid(optarg[0] - '0')) {
				say_error(_("--level: '%s' is not a dispatch level (3, 2 or 1)"), optarg);
				return EXIT_USAGE;
			}
			level = optarg[0] - '0';
			break;
		case 'e': uscc = optarg; break;
		case 'v':
			if (!appeal_view_parse(optarg, &view)) {
				say_error(_("--view: '%s' is not a saved view (see 'qifu appeal views')"),
				          optarg);
				return EXIT_USAGE;
			}
			have_view = true;
			break;
		case 'q': search = optarg; break;
		case 'S':
			if (!parse_sort(optarg, &sort))
				return EXIT_USAGE;
			break;
		case 'd': desc = true; break;
		case 'f':
			if (cli_arg_format(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case 'h': list_usage(stdout); return EXIT_OK;
		default: list_usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		list_usage(stderr);
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL))
		return EXIT_NO;
	/* the enterprise as the register spells its code, and one the actor may see */
	ent_record e = { 0 };
	int rc;
	if (uscc && (rc = cli_arg_enterprise(ctx, uscc, &e, PERM_ENT_VIEW)) != 0)
		return rc;
	app_appeal_filter(ctx, &f);
	f.states = states;
	f.lights = lights;
	f.unit = unit;
	f.enterprise = e.uscc;
	f.search = search;
	f.level = level;
	if (have_view)
		appeal_filter_add_view(&f, view, app_actor(ctx)->unit);
	cli_warn_missing_year(ctx, ctx->today, f.yellow_last);
	list_state st = { ctx, out_new(row_cols, NROW_COLS), fmt == OUT_TABLE };
	rc = appeal_cli_each(ctx, &f, sort, desc, list_one, &st);
	if (rc == EXIT_OK)
		out_print(st.t, fmt, false, stdout);
	out_free(&st.t);
	ent_record_clear(&e);
	return rc;
}

int appeal_cmd_views(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const out_col cols[] = {
		{ "view", N_("View"), OUT_STR }, { "label", N_("Tab"), OUT_STR },
		{ "count", N_("Count"), OUT_INT },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("usage: qifu appeal views [--format table|csv|json]\n"));
			return EXIT_OK;
		}
		if (c != 'f' || cli_arg_format(optarg, &fmt))
			return EXIT_USAGE;
	}
	if (optind < argc) {
		say_error(_("usage: qifu appeal views [--format table|csv|json]"));
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL))
		return EXIT_NO;
	appeal_filter f;
	app_appeal_filter(ctx, &f);
	cli_warn_missing_year(ctx, ctx->today, f.yellow_last);
	long counts[APPEAL_VIEW__COUNT];
	strbuf err = STRBUF_INIT;
	if (appeal_store_view_counts(app_db(ctx), &f, app_actor(ctx)->unit, counts, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	out_table *t = out_new(cols, 3);
	for (int v = 0; v < APPEAL_VIEW__COUNT; v++) {
		char n[24];
		snprintf(n, sizeof n, "%ld", counts[v]);
		const char *row[3] = { appeal_view_code((appeal_view)v),
			_(appeal_view_label((appeal_view)v)), n };
		out_row(t, row);
	}
	out_print(t, fmt, false, stdout);
	out_free(&t);
	sb_free(&err);
	return EXIT_OK;
}

/* ---- printable sheets ------------------------------------------------------- */

enum { SHEET_WIDTH = 72, SHEET_LABEL = 18 };

/* label padded to its column, then value wrapped to the rest of the line */
static void sheet_line(strbuf *out, const char *label, const char *value)
{
	int room = SHEET_WIDTH - SHEET_LABEL;
	text_fit_pad_sb(out, label, SHEET_LABEL, TEXT_LEFT);
	const char *p = value && *value ? value : "";
	bool first = true;
	do {
		if (!first)
			text_fit_pad_sb(out, "", SHEET_LABEL, TEXT_LEFT);
		first = false;
		size_t nl = strcspn(p, "\n");
		char *para = xstrndup(p, nl);
		size_t cut = text_prefix_bytes(para, room);
		/* a character wider than the whole room still moves the line on */
		if (cut == 0 && *para)
			cut = text_next_char(para, 0);
		sb_addn(out, para, cut);
		sb_addc(out, '\n');
		p += cut;
		if (cut == nl && p[0] == '\n')
			p++;
		free(para);
	} while (*p);
}

void appeal_sheet_add(appeal_sheet *s, const char *label, char *value)
{
	if (s->n == APPEAL_SHEET_FIELDS)
		fatal("appeal_sheet_add: more than %d fields", APPEAL_SHEET_FIELDS);
	s->f[s->n].label = label;
	s->f[s->n].value = value;
	s->n++;
}

static void sheet_rule(strbuf *out)
{
	for (int i = 0; i < SHEET_WIDTH; i++)
		sb_addc(out, '-');
	sb_addc(out, '\n');
}

static int sheet_txt(app_ctx *ctx, const appeal_record *a, const appeal_sheet *s,
		const char *path)
{
	strbuf out = STRBUF_INIT;
	char today[16];
	text_fit_pad_sb(&out, s->title, SHEET_WIDTH, TEXT_CENTER);
	sb_addc(&out, '\n');
	char *left = xasprintf(_("No. %s"), a->number);
	char *right = xasprintf(_("Printed %s"), date_format(ctx->today, today));
	text_fit_pad_sb(&out, left, SHEET_WIDTH - text_width(right), TEXT_LEFT);
	sb_add(&out, right);
	sb_addc(&out, '\n');
	free(left);
	free(right);
	sheet_rule(&out);
	for (int i = 0; i < s->n; i++)
		sheet_line(&out, s->f[i].label, s->f[i].value);
	sheet_rule(&out);
	text_fit_pad_sb(&out, s->signature, SHEET_WIDTH / 2, TEXT_LEFT);
	sb_add(&out, _("Date:"));
	sb_addc(&out, '\n');
	FILE *fp = path ? fopen(path, "w") : stdout;
	if (!fp) {
		say_error(_("%s: cannot write it"), path);
		sb_free(&out);
		return EXIT_USAGE;
	}
	fputs(sb_str(&out), fp);
	int rc = EXIT_OK;
	if (path && fclose(fp) != 0) {
		say_error(_("%s: cannot write it"), path);
		rc = EXIT_USAGE;
	}
	if (path && rc == EXIT_OK)
		printf(_("wrote the %s of %s to %s\n"), s->name, a->number, path);
	sb_free(&out);
	return rc;
}

static int sheet_xlsx(const appeal_record *a, const appeal_sheet *s, const char *path)
{
	xlsx_col cols[2] = { { _("Field"), XLSX_TEXT }, { _("Value"), XLSX_CODE } };
	strbuf err = STRBUF_INIT;
	char *title = xasprintf("%s %s", s->title, a->number);
	xlsx_table *t = xlsx_open(path, title, 2, cols, &err);
	free(title);
	if (!t) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	bool ok = true;
	for (int i = 0; i < s->n && ok; i++) {
		const char *row[2] = { s->f[i].label, s->f[i].value };
		ok = xlsx_row(t, row) == 0;
	}
	if (xlsx_close(&t, ok, &err) < 0 || !ok) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	printf(_("wrote the %s of %s to %s\n"), s->name, a->number, path);
	sb_free(&err);
	return EXIT_OK;
}

int appeal_cli_sheet_cmd(app_ctx *ctx, int argc, char **argv, const char *usage,
		appeal_sheet_fill *fill)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "txt", *path = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': path = optarg; break;
		case 'h':
			printf("%s\n", usage);
			return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	bool xlsx = strcmp(format, "xlsx") == 0;
	if (!xlsx && strcmp(format, "txt") != 0) {
		say_error(_("--format: '%s' is not one of txt, xlsx"), format);
		return EXIT_USAGE;
	}
	if (optind != argc - 1) {
		say_error("%s", usage);
		return EXIT_USAGE;
	}
	appeal_record a;
	int rc = appeal_cli_load(ctx, argv[optind], false, &a);
	if (rc)
		return rc;
	appeal_sheet s = { 0 };
	if ((rc = fill(ctx, &a, &s)) == EXIT_OK) {
		char *fallback = NULL;
		if (xlsx && !path)
			path = fallback = xasprintf("%s.xlsx", a.number);
		rc = xlsx ? sheet_xlsx(&a, &s, path) : sheet_txt(ctx, &a, &s, path);
		free(fallback);
	}
	for (int i = 0; i < s.n; i++)
		free(s.f[i].value);
	appeal_record_clear(&a);
	return rc;
}

/* the dispatch sheet (交办单): what the lead unit signs for */
static int dispatch_sheet(app_ctx *ctx, const appeal_record *a, appeal_sheet *s)
{
	if (!a->lead_unit) {
		say_error(_("%s has not been dispatched: there is no dispatch sheet yet"), a->number);
		return EXIT_NO;
	}
	char d[16];
	const ticket_timer_state *h = &a->timers.t[TICKET_TIMER_HANDLE];
	s->title = _("Enterprise appeal dispatch sheet");
	s->name = _("dispatch sheet");
	s->signature = _("Signed for by (lead unit):");
	appeal_sheet_add(s, _("Appeal number"), xstrdup(a->number));
	appeal_sheet_add(s, _("Enterprise"), xstrdup(a->enterprise_name));
	appeal_sheet_add(s, _("USCC"), xstrdup(a->uscc));
	appeal_sheet_add(s, _("Title"), xstrdup(a->title));
	appeal_sheet_add(s, _("Description"), xstrdup(a->description));
	appeal_sheet_add(s, _("Kind"), xstrdup(_(ticket_kind_label(a->kind))));
	appeal_sheet_add(s, _("Channel"), xstrdup(_(appeal_channel_label(a->channel))));
	appeal_sheet_add(s, _("Registered at"), xstrdup(a->created_at));
	appeal_sheet_add(s, _("First-responsible unit"), xstrdup(a->first_unit));
	appeal_sheet_add(s, _("First-responsible person"), xstrdup(*a->first_name
		? a->first_name : a->first_login));
	appeal_sheet_add(s, _("Dispatched by"), xstrdup(app_appeal_centre(ctx)));
	appeal_sheet_add(s, _("Lead or host unit"), xstrdup(a->lead_unit));
	appeal_sheet_add(s, _("Related units"), joined(a->related, a->nrelated));
	appeal_sheet_add(s, _("Dispatched on"), xstrdup(date_or_empty(h->start, d)));
	appeal_sheet_add(s, _("Handling deadline"), h->days > 0
		? xasprintf(P_("%s (%d working day)", "%s (%d working days)", h->days),
		            date_or_empty(h->due, d), h->days)
		: xstrdup(date_or_empty(h->due, d)));
	return EXIT_OK;
}

int appeal_cmd_sheet(app_ctx *ctx, int argc, char **argv)
{
	return appeal_cli_sheet_cmd(ctx, argc, argv,
		_("usage: qifu appeal sheet N --format txt|xlsx [--output FILE]"), dispatch_sheet);
}
