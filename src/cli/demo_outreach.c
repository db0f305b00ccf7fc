/* The demo's outreach events and talent services. The events: briefings, a forum, a training and two matchmakings of
 * the months before today, held by the units the policy names, each attended by a few
 * of the demo's enterprises, some of which raised a problem (left for a desk to turn
 * into an appeal), so that the 360 view, `qifu outreach` and the report have something
 * true to show; and a few school–enterprise programmes and talent service requests in
 * every state. No draw of the seed: the rest of the demo stays as it was. */
#include "cli/demo_internal.h"

#include <stdlib.h>

#include "app/store_text.h"
#include "core/xalloc.h"
#include "model/outreach.h"
#include "store/outreach_store.h"
#include "store/talent_store.h"

typedef struct demo_event {
	const char *kind;
	int days_ago;
	const char *login;      /* who records it */
	const char *unit;
	const char *place;
	const char *topic;
	const char *policies;
	int attendees;
	const char *problems[2]; /* raised by the first attendees, in order */
} demo_event;

static const demo_event events[] = {
	{ "briefing", 120, "kejing1", "区科经局", "高新区管委会三楼报告厅", "2026年惠企政策宣讲会",
	  "研发费用加计扣除；高新技术企业认定奖励", 8,
	  { "研发费用加计扣除的归集口径不清楚，希望上门辅导", "高企认定奖励何时兑现" } },
	{ "forum", 75, "wangfang", "区企服中心", "区企服中心一楼会议室", "营商环境企业座谈会",
	  "服务企业联系卡；企业诉求闭环管理", 6,
	  { "园区道路夜间照明不足，员工下班不安全", "厂区周边公交班次太少" } },
	{ "training", 50, "xinjingji1", "区新经济中心", "高新区创业服务中心培训室",
	  "小微企业升规培训", "“五上”企业培育库入库条件", 10,
	  { "升规后统计报表填报人员不熟悉，希望再培训一次", NULL } },
	{ "research", 30, "kejing2", "区科经局", "南昌大学国家大学科技园",
	  "产研精准对接会：电子信息", "院所科研清单与企业需求清单", 5, { NULL, NULL } },
	{ "financing", 20, "kejing1", "区科经局", "区科经局二楼会议室",
	  "江西省融资信用服务平台对接会", "融资信用服务平台；科技贷", 7,
	  { "首贷需要抵押物，轻资产企业难以满足", NULL } },
	{ "briefing", 8, "maqiu", "麻丘镇", "麻丘镇人民政府会议室", "企业安静日与法码同行宣讲",
	  "企业安静日；法码同行", 4, { NULL, NULL } },
};

int demo_add_outreach(app_ctx *ctx, db *d, long count, strbuf *err)
{
	if (count < 1)
		return 0;
	store_err se = { 0 };
	for (size_t i = 0; i < NELEM(events); i++) {
		const demo_event *e = &events[i];
		int n = e->attendees < count ? e->attendees : (int)count;
		outreach_rec r = { 0 };
		r.kind = (char *)e->kind;
		r.date = ctx->today - e->days_ago;
		r.place = (char *)e->place;
		r.unit = (char *)e->unit;
		r.topic = (char *)e->topic;
		r.policies = (char *)e->policies;
		r.attendees = xcalloc((size_t)n, sizeof *r.attendees);
		r.nattendees = n;
		/* spread over the register, never the same enterprise twice in one event */
		for (int k = 0; k < n; k++)
			r.attendees[k].enterprise_id = ((long)i * 37 + (long)k * 13) % count + 1;
		int64_t id;
		int rc = outreach_store_add(d, e->login, &r, &id, &se);
		for (int k = 0; rc == 0 && k < 2 && k < n && e->problems[k]; k++) {
			int seq;
			rc = outreach_store_problem(d, e->login, id, r.attendees[k].enterprise_id,
			                            e->problems[k], &seq, &se);
		}
		free(r.attendees);
		if (rc < 0) {
			app_store_text(&se, err);
			return -1;
		}
	}
	return 0;
}

/* the talent programmes and requests of the demo: a few enterprises with a class at a
 * vocational school and their talents' requests in every state */
static const struct {
	talent_prog_kind kind;
	const char *school, *name;
	int places, start_days_ago, months;
} programmes[] = {
	{ TALENT_PROG_ORDER, "南昌职业大学", "电子装配订单班", 40, 90, 10 },
	{ TALENT_PROG_NAMED, "江西工业职业技术学院", "光电冠名班", 30, 200, 24 },
	{ TALENT_PROG_FACTORY, "南昌高新技工学校", "数控加工厂中校", 25, 60, 0 },
};

static const struct {
	const char *kind, *person, *detail, *unit, *login;
	talent_state to;
	const char *note;
} requests[] = {
	{ "housing", "陈晓东", "博士，申请人才公寓一套", "区组织部", "kejing1", TALENT_HANDLING, "" },
	{ "schooling", "刘芳", "子女就读高新区小学一年级", "区社发局", "kejing1", TALENT_DONE,
	  "已安排就读" },
	{ "subsidy", "王磊", "硕士生活补贴申领", "区组织部", "kejing2", TALENT_RECEIVED, "" },
	{ "spouse", "赵静", "配偶随迁就业", "麻丘镇", "maqiu", TALENT_DECLINED,
	  "配偶已在南昌市区就业，无需安置" },
	{ "medical", "孙浩", "高层次人才就医绿色通道", "区党政办", "kejing2", TALENT_HANDLING, "" },
};

int demo_add_talent(app_ctx *ctx, db *d, long count, strbuf *err)
{
	if (count < 1)
		return 0;
	store_err se = { 0 };
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < NELEM(programmes); i++) {
		talent_programme p = { 0 };
		p.enterprise_id = ((long)i * 53 + 7) % count + 1;
		p.kind = programmes[i].kind;
		p.school = (char *)programmes[i].school;
		p.name = (char *)programmes[i].name;
		p.places = programmes[i].places;
		p.start = ctx->today - programmes[i].start_days_ago;
		p.end = programmes[i].months ? p.start + programmes[i].months * 30 : DATE_NONE;
		int64_t id;
		rc = talent_store_add_programme(d, "kejing1", &p, &id, &se);
	}
	for (size_t i = 0; rc == 0 && i < NELEM(requests); i++) {
		talent_request r = { 0 };
		r.enterprise_id = ((long)i * 29 + 11) % count + 1;
		r.kind = (char *)requests[i].kind;
		r.person = (char *)requests[i].person;
		r.detail = (char *)requests[i].detail;
		r.unit = (char *)requests[i].unit;
		int64_t id;
		rc = talent_store_add_request(d, requests[i].login, &r, &id, &se);
		/* through handling to done, as the desk would have moved it */
		if (rc == 0 && requests[i].to == TALENT_DONE)
			rc = talent_store_move(d, requests[i].login, id, TALENT_RECEIVED, TALENT_HANDLING,
			                       "", &se);
		talent_state from = requests[i].to == TALENT_DONE ? TALENT_HANDLING : TALENT_RECEIVED;
		if (rc == 0 && requests[i].to != TALENT_RECEIVED)
			rc = talent_store_move(d, requests[i].login, id, from, requests[i].to,
			                       requests[i].note, &se);
	}
	if (rc != 0) {
		app_store_text(&se, err);
		return -1;
	}
	return 0;
}
