/* The demo's outreach events: briefings, a forum, a training and two matchmakings of
 * the months before today, held by the units the policy names, each attended by a few
 * of the demo's enterprises, some of which raised a problem (left for a desk to turn
 * into an appeal), so that the 360 view, `qifu outreach` and the report have something
 * true to show. No draw of the seed: the rest of the demo stays as it was. */
#include "cli/demo_internal.h"

#include <stdlib.h>

#include "app/store_text.h"
#include "core/xalloc.h"
#include "model/outreach.h"
#include "store/outreach_store.h"

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
