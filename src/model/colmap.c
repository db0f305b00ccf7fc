/* The headers of a column map (see model/colmap.h). */
#include "model/colmap.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

int colmap_each_part(const char *list, int (*add)(void *arg, char *part), void *arg)
{
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, "|");
		char *raw = xstrndup(p, len), *h = text_trim(raw);
		free(raw);
		p += len + (p[len] == '|');
		if (!*h) {
			free(h);
			continue;
		}
		int r = add(arg, h);
		if (r != 0)
			return r;
	}
	return 0;
}

typedef struct header_add {
	colmap *m;
	int f;
} header_add;

static int add_one(void *arg, char *h)
{
	header_add *a = arg;
	/* one header names one field: a file's column must not be read twice */
	if (colmap_field_of(a->m, h) >= 0) {
		free(h);
		return COLMAP_TWICE;
	}
	if (a->m->nheaders[a->f] == COLMAP_HEADERS_MAX) {
		free(h);
		return COLMAP_FULL;
	}
	a->m->headers[a->f][a->m->nheaders[a->f]++] = h;
	return COLMAP_OK;
}

colmap_rc colmap_add(colmap *m, int f, const char *list)
{
	if (m->nheaders[f])
		return COLMAP_TWICE;
	header_add a = { m, f };
	colmap_rc r = (colmap_rc)colmap_each_part(list, add_one, &a);
	if (r == COLMAP_OK && m->nheaders[f] == 0)
		r = COLMAP_EMPTY;
	return r;
}

void colmap_free(colmap *m)
{
	for (int f = 0; f < COLMAP_FIELDS_MAX; f++)
		for (int i = 0; i < m->nheaders[f]; i++)
			free(m->headers[f][i]);
	memset(m, 0, sizeof *m);
}

int colmap_field_of(const colmap *m, const char *h)
{
	for (int f = 0; f < COLMAP_FIELDS_MAX; f++)
		for (int i = 0; i < m->nheaders[f]; i++)
			if (strcmp(m->headers[f][i], h) == 0)
				return f;
	return -1;
}

const char *colmap_header(const colmap *m, int f, const char *code)
{
	return m->nheaders[f] ? m->headers[f][0] : code;
}

int colmap_match(const colmap *m, int nfields, const char *const *fields, int n, int *col,
		strbuf *err, strbuf *ignored)
{
	for (int f = 0; f < nfields; f++)
		col[f] = -1;
	for (int i = 0; i < n; i++) {
		/* people type headers with stray spaces and full-width spaces */
		char *h = text_trim(fields[i]);
		int f = colmap_field_of(m, h);
		if (f < 0 || f >= nfields) {
			if (ignored && *h)
				sb_addf(ignored, "%s%s", ignored->len ? "、" : "", h);
		} else if (col[f] >= 0) {
			sb_addf(err, _("column %s appears twice (columns %d and %d)"), h, col[f] + 1,
			        i + 1);
			free(h);
			return -1;
		} else {
			col[f] = i;
		}
		free(h);
	}
	return 0;
}

void colmap_missing(strbuf *err, int *missing, const char *name)
{
	sb_add(err, (*missing)++ ? "、" : _("missing required columns: "));
	sb_add(err, name);
}
