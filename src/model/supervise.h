/* 督办要求 and 问责 (DOMAIN §3 全面督导, policy 四(四)): a supervisor or leader files a
 * supervision request to a unit — from an overdue or dissatisfied appeal, or from the
 * unit's figures — with what is required and by when; its outcome is recorded once;
 * an unresolved request may be followed by accountability records (by a body the
 * [assessment] accountability_bodies setting names, the person, the measure). The
 * checks here are pure; the caller reads the appeal and the database. */
#ifndef QIFU_SUPERVISE_H
#define QIFU_SUPERVISE_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/unit.h"

/* where a request comes from */
typedef enum supervise_source {
	SUPV_SRC_OVERDUE,                /* an appeal whose deadline has passed */
	SUPV_SRC_DISSATISFIED,           /* an appeal the enterprise was dissatisfied with */
	SUPV_SRC_FIGURES,                /* the unit's supervision figures */
	SUPV_SRC__COUNT
} supervise_source;

/* a request's outcome */
typedef enum supervise_outcome {
	SUPV_OPEN,                       /* no outcome yet */
	SUPV_RESOLVED,
	SUPV_UNRESOLVED,
	SUPV_OUT__COUNT
} supervise_outcome;

/* the longest text of a request, an outcome note, a person or a measure, in characters */
enum { SUPV_TEXT_MAX = 500 };

/* stable codes ("overdue", "resolved") for the database, CSV and JSON */
const char *supervise_source_code(supervise_source s);
bool supervise_source_parse(const char *code, supervise_source *out);
/* untranslated msgids of a source and an outcome */
const char *supervise_source_label(supervise_source s);
const char *supervise_outcome_code(supervise_outcome o);
bool supervise_outcome_parse(const char *code, supervise_outcome *out);
const char *supervise_outcome_label(supervise_outcome o);

/* What a new request says; strings borrowed. */
typedef struct supervise_new {
	const char *unit;                /* the unit required to act */
	supervise_source source;
	bool has_appeal;                 /* an appeal is named */
	bool appeal_overdue;             /* its deadline is red today */
	bool appeal_dissatisfied;        /* its callback was dissatisfied */
	const char *what;                /* what is required */
	qdate due;                       /* by when */
} supervise_new;

/* 0 when the request may be filed on day today: a known unit, an appeal named exactly
 * when the source is an appeal's and the appeal is what the source says, a text of
 * 1..SUPV_TEXT_MAX characters, a due day not before today; -1 naming the first fault
 * (the source and its appeal before the unit, which a missing appeal leaves empty) */
int supervise_new_check(const supervise_new *in, const unit_table *units, qdate today,
		strbuf *err);
/* 0 when a request whose outcome is cur may be given outcome next (once, resolved or
 * unresolved, with a note of at most SUPV_TEXT_MAX characters); -1 with why */
int supervise_outcome_allowed(long long id, supervise_outcome cur, supervise_outcome next,
		const char *note, strbuf *err);
/* 0 when accountability may follow request id whose outcome is cur (unresolved);
 * -1 with why */
int supervise_accountability_may_follow(long long id, supervise_outcome cur, strbuf *err);
/* 0 when an accountability record may follow a request whose outcome is cur, by body
 * (one of bodies, '|'-separated, the setting), for a person and a measure each of
 * 1..SUPV_TEXT_MAX characters; -1 with why */
int supervise_accountability_allowed(long long id, supervise_outcome cur, const char *body,
		const char *bodies, const char *person, const char *measure, strbuf *err);

#endif
