/* Settings files read: the system, user and --config files layered in turn, each
 * checked line by line first, because iniparser 4.1 drops a whole file for one bad
 * line; iniparser only ever sees a cleaned copy of the good lines. Unknown sections
 * and keys get a suggestion of the nearest known name. */
#define _GNU_SOURCE /* secure_getenv */
#include "config/settings_internal.h"

#include <errno.h>
#include <limits.h>
#include <iniparser/iniparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "qifu-build.h"
#include "core/paths.h"
#include "core/privilege.h"
#include "core/xalloc.h"

/* iniparser reads lines into a 1024-byte buffer with fgets: 1022 bytes + '\n' + NUL */
enum { INI_MAX_LINE = 1022 };

/* ---- known names and the nearest one ---------------------------------------- */

static int find_setting(const char *section, const char *key)
{
	for (int id = 0; id < SET__COUNT; id++)
		if (strcmp(settings_table[id].section, section) == 0 && strcmp(settings_table[id].key, key) == 0)
			return id;
	return -1;
}

static bool section_known(const char *section)
{
	if (strcmp(section, settings_keys_section) == 0)
		return true;
	for (int id = 0; id < SET__COUNT; id++)
		if (strcmp(settings_table[id].section, section) == 0)
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
			if ((strcmp(settings_table[id].section, section) == 0) != (pass == 0))
				continue;
			size_t d = name_distance(key, settings_table[id].key);
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
		const char *name = id < SET__COUNT ? settings_table[id].section : settings_keys_section;
		size_t d = name_distance(section, name);
		if (d < best_d) {
			best_d = d;
			best = name;
		}
	}
	return best;
}

/* ---- the line-by-line check ------------------------------------------------- */

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
	bool personal;          /* a protected qifu's user or --config file: display, ui and keys only */
	const char *system;     /* the system file, named when personal lines are ignored */
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
	settings_diag_add(sc->diags, SET_P_SYNTAX, sc->file, lineno, NULL,
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
		settings_diag_add(sc->diags, SET_P_UNKNOWN_SECTION, sc->file, lineno, name,
				  _("unknown section [%s]; did you mean [%s]?"), name, near);
	else
		settings_diag_add(sc->diags, SET_P_UNKNOWN_SECTION, sc->file, lineno, name,
				  _("unknown section [%s]"), name);
}

static void scan_value(scan *sc, char *line, int lineno)
{
	char *keybuf = xstrndup(line, (size_t)(strchr(line, '=') - line));
	char *key = strip(keybuf);
	char *where = NULL;
	ascii_lower(key);
	if (!sc->section) {
		settings_diag_add(sc->diags, SET_P_NO_SECTION, sc->file, lineno, NULL,
				  _("\"%s\" comes before any [section]"), key);
		goto out;
	}
	if (!sc->section_ok)
		goto out; /* reported once at the section header */
	where = xasprintf("%s:%s", sc->section, key);
	if (strcmp(sc->section, settings_keys_section) != 0 && find_setting(sc->section, key) < 0) {
		int near = suggest_key(sc->section, key);
		if (near < 0)
			settings_diag_add(sc->diags, SET_P_UNKNOWN_KEY, sc->file, lineno, where,
					  _("unknown key \"%s\" in [%s]"), key, sc->section);
		else if (strcmp(settings_table[near].section, sc->section) == 0)
			settings_diag_add(sc->diags, SET_P_UNKNOWN_KEY, sc->file, lineno, where,
					  _("unknown key \"%s\" in [%s]; did you mean \"%s\"?"), key, sc->section,
					  settings_table[near].key);
		else
			settings_diag_add(sc->diags, SET_P_UNKNOWN_KEY, sc->file, lineno, where,
					  _("unknown key \"%s\" in [%s]; did you mean \"%s\" in [%s]?"), key,
					  sc->section, settings_table[near].key, settings_table[near].section);
		goto out;
	}
	for (size_t i = 0; i < sc->n; i++) {
		if (strcmp(sc->v[i].section, sc->section) == 0 && strcmp(sc->v[i].key, key) == 0) {
			settings_diag_add(sc->diags, SET_P_DUPLICATE, sc->file, lineno, where,
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
		settings_diag_add(sc->diags, SET_P_LONG_LINE, sc->file, lineno, NULL,
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
		settings_diag_add(sc->diags, SET_P_SYNTAX, sc->file, lineno, NULL,
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
			settings_diag_add(sc->diags, SET_P_LONG_LINE, sc->file, lineno, NULL,
					  _("line is longer than %d bytes"), INI_MAX_LINE);
			bad = true;
		} else if (memchr(start, '\0', n) || u8_check((const uint8_t *)start, n)) {
			settings_diag_add(sc->diags, SET_P_BAD_UTF8, sc->file, lineno, NULL,
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

/* ---- iniparser and the layers ----------------------------------------------- */

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
	setting_pending pd[SET__COUNT] = { 0 };
	for (size_t i = 0; i < sc->n; i++) {
		entry *e = &sc->v[i];
		char *name = xasprintf("%s:%s", e->section, e->key);
		const char *val = iniparser_getstring(d, name, NULL);
		if (!val) {
			free(name);
			continue;
		}
		/* a person's own look and feel; never a rule, a deadline or a path */
		if (sc->personal && strcmp(e->section, settings_keys_section) != 0 &&
		    strcmp(e->section, "display") != 0 && strcmp(e->section, "ui") != 0) {
			settings_diag_add(sc->diags, SET_P_PROTECTED, sc->file, e->line, name,
			                  _("ignored: on this server only the administrator's "
			                    "file (%s) sets it"), sc->system);
			free(name);
			continue;
		}
		if (strcmp(e->section, settings_keys_section) == 0) {
			keys_add(s, e->key, val, sc->file, e->line);
			free(name);
			continue;
		}
		int id = find_setting(e->section, e->key);
		strbuf err = STRBUF_INIT;
		settings_problem_kind kind;
		char *text;
		long num;
		if (settings_value_parse(id, val, &text, &num, &kind, &err) < 0) {
			settings_diag_add(sc->diags, kind, sc->file, e->line, name, "%s", sb_str(&err));
		} else {
			pd[id] = (setting_pending){ true, text, num, e->line };
		}
		sb_free(&err);
		free(name);
	}
	settings_check_order(s, pd, sc->file, sc->diags, NULL);
	for (int id = 0; id < SET__COUNT; id++)
		if (pd[id].set)
			settings_value_store(&s->v[id], pd[id].text, pd[id].num, SET_SRC_FILE,
					     xasprintf("%s:%d", sc->file, pd[id].line));
}

static int load_file(settings *s, const char *path, bool must_exist, const char *system,
		     settings_diag *diags)
{
	int rc = -1, err_no = 0;
	strbuf text = STRBUF_INIT, err = STRBUF_INIT;
	scan sc = { .file = path, .diags = diags, .clean = STRBUF_INIT, .personal = system != NULL,
	            .system = system };
	dictionary *d = NULL;
	if (read_all(path, &text, &err_no) < 0) {
		if (err_no == ENOENT && !must_exist) {
			rc = 0;
			goto out;
		}
		settings_diag_add(diags, SET_P_READ, path, 0, NULL, _("cannot read the file: %s"), strerror(err_no));
		goto out;
	}
	scan_text(&sc, text.s ? text.s : "", text.len);
	if (sc.n > 0) {
		d = load_clean(sb_str(&sc.clean), &err);
		if (!d) {
			settings_diag_add(diags, SET_P_READ, path, 0, NULL, _("cannot read the file: %s"), sb_str(&err));
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

int settings_load_file(settings *s, const char *path, bool must_exist, settings_diag *diags)
{
	return load_file(s, path, must_exist, NULL, diags);
}

/* $XDG_CONFIG_HOME/qifu/qifu.ini, else ~/.config/qifu/qifu.ini */
static char *user_config_file(void)
{
	return paths_xdg_file("XDG_CONFIG_HOME", ".config", "qifu/qifu.ini");
}

char *settings_system_file(void)
{
	/* secure_getenv: a setgid qifu must not let the user swap the file */
	const char *sys = secure_getenv("QIFU_SYSCONF_FILE");
	if (sys && *sys)
		return xstrdup(sys);
	/* an installation in a prefix of its own (a test's, a second zone's) carries its
	 * own file, trusted only when no one but root can change it */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			slash = strrchr(exe, '/');
		}
		if (slash) {
			*slash = '\0';
			char *f = xasprintf("%s/etc/qifu/qifu.ini", exe);
			if (access(f, F_OK) == 0 && priv_root_owned(f))
				return f;
			free(f);
		}
	}
	return xstrdup(QIFU_SYSCONFDIR "/qifu.ini");
}

int settings_load_layers(settings *s, const char *explicit_path, settings_diag *diags)
{
	int rc = 0;
	char *sys = settings_system_file();
	if (load_file(s, sys, false, NULL, diags) < 0)
		rc = -1;
	const char *personal = priv_protected() ? sys : NULL;
	char *user = user_config_file();
	if (user && load_file(s, user, false, personal, diags) < 0)
		rc = -1;
	free(user);
	if (explicit_path && load_file(s, explicit_path, true, personal, diags) < 0)
		rc = -1;
	free(sys);
	return rc;
}
