/* The subcommands of `qifu inspect` and what their files share: cmd_inspect.c
 * checks dates and registers plans, cmd_inspect_life.c moves them along (approve,
 * done, evaluate, cancel) and records refused entries, cmd_inspect_show.c reads
 * them (show, list, verify). */
#ifndef QIFU_CMD_INSPECT_H
#define QIFU_CMD_INSPECT_H
#include <stdio.h>

#include "app/inspection.h"
#include "app/inspection_move.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "model/enterprise.h"
#include "model/inspection_reason.h"
#include "store/inspection_store.h"

/* qifu inspect check --date D --reason R [--registered-on D2] [--explain] */
int inspection_cmd_check(app_ctx *ctx, int argc, char **argv);
/* qifu inspect register --unit U --enterprise USCC[,USCC…] --date D --reason R … */
int inspection_cmd_register(app_ctx *ctx, int argc, char **argv);
/* qifu inspect approve ID */
int inspection_cmd_approve(app_ctx *ctx, int argc, char **argv);
/* qifu inspect done ID --findings T --outcome O [--item ITEM] [--enterprise USCC] */
int inspection_cmd_done(app_ctx *ctx, int argc, char **argv);
/* qifu inspect evaluate ID --enterprise USCC --score 1-5 [--comment T] */
int inspection_cmd_evaluate(app_ctx *ctx, int argc, char **argv);
/* qifu inspect refuse --unit U --enterprise USCC --date D --people P [--note T] */
int inspection_cmd_refuse(app_ctx *ctx, int argc, char **argv);
/* qifu inspect cancel ID --reason R */
int inspection_cmd_cancel(app_ctx *ctx, int argc, char **argv);
/* qifu inspect show ID|CODE [--format table|csv|json] */
int inspection_cmd_show(app_ctx *ctx, int argc, char **argv);
/* qifu inspect list [--unit U] [--enterprise USCC] [--state S] [--from D] [--to D] [--format F] */
int inspection_cmd_list(app_ctx *ctx, int argc, char **argv);
/* qifu inspect verify CODE: what an enterprise asks at the door */
int inspection_cmd_verify(app_ctx *ctx, int argc, char **argv);
/* qifu inspect notice ID|CODE [--output FILE] [--invert]: the notice to print */
int inspection_cmd_notice(app_ctx *ctx, int argc, char **argv);

/* the reason table from data/inspection_reasons.tsv; NULL after saying why */
inspection_reason_table *inspection_reasons_load(void);
/* the reasons with their Chinese names and exemptions, for help and after a typo */
void inspection_list_reasons(const inspection_reason_table *t, FILE *out);
/* s parsed as YYYY-MM-DD into *d; false after naming opt and the bad value */
bool inspection_date_opt(const char *opt, const char *s, qdate *d);
/* whether unit is one of data/units.tsv; false after naming opt and the allowed units */
bool inspection_unit_opt(app_ctx *ctx, const char *opt, const char *unit);
/* --format's value into *f; false after naming the allowed formats */
bool inspection_format_opt(const char *arg, out_format *f);
/* s appended as one item of a COL_LIST cell, whose items '|' separates */
void inspection_list_add(strbuf *b, const char *s);
/* an app answer other than APP_OK on stderr, after the option field was typed in;
 * returns st as the exit code (EXIT_OK for APP_OK, which says nothing) */
int inspection_say(app_status st, inspection_field field, const strbuf *err);
/* an app's warning (or a read that failed, error) on stderr: the advice after
 * registering, the note of a refused entry */
void inspection_say_note(void *arg, bool error, const char *msg);
/* the enterprise with this USCC (as typed): 0, or EXIT_USAGE after naming opt */
int inspection_arg_enterprise(app_ctx *ctx, const char *opt, const char *uscc, ent_record *e);
/* the plan an argument names, an id or a plan code: 0, or an exit code after saying why */
int inspection_load(app_ctx *ctx, const char *arg, inspection_record *r);

#endif
