/* What the commands share about their arguments: an enterprise named by its USCC and
 * visible to the actor, --format, dates, record ids, the pool table, the actor's area
 * scope and subcommand dispatch. Each prints its own message on failure and returns
 * the exit code, so a command can `return` it. */
#ifndef QIFU_CLI_ARGS_H
#define QIFU_CLI_ARGS_H
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/date.h"
#include "model/enterprise.h"
#include "model/pool.h"
#include "store/db.h"

/* one subcommand of a command */
typedef struct cli_sub {
	const char *name;
	int (*run)(cli_ctx *ctx, int argc, char **argv);
} cli_sub;

/* run the subcommand named by argv[1] with argv shifted by one; usage on --help or
 * none, an error naming the known ones otherwise */
int cli_subcommand(cli_ctx *ctx, int argc, char **argv, const cli_sub *subs, int nsubs,
                   void (*usage)(FILE *fp));
/* the record of the enterprise whose USCC is arg, when the actor may do act to it:
 * 0, or EXIT_NO (none, or not allowed) or EXIT_USAGE; e is filled only on 0 */
int cli_arg_enterprise(cli_ctx *ctx, const char *arg, ent_record *e, int act);
/* --format's value: 0 or EXIT_USAGE */
int cli_arg_format(const char *arg, out_format *f);
/* opt's value as a real date (YYYY-MM-DD): 0 or EXIT_USAGE naming opt */
int cli_arg_date(const char *opt, const char *s, qdate *d);
/* what's value as a record id (a positive whole number): 0 or EXIT_USAGE */
int cli_arg_id(const char *what, const char *s, int64_t *id);
/* opt's value as a pool of data/pools.tsv (code or name): 0 with *p pointing into
 * t, or EXIT_USAGE naming the allowed ones */
int cli_arg_pool(const pool_table *t, const char *opt, const char *s, const pool_def **p);
/* opt's value as a pool (code or name) of data/pools.tsv, its code copied to code:
 * 0 or EXIT_USAGE naming the allowed ones */
int cli_arg_pool_code(const char *opt, const char *s, char code[POOL_CODE_MAX]);
/* load data/pools.tsv into t; exits 2 with the message when it is broken */
void cli_pools_load(pool_table *t);
/* a store list function: records [offset, offset+limit) matching filter into out */
typedef int cli_page_fn(db *d, const void *filter, long offset, int limit, void *out, int *n,
                        strbuf *err);
/* every record fetch finds, a page at a time so that the database is never held
 * while rows are printed; row gets each record (of size bytes) and clears it.
 * 0, or EXIT_USAGE with the error printed */
int cli_each_page(cli_ctx *ctx, cli_page_fn *fetch, const void *filter, size_t size,
                  void (*row)(void *rec, void *arg), void *arg);
/* the area an area officer is confined to, NULL for everyone else */
const char *cli_scope_area(cli_ctx *ctx);

#endif
