/* Enterprise categories (三大类 and the 五上 sectors) and the named groups (…系).
 * Pure: policy/catalog.c fills the catalog from data/categories.tsv and
 * data/groups.txt. */
#ifndef QIFU_CATEGORY_H
#define QIFU_CATEGORY_H
#include <stdbool.h>

#include "core/strbuf.h"

/* The plan's three classes (三大类): 五上 (the five above-scale sectors), 规限下, and
 * 其他 (newly introduced, a named group, aviation: whatever the category). */
typedef enum ent_class {
	ENT_CLASS_ABOVE,
	ENT_CLASS_BELOW,
	ENT_CLASS_OTHER,
	ENT_CLASS__COUNT
} ent_class;
/* "above_scale", "below_scale", "other"; "?" out of range */
const char *ent_class_code(ent_class c);
/* the class's name (a msgid): "above scale (five sectors)" … */
const char *ent_class_label(ent_class c);
/* its short name for list columns (a msgid): 五上, 规限下, 其他 */
const char *ent_class_short(ent_class c);
bool ent_class_parse(const char *code, ent_class *out);
/* the class of an enterprise: other when introduced, in a named group or aviation,
 * else its category's class (cls of the category; above when the category is
 * unknown). Pure */
ent_class ent_class_decide(ent_class category_class, bool aviation, const char *group,
                           const char *introduced_by);

typedef struct category {
	char *code;       /* industry, trade, … */
	ent_class cls;    /* ENT_CLASS_ABOVE or ENT_CLASS_BELOW */
	char *label;      /* 规上工业 — the import template's spelling */
	char *short_label;/* for narrow list columns */
	char **aliases;   /* other accepted spellings, NULL-terminated */
} category;

typedef struct catalog {
	category *cats;
	int ncats;
	char **groups;
	int ngroups;
} catalog;

/* add a category (aliases NULL-terminated, copied); false, with the catalog as it
 * was, when the code is in it already */
bool catalog_add_category(catalog *c, const char *code, const char *label,
                          const char *short_label, const char *const *aliases, ent_class cls);
void catalog_add_group(catalog *c, const char *name);
void catalog_free(catalog *c);
/* by code (industry) */
const category *catalog_category(const catalog *c, const char *code);
/* by code, label or alias (规上工业, 规模以上工业, industry) */
const category *catalog_category_any(const catalog *c, const char *s);
bool catalog_is_group(const catalog *c, const char *name);
/* "industry, trade, …" or the labels, for "allowed values" messages */
void catalog_list_codes(const catalog *c, strbuf *out);
void catalog_list_labels(const catalog *c, strbuf *out);
void catalog_list_groups(const catalog *c, strbuf *out);

#endif
