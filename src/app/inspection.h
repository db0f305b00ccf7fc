/* Inspections for both faces: the verdict of a date for a reason and its one wording,
 * a plan's fields as people read them, and who may see an enterprise's evaluation. */
#ifndef QIFU_APP_INSPECTION_H
#define QIFU_APP_INSPECTION_H
#include <stdbool.h>

#include "app/app.h"
#include "model/inspection_reason.h"
#include "model/inspection.h"
#include "store/inspection_store.h"

/* the verdict `qifu inspect check` gives: the rules alone (no role, no override);
 * [*lo, *hi] spans the dates the answer relies on, for the missing-holiday-file warning */
inspection_verdict inspection_check_decide(app_ctx *ctx, qdate date, const inspection_reason *reason,
					qdate registered, qdate *lo, qdate *hi);
/* "allowed", or "refused: RULES — what would make it allowed" (translated, no newline):
 * the one wording of the check's answer, on the command line and in the Calendar pane */
void inspection_verdict_text(const inspection_verdict *v, strbuf *out);
/* "2026-03-24 (Tue)" appended to buf; returns its text */
const char *inspection_date_weekday(qdate d, strbuf *buf);
/* the translated labels of ','-separated rule codes (an overridden plan's) onto out */
void inspection_rule_labels(const char *codes, strbuf *out);
/* one "label: value" line of a plan as people read it (label translated) */
typedef void (*inspection_field_fn)(void *arg, const char *label, const char *value);
/* a plan's fields for people, in order, with the evaluations only when visible and the
 * staff who registered, approved or overrode it by name: the one wording of `qifu
 * inspect show` and of the plan's detail in the TUI */
void inspection_plan_fields(app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t,
			 bool visible, inspection_field_fn fn, void *arg);
struct staff;
/* whether me may read the plan's evaluations (PERM_INSP_EVAL_VIEW: never the inspected unit) */
bool inspection_eval_visible(const struct staff *me, const inspection_record *r);
/* the reason's Chinese name, or its code when the table lacks it */
const char *inspection_reason_name(const inspection_reason_table *t, const char *code);

#endif
