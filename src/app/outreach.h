/* Outreach events (政策宣讲会, 企业座谈会, 培训, 产研对接, 融资对接) once for both faces:
 * recording an event, the enterprises that attended (named by credit code or name, or
 * read from a sign-in sheet), and the problems they raised. Each checks what was
 * typed, then writes with its event row; a problem becomes an appeal through
 * appeal_move_from_outreach (app/appeal_move.h). */
#ifndef QIFU_APP_OUTREACH_H
#define QIFU_APP_OUTREACH_H
#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "app/records.h"
#include "model/outreach.h"

/* the enterprise key names: a credit code of 18 characters, else an exact name. *id
 * and *name (fresh) get it; BAD_INPUT with "no enterprise …" or "… names more than
 * one enterprise" in err */
app_record_rc app_outreach_enterprise(app_ctx *ctx, const char *key, int64_t *id, char **name,
		strbuf *err);

/* record event r (its attendees' enterprise ids set, or none): who may, then
 * outreach_validate, then the write; *id gets the new event's id */
app_record_rc app_outreach_add(app_ctx *ctx, outreach_rec *r, int64_t *id, strbuf *err);

/* record the enterprises keys[0..n) names (as app_outreach_enterprise) as attending
 * event id, all or none: every key that names no enterprise is a line of err and
 * nothing is written. *added gets how many were not recorded already. */
app_record_rc app_outreach_attend(app_ctx *ctx, int64_t id, const char *const *keys, int n,
		int *added, strbuf *err);

/* what reading a sign-in sheet found */
typedef struct outreach_sheet_result {
	const char *encoding;   /* as csv_encoding names it (static) */
	long lines;             /* data lines read */
	long bad;               /* lines naming no enterprise */
	int named;              /* enterprises named, each once */
	int added;              /* of them, not recorded already (0 for a check) */
	bool written;
} outreach_sheet_result;

/* Read the sign-in sheet at path (CSV: UTF-8 with or without BOM, GB18030, UTF-16),
 * skip the rows above its header (a title), and record every enterprise its lines
 * name as attending event id, all or nothing: a line that names none calls bad (its
 * line number and why; may be NULL) and nothing is written. check: read and check
 * only. -1 with the reason in err when the file as a whole cannot be read (no such
 * event, unreadable, no header, broken past a line, no lines, the database failed). */
int app_outreach_sheet(app_ctx *ctx, int64_t id, const char *path, bool check,
		void (*bad)(void *arg, long line, const char *why), void *arg,
		outreach_sheet_result *res, strbuf *err);

/* record problem text (cleaned in place) raised by the enterprise key names at event
 * id, which records it as attending too; *seq gets its number within the event */
app_record_rc app_outreach_problem(app_ctx *ctx, int64_t id, const char *key, char **text,
		int *seq, strbuf *err);

/* the event as read, or 1 (with "no outreach event N" in err), or -1 */
int app_outreach_get(app_ctx *ctx, int64_t id, outreach_rec *r, strbuf *err);

#endif
