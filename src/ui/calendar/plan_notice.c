/* F7 in a plan's detail prints its inspection notice (入企检查告知单): a form naming what
 * is written and the folder it goes to, the user's documents folder to start with, as
 * the appeal sheets do (ui/sheet_form.c). The notice is app/inspection_notice.c's, the
 * same text `qifu inspect notice` prints; a second print gets "-2" rather than replacing
 * the first. */
#include <stdlib.h>

#include "app/inspection_notice.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "ui/calendar/private.h"

void calendar_notice_form(cal_pane *p)
{
	if (!p->have_plan)
		return;
	/* a plan without a valid code has no notice: say why, as the command does */
	qr_art art;
	strbuf why = STRBUF_INIT;
	app_status st = inspection_qr(&p->plan, 0, &art, &why);
	qr_art_clear(&art);
	if (st != APP_OK) {
		shell_error(p->sh, "%s", sb_str(&why));
		sb_free(&why);
		return;
	}
	sb_free(&why);
	char *title = xasprintf(_("Print the notice of inspection %lld (%s)"), (long long)p->plan.id,
	                        p->plan.code);
	calendar_open_form(p, title, CP_NOTICE);
	xfree(&title);
	/* a note is one line: this fits the form at 80 columns */
	form_add_note(p->form, _("Contents"),
	              _("the plan, its QR code and the enterprise's rights; text to print"));
	char *name = inspection_notice_file_name(&p->plan);
	form_add_note(p->form, _("File"), name);
	xfree(&name);
	char *dir = paths_documents_dir();
	p->fld[0] = form_add_text(p->form, _("Folder"), dir, 1000, true);
	free(dir);
}

void calendar_notice_save(cal_pane *p)
{
	char *dir = form_text(p->form, p->fld[0]);
	char *name = inspection_notice_file_name(&p->plan);
	char *path = paths_unused(dir, name);
	strbuf msg = STRBUF_INIT;
	if (!path) {
		char *why = xasprintf(_("%s is not a folder qifu can write to"), dir);
		form_set_error(p->form, p->fld[0], why);
		free(why);
	} else if (inspection_notice_write(calendar_ctx(p), &p->plan, p->reasons,
	                                   inspection_qr_width(), path, &msg) != APP_OK) {
		form_set_error(p->form, -1, sb_str(&msg));
	} else {
		shell_message(p->sh, "%s", sb_str(&msg));
		/* back to the detail as it was, scrolled where it was */
		calendar_forms_drop(p);
		p->mode = p->back;
	}
	sb_free(&msg);
	free(path);
	free(name);
	free(dir);
}
