/* The quarterly satisfaction assessment (考核激励, DOMAIN §5): quarter codes and their
 * dates, scores, per-unit means and the three tiers, the freeze of a quarter, and
 * rating rows from a spreadsheet. Pure; reading files and the database is the
 * caller's. */
#ifndef QIFU_ASSESSMENT_H
#define QIFU_ASSESSMENT_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/unit.h"

/* a calendar quarter: year 1900..9999, q 1..4 */
typedef struct assessment_quarter {
	int year;
	int q;
} assessment_quarter;

/* "2026Q4" and its NUL */
enum { ASSESS_QUARTER_SIZE = 8 };
/* "100.0" and its NUL, with room for any int */
enum { ASSESS_MEAN_SIZE = 16 };
enum { ASSESS_SCORE_MIN = 0, ASSESS_SCORE_MAX = 100 };
/* a comment is at most this many characters */
enum { ASSESS_COMMENT_MAX = 500 };

/* The tier thresholds, from the [assessment] settings tier1_min and tier2_min. */
typedef struct assessment_tiers {
	int tier1_min;                   /* tier 1: mean >= tier1_min */
	int tier2_min;                   /* tier 2: tier2_min <= mean < tier1_min; below: tier 3 */
} assessment_tiers;

/* One rating as far as the aggregation looks at it. The unit is borrowed. */
typedef struct assessment_rating {
	const char *unit;
	int score;
} assessment_rating;

/* A unit's figures for one quarter. */
typedef struct assessment_unit {
	const char *unit;                /* borrowed from the caller's list */
	int count;                       /* ratings */
	long sum;                        /* of their scores */
	int mean10;                      /* mean in tenths, rounded half up (79.95 -> 800) */
	int tier;                        /* 1, 2 or 3; 0 when the unit has no ratings */
} assessment_unit;

/* the policy's defaults: 90 and 80 */
assessment_tiers assessment_tiers_default(void);

/* strictly "YYYYQn" (a lower-case q too), year 1900..9999, n 1..4 */
bool assessment_quarter_parse(const char *s, assessment_quarter *out);
/* "2026Q4" into buf (ASSESS_QUARTER_SIZE bytes); returns buf */
char *assessment_quarter_format(assessment_quarter q, char *buf);
/* the first and last day of the quarter (either pointer may be NULL) */
void assessment_quarter_range(assessment_quarter q, qdate *first, qdate *last);
/* the quarter day d lies in */
assessment_quarter assessment_quarter_of(qdate d);
/* <0, 0, >0 as a is before, equal to or after b */
int assessment_quarter_cmp(assessment_quarter a, assessment_quarter b);

/* whether score lies in 0..100 */
bool assessment_score_valid(int score);
/* a whole number 0..100 (blanks around it allowed); -1 with a message */
int assessment_score_parse(const char *s, int *score, strbuf *err);

/* mean in tenths of count scores summing to sum, rounded half up; 0 when count is 0 */
int assessment_mean10(long sum, int count);
/* "79.9" into buf (ASSESS_MEAN_SIZE bytes); returns buf */
char *assessment_mean_format(int mean10, char *buf);
/* the tier of a mean in tenths: the mean as shown (one decimal) decides; 0 when count is 0 */
int assessment_tier(int mean10, int count, const assessment_tiers *t);
/* untranslated msgid of a tier's name (一档 …; 0: 无评分) */
const char *assessment_tier_label(int tier);
/* fill out from a unit's sum and count (as a store's GROUP BY gives them) */
void assessment_unit_stats(const char *unit, long sum, int count, const assessment_tiers *t,
		assessment_unit *out);
/* one row per unit of units[], in that order (unrated units too: count 0, tier 0),
 * from nrows ratings; returns how many ratings name no unit of the list */
int assessment_aggregate(const assessment_rating *rows, int nrows, const char *const *units,
		int nunits, const assessment_tiers *t, assessment_unit *out);

/* 0 when a rating of quarter q may be added on day today: the quarter has begun and
 * is not frozen; -1 with a message */
int assessment_rating_allowed(assessment_quarter q, bool frozen, qdate today, strbuf *err);
/* 0 when quarter q may be frozen on day today: it has begun and is not frozen yet;
 * -1 with a message */
int assessment_freeze_allowed(assessment_quarter q, bool frozen, qdate today, strbuf *err);

/* how a unit serves an enterprise, the ground of its rating there */
typedef enum assessment_tie {
	ASSESS_TIE_NONE,                 /* it does not: the rating is refused */
	ASSESS_TIE_LEAD,                 /* the enterprise's lead unit */
	ASSESS_TIE_COOP,                 /* one of its cooperating units */
	ASSESS_TIE_APPEAL,               /* it handled an appeal of the enterprise that quarter */
} assessment_tie;

/* What the rule knows of one enterprise: its name (for the message), its lead unit,
 * its cooperating units ('|'-separated, "" when none) and the units that handled its
 * appeals in the quarter (lead or related units), all borrowed. */
typedef struct assessment_served_by {
	const char *enterprise;
	const char *lead;
	const char *coop;
	const char *const *appeal_units;
	int nappeal_units;
} assessment_served_by;

/* whether unit may be rated by the enterprise in quarter q: the first tie that holds
 * (lead, cooperating, appeals), or ASSESS_TIE_NONE with the reason in err naming the
 * units that do serve it (DOMAIN §5: an enterprise rates the units that serve it) */
assessment_tie assessment_served(const assessment_served_by *s, const char *unit,
		assessment_quarter q, strbuf *err);

/* The columns of a rating import. */
typedef enum assessment_field {
	ASSESS_F_NONE = -1,
	ASSESS_F_USCC,                   /* 企业统一社会信用代码 (or 统一社会信用代码, USCC) */
	ASSESS_F_UNIT,                   /* 单位 */
	ASSESS_F_QUARTER,                /* 季度 */
	ASSESS_F_SCORE,                  /* 得分 */
	ASSESS_F_COMMENT,                /* 意见, optional */
	ASSESS_F__COUNT
} assessment_field;

typedef struct assessment_import_map {
	int col[ASSESS_F__COUNT];        /* column index of each field, -1 when absent */
	int ncols;                       /* columns in the header row */
} assessment_import_map;

/* One rating row, converted and checked. Strings are owned. */
typedef struct assessment_row {
	char *uscc;                      /* normalised 18-character code */
	char *unit;
	assessment_quarter quarter;
	int score;
	char *comment;                   /* "" when none */
} assessment_row;

/* the template's header of a field (企业统一社会信用代码 …), or NULL */
const char *assessment_field_header(assessment_field f);
/* match the header row; -1 with the missing required columns in err. Columns not in
 * the template are named in ignored (may be NULL) and skipped. */
int assessment_import_header(assessment_import_map *m, const char *const *fields, int n,
		strbuf *err, strbuf *ignored);
/* fill r (zeroed, or holding an earlier row: cleared first) from one row; the unit
 * must be in units (NULL: not checked); -1 with the reason in err and the column in
 * *bad (ragged rows: ASSESS_F_NONE) */
int assessment_import_row(const assessment_import_map *m, const char *const *fields, int n,
		const unit_table *units, assessment_row *r, assessment_field *bad, strbuf *err);
/* free r's strings and zero it */
void assessment_row_clear(assessment_row *r);

#endif
