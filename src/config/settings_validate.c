/* Settings validated: each value against its table row (whole numbers in range,
 * on/off, one of the choices), pairs that must stay ordered, and the list of problems
 * found, each with its file, line and section:key, collected rather than fatal. */
#define _GNU_SOURCE /* vasprintf */
#include "config/settings_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"

/* Pairs that must stay ordered: lo <= hi, or lo < hi when strict. */
static const struct {
	setting_id lo, hi;
	bool strict;
} order_rules[] = {
	{ SET_QUIET_FIRST_DAY, SET_QUIET_LAST_DAY, false },
	{ SET_TIER2_MIN, SET_TIER1_MIN, true },
};

/* ---- the problem list ------------------------------------------------------- */

/* add a problem (message formatted from fmt) to d; nothing when d is NULL */
void settings_diag_add(settings_diag *d, settings_problem_kind kind, const char *file, int line,
		       const char *where, const char *fmt, ...)
{
	if (!d)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	va_list ap;
	va_start(ap, fmt);
	char *text = NULL;
	if (vasprintf(&text, fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	d->v[d->n++] = (settings_problem){
		.kind = kind,
		.file = xstrdup(file),
		.line = line,
		.where = where ? xstrdup(where) : NULL,
		.message = text,
	};
}

settings_diag *settings_diag_new(void)
{
	return xcalloc(1, sizeof(settings_diag));
}

void settings_diag_free(settings_diag **dp)
{
	settings_diag *d = *dp;
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].where);
		free(d->v[i].message);
	}
	free(d->v);
	xfree(dp);
}

size_t settings_diag_count(const settings_diag *d)
{
	return d ? d->n : 0;
}

const settings_problem *settings_diag_at(const settings_diag *d, size_t i)
{
	return i < d->n ? &d->v[i] : NULL;
}

void settings_problem_format(const settings_problem *p, strbuf *out)
{
	sb_add(out, p->file);
	if (p->line > 0)
		sb_addf(out, ":%d", p->line);
	if (p->where)
		sb_addf(out, ": %s", p->where);
	sb_addf(out, ": %s", p->message);
}

/* ---- one value -------------------------------------------------------------- */

/* Decimal only: iniparser's getint reads "010" as 8 and "abc" as 0. */
static int parse_long(const char *s, long *out, bool *overflow)
{
	const char *p = s;
	*overflow = false;
	if (*p == '+' || *p == '-')
		p++;
	if (*p == '\0')
		return -1;
	for (const char *q = p; *q; q++)
		if (*q < '0' || *q > '9')
			return -1;
	errno = 0;
	*out = strtol(s, NULL, 10);
	*overflow = errno == ERANGE;
	return 0;
}

static int parse_bool(const char *s, long *out)
{
	static const char *const yes[] = { "on", "yes", "true", "1" };
	static const char *const no[] = { "off", "no", "false", "0" };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* index of s among "a|b|c", or -1 */
static long enum_index(const char *choices, const char *s, const char **canon, size_t *canon_len)
{
	long idx = 0;
	for (const char *p = choices;; idx++) {
		size_t n = strcspn(p, "|");
		if (strlen(s) == n && strncasecmp(p, s, n) == 0) {
			*canon = p;
			*canon_len = n;
			return idx;
		}
		if (p[n] == '\0')
			return -1;
		p += n + 1;
	}
}

/* "a|b" as "a, b" for messages and comments */
char *settings_choices_list(const char *choices)
{
	strbuf b = STRBUF_INIT;
	for (const char *p = choices; *p; p++) {
		if (*p == '|')
			sb_add(&b, ", ");
		else
			sb_addc(&b, *p);
	}
	return sb_steal(&b);
}

/* Validate text against the table row of id. On success the canonical text (owned)
 * and number; on failure the problem kind and a message in err. */
int settings_value_parse(setting_id id, const char *text, char **canon, long *num,
		         settings_problem_kind *kind, strbuf *err)
{
	const setting_info *in = &settings_table[id];
	bool overflow;
	switch (in->type) {
	case SET_T_STRING:
		*canon = xstrdup(text);
		*num = 0;
		return 0;
	case SET_T_INT:
		if (parse_long(text, num, &overflow) < 0) {
			*kind = SET_P_NOT_NUMBER;
			sb_addf(err, _("\"%s\" is not a whole number"), text);
			return -1;
		}
		if (overflow || *num < in->min || *num > in->max) {
			*kind = SET_P_RANGE;
			sb_addf(err, _("%s is out of range %ld..%ld"), text, in->min, in->max);
			return -1;
		}
		*canon = xasprintf("%ld", *num);
		return 0;
	case SET_T_BOOL:
		if (parse_bool(text, num) < 0) {
			*kind = SET_P_BAD_BOOL;
			sb_addf(err, _("\"%s\" is not on/off, yes/no, true/false or 1/0"), text);
			return -1;
		}
		*canon = xstrdup(*num ? "on" : "off");
		return 0;
	case SET_T_ENUM: {
		const char *c;
		size_t n;
		*num = enum_index(in->choices, text, &c, &n);
		if (*num < 0) {
			char *list = settings_choices_list(in->choices);
			*kind = SET_P_BAD_ENUM;
			sb_addf(err, _("\"%s\" is not one of: %s"), text, list);
			free(list);
			return -1;
		}
		*canon = xstrndup(c, n);
		return 0;
	}
	}
	fatal("bad setting type %d", (int)in->type);
}

/* ---- pairs and the commit --------------------------------------------------- */

static long merged_num(const settings *s, const setting_pending *pd, setting_id id)
{
	return pd[id].set ? pd[id].num : s->v[id].num;
}

/* Drop pending changes that would break an order rule, so the settings keep the
 * last consistent pair; file is NULL for a command-line change. */
int settings_check_order(const settings *s, setting_pending *pd, const char *file,
		         settings_diag *diags, strbuf *err)
{
	int rc = 0;
	for (size_t i = 0; i < sizeof order_rules / sizeof order_rules[0]; i++) {
		setting_id lo = order_rules[i].lo, hi = order_rules[i].hi;
		if (!pd[lo].set && !pd[hi].set)
			continue;
		long a = merged_num(s, pd, lo), b = merged_num(s, pd, hi);
		if (order_rules[i].strict ? a < b : a <= b)
			continue;
		strbuf msg = STRBUF_INIT;
		if (order_rules[i].strict)
			sb_addf(&msg, _("%s.%s (%ld) must be less than %s.%s (%ld); both keep their earlier values"),
				settings_table[lo].section, settings_table[lo].key, a, settings_table[hi].section, settings_table[hi].key, b);
		else
			sb_addf(&msg, _("%s.%s (%ld) must not be greater than %s.%s (%ld); both keep their earlier values"),
				settings_table[lo].section, settings_table[lo].key, a, settings_table[hi].section, settings_table[hi].key, b);
		setting_id at = pd[lo].set ? lo : hi;
		char *where = xasprintf("%s:%s", settings_table[at].section, settings_table[at].key);
		if (file)
			settings_diag_add(diags, SET_P_ORDER, file, pd[at].line, where, "%s", sb_str(&msg));
		if (err)
			sb_add(err, sb_str(&msg));
		free(where);
		sb_free(&msg);
		const setting_id pair[2] = { lo, hi };
		for (size_t k = 0; k < 2; k++) {
			if (pd[pair[k]].set) {
				xfree(&pd[pair[k]].text);
				pd[pair[k]].set = false;
			}
		}
		rc = -1;
	}
	return rc;
}

void settings_value_store(setting_value *v, char *text, long num, setting_source src,
		          char *where)
{
	free(v->text);
	free(v->where);
	v->text = text;
	v->num = num;
	v->src = src;
	v->where = where;
}
