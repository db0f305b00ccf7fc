/* The outreach event and talent request lists' columns and cells (app/service_list.h). */
#include "app/service_list.h"

#include <inttypes.h>

#include "core/date.h"
#include "core/i18n.h"
#include "model/codes.h"

const app_column app_outreach_columns[OUT_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[OUT_COL_ID] = { "id", N_("Event"), COL_INT, 4, false, TEXT_RIGHT, 100 },
	[OUT_COL_KIND] = { "kind", N_("Event kind"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[OUT_COL_DATE] = { "date", N_("Held on"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[OUT_COL_UNIT] = { "unit", N_("Organising unit"), COL_STR, 12, false, TEXT_LEFT, 0 },
	[OUT_COL_TOPIC] = { "topic", N_("Topic"), COL_STR, 16, true, TEXT_LEFT, 0 },
	[OUT_COL_ATTENDEES] = { "attendees", N_("Attended"), COL_INT, 8, false, TEXT_RIGHT, 0 },
	[OUT_COL_PLACE] = { "place", N_("Place"), COL_STR, 16, false, TEXT_LEFT, 110 },
	[OUT_COL_PROBLEMS] = { "problems", N_("Problems"), COL_INT, 8, false, TEXT_RIGHT, 100 },
};

void app_outreach_cell(app_ctx *ctx, const outreach_rec *r, int col, app_cell_form form,
		strbuf *out)
{
	char day[11];
	switch ((outreach_col)col) {
	case OUT_COL_ID: sb_addf(out, "%" PRId64, r->id); break;
	case OUT_COL_KIND:
		sb_add(out, form == CELL_WORDS ? codes_name(app_outreach_kinds(ctx), r->kind)
		                               : r->kind);
		break;
	case OUT_COL_DATE: sb_add(out, date_format(r->date, day)); break;
	case OUT_COL_UNIT: sb_add(out, r->unit); break;
	case OUT_COL_TOPIC: sb_add(out, r->topic); break;
	case OUT_COL_ATTENDEES: sb_addf(out, "%d", r->nattendees); break;
	case OUT_COL_PLACE: sb_add(out, r->place); break;
	case OUT_COL_PROBLEMS: sb_addf(out, "%d", r->nproblems); break;
	case OUT_COL__COUNT: break;
	}
}

const app_column app_talent_columns[TAL_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[TAL_COL_ID] = { "id", N_("Request"), COL_INT, 4, false, TEXT_RIGHT, 100 },
	[TAL_COL_ENTERPRISE] = { "enterprise", N_("Enterprise"), COL_STR, 16, true, TEXT_LEFT, 0 },
	[TAL_COL_KIND] = { "kind", N_("Talent service"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[TAL_COL_STATE] = { "state", N_("State"), COL_STR, 13, false, TEXT_LEFT, 0 },
	[TAL_COL_USCC] = { "uscc", N_("Credit code"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[TAL_COL_PERSON] = { "person", N_("Talent"), COL_STR, 8, false, TEXT_LEFT, 100 },
	[TAL_COL_UNIT] = { "unit", N_("Responsible unit"), COL_STR, 12, false, TEXT_LEFT, 0 },
	[TAL_COL_APPEAL] = { "appeal", N_("Appeal"), COL_STR, 14, false, TEXT_LEFT, 120 },
};

void app_talent_cell(app_ctx *ctx, const talent_request *r, int col, app_cell_form form,
		strbuf *out)
{
	bool words = form == CELL_WORDS;
	switch ((talent_col)col) {
	case TAL_COL_ID: sb_addf(out, "%" PRId64, r->id); break;
	case TAL_COL_ENTERPRISE: sb_add(out, r->enterprise); break;
	case TAL_COL_KIND:
		sb_add(out, words ? codes_name(app_talent_kinds(ctx), r->kind) : r->kind);
		break;
	case TAL_COL_STATE:
		sb_add(out, words ? _(talent_state_label(r->state)) : talent_state_code(r->state));
		break;
	case TAL_COL_USCC: sb_add(out, r->uscc); break;
	case TAL_COL_PERSON: sb_add(out, r->person); break;
	case TAL_COL_UNIT: sb_add(out, r->unit); break;
	case TAL_COL_APPEAL: sb_add(out, r->appeal_number ? r->appeal_number : ""); break;
	case TAL_COL__COUNT: break;
	}
}

const app_column app_programme_columns[PROG_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[PROG_COL_ID] = { "id", N_("No."), COL_INT, 4, false, TEXT_RIGHT, 100 },
	[PROG_COL_ENTERPRISE] = { "enterprise", N_("Enterprise"), COL_STR, 16, true, TEXT_LEFT,
		0 },
	[PROG_COL_KIND] = { "kind", N_("Kind of programme"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[PROG_COL_SCHOOL] = { "school", N_("School"), COL_STR, 16, false, TEXT_LEFT, 0 },
	[PROG_COL_NAME] = { "programme", N_("Programme name"), COL_STR, 14, false, TEXT_LEFT,
		100 },
	[PROG_COL_PLACES] = { "places", N_("Places"), COL_INT, 5, false, TEXT_RIGHT, 0 },
	[PROG_COL_START] = { "start", N_("Starts"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[PROG_COL_END] = { "end", N_("Ends"), COL_STR, 10, false, TEXT_LEFT, 120 },
};

void app_programme_cell(const talent_programme *p, int col, app_cell_form form, strbuf *out)
{
	char day[11];
	switch ((programme_col)col) {
	case PROG_COL_ID: sb_addf(out, "%" PRId64, p->id); break;
	case PROG_COL_ENTERPRISE: sb_add(out, p->enterprise ? p->enterprise : ""); break;
	case PROG_COL_KIND:
		sb_add(out, form == CELL_WORDS ? _(talent_prog_label(p->kind))
		                               : talent_prog_code(p->kind));
		break;
	case PROG_COL_SCHOOL: sb_add(out, p->school ? p->school : ""); break;
	case PROG_COL_NAME: sb_add(out, p->name ? p->name : ""); break;
	case PROG_COL_PLACES: sb_addf(out, "%d", p->places); break;
	case PROG_COL_START:
		if (p->start != DATE_NONE)
			sb_add(out, date_format(p->start, day));
		break;
	case PROG_COL_END:
		if (p->end != DATE_NONE)
			sb_add(out, date_format(p->end, day));
		break;
	case PROG_COL__COUNT: break;
	}
}
