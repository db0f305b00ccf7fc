/* What the enterprise 360 view shows beyond the register entry, once for both faces:
 * its visits (with the service contact card's latest delivery), the outreach events it attended, its talent services, the whistles it
 * blew (with where each stands and its appeal), financing needs (each with its status
 * history), cultivation pools,
 * relocation warnings, inspection plans, entries refused without a plan and appeals,
 * a few of each (the latest), read a section at a time and handed to a sink: the
 * Enterprises pane draws them in its detail view, `qifu enterprise show --full` prints
 * them as a table, CSV or JSON. Each record comes as the line people read and as its
 * fields for files. */
#ifndef QIFU_APP_ENT_VIEW_H
#define QIFU_APP_ENT_VIEW_H

#include "app/app.h"
#include "model/enterprise.h"

/* one field of a record for files: a stable key and its value */
typedef struct app_kv {
	const char *key;
	const char *value;
} app_kv;

/* where the sections go; every text is translated, every kv value a code or a number */
typedef struct app_ent_sink {
	/* a section begins: its key in files ("visits") and its heading */
	void (*section)(void *arg, const char *key, const char *heading);
	/* a record of the section (level 0), or a step of the record before it (level 1:
	 * a financing need's history) */
	void (*item)(void *arg, int level, const char *text, const app_kv *kv, int nkv);
	/* a figure of the section, for people ("in no pool", the open appeals) */
	void (*field)(void *arg, const char *label, const char *value);
	/* a remark on the section: none recorded, more than are shown, a failed read */
	void (*note)(void *arg, const char *text);
	void *arg;
} app_ent_sink;

/* the sections of e's 360 view, in its order (file keys "visits", "outreach", "talent",
 * "whistles", "financing",
 * "pools", "warnings", "inspections", "refusals", "appeals"); open_appeals is the
 * register's count */
void app_ent_records(app_ctx *ctx, const ent_record *e, long open_appeals,
                     const app_ent_sink *s);

#endif
