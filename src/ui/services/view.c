/* One outreach event as the Services pane shows it: what was held, when, where and by
 * whom, the enterprises that attended and the problems raised, each with the appeal
 * it became. Read through app_outreach_get, as qifu outreach show reads it. */
#include <inttypes.h>
#include <stdlib.h>

#include "app/app.h"
#include "app/outreach.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/codes.h"
#include "ui/services/private.h"

static void fill(svc_pane *p, const outreach_rec *r, bool keep_scroll)
{
	detail *d = p->view;
	char day[11];
	detail_clear(d, keep_scroll);
	char *title = xasprintf(_("Outreach event %" PRId64 ": %s"), r->id, r->topic);
	detail_title(d, title);
	free(title);
	detail_section(d, _("The event"));
	detail_field(d, _("Event kind"), codes_name(app_outreach_kinds(shell_ctx(p->sh)), r->kind));
	detail_field(d, _("Held on"), date_format(r->date, day));
	detail_field(d, _("Place"), r->place);
	detail_field(d, _("Organising unit"), r->unit);
	detail_field(d, _("Topic"), r->topic);
	if (*r->policies)
		detail_field(d, _("Policies presented"), r->policies);
	char *head = xasprintf(_("Attended (%d)"), r->nattendees);
	detail_section(d, head);
	free(head);
	if (r->nattendees == 0)
		detail_note(d, _("No enterprise is recorded as attending."));
	for (int i = 0; i < r->nattendees; i++) {
		const outreach_attendee *a = &r->attendees[i];
		char *line = xasprintf("%s  %s  %s", a->name, a->uscc, a->area);
		detail_item(d, line);
		free(line);
	}
	head = xasprintf(_("Problems raised (%d)"), r->nproblems);
	detail_section(d, head);
	free(head);
	if (r->nproblems == 0)
		detail_note(d, _("No problem was raised."));
	for (int i = 0; i < r->nproblems; i++) {
		const outreach_problem *q = &r->problems[i];
		char *line = q->appeal_number
			? xasprintf(_("%d. %s: %s (appeal %s)"), q->seq, q->enterprise, q->text,
			            q->appeal_number)
			: xasprintf(_("%d. %s: %s (not an appeal yet)"), q->seq, q->enterprise, q->text);
		detail_item(d, line);
		free(line);
	}
}

bool services_open_event(svc_pane *p, int64_t id, bool keep_scroll)
{
	outreach_rec r = { 0 };
	strbuf err = STRBUF_INIT;
	int rc = app_outreach_get(shell_ctx(p->sh), id, &r, &err);
	if (rc != 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		sb_free(&err);
		return false;
	}
	sb_free(&err);
	fill(p, &r, keep_scroll);
	outreach_rec_clear(&r);
	p->event_id = id;
	p->mode = SVC_EVENT_VIEW;
	return true;
}
