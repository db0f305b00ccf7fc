/* Appeals (企业诉求) in the database: registration with its yearly number, the full
 * record with timers and timeline, moves written with a version check, windowed
 * lists and saved-view counts on indexes, the recount after a holiday file changes,
 * and similar open appeals for the intake warning. The rules are model/ticket.h's:
 * callers decide a move there and the store only writes what was decided. */
#ifndef QIFU_APPEAL_STORE_H
#define QIFU_APPEAL_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "core/workday.h"
#include "model/appeal.h"
#include "model/ticket.h"
#include "store/db.h"

typedef enum appeal_callback {
	APPEAL_CALLBACK_NONE,
	APPEAL_CALLBACK_SATISFIED,
	APPEAL_CALLBACK_DISSATISFIED,
} appeal_callback;

/* one row of the timeline; strings owned */
typedef struct appeal_event {
	char *at;                  /* "YYYY-MM-DD HH:MM:SS" */
	char *by;                  /* staff login */
	char *by_name;             /* staff name, "" when the login is gone */
	char *action;              /* ticket_action_code, or "recompute" */
	char *summary;             /* what changed, in codes */
	char *reason;              /* the reason, result or reply typed with the move */
} appeal_event;

/* an appeal as stored; strings owned, freed by appeal_record_clear */
typedef struct appeal_record {
	int64_t id;
	char number[TICKET_NUMBER_SIZE];
	int64_t enterprise_id;
	char *uscc;
	char *enterprise_name;
	char *area;                /* the enterprise's grid area (area officers' scope) */
	char *title;
	char *description;
	ticket_kind kind;
	appeal_channel channel;
	ticket_state state;
	char *first_unit;
	int64_t first_person;
	char *first_login;
	char *first_name;
	char *lead_unit;           /* NULL until dispatched or self-handled */
	char **related;
	int nrelated;
	int version;               /* 1 at registration, +1 with every move */
	char *merged_into;         /* number of the appeal kept, or NULL */
	qdate next_due;            /* earliest running deadline, DATE_NONE when none runs */
	int level;                 /* dispatch level 3, 2 or 1 (escalation.h); 0 before the
	                            * first dispatch */
	char *result;              /* the answer's result, "" before */
	appeal_callback callback;
	char *callback_reason;
	qdate extended_until;      /* DATE_NONE unless extended */
	char *extension_reason;
	ticket_timers timers;
	char *created_at;
	char *updated_at;
	appeal_event *events;      /* oldest first; filled by appeal_store_get only */
	int nevents;
	char **merged_from;        /* numbers of the appeals merged into this one */
	int nmerged_from;
	char *caller_name;         /* who called or came about it, "" when not known */
	char *caller_phone;
	char *caller_role;         /* their role at the firm: 财务经理 … */
	qdate reported_on;         /* the day the enterprise was told the result (告知企业),
	                            * DATE_NONE before */
	ticket_how report_how;     /* how; TICKET_HOW_NONE before, or when answered before
	                            * the report step existed (not recorded) */
	char *report_by;           /* who told it, "" when not recorded */
	char *report_text;         /* what it was told, "" when not recorded */
	char *external_no;         /* the work-order number of the channel it came by
	                            * (12345 …), "" for an appeal registered here */
} appeal_record;

/* a new appeal, as the caller decided it with ticket_decide(TICKET_ACT_REGISTER)
 * and ticket_timers_apply; strings borrowed */
typedef struct appeal_new {
	const char *uscc;
	const char *title;
	const char *description;   /* may be NULL */
	ticket_kind kind;
	appeal_channel channel;
	const char *first_unit;    /* the registering staff member's unit, or the visiting
	                            * unit of the visit problem it is made from */
	int64_t first_person;      /* the registering staff member's id */
	ticket_state state;        /* the register move's target state */
	const ticket_timers *timers;
	int64_t visit_problem_id;  /* 0, or the visit problem it is made from */
	const char *project;       /* NULL, or the project whose stuck item it is made from */
	int project_item;          /* that item */
	int64_t outreach_problem_id; /* 0, or the problem raised at an outreach event */
	int64_t talent_request_id; /* 0, or the talent service request it is made from */
	int64_t whistle_id;        /* 0, or the whistle it is made from */
	const char *caller_name;   /* who called or came about it; NULL or "" not known */
	const char *caller_phone;
	const char *caller_role;
	const char *external_no;   /* the channel's work-order number; NULL or "" none.
	                            * Unique per channel (STORE_E_CONSTRAINT otherwise) */
} appeal_new;

typedef enum appeal_sort {
	APPEAL_SORT_NUMBER,
	APPEAL_SORT_DUE,           /* earliest deadline first; appeals without one last */
	APPEAL_SORT_STATE,
	APPEAL_SORT_UNIT,          /* lead unit */
	APPEAL_SORT_ENTERPRISE,    /* enterprise name in pinyin order */
	APPEAL_SORT__COUNT
} appeal_sort;

/* Which appeals a list or count covers. Zero fields select everything; the light
 * fields need appeal_filter_set_today. Strings borrowed. */
typedef struct appeal_filter {
	unsigned states;           /* appeal_state_bit() per state; 0 = all */
	unsigned lights;           /* appeal_light_bit() per light of the earliest deadline
	                            * (TICKET_LIGHT_NONE: no running timer); 0 = all */
	bool due_today;            /* earliest deadline is today */
	const char *unit;          /* first, lead or related unit */
	const char *enterprise;    /* USCC */
	const char *search;        /* the register's enterprise search, or an appeal number */
	const char *scope_area;    /* area officers: appeals of other areas are invisible */
	const char *const *scope_units; /* unit staff and leaders: only appeals in which one of
	                            * these nscope_units units takes part (first, lead or
	                            * related); NULL: no such limit */
	size_t nscope_units;
	int level;                 /* dispatch level 1..3; 0 = any, dispatched or not */
	const char *lead_unit;     /* the lead or host unit only */
	const char *overseen_by;   /* login of a level-2 leader: the lead units they oversee */
	bool nothing;              /* conditions that contradict each other: select none */
	qdate today;
	qdate yellow_last;         /* the last due date that is still yellow */
} appeal_filter;

/* one list row; strings owned, freed by appeal_row_clear */
typedef struct appeal_row {
	int64_t id;
	char number[TICKET_NUMBER_SIZE];
	char *uscc;
	char *enterprise_name;
	char *title;
	ticket_kind kind;
	ticket_state state;
	char *first_unit;
	char *lead_unit;           /* NULL when none */
	qdate next_due;
	int version;
	int level;                 /* as appeal_record.level */
	qdate handle_due;          /* the running handling timer's due date, or DATE_NONE */
	int similarity;            /* appeal_store_similar only: 0..100 */
	appeal_channel channel;
	char *external_no;         /* as appeal_record.external_no */
} appeal_row;

/* the rules' view of a record; strings stay a's */
ticket_view appeal_record_view(const appeal_record *a);
/* free what a record owns and zero it */
void appeal_record_clear(appeal_record *a);
/* free what a list row owns and zero it */
void appeal_row_clear(appeal_row *r);

/* set today and the yellow range for the light filters: yellow_last is the day
 * before the (yellow_days + 1)-th working day after today, so that a due date is
 * yellow exactly when ticket_light says so; computed once per query */
void appeal_filter_set_today(appeal_filter *f, const calendar *cal, qdate today,
		int yellow_days);
/* add what saved view v selects to f; my_unit is the actor's unit (本单位) */
void appeal_filter_add_view(appeal_filter *f, appeal_view v, const char *my_unit);

/* register a: number from appeal_seq of today's year, the row, its timers and the
 * "register" event, in the caller's db_begin transaction (a batch is one) */
int appeal_store_insert(db *d, const char *actor, const appeal_new *a,
		char number[TICKET_NUMBER_SIZE], store_err *err);
/* appeal_store_insert in a transaction of its own */
int appeal_store_create(db *d, const char *actor, const appeal_new *a,
		char number[TICKET_NUMBER_SIZE], store_err *err);
/* the full record by number, with related units, timers, merged appeals and (with
 * events) the timeline: 0 found, 1 no such appeal, -1 error */
int appeal_store_get(db *d, const char *number, bool events, appeal_record *out,
		store_err *err);

/* Write the allowed move m, decided on seen and checked by the caller, with in as
 * typed and after = seen's timers through ticket_timers_apply: state, lead and
 * related units, timers, next_due, version + 1, the move's texts and the event row.
 * Inside the caller's transaction; re-reads the appeal first and refuses when its
 * version is no longer seen->version ("changed by X at T"), or a merge target is no
 * longer one. 0 written, 1 refused (err says why, nothing written), -1 error. */
int appeal_store_apply(db *d, const char *actor, const appeal_record *seen,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		store_err *err);
/* appeal_store_apply for a bulk load that holds the write transaction and read *a
 * inside it: no re-read, and *a becomes what a fresh read would return after the
 * move (all but its events and the appeals merged into it). The move's rows and
 * event are written; the appeal's own row and its timer rows are not, until
 * appeal_store_write_held, which the holder calls once it is done moving *a, in the
 * same transaction (nothing may read them in between). */
int appeal_store_apply_held(db *d, const char *actor, appeal_record *a,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		store_err *err);
/* the held *a's row and timer rows as the record says, where the row is still at
 * row_version and the timers were row_timers (what *a had when read); nothing when
 * *a has not moved */
int appeal_store_write_held(db *d, const appeal_record *a, int row_version,
		const ticket_timers *row_timers, store_err *err);
/* 0 when now (as just read) is still at seen_version; otherwise 1 with "changed by X
 * at T — reload" in err, naming the latest event's actor and time */
int appeal_store_check_version(db *d, const appeal_record *now, int seen_version,
		store_err *err);
/* What a move of the dispatch ladder (store/escalation_store.h) writes on the appeal
 * itself besides its own rows. Strings borrowed. */
typedef struct appeal_touch {
	int level;                 /* the level after the move */
	const ticket_timers *after; /* the timers after it; NULL leaves them alone */
	const char *action;        /* the event's action code (escalation_action_code) */
	const char *summary;       /* the event's summary, in codes */
	const char *reason;        /* the text typed with the move */
} appeal_touch;

/* Inside the caller's transaction: re-read the appeal and refuse when its version is
 * no longer seen->version, else write the level, the timers that changed with
 * next_due, version + 1 and the event row. 0 written, 1 refused (err says why), -1 */
int appeal_store_touch(db *d, const char *actor, const appeal_record *seen,
		const appeal_touch *t, store_err *err);

/* appeal_store_apply in one BEGIN IMMEDIATE transaction of its own */
int appeal_store_move(db *d, const char *actor, const appeal_record *seen,
		const ticket_move *m, const ticket_input *in, const ticket_timers *after,
		store_err *err);

/* Ready the connection for writing many appeals in large transactions into a new
 * file: statement journals stay in memory (PRAGMA temp_store = MEMORY; without it
 * SQLite spills them to a temporary file once one outgrows 64 KiB and then writes
 * every later one there, which made the demo's appeals five times slower), a 128 MB
 * page cache, and no sync at commits. For bulk loads of a new file only. */
int appeal_store_bulk_mode(db *d, store_err *err);

/* db_build_begin for a held bulk load of appeals into a new file (the demo's): the
 * indexes of appeals, their timers, related units, assignments and events that none
 * of appeal_store_insert, _get, _apply_held, _write_held and the merge check reads
 * are set aside until db_build_end */
int appeal_store_build_begin(db *d, db_build *b, store_err *err);

/* how many appeals f selects */
int appeal_store_count(db *d, const appeal_filter *f, long *n, store_err *err);
/* the count up to limit: limit + 1 when there are more (a screen's "1000+"); limit
 * < 0 counts them all */
int appeal_store_count_upto(db *d, const appeal_filter *f, long limit, long *n,
		store_err *err);
/* rows [offset, offset + limit) of the filtered, sorted list; *n = rows read */
int appeal_store_window(db *d, const appeal_filter *f, appeal_sort sort, bool desc,
		long offset, int limit, appeal_row *rows, int *n, store_err *err);
/* up to limit rows of the filtered list sorted by sort next to the appeal whose id
 * is from (0: from an end), after it or (back) before it, in list order: a window
 * read by key, which costs its rows wherever it is; 0, 1 when that appeal is gone
 * (read by offset then), or -1 with err; *n = rows read */
int appeal_store_window_from(db *d, const appeal_filter *f, appeal_sort sort, bool desc,
		int64_t from, bool back, int limit, appeal_row *rows, int *n, store_err *err);
/* up to limit rows of the filtered list in the order sort (desc) after last (NULL:
 * from the start), read by key as appeal_store_window_from reads them: a chunk that
 * costs its rows wherever it starts; *n = rows read. Rows whose order columns have
 * not changed since last was read follow it exactly once. */
int appeal_store_window_after(db *d, const appeal_filter *f, appeal_sort sort, bool desc,
		const appeal_row *last, int limit, appeal_row *rows, int *n, store_err *err);
/* the count of one saved view within base (scope, search, today), up to limit as
 * appeal_store_count_upto counts */
int appeal_store_view_count(db *d, const appeal_filter *base, appeal_view v,
		const char *my_unit, long limit, long *n, store_err *err);
/* the counts of every saved view up to limit each: the pane's tabs, the command's
 * views (limit < 0) */
int appeal_store_view_counts(db *d, const appeal_filter *base, const char *my_unit,
		long limit, long counts[APPEAL_VIEW__COUNT], store_err *err);

/* recount every running timer with cal (ticket_timer_recompute), write the moved due
 * dates, next_due and version, and a "recompute" event per changed appeal, in
 * batches; *changed gets the number of appeals changed */
int appeal_store_recompute(db *d, const char *actor, const calendar *cal, long *changed,
		store_err *err);

/* a running timer whose due date a new calendar moves */
typedef struct appeal_due_move {
	int64_t appeal_id;
	char number[TICKET_NUMBER_SIZE];
	char *enterprise;          /* the enterprise's name */
	ticket_timer which;
	qdate old_due, new_due;
} appeal_due_move;

typedef struct appeal_due_moves {
	appeal_due_move *m;
	int n;
	long appeals;              /* how many appeals have a moved timer */
} appeal_due_moves;

/* every running timer due on or after from (DATE_NONE: all) whose due date cal moves,
 * in appeal order; with write, inside the caller's transaction, the new dates are
 * written with a "recompute" event (reason) per appeal. 0 or -1 */
int appeal_store_due_moves(db *d, const char *actor, const calendar *cal, qdate from,
		bool write, const char *reason, appeal_due_moves *moves, store_err *err);
void appeal_due_moves_clear(appeal_due_moves *moves);

/* open appeals of the enterprise uscc registered on or after since whose titles are
 * at least APPEAL_SIMILAR_MIN alike with title, most similar first, at most max */
int appeal_store_similar(db *d, const char *uscc, const char *title, qdate since,
		qdate closed_since, appeal_row *rows, int max, int *n, store_err *err);

/* the newest events a live desk's look reads for its unit's new appeals, at most */
#define APPEAL_NEWS_SCAN 2000

/* an appeal newly given to one of the units a desk watches; unit owned */
typedef struct appeal_news {
	int64_t event_id;
	char number[TICKET_NUMBER_SIZE];
	char *unit;                /* the watched unit it was given to */
} appeal_news;

/* the appeals given to one of the nunits units by the events after *after: registered
 * for the unit by someone not of it, or dispatched to it as lead or related unit, in
 * event order, at most cap (more: there were others), looking at the newest
 * APPEAL_NEWS_SCAN events at most. *after becomes the newest event's id (*after < 0:
 * only that, the first look). The count, or -1 */
int appeal_store_news(db *d, int64_t *after, const char *const *units, size_t nunits,
		appeal_news *out, int cap, bool *more, store_err *err);
void appeal_news_clear(appeal_news *v, int n);

#endif
