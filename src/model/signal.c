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

_Static_assert((int)SIG_F__COUNT <= (int)COLMAP_FIELDS_MAX, "the column map holds every field");

static const char *const field_codes[SIG_F__COUNT] = {
	[SIG_F_USCC] = "uscc", [SIG_F_KIND] = "kind", [SIG_F_DATE] = "date",
	[SIG_F_NAME] = "name", [SIG_F_DETAIL] = "detail",
};

const char *signal_field_code(signal_field f)
{
	return f > SIG_F_NONE && f < SIG_F__COUNT ? field_codes[f] : NULL;
}

typedef struct word_add {
	const signal_map *m;
	signal_kind *kind;
} word_add;

static int add_word(void *arg, char *w)
{
	word_add *a = arg;
	if (signal_kind_find(a->m, w, true)) {
		free(w);
		return SIG_MAP_TWICE;
	}
	if (a->kind->nwords == SIG_WORDS_MAX) {
		free(w);
		return SIG_MAP_FULL;
	}
	a->kind->words[a->kind->nwords++] = w;
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
	word_add a = { m, slot };
	signal_map_row r = (signal_map_row)colmap_each_part(v[5], add_word, &a);
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
	static const signal_map_row of[] = { [COLMAP_OK] = SIG_MAP_OK,
		[COLMAP_EMPTY] = SIG_MAP_SHAPE, [COLMAP_TWICE] = SIG_MAP_TWICE,
		[COLMAP_FULL] = SIG_MAP_FULL };
	return of[colmap_add(&m->cols, f, v[2])];
}

int signal_map_check(const signal_map *m, strbuf *err)
{
	if (m->nkinds == 0) {
		sb_add(err, _("no kind of signal (a kind row)"));
		return -1;
	}
	static const signal_field need[] = { SIG_F_USCC, SIG_F_KIND, SIG_F_DATE };
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!m->cols.nheaders[need[i]]) {
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
	colmap_free(&m->cols);
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
	if (colmap_match(&m->cols, SIG_F__COUNT, fields, n, c->col, err, ignored) < 0)
		return -1;
	int missing = 0;
	for (int f = 0; f < SIG_F__COUNT; f++) {
		bool need = f == SIG_F_USCC || f == SIG_F_DATE || (f == SIG_F_KIND && !fixed);
		if (need && c->col[f] < 0)
			colmap_missing(err, &missing, colmap_header(&m->cols, f, field_codes[f]));
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
