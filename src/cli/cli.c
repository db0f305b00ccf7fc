/* Command dispatch and the shared message helpers of the command line: the table of
 * commands, `qifu help [COMMAND]`, the words of the command being run for messages,
 * and "did you mean …?" for a mistyped command. */
#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/suggest.h"
#include "core/xalloc.h"

/* One line per command; each command's file defines its run function. */
#define CLI_COMMANDS(X) \
	X("workday", cmd_workday, N_("working-day arithmetic: add, between, is")) \
	X("uscc", cmd_uscc, N_("check a unified social credit code")) \
	X("init", cmd_init, N_("create a database; the current login becomes its administrator")) \
	X("staff", cmd_staff, N_("add and list staff: login, name, unit, role")) \
	X("setup-server", cmd_setup_server, N_("as root: the group, the protected database directory and the setgid binary of a server")) \
	X("check", cmd_check, N_("check the database and report the journal mode")) \
	X("backup", cmd_backup, N_("copy the live database to a file")) \
	X("audit", cmd_audit, N_("prove the event log: verify its hash chain and anchor")) \
	X("enterprise", cmd_enterprise, N_("the enterprise register: add, edit, show, list, import, export")) \
	X("rating", cmd_rating, N_("quarterly ratings of the units by the enterprises")) \
	X("quarter", cmd_quarter, N_("freeze a quarter's ratings")) \
	X("supervise", cmd_supervise, N_("supervision requests (督办要求) to units: add, outcome, list")) \
	X("accountability", cmd_accountability, N_("accountability (问责) after an unresolved supervision request: add, list")) \
	X("report", cmd_report, N_("reports per unit: quarterly ratings, inspections, supervision figures (report units)")) \
	X("demo", cmd_demo, N_("write a deterministic demonstration database")) \
	X("config", cmd_config, N_("show the effective settings and where each comes from")) \
	X("inspect", cmd_inspect, N_("inspections: check dates, register, approve, record and verify plans")) \
	X("calendar", cmd_calendar, N_("print a month with holiday, make-up day and quiet-day marks")) \
	X("holiday", cmd_holiday, N_("the working calendar: list a year's days, import a holiday notice")) \
	X("financing", cmd_financing, N_("financing needs and their matching: add, update, list")) \
	X("project", cmd_project, N_("pre-investment projects: add, move through the stages, their items, the ledger")) \
	X("pool", cmd_pool, N_("the cultivation pools: enter, leave, list members, history")) \
	X("visit", cmd_visit, N_("visits to enterprises and the problems found: add, list, show")) \
	X("outreach", cmd_outreach, N_("outreach events (briefings, forums, trainings): add, attend, problem, appeal, list, show")) \
	X("talent", cmd_talent, N_("talent services: programmes with schools, talents' requests (人才码): add, list, move, appeal")) \
	X("card", cmd_card, N_("the service contact card: print one, or an area's or unit's, as txt or xlsx; record one delivered")) \
	X("coverage", cmd_coverage, N_("enterprises without a commissioner, a contact card delivered or a recent visit, per area and unit")) \
	X("whistle", cmd_whistle, N_("an enterprise's call to its commissioner and the report-in: add, report, appeal, list, show")) \
	X("warning", cmd_warning, N_("relocation early warnings: add, respond, close, list, show, import")) \
	X("appeal", cmd_appeal, N_("appeals: register, dispatch, handle, call back, close; show and list")) \
	X("remind", cmd_remind, N_("digest of overdue and nearly due appeals per unit, for cron")) \
	X("help", cmd_help, N_("this list; 'qifu help COMMAND' describes a command")) \

#define X_DECL(name, fn, summary) int fn(app_ctx *ctx, int argc, char **argv);
CLI_COMMANDS(X_DECL)
#undef X_DECL

const cli_command cli_commands[] = {
#define X_ROW(name, fn, summary) { name, summary, fn },
	CLI_COMMANDS(X_ROW)
#undef X_ROW
	{ NULL, NULL, NULL },
};

const cli_global cli_globals[] = {
	{ "--db", CLI_G_DB, true },
	{ "--config", CLI_G_CONFIG, true },
	{ "--today", CLI_G_TODAY, true },
	{ "--as", CLI_G_AS, true },
	{ "--keys", CLI_G_KEYS, true },
	{ "--size", CLI_G_SIZE, true },
	{ "--dump", CLI_G_DUMP, true },
	{ "--help", CLI_G_HELP, false },
	{ "--version", CLI_G_VERSION, false },
	{ NULL, 0, false },
};

/* the argv of the command being run: the words before a subcommand's argv name it */
static char **run_argv;
static int run_argc;

void cli_usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu [global options] [COMMAND [options]]\n"
	              "Without a command qifu opens the full-screen desk program.\n\n"
	              "Global options (before the command):\n"
	              "  --db PATH           database file (default: %s)\n"
	              "  --config FILE       read FILE after the system and user settings\n"
	              "  --today YYYY-MM-DD  fix today's date (also QIFU_TODAY)\n"
	              "  --as LOGIN          act as another staff login (administrators only)\n"
	              "  --keys FILE         run the full-screen program headless, keys from FILE\n"
	              "  --size COLSxROWS    screen size for --keys (default 80x24)\n"
	              "  --dump OUT          where --keys writes its screen dumps\n"
	              "  --help, --version\n\nCommands:\n"), "$XDG_DATA_HOME/qifu/qifu.db");
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(fp, "  %-12s %s\n", c->name, _(c->summary));
	fprintf(fp, _("\n'qifu COMMAND --help' or 'qifu help COMMAND' describes a command.\n"));
}

void cli_where(char *const *argv, strbuf *out)
{
	int depth = -1;
	for (int k = 0; run_argv && k < run_argc; k++)
		if (run_argv + k == argv)
			depth = k;
	if (depth < 0) {
		sb_add(out, argv[0]);
		return;
	}
	for (int k = 0; k <= depth; k++)
		sb_addf(out, "%s%s", k ? " " : "", run_argv[k]);
}

const char *cli_command_name(char *const *argv)
{
	return run_argv ? run_argv[0] : argv[0];
}

const cli_command *cli_find_command(const char *word)
{
	size_t n = 0;
	while (cli_commands[n].name)
		n++;
	for (size_t i = 0; i < n; i++)
		if (strcmp(cli_commands[i].name, word) == 0)
			return &cli_commands[i];
	const char **names = xcalloc(n, sizeof *names);
	for (size_t i = 0; i < n; i++)
		names[i] = cli_commands[i].name;
	int k = suggest_word(word, names, n);
	if (k >= 0)
		say_error(_("unknown command '%s'; did you mean '%s'?"), word, names[k]);
	else
		say_error(_("unknown command '%s'; see qifu --help"), word);
	free(names);
	return NULL;
}

/* qifu help [COMMAND [SUBCOMMAND]]: the list of commands, or the command's --help */
int cmd_help(app_ctx *ctx, int argc, char **argv);

int cmd_help(app_ctx *ctx, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_usage(stdout);
		return EXIT_OK;
	}
	/* qifu help appeal new runs qifu appeal new --help */
	char **words = xcalloc((size_t)argc + 1, sizeof *words);
	for (int i = 1; i < argc; i++)
		words[i - 1] = argv[i];
	words[argc - 1] = (char *)"--help";
	int rc = cli_run(ctx, argc, words);
	free(words);
	return rc;
}

int cli_run(app_ctx *ctx, int argc, char **argv)
{
	/* the bash completion's question, not a command for people (cli_complete.c) */
	if (strcmp(argv[0], CLI_COMPLETE) == 0)
		return cli_complete(ctx, argc, argv);
	const cli_command *c = cli_find_command(argv[0]);
	if (!c)
		return EXIT_USAGE;
	run_argv = argv;
	run_argc = argc;
	int rc = c->run(ctx, argc, argv);
	/* a command that failed while a wait for the database's lock gave up failed
	 * because the database was busy: one exit code for it, whichever command */
	return rc != EXIT_OK && app_db_gave_up() ? EXIT_BUSY : rc;
}
