/* Coverage gaps of an enterprise on a day (model/coverage.h). */
#include "model/coverage.h"

#include <string.h>

static const char *const codes[COV_GAP__COUNT] = {
	[COV_GAP_COMMISSIONER] = "commissioner",
	[COV_GAP_CARD] = "card",
	[COV_GAP_VISIT] = "visit",
};

unsigned coverage_gaps(bool has_commissioner, qdate card_on, qdate visit_on, qdate today,
                       int visit_days)
{
	unsigned gaps = 0;
	if (!has_commissioner)
		gaps |= COV_BIT(COV_GAP_COMMISSIONER);
	if (card_on == DATE_NONE)
		gaps |= COV_BIT(COV_GAP_CARD);
	if (visit_on == DATE_NONE || visit_on < today - visit_days)
		gaps |= COV_BIT(COV_GAP_VISIT);
	return gaps;
}

const char *coverage_gap_code(coverage_gap g)
{
	return (unsigned)g < COV_GAP__COUNT ? codes[g] : "";
}

bool coverage_gap_parse(const char *code, coverage_gap *out)
{
	for (int g = 0; code && g < COV_GAP__COUNT; g++)
		if (strcmp(code, codes[g]) == 0) {
			*out = (coverage_gap)g;
			return true;
		}
	return false;
}
