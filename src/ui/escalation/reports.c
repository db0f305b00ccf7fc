/* The Escalation pane's report views: what `qifu report units` (the supervision
 * figures, charts as wide as the pane) and `qifu report quarter` (the quarterly
 * assessment) print, as lines the pane scrolls; roles without the reports are told so. */
#include <string.h>

#include "app/app.h"
#include "app/report_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/escalation/private.h"

void escalation_report_free(esc_pane *p)
{
	for (int i = 0; i < p->nlines; i++)
		xfree(&p->lines[i]);
	xfree(&p->lines);
	p->nlines = 0;
}

/* split text at newlines into the view's lines */
static void set_lines(esc_pane *p, const char *text)
{
	escalation_report_free(p);
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		p->lines = xrealloc(p->lines, (size_t)(p->nlines + 1) * sizeof *p->lines);
		p->lines[p->nlines++] = xstrndup(s, len);
		s += len + (nl != NULL);
	}
}

report_spec escalation_report_spec(const esc_pane *p)
{
	report_spec r = { .kind = p->mode == MODE_UNITS ? REPORT_UNITS : REPORT_QUARTER,
		.from = p->from, .to = p->to, .quarter = p->quarter };
	return r;
}

void escalation_report_build(esc_pane *p, int width)
{
	strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	report_spec r = escalation_report_spec(p);
	if (report_text(shell_ctx(p->sh), &r, width, &out, &err) < 0)
		sb_addf(&out, "%s\n", sb_str(&err));
	set_lines(p, sb_str(&out));
	sb_free(&out);
	sb_free(&err);
	p->lines_stale = false;
}

void escalation_report_repaint(esc_pane *p, ui_rect r)
{
	if (!p->may_report) {
		const char *lines[] = {
			p->mode == MODE_UNITS ? _("Supervision figures") : _("Quarterly assessment"),
			"",
			_("The reports are for supervisors and leaders; your role does not see them."),
		};
		draw_message(r, lines, 3, STYLE_NORMAL);
		return;
	}
	if (p->top > p->nlines - r.h)
		p->top = p->nlines - r.h;
	if (p->top < 0)
		p->top = 0;
	for (int y = 0; y < r.h; y++) {
		int i = p->top + y;
		draw_text(r.y + y, r.x, r.w, i < p->nlines ? p->lines[i] : "", TEXT_LEFT,
		          STYLE_NORMAL);
	}
}
