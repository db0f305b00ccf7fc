/* qifu audit verify: whether the event log is as it was written (issue 15). The walk
 * and its words are app_audit_verify's; `qifu check` prints the same verdict. Exit 0
 * intact, 1 when an event no longer fits (named), 2 when it cannot be read. */
#include <getopt.h>
#include <stdio.h>

#include "app/audit.h"
#include "app/personal.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "core/strbuf.h"

int cmd_audit(app_ctx *ctx, int argc, char **argv);

static void audit_usage(FILE *out)
{
	fputs(_("usage: qifu audit verify\n"
	        "Walk the event log's hash chain and the anchor file beside the database: "
	        "exit 0 when every event is as it was written, 1 naming the first event "
	        "that no longer fits (changed, removed, or the newest removed).\n"), out);
	fputs(_("       qifu audit access [--login L] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
	        "                         [--format table|csv|json]\n"
	        "Who saw or exported personal data in full (legal representatives, contact\n"
	        "persons, phones, callers), per login: views, exports, enterprises and\n"
	        "appeals viewed, rows exported, the last time. Administrators and\n"
	        "supervisors only.\n"), out);
}

static int audit_verify_cmd(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, audit_usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	struct db *d = app_db(ctx);
	app_actor(ctx);
	audit_verdict v;
	strbuf msg = STRBUF_INIT;
	app_status st = app_audit_verify(d, &v, &msg);
	if (st == APP_BAD)
		say_error("%s", sb_str(&msg));
	else
		printf("%s\n", sb_str(&msg));
	sb_free(&msg);
	return (int)st;
}

static const app_column access_cols[] = {
	{ "login", N_("Login"), COL_STR, 0, false, TEXT_LEFT, 0 },
	{ "views", N_("Views"), COL_INT, 0, false, TEXT_RIGHT, 0 },
	{ "exports", N_("Exports"), COL_INT, 0, false, TEXT_RIGHT, 0 },
	{ "subjects", N_("Records viewed"), COL_INT, 0, false, TEXT_RIGHT, 0 },
	{ "rows", N_("Rows exported"), COL_INT, 0, false, TEXT_RIGHT, 0 },
	{ "last", N_("Last"), COL_STR, 0, false, TEXT_LEFT, 0 },
};

static int audit_access_cmd(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "login", required_argument, NULL, 'l' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *login = NULL;
	qdate from = DATE_NONE, to = DATE_NONE;
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'l': login = optarg; break;
		case 'F':
			if (cli_arg_date("--from", optarg, &from))
				return EXIT_USAGE;
			break;
		case 'T':
			if (cli_arg_date("--to", optarg, &to))
				return EXIT_USAGE;
			break;
		case 'f':
			if (cli_arg_format(optarg, &fmt))
				return EXIT_USAGE;
			break;
		case 'h': audit_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	char from_s[11], to_s[11];
	if (from != DATE_NONE && to != DATE_NONE && to < from) {
		say_error(_("--from %s is after --to %s"), date_format(from, from_s),
		          date_format(to, to_s));
		return EXIT_USAGE;
	}
	access_summary *s = NULL;
	int n = 0;
	strbuf err = STRBUF_INIT;
	app_status st = app_access_summary(ctx, login,
	                                   from != DATE_NONE ? date_format(from, from_s) : NULL,
	                                   to != DATE_NONE ? date_format(to, to_s) : NULL,
	                                   &s, &n, &err);
	if (st != APP_OK) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return (int)st;
	}
	sb_free(&err);
	out_table *t = out_new(access_cols, (int)(sizeof access_cols / sizeof access_cols[0]));
	for (int i = 0; i < n; i++) {
		char v[4][24];
		snprintf(v[0], sizeof v[0], "%ld", s[i].views);
		snprintf(v[1], sizeof v[1], "%ld", s[i].exports);
		snprintf(v[2], sizeof v[2], "%ld", s[i].subjects);
		snprintf(v[3], sizeof v[3], "%ld", s[i].rows);
		const char *row[] = { s[i].login, v[0], v[1], v[2], v[3], s[i].last };
		out_row(t, row);
	}
	if (n == 0 && fmt == OUT_TABLE)
		printf("%s\n", _("No personal data was seen or exported in full."));
	else
		out_print(t, fmt, false, stdout);
	out_free(&t);
	access_summary_free(s, n);
	return EXIT_OK;
}

int cmd_audit(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "verify", audit_verify_cmd, N_("check the event log's hash chain and anchor") },
		{ "access", audit_access_cmd,
		  N_("who saw or exported personal data in full, per login") },
	};
	return cli_subcommand(ctx, argc, argv, subs, 2, audit_usage);
}
