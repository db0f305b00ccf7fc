/* Cleaning what people type into a record's text fields, shared by the record
 * kinds (visits, financing needs, pool periods, warnings): sanitise for the
 * screen, trim, and check presence and length in characters. Pure. */
#ifndef QIFU_FIELD_H
#define QIFU_FIELD_H
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"

/* replace *f (NULL counts as "") by its sanitised, trimmed copy; -1 with
 * "LABEL must not be empty" or "LABEL has more than N characters" (label is a msgid) */
int field_clean(char **f, const char *label, size_t limit, bool required, strbuf *err);

#endif
