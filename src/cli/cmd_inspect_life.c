/* qifu inspect approve|done|evaluate|cancel|refuse: moving a plan along its life
 * and recording entries an enterprise refused. Each asks the permission function,
 * then the plan's move table, then writes through the store, which re-checks that
 * nobody moved the plan meanwhile. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cmd_inspect.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "model/perm.h"
#include "store/inspection_store.h"
#include "store/staff_store.h"

/* The usage line of each subcommand, printed for --help and after bad usage. */
static const char *const usages[] = {
	N_("usage: qifu inspect approve ID\n"
	   "Approves a registered plan and issues its plan code. A supervisor of the plan's\n"
	   "unit approves it; any supervisor when the unit has none.\n"),
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

/* whether the plan may make move m today; says why not */
static bool move_allowed(app_ctx *ctx, const inspection_record *r, inspection_plan_move m)
{
	bool after_fact = false;
	inspection_reason_table *reasons = inspection_reasons_load();
	if (reasons) {
		const inspection_reason *why = inspection_reason_find(reasons, r->reason);
		after_fact = why && why->after_fact;
	}
	inspection_reason_table_free(&reasons);
	const char *refused = inspection_plan_move_refused(r->state, m, r->date, ctx->today, after_fact);
	if (refused)
		say_error(_("inspection %lld is %s: %s"), (long long)r->id,
			  _(inspection_plan_state_label(r->state)), _(refused));
	return refused == NULL;
}

/* a store write's result as an exit code: a plan moved on meanwhile is a "no" */
static int written(int rc, const store_err *err)
{
	if (rc != 0)
		cli_store_error(err);
	return rc == 0 ? EXIT_OK : rc == INSPECTION_STORE_STALE ? EXIT_NO : EXIT_USAGE;
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
	store_err err = { 0 };
	bool supervised = true;
	if (staff_store_unit_has_role(app_db(ctx), r.unit, ROLE_SUPERVISOR, &supervised, &err) < 0) {
		rc = written(-1, &err);
		goto out;
	}
	/* a unit without a supervisor of its own is approved by any supervisor */
	if (!cli_allowed(ctx, PERM_INSP_APPROVE, NULL, supervised ? r.unit : NULL) ||
	    !move_allowed(ctx, &r, INSPECTION_MOVE_APPROVE)) {
		rc = EXIT_NO;
		goto out;
	}
	char code[INSPECTION_CODE_LEN + 1];
	rc = written(inspection_store_approve(app_db(ctx), app_actor(ctx)->login, r.id, r.version, code, &err),
		     &err);
	if (rc == EXIT_OK)
		printf(_("approved inspection %lld: plan code %s\n"), (long long)r.id, code);
out:
	inspection_record_clear(&r);
	return rc;
}

/* the enterprise a violation is recorded against: --enterprise, or the plan's only one */
static int violator(app_ctx *ctx, const inspection_record *r, const char *uscc, int64_t *id)
{
	if (!uscc) {
		if (r->nents == 1) {
			*id = r->ents[0].id;
			return 0;
		}
		say_error(_("--enterprise: inspection %lld covers %d enterprises; name the one that violated"),
			  (long long)r->id, r->nents);
		return EXIT_USAGE;
	}
	ent_record e = { 0 };
	int rc = inspection_arg_enterprise(ctx, "--enterprise", uscc, &e);
	if (rc)
		return rc;
	*id = 0;
	for (int i = 0; i < r->nents; i++)
		if (r->ents[i].id == e.id)
			*id = e.id;
	if (!*id) {
		say_error(_("--enterprise: inspection %lld does not cover %s"), (long long)r->id, e.name);
		rc = EXIT_USAGE;
	}
	ent_record_clear(&e);
	return rc;
}

static const char *ent_name(const inspection_record *r, int64_t id)
{
	for (int i = 0; i < r->nents; i++)
		if (r->ents[i].id == id)
			return r->ents[i].name;
	return "?";
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
	bool violation = inspection_plan_outcome_is_violation(outcome);
	if (!violation && (a.opt[O_ITEM] || a.opt[O_ENTERPRISE])) {
		say_error(_("%s: only a violation (first_violation, penalty) names an item and an enterprise"),
			  a.opt[O_ITEM] ? "--item" : "--enterprise");
		return EXIT_USAGE;
	}
	char *findings = inspection_text(a.opt[O_FINDINGS]);
	char *item = a.opt[O_ITEM] ? inspection_text(a.opt[O_ITEM]) : NULL;
	inspection_record r = { 0 };
	store_err err = { 0 };
	rc = EXIT_USAGE;
	if (!*findings) {
		say_error(_("%s: must not be empty"), "--findings");
		goto out;
	}
	if (violation && (!item || !*item)) {
		say_error(_("--item: a violation names the violated item"));
		goto out;
	}
	if ((rc = inspection_load(ctx, a.plan, &r)) != 0)
		goto out;
	int64_t ent = 0;
	if (violation && (rc = violator(ctx, &r, a.opt[O_ENTERPRISE], &ent)) != 0)
		goto out;
	if (!cli_allowed(ctx, PERM_INSP_DONE, NULL, r.unit) || !move_allowed(ctx, &r, INSPECTION_MOVE_DONE)) {
		rc = EXIT_NO;
		goto out;
	}
	int years = (int)cfg_int(ctx->cfg, SET_FIRST_VIOLATION_YEARS);
	inspection_done_args da = { .findings = findings, .outcome = outcome, .enterprise_id = ent,
			      .item = item, .first_violation_years = years };
	inspection_done_result res;
	int stored = inspection_store_done(app_db(ctx), app_actor(ctx)->login, r.id, r.version, &da, &res, &err);
	char last[11] = "";
	if (res.last_violation != DATE_NONE)
		date_format(res.last_violation, last);
	if (stored == 1) {
		say_error(_("not a first violation: %s violated '%s' on %s (inspection %lld), within %d years; "
			    "record the outcome as penalty or advice"), ent_name(&r, ent), item, last,
			  (long long)res.last_inspection, years);
		rc = EXIT_NO;
		goto out;
	}
	if ((rc = written(stored, &err)) != EXIT_OK)
		goto out;
	printf(_("recorded inspection %lld as done: %s\n"), (long long)r.id,
	       _(inspection_plan_outcome_label(outcome)));
	switch (res.fv) {
	case INSPECTION_FV_FIRST:
		printf(_("first violation of '%s' by %s within %d years: not penalised\n"), item,
		       ent_name(&r, ent), years);
		break;
	case INSPECTION_FV_SUGGEST:
		printf(_("first violation of '%s' by %s within %d years: a minor first violation is not "
			 "penalised, consider the outcome first_violation\n"), item, ent_name(&r, ent), years);
		break;
	case INSPECTION_FV_REPEAT:
		printf(_("repeated violation: %s violated '%s' on %s (inspection %lld)\n"), ent_name(&r, ent),
		       item, last, (long long)res.last_inspection);
		break;
	case INSPECTION_FV_NOT_VIOLATION:
	case INSPECTION_FV_NOT_FIRST:
		break;
	}
out:
	free(findings);
	free(item);
	inspection_record_clear(&r);
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
	ent_record e = { 0 };
	char *comment = inspection_text(a.opt[O_COMMENT] ? a.opt[O_COMMENT] : "");
	store_err err = { 0 };
	if ((rc = inspection_load(ctx, a.plan, &r)) != 0 ||
	    (rc = inspection_arg_enterprise(ctx, "--enterprise", a.opt[O_ENTERPRISE], &e)) != 0)
		goto out;
	bool covered = false;
	for (int i = 0; i < r.nents; i++)
		covered = covered || r.ents[i].id == e.id;
	if (!covered) {
		say_error(_("--enterprise: inspection %lld does not cover %s"), (long long)r.id, e.name);
		rc = EXIT_USAGE;
		goto out;
	}
	if (!cli_allowed(ctx, PERM_INSP_EVALUATE, e.area, r.unit) ||
	    !move_allowed(ctx, &r, INSPECTION_MOVE_EVALUATE)) {
		rc = EXIT_NO;
		goto out;
	}
	int stored = inspection_store_evaluate(app_db(ctx), app_actor(ctx)->login, r.id, r.version, e.id,
					 score, comment, &err);
	if (stored == 1) {
		say_error(_("%s has already evaluated inspection %lld"), e.name, (long long)r.id);
		rc = EXIT_NO;
		goto out;
	}
	if ((rc = written(stored, &err)) == EXIT_OK)
		printf(_("recorded the evaluation of inspection %lld by %s\n"), (long long)r.id, e.name);
out:
	free(comment);
	inspection_record_clear(&r);
	ent_record_clear(&e);
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
	char *reason = inspection_text(a.opt[O_REASON]);
	inspection_record r = { 0 };
	store_err err = { 0 };
	if (!*reason) {
		say_error(_("%s: must not be empty"), "--reason");
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = inspection_load(ctx, a.plan, &r)) != 0)
		goto out;
	if (!cli_allowed(ctx, PERM_INSP_CANCEL, NULL, r.unit) || !move_allowed(ctx, &r, INSPECTION_MOVE_CANCEL)) {
		rc = EXIT_NO;
		goto out;
	}
	rc = written(inspection_store_cancel(app_db(ctx), app_actor(ctx)->login, r.id, r.version, reason, &err),
		     &err);
	if (rc == EXIT_OK)
		printf(_("cancelled inspection %lld\n"), (long long)r.id);
out:
	free(reason);
	inspection_record_clear(&r);
	return rc;
}

/* a refusal of an entry the unit had in fact registered is worth a second look */
static void warn_if_registered(app_ctx *ctx, const char *unit, int64_t ent, qdate date)
{
	inspection_filter f = { .unit = unit, .enterprise_id = ent, .skip_cancelled = true,
			  .from = date, .to = date };
	inspection_record r[4];
	int n;
	store_err err = { 0 };
	if (inspection_store_window(app_db(ctx), &f, 0, 4, r, &n, &err) < 0)
		cli_store_error(&err);
	for (int i = 0; i < n; i++) {
		if (r[i].code)
			say_warn(_("%s has an approved plan for that day (inspection %lld, code %s): the entry "
				   "was registered"), unit, (long long)r[i].id, r[i].code);
		inspection_record_clear(&r[i]);
	}
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
	if (date > ctx->today) {
		say_error(_("--date: %s is after today; a refused entry is recorded after it happened"),
			  a.opt[O_DATE]);
		return EXIT_USAGE;
	}
	if (!inspection_unit_opt(ctx, "--unit", a.opt[O_UNIT]))
		return EXIT_USAGE;
	char *people = inspection_text(a.opt[O_PEOPLE]);
	char *note = inspection_text(a.opt[O_NOTE] ? a.opt[O_NOTE] : "");
	ent_record e = { 0 };
	store_err err = { 0 };
	if (!*people) {
		say_error(_("%s: must not be empty"), "--people");
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = inspection_arg_enterprise(ctx, "--enterprise", a.opt[O_ENTERPRISE], &e)) != 0)
		goto out;
	if (!cli_allowed(ctx, PERM_INSP_REFUSAL, e.area, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	warn_if_registered(ctx, a.opt[O_UNIT], e.id, date);
	inspection_refusal rf = { .unit = (char *)a.opt[O_UNIT], .enterprise_id = e.id, .date = date,
			    .people = people, .note = note };
	int64_t id;
	rc = written(inspection_store_refusal_add(app_db(ctx), app_actor(ctx)->login, &rf, &id, &err), &err);
	if (rc == EXIT_OK)
		printf(_("recorded refused entry %lld: %s at %s on %s\n"), (long long)id, a.opt[O_UNIT],
		       e.name, a.opt[O_DATE]);
out:
	free(people);
	free(note);
	ent_record_clear(&e);
	return rc;
}
