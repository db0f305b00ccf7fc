/* The session's context, loaded on first need, and the one permission check. */
#include "app/app.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/privilege.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/category.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/pool.h"
#include "model/project.h"
#include "model/routing.h"
#include "model/unit.h"
#include "policy/policy.h"
#include "store/db.h"
#include "store/staff_store.h"

const char *app_os_login(void)
{
	static char *login;
	if (!login) {
		struct passwd *pw = getpwuid(getuid());
		login = xstrdup(pw ? pw->pw_name : "");
	}
	return login;
}

static void anchor_problem(const store_err *problem, void *arg)
{
	app_ctx *ctx = arg;
	strbuf msg = STRBUF_INIT;
	app_store_text(problem, &msg);
	if (ctx->warn)
		ctx->warn(sb_str(&msg));
	sb_free(&msg);
}

void app_db_watch(app_ctx *ctx, db *d)
{
	db_on_anchor_problem(d, anchor_problem, ctx);
}

perm_actor app_perm_actor_of(const staff *me, const char *centre)
{
	perm_actor pa = { me->role, me->unit, me->area, me->level, me->oversees,
		centre && *centre && me->unit && strcmp(me->unit, centre) == 0 };
	return pa;
}

perm_actor app_perm_actor(app_ctx *ctx)
{
	const unit_def *c = units_centre(app_units(ctx));
	return app_perm_actor_of(app_actor(ctx), c ? c->name : NULL);
}

int app_sight(app_ctx *ctx, const char *const **units, size_t *n)
{
	perm_actor pa = app_perm_actor(ctx);
	if (!ctx->sight_known) {
		ctx->nsight = perm_sight_units(&pa, ctx->sight,
		                               sizeof ctx->sight / sizeof *ctx->sight);
		ctx->sight_known = true;
	}
	*units = ctx->sight;
	*n = ctx->nsight;
	return (int)perm_sight_of(&pa);
}

bool app_sees(app_ctx *ctx, const char *area, const char *const *units, size_t n)
{
	perm_actor pa = app_perm_actor(ctx);
	return perm_sees(&pa, area, units, n);
}

bool app_db_path_allowed(const char *path, strbuf *err)
{
	if (!priv_protected() || (priv_dir() && priv_in_dir(priv_dir(), path)))
		return true;
	sb_reset(err);
	sb_addf(err, _("%s: this qifu is protected and opens only a database in %s"), path,
	        priv_dir() ? priv_dir() : "-");
	return false;
}

static app_status need_db(app_ctx *ctx, strbuf *err)
{
	if (ctx->db)
		return APP_OK;
	store_err se = { 0 };
	/* the setting's wait already for the migrations a newer qifu makes on opening */
	ctx->db = db_open_wait(ctx->db_path, DB_OPEN_EXISTING,
	                       ctx->cfg ? (int)cfg_int(ctx->cfg, SET_DB_BUSY_TIMEOUT_MS)
	                                : DB_BUSY_DEFAULT_MS, &se);
	if (!ctx->db) {
		app_store_text(&se, err);
		return se.code == STORE_E_LOCKED ? APP_BUSY : APP_BAD;
	}
	db_set_today(ctx->db, ctx->today);
	app_db_watch(ctx, ctx->db);
	return APP_OK;
}

bool app_db_gave_up(void)
{
	return db_busy_gave_up() >= 0;
}

static app_status need_actor(app_ctx *ctx, strbuf *err)
{
	if (ctx->actor)
		return APP_OK;
	app_status st = need_db(ctx, err);
	if (st != APP_OK)
		return st;
	const char *login = app_os_login();
	staff *me = NULL;
	store_err se = { 0 };
	int rc = staff_store_get(ctx->db, login, &me, &se);
	if (rc < 0) {
		app_store_text(&se, err);
		return se.code == STORE_E_LOCKED ? APP_BUSY : APP_BAD;
	}
	if (rc == 1) {
		sb_reset(err);
		sb_addf(err, _("'%s' is not registered as qifu staff in %s.\n"
		               "Ask an administrator to add you:\n"
		               "  qifu staff add --login %s --name NAME --unit UNIT --role ROLE"),
		        login, ctx->db_path, login);
		return APP_NO;
	}
	if (me->disabled_on) {
		sb_reset(err);
		sb_addf(err, _("login '%s' (%s) was disabled on %s and cannot use qifu.\n"
		               "Ask an administrator to enable it:  qifu staff enable %s"),
		        me->login, me->name, me->disabled_on, me->login);
		staff_free(&me);
		return APP_NO;
	}
	if (ctx->as_login && strcmp(ctx->as_login, login) != 0) {
		perm_actor pa = app_perm_actor_of(me, NULL);
		perm_verdict v = perm_check(&pa, PERM_ACT_AS, NULL);
		if (!v.allow) {
			sb_reset(err);
			sb_addf(err, _("--as %s: %s"), ctx->as_login, _(v.reason));
			staff_free(&me);
			return APP_NO;
		}
		staff *other = NULL;
		rc = staff_store_get(ctx->db, ctx->as_login, &other, &se);
		if (rc != 0) {
			if (rc > 0) {
				sb_reset(err);
				sb_addf(err, _("--as %s: no such staff login"), ctx->as_login);
			} else {
				app_store_text(&se, err);
			}
			staff_free(&me);
			return APP_BAD;
		}
		if (other->disabled_on) {
			sb_reset(err);
			sb_addf(err, _("--as %s: this login was disabled on %s"), other->login,
			        other->disabled_on);
			staff_free(&other);
			staff_free(&me);
			return APP_NO;
		}
		/* who really acted stays on record: the events that follow carry the other
		 * login */
		rc = staff_store_act_as(ctx->db, login, other, &se);
		staff_free(&me);
		if (rc < 0) {
			app_store_text(&se, err);
			staff_free(&other);
			return APP_BAD;
		}
		me = other;
	}
	ctx->actor = me;
	return APP_OK;
}

static app_status need_units(app_ctx *ctx, strbuf *err)
{
	if (ctx->units)
		return APP_OK;
	char *path = paths_data_file("units.tsv");
	unit_table *t = xcalloc(1, sizeof *t);
	int rc = policy_units_load(t, path, err);
	free(path);
	if (rc < 0) {
		free(t);
		return APP_BAD;
	}
	ctx->units = t;
	return APP_OK;
}

static app_status need_rules(app_ctx *ctx, strbuf *err)
{
	if (ctx->rules)
		return APP_OK;
	app_status st = need_units(ctx, err);
	if (st != APP_OK)
		return st;
	catalog *cat = xcalloc(1, sizeof *cat);
	routing *rt = xcalloc(1, sizeof *rt);
	char *path = paths_data_file("routing.tsv");
	int rc = policy_catalog_load(cat, paths_data_dir(), err) < 0 ||
	         policy_routing_load(rt, path, ctx->units, err) < 0 ? -1 : 0;
	free(path);
	if (rc < 0) {
		catalog_free(cat);
		free(cat);
		routing_free(rt);
		free(rt);
		return APP_BAD;
	}
	ent_rules *r = xcalloc(1, sizeof *r);
	r->units = ctx->units;
	r->cat = cat;
	r->rt = rt;
	ctx->rules = r;
	return APP_OK;
}

/* the code table of data file name into *slot, once */
static app_status need_codes(code_table **slot, const char *name,
		int (*load)(code_table *t, const char *path, strbuf *err), strbuf *err)
{
	if (*slot)
		return APP_OK;
	char *path = paths_data_file(name);
	code_table *t = xcalloc(1, sizeof *t);
	int rc = load(t, path, err);
	free(path);
	if (rc < 0) {
		free(t);
		return APP_BAD;
	}
	*slot = t;
	return APP_OK;
}

static app_status need_pools(app_ctx *ctx, strbuf *err)
{
	return need_codes(&ctx->pools, "pools.tsv", policy_pools_load, err);
}

static app_status need_outreach_kinds(app_ctx *ctx, strbuf *err)
{
	return need_codes(&ctx->outreach_kinds, "outreach_kinds.tsv", policy_outreach_kinds_load,
	                  err);
}

static app_status need_talent(app_ctx *ctx, strbuf *err)
{
	app_status st = need_units(ctx, err);
	if (st == APP_OK)
		st = need_codes(&ctx->talent_kinds, "talent_kinds.tsv", policy_talent_kinds_load,
		                err);
	if (st != APP_OK || ctx->talent_units)
		return st;
	char *path = paths_data_file("talent_units.tsv");
	talent_units *t = xcalloc(1, sizeof *t);
	int rc = policy_talent_units_load(t, path, ctx->units, err);
	free(path);
	if (rc < 0) {
		free(t);
		return APP_BAD;
	}
	ctx->talent_units = t;
	return APP_OK;
}

static app_status need_projects(app_ctx *ctx, strbuf *err)
{
	if (ctx->projects)
		return APP_OK;
	app_status st = need_units(ctx, err);
	if (st != APP_OK)
		return st;
	char *units = paths_data_file("project_units.tsv");
	char *items = paths_data_file("project_items.tsv");
	project_rules *r = xcalloc(1, sizeof *r);
	int rc = policy_project_load(r, units, items, ctx->units, err);
	free(units);
	free(items);
	if (rc < 0) {
		free(r);
		return APP_BAD;
	}
	ctx->projects = r;
	return APP_OK;
}

/* whether a database file is there to hold the notices (an empty file is not one) */
static bool have_database(const app_ctx *ctx)
{
	struct stat st;
	return ctx->db_path && stat(ctx->db_path, &st) == 0 && st.st_size > 0;
}

static app_status need_calendar(app_ctx *ctx, strbuf *err)
{
	if (ctx->cal)
		return APP_OK;
	if (ctx->db || have_database(ctx)) {
		app_status st = need_db(ctx, err);
		if (st != APP_OK)
			return st;
		return app_calendar_reload(ctx, ctx->db, err) < 0 ? APP_BAD : APP_OK;
	}
	/* no database yet: the notices the installation ships */
	char *dir = app_holiday_dir(ctx);
	ctx->cal = policy_calendar_load(dir, err);
	free(dir);
	return ctx->cal ? APP_OK : APP_BAD;
}

app_status app_need(app_ctx *ctx, unsigned what, strbuf *err)
{
	static const struct {
		unsigned bit;
		app_status (*load)(app_ctx *ctx, strbuf *err);
	} loaders[] = {
		{ APP_NEED_DB, need_db },
		{ APP_NEED_ACTOR, need_actor },
		{ APP_NEED_CALENDAR, need_calendar },
		{ APP_NEED_UNITS, need_units },
		{ APP_NEED_RULES, need_rules },
		{ APP_NEED_POOLS, need_pools },
		{ APP_NEED_PROJECTS, need_projects },
		{ APP_NEED_OUTREACH_KINDS, need_outreach_kinds },
		{ APP_NEED_TALENT, need_talent },
	};
	for (size_t i = 0; i < sizeof loaders / sizeof loaders[0]; i++) {
		if (!(what & loaders[i].bit))
			continue;
		app_status st = loaders[i].load(ctx, err);
		if (st != APP_OK)
			return st;
	}
	return APP_OK;
}

/* load what a getter needs, or hand the failure to the face */
static void require(app_ctx *ctx, unsigned what)
{
	/* the message lives in the context: a face's fail may not return to free it */
	sb_reset(&ctx->failure);
	app_status st = app_need(ctx, what, &ctx->failure);
	if (st != APP_OK) {
		if (ctx->fail)
			ctx->fail(st, sb_str(&ctx->failure));
		/* a face that returns from fail has nowhere to go on from here */
		abort();
	}
}

struct db *app_db(app_ctx *ctx)
{
	if (!ctx->db)
		require(ctx, APP_NEED_DB);
	return ctx->db;
}

struct staff *app_actor(app_ctx *ctx)
{
	if (!ctx->actor)
		require(ctx, APP_NEED_ACTOR);
	return ctx->actor;
}

struct calendar *app_calendar(app_ctx *ctx)
{
	if (!ctx->cal)
		require(ctx, APP_NEED_CALENDAR);
	return ctx->cal;
}

struct unit_table *app_units(app_ctx *ctx)
{
	if (!ctx->units)
		require(ctx, APP_NEED_UNITS);
	return ctx->units;
}

const struct ent_rules *app_ent_rules(app_ctx *ctx)
{
	if (!ctx->rules)
		require(ctx, APP_NEED_RULES);
	return ctx->rules;
}

const struct code_table *app_pools(app_ctx *ctx)
{
	if (!ctx->pools)
		require(ctx, APP_NEED_POOLS);
	return ctx->pools;
}

const struct project_rules *app_project_rules(app_ctx *ctx)
{
	if (!ctx->projects)
		require(ctx, APP_NEED_PROJECTS);
	return ctx->projects;
}

const struct code_table *app_outreach_kinds(app_ctx *ctx)
{
	if (!ctx->outreach_kinds)
		require(ctx, APP_NEED_OUTREACH_KINDS);
	return ctx->outreach_kinds;
}

const struct code_table *app_talent_kinds(app_ctx *ctx)
{
	if (!ctx->talent_kinds)
		require(ctx, APP_NEED_TALENT);
	return ctx->talent_kinds;
}

const struct talent_units *app_talent_units(app_ctx *ctx)
{
	if (!ctx->talent_units)
		require(ctx, APP_NEED_TALENT);
	return ctx->talent_units;
}

const char *app_scope_area(app_ctx *ctx)
{
	const staff *me = app_actor(ctx);
	if (me->role != ROLE_AREA_OFFICER)
		return NULL;
	/* an officer without an area sees nothing rather than everything */
	return me->area ? me->area : "";
}

bool app_allowed(app_ctx *ctx, int action, const char *area, const char *unit,
		strbuf *why)
{
	const staff *me = app_actor(ctx);
	perm_actor pa = app_perm_actor(ctx);
	perm_object po = { area, unit };
	perm_verdict v = perm_check(&pa, (perm_action)action, &po);
	if (!v.allow && why) {
		sb_reset(why);
		sb_addf(why, _("not allowed for %s (%s): %s"), me->login, _(role_label(me->role)),
		        _(v.reason));
	}
	return v.allow;
}

inspection_params app_inspection_params(const app_ctx *ctx)
{
	inspection_params p = {
		.quiet_first_day = (int)cfg_int(ctx->cfg, SET_QUIET_FIRST_DAY),
		.quiet_last_day = (int)cfg_int(ctx->cfg, SET_QUIET_LAST_DAY),
		.filing_workdays = (int)cfg_int(ctx->cfg, SET_FILING_WORKDAYS),
		.emergency_late_days = (int)cfg_int(ctx->cfg, SET_EMERGENCY_LATE_DAYS),
	};
	return p;
}

ticket_params app_ticket_params(const app_ctx *ctx)
{
	ticket_params p = {
		.dispatch_days = (int)cfg_int(ctx->cfg, SET_DISPATCH_DAYS),
		.simple_days = (int)cfg_int(ctx->cfg, SET_SIMPLE_DAYS),
		.general_days = (int)cfg_int(ctx->cfg, SET_GENERAL_DAYS),
		.complex_days = (int)cfg_int(ctx->cfg, SET_COMPLEX_DAYS),
		.explain_days = (int)cfg_int(ctx->cfg, SET_EXPLAIN_DAYS),
		.feedback_days = (int)cfg_int(ctx->cfg, SET_FEEDBACK_DAYS),
		.report_days = (int)cfg_int(ctx->cfg, SET_REPORT_DAYS),
		.yellow_days = (int)cfg_int(ctx->cfg, SET_YELLOW_DAYS),
	};
	return p;
}

assessment_tiers app_assessment_tiers(const app_ctx *ctx)
{
	assessment_tiers t = {
		.tier1_min = (int)cfg_int(ctx->cfg, SET_TIER1_MIN),
		.tier2_min = (int)cfg_int(ctx->cfg, SET_TIER2_MIN),
	};
	return t;
}

annual_rule app_annual_rule(const app_ctx *ctx)
{
	annual_rule r = ANNUAL_MEAN;
	/* the settings' own check allows only the rule's words */
	annual_rule_parse(cfg_str(ctx->cfg, SET_YEAR_RULE), &r);
	return r;
}

const char *app_accountability_bodies(const app_ctx *ctx)
{
	return cfg_str(ctx->cfg, SET_ACCOUNTABILITY_BODIES);
}

void app_ctx_free(app_ctx *ctx)
{
	sb_free(&ctx->failure);
	xfree(&ctx->accessed);
	ctx->naccessed = 0;
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
	if (ctx->projects) {
		project_rules_free(ctx->projects);
		xfree(&ctx->projects);
	}
	if (ctx->pools) {
		codes_free(ctx->pools);
		xfree(&ctx->pools);
	}
	if (ctx->outreach_kinds) {
		codes_free(ctx->outreach_kinds);
		xfree(&ctx->outreach_kinds);
	}
	if (ctx->talent_kinds) {
		codes_free(ctx->talent_kinds);
		xfree(&ctx->talent_kinds);
	}
	if (ctx->talent_units) {
		talent_units_free(ctx->talent_units);
		xfree(&ctx->talent_units);
	}
}
