/* Staff administration, once for both faces (issue 15): add a login, change its name,
 * unit, role and work phone, disable and enable it. A login is disabled, never deleted,
 * so that the history keeps its name; a disabled login cannot use qifu. */
#ifndef QIFU_APP_STAFF_H
#define QIFU_APP_STAFF_H
#include <stdbool.h>

#include "app/app.h"

/* the field a refusal is about, for the face to name its option or focus its input */
typedef enum staff_field {
	STAFF_F_NONE,
	STAFF_F_LOGIN,
	STAFF_F_NAME,
	STAFF_F_UNIT,
	STAFF_F_ROLE,
	STAFF_F_AREA,
	STAFF_F_LEVEL,
	STAFF_F_OVERSEES,
	STAFF_F_PHONE,
} staff_field;

/* what was typed, as typed; NULL: not given (an edit keeps what the login has; a
 * field that only its role has is dropped with the role) */
typedef struct staff_typed {
	const char *login;
	const char *name;
	const char *unit;
	const char *role;      /* a role code: frontdesk, area_officer, … */
	const char *area;      /* area officers */
	const char *level;     /* leaders: "1" or "2" */
	const char *oversees;  /* level-2 leaders: "a,b" (full-width commas and 、 too) */
	const char *phone;     /* work phone (model/phone.h); "" clears it */
} staff_typed;

struct staff;
/* a leader's level as typed ("" for none) into level, and the units they oversee joined
 * by sep into ov: what the list shows and an edit starts from */
void app_staff_leader_text(const struct staff *s, const char *sep, char level[4],
		strbuf *ov);

/* add a login as the acting administrator: APP_OK with what was done in msg; APP_NO
 * (permission, a login taken) or APP_BAD (what was typed, the field in *bad) with the
 * reason in msg */
app_status app_staff_add(app_ctx *ctx, const staff_typed *in, staff_field *bad,
		strbuf *msg);
/* change login as the acting administrator, one event per field changed: APP_OK with
 * what was done (or that nothing changed) in msg; APP_NO (permission, an unknown login,
 * the last active administrator demoted) or APP_BAD (the field in *bad) with the reason */
app_status app_staff_edit(app_ctx *ctx, const char *login, const staff_typed *in,
		staff_field *bad, strbuf *msg);
/* disable (disable) or enable login as the acting administrator: APP_OK with what was
 * done in msg; APP_NO with the refusal (permission, the rule perm_staff_change, an
 * unknown login) in msg; APP_BAD with a store failure */
app_status app_staff_set_disabled(app_ctx *ctx, const char *login, bool disable,
		strbuf *msg);
/* why login may not be disabled (disable) or enabled by the acting staff member, into
 * why: false then; true when it may (the screen asks [y/N] only then) */
bool app_staff_may_toggle(app_ctx *ctx, const char *login, bool disable, strbuf *why);

#endif
