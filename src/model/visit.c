/* Visit records: cleaning and checking what the visiting officer typed. */
#include "model/visit.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/field.h"

void visit_rec_clear(visit_rec *v)
{
	free(v->enterprise);
	free(v->uscc);
	free(v->area);
	free(v->unit);
	free(v->people);
	free(v->topics);
	free(v->created_by);
	free(v->created_at);
	for (int i = 0; v->problems && i < v->nproblems; i++) {
		free(v->problems[i].text);
		free(v->problems[i].appeal_number);
	}
	free(v->problems);
	memset(v, 0, sizeof *v);
}

void visit_add_problem(visit_rec *v, const char *text)
{
	v->problems = xrealloc(v->problems, sizeof *v->problems * (size_t)(v->nproblems + 1));
	visit_problem *p = &v->problems[v->nproblems++];
	memset(p, 0, sizeof *p);
	p->seq = v->nproblems;
	p->text = xstrdup(text ? text : "");
}

int visit_validate(const unit_table *units, visit_rec *v, qdate today, strbuf *err)
{
	if (field_clean(&v->unit, N_("visiting unit"), 40, true, err) < 0 ||
	    field_clean(&v->people, N_("visitors"), 200, true, err) < 0 ||
	    field_clean(&v->topics, N_("visit topics"), 500, true, err) < 0)
		return -1;
	if (!units_find(units, v->unit)) {
		sb_addf(err, _("unknown visiting unit '%s'; allowed: "), v->unit);
		units_list(units, -1, err);
		return -1;
	}
	if (v->date == DATE_NONE) {
		sb_addf(err, _("%s must not be empty"), _("visit date"));
		return -1;
	}
	if (v->date > today) {
		char d[11], t[11];
		sb_addf(err, _("visit date %s lies after today (%s): record a visit once it "
		               "has taken place"), date_format(v->date, d), date_format(today, t));
		return -1;
	}
	if (v->nproblems > VISIT_MAX_PROBLEMS) {
		sb_addf(err, _("a visit records at most %d problems"), VISIT_MAX_PROBLEMS);
		return -1;
	}
	for (int i = 0; i < v->nproblems; i++) {
		if (field_clean(&v->problems[i].text, N_("problem found"), 500, true, err) < 0) {
			sb_addf(err, _(" (problem %d)"), i + 1);
			return -1;
		}
		v->problems[i].seq = i + 1;
	}
	return 0;
}
