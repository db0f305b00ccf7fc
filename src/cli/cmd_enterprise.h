/* The enterprise subcommands that live in their own files. */
#ifndef QIFU_CMD_ENTERPRISE_H
#define QIFU_CMD_ENTERPRISE_H

#include "cli/cli.h"

/* qifu enterprise import FILE [--dry-run] [--skip-bad REJECTS.csv] */
int ent_import(app_ctx *ctx, int argc, char **argv);

#endif
