/* Pool table and the entry/exit rules. Periods of one enterprise in one pool never
 * overlap, so that "member on day D" has one answer for reports. */
#include "model/pool.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/field.h"

static bool code_ok(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
	return n > 0 && n < POOL_CODE_MAX && s[n] == '\0';
}

pool_fault pools_add(pool_table *t, const char *code, const char *name)
{
	if (!code_ok(code))
		return POOL_ROW_CODE;
	if (pools_find(t, code) || pools_find(t, name))
		return POOL_ROW_TWICE;
	t->v = xrealloc(t->v, sizeof *t->v * (size_t)(t->n + 1));
	t->v[t->n].code = xstrdup(code);
	t->v[t->n].name = xstrdup(name);
	t->n++;
	return POOL_ROW_OK;
}

void pools_free(pool_table *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->v[i].code);
		free(t->v[i].name);
	}
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

const pool_def *pools_find(const pool_table *t, const char *s)
{
	for (int i = 0; s && i < t->n; i++)
		if (strcmp(t->v[i].code, s) == 0 || strcmp(t->v[i].name, s) == 0)
			return &t->v[i];
	return NULL;
}

const char *pools_name(const pool_table *t, const char *code)
{
	const pool_def *p = pools_find(t, code);
	return p ? p->name : code;
}

void pools_list(const pool_table *t, strbuf *out)
{
	for (int i = 0; i < t->n; i++)
		sb_addf(out, "%s%s (%s)", i ? ", " : "", t->v[i].code, t->v[i].name);
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
