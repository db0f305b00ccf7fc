/* Category and group tables: adding a row, finding, listing. */
#include "model/category.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

bool catalog_add_category(catalog *c, const char *code, const char *label,
                          const char *short_label, const char *const *aliases)
{
	if (catalog_category(c, code))
		return false;
	c->cats = xrealloc(c->cats, sizeof *c->cats * (size_t)(c->ncats + 1));
	category *k = &c->cats[c->ncats++];
	k->code = xstrdup(code);
	k->label = xstrdup(label);
	k->short_label = xstrdup(short_label);
	k->aliases = xstrvdup(aliases);
	return true;
}

void catalog_add_group(catalog *c, const char *name)
{
	c->groups = xrealloc(c->groups, sizeof *c->groups * (size_t)(c->ngroups + 1));
	c->groups[c->ngroups++] = xstrdup(name);
}

void catalog_free(catalog *c)
{
	for (int i = 0; i < c->ncats; i++) {
		free(c->cats[i].code);
		free(c->cats[i].label);
		free(c->cats[i].short_label);
		xstrvfree(&c->cats[i].aliases);
	}
	free(c->cats);
	for (int i = 0; i < c->ngroups; i++)
		free(c->groups[i]);
	free(c->groups);
	memset(c, 0, sizeof *c);
}

const category *catalog_category(const catalog *c, const char *code)
{
	for (int i = 0; code && i < c->ncats; i++)
		if (strcmp(c->cats[i].code, code) == 0)
			return &c->cats[i];
	return NULL;
}

const category *catalog_category_any(const catalog *c, const char *s)
{
	for (int i = 0; s && i < c->ncats; i++) {
		const category *k = &c->cats[i];
		if (strcmp(k->code, s) == 0 || strcmp(k->label, s) == 0 ||
		    strcmp(k->short_label, s) == 0)
			return k;
		for (char **a = k->aliases; a && *a; a++)
			if (strcmp(*a, s) == 0)
				return k;
	}
	return NULL;
}

bool catalog_is_group(const catalog *c, const char *name)
{
	for (int i = 0; name && i < c->ngroups; i++)
		if (strcmp(c->groups[i], name) == 0)
			return true;
	return false;
}

void catalog_list_codes(const catalog *c, strbuf *out)
{
	for (int i = 0; i < c->ncats; i++)
		sb_addf(out, "%s%s", i ? ", " : "", c->cats[i].code);
}

void catalog_list_labels(const catalog *c, strbuf *out)
{
	for (int i = 0; i < c->ncats; i++)
		sb_addf(out, "%s%s", i ? "、" : "", c->cats[i].label);
}

void catalog_list_groups(const catalog *c, strbuf *out)
{
	for (int i = 0; i < c->ngroups; i++)
		sb_addf(out, "%s%s", i ? "、" : "", c->groups[i]);
}
