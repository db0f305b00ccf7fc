/* What the appeal command files share: loading an appeal the actor may see, the
 * actor as the rules see it, the list filter every listing starts from, typed text
 * and versions, dates and lists as printed, one list row, printable sheets, and the
 * subcommands that live in cmd_appeal_show.c, cmd_appeal_list.c, cmd_appeal_sheet.c
 * and cmd_appeal_escalate.c. */
#ifndef QIFU_CMD_APPEAL_H
#define QIFU_CMD_APPEAL_H

#include "app/appeal.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "model/escalation.h"
#include "model/ticket.h"
#include "store/appeal_store.h"

/* the appeal numbered arg if the actor may see it (area officers: their area only);
 * 0, or the exit code after printing why not */
int appeal_cli_load(app_ctx *ctx, const char *arg, bool events, appeal_record *out);
/* row() on every appeal f selects in the given order, a chunk at a time by key so that the
 * database is never held while rows are printed; the row is cleared after. 0 or
 * EXIT_USAGE with the error printed */
int appeal_cli_each(app_ctx *ctx, const appeal_filter *f, appeal_sort sort, bool desc,
		void (*row)(appeal_row *r, void *arg), void *arg);
/* warn when today or a running deadline of tm lies in a year without a holiday file */
void appeal_cli_warn_years(app_ctx *ctx, const ticket_timers *tm);
/* s as typed for option opt, checked and cleaned for the database: valid UTF-8, no
 * controls (newlines kept when lines), trimmed, at most max characters; NULL after
 * printing why not */
char *appeal_cli_text(const char *opt, const char *s, bool lines, size_t max);
/* --version's value: 0, or EXIT_USAGE after saying why */
int appeal_cli_arg_version(const char *arg, int *version);
/* 0 when a (as just read) is still at version (-1: not given); else EXIT_NO after
 * naming who changed it and when */
int appeal_cli_check_version(app_ctx *ctx, const appeal_record *a, int version);
/* print the timers a move started or moved, with their due dates and lights */
void appeal_cli_print_started(app_ctx *ctx, const ticket_timers *before,
		const ticket_timers *after);
/* what registering appeal number made of a problem prints: "N registered for E from
 * SOURCE, now STATE at UNIT" (source: "problem 1 of visit 3"), the years without a
 * holiday file and the timers started by tm */
void appeal_cli_print_from_problem(app_ctx *ctx, const char *number, const char *source,
		const ticket_timers *tm);
/* the options of a command that makes an appeal of a record ("outreach appeal ID N",
 * "talent appeal ID"): --kind into *kind, --help; -1 to go on (optind at the
 * operands), or the exit code (after the usage, or saying what is wrong) */
int appeal_cli_kind_options(int argc, char **argv, ticket_kind *kind,
		void (*usage)(FILE *fp));
/* the end of such a command: the outcome w of the appeal_move_from_* call that filled
 * number, tm and err, printed (from source on success); the exit code */
int appeal_cli_made(app_ctx *ctx, int w, const char *number, const char *source,
		const ticket_timers *tm, strbuf *err);
/* d as YYYY-MM-DD in buf, or "" for DATE_NONE */
const char *appeal_cli_date(qdate d, char buf[16]);

/* an empty table with the columns of one list row (qifu appeal list, and show
 * --format csv) */
out_table *appeal_cli_list_table(void);
/* r as a row of that table: codes for CSV and JSON, labels (translated) in the
 * table people read */
void appeal_cli_list_row(app_ctx *ctx, out_table *t, const appeal_row *r, bool labels);

/* qifu appeal show N [--format table|csv|json] */
int appeal_cmd_show(app_ctx *ctx, int argc, char **argv);
/* qifu appeal list [filters] [--format table|csv|json] */
int appeal_cmd_list(app_ctx *ctx, int argc, char **argv);
/* qifu appeal views [--format table|csv|json]: the saved views and their counts */
int appeal_cmd_views(app_ctx *ctx, int argc, char **argv);
/* qifu appeal sheet N --format txt|xlsx [--output FILE]: the dispatch sheet (交办单) */
int appeal_cmd_sheet(app_ctx *ctx, int argc, char **argv);
/* qifu appeal escalate N --reason R [--version V] */
int appeal_cmd_escalate(app_ctx *ctx, int argc, char **argv);
/* qifu appeal schedule N --mode meeting|onsite --date D --decision T [--place P]
 * [--attendees A] [--due D] [--version V] */
int appeal_cmd_schedule(app_ctx *ctx, int argc, char **argv);
/* qifu appeal outcome N --text T [--version V] */
int appeal_cmd_outcome(app_ctx *ctx, int argc, char **argv);
/* qifu appeal import FILE [--map NAME] [--sheet S] [--dry-run] [--skip-bad R] and
 * qifu appeal import --held [--format F]: work orders of another channel */
int appeal_cmd_import(app_ctx *ctx, int argc, char **argv);
/* qifu appeal match HELD_ID USCC: a held work order assigned and registered */
int appeal_cmd_match(app_ctx *ctx, int argc, char **argv);
/* qifu appeal export --for NAME [--from D] [--to D] [--output F]: the orders back */
int appeal_cmd_export(app_ctx *ctx, int argc, char **argv);
/* qifu appeal supervise-sheet N [--format txt|xlsx] [--output FILE]: the supervision
 * sheet (督办单) of an overdue appeal */
int appeal_cmd_supervise_sheet(app_ctx *ctx, int argc, char **argv);

#endif
