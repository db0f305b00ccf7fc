/* The enterprise subcommands that live in their own files. */
#ifndef QIFU_CMD_ENTERPRISE_H
#define QIFU_CMD_ENTERPRISE_H

#include "cli/cli.h"
#include "cli/output.h"
#include "model/category.h"
#include "model/enterprise.h"

/* qifu enterprise import FILE [--dry-run] [--skip-bad REJECTS.csv] */
int ent_import(app_ctx *ctx, int argc, char **argv);

/* what the 360 view shows of e after its register entry (cmd_ent_full.c); in JSON the
 * entry itself too, as the object's "enterprise" */
int ent_full_print(app_ctx *ctx, const ent_record *e, out_format fmt);
/* the entry's row of show --format csv|json: its cells as codes */
void ent_show_row(out_table *t, const ent_record *e, const catalog *cat);

#endif
