/* Signal kinds and the column map of the bureaus' lists, a row read, and the rule of
 * what a signal does (see model/signal.h). */
#include "model/signal.h"

#include <stdlib.h>
#include <string.h>

#include "core/datein.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"

static const char *const field_codes[SIG_F__COUNT] = {
	[SIG_F_USCC] = "uscc", [SIG_F_KIND] = "kind", [SIG_F_DATE] = "date",
	[SIG_F_NAME] = "name", [SIG_F_DETAIL] = "detail",
};

const char *signal_field_code(signal_field f)
{
	return f > SIG_F_NONE && f < SIG_F__COUNT ? field_codes[f] : NULL;
}

/* split "a|b|c" into trimmed, non-empty parts added by add(m, arg, part); stops at
 * the first refusal */
typedef signal_map_row part_fn(signal_map *m, void *arg, char *part);
static signal_map_row each_part(signal_map *m, void *arg, const char *list, part_fn *add)
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
		signal_map_row r = add(m, arg, h);
		if (r != SIG_MAP_OK)
			return r;
	}
	return SIG_MAP_OK;
}

static signal_map_row add_header(signal_map *m, void *arg, char *h)
{
	signal_field f = *(signal_field *)arg;
	for (int g = 0; g < SIG_F__COUNT; g++)
		for (int i = 0; i < m->nheaders[g]; i++)
			if (strcmp(m->headers[g][i], h) == 0) {
				free(h);
				return SIG_MAP_TWICE;
			}
	if (m->nheaders[f] == SIG_HEADERS_MAX) {
		free(h);
		return SIG_MAP_FULL;
	}
	m->headers[f][m->nheaders[f]++] = h;
	return SIG_MAP_OK;
}

static signal_map_row add_word(signal_map *m, void *arg, char *w)
{
	signal_kind *k = arg;
	if (signal_kind_find(m, w, true)) {
		free(w);
		return SIG_MAP_TWICE;
	}
	if (k->nwords == SIG_WORDS_MAX) {
		free(w);
		return SIG_MAP_FULL;
	}
	k->words[k->nwords++] = w;
	return SIG_MAP_OK;
}

static signal_map_row add_kind(signal_map *m, char *const *v)
{
	if (signal_kind_find(m, v[1], false))
		return SIG_MAP_TWICE;
	if (m->nkinds == SIG_KINDS_MAX)
		return SIG_MAP_FULL;
	signal_kind k = { 0 };
	if (!warn_source_parse(v[2], &k.source) ||
	    (k.source != WARN_TAX && k.source != WARN_MARKET))
		return SIG_MAP_SOURCE;
	if (strcmp(v[3], "low") == 0)
		k.level = WARN_LOW;
	else if (strcmp(v[3], "medium") == 0)
		k.level = WARN_MEDIUM;
	else if (strcmp(v[3], "high") == 0)
		k.level = WARN_HIGH;
	else
		return SIG_MAP_LEVEL;
	if (strcmp(v[4], "-") != 0) {
		if (!ent_status_parse(v[4], &k.status) || k.status == ENT_ST_OPERATING)
			return SIG_MAP_STATUS;
		k.has_status = true;
	}
	signal_kind *slot = &m->kinds[m->nkinds];
	*slot = k;
	slot->code = xstrdup(v[1]);
	m->nkinds++;
	signal_map_row r = each_part(m, slot, v[5], add_word);
	if (r == SIG_MAP_OK && slot->nwords == 0)
		r = SIG_MAP_SHAPE;
	return r;
}

signal_map_row signal_map_add(signal_map *m, char *const *v, int n)
{
	if (strcmp(v[0], "kind") == 0) {
		if (n != 6)
			return SIG_MAP_SHAPE;
		return add_kind(m, v);
	}
	if (strcmp(v[0], "column") != 0)
		return SIG_MAP_WHAT;
	if (n != 3)
		return SIG_MAP_SHAPE;
	signal_field f = SIG_F_NONE;
	for (int i = 0; i < SIG_F__COUNT; i++)
		if (strcmp(v[1], field_codes[i]) == 0)
			f = (signal_field)i;
	if (f == SIG_F_NONE)
		return SIG_MAP_FIELD;
	if (m->nheaders[f])
		return SIG_MAP_TWICE;
	signal_map_row r = each_part(m, &f, v[2], add_header);
	if (r == SIG_MAP_OK && m->nheaders[f] == 0)
		r = SIG_MAP_SHAPE;
	return r;
}

int signal_map_check(const signal_map *m, strbuf *err)
{
	if (m->nkinds == 0) {
		sb_add(err, _("no kind of signal (a kind row)"));
		return -1;
	}
	static const signal_field need[] = { SIG_F_USCC, SIG_F_KIND, SIG_F_DATE };
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!m->nheaders[need[i]]) {
			sb_addf(err, _("no column row for %s"), field_codes[need[i]]);
			return -1;
		}
	return 0;
}

void signal_map_free(signal_map *m)
{
	for (int i = 0; i < m->nkinds; i++) {
		free(m->kinds[i].code);
		for (int w = 0; w < m->kinds[i].nwords; w++)
			free(m->kinds[i].words[w]);
	}
	for (int f = 0; f < SIG_F__COUNT; f++)
		for (int i = 0; i < m->nheaders[f]; i++)
			free(m->headers[f][i]);
	memset(m, 0, sizeof *m);
}

const signal_kind *signal_kind_find(const signal_map *m, const char *s, bool words)
{
	for (int i = 0; i < m->nkinds; i++) {
		const signal_kind *k = &m->kinds[i];
		if (k->code && strcmp(k->code, s) == 0)
			return k;
		for (int w = 0; words && w < k->nwords; w++)
			if (strcmp(k->words[w], s) == 0)
				return k;
	}
	return NULL;
}

void signal_kind_list(const signal_map *m, strbuf *out)
{
	for (int i = 0; i < m->nkinds; i++)
		sb_addf(out, "%s%s (%s)", i ? ", " : "", m->kinds[i].code, m->kinds[i].words[0]);
}

int signal_cols_match(const signal_map *m, bool fixed, const char *const *fields, int n,
		signal_cols *c, strbuf *err, strbuf *ignored)
{
	for (int f = 0; f < SIG_F__COUNT; f++)
		c->col[f] = -1;
	for (int i = 0; i < n; i++) {
		char *h = text_trim(fields[i]);
		int found = -1;
		for (int f = 0; f < SIG_F__COUNT && found < 0; f++)
			for (int j = 0; j < m->nheaders[f]; j++)
				if (strcmp(m->headers[f][j], h) == 0)
					found = f;
		if (found < 0) {
			if (ignored && *h)
				sb_addf(ignored, "%s%s", ignored->len ? "、" : "", h);
		} else if (c->col[found] >= 0) {
			sb_addf(err, _("column %s appears twice (columns %d and %d)"), h,
			        c->col[found] + 1, i + 1);
			free(h);
			return -1;
		} else {
			c->col[found] = i;
		}
		free(h);
	}
	bool missing = false;
	for (int f = 0; f < SIG_F__COUNT; f++) {
		bool need = f == SIG_F_USCC || f == SIG_F_DATE || (f == SIG_F_KIND && !fixed);
		if (need && c->col[f] < 0) {
			sb_add(err, missing ? "、" : _("missing required columns: "));
			sb_add(err, m->nheaders[f] ? m->headers[f][0] : field_codes[f]);
			missing = true;
		}
	}
	return missing ? -1 : 0;
}

static char *cell(const signal_cols *c, const char *const *fields, int n, signal_field f)
{
	return text_trim(c->col[f] >= 0 && c->col[f] < n ? fields[c->col[f]] : "");
}

void signal_in_clear(signal_in *s)
{
	free(s->uscc_typed);
	free(s->name);
	free(s->detail);
	memset(s, 0, sizeof *s);
}

int signal_row_read(const signal_map *m, const signal_kind *fixed, const signal_cols *c,
		const char *const *fields, int n, qdate today, signal_in *s, signal_field *bad,
		strbuf *err)
{
	memset(s, 0, sizeof *s);
	s->uscc_typed = cell(c, fields, n, SIG_F_USCC);
	s->name = cell(c, fields, n, SIG_F_NAME);
	char *raw = cell(c, fields, n, SIG_F_DETAIL);
	s->detail = text_sanitize(raw, strlen(raw), 0);
	free(raw);
	*bad = SIG_F_USCC;
	if (!*s->uscc_typed) {
		sb_add(err, _("no unified social credit code"));
		return -1;
	}
	uscc_error ue;
	uscc_status us = uscc_check(s->uscc_typed, s->uscc, &ue);
	if (us != USCC_VALID && us != USCC_BAD_ORG_CHECK) {
		sb_addf(err, _("'%s' is no valid unified social credit code: "), s->uscc_typed);
		uscc_explain(us, &ue, err);
		return -1;
	}
	*bad = SIG_F_KIND;
	char *kind = cell(c, fields, n, SIG_F_KIND);
	s->kind = fixed;
	if (!fixed || *kind) {
		const signal_kind *k = signal_kind_find(m, kind, true);
		if (!k || (fixed && k != fixed)) {
			if (!*kind)
				sb_add(err, _("no kind of signal given"));
			else if (k)
				sb_addf(err, _("the signal is %s, but --kind says %s"), k->code, fixed->code);
			else {
				sb_addf(err, _("'%s' is not a kind of signal; allowed: "), kind);
				signal_kind_list(m, err);
			}
			free(kind);
			return -1;
		}
		s->kind = k;
	}
	free(kind);
	*bad = SIG_F_DATE;
	char *day = cell(c, fields, n, SIG_F_DATE);
	int y, mo, d;
	datein_status ds = datein_parse(day, &s->on, &y, &mo, &d);
	int rc = 0;
	if (ds == DATEIN_EMPTY) {
		sb_add(err, _("no date of the signal"));
		rc = -1;
	} else if (ds != DATEIN_DAY && ds != DATEIN_MONTH) {
		sb_addf(err, _("'%s' is not a date (YYYY-MM-DD or YYYY-MM)"), day);
		rc = -1;
	} else if (s->on > today) {
		sb_addf(err, _("the signal's date %s lies after today"), day);
		rc = -1;
	}
	free(day);
	if (rc == 0)
		*bad = SIG_F_NONE;
	return rc;
}

signal_action signal_decide(const signal_state *s, warn_level kind_level, warn_level *level)
{
	if (s->seen) {
		*level = s->open ? s->level : kind_level;
		return SIG_KNOWN;
	}
	if (!s->open) {
		*level = kind_level;
		return SIG_OPEN;
	}
	if (s->level >= WARN_HIGH) {
		*level = WARN_HIGH;
		return SIG_AT_TOP;
	}
	*level = (warn_level)(s->level + 1);
	return SIG_RAISE;
}

bool signal_status_follows(const signal_kind *k, ent_status from, ent_status *to)
{
	if (!k->has_status || k->status == from)
		return false;
	strbuf why = STRBUF_INIT;
	bool ok = ent_status_change_ok(from, k->status, &why);
	sb_free(&why);
	if (ok)
		*to = k->status;
	return ok;
}
