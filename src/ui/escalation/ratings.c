/* The quarterly assessment's work in the Escalation pane, through the services the
 * commands call (app/rating.c, app/report_text.c): a rating typed into a form, a
 * ratings CSV checked in full and shown before [y/N], the freeze of the quarter
 * after a form that says what it does, and the report views' export to a text file
 * or a workbook under the user's documents folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "app/app.h"
#include "app/annual.h"
#include "app/rating.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/perm.h"
#include "model/unit.h"
#include "ui/escalation/private.h"

/* errors of an import the preview lists, and good rows it shows */
enum { PREVIEW_ERRORS = 50, PREVIEW_ROWS = 10 };

void escalation_form_rating(esc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_RATING_ADD, NULL))
		return;
	app_ctx *ctx = shell_ctx(p->sh);
	const unit_table *units = app_units(ctx);
	form *f = form_new(p->sh, _("Enter a rating"));
	p->fld[0] = form_add_enterprise(f, _("Enterprise"), app_db(ctx), NULL, 0, NULL, true);
	form_option *o = xcalloc((size_t)units->n + 1, sizeof *o);
	o[0] = (form_option){ "", _("(choose the unit rated)") };
	for (int i = 0; i < units->n; i++)
		o[i + 1] = (form_option){ units->v[i].name, units->v[i].name };
	p->fld[1] = form_add_choice(f, _("Unit rated"), o, units->n + 1, "", true);
	free(o);
	char code[ASSESS_QUARTER_SIZE];
	p->fld[2] = form_add_text(f, _("Quarter (e.g. 2026Q4)"),
	                          assessment_quarter_format(p->quarter, code), 6, true);
	p->fld[3] = form_add_text(f, _("Score (0-100)"), "", 3, true);
	p->fld[4] = form_add_lines(f, _("Comment"), "", ASSESS_COMMENT_MAX, 3, false);
	escalation_start_form(p, f, FP_RATING);
}

void escalation_save_rating(esc_pane *p)
{
	app_ctx *ctx = shell_ctx(p->sh);
	char *quarter = form_text(p->form, p->fld[2]);
	char *score = form_text(p->form, p->fld[3]);
	char *comment = form_text(p->form, p->fld[4]);
	strbuf why = STRBUF_INIT;
	rating_input in = { form_enterprise(p->form, p->fld[0]), form_choice(p->form, p->fld[1]),
		{ 0, 0 }, 0, comment };
	char *name = NULL;
	app_status st;
	if (!assessment_quarter_parse(quarter, &in.quarter)) {
		form_set_error(p->form, p->fld[2], _("A quarter is written like 2026Q4."));
	} else if (assessment_score_parse(score, &in.score, &why) < 0) {
		form_set_error(p->form, p->fld[3], sb_str(&why));
	} else if ((st = app_rating_check(ctx, NULL, &in, &name, &why)) != APP_OK ||
	           (st = app_rating_add(ctx, &in, 1, &why)) != APP_OK) {
		/* a refusal naming the unit (it does not serve the enterprise, it was rated
		 * already) goes under the unit, the quarter's (frozen, not begun) under it */
		form_set_error(p->form, *in.unit && strstr(sb_str(&why), in.unit) ? p->fld[1]
		               : p->fld[2], sb_str(&why));
	} else {
		char code[ASSESS_QUARTER_SIZE];
		shell_message(p->sh, _("Rating recorded: %s rates %s %d for %s"), name, in.unit,
		              in.score, assessment_quarter_format(in.quarter, code));
		p->quarter = in.quarter;
		p->lines_stale = true;
		escalation_close_form(p);
	}
	free(name);
	free(quarter);
	free(score);
	free(comment);
	sb_free(&why);
}

/* the annual view's year: what freezing it does (the same rule as qifu report year
 * --freeze, in app_year_freeze) */
static void form_freeze_year(esc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_YEAR_FREEZE, NULL))
		return;
	char *title = xasprintf(_("Freeze the annual assessment %d"), p->year);
	form *f = form_new(p->sh, title);
	free(title);
	form_add_note(f, _("Once frozen"), _("the year's scores and tiers stay as they read now"));
	form_add_note(f, _("Needs"), _("its four quarters frozen"));
	form_add_note(f, _("Undo"), _("there is none: a frozen year stays frozen"));
	const char *buttons[] = { _("Freeze"), _("Cancel") };
	form_set_buttons(f, buttons, 2, 1);
	form_set_confirm(f, false);
	escalation_start_form(p, f, FP_FREEZE);
}

void escalation_form_freeze(esc_pane *p)
{
	if (p->mode == MODE_YEAR) {
		form_freeze_year(p);
		return;
	}
	if (!shell_allowed(p->sh, PERM_QUARTER_FREEZE, NULL))
		return;
	char code[ASSESS_QUARTER_SIZE];
	assessment_quarter_format(p->quarter, code);
	char *title = xasprintf(_("Freeze quarter %s"), code);
	form *f = form_new(p->sh, title);
	free(title);
	/* a note is one line: the consequences in short ones */
	form_add_note(f, _("Once frozen"), _("its ratings are final: none is added or changed"));
	form_add_note(f, _("Where"), _("here and on the command line alike"));
	form_add_note(f, _("Undo"), _("there is none: a frozen quarter stays frozen"));
	const char *buttons[] = { _("Freeze"), _("Cancel") };
	form_set_buttons(f, buttons, 2, 1);
	form_set_confirm(f, false);
	escalation_start_form(p, f, FP_FREEZE);
}

void escalation_save_freeze(esc_pane *p)
{
	strbuf msg = STRBUF_INIT;
	/* the form came from the view it freezes */
	app_status st = p->back == MODE_YEAR ? app_year_freeze(shell_ctx(p->sh), p->year, &msg)
	                                     : app_quarter_freeze(shell_ctx(p->sh), p->quarter, &msg);
	if (st == APP_OK) {
		shell_message(p->sh, "%s", sb_str(&msg));
		p->lines_stale = true;
		escalation_close_form(p);
	} else {
		form_set_error(p->form, -1, sb_str(&msg));
	}
	sb_free(&msg);
}

/* ---- import ------------------------------------------------------------------- */

static void import_bad(void *arg, long line, const char *column, const char *why)
{
	esc_pane *p = arg;
	if (++p->imp_nbad > PREVIEW_ERRORS)
		return;
	if (column)
		sb_addf(&p->imp_errors, _("line %ld, column %s: %s"), line, column, why);
	else
		sb_addf(&p->imp_errors, _("line %ld: %s"), line, why);
	sb_addc(&p->imp_errors, '\n');
}

static void build_preview(esc_pane *p)
{
	detail *d = p->view;
	const app_rating_import *imp = &p->imp;
	detail_clear(d, false);
	char *title = xasprintf(_("Rating import preview: %s"), imp->path);
	detail_title(d, title);
	free(title);
	detail_section(d, _("File"));
	char num[32];
	snprintf(num, sizeof num, "%d", imp->n + imp->nbad);
	detail_field(d, _("Rows"), num);
	snprintf(num, sizeof num, "%d", imp->n);
	detail_field(d, _("Good"), num);
	snprintf(num, sizeof num, "%d", imp->nbad);
	detail_field(d, _("With errors"), num);
	if (*imp->ignored)
		detail_field(d, _("Columns ignored"), imp->ignored);
	if (imp->nbad) {
		detail_note(d, _("Nothing will be imported while a row has an error: fix the file and "
		                 "import it again."));
		detail_section(d, _("Errors"));
		const char *s = sb_str(&p->imp_errors);
		while (*s) {
			const char *nl = strchr(s, '\n');
			char *line = xstrndup(s, nl ? (size_t)(nl - s) : strlen(s));
			detail_item(d, line);
			free(line);
			s = nl ? nl + 1 : s + strlen(s);
		}
		if (imp->nbad > PREVIEW_ERRORS) {
			char *more = xasprintf(_("… and %ld more"), (long)(imp->nbad - PREVIEW_ERRORS));
			detail_note(d, more);
			free(more);
		}
	}
	if (imp->n) {
		detail_section(d, _("First rows"));
		for (int i = 0; i < imp->n && i < PREVIEW_ROWS; i++) {
			char code[ASSESS_QUARTER_SIZE];
			char *line = xasprintf(_("line %ld: %s rates %s %d for %s"), imp->lines[i],
			                       imp->names[i], imp->in[i].unit, imp->in[i].score,
			                       assessment_quarter_format(imp->in[i].quarter, code));
			detail_item(d, line);
			free(line);
		}
		if (imp->n > PREVIEW_ROWS) {
			char *more = xasprintf(_("… and %ld more"), (long)(imp->n - PREVIEW_ROWS));
			detail_note(d, more);
			free(more);
		}
	}
}

void escalation_import_drop(esc_pane *p)
{
	if (p->have_imp)
		app_rating_import_free(&p->imp);
	p->have_imp = false;
	sb_reset(&p->imp_errors);
	p->imp_nbad = 0;
}

static void import_done(void *arg, const char *text)
{
	esc_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Import cancelled"));
		return;
	}
	escalation_import_drop(p);
	strbuf err = STRBUF_INIT;
	if (app_rating_import_read(shell_ctx(p->sh), text, import_bad, p, &p->imp, &err) != APP_OK) {
		shell_error(p->sh, _("%s; nothing imported"), sb_str(&err));
		app_rating_import_free(&p->imp);
	} else {
		p->have_imp = true;
		build_preview(p);
		p->back = p->mode;
		p->mode = MODE_PREVIEW;
	}
	sb_free(&err);
	shell_dirty_pane(p->sh);
}

void escalation_import_start(esc_pane *p)
{
	if (shell_allowed(p->sh, PERM_RATING_ADD, NULL))
		shell_prompt(p->sh, _("Import ratings from (CSV file): "), "", import_done, p);
}

bool escalation_import_can(const esc_pane *p)
{
	return p->have_imp && p->imp.nbad == 0 && p->imp.n > 0;
}

void escalation_import_finish(esc_pane *p, bool yes)
{
	if (yes && escalation_import_can(p)) {
		strbuf why = STRBUF_INIT;
		if (app_rating_add(shell_ctx(p->sh), p->imp.in, p->imp.n, &why) != APP_OK)
			shell_error(p->sh, _("%s: %s; nothing imported"), p->imp.path, sb_str(&why));
		else
			shell_message(p->sh, P_("Imported %d rating from %s", "Imported %d ratings from %s",
			                        (unsigned long)p->imp.n), p->imp.n, p->imp.path);
		sb_free(&why);
		p->lines_stale = true;
	} else {
		shell_message(p->sh, "%s", _("Nothing imported"));
	}
	escalation_import_drop(p);
	p->mode = p->back;
}

/* ---- export ------------------------------------------------------------------- */

/* whether path ends in ext ("xlsx") after a dot, in any case */
static bool has_ext(const char *path, const char *ext)
{
	const char *dot = strrchr(path, '.');
	return dot && strchr(dot, '/') == NULL && strcasecmp(dot + 1, ext) == 0;
}

static void export_done(void *arg, const char *text)
{
	esc_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Export cancelled"));
		return;
	}
	bool xlsx = has_ext(text, "xlsx");
	struct stat sb;
	if (!xlsx && !has_ext(text, "txt")) {
		shell_error(p->sh, _("%s: a report is written as .txt (text to print) or .xlsx "
		                     "(a workbook)"), text);
	} else if (xlsx && !xlsx_available()) {
		shell_error(p->sh, "%s", _("This build cannot write .xlsx; write .txt instead."));
	} else if (stat(text, &sb) == 0) {
		shell_error(p->sh, _("%s exists already: give the report another name"), text);
	} else {
		report_spec r = escalation_report_spec(p);
		strbuf msg = STRBUF_INIT;
		if (report_write(shell_ctx(p->sh), &r, xlsx, text, &msg) == APP_OK)
			shell_message(p->sh, "%s", sb_str(&msg));
		else
			shell_error(p->sh, _("%s; nothing written to %s"), sb_str(&msg), text);
		sb_free(&msg);
	}
}

void escalation_export_start(esc_pane *p)
{
	if (!shell_allowed(p->sh, PERM_REPORT_VIEW, NULL))
		return;
	report_spec r = escalation_report_spec(p);
	bool xlsx = xlsx_available();
	char *dir = paths_documents_dir();
	char *name = report_file_name(&r, xlsx);
	/* a name no file has yet, when the folder is there to look in */
	char *path = paths_unused(dir, name);
	if (!path)
		path = xasprintf("%s/%s", dir, name);
	shell_prompt(p->sh, xlsx ? _("Export the report to (.xlsx or .txt): ")
	                         : _("Export the report to (.txt): "), path, export_done, p);
	free(path);
	free(name);
	free(dir);
}
