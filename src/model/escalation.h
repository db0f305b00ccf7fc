/* Three-level dispatch (三级调度, DOMAIN §3) as pure rules: who may raise an appeal
 * from level 3 (its lead unit's own dispatch) to level 2 (the committee leader in
 * charge of that unit) and on to level 1 (the principal leader), who records the
 * dispatches (会议调度 / 现场调度) at each level, when the board suggests escalation,
 * and what a dispatch record must hold. Storage, commands and the pane sit on top. */
#ifndef QIFU_ESCALATION_H
#define QIFU_ESCALATION_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "model/perm.h"
#include "model/ticket.h"

/* Levels are the plain numbers of the policy (3, 2, 1): the JSON "level" and the
 * database column hold them as they are. A dispatch starts an appeal at level 3. */
enum {
	ESC_LEVEL_PRINCIPAL = 1,         /* 一级调度: 主要领导 */
	ESC_LEVEL_LEADER = 2,            /* 二级调度: 分管委领导 */
	ESC_LEVEL_LEAD_UNIT = 3,         /* 三级调度: 牵头部门 */
	ESC_LEVEL_START = ESC_LEVEL_LEAD_UNIT,
};

/* What an actor does on the ladder. Codes ("escalate") are stable for the CLI. */
typedef enum escalation_action {
	ESC_ACT_ESCALATE,                /* raise to the next level, with a reason */
	ESC_ACT_SCHEDULE,                /* record a dispatch (meeting or on-site) at this level */
	ESC_ACT_OUTCOME,                 /* record the outcome of this level's dispatch */
	ESC_ACT_VIEW,                    /* see the level and the dispatch records */
	ESC_ACT__COUNT
} escalation_action;

/* Who may make a move at a level (escalation_verdict.who); several may be set. */
enum escalation_who {
	ESC_WHO_LEAD_UNIT = 1u << 0,     /* staff acting for the appeal's lead unit */
	ESC_WHO_LEADER2 = 1u << 1,       /* a level-2 leader who oversees the lead unit */
	ESC_WHO_LEADER1 = 1u << 2,       /* a level-1 (principal) leader */
	ESC_WHO_SUPERVISOR = 1u << 3,    /* supervisors (and administrators): see only */
	ESC_WHO_UNITS = 1u << 4,         /* the appeal's own units and the centre */
};

/* Why escalation_decide refused, in the order the checks run. */
typedef enum escalation_refusal {
	ESC_OK,
	ESC_REFUSED_LEVEL,               /* the stored level is not 1, 2 or 3 */
	ESC_REFUSED_STATE,               /* the appeal's state allows no such move */
	ESC_REFUSED_TOP,                 /* escalate at level 1: there is no higher level */
	ESC_REFUSED_SUPERVISOR,          /* supervisors see every level but move none */
	ESC_REFUSED_ACTOR,               /* someone may, but not this actor */
} escalation_refusal;

/* What a move asks of its input (escalation_text_check / escalation_record_check). */
enum escalation_need {
	ESC_NEEDS_REASON = 1u << 0,      /* escalate: why the level below cannot solve it */
	ESC_NEEDS_RECORD = 1u << 1,      /* schedule: a valid escalation_record */
	ESC_NEEDS_OUTCOME = 1u << 2,     /* outcome: the outcome text */
};

/* Who is acting. Strings are borrowed. */
typedef struct escalation_actor {
	role_t role;
	const char *unit;                /* NULL when the login belongs to no unit */
	const char *centre;              /* 区企服中心's unit name (units.tsv kind centre) */
	int leader_level;                /* leaders: 1 or 2; anyone else 0 */
	const char *const *oversees;     /* level-2 leaders: NULL-terminated, as staff.oversees */
} escalation_actor;

/* The verdict on one move. */
typedef struct escalation_verdict {
	bool allowed;
	escalation_action action;
	int level;                       /* the level the move was asked at */
	int next;                        /* the level after it: level - 1 for an allowed escalate */
	escalation_refusal refusal;
	unsigned who;                    /* ESC_WHO_* bits that may make it at this level */
	unsigned needs;                  /* ESC_NEEDS_* bits, when allowed */
} escalation_verdict;

typedef enum escalation_mode {
	ESC_MODE_MEETING,                /* 会议调度 */
	ESC_MODE_ONSITE,                 /* 现场调度 */
	ESC_MODE__COUNT
} escalation_mode;

/* One dispatch record as typed or stored. Strings are borrowed; optional ones may be
 * NULL or empty. */
typedef struct escalation_record {
	int level;                       /* the level it was held at */
	escalation_mode mode;
	qdate date;                      /* the day of the meeting or visit */
	const char *place;               /* optional */
	const char *attendees;           /* optional */
	const char *decision;            /* required */
	qdate new_due;                   /* DATE_NONE, or the new due date of handling */
	const char *outcome;             /* NULL until recorded */
} escalation_record;

/* Limits of the texts, in characters (not bytes). */
enum {
	ESC_TEXT_MAX = 1000,             /* reason, decision, outcome */
	ESC_PLACE_MAX = 100,
	ESC_ATTENDEES_MAX = 500,
};

/* stable code ("escalate", "schedule", "outcome", "view"); "?" when out of range */
const char *escalation_action_code(escalation_action a);
/* untranslated msgid of the action's label; the caller translates it */
const char *escalation_action_label(escalation_action a);
/* code to action */
bool escalation_action_parse(const char *code, escalation_action *out);

/* "meeting" or "onsite" (appeal schedule --mode) */
const char *escalation_mode_code(escalation_mode m);
/* untranslated msgid: 会议调度 / 现场调度 */
const char *escalation_mode_label(escalation_mode m);
/* code to mode */
bool escalation_mode_parse(const char *code, escalation_mode *out);

/* whether level is 1, 2 or 3 */
bool escalation_level_valid(int level);
/* untranslated msgid of the board's column title: 三级（牵头部门）…; "?" when invalid */
const char *escalation_level_label(int level);
/* untranslated msgid of the short name: 三级 / 二级 / 一级; "?" when invalid */
const char *escalation_level_short(int level);
/* the level after an appeal move: a dispatch or a return starts over at level 3 (the
 * next lead unit has not tried yet), every other move keeps it */
int escalation_level_after(ticket_action a, int level);

/* whether the appeal's state allows the action at all (view: every state) */
bool escalation_state_allows(ticket_state s, escalation_action a);
/* whether who may make move a on appeal t standing at level; out gets the verdict */
bool escalation_decide(const ticket_view *t, int level, escalation_action a,
		const escalation_actor *who, escalation_verdict *out);
/* the moves who may make on t at level now, in action order; returns how many */
int escalation_allowed_actions(const ticket_view *t, int level, const escalation_actor *who,
		escalation_action out[ESC_ACT__COUNT]);
/* the translated refusal: the move, the level, the actor and who may instead */
void escalation_refusal_text(const ticket_view *t, const escalation_actor *who,
		const escalation_verdict *v, strbuf *out);

/* 0 when text is a usable reason (escalate) or outcome (outcome); -1 with a message */
int escalation_text_check(escalation_action a, const char *text, strbuf *err);
/* 0 when r is a complete dispatch record held on an appeal dispatched on the day
 * dispatched (DATE_NONE: unknown) and a new due date, if any, is a working day after
 * today and not before the dispatch itself; -1 with a translated message */
int escalation_record_check(const escalation_record *r, const calendar *cal, qdate today,
		qdate dispatched, strbuf *err);
/* a checked record's new due date becomes the running handling timer's due date, as
 * an extension's does; nothing happens without one */
void escalation_timers_apply(ticket_timers *tm, const escalation_record *r,
		const calendar *cal, qdate today);

/* 建议升级: a red appeal overdue by at least after_days working days (settings
 * escalate_after_days; below 1 counts as 1) below level 1. light and overdue are the
 * handling timer's (ticket_timer_light on TICKET_TIMER_HANDLE) */
bool escalation_suggested(ticket_light_t light, int overdue, int level, int after_days);
/* untranslated msgid of the mark: 建议升级 */
const char *escalation_suggest_label(void);

#endif
