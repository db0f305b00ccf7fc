/* The inspection reason table: checking and adding a row, finding a reason. */
#include "model/inspection_reason.h"

#include <string.h>

#include "core/xalloc.h"

static bool reason_code_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > INSPECT_REASON_CODE_MAX)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* The name is shown in lists and cells: refuse what would break a line or a column.
 * The reader refuses text that is not UTF-8. */
static bool reason_name_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static int reason_flag(const char *s, bool *out)
{
	if (strcmp(s, "yes") == 0)
		*out = true;
	else if (strcmp(s, "no") == 0)
		*out = false;
	else
		return -1;
	return 0;
}

reason_fault inspection_reason_add(inspection_reason_table *t, const char *code, const char *name,
                                const char *quiet, const char *filing)
{
	inspection_reason r = { 0 };
	if (!reason_code_ok(code))
		return REASON_ROW_CODE;
	if (inspection_reason_find(t, code))
		return REASON_ROW_TWICE;
	if (!reason_name_ok(name))
		return REASON_ROW_NAME;
	if (reason_flag(quiet, &r.quiet_exempt) < 0)
		return REASON_ROW_QUIET;
	if (reason_flag(filing, &r.filing_exempt) < 0)
		return REASON_ROW_FILING;
	r.code = xstrdup(code);
	r.name = xstrdup(name);
	r.after_fact = strcmp(r.code, INSPECT_REASON_EMERGENCY) == 0;
	t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
	t->v[t->n++] = r;
	return REASON_ROW_OK;
}

void inspection_reason_table_free(inspection_reason_table **tp)
{
	inspection_reason_table *t = *tp;
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		xfree(&t->v[i].code);
		xfree(&t->v[i].name);
	}
	xfree(&t->v);
	xfree(tp);
}

const inspection_reason *inspection_reason_find(const inspection_reason_table *t, const char *code)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].code, code) == 0)
			return &t->v[i];
	return NULL;
}
