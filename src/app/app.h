/* The application layer both faces call: the session's context (settings, database,
 * acting staff member, working calendar, units and rules, loaded on first need) and
 * the one permission check. No printing, no exit(), no curses, no getopt: every
 * function returns a status and words its failure in a message buffer, and the
 * command line or the full-screen program decides how to show it. */
#ifndef QIFU_APP_H
#define QIFU_APP_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/annual.h"
#include "model/assessment.h"
#include "model/inspection.h"
#include "model/ticket.h"

/* the outcome of a use case; the values are the command line's exit codes */
typedef enum app_status {
	APP_OK = 0,
	APP_NO = 1,     /* a rule or a permission refused it */
	APP_BAD = 2,    /* bad input, or a broken setup (database, data file) */
	/* the database stayed busy (another session's lock) past [database]
	 * busy_timeout_ms: nothing was changed, try again; EX_TEMPFAIL of sysexits.h */
	APP_BUSY = 75,
} app_status;

/* a step of the user's own that a refusal names as the way on; each face words how
 * its user takes it (app_ctx.how) */
typedef enum app_step {
	APP_STEP_QUARTER_FREEZE,  /* freeze an assessment quarter */
} app_step;

struct settings;
struct db;
struct calendar;
struct staff;
struct unit_table;
struct ent_rules;
struct code_table;
struct project_rules;
struct talent_units;

typedef struct app_ctx {
	struct settings *cfg;   /* loaded, validated settings */
	const char *db_path;    /* resolved database path */
	const char *as_login;   /* --as, or NULL */
	qdate today;            /* --today, QIFU_TODAY or the system clock */
	bool today_pinned;      /* by --today or QIFU_TODAY: an open screen keeps it */
	const char *holiday_dir; /* from settings; NULL means <data dir>/holidays */
	struct calendar *cal;   /* working-day calendar, see app_need */
	struct db *db;
	struct staff *actor;
	struct unit_table *units;
	struct ent_rules *rules;
	struct code_table *pools;
	struct project_rules *projects; /* the units and item kinds of projects */
	struct code_table *outreach_kinds;
	struct code_table *talent_kinds;
	struct talent_units *talent_units;
	/* the face's answer when a part a getter below needs cannot be loaded: the
	 * command line prints the message and exits with st; the full-screen program
	 * loads everything before its screen starts (app_need), so never gets here */
	void (*fail)(app_status st, const char *msg);
	/* the face's way of saying something went wrong after the work was done (a
	 * commit whose anchor line could not be written): the command line on stderr,
	 * the full-screen program on its status line */
	void (*warn)(const char *msg);
	/* the face's words for how its user takes step, appended to out: the command
	 * line's command, the full-screen program's view and key; NULL: none named */
	void (*how)(app_step step, strbuf *out);
	strbuf failure;         /* the message fail was given (freed by app_ctx_free) */
	/* the units through which the acting staff member sees appeals and plans
	 * (perm_sight_units), borrowed from actor; filled by app_sight_units */
	const char *sight[32];
	size_t nsight;
	bool sight_known;
	/* the subjects whose personal fields this session has recorded a view of
	 * (app/personal.h): one access event per subject and session */
	struct app_accessed {
		const char *kind;   /* a literal: "enterprise", "appeal" */
		int64_t id;
	} *accessed;
	size_t naccessed;
} app_ctx;

/* what app_need loads */
enum {
	APP_NEED_DB = 1u << 0,
	APP_NEED_ACTOR = 1u << 1,   /* implies the database */
	APP_NEED_CALENDAR = 1u << 2,
	APP_NEED_UNITS = 1u << 3,
	APP_NEED_RULES = 1u << 4,   /* units, categories, groups, routing */
	APP_NEED_POOLS = 1u << 5,
	APP_NEED_PROJECTS = 1u << 6, /* units, and the project data files */
	APP_NEED_OUTREACH_KINDS = 1u << 7,
	APP_NEED_TALENT = 1u << 8,  /* talent services and their units (implies units) */
	APP_NEED_ALL = (1u << 9) - 1,
};

/* load what `what` names and the context lacks: APP_OK, or APP_NO (the login is not
 * staff, or may not act as --as) or APP_BAD (a database or data file is broken) with
 * the reason in err. Once loaded, ctx's fields stay valid until app_ctx_free. */
app_status app_need(app_ctx *ctx, unsigned what, strbuf *err);
/* the context's parts, loaded on first use; when one cannot be, ctx->fail */
struct db *app_db(app_ctx *ctx);
struct staff *app_actor(app_ctx *ctx);
struct calendar *app_calendar(app_ctx *ctx);
struct unit_table *app_units(app_ctx *ctx);
const struct ent_rules *app_ent_rules(app_ctx *ctx);
const struct code_table *app_pools(app_ctx *ctx);
const struct project_rules *app_project_rules(app_ctx *ctx);
/* the kinds of outreach event (data/outreach_kinds.tsv) */
const struct code_table *app_outreach_kinds(app_ctx *ctx);
/* the talent services (data/talent_kinds.tsv) and their units (data/talent_units.tsv) */
const struct code_table *app_talent_kinds(app_ctx *ctx);
const struct talent_units *app_talent_units(app_ctx *ctx);
/* whether a wait of this process for the database's lock gave up: a failure then
 * is the database being busy, whatever the message (the command line exits APP_BUSY) */
bool app_db_gave_up(void);
/* route d's after-the-fact problems (db_on_anchor_problem) to ctx->warn, worded; for
 * a database a command opens itself (init, demo) as for the context's own */
void app_db_watch(app_ctx *ctx, struct db *d);
/* release everything the context loaded */
void app_ctx_free(app_ctx *ctx);
/* the OS login of the person at the keyboard (real uid) */
const char *app_os_login(void);
/* whether this qifu may open the database at path: anywhere, unless it is protected
 * (setgid), when only a file directly in its protected directory; when not, why in err */
bool app_db_path_allowed(const char *path, strbuf *err);
/* the area an area officer is limited to, NULL for everyone else */
const char *app_scope_area(app_ctx *ctx);

struct perm_actor;
/* the permission model's view of staff member me (centre: the service centre's name) */
struct perm_actor app_perm_actor_of(const struct staff *me, const char *centre);
/* the same of the acting staff member */
struct perm_actor app_perm_actor(app_ctx *ctx);

/* how much of the appeals and plans the acting staff member sees; for PERM_SEE_UNITS
 * the units in *units (borrowed from ctx) and their number in *n */
int app_sight(app_ctx *ctx, const char *const **units, size_t *n);
/* whether the acting staff member sees an appeal or plan of an enterprise in area in
 * which units take part (perm_sees) */
bool app_sees(app_ctx *ctx, const char *area, const char *const *units, size_t n);

/* the one permission check of both faces: whether the acting staff member may do
 * action on an object in area for unit; when not, the reason, naming who, in why (NULL
 * when only the answer matters: what a face offers) */
bool app_allowed(app_ctx *ctx, int action, const char *area, const char *unit,
		strbuf *why);

/* the settings' parameters of the rules */
inspection_params app_inspection_params(const app_ctx *ctx);
ticket_params app_ticket_params(const app_ctx *ctx);
assessment_tiers app_assessment_tiers(const app_ctx *ctx);
/* the [assessment] year_rule setting */
annual_rule app_annual_rule(const app_ctx *ctx);
/* the [assessment] accountability_bodies setting: '|'-separated unit names */
const char *app_accountability_bodies(const app_ctx *ctx);

/* ---- the working calendar (app/calendar.c) ---- */

/* the holiday directory ([data] holiday_dir or <data dir>/holidays), allocated */
char *app_holiday_dir(const app_ctx *ctx);
/* when d holds no notice, write those of the holiday directory (init, migration) */
int app_holiday_seed(app_ctx *ctx, struct db *d, strbuf *err);
/* the calendar of database d's notices (seeded first when it has none) and the
 * statutory table; NULL with err */
struct calendar *app_calendar_of(app_ctx *ctx, struct db *d, strbuf *err);
struct holiday_year;
/* the same with notice hy in force instead of what its year has (an import's preview) */
struct calendar *app_calendar_with(app_ctx *ctx, struct db *d, const struct holiday_year *hy,
		strbuf *err);
/* rebuild ctx->cal from d (after an import, or on a database just created) */
int app_calendar_reload(app_ctx *ctx, struct db *d, strbuf *err);
/* append to out what the days from..to are counted with when some year among them has
 * no notice (provisional statutory days, or weekends alone); returns how many runs of
 * years were named, 0 when every year has its notice (calendar loaded) */
int app_calendar_caveat(app_ctx *ctx, qdate from, qdate to, strbuf *out);

#endif
