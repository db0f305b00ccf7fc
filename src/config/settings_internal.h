/* What the pieces of the settings module share (settings.c: the table and the
 * values; settings_validate.c, settings_load.c, settings_show.c): the table rows, the
 * values with where each came from, the problem list, and checking one value.
 * Not for use outside src/config. */
#ifndef QIFU_SETTINGS_INTERNAL_H
#define QIFU_SETTINGS_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>

#include "config/settings.h"

/* the rows of SETTINGS_TABLE, by id */
extern const setting_info settings_table[SET__COUNT];
/* the free-form section of key bindings, which has no rows in the table */
extern const char settings_keys_section[];

typedef enum setting_source { SET_SRC_DEFAULT, SET_SRC_FILE, SET_SRC_CMDLINE } setting_source;

typedef struct setting_value {
	char *text;             /* canonical text */
	long num;               /* int value, bool 0/1, enum index */
	setting_source src;
	char *where;            /* "FILE:LINE" when src is SET_SRC_FILE */
} setting_value;

struct settings {
	setting_value v[SET__COUNT];
	settings_kv *keys;
	size_t nkeys, capkeys;
};

struct settings_diag {
	settings_problem *v;
	size_t n, cap;
};

/* A change that has been validated on its own but not yet against the order rules. */
typedef struct setting_pending {
	bool set;
	char *text;
	long num;
	int line;
} setting_pending;

/* add a problem (message formatted from fmt) to d; nothing when d is NULL */
void settings_diag_add(settings_diag *d, settings_problem_kind kind, const char *file,
		int line, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Validate text against the table row of id. On success the canonical text (owned)
 * and number; on failure the problem kind and a message in err. */
int settings_value_parse(setting_id id, const char *text, char **canon, long *num,
		settings_problem_kind *kind, strbuf *err);
/* Drop pending changes that would break an order rule, so the settings keep the
 * last consistent pair; file is NULL for a command-line change. 0, or -1 when any
 * was dropped (reported in diags and err, either may be NULL) */
int settings_check_order(const settings *s, setting_pending *pd, const char *file,
		settings_diag *diags, strbuf *err);
/* replace *v, taking text and where */
void settings_value_store(setting_value *v, char *text, long num, setting_source src,
		char *where);
/* "a|b" as "a, b" for messages and comments */
char *settings_choices_list(const char *choices);

#endif
