/* A table of codes and the names people read (the cultivation pools, the kinds of
 * outreach event, …): each code is stored in the database, each name shown, and both
 * are found by either. Pure over the table, which a reader in src/policy fills from
 * a data file of code TAB name rows. */
#ifndef QIFU_CODES_H
#define QIFU_CODES_H

#include "core/strbuf.h"

/* room for a code and its NUL: codes are 1-31 of a-z, 0-9 and _ */
enum { CODE_MAX = 32 };

typedef struct code_def {
	char *code;   /* stored in the database */
	char *name;   /* shown to users */
} code_def;

typedef struct code_table {
	code_def *v;
	int n;
} code_table;

/* what keeps a row out of the table */
typedef enum code_fault {
	CODE_ROW_OK,
	CODE_ROW_CODE,   /* the code is not 1 to CODE_MAX - 1 of a-z, 0-9 and _ */
	CODE_ROW_TWICE,  /* the code or the name is in the table already */
} code_fault;

/* add a row; anything but CODE_ROW_OK leaves the table as it was */
code_fault codes_add(code_table *t, const char *code, const char *name);
/* free the table and leave it empty */
void codes_free(code_table *t);
/* by code or by name, or NULL */
const code_def *codes_find(const code_table *t, const char *s);
/* the name for a stored code, or the code itself when the data no longer has it */
const char *codes_name(const code_table *t, const char *code);
/* "code (name), code (name)" for "allowed values" messages */
void codes_list(const code_table *t, strbuf *out);

#endif
