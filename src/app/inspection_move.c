/* Moving an inspection plan along its life (app/inspection_move.h): approval issuing
 * its code, the outcome with 首违不罚, the enterprise's evaluation, cancellation, and a
 * code checked at the door. Each asks the permission function, then the plan's move
 * table, then writes through the store, which re-checks inside its transaction that
 * nobody moved the plan meanwhile. */
#include "app/inspection_move.h"

#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/inspection.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/staff_store.h"

static app_status at(inspection_field *field, inspection_field f, app_status st)
{
	if (field)
		*field = f;
	return st;
}

app_status app_inspection_find(app_ctx *ctx, const char *arg, inspection_record *r, strbuf *err)
{
	char canon[INSPECTION_CODE_LEN + 1];
	const char *code = NULL;
	long long id = 0;
	size_t digits = strspn(arg, "0123456789");
	if (digits > 0 && digits < 16 && arg[digits] == '\0') {
		id = strtoll(arg, NULL, 10);
	} else {
		strbuf why = STRBUF_INIT;
		if (inspection_code_check(arg, canon, NULL, NULL, &why) < 0) {
			sb_addf(err, _("'%s' is neither an inspection number nor a plan code: %s"), arg,
			        sb_str(&why));
			sb_free(&why);
			return APP_BAD;
		}
		sb_free(&why);
		code = canon;
	}
	store_err se = { 0 };
	int found = app_store_rc(inspection_store_get(app_db(ctx), id, code, r, &se), &se, err);
	/* a plan the member does not see is as good as absent to them */
	if (found == 0 && !app_inspection_visible(ctx, r)) {
		inspection_record_clear(r);
		found = 1;
	}
	if (found == 1)
		sb_addf(err, _("no inspection %s"), arg);
	return found == 0 ? APP_OK : found == 1 ? APP_NO : APP_BAD;
}

void app_inspection_scope(app_ctx *ctx, inspection_filter *f)
{
	const char *const *units;
	size_t n;
	switch ((perm_sight)app_sight(ctx, &units, &n)) {
	case PERM_SEE_UNITS:
		f->scope_units = units;
		f->nscope_units = n;
		break;
	case PERM_SEE_AREA:
		/* an officer without an area sees no plan */
		f->scope_area = app_actor(ctx)->area ? app_actor(ctx)->area : "";
		break;
	case PERM_SEE_ALL:
		break;
	}
}

bool app_inspection_visible(app_ctx *ctx, const inspection_record *r)
{
	enum { MAX_AREAS = 64 };
	const char *areas[MAX_AREAS];
	size_t n = 0;
	for (int i = 0; i < r->nents && n < MAX_AREAS; i++)
		areas[n++] = r->ents[i].area;
	perm_actor pa = app_perm_actor(ctx);
	return perm_sees_inspection(&pa, r->unit, areas, n);
}

bool app_inspection_sees(app_ctx *ctx, const char *unit, const char *area)
{
	perm_actor pa = app_perm_actor(ctx);
	return perm_sees_inspection(&pa, unit, &area, area ? 1 : 0);
}

/* whether plan r may make move m today; err says why not */
static bool move_allowed(app_ctx *ctx, const inspection_reason_table *t, const inspection_record *r,
		inspection_plan_move m, strbuf *err)
{
	const inspection_reason *why = t ? inspection_reason_find(t, r->reason) : NULL;
	const char *refused = inspection_plan_move_refused(r->state, m, r->date, ctx->today,
	                                                   why && why->after_fact);
	if (refused)
		sb_addf(err, _("inspection %lld is %s: %s"), (long long)r->id,
		        _(inspection_plan_state_label(r->state)), _(refused));
	return refused == NULL;
}

/* a store write's result: a plan moved on meanwhile is a "no" */
static app_status written(int rc)
{
	return rc == 0 ? APP_OK : rc == INSPECTION_STORE_STALE ? APP_NO : APP_BAD;
}

/* whether unit has a head login (a supervisor or leader of it) */
static int has_head(app_ctx *ctx, const char *unit, bool *yes, strbuf *err)
{
	static const role_t heads[] = { ROLE_SUPERVISOR, ROLE_LEADER };
	store_err se = { 0 };
	*yes = false;
	for (size_t i = 0; i < sizeof heads / sizeof heads[0] && !*yes; i++)
		if (app_store_rc(staff_store_unit_has_role(app_db(ctx), unit, heads[i], yes, &se), &se,
		                 err) < 0)
			return -1;
	return 0;
}

app_status app_inspection_approving_unit(app_ctx *ctx, const char *unit, const char **approving,
		strbuf *err)
{
	const char *centre = app_appeal_centre(ctx);
	bool unit_head, centre_head = false;
	*approving = NULL;
	if (has_head(ctx, unit, &unit_head, err) < 0 ||
	    (!unit_head && *centre && has_head(ctx, centre, &centre_head, err) < 0))
		return APP_BAD;
	*approving = inspection_plan_approving_unit(unit, unit_head, centre, centre_head);
	return APP_OK;
}

/* APP_OK when the acting staff member may approve r, APP_NO with why, APP_BAD when the
 * staff could not be read */
static app_status approver(app_ctx *ctx, const inspection_record *r, strbuf *why)
{
	strbuf err = STRBUF_INIT;
	const char *unit;
	app_status st = app_inspection_approving_unit(ctx, r->unit, &unit, &err);
	if (st == APP_OK && !unit) {
		sb_addf(&err, _("no one can approve inspection %lld yet: neither %s nor %s has a "
		                "supervisor or leader login (qifu staff add adds one)"), (long long)r->id,
		        r->unit, app_appeal_centre(ctx));
		st = APP_NO;
	} else if (st == APP_OK && !app_allowed(ctx, PERM_INSP_APPROVE, NULL, unit, why ? why : &err)) {
		if (why)
			sb_addf(why, _(" (a head of %s approves this plan)"), unit);
		st = APP_NO;
	}
	if (st != APP_OK && why && err.len)
		sb_add(why, sb_str(&err));
	sb_free(&err);
	return st;
}

bool app_inspection_may_approve(app_ctx *ctx, const inspection_record *r, strbuf *why)
{
	return approver(ctx, r, why) == APP_OK;
}

bool app_inspection_may(app_ctx *ctx, const inspection_reason_table *t, const inspection_record *r,
		inspection_plan_move m, strbuf *why)
{
	static const int perms[INSPECTION_MOVE__COUNT] = {
		[INSPECTION_MOVE_APPROVE] = PERM_INSP_APPROVE,
		[INSPECTION_MOVE_DONE] = PERM_INSP_DONE,
		[INSPECTION_MOVE_EVALUATE] = PERM_INSP_EVALUATE,
		[INSPECTION_MOVE_CANCEL] = PERM_INSP_CANCEL,
	};
	strbuf scratch = STRBUF_INIT;
	strbuf *w = why ? why : &scratch;
	bool may = (unsigned)m < INSPECTION_MOVE__COUNT &&
	           (m == INSPECTION_MOVE_APPROVE ? approver(ctx, r, w) == APP_OK
	                                         : app_allowed(ctx, perms[m], NULL, r->unit, w)) &&
	           move_allowed(ctx, t, r, m, w);
	sb_free(&scratch);
	return may;
}

app_status app_inspection_approve(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, char code[INSPECTION_CODE_LEN + 1], strbuf *err)
{
	app_status st = approver(ctx, r, err);
	if (st != APP_OK)
		return st;
	if (!move_allowed(ctx, t, r, INSPECTION_MOVE_APPROVE, err))
		return APP_NO;
	store_err se = { 0 };
	return written(app_store_rc(inspection_store_approve(app_db(ctx), app_actor(ctx)->login, r->id,
	                                                     r->version, code, &se), &se, err));
}

/* the plan's enterprise with this USCC (as typed), or NULL with the reason in err */
static const inspection_ent *covered(app_ctx *ctx, const inspection_record *r, const char *uscc,
		inspection_field *field, app_status *st, strbuf *err)
{
	ent_record e = { 0 };
	*st = app_inspection_enterprise(ctx, uscc, &e, field, err);
	if (*st != APP_OK)
		return NULL;
	const inspection_ent *hit = NULL;
	for (int i = 0; i < r->nents; i++)
		if (r->ents[i].id == e.id)
			hit = &r->ents[i];
	if (!hit) {
		sb_addf(err, _("inspection %lld does not cover %s"), (long long)r->id, e.name);
		*st = at(field, INSPECTION_FIELD_ENTERPRISE, APP_BAD);
	}
	ent_record_clear(&e);
	return hit;
}

/* an outcome as the command line types it (its code) or as a screen says it */
static const char *outcome_name(inspection_plan_outcome o, bool code)
{
	return code ? inspection_plan_outcome_code(o) : _(inspection_plan_outcome_label(o));
}

void inspection_done_out_clear(inspection_done_out *o)
{
	free(o->item);
	memset(o, 0, sizeof *o);
}

/* the done input that needs no database: the cleaned findings and item into out */
static app_status check_done(const inspection_done_in *in, char **findings,
		inspection_done_out *out, inspection_field *field, strbuf *err)
{
	bool violation = inspection_plan_outcome_is_violation(in->outcome);
	if (!violation && (in->item || in->enterprise)) {
		sb_add(err, _("only a violation (first_violation, penalty) names an item and an "
		              "enterprise"));
		return at(field, in->item ? INSPECTION_FIELD_ITEM : INSPECTION_FIELD_ENTERPRISE, APP_BAD);
	}
	*findings = app_inspection_text(in->findings);
	out->item = in->item ? app_inspection_text(in->item) : NULL;
	if (!**findings) {
		sb_add(err, _("must not be empty"));
		return at(field, INSPECTION_FIELD_FINDINGS, APP_BAD);
	}
	if (violation && (!out->item || !*out->item)) {
		sb_add(err, _("a violation names the violated item"));
		return at(field, INSPECTION_FIELD_ITEM, APP_BAD);
	}
	return APP_OK;
}

app_status app_inspection_done(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, const inspection_done_in *in, inspection_done_out *out,
		inspection_field *field, strbuf *err)
{
	char *findings = NULL;
	memset(out, 0, sizeof *out);
	out->res.fv = INSPECTION_FV_NOT_VIOLATION;
	out->res.last_violation = DATE_NONE;
	at(field, INSPECTION_FIELD_NONE, APP_OK);
	app_status st = check_done(in, &findings, out, field, err);
	if (st != APP_OK)
		goto out;
	const inspection_ent *violator = NULL;
	if (inspection_plan_outcome_is_violation(in->outcome)) {
		if (in->enterprise) {
			if (!(violator = covered(ctx, r, in->enterprise, field, &st, err)))
				goto out;
		} else if (r->nents == 1) {
			violator = &r->ents[0];
		} else {
			sb_addf(err, _("inspection %lld covers %d enterprises; name the one that violated"),
			        (long long)r->id, r->nents);
			st = at(field, INSPECTION_FIELD_ENTERPRISE, APP_BAD);
			goto out;
		}
		out->name = violator->name;
	}
	if (!app_allowed(ctx, PERM_INSP_DONE, NULL, r->unit, err) ||
	    !move_allowed(ctx, t, r, INSPECTION_MOVE_DONE, err)) {
		st = APP_NO;
		goto out;
	}
	out->years = (int)cfg_int(ctx->cfg, SET_FIRST_VIOLATION_YEARS);
	out->outcome_codes = in->outcome_codes;
	inspection_done_args da = { .findings = findings, .outcome = in->outcome,
		.enterprise_id = violator ? violator->id : 0, .item = violator ? out->item : NULL,
		.first_violation_years = out->years };
	store_err se = { 0 };
	int stored = app_store_rc(inspection_store_done(app_db(ctx), app_actor(ctx)->login, r->id,
	                                                r->version, &da, &out->res, &se), &se, err);
	if (stored == 1) {
		char last[11];
		sb_addf(err, _("not a first violation: %s violated '%s' on %s (inspection %lld), within %d "
		               "years; record the outcome as %s or %s"), out->name, out->item,
		        date_format(out->res.last_violation, last), (long long)out->res.last_inspection,
		        out->years, outcome_name(INSPECTION_OUTCOME_PENALTY, in->outcome_codes),
		        outcome_name(INSPECTION_OUTCOME_ADVICE, in->outcome_codes));
		st = APP_NO;
	} else {
		st = written(stored);
	}
out:
	free(findings);
	return st;
}

void app_inspection_fv_text(const inspection_done_out *o, strbuf *out)
{
	char last[11] = "";
	if (o->res.last_violation != DATE_NONE)
		date_format(o->res.last_violation, last);
	switch (o->res.fv) {
	case INSPECTION_FV_FIRST:
		sb_addf(out, _("first violation of '%s' by %s within %d years: not penalised"), o->item,
		        o->name, o->years);
		break;
	case INSPECTION_FV_SUGGEST:
		sb_addf(out, _("first violation of '%s' by %s within %d years: a minor first violation is "
		               "not penalised, consider the outcome %s"), o->item, o->name, o->years,
		        outcome_name(INSPECTION_OUTCOME_FIRST_VIOLATION, o->outcome_codes));
		break;
	case INSPECTION_FV_REPEAT:
		sb_addf(out, _("repeated violation: %s violated '%s' on %s (inspection %lld)"), o->name,
		        o->item, last, (long long)o->res.last_inspection);
		break;
	case INSPECTION_FV_NOT_VIOLATION:
	case INSPECTION_FV_NOT_FIRST:
		break;
	}
}

app_status app_inspection_evaluate(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, const char *enterprise, int score, const char *comment,
		const inspection_ent **who, inspection_field *field, strbuf *err)
{
	app_status st;
	at(field, INSPECTION_FIELD_NONE, APP_OK);
	*who = NULL;
	if (!inspection_plan_score_valid(score)) {
		sb_addf(err, _("'%d' is not a score from 1 to 5"), score);
		return at(field, INSPECTION_FIELD_SCORE, APP_BAD);
	}
	const inspection_ent *e = covered(ctx, r, enterprise, field, &st, err);
	if (!e)
		return st;
	if (!app_allowed(ctx, PERM_INSP_EVALUATE, e->area, r->unit, err) ||
	    !move_allowed(ctx, t, r, INSPECTION_MOVE_EVALUATE, err))
		return APP_NO;
	char *clean = app_inspection_text(comment ? comment : "");
	store_err se = { 0 };
	int stored = app_store_rc(inspection_store_evaluate(app_db(ctx), app_actor(ctx)->login, r->id,
	                                                    r->version, e->id, score, clean, &se),
	                          &se, err);
	free(clean);
	*who = e;
	if (stored == 1) {
		sb_addf(err, _("%s has already evaluated inspection %lld"), e->name, (long long)r->id);
		return APP_NO;
	}
	return written(stored);
}

app_status app_inspection_cancel(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, const char *reason, inspection_field *field, strbuf *err)
{
	at(field, INSPECTION_FIELD_NONE, APP_OK);
	char *clean = app_inspection_text(reason);
	app_status st = APP_NO;
	if (!*clean) {
		sb_add(err, _("must not be empty"));
		st = at(field, INSPECTION_FIELD_CANCEL_REASON, APP_BAD);
	} else if (app_allowed(ctx, PERM_INSP_CANCEL, NULL, r->unit, err) &&
	           move_allowed(ctx, t, r, INSPECTION_MOVE_CANCEL, err)) {
		store_err se = { 0 };
		st = written(app_store_rc(inspection_store_cancel(app_db(ctx), app_actor(ctx)->login,
		                                                  r->id, r->version, clean, &se),
		                          &se, err));
	}
	free(clean);
	return st;
}

void inspection_verified_clear(inspection_verified *v)
{
	if (v->found)
		inspection_record_clear(&v->r);
	memset(v, 0, sizeof *v);
}

app_status app_inspection_verify(app_ctx *ctx, const char *code, inspection_verified *v,
		strbuf *err)
{
	memset(v, 0, sizeof *v);
	if (!app_allowed(ctx, PERM_INSP_VIEW, NULL, NULL, err))
		return APP_NO;
	if (inspection_code_check(code, v->code, NULL, NULL, err) < 0) {
		v->code[0] = '\0';
		return APP_NO;
	}
	store_err se = { 0 };
	int found = app_store_rc(inspection_store_get(app_db(ctx), 0, v->code, &v->r, &se), &se,
	                         err);
	if (found < 0)
		return APP_BAD;
	if (found == 1) {
		sb_addf(err, _("no plan has the code %s"), v->code);
		return APP_NO;
	}
	v->found = true;
	const char *why = inspection_plan_verify_refused(v->r.state);
	if (!why)
		return APP_OK;
	if (v->r.cancel_reason)
		sb_addf(err, _("%s: %s (%s)"), v->code, _(why), v->r.cancel_reason);
	else
		sb_addf(err, _("%s: %s"), v->code, _(why));
	return APP_NO;
}

void app_inspection_verify_lines(const inspection_verified *v, const inspection_reason_table *t,
		inspection_line_fn fn, void *arg)
{
	const inspection_record *r = &v->r;
	strbuf line = STRBUF_INIT, val = STRBUF_INIT;
	sb_addf(&line, _("valid: %s"), v->code);
	fn(arg, sb_str(&line));
	sb_reset(&line);
	sb_addf(&line, _("  unit: %s"), r->unit);
	fn(arg, sb_str(&line));
	sb_reset(&line);
	sb_addf(&line, _("  date: %s"), inspection_date_weekday(r->date, &val));
	fn(arg, sb_str(&line));
	sb_reset(&line);
	sb_reset(&val);
	for (int i = 0; i < r->nents; i++)
		sb_addf(&val, "%s%s (%s)", i ? "、" : "", r->ents[i].name, r->ents[i].uscc);
	sb_addf(&line, _("  enterprises: %s"), sb_str(&val));
	fn(arg, sb_str(&line));
	sb_reset(&line);
	sb_addf(&line, _("  reason: %s"), inspection_reason_name(t, r->reason));
	fn(arg, sb_str(&line));
	sb_reset(&line);
	sb_addf(&line, _("  state: %s"), _(inspection_plan_state_label(r->state)));
	fn(arg, sb_str(&line));
	sb_free(&line);
	sb_free(&val);
}

bool app_inspection_verify_note(app_ctx *ctx, const inspection_verified *v, strbuf *out)
{
	if (!v->found || v->r.date == ctx->today)
		return false;
	char day[11], today[11];
	sb_addf(out, _("the plan is for %s, not today (%s)"), date_format(v->r.date, day),
	        date_format(ctx->today, today));
	return true;
}
