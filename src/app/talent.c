/* Talent services for both faces (app/talent.h): who may, the model's checks, then the
 * store's writes with their event rows. */
#include "app/talent.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "model/field.h"
#include "model/perm.h"
#include "store/staff_store.h"
#include "store/talent_store.h"

/* a store's 0 written, 1 refused, -1 failed, worded into err */
static app_record_rc stored(int rc, const store_err *se, strbuf *err)
{
	app_store_text(se, err);
	return rc == 0 ? APP_RECORD_SAVED : rc > 0 ? APP_RECORD_REFUSED : APP_RECORD_FAILED;
}

app_record_rc app_talent_programme_add(app_ctx *ctx, const ent_record *e, talent_programme *p,
		int64_t *id, strbuf *err)
{
	if (!app_allowed(ctx, PERM_TALENT_EDIT, e->area, NULL, err))
		return APP_RECORD_REFUSED;
	if (talent_programme_validate(p, err) < 0)
		return APP_RECORD_BAD_INPUT;
	store_err se = { 0 };
	return stored(talent_store_add_programme(app_db(ctx), app_actor(ctx)->login, p, id, &se),
	              &se, err);
}

int app_talent_programme_get(app_ctx *ctx, int64_t id, talent_programme *p, strbuf *err)
{
	store_err se = { 0 };
	int rc = app_store_rc(talent_store_get_programme(app_db(ctx), id, p, &se), &se, err);
	const char *scope = app_scope_area(ctx);
	/* outside an area officer's area a programme is as good as absent */
	if (rc == 0 && scope && p->area && strcmp(scope, p->area) != 0) {
		talent_programme_clear(p);
		rc = 1;
	}
	if (rc == 1)
		sb_addf(err, _("no talent programme %" PRId64), id);
	return rc;
}

app_record_rc app_talent_programme_edit(app_ctx *ctx, const talent_programme *was,
		talent_programme *now, strbuf *err)
{
	if (!app_allowed(ctx, PERM_TALENT_EDIT, was->area, NULL, err))
		return APP_RECORD_REFUSED;
	if (talent_programme_validate(now, err) < 0)
		return APP_RECORD_BAD_INPUT;
	strbuf changes = STRBUF_INIT;
	if (talent_programme_changes(was, now, &changes) == 0) {
		sb_addf(err, _("nothing to change: talent programme %" PRId64 " already reads so"),
		        was->id);
		sb_free(&changes);
		return APP_RECORD_BAD_INPUT;
	}
	store_err se = { 0 };
	app_record_rc rc = stored(talent_store_edit_programme(app_db(ctx), app_actor(ctx)->login,
	                                                      was, now, sb_str(&changes), &se),
	                          &se, err);
	sb_free(&changes);
	return rc;
}

app_record_rc app_talent_request_add(app_ctx *ctx, const ent_record *e, talent_request *r,
		int64_t *id, strbuf *err)
{
	if (!app_allowed(ctx, PERM_TALENT_EDIT, e->area, NULL, err))
		return APP_RECORD_REFUSED;
	if (talent_request_validate(app_talent_kinds(ctx), app_talent_units(ctx), r, err) < 0)
		return APP_RECORD_BAD_INPUT;
	store_err se = { 0 };
	return stored(talent_store_add_request(app_db(ctx), app_actor(ctx)->login, r, id, &se),
	              &se, err);
}

int app_talent_get(app_ctx *ctx, int64_t id, talent_request *r, strbuf *err)
{
	store_err se = { 0 };
	int rc = app_store_rc(talent_store_get(app_db(ctx), id, r, &se), &se, err);
	const char *scope = app_scope_area(ctx);
	/* outside an area officer's area a request is as good as absent */
	if (rc == 0 && scope && r->area && strcmp(scope, r->area) != 0) {
		talent_request_clear(r);
		rc = 1;
	}
	if (rc == 1)
		sb_addf(err, _("no talent service request %" PRId64), id);
	return rc;
}

app_record_rc app_talent_move(app_ctx *ctx, int64_t id, talent_state to, char **note,
		strbuf *err)
{
	if (field_clean(note, N_("note"), 500, false, err) < 0)
		return APP_RECORD_BAD_INPUT;
	talent_request r;
	int got = app_talent_get(ctx, id, &r, err);
	if (got != 0)
		return got > 0 ? APP_RECORD_BAD_INPUT : APP_RECORD_FAILED;
	app_record_rc rc = APP_RECORD_REFUSED;
	talent_verdict v = talent_move_check(r.state, to, *note);
	if (!app_allowed(ctx, PERM_TALENT_EDIT, r.area, NULL, err))
		goto out;
	if (v != TALENT_MOVE_OK) {
		talent_verdict_text(v, r.state, to, err);
		rc = v == TALENT_MOVE_NEEDS_NOTE ? APP_RECORD_BAD_INPUT : APP_RECORD_REFUSED;
		goto out;
	}
	store_err se = { 0 };
	rc = stored(talent_store_move(app_db(ctx), app_actor(ctx)->login, id, r.state, to, *note,
	                              &se), &se, err);
out:
	talent_request_clear(&r);
	return rc;
}
