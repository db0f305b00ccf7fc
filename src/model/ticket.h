/* The appeal (企业诉求, DOMAIN §3) as a pure state machine: states, moves, who may
 * make each move, the working-day timers each move starts and stops, the lights
 * drawn from them, and appeal numbers. Storage, commands and the pane sit on top;
 * nothing here touches the database, the clock or the screen. */
#ifndef QIFU_TICKET_H
#define QIFU_TICKET_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "model/perm.h"

/* States. Codes ("in_progress") are stable for the CLI, JSON and the database. */
typedef enum ticket_state {
	TICKET_ST_NEW,                   /* not yet registered: the origin of "register" */
	TICKET_ST_REGISTERED,            /* at the first-responsible unit, which decides */
	TICKET_ST_SELF_HANDLING,         /* the first-responsible unit handles it itself */
	TICKET_ST_SUBMITTED,             /* at 区企服中心, awaiting dispatch */
	TICKET_ST_DISPATCHED,            /* sent to the lead unit, awaiting 签收 */
	TICKET_ST_IN_PROGRESS,           /* signed for, being handled */
	TICKET_ST_EXTENDED,              /* handling deadline extended */
	TICKET_ST_ANSWERED,              /* 办结, awaiting the first unit's report to the firm */
	TICKET_ST_REPORTED,              /* 已告知企业: the result told, awaiting the callback */
	TICKET_ST_CALLBACK_SATISFIED,    /* enterprise satisfied, awaiting 销号 */
	TICKET_ST_CALLBACK_DISSATISFIED, /* awaiting the centre's feedback to the units */
	TICKET_ST_FED_BACK,              /* units told, awaiting the lead unit's explanation */
	TICKET_ST_EXPLAINED,             /* explained to the enterprise */
	TICKET_ST_CLOSE_REQUESTED,       /* lead unit asks the first-responsible unit to close */
	TICKET_ST_CLOSED,
	TICKET_ST_WITHDRAWN,
	TICKET_ST_MERGED,
	TICKET_ST__COUNT
} ticket_state;

/* The options of `qifu appeal VERB` (TICKET_ACTIONS' opts). */
enum ticket_opt {
	TICKET_OPT_UNIT = 1u << 0,       /* --unit */
	TICKET_OPT_RELATED = 1u << 1,    /* --related */
	TICKET_OPT_REASON = 1u << 2,     /* --reason */
	TICKET_OPT_TEXT = 1u << 3,       /* --text */
	TICKET_OPT_RESULT = 1u << 4,     /* --result */
	TICKET_OPT_UNTIL = 1u << 5,      /* --until */
	TICKET_OPT_INTO = 1u << 6,       /* --into */
	TICKET_OPT_CALLBACK = 1u << 7,   /* --satisfied | --dissatisfied */
	TICKET_OPT_REPORT = 1u << 8,     /* --how, --by, --on */
};

/* Every move of an appeal, once. X(ID, code, verb, label, text label, needs, irreversible,
 * lead, opts):
 *   ID          TICKET_ACT_ID
 *   code        the machine code in the database and JSON ("request_close")
 *   verb        `qifu appeal VERB`, or NULL where no verb makes the move alone (the
 *               callback verb makes both callbacks)
 *   label       the move for people (msgid)
 *   text label  what its text is, for forms and errors (msgid), or NULL
 *   needs       TICKET_NEEDS_* (ticket_input_check)
 *   irrev.      confirmed with [y/N] before it is made
 *   lead        what it does to the lead unit (TICKET_LEAD_*)
 *   opts        the command's options (TICKET_OPT_*) */
#define TICKET_ACTIONS(X) \
	X(REGISTER, "register", NULL, N_("register"), NULL, 0, false, KEEP, 0) \
	X(SELF_HANDLE, "self_handle", "self-handle", N_("handle in own unit"), NULL, 0, false, \
	  SET_FIRST, 0) \
	X(SUBMIT, "submit", "submit", N_("submit to the centre"), NULL, 0, false, CLEAR, 0) \
	X(DISPATCH, "dispatch", "dispatch", N_("dispatch"), NULL, TICKET_NEEDS_UNIT, false, \
	  SET_INPUT, TICKET_OPT_UNIT | TICKET_OPT_RELATED) \
	X(SIGN, "sign", "sign", N_("sign for"), NULL, 0, false, KEEP, 0) \
	X(RETURN, "return", "return", N_("return"), N_("reason for the return"), \
	  TICKET_NEEDS_TEXT, false, CLEAR, TICKET_OPT_REASON) \
	X(EXTEND, "extend", "extend", N_("extend"), N_("reason for the extension"), \
	  TICKET_NEEDS_TEXT | TICKET_NEEDS_DATE, false, KEEP, TICKET_OPT_UNTIL | TICKET_OPT_REASON) \
	/* the explanatory reply an extension owes */ \
	X(EXPLAIN, "explain", "explain", N_("explanatory reply"), \
	  N_("text of the explanatory reply"), TICKET_NEEDS_TEXT, false, KEEP, TICKET_OPT_TEXT) \
	X(ANSWER, "answer", "answer", N_("answer"), N_("result"), TICKET_NEEDS_TEXT, false, KEEP, \
	  TICKET_OPT_RESULT) \
	/* 告知企业: the first-responsible unit tells the enterprise the result */ \
	X(REPORT, "report", "report", N_("report to the enterprise"), \
	  N_("text of the report"), TICKET_NEEDS_TEXT | TICKET_NEEDS_REPORT, false, \
	  KEEP, TICKET_OPT_TEXT | TICKET_OPT_REPORT) \
	X(CALLBACK_SATISFIED, "callback_satisfied", "callback", N_("callback: satisfied"), NULL, \
	  0, false, KEEP, TICKET_OPT_CALLBACK | TICKET_OPT_REASON) \
	X(CALLBACK_DISSATISFIED, "callback_dissatisfied", NULL, N_("callback: dissatisfied"), \
	  N_("reason for the dissatisfaction"), TICKET_NEEDS_TEXT, false, KEEP, 0) \
	X(FEEDBACK, "feedback", "feedback", N_("feed back to the units"), \
	  N_("text of the feedback"), TICKET_NEEDS_TEXT, false, KEEP, TICKET_OPT_TEXT) \
	/* the lead unit explains to a dissatisfied enterprise */ \
	X(CLARIFY, "clarify", "clarify", N_("explain to the enterprise"), \
	  N_("text of the explanation"), TICKET_NEEDS_TEXT, false, KEEP, TICKET_OPT_TEXT) \
	X(REQUEST_CLOSE, "request_close", "request-close", N_("request close"), NULL, 0, false, \
	  KEEP, 0) \
	X(CLOSE, "close", "close", N_("close"), NULL, 0, true, KEEP, 0) \
	X(WITHDRAW, "withdraw", "withdraw", N_("withdraw"), N_("reason for the withdrawal"), \
	  TICKET_NEEDS_TEXT, true, KEEP, TICKET_OPT_REASON) \
	X(MERGE, "merge", "merge", N_("merge"), NULL, TICKET_NEEDS_TARGET, true, KEEP, \
	  TICKET_OPT_INTO)

typedef enum ticket_action {
#define TICKET_ACTION_ENUM(id, code, verb, label, text, needs, irrev, lead, opts) TICKET_ACT_##id,
	TICKET_ACTIONS(TICKET_ACTION_ENUM)
#undef TICKET_ACTION_ENUM
	TICKET_ACT__COUNT
} ticket_action;

typedef enum ticket_kind {
	TICKET_KIND_SIMPLE,
	TICKET_KIND_GENERAL,
	TICKET_KIND_COMPLEX,
	TICKET_KIND__COUNT
} ticket_kind;

typedef enum ticket_timer {
	TICKET_TIMER_DISPATCH,
	TICKET_TIMER_HANDLE,
	TICKET_TIMER_EXPLAIN,
	TICKET_TIMER_FEEDBACK,
	TICKET_TIMER_REPORT,             /* from the answer to the report to the enterprise */
	TICKET_TIMER__COUNT
} ticket_timer;

/* ordered by urgency, so the worst of several is the largest; the _t leaves the
 * name ticket_light to the function */
typedef enum ticket_light_t {
	TICKET_LIGHT_NONE,               /* no running timer */
	TICKET_LIGHT_GREEN,
	TICKET_LIGHT_YELLOW,
	TICKET_LIGHT_RED,
	TICKET_LIGHT__COUNT
} ticket_light_t;

/* How the actor stands to the ticket; several may hold at once. */
enum ticket_relation {
	TICKET_REL_FIRST = 1u << 0,      /* actor's unit is the first-responsible unit */
	TICKET_REL_LEAD = 1u << 1,       /* … the lead or host unit */
	TICKET_REL_RELATED = 1u << 2,    /* … one of the related units */
	TICKET_REL_CENTRE = 1u << 3,     /* … 区企服中心 (in ticket_move.who: its front desk) */
	TICKET_REL_ANY = 1u << 4,        /* ticket_move.who only: any login with a unit */
};

/* What a move asks of its input (ticket_input_check tests it). */
enum ticket_need {
	TICKET_NEEDS_TEXT = 1u << 0,     /* a reason, result or reply */
	TICKET_NEEDS_UNIT = 1u << 1,     /* dispatch: the lead or host unit */
	TICKET_NEEDS_DATE = 1u << 2,     /* extend: the new due date */
	TICKET_NEEDS_TARGET = 1u << 3,   /* merge: the appeal to merge into */
	TICKET_NEEDS_REPORT = 1u << 4,   /* report: how, by whom and on which day */
};

/* How the enterprise was told of the result (告知方式). Codes are stable for the
 * CLI, JSON and the database; TICKET_HOW_NONE is "not given" (and, on appeals
 * answered before the report step existed, "not recorded"). */
typedef enum ticket_how {
	TICKET_HOW_NONE,
	TICKET_HOW_PHONE,
	TICKET_HOW_VISIT,
	TICKET_HOW_MESSAGE,              /* SMS or WeChat */
	TICKET_HOW_LETTER,
	TICKET_HOW__COUNT
} ticket_how;

/* What a move does to one timer. */
typedef enum ticket_timer_op {
	TICKET_TIMER_KEEP,
	TICKET_TIMER_START,              /* (re)start from the move's day */
	TICKET_TIMER_START_AT_DISPATCH,  /* start, counted from the handling timer's start */
	TICKET_TIMER_SET_UNTIL,          /* due date becomes the extension's new date */
	TICKET_TIMER_STOP,
} ticket_timer_op;

/* What a move does to the ticket's lead unit. */
typedef enum ticket_lead_op {
	TICKET_LEAD_KEEP,
	TICKET_LEAD_SET_INPUT,           /* dispatch: ticket_input.unit, with its related units */
	TICKET_LEAD_SET_FIRST,           /* self-handle: the first-responsible unit hosts it */
	TICKET_LEAD_CLEAR,               /* back to the centre: no lead, no related units */
} ticket_lead_op;

/* Why ticket_decide refused. */
typedef enum ticket_refusal {
	TICKET_OK,
	TICKET_REFUSED_STATE,            /* nobody may make this move in this state */
	TICKET_REFUSED_ACTOR,            /* someone may, but not this actor's unit */
	TICKET_REFUSED_ROLE,             /* this actor's role does not move appeals */
	TICKET_REFUSED_NO_UNIT,          /* the actor belongs to no unit */
} ticket_refusal;

/* The part of a ticket the rules look at. Strings are borrowed. */
typedef struct ticket_view {
	const char *number;              /* "2026-000123"; NULL before registration */
	const char *enterprise;          /* the enterprise's USCC */
	ticket_state state;
	ticket_kind kind;
	const char *first_unit;          /* 首问责任单位 */
	const char *lead_unit;           /* 牵头/主办单位; NULL until dispatched or self-handled */
	const char *const *related;      /* related units (相关单位) */
	int nrelated;
} ticket_view;

/* Who is acting. The centre's name comes from data (units.tsv kind centre). */
typedef struct ticket_actor {
	role_t role;
	const char *unit;                /* NULL when the login belongs to no unit */
	const char *centre;              /* 区企服中心's unit name */
} ticket_actor;

/* The verdict on one move, and when allowed everything the store must do. */
typedef struct ticket_move {
	bool allowed;
	ticket_action action;
	ticket_state from;
	ticket_state to;                 /* == from when refused */
	ticket_timer_op timer[TICKET_TIMER__COUNT];
	ticket_lead_op lead;
	unsigned needs;                  /* enum ticket_need bits */
	bool irreversible;               /* the UI confirms it with [y/N] */
	ticket_refusal refusal;
	unsigned who;                    /* TICKET_REL_* bits that may make it in this state */
	int npossible;                   /* what this actor may do instead */
	ticket_action possible[TICKET_ACT__COUNT];
} ticket_move;

/* What the actor typed for a move. Unused fields are NULL / DATE_NONE. */
typedef struct ticket_input {
	const char *text;                /* reason, result or reply */
	const char *unit;                /* dispatch: lead or host unit */
	const char *const *related;      /* dispatch: related units */
	int nrelated;
	qdate until;                     /* extend: new due date of handling */
	const char *into;                /* merge: the number of the appeal kept */
	ticket_how how;                  /* report: how the enterprise was told */
	const char *by;                  /* report: who told it */
	qdate on;                        /* report: the day it was told, which stops its
	                                  * timer; read only by moves that need a report */
} ticket_input;

/* Time limits in working days; filled from the [appeal] settings. */
typedef struct ticket_params {
	int dispatch_days;
	int simple_days;
	int general_days;
	int complex_days;
	int explain_days;
	int feedback_days;
	int report_days;                 /* from the answer to the report to the enterprise */
	int yellow_days;                 /* yellow when at most this many working days are left */
} ticket_params;

/* One timer of one ticket, as stored. */
typedef struct ticket_timer_state {
	qdate start;                     /* the day counting starts after; DATE_NONE: never ran */
	int days;                        /* working days from start; -1: due fixed by extension */
	qdate due;
	qdate done;                      /* day it stopped; DATE_NONE while running */
} ticket_timer_state;

typedef struct ticket_timers {
	ticket_timer_state t[TICKET_TIMER__COUNT];
} ticket_timers;

/* "2026-000123" plus room for larger sequence numbers */
enum { TICKET_NUMBER_SIZE = 24 };

/* stable code ("in_progress"); "?" when out of range */
const char *ticket_state_code(ticket_state s);
/* untranslated msgid of the label (办理中); the caller translates it */
const char *ticket_state_label(ticket_state s);
/* code to state; false for anything ticket_state_code does not write */
bool ticket_state_parse(const char *code, ticket_state *out);
/* true until closed, withdrawn or merged (registered and later; not TICKET_ST_NEW) */
bool ticket_state_is_open(ticket_state s);

/* stable code ("request_close") */
const char *ticket_action_code(ticket_action a);
/* the command line's verb (`qifu appeal VERB`), NULL where none makes the move alone */
const char *ticket_action_verb(ticket_action a);
/* the command's options for the verb, TICKET_OPT_* */
unsigned ticket_action_opts(ticket_action a);
/* untranslated msgid of the label (申请销号) */
const char *ticket_action_label(ticket_action a);
/* untranslated msgid naming the text the action needs (退单原因), or NULL */
const char *ticket_action_text_label(ticket_action a);
/* code to action; the CLI maps its verbs (request-close) to these codes */
bool ticket_action_parse(const char *code, ticket_action *out);

/* "phone", "visit", "message", "letter" ("" for none) */
const char *ticket_how_code(ticket_how h);
/* untranslated msgid: 电话 / 上门 / 短信或微信 / 书面函件 */
const char *ticket_how_label(ticket_how h);
/* code to how; false for "" and anything ticket_how_code does not write */
bool ticket_how_parse(const char *code, ticket_how *out);

/* "simple", "general", "complex" (appeal new --kind) */
const char *ticket_kind_code(ticket_kind k);
/* untranslated msgid: 简单事项 / 一般事项 / 复杂事项 */
const char *ticket_kind_label(ticket_kind k);
/* code to kind */
bool ticket_kind_parse(const char *code, ticket_kind *out);

/* "dispatch", "handle", "explain", "feedback", "report" (the JSON timer names) */
const char *ticket_timer_code(ticket_timer tm);
/* code to timer */
bool ticket_timer_parse(const char *code, ticket_timer *out);
/* untranslated msgid: 分办时限, 办理时限, … */
const char *ticket_timer_label(ticket_timer tm);

/* "green", "yellow", "red" ("" for none) */
const char *ticket_light_code(ticket_light_t l);
/* untranslated msgid: 正常 / 临期 / 超期 */
const char *ticket_light_label(ticket_light_t l);
/* "green", "yellow" or "red" (appeal list --light) */
bool ticket_light_parse(const char *code, ticket_light_t *out);

/* TICKET_REL_* bits of who towards t */
unsigned ticket_relations(const ticket_view *t, const ticket_actor *who);
/* whether who may make move a on t now; out gets the full verdict either way */
bool ticket_decide(const ticket_view *t, ticket_action a, const ticket_actor *who,
		ticket_move *out);
/* whether who may register an appeal whose first-responsible unit is unit rather than
 * their own (a problem found on another unit's visit): members of that unit may, and
 * so may the centre's front desk and supervisors, who take in every unit's appeals */
bool ticket_may_register_for(const ticket_actor *who, const char *unit);
/* the moves who may make on t now, in action order; returns how many */
int ticket_allowed_actions(const ticket_view *t, const ticket_actor *who,
		ticket_action out[TICKET_ACT__COUNT]);
/* the translated refusal of a refused move: state, role, who may, what is possible */
void ticket_refusal_text(const ticket_view *t, const ticket_actor *who, const ticket_move *m,
		strbuf *out);
/* 0 when in satisfies the needs of the allowed move m on t; -1 with a translated message */
int ticket_input_check(const ticket_view *t, const ticket_timers *tm, const ticket_move *m,
		const ticket_input *in, const calendar *cal, qdate today, strbuf *err);
/* 0 when src may be merged into into (same enterprise, open, not itself); -1 otherwise */
int ticket_merge_check(const ticket_view *src, const ticket_view *into, strbuf *err);

/* the defaults of the policy: 1, 1/3/7, 3, 1, report 1 and yellow at 1 */
ticket_params ticket_params_default(void);
/* the handling limit: by kind, or the complex one when related units share the work */
int ticket_handle_days(const ticket_params *p, ticket_kind k, int nrelated);
/* the end of the days-th working day after start (a rest-day start: next working day is 1) */
qdate ticket_timer_due(const calendar *cal, qdate start, int days);
/* every timer never run */
void ticket_timers_init(ticket_timers *tm);
/* started and not yet stopped */
bool ticket_timer_running(const ticket_timer_state *ts);
/* apply an allowed move made on day today to tm; t and in as given to the move */
void ticket_timers_apply(ticket_timers *tm, const ticket_move *m, const ticket_view *t,
		const ticket_input *in, const ticket_params *p, const calendar *cal, qdate today);
/* recount a running timer's due date after the calendar changed; true when it moved */
bool ticket_timer_recompute(ticket_timer_state *ts, const calendar *cal);

/* the light of a deadline; *workdays (may be NULL) gets the working days left (>= 0)
 * or, when red, overdue (> 0) */
ticket_light_t ticket_light(qdate due, qdate today, const calendar *cal, int yellow_days,
		int *workdays);
/* the light of a running timer, TICKET_LIGHT_NONE for others */
ticket_light_t ticket_timer_light(const ticket_timer_state *ts, qdate today, const calendar *cal,
		int yellow_days, int *workdays);
/* whether light l with n working days (left, or overdue when red) is more urgent than
 * worst with worst_n: the worse light, among reds the most overdue, among the others
 * the fewest days left (also a project's items, model/project.c) */
bool ticket_light_worse(ticket_light_t l, int n, ticket_light_t worst, int worst_n);
/* the most urgent running timer (*which, may be NULL) and its light */
ticket_light_t ticket_worst_light(const ticket_timers *tm, qdate today, const calendar *cal,
		int yellow_days, int *workdays, ticket_timer *which);
/* 剩余 N 个工作日 / 今日到期 / 超期 N 个工作日, translated, appended to out */
void ticket_due_text(ticket_light_t l, int workdays, strbuf *out);

/* "2026-000123" into out (TICKET_NUMBER_SIZE bytes); seq 1..999999999; returns out */
char *ticket_number_format(int year, long seq, char *out);
/* strictly what ticket_number_format writes; year 1900..9999, seq >= 1 */
bool ticket_number_parse(const char *s, int *year, long *seq);

#endif
