/* Work orders from other channels in the Appeals pane, through the functions the
 * command line uses (app/order_io.c): the import of a 12345 export with its preview
 * (a dry run: new, held, already registered and bad rows by line) before [y/N], and
 * the matching queue of held orders, where Enter opens the enterprise picker and the
 * enterprise picked gets the order registered as its appeal. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/order_io.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"
#include "ui/appeals/private.h"

/* lines of each section of the preview; the rest are counted */
#define PREVIEW_LINES 50

static void note(struct order_notes *s, char *line)
{
	if (++s->n <= PREVIEW_LINES) {
		sb_add(&s->text, line);
		sb_addc(&s->text, '\n');
	}
	xfree(&line);
}

static void imp_bad(void *arg, const csv_row *row, const char *column, const char *why)
{
	app_pane *p = arg;
	note(&p->imp_notes[ORDER_NOTE_BAD],
	     column ? xasprintf(_("line %ld, column %s: %s"), row->line, column, why)
	            : xasprintf(_("line %ld: %s"), row->line, why));
}

static void imp_good(void *arg, long line, const order_in *o, order_match how,
                     const char *uscc, const char *number)
{
	(void)number;
	app_pane *p = arg;
	if (order_match_held(how))
		note(&p->imp_notes[ORDER_NOTE_HELD],
		     xasprintf(_("line %ld: work order %s, %s: %s"), line, o->number,
		               *o->enterprise ? o->enterprise : o->uscc, _(order_match_label(how))));
	else
		note(&p->imp_notes[ORDER_NOTE_NEW],
		     xasprintf(_("line %ld: work order %s for %s (%s)"), line, o->number, uscc,
		               _(order_match_label(how))));
}

static void imp_known(void *arg, long line, const order_in *o)
{
	app_pane *p = arg;
	note(&p->imp_notes[ORDER_NOTE_KNOWN],
	     xasprintf(_("line %ld: work order %s"), line, o->number));
}

static bool imp_progress(void *arg, ent_io_phase phase, long done, long total)
{
	app_pane *p = arg;
	char esc[16];
	shell_key_name(p->sh, ACT_CANCEL, esc);
	long pct = total > 0 ? done * 100 / total : 100;
	char *text = phase == ENT_IO_CHECK
		? xasprintf(_("Checking… %ld%%  %s cancels"), pct, esc)
		: xasprintf(_("Importing… %ld%%  %s cancels"), pct, esc);
	bool cancel = shell_progress(p->sh, text);
	xfree(&text);
	return cancel;
}

void appeals_import_drop(app_pane *p)
{
	if (p->have_imp)
		order_import_result_free(&p->imp);
	p->have_imp = false;
	for (int i = 0; i < ORDER_NOTE__COUNT; i++) {
		sb_reset(&p->imp_notes[i].text);
		p->imp_notes[i].n = 0;
	}
}

void appeals_import_free(app_pane *p)
{
	appeals_import_drop(p);
	for (int i = 0; i < ORDER_NOTE__COUNT; i++)
		sb_free(&p->imp_notes[i].text);
}

/* a section of the preview: its lines, and how many more there were */
static void preview_section(detail *d, const char *title, const struct order_notes *s)
{
	if (!s->n)
		return;
	detail_section(d, title);
	detail_items_more(d, sb_str(&s->text), s->n, PREVIEW_LINES);
}

static void count_field(detail *d, const char *label, long n)
{
	char num[32];
	snprintf(num, sizeof num, "%ld", n);
	detail_field(d, label, num);
}

static void build_preview(app_pane *p)
{
	detail *d = p->det;
	const order_import_result *imp = &p->imp;
	detail_clear(d, false);
	char *title = xasprintf(_("Work-order import preview: %s"), imp->path);
	detail_title(d, title);
	xfree(&title);
	detail_section(d, _("File"));
	detail_field(d, _("Encoding"), imp->encoding);
	detail_field(d, _("Channel"), _(appeal_channel_label(imp->channel)));
	count_field(d, _("Rows"), imp->rows);
	count_field(d, _("New appeals"), imp->nnew);
	count_field(d, _("Held for matching"), imp->nheld);
	count_field(d, _("Already registered"), imp->nknown);
	count_field(d, _("With errors"), imp->nbad);
	if (imp->nbad && p->imp_skip_bad) {
		char *note = xasprintf(P_("The row with an error will be skipped (see Errors below) "
		                          "and the good rows imported; press s to import nothing while "
		                          "a row is bad.",
		                          "The %ld rows with errors will be skipped (see Errors below) "
		                          "and the good rows imported; press s to import nothing while "
		                          "a row is bad.", (unsigned long)imp->nbad), imp->nbad);
		detail_note(d, note);
		free(note);
	}
	else if (imp->nbad && imp->nnew + imp->nheld > 0)
		detail_note(d, _("Nothing will be imported while a row has an error: fix the file and "
		                 "import it again, or press s to import the good rows and skip the bad "
		                 "ones (as --skip-bad on the command line)."));
	else if (imp->nbad)
		detail_note(d, _("Nothing can be imported: every row has an error or was imported "
		                 "before."));
	else if (!imp->nnew && !imp->nheld)
		detail_note(d, _("Every work order of this file was imported before: nothing new."));
	else if (imp->nheld)
		detail_note(d, _("A held work order waits in the matching queue until a person picks "
		                 "its enterprise."));
	preview_section(d, _("Errors"), &p->imp_notes[ORDER_NOTE_BAD]);
	preview_section(d, _("New appeals"), &p->imp_notes[ORDER_NOTE_NEW]);
	preview_section(d, _("Held for matching"), &p->imp_notes[ORDER_NOTE_HELD]);
	preview_section(d, _("Already registered"), &p->imp_notes[ORDER_NOTE_KNOWN]);
}

/* run the import of path in mode with the pane's hooks into p->imp; -1 after saying why */
static int run_import(app_pane *p, const char *path, ent_import_mode mode, bool notes)
{
	appeals_import_drop(p);
	strbuf err = STRBUF_INIT;
	order_colmap map;
	int rc = app_order_map_load(ORDER_MAP_DEFAULT, &map, &err);
	if (rc == 0) {
		order_import_hooks hooks = { .progress = imp_progress, .arg = p };
		if (notes) {
			hooks.bad = imp_bad;
			hooks.good = imp_good;
			hooks.known = imp_known;
		}
		rc = app_order_import(appeals_ctx(p), &map, path, NULL, mode, &hooks, &p->imp, &err);
		p->have_imp = true;
		order_colmap_free(&map);
	}
	if (rc < 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		appeals_import_drop(p);
	}
	sb_free(&err);
	return rc;
}

static void import_path(void *arg, const char *text)
{
	app_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Import cancelled"));
		return;
	}
	if (run_import(p, text, ENT_IMPORT_CHECK, true) == 0) {
		p->imp_skip_bad = false;
		build_preview(p);
		p->back = p->mode == MODE_HELD ? MODE_HELD : MODE_LIST;
		p->mode = MODE_PREVIEW;
	}
	shell_dirty_pane(p->sh);
}

void appeals_import_start(app_pane *p)
{
	shell_prompt(p->sh, _("Import work orders from (12345 export, CSV or xlsx): "), "",
	             import_path, p);
}

bool appeals_import_can(const app_pane *p)
{
	return p->have_imp && import_commits(p->imp_skip_bad ? ENT_IMPORT_GOOD : ENT_IMPORT_ALL,
	                                     p->imp.nbad) &&
	       p->imp.nnew + p->imp.nheld > 0;
}

bool appeals_import_toggle_skip(app_pane *p)
{
	if (!p->have_imp || !p->imp.nbad || p->imp.nnew + p->imp.nheld == 0)
		return false;
	p->imp_skip_bad = !p->imp_skip_bad;
	build_preview(p);
	return true;
}

void appeals_import_finish(app_pane *p, bool yes)
{
	pane_mode back = p->back;
	if (yes && appeals_import_can(p)) {
		/* the file is read again and written as it is now: should it have gained a
		 * bad row since the preview, nothing is written */
		char *path = xstrdup(p->imp.path);
		ent_import_mode mode = p->imp_skip_bad ? ENT_IMPORT_GOOD : ENT_IMPORT_ALL;
		if (run_import(p, path, mode, false) == 0) {
			if (!p->imp.written)
				shell_error(p->sh, P_("%s: %ld bad row; nothing imported (fix it, or use "
				                      "--skip-bad FILE)",
				                      "%s: %ld bad rows; nothing imported (fix them, or use "
				                      "--skip-bad FILE)", p->imp.nbad),
				            p->imp.path, p->imp.nbad);
			else
				shell_message(p->sh, _("%s (%s): %ld new, %ld held for matching, %ld already "
				                       "registered, %ld bad"),
				              p->imp.path, p->imp.encoding, p->imp.nnew, p->imp.nheld,
				              p->imp.nknown, p->imp.nbad);
		}
		xfree(&path);
		appeals_refresh(p);
		appeals_held_load(p);
	} else {
		shell_message(p->sh, "%s", _("Nothing imported"));
	}
	appeals_import_drop(p);
	p->mode = back;
}

/* the matching queue: the held orders as the app gives them (callers masked) */
static void held_free_rows(app_pane *p)
{
	for (int i = 0; i < p->nheld; i++)
		order_rec_clear(&p->held[i]);
	xfree(&p->held);
	p->nheld = 0;
}

void appeals_held_load(app_pane *p)
{
	held_free_rows(p);
	strbuf err = STRBUF_INIT;
	if (app_order_held(appeals_ctx(p), &p->held, &p->nheld, &err) != APP_OK)
		shell_error(p->sh, "%s", sb_str(&err));
	sb_free(&err);
	lv_invalidate(p->held_lv);
}

static long held_count(void *arg)
{
	return ((app_pane *)arg)->nheld;
}

static int held_fetch(void *arg, long offset, int limit)
{
	app_pane *p = arg;
	long left = p->nheld - offset;
	return left < 0 ? 0 : left < limit ? (int)left : limit;
}

/* the queue's columns on the screen, each the words of one of app_order_columns: the
 * order's number, when it came in, who called (masked as the app masks it), the
 * enterprise as the order gave it and why it is held; the code and the content on a
 * wide screen */
static const int held_of[] = {
	ORDER_COL_NUMBER, ORDER_COL_RECEIVED, ORDER_COL_CALLER, ORDER_COL_ENTERPRISE,
	ORDER_COL_USCC, ORDER_COL_REASON, ORDER_COL_CONTENT,
};
#define HELD_COLS ((int)(sizeof held_of / sizeof *held_of))
static const app_column held_columns[HELD_COLS] = {
	{ NULL, N_("Work order"), COL_STR, 14, false, TEXT_LEFT, 0 },
	{ NULL, N_("Call time"), COL_STR, 16, false, TEXT_LEFT, 0 },
	{ NULL, N_("Caller"), COL_STR, 8, false, TEXT_LEFT, 0 },
	{ NULL, N_("Enterprise as given"), COL_STR, 18, false, TEXT_LEFT, 0 },
	{ NULL, N_("USCC as given"), COL_STR, 18, false, TEXT_LEFT, 120 },
	{ NULL, N_("Why held"), COL_STR, 16, true, TEXT_LEFT, 0 },
	{ NULL, N_("Content"), COL_STR, 24, false, TEXT_LEFT, 100 },
};

static const char *held_cell(void *arg, long row, int col)
{
	app_pane *p = arg;
	sb_reset(&p->cell);
	if (row < 0 || row >= p->nheld || col < 0 || col >= HELD_COLS)
		return "";
	const order_rec *o = &p->held[row];
	/* the call time to the minute ("YYYY-MM-DD HH:MM"), as the appeals' times are shown */
	if (held_of[col] == ORDER_COL_RECEIVED)
		sb_addn(&p->cell, o->received_at, strnlen(o->received_at, 16));
	else
		app_order_cell(o, held_of[col], CELL_WORDS, &p->cell);
	return sb_str(&p->cell);
}

void appeals_held_init(app_pane *p)
{
	lv_source src = { held_count, held_fetch, held_cell, p };
	p->held_lv = lv_new(held_columns, HELD_COLS, &src);
}

void appeals_held_free(app_pane *p)
{
	held_free_rows(p);
	lv_free(&p->held_lv);
}

void appeals_held_open(app_pane *p)
{
	appeals_held_load(p);
	lv_handle(p->held_lv, ACT_FIRST);
	p->mode = MODE_HELD;
}

void appeals_held_recalc(app_pane *p, ui_rect r)
{
	lv_recalc(p->held_lv, (ui_rect){ r.y + 1, r.x, r.h - 1, r.w });
}

void appeals_held_repaint(app_pane *p, ui_rect r)
{
	char *head = xasprintf(P_("Work orders held for matching, oldest first: %d",
	                          "Work orders held for matching, oldest first: %d",
	                          (unsigned long)p->nheld), p->nheld);
	char pos[32] = "";
	if (p->nheld > 0)
		snprintf(pos, sizeof pos, "%ld/%d", lv_cursor(p->held_lv) + 1, p->nheld);
	int pw = text_width(pos);
	draw_text(r.y, r.x, r.w - pw, head, TEXT_LEFT, STYLE_NORMAL);
	if (pw)
		draw_text(r.y, r.x + r.w - pw, pw, pos, TEXT_RIGHT, STYLE_NORMAL);
	xfree(&head);
	ui_rect list = { r.y + 1, r.x, r.h - 1, r.w };
	lv_repaint(p->held_lv, list);
	if (p->nheld == 0 && list.h > 2)
		draw_text(list.y + 2, list.x, list.w, _("No work order waits for matching."),
		          TEXT_CENTER, STYLE_DIM);
}

/* the form that matches the order under the cursor: what the order said, and the
 * enterprise picker */
void appeals_form_match(app_pane *p)
{
	long at = lv_cursor(p->held_lv);
	if (at < 0 || at >= p->nheld)
		return;
	const order_rec *o = &p->held[at];
	const staff *me = app_actor(appeals_ctx(p));
	form_free(&p->form);
	char *title = xasprintf(_("Match work order %s"), o->external_no);
	p->form = form_new(p->sh, title);
	xfree(&title);
	strbuf b = STRBUF_INIT;
	app_order_cell(o, ORDER_COL_RECEIVED, CELL_WORDS, &b);
	form_add_note(p->form, _("Call time"), sb_str(&b));
	form_add_note(p->form, _("Caller"), o->caller_name);
	form_add_note(p->form, _("Enterprise as given"), o->enterprise_name);
	form_add_note(p->form, _("USCC as given"), o->uscc);
	sb_reset(&b);
	app_order_cell(o, ORDER_COL_REASON, CELL_WORDS, &b);
	form_add_note(p->form, _("Why held"), sb_str(&b));
	sb_reset(&b);
	app_order_cell(o, ORDER_COL_CONTENT, CELL_WORDS, &b);
	form_add_note(p->form, _("Content"), sb_str(&b));
	sb_free(&b);
	const char *scope = me->role == ROLE_AREA_OFFICER ? me->area : NULL;
	p->fld_ent = form_add_enterprise(p->form, _("Enterprise"), appeals_db(p), scope, 0, NULL,
	                                 true);
	form_focus(p->form, p->fld_ent);
	const char *buttons[] = { _("Register"), _("Cancel") };
	form_set_buttons(p->form, buttons, 2, 1);
	p->match_id = o->id;
	xfree(&p->match_no);
	p->match_no = xstrdup(o->external_no);
	p->purpose = FP_MATCH;
	p->back = MODE_HELD;
	p->mode = MODE_FORM;
}

bool appeals_match_save(app_pane *p)
{
	int64_t id = form_enterprise(p->form, p->fld_ent);
	ent_record e = { 0 };
	store_err se = { 0 };
	if (!id || shell_store_rc(p->sh, ent_store_get(appeals_db(p), NULL, id, &e, &se), &se)
	               != 0) {
		form_set_error(p->form, p->fld_ent, _("pick the enterprise from the list"));
		return false;
	}
	char number[TICKET_NUMBER_SIZE];
	strbuf err = STRBUF_INIT;
	app_status st = app_order_assign(appeals_ctx(p), p->match_id, e.uscc, number, &err);
	ent_record_clear(&e);
	if (st != APP_OK) {
		form_set_error(p->form, -1, sb_str(&err));
		sb_free(&err);
		return false;
	}
	sb_free(&err);
	shell_message(p->sh, _("Work order %s registered as appeal %s"), p->match_no, number);
	appeals_refresh(p);
	appeals_held_load(p);
	return true;
}
