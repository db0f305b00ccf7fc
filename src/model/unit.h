/* The units of the zone (DOMAIN §1): which exist, which are the four grid areas,
 * which is the service centre. Pure: the table is filled row by row by its reader,
 * policy/units.c (data/units.tsv). */
#ifndef QIFU_UNIT_H
#define QIFU_UNIT_H
#include <stdbool.h>

#include "core/strbuf.h"

typedef enum unit_kind {
	UNIT_DEPT,
	UNIT_AREA,
	UNIT_CENTRE,
	UNIT_ENFORCEMENT,
	UNIT_OVERSIGHT,
	UNIT_OTHER,
} unit_kind;

typedef struct unit {
	char *name;      /* the short name used everywhere: 区科经局 */
	char *full_name;
	unit_kind kind;
} unit_def;

typedef struct unit_table {
	unit_def *v;
	int n;
} unit_table;

/* what keeps a row out of the table */
typedef enum unit_fault {
	UNIT_ROW_OK,
	UNIT_ROW_KIND,   /* the kind is none of dept, area, centre, enforcement, oversight, other */
	UNIT_ROW_TWICE,  /* the name is in the table already */
} unit_fault;

/* add a unit, kind spelled as data/units.tsv does (dept, area…); anything but
 * UNIT_ROW_OK leaves the table as it was */
unit_fault units_add(unit_table *t, const char *name, const char *full_name, const char *kind);
void units_free(unit_table *t);
const unit_def *units_find(const unit_table *t, const char *name);
bool units_is_area(const unit_table *t, const char *name);
/* the service centre (区企服中心), or NULL when the data has none */
const unit_def *units_centre(const unit_table *t);
/* "a, b, c" of every unit (kind < 0) or of one kind, for "allowed values" messages */
void units_list(const unit_table *t, int kind, strbuf *out);

#endif
