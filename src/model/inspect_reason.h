/* The inspection reasons of DOMAIN §4 as data: each reason's code, its Chinese
 * name and whether it is exempt from the quiet days and from advance filing. The
 * table lives in data/inspect_reasons.tsv so the zone can change it without a build. */
#ifndef QIFU_INSPECT_REASON_H
#define QIFU_INSPECT_REASON_H
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"

/* the one reason that may be registered after the inspection took place */
#define INSPECT_REASON_EMERGENCY "emergency"

typedef struct inspect_reason {
	char *code;          /* "general", stored with each inspection */
	char *name;          /* "一般性检查", shown to users */
	bool quiet_exempt;   /* may inspect inside the quiet window */
	bool filing_exempt;  /* needs no advance filing */
	bool after_fact;     /* may be registered after the fact (the emergency code) */
} inspect_reason;

typedef struct inspect_reason_table {
	inspect_reason *v;
	size_t n;
} inspect_reason_table;

/* read the table from path; NULL with "path:line: message" in err */
inspect_reason_table *inspect_reason_load(const char *path, strbuf *err);
void inspect_reason_table_free(inspect_reason_table **t);
/* the reason with this code, or NULL */
const inspect_reason *inspect_reason_find(const inspect_reason_table *t, const char *code);

#endif
