/* The subcommands of `qifu inspect` and what their files share: cmd_inspect.c
 * checks dates and registers plans, cmd_inspect_life.c moves them along (approve,
 * done, evaluate, cancel) and records refused entries, cmd_inspect_show.c reads
 * them (show, list, verify). */
#ifndef QIFU_CMD_INSPECT_H
#define QIFU_CMD_INSPECT_H
#include <stdio.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/enterprise.h"
#include "model/inspect_reason.h"
#include "store/inspection_store.h"

/* qifu inspect check --date D --reason R [--registered-on D2] [--explain] */
int inspect_check(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect register --unit U --enterprise USCC[,USCC…] --date D --reason R … */
int inspect_register(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect approve ID */
int inspect_approve(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect done ID --findings T --outcome O [--item ITEM] [--enterprise USCC] */
int inspect_done(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect evaluate ID --enterprise USCC --score 1-5 [--comment T] */
int inspect_evaluate(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect refuse --unit U --enterprise USCC --date D --people P [--note T] */
int inspect_refuse(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect cancel ID --reason R */
int inspect_cancel(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect show ID|CODE [--format table|csv|json] */
int inspect_show(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect list [--unit U] [--enterprise USCC] [--state S] [--from D] [--to D] [--format F] */
int inspect_list(cli_ctx *ctx, int argc, char **argv);
/* qifu inspect verify CODE: what an enterprise asks at the door */
int inspect_verify(cli_ctx *ctx, int argc, char **argv);

/* the verdict `qifu inspect check` gives: the rules alone (no role, no override);
 * [*lo, *hi] spans the dates the answer relies on, for the missing-holiday-file warning */
inspection_verdict inspect_check_decide(cli_ctx *ctx, qdate date, const inspect_reason *reason,
					qdate registered, qdate *lo, qdate *hi);
/* "allowed", or "refused: RULES — what would make it allowed" (translated, no newline):
 * the one wording of the check's answer, on the command line and in the Calendar pane */
void inspect_verdict_text(const inspection_verdict *v, strbuf *out);
/* the reason table from data/inspect_reasons.tsv; NULL after saying why */
inspect_reason_table *inspect_reasons_load(void);
/* the reasons with their Chinese names and exemptions, for help and after a typo */
void inspect_list_reasons(const inspect_reason_table *t, FILE *out);
/* "2026-03-24 (Tue)" appended to buf; returns its text */
const char *inspect_date_weekday(qdate d, strbuf *buf);
/* s parsed as YYYY-MM-DD into *d; false after naming opt and the bad value */
bool inspect_date_opt(const char *opt, const char *s, qdate *d);
/* whether unit is one of data/units.tsv; false after naming opt and the allowed units */
bool inspect_unit_opt(cli_ctx *ctx, const char *opt, const char *unit);
/* --format's value into *f; false after naming the allowed formats */
bool inspect_format_opt(const char *arg, out_format *f);
/* s appended as one item of an OUT_LIST cell, whose items '|' separates */
void inspect_list_add(strbuf *b, const char *s);
/* typed text cleaned for the database (sanitised, trimmed); a new string */
char *inspect_text(const char *s);
/* the enterprise with this USCC (as typed): 0, or EXIT_USAGE after naming opt */
int inspect_enterprise(cli_ctx *ctx, const char *opt, const char *uscc, ent_record *e);
/* the plan an argument names, an id or a plan code: 0, or an exit code after saying why */
int inspect_load(cli_ctx *ctx, const char *arg, insp_record *r);
/* the translated labels of ','-separated rule codes (an overridden plan's) onto out */
void inspect_rule_labels(const char *codes, strbuf *out);
/* one "label: value" line of a plan as people read it (label translated) */
typedef void (*inspect_field_fn)(void *arg, const char *label, const char *value);
/* a plan's fields for people, in order, with the evaluations only when visible: the
 * one wording of `qifu inspect show` and of the plan's detail in the TUI */
void inspect_plan_fields(const insp_record *r, const inspect_reason_table *t, bool visible,
			 inspect_field_fn fn, void *arg);
struct staff;
/* whether me may read the plan's evaluations (PERM_INSP_EVAL_VIEW: never the inspected unit) */
bool inspect_eval_visible(const struct staff *me, const insp_record *r);
/* the reason's Chinese name, or its code when the table lacks it */
const char *inspect_reason_name(const inspect_reason_table *t, const char *code);

#endif
