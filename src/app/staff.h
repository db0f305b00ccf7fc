/* Staff administration, once for both faces (issue 15): a login is disabled, never
 * deleted, so that the history keeps its name; a disabled login cannot use qifu. */
#ifndef QIFU_APP_STAFF_H
#define QIFU_APP_STAFF_H
#include <stdbool.h>

#include "app/app.h"

/* disable (disable) or enable login as the acting administrator: APP_OK with what was
 * done in msg; APP_NO with the refusal (permission, the rule perm_staff_toggle, an
 * unknown login) in msg; APP_BAD with a store failure */
app_status app_staff_set_disabled(app_ctx *ctx, const char *login, bool disable,
		strbuf *msg);

#endif
