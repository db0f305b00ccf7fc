/* Category and group tables: adding a row, finding, listing. */
#include "model/category.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

static const char *const class_codes[ENT_CLASS__COUNT] = {
	[ENT_CLASS_ABOVE] = "above_scale",
	[ENT_CLASS_BELOW] = "below_scale",
	[ENT_CLASS_OTHER] = "other",
};

static const char *const class_labels[ENT_CLASS__COUNT] = {
	[ENT_CLASS_ABOVE] = N_("above scale (five sectors)"),
	[ENT_CLASS_BELOW] = N_("below scale"),
	[ENT_CLASS_OTHER] = N_("other (introduced, group, aviation)"),
};

const char *ent_class_code(ent_class c)
{
	return c < ENT_CLASS__COUNT ? class_codes[c] : "?";
}

const char *ent_class_label(ent_class c)
{
	return c < ENT_CLASS__COUNT ? class_labels[c] : "?";
}

const char *ent_class_short(ent_class c)
{
	static const char *const shorts[ENT_CLASS__COUNT] = {
		[ENT_CLASS_ABOVE] = N_("above scale"),
		[ENT_CLASS_BELOW] = N_("below scale"),
		[ENT_CLASS_OTHER] = N_("class: other"),
	};
	return c < ENT_CLASS__COUNT ? shorts[c] : "?";
}

bool ent_class_parse(const char *code, ent_class *out)
{
	for (int i = 0; code && i < ENT_CLASS__COUNT; i++)
		if (strcmp(code, class_codes[i]) == 0) {
			*out = (ent_class)i;
			return true;
		}
	return false;
}

ent_class ent_class_decide(ent_class category_class, bool aviation, const char *group,
                           const char *introduced_by)
{
	if (aviation || (group && *group) || (introduced_by && *introduced_by))
		return ENT_CLASS_OTHER;
	return category_class == ENT_CLASS_BELOW ? ENT_CLASS_BELOW : ENT_CLASS_ABOVE;
}

bool catalog_add_category(catalog *c, const char *code, const char *label,
                          const char *short_label, const char *const *aliases, ent_class cls)
{
	if (catalog_category(c, code))
		return false;
	c->cats = xrealloc(c->cats, sizeof *c->cats * (size_t)(c->ncats + 1));
	category *k = &c->cats[c->ncats++];
	k->code = xstrdup(code);
	k->label = xstrdup(label);
	k->short_label = xstrdup(short_label);
	k->aliases = xstrvdup(aliases);
	k->cls = cls;
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
