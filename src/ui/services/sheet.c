/* A sign-in sheet imported into an outreach event from the Services pane: I in the
 * event's view asks for the file (CSV or xlsx), reads it once as a check
 * (app_outreach_sheet, ENT_IMPORT_CHECK: nothing written) and shows a preview: how
 * many lines, how many enterprises they name (matched by credit code, else by exact
 * registered name) and every line that names none; y records the enterprises named
 * as attending (ENT_IMPORT_GOOD, the unmatched lines only reported), any other key
 * goes back with nothing recorded. The reading and matching are the command's
 * (qifu outreach attend --sheet). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "app/outreach.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "ui/services/private.h"

/* the unmatched lines the preview lists; the rest are counted */
enum { SHEET_PREVIEW_BAD = 50 };

static void sheet_bad(void *arg, long line, const char *why)
{
	svc_pane *p = arg;
	if (++p->sheet_nbad > SHEET_PREVIEW_BAD)
		return;
	sb_addf(&p->sheet_bad, _("line %ld: %s"), line, why);
	sb_addc(&p->sheet_bad, '\n');
}

static void build_preview(svc_pane *p, const outreach_sheet_result *res)
{
	detail *d = p->view;
	detail_clear(d, false);
	char *title = xasprintf(_("Sign-in sheet for outreach event %" PRId64 ": %s"), p->event_id,
	                        p->sheet_path);
	detail_title(d, title);
	free(title);
	detail_section(d, _("File"));
	detail_field(d, _("Read as"), res->encoding);
	char num[32];
	snprintf(num, sizeof num, "%ld", res->lines);
	detail_field(d, _("Lines"), num);
	snprintf(num, sizeof num, "%d", res->named);
	detail_field(d, _("Enterprises named"), num);
	snprintf(num, sizeof num, "%ld", res->bad);
	detail_field(d, _("Lines naming no enterprise"), num);
	if (res->bad) {
		detail_section(d, _("Not matched (not recorded)"));
		detail_items_more(d, sb_str(&p->sheet_bad), res->bad, SHEET_PREVIEW_BAD);
	}
	detail_section(d, _("Confirm"));
	if (res->named) {
		char *q = xasprintf(P_("y records the %d enterprise named as attending (one already "
		                       "recorded stays once); any other key goes back, nothing "
		                       "recorded.",
		                       "y records the %d enterprises named as attending (those "
		                       "already recorded stay once); any other key goes back, "
		                       "nothing recorded.", (unsigned long)res->named), res->named);
		detail_note(d, q);
		free(q);
	} else {
		detail_note(d, _("No line names an enterprise of the register: nothing can be "
		                 "recorded; any key goes back."));
	}
	p->sheet_named = res->named;
}

static void sheet_done(void *arg, const char *text)
{
	svc_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Import cancelled"));
		return;
	}
	free(p->sheet_path);
	p->sheet_path = xstrdup(text);
	sb_reset(&p->sheet_bad);
	p->sheet_nbad = 0;
	outreach_sheet_result res;
	strbuf err = STRBUF_INIT;
	if (app_outreach_sheet(shell_ctx(p->sh), p->event_id, p->sheet_path, ENT_IMPORT_CHECK,
	                       sheet_bad, p, &res, &err) < 0) {
		shell_error(p->sh, _("%s; nothing recorded"), sb_str(&err));
	} else {
		build_preview(p, &res);
		p->mode = SVC_SHEET_PREVIEW;
	}
	sb_free(&err);
	shell_dirty_pane(p->sh);
}

void services_sheet_start(svc_pane *p)
{
	if (shell_allowed(p->sh, PERM_OUTREACH_EDIT, NULL))
		shell_prompt(p->sh, _("Import a sign-in sheet from (CSV or xlsx): "), "", sheet_done, p);
}

void services_sheet_finish(svc_pane *p, bool yes)
{
	if (yes && p->sheet_named > 0) {
		outreach_sheet_result res;
		strbuf err = STRBUF_INIT;
		if (app_outreach_sheet(shell_ctx(p->sh), p->event_id, p->sheet_path, ENT_IMPORT_GOOD,
		                       NULL, NULL, &res, &err) < 0)
			shell_error(p->sh, _("%s; nothing recorded"), sb_str(&err));
		else
			shell_message(p->sh, P_("%s: %d enterprise named, %d newly recorded as attending",
			                        "%s: %d enterprises named, %d newly recorded as attending",
			                        (unsigned long)res.named), p->sheet_path, res.named,
			              res.added);
		sb_free(&err);
	} else {
		shell_message(p->sh, "%s", _("Nothing recorded"));
	}
	if (!services_open_event(p, p->event_id, false)) {
		p->mode = SVC_EVENTS;
		lv_invalidate(p->ev_lv);
	}
}

void services_sheet_free(svc_pane *p)
{
	sb_free(&p->sheet_bad);
	xfree(&p->sheet_path);
}
