/* Enterprise categories (三大类 and the 五上 sectors) and the named groups (…系).
 * Pure: policy/catalog.c fills the catalog from data/categories.tsv and
 * data/groups.txt. */
#ifndef QIFU_CATEGORY_H
#define QIFU_CATEGORY_H
#include <stdbool.h>

#include "core/strbuf.h"

typedef struct category {
	char *code;       /* industry, trade, … */
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
                          const char *short_label, const char *const *aliases);
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
