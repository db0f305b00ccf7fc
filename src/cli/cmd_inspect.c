/* qifu inspect: inspections on the command line. `check` answers what an official
 * asks before going out: may an inspection for this reason take place on this date?
 * `register` asks the same of a plan and stores it when the answer is yes (or a
 * supervisor overrode a no), warning of too-frequent inspections and offering a
 * joint one. Subcommands are one table; their functions live in cmd_inspect*.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/cmd_inspect.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/inspection_reason.h"
#include "model/inspection.h"
#include "model/perm.h"
#include "model/unit.h"
#include "policy/policy.h"
#include "store/enterprise_store.h"
#include "store/inspection_store.h"
#include "store/staff_store.h"

int cmd_inspect(app_ctx *ctx, int argc, char **argv);

/* One line per subcommand: name, function, N_() summary for the usage text. */
#define INSPECT_SUBCOMMANDS(X) \
	X("check", inspection_cmd_check, N_("check a date against the quiet-day and filing rules")) \
	X("register", inspection_cmd_register, N_("register an inspection plan (verdict, frequency, joint inspection)")) \
	X("approve", inspection_cmd_approve, N_("approve a plan, which issues its plan code (supervisors)")) \
	X("done", inspection_cmd_done, N_("record an inspection's findings and outcome")) \
	X("evaluate", inspection_cmd_evaluate, N_("record an enterprise's evaluation of an inspection")) \
	X("refuse", inspection_cmd_refuse, N_("record an unregistered entry refused by an enterprise")) \
	X("cancel", inspection_cmd_cancel, N_("cancel a plan, with the reason")) \
	X("show", inspection_cmd_show, N_("show one plan by its number or plan code")) \
	X("list", inspection_cmd_list, N_("list plans by unit, enterprise, state and date")) \
	X("verify", inspection_cmd_verify, N_("say whether a plan code is real and what it covers")) \
	X("notice", inspection_cmd_notice, N_("print an approved plan's notice with its code as a QR code")) \

static const cli_sub inspection_subs[] = {
#define X_ROW(name, fn, summary) { name, fn, summary },
	INSPECT_SUBCOMMANDS(X_ROW)
#undef X_ROW
};

static void inspection_usage(FILE *out)
{
	fputs(_("usage: qifu inspect SUBCOMMAND [options]\n"), out);
	for (size_t i = 0; i < sizeof inspection_subs / sizeof inspection_subs[0]; i++) {
		strbuf line = STRBUF_INIT;
		sb_add(&line, "  ");
		text_fit_pad_sb(&line, inspection_subs[i].name, 10, TEXT_LEFT);
		sb_addf(&line, " %s\n", _(inspection_subs[i].summary));
		fputs(sb_str(&line), out);
		sb_free(&line);
	}
	fputs(_("'qifu inspect SUBCOMMAND --help' describes a subcommand.\n"), out);
}

inspection_reason_table *inspection_reasons_load(void)
{
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("inspect_reasons.tsv");
	inspection_reason_table *t = policy_reasons_load(path, &err);
	if (!t)
		say_error("%s", sb_str(&err));
	xfree(&path);
	sb_free(&err);
	return t;
}

void inspection_list_reasons(const inspection_reason_table *t, FILE *out)
{
	int cw = 0, nw = 0;
	for (size_t i = 0; i < t->n; i++) {
		int w = text_width(t->v[i].code);
		cw = w > cw ? w : cw;
		w = text_width(t->v[i].name);
		nw = w > nw ? w : nw;
	}
	fputs(_("Reasons:\n"), out);
	for (size_t i = 0; i < t->n; i++) {
		const inspection_reason *r = &t->v[i];
		strbuf line = STRBUF_INIT;
		sb_add(&line, "  ");
		text_fit_pad_sb(&line, r->code, cw, TEXT_LEFT);
		sb_add(&line, "  ");
		text_fit_pad_sb(&line, r->name, nw, TEXT_LEFT);
		if (r->quiet_exempt)
			sb_addf(&line, "  %s", _("quiet-day exempt"));
		if (r->filing_exempt)
			sb_addf(&line, "  %s", _("filing-exempt"));
		if (r->after_fact)
			sb_addf(&line, "  %s", _("may be registered after the fact"));
		while (line.len && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		fprintf(out, "%s\n", sb_str(&line));
		sb_free(&line);
	}
}

static void check_usage(const inspection_reason_table *t, FILE *out)
{
	fputs(_("usage: qifu inspect check --date YYYY-MM-DD --reason CODE [--registered-on YYYY-MM-DD] [--explain]\n"
		"Says whether an inspection on --date for --reason is allowed when its plan is\n"
		"registered on --registered-on (default: today). Prints 'allowed' (exit 0), or\n"
		"'refused:' with the rule and what would make it allowed (exit 1). --explain adds\n"
		"one line per rule.\n"), out);
	if (t)
		inspection_list_reasons(t, out);
}

static void print_refusal(const inspection_verdict *v)
{
	strbuf text = STRBUF_INIT;
	inspection_verdict_text(v, &text);
	printf("%s\n", sb_str(&text));
	sb_free(&text);
}

/* One line per rule that concerns the reason: how it judged and what it asks for. */
static void print_explanation(const inspection_verdict *v, qdate registered,
			      const inspection_params *p)
{
	static const char *const status[] = {
		[INSPECTION_CHECK_PASSED] = N_("passed"),
		[INSPECTION_CHECK_EXEMPT] = N_("exempt"),
		[INSPECTION_CHECK_FAILED] = N_("refused"),
	};
	char reg[11], from[11];
	date_format(registered, reg);
	for (int i = 0; i < INSPECTION_RULE__COUNT; i++) {
		if (v->checks[i] == INSPECTION_CHECK_NOT_APPLICABLE)
			continue;
		strbuf detail = STRBUF_INIT;
		switch ((inspection_rule)i) {
		case INSPECTION_PAST_DATE:
			sb_addf(&detail, _("registered on %s"), reg);
			break;
		case INSPECTION_LATE_EMERGENCY:
			sb_addf(&detail, _("on or after %s, at most %d days before the registration on %s"),
				date_format(v->late_from, from), p->emergency_late_days, reg);
			break;
		case INSPECTION_QUIET_DAY:
			sb_addf(&detail, _("days %d-%d of every month"), p->quiet_first_day, p->quiet_last_day);
			break;
		case INSPECTION_FILING_MARGIN:
			sb_addf(&detail, _("on or after %s, working day %d after the registration on %s"),
				date_format(v->filing_from, from), p->filing_workdays, reg);
			break;
		case INSPECTION_RULE__COUNT:
			break;
		}
		printf(_("  %s: %s (%s)\n"), _(inspection_rule_label((inspection_rule)i)),
		       _(status[v->checks[i]]), sb_str(&detail));
		sb_free(&detail);
	}
}

int inspection_cmd_check(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ "registered-on", required_argument, NULL, 'g' },
		{ "explain", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *date_s = NULL, *reason_s = NULL, *reg_s = NULL;
	bool explain = false;
	int c, rc = EXIT_USAGE;
	inspection_reason_table *reasons = inspection_reasons_load();
	if (!reasons)
		goto out;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'd': date_s = optarg; break;
		case 'r': reason_s = optarg; break;
		case 'g': reg_s = optarg; break;
		case 'e': explain = true; break;
		case 'h': check_usage(reasons, stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) || cli_required(argv, "--date --reason"))
		goto out;

	qdate date, registered = ctx->today;
	const inspection_reason *reason = inspection_reason_find(reasons, reason_s);
	if (!date_parse(date_s, &date)) {
		say_error(_("--date: '%s' is not a real date of the form YYYY-MM-DD"), date_s);
		inspection_list_reasons(reasons, stderr);
		goto out;
	}
	if (reg_s && !date_parse(reg_s, &registered)) {
		say_error(_("--registered-on: '%s' is not a real date of the form YYYY-MM-DD"), reg_s);
		inspection_list_reasons(reasons, stderr);
		goto out;
	}
	if (!reason) {
		say_error(_("--reason: unknown inspection reason '%s'"), reason_s);
		inspection_list_reasons(reasons, stderr);
		goto out;
	}

	qdate lo, hi;
	inspection_verdict v = inspection_check_decide(ctx, date, reason, registered, &lo, &hi);
	cli_warn_missing_year(ctx, lo, hi);
	strbuf answer = STRBUF_INIT;
	inspection_verdict_text(&v, &answer);
	printf("%s\n", sb_str(&answer));
	sb_free(&answer);
	rc = v.outcome == INSPECTION_ALLOWED ? EXIT_OK : EXIT_NO;
	if (explain) {
		inspection_params p = app_inspection_params(ctx);
		print_explanation(&v, registered, &p);
	}
out:
	inspection_reason_table_free(&reasons);
	return rc;
}

/* ---- shared by the subcommands ---- */

bool inspection_date_opt(const char *opt, const char *s, qdate *d)
{
	if (date_parse(s, d))
		return true;
	say_error(_("%s: '%s' is not a real date of the form YYYY-MM-DD"), opt, s);
	return false;
}

bool inspection_unit_opt(app_ctx *ctx, const char *opt, const char *unit)
{
	if (units_find(app_units(ctx), unit))
		return true;
	strbuf allowed = STRBUF_INIT;
	units_list(app_units(ctx), -1, &allowed);
	say_error(_("%s: unknown unit '%s'; allowed: %s"), opt, unit, sb_str(&allowed));
	sb_free(&allowed);
	return false;
}

bool inspection_format_opt(const char *arg, out_format *f)
{
	if (out_parse_format(arg, f))
		return true;
	say_error(_("--format: '%s' is not one of table, csv, json"), arg);
	return false;
}

void inspection_list_add(strbuf *b, const char *s)
{
	if (b->len)
		sb_addc(b, '|');
	for (const char *p = s; *p; p++)
		*p == '|' ? sb_add(b, "｜") : sb_addc(b, *p);
}

char *inspection_text(const char *s)
{
	char *clean = text_sanitize(s, strlen(s), 0);
	char *t = text_trim(clean);
	free(clean);
	return t;
}

int inspection_arg_enterprise(app_ctx *ctx, const char *opt, const char *uscc, ent_record *e)
{
	char norm[19];
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	uscc_check(uscc, norm, NULL);
	int found = ent_store_get(app_db(ctx), *norm ? norm : uscc, 0, e, &se);
	if (found < 0)
		say_error("%s", app_store_text(&se, &err));
	else if (found == 1)
		say_error(_("%s: no enterprise with USCC %s"), opt, uscc);
	sb_free(&err);
	return found == 0 ? 0 : EXIT_USAGE;
}

/* The items of a typed list ("A,B", "A，B", "A、B"), cleaned, empty ones dropped. */
static int split_list(const char *s, char ***out)
{
	static const char *const seps[] = { ",", "，", "、" };
	char **v = NULL;
	int n = 0;
	const char *p = s;
	while (*p) {
		const char *end = p + strlen(p);
		size_t seplen = 0;
		for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
			const char *q = strstr(p, seps[k]);
			if (q && q < end) {
				end = q;
				seplen = strlen(seps[k]);
			}
		}
		char *raw = xstrndup(p, (size_t)(end - p));
		char *item = inspection_text(raw);
		free(raw);
		if (*item) {
			v = xrealloc(v, sizeof *v * (size_t)(n + 1));
			v[n++] = item;
		} else {
			free(item);
		}
		p = end + seplen;
	}
	*out = v;
	return n;
}

static void free_list(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ---- register ---- */

static void register_usage(FILE *out)
{
	fputs(_("usage: qifu inspect register --unit UNIT --enterprise USCC[,USCC...] --date YYYY-MM-DD\n"
		"         --reason CODE --inspectors \"A,B\" --basis TEXT --items TEXT\n"
		"         [--registered-on YYYY-MM-DD] [--override REASON]\n"
		"Registers an inspection plan when the quiet-day and filing rules allow its date\n"
		"(registration defaults to today) and prints the verdict. A refused plan exits 1\n"
		"with the rule and what would make it allowed; a supervisor may register it anyway\n"
		"with --override and a written reason, which the report lists. Warns when an\n"
		"enterprise is inspected too often and suggests a joint inspection when another\n"
		"unit plans the same enterprise in the same week.\n"), out);
}

/* The enterprises a plan covers, each visible to the actor for the unit: 0 or an exit code. */
static int register_enterprises(app_ctx *ctx, const char *list, const char *unit,
				ent_record **ents, int *nents)
{
	char **usccs;
	int n = split_list(list, &usccs), rc = 0;
	*ents = n ? xcalloc((size_t)n, sizeof **ents) : NULL;
	*nents = 0;
	if (n == 0) {
		say_error(_("--enterprise: name at least one enterprise by its USCC"));
		rc = EXIT_USAGE;
	}
	for (int i = 0; rc == 0 && i < n; i++) {
		ent_record *e = &(*ents)[*nents];
		if ((rc = inspection_arg_enterprise(ctx, "--enterprise", usccs[i], e)) != 0)
			break;
		bool twice = false;
		for (int k = 0; k < *nents; k++)
			twice = twice || (*ents)[k].id == e->id;
		if (twice) {
			ent_record_clear(e);
			continue;
		}
		(*nents)++;
		if (!cli_allowed(ctx, PERM_INSP_REGISTER, e->area, unit))
			rc = EXIT_NO;
	}
	free_list(usccs, n);
	return rc;
}

/* ','-joined codes of the rules that refused, as stored with an overridden plan */
static char *refused_codes(unsigned refused)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < INSPECTION_RULE__COUNT; i++)
		if (refused & (1u << i))
			sb_addf(&b, "%s%s", b.len ? "," : "", inspection_rule_code((inspection_rule)i));
	return sb_steal(&b);
}

/* After a plan is stored: the too-often warning and the joint-inspection offer. */
static void register_advice(app_ctx *ctx, const ent_record *ents, int nents, const char *unit,
			    qdate date)
{
	db *d = app_db(ctx);
	int days = (int)cfg_int(ctx->cfg, SET_FREQUENT_DAYS);
	int often = (int)cfg_int(ctx->cfg, SET_FREQUENT_COUNT);
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	char on[11];
	date_format(date, on);
	for (int i = 0; i < nents; i++) {
		int n;
		if (inspection_store_frequency(d, ents[i].id, date, days, &n, &se) < 0) {
			say_error("%s", app_store_text(&se, &err));
			sb_reset(&err);
		} else if (inspection_too_frequent(n, often)) {
			say_warn(_("%s: %d inspections within the %d days up to %s (frequent_count is %d): "
				   "inspected too often"), ents[i].name, n, days, on, often);
		}
		inspection_record *joint;
		int nj;
		if (inspection_store_joint(d, ents[i].id, unit, date, &joint, &nj, &se) < 0) {
			say_error("%s", app_store_text(&se, &err));
			sb_reset(&err);
			continue;
		}
		for (int k = 0; k < nj; k++) {
			char when[11];
			say_warn(_("%s also has an inspection by %s on %s (inspection %lld) in the same week: "
				   "consider a joint inspection"), ents[i].name, joint[k].unit,
				 date_format(joint[k].date, when), (long long)joint[k].id);
			inspection_record_clear(&joint[k]);
		}
		free(joint);
	}
	sb_free(&err);
}

enum {
	REG_UNIT = 1, REG_ENTERPRISE, REG_DATE, REG_REASON, REG_INSPECTORS, REG_BASIS, REG_ITEMS,
	REG_REGISTERED_ON, REG_OVERRIDE, REG_HELP,
};

int inspection_cmd_register(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, REG_UNIT },
		{ "enterprise", required_argument, NULL, REG_ENTERPRISE },
		{ "date", required_argument, NULL, REG_DATE },
		{ "reason", required_argument, NULL, REG_REASON },
		{ "inspectors", required_argument, NULL, REG_INSPECTORS },
		{ "basis", required_argument, NULL, REG_BASIS },
		{ "items", required_argument, NULL, REG_ITEMS },
		{ "registered-on", required_argument, NULL, REG_REGISTERED_ON },
		{ "override", required_argument, NULL, REG_OVERRIDE },
		{ "help", no_argument, NULL, REG_HELP },
		{ NULL, 0, NULL, 0 },
	};
	const char *unit = NULL, *ent_s = NULL, *date_s = NULL, *reason_s = NULL,
		   *inspectors_s = NULL, *basis_s = NULL, *items_s = NULL, *reg_s = NULL,
		   *override = NULL;
	int c, rc = EXIT_USAGE, nents = 0, ninspectors = 0;
	ent_record *ents = NULL;
	char **inspectors = NULL, *basis = NULL, *items = NULL, *joined = NULL, *rules = NULL;
	int64_t *ids = NULL;
	strbuf err = STRBUF_INIT;
	inspection_reason_table *reasons = inspection_reasons_load();
	if (!reasons)
		goto out;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case REG_UNIT: unit = optarg; break;
		case REG_ENTERPRISE: ent_s = optarg; break;
		case REG_DATE: date_s = optarg; break;
		case REG_REASON: reason_s = optarg; break;
		case REG_INSPECTORS: inspectors_s = optarg; break;
		case REG_BASIS: basis_s = optarg; break;
		case REG_ITEMS: items_s = optarg; break;
		case REG_REGISTERED_ON: reg_s = optarg; break;
		case REG_OVERRIDE: override = optarg; break;
		case REG_HELP: register_usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--unit --enterprise --date --reason --inspectors --basis --items"))
		goto out;

	qdate date, registered = ctx->today;
	if (!inspection_date_opt("--date", date_s, &date) ||
	    (reg_s && !inspection_date_opt("--registered-on", reg_s, &registered)))
		goto out;
	if (registered > ctx->today) {
		say_error(_("--registered-on: %s is after today; a plan cannot be registered in advance of itself"),
			  reg_s);
		goto out;
	}
	const inspection_reason *reason = inspection_reason_find(reasons, reason_s);
	if (!reason) {
		say_error(_("--reason: unknown inspection reason '%s'"), reason_s);
		inspection_list_reasons(reasons, stderr);
		goto out;
	}
	if (!inspection_unit_opt(ctx, "--unit", unit))
		goto out;
	ninspectors = split_list(inspectors_s, &inspectors);
	if (ninspectors == 0) {
		say_error(_("--inspectors: name the inspectors, separated by commas"));
		goto out;
	}
	basis = inspection_text(basis_s);
	items = inspection_text(items_s);
	if (!*basis || !*items) {
		say_error(_("%s: must not be empty"), !*basis ? "--basis" : "--items");
		goto out;
	}
	if ((rc = register_enterprises(ctx, ent_s, unit, &ents, &nents)) != 0)
		goto out;

	inspection_params p = app_inspection_params(ctx);
	inspection_request rq = {
		.date = date, .reason = reason, .registered = registered,
		.role = app_actor(ctx)->role, .override_reason = override,
	};
	inspection_verdict v = inspection_decide(&rq, app_calendar(ctx), &p);
	qdate hi = date > v.filing_from ? date : v.filing_from;
	cli_warn_missing_year(ctx, date < registered ? date : registered, hi);
	if (v.outcome == INSPECTION_REFUSED) {
		print_refusal(&v);
		if (v.override == INSPECTION_OVERRIDE_DENIED)
			say_error("--override: %s", _(v.override_denied));
		else
			say_error(_("not registered; a supervisor may register it anyway with --override REASON"));
		rc = EXIT_NO;
		goto out;
	}
	if (v.override == INSPECTION_OVERRIDE_NOT_NEEDED)
		say_warn(_("--override: the date is allowed, so no override is needed and none is recorded"));
	rules = refused_codes(v.outcome == INSPECTION_ALLOWED_BY_OVERRIDE ? v.refused : 0);
	char *why = v.outcome == INSPECTION_ALLOWED_BY_OVERRIDE ? inspection_text(override) : NULL;

	strbuf names = STRBUF_INIT;
	for (int i = 0; i < ninspectors; i++)
		sb_addf(&names, "%s%s", i ? "|" : "", inspectors[i]);
	joined = sb_steal(&names);
	ids = xcalloc((size_t)nents, sizeof *ids);
	for (int i = 0; i < nents; i++)
		ids[i] = ents[i].id;
	inspection_new np = {
		.unit = unit, .date = date, .reason = reason->code, .legal_basis = basis,
		.items = items, .inspectors = joined, .registered_on = registered,
		.enterprise_ids = ids, .nents = nents, .refused_rules = rules, .override_reason = why,
	};
	int64_t id;
	store_err se = { 0 };
	int stored = inspection_store_register(app_db(ctx), app_actor(ctx)->login, &np, &id, &se);
	free(why);
	if (stored < 0) {
		say_error("%s", app_store_text(&se, &err));
		rc = EXIT_USAGE;
		goto out;
	}
	if (v.outcome == INSPECTION_ALLOWED_BY_OVERRIDE) {
		strbuf labels = STRBUF_INIT;
		for (int i = 0; i < INSPECTION_RULE__COUNT; i++)
			if (v.refused & (1u << i))
				sb_addf(&labels, "%s%s", labels.len ? _(", ") : "",
					_(inspection_rule_label((inspection_rule)i)));
		printf(_("allowed by a supervisor's override of: %s\n"), sb_str(&labels));
		sb_free(&labels);
	} else {
		printf("%s\n", _("allowed"));
	}
	printf(_("registered inspection %lld; a supervisor of %s approves it to issue its plan code\n"),
	       (long long)id, unit);
	register_advice(ctx, ents, nents, unit, date);
	rc = EXIT_OK;
out:
	for (int i = 0; i < nents; i++)
		ent_record_clear(&ents[i]);
	free(ents);
	free(ids);
	free_list(inspectors, ninspectors);
	free(basis);
	free(items);
	free(joined);
	free(rules);
	inspection_reason_table_free(&reasons);
	sb_free(&err);
	return rc;
}

int cmd_inspect(app_ctx *ctx, int argc, char **argv)
{
	return cli_subcommand(ctx, argc, argv, inspection_subs,
	                      (int)(sizeof inspection_subs / sizeof inspection_subs[0]),
	                      inspection_usage);
}
