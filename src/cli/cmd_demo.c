/* qifu demo: a deterministic, realistic database for demonstrations, screen tests
 * and benchmarks: Chinese company names, addresses in the four areas, valid USCCs,
 * every category and group, commissioners, staff for every role, and the current
 * login as a supervisor. The same seed always gives the same database. */
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
#include "model/category.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "model/routing.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

int cmd_demo(cli_ctx *ctx, int argc, char **argv);

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
	{ "fenguan1", "区党工委", ROLE_LEADER, NULL, 2, "区科经局,区新经济中心,区企服中心" },
	{ "fenguan2", "区党工委", ROLE_LEADER, NULL, 2, "区投促局,区建管局,航管委" },
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
	if (!isatty(STDERR_FILENO) || total < 1000)
		return;
	if (done % 1000 != 0 && done != total)
		return;
	fprintf(stderr, "\r%s %ld/%ld (%ld%%)", what, done, total, done * 100 / total);
	if (done == total)
		fputc('\n', stderr);
}

static int add_staff(cli_ctx *ctx, db *d, uint64_t *seed, int64_t *ids, strbuf *err)
{
	const char *me = cli_os_login();
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
	const char *me = cli_os_login();
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

int cmd_demo(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "enterprises", required_argument, NULL, 'e' },
		{ "seed", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long count = 300;
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
				cli_error(_("demo: --enterprises: '%s' is not a count from 0 to 10000000"),
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case 's':
			seed = strtoull(optarg, &end, 10);
			if (*end || !*optarg) {
				cli_error(_("demo: --seed: '%s' is not a whole number"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			printf(_("usage: qifu demo --db PATH [--enterprises N] [--seed S]\n"
			         "Write a new demonstration database (default 300 enterprises); the "
			         "current login becomes a supervisor in it.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error(_("demo: unexpected argument '%s'"), argv[optind]);
		return EXIT_USAGE;
	}
	const ent_rules *rules = cli_ent_rules(ctx);
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	db *d = NULL;
	if (paths_mkdir_parent(ctx->db_path, &err) < 0 ||
	    !(d = db_open(ctx->db_path, DB_OPEN_CREATE, &err))) {
		cli_error("%s", sb_str(&err));
		goto out;
	}
	db_set_today(d, ctx->today);
	int64_t staff_ids[sizeof demo_people / sizeof demo_people[0]] = { 0 };
	uint64_t s = seed;
	if (add_staff(ctx, d, &s, staff_ids, &err) < 0 ||
	    add_enterprises(d, rules, staff_ids, count, &s, &err) < 0 ||
	    demo_inspections(ctx, d, seed, &err) < 0) {
		cli_error("%s", sb_str(&err));
		db_close(&d);
		unlink(ctx->db_path);
		goto out;
	}
	db_close(&d);
	printf(_("wrote %s: %ld enterprises, %d staff; you (%s) are a supervisor\n"), ctx->db_path,
	       count, (int)(sizeof demo_people / sizeof demo_people[0]) + 1, cli_os_login());
	rc = EXIT_OK;
out:
	sb_free(&err);
	return rc;
}
