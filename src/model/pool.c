/* Pool table and the entry/exit rules. Periods of one enterprise in one pool never
 * overlap, so that "member on day D" has one answer for reports. */
#include "model/pool.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/field.h"

code_fault pools_add(pool_table *t, const char *code, const char *name)
{
	return codes_add(t, code, name);
}

void pools_free(pool_table *t)
{
	codes_free(t);
}

const pool_def *pools_find(const pool_table *t, const char *s)
{
	return codes_find(t, s);
}

const char *pools_name(const pool_table *t, const char *code)
{
	return codes_name(t, code);
}

void pools_list(const pool_table *t, strbuf *out)
{
	codes_list(t, out);
}

void pool_period_clear(pool_period *p)
{
	free(p->enterprise);
	free(p->uscc);
	free(p->area);
	free(p->pool);
	free(p->reason_in);
	free(p->reason_out);
	free(p->entered_by);
	free(p->left_by);
	memset(p, 0, sizeof *p);
}

pool_verdict pool_enter_check(bool member, qdate last_left, qdate on, qdate today)
{
	if (member)
		return POOL_ALREADY_MEMBER;
	if (on > today)
		return POOL_FUTURE;
	/* re-entry on the day of leaving is allowed: the periods touch, not overlap */
	if (last_left != DATE_NONE && on < last_left)
		return POOL_BEFORE_LAST_EXIT;
	return POOL_OK;
}

pool_verdict pool_leave_check(bool member, qdate entered_on, qdate on, qdate today)
{
	if (!member)
		return POOL_NOT_MEMBER;
	if (on > today)
		return POOL_FUTURE;
	if (on < entered_on)
		return POOL_BEFORE_ENTRY;
	return POOL_OK;
}

int pool_validate_reason(char **reason, bool required, strbuf *err)
{
	return field_clean(reason, N_("pool reason"), 200, required, err);
}
