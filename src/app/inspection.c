/* Inspections for both faces: the verdict of a date for a reason, its words, the
 * plan's fields as people read them, and who may see an enterprise's evaluation. */
#include "app/inspection.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "model/perm.h"
#include "store/staff_store.h"

const char *inspection_reason_name(const inspection_reason_table *t, const char *code)
{
	const inspection_reason *r = t ? inspection_reason_find(t, code) : NULL;
	return r ? r->name : code;
}

void inspection_rule_labels(const char *codes, strbuf *out)
{
	bool first = true;
	for (const char *p = codes; *p; ) {
		size_t n = strcspn(p, ",");
		char *code = xstrndup(p, n);
		inspection_rule rule;
		sb_add(out, first ? "" : _(", "));
		sb_add(out, inspection_rule_parse(code, &rule) ? _(inspection_rule_label(rule)) : code);
		free(code);
		first = false;
		p += n + (p[n] == ',');
	}
}

const char *inspection_date_weekday(qdate d, strbuf *buf)
{
	char s[11];
	sb_addf(buf, _("%s (%s)"), date_format(d, s), _(date_weekday_name(d)));
	return sb_str(buf);
}

void inspection_verdict_text(const inspection_verdict *v, strbuf *out)
{
	if (v->outcome == INSPECTION_ALLOWED) {
		sb_add(out, _("allowed"));
		return;
	}
	strbuf rules = STRBUF_INIT, remedy = STRBUF_INIT, when = STRBUF_INIT;
	for (int i = 0; i < INSPECTION_RULE__COUNT; i++)
		if (v->refused & (1u << i)) {
			if (rules.len)
				sb_add(&rules, _(", "));
			sb_add(&rules, _(inspection_rule_label((inspection_rule)i)));
		}
	if (v->earliest != DATE_NONE && v->exempt_would_allow)
		sb_addf(&remedy, _("first allowed date %s, or a quiet-day exempt reason"),
			inspection_date_weekday(v->earliest, &when));
	else if (v->earliest != DATE_NONE)
		sb_addf(&remedy, _("first allowed date %s"), inspection_date_weekday(v->earliest, &when));
	else if (v->exempt_would_allow)
		sb_add(&remedy, _("only a quiet-day exempt reason"));
	else
		sb_add(&remedy, _("no allowed date within a year"));
	sb_addf(out, _("refused: %s — %s"), sb_str(&rules), sb_str(&remedy));
	sb_free(&rules);
	sb_free(&remedy);
	sb_free(&when);
}

inspection_verdict inspection_check_decide(app_ctx *ctx, qdate date, const inspection_reason *reason,
					qdate registered, qdate *lo, qdate *hi)
{
	inspection_params p = app_inspection_params(ctx);
	/* A check asks about the rules, not about a person: no role, no override. */
	inspection_request rq = {
		.date = date, .reason = reason, .registered = registered,
		.role = ROLE_UNIT_STAFF, .override_reason = NULL,
	};
	inspection_verdict v = inspection_decide(&rq, app_calendar(ctx), &p);
	*lo = date < registered ? date : registered;
	*hi = date > v.filing_from ? date : v.filing_from;
	if (v.earliest != DATE_NONE && v.earliest > *hi)
		*hi = v.earliest;
	return v;
}

bool inspection_eval_visible(const staff *me, const inspection_record *r)
{
	perm_actor pa = app_perm_actor_of(me, NULL);
	perm_object po = { NULL, r->unit };
	return perm_check(&pa, PERM_INSP_EVAL_VIEW, &po).allow;
}

/* hands the value built in v to fn under label (a msgid), and empties v for the next */
static void field(inspection_field_fn fn, void *arg, const char *label, strbuf *v)
{
	fn(arg, _(label), sb_str(v));
	sb_reset(v);
}

/* the staff member's name as people know them, or the login when none is on record */
static const char *person(app_ctx *ctx, const char *login, strbuf *buf)
{
	staff *s = NULL;
	store_err err = { 0 };
	sb_reset(buf);
	/* a failed read still names the person by login: the plan is worded either way */
	sb_add(buf, staff_store_get(app_db(ctx), login, &s, &err) == 0 && *s->name ? s->name : login);
	staff_free(&s);
	return sb_str(buf);
}

void inspection_plan_fields(app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t,
			 bool visible, inspection_field_fn fn, void *arg)
{
	strbuf who = STRBUF_INIT;
	strbuf v = STRBUF_INIT;
	char day[11];
	sb_addf(&v, "%lld", (long long)r->id);
	field(fn, arg, N_("No."), &v);
	sb_add(&v, r->code ? r->code : _("(issued on approval)"));
	field(fn, arg, N_("Plan code"), &v);
	sb_add(&v, _(inspection_plan_state_label(r->state)));
	field(fn, arg, N_("State"), &v);
	sb_add(&v, r->unit);
	field(fn, arg, N_("Inspecting unit"), &v);
	inspection_date_weekday(r->date, &v);
	field(fn, arg, N_("Date"), &v);
	sb_addf(&v, "%s (%s)", inspection_reason_name(t, r->reason), r->reason);
	field(fn, arg, N_("Reason"), &v);
	for (int i = 0; i < r->nents; i++)
		sb_addf(&v, "%s%s %s", i ? "、" : "", r->ents[i].name, r->ents[i].uscc);
	field(fn, arg, N_("Enterprises inspected"), &v);
	for (const char *p = r->inspectors; *p; p++)
		*p == '|' ? sb_add(&v, "、") : sb_addc(&v, *p);
	field(fn, arg, N_("Inspectors"), &v);
	sb_add(&v, r->legal_basis);
	field(fn, arg, N_("Legal basis"), &v);
	sb_add(&v, r->items);
	field(fn, arg, N_("Items"), &v);
	sb_addf(&v, _("%s by %s"), date_format(r->registered_on, day),
	        person(ctx, r->registered_by, &who));
	field(fn, arg, N_("Registered"), &v);
	/* what the rules said when the plan was registered, as stored with it */
	if (*r->refused_rules) {
		strbuf rules = STRBUF_INIT;
		inspection_rule_labels(r->refused_rules, &rules);
		sb_addf(&v, _("refused: %s; registered on a supervisor's override"), sb_str(&rules));
		sb_free(&rules);
	} else {
		sb_add(&v, _("allowed"));
	}
	field(fn, arg, N_("Verdict"), &v);
	if (r->approved_by) {
		sb_addf(&v, _("%s by %s"), date_format(r->approved_on, day),
		        person(ctx, r->approved_by, &who));
		field(fn, arg, N_("Approved"), &v);
	}
	if (r->override_reason) {
		inspection_rule_labels(r->refused_rules, &v);
		sb_addf(&v, _(": %s (%s)"), r->override_reason,
		        r->override_by ? person(ctx, r->override_by, &who) : "");
		field(fn, arg, N_("Override"), &v);
	}
	if (r->has_outcome) {
		sb_add(&v, r->findings);
		field(fn, arg, N_("Findings"), &v);
		sb_add(&v, _(inspection_plan_outcome_label(r->outcome)));
		if (r->violation_item)
			sb_addf(&v, _("; violated item: %s"), r->violation_item);
		if (r->first_violation)
			sb_addf(&v, _("; first violation"));
		field(fn, arg, N_("Outcome"), &v);
	}
	if (r->cancel_reason) {
		sb_add(&v, r->cancel_reason);
		field(fn, arg, N_("Cancelled because"), &v);
	}
	if (r->nevals && !visible) {
		sb_add(&v, _("hidden from the inspected unit"));
		field(fn, arg, N_("Evaluation"), &v);
	}
	for (int i = 0; visible && i < r->nevals; i++) {
		sb_addf(&v, _("%s: %d/5"), r->evals[i].name, r->evals[i].score);
		if (*r->evals[i].comment)
			sb_addf(&v, " %s", r->evals[i].comment);
		field(fn, arg, N_("Evaluation"), &v);
	}
	sb_free(&v);
	sb_free(&who);
}
