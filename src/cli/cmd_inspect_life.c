/* qifu inspect approve|done|evaluate|cancel|refuse: moving a plan along its life
 * and recording entries an enterprise refused. Each parses its options, hands them to
 * the one path of app/inspection_move.h (which the Calendar pane takes too) and
 * prints what came of it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cmd_inspect.h"
#include "core/i18n.h"
#include "model/inspection_plan.h"

/* The usage line of each subcommand, printed for --help and after bad usage. */
static const char *const usages[] = {
	N_("usage: qifu inspect approve ID\n"
	   "Approves a registered plan and issues its plan code. A head of the plan's unit (a\n"
	   "supervisor or leader of it) approves it; a head of the service centre when the\n"
	   "unit has none.\n"),
	N_("usage: qifu inspect done ID --findings TEXT --outcome none|advice|first_violation|penalty\n"
	   "         [--item ITEM] [--enterprise USCC]\n"
	   "Records what an approved inspection found. A violation (first_violation, penalty)\n"
	   "names the violated --item, and --enterprise when the plan covers several; it is a\n"
	   "first violation when the enterprise has none of the same item within\n"
	   "first_violation_years, and a first violation is not penalised.\n"),
	N_("usage: qifu inspect evaluate ID --enterprise USCC --score 1-5 [--comment TEXT]\n"
	   "Records the enterprise's evaluation of a done inspection on its behalf. The\n"
	   "inspected unit does not see it.\n"),
	N_("usage: qifu inspect cancel ID --reason TEXT\n"),
	N_("usage: qifu inspect refuse --unit UNIT --enterprise USCC --date YYYY-MM-DD --people NAMES\n"
	   "         [--note TEXT]\n"
	   "Records that the enterprise refused an entry by UNIT, which had no registered plan.\n"),
};

enum { U_APPROVE, U_DONE, U_EVALUATE, U_CANCEL, U_REFUSE };

/* The options every subcommand here shares. */
enum { O_FINDINGS = 1, O_OUTCOME, O_ITEM, O_ENTERPRISE, O_SCORE, O_COMMENT, O_REASON, O_UNIT,
       O_DATE, O_PEOPLE, O_NOTE, O_HELP };

typedef struct life_args {
	const char *plan;       /* the ID (or code) operand */
	const char *opt[O_HELP];
} life_args;

/* parse argv against opts (the plan's ID first when operand), then the options of
 * required ("--findings --outcome"); returns 0, an exit code, or -1 after --help */
static int parse(int argc, char **argv, const struct option *opts, int usage, bool operand,
		 const char *required, life_args *a)
{
	int c;
	memset(a, 0, sizeof *a);
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == O_HELP) {
			fputs(_(usages[usage]), stdout);
			return -1;
		}
		if (c <= 0 || c >= O_HELP)
			return EXIT_USAGE;
		a->opt[c] = optarg;
	}
	if (cli_operands(argc, argv, operand ? 1 : 0, _("the inspection number")) ||
	    cli_required(argv, required))
		return EXIT_USAGE;
	if (operand)
		a->plan = argv[optind];
	return 0;
}

int inspection_cmd_approve(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 },
	};
	life_args a;
	int rc = parse(argc, argv, opts, U_APPROVE, true, "", &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	inspection_record r;
	if ((rc = inspection_load(ctx, a.plan, &r)) != 0)
		return rc;
	strbuf err = STRBUF_INIT;
	char code[INSPECTION_CODE_LEN + 1];
	inspection_reason_table *t = inspection_reasons_load();
	rc = inspection_say(app_inspection_approve(ctx, t, &r, code, &err), INSPECTION_FIELD_NONE, &err);
	if (rc == EXIT_OK) {
		printf(_("approved inspection %lld: plan code %s"), (long long)r.id, code);
		putchar('\n');
	}
	inspection_reason_table_free(&t);
	inspection_record_clear(&r);
	sb_free(&err);
	return rc;
}

int inspection_cmd_done(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "findings", required_argument, NULL, O_FINDINGS },
		{ "outcome", required_argument, NULL, O_OUTCOME },
		{ "item", required_argument, NULL, O_ITEM },
		{ "enterprise", required_argument, NULL, O_ENTERPRISE },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 },
	};
	life_args a;
	int rc = parse(argc, argv, opts, U_DONE, true, "--findings --outcome", &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	inspection_plan_outcome outcome;
	if (!inspection_plan_outcome_parse(a.opt[O_OUTCOME], &outcome)) {
		say_error(_("--outcome: '%s' is not one of none, advice, first_violation, penalty"),
			  a.opt[O_OUTCOME]);
		return EXIT_USAGE;
	}
	inspection_record r = { 0 };
	inspection_done_in in = { .findings = a.opt[O_FINDINGS], .outcome = outcome,
		.item = a.opt[O_ITEM], .enterprise = a.opt[O_ENTERPRISE], .outcome_codes = true };
	inspection_done_out res = { 0 };
	inspection_field field = INSPECTION_FIELD_NONE;
	strbuf err = STRBUF_INIT;
	inspection_reason_table *t = NULL;
	if ((rc = inspection_load(ctx, a.plan, &r)) != 0)
		goto out;
	t = inspection_reasons_load();
	app_status st = app_inspection_done(ctx, t, &r, &in, &res, &field, &err);
	rc = inspection_say(st, field, &err);
	if (rc != EXIT_OK)
		goto out;
	printf(_("recorded inspection %lld as done: %s"), (long long)r.id,
	       _(inspection_plan_outcome_label(outcome)));
	putchar('\n');
	strbuf fv = STRBUF_INIT;
	app_inspection_fv_text(&res, &fv);
	if (fv.len)
		printf("%s\n", sb_str(&fv));
	sb_free(&fv);
out:
	inspection_done_out_clear(&res);
	inspection_reason_table_free(&t);
	inspection_record_clear(&r);
	sb_free(&err);
	return rc;
}

/* "4" as a score of 1..5; false for anything else */
static bool parse_score(const char *s, int *score)
{
	if (strlen(s) != 1 || s[0] < '0' || s[0] > '9')
		return false;
	*score = s[0] - '0';
	return inspection_plan_score_valid(*score);
}

int inspection_cmd_evaluate(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "enterprise", required_argument, NULL, O_ENTERPRISE },
		{ "score", required_argument, NULL, O_SCORE },
		{ "comment", required_argument, NULL, O_COMMENT },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 },
	};
	life_args a;
	int rc = parse(argc, argv, opts, U_EVALUATE, true, "--enterprise --score", &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	int score;
	if (!parse_score(a.opt[O_SCORE], &score)) {
		say_error(_("--score: '%s' is not a score from 1 to 5"), a.opt[O_SCORE]);
		return EXIT_USAGE;
	}
	inspection_record r = { 0 };
	if ((rc = inspection_load(ctx, a.plan, &r)) != 0)
		return rc;
	strbuf err = STRBUF_INIT;
	inspection_field field = INSPECTION_FIELD_NONE;
	const inspection_ent *who;
	inspection_reason_table *t = inspection_reasons_load();
	app_status st = app_inspection_evaluate(ctx, t, &r, a.opt[O_ENTERPRISE], score,
	                                        a.opt[O_COMMENT], &who, &field, &err);
	if ((rc = inspection_say(st, field, &err)) == EXIT_OK) {
		printf(_("recorded the evaluation of inspection %lld by %s"), (long long)r.id, who->name);
		putchar('\n');
	}
	inspection_reason_table_free(&t);
	inspection_record_clear(&r);
	sb_free(&err);
	return rc;
}

int inspection_cmd_cancel(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, O_REASON },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 },
	};
	life_args a;
	int rc = parse(argc, argv, opts, U_CANCEL, true, "--reason", &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	inspection_record r = { 0 };
	if ((rc = inspection_load(ctx, a.plan, &r)) != 0)
		return rc;
	strbuf err = STRBUF_INIT;
	inspection_field field = INSPECTION_FIELD_NONE;
	inspection_reason_table *t = inspection_reasons_load();
	app_status st = app_inspection_cancel(ctx, t, &r, a.opt[O_REASON], &field, &err);
	rc = inspection_say(st, field, &err);
	if (rc == EXIT_OK) {
		printf(_("cancelled inspection %lld"), (long long)r.id);
		putchar('\n');
	}
	inspection_reason_table_free(&t);
	inspection_record_clear(&r);
	sb_free(&err);
	return rc;
}

int inspection_cmd_refuse(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, O_UNIT },
		{ "enterprise", required_argument, NULL, O_ENTERPRISE },
		{ "date", required_argument, NULL, O_DATE },
		{ "people", required_argument, NULL, O_PEOPLE },
		{ "note", required_argument, NULL, O_NOTE },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 },
	};
	life_args a;
	int rc = parse(argc, argv, opts, U_REFUSE, false, "--unit --enterprise --date --people", &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	qdate date;
	if (!inspection_date_opt("--date", a.opt[O_DATE], &date))
		return EXIT_USAGE;
	inspection_refusal_in in = { .unit = a.opt[O_UNIT], .enterprise = a.opt[O_ENTERPRISE],
		.date = date, .people = a.opt[O_PEOPLE], .note = a.opt[O_NOTE] };
	ent_record e = { 0 };
	int64_t id;
	strbuf err = STRBUF_INIT;
	inspection_field field = INSPECTION_FIELD_NONE;
	app_status st = app_inspection_refuse(ctx, &in, &id, &e, inspection_say_note, NULL, &field,
	                                       &err);
	if ((rc = inspection_say(st, field, &err)) == EXIT_OK) {
		printf(_("recorded refused entry %lld: %s at %s on %s"), (long long)id, a.opt[O_UNIT],
		       e.name, a.opt[O_DATE]);
		putchar('\n');
	}
	ent_record_clear(&e);
	sb_free(&err);
	return rc;
}
