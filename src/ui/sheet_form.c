/* The print-a-sheet form; see sheet_form.h. */
#include "ui/sheet_form.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "core/xlsx.h"

form *sheet_form_new(shell *sh, const appeal_record *a, app_sheet_kind kind, sheet_form *sf)
{
	char *title = xasprintf(_("Print a sheet: %s (%s)"), a->number, a->enterprise_name);
	form *f = form_new(sh, title);
	xfree(&title);
	const form_option kinds[] = {
		{ "dispatch", _("Dispatch sheet (交办单)") },
		{ "supervise", _("Supervision sheet (督办单)") },
	};
	sf->fld_kind = form_add_choice(f, _("Sheet"), kinds, 2,
	                               kind == APP_SHEET_SUPERVISE ? "supervise" : "dispatch", true);
	const form_option formats[] = {
		{ "txt", _("Text to print (.txt)") },
		{ "xlsx", _("Excel workbook (.xlsx)") },
	};
	sf->fld_format = form_add_choice(f, _("Format"), formats, xlsx_available() ? 2 : 1, "txt",
	                                 true);
	char *dir = paths_documents_dir();
	sf->fld_folder = form_add_text(f, _("Folder"), dir, 1000, true);
	free(dir);
	return f;
}

bool sheet_form_save(shell *sh, form *f, const sheet_form *sf, const appeal_record *a)
{
	app_ctx *ctx = shell_ctx(sh);
	app_sheet_kind kind = strcmp(form_choice(f, sf->fld_kind), "supervise") == 0
		? APP_SHEET_SUPERVISE : APP_SHEET_DISPATCH;
	bool xlsx = strcmp(form_choice(f, sf->fld_format), "xlsx") == 0;
	char *dir = form_text(f, sf->fld_folder);
	app_sheet s;
	strbuf msg = STRBUF_INIT;
	bool ok = false;
	if (app_sheet_fill(ctx, a, kind, &s, &msg) != APP_OK) {
		form_set_error(f, sf->fld_kind, sb_str(&msg));
	} else {
		char *name = app_sheet_file_name(a, &s, xlsx);
		char *path = paths_unused(dir, name);
		if (!path) {
			char *why = xasprintf(_("%s is not a folder qifu can write to"), dir);
			form_set_error(f, sf->fld_folder, why);
			free(why);
		} else if (app_sheet_write(ctx, a, &s, xlsx, path, &msg) != APP_OK) {
			form_set_error(f, -1, sb_str(&msg));
		} else {
			shell_message(sh, "%s", sb_str(&msg));
			ok = true;
		}
		free(path);
		free(name);
		app_sheet_clear(&s);
	}
	sb_free(&msg);
	free(dir);
	return ok;
}
