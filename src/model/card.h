/* The service contact card (服务企业联系卡, policy 二(一)2(2)一: 送企入户): who the
 * card names as the lead unit's contact. Pure. */
#ifndef QIFU_CARD_H
#define QIFU_CARD_H
#include <stdbool.h>

#include "model/perm.h"

/* a staff member of the lead unit, as the pick sees them */
typedef struct card_person {
	const char *login;
	const char *phone;   /* "" when none is known */
	role_t role;
	bool disabled;
} card_person;

/* the lead unit's contact among its n staff: an active member with a work phone, the
 * unit's supervisor (its head) before its unit staff and area officers, then anyone
 * else; the first login in order among equals. -1 when none has a phone. */
int card_contact_pick(const card_person *v, int n);

#endif
