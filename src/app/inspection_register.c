/* Registering inspection plans and refused entries (app/inspection_move.h): what was
 * typed checked and cleaned, the enterprises read, permitted and the verdict decided in
 * the transaction that stores the plan, then the too-often and joint-inspection advice;
 * and the small helpers the other moves share (the reason table, an enterprise named by
 * its USCC, typed text cleaned). */
#include "app/inspection_move.h"

#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/unit.h"
#include "policy/policy.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

inspection_reason_table *app_inspection_reasons(strbuf *err)
{
	char *path = paths_data_file("inspect_reasons.tsv");
	inspection_reason_table *t = policy_reasons_load(path, err);
	xfree(&path);
	return t;
}

char *app_inspection_text(const char *s)
{
	char *clean = text_sanitize(s, strlen(s), 0);
	char *t = text_trim(clean);
	free(clean);
	return t;
}

/* the field a refusal is about, when the caller wants to know */
static app_status at(inspection_field *field, inspection_field f, app_status st)
{
	if (field)
		*field = f;
	return st;
}

app_status app_inspection_enterprise(app_ctx *ctx, const char *uscc, ent_record *e,
		inspection_field *field, strbuf *err)
{
	char norm[19];
	uscc_check(uscc, norm, NULL);
	store_err se = { 0 };
	int found = app_store_rc(ent_store_get(app_db(ctx), *norm ? norm : uscc, 0, e, &se), &se, err);
	if (found == 1)
		sb_addf(err, _("no enterprise with USCC %s"), uscc);
	if (found == 0)
		return APP_OK;
	return at(field, found == 1 ? INSPECTION_FIELD_ENTERPRISE : INSPECTION_FIELD_NONE, APP_BAD);
}

void inspection_registered_clear(inspection_registered *r)
{
	for (int i = 0; i < r->nents; i++)
		ent_record_clear(&r->ents[i]);
	free(r->ents);
	memset(r, 0, sizeof *r);
}

/* whether unit is one of data/units.tsv; else the allowed ones in err */
static bool known_unit(app_ctx *ctx, const char *unit, inspection_field *field, strbuf *err)
{
	if (units_find(app_units(ctx), unit))
		return true;
	strbuf allowed = STRBUF_INIT;
	units_list(app_units(ctx), -1, &allowed);
	sb_addf(err, _("unknown unit '%s'; allowed: %s"), unit, sb_str(&allowed));
	sb_free(&allowed);
	at(field, INSPECTION_FIELD_UNIT, APP_BAD);
	return false;
}

/* the names of a typed list, cleaned, empty ones dropped, joined with '|' as stored;
 * NULL when none is left */
static char *clean_names(const char *typed)
{
	int n;
	char **v = app_split_list(typed, &n);
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		char *name = app_inspection_text(v[i]);
		if (*name)
			sb_addf(&b, "%s%s", b.len ? "|" : "", name);
		free(name);
	}
	app_split_list_free(&v);
	if (!b.len) {
		sb_free(&b);
		return NULL;
	}
	return sb_steal(&b);
}

/* the typed input a plan needs before the database is asked: cleaned into *inspectors,
 * *basis and *items */
static app_status check_input(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_plan_in *in, char **inspectors, char **basis, char **items,
		inspection_field *field, strbuf *err)
{
	char day[11];
	if (in->registered_on > ctx->today) {
		sb_addf(err, _("%s is after today; a plan cannot be registered in advance of itself"),
		        date_format(in->registered_on, day));
		return at(field, INSPECTION_FIELD_REGISTERED_ON, APP_BAD);
	}
	if (!t || !inspection_reason_find(t, in->reason)) {
		sb_addf(err, _("unknown inspection reason '%s'"), in->reason);
		return at(field, INSPECTION_FIELD_REASON, APP_BAD);
	}
	if (!known_unit(ctx, in->unit, field, err))
		return APP_BAD;
	if (!(*inspectors = clean_names(in->inspectors))) {
		sb_add(err, _("name the inspectors, separated by commas"));
		return at(field, INSPECTION_FIELD_INSPECTORS, APP_BAD);
	}
	*basis = app_inspection_text(in->basis);
	*items = app_inspection_text(in->items);
	if (!**basis || !**items) {
		sb_add(err, _("must not be empty"));
		return at(field, !**basis ? INSPECTION_FIELD_BASIS : INSPECTION_FIELD_ITEMS, APP_BAD);
	}
	return APP_OK;
}

/* inside the transaction: the plan's enterprises, each once and each one the actor may
 * register for unit */
static app_status read_enterprises(app_ctx *ctx, const inspection_plan_in *in,
		inspection_registered *out, inspection_field *field, strbuf *err)
{
	out->ents = in->nents ? xcalloc((size_t)in->nents, sizeof *out->ents) : NULL;
	out->nents = 0;
	if (in->nents == 0) {
		sb_add(err, _("name at least one enterprise by its USCC"));
		return at(field, INSPECTION_FIELD_ENTERPRISE, APP_BAD);
	}
	for (int i = 0; i < in->nents; i++) {
		ent_record *e = &out->ents[out->nents];
		app_status st = app_inspection_enterprise(ctx, in->enterprises[i], e, field, err);
		if (st != APP_OK)
			return st;
		bool twice = false;
		for (int k = 0; k < out->nents; k++)
			twice = twice || out->ents[k].id == e->id;
		if (twice) {
			ent_record_clear(e);
			continue;
		}
		out->nents++;
		if (!app_allowed(ctx, PERM_INSP_REGISTER, e->area, in->unit, err))
			return at(field, INSPECTION_FIELD_NONE, APP_NO);
	}
	return APP_OK;
}

/* ','-joined codes of the rules that refused, as stored with an overridden plan */
static char *refused_codes(unsigned refused)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < INSPECTION_RULE__COUNT; i++)
		if (refused & (1u << i))
			sb_addf(&b, "%s%s", b.len ? "," : "", inspection_rule_code((inspection_rule)i));
	return sb_steal(&b);
}

/* inside the transaction: the verdict for the actor, and the plan stored when it allows */
static app_status judge_and_store(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_plan_in *in, const char *inspectors, const char *basis,
		const char *items, inspection_registered *out, inspection_field *field, strbuf *err)
{
	const inspection_reason *reason = inspection_reason_find(t, in->reason);
	inspection_params p = app_inspection_params(ctx);
	inspection_request rq = {
		.date = in->date, .reason = reason, .registered = in->registered_on,
		.role = app_actor(ctx)->role, .override_reason = in->override,
	};
	inspection_verdict v = inspection_decide(&rq, app_calendar(ctx), &p);
	out->verdict = v;
	out->judged = true;
	out->lo = in->date < in->registered_on ? in->date : in->registered_on;
	out->hi = in->date > v.filing_from ? in->date : v.filing_from;
	if (v.outcome == INSPECTION_REFUSED) {
		if (v.override == INSPECTION_OVERRIDE_DENIED) {
			sb_add(err, _(v.override_denied));
			return at(field, INSPECTION_FIELD_OVERRIDE, APP_NO);
		}
		sb_add(err, _("not registered; a supervisor may register it anyway with a written "
		              "reason for the override"));
		return at(field, INSPECTION_FIELD_NONE, APP_NO);
	}
	bool overridden = v.outcome == INSPECTION_ALLOWED_BY_OVERRIDE;
	char *rules = refused_codes(overridden ? v.refused : 0);
	char *why = overridden ? app_inspection_text(in->override) : NULL;
	int64_t *ids = xcalloc((size_t)out->nents, sizeof *ids);
	for (int i = 0; i < out->nents; i++)
		ids[i] = out->ents[i].id;
	inspection_new np = {
		.unit = in->unit, .date = in->date, .reason = reason->code, .legal_basis = basis,
		.items = items, .inspectors = inspectors, .registered_on = in->registered_on,
		.enterprise_ids = ids, .nents = out->nents, .refused_rules = rules,
		.override_reason = why,
	};
	store_err se = { 0 };
	int stored = app_store_rc(inspection_store_insert(app_db(ctx), app_actor(ctx)->login, &np,
	                                                  &out->id, &se), &se, err);
	free(ids);
	free(rules);
	free(why);
	return stored < 0 ? at(field, INSPECTION_FIELD_NONE, APP_BAD) : APP_OK;
}

app_status app_inspection_register(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_plan_in *in, inspection_registered *out, inspection_field *field,
		strbuf *err)
{
	char *inspectors = NULL, *basis = NULL, *items = NULL;
	memset(out, 0, sizeof *out);
	at(field, INSPECTION_FIELD_NONE, APP_OK);
	app_status st = check_input(ctx, t, in, &inspectors, &basis, &items, field, err);
	if (st != APP_OK)
		goto out;
	db *d = app_db(ctx);
	/* what the plan is checked against is read in the transaction that stores it */
	store_err se = { 0 };
	if (app_store_rc(db_begin(d, &se), &se, err) < 0) {
		st = APP_BAD;
		goto out;
	}
	st = read_enterprises(ctx, in, out, field, err);
	if (st == APP_OK)
		st = judge_and_store(ctx, t, in, inspectors, basis, items, out, field, err);
	if (st != APP_OK)
		db_rollback(d);
	else if (app_store_rc(db_commit(d, &se), &se, err) < 0)
		st = APP_BAD;
out:
	free(inspectors);
	free(basis);
	free(items);
	return st;
}

app_status app_inspection_registered_text(app_ctx *ctx, int64_t id, const char *unit, strbuf *out)
{
	const char *approving;
	app_status st = app_inspection_approving_unit(ctx, unit, &approving, out);
	if (st == APP_OK && approving)
		sb_addf(out, _("registered inspection %lld; a supervisor or leader of %s approves it to "
		               "issue its plan code"), (long long)id, approving);
	else if (st == APP_OK)
		sb_addf(out, _("registered inspection %lld; no one can approve it yet: neither %s nor the "
		               "service centre has a supervisor or leader login"), (long long)id, unit);
	return st;
}

void app_inspection_advice(app_ctx *ctx, const inspection_registered *r, const char *unit,
		qdate date, inspection_say_fn fn, void *arg)
{
	db *d = app_db(ctx);
	int days = (int)cfg_int(ctx->cfg, SET_FREQUENT_DAYS);
	int often = (int)cfg_int(ctx->cfg, SET_FREQUENT_COUNT);
	strbuf err = STRBUF_INIT, msg = STRBUF_INIT;
	store_err se = { 0 };
	char on[11];
	date_format(date, on);
	for (int i = 0; i < r->nents; i++) {
		const ent_record *e = &r->ents[i];
		int n;
		if (inspection_store_frequency(d, e->id, date, days, &n, &se) < 0) {
			fn(arg, true, app_store_text(&se, &err));
			sb_reset(&err);
		} else if (inspection_too_frequent(n, often)) {
			sb_addf(&msg, _("%s: %d inspections within the %d days up to %s (frequent_count is "
			                "%d): inspected too often"), e->name, n, days, on, often);
			fn(arg, false, sb_str(&msg));
			sb_reset(&msg);
		}
		inspection_record *joint;
		int nj;
		if (inspection_store_joint(d, e->id, unit, date, &joint, &nj, &se) < 0) {
			fn(arg, true, app_store_text(&se, &err));
			sb_reset(&err);
			continue;
		}
		for (int k = 0; k < nj; k++) {
			char when[11];
			sb_addf(&msg, _("%s also has an inspection by %s on %s (inspection %lld) in the same "
			                "week: consider a joint inspection"), e->name, joint[k].unit,
			        date_format(joint[k].date, when), (long long)joint[k].id);
			fn(arg, false, sb_str(&msg));
			sb_reset(&msg);
			inspection_record_clear(&joint[k]);
		}
		free(joint);
	}
	sb_free(&err);
	sb_free(&msg);
}

/* a refusal of an entry the unit had in fact registered is worth a second look */
static void warn_if_registered(app_ctx *ctx, const char *unit, int64_t ent, qdate date,
		inspection_say_fn fn, void *arg)
{
	inspection_filter f = { .unit = unit, .enterprise_id = ent, .skip_cancelled = true,
			  .from = date, .to = date };
	inspection_record r[4];
	int n;
	strbuf err = STRBUF_INIT, msg = STRBUF_INIT;
	store_err se = { 0 };
	if (inspection_store_window(app_db(ctx), &f, 0, 4, r, &n, &se) < 0)
		fn(arg, true, app_store_text(&se, &err));
	for (int i = 0; i < n; i++) {
		if (r[i].code) {
			sb_addf(&msg, _("%s has an approved plan for that day (inspection %lld, code %s): the "
			                "entry was registered"), unit, (long long)r[i].id, r[i].code);
			fn(arg, false, sb_str(&msg));
			sb_reset(&msg);
		}
		inspection_record_clear(&r[i]);
	}
	sb_free(&err);
	sb_free(&msg);
}

app_status app_inspection_refuse(app_ctx *ctx, const inspection_refusal_in *in, int64_t *id,
		ent_record *e, inspection_say_fn fn, void *arg, inspection_field *field, strbuf *err)
{
	char day[11];
	at(field, INSPECTION_FIELD_NONE, APP_OK);
	if (in->date > ctx->today) {
		sb_addf(err, _("%s is after today; a refused entry is recorded after it happened"),
		        date_format(in->date, day));
		return at(field, INSPECTION_FIELD_DATE, APP_BAD);
	}
	if (!known_unit(ctx, in->unit, field, err))
		return APP_BAD;
	char *people = app_inspection_text(in->people);
	char *note = app_inspection_text(in->note ? in->note : "");
	app_status st = APP_BAD;
	if (!*people) {
		sb_add(err, _("must not be empty"));
		st = at(field, INSPECTION_FIELD_PEOPLE, APP_BAD);
		goto out;
	}
	if ((st = app_inspection_enterprise(ctx, in->enterprise, e, field, err)) != APP_OK)
		goto out;
	if (!app_allowed(ctx, PERM_INSP_REFUSAL, e->area, NULL, err)) {
		st = APP_NO;
		goto out;
	}
	warn_if_registered(ctx, in->unit, e->id, in->date, fn, arg);
	inspection_refusal rf = { .unit = (char *)in->unit, .enterprise_id = e->id,
		.date = in->date, .people = people, .note = note };
	store_err se = { 0 };
	st = app_store_rc(inspection_store_refusal_add(app_db(ctx), app_actor(ctx)->login, &rf, id,
	                                               &se), &se, err) < 0 ? APP_BAD : APP_OK;
out:
	free(people);
	free(note);
	return st;
}
