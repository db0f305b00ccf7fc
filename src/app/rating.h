/* The quarterly ratings (DOMAIN §5), once for both faces: one rating typed in, a
 * spreadsheet of them checked in full before anything is written, and the freeze of
 * a quarter. Every rating passes the same checks: the enterprise exists, its quarter
 * takes ratings, and the unit rated serves the enterprise (assessment_served). */
#ifndef QIFU_APP_RATING_H
#define QIFU_APP_RATING_H
#include <stdint.h>

#include "app/app.h"
#include "model/assessment.h"
#include "store/rating_store.h"

/* find the enterprise of in (by in->enterprise_id, or by uscc when that is 0: the id
 * is filled in) and check that in may be recorded: APP_OK; APP_NO with the rule's
 * refusal (a frozen or future quarter, a unit that does not serve the enterprise)
 * or an unknown enterprise; APP_BAD with a store failure. The enterprise's name goes
 * to *name when not NULL (fresh). */
app_status app_rating_check(app_ctx *ctx, const char *uscc, rating_input *in, char **name,
		strbuf *why);
/* record n ratings in one transaction after app_rating_check and the permission for
 * each: all or none. APP_OK; otherwise the reason (prefixed with the index+1 of the
 * refused input when n > 1) in why */
app_status app_rating_add(app_ctx *ctx, rating_input *in, int n, strbuf *why);
/* freeze quarter q: APP_OK with "quarter … frozen" in msg, or why not */
app_status app_quarter_freeze(app_ctx *ctx, assessment_quarter q, strbuf *msg);

/* a rating spreadsheet read and checked in full */
typedef struct app_rating_import {
	char *path;
	char *ignored;                 /* columns not in the template, "、"-joined, or "" */
	int n;                         /* good rows */
	rating_input *in;              /* their ratings, strings borrowed from rows */
	assessment_row *rows;
	char **names;                  /* each good row's enterprise name */
	long *lines;                   /* each good row's line in the file */
	int nbad;                      /* rows refused (each reported through bad) */
} app_rating_import;

/* a refused row: its line, the column at fault (NULL: the row) and why */
typedef void (*app_rating_bad)(void *arg, long line, const char *column, const char *why);
/* read path (CSV) and check every row as app_rating_check does, bad rows reported
 * through bad: APP_OK with out filled (nbad may be > 0), or APP_BAD when the file
 * cannot be read at all (err names the file) */
app_status app_rating_import_read(app_ctx *ctx, const char *path, app_rating_bad bad,
		void *arg, app_rating_import *out, strbuf *err);
void app_rating_import_free(app_rating_import *imp);

#endif
