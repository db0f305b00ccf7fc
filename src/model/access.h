/* Access to personal data (PIPL, issue 15): which views and exports of personal fields
 * are recorded, and the summary per login of what was recorded. Pure: app/access.c
 * writes the events (entity "access", through db_event, so they are in the hash chain)
 * and the store reads them back. An event's summary is machine text:
 *     kind=enterprise; fields=legal_rep,contact,phone                      (a view)
 *     kind=enterprise; rows=12; fields=legal_rep,contact,phone; to=FILE    (an export)
 * with action "view" or "export" and entity_id the subject viewed (0 for an export). */
#ifndef QIFU_ACCESS_H
#define QIFU_ACCESS_H
#include <stdbool.h>
#include <stdint.h>

#include "core/strbuf.h"

typedef enum access_field {
	ACCESS_LEGAL_REP,    /* an enterprise's legal representative */
	ACCESS_CONTACT,      /* its contact person */
	ACCESS_PHONE,        /* its phone */
	ACCESS_CALLER_NAME,  /* an appeal's caller */
	ACCESS_CALLER_PHONE,
	ACCESS__COUNT
} access_field;

/* "legal_rep", "contact", "phone", "caller_name", "caller_phone" */
const char *access_field_code(access_field f);
/* the fields (1u << access_field) among which[0..n) whose values[i] are not empty */
unsigned access_fields_shown(const access_field *which, const char *const *values, int n);
/* "legal_rep,phone" of the fields, appended to out */
void access_fields_codes(unsigned fields, strbuf *out);

/* whether showing a record needs an access event: its personal fields are shown in full
 * (full), some of them hold something (fields), and this session has not recorded this
 * subject already (logged: a screen redrawn, a cursor that comes back) */
bool access_needs_event(bool full, unsigned fields, bool logged);
/* whether an export (or a list printed) needs one: some row went out in full */
bool access_export_needs_event(long full_rows);

/* one access event read back */
typedef struct access_event {
	const char *login;
	const char *at;        /* "YYYY-MM-DD HH:MM:SS" */
	bool is_export;
	const char *kind;      /* "enterprise", "appeal" */
	int64_t subject;       /* views: the record's id */
	long rows;             /* exports: the rows in full */
} access_event;

/* the summary's numbers of kind=, rows= of an event's summary into ev (kind borrowed
 * from summary up to its ';', so ev->kind is fresh: free it) */
void access_event_parse(const char *summary, access_event *ev);

/* a login's accesses: views (events), exports (events), distinct subjects viewed,
 * rows exported, and the last event's time */
typedef struct access_summary {
	char *login;
	long views, exports, subjects, rows;
	char last[20];
} access_summary;

/* the summaries of ev[0..n) per login, in login order, into *out (fresh; free with
 * access_summary_free); returns how many. ev is sorted in place. */
int access_summarise(access_event *ev, int n, access_summary **out);
void access_summary_free(access_summary *s, int n);

#endif
