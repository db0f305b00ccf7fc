/* Outreach events for both faces (app/outreach.h): the model's checks, the enterprise
 * lookups and the sign-in sheet, then the store's writes with their event rows. */
#include "app/outreach.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "app/sheet_rows.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/outreach_store.h"
#include "store/staff_store.h"

/* the enterprise of key, by credit code or by name: 0 found, 1 none or many (why in
 * err), -1 the database failed (err) */
static int find(app_ctx *ctx, const char *key, bool by_uscc, int64_t *id, char **name,
		strbuf *err)
{
	int count;
	store_err se = { 0 };
	if (outreach_store_find_enterprise(app_db(ctx), key, by_uscc, &count, id, name, &se) < 0) {
		app_store_text(&se, err);
		return -1;
	}
	if (count == 1)
		return 0;
	if (count == 0 && by_uscc)
		sb_addf(err, _("no enterprise with credit code %s"), key);
	else if (count == 0)
		sb_addf(err, _("no enterprise named '%s' (give its credit code, or its name as "
		               "registered)"), key);
	else
		sb_addf(err, _("'%s' names more than one enterprise: give its credit code"), key);
	return 1;
}

app_record_rc app_outreach_enterprise(app_ctx *ctx, const char *key, int64_t *id, char **name,
		strbuf *err)
{
	char norm[19];
	uscc_check(key, norm, NULL);
	int rc = find(ctx, *norm ? norm : key, *norm != '\0', id, name, err);
	return rc == 0 ? APP_RECORD_SAVED : rc > 0 ? APP_RECORD_BAD_INPUT : APP_RECORD_FAILED;
}

/* whether the acting staff member may record outreach; why in err when not */
static bool may(app_ctx *ctx, strbuf *err)
{
	return app_allowed(ctx, PERM_OUTREACH_EDIT, NULL, NULL, err);
}

app_record_rc app_outreach_add(app_ctx *ctx, outreach_rec *r, int64_t *id, strbuf *err)
{
	if (!may(ctx, err))
		return APP_RECORD_REFUSED;
	if (outreach_validate(app_outreach_kinds(ctx), app_units(ctx), r, ctx->today, err) < 0)
		return APP_RECORD_BAD_INPUT;
	store_err se = { 0 };
	int rc = outreach_store_add(app_db(ctx), app_actor(ctx)->login, r, id, &se);
	app_store_text(&se, err);
	return rc == 0 ? APP_RECORD_SAVED : APP_RECORD_FAILED;
}

int app_outreach_get(app_ctx *ctx, int64_t id, outreach_rec *r, strbuf *err)
{
	store_err se = { 0 };
	int rc = app_store_rc(outreach_store_get(app_db(ctx), id, r, &se), &se, err);
	if (rc == 1)
		sb_addf(err, _("no outreach event %" PRId64), id);
	return rc;
}

/* that event id exists: SAVED, or BAD_INPUT / FAILED with err */
static app_record_rc event_there(app_ctx *ctx, int64_t id, strbuf *err)
{
	outreach_rec r;
	int rc = app_outreach_get(ctx, id, &r, err);
	if (rc == 0)
		outreach_rec_clear(&r);
	return rc == 0 ? APP_RECORD_SAVED : rc > 0 ? APP_RECORD_BAD_INPUT : APP_RECORD_FAILED;
}

/* write ids[0..n) as attending: SAVED or FAILED */
static app_record_rc attend_write(app_ctx *ctx, int64_t id, const int64_t *ids, int n,
		int *added, strbuf *err)
{
	store_err se = { 0 };
	int rc = outreach_store_attend(app_db(ctx), app_actor(ctx)->login, id, ids, n, added, &se);
	app_store_text(&se, err);
	return rc == 0 ? APP_RECORD_SAVED : APP_RECORD_FAILED;
}

app_record_rc app_outreach_attend(app_ctx *ctx, int64_t id, const char *const *keys, int n,
		int *added, strbuf *err)
{
	*added = 0;
	if (!may(ctx, err))
		return APP_RECORD_REFUSED;
	app_record_rc rc = event_there(ctx, id, err);
	if (rc != APP_RECORD_SAVED)
		return rc;
	int64_t *ids = xcalloc((size_t)(n > 0 ? n : 1), sizeof *ids);
	int bad = 0;
	for (int i = 0; i < n && rc != APP_RECORD_FAILED; i++) {
		char *name = NULL;
		strbuf why = STRBUF_INIT;
		app_record_rc one = app_outreach_enterprise(ctx, keys[i], &ids[i], &name, &why);
		if (one != APP_RECORD_SAVED) {
			sb_addf(err, "%s%s", bad++ || rc == APP_RECORD_FAILED ? "\n" : "", sb_str(&why));
			if (one == APP_RECORD_FAILED)
				rc = one;
		}
		free(name);
		sb_free(&why);
	}
	if (rc == APP_RECORD_SAVED && bad)
		rc = APP_RECORD_BAD_INPUT;
	if (rc == APP_RECORD_SAVED)
		rc = attend_write(ctx, id, ids, n, added, err);
	free(ids);
	return rc;
}

/* sheet_rows' header test: a row naming a column 统一社会信用代码 or 企业名称 */
static int sheet_is_header(void *arg, const csv_row *row, strbuf *why, int *found)
{
	outreach_sheet_cols *cols = arg;
	if (outreach_sheet_header(row->fields, row->nfields, cols))
		return 0;
	*found = 0;
	sb_add(why, _("no header row naming a column 统一社会信用代码 (credit code) or 企业名称 "
	              "(enterprise name)"));
	return -1;
}

int app_outreach_sheet(app_ctx *ctx, int64_t id, const char *path, outreach_sheet_mode mode,
		void (*bad)(void *arg, long line, const char *why), void *arg,
		outreach_sheet_result *res, strbuf *err)
{
	memset(res, 0, sizeof *res);
	if (!may(ctx, err))
		return -1;
	if (event_there(ctx, id, err) != APP_RECORD_SAVED)
		return -1;
	sheet_rows src;
	if (sheet_rows_open(&src, path, NULL, err) < 0)
		return -1;
	snprintf(res->encoding, sizeof res->encoding, "%s", src.encoding ? src.encoding : "");
	int rc = -1, cap = 0;
	int64_t *ids = NULL;
	outreach_sheet_cols cols;
	csv_row row;
	if (sheet_rows_header(&src, &row, sheet_is_header, &cols, err) < 0)
		goto out;
	int got;
	while ((got = sheet_rows_next(&src, &row, err)) > 0) {
		char *key = NULL, *name = NULL;
		int64_t eid = 0;
		strbuf why = STRBUF_INIT;
		res->lines++;
		int found = 1;
		switch (outreach_sheet_line(row.fields, row.nfields, &cols, &key)) {
		case OUTREACH_SHEET_USCC:
			found = find(ctx, key, true, &eid, &name, &why);
			break;
		case OUTREACH_SHEET_NAME:
			found = find(ctx, key, false, &eid, &name, &why);
			break;
		case OUTREACH_SHEET_BAD_USCC:
			sb_addf(&why, _("credit code '%s' is not 18 characters long"), key);
			break;
		case OUTREACH_SHEET_EMPTY:
			sb_add(&why, _("neither a credit code nor an enterprise name"));
			break;
		}
		if (found < 0) {
			sb_addf(err, _("%s: line %ld: %s"), path, row.line, sb_str(&why));
			got = -2;
		} else if (found > 0) {
			res->bad++;
			if (bad)
				bad(arg, row.line, sb_str(&why));
		} else {
			/* a second signature of one enterprise is the same attendance */
			bool seen = false;
			for (int i = 0; i < res->named && !seen; i++)
				seen = ids[i] == eid;
			if (!seen) {
				if (res->named == cap) {
					cap = cap ? cap * 2 : 16;
					ids = xrealloc(ids, sizeof *ids * (size_t)cap);
				}
				ids[res->named++] = eid;
			}
		}
		free(key);
		free(name);
		sb_free(&why);
		if (got == -2)
			break;
	}
	if (got < 0)
		goto out;
	if (res->lines == 0) {
		sb_addf(err, _("%s: the sign-in sheet has a header but no lines"), path);
		goto out;
	}
	rc = 0;
	if (!import_commits(mode, res->bad) || res->named == 0)
		goto out;
	if (attend_write(ctx, id, ids, res->named, &res->added, err) != APP_RECORD_SAVED)
		rc = -1;
	else
		res->written = true;
out:
	free(ids);
	sheet_rows_close(&src);
	return rc;
}

app_record_rc app_outreach_problem(app_ctx *ctx, int64_t id, const char *key, char **text,
		int *seq, strbuf *err)
{
	if (!may(ctx, err))
		return APP_RECORD_REFUSED;
	if (outreach_problem_clean(text, err) < 0)
		return APP_RECORD_BAD_INPUT;
	app_record_rc rc = event_there(ctx, id, err);
	if (rc != APP_RECORD_SAVED)
		return rc;
	int64_t eid;
	char *name = NULL;
	rc = app_outreach_enterprise(ctx, key, &eid, &name, err);
	free(name);
	if (rc != APP_RECORD_SAVED)
		return rc;
	store_err se = { 0 };
	int w = outreach_store_problem(app_db(ctx), app_actor(ctx)->login, id, eid, *text, seq,
	                               &se);
	app_store_text(&se, err);
	return w == 0 ? APP_RECORD_SAVED : APP_RECORD_FAILED;
}
