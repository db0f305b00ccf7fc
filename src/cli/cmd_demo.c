/* qifu demo: a deterministic, realistic database for demonstrations, screen tests
 * and benchmarks: Chinese company names, addresses in the four areas, valid USCCs,
 * every category and group, commissioners, staff for every role, the current
 * login as a supervisor, and appeals lived through the real state machine, the
 * most overdue of them taken up the dispatch ladder. The same seed always gives the
 * same database. */
#include "cli/cli.h"
#include "cli/demo_inspect.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/rng.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "core/workday.h"
#include "model/appeal.h"
#include "model/category.h"
#include "model/escalation.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/routing.h"
#include "model/ticket.h"
#include "model/unit.h"
#include "store/appeal_store.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/esc_move.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"

int cmd_demo(app_ctx *ctx, int argc, char **argv);

/* the shared splitmix64 of core/rng.h, which the demo's inspections draw from too */
static int rnd(uint64_t *s, int n)
{
	return rng_below(s, n);
}

/* one element of arr; every draw is its own statement, so the sequence does not
 * depend on the compiler's order of evaluating arguments */
static const char *pick(uint64_t *s, const char *const *arr, size_t n)
{
	return arr[rnd(s, (int)n)];
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const name_a[] = {
	"华", "泰", "联", "晶", "汇", "江", "洪", "赣", "昌", "恒", "鑫", "博", "远", "中",
	"正", "天", "瑞", "盛", "嘉", "同", "金", "新", "宏", "信", "科", "智", "睿", "康",
	"豪", "航", "欧", "龙", "美", "兆", "明", "东", "海", "凯", "达", "安",
};
static const char *const name_b[] = {
	"勤", "豪", "创", "能", "仁", "铃", "都", "锋", "宇", "通", "源", "德", "力", "祥",
	"泽", "润", "和", "邦", "辉", "诚", "峰", "腾", "星", "光", "微", "驰", "菲", "晨",
	"旗", "鹏", "翔", "荣", "丰", "胜", "立", "衡", "誉", "纳", "升", "隆",
};
static const char *const trade_words[] = {
	"技术", "科技", "电子", "光电", "生物医药", "新材料", "智能装备", "信息技术", "精密机械",
	"汽车零部件", "食品", "物流", "商贸", "餐饮管理", "酒店管理", "建设工程", "置业",
	"软件", "环保科技", "检测技术", "通信设备", "半导体", "新能源", "医疗器械", "航空科技",
	"文化传媒", "供应链管理", "电力工程", "化工", "纺织",
};
static const char *const forms[] = { "有限公司", "股份有限公司", "有限责任公司", "有限公司" };
static const char *const prefixes[] = { "", "", "南昌", "江西", "南昌高新" };
static const char *const roads[] = {
	"高新大道", "艾溪湖北路", "火炬大街", "紫阳大道", "京东大道", "天祥大道", "创新一路",
	"航空城大道", "麻丘大道", "昌东大道", "金庐北路", "南京东路",
};
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱",
	"高", "林", "何", "郭", "马", "罗", "熊", "万", "邓", "付",
};
static const char *const given[] = {
	"芳", "伟", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "秀英",
	"建华", "文", "婷", "强", "丽", "鹏", "志强", "海燕", "晓东", "国庆",
};
/* the register holds what people typed: the screens must survive all of it */
static const char *const odd_names[] = {
	"“老字号”餐饮管理有限公司",
	"江西…未来城市科技有限公司",
	"①号仓储物流（南昌）有限公司",
	"ＡＢＣ（南昌）电子科技有限公司",
	"南昌开心果😀食品有限公司",
	"南昌高新技术产业开发区艾溪湖管理处辖区内中小企业公共服务平台运营管理与咨询服务有限责任公司",
	"Café Société 咖啡（南昌）有限公司",
};

static char *person(uint64_t *s)
{
	const char *sur = pick(s, surnames, NELEM(surnames));
	const char *giv = pick(s, given, NELEM(given));
	return xasprintf("%s%s", sur, giv);
}

typedef struct demo_staff {
	const char *login;
	const char *unit;
	role_t role;
	const char *area;
	int level;
	const char *oversees;
} demo_staff;

static const demo_staff demo_people[] = {
	{ "wangfang", "区企服中心", ROLE_FRONTDESK, NULL, 0, NULL },
	{ "lina", "区企服中心", ROLE_FRONTDESK, NULL, 0, NULL },
	{ "chendong", "昌东镇", ROLE_AREA_OFFICER, "昌东镇", 0, NULL },
	{ "maqiu", "麻丘镇", ROLE_AREA_OFFICER, "麻丘镇", 0, NULL },
	{ "aixihu", "艾溪湖管理处", ROLE_AREA_OFFICER, "艾溪湖管理处", 0, NULL },
	{ "liyuzhou", "鲤鱼洲管理处", ROLE_AREA_OFFICER, "鲤鱼洲管理处", 0, NULL },
	{ "kejing1", "区科经局", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "kejing2", "区科经局", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "tocu1", "区投促局", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "jianguan1", "区建管局", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "hangguan1", "航管委", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "xinjingji1", "区新经济中心", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "yingji1", "区应急局", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "shijian1", "高新市场监管局", ROLE_UNIT_STAFF, NULL, 0, NULL },
	{ "duban", "区科经局", ROLE_SUPERVISOR, NULL, 0, NULL },
	/* between them the two leaders in charge oversee every unit the demo dispatches
	 * to, so that any escalated appeal can climb on */
	{ "fenguan1", "区党工委", ROLE_LEADER, NULL, 2,
	  "区科经局,区新经济中心,区企服中心,艾溪湖管理处,鲤鱼洲管理处" },
	{ "fenguan2", "区党工委", ROLE_LEADER, NULL, 2, "区投促局,区建管局,航管委,昌东镇,麻丘镇" },
	{ "zhuyao", "区党工委", ROLE_LEADER, NULL, 1, NULL },
	{ "sysadmin", "区企服中心", ROLE_ADMIN, NULL, 0, NULL },
};

/* the staff who may be commissioner for an enterprise led by unit */
static int64_t commissioner_for(const char *lead, const int64_t *ids, uint64_t *s)
{
	int match[8], n = 0;
	for (size_t i = 0; i < sizeof demo_people / sizeof demo_people[0] && n < 8; i++)
		if (strcmp(demo_people[i].unit, lead) == 0 &&
		    (demo_people[i].role == ROLE_UNIT_STAFF ||
		     demo_people[i].role == ROLE_AREA_OFFICER))
			match[n++] = (int)i;
	if (n == 0 || rnd(s, 10) == 0)
		return 0;
	return ids[match[rnd(s, n)]];
}

static void progress(const char *what, long done, long total)
{
	/* isatty is a system call: ask it only when there is something to print */
	if (total < 1000 || (done % 1000 != 0 && done != total) || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%s %ld/%ld (%ld%%)", what, done, total, done * 100 / total);
	if (done == total)
		fputc('\n', stderr);
}

static int add_staff(app_ctx *ctx, db *d, uint64_t *seed, int64_t *ids, strbuf *err)
{
	const char *me = app_os_login();
	size_t n = sizeof demo_people / sizeof demo_people[0];
	for (size_t i = 0; i <= n; i++) {
		staff s = { 0 };
		char *name = person(seed);
		char *ov[8] = { 0 };
		char *ovbuf = NULL;
		if (i == n) {
			/* the person running the demo supervises, so every screen is open */
			s.login = (char *)me;
			s.unit = (char *)"区企服中心";
			s.role = ROLE_SUPERVISOR;
		} else {
			const demo_staff *p = &demo_people[i];
			if (strcmp(p->login, me) == 0) {
				free(name);
				continue;
			}
			s.login = (char *)p->login;
			s.unit = (char *)p->unit;
			s.role = p->role;
			s.area = (char *)p->area;
			s.level = p->level;
			if (p->oversees) {
				ovbuf = xstrdup(p->oversees);
				int k = 0;
				for (char *tok = strtok(ovbuf, ","); tok && k < 7; tok = strtok(NULL, ","))
					ov[k++] = tok;
				s.oversees = ov;
			}
		}
		s.name = name;
		int rc = staff_store_add(d, me, &s, err);
		free(name);
		free(ovbuf);
		if (rc < 0)
			return -1;
		if (i < n) {
			staff *got = NULL;
			if (staff_store_get(d, s.login, &got, err) != 0)
				return -1;
			ids[i] = got->id;
			staff_free(&got);
		}
	}
	(void)ctx;
	return 0;
}

static void make_uscc(uint64_t serial, int region, char out[19])
{
	static const char *const regions[] = { "360100", "360103", "360111", "360121" };
	char body[9];
	/* a bijection on 0..10^8-1, so 100 000 companies never share a code */
	uint64_t v = (serial * 48271ULL + 12345ULL) % 100000000ULL;
	snprintf(body, sizeof body, "%08llu", (unsigned long long)v);
	snprintf(out, 19, "91%s%s", regions[region % 4], body);
	uscc_complete(out);
}

static int add_enterprises(db *d, const ent_rules *rules, const int64_t *staff_ids, long count,
                           uint64_t *seed, strbuf *err)
{
	const unit_table *units = rules->units;
	const catalog *cat = rules->cat;
	const char *me = app_os_login();
	const char *areas[4];
	int na = 0;
	for (int i = 0; i < units->n && na < 4; i++)
		if (units->v[i].kind == UNIT_AREA)
			areas[na++] = units->v[i].name;
	const char *introducers[] = { "区投促局", "高新招商集团", "区项目中心" };
	long done = 0;
	while (done < count) {
		if (db_begin(d, err) < 0)
			return -1;
		for (long k = 0; k < 5000 && done < count; k++, done++) {
			ent_record e = { 0 };
			int area = rnd(seed, na);
			if (done < (long)(sizeof odd_names / sizeof odd_names[0]))
				e.name = xstrdup(odd_names[done]);
			else {
				const char *p1 = pick(seed, prefixes, NELEM(prefixes));
				const char *p2 = pick(seed, name_a, NELEM(name_a));
				const char *p3 = pick(seed, name_b, NELEM(name_b));
				const char *p4 = pick(seed, trade_words, NELEM(trade_words));
				const char *p5 = pick(seed, forms, NELEM(forms));
				e.name = xasprintf("%s%s%s%s%s", p1, p2, p3, p4, p5);
			}
			char code[19];
			make_uscc((uint64_t)done, area, code);
			e.uscc = xstrdup(code);
			const char *road = pick(seed, roads, NELEM(roads));
			int number = 1 + rnd(seed, 999);
			e.address = xasprintf("南昌市高新区%s%d号", road, number);
			e.area = xstrdup(areas[area]);
			/* below-scale firms are the majority of a real register */
			int c = rnd(seed, 10);
			e.category = xstrdup(cat->cats[c < 5 ? cat->ncats - 1 : rnd(seed, cat->ncats - 1)].code);
			int special = rnd(seed, 40);
			e.group = xstrdup(special == 0 ? cat->groups[rnd(seed, cat->ngroups)] : "");
			e.aviation = special == 1;
			e.introduced_by = xstrdup(special == 2 ? pick(seed, introducers, NELEM(introducers)) : "");
			e.legal_rep = person(seed);
			e.contact = person(seed);
			int prefix = 3 + rnd(seed, 6);
			int subscriber = rnd(seed, 1000000000);
			e.phone = xasprintf("1%d%09d", prefix, subscriber);
			/* the same cleaning and routing as every other way in */
			if (ent_validate(rules, &e, NULL, NULL, err) != ENT_OK) {
				ent_record_clear(&e);
				db_rollback(d);
				return -1;
			}
			e.commissioner_id = commissioner_for(e.lead_unit, staff_ids, seed);
			int64_t id;
			int rc = ent_store_insert(d, me, &e, &id, err);
			ent_record_clear(&e);
			if (rc < 0) {
				db_rollback(d);
				return -1;
			}
			progress(_("writing enterprises"), done + 1, count);
		}
		if (db_commit(d, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- appeals ---------------------------------------------------------------- */

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
static const char *const related_pool[] = {
	"区投促局", "区建管局", "区社发局", "区党政办", "高新市场监管局", "区财政局",
};

/* what the demo remembers of an enterprise to file appeals against it */
typedef struct demo_ent {
	char *uscc;
	char *lead;
	char *area;
	char last[TICKET_NUMBER_SIZE]; /* its latest appeal, a merge target */
} demo_ent;

/* the first demo login of unit that acts for it (unit staff, area officer, front desk) */
static int person_of(const char *unit)
{
	for (size_t i = 0; i < sizeof demo_people / sizeof demo_people[0]; i++)
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
	int r = rnd(s, 100);
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
	case TICKET_ST_ANSWERED:
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
	if (rnd(s, 40) == 0)
		return 20 + rnd(s, 100);
	if (a->next_due == DATE_NONE)
		return rnd(s, 4);
	int left = calendar_between(cal, day, a->next_due);
	if (left < 0)
		left = 0;
	if (rnd(s, 7) == 0)
		return left + 1 + rnd(s, 5);
	return rnd(s, left + 1);
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
	long open, overdue, escalated;
} demo_appeals;

/* the typed input of action on a, as a person would give it */
static void demo_input(demo_appeals *da, const appeal_record *a, ticket_action action,
		const demo_ent *e, qdate day, ticket_input *in, const char *related[2])
{
	uint64_t *s = da->seed;
	memset(in, 0, sizeof *in);
	in->until = DATE_NONE;
	in->text = action == TICKET_ACT_ANSWER ? pick(s, results, NELEM(results))
		: pick(s, reasons, NELEM(reasons));
	if (action == TICKET_ACT_DISPATCH) {
		in->unit = person_of(e->lead) >= 0 ? e->lead : "区科经局";
		int n = rnd(s, 5) == 0 ? 1 + rnd(s, 2) : 0;
		for (int i = 0; i < n; i++) {
			const char *u = pick(s, related_pool, NELEM(related_pool));
			if (strcmp(u, in->unit) != 0 && (i == 0 || strcmp(u, related[0]) != 0))
				related[in->nrelated++] = u;
		}
		in->related = related;
	}
	if (action == TICKET_ACT_EXTEND) {
		qdate from = a->timers.t[TICKET_TIMER_HANDLE].due;
		if (from == DATE_NONE || from < day)
			from = day;
		in->until = calendar_add(da->cal, from, 3 + rnd(s, 8));
	}
	if (action == TICKET_ACT_MERGE)
		in->into = e->last;
}

/* the first demo login who may make action on a now, or -1 */
static int demo_mover(demo_appeals *da, const appeal_record *a, ticket_action action,
		ticket_move *m)
{
	ticket_view v = appeal_record_view(a);
	for (size_t i = 0; i < sizeof demo_people / sizeof demo_people[0]; i++) {
		ticket_actor who = actor_of((int)i, da->centre);
		if (ticket_decide(&v, action, &who, m))
			return (int)i;
	}
	return -1;
}

/* register one appeal on day and live it through its moves until today */
static int demo_appeal(demo_appeals *da, demo_ent *e, qdate day, strbuf *err)
{
	uint64_t *s = da->seed;
	int reg = rnd(s, 10) < 4 ? rnd(s, 2) : person_of(e->lead);
	if (reg < 0)
		reg = person_of(e->area);
	if (reg < 0)
		reg = 0;
	ticket_actor who = actor_of(reg, da->centre);
	int k = rnd(s, 10);
	ticket_kind kind = k < 3 ? TICKET_KIND_SIMPLE : k < 8 ? TICKET_KIND_GENERAL
		: TICKET_KIND_COMPLEX;
	ticket_view v = { NULL, e->uscc, TICKET_ST_NEW, kind, who.unit, NULL, NULL, 0 };
	ticket_move m;
	if (!ticket_decide(&v, TICKET_ACT_REGISTER, &who, &m))
		return 0;
	ticket_timers tm;
	ticket_timers_init(&tm);
	ticket_timers_apply(&tm, &m, &v, NULL, &da->params, da->cal, day);
	/* one draw a statement, as pick() asks: an initializer's order is unspecified */
	const char *title = pick(s, appeal_titles, NELEM(appeal_titles));
	const char *description = pick(s, appeal_descriptions, NELEM(appeal_descriptions));
	appeal_channel channel = (appeal_channel)rnd(s, APPEAL_CH__COUNT);
	appeal_new an = { e->uscc, title, description, kind, channel, who.unit, 0, m.to, &tm, 0 };
	an.first_person = da->staff_ids[reg];
	if (!an.first_person) {
		/* the person running the demo has one of the demo logins */
		staff *st = NULL;
		if (staff_store_get(da->d, demo_people[reg].login, &st, err) != 0)
			return -1;
		an.first_person = st->id;
		staff_free(&st);
	}
	char number[TICKET_NUMBER_SIZE];
	db_set_today(da->d, day);
	if (appeal_store_insert(da->d, demo_people[reg].login, &an, number, err) < 0)
		return -1;
	appeal_record a;
	if (appeal_store_get(da->d, number, false, &a, err) != 0)
		return -1;
	for (;;) {
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
			fits = appeal_store_get(da->d, in.into, false, &t, err) == 0;
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
		int rc = appeal_store_apply(da->d, demo_people[mover].login, &a, &m, &in, &tm, err);
		appeal_record_clear(&a);
		if (rc != 0 || appeal_store_get(da->d, number, false, &a, err) != 0)
			return -1;
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
	ent_row *rows = xcalloc(PAGE, sizeof *rows);
	*out = NULL;
	*n = 0;
	int got, rc = 0;
	for (long off = 0;; off += PAGE) {
		if ((rc = ent_store_window(d, NULL, ENT_SORT_USCC, false, off, PAGE, rows, &got,
		                           err)) < 0)
			break;
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + got + 1));
		for (int i = 0; i < got; i++) {
			demo_ent *e = &(*out)[(*n)++];
			e->uscc = rows[i].uscc;
			e->lead = rows[i].lead_unit;
			e->area = rows[i].area;
			e->last[0] = '\0';
			rows[i].uscc = rows[i].lead_unit = rows[i].area = NULL;
			ent_row_clear(&rows[i]);
		}
		if (got < PAGE)
			break;
	}
	free(rows);
	return rc;
}

/* ---- three-level dispatch -------------------------------------------------- */

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
	for (size_t i = 0; i < sizeof demo_people / sizeof demo_people[0]; i++) {
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
	return appeal_store_get(da->d, number, false, a, err) == 0 ? 0 : -1;
}

/* Take appeal k of the most overdue up the ladder, as far as the demo's leaders
 * oversee its lead unit: a lead-unit meeting with its outcome, then level 2 on site;
 * every other one goes on to level 1, whose meeting sets a new due date. */
static int ladder_climb(demo_appeals *da, const char *number, int k, strbuf *err)
{
	appeal_record a;
	if (appeal_store_get(da->d, number, false, &a, err) != 0)
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
	int n = 0, rc = appeal_store_window(da->d, &f, APPEAL_SORT_DUE, false, 0, (int)want, rows,
	                                    &n, err);
	for (int i = 0; rc == 0 && i < n; i++)
		rc = ladder_climb(da, rows[i].number, i, err);
	for (int i = 0; i < n; i++)
		appeal_row_clear(&rows[i]);
	free(rows);
	return rc;
}

/* count appeals over the enterprises, registered evenly over the 400 days up to
 * today (so numbers follow dates), in transactions of 1000 */
static int add_appeals(app_ctx *ctx, db *d, const int64_t *staff_ids, long count,
		uint64_t *seed, long *open, long *overdue, long *escalated, strbuf *err)
{
	demo_appeals da = { d, app_calendar(ctx), app_ticket_params(ctx), NULL, ctx->today, seed,
		staff_ids, NULL, 0, 0, 0, 0 };
	const unit_def *centre = units_centre(app_units(ctx));
	da.centre = centre ? centre->name : "";
	if (demo_load_ents(d, &da.ents, &da.nents, err) < 0)
		return -1;
	int rc = 0;
	enum { SPAN = 400, BATCH = 1000 };
	if (count > 0 && da.nents == 0) {
		sb_add(err, _("demo: appeals need enterprises (--enterprises 1 or more)"));
		rc = -1;
	}
	for (long done = 0; rc == 0 && done < count;) {
		if ((rc = db_begin(d, err)) < 0)
			break;
		for (long k = 0; k < BATCH && done < count; k++, done++) {
			qdate day = ctx->today - SPAN + (qdate)(done * SPAN / count);
			demo_ent *e = &da.ents[rnd(seed, (int)da.nents)];
			if ((rc = demo_appeal(&da, e, day, err)) < 0)
				break;
			progress(_("writing appeals"), done + 1, count);
		}
		if (rc < 0)
			db_rollback(d);
		else
			rc = db_commit(d, err);
	}
	db_set_today(d, ctx->today);
	if (rc == 0)
		rc = add_escalations(&da, count, err);
	for (long i = 0; i < da.nents; i++) {
		free(da.ents[i].uscc);
		free(da.ents[i].lead);
		free(da.ents[i].area);
	}
	free(da.ents);
	*open = da.open;
	*overdue = da.overdue;
	*escalated = da.escalated;
	return rc;
}

int cmd_demo(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "enterprises", required_argument, NULL, 'e' },
		{ "appeals", required_argument, NULL, 'a' },
		{ "seed", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long count = 300, appeals = 0, open = 0, overdue = 0, escalated = 0;
	uint64_t seed = 1;
	int c;
	char *end;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'e':
			count = strtol(optarg, &end, 10);
			if (*end || count < 0 || count > 10000000) {
				say_error(_("demo: --enterprises: '%s' is not a count from 0 to 10000000"),
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case 'a':
			appeals = strtol(optarg, &end, 10);
			if (*end || !*optarg || appeals < 0 || appeals > 10000000) {
				say_error(_("demo: --appeals: '%s' is not a count from 0 to 10000000"),
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case 's':
			seed = strtoull(optarg, &end, 10);
			if (*end || !*optarg) {
				say_error(_("demo: --seed: '%s' is not a whole number"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			printf(_("usage: qifu demo --db PATH [--enterprises N] [--appeals M] [--seed S]\n"
			         "Write a new demonstration database (default 300 enterprises, no "
			         "appeals); the current login becomes a supervisor in it. Appeals are "
			         "registered over the 400 days up to --today and moved through the "
			         "appeal rules.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		say_error(_("demo: unexpected argument '%s'"), argv[optind]);
		return EXIT_USAGE;
	}
	const ent_rules *rules = app_ent_rules(ctx);
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	db *d = NULL;
	if (paths_mkdir_parent(ctx->db_path, &err) < 0 ||
	    !(d = db_open(ctx->db_path, DB_OPEN_CREATE, &err))) {
		say_error("%s", sb_str(&err));
		goto out;
	}
	db_set_today(d, ctx->today);
	if (app_calendar_reload(ctx, d, &err) < 0) {
		say_error("%s", sb_str(&err));
		db_close(&d);
		unlink(ctx->db_path);
		goto out;
	}
	int64_t staff_ids[sizeof demo_people / sizeof demo_people[0]] = { 0 };
	uint64_t s = seed;
	if (appeal_store_bulk_mode(d, &err) < 0 ||
	    add_staff(ctx, d, &s, staff_ids, &err) < 0 ||
	    add_enterprises(d, rules, staff_ids, count, &s, &err) < 0 ||
	    add_appeals(ctx, d, staff_ids, appeals, &s, &open, &overdue, &escalated, &err) < 0 ||
	    demo_inspections(ctx, d, seed, &err) < 0) {
		say_error("%s", sb_str(&err));
		db_close(&d);
		unlink(ctx->db_path);
		goto out;
	}
	db_close(&d);
	printf(_("wrote %s: %ld enterprises, %d staff; you (%s) are a supervisor\n"), ctx->db_path,
	       count, (int)(sizeof demo_people / sizeof demo_people[0]) + 1, app_os_login());
	if (appeals > 0)
		printf(_("and %ld appeals: %ld open, %ld of them overdue\n"), appeals, open, overdue);
	if (escalated > 0)
		printf(P_("%ld appeal was escalated to level 2 or 1, with its dispatch records\n",
		          "%ld appeals were escalated to level 2 or 1, with their dispatch records\n",
		          escalated), escalated);
	rc = EXIT_OK;
out:
	sb_free(&err);
	return rc;
}
