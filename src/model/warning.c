/* Warning sources and levels as tables, and the open/respond/close rules. */
#include "model/warning.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "model/field.h"

static const struct { const char *code; const char *label; } sources[WARN_SOURCE__COUNT] = {
	[WARN_TAX] = { "tax", N_("tax authority") },
	[WARN_MARKET] = { "market", N_("market supervision") },
	[WARN_VISIT] = { "visit", N_("found on a visit") },
	[WARN_OTHER] = { "other", N_("other source") },
};

static const struct {
	warn_level level;
	const char *code;
	const char *label;
	const char *chinese; /* accepted whatever the locale: staff type it with the IME on */
} levels[] = {
	{ WARN_LOW, "low", N_("low level"), "低" },
	{ WARN_MEDIUM, "medium", N_("medium level"), "中" },
	{ WARN_HIGH, "high", N_("high level"), "高" },
};
#define NLEVELS ((int)(sizeof levels / sizeof levels[0]))

void warn_rec_clear(warn_rec *w)
{
	free(w->enterprise);
	free(w->uscc);
	free(w->area);
	free(w->signal);
	free(w->latest);
	free(w->created_by);
	free(w->created_at);
	for (int i = 0; i < w->nresponses; i++) {
		free(w->responses[i].text);
		free(w->responses[i].by);
	}
	free(w->responses);
	memset(w, 0, sizeof *w);
}

const char *warn_source_code(warn_source s)
{
	return s < WARN_SOURCE__COUNT ? sources[s].code : "?";
}

const char *warn_source_label(warn_source s)
{
	return s < WARN_SOURCE__COUNT ? sources[s].label : "?";
}

bool warn_source_parse(const char *s, warn_source *out)
{
	for (int i = 0; s && i < WARN_SOURCE__COUNT; i++)
		if (strcmp(s, sources[i].code) == 0 || strcmp(s, sources[i].label) == 0 ||
		    strcmp(s, _(sources[i].label)) == 0) {
			*out = (warn_source)i;
			return true;
		}
	return false;
}

void warn_source_list(strbuf *out)
{
	for (int i = 0; i < WARN_SOURCE__COUNT; i++)
		sb_addf(out, "%s%s", i ? ", " : "", sources[i].code);
}

const char *warn_level_code(warn_level l)
{
	for (int i = 0; i < NLEVELS; i++)
		if (levels[i].level == l)
			return levels[i].code;
	return "?";
}

const char *warn_level_label(warn_level l)
{
	for (int i = 0; i < NLEVELS; i++)
		if (levels[i].level == l)
			return levels[i].label;
	return "?";
}

bool warn_level_parse(const char *s, warn_level *out)
{
	for (int i = 0; s && i < NLEVELS; i++)
		if (strcmp(s, levels[i].code) == 0 || strcmp(s, levels[i].chinese) == 0 ||
		    strcmp(s, levels[i].label) == 0 || strcmp(s, _(levels[i].label)) == 0) {
			*out = levels[i].level;
			return true;
		}
	return false;
}

warn_verdict warn_open_check(qdate on, qdate today)
{
	return on > today ? WARN_FUTURE : WARN_OK;
}

warn_verdict warn_change_check(qdate opened, qdate closed, qdate on, qdate today)
{
	if (closed != DATE_NONE)
		return WARN_IS_CLOSED;
	if (on > today)
		return WARN_FUTURE;
	if (on < opened)
		return WARN_BEFORE_OPENED;
	return WARN_OK;
}

int warn_validate(warn_rec *w, strbuf *err)
{
	if (field_clean(&w->signal, N_("warning signal"), 500, true, err) < 0)
		return -1;
	if (w->source >= WARN_SOURCE__COUNT) {
		sb_add(err, _("unknown warning source; allowed: "));
		warn_source_list(err);
		return -1;
	}
	if (w->level < WARN_LOW || w->level > WARN_HIGH) {
		sb_add(err, _("unknown warning level; allowed: low, medium, high (低, 中, 高)"));
		return -1;
	}
	return 0;
}

int warn_validate_response(char **text, bool required, strbuf *err)
{
	return field_clean(text, N_("response"), 1000, required, err);
}
