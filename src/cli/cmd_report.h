/* The reports of qifu report that live in their own files. */
#ifndef QIFU_CMD_REPORT_H
#define QIFU_CMD_REPORT_H

#include "cli/cli.h"

/* qifu report inspections [--from D] [--to D] [--format …] */
int report_inspections(app_ctx *ctx, int argc, char **argv);
/* qifu report units --from D --to D [--format table|csv|xlsx] [--output FILE] */
int report_units(app_ctx *ctx, int argc, char **argv);

/* qifu report year YEAR [--format table|csv|json|xlsx] [--output FILE] | --freeze */
int report_year(app_ctx *ctx, int argc, char **argv);

#endif
