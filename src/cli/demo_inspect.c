/* The demo's inspections: for each month from ten before today to one after, a few
 * plans of the enforcement units, each date judged by the real verdict (refused ones
 * are dropped, a few are overridden by the unit's head) and moved through the real
 * store on the days it would have happened, plus a few entries enterprises refused.
 * Each inspecting unit has a head, who approves its plans (法码同行), and its staff
 * record the outcome. */
#include "cli/demo_inspect.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "cli/cmd_inspect.h"
#include "cli/demo_internal.h"
#include "config/settings.h"
#include "core/rng.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "model/inspection.h"
#include "model/month.h"
#include "store/enterprise_store.h"
#include "store/inspection_store.h"
#include "store/staff_store.h"

/* months before and after today's that get plans */
enum { MONTHS_BEFORE = 10, MONTHS_AFTER = 1 };

/* What a unit inspects and why; the demo staff login of the unit registers it and its
 * head approves it. */
typedef struct plan_kind {
	const char *unit;
	const char *login;
	const char *reason;
	const char *items;
	const char *basis;
} plan_kind;

/* the heads (supervisors) of the inspecting units, added here with names of their own
 * draws, so that the rest of the demo stays as it was */
static const struct {
	const char *unit;
	const char *login;
} heads[] = {
	{ "高新市场监管局", "shijian_zr" },
	{ "区应急局", "yingji_zr" },
	{ "区建管局", "jianguan_zr" },
};

static const plan_kind kinds[] = {
	{ "高新市场监管局", "shijian1", "food_drug", "食品经营许可、从业人员健康证明",
	  "《中华人民共和国食品安全法》" },
	{ "高新市场监管局", "shijian1", "general", "营业执照公示、经营范围",
	  "《市场主体登记管理条例》" },
	{ "高新市场监管局", "shijian1", "complaint", "消费者投诉涉及的产品质量",
	  "《中华人民共和国产品质量法》" },
	{ "区应急局", "yingji1", "safety", "危险化学品储存、消防通道",
	  "《中华人民共和国安全生产法》" },
	{ "区应急局", "yingji1", "emergency", "厂区火情后的安全复查",
	  "《中华人民共和国突发事件应对法》" },
	{ "区建管局", "jianguan1", "general", "施工现场扬尘治理、围挡",
	  "《建设工程安全生产管理条例》" },
	{ "区应急局", "yingji1", "general", "消防设施维护保养记录",
	  "《中华人民共和国消防法》" },
	{ "高新市场监管局", "shijian1", "data_monitoring", "企业年报数据异常核实",
	  "《企业信息公示暂行条例》" },
	{ "高新市场监管局", "shijian1", "case", "涉嫌虚假宣传",
	  "《中华人民共和国广告法》" },
};
enum { NKINDS = sizeof kinds / sizeof kinds[0] };

static const char *const inspectors[] = {
	"刘强", "陈明", "杨帆", "黄磊", "周婷", "吴军", "徐静", "孙浩", "胡敏", "朱涛",
};
static const char *const comments[] = {
	"提前告知，未影响生产",
	"检查人员态度规范，指导具体",
	"检查时间较长，建议与其他部门合并检查",
	"整改要求清楚，期限合理",
	"",
};
static const char *const cancel_reasons[] = {
	"企业停产检修，改期另行登记",
	"与区应急局合并为联合检查",
};
static const char *const override_reason = "区政府部署的专项整治，须在月中完成";

typedef struct demo {
	app_ctx *ctx;
	db *d;
	uint64_t s;
	inspection_reason_table *reasons;
	inspection_params params;
	long nents;
	int plans;
} demo;

/* an enterprise of the demo: a fresh database numbers them from 1 */
static int pick_enterprise(demo *dm, int64_t *id, strbuf *err)
{
	long range = dm->nents < 2000 ? dm->nents : 2000;
	*id = 1 + rng_below(&dm->s, (int)range);
	ent_record e = { 0 };
	store_err se = { 0 };
	int found = ent_store_get(dm->d, NULL, *id, &e, &se);
	ent_record_clear(&e);
	return app_store_rc(found, &se, err);
}

/* a working day of year-month between days first and last, or DATE_NONE */
static qdate pick_workday(demo *dm, int y, int m, int first, int last)
{
	if (last > date_days_in_month(y, m))
		last = date_days_in_month(y, m);
	for (int tries = 0; tries < 8 && first <= last; tries++) {
		qdate d = date_from_ymd(y, m, first + rng_below(&dm->s, last - first + 1));
		if (calendar_is_workday(app_calendar(dm->ctx), d))
			return d;
	}
	return DATE_NONE;
}

static int reload(demo *dm, int64_t id, inspection_record *r, strbuf *err)
{
	inspection_record_clear(r);
	store_err se = { 0 };
	return app_store_rc(inspection_store_get(dm->d, id, NULL, r, &se), &se, err) == 0 ? 0 : -1;
}

/* the login of the unit's head */
static const char *head_of(const char *unit)
{
	for (size_t i = 0; i < NELEM(heads); i++)
		if (strcmp(heads[i].unit, unit) == 0)
			return heads[i].login;
	return NULL;
}

static int add_heads(demo *dm, strbuf *err)
{
	uint64_t s = dm->s ^ 0x6865616473ULL;
	for (size_t i = 0; i < NELEM(heads); i++) {
		char *name = demo_person_name(&s);
		staff h = { .login = (char *)heads[i].login, .name = name, .unit = (char *)heads[i].unit,
			.role = ROLE_SUPERVISOR };
		store_err se = { 0 };
		int rc = app_store_rc(staff_store_add(dm->d, app_os_login(), &h, &se), &se, err);
		free(name);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* approve, carry out and have the plan evaluated as far as today allows */
static int advance(demo *dm, int64_t id, const plan_kind *k, const inspection_reason *reason,
		int64_t ent, strbuf *err)
{
	qdate today = dm->ctx->today;
	inspection_record r = { 0 };
	store_err se = { 0 };
	int rc = -1;
	if (reload(dm, id, &r, err) < 0)
		goto out;
	/* approved the next working day, or the same day when that is already too late */
	qdate on = r.registered_on + 1 <= today ? r.registered_on + 1 : today;
	if (!reason->after_fact && on > r.date)
		on = r.registered_on;
	if (rng_below(&dm->s, 10) == 0 ||
	    inspection_plan_move_refused(r.state, INSPECTION_MOVE_APPROVE, r.date, on, reason->after_fact)) {
		rc = 0;
		goto out;
	}
	db_set_today(dm->d, on);
	char code[INSPECTION_CODE_LEN + 1];
	if (inspection_store_approve(dm->d, head_of(k->unit), id, r.version, code, &se) != 0)
		goto out;
	if (reload(dm, id, &r, err) < 0)
		goto out;
	if (r.date >= today || rng_below(&dm->s, 10) == 0) {
		if (rng_below(&dm->s, 20) == 0) {
			db_set_today(dm->d, on);
			if (inspection_store_cancel(dm->d, k->login, id, r.version,
			                      cancel_reasons[rng_below(&dm->s, 2)], &se) != 0)
				goto out;
		}
		rc = 0;
		goto out;
	}
	db_set_today(dm->d, r.date);
	int kind = rng_below(&dm->s, 10);
	inspection_done_args da = {
		.outcome = kind < 6 ? INSPECTION_OUTCOME_NONE : kind < 9 ? INSPECTION_OUTCOME_ADVICE :
		           INSPECTION_OUTCOME_FIRST_VIOLATION,
		.first_violation_years = (int)cfg_int(dm->ctx->cfg, SET_FIRST_VIOLATION_YEARS),
	};
	da.findings = da.outcome == INSPECTION_OUTCOME_NONE ? "未发现问题" :
	              da.outcome == INSPECTION_OUTCOME_ADVICE ? "台账记录不全，已当场指导补齐" :
	              "存在轻微违法行为，已责令改正";
	if (inspection_plan_outcome_is_violation(da.outcome)) {
		da.enterprise_id = ent;
		da.item = r.items;
	}
	inspection_done_result res;
	int done = inspection_store_done(dm->d, k->login, id, r.version, &da, &res, &se);
	if (done == 1) {
		/* the enterprise has an earlier violation of the item: then it is a penalty */
		da.outcome = INSPECTION_OUTCOME_PENALTY;
		done = inspection_store_done(dm->d, k->login, id, r.version, &da, &res, &se);
	}
	if (done != 0)
		goto out;
	if (rng_below(&dm->s, 10) < 6) {
		if (reload(dm, id, &r, err) < 0)
			goto out;
		qdate said = r.date + 1 + rng_below(&dm->s, 3);
		int score = 3 + rng_below(&dm->s, 3);
		const char *comment = comments[rng_below(&dm->s, 5)];
		db_set_today(dm->d, said < today ? said : today);
		if (inspection_store_evaluate(dm->d, "wangfang", id, r.version, ent, score, comment,
		                              &se) < 0)
			goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		app_store_text(&se, err);
	inspection_record_clear(&r);
	return rc;
}

/* one plan in year-month, when the rules (or the unit head's override) allow the date drawn */
static int one_plan(demo *dm, int y, int m, strbuf *err)
{
	const plan_kind *k = &kinds[rng_below(&dm->s, NKINDS)];
	const inspection_reason *reason = inspection_reason_find(dm->reasons, k->reason);
	if (!reason)
		return 0;
	/* now and then a general inspection inside the quiet days, which only a
	 * supervisor's written override (the unit's head's) lets through */
	bool override = !reason->quiet_exempt && rng_below(&dm->s, 6) == 0;
	int first = reason->quiet_exempt ? 1 : dm->params.quiet_last_day + 1;
	qdate date = override ? pick_workday(dm, y, m, 10, dm->params.quiet_last_day) :
	             pick_workday(dm, y, m, first, 31);
	if (date == DATE_NONE)
		return 0;
	qdate today = dm->ctx->today;
	/* an emergency is registered once it has happened */
	if (reason->after_fact && date > today)
		return 0;
	qdate reg = reason->after_fact ? date + rng_below(&dm->s, 3) :
	            reason->filing_exempt ? date - rng_below(&dm->s, 3) :
	            date - 12 - rng_below(&dm->s, 10);
	if (reg > today)
		reg = today;
	inspection_request rq = {
		.date = date, .reason = reason, .registered = reg,
		.role = override ? ROLE_SUPERVISOR : ROLE_UNIT_STAFF,
		.override_reason = override ? override_reason : NULL,
	};
	inspection_verdict v = inspection_decide(&rq, app_calendar(dm->ctx), &dm->params);
	if (v.outcome == INSPECTION_REFUSED)
		return 0;
	strbuf rules = STRBUF_INIT;
	for (int i = 0; v.outcome == INSPECTION_ALLOWED_BY_OVERRIDE && i < INSPECTION_RULE__COUNT; i++)
		if (v.refused & (1u << i))
			sb_addf(&rules, "%s%s", rules.len ? "," : "",
			        inspection_rule_code((inspection_rule)i));
	int64_t ents[2];
	int nents = 1 + (rng_below(&dm->s, 6) == 0);
	int rc = -1;
	for (int i = 0; i < nents; i++)
		if (pick_enterprise(dm, &ents[i], err) != 0)
			goto out;
	if (nents == 2 && ents[0] == ents[1])
		nents = 1;
	/* one draw a statement: the order of a call's arguments is the compiler's */
	const char *lead = inspectors[rng_below(&dm->s, 5)];
	const char *second = inspectors[5 + rng_below(&dm->s, 5)];
	char *who = xasprintf("%s|%s", lead, second);
	inspection_new np = {
		.unit = k->unit, .date = date, .reason = reason->code, .legal_basis = k->basis,
		.items = k->items, .inspectors = who, .registered_on = reg,
		.enterprise_ids = ents, .nents = nents, .refused_rules = sb_str(&rules),
		.override_reason = v.outcome == INSPECTION_ALLOWED_BY_OVERRIDE ? override_reason : NULL,
	};
	int64_t id;
	db_set_today(dm->d, reg);
	store_err se = { 0 };
	int stored = app_store_rc(inspection_store_register(dm->d, override ? head_of(k->unit) : k->login,
	                                                    &np, &id, &se), &se, err);
	xfree(&who);
	if (stored < 0 || advance(dm, id, k, reason, ents[0], err) < 0)
		goto out;
	dm->plans++;
	rc = 0;
out:
	sb_free(&rules);
	return rc;
}

/* an enforcement officer turned away at the door for want of a registered plan */
static int one_refusal(demo *dm, int y, int m, strbuf *err)
{
	qdate date = pick_workday(dm, y, m, 1, 31);
	if (date == DATE_NONE || date > dm->ctx->today)
		return 0;
	int64_t ent;
	if (pick_enterprise(dm, &ent, err) != 0)
		return -1;
	const plan_kind *k = &kinds[rng_below(&dm->s, NKINDS)];
	const char *lead = inspectors[rng_below(&dm->s, 5)];
	const char *second = inspectors[5 + rng_below(&dm->s, 5)];
	char *people = xasprintf("%s、%s", lead, second);
	inspection_refusal r = {
		.unit = (char *)k->unit, .enterprise_id = ent, .date = date, .people = people,
		.note = (char *)"未出示执法计划码，企业依规不予接待",
	};
	int64_t id;
	db_set_today(dm->d, date);
	store_err se = { 0 };
	int rc = app_store_rc(inspection_store_refusal_add(dm->d, "wangfang", &r, &id, &se), &se,
	                      err);
	xfree(&people);
	return rc < 0 ? -1 : 0;
}

int demo_inspections(app_ctx *ctx, db *d, uint64_t seed, strbuf *err)
{
	ent_filter all = { 0 };
	demo dm = { ctx, d, seed ^ 0x696e737065637421ULL, NULL, app_inspection_params(ctx), 0, 0 };
	store_err se = { 0 };
	if (ent_store_count(d, &all, &dm.nents, &se) < 0)
		return app_store_rc(-1, &se, err);
	if (dm.nents == 0)
		return 0;
	if (!(dm.reasons = inspection_reasons_load())) {
		sb_add(err, "inspect_reasons.tsv");
		return -1;
	}
	if (add_heads(&dm, err) < 0) {
		inspection_reason_table_free(&dm.reasons);
		return -1;
	}
	int rc = 0, y, m, day;
	date_to_ymd(ctx->today, &y, &m, &day);
	month_shift(&y, &m, -MONTHS_BEFORE);
	for (int i = 0; rc == 0 && i <= MONTHS_BEFORE + MONTHS_AFTER; i++) {
		int n = 4 + rng_below(&dm.s, 4);
		for (int k = 0; rc == 0 && k < n; k++)
			rc = one_plan(&dm, y, m, err);
		if (rc == 0 && rng_below(&dm.s, 2) == 0)
			rc = one_refusal(&dm, y, m, err);
		month_shift(&y, &m, 1);
	}
	db_set_today(d, ctx->today);
	inspection_reason_table_free(&dm.reasons);
	return rc;
}
