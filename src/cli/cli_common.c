/* Lazily opened resources shared by the commands: the database, the acting staff
 * member and the unit table, with the messages and exit codes when they fail. */
#include "cli/cli.h"

#include <pwd.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "config/settings.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/category.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/routing.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/staff_store.h"

const char *cli_os_login(void)
{
	static char *login;
	if (!login) {
		struct passwd *pw = getpwuid(getuid());
		login = xstrdup(pw ? pw->pw_name : "");
	}
	return login;
}

struct db *cli_db(cli_ctx *ctx)
{
	if (ctx->db)
		return ctx->db;
	strbuf err = STRBUF_INIT;
	ctx->db = db_open(ctx->db_path, DB_OPEN_EXISTING, &err);
	if (!ctx->db) {
		cli_error("%s", sb_str(&err));
		sb_free(&err);
		exit(EXIT_USAGE);
	}
	db_set_today(ctx->db, ctx->today);
	if (ctx->cfg)
		db_set_busy_timeout(ctx->db, (int)cfg_int(ctx->cfg, SET_DB_BUSY_TIMEOUT_MS));
	return ctx->db;
}

struct staff *cli_actor(cli_ctx *ctx)
{
	if (ctx->actor)
		return ctx->actor;
	db *d = cli_db(ctx);
	strbuf err = STRBUF_INIT;
	const char *login = cli_os_login();
	staff *me = NULL;
	int rc = staff_store_get(d, login, &me, &err);
	if (rc < 0) {
		cli_error("%s", sb_str(&err));
		exit(EXIT_USAGE);
	}
	if (rc == 1) {
		cli_error(_("'%s' is not registered as qifu staff in %s.\n"
		            "Ask an administrator to add you:\n"
		            "  qifu staff add --login %s --name NAME --unit UNIT --role ROLE"),
		          login, ctx->db_path, login);
		exit(EXIT_NO);
	}
	if (ctx->as_login && strcmp(ctx->as_login, login) != 0) {
		perm_actor pa = { me->role, me->unit, me->area, me->level };
		perm_verdict v = perm_check(&pa, PERM_ACT_AS, NULL);
		if (!v.allow) {
			cli_error(_("--as %s: %s"), ctx->as_login, _(v.reason));
			exit(EXIT_NO);
		}
		staff *other = NULL;
		rc = staff_store_get(d, ctx->as_login, &other, &err);
		if (rc != 0) {
			cli_error(rc < 0 ? "%s" : _("--as %s: no such staff login"),
			          rc < 0 ? sb_str(&err) : ctx->as_login);
			exit(EXIT_USAGE);
		}
		staff_free(&me);
		me = other;
	}
	sb_free(&err);
	ctx->actor = me;
	return me;
}

struct unit_table *cli_units(cli_ctx *ctx)
{
	if (ctx->units)
		return ctx->units;
	strbuf err = STRBUF_INIT;
	char *path = paths_data_file("units.tsv");
	unit_table *t = xcalloc(1, sizeof *t);
	if (units_load(t, path, &err) < 0) {
		cli_error("%s", sb_str(&err));
		exit(EXIT_USAGE);
	}
	free(path);
	ctx->units = t;
	return t;
}

const ent_rules *cli_ent_rules(cli_ctx *ctx)
{
	if (ctx->rules)
		return ctx->rules;
	strbuf err = STRBUF_INIT;
	unit_table *units = cli_units(ctx);
	catalog *cat = xcalloc(1, sizeof *cat);
	routing *rt = xcalloc(1, sizeof *rt);
	char *path = paths_data_file("routing.tsv");
	if (catalog_load(cat, paths_data_dir(), &err) < 0 ||
	    routing_load(rt, path, units, &err) < 0) {
		cli_error("%s", sb_str(&err));
		exit(EXIT_USAGE);
	}
	free(path);
	ent_rules *r = xcalloc(1, sizeof *r);
	r->units = units;
	r->cat = cat;
	r->rt = rt;
	ctx->rules = r;
	return r;
}

inspection_params cli_inspection_params(cli_ctx *ctx)
{
	inspection_params p = {
		.quiet_first_day = (int)cfg_int(ctx->cfg, SET_QUIET_FIRST_DAY),
		.quiet_last_day = (int)cfg_int(ctx->cfg, SET_QUIET_LAST_DAY),
		.filing_workdays = (int)cfg_int(ctx->cfg, SET_FILING_WORKDAYS),
		.emergency_late_days = (int)cfg_int(ctx->cfg, SET_EMERGENCY_LATE_DAYS),
	};
	return p;
}

ticket_params cli_ticket_params(cli_ctx *ctx)
{
	ticket_params p = {
		.dispatch_days = (int)cfg_int(ctx->cfg, SET_DISPATCH_DAYS),
		.simple_days = (int)cfg_int(ctx->cfg, SET_SIMPLE_DAYS),
		.general_days = (int)cfg_int(ctx->cfg, SET_GENERAL_DAYS),
		.complex_days = (int)cfg_int(ctx->cfg, SET_COMPLEX_DAYS),
		.explain_days = (int)cfg_int(ctx->cfg, SET_EXPLAIN_DAYS),
		.feedback_days = (int)cfg_int(ctx->cfg, SET_FEEDBACK_DAYS),
		.yellow_days = (int)cfg_int(ctx->cfg, SET_YELLOW_DAYS),
	};
	return p;
}

assessment_tiers cli_assessment_tiers(cli_ctx *ctx)
{
	assessment_tiers t = {
		.tier1_min = (int)cfg_int(ctx->cfg, SET_TIER1_MIN),
		.tier2_min = (int)cfg_int(ctx->cfg, SET_TIER2_MIN),
	};
	return t;
}

bool cli_allowed(cli_ctx *ctx, int action, const char *area, const char *unit)
{
	staff *me = cli_actor(ctx);
	perm_actor pa = { me->role, me->unit, me->area, me->level };
	perm_object po = { area, unit };
	perm_verdict v = perm_check(&pa, (perm_action)action, &po);
	if (!v.allow)
		cli_error(_("not allowed for %s (%s): %s"), me->login, _(role_label(me->role)),
		          _(v.reason));
	return v.allow;
}

void cli_ctx_free(cli_ctx *ctx)
{
	db_close(&ctx->db);
	calendar_free(&ctx->cal);
	staff_free(&ctx->actor);
	if (ctx->rules) {
		catalog_free((catalog *)ctx->rules->cat);
		free((void *)ctx->rules->cat);
		routing_free((routing *)ctx->rules->rt);
		free((void *)ctx->rules->rt);
		xfree(&ctx->rules);
	}
	if (ctx->units) {
		units_free(ctx->units);
		xfree(&ctx->units);
	}
}
