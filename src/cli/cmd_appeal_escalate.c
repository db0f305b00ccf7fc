/* qifu appeal escalate|schedule|outcome|supervise-sheet: three-level dispatch (三级调度)
 * on the command line. Each move is decided by model/escalation.h and written by
 * store/escalation_store.h under the appeal's version check; the supervision sheet
 * (督办单) is printed for overdue appeals only. */
#include "cli/cmd_appeal.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "app/ladder.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"

/* ---- arguments -------------------------------------------------------------- */

/* which options a ladder command takes */
enum {
	LA_REASON = 1u << 0,
	LA_TEXT = 1u << 1,
	LA_MODE = 1u << 2,
	LA_DATE = 1u << 3,
	LA_DECISION = 1u << 4,
	LA_PLACE = 1u << 5,
	LA_ATTENDEES = 1u << 6,
	LA_DUE = 1u << 7,
	LA_VERSION = 1u << 8,
	LA_HELP = 1u << 9,
};

typedef struct ladder_args {
	const char *number;
	const char *text;          /* --reason or --text */
	const char *mode;
	const char *date;
	const char *decision;
	const char *place;
	const char *attendees;
	const char *due;
	int version;               /* -1: the version read now */
} ladder_args;

/* the options of the shared table a ladder move takes; arg is its LA_ bits */
static bool ladder_takes(const struct option *o, const void *arg)
{
	return o->val == LA_VERSION || o->val == LA_HELP || (*(const unsigned *)arg & (unsigned)o->val);
}

/* the options of takes, of which those of required (as cli_required reads them) must
 * be given; 0, EXIT_OK + 100 after --help, or an exit code */
static int parse_ladder(unsigned takes, const char *required, const char *usage, int argc,
		char **argv, ladder_args *a)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, LA_REASON },
		{ "text", required_argument, NULL, LA_TEXT },
		{ "mode", required_argument, NULL, LA_MODE },
		{ "date", required_argument, NULL, LA_DATE },
		{ "decision", required_argument, NULL, LA_DECISION },
		{ "place", required_argument, NULL, LA_PLACE },
		{ "attendees", required_argument, NULL, LA_ATTENDEES },
		{ "due", required_argument, NULL, LA_DUE },
		{ "version", required_argument, NULL, LA_VERSION },
		{ "help", no_argument, NULL, LA_HELP },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(a, 0, sizeof *a);
	a->version = -1;
	optind = 0;
	while ((c = cli_getopt_some(argc, argv, opts, NULL, ladder_takes, &takes)) != -1) {
		if (c == LA_HELP) {
			printf("%s\n", usage);
			return EXIT_OK + 100;
		}
		if (c == '?')
			return EXIT_USAGE;
		switch (c) {
		case LA_REASON: case LA_TEXT: a->text = optarg; break;
		case LA_MODE: a->mode = optarg; break;
		case LA_DATE: a->date = optarg; break;
		case LA_DECISION: a->decision = optarg; break;
		case LA_PLACE: a->place = optarg; break;
		case LA_ATTENDEES: a->attendees = optarg; break;
		case LA_DUE: a->due = optarg; break;
		case LA_VERSION:
			if (appeal_cli_arg_version(optarg, &a->version))
				return EXIT_USAGE;
			break;
		}
	}
	if (cli_operands(argc, argv, 1, _("the appeal number")) || cli_required(argv, required))
		return EXIT_USAGE;
	a->number = argv[optind];
	return 0;
}

/* the appeal named by a, if visible and not changed since --version; 0 or exit code */
static int load_current(app_ctx *ctx, const ladder_args *a, appeal_record *rec)
{
	int rc = appeal_cli_load(ctx, a->number, false, rec);
	if (rc)
		return rc;
	/* a stale view is refused before anything is decided on it */
	if ((rc = appeal_cli_check_version(ctx, rec, a->version)) != 0)
		appeal_record_clear(rec);
	return rc;
}

/* the acting staff member as the shared ladder moves see them; who must outlive it */
static esc_mover mover(app_ctx *ctx, const escalation_actor *who)
{
	esc_mover m = { app_db(ctx), app_actor(ctx)->login, who, app_calendar(ctx), ctx->today };
	return m;
}

/* a move's result as an exit code, with its message when not done */
static int moved(esc_move_result r, const strbuf *err)
{
	if (r == ESC_MOVE_DONE)
		return EXIT_OK;
	say_error("%s", sb_str(err));
	return r == ESC_MOVE_REFUSED ? EXIT_NO : EXIT_USAGE;
}

/* the reason or outcome as typed, cleaned: NULL after saying why not; the shared
 * move checks what it says */
static char *ladder_text(const char *opt, const char *typed)
{
	return typed ? appeal_cli_text(opt, typed, true, ESC_TEXT_MAX) : xstrdup("");
}

/* ---- escalate --------------------------------------------------------------- */

int appeal_cmd_escalate(app_ctx *ctx, int argc, char **argv)
{
	const char *usage = _("usage: qifu appeal escalate N --reason R [--version V]");
	ladder_args a;
	int rc = parse_ladder(LA_REASON, "--reason", usage, argc, argv, &a);
	if (rc)
		return rc == EXIT_OK + 100 ? EXIT_OK : rc;
	appeal_record rec;
	if ((rc = load_current(ctx, &a, &rec)) != 0)
		return rc;
	escalation_verdict v;
	char *reason = NULL;
	strbuf err = STRBUF_INIT;
	escalation_actor who = app_esc_actor(ctx);
	esc_mover m = mover(ctx, &who);
	rc = EXIT_USAGE;
	if (!(reason = ladder_text("--reason", a.text)))
		goto out;
	rc = moved(esc_move_escalate(&m, &rec, reason, &v, &err), &err);
	if (rc == EXIT_OK)
		printf(_("%s escalated from %s to %s (version %d)\n"), rec.number,
		       _(escalation_level_label(v.level)), _(escalation_level_label(v.next)),
		       rec.version + 1);
out:
	free(reason);
	sb_free(&err);
	appeal_record_clear(&rec);
	return rc;
}

/* ---- schedule --------------------------------------------------------------- */

/* the dispatch record as typed, cleaned into the owned strings of k; 0 or exit code */
typedef struct typed_record {
	char *decision;
	char *place;
	char *attendees;
} typed_record;

static int build_record(const ladder_args *a, const appeal_record *rec, escalation_record *r,
		typed_record *k)
{
	memset(r, 0, sizeof *r);
	r->level = rec->level;
	r->date = r->new_due = DATE_NONE;
	if (!escalation_mode_parse(a->mode, &r->mode)) {
		say_error(_("--mode: '%s' is not one of meeting, onsite"), a->mode);
		return EXIT_USAGE;
	}
	if (cli_arg_date("--date", a->date, &r->date) ||
	    (a->due && cli_arg_date("--due", a->due, &r->new_due)))
		return EXIT_USAGE;
	if (!(k->decision = appeal_cli_text("--decision", a->decision, true, ESC_TEXT_MAX)) ||
	    (a->place && !(k->place = appeal_cli_text("--place", a->place, false,
	                                               ESC_PLACE_MAX))) ||
	    (a->attendees && !(k->attendees = appeal_cli_text("--attendees", a->attendees, false,
	                                                       ESC_ATTENDEES_MAX))))
		return EXIT_USAGE;
	r->decision = k->decision;
	r->place = k->place;
	r->attendees = k->attendees;
	return 0;
}

int appeal_cmd_schedule(app_ctx *ctx, int argc, char **argv)
{
	const char *usage = _("usage: qifu appeal schedule N --mode meeting|onsite --date YYYY-MM-DD "
	                      "--decision T [--place P] [--attendees A] [--due YYYY-MM-DD] "
	                      "[--version V]");
	ladder_args a;
	int rc = parse_ladder(LA_MODE | LA_DATE | LA_DECISION | LA_PLACE | LA_ATTENDEES | LA_DUE,
	                      "--mode --date --decision", usage, argc, argv, &a);
	if (rc)
		return rc == EXIT_OK + 100 ? EXIT_OK : rc;
	appeal_record rec;
	if ((rc = load_current(ctx, &a, &rec)) != 0)
		return rc;
	escalation_record r;
	typed_record k = { 0 };
	strbuf err = STRBUF_INIT;
	if ((rc = build_record(&a, &rec, &r, &k)) != 0)
		goto out;
	escalation_actor who = app_esc_actor(ctx);
	esc_mover m = mover(ctx, &who);
	ticket_timers after;
	int64_t id;
	rc = moved(esc_move_schedule(&m, &rec, &r, &after, &id, &err), &err);
	if (rc == EXIT_OK)
		appeal_cli_warn_years(ctx, &after);
	if (rc == EXIT_OK) {
		char day[16];
		printf(_("%s: %s no. %lld recorded at %s on %s (version %d)\n"), rec.number,
		       _(escalation_mode_label(r.mode)), (long long)id,
		       _(escalation_level_label(r.level)), date_format(r.date, day),
		       rec.version + 1);
		appeal_cli_print_started(ctx, &rec.timers, &after);
	}
out:
	free(k.decision);
	free(k.place);
	free(k.attendees);
	sb_free(&err);
	appeal_record_clear(&rec);
	return rc;
}

/* ---- outcome ---------------------------------------------------------------- */

int appeal_cmd_outcome(app_ctx *ctx, int argc, char **argv)
{
	const char *usage = _("usage: qifu appeal outcome N --text T [--version V]");
	ladder_args a;
	int rc = parse_ladder(LA_TEXT, "--text", usage, argc, argv, &a);
	if (rc)
		return rc == EXIT_OK + 100 ? EXIT_OK : rc;
	appeal_record rec;
	if ((rc = load_current(ctx, &a, &rec)) != 0)
		return rc;
	char *text = NULL;
	strbuf err = STRBUF_INIT;
	escalation_actor who = app_esc_actor(ctx);
	esc_mover m = mover(ctx, &who);
	rc = EXIT_USAGE;
	if (!(text = ladder_text("--text", a.text)))
		goto out;
	int64_t id;
	rc = moved(esc_move_outcome(&m, &rec, text, &id, &err), &err);
	if (rc == EXIT_OK)
		printf(_("%s: outcome of dispatch no. %lld at %s recorded (version %d)\n"),
		       rec.number, (long long)id, _(escalation_level_label(rec.level)),
		       rec.version + 1);
out:
	free(text);
	sb_free(&err);
	appeal_record_clear(&rec);
	return rc;
}

/* ---- the supervision sheet -------------------------------------------------- */
