/* Outreach events: cleaning what was typed, and the sign-in sheet's header and lines
 * (model/outreach.h). */
#include "model/outreach.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "model/field.h"

void outreach_problem_clear(outreach_problem *p)
{
	free(p->enterprise);
	free(p->uscc);
	free(p->area);
	free(p->text);
	free(p->appeal_number);
	memset(p, 0, sizeof *p);
}

void outreach_rec_clear(outreach_rec *r)
{
	free(r->kind);
	free(r->place);
	free(r->unit);
	free(r->topic);
	free(r->policies);
	free(r->created_by);
	free(r->created_at);
	for (int i = 0; r->attendees && i < r->nattendees; i++) {
		free(r->attendees[i].name);
		free(r->attendees[i].uscc);
		free(r->attendees[i].area);
	}
	free(r->attendees);
	for (int i = 0; r->problems && i < r->nproblems; i++)
		outreach_problem_clear(&r->problems[i]);
	free(r->problems);
	memset(r, 0, sizeof *r);
}

int outreach_validate(const code_table *kinds, const unit_table *units, outreach_rec *r,
		qdate today, strbuf *err)
{
	if (field_clean(&r->kind, N_("event kind"), CODE_MAX, true, err) < 0)
		return -1;
	const code_def *k = codes_find(kinds, r->kind);
	if (!k) {
		sb_addf(err, _("unknown event kind '%s'; allowed: "), r->kind);
		codes_list(kinds, err);
		return -1;
	}
	free(r->kind);
	r->kind = xstrdup(k->code);
	if (field_clean(&r->unit, N_("organising unit"), 40, true, err) < 0 ||
	    field_clean(&r->place, N_("event place"), OUTREACH_PLACE_MAX, true, err) < 0 ||
	    field_clean(&r->topic, N_("event topic"), OUTREACH_TOPIC_MAX, true, err) < 0 ||
	    field_clean(&r->policies, N_("policies presented"), OUTREACH_POLICIES_MAX, false,
	                err) < 0)
		return -1;
	if (!units_find(units, r->unit)) {
		sb_addf(err, _("unknown organising unit '%s'; allowed: "), r->unit);
		units_list(units, -1, err);
		return -1;
	}
	if (r->date == DATE_NONE) {
		sb_addf(err, _("%s must not be empty"), _("event date"));
		return -1;
	}
	if (r->date > today) {
		char d[11], t[11];
		sb_addf(err, _("event date %s lies after today (%s): record an event once it "
		               "has taken place"), date_format(r->date, d), date_format(today, t));
		return -1;
	}
	return 0;
}

int outreach_problem_clean(char **text, strbuf *err)
{
	return field_clean(text, N_("problem raised"), OUTREACH_PROBLEM_MAX, true, err);
}

/* the header words of each column, matched whole (ASCII case ignored) */
static const char *const uscc_words[] = {
	"统一社会信用代码", "社会信用代码", "信用代码", "uscc", "credit code", NULL,
};
static const char *const name_words[] = {
	"企业名称", "单位名称", "企业", "单位", "名称", "enterprise", "name", NULL,
};

static bool is_word(const char *field, const char *const *words)
{
	char *t = text_trim(field);
	bool hit = false;
	for (int i = 0; !hit && words[i]; i++)
		hit = strcasecmp(t, words[i]) == 0;
	free(t);
	return hit;
}

bool outreach_sheet_header(const char *const *fields, int n, outreach_sheet_cols *cols)
{
	cols->uscc = cols->name = -1;
	for (int i = 0; i < n; i++) {
		if (cols->uscc < 0 && is_word(fields[i], uscc_words))
			cols->uscc = i;
		else if (cols->name < 0 && is_word(fields[i], name_words))
			cols->name = i;
	}
	return cols->uscc >= 0 || cols->name >= 0;
}

/* field i of the line trimmed, "" when the line is shorter */
static char *field_at(const char *const *fields, int n, int i)
{
	return text_trim(i >= 0 && i < n ? fields[i] : "");
}

outreach_sheet_key outreach_sheet_line(const char *const *fields, int n,
		const outreach_sheet_cols *cols, char **key)
{
	char *code = field_at(fields, n, cols->uscc);
	if (*code) {
		char norm[19];
		/* a code that fails its check may still be registered (a supervisor's
		 * override), so any 18 characters are looked up */
		uscc_check(code, norm, NULL);
		if (*norm) {
			free(code);
			*key = xstrdup(norm);
			return OUTREACH_SHEET_USCC;
		}
		*key = code;
		return OUTREACH_SHEET_BAD_USCC;
	}
	free(code);
	*key = field_at(fields, n, cols->name);
	return **key ? OUTREACH_SHEET_NAME : OUTREACH_SHEET_EMPTY;
}
