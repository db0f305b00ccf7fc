/* Matching results from the financing platform in (see app/fin_result_io.h). */
#include "app/fin_result_io.h"

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
#include "store/financing_store.h"
#include "store/staff_store.h"

/* the needs of one enterprise a result is matched among, newest first */
enum { FIN_RES_NEEDS_MAX = 100 };

int app_fin_res_map_load(fin_res_map *m, strbuf *err)
{
	char *path = paths_data_file(FIN_RES_MAP_FILE);
	int rc = policy_fin_res_map_load(m, path, err);
	free(path);
	return rc;
}

typedef struct res_run {
	map_import mi;         /* the file, its header's columns and its bad rows */
	app_ctx *ctx;
	const fin_res_map *map;
	const fin_res_hooks *hooks;
	fin_res_result *res;
	fin_res_cols cols;
	sheet_seen seen;       /* the needs the file's results went to, with their lines */
	const char *base;      /* the file's name, for the history's note */
} res_run;

static int res_match(void *arg, const char *const *fields, int n, strbuf *why,
		strbuf *ignored)
{
	res_run *run = arg;
	return fin_res_cols_match(run->map, fields, n, &run->cols, why, ignored);
}

static const char *res_code(int f)
{
	return fin_res_field_code((fin_res_field)f);
}

static void row_bad(res_run *run, const csv_row *row, fin_res_field f, const char *why)
{
	map_import_bad(&run->mi, row, (int)f, why);
}

static char *need_key(int64_t id)
{
	return xasprintf("%" PRId64, id);
}

/* the need of a result without a need's number: 0 found (in *need), 1 a bad row
 * (why, the column in *bad), -1 the run stops */
static int find_by_uscc(res_run *run, const fin_res_in *in, fin_rec *need, fin_res_field *bad,
		strbuf *why)
{
	db *d = app_db(run->ctx);
	store_err se = { 0 };
	ent_record e = { 0 };
	int got = ent_store_get(d, in->uscc, 0, &e, &se);
	if (got != 0) {
		if (got < 0) {
			app_store_text(&se, &run->mi.fail);
			return -1;
		}
		if (*in->name)
			sb_addf(why, _("no enterprise with the code %s (%s) is registered"), in->uscc,
			        in->name);
		else
			sb_addf(why, _("no enterprise with the code %s is registered"), in->uscc);
		*bad = FRF_USCC;
		return 1;
	}
	fin_rec *v = xcalloc(FIN_RES_NEEDS_MAX, sizeof *v);
	bool *taken = xcalloc(FIN_RES_NEEDS_MAX, sizeof *taken);
	int n = 0, rc = -1;
	fin_filter f = { .enterprise_id = e.id, .status = -1 };
	if (fin_store_list(d, &f, 0, FIN_RES_NEEDS_MAX, v, &n, &se) < 0) {
		app_store_text(&se, &run->mi.fail);
		goto out;
	}
	for (int i = 0; i < n; i++) {
		char *key = need_key(v[i].id);
		taken[i] = sheet_seen_find(&run->seen, key) != 0;
		free(key);
	}
	int at = -1;
	char *amount;
	switch (fin_res_pick(v, n, taken, in, &at)) {
	case FRES_PICKED:
		*need = v[at];
		memset(&v[at], 0, sizeof v[at]);
		rc = 0;
		break;
	case FRES_NO_OPEN:
		sb_addf(why, _("%s has no open financing need"), e.name);
		*bad = FRF_USCC;
		rc = 1;
		break;
	case FRES_MANY:
		amount = fin_amount_for_people(in->amount_fen);
		if (in->amount_fen)
			sb_addf(why, _("%s has several open financing needs, and not one alone of %s: "
			               "give the need's number"), e.name, amount);
		else
			sb_addf(why, _("%s has several open financing needs: give the need's number "
			               "or the amount"), e.name);
		free(amount);
		*bad = in->amount_fen ? FRF_AMOUNT : FRF_USCC;
		rc = 1;
		break;
	}
out:
	for (int i = 0; i < n; i++)
		fin_rec_clear(&v[i]);
	free(v);
	free(taken);
	ent_record_clear(&e);
	return rc;
}

/* the need of a result with a need's number: as find_by_uscc */
static int find_by_number(res_run *run, const fin_res_in *in, fin_rec *need, fin_res_field *bad,
		strbuf *why)
{
	store_err se = { 0 };
	int got = fin_store_get(app_db(run->ctx), in->need_id, need, &se);
	if (got < 0) {
		app_store_text(&se, &run->mi.fail);
		return -1;
	}
	*bad = FRF_NEED;
	if (got > 0) {
		sb_addf(why, _("no financing need %" PRId64), in->need_id);
		return 1;
	}
	if (*in->uscc && strcmp(in->uscc, need->uscc) != 0) {
		sb_addf(why, _("financing need %" PRId64 " is of %s (%s), not of the code %s"),
		        need->id, need->enterprise, need->uscc, in->uscc);
		fin_rec_clear(need);
		*bad = FRF_USCC;
		return 1;
	}
	return 0;
}

/* what the step in the need's history says: the platform's state, an amount that is
 * not the money funded, the platform's note and the file's line */
static char *step_note(const res_run *run, const fin_res_in *in, long line)
{
	strbuf b = STRBUF_INIT;
	sb_addf(&b, _("financing platform: %s"), in->state_typed);
	if (in->amount_fen && in->state->status != FIN_FUNDED) {
		char *amount = fin_amount_for_people(in->amount_fen);
		sb_addf(&b, _(", %s"), amount);
		free(amount);
	}
	if (*in->note)
		sb_addf(&b, _("; %s"), in->note);
	sb_addf(&b, " (%s:%ld)", run->base, line);
	return sb_steal(&b);
}

/* one data row: 0 done (good, known or bad), -1 the run stops (mi.fail says why) */
static int res_import_row(void *arg, const csv_row *row)
{
	res_run *run = arg;
	app_ctx *ctx = run->ctx;
	fin_res_in in;
	fin_res_field bad = FRF_NONE;
	strbuf why = STRBUF_INIT;
	store_err se = { 0 };
	fin_rec need = { 0 };
	fin_change c = { .status = -1 };
	int rc = 0;
	if (fin_res_row_read(run->map, &run->cols, row->fields, row->nfields, &in, &bad,
	                     &why) < 0) {
		row_bad(run, row, bad, sb_str(&why));
		goto out;
	}
	int got = in.need_id ? find_by_number(run, &in, &need, &bad, &why)
	                     : find_by_uscc(run, &in, &need, &bad, &why);
	if (got != 0) {
		if (got > 0)
			row_bad(run, row, bad, sb_str(&why));
		rc = got < 0 ? -1 : 0;
		goto out;
	}
	char *key = need_key(need.id);
	long first = sheet_seen_add(&run->seen, key, row->line);
	free(key);
	if (first) {
		sb_addf(&why, _("a result for financing need %" PRId64 " is also on line %ld of this "
		                "file"), need.id, first);
		row_bad(run, row, FRF_NONE, sb_str(&why));
		goto out;
	}
	if (!app_allowed(ctx, PERM_FINANCING_EDIT, need.area, NULL, &why)) {
		row_bad(run, row, in.need_id ? FRF_NEED : FRF_USCC, sb_str(&why));
		goto out;
	}
	fin_res_done done = { .in = &in, .need = &need, .known = fin_res_known(&need, &in) };
	if (done.known) {
		run->res->nknown++;
	} else {
		c.status = (int)in.state->status;
		c.institution = *in.institution ? xstrdup(in.institution) : NULL;
		c.funded_fen = in.state->status == FIN_FUNDED ? in.amount_fen : 0;
		c.note = step_note(run, &in, row->line);
		if (fin_change_clean(&c, &why) < 0) {
			row_bad(run, row, FRF_INSTITUTION, sb_str(&why));
			goto out;
		}
		int w = fin_store_update_in(app_db(ctx), app_actor(ctx)->login, need.id, &c, &se);
		if (w != 0) {
			app_store_text(&se, w > 0 ? &why : &run->mi.fail);
			if (w > 0)
				row_bad(run, row, FRF_STATE, sb_str(&why));
			rc = w < 0 ? -1 : 0;
			goto out;
		}
		run->res->nchanged++;
	}
	if (run->hooks && run->hooks->good)
		run->hooks->good(run->hooks->arg, row->line, &done);
out:
	fin_change_clear(&c);
	fin_rec_clear(&need);
	fin_res_in_clear(&in);
	sb_free(&why);
	return rc;
}

int app_fin_res_import(app_ctx *ctx, const fin_res_map *m, const char *path, const char *sheet,
		ent_import_mode mode, const fin_res_hooks *hooks, fin_res_result *res, strbuf *err)
{
	memset(res, 0, sizeof *res);
	const char *slash = strrchr(path, '/');
	res_run run = { .ctx = ctx, .map = m, .hooks = hooks, .res = res,
	                .base = slash ? slash + 1 : path };
	run.mi = (map_import){ .map = &m->cols, .nfields = FRF__COUNT, .col = run.cols.col,
		.code = res_code, .match = res_match, .row = res_import_row, .arg = &run,
		.header = hooks ? hooks->header : NULL, .bad = hooks ? hooks->bad : NULL,
		.progress = hooks ? hooks->progress : NULL, .hook_arg = hooks ? hooks->arg : NULL,
		.nbad = &res->nbad, .fail = STRBUF_INIT };
	char *empty = xasprintf(_("%s: only a header row, no results"), path);
	int rc = map_import_file(app_db(ctx), &run.mi, path, sheet, mode, empty, &res->encoding,
	                         &res->rows, &res->written, err);
	free(empty);
	sheet_seen_free(&run.seen);
	return rc;
}

void fin_res_result_free(fin_res_result *res)
{
	xfree(&res->encoding);
	memset(res, 0, sizeof *res);
}
