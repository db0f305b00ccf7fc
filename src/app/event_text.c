/* The words of the event log: a summary is clauses joined by "; ", each one of a few
 * shapes the store writes (see appeal_store*.c and escalation_store.c). Each shape is
 * worded by one function; a clause no shape takes is shown as written. */
#include "app/event_text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "model/escalation.h"
#include "model/ticket.h"

const char *app_event_action_text(const char *code)
{
	ticket_action a;
	escalation_action e;
	if (ticket_action_parse(code, &a))
		return _(ticket_action_label(a));
	if (escalation_action_parse(code, &e))
		return _(escalation_action_label(e));
	if (strcmp(code, "recompute") == 0)
		return _("deadlines recomputed");
	return code;
}

/* the words of one code-valued field, or NULL when the value is not a code it knows */
static const char *value_text(const char *key, const char *v)
{
	ticket_state st;
	ticket_kind k;
	appeal_channel ch;
	escalation_mode m;
	if (strcmp(key, "kind") == 0 && ticket_kind_parse(v, &k))
		return _(ticket_kind_label(k));
	if (strcmp(key, "channel") == 0 && appeal_channel_parse(v, &ch))
		return _(appeal_channel_label(ch));
	if (strcmp(key, "mode") == 0 && escalation_mode_parse(v, &m))
		return _(escalation_mode_label(m));
	if (strcmp(key, "state") == 0 && ticket_state_parse(v, &st))
		return _(ticket_state_label(st));
	ticket_how h;
	if (strcmp(key, "how") == 0 && ticket_how_parse(v, &h))
		return _(ticket_how_label(h));
	if (strcmp(key, "level") == 0 && strlen(v) == 1 && escalation_level_valid(v[0] - '0'))
		return _(escalation_level_short(v[0] - '0'));
	return NULL;
}

/* the label of a field name the store writes as key=value */
static const char *key_text(const char *key)
{
	static const struct { const char *key, *label; } keys[] = {
		{ "enterprise", N_("enterprise") },
		{ "kind", N_("kind") },
		{ "channel", N_("channel") },
		{ "first_unit", N_("first-responsible unit") },
		{ "lead", N_("lead unit") },
		{ "related", N_("related appeals") },
		{ "until", N_("until") },
		{ "into", N_("merged into") },
		{ "level", N_("level") },
		{ "mode", N_("mode") },
		{ "date", N_("date") },
		{ "dispatch", N_("dispatch record") },
		{ "state", N_("state") },
		{ "on", N_("told on") },
		{ "how", N_("how") },
		{ "by", N_("told by") },
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].key, key) == 0)
			return _(keys[i].label);
	return NULL;
}

/* "a -> b" with two states, or with a number each side ("level 1 -> 2") */
static bool arrow_text(const char *c, strbuf *out)
{
	const char *arrow = strstr(c, " -> ");
	if (!arrow || strstr(arrow + 4, " -> "))
		return false;
	char *a = xstrndup(c, (size_t)(arrow - c));
	const char *b = arrow + 4;
	ticket_state sa, sb;
	ticket_timer tm;
	bool ok = true;
	char *due = strstr(a, " due ");
	if (ticket_state_parse(a, &sa) && ticket_state_parse(b, &sb)) {
		sb_addf(out, "%s -> %s", _(ticket_state_label(sa)), _(ticket_state_label(sb)));
	} else if (strncmp(a, "level ", 6) == 0 && value_text("level", a + 6) &&
	           value_text("level", b)) {
		sb_addf(out, "%s -> %s", value_text("level", a + 6), value_text("level", b));
	} else if (due) {
		*due = '\0';
		if ((ok = ticket_timer_parse(a, &tm)))
			sb_addf(out, _("%s due %s -> %s"), _(ticket_timer_label(tm)), due + 5, b);
	} else {
		ok = false;
	}
	free(a);
	return ok;
}

/* "handle due 2027-02-12", "dispatch stopped" */
static bool timer_text(const char *c, strbuf *out)
{
	const char *sp = strchr(c, ' ');
	if (!sp)
		return false;
	char *name = xstrndup(c, (size_t)(sp - c));
	ticket_timer tm;
	bool ok = ticket_timer_parse(name, &tm);
	if (ok && strncmp(sp, " due ", 5) == 0 && !strchr(sp + 5, ' '))
		sb_addf(out, _("%s due %s"), _(ticket_timer_label(tm)), sp + 5);
	else if (ok && strcmp(sp, " stopped") == 0)
		sb_addf(out, _("%s stopped"), _(ticket_timer_label(tm)));
	else
		ok = false;
	free(name);
	return ok;
}

/* "enterprise=913… kind=simple channel=hotline": every word a known key=value */
static bool fields_text(const char *c, strbuf *out)
{
	char *copy = xstrdup(c);
	strbuf words = STRBUF_INIT;
	bool ok = true;
	char *save = NULL;
	for (char *w = strtok_r(copy, " ", &save); w && ok; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');
		if (!eq) {
			ok = false;
			break;
		}
		*eq = '\0';
		const char *k = key_text(w), *v = value_text(w, eq + 1);
		if (!k)
			ok = false;
		else
			sb_addf(&words, _("%s%s: %s"), words.len ? "  " : "", k, v ? v : eq + 1);
	}
	ok = ok && words.len > 0;
	if (ok)
		sb_add(out, sb_str(&words));
	sb_free(&words);
	free(copy);
	return ok;
}

static void clause_text(const char *c, strbuf *out)
{
	ticket_state st;
	/* the migration that added the report step reported the appeals answered before */
	if (strcmp(c, "upgrade") == 0)
		sb_add(out, _("answered before the report step: how it was told was not recorded"));
	else if (ticket_state_parse(c, &st))
		sb_add(out, _(ticket_state_label(st)));
	else if (!arrow_text(c, out) && !timer_text(c, out) && !fields_text(c, out))
		sb_add(out, c);
}

void app_event_summary_text(const char *summary, strbuf *out)
{
	const char *p = summary ? summary : "";
	bool first = true;
	while (*p) {
		const char *end = strstr(p, "; ");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *c = xstrndup(p, n);
		if (!first)
			sb_add(out, _("; "));
		first = false;
		clause_text(c, out);
		free(c);
		p += n + (end ? 2 : 0);
	}
}
