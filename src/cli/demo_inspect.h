/* The inspections of `qifu demo`: plans of the enforcement units over the months
 * around today in every state, with overrides, evaluations and refused entries, so
 * that the Calendar pane, the 360 view and the report have something true to show. */
#ifndef QIFU_DEMO_INSPECT_H
#define QIFU_DEMO_INSPECT_H
#include <stdint.h>

#include "cli/cli.h"
#include "core/strbuf.h"
#include "store/db.h"

/* write the demo's inspections into d (enterprises and staff already there); the same
 * seed and today always give the same plans, codes and states */
int demo_inspections(app_ctx *ctx, db *d, uint64_t seed, strbuf *err);

#endif
