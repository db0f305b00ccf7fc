/* Settings: compiled defaults from SETTINGS_TABLE, layered ini files, validation with
 * every problem collected, and the generated default config and listing.
 * iniparser 4.1 drops a whole file for one bad line, so each file is checked here
 * line by line first and iniparser only ever sees a cleaned copy of the good lines. */
#define _GNU_SOURCE /* secure_getenv */
#include "config/settings.h"

#include <errno.h>
#include <iniparser/iniparser.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <unistr.h>

#include "qifu-build.h"
#include "core/paths.h"
#include "core/xalloc.h"

/* iniparser reads lines into a 1024-byte buffer with fgets: 1022 bytes + '\n' + NUL */
enum { INI_MAX_LINE = 1022 };

static const setting_info info[SET__COUNT] = {
#define X_INFO(id, section, key, type, def, min, max, choices, help) \
	[id] = { section, key, type, def, min, max, choices, help },
	SETTINGS_TABLE(X_INFO)
#undef X_INFO
};

/* Pairs that must stay ordered: lo <= hi, or lo < hi when strict. */
static const struct {
	setting_id lo, hi;
	bool strict;
} order_rules[] = {
	{ SET_QUIET_FIRST_DAY, SET_QUIET_LAST_DAY, false },
	{ SET_TIER2_MIN, SET_TIER1_MIN, true },
};

static const char keys_section[] = "keys";

typedef enum { SRC_DEFAULT, SRC_FILE, SRC_CMDLINE } source_kind;

typedef struct value {
	char *text;             /* canonical text */
	long num;               /* int value, bool 0/1, enum index */
	source_kind src;
	char *where;            /* "FILE:LINE" when src is SRC_FILE */
} value;

struct settings {
	value v[SET__COUNT];
	settings_kv *keys;
	size_t nkeys, capkeys;
};

struct settings_diag {
	settings_problem *v;
	size_t n, cap;
};

const setting_info *settings_info(setting_id id)
{
	return &info[id];
}

static void diag_add(settings_diag *d, settings_problem_kind kind, const char *file, int line,
		     const char *where, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void diag_add(settings_diag *d, settings_problem_kind kind, const char *file, int line,
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
static char *choices_list(const char *choices)
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
static int value_parse(setting_id id, const char *text, char **canon, long *num,
		       settings_problem_kind *kind, strbuf *err)
{
	const setting_info *in = &info[id];
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
			char *list = choices_list(in->choices);
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

/* A change that has been validated on its own but not yet against order_rules. */
typedef struct pending {
	bool set;
	char *text;
	long num;
	int line;
} pending;

static long merged_num(const settings *s, const pending *pd, setting_id id)
{
	return pd[id].set ? pd[id].num : s->v[id].num;
}

/* Drop pending changes that would break an order rule, so the settings keep the
 * last consistent pair; file is NULL for a command-line change. */
static int check_order(const settings *s, pending *pd, const char *file, settings_diag *diags,
		       strbuf *err)
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
				info[lo].section, info[lo].key, a, info[hi].section, info[hi].key, b);
		else
			sb_addf(&msg, _("%s.%s (%ld) must not be greater than %s.%s (%ld); both keep their earlier values"),
				info[lo].section, info[lo].key, a, info[hi].section, info[hi].key, b);
		setting_id at = pd[lo].set ? lo : hi;
		char *where = xasprintf("%s:%s", info[at].section, info[at].key);
		if (file)
			diag_add(diags, SET_P_ORDER, file, pd[at].line, where, "%s", sb_str(&msg));
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

static void value_store(value *v, char *text, long num, source_kind src, char *where)
{
	free(v->text);
	free(v->where);
	v->text = text;
	v->num = num;
	v->src = src;
	v->where = where;
}

settings *settings_new(void)
{
	settings *s = xcalloc(1, sizeof *s);
	for (int id = 0; id < SET__COUNT; id++) {
		char *canon;
		long num;
		settings_problem_kind kind;
		strbuf err = STRBUF_INIT;
		if (value_parse(id, info[id].def, &canon, &num, &kind, &err) < 0)
			fatal("built-in default of %s.%s: %s", info[id].section, info[id].key, sb_str(&err));
		value_store(&s->v[id], canon, num, SRC_DEFAULT, NULL);
	}
	return s;
}

void settings_free(settings **sp)
{
	settings *s = *sp;
	if (!s)
		return;
	for (int id = 0; id < SET__COUNT; id++) {
		free(s->v[id].text);
		free(s->v[id].where);
	}
	for (size_t i = 0; i < s->nkeys; i++) {
		free(s->keys[i].key);
		free(s->keys[i].value);
		free(s->keys[i].file);
	}
	free(s->keys);
	xfree(sp);
}

static void check_type(setting_id id, setting_type want, const char *fn)
{
	if ((unsigned)id >= SET__COUNT)
		fatal("%s: no setting %d", fn, (int)id);
	if (info[id].type != want)
		fatal("%s: %s.%s has another type", fn, info[id].section, info[id].key);
}

long cfg_int(const settings *s, setting_id id)
{
	/* bools and enums have numbers too; only a string has none */
	if ((unsigned)id >= SET__COUNT || info[id].type == SET_T_STRING)
		fatal("cfg_int: setting %d is not a number", (int)id);
	return s->v[id].num;
}

const char *cfg_str(const settings *s, setting_id id)
{
	if ((unsigned)id >= SET__COUNT)
		fatal("cfg_str: no setting %d", (int)id);
	return s->v[id].text;
}

bool cfg_bool(const settings *s, setting_id id)
{
	check_type(id, SET_T_BOOL, "cfg_bool");
	return s->v[id].num != 0;
}

int cfg_set(settings *s, setting_id id, const char *text, strbuf *err)
{
	if ((unsigned)id >= SET__COUNT)
		fatal("cfg_set: no setting %d", (int)id);
	int rc = -1;
	pending pd[SET__COUNT] = { 0 };
	settings_problem_kind kind;
	strbuf own = STRBUF_INIT;
	if (!err)
		err = &own;
	if (value_parse(id, text, &pd[id].text, &pd[id].num, &kind, err) < 0)
		goto out;
	pd[id].set = true;
	if (check_order(s, pd, NULL, NULL, err) < 0)
		goto out;
	value_store(&s->v[id], pd[id].text, pd[id].num, SRC_CMDLINE, NULL);
	rc = 0;
out:
	sb_free(&own);
	return rc;
}

void cfg_set_str(settings *s, setting_id id, const char *text)
{
	check_type(id, SET_T_STRING, "cfg_set_str");
	strbuf err = STRBUF_INIT;
	if (cfg_set(s, id, text, &err) < 0)
		fatal("cfg_set_str: %s", sb_str(&err));
}

const char *cfg_source(const settings *s, setting_id id)
{
	switch (s->v[id].src) {
	case SRC_FILE:
		return s->v[id].where;
	case SRC_CMDLINE:
		return "command line";
	case SRC_DEFAULT:
		break;
	}
	return "default";
}

static int find_setting(const char *section, const char *key)
{
	for (int id = 0; id < SET__COUNT; id++)
		if (strcmp(info[id].section, section) == 0 && strcmp(info[id].key, key) == 0)
			return id;
	return -1;
}

static bool section_known(const char *section)
{
	if (strcmp(section, keys_section) == 0)
		return true;
	for (int id = 0; id < SET__COUNT; id++)
		if (strcmp(info[id].section, section) == 0)
			return true;
	return false;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

/* How far a typed name is from a known one, or SIZE_MAX when too far to suggest:
 * a few typos, or a prefix such as "escdelay" for "escdelay_ms". */
static size_t name_distance(const char *typed, const char *known)
{
	size_t lt = strlen(typed), lk = strlen(known);
	size_t d = edit_distance(typed, known);
	size_t limit = lt / 3 > 2 ? lt / 3 : 2;
	if (d <= limit)
		return d;
	size_t shorter = lt < lk ? lt : lk;
	if (shorter >= 3 && strncmp(typed, known, shorter) == 0)
		return d;
	return SIZE_MAX;
}

/* nearest known key: in the same section first, else in any section */
static int suggest_key(const char *section, const char *key)
{
	int best = -1;
	size_t best_d = SIZE_MAX;
	for (int pass = 0; pass < 2 && best < 0; pass++) {
		for (int id = 0; id < SET__COUNT; id++) {
			if ((strcmp(info[id].section, section) == 0) != (pass == 0))
				continue;
			size_t d = name_distance(key, info[id].key);
			if (d < best_d) {
				best_d = d;
				best = id;
			}
		}
	}
	return best;
}

static const char *suggest_section(const char *section)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	for (int id = 0; id <= SET__COUNT; id++) {
		const char *name = id < SET__COUNT ? info[id].section : keys_section;
		size_t d = name_distance(section, name);
		if (d < best_d) {
			best_d = d;
			best = name;
		}
	}
	return best;
}

/* A key = value line accepted by the pre-scan; its value comes from iniparser. */
typedef struct entry {
	char *section;
	char *key;
	int line;
} entry;

typedef struct scan {
	const char *file;
	settings_diag *diags;
	strbuf clean;           /* what iniparser gets */
	entry *v;
	size_t n, cap;
	char *section;          /* current section, NULL before the first */
	bool section_ok;        /* known section: its lines go to iniparser */
} scan;

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static char *strip(char *s)
{
	while (is_space(*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && is_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* iniparser lower-cases sections and keys byte by byte, ASCII only */
static void ascii_lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static void scan_bad_section(scan *sc, int lineno)
{
	diag_add(sc->diags, SET_P_SYNTAX, sc->file, lineno, NULL,
		 _("bad section header: expected [name]"));
	/* the lines after it belong to no known section: skip them without a word each */
	free(sc->section);
	sc->section = xstrdup("");
	sc->section_ok = false;
}

static void scan_section(scan *sc, char *line, int lineno)
{
	size_t n = strlen(line);
	char *name = line + 1;
	line[n - 1] = '\0';
	name = strip(name);
	if (*name == '\0' || strpbrk(name, "[]")) {
		scan_bad_section(sc, lineno);
		return;
	}
	ascii_lower(name);
	free(sc->section);
	sc->section = xstrdup(name);
	sc->section_ok = section_known(name);
	if (sc->section_ok) {
		sb_addf(&sc->clean, "[%s]\n", name);
		return;
	}
	const char *near = suggest_section(name);
	if (near)
		diag_add(sc->diags, SET_P_UNKNOWN_SECTION, sc->file, lineno, name,
			 _("unknown section [%s]; did you mean [%s]?"), name, near);
	else
		diag_add(sc->diags, SET_P_UNKNOWN_SECTION, sc->file, lineno, name,
			 _("unknown section [%s]"), name);
}

static void scan_value(scan *sc, char *line, int lineno)
{
	char *keybuf = xstrndup(line, (size_t)(strchr(line, '=') - line));
	char *key = strip(keybuf);
	char *where = NULL;
	ascii_lower(key);
	if (!sc->section) {
		diag_add(sc->diags, SET_P_NO_SECTION, sc->file, lineno, NULL,
			 _("\"%s\" comes before any [section]"), key);
		goto out;
	}
	if (!sc->section_ok)
		goto out; /* reported once at the section header */
	where = xasprintf("%s:%s", sc->section, key);
	if (strcmp(sc->section, keys_section) != 0 && find_setting(sc->section, key) < 0) {
		int near = suggest_key(sc->section, key);
		if (near < 0)
			diag_add(sc->diags, SET_P_UNKNOWN_KEY, sc->file, lineno, where,
				 _("unknown key \"%s\" in [%s]"), key, sc->section);
		else if (strcmp(info[near].section, sc->section) == 0)
			diag_add(sc->diags, SET_P_UNKNOWN_KEY, sc->file, lineno, where,
				 _("unknown key \"%s\" in [%s]; did you mean \"%s\"?"), key, sc->section,
				 info[near].key);
		else
			diag_add(sc->diags, SET_P_UNKNOWN_KEY, sc->file, lineno, where,
				 _("unknown key \"%s\" in [%s]; did you mean \"%s\" in [%s]?"), key,
				 sc->section, info[near].key, info[near].section);
		goto out;
	}
	for (size_t i = 0; i < sc->n; i++) {
		if (strcmp(sc->v[i].section, sc->section) == 0 && strcmp(sc->v[i].key, key) == 0) {
			diag_add(sc->diags, SET_P_DUPLICATE, sc->file, lineno, where,
				 _("also set on line %d; this later line wins"), sc->v[i].line);
			free(sc->v[i].section);
			free(sc->v[i].key);
			memmove(&sc->v[i], &sc->v[i + 1], (sc->n - i - 1) * sizeof sc->v[0]);
			sc->n--;
			break;
		}
	}
	if (sc->n == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 16;
		sc->v = xrealloc(sc->v, sc->cap * sizeof sc->v[0]);
	}
	sc->v[sc->n++] = (entry){ xstrdup(sc->section), xstrdup(key), lineno };
	/* its section header is already in clean, as every known section's is */
	sb_add(&sc->clean, line);
	sb_addc(&sc->clean, '\n');
out:
	free(where);
	free(keybuf);
}

/* One logical line (continuations joined), classified the way iniparser 4.1 does. */
static void scan_logical(scan *sc, char *raw, int lineno)
{
	char *line = strip(raw);
	size_t n = strlen(line);
	if (n == 0 || line[0] == '#' || line[0] == ';')
		return;
	if (n > INI_MAX_LINE) {
		diag_add(sc->diags, SET_P_LONG_LINE, sc->file, lineno, NULL,
			 _("line and its continuation lines are longer than %d bytes"), INI_MAX_LINE);
		return;
	}
	if (line[0] == '[') {
		if (line[n - 1] == ']')
			scan_section(sc, line, lineno);
		else
			scan_bad_section(sc, lineno);
		return;
	}
	if (line[0] == '=' || !strchr(line, '=')) {
		diag_add(sc->diags, SET_P_SYNTAX, sc->file, lineno, NULL,
			 _("syntax error: expected [section] or key = value"));
		return;
	}
	scan_value(sc, line, lineno);
}

/* Split into physical lines, report the ones iniparser cannot take, join lines
 * ending in '\' as iniparser does, and hand each logical line to scan_logical. */
static void scan_text(scan *sc, const char *text, size_t len)
{
	static const char bom[] = "\xEF\xBB\xBF";
	if (len >= 3 && memcmp(text, bom, 3) == 0) {
		text += 3;
		len -= 3;
	}
	strbuf logical = STRBUF_INIT;
	bool open = false, bad = false;
	int first = 0, lineno = 0;
	size_t pos = 0;
	while (pos < len) {
		const char *start = text + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		pos += n + (nl != NULL);
		lineno++;
		if (!open) {
			first = lineno;
			bad = false;
			sb_reset(&logical);
		}
		size_t content = n;
		if (content > 0 && start[content - 1] == '\r')
			content--;
		if (content > INI_MAX_LINE) {
			diag_add(sc->diags, SET_P_LONG_LINE, sc->file, lineno, NULL,
				 _("line is longer than %d bytes"), INI_MAX_LINE);
			bad = true;
		} else if (memchr(start, '\0', n) || u8_check((const uint8_t *)start, n)) {
			diag_add(sc->diags, SET_P_BAD_UTF8, sc->file, lineno, NULL,
				 _("line is not valid UTF-8 text"));
			bad = true;
		}
		sb_addn(&logical, start, content);
		char *buf = logical.s;
		size_t end = logical.len;
		while (end > 0 && is_space(buf[end - 1]))
			end--;
		open = end > 0 && buf[end - 1] == '\\' && pos < len;
		if (open) {
			logical.len = end - 1;
			buf[logical.len] = '\0';
			continue;
		}
		if (end > 0 && buf[end - 1] == '\\')
			buf[end - 1] = '\0'; /* a continuation at the end of the file continues nothing */
		if (!bad)
			scan_logical(sc, buf, first);
	}
	sb_free(&logical);
}

static int quiet_errors(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* iniparser 4.1 can only load a named file: give it the cleaned text in a temp file */
static dictionary *load_clean(const char *text, strbuf *err)
{
	const char *tmp = secure_getenv("TMPDIR");
	char *path = xasprintf("%s/qifu-ini-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	dictionary *d = NULL;
	int fd = mkstemp(path);
	if (fd < 0) {
		sb_addf(err, "%s: %s", path, strerror(errno));
		goto out;
	}
	size_t len = strlen(text), done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			sb_addf(err, "%s: %s", path, strerror(errno));
			close(fd);
			unlink(path);
			goto out;
		}
		done += (size_t)w;
	}
	close(fd);
	iniparser_set_error_callback(quiet_errors);
	d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	unlink(path);
	if (!d)
		sb_add(err, _("iniparser could not read the checked copy"));
out:
	free(path);
	return d;
}

static int read_all(const char *path, strbuf *out, int *err_no)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		*err_no = errno;
		return -1;
	}
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(out, buf, n);
	int rc = ferror(f) ? -1 : 0;
	*err_no = errno;
	fclose(f);
	return rc;
}

static void keys_add(settings *s, const char *key, const char *val, const char *file, int line)
{
	if (s->nkeys == s->capkeys) {
		s->capkeys = s->capkeys ? s->capkeys * 2 : 16;
		s->keys = xrealloc(s->keys, s->capkeys * sizeof s->keys[0]);
	}
	s->keys[s->nkeys++] = (settings_kv){ xstrdup(key), xstrdup(val), xstrdup(file), line };
}

/* Take the values of the accepted lines from iniparser, validate them, then commit. */
static void apply_entries(settings *s, scan *sc, dictionary *d)
{
	pending pd[SET__COUNT] = { 0 };
	for (size_t i = 0; i < sc->n; i++) {
		entry *e = &sc->v[i];
		char *name = xasprintf("%s:%s", e->section, e->key);
		const char *val = iniparser_getstring(d, name, NULL);
		if (!val) {
			free(name);
			continue;
		}
		if (strcmp(e->section, keys_section) == 0) {
			keys_add(s, e->key, val, sc->file, e->line);
			free(name);
			continue;
		}
		int id = find_setting(e->section, e->key);
		strbuf err = STRBUF_INIT;
		settings_problem_kind kind;
		char *text;
		long num;
		if (value_parse(id, val, &text, &num, &kind, &err) < 0) {
			diag_add(sc->diags, kind, sc->file, e->line, name, "%s", sb_str(&err));
		} else {
			pd[id] = (pending){ true, text, num, e->line };
		}
		sb_free(&err);
		free(name);
	}
	check_order(s, pd, sc->file, sc->diags, NULL);
	for (int id = 0; id < SET__COUNT; id++)
		if (pd[id].set)
			value_store(&s->v[id], pd[id].text, pd[id].num, SRC_FILE,
				    xasprintf("%s:%d", sc->file, pd[id].line));
}

int settings_load_file(settings *s, const char *path, bool must_exist, settings_diag *diags)
{
	int rc = -1, err_no = 0;
	strbuf text = STRBUF_INIT, err = STRBUF_INIT;
	scan sc = { .file = path, .diags = diags, .clean = STRBUF_INIT };
	dictionary *d = NULL;
	if (read_all(path, &text, &err_no) < 0) {
		if (err_no == ENOENT && !must_exist) {
			rc = 0;
			goto out;
		}
		diag_add(diags, SET_P_READ, path, 0, NULL, _("cannot read the file: %s"), strerror(err_no));
		goto out;
	}
	scan_text(&sc, text.s ? text.s : "", text.len);
	if (sc.n > 0) {
		d = load_clean(sb_str(&sc.clean), &err);
		if (!d) {
			diag_add(diags, SET_P_READ, path, 0, NULL, _("cannot read the file: %s"), sb_str(&err));
			goto out;
		}
		apply_entries(s, &sc, d);
	}
	rc = 0;
out:
	if (d)
		iniparser_freedict(d);
	for (size_t i = 0; i < sc.n; i++) {
		free(sc.v[i].section);
		free(sc.v[i].key);
	}
	free(sc.v);
	free(sc.section);
	sb_free(&sc.clean);
	sb_free(&text);
	sb_free(&err);
	return rc;
}

/* $XDG_CONFIG_HOME/qifu/qifu.ini, else ~/.config/qifu/qifu.ini */
static char *user_config_file(void)
{
	return paths_xdg_file("XDG_CONFIG_HOME", ".config", "qifu/qifu.ini");
}

int settings_load_layers(settings *s, const char *explicit_path, settings_diag *diags)
{
	int rc = 0;
	/* secure_getenv: a setgid qifu must not let the user swap the admin's file */
	const char *sys = secure_getenv("QIFU_SYSCONF_FILE");
	if (settings_load_file(s, sys && *sys ? sys : QIFU_SYSCONFDIR "/qifu.ini", false, diags) < 0)
		rc = -1;
	char *user = user_config_file();
	if (user && settings_load_file(s, user, false, diags) < 0)
		rc = -1;
	free(user);
	if (explicit_path && settings_load_file(s, explicit_path, true, diags) < 0)
		rc = -1;
	return rc;
}

bool settings_color_enabled(const settings *s)
{
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return false;
	return strcmp(cfg_str(s, SET_THEME), "mono") != 0;
}

char *settings_db_path(const settings *s)
{
	const char *p = cfg_str(s, SET_DB_PATH);
	return *p ? xstrdup(p) : paths_default_db();
}

char *settings_data_dir(const settings *s)
{
	const char *p = cfg_str(s, SET_DATA_DIR);
	return xstrdup(*p ? p : paths_data_dir());
}

char *settings_holiday_dir(const settings *s)
{
	const char *p = cfg_str(s, SET_HOLIDAY_DIR);
	if (*p)
		return xstrdup(p);
	char *data = settings_data_dir(s);
	char *dir = xasprintf("%s/holidays", data);
	free(data);
	return dir;
}

size_t settings_keys_count(const settings *s)
{
	return s->nkeys;
}

const settings_kv *settings_keys_at(const settings *s, size_t i)
{
	return i < s->nkeys ? &s->keys[i] : NULL;
}

void settings_describe(const settings *s, strbuf *out)
{
	for (int id = 0; id < SET__COUNT; id++) {
		const value *v = &s->v[id];
		sb_addf(out, "%s.%s = ", info[id].section, info[id].key);
		if (info[id].type == SET_T_STRING && !*v->text)
			sb_add(out, "\"\"");
		else
			sb_add(out, v->text);
		const char *src = v->src == SRC_FILE ? v->where
				: v->src == SRC_CMDLINE ? _("command line") : _("default");
		sb_addf(out, "  (%s)\n", src);
	}
	for (size_t i = 0; i < s->nkeys; i++)
		sb_addf(out, "%s.%s = %s  (%s:%d)\n", keys_section, s->keys[i].key,
			s->keys[i].value, s->keys[i].file, s->keys[i].line);
}

/* each line of text as a "# " comment */
static void add_comment(strbuf *out, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		if (n)
			sb_add(out, "# ");
		else
			sb_add(out, "#");
		sb_addn(out, p, n);
		sb_addc(out, '\n');
		p += n;
		if (*p)
			p++;
	}
}

void settings_default_ini(strbuf *out)
{
	add_comment(out, _("qifu configuration.\n"
			   "\n"
			   "qifu reads these files in turn, each overriding the ones before:\n"
			   "  qifu.ini in the system configuration directory (often /etc/qifu),\n"
			   "  $XDG_CONFIG_HOME/qifu/qifu.ini (default ~/.config/qifu/qifu.ini),\n"
			   "  the file given with --config FILE.\n"
			   "The lines starting with ';' show the built-in defaults: remove the ';'\n"
			   "and change the value to override one. Values end at ';' or '#' unless\n"
			   "quoted: path = \"/srv/a;b.db\". \"qifu config\" shows the effective\n"
			   "settings and where each comes from; \"qifu config --defaults\" prints\n"
			   "this file."));
	const char *section = NULL;
	for (int id = 0; id < SET__COUNT; id++) {
		const setting_info *in = &info[id];
		if (!section || strcmp(section, in->section) != 0) {
			section = in->section;
			sb_addf(out, "\n[%s]\n", section);
		}
		sb_addc(out, '\n');
		add_comment(out, _(in->help));
		char *list;
		switch (in->type) {
		case SET_T_INT:
			sb_add(out, "# ");
			sb_addf(out, _("Range: %ld..%ld."), in->min, in->max);
			sb_addc(out, '\n');
			break;
		case SET_T_BOOL:
			sb_add(out, "# ");
			sb_add(out, _("On or off."));
			sb_addc(out, '\n');
			break;
		case SET_T_ENUM:
			list = choices_list(in->choices);
			sb_add(out, "# ");
			sb_addf(out, _("One of: %s."), list);
			sb_addc(out, '\n');
			free(list);
			break;
		case SET_T_STRING:
			break;
		}
		sb_addf(out, ";%s =%s%s\n", in->key, *in->def ? " " : "", in->def);
	}
	sb_addf(out, "\n[%s]\n\n", keys_section);
	add_comment(out, _("Key bindings, one action a line: action = key[,key...]. They\n"
			   "override the built-in keys; the help screen (F1) lists the actions\n"
			   "and the key names. Quote a value that holds ';' or '#'."));
	sb_add(out, ";quit = F10,q\n");
}
