/* The contact card's deliveries (送企入户), each written with its event row (entity
 * "enterprise", action "card.deliver"). */
#ifndef QIFU_CARD_STORE_H
#define QIFU_CARD_STORE_H
#include <stdint.h>

#include "core/date.h"
#include "store/db.h"

/* the card handed to enterprise id on day on by the person by (a name as people say
 * it), recorded by actor: 0, or -1 with err */
int card_store_deliver(db *d, const char *actor, int64_t enterprise_id, qdate on,
                       const char *by, store_err *err);

#endif
