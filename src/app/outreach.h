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
#include "model/ent_import.h"
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
	char encoding[80];      /* as sheet_rows names it: "UTF-8 (BOM)", "sheet 'Sheet1'" */
	long lines;             /* data lines read */
	long bad;               /* lines naming no enterprise */
	int named;              /* enterprises named, each once */
	int added;              /* of them, not recorded already (0 when nothing is written) */
	bool written;
} outreach_sheet_result;

/* what to do with the enterprises a sign-in sheet names: ENT_IMPORT_CHECK reads and
 * checks only (a dry run, the screen's preview), ENT_IMPORT_ALL records them all or
 * none when a line names no enterprise, ENT_IMPORT_GOOD records those named and only
 * reports the others (the screen, after its preview was confirmed) */
typedef ent_import_mode outreach_sheet_mode;

/* Read the sign-in sheet at path (CSV: UTF-8 with or without BOM, GB18030, UTF-16; or
 * the first sheet of an xlsx workbook, through sheet_rows as every import), skip the
 * rows above its header (a title), match each line's enterprise by credit code, else
 * by its exact registered name, and record those named as attending event id as mode
 * says (import_commits): a line that names none calls bad (its line number and why;
 * may be NULL). -1 with the reason in err when the file as a whole cannot be read (no
 * such event, unreadable, no header, broken past a line, no lines, the database
 * failed). */
int app_outreach_sheet(app_ctx *ctx, int64_t id, const char *path, outreach_sheet_mode mode,
		void (*bad)(void *arg, long line, const char *why), void *arg,
		outreach_sheet_result *res, strbuf *err);

/* record problem text (cleaned in place) raised by the enterprise key names at event
 * id, which records it as attending too; *seq gets its number within the event */
app_record_rc app_outreach_problem(app_ctx *ctx, int64_t id, const char *key, char **text,
		int *seq, strbuf *err);

/* the event as read, or 1 (with "no outreach event N" in err), or -1 */
int app_outreach_get(app_ctx *ctx, int64_t id, outreach_rec *r, strbuf *err);

#endif
