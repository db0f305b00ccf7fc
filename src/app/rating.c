/* Recording ratings and freezing quarters for both faces; see rating.h. The checks
 * are the model's (assessment_rating_allowed, assessment_served, the import row);
 * here they are fed from the store, in the order a person fixes them: the row, the
 * enterprise, the quarter, then whether the unit serves the enterprise. */
#include "app/rating.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

/* quarter q takes ratings today: APP_OK, or why not */
static app_status quarter_open(app_ctx *ctx, assessment_quarter q, strbuf *why)
{
	store_err se = { 0 };
	int frozen = app_store_rc(rating_store_frozen(app_db(ctx), q, &se), &se, why);
	if (frozen < 0)
		return APP_BAD;
	return assessment_rating_allowed(q, frozen == 1, ctx->today, why) < 0 ? APP_NO : APP_OK;
}

/* whether in->unit serves enterprise e in the quarter: APP_OK, or why not */
static app_status unit_serves(app_ctx *ctx, const ent_record *e, const rating_input *in,
		strbuf *why)
{
	char **units = NULL;
	int n = 0;
	store_err se = { 0 };
	if (app_store_rc(rating_store_appeal_units(app_db(ctx), e->id, in->quarter, &units, &n,
	                                           &se), &se, why) < 0)
		return APP_BAD;
	assessment_served_by s = { e->name, e->lead_unit, e->coop_units,
		(const char *const *)units, n };
	assessment_tie tie = assessment_served(&s, in->unit, in->quarter, why);
	rating_store_units_free(&units, n);
	return tie == ASSESS_TIE_NONE ? APP_NO : APP_OK;
}

app_status app_rating_check(app_ctx *ctx, const char *uscc, rating_input *in, char **name,
		strbuf *why)
{
	ent_record e = { 0 };
	store_err se = { 0 };
	char norm[19] = "";
	if (!in->enterprise_id)
		uscc_check(uscc, norm, NULL);
	int found = app_store_rc(ent_store_get(app_db(ctx), in->enterprise_id ? NULL
	                                       : *norm ? norm : uscc, in->enterprise_id, &e, &se),
	                         &se, why);
	if (found == 1)
		sb_addf(why, _("no enterprise with USCC %s"), uscc ? uscc : "");
	if (found != 0)
		return found == 1 ? APP_NO : APP_BAD;
	in->enterprise_id = e.id;
	app_status rc = quarter_open(ctx, in->quarter, why);
	if (rc == APP_OK)
		rc = unit_serves(ctx, &e, in, why);
	if (rc == APP_OK && name)
		*name = xstrdup(e.name);
	ent_record_clear(&e);
	return rc;
}

app_status app_rating_add(app_ctx *ctx, rating_input *in, int n, strbuf *why)
{
	for (int i = 0; i < n; i++) {
		strbuf one = STRBUF_INIT;
		app_status rc = APP_OK;
		if (!app_allowed(ctx, PERM_RATING_ADD, NULL, in[i].unit, &one))
			rc = APP_NO;
		else if (!units_find(app_units(ctx), in[i].unit)) {
			sb_addf(&one, _("unknown unit '%s'"), in[i].unit);
			rc = APP_BAD;
		} else if (!assessment_score_valid(in[i].score)) {
			sb_addf(&one, _("The score %d is not from 0 to 100."), in[i].score);
			rc = APP_BAD;
		} else {
			rc = app_rating_check(ctx, NULL, &in[i], NULL, &one);
		}
		if (rc != APP_OK) {
			if (n > 1)
				sb_addf(why, _("rating %d: "), i + 1);
			sb_add(why, sb_str(&one));
			sb_free(&one);
			return rc;
		}
		sb_free(&one);
	}
	int bad;
	store_err se = { 0 };
	if (rating_store_add(app_db(ctx), app_actor(ctx)->login, in, n, &bad, &se) < 0) {
		if (n > 1 && bad >= 0)
			sb_addf(why, _("rating %d: "), bad + 1);
		app_store_text(&se, why);
		return APP_NO;
	}
	return APP_OK;
}

app_status app_quarter_freeze(app_ctx *ctx, assessment_quarter q, strbuf *msg)
{
	if (!app_allowed(ctx, PERM_QUARTER_FREEZE, NULL, NULL, msg))
		return APP_NO;
	store_err se = { 0 };
	int frozen = app_store_rc(rating_store_frozen(app_db(ctx), q, &se), &se, msg);
	if (frozen < 0)
		return APP_BAD;
	if (assessment_freeze_allowed(q, frozen == 1, ctx->today, msg) < 0)
		return APP_NO;
	if (rating_store_freeze(app_db(ctx), app_actor(ctx)->login, q, &se) < 0) {
		app_store_text(&se, msg);
		return APP_NO;
	}
	char code[ASSESS_QUARTER_SIZE];
	sb_addf(msg, _("quarter %s frozen: its ratings can no longer change"),
	        assessment_quarter_format(q, code));
	return APP_OK;
}

/* keep row r (checked) as the import's next good row */
static void keep_row(app_rating_import *imp, assessment_row *r, int64_t id, char *name,
		long line)
{
	int n = imp->n;
	imp->rows = xrealloc(imp->rows, sizeof *imp->rows * (size_t)(n + 1));
	imp->in = xrealloc(imp->in, sizeof *imp->in * (size_t)(n + 1));
	imp->names = xrealloc(imp->names, sizeof *imp->names * (size_t)(n + 1));
	imp->lines = xrealloc(imp->lines, sizeof *imp->lines * (size_t)(n + 1));
	imp->rows[n] = *r;
	memset(r, 0, sizeof *r);
	imp->names[n] = name;
	imp->lines[n] = line;
	/* the strings are the row's own allocations: they stay put when rows moves */
	imp->in[n] = (rating_input){ id, imp->rows[n].unit, imp->rows[n].quarter,
		imp->rows[n].score, imp->rows[n].comment };
	imp->n++;
}

app_status app_rating_import_read(app_ctx *ctx, const char *path, app_rating_bad bad,
		void *arg, app_rating_import *out, strbuf *err)
{
	memset(out, 0, sizeof *out);
	out->path = xstrdup(path);
	strbuf ignored = STRBUF_INIT, why = STRBUF_INIT;
	csv_reader *r = csv_open(path, err);
	csv_row row;
	assessment_import_map map;
	assessment_row ar = { 0 };
	app_status rc = APP_BAD;
	int got;
	if (!r)
		goto out;
	if ((got = csv_next(r, &row, &why)) <= 0 ||
	    assessment_import_header(&map, row.fields, row.nfields, &why, &ignored) < 0) {
		sb_addf(err, "%s: %s", path, why.len ? sb_str(&why) : _("no header row"));
		goto out;
	}
	while ((got = csv_next(r, &row, &why)) == 1) {
		assessment_field f;
		sb_reset(&why);
		if (assessment_import_row(&map, row.fields, row.nfields, app_units(ctx), &ar, &f,
		                          &why) < 0) {
			bad(arg, row.line, assessment_field_header(f), sb_str(&why));
			out->nbad++;
			continue;
		}
		rating_input in = { 0, ar.unit, ar.quarter, ar.score, ar.comment };
		char *name = NULL;
		if (app_rating_check(ctx, ar.uscc, &in, &name, &why) != APP_OK) {
			bad(arg, row.line, NULL, sb_str(&why));
			out->nbad++;
			assessment_row_clear(&ar);
			continue;
		}
		keep_row(out, &ar, in.enterprise_id, name, row.line);
	}
	if (got < 0) {
		sb_addf(err, "%s: %s", path, sb_str(&why));
		goto out;
	}
	rc = APP_OK;
out:
	out->ignored = sb_steal(&ignored);
	csv_close(&r);
	sb_free(&why);
	assessment_row_clear(&ar);
	return rc;
}

void app_rating_import_free(app_rating_import *imp)
{
	for (int i = 0; i < imp->n; i++) {
		assessment_row_clear(&imp->rows[i]);
		free(imp->names[i]);
	}
	free(imp->rows);
	free(imp->in);
	free(imp->names);
	free(imp->lines);
	free(imp->path);
	free(imp->ignored);
	memset(imp, 0, sizeof *imp);
}
