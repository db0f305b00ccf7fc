/* The arithmetic of the reports' terminal charts (the supervision report's weekly
 * volumes and monthly on-time rates, the assessments' tier trend): the week and month
 * buckets of a period, how many buckets share a cell when they do not fit, bar
 * lengths in eighths of a cell, the level of a sparkline cell, and the glyphs, block
 * characters in a UTF-8 locale and ASCII ('#') elsewhere. Pure: the caller says
 * whether the locale is UTF-8. */
#ifndef QIFU_CHART_H
#define QIFU_CHART_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"

/* The weeks of a period, Monday to Sunday: the first is the week holding from, the
 * last the one holding to. */
typedef struct chart_weeks {
	qdate first;                     /* the Monday of the first week */
	int n;                           /* weeks, at least 1 when from <= to */
} chart_weeks;
/* the weeks from..to; n = 0 when from > to */
chart_weeks chart_weeks_of(qdate from, qdate to);
/* the week of d (0 is the first), -1 outside them */
int chart_week_index(const chart_weeks *w, qdate d);
/* the Monday of week i */
qdate chart_week_start(const chart_weeks *w, int i);

/* The calendar months of a period, first (year, month) and how many. */
typedef struct chart_months {
	int year, month;
	int n;                           /* 0 when from > to */
} chart_months;
chart_months chart_months_of(qdate from, qdate to);
/* the bucket of year-month (0 is the first), -1 outside */
int chart_month_index(const chart_months *m, int year, int month);
/* the year and month of bucket i */
void chart_month_at(const chart_months *m, int i, int *year, int *month);

/* buckets per cell when n buckets are drawn in at most cells cells: 1 while they
 * fit, else the fewest that do (ceil(n / cells)); 1 when cells < 1 */
int chart_per_cell(int n, int cells);
/* the first of fit buckets shown out of n, the window ending at the last bucket with
 * data (last; -1 none: the end) and held inside 0..n; 0 when all fit */
int chart_window(int n, int fit, int last);
/* value of max as a share of steps, rounded half up: 0 for value <= 0 (or max <= 0),
 * at least 1 for any value above 0 (a small figure is still seen), at most steps */
int chart_scale(long value, long max, int steps);
/* the level of a sparkline cell, 0..8: 0 for no value (value < 0), else 1 + value's
 * share of 7 between lo and hi (lo and anything under it: 1; hi and above: 8) */
int chart_spark_level(long value, long lo, long hi);

/* the glyph of a sparkline level: ' ' for 0, "▁".."█" (UTF-8) or "_.:-=+*#" */
const char *chart_spark_glyph(int level, bool utf8);
/* a sparkline cell: the glyph of level, a blank cell as wide as a block ("█" may be
 * two columns where ambiguous characters are wide) */
void chart_spark_cell(int level, bool utf8, strbuf *out);
/* a horizontal bar of exactly width display columns: value's share of max in eighths
 * of a cell (█ and one of ▏▎▍▌▋▊▉) when utf8, else in whole '#', blanks after; a
 * cell is as wide as the text module measures "█" */
void chart_bar(long value, long max, int width, bool utf8, strbuf *out);

#endif
