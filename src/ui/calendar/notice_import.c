/* A State Council holiday notice imported from the Calendar (administrators): the
 * preview of what it changes (the days, the open appeals whose due dates move, the
 * inspection plans on changed days), worded by the functions `qifu holiday import`
 * prints with, then y applies it in one transaction and anything else leaves it. */
#include "app/holiday_import.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "ui/calendar/private.h"

void calendar_import_drop(cal_pane *p)
{
	if (p->have_pv)
		holiday_preview_clear(&p->pv);
	p->have_pv = false;
}

/* one section of the preview: its heading with the count, then a line per item */
static void preview_section(cal_pane *p, const char *heading, int n,
		void (*line)(cal_pane *p, int i, strbuf *out))
{
	detail_section(p->view, heading);
	if (n == 0)
		detail_note(p->view, _("none"));
	strbuf s = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		line(p, i, &s);
		detail_item(p->view, sb_str(&s));
		sb_reset(&s);
	}
	sb_free(&s);
}

static void day_line(cal_pane *p, int i, strbuf *out)
{
	holiday_preview_day(calendar_ctx(p), &p->pv, i, out);
}

static void move_line(cal_pane *p, int i, strbuf *out)
{
	holiday_preview_move(&p->pv, i, out);
}

static void plan_line(cal_pane *p, int i, strbuf *out)
{
	holiday_preview_plan(&p->pv, i, out);
}

static void build_preview(cal_pane *p)
{
	const holiday_preview *pv = &p->pv;
	detail_clear(p->view, false);
	char *title = xasprintf(_("Holiday notice for %d: %s"), pv->notice.year, pv->source);
	detail_title(p->view, title);
	xfree(&title);
	detail_field(p->view, _("Notice"), pv->notice.notice ? pv->notice.notice : "-");
	detail_field(p->view, _("It replaces"), holiday_preview_was(pv));
	char *h = xasprintf(_("Days that change (%d)"), pv->nchanged);
	preview_section(p, h, pv->nchanged, day_line);
	xfree(&h);
	h = xasprintf(_("Open appeals whose due dates move (%ld)"), pv->moves.appeals);
	preview_section(p, h, pv->moves.n, move_line);
	xfree(&h);
	h = xasprintf(_("Inspection plans on changed days (%d)"), pv->nplans);
	preview_section(p, h, pv->nplans, plan_line);
	xfree(&h);
}

static void import_done(void *arg, const char *text)
{
	cal_pane *p = arg;
	if (!text || !*text) {
		shell_message(p->sh, "%s", _("Import cancelled"));
		return;
	}
	calendar_import_drop(p);
	strbuf err = STRBUF_INIT;
	int rc = holiday_import_preview(calendar_ctx(p), text, &p->pv, &err);
	p->have_pv = true;
	if (rc != 0) {
		shell_error(p->sh, "%s", sb_str(&err));
		calendar_import_drop(p);
	} else {
		build_preview(p);
		p->mode = MODE_PREVIEW;
	}
	sb_free(&err);
	shell_dirty_pane(p->sh);
}

void calendar_import_start(cal_pane *p)
{
	if (shell_allowed(p->sh, PERM_HOLIDAY_IMPORT, NULL))
		shell_prompt(p->sh, _("Import a holiday notice from (YYYY.txt): "), "", import_done, p);
}

static void finish_import(cal_pane *p, bool yes)
{
	if (yes) {
		strbuf err = STRBUF_INIT;
		if (holiday_import_apply(calendar_ctx(p), &p->pv, &err) < 0)
			shell_error(p->sh, _("%s; nothing imported"), sb_str(&err));
		else
			shell_message(p->sh, _("Imported the notice for %d: %d days changed, %ld appeals' due dates recomputed"),
			              p->pv.notice.year, p->pv.nchanged, p->pv.moves.appeals);
		sb_free(&err);
		calendar_refresh(p);
	} else {
		shell_message(p->sh, "%s", _("Nothing imported"));
	}
	calendar_import_drop(p);
	p->mode = MODE_GRID;
}

unsigned calendar_import_key(cal_pane *p, const pane_event *ev)
{
	bool yes;
	unsigned r = detail_question_key(p->view, ev, &yes);
	if (!(r & REACT_CLOSE))
		return r;
	finish_import(p, yes);
	return REACT_RECALC;
}
