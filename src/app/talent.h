/* Talent services (人才引育) once for both faces: an enterprise's school–enterprise
 * programmes and its talents' service requests, and the moves of a request. Each
 * checks who may and what was typed, then writes with its event row; a request
 * becomes an appeal through appeal_move_from_talent (app/appeal_move.h). */
#ifndef QIFU_APP_TALENT_H
#define QIFU_APP_TALENT_H
#include <stdint.h>

#include "app/app.h"
#include "app/records.h"
#include "model/enterprise.h"
#include "model/talent.h"

/* record programme p of enterprise e (p->enterprise_id set); *id gets its id */
app_record_rc app_talent_programme_add(app_ctx *ctx, const ent_record *e, talent_programme *p,
		int64_t *id, strbuf *err);
/* the programme as read and as the actor may see it: 0, 1 none (err says), -1 */
int app_talent_programme_get(app_ctx *ctx, int64_t id, talent_programme *p, strbuf *err);
/* change programme was (as read by app_talent_programme_get) into now (cleaned in
 * place; its id and enterprise are was's): who may, talent_programme_validate, then
 * the write of the fields that changed with its event row (talent_programme_changes);
 * nothing changed is bad input */
app_record_rc app_talent_programme_edit(app_ctx *ctx, const talent_programme *was,
		talent_programme *now, strbuf *err);
/* record request r of enterprise e (r->enterprise_id set; an empty unit becomes the
 * lead unit); *id gets its id */
app_record_rc app_talent_request_add(app_ctx *ctx, const ent_record *e, talent_request *r,
		int64_t *id, strbuf *err);
/* move request id to state to with note (cleaned in place; required to decline):
 * talent_move_check on the state as read, then the guarded write */
app_record_rc app_talent_move(app_ctx *ctx, int64_t id, talent_state to, char **note,
		strbuf *err);
/* the request as read and as the actor may see it: 0, 1 none (err says), -1 */
int app_talent_get(app_ctx *ctx, int64_t id, talent_request *r, strbuf *err);

#endif
