/* Signals for relocation early warning in (see app/signal_io.h). */
#include "app/signal_io.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/sheet_rows.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "policy/policy.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "store/warning_store.h"

int app_signal_map_load(signal_map *m, strbuf *err)
{
	char *path = paths_data_file("import/signals.tsv");
	int rc = policy_signal_map_load(m, path, err);
	free(path);
	return rc;
}

typedef struct signal_run {
	map_import mi;         /* the file, its header's columns and its bad rows */
	app_ctx *ctx;
	const signal_map *map;
	const signal_kind *fixed;
	const signal_import_hooks *hooks;
	signal_import_result *res;
	signal_cols cols;
	sheet_seen seen;       /* uscc, kind and day of the file's signals, with their lines */
	bool dry;
} signal_run;

static int signal_match(void *arg, const char *const *fields, int n, strbuf *why,
		strbuf *ignored)
{
	signal_run *run = arg;
	return signal_cols_match(run->map, run->fixed != NULL, fields, n, &run->cols, why,
	                         ignored);
}

static const char *signal_code(int f)
{
	return signal_field_code((signal_field)f);
}

static void row_bad(signal_run *run, const csv_row *row, signal_field f, const char *why)
{
	map_import_bad(&run->mi, row, (int)f, why);
}

/* apply the decided signal s of enterprise e: the warning and, when the kind sets
 * one, the status; -1 with the reason in fail */
static int apply(signal_run *run, const ent_record *e, const signal_in *s, signal_done *done,
		const char *from)
{
	db *d = app_db(run->ctx);
	const char *actor = app_actor(run->ctx)->login;
	store_err se = { 0 };
	char day[11];
	char *text = *s->detail
		? xasprintf("%s %s: %s", s->kind->words[0], date_format(s->on, day), s->detail)
		: xasprintf("%s %s", s->kind->words[0], date_format(s->on, day));
	warn_signal ws = { .enterprise_id = e->id, .kind = s->kind->code,
		.source = s->kind->source, .on = s->on, .level = done->level, .signal = text,
		.detail = s->detail, .from = from };
	int rc = warn_store_signal_add(d, actor, &ws, &done->warning_id, &se);
	free(text);
	if (rc == 0 && done->status_changed) {
		ent_status cur = ENT_ST_OPERATING;
		ent_status_parse(e->status, &cur);
		char *reason = xasprintf("%s %s (%s)", s->kind->words[0], day, from);
		rc = ent_store_status_write(d, actor, e->id, e->name, ent_status_code(cur),
		                            ent_status_code(done->status), s->on, reason, &se);
		free(reason);
	}
	if (rc != 0) {
		sb_reset(&run->mi.fail);
		app_store_text(&se, &run->mi.fail);
		return -1;
	}
	return 0;
}

/* one data row: 0 done (good, known or bad), -1 the run stops (mi.fail says why) */
static int signal_import_row(void *arg, const csv_row *row)
{
	signal_run *run = arg;
	app_ctx *ctx = run->ctx;
	db *d = app_db(ctx);
	signal_in s;
	signal_field bad;
	strbuf why = STRBUF_INIT;
	store_err se = { 0 };
	ent_record e = { 0 };
	int rc = 0;
	if (signal_row_read(run->map, run->fixed, &run->cols, row->fields, row->nfields,
	                    ctx->today, &s, &bad, &why) < 0) {
		row_bad(run, row, bad, sb_str(&why));
		goto out;
	}
	char day[11];
	char *key = xasprintf("%s\t%s\t%s", s.uscc, s.kind->code, date_format(s.on, day));
	long first = sheet_seen_add(&run->seen, key, row->line);
	free(key);
	if (first) {
		sb_addf(&why, _("the same signal is also on line %ld of this file"), first);
		row_bad(run, row, SIG_F_NONE, sb_str(&why));
		goto out;
	}
	int got = ent_store_get(d, s.uscc, 0, &e, &se);
	if (got < 0) {
		app_store_text(&se, &run->mi.fail);
		rc = -1;
		goto out;
	}
	if (got == 1) {
		if (*s.name)
			sb_addf(&why, _("no enterprise with the code %s (%s) is registered"), s.uscc,
			        s.name);
		else
			sb_addf(&why, _("no enterprise with the code %s is registered"), s.uscc);
		row_bad(run, row, SIG_F_USCC, sb_str(&why));
		goto out;
	}
	if (!app_allowed(ctx, PERM_WARNING_EDIT, e.area, NULL, &why)) {
		row_bad(run, row, SIG_F_USCC, sb_str(&why));
		goto out;
	}
	signal_state st = { 0 };
	signal_done done = { .in = &s, .enterprise = e.name };
	if (warn_store_signal_state(d, e.id, s.kind->code, s.on, &st.seen, &done.warning_id,
	                            &st.level, &se) < 0) {
		app_store_text(&se, &run->mi.fail);
		rc = -1;
		goto out;
	}
	st.open = done.warning_id != 0;
	done.action = signal_decide(&st, s.kind->level, &done.level);
	if (done.action == SIG_KNOWN) {
		run->res->nknown++;
	} else {
		ent_status cur = ENT_ST_OPERATING;
		ent_status_parse(e.status, &cur);
		done.status_changed = signal_status_follows(s.kind, cur, &done.status);
		char *from = xasprintf("%s:%ld", run->mi.path, row->line);
		rc = apply(run, &e, &s, &done, from);
		free(from);
		if (rc < 0)
			goto out;
		if (run->dry && done.action == SIG_OPEN)
			done.warning_id = 0;
		run->res->nopened += done.action == SIG_OPEN;
		run->res->nraised += done.action == SIG_RAISE;
		run->res->nnoted += done.action == SIG_AT_TOP;
		run->res->nstatus += done.status_changed;
	}
	if (run->hooks && run->hooks->good)
		run->hooks->good(run->hooks->arg, row->line, &done);
out:
	ent_record_clear(&e);
	signal_in_clear(&s);
	sb_free(&why);
	return rc;
}

int app_signal_import(app_ctx *ctx, const signal_map *m, const signal_kind *fixed,
		const char *path, const char *sheet, ent_import_mode mode,
		const signal_import_hooks *hooks, signal_import_result *res, strbuf *err)
{
	memset(res, 0, sizeof *res);
	signal_run run = { .ctx = ctx, .map = m, .fixed = fixed, .hooks = hooks, .res = res,
	                   .dry = mode == ENT_IMPORT_CHECK };
	run.mi = (map_import){ .map = &m->cols, .nfields = SIG_F__COUNT, .col = run.cols.col,
		.code = signal_code, .match = signal_match, .row = signal_import_row, .arg = &run,
		.header = hooks ? hooks->header : NULL, .bad = hooks ? hooks->bad : NULL,
		.progress = hooks ? hooks->progress : NULL, .hook_arg = hooks ? hooks->arg : NULL,
		.nbad = &res->nbad, .fail = STRBUF_INIT };
	char *empty = xasprintf(_("%s: only a header row, no signals"), path);
	int rc = map_import_file(app_db(ctx), &run.mi, path, sheet, mode, empty, &res->encoding,
	                         &res->rows, &res->written, err);
	free(empty);
	sheet_seen_free(&run.seen);
	return rc;
}

void signal_import_result_free(signal_import_result *res)
{
	xfree(&res->encoding);
	memset(res, 0, sizeof *res);
}
