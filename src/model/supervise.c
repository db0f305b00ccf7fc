/* Supervision requests and accountability: codes, words and checks; see supervise.h. */
#include "model/supervise.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

static const struct {
	const char *code, *label;
} sources[SUPV_SRC__COUNT] = {
	[SUPV_SRC_OVERDUE] = { "overdue", N_("overdue appeal") },
	[SUPV_SRC_DISSATISFIED] = { "dissatisfied", N_("dissatisfied appeal") },
	[SUPV_SRC_FIGURES] = { "figures", N_("the unit's figures") },
};

static const struct {
	const char *code, *label;
} outcomes[SUPV_OUT__COUNT] = {
	[SUPV_OPEN] = { "open", N_("open") },
	[SUPV_RESOLVED] = { "resolved", N_("resolved") },
	[SUPV_UNRESOLVED] = { "unresolved", N_("unresolved") },
};

const char *supervise_source_code(supervise_source s)
{
	return s < SUPV_SRC__COUNT ? sources[s].code : "?";
}

bool supervise_source_parse(const char *code, supervise_source *out)
{
	for (int i = 0; code && i < SUPV_SRC__COUNT; i++)
		if (strcmp(code, sources[i].code) == 0) {
			*out = (supervise_source)i;
			return true;
		}
	return false;
}

const char *supervise_source_label(supervise_source s)
{
	return s < SUPV_SRC__COUNT ? sources[s].label : "?";
}

const char *supervise_outcome_code(supervise_outcome o)
{
	return o < SUPV_OUT__COUNT ? outcomes[o].code : "?";
}

bool supervise_outcome_parse(const char *code, supervise_outcome *out)
{
	for (int i = 0; code && i < SUPV_OUT__COUNT; i++)
		if (strcmp(code, outcomes[i].code) == 0) {
			*out = (supervise_outcome)i;
			return true;
		}
	return false;
}

const char *supervise_outcome_label(supervise_outcome o)
{
	return o < SUPV_OUT__COUNT ? outcomes[o].label : "?";
}

/* 1..SUPV_TEXT_MAX characters after trimming; -1 naming what */
static int text_check(const char *s, const char *what, strbuf *err)
{
	char *t = text_trim(s ? s : "");
	int rc = 0;
	if (!*t) {
		sb_addf(err, _("%s is missing."), what);
		rc = -1;
	} else if (text_chars(t) > SUPV_TEXT_MAX) {
		sb_addf(err, _("%s is longer than %d characters."), what, SUPV_TEXT_MAX);
		rc = -1;
	}
	free(t);
	return rc;
}

int supervise_new_check(const supervise_new *in, const unit_table *units, qdate today,
		strbuf *err)
{
	switch (in->source) {
	case SUPV_SRC_OVERDUE:
	case SUPV_SRC_DISSATISFIED:
		if (!in->has_appeal) {
			sb_add(err, _("A request from an appeal names the appeal."));
			return -1;
		}
		if (in->source == SUPV_SRC_OVERDUE && !in->appeal_overdue) {
			sb_add(err, _("The appeal is not overdue: no deadline of it has passed."));
			return -1;
		}
		if (in->source == SUPV_SRC_DISSATISFIED && !in->appeal_dissatisfied) {
			sb_add(err, _("The enterprise was not dissatisfied with the appeal at its "
			              "callback."));
			return -1;
		}
		break;
	case SUPV_SRC_FIGURES:
		if (in->has_appeal) {
			sb_add(err, _("A request from a unit's figures names no appeal."));
			return -1;
		}
		break;
	case SUPV_SRC__COUNT:
		sb_add(err, _("Unknown source of the request."));
		return -1;
	}
	/* after the source: an appeal's request without the appeal has no unit either,
	 * and the missing appeal is what to say */
	if (!in->unit || !*in->unit || !units_find(units, in->unit)) {
		strbuf all = STRBUF_INIT;
		units_list(units, -1, &all);
		sb_addf(err, _("Unknown unit %s; the units are: %s."), in->unit ? in->unit : "",
		        sb_str(&all));
		sb_free(&all);
		return -1;
	}
	if (text_check(in->what, _("What is required"), err) < 0)
		return -1;
	if (in->due == DATE_NONE) {
		sb_add(err, _("The day it is due by is missing."));
		return -1;
	}
	if (in->due < today) {
		char d[16], t[16];
		sb_addf(err, _("The due day %s is before today (%s)."), date_format(in->due, d),
		        date_format(today, t));
		return -1;
	}
	return 0;
}

int supervise_outcome_allowed(long long id, supervise_outcome cur, supervise_outcome next,
		const char *note, strbuf *err)
{
	if (cur != SUPV_OPEN) {
		sb_addf(err, _("Supervision request %lld already has its outcome (%s)."), id,
		        _(supervise_outcome_label(cur)));
		return -1;
	}
	if (next != SUPV_RESOLVED && next != SUPV_UNRESOLVED) {
		sb_add(err, _("An outcome is resolved or unresolved."));
		return -1;
	}
	if (note && text_chars(note) > SUPV_TEXT_MAX) {
		sb_addf(err, _("%s is longer than %d characters."), _("The note"), SUPV_TEXT_MAX);
		return -1;
	}
	return 0;
}

int supervise_accountability_may_follow(long long id, supervise_outcome cur, strbuf *err)
{
	if (cur != SUPV_UNRESOLVED) {
		sb_addf(err, _("Supervision request %lld is %s: accountability follows an "
		               "unresolved request."), id, _(supervise_outcome_label(cur)));
		return -1;
	}
	return 0;
}

int supervise_accountability_allowed(long long id, supervise_outcome cur, const char *body,
		const char *bodies, const char *person, const char *measure, strbuf *err)
{
	if (supervise_accountability_may_follow(id, cur, err) < 0)
		return -1;
	if (!body || !*body || !text_list_has(bodies, body)) {
		strbuf all = STRBUF_INIT;
		for (const char *s = bodies ? bodies : ""; *s;) {
			const char *bar = strchr(s, '|');
			size_t n = bar ? (size_t)(bar - s) : strlen(s);
			sb_addf(&all, "%s%.*s", all.len ? "、" : "", (int)n, s);
			s += n + (bar != NULL);
		}
		sb_addf(err, _("%s does not hold to account; the bodies that do are: %s."),
		        body && *body ? body : "''", sb_str(&all));
		sb_free(&all);
		return -1;
	}
	if (text_check(person, _("The person held to account"), err) < 0)
		return -1;
	return text_check(measure, _("The measure"), err);
}
