/* Supervision figures (全面督导, DOMAIN §3) per unit: rates from the counts a store
 * query provides, ASCII bar charts for the terminal, and the aligned table of
 * `qifu report units`. Pure arithmetic and text; no database, no curses. */
#ifndef QIFU_SUPERVISION_H
#define QIFU_SUPERVISION_H
#include <stdbool.h>

#include "core/strbuf.h"

/* A unit's counts over one period. Every count but overdue_now follows one cohort:
 * the appeals dispatched to the unit as lead (or host) unit in the period, each
 * followed up to today. So every rate is a share of one set of appeals and no count
 * can exceed the one it is a part of (supervision_counts_check). */
typedef struct supervision_counts {
	const char *unit;                /* borrowed */
	int received;                    /* appeals dispatched to the unit in the period */
	int dispatched_on_time;          /* of received: dispatched by the centre in its limit */
	int signed_on_time;              /* of received: signed for (签收) within dispatch_days
	                                  * working days of the dispatch; the policy sets no
	                                  * limit of its own for signing */
	int returned;                    /* of received: returned to the centre (退单) */
	int answered;                    /* of received: answered (办结) */
	int answered_on_time;            /* of answered: by the handling due date then in force */
	int extended;                    /* of received: extended at least once */
	int callbacks;                   /* of answered: called back, satisfied or not */
	int satisfied;                   /* of callbacks: satisfied at the first callback */
	int escalated2;                  /* of received: raised to level 2 */
	int escalated1;                  /* of escalated2: raised on to level 1 */
	int overdue_now;                 /* the unit's open appeals whose handling timer is red
	                                  * today, whenever they arrived */
} supervision_counts;

/* The rates, each a share of the count named after "of" above. */
typedef enum supervision_figure {
	SUP_DISPATCHED_ON_TIME,          /* dispatched_on_time / received */
	SUP_SIGNED_ON_TIME,              /* signed_on_time / received */
	SUP_RETURNED,                    /* returned / received */
	SUP_ANSWERED_ON_TIME,            /* answered_on_time / answered */
	SUP_EXTENDED,                    /* extended / received */
	SUP_SATISFIED,                   /* satisfied / callbacks */
	SUP_FIGURE__COUNT
} supervision_figure;

/* The columns of the report, in order. */
typedef enum supervision_col {
	SUP_COL_UNIT,
	SUP_COL_RECEIVED,
	SUP_COL_DISPATCHED,              /* rate */
	SUP_COL_SIGNED,                  /* rate */
	SUP_COL_RETURNED,                /* rate */
	SUP_COL_ANSWERED,                /* rate */
	SUP_COL_EXTENDED,                /* count */
	SUP_COL_OVERDUE,                 /* count */
	SUP_COL_SATISFIED,               /* rate */
	SUP_COL_LEVEL2,                  /* count */
	SUP_COL_LEVEL1,                  /* count */
	SUP_COL__COUNT
} supervision_col;

/* a rate whose base is zero: shown as "-", drawn as an empty bar */
enum { SUP_NO_RATE = -1 };
/* "100.0%" and its NUL, with room to spare; also holds any count */
enum { SUP_CELL_SIZE = 16 };

/* stable code of a figure ("answered_on_time") for CSV keys and options */
const char *supervision_figure_code(supervision_figure f);
/* untranslated msgid of a figure's label */
const char *supervision_figure_label(supervision_figure f);
/* code to figure */
bool supervision_figure_parse(const char *code, supervision_figure *out);

/* part / whole in permille (per mille, 0..1000), rounded half up; SUP_NO_RATE when
 * whole is 0. Permille keeps the report exact and the same on every machine. */
int supervision_permille(int part, int whole);
/* a figure of c in permille, or SUP_NO_RATE */
int supervision_rate(const supervision_counts *c, supervision_figure f);
/* "93.5%" into buf (SUP_CELL_SIZE bytes), "-" for SUP_NO_RATE; returns buf */
char *supervision_rate_format(int permille, char *buf);
/* 0 when every count is >= 0 and within the count it is a part of; -1 naming the
 * first that is not (a store query gone wrong) */
int supervision_counts_check(const supervision_counts *c, strbuf *err);
/* the sum of n rows, unit set to unit; its rates are the rates of the sums */
void supervision_total(const supervision_counts *rows, int n, const char *unit,
		supervision_counts *total);

/* untranslated msgid of a column's header */
const char *supervision_col_header(supervision_col c);
/* whether a column is right-aligned (every one but the unit) */
bool supervision_col_numeric(supervision_col c);
/* a row's cell in a column (the unit's name is not copied: see c->unit) into buf
 * (SUP_CELL_SIZE bytes); returns buf, or c->unit for SUP_COL_UNIT */
const char *supervision_cell(const supervision_counts *c, supervision_col col, char *buf);

/* a bar of exactly width columns: rate (0..1, clamped; NaN as 0) of them '#', rounded
 * half up, the rest '.'; nothing for width <= 0 */
void supervision_bar(double rate, int width, strbuf *out);
/* one figure as a chart of width columns: a title line, then per row the unit, a
 * bar and the rate; every line exactly width columns when width allows */
void supervision_chart(const supervision_counts *rows, int n, supervision_figure f, int width,
		strbuf *out);
/* the report as an aligned table: header, rule, one line per row and a total line
 * (合计) when n > 1; columns as wide as their widest cell */
void supervision_table(const supervision_counts *rows, int n, strbuf *out);

#endif
