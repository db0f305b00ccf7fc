/* What the appeal command files share: loading an appeal the actor may see, the
 * actor as the rules see it, the list filter every listing starts from, and the
 * subcommands that live in cmd_appeal_show.c. */
#ifndef QIFU_CMD_APPEAL_H
#define QIFU_CMD_APPEAL_H

#include "cli/cli.h"
#include "model/ticket.h"
#include "store/appeal_store.h"

/* the appeal numbered arg if the actor may see it (area officers: their area only);
 * 0, or the exit code after printing why not */
int appeal_cli_load(cli_ctx *ctx, const char *arg, bool events, appeal_record *out);
/* the acting staff member as ticket_decide sees them */
ticket_actor appeal_cli_actor(cli_ctx *ctx);
/* the centre's unit name from data/units.tsv ("" when the data names none) */
const char *appeal_cli_centre(cli_ctx *ctx);
/* today, the yellow range and the area officer's scope: what every list starts from */
void appeal_cli_filter(cli_ctx *ctx, appeal_filter *f);
/* row() on every appeal f selects in the given order, a page at a time so that the
 * database is never held while rows are printed; the row is cleared after. 0 or
 * EXIT_USAGE with the error printed */
int appeal_cli_each(cli_ctx *ctx, const appeal_filter *f, appeal_sort sort, bool desc,
		void (*row)(appeal_row *r, void *arg), void *arg);
/* "a,b，c、d" split into a NULL-terminated vector of trimmed, non-empty items */
char **appeal_cli_split(const char *s, int *n);
/* free a vector from appeal_cli_split and set it to NULL */
void appeal_cli_split_free(char ***v);
/* a light as people read it: "57 working days overdue" when red (the text says it),
 * otherwise the light and the days left ("due soon, due today") */
void appeal_cli_light_text(ticket_light_t l, int workdays, strbuf *out);
/* warn when today or a running deadline of tm lies in a year without a holiday file */
void appeal_cli_warn_years(cli_ctx *ctx, const ticket_timers *tm);

/* qifu appeal show N [--format table|csv|json] */
int appeal_cmd_show(cli_ctx *ctx, int argc, char **argv);
/* qifu appeal list [filters] [--format table|csv|json] */
int appeal_cmd_list(cli_ctx *ctx, int argc, char **argv);
/* qifu appeal views [--format table|csv|json]: the saved views and their counts */
int appeal_cmd_views(cli_ctx *ctx, int argc, char **argv);
/* qifu appeal sheet N --format txt|xlsx [--output FILE]: the dispatch sheet (交办单) */
int appeal_cmd_sheet(cli_ctx *ctx, int argc, char **argv);

#endif
