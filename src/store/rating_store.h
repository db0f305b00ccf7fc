/* Quarterly ratings of the units by the enterprises (DOMAIN §5) and the freezing of a
 * quarter. */
#ifndef QIFU_RATING_STORE_H
#define QIFU_RATING_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/assessment.h"
#include "store/db.h"

typedef struct rating_input {
	int64_t enterprise_id;
	const char *unit;
	assessment_quarter quarter;
	int score;
	const char *comment;
} rating_input;

/* whether q is frozen: 1 yes, 0 no, -1 error */
int rating_store_frozen(db *d, assessment_quarter q, store_err *err);
/* add ratings in one transaction with an event each; a duplicate (same enterprise,
 * unit and quarter) or a frozen quarter refuses all of them. *bad gets the index of
 * the refused input (or -1). */
int rating_store_add(db *d, const char *actor, const rating_input *in, int n, int *bad,
                     store_err *err);
/* freeze q with its event row; -1 when already frozen or on error */
int rating_store_freeze(db *d, const char *actor, assessment_quarter q, store_err *err);
/* the units that handled enterprise id's appeals in quarter q (their lead unit or a
 * related unit, of an appeal registered by the quarter's end and, if it is over,
 * settled after its start), each once, into *units (fresh, for rating_store_units_free) */
int rating_store_appeal_units(db *d, int64_t enterprise_id, assessment_quarter q,
                              char ***units, int *n, store_err *err);
void rating_store_units_free(char ***units, int n);
/* per-unit count and sum of the quarter's scores, by unit name */
int rating_store_sums(db *d, assessment_quarter q,
                      void (*fn)(const char *unit, long sum, int count, void *arg), void *arg,
                      store_err *err);
/* every rating of a quarter (optionally one unit): enterprise name, USCC, unit, score,
 * comment, who and when */
int rating_store_each(db *d, assessment_quarter q, const char *unit,
                      void (*fn)(const char *const *cols, void *arg), void *arg, store_err *err);

#endif
