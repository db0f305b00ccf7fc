/* The demo's projects: each signed some weeks before today, moved a stage at a time
 * on evenly spaced days to the stage the table gives it, the items its stages need
 * done by then (most on time), one item of some projects stuck with what
 * blocks it, one due today; the rest light up red, yellow or green by their targets
 * as the working calendar has them. Draws come from a seed of their own, so that the
 * rest of the demo stays as it was. */
#include "cli/demo_projects.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "cli/demo_internal.h"
#include "core/rng.h"
#include "core/xalloc.h"
#include "model/project.h"
#include "store/enterprise_store.h"
#include "store/project_store.h"
#include "store/staff_store.h"

/* the 区项目中心 login the projects are recorded by */
static const char demo_login[] = "xiangmu1";

typedef struct demo_project {
	const char *name;
	const char *investor;   /* a name to be registered; NULL: an enterprise of the demo */
	const char *area;
	const char *introducer;
	const char *site;
	int investment_wan;     /* 万元 */
	int signed_ago;         /* days before today */
	project_stage stage;
	const char *stuck;      /* kind of an item stuck, NULL for none */
	const char *why;
	const char *due_today;  /* kind of an open item whose target is today, NULL for none */
} demo_project;

static const demo_project projects[] = {
	{ "智能终端产业园二期", NULL, "昌东镇", "区投促局", "昌东大道以北", 200000, 400,
	  PROJ_PRODUCING, NULL, NULL, NULL },
	{ "新能源电池模组生产线", NULL, "麻丘镇", "高新招商集团", "麻丘工业园 3 号地块", 80000, 330,
	  PROJ_PRODUCING, NULL, NULL, NULL },
	{ "航空零部件精密加工项目", NULL, "鲤鱼洲管理处", "航管委", "航空城南区", 45000, 260,
	  PROJ_STARTED, "gas", "燃气管网未延伸至地块", NULL },
	{ "生物医药中试基地", "江西康源生物科技有限公司（筹）", "艾溪湖管理处", "区投促局",
	  "艾溪湖北路 88 号", 30000, 220, PROJ_STARTED, NULL, NULL, "drainage" },
	{ "半导体封装测试项目", NULL, "昌东镇", "区投促局", "昌东镇高新七路", 120000, 180,
	  PROJ_PERMITTED, "energy", "用能指标待市里下达", NULL },
	{ "冷链物流中心", "深圳冷运供应链有限公司", "麻丘镇", "高新招商集团", "麻丘镇物流园",
	  15000, 150, PROJ_PERMITTED, NULL, NULL, "power" },
	{ "工业互联网创新中心", NULL, "艾溪湖管理处", "区投促局", "艾溪湖软件园 5 栋", 8000, 120,
	  PROJ_PLANNING, "land", "土地挂牌时间未定", NULL },
	{ "光学镜头模组项目", NULL, "昌东镇", "区投促局", "昌东镇光电产业园", 60000, 90,
	  PROJ_PLANNING, NULL, NULL, NULL },
	{ "新型建材生产基地", "江西华筑新材料有限公司（筹）", "鲤鱼洲管理处", "高新招商集团",
	  "鲤鱼洲管理处工业区", 25000, 60, PROJ_FILED, "funds", "银行授信审批未完成", NULL },
	{ "智能装备研发总部", NULL, "麻丘镇", "区投促局", "麻丘镇高新大道", 40000, 40,
	  PROJ_FILED, NULL, NULL, "planning" },
	{ "数据中心一期", "赣江云数据科技有限公司", "昌东镇", "区投促局", "昌东镇数字经济园", 90000,
	  20, PROJ_SIGNED, NULL, NULL, NULL },
	{ "医疗器械产业化项目", NULL, "艾溪湖管理处", "高新招商集团", "艾溪湖医疗器械园", 12000, 5,
	  PROJ_SIGNED, NULL, NULL, NULL },
};

/* which items a project has done once it reached stage s: its permits as they come,
 * land by the construction permit, the money to start, energy and the hook-ups by
 * production (power and water already to start) */
static project_stage done_by(const char *kind)
{
	static const struct { const char *kind; project_stage by; } rows[] = {
		{ "record", PROJ_FILED }, { "planning", PROJ_PLANNING },
		{ "construction", PROJ_PERMITTED }, { "land", PROJ_PERMITTED },
		{ "funds", PROJ_STARTED }, { "power", PROJ_STARTED }, { "water", PROJ_STARTED },
	};
	for (size_t i = 0; i < NELEM(rows); i++)
		if (strcmp(rows[i].kind, kind) == 0)
			return rows[i].by;
	return PROJ_PRODUCING;
}

/* an enterprise of the demo in area, drawn from the first hundred, or 0 */
static int64_t investor_in(db *d, const char *area, uint64_t *s)
{
	for (int tries = 0; tries < 40; tries++) {
		ent_record e = { 0 };
		int64_t id = 1 + rng_below(s, 100);
		bool fits = ent_store_get(d, NULL, id, &e, NULL) == 0 && e.area &&
		            strcmp(e.area, area) == 0;
		ent_record_clear(&e);
		if (fits)
			return id;
	}
	return 0;
}

/* project number i: every third did its items on the day its stage was reached,
 * late or not; the others by their targets when the stage came later */
static int add_one(app_ctx *ctx, db *d, size_t i_project, const demo_project *dp, uint64_t *s,
                   strbuf *err)
{
	const project_rules *r = app_project_rules(ctx);
	calendar *cal = app_calendar(ctx);
	qdate today = ctx->today, on[PROJ_STAGE__COUNT];
	on[PROJ_SIGNED] = today - dp->signed_ago;
	/* the stages reached on evenly spaced days, the last some days before today */
	int gap = dp->signed_ago / ((int)dp->stage + 1);
	for (int st = 1; st <= (int)dp->stage; st++)
		on[st] = on[PROJ_SIGNED] + st * gap;
	project_item *items = xcalloc((size_t)r->nkinds + 1, sizeof *items);
	project_default_items(r, dp->area, on[PROJ_SIGNED], cal, items);
	int64_t ent = dp->investor ? 0 : investor_in(d, dp->area, s);
	char *name = xstrdup(dp->name), *site = xstrdup(dp->site);
	char *intro = xstrdup(dp->introducer), *area = xstrdup(dp->area);
	char *inv = xstrdup(dp->investor ? dp->investor : ent ? "" : "待注册投资方");
	/* 1万元 is 1 000 000 fen */
	project_rec p = { .name = name, .enterprise_id = ent, .investor = inv,
	                  .introducer = intro,
	                  .investment_fen = (int64_t)dp->investment_wan * 1000000,
	                  .site = site, .area = area, .items = items, .nitems = r->nkinds };
	memcpy(p.on, on, sizeof p.on);
	char number[PROJECT_NUMBER_SIZE];
	store_err se = { 0 };
	int rc = project_store_add(d, demo_login, &p, number, &se);
	for (int st = 1; rc == 0 && st <= (int)dp->stage; st++)
		rc = project_store_move(d, demo_login, number, (project_stage)st, on[st], &se);
	for (int i = 0; rc == 0 && i < r->nkinds; i++) {
		const char *kind = items[i].kind;
		project_item_change c = { .state = -1, .target = DATE_NONE, .on = DATE_NONE };
		if (done_by(kind) <= dp->stage) {
			c.state = PITEM_DONE;
			c.on = on[done_by(kind)];
			if (i_project % 3 != 0 && c.on > items[i].target)
				c.on = items[i].target;
		} else if (dp->stuck && strcmp(dp->stuck, kind) == 0) {
			c.state = PITEM_STUCK;
			c.note = dp->why;
		} else if (dp->due_today && strcmp(dp->due_today, kind) == 0) {
			c.target = today;
		} else {
			continue;
		}
		rc = project_store_item_set(d, demo_login, number, i + 1, &c, &se);
	}
	if (rc != 0)
		app_store_rc(-1, &se, err);
	free(items);
	free(name);
	free(site);
	free(intro);
	free(area);
	free(inv);
	return rc == 0 ? 0 : -1;
}

int demo_projects(app_ctx *ctx, db *d, uint64_t seed, long *n, strbuf *err)
{
	uint64_t s = seed ^ 0x70726f6a65637473ULL;
	*n = 0;
	char *name = demo_person_name(&s);
	staff me = { .login = (char *)demo_login, .name = name, .unit = (char *)"区项目中心",
	             .role = ROLE_UNIT_STAFF };
	store_err se = { 0 };
	int rc = app_store_rc(staff_store_add(d, app_os_login(), &me, &se), &se, err);
	free(name);
	for (size_t i = 0; rc == 0 && i < NELEM(projects); i++) {
		rc = add_one(ctx, d, i, &projects[i], &s, err);
		*n += rc == 0;
	}
	return rc < 0 ? -1 : 0;
}
