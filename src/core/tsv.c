/* TAB-separated policy data files. */
#include "core/tsv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/i18n.h"
#include "core/xalloc.h"

#define TSV_MAX_FIELDS 32

struct tsv_file {
	FILE *fp;
	char *path;
	char *buf;
	size_t cap;
	int line;
	char *fields[TSV_MAX_FIELDS];
};

tsv_file *tsv_open(const char *path, strbuf *err)
{
	FILE *fp = fopen(path, "r");
	if (!fp) {
		sb_addf(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	tsv_file *t = xcalloc(1, sizeof *t);
	t->fp = fp;
	t->path = xstrdup(path);
	return t;
}

int tsv_next(tsv_file *t, int want, char ***fields, int *n, strbuf *err)
{
	ssize_t len;
	while ((len = getline(&t->buf, &t->cap, t->fp)) >= 0) {
		t->line++;
		char *s = t->buf;
		if (t->line == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			len -= 3;
		}
		while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
			s[--len] = '\0';
		if (u8_check((const uint8_t *)s, (size_t)len)) {
			sb_addf(err, _("%s:%d: not valid UTF-8"), t->path, t->line);
			return -1;
		}
		if (len == 0 || s[0] == '#')
			continue;
		int k = 0;
		for (char *p = s;; ) {
			if (k == TSV_MAX_FIELDS) {
				sb_addf(err, _("%s:%d: more than %d fields"), t->path, t->line,
				        TSV_MAX_FIELDS);
				return -1;
			}
			t->fields[k++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (want > 0 && k != want) {
			sb_addf(err, _("%s:%d: expected %d fields separated by TAB, found %d"),
			        t->path, t->line, want, k);
			return -1;
		}
		*fields = t->fields;
		*n = k;
		return 1;
	}
	if (ferror(t->fp)) {
		sb_addf(err, "%s: %s", t->path, strerror(errno));
		return -1;
	}
	return 0;
}

int tsv_line(const tsv_file *t)
{
	return t->line;
}

const char *tsv_path(const tsv_file *t)
{
	return t->path;
}

void tsv_close(tsv_file **tp)
{
	tsv_file *t = *tp;
	if (!t)
		return;
	fclose(t->fp);
	free(t->buf);
	free(t->path);
	free(t);
	*tp = NULL;
}

int tsv_load(const char *path, int want, tsv_add_fn *add, void *table, strbuf *err)
{
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return -1;
	char **v;
	int n, rc, kept = 0;
	while ((rc = tsv_next(f, want, &v, &n, err)) == 1 && (rc = add(table, f, v, err)) == 0)
		kept++;
	tsv_close(&f);
	return rc < 0 ? -1 : kept;
}
