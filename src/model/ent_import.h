/* Enterprise rows from a spreadsheet: the template's Chinese column headers, matched
 * in any order, and one row turned into a record. Pure; reading the file and
 * writing the database are the caller's. */
#ifndef QIFU_ENT_IMPORT_H
#define QIFU_ENT_IMPORT_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "model/enterprise.h"

typedef struct import_map {
	int col[ENT_F__COUNT]; /* column index of each field, -1 when absent */
	int ncols;             /* columns in the header row */
} import_map;

/* the template's header for a field (企业名称 …), or NULL for ENT_F_NONE */
const char *ent_field_header(ent_field f);
/* whether the import template requires the field */
bool ent_field_required(ent_field f);
/* match the header row; -1 with the missing required columns in err. Columns that
 * are not in the template are named in ignored (may be NULL) and skipped. */
int import_map_header(import_map *m, const char *const *fields, int n, strbuf *err,
                      strbuf *ignored);
/* fill e (cleared first) and *commissioner (login or "", caller frees) from one row;
 * -1 with the reason in err and the column in *bad (ragged rows: ENT_F_NONE) */
int import_row(const import_map *m, const char *const *fields, int n, ent_record *e,
               char **commissioner, ent_field *bad, strbuf *err);

#endif
