/* The units of the zone (DOMAIN §1), read from data/units.tsv: which exist, which
 * are the four grid areas, which is the service centre. */
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

/* load the table; -1 with file:line in err */
int units_load(unit_table *t, const char *path, strbuf *err);
void units_free(unit_table *t);
const unit_def *units_find(const unit_table *t, const char *name);
bool units_is_area(const unit_table *t, const char *name);
/* the service centre (区企服中心), or NULL when the data has none */
const unit_def *units_centre(const unit_table *t);
/* "a, b, c" of every unit (kind < 0) or of one kind, for "allowed values" messages */
void units_list(const unit_table *t, int kind, strbuf *out);

#endif
