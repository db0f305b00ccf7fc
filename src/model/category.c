/* Category and group tables. */
#include "model/category.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"
#include "core/xalloc.h"

static char **split_commas(const char *s)
{
	char **v = xcalloc(1, sizeof *v);
	int n = 0;
	while (s && *s) {
		size_t len = strcspn(s, ",");
		if (len) {
			v = xrealloc(v, sizeof *v * (size_t)(n + 2));
			v[n++] = xstrndup(s, len);
			v[n] = NULL;
		}
		s += len + (s[len] == ',');
	}
	return v;
}

int catalog_load(catalog *c, const char *dir, strbuf *err)
{
	memset(c, 0, sizeof *c);
	char *path = xasprintf("%s/categories.tsv", dir);
	tsv_file *f = tsv_open(path, err);
	free(path);
	if (!f)
		return -1;
	char **v;
	int n, rc;
	while ((rc = tsv_next(f, 4, &v, &n, err)) == 1) {
		if (catalog_category(c, v[0])) {
			sb_addf(err, _("%s:%d: category '%s' is listed twice"), tsv_path(f),
			        tsv_line(f), v[0]);
			rc = -1;
			break;
		}
		c->cats = xrealloc(c->cats, sizeof *c->cats * (size_t)(c->ncats + 1));
		category *k = &c->cats[c->ncats++];
		k->code = xstrdup(v[0]);
		k->label = xstrdup(v[1]);
		k->short_label = xstrdup(v[2]);
		k->aliases = split_commas(v[3]);
	}
	tsv_close(&f);
	if (rc < 0)
		goto fail;
	path = xasprintf("%s/groups.txt", dir);
	f = tsv_open(path, err);
	free(path);
	if (!f)
		goto fail;
	while ((rc = tsv_next(f, 1, &v, &n, err)) == 1) {
		c->groups = xrealloc(c->groups, sizeof *c->groups * (size_t)(c->ngroups + 1));
		c->groups[c->ngroups++] = xstrdup(v[0]);
	}
	tsv_close(&f);
	if (rc < 0)
		goto fail;
	return 0;
fail:
	catalog_free(c);
	return -1;
}

void catalog_free(catalog *c)
{
	for (int i = 0; i < c->ncats; i++) {
		free(c->cats[i].code);
		free(c->cats[i].label);
		free(c->cats[i].short_label);
		for (char **a = c->cats[i].aliases; a && *a; a++)
			free(*a);
		free(c->cats[i].aliases);
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
