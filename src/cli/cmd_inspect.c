/* qifu inspect: inspections on the command line. `check` answers what an official
 * asks before going out: may an inspection for this reason take place on this date?
 * Subcommands are one table, so register, approve, done and the rest slot in beside it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/inspect_reason.h"
#include "model/inspection.h"

int cmd_inspect(cli_ctx *ctx, int argc, char **argv);

/* One line per subcommand: name, function, N_() summary for the usage text. */
#define INSPECT_SUBCOMMANDS(X) \
	X("check", inspect_check, N_("check a date against the quiet-day and filing rules")) \

#define X_DECL(name, fn, summary) static int fn(cli_ctx *ctx, int argc, char **argv);
INSPECT_SUBCOMMANDS(X_DECL)
#undef X_DECL

static const struct {
	const char *name;
	int (*run)(cli_ctx *ctx, int argc, char **argv);
	const char *summary;
} inspect_subs[] = {
#define X_ROW(name, fn, summary) { name, fn, summary },
	INSPECT_SUBCOMMANDS(X_ROW)
#undef X_ROW
};

static const char *const weekday_names[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

static void inspect_usage(FILE *out)
{
	fputs(_("usage: qifu inspect SUBCOMMAND [options]\n"), out);
	for (size_t i = 0; i < sizeof inspect_subs / sizeof inspect_subs[0]; i++) {
		strbuf line = STRBUF_INIT;
		sb_add(&line, "  ");
		text_fit_pad_sb(&line, inspect_subs[i].name, 10, TEXT_LEFT);
		sb_addf(&line, " %s\n", _(inspect_subs[i].summary));
		fputs(sb_str(&line), out);
		sb_free(&line);
	}
	fputs(_("'qifu inspect SUBCOMMAND --help' describes a subcommand.\n"), out);
}

/* The reasons with their Chinese names and exemptions, for help and for a typo. */
static void list_reasons(const inspect_reason_table *t, FILE *out)
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
		const inspect_reason *r = &t->v[i];
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

static void check_usage(const inspect_reason_table *t, FILE *out)
{
	fputs(_("usage: qifu inspect check --date YYYY-MM-DD --reason CODE [--registered-on YYYY-MM-DD] [--explain]\n"
		"Says whether an inspection on --date for --reason is allowed when its plan is\n"
		"registered on --registered-on (default: today). Prints 'allowed' (exit 0), or\n"
		"'refused:' with the rule and what would make it allowed (exit 1). --explain adds\n"
		"one line per rule.\n"), out);
	if (t)
		list_reasons(t, out);
}

/* "2026-03-24 (Tue)" into buf */
static const char *date_with_weekday(qdate d, strbuf *buf)
{
	char s[11];
	sb_addf(buf, _("%s (%s)"), date_format(d, s), _(weekday_names[date_weekday(d) - 1]));
	return sb_str(buf);
}

static void print_refusal(const inspection_verdict *v)
{
	strbuf rules = STRBUF_INIT, remedy = STRBUF_INIT, when = STRBUF_INIT;
	for (int i = 0; i < INSPECTION_RULE__COUNT; i++)
		if (v->refused & (1u << i)) {
			if (rules.len)
				sb_add(&rules, _(", "));
			sb_add(&rules, _(inspection_rule_label((inspection_rule)i)));
		}
	if (v->earliest != DATE_NONE && v->exempt_would_allow)
		sb_addf(&remedy, _("first allowed date %s, or a quiet-day exempt reason"),
			date_with_weekday(v->earliest, &when));
	else if (v->earliest != DATE_NONE)
		sb_addf(&remedy, _("first allowed date %s"), date_with_weekday(v->earliest, &when));
	else if (v->exempt_would_allow)
		sb_add(&remedy, _("only a quiet-day exempt reason"));
	else
		sb_add(&remedy, _("no allowed date within a year"));
	printf(_("refused: %s — %s\n"), sb_str(&rules), sb_str(&remedy));
	sb_free(&rules);
	sb_free(&remedy);
	sb_free(&when);
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

static int inspect_check(cli_ctx *ctx, int argc, char **argv)
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
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("inspect_reasons.tsv");
	inspect_reason_table *reasons = inspect_reason_load(path, &err);
	xfree(&path);
	if (!reasons) {
		cli_error("%s", sb_str(&err));
		goto out;
	}
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': date_s = optarg; break;
		case 'r': reason_s = optarg; break;
		case 'g': reg_s = optarg; break;
		case 'e': explain = true; break;
		case 'h': check_usage(reasons, stdout); rc = EXIT_OK; goto out;
		default: check_usage(NULL, stderr); goto out;
		}
	}
	if (!date_s || !reason_s || optind < argc) {
		check_usage(reasons, stderr);
		goto out;
	}

	qdate date, registered = ctx->today;
	const inspect_reason *reason = inspect_reason_find(reasons, reason_s);
	if (!date_parse(date_s, &date)) {
		cli_error(_("--date: '%s' is not a real date of the form YYYY-MM-DD"), date_s);
		list_reasons(reasons, stderr);
		goto out;
	}
	if (reg_s && !date_parse(reg_s, &registered)) {
		cli_error(_("--registered-on: '%s' is not a real date of the form YYYY-MM-DD"), reg_s);
		list_reasons(reasons, stderr);
		goto out;
	}
	if (!reason) {
		cli_error(_("--reason: unknown inspection reason '%s'"), reason_s);
		list_reasons(reasons, stderr);
		goto out;
	}

	inspection_params p = cli_inspection_params(ctx);
	/* A check asks about the rules, not about a person: no role, no override. */
	inspection_request rq = {
		.date = date, .reason = reason, .registered = registered,
		.role = ROLE_UNIT_STAFF, .override_reason = NULL,
	};
	inspection_verdict v = inspection_decide(&rq, cli_calendar(ctx), &p);

	qdate lo = date < registered ? date : registered;
	qdate hi = date > v.filing_from ? date : v.filing_from;
	if (v.earliest != DATE_NONE && v.earliest > hi)
		hi = v.earliest;
	cli_warn_missing_year(ctx, lo, hi);

	if (v.outcome == INSPECTION_ALLOWED) {
		printf("%s\n", _("allowed"));
		rc = EXIT_OK;
	} else {
		print_refusal(&v);
		rc = EXIT_NO;
	}
	if (explain)
		print_explanation(&v, registered, &p);
out:
	inspect_reason_table_free(&reasons);
	sb_free(&err);
	return rc;
}

int cmd_inspect(cli_ctx *ctx, int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		inspect_usage(stdout);
		return EXIT_OK;
	}
	for (size_t i = 0; argc >= 2 && i < sizeof inspect_subs / sizeof inspect_subs[0]; i++)
		if (strcmp(argv[1], inspect_subs[i].name) == 0)
			return inspect_subs[i].run(ctx, argc - 1, argv + 1);
	if (argc >= 2)
		cli_error(_("inspect: unknown subcommand '%s'"), argv[1]);
	inspect_usage(stderr);
	return EXIT_USAGE;
}
