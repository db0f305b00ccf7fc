/* The contact card's rules (model/card.h). */
#include "model/card.h"

#include <string.h>

/* lower is better: the head of the unit, its staff, its area officers, the others */
static int rank(role_t r)
{
	switch (r) {
	case ROLE_SUPERVISOR: return 0;
	case ROLE_UNIT_STAFF: return 1;
	case ROLE_AREA_OFFICER: return 2;
	default: return 3;
	}
}

int card_contact_pick(const card_person *v, int n)
{
	int best = -1;
	for (int i = 0; i < n; i++) {
		if (v[i].disabled || !v[i].phone || !*v[i].phone)
			continue;
		if (best < 0 || rank(v[i].role) < rank(v[best].role) ||
		    (rank(v[i].role) == rank(v[best].role) && strcmp(v[i].login, v[best].login) < 0))
			best = i;
	}
	return best;
}
