/* The Services tab (服务): the service duties beside appeals. Three views that v
 * goes through: 宣讲活动, the outreach events (Enter opens one with who attended and
 * the problems raised), 人才服务, the talent service requests, and 校企合作, the
 * school–enterprise programmes (订单班, 冠名班, 厂中校). Every read and every
 * rule is src/app's, as for qifu outreach and qifu talent. */
#include <stdlib.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/panes.h"
#include "ui/services/private.h"

static void *create(shell *sh)
{
	svc_pane *p = xcalloc(1, sizeof *p);
	p->sh = sh;
	p->mode = SVC_EVENTS;
	p->view = detail_new();
	services_lists_create(p);
	return p;
}

static void destroy(void *state)
{
	svc_pane *p = state;
	services_lists_destroy(p);
	detail_free(&p->view);
	form_free(&p->form);
	talent_programme_clear(&p->prog);
	services_sheet_free(p);
	free(p->hint);
	free(p);
}

static void recalc(void *state, ui_rect r)
{
	svc_pane *p = state;
	if (p->mode == SVC_FORM)
		form_recalc(p->form, r);
	else if (p->mode == SVC_EVENT_VIEW || p->mode == SVC_SHEET_PREVIEW)
		detail_recalc(p->view, r);
	else
		services_lists_recalc(p, r);
}

static void repaint(void *state, ui_rect r)
{
	svc_pane *p = state;
	if (p->mode == SVC_FORM)
		form_repaint(p->form, r);
	else if (p->mode == SVC_EVENT_VIEW || p->mode == SVC_SHEET_PREVIEW)
		detail_repaint(p->view, r, false);
	else
		services_lists_repaint(p, r);
}

static unsigned view_event(svc_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_BACK: case ACT_CANCEL:
		p->mode = SVC_EVENTS;
		/* the counts may have changed meanwhile */
		lv_invalidate(p->ev_lv);
		return REACT_RECALC;
	case ACT_REFRESH:
		if (!services_open_event(p, p->event_id, true)) {
			p->mode = SVC_EVENTS;
			lv_invalidate(p->ev_lv);
		}
		return REACT_RECALC;
	case ACT_NEW:
		services_form_problem(p);
		return REACT_RECALC;
	case ACT_EDIT:
		services_form_attend(p);
		return REACT_RECALC;
	case ACT_IMPORT:
		services_sheet_start(p);
		return REACT_RECALC;
	default:
		return detail_handle(p->view, ev->act);
	}
}

static unsigned list_event(svc_pane *p, const pane_event *ev)
{
	switch (ev->act) {
	case ACT_NEXT_VIEW:
		p->mode = p->mode == SVC_EVENTS ? SVC_TALENT
		        : p->mode == SVC_TALENT ? SVC_PROGRAMMES : SVC_EVENTS;
		/* read again: the records change on the command line and in the 360 view */
		lv_invalidate(services_list(p));
		return REACT_RECALC;
	case ACT_OPEN: {
		if (p->mode != SVC_EVENTS)
			return REACT_NONE;
		const outreach_rec *row = services_event_row(p);
		if (row)
			services_open_event(p, row->id, false);
		return REACT_RECALC;
	}
	case ACT_NEW:
		if (p->mode == SVC_EVENTS)
			services_form_event(p);
		else if (p->mode == SVC_TALENT)
			services_form_request(p);
		else
			services_form_programme(p);
		return REACT_RECALC;
	case ACT_EDIT: {
		const talent_programme *row = p->mode == SVC_PROGRAMMES ? services_programme_row(p)
		                                                        : NULL;
		if (row)
			services_form_programme_edit(p, row);
		return REACT_RECALC;
	}
	case ACT_MOVE: {
		const talent_request *row = p->mode == SVC_TALENT ? services_request_row(p) : NULL;
		if (row)
			services_form_move(p, row);
		return REACT_RECALC;
	}
	case ACT_REFRESH:
		lv_invalidate(services_list(p));
		return REACT_RECALC;
	case ACT_NEXT_TAB: case ACT_PREV_TAB:
		return REACT_UNHANDLED;
	default:
		return lv_handle(services_list(p), ev->act);
	}
}

static unsigned handle(void *state, const pane_event *ev)
{
	svc_pane *p = state;
	if (p->mode == SVC_FORM)
		return services_form_key(p, ev);
	if (p->mode == SVC_SHEET_PREVIEW) {
		bool yes = false;
		unsigned r = detail_question_key(p->view, ev, &yes);
		if (r == REACT_CLOSE) {
			services_sheet_finish(p, yes);
			return REACT_RECALC;
		}
		return r;
	}
	if (p->mode == SVC_EVENT_VIEW)
		return view_event(p, ev);
	return list_event(p, ev);
}

static bool offers(void *state, action a)
{
	svc_pane *p = state;
	switch (a) {
	case ACT_REFRESH:
		return p->mode != SVC_FORM && p->mode != SVC_SHEET_PREVIEW;
	case ACT_IMPORT:
		return p->mode == SVC_EVENT_VIEW;
	case ACT_NEXT_VIEW:
		return p->mode == SVC_EVENTS || p->mode == SVC_TALENT || p->mode == SVC_PROGRAMMES;
	case ACT_NEW:
		return p->mode != SVC_FORM && p->mode != SVC_SHEET_PREVIEW;
	case ACT_EDIT:
		return p->mode == SVC_EVENT_VIEW || p->mode == SVC_PROGRAMMES;
	case ACT_MOVE:
		return p->mode == SVC_TALENT;
	default:
		return false;
	}
}

static const char *hint(void *state)
{
	svc_pane *p = state;
	char k1[16], k2[16];
	free(p->hint);
	p->hint = NULL;
	switch (p->mode) {
	case SVC_FORM:
		return form_hint(p->form);
	case SVC_EVENT_VIEW: {
		char k3[16], k4[16];
		shell_key_name(p->sh, ACT_CANCEL, k1);
		shell_key_name(p->sh, ACT_NEW, k2);
		shell_key_name(p->sh, ACT_EDIT, k3);
		shell_key_name(p->sh, ACT_IMPORT, k4);
		p->hint = xasprintf(_("%s back to the events, %s a problem raised, %s who attended, %s "
		                      "a sign-in sheet"), k1, k2, k3, k4);
		break;
	}
	case SVC_SHEET_PREVIEW:
		p->hint = xstrdup(p->sheet_named > 0 ? _("y records them, any other key goes back")
		                                     : _("Nothing can be recorded: any key goes back"));
		break;
	case SVC_TALENT:
	{
		char k3[16];
		shell_key_name(p->sh, ACT_NEW, k1);
		shell_key_name(p->sh, ACT_MOVE, k2);
		shell_key_name(p->sh, ACT_NEXT_VIEW, k3);
		p->hint = xasprintf(_("%s new request, %s move it, %s school–enterprise programmes"),
		                    k1, k2, k3);
		break;
	}
	case SVC_PROGRAMMES:
	{
		char k3[16];
		shell_key_name(p->sh, ACT_NEW, k1);
		shell_key_name(p->sh, ACT_EDIT, k2);
		shell_key_name(p->sh, ACT_NEXT_VIEW, k3);
		p->hint = xasprintf(_("%s new programme, %s change it, %s outreach events"), k1, k2,
		                    k3);
		break;
	}
	default: {
		char k3[16];
		shell_key_name(p->sh, ACT_OPEN, k1);
		shell_key_name(p->sh, ACT_NEW, k2);
		shell_key_name(p->sh, ACT_NEXT_VIEW, k3);
		p->hint = xasprintf(_("%s open the event, %s new event, %s talent services"), k1, k2,
		                    k3);
		break;
	}
	}
	return p->hint;
}

static bool caret(void *state, int *y, int *x)
{
	svc_pane *p = state;
	return p->mode == SVC_FORM && form_caret(p->form, y, x);
}

static bool modal(void *state)
{
	svc_pane *p = state;
	return p->mode == SVC_FORM || p->mode == SVC_SHEET_PREVIEW;
}

const pane_ops pane_services = {
	.create = create,
	.destroy = destroy,
	.recalc = recalc,
	.repaint = repaint,
	.handle = handle,
	.offers = offers,
	.caret = caret,
	.hint = hint,
	.modal = modal,
};
