/* The one path an inspection plan takes, from `qifu inspect` and from the Calendar
 * pane alike: what was typed is checked and cleaned, the rules decide (the verdict on
 * the date, the plan's moves, who approves, 首违不罚), and the store writes it with its
 * event. Messages are built here, translated, into err, and *field says which input
 * they are about, so that the command line names its option and a form its field.
 * Enterprises are named by USCC as typed (a form passes the USCC it picked). */
#ifndef QIFU_APP_INSPECTION_MOVE_H
#define QIFU_APP_INSPECTION_MOVE_H
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "model/enterprise.h"
#include "model/inspection_plan.h"
#include "model/inspection_reason.h"
#include "model/inspection.h"
#include "store/inspection_store.h"

/* the input an answer other than APP_OK is about */
typedef enum inspection_field {
	INSPECTION_FIELD_NONE,          /* the plan, the rules or the database as a whole */
	INSPECTION_FIELD_UNIT,
	INSPECTION_FIELD_ENTERPRISE,
	INSPECTION_FIELD_DATE,
	INSPECTION_FIELD_REASON,
	INSPECTION_FIELD_INSPECTORS,
	INSPECTION_FIELD_BASIS,
	INSPECTION_FIELD_ITEMS,
	INSPECTION_FIELD_REGISTERED_ON,
	INSPECTION_FIELD_OVERRIDE,
	INSPECTION_FIELD_FINDINGS,
	INSPECTION_FIELD_ITEM,          /* the violated item */
	INSPECTION_FIELD_SCORE,
	INSPECTION_FIELD_CANCEL_REASON,
	INSPECTION_FIELD_PEOPLE,
} inspection_field;

/* a new plan as typed */
typedef struct inspection_plan_in {
	const char *unit;
	const char *const *enterprises; /* USCCs as typed */
	int nents;
	qdate date;
	const char *reason;             /* the reason's code */
	const char *inspectors;         /* names separated by , ， or 、 */
	const char *basis;
	const char *items;
	qdate registered_on;            /* not after today */
	const char *override;           /* a supervisor's reason to register a refused plan, or NULL */
} inspection_plan_in;

/* what registering made of it */
typedef struct inspection_registered {
	bool judged;                    /* the input passed, so verdict, lo and hi are filled */
	inspection_verdict verdict;
	qdate lo, hi;                   /* the dates the verdict relies on (the holiday caveat) */
	int64_t id;                     /* the stored plan's, when APP_OK */
	ent_record *ents;               /* the enterprises it covers, each once */
	int nents;
} inspection_registered;

/* free what r owns and zero it */
void inspection_registered_clear(inspection_registered *r);

/* the reason table of data/inspection_reasons.tsv; NULL with file:line: why in err */
inspection_reason_table *app_inspection_reasons(strbuf *err);
/* typed text cleaned for the database (sanitised, trimmed); a new string */
char *app_inspection_text(const char *s);
/* the enterprise with this USCC (as typed): APP_OK, or APP_BAD with *field set to
 * INSPECTION_FIELD_ENTERPRISE when there is none (NONE: the database failed) */
app_status app_inspection_enterprise(app_ctx *ctx, const char *uscc, ent_record *e,
		inspection_field *field, strbuf *err);
/* the plan an id or a plan code names: APP_OK, APP_NO when there is none or the acting
 * staff member does not see it (app_inspection_visible: as good as absent), APP_BAD
 * when arg is neither or the database failed */
app_status app_inspection_find(app_ctx *ctx, const char *arg, inspection_record *r, strbuf *err);

/* narrow f to the plans the acting staff member sees (perm_sight: unit staff their
 * unit's, leaders those of the units they oversee, area officers those on enterprises
 * of their area, supervisors, the centre and administrators every one); the units are
 * borrowed from ctx */
void app_inspection_scope(app_ctx *ctx, inspection_filter *f);
/* whether the acting staff member sees plan r (perm_sees_inspection) */
bool app_inspection_visible(app_ctx *ctx, const inspection_record *r);
/* whether they see what unit did at an enterprise of area (NULL: unknown), a refused
 * entry or a report's row of a unit (perm_sees_inspection) */
bool app_inspection_sees(app_ctx *ctx, const char *unit, const char *area);

/* Register a plan for the acting staff member: the input checked and cleaned, then in
 * one BEGIN IMMEDIATE transaction the enterprises read and permitted, the verdict
 * (a supervisor's override applied), the plan and its events written. APP_NO when a
 * permission or the verdict refused it (out->judged then says whether the verdict did);
 * t: the reasons. */
app_status app_inspection_register(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_plan_in *in, inspection_registered *out, inspection_field *field,
		strbuf *err);
/* "registered inspection N; a supervisor or leader of UNIT approves it to issue its plan
 * code" (or that no one can yet) onto out; APP_BAD with the reason when the staff could
 * not be read */
app_status app_inspection_registered_text(app_ctx *ctx, int64_t id, const char *unit, strbuf *out);
/* one message of the advice: a warning, or a read that failed (error) */
typedef void (*inspection_say_fn)(void *arg, bool error, const char *msg);
/* after a plan of unit on date is stored: for each of its enterprises, the too-often
 * warning and the offer of a joint inspection with another unit the same week */
void app_inspection_advice(app_ctx *ctx, const inspection_registered *r, const char *unit,
		qdate date, inspection_say_fn fn, void *arg);

/* the unit whose heads (supervisor and leader logins) approve plans of unit: the unit's
 * own, else the service centre's when the unit has none (inspection_plan_approving_unit);
 * *approving is NULL when neither has a head; APP_BAD when the staff could not be read */
app_status app_inspection_approving_unit(app_ctx *ctx, const char *unit, const char **approving,
		strbuf *err);
/* whether the acting staff member may approve plan r: a head of the approving unit; the
 * reason in why when not (why may be NULL) */
bool app_inspection_may_approve(app_ctx *ctx, const inspection_record *r, strbuf *why);
/* whether the acting staff member may make move m on plan r now (the permission, for
 * an evaluation without the enterprise's area yet, then the plan's state and date):
 * what a face offers; the reason in why when not (why may be NULL) */
bool app_inspection_may(app_ctx *ctx, const inspection_reason_table *t, const inspection_record *r,
		inspection_plan_move m, strbuf *why);
/* approve plan r as read, issuing its code */
app_status app_inspection_approve(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, char code[INSPECTION_CODE_LEN + 1], strbuf *err);

/* an inspection's outcome as typed */
typedef struct inspection_done_in {
	const char *findings;
	inspection_plan_outcome outcome;
	const char *item;               /* the violated item; NULL unless a violation */
	const char *enterprise;         /* the violator's USCC; NULL: the plan's only one */
	bool outcome_codes;             /* messages name outcomes by their codes (as typed on the
	                                 * command line), else by their labels */
} inspection_done_in;

/* what recording it made of it */
typedef struct inspection_done_out {
	inspection_done_result res;
	const char *name;               /* the violator (r's), when a violation */
	char *item;                     /* the item as stored */
	int years;                      /* first_violation_years */
	bool outcome_codes;             /* as the input asked */
} inspection_done_out;

void inspection_done_out_clear(inspection_done_out *o);
/* record what approved plan r found; APP_NO when a claimed first violation is not one
 * (err names the earlier one) or a rule refused */
app_status app_inspection_done(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, const inspection_done_in *in, inspection_done_out *out,
		inspection_field *field, strbuf *err);
/* what 首违不罚 made of a recorded outcome ("first violation of … : not penalised"),
 * nothing for an outcome that is no violation */
void app_inspection_fv_text(const inspection_done_out *o, strbuf *out);

/* record enterprise's (USCC) evaluation of done plan r on its behalf; *who gets the
 * covered enterprise of r */
app_status app_inspection_evaluate(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, const char *enterprise, int score, const char *comment,
		const inspection_ent **who, inspection_field *field, strbuf *err);
/* cancel plan r with the reason */
app_status app_inspection_cancel(app_ctx *ctx, const inspection_reason_table *t,
		const inspection_record *r, const char *reason, inspection_field *field, strbuf *err);

/* an entry an enterprise refused as typed */
typedef struct inspection_refusal_in {
	const char *unit;
	const char *enterprise;         /* USCC */
	qdate date;                     /* not after today */
	const char *people;
	const char *note;               /* may be NULL */
} inspection_refusal_in;

/* record a refused unregistered entry (未报备入企被拒); e gets the enterprise (the
 * caller clears it), fn hears the warning when the unit had an approved plan that day */
app_status app_inspection_refuse(app_ctx *ctx, const inspection_refusal_in *in, int64_t *id,
		ent_record *e, inspection_say_fn fn, void *arg, inspection_field *field, strbuf *err);

/* a plan code checked at the door */
typedef struct inspection_verified {
	char code[INSPECTION_CODE_LEN + 1];  /* canonical, once the code parsed */
	bool found;
	inspection_record r;            /* when found */
} inspection_verified;

void inspection_verified_clear(inspection_verified *v);
/* APP_OK: a real code of an approved plan; APP_NO: not valid, why in err; APP_BAD: the
 * database failed */
app_status app_inspection_verify(app_ctx *ctx, const char *code, inspection_verified *v,
		strbuf *err);
/* one line of what a valid code covers */
typedef void (*inspection_line_fn)(void *arg, const char *line);
/* "valid: CODE", then unit, date, enterprises, reason and state, a line each: the
 * words `qifu inspect verify` prints and the Calendar's verify form shows */
void app_inspection_verify_lines(const inspection_verified *v, const inspection_reason_table *t,
		inspection_line_fn fn, void *arg);
/* "the plan is for …, not today (…)" when the plan is for another day; false if not */
bool app_inspection_verify_note(app_ctx *ctx, const inspection_verified *v, strbuf *out);

#endif
