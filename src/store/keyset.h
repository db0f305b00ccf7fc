/* Reading a list by key when a column of its order may be NULL: the rows after a
 * given row, in either direction, as a few index ranges read one after the other.
 * A row value comparison ((a, b) > (?, ?)) loses every row whose a is NULL; these
 * segments keep them where the order puts them. Pure (no SQLite), so the unit
 * tests hold every case. Not for use outside src/store. */
#ifndef QIFU_STORE_KEYSET_H
#define QIFU_STORE_KEYSET_H
#include <stdbool.h>

/* where a column's NULLs come in the ascending order */
typedef enum ks_nulls {
	KS_NOT_NULL,     /* never NULL */
	KS_NULLS_FIRST,  /* SQLite's own ascending order; only such columns may follow the first */
	KS_NULLS_LAST,   /* after every value (the due order's appeals without a deadline) */
} ks_nulls;

typedef enum ks_cmp {
	KS_ALL,      /* every row of the prefix */
	KS_AFTER,    /* the column after the row's value (>, or < going backwards) */
	KS_ISNULL,   /* the column is NULL */
	KS_NOTNULL,  /* the column is not NULL */
} ks_cmp;

/* one index range: columns [0, eq) equal the row's (IS), column col compared by cmp,
 * read in the order of columns [col, n) (descending when going backwards) */
typedef struct ks_seg {
	int eq;
	int col;
	ks_cmp cmp;
} ks_seg;

/* at most this many segments for n columns */
#define KS_SEGS_MAX(n) (2 * (n))

/* The segments that read, in list order, the rows after a row of a list ordered by
 * the n columns of nulls (the last making the order total, never NULL) going
 * forward (rev false: ascending) or backwards; isnull[i] says whether the row's
 * column i is NULL; isnull NULL: from the first row of that direction. Returns how
 * many were written to out (at most KS_SEGS_MAX(n)). */
int keyset_segments(const ks_nulls *nulls, int n, const bool *isnull, bool rev, ks_seg *out);

#endif
