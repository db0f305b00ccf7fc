/* The subcommands of `qifu inspect` and what their files share: cmd_inspect.c
 * checks dates and registers plans, cmd_inspect_life.c moves them along (approve,
 * done, evaluate, cancel) and records refused entries, cmd_inspect_show.c reads
 * them (show, list, verify). */
#ifndef QIFU_CMD_INSPECT_H
#define QIFU_CMD_INSPECT_H
#include <stdio.h>

#include "app/inspection.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "model/enterprise.h"
#include "model/inspect_reason.h"
#include "store/inspection_store.h"

/* qifu inspect check --date D --reason R [--registered-on D2] [--explain] */
int inspect_check(app_ctx *ctx, int argc, char **argv);
/* qifu inspect register --unit U --enterprise USCC[,USCC…] --date D --reason R … */
int inspect_register(app_ctx *ctx, int argc, char **argv);
/* qifu inspect approve ID */
int inspect_approve(app_ctx *ctx, int argc, char **argv);
/* qifu inspect done ID --findings T --outcome O [--item ITEM] [--enterprise USCC] */
int inspect_done(app_ctx *ctx, int argc, char **argv);
/* qifu inspect evaluate ID --enterprise USCC --score 1-5 [--comment T] */
int inspect_evaluate(app_ctx *ctx, int argc, char **argv);
/* qifu inspect refuse --unit U --enterprise USCC --date D --people P [--note T] */
int inspect_refuse(app_ctx *ctx, int argc, char **argv);
/* qifu inspect cancel ID --reason R */
int inspect_cancel(app_ctx *ctx, int argc, char **argv);
/* qifu inspect show ID|CODE [--format table|csv|json] */
int inspect_show(app_ctx *ctx, int argc, char **argv);
/* qifu inspect list [--unit U] [--enterprise USCC] [--state S] [--from D] [--to D] [--format F] */
int inspect_list(app_ctx *ctx, int argc, char **argv);
/* qifu inspect verify CODE: what an enterprise asks at the door */
int inspect_verify(app_ctx *ctx, int argc, char **argv);

/* the reason table from data/inspect_reasons.tsv; NULL after saying why */
inspect_reason_table *inspect_reasons_load(void);
/* the reasons with their Chinese names and exemptions, for help and after a typo */
void inspect_list_reasons(const inspect_reason_table *t, FILE *out);
/* s parsed as YYYY-MM-DD into *d; false after naming opt and the bad value */
bool inspect_date_opt(const char *opt, const char *s, qdate *d);
/* whether unit is one of data/units.tsv; false after naming opt and the allowed units */
bool inspect_unit_opt(app_ctx *ctx, const char *opt, const char *unit);
/* --format's value into *f; false after naming the allowed formats */
bool inspect_format_opt(const char *arg, out_format *f);
/* s appended as one item of an OUT_LIST cell, whose items '|' separates */
void inspect_list_add(strbuf *b, const char *s);
/* typed text cleaned for the database (sanitised, trimmed); a new string */
char *inspect_text(const char *s);
/* the enterprise with this USCC (as typed): 0, or EXIT_USAGE after naming opt */
int inspect_enterprise(app_ctx *ctx, const char *opt, const char *uscc, ent_record *e);
/* the plan an argument names, an id or a plan code: 0, or an exit code after saying why */
int inspect_load(app_ctx *ctx, const char *arg, insp_record *r);

#endif
