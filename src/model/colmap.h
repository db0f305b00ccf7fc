/* The headers a column map (data/import/) gives each field of a file, shared by
 * every import read by a map: "A|B|C" split into trimmed spellings, one header naming
 * one field only, and a header row matched against them. Pure. */
#ifndef QIFU_COLMAP_H
#define QIFU_COLMAP_H

#include "core/strbuf.h"

enum { COLMAP_FIELDS_MAX = 16, COLMAP_HEADERS_MAX = 6 };

/* the spellings of each field (a map's field enum indexes them); owned */
typedef struct colmap {
	char *headers[COLMAP_FIELDS_MAX][COLMAP_HEADERS_MAX];
	int nheaders[COLMAP_FIELDS_MAX];
} colmap;

typedef enum colmap_rc {
	COLMAP_OK,
	COLMAP_EMPTY,  /* the list held no spelling */
	COLMAP_TWICE,  /* a spelling another field (or this one) already has */
	COLMAP_FULL,   /* more than COLMAP_HEADERS_MAX spellings */
} colmap_rc;

/* each part of "a|b|c", trimmed and not empty, to add (which owns it); stops at the
 * first nonzero return of add, which it returns */
int colmap_each_part(const char *list, int (*add)(void *arg, char *part), void *arg);
/* add the spellings in list to field f (< COLMAP_FIELDS_MAX) */
colmap_rc colmap_add(colmap *m, int f, const char *list);
void colmap_free(colmap *m);
/* the field one of whose spellings is h (trimmed); -1 none */
int colmap_field_of(const colmap *m, const char *h);
/* the first spelling of field f, or code when it has none, for messages */
const char *colmap_header(const colmap *m, int f, const char *code);
/* where each of the nfields fields is in the header row fields[0..n): col[f], -1 when
 * absent; cells that name no field go to ignored (may be NULL, joined by 、). -1 with
 * "column X appears twice" in err. */
int colmap_match(const colmap *m, int nfields, const char *const *fields, int n, int *col,
		strbuf *err, strbuf *ignored);
/* add name to the "missing required columns: A、B" message in err */
void colmap_missing(strbuf *err, int *missing, const char *name);

#endif
