/* The demo's staff: a login for every role, unit and dispatch level the demo's
 * appeals need, the leaders overseeing every unit it dispatches to, and the login
 * running the demo as a supervisor; with the seeded draws and the progress line the
 * other pieces of the demo share. */
#include "cli/demo_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/store_text.h"
#include "core/rng.h"
#include "core/xalloc.h"
#include "store/staff_store.h"

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱",
	"高", "林", "何", "郭", "马", "罗", "熊", "万", "邓", "付",
};
static const char *const given[] = {
	"芳", "伟", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "秀英",
	"建华", "文", "婷", "强", "丽", "鹏", "志强", "海燕", "晓东", "国庆",
};

char *demo_person_name(uint64_t *s)
{
	const char *sur = demo_pick(s, surnames, NELEM(surnames));
	const char *giv = demo_pick(s, given, NELEM(given));
	return xasprintf("%s%s", sur, giv);
}

const demo_staff demo_people[] = {
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

const size_t demo_npeople = sizeof demo_people / sizeof demo_people[0];

int demo_add_staff(db *d, uint64_t *seed, int64_t *ids, role_t me_role, strbuf *err)
{
	const char *me = app_os_login();
	size_t n = demo_npeople;
	for (size_t i = 0; i <= n; i++) {
		staff s = { 0 };
		char *name = demo_person_name(seed);
		char *ov[8] = { 0 };
		char *ovbuf = NULL;
		/* a work phone for the contact card, made from the row (no seeded draw, so that
		 * the rest of the demo stays as it was): a desk line or a mobile */
		char phone[20] = "";
		if (i < n && i % 3 == 0)
			snprintf(phone, sizeof phone, "0791-8816%04zu", 1001 + i * 37);
		else if (i < n)
			snprintf(phone, sizeof phone, "1397910%04zu", 2003 + i * 53);
		s.phone = phone;
		if (i == n) {
			/* the person running the demo supervises, so every screen is open; as
			 * an administrator (scripts/demo) may look as any of the others (--as) */
			s.login = (char *)me;
			s.unit = (char *)"区企服中心";
			s.role = me_role;
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
		store_err se = { 0 };
		int rc = staff_store_add(d, me, &s, &se);
		free(name);
		free(ovbuf);
		if (rc < 0)
			return app_store_rc(-1, &se, err);
		if (i < n) {
			staff *got = NULL;
			if (app_store_rc(staff_store_get(d, s.login, &got, &se), &se, err) != 0)
				return -1;
			ids[i] = got->id;
			staff_free(&got);
		}
	}
	return 0;
}

/* ---- what the pieces share -------------------------------------------------- */

const char *demo_pick(uint64_t *s, const char *const *arr, size_t n)
{
	return arr[rng_below(s, (int)n)];
}

void demo_progress(const char *what, long done, long total)
{
	/* isatty is a system call: ask it only when there is something to print */
	if (total < 1000 || (done % 1000 != 0 && done != total) || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%s %ld/%ld (%ld%%)", what, done, total, done * 100 / total);
	if (done == total)
		fputc('\n', stderr);
}
