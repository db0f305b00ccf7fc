/* Command dispatch and the shared message helpers of the command line. */
#include "cli/cli.h"

#include <stdarg.h>
#include <string.h>

#include "core/i18n.h"

/* One line per command; each command's file defines its run function. */
#define CLI_COMMANDS(X) \
	X("workday", cmd_workday, N_("working-day arithmetic: add, between, is")) \
	X("uscc", cmd_uscc, N_("check a unified social credit code")) \
	X("init", cmd_init, N_("create a database; the current login becomes its administrator")) \
	X("staff", cmd_staff, N_("add and list staff: login, name, unit, role")) \
	X("check", cmd_check, N_("check the database and report the journal mode")) \
	X("backup", cmd_backup, N_("copy the live database to a file")) \
	X("enterprise", cmd_enterprise, N_("the enterprise register: add, edit, show, list, import, export")) \
	X("rating", cmd_rating, N_("quarterly ratings of the units by the enterprises")) \
	X("quarter", cmd_quarter, N_("freeze a quarter's ratings")) \
	X("report", cmd_report, N_("reports: quarterly ratings per unit, inspections per unit")) \
	X("demo", cmd_demo, N_("write a deterministic demonstration database")) \
	X("config", cmd_config, N_("show the effective settings and where each comes from")) \
	X("inspect", cmd_inspect, N_("inspections: check dates, register, approve, record and verify plans")) \
	X("calendar", cmd_calendar, N_("print a month with holiday, make-up day and quiet-day marks")) \
	X("holiday", cmd_holiday, N_("the working calendar: list a year's days, import a holiday notice")) \
	X("financing", cmd_financing, N_("financing needs and their matching: add, update, list")) \
	X("pool", cmd_pool, N_("the cultivation pools: enter, leave, list members, history")) \
	X("visit", cmd_visit, N_("visits to enterprises and the problems found: add, list, show")) \
	X("warning", cmd_warning, N_("relocation early warnings: add, respond, close, list, show")) \
	X("appeal", cmd_appeal, N_("appeals: register, dispatch, handle, call back, close; show and list")) \
	X("remind", cmd_remind, N_("digest of overdue and nearly due appeals per unit, for cron")) \

#define X_DECL(name, fn, summary) int fn(app_ctx *ctx, int argc, char **argv);
CLI_COMMANDS(X_DECL)
#undef X_DECL

const cli_command cli_commands[] = {
#define X_ROW(name, fn, summary) { name, summary, fn },
	CLI_COMMANDS(X_ROW)
#undef X_ROW
	{ NULL, NULL, NULL },
};

int cli_run(app_ctx *ctx, int argc, char **argv)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, argv[0]) == 0)
			return c->run(ctx, argc, argv);
	say_error(_("unknown command '%s' (see 'qifu --help')"), argv[0]);
	return EXIT_USAGE;
}
