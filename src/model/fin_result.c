/* The platform's matching results: the map, a row read, and which need a result is
 * about (see model/fin_result.h). */
#include "model/fin_result.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"

_Static_assert((int)FRF__COUNT <= (int)COLMAP_FIELDS_MAX, "the column map holds every field");

static const char *const field_codes[FRF__COUNT] = {
	[FRF_USCC] = "uscc", [FRF_NEED] = "need", [FRF_NAME] = "name",
	[FRF_INSTITUTION] = "institution", [FRF_AMOUNT] = "amount", [FRF_STATE] = "state",
	[FRF_NOTE] = "note",
};

const char *fin_res_field_code(fin_res_field f)
{
	return f > FRF_NONE && f < FRF__COUNT ? field_codes[f] : NULL;
}

typedef struct word_add {
	const fin_res_map *m;
	fin_res_state *state;
} word_add;

static int add_word(void *arg, char *w)
{
	word_add *a = arg;
	if (fin_res_state_find(a->m, w)) {
		free(w);
		return FRES_MAP_TWICE;
	}
	if (a->state->nwords == FRES_WORDS_MAX) {
		free(w);
		return FRES_MAP_FULL;
	}
	a->state->words[a->state->nwords++] = w;
	return FRES_MAP_OK;
}

fin_res_map_row fin_res_map_add(fin_res_map *m, char *const *v, int n)
{
	bool state = strcmp(v[0], "state") == 0;
	if (!state && strcmp(v[0], "column") != 0)
		return FRES_MAP_WHAT;
	if (n != 3)
		return FRES_MAP_SHAPE;
	if (state) {
		fin_status st = FIN_NEED;
		/* the code only: a label's translation must not change what a site's file means */
		bool known = false;
		for (int i = 0; i < FIN__COUNT; i++)
			if (strcmp(v[1], fin_status_code((fin_status)i)) == 0) {
				st = (fin_status)i;
				known = true;
			}
		if (!known)
			return FRES_MAP_STATUS;
		if (m->nstates == FRES_STATES_MAX)
			return FRES_MAP_FULL;
		fin_res_state *slot = &m->states[m->nstates++];
		*slot = (fin_res_state){ .status = st };
		word_add a = { m, slot };
		fin_res_map_row r = (fin_res_map_row)colmap_each_part(v[2], add_word, &a);
		if (r == FRES_MAP_OK && slot->nwords == 0)
			r = FRES_MAP_SHAPE;
		return r;
	}
	fin_res_field f = FRF_NONE;
	for (int i = 0; i < FRF__COUNT; i++)
		if (strcmp(v[1], field_codes[i]) == 0)
			f = (fin_res_field)i;
	if (f == FRF_NONE)
		return FRES_MAP_FIELD;
	static const fin_res_map_row of[] = { [COLMAP_OK] = FRES_MAP_OK,
		[COLMAP_EMPTY] = FRES_MAP_SHAPE, [COLMAP_TWICE] = FRES_MAP_TWICE,
		[COLMAP_FULL] = FRES_MAP_FULL };
	return of[colmap_add(&m->cols, f, v[2])];
}

int fin_res_map_check(const fin_res_map *m, strbuf *why)
{
	if (m->nstates == 0) {
		sb_add(why, _("no state of the platform (a state row)"));
		return -1;
	}
	static const fin_res_field need[] = { FRF_STATE, FRF_INSTITUTION };
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!m->cols.nheaders[need[i]]) {
			sb_addf(why, _("no column row for %s"), field_codes[need[i]]);
			return -1;
		}
	if (!m->cols.nheaders[FRF_USCC] && !m->cols.nheaders[FRF_NEED]) {
		sb_add(why, _("no column row for uscc or need"));
		return -1;
	}
	return 0;
}

void fin_res_map_free(fin_res_map *m)
{
	for (int i = 0; i < m->nstates; i++)
		for (int w = 0; w < m->states[i].nwords; w++)
			free(m->states[i].words[w]);
	colmap_free(&m->cols);
	memset(m, 0, sizeof *m);
}

const fin_res_state *fin_res_state_find(const fin_res_map *m, const char *s)
{
	for (int i = 0; i < m->nstates; i++)
		for (int w = 0; w < m->states[i].nwords; w++)
			if (strcmp(m->states[i].words[w], s) == 0)
				return &m->states[i];
	return NULL;
}

void fin_res_state_list(const fin_res_map *m, strbuf *out)
{
	bool first = true;
	for (int i = 0; i < m->nstates; i++)
		for (int w = 0; w < m->states[i].nwords; w++) {
			sb_addf(out, "%s%s", first ? "" : ", ", m->states[i].words[w]);
			first = false;
		}
}

/* the header by which the map names field f, for messages */
static const char *header_of(const fin_res_map *m, fin_res_field f)
{
	return colmap_header(&m->cols, f, field_codes[f]);
}

int fin_res_cols_match(const fin_res_map *m, const char *const *fields, int n,
		fin_res_cols *c, strbuf *err, strbuf *ignored)
{
	if (colmap_match(&m->cols, FRF__COUNT, fields, n, c->col, err, ignored) < 0)
		return -1;
	int missing = 0;
	static const fin_res_field need[] = { FRF_USCC, FRF_INSTITUTION, FRF_STATE };
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
		fin_res_field f = need[i];
		/* the need's number stands in for the code */
		if (c->col[f] >= 0 || (f == FRF_USCC && c->col[FRF_NEED] >= 0))
			continue;
		colmap_missing(err, &missing, header_of(m, f));
		if (f == FRF_USCC && m->cols.nheaders[FRF_NEED])
			sb_addf(err, _(" (or %s)"), header_of(m, FRF_NEED));
	}
	return missing ? -1 : 0;
}

static char *cell(const fin_res_cols *c, const char *const *fields, int n, fin_res_field f)
{
	char *raw = text_trim(c->col[f] >= 0 && c->col[f] < n ? fields[c->col[f]] : "");
	char *clean = text_sanitize(raw, strlen(raw), 0);
	free(raw);
	return clean;
}

void fin_res_in_clear(fin_res_in *r)
{
	free(r->uscc_typed);
	free(r->name);
	free(r->institution);
	free(r->state_typed);
	free(r->note);
	memset(r, 0, sizeof *r);
}

/* a need's number: digits only, with an optional leading # */
static bool need_number(const char *s, int64_t *id)
{
	if (*s == '#')
		s++;
	if (!*s || strlen(s) > 15)
		return false;
	int64_t v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
	}
	*id = v;
	return v > 0;
}

int fin_res_row_read(const fin_res_map *m, const fin_res_cols *c, const char *const *fields,
		int n, fin_res_in *r, fin_res_field *bad, strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->uscc_typed = cell(c, fields, n, FRF_USCC);
	r->name = cell(c, fields, n, FRF_NAME);
	r->institution = cell(c, fields, n, FRF_INSTITUTION);
	r->state_typed = cell(c, fields, n, FRF_STATE);
	r->note = cell(c, fields, n, FRF_NOTE);
	char *need = cell(c, fields, n, FRF_NEED);
	char *amount = cell(c, fields, n, FRF_AMOUNT);
	int rc = -1;
	*bad = FRF_NEED;
	if (*need && !need_number(need, &r->need_id)) {
		sb_addf(err, _("'%s' is not the number of a financing need"), need);
		goto out;
	}
	*bad = FRF_USCC;
	if (!*r->uscc_typed && !r->need_id) {
		sb_add(err, _("no unified social credit code"));
		goto out;
	}
	if (*r->uscc_typed) {
		uscc_error ue;
		uscc_status us = uscc_check(r->uscc_typed, r->uscc, &ue);
		if (us != USCC_VALID && us != USCC_BAD_ORG_CHECK) {
			sb_addf(err, _("'%s' is no valid unified social credit code: "), r->uscc_typed);
			uscc_explain(us, &ue, err);
			goto out;
		}
	}
	*bad = FRF_STATE;
	r->state = fin_res_state_find(m, r->state_typed);
	if (!r->state) {
		if (!*r->state_typed)
			sb_add(err, _("no state given"));
		else
			sb_addf(err, _("'%s' is not a state of the platform; allowed: "), r->state_typed);
		if (*r->state_typed)
			fin_res_state_list(m, err);
		goto out;
	}
	*bad = FRF_INSTITUTION;
	if (!*r->institution && fin_status_needs_institution(r->state->status)) {
		sb_addf(err, _("%s names the financing institution, and none is given"),
		        r->state_typed);
		goto out;
	}
	*bad = FRF_AMOUNT;
	if (*amount) {
		strbuf why = STRBUF_INIT;
		int got = fin_amount_parse(amount, &r->amount_fen, &why);
		if (got < 0)
			sb_add(err, sb_str(&why));
		sb_free(&why);
		if (got < 0)
			goto out;
	} else if (r->state->status == FIN_FUNDED) {
		sb_addf(err, _("%s says how much money arrived, and no amount is given"),
		        r->state_typed);
		goto out;
	}
	*bad = FRF_NONE;
	rc = 0;
out:
	free(need);
	free(amount);
	return rc;
}

bool fin_res_known(const fin_rec *f, const fin_res_in *r)
{
	if (!r->state || f->status != r->state->status)
		return false;
	if (*r->institution && strcmp(r->institution, f->institution ? f->institution : "") != 0)
		return false;
	return f->status != FIN_FUNDED || f->funded_fen == r->amount_fen;
}

fin_res_pick_rc fin_res_pick(const fin_rec *v, int n, const bool *taken, const fin_res_in *r,
		int *index)
{
	for (int i = 0; i < n; i++)
		if (!(taken && taken[i]) && fin_res_known(&v[i], r)) {
			*index = i;
			return FRES_PICKED;
		}
	int open = 0, same = 0, first = -1, first_same = -1;
	for (int i = 0; i < n; i++) {
		if ((taken && taken[i]) || !fin_status_open(v[i].status))
			continue;
		if (open++ == 0)
			first = i;
		if (r->amount_fen && v[i].amount_fen == r->amount_fen && same++ == 0)
			first_same = i;
	}
	if (open == 0)
		return FRES_NO_OPEN;
	if (open == 1) {
		*index = first;
		return FRES_PICKED;
	}
	if (same == 1) {
		*index = first_same;
		return FRES_PICKED;
	}
	return FRES_MANY;
}
