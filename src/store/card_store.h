/* The contact card's deliveries (送企入户), each written with its event row (entity
 * "enterprise", action "card.deliver"). */
#ifndef QIFU_CARD_STORE_H
#define QIFU_CARD_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "store/db.h"

/* the card handed to enterprise id on day on by the person by (a name as people say
 * it), recorded by actor: 0, or -1 with err */
int card_store_deliver(db *d, const char *actor, int64_t enterprise_id, qdate on,
                       const char *by, store_err *err);

/* the card's latest delivery to enterprise id: a delivery recorded (by: who handed
 * it) or a visit on which it was handed (on_visit; by: the visiting unit), the later
 * of the two, a delivery on the day of a visit first. 1 found (*by owned), 0 none, or
 * -1 with err */
int card_store_latest(db *d, int64_t enterprise_id, qdate *on, char **by, bool *on_visit,
                      store_err *err);

#endif
