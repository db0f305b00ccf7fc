/* The non-interactive commands: one table of commands, each a function that takes
 * the shared context (app/app.h) and its own argv (argv[0] is the command name). Exit
 * codes: 0 success, 1 "no" or a rule refused the action, 2 bad usage or bad input, 75
 * the database stayed busy (whichever command, whatever its own code would be).
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

enum { EXIT_OK = APP_OK, EXIT_NO = APP_NO, EXIT_USAGE = APP_BAD, EXIT_BUSY = APP_BUSY };

typedef struct cli_command {
	const char *name;
	const char *summary;    /* N_() msgid, one line */
	int (*run)(app_ctx *ctx, int argc, char **argv);
} cli_command;

/* run argv[0] as a command; prints its own messages */
int cli_run(app_ctx *ctx, int argc, char **argv);
/* the command table, terminated by a NULL name */
extern const cli_command cli_commands[];
/* the command named word; NULL after saying that it is unknown and, when one is near,
 * which was meant */
const cli_command *cli_find_command(const char *word);
/* qifu --help: the global options and every command */
void cli_usage(FILE *fp);

/* The global options, before the command: main reads them through this table and the
 * completion offers them. */
typedef enum cli_global_id {
	CLI_G_DB, CLI_G_CONFIG, CLI_G_TODAY, CLI_G_AS, CLI_G_KEYS, CLI_G_SIZE, CLI_G_DUMP,
	CLI_G_HELP, CLI_G_VERSION,
} cli_global_id;
typedef struct cli_global {
	const char *name;       /* "--db" */
	cli_global_id id;
	bool value;             /* takes a value (--db PATH, --db=PATH) */
} cli_global;
/* terminated by a NULL name */
extern const cli_global cli_globals[];

/* the words naming the (sub)command whose argv this is ("appeal new"), appended to
 * out; argv must be the command's or lie inside it, as subcommands receive it */
void cli_where(char *const *argv, strbuf *out);
/* the command being run ("appeal"), whose --help describes its subcommands */
const char *cli_command_name(char *const *argv);

/* The bash completion asks `qifu __complete WORD…` for the words that may follow
 * (cli_complete.c); it is not listed among the commands. */
#define CLI_COMPLETE "__complete"
int cli_complete(app_ctx *ctx, int argc, char **argv);

/* ctx->fail of the command line: the message on stderr, exit with st */
void cli_fail(app_status st, const char *msg);
/* a service's message: on stdout when st is APP_OK, else on stderr; returns st as the
 * exit code */
int cli_said(app_status st, const strbuf *msg);
/* ctx->warn of the command line: the message on stderr as a warning */
void cli_say_warn(const char *msg);
/* ctx->how of the command line: the command that takes the step */
void cli_how(app_step step, strbuf *out);
/* app_need(ctx, what), or cli_fail */
void cli_need(app_ctx *ctx, unsigned what);
/* app_allowed for the acting staff member; on deny print the reason, return false */
bool cli_allowed(app_ctx *ctx, int action, const char *area, const char *unit);

/* create the database at path with login its first administrator, in unit (NULL: the
 * centre), named name (NULL: from the password file); prints what it did; an exit code */
int cli_db_create(app_ctx *ctx, const char *path, const char *login, const char *name,
		  const char *unit);
/* false, after saying so, when this qifu is protected (setgid) and the command, which
 * writes a database of its own choosing, is not for it */
bool cli_unprotected(char *const *argv);

/* warn on stderr when a date lies in a year counted provisionally (no notice yet) or
 * by weekends alone */
void cli_warn_missing_year(app_ctx *ctx, qdate from, qdate to);

#endif
