/* Loader of the inspection reason table (data/inspect_reasons.tsv). Every line is
 * checked strictly and the first bad one is reported as file:line, because a wrong
 * flag here silently changes which inspections are allowed. */
#include "model/inspect_reason.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"
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

/* The name is shown in lists and cells: refuse what would break a line or a column.
 * The reader has already refused text that is not UTF-8. */
static bool reason_name_ok(const char *s)
{
	if (*s == '\0')
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

/* One record of the file; 0 or -1 with a message naming file:line. lines[i] is the
 * line reason i came from, for the duplicate message. */
static int reason_add(inspect_reason_table *t, int **lines, char **field, const char *path,
		      int lineno, strbuf *err)
{
	inspect_reason r = { 0 };
	if (!reason_code_ok(field[0])) {
		sb_addf(err, _("%s:%d: reason code '%s' must be 1 to %d characters of a-z, 0-9 and _"),
			path, lineno, field[0], REASON_CODE_MAX);
		return -1;
	}
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].code, field[0]) == 0) {
			sb_addf(err, _("%s:%d: duplicate reason code '%s' (first on line %d)"),
				path, lineno, field[0], (*lines)[i]);
			return -1;
		}
	if (!reason_name_ok(field[1])) {
		sb_addf(err, _("%s:%d: the name of reason '%s' is empty or holds control characters"),
			path, lineno, field[0]);
		return -1;
	}
	bool *flag[] = { &r.quiet_exempt, &r.filing_exempt };
	for (int i = 0; i < 2; i++)
		if (reason_flag(field[2 + i], flag[i]) < 0) {
			sb_addf(err, _("%s:%d: unknown flag '%s' for reason '%s' (expected yes or no)"),
				path, lineno, field[2 + i], field[0]);
			return -1;
		}
	r.code = xstrdup(field[0]);
	r.name = xstrdup(field[1]);
	r.after_fact = strcmp(r.code, INSPECT_REASON_EMERGENCY) == 0;
	t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
	*lines = xrealloc(*lines, (t->n + 1) * sizeof **lines);
	(*lines)[t->n] = lineno;
	t->v[t->n++] = r;
	return 0;
}

inspect_reason_table *inspect_reason_load(const char *path, strbuf *err)
{
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return NULL;
	inspect_reason_table *t = xcalloc(1, sizeof *t);
	int *lines = NULL;
	char **field;
	int n, rc;
	while ((rc = tsv_next(f, REASON_FIELDS, &field, &n, err)) == 1)
		if (reason_add(t, &lines, field, path, tsv_line(f), err) < 0) {
			rc = -1;
			break;
		}
	if (rc == 0 && t->n == 0) {
		sb_addf(err, _("%s: no inspection reasons defined"), path);
		rc = -1;
	}
	tsv_close(&f);
	xfree(&lines);
	if (rc < 0)
		inspect_reason_table_free(&t);
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
