/* The annual assessment (年度综合考核, DOMAIN §5): the four frozen quarters of a year
 * combined per unit by the rule the [assessment] setting year_rule names, the checks
 * before a year is combined or frozen, and the year as one report row beside the
 * unit's supervision figures of the year. Pure; reading the database is the
 * caller's. */
#ifndef QIFU_ANNUAL_H
#define QIFU_ANNUAL_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "model/assessment.h"
#include "model/supervision.h"

/* how the quarters make the year's score */
typedef enum annual_rule {
	ANNUAL_MEAN,                     /* the mean of the quarterly scores (means as shown) */
	ANNUAL_WEIGHTED,                 /* every rating of the year counts once */
} annual_rule;

/* A unit's year. */
typedef struct annual_unit {
	const char *unit;                /* borrowed */
	assessment_unit q[4];            /* each quarter's count, sum and mean */
	int quarters;                    /* quarters with ratings */
	int count;                       /* ratings of the year */
	int mean10;                      /* the year's score in tenths, rounded half up */
	int tier;                        /* 1, 2 or 3; 0 without ratings */
} annual_unit;

/* One line of the annual report: the score, the year's supervision figures (the
 * appeals dispatched to the unit in the year; sup.unit is score.unit) and the
 * requests and accountability the unit met in the year. */
typedef struct annual_row {
	annual_unit score;
	supervision_counts sup;
	int supervised;                  /* supervision requests (督办要求) filed in the year */
	int accountable;                 /* accountability records (问责) made in the year */
} annual_row;

/* "mean" or "weighted" (the setting's words); false for anything else */
bool annual_rule_parse(const char *s, annual_rule *out);
/* the setting's word of a rule */
const char *annual_rule_code(annual_rule r);
/* untranslated msgid of a rule as a report's title says it */
const char *annual_rule_label(annual_rule r);
/* strictly four digits, 1900..9999 */
bool annual_year_parse(const char *s, int *year);

/* combine a unit's four quarters (q[0] is Q1) by rule: quarters without ratings do
 * not count (a unit nobody rated in a quarter is not scored 0 for it) */
void annual_combine(const char *unit, const assessment_unit q[4], annual_rule rule,
		const assessment_tiers *t, annual_unit *out);
/* whether a year can be reported or frozen; the faces word it (app/annual.c) */
typedef enum annual_verdict {
	ANNUAL_OK,
	ANNUAL_QUARTERS_OPEN,  /* a quarter of the year is not frozen yet */
	ANNUAL_YEAR_FROZEN,    /* (a freeze) the year is frozen already */
} annual_verdict;

/* ANNUAL_OK when every quarter of year is frozen (frozen[0] is Q1); else
 * ANNUAL_QUARTERS_OPEN with those that are not ("2026Q3、2026Q4") in open */
annual_verdict annual_quarters_check(int year, const bool frozen[4], strbuf *open);
/* ANNUAL_OK when year may be frozen: not frozen yet and its four quarters frozen;
 * else why not, the open quarters in open as above */
annual_verdict annual_freeze_allowed(int year, bool year_frozen, const bool qfrozen[4],
		strbuf *open);

#endif
