/* Inspections in the detail view: one plan with every field `qifu inspect show` gives.
 * Evaluations pass the permission function on the way out, as in the CLI. */
#ifndef QIFU_UI_CALENDAR_INSPECTION_VIEW_H
#define QIFU_UI_CALENDAR_INSPECTION_VIEW_H
#include <stdint.h>

#include "app/app.h"
#include "model/inspection_reason.h"
#include "store/inspection_store.h"
#include "ui/detail.h"

/* plan r into d (cleared first), titled by its code; evaluations only when the actor
 * of ctx may read them; t gives the reasons' names (NULL: codes); last its plan code
 * with the QR code to scan, or why it has none; print_key names the key that prints
 * the notice, for when the QR code does not fit */
void inspview_plan(detail *d, app_ctx *ctx, const inspection_record *r,
		const inspection_reason_table *t, const char *print_key);

#endif
