/* The demo's enterprises: Chinese company names (and a few of the odd ones people
 * type), addresses in the four areas, valid USCCs that never collide, every category
 * and group, and commissioners, each cleaned and routed as any other way in. */
#include "cli/demo_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/rng.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "model/category.h"
#include "model/unit.h"
#include "store/enterprise_store.h"

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

/* the staff who may be commissioner for an enterprise led by unit */
static int64_t commissioner_for(const char *lead, const int64_t *ids, uint64_t *s)
{
	int match[8], n = 0;
	for (size_t i = 0; i < demo_npeople && n < 8; i++)
		if (strcmp(demo_people[i].unit, lead) == 0 &&
		    (demo_people[i].role == ROLE_UNIT_STAFF ||
		     demo_people[i].role == ROLE_AREA_OFFICER))
			match[n++] = (int)i;
	if (n == 0 || rng_below(s, 10) == 0)
		return 0;
	return ids[match[rng_below(s, n)]];
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

int demo_add_enterprises(db *d, const ent_rules *rules, const int64_t *staff_ids, long count,
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
	store_err se = { 0 };
	while (done < count) {
		if (db_begin(d, &se) < 0)
			return app_store_rc(-1, &se, err);
		for (long k = 0; k < 5000 && done < count; k++, done++) {
			ent_record e = { 0 };
			int area = rng_below(seed, na);
			if (done < (long)(sizeof odd_names / sizeof odd_names[0]))
				e.name = xstrdup(odd_names[done]);
			else {
				const char *p1 = demo_pick(seed, prefixes, NELEM(prefixes));
				const char *p2 = demo_pick(seed, name_a, NELEM(name_a));
				const char *p3 = demo_pick(seed, name_b, NELEM(name_b));
				const char *p4 = demo_pick(seed, trade_words, NELEM(trade_words));
				const char *p5 = demo_pick(seed, forms, NELEM(forms));
				e.name = xasprintf("%s%s%s%s%s", p1, p2, p3, p4, p5);
			}
			char code[19];
			make_uscc((uint64_t)done, area, code);
			e.uscc = xstrdup(code);
			const char *road = demo_pick(seed, roads, NELEM(roads));
			int number = 1 + rng_below(seed, 999);
			e.address = xasprintf("南昌市高新区%s%d号", road, number);
			e.area = xstrdup(areas[area]);
			/* below-scale firms are the majority of a real register */
			int c = rng_below(seed, 10);
			e.category = xstrdup(cat->cats[c < 5 ? cat->ncats - 1 : rng_below(seed, cat->ncats - 1)].code);
			int special = rng_below(seed, 40);
			e.group = xstrdup(special == 0 ? cat->groups[rng_below(seed, cat->ngroups)] : "");
			e.aviation = special == 1;
			e.introduced_by = xstrdup(special == 2 ? demo_pick(seed, introducers, NELEM(introducers)) : "");
			e.legal_rep = demo_person_name(seed);
			e.contact = demo_person_name(seed);
			int prefix = 3 + rng_below(seed, 6);
			int subscriber = rng_below(seed, 1000000000);
			e.phone = xasprintf("1%d%09d", prefix, subscriber);
			/* the same cleaning and routing as every other way in */
			if (ent_validate(rules, &e, NULL, NULL, err) != ENT_OK) {
				ent_record_clear(&e);
				db_rollback(d);
				return -1;
			}
			e.commissioner_id = commissioner_for(e.lead_unit, staff_ids, seed);
			int64_t id;
			int rc = ent_store_insert(d, me, &e, &id, &se);
			ent_record_clear(&e);
			if (rc < 0) {
				db_rollback(d);
				return app_store_rc(-1, &se, err);
			}
			demo_progress(_("writing enterprises"), done + 1, count);
		}
		if (db_commit(d, &se) < 0)
			return app_store_rc(-1, &se, err);
	}
	return 0;
}
