/* What the appeal commands and the Appeals pane need around the state machine of
 * model/ticket.h: the channels an appeal arrives by, the pane's saved views, the
 * title similarity behind the duplicate warning at intake, and which unit an
 * appeal is waiting for. Pure: no database, no clock, no screen. */
#ifndef QIFU_APPEAL_H
#define QIFU_APPEAL_H
#include <stdbool.h>

#include "model/ticket.h"

/* How the appeal reached qifu (DOMAIN §3 sources). Codes are stable for the CLI,
 * JSON and the database. */
typedef enum appeal_channel {
	APPEAL_CH_VISIT,
	APPEAL_CH_PHONE,
	APPEAL_CH_HOTLINE,               /* 12345 */
	APPEAL_CH_ONLINE,
	APPEAL_CH_LETTER,
	APPEAL_CH_MEETING,
	APPEAL_CH__COUNT
} appeal_channel;

/* The saved views of the Appeals pane, in tab order. */
typedef enum appeal_view {
	APPEAL_VIEW_TO_DISPATCH,         /* 待分办 */
	APPEAL_VIEW_TO_SIGN,             /* 待签收 */
	APPEAL_VIEW_IN_PROGRESS,         /* 办理中 */
	APPEAL_VIEW_DUE_TODAY,           /* 今日到期 */
	APPEAL_VIEW_YELLOW,              /* 黄灯 */
	APPEAL_VIEW_RED,                 /* 红灯 */
	APPEAL_VIEW_CALLBACK,            /* 待回访 */
	APPEAL_VIEW_DISSATISFIED,        /* 不满意 */
	APPEAL_VIEW_CLOSED,              /* 已销号 */
	APPEAL_VIEW_MINE,                /* 本单位 */
	APPEAL_VIEW__COUNT
} appeal_view;

/* What a saved view selects; the store turns it into one indexed WHERE clause. */
typedef struct appeal_view_def {
	unsigned states;                 /* appeal_state_bit() of each state; 0 = any state */
	unsigned lights;                 /* appeal_light_bit() of each light; 0 = any */
	bool due_today;                  /* the earliest running deadline is today */
	bool mine;                       /* the actor's unit is first, lead or related unit */
} appeal_view_def;

/* titles at least this similar (0..100) are shown as possible duplicates */
enum { APPEAL_SIMILAR_MIN = 50 };

/* the bit of state s in appeal_filter.states and appeal_view_def.states */
unsigned appeal_state_bit(ticket_state s);
/* the bit of light l in appeal_filter.lights and appeal_view_def.lights */
unsigned appeal_light_bit(ticket_light_t l);

/* "visit", "phone", "hotline", "online", "letter", "meeting" */
const char *appeal_channel_code(appeal_channel c);
/* untranslated msgid of the label (12345 热线) */
const char *appeal_channel_label(appeal_channel c);
/* code to channel; false for anything appeal_channel_code does not write */
bool appeal_channel_parse(const char *code, appeal_channel *out);

/* stable code of a view ("to_dispatch"), for appeal list --view */
const char *appeal_view_code(appeal_view v);
/* untranslated msgid of the tab label (待分办) */
const char *appeal_view_label(appeal_view v);
/* code to view */
bool appeal_view_parse(const char *code, appeal_view *out);
/* what view v selects */
appeal_view_def appeal_view_definition(appeal_view v);

/* a text (a visit's problem, a work order's content) as a title: one clean line of
 * at most max characters, trimmed; fresh */
char *appeal_title_of(const char *text, int max);

/* 0..100: how alike two titles are (Dice coefficient of character bigrams after
 * folding width and case and dropping everything but letters and digits) */
int appeal_title_similarity(const char *a, const char *b);

/* the unit the appeal is waiting for: the first of lead unit, first-responsible unit
 * and centre that may move it on now (withdraw and merge aside); NULL when no one can */
const char *appeal_holder(const ticket_view *t, const char *centre);

#endif
