/* Code tables (model/codes.h): a code is checked once here for every table read
 * from data/, so that what is stored is always a plain identifier. */
#include "model/codes.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static bool code_ok(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
	return n > 0 && n < CODE_MAX && s[n] == '\0';
}

code_fault codes_add(code_table *t, const char *code, const char *name)
{
	if (!code_ok(code))
		return CODE_ROW_CODE;
	if (codes_find(t, code) || codes_find(t, name))
		return CODE_ROW_TWICE;
	t->v = xrealloc(t->v, sizeof *t->v * (size_t)(t->n + 1));
	t->v[t->n].code = xstrdup(code);
	t->v[t->n].name = xstrdup(name);
	t->n++;
	return CODE_ROW_OK;
}

void codes_free(code_table *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->v[i].code);
		free(t->v[i].name);
	}
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

const code_def *codes_find(const code_table *t, const char *s)
{
	for (int i = 0; s && i < t->n; i++)
		if (strcmp(t->v[i].code, s) == 0 || strcmp(t->v[i].name, s) == 0)
			return &t->v[i];
	return NULL;
}

const char *codes_name(const code_table *t, const char *code)
{
	const code_def *p = codes_find(t, code);
	return p ? p->name : code;
}

void codes_list(const code_table *t, strbuf *out)
{
	for (int i = 0; i < t->n; i++)
		sb_addf(out, "%s%s (%s)", i ? ", " : "", t->v[i].code, t->v[i].name);
}
