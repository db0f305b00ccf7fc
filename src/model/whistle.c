/* The whistle's rules (model/whistle.h): codes and words, the report-in deadline on
 * the working-day calendar, the state of a whistle on a day, the checks. */
#include "model/whistle.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "model/field.h"

void whistle_rec_clear(whistle_rec *w)
{
	free(w->enterprise);
	free(w->uscc);
	free(w->area);
	free(w->commissioner);
	free(w->commissioner_name);
	free(w->unit);
	free(w->lead_unit);
	free(w->caller);
	free(w->text);
	free(w->report);
	free(w->reported_by);
	free(w->appeal_number);
	free(w->created_by);
	free(w->created_at);
	memset(w, 0, sizeof *w);
}

static const struct {
	const char *code, *label;
	appeal_channel channel;
} vias[WHISTLE_VIA__COUNT] = {
	[WHISTLE_VIA_PHONE] = { "phone", N_("by phone"), APPEAL_CH_PHONE },
	[WHISTLE_VIA_VISIT] = { "visit", N_("in person"), APPEAL_CH_VISIT },
	[WHISTLE_VIA_MESSAGE] = { "message", N_("by message"), APPEAL_CH_ONLINE },
};

const char *whistle_via_code(whistle_via v)
{
	return (unsigned)v < WHISTLE_VIA__COUNT ? vias[v].code : "?";
}

const char *whistle_via_label(whistle_via v)
{
	return (unsigned)v < WHISTLE_VIA__COUNT ? vias[v].label : "?";
}

bool whistle_via_parse(const char *code, whistle_via *out)
{
	for (int i = 0; code && i < WHISTLE_VIA__COUNT; i++)
		if (strcmp(code, vias[i].code) == 0) {
			*out = (whistle_via)i;
			return true;
		}
	return false;
}

appeal_channel whistle_via_channel(whistle_via v)
{
	return (unsigned)v < WHISTLE_VIA__COUNT ? vias[v].channel : APPEAL_CH_PHONE;
}

static const struct {
	const char *code, *label;
} states[WHISTLE_ST__COUNT] = {
	[WHISTLE_ST_WAITING] = { "waiting", N_("waiting for report-in") },
	[WHISTLE_ST_OVERDUE] = { "overdue", N_("overdue, not reported in") },
	[WHISTLE_ST_REPORTED] = { "reported", N_("reported in") },
	[WHISTLE_ST_LATE] = { "late", N_("reported in late") },
};

const char *whistle_state_code(whistle_state s)
{
	return (unsigned)s < WHISTLE_ST__COUNT ? states[s].code : "?";
}

const char *whistle_state_label(whistle_state s)
{
	return (unsigned)s < WHISTLE_ST__COUNT ? states[s].label : "?";
}

bool whistle_state_parse(const char *code, whistle_state *out)
{
	for (int i = 0; code && i < WHISTLE_ST__COUNT; i++)
		if (strcmp(code, states[i].code) == 0) {
			*out = (whistle_state)i;
			return true;
		}
	return false;
}

qdate whistle_report_due(const calendar *cal, qdate called, int report_days)
{
	if (called == DATE_NONE)
		return DATE_NONE;
	return calendar_add(cal, called, report_days > 0 ? report_days : 0);
}

whistle_state whistle_state_on(qdate due, qdate reported, qdate today)
{
	if (reported != DATE_NONE)
		return reported > due ? WHISTLE_ST_LATE : WHISTLE_ST_REPORTED;
	return today > due ? WHISTLE_ST_OVERDUE : WHISTLE_ST_WAITING;
}

const char *whistle_may_report(const char *login, const char *unit, role_t role,
		const char *commissioner, const char *commissioner_unit)
{
	if (role == ROLE_SUPERVISOR || role == ROLE_ADMIN)
		return NULL;
	if (login && commissioner && strcmp(login, commissioner) == 0)
		return NULL;
	if (role == ROLE_LEADER)
		return N_("leaders do not report in on whistles: the commissioner does");
	if (unit && commissioner_unit && strcmp(unit, commissioner_unit) == 0)
		return NULL;
	return N_("only the commissioner, a colleague of their unit, or a supervisor may report "
	          "in on this whistle");
}

int whistle_validate(whistle_rec *w, qdate today, strbuf *err)
{
	if (field_clean(&w->caller, N_("who called"), WHISTLE_CALLER_MAX, true, err) < 0 ||
	    field_clean(&w->text, N_("what the enterprise asked"), WHISTLE_TEXT_MAX, true,
	                err) < 0)
		return -1;
	if ((unsigned)w->via >= WHISTLE_VIA__COUNT) {
		sb_add(err, _("say how the enterprise called: phone, visit or message"));
		return -1;
	}
	if (w->called_on == DATE_NONE) {
		sb_addf(err, _("%s must not be empty"), _("the day of the whistle"));
		return -1;
	}
	if (w->called_on > today) {
		char d[11], t[11];
		sb_addf(err, _("the whistle's day %s lies after today (%s): record a call once it "
		               "was made"), date_format(w->called_on, d), date_format(today, t));
		return -1;
	}
	return 0;
}

int whistle_validate_report(char **report, qdate on, qdate called, qdate today, strbuf *err)
{
	if (field_clean(report, N_("what was done"), WHISTLE_REPORT_MAX, true, err) < 0)
		return -1;
	char d[11], t[11];
	if (on == DATE_NONE) {
		sb_addf(err, _("%s must not be empty"), _("the day of the report-in"));
		return -1;
	}
	if (on > today) {
		sb_addf(err, _("the report-in's day %s lies after today (%s)"), date_format(on, d),
		        date_format(today, t));
		return -1;
	}
	if (on < called) {
		sb_addf(err, _("the report-in's day %s lies before the whistle (%s)"),
		        date_format(on, d), date_format(called, t));
		return -1;
	}
	return 0;
}
