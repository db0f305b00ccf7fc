/* The non-interactive commands: one table of commands, each a function that takes
 * the shared context and its own argv (argv[0] is the command name). Exit codes:
 * 0 success, 1 "no" or a rule refused the action, 2 bad usage or bad input. */
#ifndef QIFU_CLI_H
#define QIFU_CLI_H
#include <stdbool.h>
#include <stdio.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/assessment.h"
#include "model/inspection.h"
#include "model/ticket.h"

enum { EXIT_OK = 0, EXIT_NO = 1, EXIT_USAGE = 2 };

struct settings;
struct db;
struct calendar;
struct staff;
struct unit_table;
struct ent_rules;

typedef struct cli_ctx {
	struct settings *cfg;   /* loaded, validated settings */
	const char *db_path;    /* resolved database path */
	const char *as_login;   /* --as, or NULL */
	qdate today;            /* --today, QIFU_TODAY or the system clock */
	const char *holiday_dir; /* from settings; NULL means <data dir>/holidays */
	struct calendar *cal;   /* working-day calendar, loaded lazily by cli_calendar() */
	struct db *db;          /* opened lazily by cli_db() */
	struct staff *actor;    /* resolved lazily by cli_actor() */
	struct unit_table *units; /* loaded lazily by cli_units() */
	struct ent_rules *rules;  /* loaded lazily by cli_ent_rules() */
} cli_ctx;

typedef struct cli_command {
	const char *name;
	const char *summary;    /* N_() msgid, one line */
	int (*run)(cli_ctx *ctx, int argc, char **argv);
} cli_command;

/* run argv[0] as a command; prints its own messages */
int cli_run(cli_ctx *ctx, int argc, char **argv);
/* the command table, terminated by a NULL name */
extern const cli_command cli_commands[];

/* the database, opened on first use; exits 2 with the reason when it cannot be */
struct db *cli_db(cli_ctx *ctx);
/* the acting staff member (OS login, or --as for admins); exits 1 with how to be
 * added when the login is not staff */
struct staff *cli_actor(cli_ctx *ctx);
/* the unit table from data/units.tsv; exits 2 when broken */
struct unit_table *cli_units(cli_ctx *ctx);
/* units, categories, groups and routing, for checking enterprises; exits 2 when broken */
const struct ent_rules *cli_ent_rules(cli_ctx *ctx);
/* the quiet-day and filing rules' parameters from the [inspection] settings */
inspection_params cli_inspection_params(cli_ctx *ctx);
/* the appeal time limits from the [appeal] settings */
ticket_params cli_ticket_params(cli_ctx *ctx);
/* the assessment tiers from the [assessment] settings */
assessment_tiers cli_assessment_tiers(cli_ctx *ctx);
/* ask the permission function; on deny print the reason and return false */
bool cli_allowed(cli_ctx *ctx, int action, const char *area, const char *unit);
/* the OS login of the person at the keyboard (real uid) */
const char *cli_os_login(void);
/* release everything the context opened */
void cli_ctx_free(cli_ctx *ctx);

/* the working-day calendar, loaded on first use; exits 2 with a message if broken */
struct calendar *cli_calendar(cli_ctx *ctx);
/* the calendar of database d's notices (seeded first when it has none) and the
 * statutory table; NULL with err */
struct calendar *cli_calendar_of(cli_ctx *ctx, struct db *d, strbuf *err);
/* rebuild ctx->cal from d (after an import, or on a database just created) */
int cli_calendar_reload(cli_ctx *ctx, struct db *d, strbuf *err);
/* when d holds no notice, write those of the holiday directory (init, migration) */
int cli_holiday_seed(cli_ctx *ctx, struct db *d, strbuf *err);
/* the holiday directory ([data] holiday_dir or <data dir>/holidays), allocated */
char *cli_holiday_dir(const cli_ctx *ctx);
/* append to out what the days from..to are counted with when some year among them has
 * no notice (provisional statutory days, or weekends alone); returns how many runs of
 * years were named, 0 when every year has its notice */
int cli_calendar_caveat(cli_ctx *ctx, qdate from, qdate to, strbuf *out);
/* warn on stderr when a date lies in a year counted provisionally (no notice yet) or
 * by weekends alone */
void cli_warn_missing_year(cli_ctx *ctx, qdate from, qdate to);
/* "qifu: " + message on stderr (translated by the caller); cli_warn prefixes a warning */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
