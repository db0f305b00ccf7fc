/* qifu appeal: appeals (企业诉求) on the command line — registration, every move of
 * the state machine and the recount after a holiday file changes. Each move is
 * decided by model/ticket.h and written by the store under a version check; the
 * verbs, options and the number as the first word of the output are a stable
 * interface scripts depend on. */
#include "cli/cmd_appeal.h"
#include "app/appeal_list.h"
#include "app/appeal_move.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/staff_store.h"

int cmd_appeal(app_ctx *ctx, int argc, char **argv);

/* what people type is bounded in characters, not bytes (UX.md text fields) */
enum { TITLE_MAX = 100, DESCRIPTION_MAX = 4000, TEXT_MAX = 2000 };

static void usage(FILE *fp)
{
	fprintf(fp, _(
		"usage: qifu appeal new --enterprise USCC --title T --kind simple|general|complex\n"
		"                       --channel visit|phone|hotline|online|letter|meeting\n"
		"                       [--description D] [--caller NAME] [--caller-phone PHONE]\n"
		"                       [--caller-role ROLE]\n"
		"       qifu appeal dispatch N --unit U [--related U1,U2]\n"
		"       qifu appeal sign|self-handle|submit|request-close|close N\n"
		"       qifu appeal return N --reason R\n"
		"       qifu appeal extend N --until YYYY-MM-DD --reason R\n"
		"       qifu appeal explain|feedback|clarify N --text T\n"
		"       qifu appeal answer N --result T\n"
		"       qifu appeal report N --how phone|visit|message|letter --text T [--by NAME]\n"
		"                          [--on YYYY-MM-DD]\n"
		"       qifu appeal callback N --satisfied | --dissatisfied --reason R\n"
		"       qifu appeal withdraw N --reason R\n"
		"       qifu appeal merge N --into M\n"
		"       qifu appeal show N [--format table|csv|json]\n"
		"       qifu appeal list [--state S] [--unit U] [--light red|yellow|green] [--overdue]\n"
		"                        [--level 1|2|3] [--enterprise USCC] [--view VIEW] [--search Q]\n"
		"                        [--sort number|due|state|unit|enterprise] [--desc]\n"
		"                        [--format table|csv|json]\n"
		"       qifu appeal views [--format table|csv|json]\n"
		"       qifu appeal sheet N --format txt|xlsx [--output FILE]\n"
		"       qifu appeal escalate N --reason R\n"
		"       qifu appeal schedule N --mode meeting|onsite --date D --decision T\n"
		"                            [--place P] [--attendees A] [--due D]\n"
		"       qifu appeal outcome N --text T\n"
		"       qifu appeal supervise-sheet N [--format txt|xlsx] [--output FILE]\n"
		"       qifu appeal recompute\n"
		"       qifu appeal import FILE.csv|FILE.xlsx [--map NAME] [--sheet NAME] [--dry-run]\n"
		"                          [--skip-bad REJECTS.csv]\n"
		"       qifu appeal import --held [--format table|csv|json]\n"
		"       qifu appeal match HELD_ID USCC\n"
		"       qifu appeal export --for NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
		"                          [--output FILE.csv|FILE.xlsx]\n"
		"Every move takes --version V: it is refused when the appeal has moved on since\n"
		"version V was read. Dates follow --today.\n"));
	fprintf(fp, _(
		"       qifu appeal new --from-visit VISIT_ID --problem N [--kind K] [--channel visit]\n"
		"--from-visit turns problem N (1, 2, …) of a visit into an appeal: its enterprise,\n"
		"the problem as title, the visiting unit first responsible; --kind defaults to\n"
		"general.\n"));
}

/* ---- shared with cmd_appeal_show.c and cmd_remind.c -------------------------- */

int appeal_cli_load(app_ctx *ctx, const char *arg, bool events, appeal_record *out)
{
	int y;
	long seq;
	if (!ticket_number_parse(arg, &y, &seq)) {
		say_error(_("%s is not an appeal number (like 2026-000123)."), arg);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	int found = appeal_store_get(app_db(ctx), arg, events, out, &se);
	if (found != 0) {
		if (found < 0)
			say_error("%s", app_store_text(&se, &err));
		else
			say_error(_("no appeal %s"), arg);
		sb_free(&err);
		return found < 0 ? EXIT_USAGE : EXIT_NO;
	}
	if (!cli_allowed(ctx, PERM_ENT_VIEW, out->area, NULL)) {
		appeal_record_clear(out);
		return EXIT_NO;
	}
	/* an appeal a unit takes no part in is as good as absent to its staff */
	if (!app_appeal_visible(ctx, out)) {
		appeal_record_clear(out);
		say_error(_("no appeal %s"), arg);
		return EXIT_NO;
	}
	app_appeal_mask(ctx, out);
	return 0;
}

typedef struct cli_each_state {
	void (*row)(appeal_row *r, void *arg);
	void *arg;
} cli_each_state;

static int cli_each_row(appeal_row *r, void *arg, strbuf *err)
{
	(void)err;
	cli_each_state *st = arg;
	st->row(r, st->arg);
	return 0;
}

int appeal_cli_each(app_ctx *ctx, const appeal_filter *f, appeal_sort sort, bool desc,
		void (*row)(appeal_row *r, void *arg), void *arg)
{
	cli_each_state st = { row, arg };
	strbuf err = STRBUF_INIT;
	int rc = app_appeal_each(ctx, f, sort, desc, cli_each_row, &st, &err);
	if (rc < 0)
		say_error("%s", sb_str(&err));
	sb_free(&err);
	return rc < 0 ? EXIT_USAGE : EXIT_OK;
}

void appeal_cli_warn_years(app_ctx *ctx, const ticket_timers *tm)
{
	qdate lo = ctx->today, hi = ctx->today;
	for (int i = 0; tm && i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *ts = &tm->t[i];
		if (!ticket_timer_running(ts) || ts->due == DATE_NONE)
			continue;
		if (ts->due < lo)
			lo = ts->due;
		if (ts->due > hi)
			hi = ts->due;
	}
	cli_warn_missing_year(ctx, lo, hi);
}

int appeal_cli_arg_version(const char *arg, int *version)
{
	char *end;
	long ver = strtol(arg, &end, 10);
	if (*end || !*arg || ver < 1 || ver > 1000000000) {
		say_error(_("--version: '%s' is not a version number"), arg);
		return EXIT_USAGE;
	}
	*version = (int)ver;
	return 0;
}

int appeal_cli_check_version(app_ctx *ctx, const appeal_record *a, int version)
{
	if (version <= 0)
		return 0;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	int rc = appeal_store_check_version(app_db(ctx), a, version, &se) != 0 ? EXIT_NO : 0;
	if (rc)
		say_error("%s", app_store_text(&se, &err));
	sb_free(&err);
	return rc;
}

/* ---- input ------------------------------------------------------------------ */

char *appeal_cli_text(const char *opt, const char *s, bool lines, size_t max)
{
	size_t len = strlen(s);
	if (!text_valid_utf8(s, len)) {
		say_error(_("%s: the text is not valid UTF-8"), opt);
		return NULL;
	}
	char *clean = text_sanitize(s, len, lines ? TEXT_KEEP_NEWLINES : 0);
	char *trimmed = text_trim(clean);
	free(clean);
	if (text_chars(trimmed) > max) {
		say_error(_("%s: at most %zu characters, not %zu"), opt, max, text_chars(trimmed));
		free(trimmed);
		return NULL;
	}
	return trimmed;
}

static bool known_unit(app_ctx *ctx, const char *opt, const char *u)
{
	if (units_find(app_units(ctx), u))
		return true;
	strbuf b = STRBUF_INIT;
	units_list(app_units(ctx), -1, &b);
	say_error(_("%s: unknown unit '%s'; allowed: %s"), opt, u, sb_str(&b));
	sb_free(&b);
	return false;
}

void appeal_cli_print_started(app_ctx *ctx, const ticket_timers *before,
		const ticket_timers *after)
{
	ticket_params p = app_ticket_params(ctx);
	for (int i = 0; i < TICKET_TIMER__COUNT; i++) {
		const ticket_timer_state *a = &after->t[i];
		const ticket_timer_state *b = before ? &before->t[i] : NULL;
		if (!ticket_timer_running(a) || (b && b->start == a->start && b->due == a->due &&
		                                 b->done == a->done))
			continue;
		int n;
		ticket_light_t l = ticket_timer_light(a, ctx->today, app_calendar(ctx), p.yellow_days,
		                                      &n);
		strbuf txt = STRBUF_INIT;
		app_light_text(l, n, &txt);
		char due[16];
		printf(_("  %s: %s, %s\n"), _(ticket_timer_label((ticket_timer)i)),
		       date_format(a->due, due), sb_str(&txt));
		sb_free(&txt);
	}
}

const char *appeal_cli_date(qdate d, char buf[16])
{
	if (d == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	return date_format(d, buf);
}

/* ---- appeal new ------------------------------------------------------------- */

/* the enterprise's appeals with similar titles, as a warning: registering goes on */
static void warn_similar(app_ctx *ctx, const char *uscc, const char *title)
{
	appeal_row rows[APP_SIMILAR_MAX];
	int n = 0;
	strbuf err = STRBUF_INIT, text = STRBUF_INIT;
	if (app_appeal_similar(ctx, uscc, title, rows, APP_SIMILAR_MAX, &n, &err) != APP_OK) {
		say_warn("%s", sb_str(&err));
	} else if (n > 0) {
		app_appeal_similar_text(ctx, rows, n, &text);
		say_warn("%s", sb_str(&text));
	}
	for (int i = 0; i < n; i++)
		appeal_row_clear(&rows[i]);
	sb_free(&err);
	sb_free(&text);
}

void appeal_cli_print_from_problem(app_ctx *ctx, const char *number, const char *source,
		const ticket_timers *tm)
{
	appeal_record r;
	store_err gerr = { 0 };
	if (appeal_store_get(app_db(ctx), number, false, &r, &gerr) == 0) {
		printf(_("%s registered for %s from %s, now %s at %s\n"), number, r.enterprise_name,
		       source, _(ticket_state_label(r.state)), r.first_unit);
		appeal_record_clear(&r);
	} else {
		printf("%s\n", number);
	}
	appeal_cli_warn_years(ctx, tm);
	appeal_cli_print_started(ctx, NULL, tm);
}

int appeal_cli_kind_options(int argc, char **argv, ticket_kind *kind,
		void (*usage_of)(FILE *fp))
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	*kind = TICKET_KIND_GENERAL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			if (!ticket_kind_parse(optarg, kind)) {
				say_error(_("--kind: '%s' is not one of simple, general, complex"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': usage_of(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	return -1;
}

int appeal_cli_made(app_ctx *ctx, int w, const char *number, const char *source,
		const ticket_timers *tm, strbuf *err)
{
	if (w != APPEAL_MOVE_DONE) {
		say_error("%s", sb_str(err));
		return w == APPEAL_MOVE_REFUSED ? EXIT_NO : EXIT_USAGE;
	}
	appeal_cli_print_from_problem(ctx, number, source, tm);
	return EXIT_OK;
}

/* appeal new --from-visit: everything but the kind and channel comes from the visit */
static int new_from_visit(app_ctx *ctx, const char *visit_arg, const char *problem_arg,
		const char *kind_arg, const char *channel_arg)
{
	int64_t visit_id, seq;
	if (cli_arg_id("--from-visit", visit_arg, &visit_id) ||
	    cli_arg_id("--problem", problem_arg, &seq))
		return EXIT_USAGE;
	ticket_kind kind = TICKET_KIND_GENERAL;
	if (kind_arg && !ticket_kind_parse(kind_arg, &kind)) {
		say_error(_("--kind: '%s' is not one of simple, general, complex"), kind_arg);
		return EXIT_USAGE;
	}
	appeal_channel channel = APPEAL_CH_VISIT;
	if (channel_arg && (!appeal_channel_parse(channel_arg, &channel) ||
	                    channel != APPEAL_CH_VISIT)) {
		say_error(_("--channel: an appeal from a visit comes through the visit channel, "
		            "not '%s'"), channel_arg);
		return EXIT_USAGE;
	}
	if (seq > INT_MAX)
		seq = INT_MAX;
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	strbuf err = STRBUF_INIT;
	appeal_move_rc w = appeal_move_from_visit(ctx, visit_id, (int)seq, kind, number, &tm,
	                                          &err);
	if (w != APPEAL_MOVE_DONE) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return w == APPEAL_MOVE_REFUSED ? EXIT_NO : EXIT_USAGE;
	}
	sb_free(&err);
	char *source = xasprintf(_("problem %d of visit %" PRId64), (int)seq, visit_id);
	appeal_cli_print_from_problem(ctx, number, source, &tm);
	free(source);
	return EXIT_OK;
}

static int appeal_new_cmd(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, 'e' },
		{ "title", required_argument, NULL, 't' },
		{ "kind", required_argument, NULL, 'k' },
		{ "channel", required_argument, NULL, 'c' },
		{ "description", required_argument, NULL, 'd' },
		{ "from-visit", required_argument, NULL, 'v' },
		{ "problem", required_argument, NULL, 'p' },
		{ "caller", required_argument, NULL, 'C' },
		{ "caller-phone", required_argument, NULL, 'P' },
		{ "caller-role", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *uscc_arg = NULL, *title_arg = NULL, *kind_arg = NULL, *channel_arg = NULL,
	           *desc_arg = NULL, *visit_arg = NULL, *problem_arg = NULL, *caller_arg = NULL,
	           *phone_arg = NULL, *role_arg = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'e': uscc_arg = optarg; break;
		case 't': title_arg = optarg; break;
		case 'k': kind_arg = optarg; break;
		case 'c': channel_arg = optarg; break;
		case 'd': desc_arg = optarg; break;
		case 'v': visit_arg = optarg; break;
		case 'p': problem_arg = optarg; break;
		case 'C': caller_arg = optarg; break;
		case 'P': phone_arg = optarg; break;
		case 'R': role_arg = optarg; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (visit_arg || problem_arg) {
		if (uscc_arg || title_arg || desc_arg) {
			say_error(_("appeal new: --from-visit takes the enterprise, the title and the "
			            "description from the visit; leave out --enterprise, --title and "
			            "--description"));
			return EXIT_USAGE;
		}
		if (cli_required(argv, "--from-visit --problem"))
			return EXIT_USAGE;
		return new_from_visit(ctx, visit_arg, problem_arg, kind_arg, channel_arg);
	}
	if (cli_required(argv, "--enterprise --title --kind --channel"))
		return EXIT_USAGE;
	ticket_kind kind;
	appeal_channel channel;
	if (!ticket_kind_parse(kind_arg, &kind)) {
		say_error(_("--kind: '%s' is not one of simple, general, complex"), kind_arg);
		return EXIT_USAGE;
	}
	if (!appeal_channel_parse(channel_arg, &channel)) {
		say_error(_("--channel: '%s' is not one of visit, phone, hotline, online, letter, "
		            "meeting"), channel_arg);
		return EXIT_USAGE;
	}
	char *title = NULL, *desc = NULL;
	int rc = EXIT_USAGE;
	strbuf err = STRBUF_INIT;
	ent_record e = { 0 };
	if (!(title = appeal_cli_text("--title", title_arg, false, TITLE_MAX)) ||
	    (desc_arg && !(desc = appeal_cli_text("--description", desc_arg, true,
	                                          DESCRIPTION_MAX))))
		goto out;
	if (!*title) {
		say_error(_("--title: an appeal needs a title"));
		goto out;
	}
	if ((rc = cli_arg_enterprise(ctx, uscc_arg, &e, PERM_ENT_VIEW)) != 0)
		goto out;
	rc = EXIT_USAGE;
	warn_similar(ctx, e.uscc, title);
	appeal_new a = { .uscc = e.uscc, .title = title, .description = desc, .kind = kind,
		.channel = channel, .state = TICKET_ST_NEW, .caller_name = caller_arg,
		.caller_phone = phone_arg, .caller_role = role_arg };
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	appeal_move_rc w = appeal_move_register(ctx, &a, number, &tm, &err);
	if (w != APPEAL_MOVE_DONE) {
		say_error("%s", sb_str(&err));
		rc = w == APPEAL_MOVE_REFUSED ? EXIT_NO : EXIT_USAGE;
		goto out;
	}
	appeal_cli_warn_years(ctx, &tm);
	printf(_("%s registered for %s, now %s\n"), number, e.name, _(ticket_state_label(a.state)));
	appeal_cli_print_started(ctx, NULL, &tm);
	rc = EXIT_OK;
out:
	ent_record_clear(&e);
	free(title);
	free(desc);
	sb_free(&err);
	return rc;
}

/* ---- the moves -------------------------------------------------------------- */

/* a verb of TICKET_ACTIONS: callback's action is chosen by --satisfied/--dissatisfied */
struct move_verb {
	const char *verb;
	ticket_action action;
	unsigned opts;            /* TICKET_OPT_* */
};

/* the move a verb names, from the one action table; false for no such verb */
static bool move_verb_find(const char *verb, struct move_verb *v)
{
	for (int a = 0; a < TICKET_ACT__COUNT; a++) {
		const char *w = ticket_action_verb((ticket_action)a);
		if (w && strcmp(w, verb) == 0) {
			*v = (struct move_verb){ w, (ticket_action)a, ticket_action_opts((ticket_action)a) };
			return true;
		}
	}
	return false;
}

typedef struct move_args {
	const char *number;
	const char *unit;
	const char *related;
	const char *text;
	const char *until;
	const char *into;
	const char *how;            /* report: phone, visit, message, letter */
	const char *by;             /* report: who told the enterprise (default: me) */
	const char *on;             /* report: the day it was told (default: today) */
	int callback;               /* 0 none, 1 satisfied, 2 dissatisfied */
	int version;                /* -1: the version read now */
} move_args;

/* what each move needs (TICKET_NEEDS_*), from the one action table */
static const unsigned move_needs[TICKET_ACT__COUNT] = {
#define X_NEEDS(id, code, verb, label, text, needs, irrev, lead, opts) [TICKET_ACT_##id] = (needs),
	TICKET_ACTIONS(X_NEEDS)
#undef X_NEEDS
};

/* the options that give what a move needs */
static const struct {
	unsigned opt;              /* TICKET_OPT_* */
	unsigned need;             /* TICKET_NEEDS_* */
	const char *name;
} need_opts[] = {
	{ TICKET_OPT_UNIT, TICKET_NEEDS_UNIT, "--unit" },
	{ TICKET_OPT_REASON, TICKET_NEEDS_TEXT, "--reason" },
	{ TICKET_OPT_TEXT, TICKET_NEEDS_TEXT, "--text" },
	{ TICKET_OPT_RESULT, TICKET_NEEDS_TEXT, "--result" },
	{ TICKET_OPT_UNTIL, TICKET_NEEDS_DATE, "--until" },
	{ TICKET_OPT_INTO, TICKET_NEEDS_TARGET, "--into" },
	{ TICKET_OPT_REPORT, TICKET_NEEDS_REPORT, "--how" },
};

/* an option's TICKET_OPT_* bit; above it, which of the options sharing the bit */
enum { OPT_BITS = 0xfff, OPT_FIRST = 0x1000, OPT_SECOND = 0x2000, OPT_THIRD = 0x4000 };

/* the options of the move table verb v (arg) takes */
static bool move_takes(const struct option *o, const void *arg)
{
	const struct move_verb *v = arg;
	return o->val == 'v' || o->val == 'h' || (v->opts & (unsigned)(o->val & OPT_BITS));
}

/* 0, or an exit code */
static int parse_move(const struct move_verb *v, int argc, char **argv, move_args *a)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, TICKET_OPT_UNIT },
		{ "related", required_argument, NULL, TICKET_OPT_RELATED },
		{ "reason", required_argument, NULL, TICKET_OPT_REASON },
		{ "text", required_argument, NULL, TICKET_OPT_TEXT },
		{ "result", required_argument, NULL, TICKET_OPT_RESULT },
		{ "until", required_argument, NULL, TICKET_OPT_UNTIL },
		{ "into", required_argument, NULL, TICKET_OPT_INTO },
		{ "satisfied", no_argument, NULL, TICKET_OPT_CALLBACK | OPT_FIRST },
		{ "dissatisfied", no_argument, NULL, TICKET_OPT_CALLBACK | OPT_SECOND },
		{ "how", required_argument, NULL, TICKET_OPT_REPORT | OPT_FIRST },
		{ "by", required_argument, NULL, TICKET_OPT_REPORT | OPT_SECOND },
		{ "on", required_argument, NULL, TICKET_OPT_REPORT | OPT_THIRD },
		{ "version", required_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(a, 0, sizeof *a);
	a->version = -1;
	optind = 0;
	while ((c = cli_getopt_some(argc, argv, opts, NULL, move_takes, v)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return EXIT_OK + 100;
		}
		if (c == '?')
			return EXIT_USAGE;
		if (c == 'v') {
			if (appeal_cli_arg_version(optarg, &a->version))
				return EXIT_USAGE;
			continue;
		}
		switch (c & OPT_BITS) {
		case TICKET_OPT_UNIT: a->unit = optarg; break;
		case TICKET_OPT_RELATED: a->related = optarg; break;
		case TICKET_OPT_REASON: case TICKET_OPT_TEXT: case TICKET_OPT_RESULT: a->text = optarg; break;
		case TICKET_OPT_UNTIL: a->until = optarg; break;
		case TICKET_OPT_INTO: a->into = optarg; break;
		case TICKET_OPT_REPORT:
			if (c & OPT_FIRST)
				a->how = optarg;
			else if (c & OPT_SECOND)
				a->by = optarg;
			else
				a->on = optarg;
			break;
		case TICKET_OPT_CALLBACK: {
			int which = c & OPT_FIRST ? 1 : 2;
			if (a->callback && a->callback != which) {
				say_error(_("appeal callback: --satisfied or --dissatisfied, not both"));
				return EXIT_USAGE;
			}
			a->callback = which;
			break;
		}
		}
	}
	if (cli_operands(argc, argv, 1, _("the appeal number")))
		return EXIT_USAGE;
	if ((v->opts & TICKET_OPT_CALLBACK) && !a->callback) {
		say_error(_("appeal callback: say --satisfied or --dissatisfied"));
		return EXIT_USAGE;
	}
	/* the options the move cannot do without, before the appeal is read */
	ticket_action act = a->callback == 2 ? TICKET_ACT_CALLBACK_DISSATISFIED : v->action;
	strbuf required = STRBUF_INIT;
	for (size_t i = 0; i < sizeof need_opts / sizeof need_opts[0]; i++)
		if ((v->opts & need_opts[i].opt) && (move_needs[act] & need_opts[i].need))
			sb_addf(&required, " %s", need_opts[i].name);
	int rc = cli_required(argv, sb_str(&required));
	sb_free(&required);
	if (rc)
		return rc;
	a->number = argv[optind];
	return 0;
}

/* the typed input of a move, cleaned; 0 or an exit code. The cleaned text, the
 * reporter and the related units are allocated into *text, *by and *related for the
 * caller to free. A report's missing --by and --on are appeal_move_make's to fill. */
static int build_input(app_ctx *ctx, const struct move_verb *v, const move_args *a,
		ticket_input *in, char **text, char **by, char ***related)
{
	memset(in, 0, sizeof *in);
	in->until = in->on = DATE_NONE;
	if (a->text) {
		const char *opt = v->opts & TICKET_OPT_RESULT ? "--result" : v->opts & TICKET_OPT_TEXT ? "--text"
			: "--reason";
		if (!(*text = appeal_cli_text(opt, a->text, true, TEXT_MAX)))
			return EXIT_USAGE;
		in->text = *text;
	}
	if (a->unit) {
		if (!known_unit(ctx, "--unit", a->unit))
			return EXIT_USAGE;
		in->unit = a->unit;
	}
	if (a->related) {
		int n;
		*related = app_split_list(a->related, &n);
		for (int i = 0; i < n; i++)
			if (!known_unit(ctx, "--related", (*related)[i]))
				return EXIT_USAGE;
		in->related = (const char *const *)*related;
		in->nrelated = n;
	}
	if (a->until && cli_arg_date("--until", a->until, &in->until) != 0)
		return EXIT_USAGE;
	in->into = a->into;
	if (a->how && !ticket_how_parse(a->how, &in->how)) {
		say_error(_("--how: '%s' is not one of phone, visit, message, letter"), a->how);
		return EXIT_USAGE;
	}
	if (a->by) {
		if (!(*by = appeal_cli_text("--by", a->by, false, APPEAL_CALLER_MAX)))
			return EXIT_USAGE;
		in->by = *by;
	}
	if (a->on && cli_arg_date("--on", a->on, &in->on) != 0)
		return EXIT_USAGE;
	return 0;
}

/* appeal VERB N …: the move of TICKET_ACTIONS the verb argv[0] names */
static int appeal_move_cmd(app_ctx *ctx, int argc, char **argv)
{
	struct move_verb verb;
	const struct move_verb *v = &verb;
	move_verb_find(argv[0], &verb);
	move_args a;
	int rc = parse_move(v, argc, argv, &a);
	if (rc)
		return rc == EXIT_OK + 100 ? EXIT_OK : rc;
	ticket_action action = v->action;
	if (a.callback == 2)
		action = TICKET_ACT_CALLBACK_DISSATISFIED;
	appeal_record rec;
	if ((rc = appeal_cli_load(ctx, a.number, false, &rec)) != 0)
		return rc;
	strbuf err = STRBUF_INIT;
	char *text = NULL, *by = NULL, **related = NULL;
	ticket_input in;
	ticket_move m;
	/* a stale view is refused before anything is decided on it */
	if ((rc = appeal_cli_check_version(ctx, &rec, a.version)) != 0)
		goto out;
	if ((rc = build_input(ctx, v, &a, &in, &text, &by, &related)) != 0)
		goto out;
	ticket_timers after;
	appeal_move_rc w = appeal_move_make(ctx, &rec, action, &in, &m, &after, &err);
	if (w != APPEAL_MOVE_DONE) {
		say_error("%s: %s", rec.number, sb_str(&err));
		rc = w == APPEAL_MOVE_REFUSED ? EXIT_NO : EXIT_USAGE;
		goto out;
	}
	appeal_cli_warn_years(ctx, &after);
	printf(_("%s %s: now %s (version %d)\n"), rec.number, _(ticket_action_label(m.action)),
	       _(ticket_state_label(m.to)), rec.version + 1);
	appeal_cli_print_started(ctx, &rec.timers, &after);
	rc = EXIT_OK;
out:
	free(text);
	free(by);
	app_split_list_free(&related);
	appeal_record_clear(&rec);
	sb_free(&err);
	return rc;
}

/* ---- recompute -------------------------------------------------------------- */

static int appeal_recompute_cmd(app_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return EXIT_OK;
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	staff *me = app_actor(ctx);
	calendar *cal = app_calendar(ctx);
	strbuf err = STRBUF_INIT;
	long changed;
	store_err se = { 0 };
	if (appeal_store_recompute(app_db(ctx), me->login, cal, &changed, &se) < 0) {
		say_error("%s", app_store_text(&se, &err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	printf(P_("recomputed the running deadlines: %ld appeal changed\n",
	          "recomputed the running deadlines: %ld appeals changed\n", changed), changed);
	sb_free(&err);
	return EXIT_OK;
}

/* One line per subcommand besides the moves. */
#define APPEAL_SUBCOMMANDS(X) \
	X("new", appeal_new_cmd) \
	X("show", appeal_cmd_show) \
	X("list", appeal_cmd_list) \
	X("views", appeal_cmd_views) \
	X("sheet", appeal_cmd_sheet) \
	X("escalate", appeal_cmd_escalate) \
	X("schedule", appeal_cmd_schedule) \
	X("outcome", appeal_cmd_outcome) \
	X("supervise-sheet", appeal_cmd_supervise_sheet) \
	X("recompute", appeal_recompute_cmd) \
	X("import", appeal_cmd_import) \
	X("match", appeal_cmd_match) \
	X("export", appeal_cmd_export) \

int cmd_appeal(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub fixed[] = {
#define X_ROW(name, fn) { name, fn, NULL },
		APPEAL_SUBCOMMANDS(X_ROW)
#undef X_ROW
	};
	enum { NFIXED = sizeof fixed / sizeof fixed[0] };
	/* the subcommands, then a verb for each move that has one */
	cli_sub subs[NFIXED + TICKET_ACT__COUNT];
	int n = NFIXED;
	memcpy(subs, fixed, sizeof fixed);
	for (int a = 0; a < TICKET_ACT__COUNT; a++) {
		const char *verb = ticket_action_verb((ticket_action)a);
		if (verb)
			subs[n++] = (cli_sub){ verb, appeal_move_cmd, NULL };
	}
	return cli_subcommand(ctx, argc, argv, subs, n, usage);
}
