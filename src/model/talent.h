/* Talent services (人才引育, policy 二(一)2(2)六; lead 区组织部): an enterprise's
 * school–enterprise programmes (订单班, 冠名班, 厂中校) and the service requests of its
 * talents through the 人才码 (housing, schooling, subsidies, …: kinds as data), each
 * with a responsible unit (the lead or a cooperating unit, as data) and a state that
 * moves by one rule. Pure. */
#ifndef QIFU_TALENT_H
#define QIFU_TALENT_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/codes.h"
#include "model/unit.h"

/* the school–enterprise programmes; the codes are stored: append, never rename */
typedef enum talent_prog_kind {
	TALENT_PROG_ORDER,     /* order: 订单班 */
	TALENT_PROG_NAMED,     /* named: 冠名班 */
	TALENT_PROG_FACTORY,   /* factory_school: 厂中校 */
	TALENT_PROG__COUNT
} talent_prog_kind;

const char *talent_prog_code(talent_prog_kind k);
/* the label (a msgid: translate it) */
const char *talent_prog_label(talent_prog_kind k);
/* by code (order), the policy's word (订单班) or its label in either language */
bool talent_prog_parse(const char *s, talent_prog_kind *out);

/* the states of a request; the codes are stored: append, never rename */
typedef enum talent_state {
	TALENT_RECEIVED,   /* received: 已受理 */
	TALENT_HANDLING,   /* handling: 办理中 */
	TALENT_DONE,       /* done: 已办结 */
	TALENT_DECLINED,   /* declined: 不予办理 (the reason is kept) */
	TALENT_STATE__COUNT
} talent_state;

const char *talent_state_code(talent_state s);
const char *talent_state_label(talent_state s);
bool talent_state_parse(const char *s, talent_state *out);

/* the verdict on moving a request from one state to another */
typedef enum talent_verdict {
	TALENT_MOVE_OK,
	TALENT_MOVE_SAME,      /* it is in that state already */
	TALENT_MOVE_FINAL,     /* done and declined are final */
	TALENT_MOVE_BACK,      /* no way back to received */
	TALENT_MOVE_NEEDS_NOTE, /* declining says why */
} talent_verdict;

/* may a request in from move to to (note: what was done or why not, "" none) */
talent_verdict talent_move_check(talent_state from, talent_state to, const char *note);
/* the verdict in words, appended to err */
void talent_verdict_text(talent_verdict v, talent_state from, talent_state to, strbuf *err);

/* the units responsible for talent services: the lead and its cooperating units */
typedef struct talent_units {
	char *lead;
	char **coop;
	int ncoop;
} talent_units;

typedef enum talent_units_fault {
	TALENT_UNITS_OK,
	TALENT_UNITS_ROLE,     /* neither lead nor cooperating */
	TALENT_UNITS_UNKNOWN,  /* not a unit of data/units.tsv */
	TALENT_UNITS_TWICE,    /* a unit listed twice, or a second lead */
} talent_units_fault;

/* add a row (role "lead" or "cooperating", unit); anything but OK leaves t as it was */
talent_units_fault talent_units_add(talent_units *t, const unit_table *units, const char *role,
		const char *unit);
void talent_units_free(talent_units *t);
/* whether unit is the lead or a cooperating unit */
bool talent_unit_ok(const talent_units *t, const char *unit);

/* a programme; strings owned; enterprise, uscc, area filled when read */
typedef struct talent_programme {
	int64_t id;
	int64_t enterprise_id;
	char *enterprise;
	char *uscc;
	char *area;
	talent_prog_kind kind;
	char *school;
	char *name;           /* the programme: 电子装配订单班 */
	int places;
	qdate start;
	qdate end;            /* DATE_NONE while open-ended */
	char *created_by;
	char *created_at;
} talent_programme;

/* a service request; strings owned; enterprise, uscc, area filled when read */
typedef struct talent_request {
	int64_t id;
	int64_t enterprise_id;
	char *enterprise;
	char *uscc;
	char *area;
	char *kind;           /* a code of data/talent_kinds.tsv */
	char *person;         /* the talent served */
	char *detail;         /* "" none */
	char *unit;           /* the responsible unit */
	talent_state state;
	char *note;           /* the last move's note */
	int64_t appeal_id;
	char *appeal_number;  /* NULL while none */
	char *created_by;
	char *created_at;
	char *updated_at;
} talent_request;

enum { TALENT_PLACES_MAX = 10000 };

void talent_programme_clear(talent_programme *p);
void talent_request_clear(talent_request *r);
/* clean and check a programme: school and name given, 1..TALENT_PLACES_MAX places, a
 * start, an end not before it; -1 with the reason in err */
int talent_programme_validate(talent_programme *p, strbuf *err);
/* places as typed ("40", " 40 "): a whole number 1..TALENT_PLACES_MAX into *out; false
 * for anything else (empty, a sign, a fraction, out of range). Pure */
bool talent_places_parse(const char *s, int *out);
/* what an edit of programme was into now changes, one "field=old→new" a field (codes
 * and dates, for the event row), separated by spaces, appended to out; how many
 * fields changed (0: nothing to save). The enterprise is not edited. Pure */
int talent_programme_changes(const talent_programme *was, const talent_programme *now,
		strbuf *out);
/* clean and check a request: a kind of the table (its code kept), the talent named, a
 * responsible unit of t (NULL or "" becomes the lead); -1 with the reason in err */
int talent_request_validate(const code_table *kinds, const talent_units *t,
		talent_request *r, strbuf *err);

#endif
