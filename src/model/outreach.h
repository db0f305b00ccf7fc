/* Outreach events (广泛宣传, policy 三(一); 二(一)2(2)): a policy briefing, an
 * enterprise forum, a training or a matchmaking held by a unit, on a day, at a place,
 * on a topic, presenting policies; the enterprises that attended and the problems
 * they raised, each of which may become an appeal with the organising unit first
 * responsible. The kinds are data (data/outreach_kinds.tsv). Pure: cleaning and
 * checking what was typed, and reading a sign-in sheet's header and rows. */
#ifndef QIFU_OUTREACH_H
#define QIFU_OUTREACH_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/codes.h"
#include "model/unit.h"

/* the most problems one event records, and the longest texts, in characters */
enum { OUTREACH_MAX_PROBLEMS = 200, OUTREACH_PLACE_MAX = 100, OUTREACH_TOPIC_MAX = 200,
       OUTREACH_POLICIES_MAX = 500, OUTREACH_PROBLEM_MAX = 500 };

/* an enterprise that attended; strings owned */
typedef struct outreach_attendee {
	int64_t enterprise_id;
	char *name;
	char *uscc;
	char *area;
} outreach_attendee;

/* a problem an attending enterprise raised; strings owned */
typedef struct outreach_problem {
	int64_t id;
	int seq;               /* 1, 2, … in the order raised */
	int64_t enterprise_id;
	char *enterprise;      /* its name, uscc and area, filled when read */
	char *uscc;
	char *area;
	char *text;
	int64_t appeal_id;     /* the appeal it became, 0 while none */
	char *appeal_number;   /* NULL while none */
} outreach_problem;

/* one event; strings owned; nattendees and nproblems are filled by lists, the arrays
 * only by a single read */
typedef struct outreach_rec {
	int64_t id;
	char *kind;            /* a code of the kinds table once validated */
	qdate date;
	char *place;
	char *unit;            /* the organising unit */
	char *topic;
	char *policies;        /* the policies presented; "" none named */
	char *created_by;
	char *created_at;
	outreach_attendee *attendees;
	int nattendees;
	outreach_problem *problems;
	int nproblems;
} outreach_rec;

/* free what r owns and zero it */
void outreach_rec_clear(outreach_rec *r);
/* free what p owns and zero it */
void outreach_problem_clear(outreach_problem *p);

/* clean and check r before it is stored: a kind of the table (by code or name; the
 * code is kept), a known organising unit, place and topic given, the day given and
 * not after today; -1 with the reason in err */
int outreach_validate(const code_table *kinds, const unit_table *units, outreach_rec *r,
		qdate today, strbuf *err);
/* clean and check a problem's text (required); -1 with the reason in err */
int outreach_problem_clean(char **text, strbuf *err);

/* Where a sign-in sheet names the enterprise: the columns of its header row that hold
 * the credit code and the name (-1 when absent). A header is a row with at least one
 * of them; the words are matched whole after trimming, in Chinese or English. */
typedef struct outreach_sheet_cols {
	int uscc;
	int name;
} outreach_sheet_cols;

/* whether row (n fields) is a sign-in sheet's header; *cols gets its columns */
bool outreach_sheet_header(const char *const *fields, int n, outreach_sheet_cols *cols);

/* what one line of a sign-in sheet names */
typedef enum outreach_sheet_key {
	OUTREACH_SHEET_USCC,      /* a credit code of 18 characters, normalised */
	OUTREACH_SHEET_NAME,      /* no code: the enterprise's name, trimmed */
	OUTREACH_SHEET_BAD_USCC,  /* a code that is not 18 characters long */
	OUTREACH_SHEET_EMPTY,     /* neither a code nor a name */
} outreach_sheet_key;

/* the key of one line: a credit code wins over the name; *key gets (fresh) the
 * normalised code, the code as written when it fails, the trimmed name or "" */
outreach_sheet_key outreach_sheet_line(const char *const *fields, int n,
		const outreach_sheet_cols *cols, char **key);

#endif
