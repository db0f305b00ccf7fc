/* The pre-investment projects of `qifu demo`: a dozen projects at every stage from
 * signing to production, their items done, open and stuck so that every light shows,
 * written through the real store and its stage rule by a 区项目中心 login. */
#ifndef QIFU_DEMO_PROJECTS_H
#define QIFU_DEMO_PROJECTS_H
#include <stdint.h>

#include "cli/cli.h"
#include "core/strbuf.h"
#include "store/db.h"

/* write the demo's projects into d (enterprises already there); the same seed and
 * today always give the same projects; *n gets how many */
int demo_projects(app_ctx *ctx, db *d, uint64_t seed, long *n, strbuf *err);

#endif
