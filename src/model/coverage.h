/* Coverage (全面覆盖、职责到人, policy 二(一)2(2)一): an enterprise is covered when it has
 * a service commissioner, has been handed the service contact card, and was visited
 * within the last [coverage] visit_days days. Which gaps an enterprise has on a day is
 * decided here, pure; the codes are stable for the CLI, JSON and --gap. */
#ifndef QIFU_COVERAGE_H
#define QIFU_COVERAGE_H
#include <stdbool.h>

#include "core/date.h"

typedef enum coverage_gap {
	COV_GAP_COMMISSIONER, /* no service commissioner named */
	COV_GAP_CARD,         /* no contact card delivered */
	COV_GAP_VISIT,        /* no visit within the window */
	COV_GAP__COUNT
} coverage_gap;

/* the bit of gap g in a set of gaps */
#define COV_BIT(g) (1u << (unsigned)(g))
/* every gap */
#define COV_ALL ((1u << COV_GAP__COUNT) - 1)

/* the gaps, as bits, of an enterprise on day today: has_commissioner, the day of its
 * latest card delivery and of its latest visit (DATE_NONE: never). A visit counts for
 * visit_days natural days: on today - visit_days it still covers, the day before it
 * no longer does (a visit dated after today covers too). */
unsigned coverage_gaps(bool has_commissioner, qdate card_on, qdate visit_on, qdate today,
                       int visit_days);

const char *coverage_gap_code(coverage_gap g);
bool coverage_gap_parse(const char *code, coverage_gap *out);

#endif
