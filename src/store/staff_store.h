/* Staff rows: who may use qifu, in which unit and role. */
#ifndef QIFU_STAFF_STORE_H
#define QIFU_STAFF_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/perm.h"
#include "store/db.h"

/* staff row as read from the store; strings are owned */
typedef struct staff {
	int64_t id;
	char *login;
	char *name;
	char *unit;
	role_t role;
	char *area;      /* area officers: their grid area; else NULL */
	int level;       /* leaders: 2 or 1; else 0 */
	char **oversees; /* leaders: overseen units, NULL-terminated; else NULL */
	char *disabled_on; /* when the login was disabled ("YYYY-MM-DD HH:MM:SS"); NULL: active */
	char *phone;     /* work phone as phone_work_check writes it; "" when none */
} staff;

/* look up by login; 0 found, 1 not found, -1 error (err) */
int staff_store_get(db *d, const char *login, staff **out, store_err *err);
/* insert with its event row; -1 with the reason (duplicate login, unknown unit…) */
int staff_store_add(db *d, const char *actor, const staff *s, store_err *err);
/* the event of an administrator (login real) acting as other (--as); -1 with err */
int staff_store_act_as(db *d, const char *real, const staff *other, store_err *err);
/* every staff row ordered by unit then login; callback per row */
int staff_store_each(db *d, void (*fn)(const staff *s, void *arg), void *arg, store_err *err);
int staff_store_count(db *d, long *n, store_err *err);
/* whether unit has staff of this role (a supervisor to approve its plans); -1 on error */
int staff_store_unit_has_role(db *d, const char *unit, role_t role, bool *yes, store_err *err);
/* disable (disable) or enable the login of s, as read, with an event row in one
 * transaction; 0 done, -1 error (err) */
int staff_store_set_disabled(db *d, const char *actor, const staff *s, bool disable,
		store_err *err);
/* write what changed from old (as read) to new, one event row per field changed, in one
 * transaction; a change of an active administrator's role away from administrator is
 * refused with STORE_E_STAFF_LAST_ADMIN when no other active administrator remains.
 * 0 done, 1 nothing changed, -1 error (err) */
int staff_store_update(db *d, const char *actor, const staff *old, const staff *new,
		store_err *err);
/* how many active (not disabled) administrators there are besides the login except
 * (NULL: all); -1 on error */
int staff_store_other_admins(db *d, const char *except, long *n, store_err *err);
void staff_free(staff **s);

#endif
