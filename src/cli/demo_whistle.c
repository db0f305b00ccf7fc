/* The demo's whistles (企业吹哨、专员报到): calls of enterprises that have a
 * commissioner over the working days up to today, in every state: waiting (today's),
 * overdue, reported in on time and reported in late, each written through the store
 * as the command writes it; and the contact cards commissioners handed over (送企入户)
 * to some of them. A seed of its own, so that the rest of the demo stays as it was. */
#include "cli/demo_internal.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "app/whistle.h"
#include "core/rng.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "store/card_store.h"
#include "store/enterprise_store.h"
#include "store/whistle_store.h"

/* how many whistles, and of how many enterprises read in name order */
enum { WHISTLES = 16, SCAN = 120 };

static const struct {
	const char *ask, *done;
} calls[] = {
	{ "新厂房用电报装进度慢，请协调供电公司", "已联系供电公司，约定下周现场勘察" },
	{ "咨询研发费用加计扣除政策", "已电话讲解政策并发送申报指引" },
	{ "厂区门前道路破损，货车进出困难", "已上门查看，转区建管局安排修补" },
	{ "招聘一线工人困难，请求对接职业院校", "已对接南昌职业大学，商定订单班意向" },
	{ "申请技改补贴需要哪些材料", "已上门辅导，材料清单已送达" },
	{ "员工子女入学咨询", "已联系区社发局，答复入学办理流程" },
	{ "排水管网接入方案未批复", "已电话联系区行审中心，答复审批时限" },
	{ "消防验收预约时间较长", "已协调高新消防大队提前安排验收" },
};

static const char *const callers[] = { "张经理", "李主任", "王总", "财务刘女士", "行政陈先生" };

int demo_whistles(app_ctx *ctx, db *d, uint64_t seed, strbuf *err)
{
	uint64_t s = seed ^ 0x7768697374ULL; /* "whist": apart from the other draws */
	ent_record *e = xcalloc(SCAN, sizeof *e);
	int n = 0, rc = -1, made = 0;
	store_err se = { 0 };
	if (ent_store_window(d, NULL, ENT_SORT_NAME, false, 0, SCAN, e, &n, &se) < 0) {
		app_store_text(&se, err);
		goto out;
	}
	const calendar *cal = app_calendar(ctx);
	int report_days = app_whistle_report_days(ctx);
	for (int i = 0; i < n && made < WHISTLES; i++) {
		if (!e[i].commissioner_id || !*e[i].commissioner || rng_below(&s, 3) != 0)
			continue;
		int kind = made % 4;     /* waiting, overdue, on time, late */
		whistle_rec w = { 0 };
		w.enterprise_id = e[i].id;
		w.via = (whistle_via)rng_below(&s, WHISTLE_VIA__COUNT);
		w.caller = xstrdup(callers[rng_below(&s, (int)NELEM(callers))]);
		int c = rng_below(&s, (int)NELEM(calls));
		w.text = xstrdup(calls[c].ask);
		/* working days back from today: today's wait, the others are past their limit */
		int back = kind == 0 ? 0 : report_days + 1 + rng_below(&s, 8);
		qdate on = ctx->today;
		for (int k = 0; k < back; k++)
			do
				on--;
			while (!calendar_is_workday(cal, on));
		w.called_on = on;
		w.due = whistle_report_due(cal, on, report_days);
		int64_t id;
		int wr = whistle_store_add(d, e[i].commissioner, &w, &id, &se);
		if (wr == 0 && kind >= 2) {
			qdate rep = kind == 2 ? w.due : calendar_add(cal, w.due, 1 + rng_below(&s, 2));
			if (rep > ctx->today)
				rep = ctx->today;
			wr = whistle_store_report(d, e[i].commissioner, id, rep, calls[c].done, &se);
		}
		whistle_rec_clear(&w);
		if (wr != 0) {
			app_store_text(&se, err);
			goto out;
		}
		made++;
	}
	/* a card delivered to every third enterprise with a commissioner, by them, some
	 * weeks back: qifu coverage then has both covered and uncovered enterprises */
	for (int i = 0, k = 0; i < n; i++) {
		if (!e[i].commissioner_id || !*e[i].commissioner || k++ % 3 != 0)
			continue;
		qdate on = ctx->today - 7 * (1 + rng_below(&s, 8));
		const char *by = e[i].commissioner_name && *e[i].commissioner_name
		               ? e[i].commissioner_name : e[i].commissioner;
		if (card_store_deliver(d, e[i].commissioner, e[i].id, on, by, &se) < 0) {
			app_store_text(&se, err);
			goto out;
		}
	}
	rc = 0;
out:
	for (int i = 0; i < n; i++)
		ent_record_clear(&e[i]);
	free(e);
	return rc;
}
