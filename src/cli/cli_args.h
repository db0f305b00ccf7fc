/* What the commands share about their arguments: an enterprise named by its USCC and
 * visible to the actor, --format, dates, record ids, the pool table, the actor's area
 * scope, subcommand dispatch, and whole list and show subcommands driven by tables.
 * Each prints its own message on failure and returns the exit code, so a command can
 * `return` it. */
#ifndef QIFU_CLI_ARGS_H
#define QIFU_CLI_ARGS_H
#include <getopt.h>
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
	int (*run)(app_ctx *ctx, int argc, char **argv);
	const char *summary;    /* N_() line for a usage listing the subcommands, or NULL */
} cli_sub;

/* run the subcommand named by argv[1] with argv shifted by one; usage on --help or -h
 * (stdout) or none (stderr); an unknown one is named in one line with the one meant
 * ("appeal: unknown subcommand 'lsit'; did you mean 'list'?") */
int cli_subcommand(app_ctx *ctx, int argc, char **argv, const cli_sub *subs, int nsubs,
                   void (*usage)(FILE *fp));

/* getopt_long(argc, argv, "", opts, idx) for every command, with the messages people
 * expect: an option the subcommand does not take is named with the one meant
 * ("appeal list does not take --serch; did you mean --search?"), an ambiguous
 * abbreviation with its choices, a missing value as such, each in one line; -h is
 * --help when opts has help. After such a message it returns '?', which the caller
 * answers with EXIT_USAGE without printing the usage. It also remembers the options
 * given, for cli_required. */
int cli_getopt(int argc, char **argv, const struct option *opts, int *idx);
/* cli_getopt over a table several subcommands share: an option for which takes(o,
 * arg) is false is refused as one this subcommand does not take, and neither
 * suggested nor offered to the completion */
int cli_getopt_some(int argc, char **argv, const struct option *opts, int *idx,
                    bool (*takes)(const struct option *o, const void *arg), const void *arg);
/* after the cli_getopt loop: 0 when each option of required ("--enterprise --title",
 * separated by spaces) was given; otherwise EXIT_USAGE after naming the missing ones
 * in one line ("appeal new: --enterprise is required; see qifu appeal --help") */
int cli_required(char **argv, const char *required);
/* the missing options of required, given the names of those given (without "--"),
 * joined by ", " into out; returns their number. The decision cli_required prints. */
int cli_missing(const char *required, const char *const *given, size_t ngiven, strbuf *out);

/* the options of a subcommand whose only option is --help (-h): -1 when argv has none,
 * so the caller goes on; otherwise the exit code, after usage(stdout) for --help or
 * the message naming an option it does not take */
int cli_help_only(int argc, char **argv, void (*usage)(FILE *fp));
/* the options of a subcommand whose only options are --format and --help: -1 with
 * *fmt set (table unless given), so the caller goes on; otherwise the exit code, after
 * usage(stdout) for --help or the message naming what is wrong */
int cli_format_only(int argc, char **argv, void (*usage)(FILE *fp), out_format *fmt);
/* after the cli_getopt loop: 0 when argv holds exactly n operands from optind on;
 * otherwise EXIT_USAGE after one line naming what is missing (what, as people call it:
 * "the appeal number"; NULL when n is 0) or the first argument too many */
int cli_operands(int argc, char **argv, int n, const char *what);

/* What the completion learns from the parsers themselves (cli_complete.c): while it
 * points to one, cli_subcommand records the subcommands it would accept and
 * cli_getopt the options, in place of acting on them (cli_getopt returns '?' so that
 * the command stops there). */
typedef struct cli_found_opt {
	const char *name;       /* without "--" */
	bool value;             /* takes a value */
} cli_found_opt;
typedef struct cli_found {
	const char **subs;
	size_t nsubs;
	cli_found_opt *opts;
	size_t nopts;
} cli_found;
extern cli_found *cli_discovery;
/* the record of the enterprise whose USCC is arg, when the actor may do act to it:
 * 0, or EXIT_NO (none, or not allowed) or EXIT_USAGE; e is filled only on 0 */
int cli_arg_enterprise(app_ctx *ctx, const char *arg, ent_record *e, int act);
/* the value of --area (area) or --unit: a grid area into *area_out, or a unit of
 * data/units.tsv into *unit_out; 0, or EXIT_USAGE after saying why */
int cli_arg_place(app_ctx *ctx, bool area, const char *arg, const char **area_out,
                  const char **unit_out);
/* --format's value: 0 or EXIT_USAGE */
int cli_arg_format(const char *arg, out_format *f);
/* opt's value as a real date (YYYY-MM-DD): 0 or EXIT_USAGE naming opt */
int cli_arg_date(const char *opt, const char *s, qdate *d);
/* a list's --from and --to: the days (DATE_NONE when not given) and as text */
typedef struct cli_period {
	qdate from, to;
	char from_s[11], to_s[11];
} cli_period;
void cli_period_init(cli_period *p);
/* --from's (to false) or --to's value into p: 0 or EXIT_USAGE naming the option */
int cli_period_arg(cli_period *p, bool to, const char *val);
/* 0, or EXIT_USAGE when --from lies after --to */
int cli_period_check(const cli_period *p);
/* the day's text for a store filter, NULL when not given */
const char *cli_period_from(const cli_period *p);
const char *cli_period_to(const cli_period *p);
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
/* a list's organising or visiting unit and its period (--unit, --from, --to), as the
 * visit and outreach lists take them */
typedef struct cli_span {
	const char *unit;
	qdate from, to;
	char from_s[11], to_s[11];
} cli_span;
typedef enum cli_span_opt { CLI_SPAN_UNIT, CLI_SPAN_FROM, CLI_SPAN_TO } cli_span_opt;
/* an empty span: every unit, every day */
void cli_span_init(cli_span *s);
/* the value of --unit, --from or --to into s: 0, or EXIT_USAGE after saying why */
int cli_span_option(app_ctx *ctx, cli_span *s, cli_span_opt which, const char *val);
/* --from after --to: EXIT_USAGE after saying so; else 0 */
int cli_span_check(const cli_span *s);
/* --from and --to as YYYY-MM-DD for a store filter, NULL when not given */
const char *cli_span_from(const cli_span *s);
const char *cli_span_to(const cli_span *s);

/* a store list function read by key: up to limit records matching filter after
 * `last` (the last record of the page before; NULL: from the first) into out; by
 * offset (the position after last) only when last is gone */
typedef int cli_page_fn(db *d, const void *filter, const void *last, long offset, int limit,
                        void *out, int *n, store_err *err);
/* every record fetch finds, a page (by key) at a time through app_each_chunk, so
 * that the database is never held while rows are printed; row gets each record (of
 * size bytes), which clear frees after. 0, or EXIT_USAGE with the error printed */
int cli_each_page(app_ctx *ctx, cli_page_fn *fetch, const void *filter, size_t size,
                  void (*clear)(void *rec), void (*row)(void *rec, void *arg), void *arg);
/* the exit code of a store result (0 done, 1 refused, -1 error), printing err unless 0 */
int cli_store_rc(int rc, const strbuf *err);
/* say_error of what the store reported in e */
void cli_store_error(const store_err *e);

/* how the commands read one kind of record by its number */
typedef struct cli_record {
	const char *number;   /* msgid (marked N_) naming the number: "visit number" */
	size_t size;          /* of the record */
	/* the record: 0, 1 none (saying so in err), -1 error */
	int (*get)(db *d, int64_t id, void *rec, strbuf *err);
	const char *(*area)(const void *rec); /* the area of its enterprise */
	void (*clear)(void *rec);
	/* print it for show, by --format */
	void (*show_table)(const void *rec);
	void (*show_csv)(const void *rec);
	void (*show_json)(const void *rec);
} cli_record;

/* record id of kind k into rec when the actor may do act to its enterprise: 0, or
 * EXIT_NO / EXIT_USAGE with the message printed and rec left empty */
int cli_record_get(app_ctx *ctx, const cli_record *k, int64_t id, int act, void *rec);
/* a show subcommand, "ID [--format F]": the record printed when the actor may view it */
int cli_record_show(app_ctx *ctx, int argc, char **argv, const cli_record *k,
                    void (*usage)(FILE *fp));

/* the "Field / Value" table of show in table format */
out_table *cli_kv_new(void);
/* a row of it from two allocated strings, which it frees */
void cli_kv_add(out_table *t, char *label, char *value);
/* print it on stdout and free it */
void cli_kv_print(out_table **t);

/* what a list hands its store page function (a cli_page_fn) as the filter */
typedef struct cli_query {
	int64_t enterprise_id;   /* --enterprise; 0 for every enterprise */
	const char *scope_area;  /* set for area officers */
	void *own;               /* the values of the listing's own options */
} cli_query;

/* how --enterprise takes part in a list */
typedef enum cli_ent_opt { CLI_ENT_OPTIONAL, CLI_ENT_REQUIRED, CLI_ENT_NONE } cli_ent_opt;

/* the values of the options every list has; a listing's own options use values below */
enum { CLI_OPT_ENTERPRISE = 1000, CLI_OPT_FORMAT, CLI_OPT_HELP };

/* a list subcommand as a table: options, store, columns */
typedef struct cli_listing {
	const struct option *opts; /* the own options, NULL-terminated; the common ones are added */
	/* own option c with value val into q->own: 0, EXIT_USAGE with the message printed,
	 * or -1 when this listing takes no such option (usage is printed) */
	int (*option)(app_ctx *ctx, int c, const char *val, cli_query *q);
	/* once the options are read, before the enterprise is looked up: 0 or EXIT_USAGE
	 * with the message printed; NULL when there is nothing to check */
	int (*check)(const cli_query *q);
	cli_ent_opt enterprise;
	cli_page_fn *fetch;        /* gets the cli_query as its filter */
	size_t size;               /* of one record */
	const app_column *cols;
	int ncols;
	/* the cells of rec into t: codes when fmt is for files, labels for people */
	void (*row)(out_table *t, out_format fmt, const void *rec, const void *own);
	void (*clear)(void *rec);
} cli_listing;

/* run list subcommand l: its options, the enterprise and the area scope, then every
 * record the store finds printed in --format; own receives the own options' values */
int cli_list(app_ctx *ctx, int argc, char **argv, const cli_listing *l, void *own,
             void (*usage)(FILE *fp));

#endif
