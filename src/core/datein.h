/* Dates as people type them into a prompt: 2026-02-14, 2026/2/14, 2026.2.14,
 * 20260214 or 2026年2月14日, with the full-width digits and separators a Chinese input
 * method produces; a month alone (2026-02, 2026年2月) names its first day. Pure: the
 * caller words the message from the status and the numbers read. */
#ifndef QIFU_DATEIN_H
#define QIFU_DATEIN_H

#include "core/date.h"

/* the lowest and highest years a typed date may name */
enum { DATEIN_YEAR_MIN = 1900, DATEIN_YEAR_MAX = 9999 };

typedef enum datein_status {
	DATEIN_DAY,       /* a whole date */
	DATEIN_MONTH,     /* a month alone: the date is its first day */
	DATEIN_EMPTY,     /* nothing but spaces */
	DATEIN_SHAPE,     /* not a year, month and day in an accepted spelling */
	DATEIN_BAD_YEAR,  /* the year lies outside DATEIN_YEAR_MIN..DATEIN_YEAR_MAX */
	DATEIN_BAD_MONTH, /* the month is not 1..12 */
	DATEIN_BAD_DAY,   /* day 0, or past the month's last day */
} datein_status;

/* what s says; *out gets the date for DATEIN_DAY and DATEIN_MONTH, and *y, *m, *d the
 * numbers read (0 where none was), so that a message can name the part at fault */
datein_status datein_parse(const char *s, qdate *out, int *y, int *m, int *d);

#endif
