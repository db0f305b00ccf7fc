/* Staff administration: disabling and enabling a login. */
#include "app/staff.h"

#include "app/store_text.h"
#include "core/i18n.h"
#include "model/perm.h"
#include "store/staff_store.h"

app_status app_staff_set_disabled(app_ctx *ctx, const char *login, bool disable,
		strbuf *msg)
{
	if (!app_allowed(ctx, PERM_STAFF_DISABLE, NULL, NULL, msg))
		return APP_NO;
	staff *s = NULL;
	store_err se = { 0 };
	int rc = app_store_rc(staff_store_get(app_db(ctx), login, &s, &se), &se, msg);
	if (rc < 0)
		return APP_BAD;
	if (rc == 1) {
		sb_addf(msg, _("no staff login '%s'"), login);
		return APP_NO;
	}
	const char *why = perm_staff_toggle(app_actor(ctx)->login, s->login,
	                                    s->disabled_on != NULL, disable);
	app_status st = APP_OK;
	if (why) {
		sb_addf(msg, _("login %s: %s"), s->login, _(why));
		st = APP_NO;
	} else if (staff_store_set_disabled(app_db(ctx), app_actor(ctx)->login, s, disable,
	                                    &se) < 0) {
		app_store_text(&se, msg);
		st = APP_BAD;
	} else if (disable) {
		sb_addf(msg, _("login %s (%s) disabled: it can no longer use qifu; its name stays "
		               "in the history"), s->login, s->name);
	} else {
		sb_addf(msg, _("login %s (%s) enabled"), s->login, s->name);
	}
	staff_free(&s);
	return st;
}
