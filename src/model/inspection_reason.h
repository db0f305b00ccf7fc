/* The inspection reasons of DOMAIN §4 as data: each reason's code, its Chinese
 * name and whether it is exempt from the quiet days and from advance filing. The
 * table lives in data/inspection_reasons.tsv so the zone can change it without a build;
 * policy/reasons.c reads it, each row checked here. Pure. */
#ifndef QIFU_INSPECTION_REASON_H
#define QIFU_INSPECTION_REASON_H
#include <stdbool.h>
#include <stddef.h>


/* the one reason that may be registered after the inspection took place */
#define INSPECT_REASON_EMERGENCY "emergency"

typedef struct inspection_reason {
	char *code;          /* "general", stored with each inspection */
	char *name;          /* "一般性检查", shown to users */
	bool quiet_exempt;   /* may inspect inside the quiet window */
	bool filing_exempt;  /* needs no advance filing */
	bool after_fact;     /* may be registered after the fact (the emergency code) */
} inspection_reason;

typedef struct inspection_reason_table {
	inspection_reason *v;
	size_t n;
} inspection_reason_table;

/* the longest reason code */
enum { INSPECT_REASON_CODE_MAX = 32 };

/* what keeps a row out of the table: each is checked strictly, because a wrong flag
 * silently changes which inspections are allowed */
typedef enum reason_fault {
	REASON_ROW_OK,
	REASON_ROW_CODE,    /* not 1 to INSPECT_REASON_CODE_MAX of a-z, 0-9 and _ */
	REASON_ROW_TWICE,   /* the code is in the table already */
	REASON_ROW_NAME,    /* empty, or holds control characters */
	REASON_ROW_QUIET,   /* the quiet-day flag is neither yes nor no */
	REASON_ROW_FILING,  /* the filing flag is neither yes nor no */
} reason_fault;

/* add a reason (flags spelled yes or no); anything but REASON_ROW_OK leaves the table
 * as it was */
reason_fault inspection_reason_add(inspection_reason_table *t, const char *code, const char *name,
                                const char *quiet, const char *filing);
void inspection_reason_table_free(inspection_reason_table **t);
/* the reason with this code, or NULL */
const inspection_reason *inspection_reason_find(const inspection_reason_table *t, const char *code);

#endif
