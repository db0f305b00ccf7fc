/* Enterprise record helpers. */
#include "model/enterprise.h"

#include <stdlib.h>
#include <string.h>

void ent_record_clear(ent_record *e)
{
	char **fields[] = { &e->name, &e->uscc, &e->uscc_override, &e->address, &e->area,
	                    &e->category, &e->group, &e->introduced_by, &e->legal_rep,
	                    &e->contact, &e->phone, &e->commissioner, &e->status,
	                    &e->lead_unit, &e->coop_units, &e->lead_override };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(*fields[i]);
	memset(e, 0, sizeof *e);
}
