/* Export and import in the Enterprises pane, through the functions the command line
 * uses (app/ent_io.c): the path prompts, progress on the status line with Esc to
 * cancel, the overwrite question, and the import's preview before [y/N]. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/perm.h"
#include "ui/enterprises/list.h"
#include "ui/enterprises/private.h"

/* errors of an import the preview lists, and good rows it shows */
#define PREVIEW_ERRORS 50

static bool tui_progress(void *arg, ent_io_phase phase, long done, long total)
{
	ent_pane *p = arg;
	char esc[16];
	shell_key_name(p->sh, ACT_CANCEL, esc);
	long pct = total > 0 ? done * 100 / total : 100;
	char *text;
	if (phase == ENT_IO_CHECK)
		text = xasprintf(_("Checking… %ld%%  %s cancels"), pct, esc);
	else if (phase == ENT_IO_EXPORT)
		text = xasprintf(_("Exporting… %ld/%ld (%ld%%)  %s cancels"), done, total, pct, esc);
	else if (phase == ENT_IO_INDEX)
		text = xasprintf(_("Building the search index of %ld enterprises…"), done);
	else
		text = xasprintf(_("Importing… %ld%%  %s cancels"), pct, esc);
	bool cancel = shell_progress(p->sh, text);
	xfree(&text);
	p->cancelled = p->cancelled || cancel;
	return cancel;
}

/* the outcome of long work that failed: a cancel is news, anything else an error */
static void work_failed(ent_pane *p, const char *msg)
{
	if (p->cancelled)
		shell_message(p->sh, "%s", msg);
	else
		shell_error(p->sh, "%s", msg);
}

void enterprises_export_now(ent_pane *p, const char *path)
{
	long rows = 0;
	strbuf err = STRBUF_INIT;
	p->cancelled = false;
	if (ent_export_write(shell_ctx(p->sh), &p->filter, p->sort, p->desc, path, tui_progress, p,
	                     &rows, &err) < 0) {
		char *msg = xasprintf(_("%s; nothing written to %s"), sb_str(&err), path);
		work_failed(p, msg);
		xfree(&msg);
	}
	else
		shell_message(p->sh, P_("Exported %ld enterprise -> %s", "Exported %ld enterprises -> %s",
		                        (unsigned long)rows), rows, path);
	sb_free(&err);
}

static void export_done(void *arg, const char *text)
{
	ent_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Export cancelled"));
		return;
	}
	bool xlsx;
	strbuf err = STRBUF_INIT;
	struct stat sbuf;
	if (ent_export_check_path(text, &xlsx, &err) < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
	} else if (stat(text, &sbuf) == 0) {
		/* an existing file is replaced only when the user says so */
		xfree(&p->export_path);
		p->export_path = xstrdup(text);
		shell_message(p->sh, _("%s exists. Replace it? [y/N]"), text);
	} else {
		enterprises_export_now(p, text);
	}
	sb_free(&err);
}

void enterprises_export_start(ent_pane *p)
{
	if (!shell_allowed(p->sh, PERM_ENT_EXPORT, NULL))
		return;
	char *name = entlist_export_name(shell_ctx(p->sh)->today, xlsx_available());
	shell_prompt(p->sh, _("Export the list to (.xlsx or .csv): "), name, export_done, p);
	xfree(&name);
}

/* one line of the preview's errors or warnings, the first PREVIEW_ERRORS kept */
static void note_row(struct imp_notes *notes, const csv_row *row, const char *column,
                     const char *why)
{
	if (++notes->n > PREVIEW_ERRORS)
		return;
	if (column)
		sb_addf(&notes->text, _("line %ld, column %s: %s"), row->line, column, why);
	else
		sb_addf(&notes->text, _("line %ld: %s"), row->line, why);
	sb_addc(&notes->text, '\n');
}

static void import_bad(void *arg, const csv_row *row, const char *column, const char *why)
{
	note_row(&((ent_pane *)arg)->imp_errors, row, column, why);
}

static void import_warn(void *arg, const csv_row *row, const char *column, const char *why)
{
	note_row(&((ent_pane *)arg)->imp_warnings, row, column, why);
}

static void import_good(void *arg, long line, const ent_record *e)
{
	ent_pane *p = arg;
	if (p->nfirst == IMPORT_PREVIEW_ROWS)
		return;
	ent_record_copy(&p->imp_first[p->nfirst].e, e);
	p->imp_first[p->nfirst++].line = line;
}

/* a section of the preview listing notes, with how many more there were */
static void preview_notes(detail *d, const char *title, const struct imp_notes *notes)
{
	detail_section(d, title);
	detail_items_more(d, sb_str(&notes->text), notes->n, PREVIEW_ERRORS);
}

static void build_preview(ent_pane *p)
{
	detail *d = p->view;
	ent_import_result *imp = &p->imp;
	detail_clear(d, false);
	char *title = xasprintf(_("Import preview: %s"), imp->path);
	detail_title(d, title);
	xfree(&title);
	detail_section(d, _("File"));
	if (imp->sheet)
		detail_field(d, _("Worksheet"), imp->sheet);
	else
		detail_field(d, _("Encoding"), imp->encoding);
	char num[32];
	snprintf(num, sizeof num, "%ld", imp->rows);
	detail_field(d, _("Rows"), num);
	snprintf(num, sizeof num, "%ld", imp->ngood);
	detail_field(d, _("Good"), num);
	snprintf(num, sizeof num, "%ld", imp->nbad);
	detail_field(d, _("With errors"), num);
	if (imp->nwarn) {
		snprintf(num, sizeof num, "%ld", imp->nwarn);
		detail_field(d, _("With warnings"), num);
	}
	if (imp->nbad) {
		detail_note(d, _("Nothing will be imported while a row has an error: fix the file and "
		                 "import it again (on the command line --skip-bad imports the good rows "
		                 "and sets the bad ones aside)."));
		preview_notes(d, _("Errors"), &p->imp_errors);
	}
	if (imp->nwarn) {
		detail_note(d, _("A row with a warning is imported with that field left empty."));
		preview_notes(d, _("Warnings"), &p->imp_warnings);
	}
	if (imp->ngood) {
		detail_section(d, _("First rows"));
		for (int i = 0; i < p->nfirst; i++) {
			const ent_record *e = &p->imp_first[i].e;
			char *line = xasprintf(_("line %ld: %s  %s  %s  %s, lead unit %s"), p->imp_first[i].line,
			                       e->name, e->uscc, e->area,
			                       enterprises_category_label(p, e->category, false),
			                       e->lead_unit);
			detail_item(d, line);
			xfree(&line);
		}
		if (imp->ngood > p->nfirst) {
			char *more = xasprintf(_("… and %ld more"), imp->ngood - p->nfirst);
			detail_note(d, more);
			xfree(&more);
		}
	}
}

void enterprises_import_drop(ent_pane *p)
{
	if (p->have_imp)
		ent_import_free(&p->imp);
	p->have_imp = false;
	for (int i = 0; i < p->nfirst; i++)
		ent_record_clear(&p->imp_first[i].e);
	p->nfirst = 0;
	sb_reset(&p->imp_errors.text);
	p->imp_errors.n = 0;
	sb_reset(&p->imp_warnings.text);
	p->imp_warnings.n = 0;
}

static void import_done(void *arg, const char *text)
{
	ent_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Import cancelled"));
		return;
	}
	enterprises_import_drop(p);
	ent_import_hooks hooks = { .bad = import_bad, .warn = import_warn, .good = import_good,
	                           .progress = tui_progress, .arg = p };
	strbuf err = STRBUF_INIT;
	p->cancelled = false;
	int rc = ent_import_run(shell_ctx(p->sh), text, NULL, ENT_IMPORT_CHECK, &hooks, &p->imp,
	                        &err);
	p->have_imp = true;
	if (rc < 0) {
		work_failed(p, sb_str(&err));
		enterprises_import_drop(p);
	} else {
		build_preview(p);
		p->mode = MODE_PREVIEW;
	}
	sb_free(&err);
	shell_dirty_pane(p->sh);
}

void enterprises_import_start(ent_pane *p)
{
	if (shell_allowed(p->sh, PERM_ENT_IMPORT, NULL))
		shell_prompt(p->sh, _("Import enterprises from (CSV or xlsx file): "), "", import_done, p);
}

void enterprises_import_finish(ent_pane *p, bool yes)
{
	bool can = p->imp.nbad == 0 && p->imp.ngood > 0;
	if (yes && can) {
		strbuf err = STRBUF_INIT;
		p->cancelled = false;
		/* the file is read again and written as it is now: should it have changed
		 * since the preview and gained a bad row, nothing is written */
		ent_import_result now;
		ent_import_hooks hooks = { .progress = tui_progress, .arg = p };
		int rc = ent_import_run(shell_ctx(p->sh), p->imp.path, NULL, ENT_IMPORT_ALL, &hooks,
		                        &now, &err);
		if (rc == 0 && !now.written)
			sb_addf(&err, P_("%s: %ld bad row; nothing imported (fix it, or use --skip-bad FILE)",
			                 "%s: %ld bad rows; nothing imported (fix them, or use --skip-bad FILE)",
			                 now.nbad), now.path, now.nbad);
		if (rc < 0 || !now.written) {
			work_failed(p, sb_str(&err));
		} else if (now.nwarn) {
			shell_message(p->sh, P_("Imported %ld enterprise from %s, %ld with a field left empty",
			                        "Imported %ld enterprises from %s, %ld with a field left empty",
			                        (unsigned long)now.ngood),
			              now.ngood, now.path, now.nwarn);
		} else {
			shell_message(p->sh, P_("Imported %ld enterprise from %s",
			                        "Imported %ld enterprises from %s", (unsigned long)now.ngood),
			              now.ngood, now.path);
		}
		ent_import_free(&now);
		sb_free(&err);
		lv_invalidate(p->lv);
	} else {
		shell_message(p->sh, "%s", _("Nothing imported"));
	}
	enterprises_import_drop(p);
	p->mode = MODE_LIST;
}
