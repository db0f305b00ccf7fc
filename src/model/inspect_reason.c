/* Loader of the inspection reason table (data/inspect_reasons.tsv). Every line is
 * checked strictly and the first bad one is reported as file:line, because a wrong
 * flag here silently changes which inspections are allowed. */
#include "model/inspect_reason.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "core/i18n.h"
#include "core/xalloc.h"

enum { REASON_FIELDS = 4, REASON_CODE_MAX = 32 };

static bool reason_code_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > REASON_CODE_MAX)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* The name is shown in lists and cells: refuse what would break a line or a column. */
static bool reason_name_ok(const char *s)
{
	if (*s == '\0' || u8_check((const uint8_t *)s, strlen(s)) != NULL)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static int reason_flag(const char *s, bool *out)
{
	if (strcmp(s, "yes") == 0)
		*out = true;
	else if (strcmp(s, "no") == 0)
		*out = false;
	else
		return -1;
	return 0;
}

/* The table being built, with the line each reason came from for duplicate messages. */
typedef struct reason_parser {
	inspect_reason_table *t;
	size_t cap;
	size_t *lines;
	const char *origin;
	strbuf *err;
} reason_parser;

static void reason_push(reason_parser *rp, const inspect_reason *r, size_t lineno)
{
	inspect_reason_table *t = rp->t;
	if (t->n == rp->cap) {
		rp->cap = rp->cap ? rp->cap * 2 : 16;
		t->v = xrealloc(t->v, rp->cap * sizeof *t->v);
		rp->lines = xrealloc(rp->lines, rp->cap * sizeof *rp->lines);
	}
	rp->lines[t->n] = lineno;
	t->v[t->n++] = *r;
}

/* One data line, already stripped of its line end; 0 or -1 with a message. */
static int reason_parse_line(reason_parser *rp, char *line, size_t lineno)
{
	const char *origin = rp->origin;
	strbuf *err = rp->err;
	char *field[REASON_FIELDS];
	size_t nf = 0;
	for (char *p = line;; ) {
		char *tab = strchr(p, '\t');
		if (nf < REASON_FIELDS)
			field[nf] = p;
		nf++;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (nf != REASON_FIELDS) {
		sb_addf(err, _("%s:%zu: expected %d tab-separated fields (code, name, quiet-day exempt, filing-exempt), found %zu"),
			origin, lineno, REASON_FIELDS, nf);
		return -1;
	}
	inspect_reason r = { 0 };
	if (!reason_code_ok(field[0])) {
		sb_addf(err, _("%s:%zu: reason code '%s' must be 1 to %d characters of a-z, 0-9 and _"),
			origin, lineno, field[0], REASON_CODE_MAX);
		return -1;
	}
	for (size_t i = 0; i < rp->t->n; i++)
		if (strcmp(rp->t->v[i].code, field[0]) == 0) {
			sb_addf(err, _("%s:%zu: duplicate reason code '%s' (first on line %zu)"),
				origin, lineno, field[0], rp->lines[i]);
			return -1;
		}
	if (!reason_name_ok(field[1])) {
		sb_addf(err, _("%s:%zu: the name of reason '%s' is empty, not UTF-8 or holds control characters"),
			origin, lineno, field[0]);
		return -1;
	}
	bool *flag[] = { &r.quiet_exempt, &r.filing_exempt };
	for (int i = 0; i < 2; i++)
		if (reason_flag(field[2 + i], flag[i]) < 0) {
			sb_addf(err, _("%s:%zu: unknown flag '%s' for reason '%s' (expected yes or no)"),
				origin, lineno, field[2 + i], field[0]);
			return -1;
		}
	r.code = xstrdup(field[0]);
	r.name = xstrdup(field[1]);
	r.after_fact = strcmp(r.code, INSPECT_REASON_EMERGENCY) == 0;
	reason_push(rp, &r, lineno);
	return 0;
}

inspect_reason_table *inspect_reason_parse(const char *text, const char *origin, strbuf *err)
{
	reason_parser rp = { .t = xcalloc(1, sizeof *rp.t), .origin = origin, .err = err };
	char *copy = xstrdup(text);
	char *p = copy;
	int rc = -1;
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;               /* a BOM left by a Windows editor */
	for (size_t lineno = 1; *p; lineno++) {
		char *end = strchr(p, '\n');
		char *next = end ? end + 1 : p + strlen(p);
		if (end)
			*end = '\0';
		size_t len = strlen(p);
		if (len && p[len - 1] == '\r')
			p[--len] = '\0';
		if (len && p[0] != '#' && reason_parse_line(&rp, p, lineno) < 0)
			goto out;
		p = next;
	}
	if (rp.t->n == 0) {
		sb_addf(err, _("%s: no inspection reasons defined"), origin);
		goto out;
	}
	rc = 0;
out:
	xfree(&copy);
	xfree(&rp.lines);
	if (rc < 0)
		inspect_reason_table_free(&rp.t);
	return rp.t;
}

inspect_reason_table *inspect_reason_load(const char *path, strbuf *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		sb_addf(err, _("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	strbuf text = STRBUF_INIT;
	char buf[4096];
	size_t n;
	bool nul = false;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (memchr(buf, '\0', n))
			nul = true;
		sb_addn(&text, buf, n);
	}
	bool failed = ferror(f);
	fclose(f);
	inspect_reason_table *t = NULL;
	if (failed)
		sb_addf(err, _("%s: read error"), path);
	else if (nul)
		sb_addf(err, _("%s: contains a NUL byte; is it a text file?"), path);
	else
		t = inspect_reason_parse(sb_str(&text), path, err);
	sb_free(&text);
	return t;
}

void inspect_reason_table_free(inspect_reason_table **tp)
{
	inspect_reason_table *t = *tp;
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		xfree(&t->v[i].code);
		xfree(&t->v[i].name);
	}
	xfree(&t->v);
	xfree(tp);
}

const inspect_reason *inspect_reason_find(const inspect_reason_table *t, const char *code)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].code, code) == 0)
			return &t->v[i];
	return NULL;
}
