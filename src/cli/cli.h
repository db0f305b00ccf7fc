/* The non-interactive commands: one table of commands, each a function that takes
 * the shared context (app/app.h) and its own argv (argv[0] is the command name). Exit
 * codes: 0 success, 1 "no" or a rule refused the action, 2 bad usage or bad input.
 * The cli_ helpers below are the command line's face of the application context: they
 * print what app_need says and exit with its status, which a command may do and the
 * full-screen program never does. */
#ifndef QIFU_CLI_H
#define QIFU_CLI_H
#include <stdbool.h>
#include <stdio.h>

#include "app/app.h"
#include "core/date.h"
#include "core/say.h"
#include "core/strbuf.h"

enum { EXIT_OK = APP_OK, EXIT_NO = APP_NO, EXIT_USAGE = APP_BAD };

typedef struct cli_command {
	const char *name;
	const char *summary;    /* N_() msgid, one line */
	int (*run)(app_ctx *ctx, int argc, char **argv);
} cli_command;

/* run argv[0] as a command; prints its own messages */
int cli_run(app_ctx *ctx, int argc, char **argv);
/* the command table, terminated by a NULL name */
extern const cli_command cli_commands[];

/* ctx->fail of the command line: the message on stderr, exit with st */
void cli_fail(app_status st, const char *msg);
/* app_need(ctx, what), or cli_fail */
void cli_need(app_ctx *ctx, unsigned what);
/* app_allowed for the acting staff member; on deny print the reason, return false */
bool cli_allowed(app_ctx *ctx, int action, const char *area, const char *unit);

/* warn on stderr when a date lies in a year counted provisionally (no notice yet) or
 * by weekends alone */
void cli_warn_missing_year(app_ctx *ctx, qdate from, qdate to);

#endif
