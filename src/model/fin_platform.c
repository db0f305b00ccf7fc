/* The financing platform's fields and their column map (model/fin_platform.h). */
#include "model/fin_platform.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

static const char *const codes[FPF__COUNT] = {
	[FPF_ENTERPRISE] = "enterprise", [FPF_USCC] = "uscc", [FPF_AMOUNT] = "amount",
	[FPF_TERM] = "term", [FPF_PURPOSE] = "purpose", [FPF_GUARANTEE] = "guarantee",
	[FPF_CONTACT] = "contact", [FPF_PHONE] = "phone",
};

const char *fin_pf_field_code(fin_pf_field f)
{
	return f < FPF__COUNT ? codes[f] : "?";
}

bool fin_pf_field_parse(const char *s, fin_pf_field *out)
{
	for (int i = 0; i < FPF__COUNT; i++)
		if (strcmp(s, codes[i]) == 0) {
			*out = (fin_pf_field)i;
			return true;
		}
	return false;
}

fin_pf_map_row fin_pf_map_add(fin_pf_map *m, char **v, int n)
{
	if (n < 1 || strcmp(v[0], "column") != 0)
		return FPF_MAP_WHAT;
	if (n != 3)
		return FPF_MAP_SHAPE;
	fin_pf_field f;
	if (!fin_pf_field_parse(v[1], &f))
		return FPF_MAP_FIELD;
	if (!*v[2])
		return FPF_MAP_EMPTY;
	for (int i = 0; i < m->n; i++)
		if (m->field[i] == f || strcmp(m->header[i], v[2]) == 0)
			return FPF_MAP_TWICE;
	/* each field once, so the map never holds more than FPF__COUNT */
	m->field[m->n] = f;
	m->header[m->n] = xstrdup(v[2]);
	m->n++;
	return FPF_MAP_OK;
}

static bool has(const fin_pf_map *m, fin_pf_field f)
{
	for (int i = 0; i < m->n; i++)
		if (m->field[i] == f)
			return true;
	return false;
}

int fin_pf_map_check(const fin_pf_map *m, strbuf *why)
{
	static const fin_pf_field needed[] = { FPF_USCC, FPF_AMOUNT };
	for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
		if (!has(m, needed[i])) {
			sb_addf(why, _("the map has no column for %s"), fin_pf_field_code(needed[i]));
			return -1;
		}
	return 0;
}

void fin_pf_map_free(fin_pf_map *m)
{
	for (int i = 0; i < m->n; i++)
		free(m->header[i]);
	memset(m, 0, sizeof *m);
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

void fin_pf_cell(fin_pf_field fd, const fin_rec *f, const fin_pf_contact *c, strbuf *out)
{
	char yuan[32];
	switch (fd) {
	case FPF_ENTERPRISE: sb_add(out, or_empty(f->enterprise)); break;
	case FPF_USCC: sb_add(out, or_empty(f->uscc)); break;
	case FPF_AMOUNT: sb_add(out, fin_amount_yuan(f->amount_fen, yuan)); break;
	case FPF_TERM:
		if (f->term_months > 0)
			sb_addf(out, "%d", f->term_months);
		break;
	case FPF_PURPOSE: sb_add(out, or_empty(f->purpose)); break;
	case FPF_GUARANTEE: sb_add(out, or_empty(f->guarantee)); break;
	case FPF_CONTACT: sb_add(out, or_empty(c ? c->name : NULL)); break;
	case FPF_PHONE: sb_add(out, or_empty(c ? c->phone : NULL)); break;
	case FPF__COUNT: break;
	}
}

unsigned fin_pf_missing(const fin_pf_map *m, const fin_rec *f, const fin_pf_contact *c)
{
	unsigned missing = 0;
	strbuf cell = STRBUF_INIT;
	for (int i = 0; i < m->n; i++) {
		sb_reset(&cell);
		fin_pf_cell(m->field[i], f, c, &cell);
		if (!*sb_str(&cell))
			missing |= 1u << m->field[i];
	}
	sb_free(&cell);
	return missing;
}
