/* Pre-investment projects (投前阶段服务精细化, policy (一)2(1); lead 区项目中心): the
 * stages a project passes from signing to production, the items that must be done on
 * the way (permits, factor guarantees, utility hook-ups), their lights in working days
 * like an appeal's, and the "项目少跑路" figures. Pure: the units and item kinds are
 * data (data/project_units.tsv, data/project_items.tsv) that policy/project.c reads
 * into project_rules a row at a time. */
#ifndef QIFU_PROJECT_H
#define QIFU_PROJECT_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "model/ticket.h"
#include "model/unit.h"

/* the stage codes are stored in the database: append, never renumber or rename */
typedef enum project_stage {
	PROJ_SIGNED,      /* 签约 */
	PROJ_FILED,       /* 备案 */
	PROJ_PLANNING,    /* 规划许可 */
	PROJ_PERMITTED,   /* 施工许可 */
	PROJ_STARTED,     /* 开工 */
	PROJ_PRODUCING,   /* 投产 */
	PROJ_STAGE__COUNT
} project_stage;

typedef enum project_group {
	PROJ_GROUP_PERMIT,   /* 前期手续: 项目备案, 规划许可, 施工许可 */
	PROJ_GROUP_FACTOR,   /* 要素保障: 土地, 资金, 用能 */
	PROJ_GROUP_HOOKUP,   /* 配套接入: 供电, 供气, 供水, 排水, 网络接线 */
	PROJ_GROUP__COUNT
} project_group;

/* stored in the database: append, never renumber or rename */
typedef enum project_item_state {
	PITEM_OPEN,
	PITEM_DONE,
	PITEM_STUCK,
	PITEM__COUNT
} project_item_state;

/* the unit column's word for "the project's own town or sub-district" (属地) */
#define PROJECT_LOCAL_UNIT "属地"
/* room for a project number and its NUL: XM2026-000001 */
enum { PROJECT_NUMBER_SIZE = 16, PROJECT_CODE_MAX = 32, PROJECT_UNITS_MAX = 16 };
/* an item's time limit is 1 to this many working days */
enum { PROJECT_DAYS_MAX = 250 };

/* one kind of item as the data gives it; strings owned */
typedef struct project_kind {
	char *code;          /* record, land, power…: stored in the database */
	project_group group;
	char *name;          /* 项目备案: shown to users */
	char *unit;          /* the default responsible unit, or PROJECT_LOCAL_UNIT */
	int days;            /* default time limit in working days */
} project_kind;

/* the responsible units and the item kinds (data) */
typedef struct project_rules {
	char *lead;          /* 区项目中心 */
	char **members;      /* the other responsible units, PROJECT_LOCAL_UNIT among them */
	int nmembers;
	project_kind *kinds;
	int nkinds;
} project_rules;

/* what keeps a data row out of the rules */
typedef enum project_fault {
	PROJ_ROW_OK,
	PROJ_ROW_ROLE,      /* the role is neither lead nor member */
	PROJ_ROW_UNIT,      /* the unit is not in units.tsv (nor 属地) */
	PROJ_ROW_TWICE,     /* the unit, code or name is listed already */
	PROJ_ROW_LEAD,      /* a second lead, or 属地 as the lead */
	PROJ_ROW_CODE,      /* the code is not 1 to PROJECT_CODE_MAX - 1 of a-z, 0-9 and _ */
	PROJ_ROW_GROUP,     /* the group is none of permit, factor, hookup */
	PROJ_ROW_DAYS,      /* the days are not 1 to PROJECT_DAYS_MAX */
} project_fault;

/* add a responsible unit (role "lead" or "member"); anything but PROJ_ROW_OK leaves
 * the rules as they were */
project_fault project_rules_add_unit(project_rules *r, const unit_table *units,
		const char *role, const char *unit);
/* add an item kind (days as written); anything but PROJ_ROW_OK leaves them as they were */
project_fault project_rules_add_kind(project_rules *r, const unit_table *units,
		const char *code, const char *group, const char *name, const char *unit,
		const char *days);
void project_rules_free(project_rules *r);
/* a kind by code or name, NULL when none */
const project_kind *project_kind_find(const project_rules *r, const char *s);
/* the name of a stored code, or the code itself when the data no longer has it */
const char *project_kind_name(const project_rules *r, const char *code);
/* "record (项目备案), …" for "allowed values" messages */
void project_kind_list(const project_rules *r, strbuf *out);
/* unit as the data gives it made concrete for a project in area: 属地 is the area,
 * or the lead when the project has no area */
const char *project_unit_of(const project_rules *r, const char *unit, const char *area);
/* the project's responsible units, the lead first, 属地 made concrete (and left out
 * when the project has no area), each once; returns how many (at most max) */
int project_units_of(const project_rules *r, const char *area, const char **out, int max);

const char *project_stage_code(project_stage s);
/* the English label (a msgid: "signed", …), translated by the caller */
const char *project_stage_label(project_stage s);
/* a code, the English label or its translation */
bool project_stage_parse(const char *s, project_stage *out);
/* "signed, filed, …" for "allowed values" messages */
void project_stage_list(strbuf *out);
const char *project_group_code(project_group g);
const char *project_group_label(project_group g);
bool project_group_parse(const char *s, project_group *out);
const char *project_item_state_code(project_item_state s);
const char *project_item_state_label(project_item_state s);
bool project_item_state_parse(const char *s, project_item_state *out);

typedef enum project_verdict {
	PROJ_OK,
	PROJ_SAME,          /* the project is at that stage / the item in that state */
	PROJ_NOT_NEXT,      /* a stage move goes to the next stage only */
	PROJ_BEFORE_LAST,   /* the date lies before the day the current stage was reached */
	PROJ_FUTURE,        /* the date lies after today */
	PROJ_NEEDS_NOTE,    /* a stuck item says what blocks it */
	PROJ_APPEAL_STUCK,  /* only a stuck item becomes an appeal */
	PROJ_APPEAL_TWICE,  /* the item has its appeal already */
} project_verdict;

/* may a project at stage from, reached on from_on, move to stage to on day on? */
project_verdict project_move_check(project_stage from, qdate from_on, project_stage to,
		qdate on, qdate today);
/* may an item in state from go to state to (note: what was typed, NULL or "")? */
project_verdict project_item_check(project_item_state from, project_item_state to,
		const char *note);
/* may the item (state, the appeal it has or 0) become an appeal? */
project_verdict project_appeal_check(project_item_state state, int64_t appeal_id);

/* the light of an item: none once done, else its target date's light as an appeal's
 * deadline (ticket_light); *workdays as there */
ticket_light_t project_item_light(project_item_state state, qdate target, qdate today,
		const calendar *cal, int yellow_days, int *workdays);
/* whether a done item was done by its target date */
bool project_item_on_time(project_item_state state, qdate target, qdate done_on);

/* "项目少跑路": from signing to a stage, in calendar and working days; -1 when the
 * project has not reached it (or its signing date is unknown) */
typedef struct project_span {
	int days;
	int workdays;
} project_span;
/* the span from the signing date to stage s of the stage dates on[] (DATE_NONE when
 * not reached) */
project_span project_span_to(const qdate on[PROJ_STAGE__COUNT], project_stage s,
		const calendar *cal);

/* one item of a project; strings owned */
typedef struct project_item {
	int64_t id;
	int seq;              /* 1, 2, … within its project: what people type */
	char *kind;           /* a project_kind code */
	char *unit;           /* the responsible unit */
	qdate start;          /* the day its time limit is counted from */
	qdate target;
	project_item_state state;
	qdate done_on;        /* DATE_NONE unless done */
	char *note;           /* what blocks it, what was done; "" for none */
	int64_t appeal_id;    /* the appeal it became, 0 for none */
	char *appeal;         /* that appeal's number, "" for none */
} project_item;

void project_item_clear(project_item *it);

/* one project; strings owned */
typedef struct project_rec {
	int64_t id;
	char number[PROJECT_NUMBER_SIZE];
	char *name;
	int64_t enterprise_id;      /* 0: the investor is not in the register yet */
	char *investor;             /* the register's name, or the name to be registered */
	char *uscc;                 /* "" when not registered */
	char *introducer;           /* the introducing unit, "" for none */
	int64_t investment_fen;
	char *site;
	char *area;                 /* its town or sub-district, "" for none */
	project_stage stage;
	qdate on[PROJ_STAGE__COUNT]; /* the day each stage was reached, DATE_NONE before */
	char *created_by;
	char *created_at;
	char *updated_at;
	project_item *items;
	int nitems;
} project_rec;

void project_rec_clear(project_rec *p);

/* the checklist of a new project in area signed on day signed: one item per kind of
 * the data, each open with its default unit (属地 made the area) and its target the
 * kind's time limit in working days after the signing; out has room for r->nkinds
 * items, whose kind and unit point into r (or area) */
void project_default_items(const project_rules *r, const char *area, qdate signed_on,
		const calendar *cal, project_item *out);

/* what a project's items come to on day today: its light (the worst of its open and
 * stuck items, *workdays as ticket_light's) and the counts of the checklist */
typedef struct project_summary {
	ticket_light_t light;
	int workdays;
	int open, stuck, done;
	int on_time;        /* done by the target */
	int red;            /* open or stuck past the target */
	project_span to_started, to_producing;
} project_summary;
void project_summarize(const project_rec *p, qdate today, const calendar *cal,
		int yellow_days, project_summary *out);
/* the order of a list, most urgent first: by light and days (ticket_light_worse),
 * then by number */
int project_summary_cmp(const project_summary *a, const char *a_number,
		const project_summary *b, const char *b_number);

/* "XM2026-000001" into out (PROJECT_NUMBER_SIZE bytes); returns out */
char *project_number_format(int year, long seq, char *out);
/* whether s is such a number (no leading or trailing space) */
bool project_number_valid(const char *s);

#endif
