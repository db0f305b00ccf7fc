/* Saving the enterprise's records (app/records.h): the model's checks, then the store
 * write with its event, the outcome in one enum for both faces. */
#include "app/records.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/enterprise_store.h"
#include "store/financing_store.h"
#include "store/pool_store.h"
#include "store/staff_store.h"
#include "store/visit_store.h"
#include "store/warning_store.h"

int app_record_exit(app_record_rc rc)
{
	switch (rc) {
	case APP_RECORD_SAVED: return APP_OK;
	case APP_RECORD_REFUSED: return APP_NO;
	case APP_RECORD_BAD_INPUT: case APP_RECORD_FAILED: break;
	}
	return APP_BAD;
}

app_record_rc app_record_stored(int rc, const store_err *se, strbuf *err)
{
	app_store_text(se, err);
	return rc == 0 ? APP_RECORD_SAVED : rc > 0 ? APP_RECORD_REFUSED : APP_RECORD_FAILED;
}

app_record_rc app_visit_add(app_ctx *ctx, visit_rec *v, int64_t *id, strbuf *err)
{
	if (visit_validate(app_units(ctx), v, ctx->today, err) < 0)
		return APP_RECORD_BAD_INPUT;
	store_err se = { 0 };
	return app_record_stored(visit_store_add(app_db(ctx), app_actor(ctx)->login, v, id, &se),
	                         &se, err);
}

app_record_rc app_financing_add(app_ctx *ctx, fin_rec *f, int64_t *id, strbuf *err)
{
	if (fin_validate(f, err) < 0)
		return APP_RECORD_BAD_INPUT;
	store_err se = { 0 };
	return app_record_stored(fin_store_add(app_db(ctx), app_actor(ctx)->login, f, id, &se),
	                         &se, err);
}

app_record_rc app_pool_move(app_ctx *ctx, int64_t enterprise_id, const pool_def *pool,
		bool leaving, qdate on, char **reason, strbuf *err)
{
	if (pool_validate_reason(reason, leaving, err) < 0)
		return APP_RECORD_BAD_INPUT;
	const char *actor = app_actor(ctx)->login;
	store_err se = { 0 };
	int rc = leaving
		? pool_store_leave(app_db(ctx), actor, enterprise_id, pool, on, *reason, &se)
		: pool_store_enter(app_db(ctx), actor, enterprise_id, pool, on, *reason, &se);
	return app_record_stored(rc, &se, err);
}

app_record_rc app_warning_open(app_ctx *ctx, warn_rec *w, int64_t *id, strbuf *err)
{
	if (warn_validate(w, err) < 0)
		return APP_RECORD_BAD_INPUT;
	store_err se = { 0 };
	return app_record_stored(warn_store_add(app_db(ctx), app_actor(ctx)->login, w, id, &se),
	                         &se, err);
}

app_record_rc app_warning_answer(app_ctx *ctx, int64_t id, bool closing, qdate on, char **text,
		strbuf *err)
{
	if (warn_validate_response(text, !closing, err) < 0)
		return APP_RECORD_BAD_INPUT;
	const char *actor = app_actor(ctx)->login;
	store_err se = { 0 };
	int rc = closing ? warn_store_close(app_db(ctx), actor, id, on, *text, &se)
	                 : warn_store_respond(app_db(ctx), actor, id, on, *text, &se);
	return app_record_stored(rc, &se, err);
}

app_record_rc app_ent_status_set(app_ctx *ctx, const ent_record *e, ent_status to,
		qdate since, char **reason, strbuf *err)
{
	if (!app_allowed(ctx, PERM_ENT_EDIT, e->area, NULL, err))
		return APP_RECORD_REFUSED;
	ent_status from = ENT_ST_OPERATING;
	ent_status_parse(e->status, &from);
	char *clean = text_sanitize(*reason, strlen(*reason), 0);
	free(*reason);
	*reason = text_trim(clean);
	free(clean);
	if (!**reason) {
		sb_add(err, _("say why the status changes (the reason is kept with the change)"));
		return APP_RECORD_BAD_INPUT;
	}
	if (since == DATE_NONE || since > ctx->today) {
		sb_add(err, _("the status changes on a day up to today"));
		return APP_RECORD_BAD_INPUT;
	}
	if (!ent_status_change_ok(from, to, err))
		return APP_RECORD_REFUSED;
	store_err se = { 0 };
	int rc = ent_store_set_status(app_db(ctx), app_actor(ctx)->login, e->id, e->name,
	                              ent_status_code(from), ent_status_code(to), since, *reason,
	                              &se);
	return app_record_stored(rc, &se, err);
}
