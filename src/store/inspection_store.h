/* Inspection plans (执法检查) in the database: registration with the verdict its
 * caller computed, approval issuing the plan code, the outcome with 首违不罚
 * recognition, evaluations, cancellation and entries an enterprise refused; and the
 * queries of the command line, the Calendar pane and the report. Every write is one
 * BEGIN IMMEDIATE transaction with its event row. */
#ifndef QIFU_INSPECTION_STORE_H
#define QIFU_INSPECTION_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/inspection_plan.h"
#include "model/inspection.h"
#include "store/db.h"

/* an enterprise a plan covers */
typedef struct inspection_ent {
	int64_t id;
	char *uscc;
	char *name;
	char *area;
} inspection_ent;

/* an enterprise's evaluation of a plan; who may read it is PERM_INSP_EVAL_VIEW's */
typedef struct inspection_eval {
	int64_t enterprise_id;
	char *name;               /* the enterprise's */
	int score;                /* 1..5 */
	char *comment;
	char *recorded_by;        /* the staff login that took it down */
	char *at;                 /* "YYYY-MM-DD HH:MM:SS" */
} inspection_eval;

/* one plan with the enterprises it covers and their evaluations; strings are owned */
typedef struct inspection_record {
	int64_t id;
	int version;              /* bumped by every write; a write names the version it read */
	char *code;               /* NULL until approved */
	char *unit;
	qdate date;
	char *reason;             /* reason code (data/inspection_reasons.tsv) */
	char *legal_basis;
	char *items;
	char *inspectors;         /* '|'-separated names */
	inspection_plan_state state;
	qdate registered_on;
	char *registered_by;
	char *approved_by;        /* NULL until approved */
	qdate approved_on;        /* DATE_NONE until approved */
	char *refused_rules;      /* ','-separated rule codes a supervisor overrode; "" if none */
	char *override_reason;    /* NULL without an override */
	char *override_by;
	char *findings;
	bool has_outcome;         /* done or evaluated */
	inspection_plan_outcome outcome;
	int64_t violation_enterprise_id; /* 0 unless the outcome is a violation */
	char *violation_item;     /* NULL unless the outcome is a violation */
	bool first_violation;     /* recognised as the enterprise's first violation of the item */
	char *cancel_reason;      /* NULL unless cancelled */
	inspection_ent *ents;
	int nents;
	inspection_eval *evals;
	int nevals;
} inspection_record;

/* a plan to register */
typedef struct inspection_new {
	const char *unit;
	qdate date;
	const char *reason;
	const char *legal_basis;
	const char *items;
	const char *inspectors;       /* '|'-separated */
	qdate registered_on;
	const int64_t *enterprise_ids;
	int nents;
	const char *refused_rules;    /* "" when the verdict allowed the plan */
	const char *override_reason;  /* a supervisor's written reason when it refused; else NULL */
} inspection_new;

/* the outcome of an inspection */
typedef struct inspection_done_args {
	const char *findings;
	inspection_plan_outcome outcome;
	int64_t enterprise_id;        /* the violating enterprise; 0 unless a violation */
	const char *item;             /* the violated item; NULL unless a violation */
	int first_violation_years;    /* the [inspection] first_violation_years setting */
} inspection_done_args;

typedef struct inspection_done_result {
	inspection_fv fv;                   /* what 首违不罚 made of the outcome */
	qdate last_violation;         /* the last earlier violation of the item, or DATE_NONE */
	int64_t last_inspection;      /* the plan that recorded it, or 0 */
} inspection_done_result;

/* an entry an enterprise refused because the unit had no registered plan */
typedef struct inspection_refusal {
	int64_t id;
	char *unit;
	int64_t enterprise_id;
	char *uscc;               /* read back with the enterprise's */
	char *name;
	qdate date;
	char *people;             /* who came */
	char *note;
	char *recorded_by;
} inspection_refusal;

typedef struct inspection_filter {
	const char *unit;         /* NULL: every unit */
	int64_t enterprise_id;    /* 0: every enterprise */
	bool by_state;            /* only plans in state */
	inspection_plan_state state;
	bool skip_cancelled;
	bool overridden_only;     /* only plans a supervisor let through a refusal */
	qdate from, to;           /* plan dates, inclusive; DATE_NONE leaves the end open */
	/* what the acting staff member sees (app_inspection_scope): the plans of these
	 * units (scope_units non-NULL, nscope_units of them; none: no plan), or of an
	 * enterprise in scope_area (non-NULL); neither: every plan */
	const char *const *scope_units;
	size_t nscope_units;
	const char *scope_area;
} inspection_filter;

/* per-unit totals of the report */
typedef struct inspection_unit_summary {
	char *unit;
	int plans;                /* not cancelled */
	int cancelled;
	int overrides;            /* of the plans, including cancelled ones */
	int refusals;
} inspection_unit_summary;

/* what approve, done, evaluate and cancel return when the plan changed after the
 * caller read it at version: nothing is written, err says so */
enum { INSPECTION_STORE_STALE = 2 };

/* store a plan the verdict allowed, or a refused one a supervisor overrode (then with
 * an override event); *id gets its id */
int inspection_store_register(db *d, const char *actor, const inspection_new *p, int64_t *id,
		store_err *err);
/* the same inside the caller's BEGIN IMMEDIATE transaction (db_begin), which checked
 * what it stores there: nothing is committed or rolled back here */
int inspection_store_insert(db *d, const char *actor, const inspection_new *p, int64_t *id,
		store_err *err);
/* approve plan id as read at version, issuing the next code of today's year into code:
 * 0, INSPECTION_STORE_STALE or -1 */
int inspection_store_approve(db *d, const char *actor, int64_t id, int version,
		       char code[INSPECTION_CODE_LEN + 1], store_err *err);
/* record the outcome; a violation is judged against the enterprise's earlier ones of
 * the same item: 0 recorded, 1 refused because a claimed first violation is not one
 * (nothing written; *res says why), INSPECTION_STORE_STALE, -1 error */
int inspection_store_done(db *d, const char *actor, int64_t id, int version, const inspection_done_args *a,
		    inspection_done_result *res, store_err *err);
/* the enterprise's evaluation, taken down by staff: 0 recorded, 1 the enterprise has
 * already evaluated this plan, INSPECTION_STORE_STALE, -1 error */
int inspection_store_evaluate(db *d, const char *actor, int64_t id, int version, int64_t enterprise_id,
			int score, const char *comment, store_err *err);
/* cancel plan id as read at version, with the reason in the event: 0, INSPECTION_STORE_STALE or -1 */
int inspection_store_cancel(db *d, const char *actor, int64_t id, int version, const char *reason,
		      store_err *err);
/* record a refused entry (unit, enterprise_id, date, people, note); *id gets its id; the
 * event's entity is 'inspection_refusal', whose ids are not plans' */
int inspection_store_refusal_add(db *d, const char *actor, const inspection_refusal *r, int64_t *id,
			   store_err *err);

/* the plan with this id, or with this canonical code when code is not NULL:
 * 0 found, 1 none, -1 error */
int inspection_store_get(db *d, int64_t id, const char *code, inspection_record *r, store_err *err);
/* free what r owns and zero it */
void inspection_record_clear(inspection_record *r);
/* how many plans the filter matches */
int inspection_store_count(db *d, const inspection_filter *f, long *n, store_err *err);
/* plans [offset, offset+limit) of the filtered list by date then id, complete */
int inspection_store_window(db *d, const inspection_filter *f, long offset, int limit, inspection_record *out,
		      int *n, store_err *err);
/* up to limit plans of the filtered list next to plan from (by its date and id; NULL:
 * an end of the list), after it or (back) before it, into out in list order (date
 * then id), complete: read by key, so a page costs its rows however far it is */
int inspection_store_window_from(db *d, const inspection_filter *f, const inspection_record *from,
                                 bool back, int limit, inspection_record *out, int *n, store_err *err);
/* counts[day - 1]: the plans dated each day of year-month, cancelled ones not counted,
 * of those scope's scope fields let through (NULL: every plan) */
int inspection_store_month_counts(db *d, int year, int month, const inspection_filter *scope,
                                  int counts[31], store_err *err);
/* the plans dated day, cancelled ones left out, of those scope lets through (NULL:
 * every plan); *out is allocated (free each record with inspection_record_clear, then
 * the array) */
int inspection_store_day(db *d, qdate day, const inspection_filter *scope,
                         inspection_record **out, int *n, store_err *err);
/* plans (not cancelled) covering the enterprise in the days days ending with date, for
 * the too-often warning */
int inspection_store_frequency(db *d, int64_t enterprise_id, qdate date, int days, int *n,
			 store_err *err);
/* other units' plans (not cancelled) for the enterprise in date's Monday-to-Sunday
 * week: candidates for a joint inspection; *out as for inspection_store_day */
int inspection_store_joint(db *d, int64_t enterprise_id, const char *unit, qdate date,
		     inspection_record **out, int *n, store_err *err);
/* per-unit plans, cancellations, overrides and refusals dated within [from, to]
 * (DATE_NONE: open), by unit; *out is allocated */
int inspection_store_unit_summary(db *d, qdate from, qdate to, inspection_unit_summary **out, int *n,
			    store_err *err);
/* free what s owns and zero it */
void inspection_unit_summary_clear(inspection_unit_summary *s);
/* refused entries dated within [from, to] (DATE_NONE: open), by unit then date */
int inspection_store_refusals(db *d, qdate from, qdate to, inspection_refusal **out, int *n,
		store_err *err);
/* free what r owns and zero it */
void inspection_refusal_clear(inspection_refusal *r);

#endif
