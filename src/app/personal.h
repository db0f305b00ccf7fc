/* Personal fields as the acting staff member may see them, and the record of each time
 * they were seen or exported in full (PIPL, issue 15). Masking: mask_personal and
 * perm_sees_personal / perm_sees_ent_personal (model); the access events: entity
 * "access", action "view" or "export", summary as model/access.h describes, written
 * through db_event so the hash chain holds them. Both faces call these where a record
 * is loaded to be shown and where a list or export goes out. */
#ifndef QIFU_APP_PERSONAL_H
#define QIFU_APP_PERSONAL_H

#include "app/app.h"
#include "model/access.h"
#include "model/enterprise.h"
#include "store/appeal_store.h"

/* whether the acting member sees e's personal fields masked (perm_sees_ent_personal) */
bool app_ent_masked(app_ctx *ctx, const ent_record *e);
/* the fields (access_field bits) of e the acting member sees in full and that hold
 * something; when the rule masks them, e is masked in place and 0 returned */
unsigned app_ent_mask(app_ctx *ctx, ent_record *e);

/* e about to be shown alone (the 360 view, enterprise show): masked unless the actor
 * sees it in full; then the view is recorded, once a session per enterprise. 0; or -1
 * when the record could not be written: e is masked after all and err says why. */
int app_ent_shown(app_ctx *ctx, ent_record *e, strbuf *err);
/* the same of an appeal's caller (perm_sees_personal on the appeal worked on) */
int app_appeal_shown(app_ctx *ctx, appeal_record *a, strbuf *err);

/* the rows of a list or export as they go out: each masked by the rule, counted */
typedef struct app_access_tally {
	long rows;          /* rows with personal fields in full */
	unsigned fields;    /* which fields were, together */
} app_access_tally;
void app_ent_row_out(app_ctx *ctx, ent_record *e, app_access_tally *t);

/* record that t's rows of kind ("enterprise") went out in full to dest (a file, or
 * "-" for the screen or standard output); nothing when none did. 0, or -1 with err. */
int app_access_export(app_ctx *ctx, const char *kind, const app_access_tally *t,
                      const char *dest, strbuf *err);

/* the caller's fields of a the acting member sees in full that hold something (0: a
 * is shown masked), a unchanged */
unsigned app_appeal_caller_fields(app_ctx *ctx, const appeal_record *a);
/* record that the acting member saw fields (access_field bits) of subject (kind, id) in
 * full, unless the session did already (access_needs_event): 0, or -1 with err */
int app_access_view(app_ctx *ctx, const char *kind, int64_t id, unsigned fields,
                    strbuf *err);

/* whether the session has recorded a view of subject (kind, id) already */
bool app_access_logged(const app_ctx *ctx, const char *kind, int64_t id);

/* the access events of login (NULL: all) on the days from..to (NULL: open ended),
 * summarised per login (access_summarise) into *out, *n of them: APP_OK, APP_NO when
 * the acting member may not read them (administrators and supervisors may), APP_BAD
 * when they cannot be read; why in err */
app_status app_access_summary(app_ctx *ctx, const char *login, const char *from,
                              const char *to, access_summary **out, int *n, strbuf *err);

#endif
