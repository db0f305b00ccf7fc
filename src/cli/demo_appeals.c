/* The demo's appeals, lived through the real ticket rules: registered evenly over the
 * 400 days up to today, each moved on by the first demo login the rules allow, mostly
 * on the ordinary path and now and then back, late or merged; then the most overdue
 * are taken up the three-level dispatch ladder through the shared ladder moves. */
#include "cli/demo_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/rng.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "model/escalation.h"
#include "model/routing.h"
#include "model/ticket.h"
#include "model/unit.h"
#include "store/appeal_store.h"
#include "store/enterprise_store.h"
#include "app/ladder.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"

static const char *const appeal_titles[] = {
	"厂区门口道路积水", "厂区周边路灯不亮", "用电报装进度咨询", "施工许可证办理进度",
	"申请人才公寓", "员工子女入学", "融资需求对接", "高新技术企业认定咨询",
	"专利资助资金未到账", "物流车辆通行证办理", "污水管网接入", "宽带网络接入",
	"不动产权证办理", "厂房租金补贴兑现", "消防验收咨询", "环评审批进度",
	"招工难需协助招聘", "公交线路调整建议", "税务发票领用问题", "天然气管道接入",
	"企业升规奖励申报", "园区食堂食品安全", "周边施工噪音扰民", "出口退税进度",
	"稳岗补贴申领", "厂区门口道路积水严重", "申请增设公交站点", "研发费用加计扣除咨询",
};
static const char *const appeal_descriptions[] = {
	"企业反映该问题已持续一段时间，影响正常生产经营，希望相关部门尽快协调解决。",
	"企业负责人在走访中提出，希望了解办理流程和所需材料。",
	"企业通过12345热线反映，要求给予答复。",
	"",
};
static const char *const reasons[] = {
	"不属于本单位职责，请重新分办", "涉及多个部门，需协调后答复", "企业已自行解决",
	"与已有诉求重复", "政策尚未出台，暂不能给予确切答复", "需现场踏勘后确定方案",
	"企业对办理时限不满意", "答复内容未解决实际问题",
};
static const char *const results[] = {
	"已协调相关单位现场处理完毕", "已电话答复企业并寄送政策文件", "已办理完成并告知企业",
	"已纳入年度计划，分期实施", "已组织专题会议研究解决",
};
/* what the first-responsible unit tells the enterprise of the result */
static const char *const reports[] = {
	"已将办理结果电话告知企业负责人", "已上门向企业说明办理结果及后续安排",
	"已短信告知企业联系人办理结果", "已将书面答复函送达企业",
};
static const char *const related_pool[] = {
	"区投促局", "区建管局", "区社发局", "区党政办", "高新市场监管局", "区财政局",
};

/* what the demo remembers of an enterprise to file appeals against it */
typedef struct demo_ent {
	char *uscc;
	char *lead;
	char *area;
	char *contact, *phone;         /* the caller of its appeals */
	char last[TICKET_NUMBER_SIZE]; /* its latest appeal, a merge target */
} demo_ent;

/* the first demo login of unit that acts for it (unit staff, area officer, front desk) */
static int person_of(const char *unit)
{
	for (size_t i = 0; i < demo_npeople; i++)
		if (strcmp(demo_people[i].unit, unit) == 0 &&
		    (demo_people[i].role == ROLE_UNIT_STAFF || demo_people[i].role == ROLE_AREA_OFFICER ||
		     demo_people[i].role == ROLE_FRONTDESK))
			return (int)i;
	return -1;
}

static ticket_actor actor_of(int person, const char *centre)
{
	ticket_actor a = { demo_people[person].role, demo_people[person].unit, centre };
	return a;
}

/* The next move of an appeal as people tend to make it, or -1 when none is left.
 * Mostly the ordinary path; now and then a return, extension, dissatisfied callback,
 * withdrawal or merge, so that every state and move occurs. */
static int next_action(const appeal_record *a, bool duplicate, uint64_t *s)
{
	int r = rng_below(s, 100);
	bool extend_open = ticket_timer_running(&a->timers.t[TICKET_TIMER_EXPLAIN]);
	/* a second open appeal of the same enterprise is now and then a duplicate */
	if (duplicate && r < 15 && (a->state == TICKET_ST_REGISTERED ||
	                            a->state == TICKET_ST_SUBMITTED))
		return TICKET_ACT_MERGE;
	switch (a->state) {
	case TICKET_ST_REGISTERED:
		return r < 25 ? TICKET_ACT_SELF_HANDLE : r < 95 ? TICKET_ACT_SUBMIT
			: TICKET_ACT_WITHDRAW;
	case TICKET_ST_SELF_HANDLING:
		return r < 85 ? TICKET_ACT_ANSWER : TICKET_ACT_SUBMIT;
	case TICKET_ST_SUBMITTED:
		return r < 97 ? TICKET_ACT_DISPATCH : TICKET_ACT_WITHDRAW;
	case TICKET_ST_DISPATCHED:
		return r < 90 ? TICKET_ACT_SIGN : TICKET_ACT_RETURN;
	case TICKET_ST_IN_PROGRESS:
		return r < 75 ? TICKET_ACT_ANSWER : r < 95 ? TICKET_ACT_EXTEND : TICKET_ACT_RETURN;
	case TICKET_ST_EXTENDED:
		return extend_open && r < 80 ? TICKET_ACT_EXPLAIN : TICKET_ACT_ANSWER;
	case TICKET_ST_REPORTED:
		return r < 80 ? TICKET_ACT_CALLBACK_SATISFIED : TICKET_ACT_CALLBACK_DISSATISFIED;
	case TICKET_ST_CALLBACK_SATISFIED:
	case TICKET_ST_CLOSE_REQUESTED:
		return TICKET_ACT_CLOSE;
	case TICKET_ST_CALLBACK_DISSATISFIED:
		return TICKET_ACT_FEEDBACK;
	case TICKET_ST_FED_BACK:
		return TICKET_ACT_CLARIFY;
	case TICKET_ST_EXPLAINED:
		return TICKET_ACT_REQUEST_CLOSE;
	default:
		return -1;
	}
}

/* working days until the next move: mostly within the running deadline, one in
 * seven late by up to a week, and one in forty forgotten for one to six months, so
 * the red and yellow views have realistic content */
static int move_delay(const calendar *cal, const appeal_record *a, qdate day, uint64_t *s)
{
	if (rng_below(s, 40) == 0)
		return 20 + rng_below(s, 100);
	if (a->next_due == DATE_NONE)
		return rng_below(s, 4);
	int left = calendar_between(cal, day, a->next_due);
	if (left < 0)
		left = 0;
	if (rng_below(s, 7) == 0)
		return left + 1 + rng_below(s, 5);
	return rng_below(s, left + 1);
}

typedef struct demo_appeals {
	db *d;
	const calendar *cal;
	ticket_params params;
	const char *centre;
	qdate today;
	uint64_t *seed;
	const int64_t *staff_ids;  /* of demo_people; 0 for the login running the demo */
	demo_ent *ents;
	long nents;
	char **names;              /* of demo_people, read when first needed */
	long open, overdue, escalated;
} demo_appeals;

/* the typed input of action on a, as a person would give it */
static void demo_input(demo_appeals *da, const appeal_record *a, ticket_action action,
		const demo_ent *e, qdate day, ticket_input *in, const char *related[2])
{
	uint64_t *s = da->seed;
	memset(in, 0, sizeof *in);
	in->until = DATE_NONE;
	in->text = action == TICKET_ACT_ANSWER ? demo_pick(s, results, NELEM(results))
		: demo_pick(s, reasons, NELEM(reasons));
	if (action == TICKET_ACT_DISPATCH) {
		in->unit = person_of(e->lead) >= 0 ? e->lead : "区科经局";
		int n = rng_below(s, 5) == 0 ? 1 + rng_below(s, 2) : 0;
		for (int i = 0; i < n; i++) {
			const char *u = demo_pick(s, related_pool, NELEM(related_pool));
			/* related[0] is set only once one was kept: the second draw is compared
			 * with it then, never with what the array held before */
			if (strcmp(u, in->unit) != 0 && (in->nrelated == 0 || strcmp(u, related[0]) != 0))
				related[in->nrelated++] = u;
		}
		in->related = related;
	}
	if (action == TICKET_ACT_EXTEND) {
		qdate from = a->timers.t[TICKET_TIMER_HANDLE].due;
		if (from == DATE_NONE || from < day)
			from = day;
		in->until = calendar_add(da->cal, from, 3 + rng_below(s, 8));
	}
	if (action == TICKET_ACT_MERGE)
		in->into = e->last;
}

/* the first demo login who may make action on a now, or -1 */
static int demo_mover(demo_appeals *da, const appeal_record *a, ticket_action action,
		ticket_move *m)
{
	ticket_view v = appeal_record_view(a);
	for (size_t i = 0; i < demo_npeople; i++) {
		ticket_actor who = actor_of((int)i, da->centre);
		if (ticket_decide(&v, action, &who, m))
			return (int)i;
	}
	return -1;
}

/* The first-responsible unit tells the enterprise on the day of the answer, in one of
 * the four ways by the appeal's id. No random draw: the demo's appeals are the ones
 * it made before the report step existed, each answered one now reported. */
static int demo_report(demo_appeals *da, appeal_record *a, qdate day, store_err *se)
{
	ticket_move m;
	int mover = demo_mover(da, a, TICKET_ACT_REPORT, &m);
	if (mover < 0)
		return 1;
	if (!da->names[mover]) {
		staff *st = NULL;
		if (staff_store_get(da->d, demo_people[mover].login, &st, se) != 0)
			return -1;
		da->names[mover] = xstrdup(st->name);
		staff_free(&st);
	}
	ticket_input in = { .until = DATE_NONE, .on = day,
		.how = (ticket_how)(TICKET_HOW_PHONE + a->id % (TICKET_HOW__COUNT - 1)),
		.by = da->names[mover], .text = reports[a->id % NELEM(reports)] };
	ticket_view v = appeal_record_view(a);
	ticket_timers tm = a->timers;
	ticket_timers_apply(&tm, &m, &v, &in, &da->params, da->cal, day);
	db_set_today(da->d, day);
	/* the batch holds the record: the move brings it up to date, as the others do */
	int rc = appeal_store_apply_held(da->d, demo_people[mover].login, a, &m, &in, &tm, se);
	return rc != 0 ? -1 : 0;
}

/* register one appeal on day and live it through its moves until today */
static int demo_appeal(demo_appeals *da, demo_ent *e, qdate day, strbuf *err)
{
	uint64_t *s = da->seed;
	int reg = rng_below(s, 10) < 4 ? rng_below(s, 2) : person_of(e->lead);
	if (reg < 0)
		reg = person_of(e->area);
	if (reg < 0)
		reg = 0;
	ticket_actor who = actor_of(reg, da->centre);
	int k = rng_below(s, 10);
	ticket_kind kind = k < 3 ? TICKET_KIND_SIMPLE : k < 8 ? TICKET_KIND_GENERAL
		: TICKET_KIND_COMPLEX;
	ticket_view v = { NULL, e->uscc, TICKET_ST_NEW, kind, who.unit, NULL, NULL, 0 };
	ticket_move m;
	if (!ticket_decide(&v, TICKET_ACT_REGISTER, &who, &m))
		return 0;
	store_err se = { 0 };
	ticket_timers tm;
	ticket_timers_init(&tm);
	ticket_timers_apply(&tm, &m, &v, NULL, &da->params, da->cal, day);
	/* one draw a statement, as demo_pick() asks: an initializer's order is unspecified */
	const char *title = demo_pick(s, appeal_titles, NELEM(appeal_titles));
	const char *description = demo_pick(s, appeal_descriptions, NELEM(appeal_descriptions));
	appeal_channel channel = (appeal_channel)rng_below(s, APPEAL_CH__COUNT);
	appeal_new an = { .uscc = e->uscc, .title = title, .description = description,
		.kind = kind, .channel = channel, .first_unit = who.unit, .state = m.to,
		.timers = &tm, .caller_name = e->contact, .caller_phone = e->phone };
	an.first_person = da->staff_ids[reg];
	if (!an.first_person) {
		/* the person running the demo has one of the demo logins */
		staff *st = NULL;
		if (app_store_rc(staff_store_get(da->d, demo_people[reg].login, &st, &se), &se,
		                 err) != 0)
			return -1;
		an.first_person = st->id;
		staff_free(&st);
	}
	char number[TICKET_NUMBER_SIZE];
	db_set_today(da->d, day);
	if (appeal_store_insert(da->d, demo_people[reg].login, &an, number, &se) < 0)
		return app_store_rc(-1, &se, err);
	appeal_record a;
	if (app_store_rc(appeal_store_get(da->d, number, false, &a, &se), &se, err) != 0)
		return -1;
	int stored = a.version;
	ticket_timers stored_timers = a.timers;
	for (;;) {
		if (a.state == TICKET_ST_ANSWERED) {
			int rc = demo_report(da, &a, day, &se);
			if (rc < 0)
				return app_store_rc(-1, &se, err);
			if (rc > 0)
				break;
		}
		bool duplicate = *e->last && strcmp(e->last, a.number) != 0;
		int act = next_action(&a, duplicate, s);
		if (act < 0)
			break;
		int delay = move_delay(da->cal, &a, day, s);
		qdate when = delay ? calendar_add(da->cal, day, delay) : day;
		if (when > da->today)
			break;
		day = when;
		int mover = demo_mover(da, &a, (ticket_action)act, &m);
		if (mover < 0)
			break;
		ticket_input in;
		const char *related[2];
		demo_input(da, &a, (ticket_action)act, e, day, &in, related);
		v = appeal_record_view(&a);
		strbuf why = STRBUF_INIT;
		bool fits = ticket_input_check(&v, &a.timers, &m, &in, da->cal, day, &why) == 0;
		if (fits && act == TICKET_ACT_MERGE) {
			appeal_record t;
			fits = appeal_store_get(da->d, in.into, false, &t, &se) == 0;
			if (fits) {
				ticket_view tv = appeal_record_view(&t);
				fits = ticket_merge_check(&v, &tv, &why) == 0;
				appeal_record_clear(&t);
			}
		}
		sb_free(&why);
		if (!fits)
			break;
		tm = a.timers;
		ticket_timers_apply(&tm, &m, &v, &in, &da->params, da->cal, day);
		db_set_today(da->d, day);
		/* the batch's transaction holds the record: each move brings it up to date
		 * instead of two reads of it, and its row is written once, below */
		if (appeal_store_apply_held(da->d, demo_people[mover].login, &a, &m, &in, &tm,
		                            &se) != 0) {
			appeal_record_clear(&a);
			return app_store_rc(-1, &se, err);
		}
	}
	if (appeal_store_write_held(da->d, &a, stored, &stored_timers, &se) != 0) {
		appeal_record_clear(&a);
		return app_store_rc(-1, &se, err);
	}
	if (ticket_state_is_open(a.state)) {
		da->open++;
		if (a.next_due != DATE_NONE && a.next_due < da->today)
			da->overdue++;
		snprintf(e->last, sizeof e->last, "%s", a.number);
	}
	appeal_record_clear(&a);
	return 0;
}

/* every enterprise's USCC, lead unit and area, read a page at a time */
static int demo_load_ents(db *d, demo_ent **out, long *n, strbuf *err)
{
	enum { PAGE = 1000 };
	ent_record *rows = xcalloc(PAGE, sizeof *rows);
	*out = NULL;
	*n = 0;
	int got, rc = 0;
	store_err se = { 0 };
	for (long off = 0;; off += PAGE) {
		if ((rc = ent_store_window(d, NULL, ENT_SORT_USCC, false, off, PAGE, rows, &got,
		                           &se)) < 0) {
			app_store_text(&se, err);
			break;
		}
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + got + 1));
		for (int i = 0; i < got; i++) {
			demo_ent *e = &(*out)[(*n)++];
			e->uscc = rows[i].uscc;
			e->lead = rows[i].lead_unit;
			e->area = rows[i].area;
			e->contact = rows[i].contact;
			e->phone = rows[i].phone;
			e->last[0] = '\0';
			rows[i].uscc = rows[i].lead_unit = rows[i].area = NULL;
			rows[i].contact = rows[i].phone = NULL;
			ent_record_clear(&rows[i]);
		}
		if (got < PAGE)
			break;
	}
	free(rows);
	return rc;
}

/* ---- three-level dispatch --------------------------------------------------- */

/* what the ladder's holders say, in order of the steps below */
static const char *const ladder_texts[][2] = {
	{ "牵头部门召集相关科室研究，形成初步处理意见", "涉及跨部门协调，牵头部门无法单独解决" },
	{ "分管委领导现场踏勘，明确责任分工和办理时限", "需主要领导协调资金和用地指标" },
	{ "主要领导主持专题会议，明确由牵头部门限期办结", "" },
};

/* demo person i as the ladder sees them; ov receives the overseen units, split from
 * buf (which must hold the person's list) */
static escalation_actor ladder_actor(int i, const char *centre, char *buf, size_t size,
		const char *ov[8])
{
	const demo_staff *p = &demo_people[i];
	int k = 0;
	if (p->oversees) {
		snprintf(buf, size, "%s", p->oversees);
		for (char *save, *tok = strtok_r(buf, ",", &save); tok && k < 7;
		     tok = strtok_r(NULL, ",", &save))
			ov[k++] = tok;
	}
	ov[k] = NULL;
	escalation_actor a = { p->role, p->unit, centre, p->level, ov };
	return a;
}

/* the first demo login who may make act on a at its level, or -1 */
static int ladder_mover(const demo_appeals *da, const appeal_record *a, escalation_action act)
{
	ticket_view t = appeal_record_view(a);
	for (size_t i = 0; i < demo_npeople; i++) {
		char buf[128];
		const char *ov[8];
		escalation_actor who = ladder_actor((int)i, da->centre, buf, sizeof buf, ov);
		escalation_verdict v;
		if (escalation_decide(&t, a->level, act, &who, &v))
			return (int)i;
	}
	return -1;
}

/* one ladder move on *a through the shared move (re-read after it): 0 done, 1 nobody
 * may or it does not fit, -1 */
static int ladder_step(demo_appeals *da, appeal_record *a, escalation_action act,
		escalation_record *r, const char *text, strbuf *err)
{
	int i = ladder_mover(da, a, act);
	if (i < 0)
		return 1;
	char buf[128];
	const char *ov[8];
	escalation_actor who = ladder_actor(i, da->centre, buf, sizeof buf, ov);
	esc_mover m = { da->d, demo_people[i].login, &who, da->cal, da->today };
	escalation_verdict v;
	ticket_timers after;
	int64_t id;
	strbuf why = STRBUF_INIT;
	esc_move_result rc = act == ESC_ACT_SCHEDULE ? esc_move_schedule(&m, a, r, &after, &id, &why)
		: act == ESC_ACT_OUTCOME ? esc_move_outcome(&m, a, text, &id, &why)
		: esc_move_escalate(&m, a, text, &v, &why);
	if (rc == ESC_MOVE_ERROR)
		sb_add(err, sb_str(&why));
	sb_free(&why);
	if (rc != ESC_MOVE_DONE)
		return rc == ESC_MOVE_ERROR ? -1 : 1;
	char number[TICKET_NUMBER_SIZE];
	snprintf(number, sizeof number, "%s", a->number);
	appeal_record_clear(a);
	store_err se = { 0 };
	return app_store_rc(appeal_store_get(da->d, number, false, a, &se), &se, err) == 0 ? 0
		: -1;
}

/* Take appeal k of the most overdue up the ladder, as far as the demo's leaders
 * oversee its lead unit: a lead-unit meeting with its outcome, then level 2 on site;
 * every other one goes on to level 1, whose meeting sets a new due date. */
static int ladder_climb(demo_appeals *da, const char *number, int k, strbuf *err)
{
	appeal_record a;
	store_err se = { 0 };
	if (app_store_rc(appeal_store_get(da->d, number, false, &a, &se), &se, err) != 0)
		return -1;
	int top = k % 2 == 0 ? ESC_LEVEL_PRINCIPAL : ESC_LEVEL_LEADER;
	int rc = 0;
	for (int level = ESC_LEVEL_LEAD_UNIT; rc == 0 && level >= top; level--) {
		int step = ESC_LEVEL_LEAD_UNIT - level;
		escalation_record r = { level, level == ESC_LEVEL_LEADER ? ESC_MODE_ONSITE
			: ESC_MODE_MEETING, da->today, level == ESC_LEVEL_LEADER ? "企业现场"
			: "管委会三楼会议室", "牵头部门、企业负责人", ladder_texts[step][0],
			level == ESC_LEVEL_PRINCIPAL ? calendar_add(da->cal, da->today, 5) : DATE_NONE,
			NULL };
		rc = ladder_step(da, &a, ESC_ACT_SCHEDULE, &r, NULL, err);
		if (rc == 0 && level > top)
			rc = ladder_step(da, &a, ESC_ACT_OUTCOME, NULL, "协调未果", err);
		if (rc == 0 && level > top)
			rc = ladder_step(da, &a, ESC_ACT_ESCALATE, NULL, ladder_texts[step][1], err);
	}
	if (rc >= 0 && a.level < ESC_LEVEL_LEAD_UNIT)
		da->escalated++;
	appeal_record_clear(&a);
	return rc < 0 ? -1 : 0;
}

/* the most overdue appeals still being handled, one in fifty of all (at least two,
 * at most 200), climb the ladder today, each move in its own transaction */
static int add_escalations(demo_appeals *da, long count, strbuf *err)
{
	long want = count / 50 < 2 ? 2 : count / 50 > 200 ? 200 : count / 50;
	if (count == 0)
		return 0;
	appeal_filter f = { .states = appeal_state_bit(TICKET_ST_DISPATCHED) |
		appeal_state_bit(TICKET_ST_IN_PROGRESS) | appeal_state_bit(TICKET_ST_EXTENDED) };
	appeal_row *rows = xcalloc((size_t)want, sizeof *rows);
	store_err se = { 0 };
	int n = 0, rc = appeal_store_window(da->d, &f, APPEAL_SORT_DUE, false, 0, (int)want, rows,
	                                    &n, &se);
	app_store_text(&se, err);
	for (int i = 0; rc == 0 && i < n; i++)
		rc = ladder_climb(da, rows[i].number, i, err);
	for (int i = 0; i < n; i++)
		appeal_row_clear(&rows[i]);
	free(rows);
	return rc;
}

/* ---- all of them ------------------------------------------------------------ */

/* count appeals over the enterprises, registered evenly over the 400 days up to
 * today (so numbers follow dates), in transactions of 10 000 */
int demo_add_appeals(app_ctx *ctx, db *d, const int64_t *staff_ids, long count,
		uint64_t *seed, long *open, long *overdue, long *escalated, strbuf *err)
{
	demo_appeals da = { d, app_calendar(ctx), app_ticket_params(ctx), NULL, ctx->today, seed,
		staff_ids, NULL, 0, xcalloc(demo_npeople, sizeof(char *)), 0, 0, 0 };
	const unit_def *centre = units_centre(app_units(ctx));
	da.centre = centre ? centre->name : "";
	if (demo_load_ents(d, &da.ents, &da.nents, err) < 0)
		return -1;
	int rc = 0;
	enum { SPAN = 400, BATCH = 10000 };
	if (count > 0 && da.nents == 0) {
		sb_add(err, _("demo: appeals need enterprises (--enterprises 1 or more)"));
		rc = -1;
	}
	store_err se = { 0 };
	/* the file is new and removed when the demo fails: the indexes no move reads are
	 * built once at the end, and no rollback journal is kept meanwhile */
	db_build build = { 0 };
	if (rc == 0 && count > 0)
		rc = app_store_rc(appeal_store_build_begin(d, &build, &se), &se, err);
	for (long done = 0; rc == 0 && done < count;) {
		if ((rc = app_store_rc(db_begin(d, &se), &se, err)) < 0)
			break;
		for (long k = 0; k < BATCH && done < count; k++, done++) {
			qdate day = ctx->today - SPAN + (qdate)(done * SPAN / count);
			demo_ent *e = &da.ents[rng_below(seed, (int)da.nents)];
			if ((rc = demo_appeal(&da, e, day, err)) < 0)
				break;
			demo_progress(_("writing appeals"), done + 1, count);
		}
		if (rc < 0)
			db_rollback(d);
		else
			rc = app_store_rc(db_commit(d, &se), &se, err);
	}
	if (build.sql) {
		int built = db_build_end(d, &build, &se);
		if (rc == 0)
			rc = app_store_rc(built, &se, err);
	}
	db_set_today(d, ctx->today);
	if (rc == 0)
		rc = add_escalations(&da, count, err);
	for (long i = 0; i < da.nents; i++) {
		free(da.ents[i].uscc);
		free(da.ents[i].lead);
		free(da.ents[i].area);
		free(da.ents[i].contact);
		free(da.ents[i].phone);
	}
	free(da.ents);
	for (size_t i = 0; i < demo_npeople; i++)
		free(da.names[i]);
	free(da.names);
	*open = da.open;
	*overdue = da.overdue;
	*escalated = da.escalated;
	return rc;
}
