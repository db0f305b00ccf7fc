/* The year's score from its quarters and the checks of a year; see annual.h. Means
 * stay in integer tenths, as the quarters' do, so that the score shown decides. */
#include "model/annual.h"

#include <string.h>

#include "core/i18n.h"

static const char *const rule_codes[] = { "mean", "weighted" };

bool annual_rule_parse(const char *s, annual_rule *out)
{
	for (int i = 0; i < 2; i++)
		if (s && strcmp(s, rule_codes[i]) == 0) {
			*out = (annual_rule)i;
			return true;
		}
	return false;
}

const char *annual_rule_code(annual_rule r)
{
	return r == ANNUAL_WEIGHTED ? rule_codes[1] : rule_codes[0];
}

const char *annual_rule_label(annual_rule r)
{
	return r == ANNUAL_WEIGHTED ? N_("the mean of all the ratings")
		: N_("the mean of the quarterly means");
}

bool annual_year_parse(const char *s, int *year)
{
	if (!s || strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (y < 1900)
		return false;
	*year = y;
	return true;
}

void annual_combine(const char *unit, const assessment_unit q[4], annual_rule rule,
		const assessment_tiers *t, annual_unit *out)
{
	memset(out, 0, sizeof *out);
	out->unit = unit;
	long sum = 0, means = 0;
	for (int i = 0; i < 4; i++) {
		out->q[i] = q[i];
		out->q[i].unit = unit;
		if (q[i].count <= 0)
			continue;
		out->quarters++;
		out->count += q[i].count;
		sum += q[i].sum;
		means += q[i].mean10;
	}
	if (rule == ANNUAL_WEIGHTED)
		out->mean10 = assessment_mean10(sum, out->count);
	else if (out->quarters)
		/* the mean of tenths, itself in tenths, half up as assessment_mean10 does */
		out->mean10 = (int)((means * 2 + out->quarters) / (2L * out->quarters));
	out->tier = assessment_tier(out->mean10, out->count, t);
}

annual_verdict annual_quarters_check(int year, const bool frozen[4], strbuf *open)
{
	annual_verdict v = ANNUAL_OK;
	for (int i = 0; i < 4; i++)
		if (!frozen[i]) {
			char code[ASSESS_QUARTER_SIZE];
			assessment_quarter_format((assessment_quarter){ year, i + 1 }, code);
			sb_addf(open, "%s%s", v == ANNUAL_OK ? "" : "、", code);
			v = ANNUAL_QUARTERS_OPEN;
		}
	return v;
}

annual_verdict annual_freeze_allowed(int year, bool year_frozen, const bool qfrozen[4],
		strbuf *open)
{
	if (year_frozen)
		return ANNUAL_YEAR_FROZEN;
	return annual_quarters_check(year, qfrozen, open);
}
